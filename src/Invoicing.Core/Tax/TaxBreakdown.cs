using System.Collections;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>
/// The result of a tax calculation: the tax breakdown of the document (BG-23, one
/// <see cref="TaxSubtotal"/> per category and rate) and the net and tax of every item.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Consistent by construction: the subtotals sum to the items. The item
/// results are kept as plain amounts and handed out as <see cref="ItemTax"/> values on demand; the
/// library's own calculator even computes each item's share of its category's tax only when it is
/// first asked for, since a document's totals do not need it.
/// </remarks>
public sealed class TaxBreakdown
{
    private readonly TaxSubtotal[] _subtotals;
    private readonly int _count;
    private readonly decimal[]? _knownNet;
    private readonly Func<(decimal[] Net, decimal[] Tax)>? _computeItems;
    private ItemAmounts? _items;

    /// <summary>Creates a breakdown, checking that its parts agree.</summary>
    /// <param name="currency">The document currency.</param>
    /// <param name="subtotals">One subtotal per category and rate.</param>
    /// <param name="items">The net and tax of each input item, in input order.</param>
    /// <exception cref="ArgumentNullException">An argument or an element is null.</exception>
    /// <exception cref="ArgumentException">Two subtotals share a category and rate, or the subtotals do not sum to the items.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is not in <paramref name="currency"/>.</exception>
    public TaxBreakdown(Currency currency, IEnumerable<TaxSubtotal> subtotals, IEnumerable<ItemTax> items)
        : this(currency, CheckSubtotals(subtotals, currency), Split(Preconditions.CheckNotNull(items), currency, out var tax), tax, nameof(items))
    {
    }

    /// <summary>Takes ownership of the arrays (no copy); checks that subtotals and items agree.</summary>
    internal TaxBreakdown(Currency currency, TaxSubtotal[] subtotals, decimal[] net, decimal[] tax, string paramName = "items")
        : this(currency, subtotals, net.Length, net, null)
    {
        _items = new ItemAmounts(net, tax);
        var netSum = 0m;
        var taxSum = 0m;
        for (var i = 0; i < net.Length; i++)
        {
            netSum += net[i];
            taxSum += tax[i];
        }

        if (netSum != TaxableAmount.Amount || taxSum != TaxAmount.Amount)
        {
            throw new ArgumentException(
                $"The tax subtotals ({TaxableAmount} taxable, {TaxAmount} tax) do not sum to the items ({Money.Of(netSum, currency)} net, {Money.Of(taxSum, currency)} tax).", paramName);
        }
    }

    /// <summary>
    /// A breakdown whose per-item shares are computed only when asked for (by the library's own
    /// calculator, which guarantees they sum to the subtotals); <paramref name="knownNet"/> holds the
    /// item nets when they are known without the shares (net pricing), or is null.
    /// </summary>
    private TaxBreakdown(Currency currency, TaxSubtotal[] subtotals, int count, decimal[]? knownNet, Func<(decimal[] Net, decimal[] Tax)>? computeItems)
    {
        var taxable = Money.Zero(currency);
        var taxTotal = Money.Zero(currency);
        foreach (var group in subtotals)
        {
            taxable += group.TaxableAmount;
            taxTotal += group.TaxAmount;
        }

        Currency = currency;
        _subtotals = subtotals;
        Subtotals = Array.AsReadOnly(subtotals);
        _count = count;
        _knownNet = knownNet;
        _computeItems = computeItems;
        TaxableAmount = taxable;
        TaxAmount = taxTotal;
        Items = new ItemList(this);
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

    /// <summary>True when the items' net amounts are known without computing the tax shares.</summary>
    internal bool NetsKnown => _knownNet is not null || _items is not null;

    /// <summary>A breakdown whose item shares are computed on first use; see the private constructor.</summary>
    internal static TaxBreakdown Deferred(Currency currency, TaxSubtotal[] subtotals, int count, decimal[]? knownNet, Func<(decimal[] Net, decimal[] Tax)> computeItems)
        => new(currency, subtotals, count, knownNet, computeItems);

    /// <summary>The net amount of item <paramref name="index"/>, without building an <see cref="ItemTax"/>.</summary>
    internal decimal NetAt(int index) => _knownNet is { } net ? net[index] : ItemsComputed().Net[index];

    /// <summary>The tax share of item <paramref name="index"/>.</summary>
    internal decimal TaxAt(int index) => ItemsComputed().Tax[index];

    private ItemAmounts ItemsComputed()
    {
        // Deterministic, so a race between threads only computes the same values twice.
        if (_items is { } items)
        {
            return items;
        }

        var (net, tax) = _computeItems!();
        var computed = new ItemAmounts(net, tax);
        return Interlocked.CompareExchange(ref _items, computed, null) ?? computed;
    }

    private static TaxSubtotal[] CheckSubtotals(IEnumerable<TaxSubtotal> subtotals, Currency currency)
    {
        var groups = Preconditions.CheckNotNull(subtotals).ToArray();
        for (var i = 0; i < groups.Length; i++)
        {
            var group = Preconditions.CheckNotNull(groups[i], nameof(subtotals));
            if (group.TaxableAmount.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, group.TaxableAmount.Currency, $"tax subtotal {group.Treatment}");
            }

            for (var j = 0; j < i; j++)
            {
                if (groups[j].Treatment.SameGroupAs(group.Treatment))
                {
                    throw new ArgumentException($"The tax breakdown has two subtotals for {group.Treatment}.", nameof(subtotals));
                }
            }
        }

        return groups;
    }

    private static decimal[] Split(IEnumerable<ItemTax> items, Currency currency, out decimal[] tax)
    {
        var all = items.ToArray();
        var net = new decimal[all.Length];
        tax = new decimal[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            if (all[i].Net.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, all[i].Net.Currency, $"item #{i}");
            }

            net[i] = all[i].Net.Amount;
            tax[i] = all[i].Tax.Amount;
        }

        return net;
    }

    private sealed record ItemAmounts(decimal[] Net, decimal[] Tax);

    /// <summary>The items as <see cref="ItemTax"/> values, built on access from the stored amounts.</summary>
    private sealed class ItemList(TaxBreakdown owner) : IReadOnlyList<ItemTax>
    {
        public int Count => owner._count;

        public ItemTax this[int index] => new(Money.Of(owner.NetAt(index), owner.Currency), Money.Of(owner.TaxAt(index), owner.Currency));

        public IEnumerator<ItemTax> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
