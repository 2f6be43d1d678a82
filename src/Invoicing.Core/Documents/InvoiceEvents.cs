using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// Something that happened to an invoice: every command of the <see cref="InvoiceService"/> returns
/// the new version of the invoice with one event. Hosts store events, publish them, or ignore them.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version of the invoice the event produced.</param>
/// <param name="OccurredAt">When it happened, from the service's clock.</param>
public abstract record InvoiceEvent(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt);

/// <summary>A draft invoice was created.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced (1).</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvoiceDrafted(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>The header of a draft changed (seller, buyer, terms, references, pricing, rounding...).</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvoiceHeaderChanged(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A line was added to a draft.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Line">The line.</param>
public sealed record InvoiceLineAdded(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, InvoiceLine Line)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A line of a draft was replaced by a new version of it (same id).</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Line">The new line.</param>
public sealed record InvoiceLineReplaced(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, InvoiceLine Line)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>The tax rules decided the treatment of every line, allowance and charge of a draft.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Provider">The provider (or chain) that was asked.</param>
/// <param name="Decisions">The distinct decisions taken, in the order of first use.</param>
public sealed record InvoiceTaxDecided(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, string Provider, IReadOnlyList<Tax.TaxDecision> Decisions)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A line was removed from a draft.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="LineId">The removed line.</param>
public sealed record InvoiceLineRemoved(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, InvoiceLineId LineId)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A document-level allowance or charge was added to a draft.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="AllowanceCharge">The allowance or charge.</param>
public sealed record InvoiceAllowanceChargeAdded(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, DocumentAllowanceCharge AllowanceCharge)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A document-level allowance or charge was removed from a draft.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="AllowanceChargeId">The removed allowance or charge.</param>
public sealed record InvoiceAllowanceChargeRemoved(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, InvoiceLineId AllowanceChargeId)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A draft was thrown away; it never got a number.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
public sealed record InvoiceDiscarded(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>The invoice was issued: it has a number, an issue date and a due date, and is immutable from now on.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Number">The invoice number (BT-1).</param>
/// <param name="IssueDate">The issue date (BT-2).</param>
/// <param name="DueDate">The due date (BT-9).</param>
/// <param name="AmountDue">The amount due (BT-115).</param>
public sealed record InvoiceIssued(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, InvoiceNumber Number, LocalDate IssueDate, LocalDate DueDate, Money AmountDue)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A payment was recorded against the invoice.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Payment">The payment.</param>
/// <param name="OpenAmount">What is still open after it.</param>
/// <param name="Status">The status after it: partially paid or paid.</param>
public sealed record InvoicePaymentRecorded(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, RecordedPayment Payment, Money OpenAmount, InvoiceStatus Status)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>The open amount was written off as uncollectible (the whole invoice; a small difference is <see cref="InvoiceDifferenceWrittenOff"/>).</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Amount">The amount written off.</param>
/// <param name="Reason">Why.</param>
public sealed record InvoiceWrittenOff(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, Money Amount, string Reason)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A payment or a written-off difference was reversed, in whole or in part (a returned direct debit, a bounced cheque): the invoice is open again by that amount.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reversal">The reversal entry (its <see cref="RecordedPayment.Reverses"/> names the entry reversed).</param>
/// <param name="OpenAmount">What is open after it.</param>
/// <param name="Status">The status after it: paid, partially paid or issued.</param>
public sealed record InvoicePaymentReversed(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, RecordedPayment Reversal, Money OpenAmount, InvoiceStatus Status)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A small difference (a bank fee, a rounding difference) was written off with a reason; the rest of the invoice stays as it was.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="WriteOff">The write-off entry.</param>
/// <param name="OpenAmount">What is open after it.</param>
/// <param name="Status">The status after it: paid when nothing is open.</param>
public sealed record InvoiceDifferenceWrittenOff(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, RecordedPayment WriteOff, Money OpenAmount, InvoiceStatus Status)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>The new version of an invoice and the event that produced it.</summary>
/// <param name="Invoice">The new version.</param>
/// <param name="Event">What happened.</param>
public sealed record InvoiceChange(Invoice Invoice, InvoiceEvent Event);

/// <summary>What an entry of <see cref="Invoice.Payments"/> records.</summary>
public enum RecordedPaymentKind
{
    /// <summary>Money received for the invoice (<see cref="InvoiceService.RecordPayment"/>).</summary>
    Payment = 0,

    /// <summary>An earlier payment or write-off taken back, in whole or in part (a returned direct debit, a bounced cheque): <see cref="InvoiceService.ReversePayment"/>.</summary>
    Reversal = 1,

    /// <summary>A small difference written off with a reason (a bank fee, a rounding difference): <see cref="InvoiceService.WriteOffDifference"/>.</summary>
    WriteOff = 2,
}

/// <summary>
/// One immutable entry of the money side of an issued invoice: a payment, a small difference
/// written off, or the reversal of one of them. Entries are never changed or removed; a reversal
/// is a new entry naming the one it reverses by its position (<see cref="Reverses"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record RecordedPayment
{
    /// <summary>Creates an entry.</summary>
    /// <param name="amount">The amount: positive, in whole minor units (a reversal gives the amount it takes back, also positive).</param>
    /// <param name="date">The value date of a payment; the date of a write-off or reversal.</param>
    /// <param name="reference">The payment's reference (bank reference, receipt number), or null; at most 200 characters.</param>
    /// <param name="kind">What the entry records; a payment by default.</param>
    /// <param name="reason">Why: required for a write-off and a reversal (at most 1000 characters), null for a payment.</param>
    /// <param name="reverses">For a reversal, the position in <see cref="Invoice.Payments"/> (1 for the first entry) of the payment or write-off it reverses; null for the other kinds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not in whole minor units, <paramref name="kind"/> is undefined, or <paramref name="reverses"/> is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is longer than 200 characters, <paramref name="reason"/> is missing or blank for a write-off or reversal or given for a payment, or <paramref name="reverses"/> is missing for a reversal or given for another kind.</exception>
    public RecordedPayment(Money amount, LocalDate date, string? reference, RecordedPaymentKind kind = RecordedPaymentKind.Payment, string? reason = null, int? reverses = null)
    {
        if (!amount.IsPositive || !amount.IsRoundedToMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A payment must be positive and in whole minor units; got {amount}.");
        }

        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined recorded payment kind.");
        }

        if (kind == RecordedPaymentKind.Payment)
        {
            Reason = reason is null ? null : throw new ArgumentException($"A payment has no reason; got '{reason}'. Only write-offs and reversals have one.", nameof(reason));
        }
        else
        {
            Reason = TextField.Required(reason, nameof(reason), 1000);
        }

        if ((kind == RecordedPaymentKind.Reversal) != reverses.HasValue)
        {
            throw new ArgumentException($"A reversal names the entry it reverses, and no other entry does ({kind}, reverses {reverses?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}).", nameof(reverses));
        }

        if (reverses is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(reverses), reverses, "A reversal names an entry by its position, from 1.");
        }

        Amount = amount;
        Date = date;
        Reference = TextField.Optional(reference, nameof(reference), 200);
        Kind = kind;
        Reverses = reverses;
    }

    /// <summary>The amount, in the invoice currency; positive for every kind (<see cref="Kind"/> gives its direction).</summary>
    public Money Amount { get; }

    /// <summary>The value date of a payment; the date of a write-off or reversal.</summary>
    public LocalDate Date { get; }

    /// <summary>The payment's reference, or null.</summary>
    public string? Reference { get; }

    /// <summary>What the entry records.</summary>
    public RecordedPaymentKind Kind { get; }

    /// <summary>Why a difference was written off or an entry reversed; null for a payment.</summary>
    public string? Reason { get; }

    /// <summary>For a reversal, the position in <see cref="Invoice.Payments"/> (from 1) of the entry it reverses; null otherwise.</summary>
    public int? Reverses { get; }
}

