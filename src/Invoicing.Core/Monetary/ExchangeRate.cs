using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Monetary;

/// <summary>
/// An exchange rate: one unit of <see cref="BaseCurrency"/> is worth <see cref="Rate"/> units of
/// <see cref="QuoteCurrency"/>, as of a date (EUR/USD 1.0845 on 2026-11-20: 1 EUR = 1.0845 USD).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Conversion rounds explicitly, with the
/// <see cref="MoneyRounding"/> the caller names.</para>
/// <para>JSON: <c>{"base":"EUR","quote":"USD","rate":1.0845,"asOf":"2026-11-20"}</c> (see
/// <see cref="ExchangeRateJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(ExchangeRateJsonConverter))]
public sealed class ExchangeRate : IEquatable<ExchangeRate>
{
    private ExchangeRate(Currency baseCurrency, Currency quoteCurrency, decimal rate, LocalDate asOf)
    {
        BaseCurrency = baseCurrency;
        QuoteCurrency = quoteCurrency;
        Rate = rate;
        AsOf = asOf;
    }

    /// <summary>The currency converted from.</summary>
    public Currency BaseCurrency { get; }

    /// <summary>The currency converted to.</summary>
    public Currency QuoteCurrency { get; }

    /// <summary>Units of <see cref="QuoteCurrency"/> per one unit of <see cref="BaseCurrency"/>; between <see cref="MinimumRate"/> and <see cref="MaximumRate"/>.</summary>
    public decimal Rate { get; }

    /// <summary>The date the rate applies to (its publication or fixing date), in the ISO calendar.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The smallest rate accepted, 10^-12: below it no real currency pair goes, and its inverse still fits.</summary>
    public const decimal MinimumRate = 0.000000000001m;

    /// <summary>The largest rate accepted, 10^12, the inverse of <see cref="MinimumRate"/>.</summary>
    public const decimal MaximumRate = 1_000_000_000_000m;

    /// <summary>Creates an exchange rate.</summary>
    /// <param name="baseCurrency">The currency converted from.</param>
    /// <param name="quoteCurrency">The currency converted to.</param>
    /// <param name="rate">Units of the quote currency per unit of the base currency: between <see cref="MinimumRate"/> and <see cref="MaximumRate"/>, and exactly 1 when both currencies are the same.</param>
    /// <param name="asOf">The date the rate applies to; a date of another calendar is converted to the ISO calendar.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is outside the accepted range, or not 1 for a currency with itself.</exception>
    public static ExchangeRate Of(Currency baseCurrency, Currency quoteCurrency, decimal rate, LocalDate asOf)
        => Problem(baseCurrency, quoteCurrency, rate) is { } problem
            ? throw new ArgumentOutOfRangeException(nameof(rate), rate, problem)
            : new ExchangeRate(baseCurrency, quoteCurrency, rate, ToIso(asOf));

    /// <summary>Why a rate cannot be created, or null when it can. Shared with the JSON converter.</summary>
    internal static string? Problem(Currency baseCurrency, Currency quoteCurrency, decimal rate)
    {
        if (rate is < MinimumRate or > MaximumRate)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The rate {baseCurrency.Code}/{quoteCurrency.Code} {rate} is outside the accepted range {MinimumRate} to {MaximumRate} (a rate must be positive).");
        }

