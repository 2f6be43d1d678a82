using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;
using Snapshooter.Xunit;

namespace Invoicing.Core.Tests.Monetary;

public sealed partial class MoneyTests
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo American = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData("1234.5", "EUR", "EUR 1234.50")]
    [InlineData("-3", "EUR", "EUR -3.00")]
    [InlineData("0.0125", "EUR", "EUR 0.0125")]
    [InlineData("12.3400", "EUR", "EUR 12.34")]
    [InlineData("1200", "JPY", "JPY 1200")]
    [InlineData("12.3", "BHD", "BHD 12.300")]
    [InlineData("1", "CLF", "CLF 1.0000")]
    [InlineData("1.5", "XAU", "XAU 1.5")]
    public void ToString_IsInvariantCodeFirst(string amount, string code, string expected)
    {
        var money = Money.Of(decimal.Parse(amount, CultureInfo.InvariantCulture), code);

        Assert.Equal(expected, money.ToString());
        Assert.Equal(expected, money.ToString("G", German));
        Assert.Equal(expected, $"{money}");
    }

    [Fact]
    public void ToString_CurrencyFormat_UsesTheCulturesOwnSymbolOnlyForItsOwnCurrency()
    {
        Assert.Equal("1.234,50 €", Money.Of(1234.5m, Currency.Eur).ToString("C", German));
        Assert.Equal("$1,234.50", Money.Of(1234.5m, Currency.Usd).ToString("C", American));
        Assert.Equal("1.234,50 US$", Money.Of(1234.5m, Currency.Usd).ToString("C", German));
        Assert.Equal("€1,234.50", Money.Of(1234.5m, Currency.Eur).ToString("C", American));
        Assert.Equal("CHF 1,234.50", Money.Of(1234.5m, Currency.Chf).ToString("C", American));
        Assert.Equal("-SEK 5.00", Money.Of(-5m, Currency.Sek).ToString("C", American));
    }

    [Fact]
    public void ToString_IsoCodeFormat_KeepsCodeApartFromTheNumber()
    {
        Assert.Equal("1.234,50 EUR", Money.Of(1234.5m, Currency.Eur).ToString("I", German));
        Assert.Equal("EUR 1,234.50", Money.Of(1234.5m, Currency.Eur).ToString("I", American));
        Assert.Equal("-JPY 1,234", Money.Of(-1234m, Currency.Jpy).ToString("I", American));
    }

    [Fact]
    public void ToString_Precision_RoundsForDisplayOnly()
    {
        var money = Money.Of(1234.5m, Currency.Eur);

        Assert.Equal("1.235 €", money.ToString("C0", German));
        Assert.Equal("1,234.5000", money.ToString("N4", American));
        Assert.Equal(1234.5m, money.Amount);
    }

    [Fact]
    public void ToString_CultureWithEmptySymbol_FallsBackToAnUnambiguousSymbol()
    {
        var culture = (CultureInfo)German.Clone();
        culture.NumberFormat.CurrencySymbol = string.Empty;

        Assert.Equal("1,50 €", Money.Of(1.5m, Currency.Eur).ToString("C", culture));
    }

    [Fact]
    public void ToString_NullProvider_UsesTheCurrentCultureForCultureFormats()
        => Assert.Equal(Money.Of(1.5m, Currency.Eur).ToString("N", CultureInfo.CurrentCulture), Money.Of(1.5m, Currency.Eur).ToString("N", null));

    [Theory]
    [InlineData("X")]
    [InlineData("G2")]
    [InlineData("C29")]
    [InlineData("Cx")]
    public void ToString_UnknownFormat_ThrowsNamingIt(string format)
    {
        var exception = Assert.Throws<FormatException>(() => TenEuros.ToString(format, American));
        Assert.Contains(format, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFormat_TooSmallBuffer_ReturnsFalse()
    {
        Span<char> small = stackalloc char[5];

        Assert.False(TenEuros.TryFormat(small, out var written, default, null));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Formats_AcrossCultures_MatchSnapshot()
    {
        Money[] amounts =
        [
            Money.Of(1234.5m, Currency.Eur), Money.Of(-1234.5m, Currency.Eur), Money.Of(1234.5m, Currency.Usd),
            Money.Of(-1234m, Currency.Jpy), Money.Of(12.345m, Currency.Bhd), Money.Of(0.0125m, Currency.Eur),
            Money.Of(1234.5m, Currency.Chf), Money.Of(-5m, Currency.Sek), Money.Of(1.2345m, Currency.Clf),
        ];
        var table = new StringBuilder();
        foreach (var name in new[] { "de-DE", "en-US", "en-GB", "fr-FR", "ja-JP", "de-CH", "nl-NL" })
        {
            var culture = CultureInfo.GetCultureInfo(name);
            foreach (var money in amounts)
            {
                table.Append(CultureInfo.InvariantCulture,
                    $"{name,-6} | {money,-16} | C {money.ToString("C", culture),-16} | I {money.ToString("I", culture),-16} | N {money.ToString("N", culture)}\n");
            }
        }

        // Non-breaking and narrow spaces are made visible so that the snapshot shows them.
        Snapshot.Match(table.ToString().Replace('\u00A0', '·').Replace('\u202F', '⍽'));
    }

    [Property(MaxTest = 300)]
    public Property ToString_ParsesBackToTheSameValue()
        => Prop.ForAll(MoneyGen.AnyValue.ToArbitrary(), money =>
        {
            var text = money.ToString();

            Assert.Equal(money, Money.Parse(text, MoneyStyles.AllowSubMinorUnits, null, MoneyGen.Catalog));
            Assert.Equal(text, Money.Parse(text, MoneyStyles.AllowSubMinorUnits, null, MoneyGen.Catalog).ToString());
            if (money.IsRoundedToMinorUnits && !money.Currency.IsCustom)
            {
                Assert.Equal(money, Money.Parse(text));
            }
        });
}
