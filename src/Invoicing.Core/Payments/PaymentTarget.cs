using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Payments;

/// <summary>
/// One invoice a payment is applied to (<see cref="PaymentService.ApplyAsync"/>): the invoice's
/// current version, optionally the amount of the payment it takes, and the credit notes issued for
/// it so far (needed when an early-payment discount is granted by a further credit note).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record PaymentTarget
{
    /// <summary>Creates a target.</summary>
    /// <param name="invoice">The invoice's current version.</param>
    /// <param name="amount">The part of the payment it takes: positive, in whole minor units; or null to let the service allocate in order.</param>
    /// <param name="creditNotes">Every credit note issued for the invoice so far, or null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or an element of <paramref name="creditNotes"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not in whole minor units.</exception>
    public PaymentTarget(Invoice invoice, Money? amount = null, IEnumerable<CreditNote>? creditNotes = null)
    {
        Invoice = Preconditions.CheckNotNull(invoice);
        if (amount is Money given && (!given.IsPositive || !given.IsRoundedToMinorUnits))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), given, $"The amount given for invoice {invoice} is positive and in whole minor units; got {given}.");
        }

        Amount = amount;
        CreditNotes = creditNotes is null ? [] : Preconditions.CopyNotNull(creditNotes);
    }

    /// <summary>The invoice's current version.</summary>
    public Invoice Invoice { get; }

    /// <summary>The part of the payment it takes, or null to allocate in order.</summary>
    public Money? Amount { get; }

    /// <summary>The credit notes issued for the invoice so far.</summary>
    public IReadOnlyList<CreditNote> CreditNotes { get; }

    /// <summary>A target for each invoice, in the order given, without explicit amounts or credit notes.</summary>
    /// <param name="invoices">The invoices' current versions.</param>
    /// <returns>The targets.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoices"/> or an element is null.</exception>
    public static IReadOnlyList<PaymentTarget> InOrder(params IEnumerable<Invoice> invoices)
        => [.. Preconditions.CopyNotNull(invoices).Select(i => new PaymentTarget(i))];
}
