using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Documents;

/// <summary>
/// A unit of measure of an invoice line (EN 16931 BT-130, and BT-150 for the price base quantity):
/// a code of UN/ECE Recommendation 20, or a packaging code of Recommendation 21 prefixed with "X",
/// exactly as the EN 16931 code list has them (the list the validation artefacts check in rule
/// BR-CL-23), with its English name.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Codes are case-sensitive, as Recommendation 20 defines them:
/// "KGM" is the kilogram, "kgm" is not a code. "PCS" and "ST" are common but are not codes either;
/// a piece is "H87", one (a unit without a name) is "C62", and a package is "XPK".</para>
/// <para><c>default(UnitCode)</c> means "no unit": its <see cref="Code"/> and <see cref="Name"/> are
/// empty, it equals no unit of the list, and no factory, parser or JSON converter ever returns it.
/// A host that models an optional unit uses <c>UnitCode?</c>.</para>
/// <para>JSON: a string holding the code, for example <c>"KGM"</c> (see <see cref="UnitCodeJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(UnitCodeJsonConverter))]
public readonly struct UnitCode : IEquatable<UnitCode>, ISpanFormattable, ISpanParsable<UnitCode>
{
    private static readonly IReadOnlyList<UnitCode> AllUnits = Array.AsReadOnly(Array.ConvertAll(Rec20.All, e => new UnitCode(e)));

    private readonly CodeListEntry? _entry;

    internal UnitCode(CodeListEntry entry) => _entry = entry;

    /// <summary>One (C62): a unit of count without a name of its own.</summary>
    public static UnitCode One => new(Rec20.One);

    /// <summary>Piece (H87).</summary>
    public static UnitCode Piece => new(Rec20.Piece);

    /// <summary>Each (EA).</summary>
    public static UnitCode Each => new(Rec20.Each);

    /// <summary>Hour (HUR).</summary>
    public static UnitCode Hour => new(Rec20.Hour);

    /// <summary>Day (DAY).</summary>
    public static UnitCode Day => new(Rec20.Day);

    /// <summary>Month (MON).</summary>
    public static UnitCode Month => new(Rec20.Month);

    /// <summary>Kilogram (KGM).</summary>
    public static UnitCode Kilogram => new(Rec20.Kilogram);

    /// <summary>Metre (MTR).</summary>
    public static UnitCode Metre => new(Rec20.Metre);

    /// <summary>Litre (LTR).</summary>
    public static UnitCode Litre => new(Rec20.Litre);

    /// <summary>Square metre (MTK).</summary>
    public static UnitCode SquareMetre => new(Rec20.SquareMetre);

    /// <summary>Set (SET), the Recommendation 20 unit; Recommendation 21 has another set, "XSX".</summary>
    public static UnitCode Set => new(Rec20.Set);

    /// <summary>Package (XPK, Recommendation 21 packaging code "PK").</summary>
    public static UnitCode Package => new(Rec20.Package);

    /// <summary>Box (XBX, Recommendation 21 packaging code "BX").</summary>
    public static UnitCode Box => new(Rec20.Box);

    /// <summary>Kilowatt hour (KWH).</summary>
    public static UnitCode KilowattHour => new(Rec20.KilowattHour);

    /// <summary>Every unit of the EN 16931 list (Recommendation 20 and the "X" codes of Recommendation 21), ordered by code (ordinal).</summary>
    public static IReadOnlyList<UnitCode> All => AllUnits;

    /// <summary>The code, for example "KGM" or "XPK"; empty for <c>default(UnitCode)</c>.</summary>
    public string Code => _entry?.Code ?? string.Empty;

    /// <summary>
    /// The English name as the list publishes it, for example "kilogram" or "Package"
    /// (Recommendation 20 names are lower case, Recommendation 21 names capitalised); empty for
    /// <c>default(UnitCode)</c>.
    /// </summary>
    public string Name => _entry?.Name ?? string.Empty;

    /// <summary>The table entry, or null for <c>default(UnitCode)</c>.</summary>
    internal CodeListEntry? Entry => _entry;

    /// <summary>Returns the unit with the given code, in exact letter case ("KGM", not "kgm").</summary>
    /// <param name="code">A code such as "C62", "KGM" or "XPK".</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCodeException"><paramref name="code"/> is not a code of the list (letter case counts).</exception>
    public static UnitCode FromCode(string code) => new(Rec20.Table.Get(code, nameof(code)));

    /// <summary>Looks up a unit by code, in exact letter case, without throwing.</summary>
    /// <param name="code">A code such as "KGM", or null.</param>
    /// <param name="unit">The unit when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is a code of the list.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out UnitCode unit)
    {
        if (Rec20.Table.TryGet(code, out var entry))
        {
            unit = new UnitCode(entry);
            return true;
        }

        unit = default;
        return false;
    }

    /// <summary>Looks up a unit by code, in exact letter case, without throwing or allocating.</summary>
    /// <param name="code">A code such as "KGM".</param>
    /// <param name="unit">The unit when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is a code of the list.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out UnitCode unit)
    {
        if (Rec20.Table.TryGet(code, out var entry))
        {
            unit = new UnitCode(entry);
            return true;
        }

        unit = default;
        return false;
    }

    /// <summary>Parses a unit code in exact letter case; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "KGM".</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static UnitCode Parse(string s) => Parse(s, null);

    /// <summary>Parses a unit code in exact letter case; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "KGM".</param>
    /// <param name="provider">Ignored: unit codes do not depend on culture.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static UnitCode Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses a unit code in exact letter case; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "KGM".</param>
    /// <param name="provider">Ignored: unit codes do not depend on culture.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static UnitCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var unit) ? unit : throw new FormatException(Rec20.Table.NotACode(s) + ".");

    /// <summary>Parses a unit code in exact letter case without throwing.</summary>
    /// <param name="s">The code, or null.</param>
    /// <param name="provider">Ignored: unit codes do not depend on culture.</param>
    /// <param name="result">The unit when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/>, trimmed, is a code of the list.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UnitCode result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses a unit code in exact letter case without throwing.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: unit codes do not depend on culture.</param>
    /// <param name="result">The unit when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/>, trimmed, is a code of the list.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UnitCode result)
        => TryFromCode(s.Trim(), out result);

    /// <summary>Returns whether both values denote the same unit.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(UnitCode left, UnitCode right) => left.Equals(right);

    /// <summary>Returns whether the values denote different units.</summary>
    /// <param name="left">The first unit.</param>
    /// <param name="right">The second unit.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(UnitCode left, UnitCode right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> is the same unit (the same code); two <c>default</c> values are equal.</summary>
    /// <param name="other">The unit to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(UnitCode other) => ReferenceEquals(_entry, other._entry);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is UnitCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _entry?.CodeHash ?? 0;

    /// <summary>Returns the code, for example "KGM"; empty for <c>default(UnitCode)</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Returns the code; format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Code;

    /// <summary>Writes the code into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer to write to.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when the buffer is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var code = Code;
        if (code.TryCopyTo(destination))
        {
            charsWritten = code.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
