using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Tests.Tax;

public sealed class PercentageTaxCalculatorTests
{
    private static readonly RoundingPolicy PerLine = new(MoneyRounding.HalfUp, TaxRoundingLevel.PerLine);

    private static TaxBreakdown Calculate(PricingMode pricing, RoundingPolicy policy, params (decimal Amount, TaxTreatment Treatment)[] items)
        => PercentageTaxCalculator.Instance.Calculate(new TaxCalculation(
            Currency.Eur, pricing, policy, items.Select(i => new TaxableItem(i.Treatment, Money.Of(i.Amount, Currency.Eur)))));

    [Fact]
    public void Net_PerCategory_RoundsOnceOnTheWholeTaxableAmount()
    {
        // Ten lines of 0.02 at 19%: each line's tax is 0.0038, which rounds to 0.00 per line,
        // while the category's 0.20 × 19% = 0.038 rounds to 0.04.
        var standard = TaxTreatment.Standard(19m);
        var items = Enumerable.Repeat((0.02m, standard), 10).ToArray();

        var perCategory = Calculate(PricingMode.Net, RoundingPolicy.Default, items);
        var perLine = Calculate(PricingMode.Net, PerLine, items);

        Assert.Equal(Money.Of(0.04m, Currency.Eur), perCategory.TaxAmount); // 0.20 × 19% = 0.038
        Assert.Equal(Money.Of(0.00m, Currency.Eur), perLine.TaxAmount);     // 10 × round(0.0038) = 0
        Assert.Equal(Money.Of(0.20m, Currency.Eur), perCategory.TaxableAmount);
        Assert.Equal(4, perCategory.Items.Count(i => i.Tax.Amount == 0.01m)); // the 0.04 spread over the lines
    }

    [Fact]
    public void Net_SeveralRates_GroupsByCategoryAndRateInCodeOrder()
    {
        var breakdown = Calculate(PricingMode.Net, RoundingPolicy.Default,
            (100m, TaxTreatment.Standard(19m)), (50m, TaxTreatment.Standard(7m)), (30m, TaxTreatment.ZeroRated()),
            (-10m, TaxTreatment.Standard(19m)), (20m, TaxTreatment.Exempt("VATEX-EU-132", null)));

        Assert.Equal(["S 7%", "S 19%", "Z 0%", "E 0% (VATEX-EU-132)"], breakdown.Subtotals.Select(s => s.Treatment.ToString()));
        Assert.Equal([50m, 90m, 30m, 20m], breakdown.Subtotals.Select(s => s.TaxableAmount.Amount));
        Assert.Equal([3.50m, 17.10m, 0m, 0m], breakdown.Subtotals.Select(s => s.TaxAmount.Amount));
        Assert.Equal(Money.Of(20.60m, Currency.Eur), breakdown.TaxAmount);
    }

    [Fact]
    public void Gross_ExtractsTaxSoThatThePayableIsTheShelfPrice()
    {
        // Shelf prices 2.99 + 0.99 + 1.49 at 19% = 5.47 gross; tax = 5.47 × 19 / 119 = 0.8733… → 0.87.
        var standard = TaxTreatment.Standard(19m);

        var breakdown = Calculate(PricingMode.Gross, RoundingPolicy.Default, (2.99m, standard), (0.99m, standard), (1.49m, standard));

        Assert.Equal(Money.Of(0.87m, Currency.Eur), breakdown.TaxAmount);
        Assert.Equal(Money.Of(4.60m, Currency.Eur), breakdown.TaxableAmount);
        Assert.Equal(Money.Of(5.47m, Currency.Eur), breakdown.TaxableAmount + breakdown.TaxAmount);
        Assert.All(breakdown.Items.Zip([2.99m, 0.99m, 1.49m]), p => Assert.Equal(p.Second, (p.First.Net + p.First.Tax).Amount));
    }

    [Fact]
    public void Gross_PerLine_RoundsEachLinesTax()
    {
        var standard = TaxTreatment.Standard(19m);

        var breakdown = Calculate(PricingMode.Gross, PerLine, (2.99m, standard), (0.99m, standard), (1.49m, standard));

        // 0.4774 → 0.48, 0.1581 → 0.16, 0.2379 → 0.24
        Assert.Equal([0.48m, 0.16m, 0.24m], breakdown.Items.Select(i => i.Tax.Amount));
        Assert.Equal(Money.Of(0.88m, Currency.Eur), breakdown.TaxAmount);
    }

