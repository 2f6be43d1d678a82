using Invoicing.Core.Monetary;
using NodaTime;

namespace Invoicing.Core.Tests.Monetary;

public sealed class ExchangeRateTableTests
{
    private static readonly LocalDate Friday = new(2026, 11, 20);
    private static readonly LocalDate Monday = new(2026, 11, 23);

    private static readonly ExchangeRate[] EcbRates =
    [
        ExchangeRate.Of(Currency.Eur, Currency.Usd, 1.0800m, Friday.PlusDays(-1)),
        ExchangeRate.Of(Currency.Eur, Currency.Usd, 1.0845m, Friday),
        ExchangeRate.Of(Currency.Eur, Currency.Gbp, 0.8712m, Friday),
        ExchangeRate.Of(Currency.Eur, Currency.Jpy, 162.37m, Friday),
    ];

    [Fact]
    public void FindRate_QuotedPairOnItsDate_ReturnsIt()
    {
        var table = new ExchangeRateTable(EcbRates);

        Assert.Equal(EcbRates[1], table.FindRate(Currency.Eur, Currency.Usd, Friday));
        Assert.Equal(EcbRates[0], table.FindRate(Currency.Eur, Currency.Usd, Friday.PlusDays(-1)));
        Assert.Equal(4, table.Count);
    }

    [Fact]
    public void FindRate_InversePair_IsInverted()
    {
        var rate = new ExchangeRateTable(EcbRates).FindRate(Currency.Usd, Currency.Eur, Friday);

        Assert.NotNull(rate);
        Assert.Equal(Currency.Usd, rate.BaseCurrency);
        Assert.Equal(1m / 1.0845m, rate.Rate);
    }

    [Fact]
    public void FindRate_Weekend_NeedsAMaximumAge()
    {
        var sameDayOnly = new ExchangeRateTable(EcbRates);
        var longWeekend = new ExchangeRateTable(EcbRates, maximumAgeInDays: 4);

        Assert.Null(sameDayOnly.FindRate(Currency.Eur, Currency.Usd, Monday));
        Assert.Equal(EcbRates[1], longWeekend.FindRate(Currency.Eur, Currency.Usd, Monday));
        Assert.Null(longWeekend.FindRate(Currency.Eur, Currency.Usd, Friday.PlusDays(-2)));
        Assert.Null(longWeekend.FindRate(Currency.Eur, Currency.Usd, Friday.PlusDays(5)));
    }

    [Fact]
    public void FindRate_MissingPair_CrossesThroughThePivot()
    {
        var withoutPivot = new ExchangeRateTable(EcbRates);
        var withPivot = new ExchangeRateTable(EcbRates, pivot: Currency.Eur);

        Assert.Null(withoutPivot.FindRate(Currency.Usd, Currency.Jpy, Friday));
        var usdJpy = withPivot.FindRate(Currency.Usd, Currency.Jpy, Friday);
        Assert.NotNull(usdJpy);
        Assert.Equal(162.37m / 1.0845m, usdJpy.Rate);
        Assert.Equal(Currency.Usd, usdJpy.BaseCurrency);
        Assert.Equal(Currency.Jpy, usdJpy.QuoteCurrency);
    }

    [Fact]
    public void FindRate_PivotWithMaximumAge_UsesTheLatestUsableLegs()
    {
        var table = new ExchangeRateTable(EcbRates, pivot: Currency.Eur, maximumAgeInDays: 4);

        var usdJpyOnMonday = table.FindRate(Currency.Usd, Currency.Jpy, Monday);
        var usdJpyOnThursday = table.FindRate(Currency.Usd, Currency.Jpy, Friday.PlusDays(-1));

        Assert.NotNull(usdJpyOnMonday);
        Assert.Equal(162.37m / 1.0845m, usdJpyOnMonday.Rate);
        Assert.Equal(Friday, usdJpyOnMonday.AsOf);
        Assert.Null(usdJpyOnThursday); // Thursday has EUR/USD but no EUR/JPY yet
    }

    [Fact]
    public void FindRate_DateInAnotherCalendar_IsComparedInIso()
        => Assert.Equal(EcbRates[1], new ExchangeRateTable(EcbRates).FindRate(Currency.Eur, Currency.Usd, Friday.WithCalendar(CalendarSystem.Julian)));

    [Fact]
    public void FindRate_BothDirections_PrefersTheFresherOne()
    {
        var table = new ExchangeRateTable(
            [EcbRates[0], ExchangeRate.Of(Currency.Usd, Currency.Eur, 0.9200m, Friday)], maximumAgeInDays: 3);

        Assert.Equal(1m / 0.9200m, table.FindRate(Currency.Eur, Currency.Usd, Friday)!.Rate);
    }

    [Fact]
    public void Constructor_DuplicatePairAndDate_ThrowsNamingThem()
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            new ExchangeRateTable([EcbRates[1], ExchangeRate.Of(Currency.Eur, Currency.Usd, 1.09m, Friday)]));

        Assert.Contains("EUR/USD", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2026-11-20", exception.Message, StringComparison.Ordinal);
        Assert.Contains("1.0845 and 1.09", exception.Message, StringComparison.Ordinal); // invariant, even under tr-TR
    }

    [Fact]
    public async Task GetRateAsync_MissingRate_ThrowsNamingPairAndDate()
    {
        IExchangeRateProvider provider = new ExchangeRateTable(EcbRates);

        var exception = await Assert.ThrowsAsync<ExchangeRateNotFoundException>(
            async () => await provider.GetRateAsync(Currency.Chf, Currency.Usd, Monday));

        Assert.Equal(Currency.Chf, exception.BaseCurrency);
        Assert.Equal(Currency.Usd, exception.QuoteCurrency);
        Assert.Equal(Monday, exception.Date);
        Assert.Equal("No exchange rate CHF/USD is known for 2026-11-23.", exception.Message);
    }

    [Fact]
    public async Task ConvertAsync_UsesTheRateOfTheDateAndRounds()
    {
        IExchangeRateProvider provider = new ExchangeRateTable(EcbRates, pivot: Currency.Eur);

        var pounds = await provider.ConvertAsync(Money.Of(100m, Currency.Usd), Currency.Gbp, Friday, MoneyRounding.HalfUp);
        var same = await provider.ConvertAsync(Money.Of(10.005m, Currency.Eur), Currency.Eur, Friday, MoneyRounding.HalfUp);

        Assert.Equal(Money.Of(80.33m, Currency.Gbp), pounds);
        Assert.Equal(Money.Of(10.01m, Currency.Eur), same);
    }

    [Fact]
    public async Task FindRateAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await new ExchangeRateTable(EcbRates).FindRateAsync(Currency.Eur, Currency.Usd, Friday, cancelled.Token));
    }

    [Fact]
    public async Task GetRateAsync_ProviderAnsweringAnotherPair_IsRejected()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await new WrongPairProvider().GetRateAsync(Currency.Eur, Currency.Usd, Friday));

        Assert.Contains("EUR/GBP", exception.Message, StringComparison.Ordinal);
    }

    private sealed class WrongPairProvider : IExchangeRateProvider
    {
        public ValueTask<ExchangeRate?> FindRateAsync(Currency baseCurrency, Currency quoteCurrency, LocalDate asOf, CancellationToken cancellationToken = default)
            => ValueTask.FromResult<ExchangeRate?>(EcbRates[2]);
    }
}