/// <summary>A credit note applied to an invoice: the part that reduced its open amount, and the rest, which became customer credit.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AppliedCredit
{
    /// <summary>Creates the record.</summary>
    /// <param name="creditNoteId">The credit note.</param>
    /// <param name="number">Its number.</param>
    /// <param name="total">What it credits, tax included: positive, in whole minor units.</param>
    /// <param name="applied">The part that reduced the invoice's open amount: from zero to <paramref name="total"/>, same currency.</param>
    /// <param name="date">When it was applied.</param>
    /// <exception cref="ArgumentException"><paramref name="creditNoteId"/> or <paramref name="number"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amounts are out of range or in different currencies.</exception>
    /// <param name="fromCustomerCredit">True when the credit is customer credit drawn from a credit note of another invoice; false for a note of this invoice.</param>
    public AppliedCredit(CreditNoteId creditNoteId, InvoiceNumber number, Money total, Money applied, LocalDate date, bool fromCustomerCredit = false)
    {
        FromCustomerCredit = fromCustomerCredit;
        Identifier.RequireSet(creditNoteId, nameof(creditNoteId));
        Identifier.RequireSet(number, nameof(number));
        if (!total.IsPositive || !total.IsRoundedToMinorUnits || applied.Currency != total.Currency || applied.IsNegative || applied > total || !applied.IsRoundedToMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(applied), applied, $"An applied credit has a positive total and applies between zero and it, in its currency; got {applied} of {total}.");
        }

        CreditNoteId = creditNoteId;
        Number = number;
        Total = total;
        Applied = applied;
        Date = date;
    }

    /// <summary>The credit note.</summary>
    public CreditNoteId CreditNoteId { get; }

    /// <summary>Its number.</summary>
    public InvoiceNumber Number { get; }

    /// <summary>What it credits, tax included.</summary>
    public Money Total { get; }

    /// <summary>The part that reduced the invoice's open amount.</summary>
    public Money Applied { get; }

    /// <summary>The rest, which became customer credit.</summary>
    public Money Unapplied => Total - Applied;

    /// <summary>When it was applied.</summary>
    public LocalDate Date { get; }

    /// <summary>True when the credit is customer credit drawn from a credit note of another invoice; false for a note of this invoice.</summary>
    public bool FromCustomerCredit { get; }
}

/// <summary>A credit note was applied to an invoice.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Credit">The credit: what reduced the open amount and what became customer credit.</param>
/// <param name="OpenAmount">The open amount after it.</param>
/// <param name="Status">The status after it (cancelled by a full cancellation, paid when nothing is open).</param>
public sealed record InvoiceCreditApplied(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, AppliedCredit Credit, Money OpenAmount, InvoiceStatus Status)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A customer disputed an invoice or some of its lines.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Dispute">The dispute.</param>
public sealed record InvoiceDisputed(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, Dispute Dispute)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);

/// <summary>A dispute was resolved: accepted by a credit note, or rejected.</summary>
/// <param name="InvoiceId">The invoice.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="Version">The version produced.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Dispute">The dispute as resolved.</param>
public sealed record InvoiceDisputeResolved(InvoiceId InvoiceId, TenantId TenantId, int Version, Instant OccurredAt, Dispute Dispute)
    : InvoiceEvent(InvoiceId, TenantId, Version, OccurredAt);