    [Fact]
    public void DifferentExemptionReasonsInOneGroup_AreRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => Calculate(PricingMode.Net, RoundingPolicy.Default,
            (10m, TaxTreatment.Exempt("VATEX-EU-132", null)), (10m, TaxTreatment.Exempt("VATEX-EU-143", null))));

        Assert.Contains("#1", exception.Message, StringComparison.Ordinal);
        Assert.Contains("VATEX-EU-143", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadItems_AreRejectedNamingTheItem()
    {
        Assert.Throws<CurrencyMismatchException>(() => PercentageTaxCalculator.Instance.Calculate(new TaxCalculation(
            Currency.Eur, PricingMode.Net, RoundingPolicy.Default, [new TaxableItem(TaxTreatment.Standard(19m), Money.Of(1m, Currency.Usd))])));
        var unrounded = Assert.Throws<ArgumentException>(() => Calculate(PricingMode.Net, RoundingPolicy.Default, (1.005m, TaxTreatment.Standard(19m))));
        Assert.Contains("#0", unrounded.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => PercentageTaxCalculator.Instance.Calculate(new TaxCalculation(
            Currency.Eur, PricingMode.Net, RoundingPolicy.Default, [default(TaxableItem)])));
    }

    private static readonly TaxTreatment[] Treatments =
    [
        TaxTreatment.Standard(19m), TaxTreatment.Standard(7m), TaxTreatment.Standard(5.5m), TaxTreatment.Standard(8.1m),
        TaxTreatment.ZeroRated(), TaxTreatment.ReverseCharge(), TaxTreatment.OutsideScope(),
    ];

    private static Gen<TaxCalculation> Calculations { get; } =
        from currency in Gen.Elements(Currency.Eur, Currency.Jpy, Currency.Bhd, Currency.Chf)
        from pricing in Gen.Elements(PricingMode.Net, PricingMode.Gross)
        from level in Gen.Elements(TaxRoundingLevel.PerCategory, TaxRoundingLevel.PerLine)
        from mode in Gen.Elements(MidpointRounding.AwayFromZero, MidpointRounding.ToEven)
        from count in Gen.Choose(1, 30)
        from units in Gen.ArrayOf(Gen.Choose(-5_000, 200_000), count)
        from treatments in Gen.ArrayOf(Gen.Elements(Treatments), count)
        select new TaxCalculation(currency, pricing, new RoundingPolicy(MoneyRounding.ToMinorUnits(mode), level),
            units.Zip(treatments, (u, t) => new TaxableItem(t, Money.Of(u / Pow10(currency.MinorUnits!.Value), currency))));

    [Property(MaxTest = 300)]
    public Property Calculate_SubtotalsAgreeWithItemsAndRatesHold()
        => Prop.ForAll(Calculations.ToArbitrary(), calculation =>
        {
            var breakdown = PercentageTaxCalculator.Instance.Calculate(calculation);
            var unit = 1m / Pow10(calculation.Currency.MinorUnits!.Value);
            var gross = calculation.Pricing == PricingMode.Gross;

            Assert.Equal(calculation.Items.Count, breakdown.Items.Count);
            for (var i = 0; i < calculation.Items.Count; i++)
            {
                var item = calculation.Items[i];
                var result = breakdown.Items[i];
                Assert.Equal(item.Amount, gross ? result.Net + result.Tax : result.Net);
                var rate = item.Treatment!.Rate ?? 0m;
                var exact = item.Amount.Amount * (gross ? rate / (100m + rate) : rate / 100m);
                Assert.True(Math.Abs(result.Tax.Amount - exact) <= unit, $"item {i}: tax {result.Tax} vs exact {exact}");
            }

            foreach (var subtotal in breakdown.Subtotals)
            {
                var rate = subtotal.Treatment.Rate ?? 0m;
                var members = calculation.Items.Where(i => i.Treatment!.SameGroupAs(subtotal.Treatment)).Select(i => i.Amount.Amount).ToArray();
                var sum = members.Sum();
                if (calculation.Rounding.TaxLevel == TaxRoundingLevel.PerCategory)
                {
                    var expectedTax = decimal.Round(sum * (gross ? rate / (100m + rate) : rate / 100m), calculation.Currency.MinorUnits!.Value, calculation.Rounding.Amounts.Mode);
                    Assert.Equal(expectedTax, subtotal.TaxAmount.Amount);
                }

                Assert.Equal(sum, gross ? (subtotal.TaxableAmount + subtotal.TaxAmount).Amount : subtotal.TaxableAmount.Amount);
            }

            Assert.Equal(breakdown.Subtotals.Count, breakdown.Subtotals.Select(s => (s.Treatment.Category, s.Treatment.Rate)).Distinct().Count());
        });

    private static decimal Pow10(int exponent) => exponent switch { 0 => 1m, 2 => 100m, 3 => 1000m, _ => throw new ArgumentOutOfRangeException(nameof(exponent)) };
}
