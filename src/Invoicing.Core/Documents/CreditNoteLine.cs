using System.Globalization;
using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Documents;

/// <summary>
/// One line of a credit note: what it credits of one invoice line (or document allowance or
/// charge), with the original's tax treatment.
/// </summary>
/// <param name="Id">The credit note line's id (BT-126), "1", "2", ... in order.</param>
/// <param name="OriginalLineId">The invoice line, allowance or charge it credits.</param>
/// <param name="Description">The credited item's name, or the allowance's or charge's reason.</param>
/// <param name="Quantity">The credited quantity, in the original line's unit, or null when credited by amount (or for an allowance or charge).</param>
/// <param name="Amount">The credited amount in the invoice's pricing mode (net, or tax-inclusive for a gross-priced invoice); negative for a credited allowance.</param>
/// <param name="NetAmount">The credited net amount (BT-131).</param>
/// <param name="TaxAmount">The line's share of the credited tax.</param>
/// <param name="Tax">The original's tax treatment, reused even if the rate has changed since.</param>
public sealed record CreditNoteLine(
    InvoiceLineId Id, InvoiceLineId OriginalLineId, string Description, decimal? Quantity, Money Amount, Money NetAmount, Money TaxAmount, TaxTreatment Tax)
{
    /// <summary>Returns "1: 2 × Coffee beans (line 3), EUR 29.98 (net EUR 28.02, tax EUR 1.96)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Id}: {(Quantity is decimal q ? $"{q} × " : string.Empty)}{Description} (line {OriginalLineId}), {Amount} (net {NetAmount}, tax {TaxAmount})");
}
