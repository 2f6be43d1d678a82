using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Payments;

/// <summary>
/// How large a difference between a payment and what it settles may be written off (a bank fee, a
/// rounding difference) instead of staying open: at most an absolute amount per currency and at
/// most a percentage of the amount settled; the lower of the two applies.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. A currency without an absolute limit has no tolerance at all:
/// a tenant states what it accepts per currency, and nothing is written off by default.</para>
/// <para>Example: <c>new PaymentTolerance(0.5m, Money.Of(5m, "EUR"))</c> writes off up to EUR 5.00,
/// but never more than 0.5 % of the settled amount (EUR 0.50 on a EUR 100.00 invoice).</para>
/// </remarks>
public sealed class PaymentTolerance
{
    private readonly Money[] _absolute;

    /// <summary>Creates a tolerance.</summary>
    /// <param name="percent">The largest difference as a percentage of the amount settled: 0 to 100 (0.5 means 0.5 %).</param>
    /// <param name="absoluteLimits">The largest difference per currency: at most one per currency, zero or positive, in whole minor units.</param>
    /// <exception cref="ArgumentNullException"><paramref name="absoluteLimits"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is outside 0 to 100, or a limit is negative or not in whole minor units.</exception>
    /// <exception cref="ArgumentException">Two limits are in the same currency.</exception>
    public PaymentTolerance(decimal percent, params IEnumerable<Money> absoluteLimits)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, string.Create(CultureInfo.InvariantCulture, $"A tolerance percentage is between 0 and 100; got {percent}."));
        }

        var limits = Preconditions.CheckNotNull(absoluteLimits).ToArray();
        foreach (var limit in limits)
        {
            if (limit.IsNegative || !limit.IsRoundedToMinorUnits)
            {
                throw new ArgumentOutOfRangeException(nameof(absoluteLimits), limit, $"An absolute tolerance is zero or positive and in whole minor units; got {limit}.");
            }
        }

        var duplicate = limits.GroupBy(l => l.Currency).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two absolute tolerances in {duplicate.Key.Code}: {string.Join(", ", duplicate)}.", nameof(absoluteLimits));
        }

        Percent = percent;
        _absolute = limits;
        AbsoluteLimits = Array.AsReadOnly(limits);
    }

    /// <summary>No tolerance: every difference stays open (or, when the payment is larger, becomes customer credit).</summary>
    public static PaymentTolerance None { get; } = new(0m);

    /// <summary>The largest difference as a percentage of the amount settled.</summary>
    public decimal Percent { get; }

    /// <summary>The largest difference per currency.</summary>
    public IReadOnlyList<Money> AbsoluteLimits { get; }

    /// <summary>The largest difference that may be written off when <paramref name="settled"/> is settled:
    /// the lower of the currency's absolute limit and <see cref="Percent"/> of the settled amount, rounded
    /// down to minor units; zero when the currency has no absolute limit.</summary>
    /// <param name="settled">The amount settled (the open amount of the documents).</param>
    /// <returns>The limit, in the currency of <paramref name="settled"/>.</returns>
    public Money LimitFor(Money settled)
    {
        foreach (var limit in _absolute)
        {
            if (limit.Currency == settled.Currency)
            {
                var share = Money.Of(settled.Abs().Amount * Percent / 100m, settled.Currency).Round(MoneyRounding.ToMinorUnits(MidpointRounding.ToZero));
                return Money.Min(limit, share);
            }
        }

        return Money.Zero(settled.Currency);
    }

    /// <summary>Returns whether a difference may be written off when <paramref name="settled"/> is settled.</summary>
    /// <param name="difference">The difference, either sign.</param>
    /// <param name="settled">The amount settled.</param>
    /// <returns>True when its size is at most <see cref="LimitFor"/>.</returns>
    /// <exception cref="CurrencyMismatchException">The amounts are in different currencies.</exception>
    public bool Covers(Money difference, Money settled)
    {
        if (difference.Currency != settled.Currency)
        {
            throw new CurrencyMismatchException(settled.Currency, difference.Currency, "the difference");
        }

        return difference.Abs() <= LimitFor(settled);
    }

    /// <summary>Returns "0.5 % up to EUR 5.00, USD 5.00" (or "none").</summary>
    /// <returns>The text.</returns>
    public override string ToString() => _absolute.Length == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{Percent} % up to {string.Join(", ", _absolute)}");
}
