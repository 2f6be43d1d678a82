using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Payments;

/// <summary>
/// The identity of a received payment (<see cref="Payment"/>). Not its bank reference, which is the bank's and may repeat across accounts.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The host may supply its own ids (for example its database key) or call <see cref="New"/>. The rules of every identifier apply (see
/// <see cref="IIdentifier{TSelf}"/>): 1 to 100 characters, compared ordinally; <c>default</c> is the
/// empty "no id". JSON: a string.
/// </remarks>
[JsonConverter(typeof(IdentifierJsonConverter<PaymentId>))]
public readonly struct PaymentId : IIdentifier<PaymentId>, IEquatable<PaymentId>, IComparable<PaymentId>
{
    private readonly string? _value;

    private PaymentId(string value) => _value = value;

    /// <summary>The identifier text; empty only for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for <c>default</c>, the "no id" value.</summary>
    public bool IsEmpty => _value is null;

    /// <summary>A new random id: 32 hexadecimal digits of a version 4 GUID.</summary>
    /// <returns>The id.</returns>
    public static PaymentId New() => new(Guid.NewGuid().ToString("N"));

    /// <summary>Creates a payment id from its text.</summary>
    /// <param name="value">1 to 100 characters, no control characters, no white space at either end.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> breaks the rules; the message names it.</exception>
    public static PaymentId From(string value) => new(Identifier.Check(value, "PaymentId"));

    /// <summary>Creates a payment id from its text without throwing.</summary>
    /// <param name="value">The text, or null.</param>
    /// <param name="id">The identifier when valid; <c>default</c> otherwise.</param>
    /// <returns>True when valid.</returns>
    public static bool TryFrom([NotNullWhen(true)] string? value, out PaymentId id)
    {
        id = Identifier.IsValid(value) ? new PaymentId(value) : default;
        return !id.IsEmpty;
    }

    /// <summary>Returns whether both identifiers are equal (ordinal).</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(PaymentId left, PaymentId right) => left.Equals(right);

    /// <summary>Returns whether the identifiers differ.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(PaymentId left, PaymentId right) => !left.Equals(right);

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(PaymentId left, PaymentId right) => left.CompareTo(right) < 0;

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(PaymentId left, PaymentId right) => left.CompareTo(right) <= 0;

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(PaymentId left, PaymentId right) => left.CompareTo(right) > 0;

    /// <summary>Orders identifiers ordinally.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>True when <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(PaymentId left, PaymentId right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether <paramref name="other"/> has the same text (ordinal).</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(PaymentId other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is PaymentId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Orders identifiers ordinally by their text.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(PaymentId other) => string.CompareOrdinal(_value, other._value);

    /// <summary>Returns the identifier text.</summary>
    /// <returns>The text; empty for <c>default</c>.</returns>
    public override string ToString() => Value;
}
