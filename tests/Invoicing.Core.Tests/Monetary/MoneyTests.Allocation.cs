using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Monetary;

public sealed partial class MoneyTests
{
    [Fact]
    public void Split_TenEurosThreeWays_GivesTheExtraCentToTheFirstPart()
    {
        Assert.Equal(
            [Money.Of(3.34m, Currency.Eur), Money.Of(3.33m, Currency.Eur), Money.Of(3.33m, Currency.Eur)],
            TenEuros.Split(3));
    }

    [Theory]
    [InlineData("JPY", "100", 3, new[] { "34", "33", "33" })]
    [InlineData("BHD", "1.000", 3, new[] { "0.334", "0.333", "0.333" })]
    [InlineData("CLF", "0.0005", 3, new[] { "0.0002", "0.0002", "0.0001" })]
    [InlineData("EUR", "-10.00", 3, new[] { "-3.34", "-3.33", "-3.33" })]
    [InlineData("EUR", "0.02", 3, new[] { "0.01", "0.01", "0.00" })]
    [InlineData("EUR", "0", 2, new[] { "0", "0" })]
    public void Split_TableOfCases(string code, string amount, int parts, string[] expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;

        var result = Money.Of(decimal.Parse(amount, culture), code).Split(parts);

        Assert.Equal(expected.Select(e => Money.Of(decimal.Parse(e, culture), code)), result);
    }

    [Fact]
    public void Allocate_ByRatios_UsesLargestRemainders()
    {
        // 100.00 in 70:20:10 is exact; 0.05 in 1:1:1 gives 0.02, 0.02, 0.01.
        Assert.Equal(
            [Money.Of(70m, Currency.Eur), Money.Of(20m, Currency.Eur), Money.Of(10m, Currency.Eur)],
            Money.Of(100m, Currency.Eur).Allocate(70, 20, 10));
        Assert.Equal(
            [Money.Of(0.02m, Currency.Eur), Money.Of(0.02m, Currency.Eur), Money.Of(0.01m, Currency.Eur)],
            Money.Of(0.05m, Currency.Eur).Allocate(1, 1, 1));

        // 1.00 in 1:2:3 → exact 0.1666…, 0.3333…, 0.5: the largest remainder (0.666… cent) gets the spare cent.
        Assert.Equal(
            [Money.Of(0.17m, Currency.Eur), Money.Of(0.33m, Currency.Eur), Money.Of(0.50m, Currency.Eur)],
            Money.Of(1m, Currency.Eur).Allocate(1, 2, 3));
    }

