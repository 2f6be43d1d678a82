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
        var currency = calculation.Currency;
        var items = calculation.Items;
        var rounding = calculation.Rounding.Amounts;
        var digits = MoneyRounding.RequireMinorUnits(currency);

        // Group the items by category and rate; there are only a few groups, so a list is faster than a dictionary.
        var groups = new List<TaxTreatment>(4);
        var groupOf = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var treatment = item.Treatment
                ?? throw new ArgumentException($"Taxable item #{i} has no tax treatment.", nameof(calculation));
            if (item.Amount.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, item.Amount.Currency);
            }

            if (decimal.Round(item.Amount.Amount, digits) != item.Amount.Amount)
            {
                throw new ArgumentException(
                    $"Taxable item #{i} is {item.Amount}, not in whole minor units; round line amounts before taxing them.", nameof(calculation));
            }

            groupOf[i] = GroupIndex(groups, treatment, i, nameof(calculation));
        }

        var results = new ItemTax[items.Count];
        var subtotals = new List<TaxSubtotal>(groups.Count);
        foreach (var groupIndex in Enumerable.Range(0, groups.Count).OrderBy(g => groups[g].Category.Order).ThenBy(g => groups[g].Rate ?? -1m))
        {
            subtotals.Add(CalculateGroup(calculation, groups[groupIndex], groupIndex, groupOf, rounding, results));
        }

        return new TaxBreakdown(currency, subtotals, results);
    }

    private static int GroupIndex(List<TaxTreatment> groups, TaxTreatment treatment, int itemIndex, string paramName)
    {
        for (var g = 0; g < groups.Count; g++)
        {
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

        groups.Add(treatment);
        return groups.Count - 1;
    }

    private static TaxSubtotal CalculateGroup(
        TaxCalculation calculation, TaxTreatment treatment, int groupIndex, int[] groupOf, MoneyRounding rounding, ItemTax[] results)
    {
        var currency = calculation.Currency;
        var items = calculation.Items;
        var members = new List<int>();
        var sum = Money.Zero(currency);
        for (var i = 0; i < groupOf.Length; i++)
        {
            if (groupOf[i] == groupIndex)
            {
                members.Add(i);
                sum += items[i].Amount;
            }
        }

        var zero = Money.Zero(currency);
        var rate = treatment.Rate ?? 0m;
        if (rate == 0m)
        {
            foreach (var i in members)
            {
                results[i] = new ItemTax(items[i].Amount, zero);
            }

            return new TaxSubtotal(treatment, sum, zero);
        }

        // The share of an amount that is tax: rate / 100 of a net amount, rate / (100 + rate) of a gross one.
        var inclusive = calculation.Pricing == PricingMode.Gross;
        var factor = inclusive ? rate / (100m + rate) : rate / 100m;
        var tax = zero;
        if (calculation.Rounding.TaxLevel == TaxRoundingLevel.PerLine)
        {
            foreach (var i in members)
            {
                var amount = items[i].Amount;
                var itemTax = (amount * factor).Round(rounding);
                results[i] = new ItemTax(inclusive ? amount - itemTax : amount, itemTax);
                tax += itemTax;
            }
        }
        else
        {
            tax = (sum * factor).Round(rounding);
            Span<decimal> exact = members.Count <= 256 ? stackalloc decimal[members.Count] : new decimal[members.Count];
            Span<Money> shares = new Money[members.Count];
            for (var k = 0; k < members.Count; k++)
            {
                exact[k] = items[members[k]].Amount.Amount * factor;
            }

            Apportionment.Apportion(tax, exact, shares);
            for (var k = 0; k < members.Count; k++)
            {
                var amount = items[members[k]].Amount;
                results[members[k]] = new ItemTax(inclusive ? amount - shares[k] : amount, shares[k]);
            }
        }

        return new TaxSubtotal(treatment, inclusive ? sum - tax : sum, tax);
    }
}
