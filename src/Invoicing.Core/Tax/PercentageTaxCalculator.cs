using System.Buffers;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>
/// The library's <see cref="ITaxCalculator"/>: applies each item's percentage rate as EN 16931
/// defines it.
/// </summary>
/// <remarks>
/// <para>Items are grouped by category and rate (BG-23). In <see cref="PricingMode.Net"/> pricing, a
/// group's taxable amount is the sum of its items and its tax is taxable × rate ÷ 100. In
/// <see cref="PricingMode.Gross"/> pricing, its tax is gross × rate ÷ (100 + rate) and its taxable
/// amount is gross − tax, so the amount due stays exactly the sum of the prices. The tax is rounded
/// once per group (<see cref="TaxRoundingLevel.PerCategory"/>) or on every item
/// (<see cref="TaxRoundingLevel.PerLine"/>), with the policy's rounding rule.</para>
/// <para>With per-group rounding, each item's share of the group's tax is apportioned by its exact
/// share (largest remainder), so item shares always sum to the group's tax and each is within one
/// minor unit of exact.</para>
/// <para>Stateless and thread-safe; use <see cref="Instance"/>.</para>
/// </remarks>
public sealed class PercentageTaxCalculator : ITaxCalculator
{
    private const int StackLimit = 256;

    private PercentageTaxCalculator()
    {
    }

    /// <summary>The calculator (it has no state).</summary>
    public static PercentageTaxCalculator Instance { get; } = new();