    [Fact]
    public void Allocate_ZeroRatio_GetsExactlyZero()
    {
        var parts = Money.Of(0.10m, Currency.Eur).Allocate(1, 0, 1, 0, 1);

        Assert.Equal([0.04m, 0m, 0.03m, 0m, 0.03m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_HugeRatios_StaysExact()
    {
        // Weights beyond 64 bits take the BigInteger path; the shares must still be exact.
        var parts = Money.Of(100m, Currency.Eur).Allocate(7.9e27m, 7.9e27m, 0.0000000001m);

        Assert.Equal([50m, 50m, 0m], parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_IntoSpan_WritesOnlyTheParts()
    {
        var destination = new Money[4];

        Money.Of(1m, Currency.Eur).Allocate([1m, 1m, 1m], destination);

        Assert.Equal(Money.Of(0.34m, Currency.Eur), destination[0]);
        Assert.Equal(Money.Of(1m, Currency.Eur), destination[0] + destination[1] + destination[2]);
        Assert.Equal(default, destination[3]);
    }

    [Fact]
    public void Allocate_BadRatios_ThrowClearly()
    {
        Assert.Throws<ArgumentException>(() => TenEuros.Allocate());
        Assert.Throws<ArgumentException>(() => TenEuros.Allocate(0, 0));
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => TenEuros.Allocate(1, -1));
        Assert.Contains("#1", negative.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => TenEuros.Split(0));
    }

    [Fact]
    public void Allocate_AmountBeyond28DigitsInMinorUnits_ThrowsOverflow()
    {
        Assert.Throws<OverflowException>(() => Money.Of(7.9e27m, Currency.Eur).Split(2));
        Assert.Throws<OverflowException>(() => Money.Of(7.9e27m, Currency.Eur).Allocate(1, 1));
    }

    [Fact]
    public void Allocate_ManyRatios_UsesPooledScratchAndStaysExact()
    {
        var ratios = Enumerable.Range(1, 100).Select(i => (decimal)i).ToArray();

        var parts = Money.Of(1m, Currency.Eur).Allocate(ratios);

        Assert.Equal(Money.Of(1m, Currency.Eur), parts.Aggregate((a, b) => a + b));
        Assert.Equal(0.02m, parts[^1].Amount); // 100/5050 of a euro is 1.98 cents
    }

    [Fact]
    public void Allocate_AmountWithSubMinorDigits_AsksToRoundFirst()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Money.Of(10.005m, Currency.Eur).Split(2));

        Assert.Contains("Round it first", exception.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public Property Allocate_SumsExactlyAndEachPartIsWithinOneMinorUnitOfItsShare()
        => Prop.ForAll(MoneyGen.Rounded.ToArbitrary(), MoneyGen.Ratios.ToArbitrary(), (money, ratios) =>
        {
            var parts = money.Allocate(ratios);
            var unit = MoneyGen.MinorUnit(money.Currency);

            Assert.Equal(ratios.Length, parts.Length);
            Assert.Equal(money, parts.Aggregate(Money.Zero(money.Currency), (sum, part) => sum + part));

            // Checked in exact integers: |part·W − total·w| < W, all counted in minor units.
            var scale = ratios.Max(r => r.Scale);
            var weights = ratios.Select(r => new BigInteger(r * MoneyGen.Pow10(scale))).ToArray();
            var totalWeight = weights.Aggregate(BigInteger.Zero, (a, b) => a + b);
            var totalUnits = new BigInteger(money.Amount / unit);
            for (var i = 0; i < parts.Length; i++)
            {
                var partUnits = new BigInteger(parts[i].Amount / unit);
                Assert.True(BigInteger.Abs((partUnits * totalWeight) - (totalUnits * weights[i])) < totalWeight,
                    $"part {i} of {money} by [{string.Join(", ", ratios)}] is {parts[i]}");
                Assert.True(parts[i].IsRoundedToMinorUnits);
                Assert.True(ratios[i] != 0m || parts[i].IsZero);
            }
        });

    [Property(MaxTest = 300)]
    public Property Allocate_IsDeterministicAndIndependentOfRatioScale()
        => Prop.ForAll(MoneyGen.Rounded.ToArbitrary(), MoneyGen.Ratios.ToArbitrary(), (money, ratios) =>
        {
            // Proportional ratios with other magnitudes and scales must give the same parts.
            var larger = ratios.Select(r => r * 1000m).ToArray();
            var smaller = ratios.Select(r => r / 8m).ToArray();
            Assert.Equal(money.Allocate(ratios), money.Allocate(ratios));
            Assert.Equal(money.Allocate(ratios), money.Allocate(larger));
            Assert.Equal(money.Allocate(ratios), money.Allocate(smaller));
            Assert.Equal(money.Allocate(ratios).Select(p => -p), (-money).Allocate(ratios));
        });

    [Property(MaxTest = 300)]
    public Property Split_SumsExactlyAndPartsDifferByAtMostOneMinorUnit()
        => Prop.ForAll(MoneyGen.Rounded.ToArbitrary(), Gen.Choose(1, 50).ToArbitrary(), (money, count) =>
        {
            var parts = money.Split(count);
            var unit = MoneyGen.MinorUnit(money.Currency);

            Assert.Equal(money, parts.Aggregate(Money.Zero(money.Currency), (sum, part) => sum + part));
            Assert.True(parts.Max(p => p.Amount) - parts.Min(p => p.Amount) <= unit);
            Assert.Equal(parts, money.Allocate(Enumerable.Repeat(1m, count).ToArray()));
        });
}
