using System.Text.RegularExpressions;
using Invoicing.Core.Documents;

namespace Invoicing.Core.Tests.Documents;

public sealed partial class UnitCodeTests
{
    [Fact]
    public void All_Rec20Table_IsWellFormed()
    {
        var all = UnitCode.All;

        Assert.Equal(2162, all.Count); // BR-CL-23 of the EN 16931 artefacts, spring 2025 code lists
        Assert.All(all, u =>
        {
            Assert.Matches(CodeShape(), u.Code);
            Assert.False(string.IsNullOrWhiteSpace(u.Name), $"{u.Code} has no name");
            Assert.Equal(u.Name.Trim(), u.Name);
        });
        Assert.Equal(all.Count, all.Select(u => u.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(all.Select(u => u.Code).Order(StringComparer.Ordinal), all.Select(u => u.Code));
        Assert.Equal(406, all.Count(u => u.Code.Length == 3 && u.Code[0] == 'X')); // Recommendation 21, "X" + its 2-character code
        Assert.Contains(UnitCode.FromCode("X1"), all); // Gunter's chain: a Recommendation 20 code that merely starts with X
    }

    [Theory]
    [InlineData("C62", "one")]
    [InlineData("H87", "piece")]
    [InlineData("EA", "each")]
    [InlineData("HUR", "hour")]
    [InlineData("DAY", "day")]
    [InlineData("WEE", "week")]
    [InlineData("MON", "month")]
    [InlineData("ANN", "year")]
    [InlineData("KGM", "kilogram")]
    [InlineData("TNE", "tonne (metric ton)")]
    [InlineData("MTR", "metre")]
    [InlineData("MTK", "square metre")]
    [InlineData("MTQ", "cubic metre")]
    [InlineData("LTR", "litre")]
    [InlineData("KWH", "kilowatt hour")]
    [InlineData("LS", "lump sum")]
    [InlineData("SET", "set")]
    [InlineData("P1", "percent")]
    [InlineData("1I", "fixed rate")]
    [InlineData("X1", "Gunter's chain")]
    [InlineData("XPK", "Package")]
    [InlineData("XBX", "Box")]
    [InlineData("XPP", "Piece")]
    [InlineData("XSX", "Set")]
    [InlineData("XOJ", "1/4 EURO Pallet")]
    [InlineData("HAD", "Piece Day")]
    [InlineData("ZZ", "mutually defined")]
    [InlineData("XZZ", "Mutually defined")]
    public void FromCode_KnownCode_HasPublishedName(string code, string name)
    {
        var unit = UnitCode.FromCode(code);

        Assert.Equal(code, unit.Code);
        Assert.Equal(name, unit.Name);
        Assert.True(UnitCode.TryFromCode(code, out var found));
        Assert.Equal(unit, found);
        Assert.True(UnitCode.TryFromCode(code.AsSpan(), out var fromSpan));
        Assert.Equal(unit, fromSpan);
    }

    [Fact]
    public void StaticProperties_AreTheDocumentedCodes()
    {
        Assert.Equal("C62", UnitCode.One.Code);
        Assert.Equal("H87", UnitCode.Piece.Code);
        Assert.Equal("EA", UnitCode.Each.Code);
        Assert.Equal("HUR", UnitCode.Hour.Code);
        Assert.Equal("DAY", UnitCode.Day.Code);
        Assert.Equal("MON", UnitCode.Month.Code);
        Assert.Equal("KGM", UnitCode.Kilogram.Code);
        Assert.Equal("MTR", UnitCode.Metre.Code);
        Assert.Equal("LTR", UnitCode.Litre.Code);
        Assert.Equal("MTK", UnitCode.SquareMetre.Code);
        Assert.Equal("SET", UnitCode.Set.Code);
        Assert.Equal("XPK", UnitCode.Package.Code);
        Assert.Equal("XBX", UnitCode.Box.Code);
        Assert.Equal("KWH", UnitCode.KilowattHour.Code);
        Assert.Equal(UnitCode.FromCode("KGM"), UnitCode.Kilogram);
    }

    [Theory]
    [InlineData("PCS")] // common in ERP exports, but not a Rec 20 code: a piece is H87
    [InlineData("ST")]
    [InlineData("kgm")] // codes are case-sensitive
    [InlineData("Kgm")]
    [InlineData("xpk")]
    [InlineData("ZZZ")]
    [InlineData("PK")] // Rec 21 codes only count with their "X" prefix
    [InlineData("A1")] // deprecated in Rec 20, not in the EN 16931 list
    [InlineData("")]
    [InlineData(" KGM")]
    [InlineData("KGMS")]
    public void FromCode_UnknownCode_ThrowsNamingCodeAndList(string code)
    {
        var exception = Assert.Throws<UnknownCodeException>(() => UnitCode.FromCode(code));

        Assert.Equal(code, exception.Code);
        Assert.Equal("UN/ECE Rec 20/21", exception.CodeList);
        Assert.Equal("code", exception.ParamName);
        Assert.StartsWith($"'{code}' is not a code of UN/ECE Rec 20/21 (unit of measure).", exception.Message, StringComparison.Ordinal);
        Assert.False(UnitCode.TryFromCode(code, out var none));
        Assert.Equal(default, none);
        Assert.False(UnitCode.TryFromCode(code.AsSpan(), out _));
    }

    [Fact]
    public void FromCode_Null_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => UnitCode.FromCode(null!));

        Assert.Equal("code", exception.ParamName);
        Assert.False(UnitCode.TryFromCode((string?)null, out _));
    }

