using System.Text.RegularExpressions;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Monetary;

public sealed partial class CurrencyTests
{
    [Theory]
    [InlineData("JPY", 392, 0, "Yen")]
    [InlineData("EUR", 978, 2, "Euro")]
    [InlineData("USD", 840, 2, "US Dollar")]
    [InlineData("BHD", 48, 3, "Bahraini Dinar")]
    [InlineData("KWD", 414, 3, "Kuwaiti Dinar")]
    [InlineData("TND", 788, 3, "Tunisian Dinar")]
    [InlineData("CLF", 990, 4, "Unidad de Fomento")]
    [InlineData("UYW", 927, 4, "Unidad Previsional")]
    [InlineData("ISK", 352, 0, "Iceland Krona")]
    [InlineData("XCG", 532, 2, "Caribbean Guilder")]
    [InlineData("ZWG", 924, 2, "Zimbabwe Gold")]
    [InlineData("XAD", 396, 2, "Arab Accounting Dinar")]
    public void FromCode_IsoCurrency_HasIsoData(string code, int numeric, int minorUnits, string name)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code, currency.Code);
        Assert.Equal(numeric, currency.NumericCode);
        Assert.Equal(minorUnits, currency.MinorUnits);
        Assert.Equal(name, currency.Name);
        Assert.False(currency.IsCustom);
        Assert.Equal(currency, Currency.FromNumericCode(numeric));
    }

    [Theory]
    [InlineData("XAU")]
    [InlineData("XDR")]
    [InlineData("XXX")]
    [InlineData("XTS")]
    public void FromCode_CurrencyWithoutMinorUnit_HasNullMinorUnits(string code)
        => Assert.Null(Currency.FromCode(code).MinorUnits);

    [Theory]
    [InlineData("eur")]
    [InlineData("Eur")]
    [InlineData("EUR")]
    public void FromCode_AnyLetterCase_FindsCurrency(string code)
        => Assert.Equal(Currency.Eur, Currency.FromCode(code));

    [Theory]
    [InlineData("ABC")]
    [InlineData("BGN")] // withdrawn on Bulgaria's euro adoption, 2026-01-01
    [InlineData("HRK")]
    [InlineData("ANG")]
    [InlineData("CUC")]
    [InlineData("SLL")]
    [InlineData("")]
    [InlineData("EURO")]
    public void FromCode_UnknownCode_ThrowsNamingIt(string code)
    {
        var exception = Assert.Throws<UnknownCurrencyException>(() => Currency.FromCode(code));

        Assert.Equal(code, exception.Code);
        Assert.Contains($"'{code}'", exception.Message, StringComparison.Ordinal);
        Assert.False(Currency.TryFromCode(code, out _));
    }

    [Fact]
    public void FromNumericCode_Unknown_ThrowsNamingIt()
    {
        var exception = Assert.Throws<UnknownCurrencyException>(() => Currency.FromNumericCode(975));
        Assert.Equal("975", exception.Code);
    }

    [Fact]
    public void All_Iso4217Table_IsWellFormed()
    {
        var all = Currency.All;

        Assert.Equal(178, all.Count); // List One of 2026-01-01, currencies and funds
        Assert.All(all, c =>
        {
            Assert.Matches(UpperCaseCode(), c.Code);
            Assert.InRange(c.NumericCode, 1, 999);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.True(c.MinorUnits is null or 0 or 2 or 3 or 4, $"{c.Code} has {c.MinorUnits} minor units");
        });
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct().Count());
        Assert.Equal(all.Count, all.Select(c => c.NumericCode).Distinct().Count());
        Assert.Equal(all.Select(c => c.Code).Order(StringComparer.Ordinal), all.Select(c => c.Code));
        Assert.Equal(
            ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"],
            all.Where(c => c.MinorUnits == 3).Select(c => c.Code));
        Assert.Equal(["CLF", "UYW"], all.Where(c => c.MinorUnits == 4).Select(c => c.Code));
    }

    [Fact]
    public void Default_IsNoCurrency()
    {
        Currency none = default;

        Assert.Equal(Currency.Xxx, none);
        Assert.Equal("XXX", none.Code);
        Assert.NotEqual(Currency.Eur, none);
    }

    [Fact]
    public void CreateCustom_ValidCode_IsEqualByCodeAndMinorUnitsOnly()
    {
        var points = Currency.CreateCustom("pts", 0, "Loyalty points");

        Assert.Equal("PTS", points.Code);
        Assert.True(points.IsCustom);
        Assert.Equal(0, points.NumericCode);
        Assert.Equal(0, points.MinorUnits);
        Assert.Equal(points, Currency.CreateCustom("PTS", 0, "Points (renamed)"));
        Assert.NotEqual(points, Currency.CreateCustom("PTS", 2, "Loyalty points"));
        Assert.Equal(points.GetHashCode(), Currency.CreateCustom("PTS", 0, "x").GetHashCode());
        Assert.False(Currency.TryFromCode("PTS", out _));
    }

    [Theory]
    [InlineData("EUR", 2, "Euro again")]
    [InlineData("usd", 2, "Dollar")]
    [InlineData("P", 0, "too short")]
    [InlineData("1PT", 0, "starts with a digit")]
    [InlineData("PT S", 0, "space")]
    [InlineData("PTS", -1, "negative minor units")]
    [InlineData("PTS", 19, "more digits than a decimal leaves room for")]
    [InlineData("PTS", 0, " ")]
    public void CreateCustom_InvalidArguments_Throws(string code, int minorUnits, string name)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => Currency.CreateCustom(code, minorUnits, name));
        Assert.NotNull(exception.ParamName);
    }

    [Fact]
    public void CompareTo_OrdersByCode()
    {
        Currency[] currencies = [Currency.Usd, Currency.Eur, Currency.Chf, Currency.Jpy];

        Assert.Equal(["CHF", "EUR", "JPY", "USD"], currencies.Order().Select(c => c.Code));
        Assert.True(Currency.Chf < Currency.Eur);
    }

    [Theory]
    [InlineData(" eur ", "EUR")]
    [InlineData("JPY", "JPY")]
    public void Parse_Code_RoundTripsWithToString(string text, string expected)
    {
        var currency = Currency.Parse(text);

        Assert.Equal(expected, currency.ToString());
        Assert.Equal(currency, Currency.Parse(currency.ToString()));
    }

    [Fact]
    public void Parse_UnknownCode_ThrowsFormatExceptionNamingIt()
    {
        var exception = Assert.Throws<FormatException>(() => Currency.Parse("EUX"));
        Assert.Contains("'EUX'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrencyCatalog_With_AddsCustomCurrenciesWithoutChangingTheOriginal()
    {
        var points = Currency.CreateCustom("PTS", 0, "Loyalty points");

        var catalog = CurrencyCatalog.Iso4217.With(points);

        Assert.Equal(points, catalog.Get("pts"));
        Assert.Equal(Currency.Eur, catalog.Get("EUR"));
        Assert.False(CurrencyCatalog.Iso4217.TryGet("PTS", out _));
        Assert.Throws<ArgumentException>(() => catalog.With(Currency.CreateCustom("PTS", 2, "Other points")));
        Assert.Throws<ArgumentException>(() => catalog.With(Currency.Eur));
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex UpperCaseCode();
}
