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
    public void Json_BadRounding_ThrowsNamingTheProblem(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.MoneyRounding));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"base":"EUR","quote":"USD","rate":0,"asOf":"2026-11-20"}""", "positive")]
    [InlineData("""{"base":"EUR","quote":"USD","rate":1.1,"asOf":"20.11.2026"}""", "'20.11.2026'")]
    [InlineData("""{"base":"EUR","quote":"USD","rate":1.1}""", "'asOf' is missing")]
    public void Json_BadExchangeRate_ThrowsNamingTheProblem(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.ExchangeRate));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property Json_RoundTripsEveryValueExactly()
        => Prop.ForAll(MoneyGen.Unrounded.ToArbitrary(), money =>
        {
            var options = new JsonSerializerOptions { TypeInfoResolver = MonetaryJsonContext.Default };
            options.Converters.Add(new MoneyJsonConverter(CurrencyCatalog.Iso4217.With(MoneyGen.Points)));
            var info = options.GetTypeInfo(typeof(Money));

            var json = JsonSerializer.Serialize(money, info);
            var back = (Money)JsonSerializer.Deserialize(json, info)!;

            Assert.Equal(money, back);
            Assert.Equal(json, JsonSerializer.Serialize(back, info));
        });
}
