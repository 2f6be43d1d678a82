using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Parties;

/// <summary>
/// A VAT identifier with its country prefix (BT-31 seller, BT-48 buyer, BT-63 tax representative),
/// such as "DE123456789", "NL123456789B01" or "EL123456789" (Greece uses EL).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="From"/> normalises the text (upper case; spaces, dots and
/// hyphens removed) and checks the general shape: two letters, then 2 to 13 letters, digits, '+'
/// or '*'. The national formats and check digits are the Tax area's concern. <c>default</c> is the
/// empty "no identifier". JSON: the normalised string.
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<VatIdentifier>))]
public readonly struct VatIdentifier : IIdentifier<VatIdentifier>, IEquatable<VatIdentifier>
{
    private readonly string? _value;

    private VatIdentifier(string value) => _value = value;

    /// <summary>The normalised identifier, prefix included; empty only for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <c>default</c>.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>The two-letter prefix, usually the ISO country code ("EL" for Greece); empty for <c>default</c>.</summary>
    public string Prefix => _value is null ? string.Empty : _value[..2];

    /// <summary>Creates a VAT identifier, normalising the text.</summary>
    /// <param name="value">The identifier, for example "DE 123 456 789".</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> does not have the shape of a VAT identifier.</exception>
    public static VatIdentifier From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryFrom(value, out var id)
            ? id
            : throw new ArgumentException(
                $"'{value}' is not a VAT identifier: expected a two-letter country prefix and 2 to 13 letters or digits, such as 'DE123456789'.", nameof(value));
    }

    /// <summary>Creates a VAT identifier without throwing.</summary>
    /// <param name="value">The text, or null.</param>
    /// <param name="id">The identifier when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out VatIdentifier id)
    {
        id = default;
        if (value is null || value.Length > 40)
        {
            return false;
        }

        var normalised = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is ' ' or '.' or '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '*'))
            {
                return false;
            }

            normalised.Append(char.ToUpperInvariant(c));
        }

        var text = normalised.ToString();
        if (text.Length is < 4 or > 15 || !char.IsAsciiLetter(text[0]) || !char.IsAsciiLetter(text[1]))
        {
            return false;
        }

        id = new VatIdentifier(text);
        return true;
    }

    /// <summary>Returns whether both identifiers are equal.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(VatIdentifier left, VatIdentifier right) => left.Equals(right);

    /// <summary>Returns whether the identifiers differ.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(VatIdentifier left, VatIdentifier right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> is the same normalised identifier.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(VatIdentifier other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is VatIdentifier other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns the normalised identifier.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;
}
