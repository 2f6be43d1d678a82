using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;
using NodaTime;

namespace Invoicing.Core.Tests.Monetary;

public sealed class ExchangeRateTests
{
    private static readonly LocalDate Friday = new(2026, 11, 20);
    private static readonly ExchangeRate EurUsd = ExchangeRate.Of(Currency.Eur, Currency.Usd, 1.0845m, Friday);
    private static readonly ExchangeRate EurGbp = ExchangeRate.Of(Currency.Eur, Currency.Gbp, 0.8712m, Friday);

    [Fact]
    public void Convert_BaseToQuote_MultipliesAndRoundsExplicitly()
    {
        var dollars = EurUsd.Convert(Money.Of(100m, Currency.Eur), MoneyRounding.HalfUp);

        Assert.Equal(Money.Of(108.45m, Currency.Usd), dollars);
        Assert.Equal(Money.Of(1.08m, Currency.Usd), EurUsd.Convert(Money.Of(0.995m, Currency.Eur), MoneyRounding.HalfEven));
    }

    [Fact]
    public void Convert_IntoCurrencyWithoutDecimals_RoundsToWholeUnits()
    {
        var eurJpy = ExchangeRate.Of(Currency.Eur, Currency.Jpy, 162.37m, Friday);

        Assert.Equal(Money.Of(1624m, Currency.Jpy), eurJpy.Convert(Money.Of(10m, Currency.Eur), MoneyRounding.HalfUp));
    }

    [Fact]
    public void Convert_WrongSourceCurrency_ThrowsMismatch()
    {
        var exception = Assert.Throws<CurrencyMismatchException>(() => EurUsd.Convert(Money.Of(1m, Currency.Usd), MoneyRounding.HalfUp));

        Assert.Equal(Currency.Eur, exception.Expected);
        Assert.Equal(Currency.Usd, exception.Actual);
    }

    [Fact]
    public void Invert_SwapsCurrenciesAndInvertsTheRate()
    {
        var usdEur = EurUsd.Invert();

        Assert.Equal(Currency.Usd, usdEur.BaseCurrency);
        Assert.Equal(Currency.Eur, usdEur.QuoteCurrency);
        Assert.Equal(1m / 1.0845m, usdEur.Rate);
        Assert.Equal(Friday, usdEur.AsOf);
    }

    [Fact]
    public void Cross_ThroughTheSharedCurrency_GivesTheRateBetweenTheOthers()
    {
        var usdGbp = ExchangeRate.Cross(EurUsd, EurGbp);

        Assert.Equal(Currency.Usd, usdGbp.BaseCurrency);
        Assert.Equal(Currency.Gbp, usdGbp.QuoteCurrency);
        Assert.Equal(0.8712m / 1.0845m, usdGbp.Rate);
        Assert.Equal(Money.Of(80.33m, Currency.Gbp), usdGbp.Convert(Money.Of(100m, Currency.Usd), MoneyRounding.HalfUp));

        // Quoted the other way round, the same cross comes out.
        Assert.Equal(Money.Of(80.33m, Currency.Gbp),
            ExchangeRate.Cross(EurUsd.Invert(), EurGbp).Convert(Money.Of(100m, Currency.Usd), MoneyRounding.HalfUp));
    }

    [Fact]
    public void Cross_BothRatesQuotedTowardsThePivot_GivesTheSameCross()
    {
        var usdGbp = ExchangeRate.Cross(EurUsd.Invert(), EurGbp.Invert());

        Assert.Equal(Currency.Usd, usdGbp.BaseCurrency);
        Assert.Equal(Currency.Gbp, usdGbp.QuoteCurrency);
        Assert.Equal(Money.Of(80.33m, Currency.Gbp), usdGbp.Convert(Money.Of(100m, Currency.Usd), MoneyRounding.HalfUp));
    }

