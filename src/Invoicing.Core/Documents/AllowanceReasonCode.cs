using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Documents;

/// <summary>
/// The reason for an allowance (EN 16931 BT-98 on the document, BT-140 on an invoice line): a code
/// of UNTDID 5189 as EN 16931 restricts it, with its English name, exactly as the EN 16931 code
/// list has it (the list the validation artefacts check in rule BR-CL-19).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Codes are compared exactly: "095" is not "95". EN 16931 admits
/// 19 of the UNTDID 5189 codes; the other UNTDID 5189 codes (for example "1") are rejected.
/// EN 16931 also asks that a coded reason and the reason text (BT-97, BT-139) indicate the same
/// allowance (rules BR-CO-05 and BR-CO-07), which is the document's business, not this type's.</para>
/// <para><c>default(AllowanceReasonCode)</c> means "no reason code": its <see cref="Code"/> and
/// <see cref="Name"/> are empty, it equals no code of the list, and no factory, parser or JSON
/// converter ever returns it. A host that models an optional reason uses <c>AllowanceReasonCode?</c>.</para>
/// <para>JSON: a string holding the code, for example <c>"95"</c> (see <see cref="AllowanceReasonCodeJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(AllowanceReasonCodeJsonConverter))]
public readonly struct AllowanceReasonCode : IEquatable<AllowanceReasonCode>, ISpanFormattable, ISpanParsable<AllowanceReasonCode>
{
    private static readonly IReadOnlyList<AllowanceReasonCode> AllReasons = Array.AsReadOnly(Array.ConvertAll(Uncl5189.All, e => new AllowanceReasonCode(e)));

    private readonly CodeListEntry? _entry;

    internal AllowanceReasonCode(CodeListEntry entry) => _entry = entry;

    /// <summary>Special agreement (64).</summary>
    public static AllowanceReasonCode SpecialAgreement => new(Uncl5189.SpecialAgreement);

    /// <summary>Sample discount (67).</summary>
    public static AllowanceReasonCode SampleDiscount => new(Uncl5189.SampleDiscount);

    /// <summary>End-of-range discount (68).</summary>
    public static AllowanceReasonCode EndOfRangeDiscount => new(Uncl5189.EndOfRangeDiscount);

    /// <summary>Discount (95), the general reason for a price reduction.</summary>
    public static AllowanceReasonCode Discount => new(Uncl5189.Discount);

    /// <summary>Special rebate (100).</summary>
    public static AllowanceReasonCode SpecialRebate => new(Uncl5189.SpecialRebate);

    /// <summary>Yearly turnover (105), a rebate on the year's volume.</summary>
    public static AllowanceReasonCode YearlyTurnover => new(Uncl5189.YearlyTurnover);

    /// <summary>Every allowance reason code EN 16931 admits (19), ordered by numeric value: 41, 42, 60 … 105.</summary>
    public static IReadOnlyList<AllowanceReasonCode> All => AllReasons;

    /// <summary>The code, for example "95" or "100"; empty for <c>default(AllowanceReasonCode)</c>.</summary>
    public string Code => _entry?.Code ?? string.Empty;

    /// <summary>
    /// The English name as the list publishes it, for example "Discount" or "Yearly turnover"; empty for
    /// <c>default(AllowanceReasonCode)</c>.
    /// </summary>
    public string Name => _entry?.Name ?? string.Empty;

    /// <summary>The table entry, or null for <c>default(AllowanceReasonCode)</c>.</summary>
    internal CodeListEntry? Entry => _entry;

    /// <summary>Returns the allowance reason with the given code, compared exactly ("95", not "095").</summary>
    /// <param name="code">A code such as "95" or "100".</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCodeException"><paramref name="code"/> is not a code of the list.</exception>
    public static AllowanceReasonCode FromCode(string code) => new(Uncl5189.Table.Get(code, nameof(code)));

    /// <summary>Looks up an allowance reason by code, compared exactly, without throwing.</summary>
    /// <param name="code">A code such as "95", or null.</param>
    /// <param name="reason">The reason when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is a code of the list.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out AllowanceReasonCode reason)
    {
        if (Uncl5189.Table.TryGet(code, out var entry))
        {
            reason = new AllowanceReasonCode(entry);
            return true;
        }

        reason = default;
        return false;
    }

    /// <summary>Looks up an allowance reason by code, compared exactly, without throwing or allocating.</summary>
    /// <param name="code">A code such as "95".</param>
    /// <param name="reason">The reason when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is a code of the list.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out AllowanceReasonCode reason)
    {
        if (Uncl5189.Table.TryGet(code, out var entry))
        {
            reason = new AllowanceReasonCode(entry);
            return true;
        }

        reason = default;
        return false;
    }

    /// <summary>Parses an allowance reason code, compared exactly; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "95".</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static AllowanceReasonCode Parse(string s) => Parse(s, null);

    /// <summary>Parses an allowance reason code, compared exactly; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "95".</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static AllowanceReasonCode Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses an allowance reason code, compared exactly; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "95".</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static AllowanceReasonCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var reason) ? reason : throw new FormatException(Uncl5189.Table.NotACode(s) + ".");

    /// <summary>Parses an allowance reason code, compared exactly, without throwing.</summary>
    /// <param name="s">The code, or null.</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <param name="result">The reason when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/>, trimmed, is a code of the list.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AllowanceReasonCode result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses an allowance reason code, compared exactly, without throwing.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <param name="result">The reason when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/>, trimmed, is a code of the list.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out AllowanceReasonCode result)
        => TryFromCode(s.Trim(), out result);

    /// <summary>Returns whether both values denote the same reason.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(AllowanceReasonCode left, AllowanceReasonCode right) => left.Equals(right);

    /// <summary>Returns whether the values denote different reasons.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(AllowanceReasonCode left, AllowanceReasonCode right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> is the same reason (the same code); two <c>default</c> values are equal.</summary>
    /// <param name="other">The reason to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(AllowanceReasonCode other) => ReferenceEquals(_entry, other._entry);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is AllowanceReasonCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _entry?.CodeHash ?? 0;

    /// <summary>Returns the code, for example "95"; empty for <c>default(AllowanceReasonCode)</c>.</summary>
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
