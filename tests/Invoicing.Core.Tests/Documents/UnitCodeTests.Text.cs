using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Documents;

namespace Invoicing.Core.Tests.Documents;

public sealed partial class UnitCodeTests
{
    private static readonly string[] AllCodes = [.. UnitCode.All.Select(u => u.Code)];

    [Fact]
    public void Parse_EveryCode_RoundTripsWithToStringAndTryFormat()
    {
        Span<char> buffer = stackalloc char[8];
        foreach (var unit in UnitCode.All)
        {
            Assert.Equal(unit, UnitCode.Parse(unit.ToString()));
            Assert.Equal(unit, UnitCode.Parse(unit.ToString(null, CultureInfo.CurrentCulture).AsSpan(), null));
            Assert.True(unit.TryFormat(buffer, out var written, default, null));
            Assert.Equal(unit.Code, buffer[..written].ToString());
            Assert.Equal(unit.Code, $"{unit}");
        }
    }

    [Theory]
    [InlineData(" KGM", "KGM")]
    [InlineData("XPK\t", "XPK")]
    [InlineData("C62", "C62")]
    public void Parse_SurroundingWhiteSpace_IsTrimmed(string text, string code)
        => Assert.Equal(UnitCode.FromCode(code), UnitCode.Parse(text, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("kgm")]
    [InlineData("PCS")]
    [InlineData("K GM")]
    [InlineData("")]
    public void Parse_UnknownCode_ThrowsFormatExceptionNamingIt(string text)
    {
        var exception = Assert.Throws<FormatException>(() => UnitCode.Parse(text));

        Assert.Equal($"'{text}' is not a code of UN/ECE Rec 20/21 (unit of measure).", exception.Message);
        Assert.False(UnitCode.TryParse(text, null, out _));
        Assert.False(UnitCode.TryParse(text.AsSpan(), null, out _));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => UnitCode.Parse(null!));
        Assert.False(UnitCode.TryParse((string?)null, null, out _));
    }

    [Fact]
    public void TryFormat_BufferTooSmall_ReturnsFalse()
    {
        Span<char> buffer = stackalloc char[2];

        Assert.False(UnitCode.Kilogram.TryFormat(buffer, out var written, default, null));
        Assert.Equal(0, written);
        Assert.True(UnitCode.Each.TryFormat(buffer, out written, default, null));
        Assert.Equal(2, written);
    }

    /// <summary>TryParse never throws, and accepts exactly the codes of the list (after trimming), in exact case.</summary>
    [Property(MaxTest = 1000)]
    public Property TryParse_AnyText_AcceptsExactlyTheListedCodes()
        => Prop.ForAll(
            Gen.OneOf(
                ArbMap.Default.GeneratorFor<string>(),
                Gen.Elements(AllCodes),
                Gen.Elements(AllCodes).Select(code => code.ToLowerInvariant()),
                Gen.Elements(AllCodes).Select(code => " " + code + " ")).ToArbitrary(),
            text =>
            {
                var parsed = UnitCode.TryParse(text, null, out var unit);
                var listed = text is not null && AllCodes.Contains(text.Trim(), StringComparer.Ordinal);

                return parsed == listed && (!parsed || unit.Code == text!.Trim());
            });
}