    [Fact]
    public void TryFromCode_Span_DoesNotAllocate()
    {
        Span<char> code = ['K', 'G', 'M'];
        UnitCode.TryFromCode(code, out _); // warm up the table

        var before = GC.GetAllocatedBytesForCurrentThread();
        var found = UnitCode.TryFromCode(code, out var unit);
        var missing = UnitCode.TryFromCode(code[..2], out _);
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.True(found);
        Assert.False(missing);
        Assert.Equal(UnitCode.Kilogram, unit);
        Assert.Equal(0, after - before);
    }

    [Fact]
    public void Default_IsNoUnit()
    {
        UnitCode none = default;

        Assert.Equal(string.Empty, none.Code);
        Assert.Equal(string.Empty, none.Name);
        Assert.Equal(string.Empty, none.ToString());
        Assert.DoesNotContain(none, UnitCode.All);
        Assert.NotEqual(UnitCode.One, none);
        Assert.Equal(default(UnitCode), none);
        Assert.Equal(0, none.GetHashCode());
    }

    [Fact]
    public void Equals_SameCode_IsEqualWithEqualHashCode()
    {
        var parsed = UnitCode.Parse("HUR");

        Assert.True(parsed == UnitCode.Hour);
        Assert.False(parsed != UnitCode.Hour);
        Assert.True(parsed.Equals((object)UnitCode.Hour));
        Assert.False(parsed.Equals("HUR"));
        Assert.Equal(UnitCode.Hour.GetHashCode(), parsed.GetHashCode());
        Assert.NotEqual(UnitCode.Piece, UnitCode.FromCode("XPP")); // Rec 20 piece and Rec 21 piece are different codes
    }

    [Fact]
    public void AsDictionaryKey_FindsByEqualValue()
    {
        var quantities = new Dictionary<UnitCode, decimal> { [UnitCode.Hour] = 7.5m, [UnitCode.Kilogram] = 12m };

        Assert.Equal(7.5m, quantities[UnitCode.FromCode("HUR")]);
        Assert.Equal(12m, quantities[UnitCode.Parse(" KGM ")]);
        Assert.False(quantities.ContainsKey(UnitCode.Day));
    }

    [GeneratedRegex("^[0-9A-Z]{2,3}$")]
    private static partial Regex CodeShape();
}
