using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Monetary;

public sealed partial class MoneyTests
{
    private static readonly Money TenEuros = Money.Of(10m, Currency.Eur);

    [Fact]
    public void Operators_SameCurrency_ComputeExactly()
    {
        var a = Money.Of(12.30m, Currency.Eur);
        var b = Money.Of(0.75m, Currency.Eur);

        Assert.Equal(Money.Of(13.05m, Currency.Eur), a + b);
        Assert.Equal(Money.Of(11.55m, Currency.Eur), a - b);
        Assert.Equal(Money.Of(-12.30m, Currency.Eur), -a);
        Assert.Equal(Money.Of(36.90m, Currency.Eur), a * 3m);
        Assert.Equal(Money.Of(36.90m, Currency.Eur), 3m * a);
        Assert.Equal(Money.Of(4.10m, Currency.Eur), a / 3m);
        Assert.Equal(Money.Of(0.025m, Currency.Eur), Money.Of(0.10m, Currency.Eur) * 0.25m);
    }

    [Fact]
    public void NamedTwins_MatchOperators()
    {
        var a = Money.Of(7.5m, Currency.Usd);
        var b = Money.Of(2.25m, Currency.Usd);

        Assert.Equal(a + b, a.Add(b));
        Assert.Equal(a - b, a.Subtract(b));
        Assert.Equal(-a, a.Negate());
        Assert.Equal(+a, a.Plus());
        Assert.Equal(a * 2m, a.Multiply(2m));
        Assert.Equal(a / 2m, a.Divide(2m));
    }

    [Fact]
    public void Multiply_DoesNotRound()
    {
        var unitPrice = Money.Of(0.0125m, Currency.Eur);

        var lineNet = unitPrice * 3m;

        Assert.Equal(0.0375m, lineNet.Amount);
        Assert.False(lineNet.IsRoundedToMinorUnits);
        Assert.Equal(Money.Of(0.04m, Currency.Eur), lineNet.Round());
    }

    [Fact]
    public void Divide_ByZero_Throws()
        => Assert.Throws<DivideByZeroException>(() => TenEuros / 0m);

    [Fact]
    public void Add_DifferentCurrencies_ThrowsNamingBoth()
    {
        var exception = Assert.Throws<CurrencyMismatchException>(() => TenEuros + Money.Of(10m, Currency.Usd));

        Assert.Equal(Currency.Eur, exception.Expected);
        Assert.Equal(Currency.Usd, exception.Actual);
        Assert.Contains("EUR", exception.Message, StringComparison.Ordinal);
        Assert.Contains("USD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ZeroOfAnotherCurrency_StillThrows()
    {
        Assert.Throws<CurrencyMismatchException>(() => TenEuros + Money.Zero(Currency.Usd));
        Assert.Throws<CurrencyMismatchException>(() => TenEuros + default(Money));
    }

    [Property(MaxTest = 300)]
    public Property MixingCurrencies_AlwaysThrows()
        => Prop.ForAll(MoneyGen.Unrounded.ToArbitrary(), MoneyGen.Unrounded.ToArbitrary(), (a, b) =>
        {
            if (a.Currency == b.Currency)
            {
                b = Money.Of(b.Amount, a.Currency == Currency.Usd ? Currency.Eur : Currency.Usd);
            }

            Assert.Throws<CurrencyMismatchException>(() => a + b);
            Assert.Throws<CurrencyMismatchException>(() => a - b);
            Assert.Throws<CurrencyMismatchException>(() => a < b);
            Assert.Throws<CurrencyMismatchException>(() => a >= b);
            Assert.Throws<CurrencyMismatchException>(() => a.CompareTo(b));
            Assert.Throws<CurrencyMismatchException>(() => Money.Max(a, b));
            Assert.False(a == b);
        });

    [Property(MaxTest = 300)]
    public Property AddThenSubtract_GivesBackTheOriginal()
        => Prop.ForAll(
            MoneyGen.Unrounded.Where(m => Math.Abs(m.Amount) < 1e12m).ToArbitrary(),
            Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(),
            (a, cents) =>
        {
            // Sizes where decimal itself stays exact; beyond 28 digits decimal addition rounds.
            var b = Money.Of(cents / 100m, a.Currency);
            Assert.Equal(a, a + b - b);
            Assert.Equal(a + b, b + a);
            Assert.Equal(-(b - a), a - b);
        });

    [Fact]
    public void Equality_IgnoresScale()
    {
        var a = Money.Of(1.0m, Currency.Eur);
        var b = Money.Of(1.00m, Currency.Eur);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Money.Of(1.0m, Currency.Usd));
    }

    [Fact]
    public void Comparison_SameCurrency_OrdersByAmount()
    {
        var small = Money.Of(-1m, Currency.Jpy);
        var large = Money.Of(5m, Currency.Jpy);

        Assert.True(small < large);
        Assert.True(large >= small);
        Assert.Equal(small, Money.Min(small, large));
        Assert.Equal(large, Money.Max(small, large));
        Assert.Equal([small, large], new[] { large, small }.Order());
    }

    [Fact]
    public void Predicates_DescribeTheAmount()
    {
        Assert.True(Money.Zero(Currency.Eur).IsZero);
        Assert.True(Money.Of(-0.01m, Currency.Eur).IsNegative);
        Assert.True(Money.Of(0.01m, Currency.Eur).IsPositive);
        Assert.Equal(Money.Of(3.5m, Currency.Eur), Money.Of(-3.5m, Currency.Eur).Abs());
        Assert.True(Money.Of(12.30m, Currency.Eur).IsRoundedToMinorUnits);
        Assert.False(Money.Of(0.5m, Currency.Jpy).IsRoundedToMinorUnits);
        Assert.False(Money.Of(1m, Currency.FromCode("XAU")).IsRoundedToMinorUnits);
    }

    [Fact]
    public void Default_IsZeroWithoutCurrency()
    {
        Money nothing = default;

        Assert.True(nothing.IsZero);
        Assert.Equal(Currency.Xxx, nothing.Currency);
        Assert.NotEqual(Money.Zero(Currency.Eur), nothing);
    }

    [Fact]
    public void Of_CurrencyCode_LooksUpIso()
    {
        Assert.Equal(TenEuros, Money.Of(10m, "eur"));
        Assert.Throws<UnknownCurrencyException>(() => Money.Of(10m, "EUX"));
    }
}
