using System.Globalization;
using System.Text.Json;
using Invoicing.Core.Documents;

namespace Invoicing.Core.Tests.Documents;

public sealed class AllowanceReasonCodeTests
{
    private static readonly DocumentsJsonContext Json = DocumentsJsonContext.Default;

    [Fact]
    public void All_Uncl5189Table_IsWellFormed()
    {
        var all = AllowanceReasonCode.All;

        Assert.Equal(
            ["41", "42", "60", "62", "63", "64", "65", "66", "67", "68", "70", "71", "88", "95", "100", "102", "103", "104", "105"],
            all.Select(r => r.Code)); // BR-CL-19 of the EN 16931 artefacts, in numeric order
        Assert.All(all, r =>
        {
            Assert.Equal(r.Code, int.Parse(r.Code, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            Assert.False(string.IsNullOrWhiteSpace(r.Name), $"{r.Code} has no name");
            Assert.Equal(r.Name.Trim(), r.Name);
        });
        Assert.Equal(all.Count, all.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("41", "Bonus for works ahead of schedule")]
    [InlineData("60", "Manufacturer’s consumer discount")]
    [InlineData("68", "End-of-range discount")]
    [InlineData("88", "Material surcharge/deduction")]
    [InlineData("95", "Discount")]
    [InlineData("100", "Special rebate")]
    [InlineData("102", "Fixed long term")]
    [InlineData("105", "Yearly turnover")]
    public void FromCode_KnownCode_HasPublishedName(string code, string name)
    {
        var reason = AllowanceReasonCode.FromCode(code);

        Assert.Equal(code, reason.Code);
        Assert.Equal(name, reason.Name);
        Assert.True(AllowanceReasonCode.TryFromCode(code.AsSpan(), out var fromSpan));
        Assert.Equal(reason, fromSpan);
    }

    [Fact]
    public void StaticProperties_AreTheDocumentedCodes()
    {
        Assert.Equal("64", AllowanceReasonCode.SpecialAgreement.Code);
        Assert.Equal("67", AllowanceReasonCode.SampleDiscount.Code);
        Assert.Equal("68", AllowanceReasonCode.EndOfRangeDiscount.Code);
        Assert.Equal("95", AllowanceReasonCode.Discount.Code);
        Assert.Equal("100", AllowanceReasonCode.SpecialRebate.Code);
        Assert.Equal("105", AllowanceReasonCode.YearlyTurnover.Code);
        Assert.Equal(AllowanceReasonCode.FromCode("95"), AllowanceReasonCode.Discount);
    }

    [Theory]
    [InlineData("999")]
    [InlineData("1")] // a UNTDID 5189 code that EN 16931 does not admit
    [InlineData("101")]
    [InlineData("095")]
    [InlineData("ZZZ")]
    [InlineData("")]
    [InlineData("FC")] // a charge reason
    public void FromCode_UnknownCode_ThrowsNamingCodeAndList(string code)
    {
        var exception = Assert.Throws<UnknownCodeException>(() => AllowanceReasonCode.FromCode(code));

        Assert.Equal(code, exception.Code);
        Assert.Equal("UNCL 5189", exception.CodeList);
        Assert.StartsWith($"'{code}' is not a code of UNCL 5189 (allowance reason, EN 16931 subset).", exception.Message, StringComparison.Ordinal);
        Assert.False(AllowanceReasonCode.TryFromCode(code, out _));
        Assert.False(AllowanceReasonCode.TryParse(code, null, out _));
    }

    [Fact]
    public void Default_IsNoReasonCode()
    {
        AllowanceReasonCode none = default;

        Assert.Equal(string.Empty, none.Code);
        Assert.Equal(string.Empty, none.Name);
        Assert.DoesNotContain(none, AllowanceReasonCode.All);
        Assert.NotEqual(AllowanceReasonCode.Discount, none);
    }

    [Fact]
    public void Parse_EveryCode_RoundTripsWithToString()
    {
        foreach (var reason in AllowanceReasonCode.All)
        {
            Assert.Equal(reason, AllowanceReasonCode.Parse(reason.ToString()));
            Assert.Equal(reason, AllowanceReasonCode.Parse($" {reason} ", CultureInfo.InvariantCulture));
        }

        var exception = Assert.Throws<FormatException>(() => AllowanceReasonCode.Parse("999"));
        Assert.Equal("'999' is not a code of UNCL 5189 (allowance reason, EN 16931 subset).", exception.Message);
    }

    [Fact]
    public void AsDictionaryKey_FindsByEqualValue()
    {
        var totals = new Dictionary<AllowanceReasonCode, decimal> { [AllowanceReasonCode.Discount] = 10m };

        Assert.Equal(10m, totals[AllowanceReasonCode.Parse("95")]);
        Assert.Equal(AllowanceReasonCode.Discount.GetHashCode(), AllowanceReasonCode.FromCode("95").GetHashCode());
        Assert.True(AllowanceReasonCode.Discount != AllowanceReasonCode.SpecialRebate);
    }

    [Fact]
    public void Json_EveryCode_RoundTrips()
    {
        var json = JsonSerializer.Serialize(AllowanceReasonCode.All, Json.IReadOnlyListAllowanceReasonCode);

        Assert.StartsWith("""["41","42","60",""", json, StringComparison.Ordinal);
        Assert.Equal(AllowanceReasonCode.All, JsonSerializer.Deserialize(json, Json.IReadOnlyListAllowanceReasonCode));
    }

    [Fact]
    public void Json_ReasonAsDictionaryKey_RoundTrips()
    {
        var totals = new Dictionary<AllowanceReasonCode, decimal> { [AllowanceReasonCode.Discount] = 10m, [AllowanceReasonCode.YearlyTurnover] = 2.5m };

        var json = JsonSerializer.Serialize(totals, Json.DictionaryAllowanceReasonCodeDecimal);

        Assert.Equal("""{"95":10,"105":2.5}""", json);
        Assert.Equal(totals, JsonSerializer.Deserialize(json, Json.DictionaryAllowanceReasonCodeDecimal));
    }

    [Theory]
    [InlineData("\"999\"", "'999' is not a code of UNCL 5189 (allowance reason, EN 16931 subset); read as an allowance reason code.")]
    [InlineData("95", "found Number")] // the code is a string, even when it looks like a number
    [InlineData("true", "found True")]
    public void Json_Read_InvalidValue_ThrowsNamingIt(string json, string expected)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.AllowanceReasonCode));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Read_UnknownDictionaryKey_ThrowsNamingIt()
    {
        var exception = Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize("""{"1":1}""", Json.DictionaryAllowanceReasonCodeDecimal));

        Assert.Contains("'1' is not a code of UNCL 5189", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WriteDefault_Throws()
        => Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(AllowanceReasonCode), Json.AllowanceReasonCode));
}
