using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Monetary;

public sealed partial class MoneyTests
{
    [Theory]
    [InlineData("EUR 12.34", "12.34", "EUR")]
    [InlineData("12.34 EUR", "12.34", "EUR")]
    [InlineData("eur 12.34", "12.34", "EUR")]
    [InlineData("EUR12.34", "12.34", "EUR")]
    [InlineData("12.34EUR", "12.34", "EUR")]
    [InlineData("  EUR   -0.50 ", "-0.5", "EUR")]
    [InlineData("-1200 JPY", "-1200", "JPY")]
    [InlineData("BHD 1.234", "1.234", "BHD")]
    [InlineData("12.340 EUR", "12.34", "EUR")]
    [InlineData("+7 USD", "7", "USD")]
    public void Parse_InvariantForms_GiveTheAmount(string text, string amount, string code)
    {
        var expected = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), code);

        Assert.Equal(expected, Money.Parse(text));
        Assert.True(Money.TryParse(text, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Fact]
    public void Parse_TooManyDecimalsForJpy_IsRejectedWithAClearMessage()
    {
        var exception = Assert.Throws<FormatException>(() => Money.Parse("-0.5 JPY"));

        Assert.Contains("'-0.5 JPY'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("JPY allows (0 minor units)", exception.Message, StringComparison.Ordinal);
        Assert.False(Money.TryParse("-0.5 JPY", out _));
    }

    [Fact]
    public void Parse_SubMinorUnits_AllowedOnlyWhenAsked()
    {
        Assert.Throws<FormatException>(() => Money.Parse("EUR 0.0125"));

        var price = Money.Parse("EUR 0.0125", MoneyStyles.AllowSubMinorUnits, null, null);

        Assert.Equal(0.0125m, price.Amount);
    }

    [Fact]
    public void Parse_WithCulture_UsesItsDecimalSeparator()
    {
        Assert.Equal(Money.Of(12.34m, Currency.Eur), Money.Parse("12,34 EUR", German));
        Assert.Equal(Money.Of(12.34m, Currency.Eur), Money.Parse("EUR 12.34", null));
        Assert.Throws<FormatException>(() => Money.Parse("12,34 EUR"));
    }

    [Theory]
    [InlineData("EUR 1,234.50")]
    [InlineData("12.34")]
    [InlineData("EUR")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("EUR 12.34 USD")]
    [InlineData("EUR 1e3")]
    [InlineData("EUR 12 34")]
    [InlineData("€12.34")]
    [InlineData("12.34-EUR")]
    public void Parse_Malformed_ThrowsFormatExceptionQuotingTheText(string text)
    {
        var exception = Assert.Throws<FormatException>(() => Money.Parse(text));

        Assert.Contains($"'{text}'", exception.Message, StringComparison.Ordinal);
        Assert.False(Money.TryParse(text, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Parse_UnknownCode_NamesTheCode()
    {
        var exception = Assert.Throws<FormatException>(() => Money.Parse("ABC 12"));

        Assert.StartsWith("'ABC' in 'ABC 12'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EUR 12.340000000000000000000000000001")]
    [InlineData("EUR 0.00000000000000000000000000001")]
    public void Parse_MorePrecisionThanDecimal_IsRejectedNotRounded(string text)
    {
        Assert.Throws<FormatException>(() => Money.Parse(text));
        Assert.False(Money.TryParse(text.AsSpan(), MoneyStyles.AllowSubMinorUnits, null, null, out _));
    }

    [Theory]
    [InlineData("100 TOK2", "100")]
    [InlineData("TOK2 0.000000000000000001", "0.000000000000000001")]
    [InlineData("PTS 7", "7")]
    [InlineData("PTS7", "7")]
    public void Parse_CustomCodesWithDigits_NeedASpace(string text, string amount)
    {
        var money = Money.Parse(text, MoneyStyles.None, null, MoneyGen.Catalog);

        Assert.Equal(decimal.Parse(amount, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(text.Contains("TOK2", StringComparison.Ordinal) ? MoneyGen.Token : MoneyGen.Points, money.Currency);
    }

    [Fact]
    public void Parse_UndefinedStyles_IsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Parse("EUR 1", (MoneyStyles)4, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.TryParse("EUR 1", (MoneyStyles)4, null, null, out _));
    }

    [Fact]
    public void Parse_CustomCurrency_NeedsACatalogThatKnowsIt()
    {
        var catalog = CurrencyCatalog.Iso4217.With(MoneyGen.Points);

        Assert.Throws<FormatException>(() => Money.Parse("PTS 100"));
        Assert.Equal(Money.Of(100m, MoneyGen.Points), Money.Parse("PTS 100", MoneyStyles.None, null, catalog));
        Assert.Throws<FormatException>(() => Money.Parse("PTS 100.5", MoneyStyles.None, null, catalog));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Money.Parse(null!));
        Assert.False(Money.TryParse(null, out _));
    }
}
