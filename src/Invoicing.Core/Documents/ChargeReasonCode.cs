using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Documents;

/// <summary>
/// The reason for a charge (EN 16931 BT-105 on the document, BT-145 on an invoice line): a code of
/// UNTDID 7161 with its English name, exactly as the EN 16931 code list has it (the list the
/// validation artefacts check in rule BR-CL-20).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Codes are case-sensitive: "FC" is freight, "fc" is not a code.
/// EN 16931 also asks that a coded reason and the reason text (BT-104, BT-144) indicate the same
/// charge (rules BR-CO-06 and BR-CO-08), which is the document's business, not this type's.</para>
/// <para><c>default(ChargeReasonCode)</c> means "no reason code": its <see cref="Code"/> and
/// <see cref="Name"/> are empty, it equals no code of the list, and no factory, parser or JSON
/// converter ever returns it. A host that models an optional reason uses <c>ChargeReasonCode?</c>.</para>
/// <para>JSON: a string holding the code, for example <c>"FC"</c> (see <see cref="ChargeReasonCodeJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(ChargeReasonCodeJsonConverter))]
public readonly struct ChargeReasonCode : IEquatable<ChargeReasonCode>, ISpanFormattable, ISpanParsable<ChargeReasonCode>
{
    private static readonly IReadOnlyList<ChargeReasonCode> AllReasons = Array.AsReadOnly(Array.ConvertAll(Uncl7161.All, e => new ChargeReasonCode(e)));

    private readonly CodeListEntry? _entry;

    internal ChargeReasonCode(CodeListEntry entry) => _entry = entry;

    /// <summary>Advertising (AA).</summary>
    public static ChargeReasonCode Advertising => new(Uncl7161.Advertising);

    /// <summary>Additional packaging (ABL).</summary>
    public static ChargeReasonCode AdditionalPackaging => new(Uncl7161.AdditionalPackaging);

    /// <summary>Cash on delivery (AEK).</summary>
    public static ChargeReasonCode CashOnDelivery => new(Uncl7161.CashOnDelivery);

    /// <summary>Delivery (DL).</summary>
    public static ChargeReasonCode Delivery => new(Uncl7161.Delivery);

    /// <summary>Freight service (FC).</summary>
    public static ChargeReasonCode Freight => new(Uncl7161.Freight);

    /// <summary>Handling (HD).</summary>
    public static ChargeReasonCode Handling => new(Uncl7161.Handling);

    /// <summary>Installation (IAA).</summary>
    public static ChargeReasonCode Installation => new(Uncl7161.Installation);

    /// <summary>Labour (LAA).</summary>
    public static ChargeReasonCode Labour => new(Uncl7161.Labour);

    /// <summary>Packing (PC).</summary>
    public static ChargeReasonCode Packing => new(Uncl7161.Packing);

    /// <summary>Shipping and handling (SAA).</summary>
    public static ChargeReasonCode ShippingAndHandling => new(Uncl7161.ShippingAndHandling);

    /// <summary>Every charge reason code of the EN 16931 list (178), ordered by code (ordinal).</summary>
    public static IReadOnlyList<ChargeReasonCode> All => AllReasons;

    /// <summary>The code, for example "FC" or "ABL"; empty for <c>default(ChargeReasonCode)</c>.</summary>
    public string Code => _entry?.Code ?? string.Empty;

    /// <summary>
    /// The English name as the list publishes it, for example "Freight service" or "Additional packaging"; empty for
    /// <c>default(ChargeReasonCode)</c>.
    /// </summary>
    public string Name => _entry?.Name ?? string.Empty;

    /// <summary>The table entry, or null for <c>default(ChargeReasonCode)</c>.</summary>
    internal CodeListEntry? Entry => _entry;

    /// <summary>Returns the charge reason with the given code, in exact letter case ("FC", not "fc").</summary>
    /// <param name="code">A code such as "FC" or "ABL".</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCodeException"><paramref name="code"/> is not a code of the list (letter case counts).</exception>
    public static ChargeReasonCode FromCode(string code) => new(Uncl7161.Table.Get(code, nameof(code)));

    /// <summary>Looks up a charge reason by code, in exact letter case, without throwing.</summary>
    /// <param name="code">A code such as "FC", or null.</param>
    /// <param name="reason">The reason when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is a code of the list.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out ChargeReasonCode reason)
    {
        if (Uncl7161.Table.TryGet(code, out var entry))
        {
            reason = new ChargeReasonCode(entry);
            return true;
        }

        reason = default;
        return false;
    }

    /// <summary>Looks up a charge reason by code, in exact letter case, without throwing or allocating.</summary>
    /// <param name="code">A code such as "FC".</param>
    /// <param name="reason">The reason when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is a code of the list.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out ChargeReasonCode reason)
    {
        if (Uncl7161.Table.TryGet(code, out var entry))
        {
            reason = new ChargeReasonCode(entry);
            return true;
        }

        reason = default;
        return false;
    }

    /// <summary>Parses a charge reason code in exact letter case; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "FC".</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static ChargeReasonCode Parse(string s) => Parse(s, null);

    /// <summary>Parses a charge reason code in exact letter case; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "FC".</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static ChargeReasonCode Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses a charge reason code in exact letter case; surrounding white space is allowed.</summary>
    /// <param name="s">The code, for example "FC".</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not a code of the list.</exception>
    public static ChargeReasonCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var reason) ? reason : throw new FormatException(Uncl7161.Table.NotACode(s) + ".");

    /// <summary>Parses a charge reason code in exact letter case without throwing.</summary>
    /// <param name="s">The code, or null.</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <param name="result">The reason when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/>, trimmed, is a code of the list.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ChargeReasonCode result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses a charge reason code in exact letter case without throwing.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: reason codes do not depend on culture.</param>
    /// <param name="result">The reason when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/>, trimmed, is a code of the list.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ChargeReasonCode result)
        => TryFromCode(s.Trim(), out result);

    /// <summary>Returns whether both values denote the same reason.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(ChargeReasonCode left, ChargeReasonCode right) => left.Equals(right);

    /// <summary>Returns whether the values denote different reasons.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(ChargeReasonCode left, ChargeReasonCode right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> is the same reason (the same code); two <c>default</c> values are equal.</summary>
    /// <param name="other">The reason to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ChargeReasonCode other) => ReferenceEquals(_entry, other._entry);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ChargeReasonCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _entry?.CodeHash ?? 0;

    /// <summary>Returns the code, for example "FC"; empty for <c>default(ChargeReasonCode)</c>.</summary>
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
