using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>
/// The result of a tax calculation: the tax breakdown of the document (BG-23, one
/// <see cref="TaxSubtotal"/> per category and rate) and the net and tax of every item.
/// </summary>
/// <remarks>Immutable and thread-safe. Consistent by construction: the subtotals sum to the items.</remarks>
public sealed class TaxBreakdown
{
    /// <summary>Creates a breakdown, checking that its parts agree.</summary>
    /// <param name="currency">The document currency.</param>
    /// <param name="subtotals">One subtotal per category and rate.</param>
    /// <param name="items">The net and tax of each input item, in input order.</param>
    /// <exception cref="ArgumentNullException">An argument or an element is null.</exception>
    /// <exception cref="ArgumentException">Two subtotals share a category and rate, or the subtotals do not sum to the items.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is not in <paramref name="currency"/>.</exception>
    public TaxBreakdown(Currency currency, IEnumerable<TaxSubtotal> subtotals, IEnumerable<ItemTax> items)
    {
        var groups = Preconditions.CheckNotNull(subtotals).ToArray();
        var lines = Preconditions.CheckNotNull(items).ToArray();
        var taxable = Money.Zero(currency);
        var tax = Money.Zero(currency);
        for (var i = 0; i < groups.Length; i++)
        {
            var group = Preconditions.CheckNotNull(groups[i], nameof(subtotals));
            for (var j = 0; j < i; j++)
            {
                if (groups[j].Treatment.SameGroupAs(group.Treatment))
                {
                    throw new ArgumentException($"The tax breakdown has two subtotals for {group.Treatment}.", nameof(subtotals));
                }
            }

            taxable += group.TaxableAmount;
            tax += group.TaxAmount;
        }

        var net = Money.Zero(currency);
        var itemTax = Money.Zero(currency);
        foreach (var line in lines)
        {
            net += line.Net;
            itemTax += line.Tax;
        }

        if (net != taxable || itemTax != tax)
        {
            throw new ArgumentException(
                $"The tax subtotals ({taxable} taxable, {tax} tax) do not sum to the items ({net} net, {itemTax} tax).", nameof(items));
        }

        Currency = currency;
        Subtotals = Array.AsReadOnly(groups);
        Items = Array.AsReadOnly(lines);
        TaxableAmount = taxable;
        TaxAmount = tax;
    }

    /// <summary>The document currency.</summary>
    public Currency Currency { get; }

    /// <summary>One subtotal per tax category and rate (BG-23), ordered by category and then rate.</summary>
    public IReadOnlyList<TaxSubtotal> Subtotals { get; }

    /// <summary>The net and tax of each input item, in input order.</summary>
    public IReadOnlyList<ItemTax> Items { get; }

    /// <summary>The sum of the taxable amounts (Σ BT-116, equal to BT-109).</summary>
    public Money TaxableAmount { get; }

    /// <summary>The total tax (BT-110).</summary>
    public Money TaxAmount { get; }
}
