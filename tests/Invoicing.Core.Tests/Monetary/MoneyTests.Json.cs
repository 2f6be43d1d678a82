using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;
using NodaTime;
using Snapshooter.Xunit;

namespace Invoicing.Core.Tests.Monetary;

public sealed partial class MoneyTests
{
    private static readonly MonetaryJsonContext Json = MonetaryJsonContext.Default;

    [Fact]
    public void Json_WritesAmountAndCurrency()
    {
        var compact = new JsonSerializerOptions { TypeInfoResolver = MonetaryJsonContext.Default };

        Assert.Equal("""{"amount":12.34,"currency":"EUR"}""",
            JsonSerializer.Serialize(Money.Of(12.34m, Currency.Eur), compact.GetTypeInfo(typeof(Money))));
        Assert.Equal("""{"amount":12.30,"currency":"EUR"}""",
            JsonSerializer.Serialize(Money.Of(12.3m, Currency.Eur), compact.GetTypeInfo(typeof(Money))));
    }

    [Fact]
    public void Json_Forms_MatchSnapshot()
    {
        var tag = new PriceTag(
            "SKU-42",
            Money.Of(19.9m, Currency.Eur),
            Money.Of(0.25m, Currency.Eur),
            MoneyRounding.ToIncrement(0.05m),
            ExchangeRate.Of(Currency.Eur, Currency.Chf, 0.9412m, new LocalDate(2026, 11, 20)),
            Currency.Chf);
        Money[] amounts =
        [
            Money.Of(1200m, Currency.Jpy), Money.Of(12.3m, Currency.Bhd), Money.Of(1.2345m, Currency.Clf),
            Money.Of(-0.5m, Currency.Eur), Money.Of(0.0125m, Currency.Eur), Money.Of(79228162514264337593543950335m, Currency.Jpy),
        ];

        var text = JsonSerializer.Serialize(tag, Json.PriceTag) + "\n"
            + JsonSerializer.Serialize(amounts, Json.MoneyArray) + "\n"
            + JsonSerializer.Serialize(MoneyRounding.HalfEven, Json.MoneyRounding);

        Snapshot.Match(text);
    }

    [Fact]
    public void Json_DtoWithMoneyAreaValues_RoundTripsThroughASourceGeneratedContext()
    {
        var tag = new PriceTag("SKU-1", Money.Of(0.0125m, Currency.Eur), null, MoneyRounding.HalfEven,
            ExchangeRate.Of(Currency.Usd, Currency.Jpy, 154.321m, new LocalDate(2026, 1, 2)), Currency.Jpy);

        var back = JsonSerializer.Deserialize(JsonSerializer.Serialize(tag, Json.PriceTag), Json.PriceTag);

        Assert.Equal(tag, back);
    }

