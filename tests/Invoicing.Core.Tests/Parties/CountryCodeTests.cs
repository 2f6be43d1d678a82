using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Tests.Parties;

public sealed partial class CountryCodeTests
{
    private static readonly PartiesJsonContext Json = PartiesJsonContext.Default;

    [Theory]
    [InlineData("de")]
    [InlineData("De")]
    [InlineData("dE")]
    [InlineData("DE")]
    public void FromCode_AnyLetterCase_FindsCountry(string code)
    {
        Assert.Equal(CountryCode.De, CountryCode.FromCode(code));
        Assert.True(CountryCode.TryFromCode(code, out var country));
        Assert.Equal(CountryCode.De, country);
        Assert.True(CountryCode.TryFromCode(code.AsSpan(), out country));
        Assert.Equal(CountryCode.De, country);
    }

    [Theory]
    [InlineData("XK")] // user-assigned (used for Kosovo by some organisations), not ISO 3166-1
    [InlineData("UK")] // exceptionally reserved; the United Kingdom is GB
    [InlineData("EL")] // Greece's EU VAT prefix; Greece is GR
    [InlineData("EU")] // exceptionally reserved
    [InlineData("AN")] // Netherlands Antilles, deleted in 2010 and transitionally reserved
    [InlineData("ZZ")]
    [InlineData("")]
    [InlineData("D")]
    [InlineData("DEU")] // alpha-3
    [InlineData(" DE")]
    [InlineData("ın")] // Turkish dotless i: must not match IN, whatever the culture
    public void FromCode_UnknownCode_ThrowsNamingIt(string code)
    {
        var exception = Assert.Throws<UnknownCountryException>(() => CountryCode.FromCode(code));

        Assert.Equal(code, exception.Code);
        Assert.Equal("code", exception.ParamName);
        Assert.Contains($"'{code}'", exception.Message, StringComparison.Ordinal);
        Assert.False(CountryCode.TryFromCode(code, out var country));
        Assert.Equal(default, country);
        Assert.False(CountryCode.TryFromCode(code.AsSpan(), out _));
    }

    [Theory]
    [InlineData("UK", "'GB'")]
    [InlineData("uk", "'GB'")]
    [InlineData("EL", "'GR'")]
    [InlineData("XK", "user-assigned")]
    public void FromCode_CodeOftenMistakenForIso_MessageSaysWhatToUse(string code, string hint)
    {
        var exception = Assert.Throws<UnknownCountryException>(() => CountryCode.FromCode(code));

        Assert.Contains(hint, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => CountryCode.FromCode(null!));

        Assert.Equal("code", exception.ParamName);
        Assert.False(CountryCode.TryFromCode((string?)null, out _));
    }

