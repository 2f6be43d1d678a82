using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Invoicing.Core.Parties;

/// <summary>A discount for early payment: <see cref="Percent"/> off when paid within <see cref="WithinDays"/> days of the issue date ("2% 10").</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EarlyPaymentDiscount : IEquatable<EarlyPaymentDiscount>
{
    /// <summary>Creates a discount.</summary>
    /// <param name="percent">The discount in percent, above 0 and below 100.</param>
    /// <param name="withinDays">Days after the issue date during which it applies, 0 to 3660.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public EarlyPaymentDiscount(decimal percent, int withinDays)
    {
        if (percent is <= 0m or >= 100m)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent,
                $"An early payment discount is a percentage above 0 and below 100; got {percent.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (withinDays is < 0 or > 3660)
        {
            throw new ArgumentOutOfRangeException(nameof(withinDays), withinDays, "The discount period must be 0 to 3660 days.");
        }

        Percent = percent;
        WithinDays = withinDays;
    }

    /// <summary>The discount in percent (2 means 2 %).</summary>
    public decimal Percent { get; }

    /// <summary>Days after the issue date during which the discount applies.</summary>
    public int WithinDays { get; }

    /// <summary>Returns whether <paramref name="other"/> is the same discount.</summary>
    /// <param name="other">The discount to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] EarlyPaymentDiscount? other)
        => other is not null && Percent == other.Percent && WithinDays == other.WithinDays;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as EarlyPaymentDiscount);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Percent, WithinDays);

    /// <summary>Returns "2% discount if paid within 10 days".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Percent}% discount if paid within {WithinDays} days");
}