    [Theory]
    [InlineData("""{"currency":"EUR","amount":1.5}""", "1.5", "EUR")]
    [InlineData("""{"AMOUNT":1.5,"Currency":"eur"}""", "1.5", "EUR")]
    [InlineData("""{"amount":"0.0125","currency":"EUR"}""", "0.0125", "EUR")]
    [InlineData("""{"amount":-7,"currency":"JPY"}""", "-7", "JPY")]
    public void Json_Read_AcceptsDocumentedVariants(string json, string amount, string code)
    {
        var money = JsonSerializer.Deserialize(json, Json.Money);

        Assert.Equal(Money.Of(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), code), money);
    }

    [Theory]
    [InlineData("""{"amount":1.5}""", "'currency' is missing")]
    [InlineData("""{"currency":"EUR"}""", "'amount' is missing")]
    [InlineData("""{"amount":1.5,"currency":"EUX"}""", "'EUX'")]
    [InlineData("""{"amount":1.5,"currency":"EUR","note":"x"}""", "'note'")]
    [InlineData("""{"amount":"abc","currency":"EUR"}""", "'abc'")]
    [InlineData("""{"amount":1e400,"currency":"EUR"}""", "1e400")]
    [InlineData("""{"amount":true,"currency":"EUR"}""", "True")]
    [InlineData("""12.5""", "object")]
    public void Json_Read_BadInput_ThrowsNamingTheProblem(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.Money));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"amount":1,"amount":1000,"currency":"EUR"}""", "'amount' twice")]
    [InlineData("""{"amount":1,"currency":"EUR","CURRENCY":"USD"}""", "'currency' twice")]
    public void Json_RepeatedProperty_IsRejectedAsAmbiguous(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.Money));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"amount":1.5e3,"currency":"EUR"}""", "1500")]
    [InlineData("""{"amount":12.3400,"currency":"EUR"}""", "12.34")]
    [InlineData("""{"amount":-0.0000000000000000000000000001,"currency":"EUR"}""", "-0.0000000000000000000000000001")]
    public void Json_Read_ExactNumbersInAnyNotation(string json, string expected)
        => Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Deserialize(json, Json.Money).Amount);

    [Theory]
    [InlineData("""{"amount":12.340000000000000000000000000001,"currency":"EUR"}""")]
    [InlineData("""{"amount":1e-40,"currency":"EUR"}""")]
    [InlineData("""{"amount":"0.00000000000000000000000000001","currency":"EUR"}""")]
    public void Json_Read_MorePrecisionThanDecimal_IsRejectedNotRounded(string json)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.Money));

        Assert.Contains("'amount'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CurrencyAsDictionaryKey_RoundTrips()
    {
        var balances = new Dictionary<Currency, Money>
        {
            [Currency.Eur] = Money.Of(12.5m, Currency.Eur),
            [Currency.Jpy] = Money.Of(-300m, Currency.Jpy),
        };
        var compact = new JsonSerializerOptions { TypeInfoResolver = MonetaryJsonContext.Default };
        var info = compact.GetTypeInfo(typeof(Dictionary<Currency, Money>));

        var json = JsonSerializer.Serialize(balances, info);
        var back = (Dictionary<Currency, Money>)JsonSerializer.Deserialize(json, info)!;

        Assert.Equal("""{"EUR":{"amount":12.50,"currency":"EUR"},"JPY":{"amount":-300,"currency":"JPY"}}""", json);
        Assert.Equal(balances, back);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"EUX":{"amount":1,"currency":"EUR"}}""", info));
    }

    [Fact]
    public void Json_ExchangeRateWithCustomCurrency_ReadWithACatalogConverter()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = MonetaryJsonContext.Default };
        options.Converters.Add(new ExchangeRateJsonConverter(MoneyGen.Catalog));

        var rate = (ExchangeRate)JsonSerializer.Deserialize(
            """{"base":"PTS","quote":"EUR","rate":0.01,"asOf":"2026-11-20"}""", options.GetTypeInfo(typeof(ExchangeRate)))!;

        Assert.Equal(Money.Of(2.50m, Currency.Eur), rate.Convert(Money.Of(250m, MoneyGen.Points), MoneyRounding.HalfUp));
    }

    [Fact]
    public void Json_CustomCurrency_ReadWithACatalogConverter()
    {
        var catalog = CurrencyCatalog.Iso4217.With(MoneyGen.Points);
        var options = new JsonSerializerOptions { TypeInfoResolver = MonetaryJsonContext.Default };
        options.Converters.Add(new MoneyJsonConverter(catalog));

        var points = JsonSerializer.Deserialize("""{"amount":250,"currency":"PTS"}""", options.GetTypeInfo(typeof(Money)));

        Assert.Equal(Money.Of(250m, MoneyGen.Points), points);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"amount":250,"currency":"PTS"}""", Json.Money));
    }

    [Theory]
    [InlineData("""{"mode":"banana"}""", "'banana'")]
    [InlineData("""{"mode":1}""", "rounding mode")]
    [InlineData("""{"increment":0.05}""", "'mode'")]
    [InlineData("""{"mode":"ToEven","increment":0}""", "positive")]
    [InlineData("""{"mode":"ToEven","mode":"ToZero"}""", "'mode' twice")]
    public void Json_BadRounding_ThrowsNamingTheProblem(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.MoneyRounding));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"base":"EUR","quote":"USD","rate":0,"asOf":"2026-11-20"}""", "positive")]
    [InlineData("""{"base":"EUR","quote":"USD","rate":1e13,"asOf":"2026-11-20"}""", "outside the accepted range")]
    [InlineData("""{"base":"EUR","quote":"USD","rate":1.1,"rate":1.2,"asOf":"2026-11-20"}""", "'rate' twice")]
    [InlineData("""{"base":"EUR","quote":"USD","rate":1.1,"asOf":"20.11.2026"}""", "'20.11.2026'")]
    [InlineData("""{"base":"EUR","quote":"USD","rate":1.1}""", "'asOf' is missing")]
    public void Json_BadExchangeRate_ThrowsNamingTheProblem(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.ExchangeRate));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property Json_RoundTripsEveryValueExactly()
        => Prop.ForAll(MoneyGen.AnyValue.ToArbitrary(), money =>
        {
            var options = new JsonSerializerOptions { TypeInfoResolver = MonetaryJsonContext.Default };
            options.Converters.Add(new MoneyJsonConverter(MoneyGen.Catalog));
            var info = options.GetTypeInfo(typeof(Money));

            var json = JsonSerializer.Serialize(money, info);
            var back = (Money)JsonSerializer.Deserialize(json, info)!;

            Assert.Equal(money, back);
            Assert.Equal(json, JsonSerializer.Serialize(back, info));
        });
}
