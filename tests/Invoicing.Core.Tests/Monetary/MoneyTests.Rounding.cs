using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Monetary;

public sealed partial class MoneyTests
{
    public static TheoryData<string, string, MidpointRounding, string> RoundingCases => new()
    {
        // JPY: no minor unit
        { "JPY", "0.5", MidpointRounding.AwayFromZero, "1" },
        { "JPY", "-0.5", MidpointRounding.AwayFromZero, "-1" },
        { "JPY", "2.5", MidpointRounding.ToEven, "2" },
        { "JPY", "1234.4999", MidpointRounding.AwayFromZero, "1234" },
        // EUR: two digits
        { "EUR", "2.345", MidpointRounding.AwayFromZero, "2.35" },
        { "EUR", "2.345", MidpointRounding.ToEven, "2.34" },
        { "EUR", "2.355", MidpointRounding.ToEven, "2.36" },
        { "EUR", "-2.345", MidpointRounding.AwayFromZero, "-2.35" },
        { "EUR", "2.3449999", MidpointRounding.AwayFromZero, "2.34" },
        { "EUR", "2.341", MidpointRounding.ToPositiveInfinity, "2.35" },
        { "EUR", "2.349", MidpointRounding.ToZero, "2.34" },
        { "EUR", "-2.341", MidpointRounding.ToNegativeInfinity, "-2.35" },
        // BHD: three digits
        { "BHD", "1.2345", MidpointRounding.AwayFromZero, "1.235" },
        { "BHD", "1.2345", MidpointRounding.ToEven, "1.234" },
        { "BHD", "0.0005", MidpointRounding.AwayFromZero, "0.001" },
        // CLF: four digits
        { "CLF", "1.23455", MidpointRounding.AwayFromZero, "1.2346" },
        { "CLF", "1.23455", MidpointRounding.ToEven, "1.2346" },
        { "CLF", "1.23445", MidpointRounding.ToEven, "1.2344" },
    };

    [Theory]
    [MemberData(nameof(RoundingCases))]
    public void Round_ToMinorUnits_FollowsTheMode(string code, string amount, MidpointRounding mode, string expected)
    {
        var money = Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code);

        var rounded = money.Round(mode);

        Assert.Equal(Money.Of(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), code), rounded);
        Assert.Equal(rounded, money.Round(MoneyRounding.ToMinorUnits(mode)));
    }

    [Fact]
    public void Round_Default_IsHalfAwayFromZero()
    {
        Assert.Equal(Money.Of(2.35m, Currency.Eur), Money.Of(2.345m, Currency.Eur).Round());
        Assert.Equal(MoneyRounding.HalfUp, default(MoneyRounding));
        Assert.Equal(MidpointRounding.AwayFromZero, default(MoneyRounding).Mode);
    }

    public static TheoryData<string, string, string, string> CashRoundingCases => new()
    {
        { "CHF", "12.34", "0.05", "12.35" },
        { "CHF", "12.32", "0.05", "12.30" },
        { "CHF", "12.325", "0.05", "12.35" },
        { "CHF", "12.375", "0.05", "12.40" },
        { "CHF", "-12.325", "0.05", "-12.35" },
        { "SEK", "12.50", "1", "13" },
        { "SEK", "12.49", "1", "12" },
        { "SEK", "-0.50", "1", "-1" },
        { "DKK", "10.26", "0.50", "10.50" },
        { "DKK", "10.24", "0.50", "10.00" },
    };

    [Theory]
    [MemberData(nameof(CashRoundingCases))]
    public void Round_ToCashIncrement_RoundsToMultiples(string code, string amount, string increment, string expected)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var rounding = MoneyRounding.ToIncrement(decimal.Parse(increment, culture));

        var rounded = Money.Of(decimal.Parse(amount, culture), code).Round(rounding);

        Assert.Equal(Money.Of(decimal.Parse(expected, culture), code), rounded);
    }

    [Fact]
    public void Round_CurrencyWithoutMinorUnit_ThrowsUnlessAnIncrementIsGiven()
    {
        var gold = Money.Of(1.23456m, Currency.FromCode("XAU"));

        var exception = Assert.Throws<InvalidOperationException>(() => gold.Round());

        Assert.Contains("XAU", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1.235m, gold.Round(MoneyRounding.ToIncrement(0.001m)).Amount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.05)]
    public void ToIncrement_NotPositive_Throws(double increment)
        => Assert.Throws<ArgumentOutOfRangeException>(() => MoneyRounding.ToIncrement((decimal)increment));

    [Fact]
    public void ToMinorUnits_UndefinedMode_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => MoneyRounding.ToMinorUnits((MidpointRounding)42));

    [Theory]
    [InlineData("AwayFromZero")]
    [InlineData("ToEven/0.05")]
    [InlineData("ToZero/1")]
    public void MoneyRounding_ToString_ParsesBack(string text)
    {
        var rule = MoneyRounding.Parse(text);

        Assert.Equal(text, rule.ToString());
        Assert.Equal(rule, MoneyRounding.Parse(text.ToLowerInvariant()));
    }

    [Fact]
    public void MoneyRounding_EveryRule_RoundTripsThroughText()
        => Assert.All(Rules, rule => Assert.Equal(rule, MoneyRounding.Parse(rule.ToString())));

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("HalfUp")]
    [InlineData("AwayFromZero/0")]
    [InlineData("AwayFromZero/-0.05")]
    [InlineData("AwayFromZero/0,05")]
    public void MoneyRounding_Parse_Malformed_ThrowsQuotingTheText(string text)
    {
        var exception = Assert.Throws<FormatException>(() => MoneyRounding.Parse(text));

        Assert.Contains($"'{text}'", exception.Message, StringComparison.Ordinal);
        Assert.False(MoneyRounding.TryParse(text, null, out _));
    }

    private static readonly MoneyRounding[] Rules =
    [
        MoneyRounding.HalfUp,
        MoneyRounding.HalfEven,
        MoneyRounding.ToMinorUnits(MidpointRounding.ToZero),
        MoneyRounding.ToMinorUnits(MidpointRounding.ToNegativeInfinity),
        MoneyRounding.ToMinorUnits(MidpointRounding.ToPositiveInfinity),
        MoneyRounding.ToIncrement(0.05m),
        MoneyRounding.ToIncrement(1m, MidpointRounding.ToEven),
        MoneyRounding.ToIncrement(0.5m, MidpointRounding.ToZero),
    ];

    [Property(MaxTest = 500)]
    public Property Round_IsIdempotentAndStaysWithinOneStep()
        => Prop.ForAll(MoneyGen.Unrounded.ToArbitrary(), Gen.Elements(Rules).ToArbitrary(), (money, rule) =>
        {
            var once = money.Round(rule);
            var step = rule.Increment ?? MoneyGen.MinorUnit(money.Currency);

            Assert.Equal(once, once.Round(rule));
            Assert.Equal(money.Currency, once.Currency);
            Assert.Equal(0m, once.Amount % step);
            var distance = Math.Abs(once.Amount - money.Amount);
            Assert.True(rule.Mode is MidpointRounding.AwayFromZero or MidpointRounding.ToEven ? distance * 2 <= step : distance < step,
                $"{money} rounded by {rule} gave {once}");
        });
}