    [Fact]
    public void Cross_OutOfTheAcceptedRange_Throws()
    {
        var tiny = ExchangeRate.Of(Currency.Eur, Currency.Usd, ExchangeRate.MinimumRate, Friday);
        var huge = ExchangeRate.Of(Currency.Eur, Currency.Gbp, ExchangeRate.MaximumRate, Friday);

        Assert.Throws<ArgumentOutOfRangeException>(() => ExchangeRate.Cross(tiny, huge));
        Assert.Equal(ExchangeRate.MaximumRate, tiny.Invert().Rate);
    }

    [Fact]
    public void Of_DateInAnotherCalendar_IsStoredInTheIsoCalendar()
    {
        var julian = Friday.WithCalendar(CalendarSystem.Julian);

        var rate = ExchangeRate.Of(Currency.Eur, Currency.Usd, 1.0845m, julian);

        Assert.Equal(Friday, rate.AsOf);
        Assert.Equal(CalendarSystem.Iso, rate.AsOf.Calendar);
    }

    [Fact]
    public void Cross_UsesTheOlderDate()
    {
        var older = ExchangeRate.Of(Currency.Eur, Currency.Gbp, 0.87m, Friday.PlusDays(-3));

        Assert.Equal(Friday.PlusDays(-3), ExchangeRate.Cross(EurUsd, older).AsOf);
    }

    [Fact]
    public void Cross_WithoutSharedCurrency_Throws()
    {
        var chfJpy = ExchangeRate.Of(Currency.Chf, Currency.Jpy, 170m, Friday);

        Assert.Throws<ArgumentException>(() => ExchangeRate.Cross(EurUsd, chfJpy));
        Assert.Throws<ArgumentException>(() => ExchangeRate.Cross(EurUsd, EurUsd));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1.1)]
    [InlineData(1e13)]
    [InlineData(1e-13)]
    public void Of_RateOutsideTheAcceptedRange_ThrowsNamingThePair(double rate)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ExchangeRate.Of(Currency.Eur, Currency.Usd, (decimal)rate, Friday));

        Assert.Contains("EUR/USD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_SameCurrency_MustBeOne()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExchangeRate.Of(Currency.Eur, Currency.Eur, 1.1m, Friday));
        Assert.Equal(ExchangeRate.Identity(Currency.Eur, Friday), ExchangeRate.Of(Currency.Eur, Currency.Eur, 1m, Friday));
    }

    [Fact]
    public void ToString_IsInvariant()
        => Assert.Equal("EUR/USD 1.0845 on 2026-11-20", EurUsd.ToString());

    /// <summary>Rates between 0.0001 and 10000 with currencies whose minor unit, at that rate, is worth no more in the quote than in the base.</summary>
    [Property(MaxTest = 500)]
    public Property Convert_ThereAndBack_StaysWithinOneMinorUnit()
        => Prop.ForAll(
            MoneyGen.Rounded.Where(m => Math.Abs(m.Amount) < 1e12m).ToArbitrary(),
            MoneyGen.Rate.ToArbitrary(),
            MoneyGen.AnyCurrency.ToArbitrary(),
            (money, rate, quote) =>
        {
            if (quote == money.Currency)
            {
                return;
            }

            var there = ExchangeRate.Of(money.Currency, quote, rate, Friday);
            var baseUnit = MoneyGen.MinorUnit(money.Currency);
            var quoteUnitInBase = MoneyGen.MinorUnit(quote) / rate;

            var converted = there.Convert(money, MoneyRounding.HalfUp);
            var back = there.Invert().Convert(converted, MoneyRounding.HalfUp);

            // In general the trip loses at most half a quote unit (valued in the base) plus half a
            // base unit; the last term absorbs the 28-digit precision of the inverted rate.
            var error = Math.Abs(back.Amount - money.Amount);
            Assert.True(error <= (quoteUnitInBase / 2) + (baseUnit / 2) + 0.000000000000000001m,
                $"{money} → {converted} → {back} at {rate}");
            if (quoteUnitInBase <= baseUnit)
            {
                Assert.True(error <= baseUnit, $"{money} → {converted} → {back} at {rate}");
            }
        });
}