    /// <summary>Computes the breakdown; see the type's remarks for the formulas.</summary>
    /// <param name="calculation">The document's taxable items.</param>
    /// <returns>The breakdown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calculation"/> is null.</exception>
    /// <exception cref="ArgumentException">An item has no treatment or an amount not in whole minor units, or two items of one category and rate have different exemption reasons.</exception>
    /// <exception cref="CurrencyMismatchException">An item is not in the document currency.</exception>
    public TaxBreakdown Calculate(TaxCalculation calculation)
    {
        Preconditions.CheckNotNull(calculation);
        var items = calculation.Items;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Treatment is not null && items[i].Amount.Currency != calculation.Currency)
            {
                throw new CurrencyMismatchException(calculation.Currency, items[i].Amount.Currency, $"taxable item #{i}");
            }
        }

        var amounts = new decimal[items.Count];
        for (var i = 0; i < amounts.Length; i++)
        {
            amounts[i] = items[i].Amount.Amount;
        }

        return Compute(new CalculationItems(items), calculation.Currency, calculation.Pricing, calculation.Rounding, amounts, amountsRounded: false, nameof(calculation));
    }

    /// <summary>
    /// The calculation itself, for any item source. <paramref name="amounts"/> holds the item
    /// amounts (already checked to be whole minor units when <paramref name="amountsRounded"/>); the
    /// breakdown takes ownership of it. The subtotals are computed at once; with
    /// per-category rounding, each item's share of its category's tax is apportioned only when first
    /// asked for (a document's totals do not need it).
    /// </summary>
    internal static TaxBreakdown Compute<TItems>(
        TItems items, Currency currency, PricingMode pricing, RoundingPolicy policy, decimal[] amounts, bool amountsRounded, string paramName)
        where TItems : ITaxableItems
    {
        var digits = MoneyRounding.RequireMinorUnits(currency);
        var mode = policy.Amounts.Mode;
        var count = items.Count;
        var inclusive = pricing == PricingMode.Gross;
        var perLine = policy.TaxLevel == TaxRoundingLevel.PerLine;
        var lineTax = perLine ? new decimal[count] : null;

        int[]? rentedGroups = null;
        var groupOf = count <= StackLimit ? stackalloc int[count] : (rentedGroups = ArrayPool<int>.Shared.Rent(count)).AsSpan(0, count);
        var groups = ArrayPool<TaxTreatment>.Shared.Rent(Math.Min(count, 16) + 1);
        var groupCount = 0;
        TaxSubtotal[] subtotals;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var treatment = items.TreatmentAt(i) ?? throw new ArgumentException($"Taxable item #{i} has no tax treatment.", paramName);
                if (!amountsRounded && decimal.Round(amounts[i], digits) != amounts[i])
                {
                    throw new ArgumentException(
                        $"Taxable item #{i} is {Money.Of(amounts[i], currency)}, not in whole minor units; round line amounts before taxing them.", paramName);
                }

                groupOf[i] = GroupIndex(ref groups, ref groupCount, treatment, i, paramName);
            }

            subtotals = new TaxSubtotal[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                var rate = groups[g].Rate ?? 0m;
                var factor = inclusive ? rate / (100m + rate) : rate / 100m;
                var sum = 0m;
                var groupTax = 0m;
                for (var i = 0; i < count; i++)
                {
                    if (groupOf[i] != g)
                    {
                        continue;
                    }

                    sum += amounts[i];
                    if (lineTax is not null)
                    {
                        lineTax[i] = rate == 0m ? 0m : decimal.Round(amounts[i] * factor, digits, mode);
                        groupTax += lineTax[i];
                    }
                }

                if (lineTax is null && rate != 0m)
                {
                    groupTax = decimal.Round(sum * factor, digits, mode);
                }

                subtotals[g] = new TaxSubtotal(groups[g], Money.Of(inclusive ? sum - groupTax : sum, currency), Money.Of(groupTax, currency));
            }
        }
        finally
        {
            Array.Clear(groups, 0, groupCount);
            ArrayPool<TaxTreatment>.Shared.Return(groups);
            if (rentedGroups is not null)
            {
                ArrayPool<int>.Shared.Return(rentedGroups);
            }
        }

        SortByCategoryAndRate(subtotals);
        if (lineTax is not null)
        {
            if (inclusive)
            {
                for (var i = 0; i < count; i++)
                {
                    amounts[i] -= lineTax[i];
                }
            }

            return new TaxBreakdown(currency, subtotals, amounts, lineTax, paramName);
        }

        return TaxBreakdown.Deferred(currency, subtotals, count, inclusive ? null : amounts,
            () => ApportionShares(items, amounts, subtotals, inclusive, digits));
    }

    /// <summary>Each item's share of its category's tax (largest remainder over exact shares), and its net amount.</summary>
    private static (decimal[] Net, decimal[] Tax) ApportionShares<TItems>(TItems items, decimal[] amounts, TaxSubtotal[] subtotals, bool inclusive, int digits)
        where TItems : ITaxableItems
    {
        var count = amounts.Length;
        var tax = new decimal[count];
        decimal[]? rented = null;
        var exact = count <= 64 ? stackalloc decimal[count] : (rented = ArrayPool<decimal>.Shared.Rent(count)).AsSpan(0, count);
        var shares = count <= 64 ? stackalloc decimal[count] : new decimal[count];
        var memberOf = count <= StackLimit ? stackalloc int[count] : new int[count];
        foreach (var subtotal in subtotals)
        {
            var rate = subtotal.Treatment.Rate ?? 0m;
            if (rate == 0m)
            {
                continue;
            }

            var factor = inclusive ? rate / (100m + rate) : rate / 100m;
            var members = 0;
            for (var i = 0; i < count; i++)
            {
                if (items.TreatmentAt(i)!.SameGroupAs(subtotal.Treatment))
                {
                    memberOf[members] = i;
                    exact[members++] = amounts[i] * factor;
                }
            }

            Apportionment.Apportion(subtotal.TaxAmount.Amount, digits, exact[..members], shares[..members]);
            for (var k = 0; k < members; k++)
            {
                tax[memberOf[k]] = shares[k];
            }
        }

        if (rented is not null)
        {
            ArrayPool<decimal>.Shared.Return(rented);
        }

        var net = inclusive ? new decimal[count] : amounts;
        if (inclusive)
        {
            for (var i = 0; i < count; i++)
            {
                net[i] = amounts[i] - tax[i];
            }
        }

        return (net, tax);
    }

    private static int GroupIndex(ref TaxTreatment[] groups, ref int groupCount, TaxTreatment treatment, int itemIndex, string paramName)
    {
        for (var g = 0; g < groupCount; g++)
        {
            if (ReferenceEquals(groups[g], treatment))
            {
                return g;
            }

            if (!groups[g].SameGroupAs(treatment))
            {
                continue;
            }

            if (!groups[g].Equals(treatment))
            {
                throw new ArgumentException(
                    $"Taxable item #{itemIndex} is {treatment}, but an earlier item of the same category and rate is {groups[g]}; one group of the tax breakdown has one exemption reason.",
                    paramName);
            }

            return g;
        }

        if (groupCount == groups.Length)
        {
            var larger = ArrayPool<TaxTreatment>.Shared.Rent(groups.Length * 2);
            Array.Copy(groups, larger, groupCount);
            Array.Clear(groups, 0, groupCount);
            ArrayPool<TaxTreatment>.Shared.Return(groups);
            groups = larger;
        }

        groups[groupCount] = treatment;
        return groupCount++;
    }

    private static void SortByCategoryAndRate(TaxSubtotal[] subtotals)
    {
        // Insertion sort: a breakdown has a handful of groups, and this allocates nothing.
        for (var i = 1; i < subtotals.Length; i++)
        {
            var current = subtotals[i];
            var j = i - 1;
            while (j >= 0 && Compare(subtotals[j].Treatment, current.Treatment) > 0)
            {
                subtotals[j + 1] = subtotals[j];
                j--;
            }

            subtotals[j + 1] = current;
        }
    }

    private static int Compare(TaxTreatment a, TaxTreatment b)
    {
        var byCategory = a.Category.Order.CompareTo(b.Category.Order);
        return byCategory != 0 ? byCategory : (a.Rate ?? -1m).CompareTo(b.Rate ?? -1m);
    }

    private readonly struct CalculationItems(IReadOnlyList<TaxableItem> items) : ITaxableItems
    {
        public int Count => items.Count;

        public TaxTreatment? TreatmentAt(int index) => items[index].Treatment;
    }
}
