using Invoicing.Core.Monetary;

namespace Invoicing.Core.Documents;

/// <summary>
/// A credit note would credit more than remains creditable: on a line (quantity or amount), or in
/// total (counting every earlier credit note). Nothing was issued.
/// </summary>
public sealed class CreditExceedsRemainingException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="lineId">The line, or <c>default</c> for the invoice as a whole.</param>
    /// <param name="requested">What was requested ("quantity 3", "EUR 50.00").</param>
    /// <param name="remaining">What remains creditable ("quantity 2", "EUR 40.00").</param>
    /// <exception cref="ArgumentNullException"><paramref name="requested"/> or <paramref name="remaining"/> is null.</exception>
    public CreditExceedsRemainingException(InvoiceId invoiceId, InvoiceLineId lineId, string requested, string remaining)
        : base(lineId.IsEmpty
            ? $"Invoice {invoiceId}: {Preconditions.CheckNotNull(requested)} requested, but only {Preconditions.CheckNotNull(remaining)} remains creditable."
            : $"Invoice {invoiceId} line {lineId}: {Preconditions.CheckNotNull(requested)} requested, but only {Preconditions.CheckNotNull(remaining)} remains creditable.")
    {
        InvoiceId = invoiceId;
        LineId = lineId;
        Requested = requested;
        Remaining = remaining;
    }

    /// <summary>The invoice.</summary>
    public InvoiceId InvoiceId { get; }

    /// <summary>The line, or <c>default</c> for the invoice as a whole.</summary>
    public InvoiceLineId LineId { get; }

    /// <summary>What was requested.</summary>
    public string Requested { get; }

    /// <summary>What remains creditable.</summary>
    public string Remaining { get; }

    internal static CreditExceedsRemainingException Amount(InvoiceId invoice, InvoiceLineId line, Money requested, Money remaining)
        => new(invoice, line, requested.ToString(), remaining.ToString());
}
