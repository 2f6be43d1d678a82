using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// An amount of money: a <see cref="decimal"/> amount in a <see cref="Monetary.Currency"/>.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Amounts of different currencies never meet: arithmetic and
/// comparison across currencies throw <see cref="CurrencyMismatchException"/>, even for zero.
/// Nothing rounds implicitly: <see cref="Of(decimal, Monetary.Currency)"/> keeps every digit (unit
/// prices may carry more decimals than the currency), and rounding happens only where code says
/// <see cref="Round()"/>.</para>
/// <para>Equality is value equality of amount and currency: 1.0 EUR equals 1.00 EUR.</para>
/// <para><c>default(Money)</c> is zero in "no currency" (XXX, see <see cref="Monetary.Currency"/>), so it
/// cannot be mistaken for zero euros.</para>
/// <para>Text: <see cref="ToString()"/> gives the invariant form <c>"EUR 1234.50"</c>, which
/// <see cref="Parse(string)"/> reads back. JSON: <c>{"amount":1234.50,"currency":"EUR"}</c> (see
/// <see cref="MoneyJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly partial struct Money : IEquatable<Money>, IComparable<Money>, IComparable
{
    private readonly decimal _amount;
    private readonly Currency _currency;

    private Money(decimal amount, Currency currency)
    {
        _amount = amount;
        _currency = currency;
    }

    /// <summary>The amount, exactly as given or computed (never implicitly rounded).</summary>
    public decimal Amount => _amount;

    /// <summary>The currency.</summary>
    public Currency Currency => _currency;

    /// <summary>True when the amount is zero.</summary>
    public bool IsZero => _amount == 0m;

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => _amount < 0m;

    /// <summary>True when the amount is above zero.</summary>
    public bool IsPositive => _amount > 0m;

    /// <summary>
    /// True when the amount is a whole number of the currency's minor units (12.34 EUR, 1200 JPY),
    /// false when it carries more digits (12.345 EUR) or the currency has no minor unit defined.
    /// </summary>
    public bool IsRoundedToMinorUnits
        => _currency.MinorUnits is int digits && decimal.Round(_amount, digits) == _amount;

    /// <summary>Creates an amount in a currency, keeping every digit of <paramref name="amount"/>.</summary>
    /// <param name="amount">The amount; it may have more decimals than the currency (round it explicitly when needed).</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The money value.</returns>
    public static Money Of(decimal amount, Currency currency) => new(amount, currency);

    /// <summary>Creates an amount in the ISO 4217 currency with the given code.</summary>
    /// <param name="amount">The amount, kept exactly.</param>
    /// <param name="currencyCode">An ISO 4217 code such as "EUR", in any letter case.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="currencyCode"/> is null.</exception>
    /// <exception cref="UnknownCurrencyException"><paramref name="currencyCode"/> is not an active ISO 4217 code.</exception>
    public static Money Of(decimal amount, string currencyCode)
    {
        Preconditions.CheckNotNull(currencyCode);
        return Currency.TryFromCode(currencyCode, out var currency)
            ? new Money(amount, currency)
            : throw new UnknownCurrencyException(currencyCode, nameof(currencyCode));
    }

    /// <summary>Zero in the given currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>Zero of that currency.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Returns whether both values have equal amounts (1.0 equals 1.00) in the same currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Returns whether the values differ in amount or currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value, in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is less.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value, in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is less or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value, in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is greater.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts of the same currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value, in the same currency.</param>
    /// <returns>True when <paramref name="left"/> is greater or equal.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Returns the smaller of two amounts of the same currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value, in the same currency.</param>
    /// <returns>The smaller value (<paramref name="left"/> when equal).</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Min(Money left, Money right) => left.CompareTo(right) <= 0 ? left : right;

    /// <summary>Returns the larger of two amounts of the same currency.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value, in the same currency.</param>
    /// <returns>The larger value (<paramref name="left"/> when equal).</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money Max(Money left, Money right) => left.CompareTo(right) >= 0 ? left : right;

    /// <summary>Returns whether <paramref name="other"/> has an equal amount in the same currency. Never throws.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Money other) => _amount == other._amount && _currency.Equals(other._currency);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_amount, _currency);

    /// <summary>Compares the amounts of two values of the same currency.</summary>
    /// <param name="other">The value to compare with, in the same currency.</param>
    /// <returns>Negative, zero or positive as this amount is less than, equal to or greater than the other.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        RequireSameCurrency(other);
        return _amount.CompareTo(other._amount);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="Money"/>.</exception>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Money other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare Money with a {obj.GetType().Name}.", nameof(obj)),
    };

    private void RequireSameCurrency(Money other)
    {
        if (!_currency.Equals(other._currency))
        {
            throw new CurrencyMismatchException(_currency, other._currency);
        }
    }
}