    [Fact]
    public void TryFromCode_Span_DoesNotAllocate()
    {
        ReadOnlySpan<char> code = "fr";
        CountryCode.TryFromCode(code, out _); // warm up

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = 0;
        for (var i = 0; i < 100; i++)
        {
            found += CountryCode.TryFromCode(code, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(100, found);
    }

    [Fact]
    public void All_Iso3166Table_IsWellFormed()
    {
        var all = CountryCode.All;

        Assert.Equal(249, all.Count); // every officially assigned alpha-2 code
        Assert.All(all, c =>
        {
            Assert.Matches(UpperCaseCode(), c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.Equal(c.Name.Trim(), c.Name);
            Assert.DoesNotContain("(the)", c.Name, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(c, CountryCode.FromCode(c.Code));
            Assert.NotEqual(default, c);
        });
        Assert.Equal(all.Count, all.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Select(c => c.Code).Order(StringComparer.Ordinal), all.Select(c => c.Code));
        Assert.Equal(all.Order(), all);
    }

    [Theory]
    [InlineData("DE", "Germany")]
    [InlineData("GR", "Greece")]
    [InlineData("GB", "United Kingdom of Great Britain and Northern Ireland")]
    [InlineData("US", "United States of America")]
    [InlineData("NL", "Netherlands (Kingdom of the)")]
    [InlineData("TR", "Türkiye")]
    [InlineData("CI", "Côte d'Ivoire")]
    [InlineData("CZ", "Czechia")]
    [InlineData("MK", "North Macedonia")]
    [InlineData("SZ", "Eswatini")]
    [InlineData("KR", "Korea (the Republic of)")]
    [InlineData("CD", "Congo (the Democratic Republic of the)")]
    [InlineData("VA", "Holy See")]
    [InlineData("SS", "South Sudan")]
    [InlineData("BQ", "Bonaire, Sint Eustatius and Saba")]
    [InlineData("AX", "Åland Islands")]
    public void Name_OfCountry_IsIsoEnglishShortName(string code, string name)
    {
        var country = CountryCode.FromCode(code);

        Assert.Equal(code, country.Code);
        Assert.Equal(name, country.Name);
    }

    [Fact]
    public void StaticProperties_AreTheCountriesTheyName()
    {
        (CountryCode Country, string Code)[] named =
        [
            (CountryCode.De, "DE"), (CountryCode.Fr, "FR"), (CountryCode.Nl, "NL"), (CountryCode.Be, "BE"),
            (CountryCode.It, "IT"), (CountryCode.Es, "ES"), (CountryCode.At, "AT"), (CountryCode.Se, "SE"),
            (CountryCode.Fi, "FI"), (CountryCode.Dk, "DK"), (CountryCode.No, "NO"), (CountryCode.Ch, "CH"),
            (CountryCode.Gb, "GB"), (CountryCode.Us, "US"), (CountryCode.Ca, "CA"), (CountryCode.Au, "AU"),
            (CountryCode.In, "IN"), (CountryCode.Jp, "JP"),
        ];

        Assert.All(named, pair =>
        {
            Assert.Equal(pair.Code, pair.Country.Code);
            Assert.Equal(CountryCode.FromCode(pair.Code), pair.Country);
        });
    }

    [Fact]
    public void Default_IsNoCountry()
    {
        CountryCode none = default;

        Assert.Equal(string.Empty, none.Code);
        Assert.Equal("(none)", none.Name);
        Assert.Equal(string.Empty, none.ToString());
        Assert.DoesNotContain(none, CountryCode.All);
        Assert.All(CountryCode.All, c => Assert.NotEqual(none, c));
        Assert.True(none == default(CountryCode));
        Assert.True(none < CountryCode.All[0]);
        Assert.True(none.TryFormat(Span<char>.Empty, out var written, default, null));
        Assert.Equal(0, written);
        Assert.False(CountryCode.TryParse(none.ToString(), null, out _));
    }

    [Fact]
    public void Equals_SameCountry_IsEqualWithEqualHashCodes()
    {
        var upper = CountryCode.FromCode("NL");
        var lower = CountryCode.Parse("nl");

        Assert.Equal(upper, lower);
        Assert.True(upper == lower);
        Assert.False(upper != lower);
        Assert.True(upper.Equals((object)lower));
        Assert.False(upper.Equals("NL"));
        Assert.Equal(upper.GetHashCode(), lower.GetHashCode());
        Assert.NotEqual(CountryCode.Nl, CountryCode.Be);
        Assert.True(CountryCode.Nl != CountryCode.Be);
    }

    [Fact]
    public void CompareTo_OrdersByCode()
    {
        CountryCode[] countries = [CountryCode.Us, CountryCode.De, CountryCode.At, CountryCode.Jp, default];

        Assert.Equal(["", "AT", "DE", "JP", "US"], countries.Order().Select(c => c.Code));
        Assert.True(CountryCode.At < CountryCode.De);
        Assert.True(CountryCode.At <= CountryCode.At);
        Assert.True(CountryCode.Us > CountryCode.Jp);
        Assert.True(CountryCode.Us >= CountryCode.Us);
        Assert.Equal(0, CountryCode.De.CompareTo((object)CountryCode.FromCode("de")));
        Assert.Equal(1, CountryCode.De.CompareTo(null));
        Assert.Throws<ArgumentException>(() => CountryCode.De.CompareTo("DE"));
    }

    [Theory]
    [InlineData(" de ", "DE")]
    [InlineData("gR", "GR")]
    [InlineData("\tnl\n", "NL")]
    public void Parse_Code_RoundTripsWithToString(string text, string expected)
    {
        var country = CountryCode.Parse(text);

        Assert.Equal(expected, country.ToString());
        Assert.Equal(expected, country.ToString("G", null));
        Assert.Equal(country, CountryCode.Parse(country.ToString()));
        Assert.Equal(country, CountryCode.Parse(text.AsSpan(), null));
        Assert.True(CountryCode.TryParse(text, null, out var parsed));
        Assert.Equal(country, parsed);
    }

    [Theory]
    [InlineData("XK")]
    [InlineData("EL")]
    [InlineData("D E")]
    [InlineData("")]
    public void Parse_UnknownCode_ThrowsFormatExceptionNamingIt(string text)
    {
        var exception = Assert.Throws<FormatException>(() => CountryCode.Parse(text));

        Assert.Contains($"'{text}'", exception.Message, StringComparison.Ordinal);
        Assert.False(CountryCode.TryParse(text, null, out var result));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullExceptionAndTryParseReturnsFalse()
    {
        Assert.Throws<ArgumentNullException>(() => CountryCode.Parse(null!));
        Assert.False(CountryCode.TryParse((string?)null, null, out _));
    }

    [Fact]
    public void TryFormat_BufferTooSmall_ReturnsFalse()
    {
        Span<char> one = stackalloc char[1];
        Span<char> two = stackalloc char[2];

        Assert.False(CountryCode.De.TryFormat(one, out var none, default, null));
        Assert.Equal(0, none);
        Assert.True(CountryCode.De.TryFormat(two, out var written, default, null));
        Assert.Equal("DE", two[..written].ToString());
        Assert.Equal("Country: DE", $"Country: {CountryCode.De}");
    }

    [Property(MaxTest = 500)]
    public Property Parse_FormattedInAnyLetterCase_RoundTripsEveryCountry()
        => Prop.ForAll(AnyCountryInAnyCase.ToArbitrary(), sample =>
        {
            var (country, text) = sample;

            Assert.Equal(country, CountryCode.Parse(text));
            Assert.Equal(country, CountryCode.FromCode(text));
            Assert.Equal(country, CountryCode.Parse(country.ToString()));
            Assert.Equal(country.Code, CountryCode.Parse(text).ToString());
        });

    [Fact]
    public void Json_WritesTheCode()
    {
        Assert.Equal("\"DE\"", JsonSerializer.Serialize(CountryCode.De, Json.CountryCode));
        Assert.Equal("[\"GR\",\"GB\"]", JsonSerializer.Serialize([CountryCode.FromCode("gr"), CountryCode.Gb], Json.CountryCodeArray));
    }

    [Theory]
    [InlineData("\"DE\"", "DE")]
    [InlineData("\"de\"", "DE")]
    [InlineData("\"nL\"", "NL")]
    [InlineData("\"\\u0044\\u0045\"", "DE")]
    public void Json_Read_AnyLetterCase(string json, string code)
        => Assert.Equal(CountryCode.FromCode(code), JsonSerializer.Deserialize(json, Json.CountryCode));

    [Fact]
    public void Json_DtoWithCountries_RoundTripsThroughASourceGeneratedContext()
    {
        ShippingLabel[] labels =
        [
            new("Köln", CountryCode.De, CountryCode.FromCode("TR")),
            new("Basel", CountryCode.Ch, null),
        ];

        Assert.All(labels, label =>
        {
            var json = JsonSerializer.Serialize(label, Json.ShippingLabel);

            Assert.Equal(label, JsonSerializer.Deserialize(json, Json.ShippingLabel));
        });
        Assert.Equal("""{"City":"Basel","Country":"CH","Origin":null}""", JsonSerializer.Serialize(labels[1], Json.ShippingLabel));
    }

    [Fact]
    public void Json_CountryAsDictionaryKey_RoundTrips()
    {
        var invoicesPerCountry = new Dictionary<CountryCode, int>
        {
            [CountryCode.De] = 12,
            [CountryCode.Nl] = 3,
        };

        var json = JsonSerializer.Serialize(invoicesPerCountry, Json.DictionaryCountryCodeInt32);
        var back = JsonSerializer.Deserialize(json, Json.DictionaryCountryCodeInt32)!;

        Assert.Equal("""{"DE":12,"NL":3}""", json);
        Assert.Equal(invoicesPerCountry, back);
        Assert.Equal(invoicesPerCountry, JsonSerializer.Deserialize("""{"de":12,"nl":3}""", Json.DictionaryCountryCodeInt32));
    }

    [Theory]
    [InlineData("""{"UK":1}""", "'UK'")]
    [InlineData("""{"XK":1}""", "'XK'")]
    [InlineData("""{"":1}""", "''")]
    public void Json_UnknownDictionaryKey_ThrowsNamingIt(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.DictionaryCountryCodeInt32));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
        Assert.Contains("property name", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"XK\"", "'XK'")]
    [InlineData("\"UK\"", "'GB'")]
    [InlineData("\"EL\"", "'GR'")]
    [InlineData("\"DEU\"", "'DEU'")]
    [InlineData("\"de \"", "'de '")]
    [InlineData("\"\"", "''")]
    [InlineData("276", "Number")]
    [InlineData("null", "Null")]
    [InlineData("{}", "StartObject")]
    [InlineData("true", "True")]
    public void Json_Read_BadInput_ThrowsNamingTheProblem(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.CountryCode));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_OptionalCountry_ReadsAndWritesNull()
    {
        Assert.Equal("null", JsonSerializer.Serialize((CountryCode?)null, Json.NullableCountryCode));
        Assert.Null(JsonSerializer.Deserialize("null", Json.NullableCountryCode));
        Assert.Equal(CountryCode.Fr, JsonSerializer.Deserialize("\"fr\"", Json.NullableCountryCode));
    }

    [Fact]
    public void Json_WriteDefault_ThrowsInsteadOfWritingNoCountry()
    {
        var asValue = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(CountryCode), Json.CountryCode));
        var asKey = Assert.Throws<JsonException>(
            () => JsonSerializer.Serialize(new Dictionary<CountryCode, int> { [default] = 1 }, Json.DictionaryCountryCodeInt32));

        Assert.Contains("default(CountryCode)", asValue.Message, StringComparison.Ordinal);
        Assert.Contains("default(CountryCode)", asKey.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property Json_RoundTripsEveryCountry()
        => Prop.ForAll(Gen.Elements(CountryCode.All.ToArray()).ToArbitrary(), country =>
        {
            var json = JsonSerializer.Serialize(country, Json.CountryCode);

            Assert.Equal($"\"{country.Code}\"", json);
            Assert.Equal(country, JsonSerializer.Deserialize(json, Json.CountryCode));
            Assert.Equal(country, JsonSerializer.Deserialize(json.ToLowerInvariant(), Json.CountryCode));
        });

    /// <summary>Any country, with its code written in upper, lower or mixed case.</summary>
    private static Gen<(CountryCode Country, string Text)> AnyCountryInAnyCase { get; } =
        from country in Gen.Elements(CountryCode.All.ToArray())
        from mask in Gen.Choose(0, 3)
        select (country, string.Concat(country.Code.Select(
            (c, i) => (mask & (1 << i)) != 0 ? char.ToLowerInvariant(c) : c)));

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex UpperCaseCode();
}
