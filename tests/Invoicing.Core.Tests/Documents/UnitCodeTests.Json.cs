using System.Text.Json;
using Invoicing.Core.Documents;

namespace Invoicing.Core.Tests.Documents;

public sealed partial class UnitCodeTests
{
    private static readonly DocumentsJsonContext Json = DocumentsJsonContext.Default;

    [Fact]
    public void Json_WritesTheCodeString()
    {
        Assert.Equal("\"KGM\"", JsonSerializer.Serialize(UnitCode.Kilogram, Json.UnitCode));
        Assert.Equal("\"XPK\"", JsonSerializer.Serialize(UnitCode.Package, Json.UnitCode));
    }

    [Fact]
    public void Json_EveryCode_RoundTrips()
    {
        var json = JsonSerializer.Serialize(UnitCode.All, Json.IReadOnlyListUnitCode);

        var back = JsonSerializer.Deserialize(json, Json.UnitCodeArray);

        Assert.Equal(UnitCode.All, back);
    }

    [Theory]
    [InlineData("\"\\u004BGM\"")]
    [InlineData("\"\\u004B\\u0047\\u004D\"")] // longer than the stack buffer before unescaping
    public void Json_EscapedCode_IsRead(string json)
        => Assert.Equal(UnitCode.Kilogram, JsonSerializer.Deserialize(json, Json.UnitCode));

    [Fact]
    public void Json_DtoWithCodes_RoundTripsThroughASourceGeneratedContext()
    {
        var line = new LineCodes("Consulting", 7.5m, UnitCode.Hour, null, AllowanceReasonCode.Discount, null);
        var other = new LineCodes("Pallets", 2m, UnitCode.FromCode("XPX"), UnitCode.One, null, ChargeReasonCode.Freight);

        var json = JsonSerializer.Serialize(line, Json.LineCodes);

        Assert.Equal(
            """{"Item":"Consulting","Quantity":7.5,"Unit":"HUR","PriceBaseUnit":null,"AllowanceReason":"95","ChargeReason":null}""",
            json);
        Assert.Equal(line, JsonSerializer.Deserialize(json, Json.LineCodes));
        Assert.Equal(other, JsonSerializer.Deserialize(JsonSerializer.Serialize(other, Json.LineCodes), Json.LineCodes));
    }

    [Fact]
    public void Json_UnitAsDictionaryKey_RoundTrips()
    {
        var quantities = new Dictionary<UnitCode, decimal> { [UnitCode.Hour] = 7.5m, [UnitCode.FromCode("XBX")] = 3m };

        var json = JsonSerializer.Serialize(quantities, Json.DictionaryUnitCodeDecimal);
        var back = JsonSerializer.Deserialize(json, Json.DictionaryUnitCodeDecimal)!;

        Assert.Equal("""{"HUR":7.5,"XBX":3}""", json);
        Assert.Equal(quantities, back);
    }

    [Theory]
    [InlineData("\"kgm\"", "'kgm' is not a code of UN/ECE Rec 20/21 (unit of measure); read as a unit code.")]
    [InlineData("\"PCS\"", "'PCS'")]
    [InlineData("\"\"", "'' is not a code")]
    [InlineData("\"a rather long text that is certainly no unit code\"", "'a rather long text that is certainly no unit code'")]
    [InlineData("62", "Expected a unit code as a string such as \"C62\", found Number.")]
    [InlineData("null", "found Null")]
    [InlineData("{}", "found StartObject")]
    [InlineData("[\"KGM\"]", "found StartArray")]
    public void Json_Read_InvalidValue_ThrowsNamingIt(string json, string expected)
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Json.UnitCode));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Read_UnknownDictionaryKey_ThrowsNamingIt()
    {
        var exception = Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize("""{"HUR":1,"hrs":2}""", Json.DictionaryUnitCodeDecimal));

        Assert.StartsWith(
            "'hrs' is not a code of UN/ECE Rec 20/21 (unit of measure); read as a unit code used as a property name.",
            exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WriteDefault_ThrowsInsteadOfWritingNoCode()
    {
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(UnitCode), Json.UnitCode));
        Assert.Contains("default(UnitCode)", exception.Message, StringComparison.Ordinal);

        var asKey = new Dictionary<UnitCode, decimal> { [default] = 1m };
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(asKey, Json.DictionaryUnitCodeDecimal));
    }
}
