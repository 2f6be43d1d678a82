using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Documents;

/// <summary>
/// A Global Trade Item Number (GTIN-8, -12, -13 or -14), the standard item identifier of EN 16931
/// (BT-157 with scheme 0160), with its check digit verified.
/// </summary>
/// <remarks>Immutable and thread-safe. <c>default</c> is the empty "no GTIN". JSON: the digits as a string.</remarks>
[JsonConverter(typeof(IdentifierJsonConverter<Gtin>))]
public readonly struct Gtin : IIdentifier<Gtin>, IEquatable<Gtin>
{
    private readonly string? _value;

    private Gtin(string value) => _value = value;

    /// <summary>The digits; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <c>default</c>.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates a GTIN, checking its length and check digit.</summary>
    /// <param name="value">8, 12, 13 or 14 digits, the last being the GS1 check digit.</param>
    /// <returns>The GTIN.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException">Wrong length, a non-digit, or a wrong check digit.</exception>
    public static Gtin From(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryFrom(value, out var gtin)
            ? gtin
            : throw new ArgumentException($"'{value}' is not a GTIN: expected 8, 12, 13 or 14 digits with a valid GS1 check digit.", nameof(value));
    }

    /// <summary>Creates a GTIN without throwing.</summary>
    /// <param name="value">The digits, or null.</param>
    /// <param name="id">The GTIN when valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out Gtin id)
    {
        id = default;
        if (value is null || value.Length is not (8 or 12 or 13 or 14) || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        // GS1 mod 10: from the right, excluding the check digit, weights 3, 1, 3, 1, ...
        var sum = 0;
        var weight = 3;
        for (var i = value.Length - 2; i >= 0; i--)
        {
            sum += (value[i] - '0') * weight;
            weight = 4 - weight;
        }

        if ((10 - (sum % 10)) % 10 != value[^1] - '0')
        {
            return false;
        }

        id = new Gtin(value);
        return true;
    }

    /// <summary>Returns whether both are the same GTIN.</summary>
    /// <param name="left">The first GTIN.</param>
    /// <param name="right">The second GTIN.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Gtin left, Gtin right) => left.Equals(right);

    /// <summary>Returns whether the GTINs differ.</summary>
    /// <param name="left">The first GTIN.</param>
    /// <param name="right">The second GTIN.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Gtin left, Gtin right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> has the same digits.</summary>
    /// <param name="other">The GTIN to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Gtin other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Gtin other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Returns the digits.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value;
}
