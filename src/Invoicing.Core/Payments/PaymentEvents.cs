using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Payments;

/// <summary>Something that happened to a payment: every command of <see cref="PaymentService"/> returns the next version with one event.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="PaymentId">The payment.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version of the payment the event produced.</param>
/// <param name="OccurredAt">When it happened, from the service's clock.</param>
public abstract record PaymentEvent(PaymentId PaymentId, TenantId TenantId, int Version, Instant OccurredAt);

/// <summary>A payment was received (nothing allocated yet).</summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced (1).</param>
/// <param name="OccurredAt">When.</param>
/// <param name="CustomerId">The customer who paid.</param>
/// <param name="Amount">The amount.</param>
/// <param name="ValueDate">The value date.</param>
/// <param name="Method">How it was paid.</param>
public sealed record PaymentReceived(PaymentId PaymentId, TenantId TenantId, int Version, Instant OccurredAt, CustomerId CustomerId, Money Amount, LocalDate ValueDate, PaymentMethod Method)
    : PaymentEvent(PaymentId, TenantId, Version, OccurredAt);

/// <summary>A payment was applied: to invoices, with discounts and written-off differences where they settled them, and any rest to customer credit.</summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Allocations">The new allocation entries, in order.</param>
/// <param name="Unallocated">What is left unallocated after them.</param>
public sealed record PaymentAllocated(PaymentId PaymentId, TenantId TenantId, int Version, Instant OccurredAt, IReadOnlyList<PaymentAllocation> Allocations, Money Unallocated)
    : PaymentEvent(PaymentId, TenantId, Version, OccurredAt);

/// <summary>A payment was reversed (a returned direct debit, a bounced cheque): its allocations were reversed and its documents reopened.</summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reversals">The reversal entries, in order.</param>
/// <param name="Date">The date of the reversal.</param>
/// <param name="Reason">Why.</param>
public sealed record PaymentReversed(PaymentId PaymentId, TenantId TenantId, int Version, Instant OccurredAt, IReadOnlyList<PaymentAllocation> Reversals, LocalDate Date, string Reason)
    : PaymentEvent(PaymentId, TenantId, Version, OccurredAt);

/// <summary>The new version of a payment and the event that produced it.</summary>
/// <param name="Payment">The new version.</param>
/// <param name="Event">What happened.</param>
public sealed record PaymentChange(Payment Payment, PaymentEvent Event);

/// <summary>
/// Everything one payment command changed, to be stored together: the payment's new version, every
/// invoice version in order (with its event), the discount credit notes issued, and the customer
/// credit account's change.
/// </summary>
/// <param name="Payment">The payment's new version and its event.</param>
/// <param name="InvoiceChanges">Every invoice change, in the order made (an invoice may change more than once; its last change holds its current version).</param>
/// <param name="Invoices">The current version of every invoice touched, in the order the command named them.</param>
/// <param name="CreditNotes">The discount credit notes issued, with their events; empty when none.</param>
/// <param name="Credit">The customer credit account's change, or null when the credit was not touched.</param>
public sealed record PaymentPosting(PaymentChange Payment, IReadOnlyList<InvoiceChange> InvoiceChanges, IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<CreditNoteChange> CreditNotes, CustomerCreditChange? Credit);
