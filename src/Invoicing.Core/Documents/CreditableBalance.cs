using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Documents;

/// <summary>What remains creditable of one invoice line, allowance or charge.</summary>
/// <param name="LineId">The invoice line, allowance or charge.</param>
/// <param name="IsLine">True for a line, false for a document allowance or charge.</param>
/// <param name="Quantity">The quantity not yet credited (lines; 0 for allowances and charges).</param>
/// <param name="Amount">The amount not yet credited, in the invoice's pricing mode (negative for an allowance).</param>
/// <param name="Tax">The treatment.</param>
public sealed record CreditableItem(InvoiceLineId LineId, bool IsLine, decimal Quantity, Money Amount, TaxTreatment Tax);

/// <summary>What remains creditable of one tax category and rate.</summary>
/// <param name="Treatment">The category and rate.</param>
/// <param name="NetAmount">The net not yet credited.</param>
/// <param name="TaxAmount">The tax not yet credited.</param>
public sealed record CreditableCategory(TaxTreatment Treatment, Money NetAmount, Money TaxAmount);

/// <summary>
/// What remains creditable of an invoice after its earlier credit notes: per line, allowance and
/// charge, per tax category and in total. A credit note can never take more.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CreditableBalance
{
    private CreditableBalance(IReadOnlyList<CreditableItem> items, IReadOnlyList<CreditableCategory> categories, Money total)
    {
        Items = items;
        Categories = categories;
        Total = total;
    }

    /// <summary>Per line, allowance and charge, in invoice order.</summary>
    public IReadOnlyList<CreditableItem> Items { get; }

    /// <summary>Per tax category and rate.</summary>
    public IReadOnlyList<CreditableCategory> Categories { get; }

    /// <summary>The total still creditable, tax included.</summary>
    public Money Total { get; }

    /// <summary>True when nothing remains creditable.</summary>
    public bool IsExhausted => Total.IsZero && Categories.All(c => c.NetAmount.IsZero && c.TaxAmount.IsZero);

    /// <summary>What remains creditable of an invoice.</summary>
    /// <param name="invoice">The invoice; issued.</param>
    /// <param name="earlier">Every credit note issued for it so far (in any order).</param>
    /// <returns>The balance.</returns>
    /// <exception cref="ArgumentNullException">An argument or an element is null.</exception>
    /// <exception cref="ArgumentException">A credit note belongs to another invoice, tenant or currency, or is given twice.</exception>
    /// <exception cref="InvoiceStateException">The invoice has not been issued.</exception>
    public static CreditableBalance Of(Invoice invoice, IEnumerable<CreditNote> earlier)
    {
        var state = CreditNoteCalculator.Remaining(Preconditions.CheckNotNull(invoice), Preconditions.CopyNotNull(earlier));
        var currency = invoice.Currency;
        var items = state.Items.Select(i => new CreditableItem(i.Id, i.IsLine, i.RemainingQuantity, Money.Of(i.RemainingAmount, currency), i.Tax)).ToArray();
        var categories = state.Groups.Select(g => new CreditableCategory(g.Treatment, Money.Of(g.RemainingNet, currency), Money.Of(g.RemainingTax, currency))).ToArray();
        var total = categories.Aggregate(Money.Zero(currency), (sum, c) => sum + c.NetAmount + c.TaxAmount);
        return new CreditableBalance(Array.AsReadOnly(items), Array.AsReadOnly(categories), total);
    }
}
