using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Parties;

/// <summary>
/// One instalment of a payment plan: its share of the amount due — a percentage, a fixed amount, or
/// the remainder — and when it falls due.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class InstalmentTerm : IEquatable<InstalmentTerm>
{
    private InstalmentTerm(decimal? percent, Money? amount, DueDateRule due)
    {
        Percent = percent;
        Amount = amount;
        Due = due;
    }

    /// <summary>The share in percent, or null.</summary>
    public decimal? Percent { get; }

    /// <summary>The fixed amount, or null.</summary>
    public Money? Amount { get; }

    /// <summary>True when the instalment takes whatever the others leave.</summary>
    public bool IsRemainder => Percent is null && Amount is null;

    /// <summary>When the instalment falls due.</summary>
    public DueDateRule Due { get; }

    /// <summary>An instalment of <paramref name="percent"/> % of the amount due.</summary>
    /// <param name="percent">Above 0, at most 100.</param>
    /// <param name="due">When it falls due.</param>
    /// <returns>The instalment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is out of range.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="due"/> is null.</exception>
    public static InstalmentTerm OfPercent(decimal percent, DueDateRule due)
        => percent is > 0m and <= 100m
            ? new(percent, null, Preconditions.CheckNotNull(due))
            : throw new ArgumentOutOfRangeException(nameof(percent), percent,
                $"An instalment percentage is above 0 and at most 100; got {percent.ToString(CultureInfo.InvariantCulture)}.");

    /// <summary>An instalment of a fixed amount.</summary>
    /// <param name="amount">A positive amount in the invoice currency, in whole minor units.</param>
    /// <param name="due">When it falls due.</param>
    /// <returns>The instalment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or has more decimals than its currency.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="due"/> is null.</exception>
    public static InstalmentTerm OfAmount(Money amount, DueDateRule due)
        => amount.IsPositive && amount.IsRoundedToMinorUnits
            ? new(null, amount, Preconditions.CheckNotNull(due))
            : throw new ArgumentOutOfRangeException(nameof(amount), amount, $"An instalment amount must be positive and in whole minor units; got {amount}.");

    /// <summary>The last instalment: whatever the others leave of the amount due.</summary>
    /// <param name="due">When it falls due.</param>
    /// <returns>The instalment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="due"/> is null.</exception>
    public static InstalmentTerm Remainder(DueDateRule due) => new(null, null, Preconditions.CheckNotNull(due));

    /// <summary>Returns whether <paramref name="other"/> is the same instalment.</summary>
    /// <param name="other">The instalment to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] InstalmentTerm? other)
        => other is not null && Percent == other.Percent && Amount == other.Amount && Due.Equals(other.Due);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as InstalmentTerm);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Percent, Amount, Due);

    /// <summary>Returns "50% net 30 days", "EUR 100.00 net 60 days" or "the rest net 90 days".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var share = Percent is decimal p
            ? string.Create(CultureInfo.InvariantCulture, $"{p}%")
            : Amount?.ToString() ?? "the rest";
        return $"{share} {Due}";
    }
}
