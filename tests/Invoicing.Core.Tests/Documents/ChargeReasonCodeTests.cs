using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Invoicing.Core.Documents;

namespace Invoicing.Core.Tests.Documents;

public sealed partial class ChargeReasonCodeTests
{
    private static readonly DocumentsJsonContext Json = DocumentsJsonContext.Default;

    [Fact]
    public void All_Uncl7161Table_IsWellFormed()
    {
        var all = ChargeReasonCode.All;

        Assert.Equal(178, all.Count); // BR-CL-20 of the EN 16931 artefacts, spring 2025 code lists
        Assert.All(all, r =>
        {
            Assert.Matches(CodeShape(), r.Code);
            Assert.False(string.IsNullOrWhiteSpace(r.Name), $"{r.Code} has no name");
            Assert.Equal(r.Name.Trim(), r.Name);
        });
        Assert.Equal(all.Count, all.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Select(r => r.Code).Order(StringComparer.Ordinal), all.Select(r => r.Code));
        Assert.Equal("AA", all[0].Code);
        Assert.Equal("ZZZ", all[^1].Code);
    }

    [Theory]
    [InlineData("AA", "Advertising")]
    [InlineData("ABL", "Additional packaging")]
    [InlineData("FC", "Freight service")]
    [InlineData("PC", "Packing")]
    [InlineData("DAB", "Layout/design")]
    [InlineData("PRV", "Price variation")]
    [InlineData("TT", "Transportation - third party billing")]
    [InlineData("L1", "Carrier count")]
    [InlineData("ZZZ", "Mutually defined")]
    public void FromCode_KnownCode_HasPublishedName(string code, string name)
    {
        var reason = ChargeReasonCode.FromCode(code);

        Assert.Equal(code, reason.Code);
        Assert.Equal(name, reason.Name);
        Assert.True(ChargeReasonCode.TryFromCode(code.AsSpan(), out var fromSpan));
        Assert.Equal(reason, fromSpan);
    }

    [Fact]
    public void StaticProperties_AreTheDocumentedCodes()
    {
        Assert.Equal("AA", ChargeReasonCode.Advertising.Code);
        Assert.Equal("ABL", ChargeReasonCode.AdditionalPackaging.Code);
        Assert.Equal("AEK", ChargeReasonCode.CashOnDelivery.Code);
        Assert.Equal("DL", ChargeReasonCode.Delivery.Code);
        Assert.Equal("FC", ChargeReasonCode.Freight.Code);
        Assert.Equal("HD", ChargeReasonCode.Handling.Code);
        Assert.Equal("IAA", ChargeReasonCode.Installation.Code);
        Assert.Equal("LAA", ChargeReasonCode.Labour.Code);
        Assert.Equal("PC", ChargeReasonCode.Packing.Code);
        Assert.Equal("SAA", ChargeReasonCode.ShippingAndHandling.Code);
        Assert.Equal(ChargeReasonCode.FromCode("FC"), ChargeReasonCode.Freight);
    }

    [Theory]
    [InlineData("fc")] // codes are case-sensitive
    [InlineData("IN")] // not in the EN 16931 list
    [InlineData("95")] // an allowance reason
    [InlineData("XYZ")]
    [InlineData("")]
    public void FromCode_UnknownCode_ThrowsNamingCodeAndList(string code)
    {
        var exception = Assert.Throws<UnknownCodeException>(() => ChargeReasonCode.FromCode(code));

        Assert.Equal(code, exception.Code);
        Assert.Equal("UNCL 7161", exception.CodeList);
        Assert.StartsWith($"'{code}' is not a code of UNCL 7161 (charge reason, EN 16931 list).", exception.Message, StringComparison.Ordinal);
        Assert.False(ChargeReasonCode.TryFromCode(code, out _));
        Assert.False(ChargeReasonCode.TryParse(code.AsSpan(), null, out _));
    }

    [Fact]
    public void Default_IsNoReasonCode()
    {
        ChargeReasonCode none = default;

        Assert.Equal(string.Empty, none.Code);
        Assert.Equal(string.Empty, none.Name);
        Assert.DoesNotContain(none, ChargeReasonCode.All);
        Assert.NotEqual(ChargeReasonCode.Freight, none);
    }

    [Fact]
    public void Parse_EveryCode_RoundTripsWithToStringAndTryFormat()
    {
        Span<char> buffer = stackalloc char[3];
        foreach (var reason in ChargeReasonCode.All)
        {
            Assert.Equal(reason, ChargeReasonCode.Parse(reason.ToString()));
            Assert.Equal(reason, ChargeReasonCode.Parse($"{reason}\n".AsSpan(), CultureInfo.InvariantCulture));
            Assert.True(reason.TryFormat(buffer, out var written, default, null));
            Assert.Equal(reason.Code, buffer[..written].ToString());
        }

        var exception = Assert.Throws<FormatException>(() => ChargeReasonCode.Parse("fc"));
        Assert.Equal("'fc' is not a code of UNCL 7161 (charge reason, EN 16931 list).", exception.Message);
    }

    [Fact]
    public void AsDictionaryKey_FindsByEqualValue()
    {
        var totals = new Dictionary<ChargeReasonCode, decimal> { [ChargeReasonCode.Freight] = 25m };

        Assert.Equal(25m, totals[ChargeReasonCode.Parse("FC")]);
        Assert.True(ChargeReasonCode.Freight == ChargeReasonCode.FromCode("FC"));
        Assert.True(ChargeReasonCode.Freight != ChargeReasonCode.Packing);
    }

    [Fact]
    public void Json_EveryCode_RoundTrips()
    {
        var json = JsonSerializer.Serialize(ChargeReasonCode.All, Json.IReadOnlyListChargeReasonCode);

        Assert.Equal(ChargeReasonCode.All, JsonSerializer.Deserialize(json, Json.IReadOnlyListChargeReasonCode));
    }

    [Fact]
    public void Json_ReasonAsDictionaryKey_RoundTrips()
    {
        var totals = new Dictionary<ChargeReasonCode, decimal> { [ChargeReasonCode.Freight] = 25m, [ChargeReasonCode.Packing] = 4.2m };

        var json = JsonSerializer.Serialize(totals, Json.DictionaryChargeReasonCodeDecimal);

        Assert.Equal("""{"FC":25,"PC":4.2}""", json);
        Assert.Equal(totals, JsonSerializer.Deserialize(json, Json.DictionaryChargeReasonCodeDecimal));
    }

    [Theory]
    [InlineData("\"fc\"", "'fc' is not a code of UNCL 7161 (charge reason, EN 16931 list); read as a charge reason code.")]
    [InlineData("1", "found Number")]
    [InlineData("[]", "found StartArray")]
    public void Json_Read_InvalidValue_ThrowsNamingIt(string json, string expected)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.ChargeReasonCode));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Read_UnknownDictionaryKey_ThrowsNamingIt()
    {
        var exception = Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize("""{"FC":1,"Freight":2}""", Json.DictionaryChargeReasonCodeDecimal));

        Assert.Contains("'Freight' is not a code of UNCL 7161", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WriteDefault_Throws()
        => Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(ChargeReasonCode), Json.ChargeReasonCode));

    [GeneratedRegex("^[0-9A-Z]{2,3}$")]
    private static partial Regex CodeShape();
}