        return baseCurrency == quoteCurrency && rate != 1m
            ? string.Create(CultureInfo.InvariantCulture, $"A rate of {baseCurrency.Code} to itself must be 1; got {rate}.")
            : null;
    }

    internal static LocalDate ToIso(LocalDate date)
        => date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);

    /// <summary>The rate of a currency to itself: 1.</summary>
    /// <param name="currency">The currency.</param>
    /// <param name="asOf">The date.</param>
    /// <returns>The identity rate.</returns>
    public static ExchangeRate Identity(Currency currency, LocalDate asOf) => new(currency, currency, 1m, asOf);

    /// <summary>
    /// Combines two rates that share one currency (the pivot) into the rate between their other
    /// currencies: EUR/USD and EUR/GBP give USD/GBP. Either rate may be quoted either way round.
    /// The result is as of the older of the two dates.
    /// </summary>
    /// <param name="first">The rate whose non-pivot currency becomes the base.</param>
    /// <param name="second">The rate whose non-pivot currency becomes the quote.</param>
    /// <returns>The cross rate, unrounded (28 significant digits).</returns>
    /// <exception cref="ArgumentNullException">A rate is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cross rate falls outside <see cref="MinimumRate"/> to <see cref="MaximumRate"/>.</exception>
    /// <exception cref="ArgumentException">The rates do not share exactly one currency.</exception>
    public static ExchangeRate Cross(ExchangeRate first, ExchangeRate second)
    {
        Preconditions.CheckNotNull(first);
        Preconditions.CheckNotNull(second);
        Currency pivot;
        if (first.BaseCurrency == second.BaseCurrency || first.BaseCurrency == second.QuoteCurrency)
        {
            pivot = first.BaseCurrency;
        }
        else if (first.QuoteCurrency == second.BaseCurrency || first.QuoteCurrency == second.QuoteCurrency)
        {
            pivot = first.QuoteCurrency;
        }
        else
        {
            throw new ArgumentException(
                $"Rates {first.BaseCurrency.Code}/{first.QuoteCurrency.Code} and {second.BaseCurrency.Code}/{second.QuoteCurrency.Code} share no currency to cross through.",
                nameof(second));
        }

        // Orient both as pivot/other: 1 pivot = a units of A, 1 pivot = b units of B, so 1 A = b / a B.
        var toA = first.BaseCurrency == pivot ? first : first.Invert();
        var toB = second.BaseCurrency == pivot ? second : second.Invert();
        if (toA.QuoteCurrency == toB.QuoteCurrency || toA.QuoteCurrency == pivot || toB.QuoteCurrency == pivot)
        {
            throw new ArgumentException(
                $"Rates {first.BaseCurrency.Code}/{first.QuoteCurrency.Code} and {second.BaseCurrency.Code}/{second.QuoteCurrency.Code} must share exactly one currency.",
                nameof(second));
        }

        // Both rates lie within 10^-12..10^12, so the quotient cannot overflow; it may leave the range.
        return Of(toA.QuoteCurrency, toB.QuoteCurrency, toB.Rate / toA.Rate, LocalDate.Min(first.AsOf, second.AsOf));
    }

    /// <summary>Returns the opposite rate (USD/EUR from EUR/USD): 1 / <see cref="Rate"/>, same date.</summary>
    /// <returns>The inverted rate, unrounded (28 significant digits); always within the accepted range, which is symmetric.</returns>
    public ExchangeRate Invert() => new(QuoteCurrency, BaseCurrency, 1m / Rate, AsOf);

    /// <summary>Converts an amount of the base currency into the quote currency and rounds it by <paramref name="rounding"/>.</summary>
    /// <param name="amount">An amount in <see cref="BaseCurrency"/>.</param>
    /// <param name="rounding">How to round the result in the quote currency, for example <see cref="MoneyRounding.HalfUp"/>.</param>
    /// <returns>The converted, rounded amount in <see cref="QuoteCurrency"/>.</returns>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is not in <see cref="BaseCurrency"/> (invert the rate to go the other way).</exception>
    /// <exception cref="InvalidOperationException">The rounding rounds to minor units and the quote currency has none.</exception>
    /// <exception cref="OverflowException">The result is outside the range of <see cref="decimal"/>.</exception>
    public Money Convert(Money amount, MoneyRounding rounding)
    {
        if (amount.Currency != BaseCurrency)
        {
            throw new CurrencyMismatchException(BaseCurrency, amount.Currency);
        }

        return Money.Of(amount.Amount * Rate, QuoteCurrency).Round(rounding);
    }

    /// <summary>Returns whether <paramref name="other"/> has the same currencies, rate (by value) and date.</summary>
    /// <param name="other">The rate to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] ExchangeRate? other)
        => other is not null && BaseCurrency == other.BaseCurrency && QuoteCurrency == other.QuoteCurrency
           && Rate == other.Rate && AsOf == other.AsOf;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as ExchangeRate);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(BaseCurrency, QuoteCurrency, Rate, AsOf);

    /// <summary>Returns the invariant form "EUR/USD 1.0845 on 2026-11-20".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture,
            $"{BaseCurrency.Code}/{QuoteCurrency.Code} {Rate} on {LocalDatePattern.Iso.Format(AsOf)}");
}
