using System.Globalization;

namespace Invoicing.Core.Monetary;

public readonly partial struct Money
{
    /// <summary>
    /// Splits the amount by ratios into parts that sum exactly to it (largest remainder method).
    /// </summary>
    /// <remarks>
    /// Each part is within one minor unit of its exact share; a zero ratio gets exactly zero; the
    /// leftover minor units go to the largest remainders, ties to the earlier ratio, so the result is
    /// deterministic. A negative amount is split like its absolute value, with every part negated.
    /// Ratios are compared exactly (no floating point): 1:1:1 and 0.5:0.5:0.5 give the same parts.
    /// </remarks>
    /// <param name="ratios">Non-negative weights, at least one of them positive.</param>
    /// <returns>One part per ratio, in the same order.</returns>
    /// <exception cref="ArgumentException"><paramref name="ratios"/> is empty or all zero.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is negative.</exception>
    /// <exception cref="InvalidOperationException">The amount is not a whole number of minor units (round it first), or the currency has none.</exception>
    /// <exception cref="OverflowException">The amount, counted in minor units, has more than 28 digits (above about 7.9e26 for a currency with two minor units).</exception>
    public Money[] Allocate(params ReadOnlySpan<decimal> ratios)
    {
        var parts = new Money[ratios.Length];
        Allocate(ratios, parts);
        return parts;
    }

    /// <summary>
    /// Splits the amount by ratios into <paramref name="destination"/>, allocating nothing when the
    /// ratios, scaled to integers, fit in 64 bits (the usual case); see
    /// <see cref="Allocate(ReadOnlySpan{decimal})"/> for the method and its guarantees.
    /// </summary>
    /// <param name="ratios">Non-negative weights, at least one of them positive.</param>
    /// <param name="destination">Receives one part per ratio; at least as long as <paramref name="ratios"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="ratios"/> is empty or all zero, or <paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A ratio is negative.</exception>
    /// <exception cref="InvalidOperationException">The amount is not a whole number of minor units (round it first), or the currency has none.</exception>
    /// <exception cref="OverflowException">The amount, counted in minor units, has more than 28 digits.</exception>
    public void Allocate(ReadOnlySpan<decimal> ratios, Span<Money> destination)
    {
        if (ratios.IsEmpty)
        {
            throw new ArgumentException("Allocation needs at least one ratio.", nameof(ratios));
        }

        if (destination.Length < ratios.Length)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} parts but there are {ratios.Length} ratios.", nameof(destination));
        }

        var anyPositive = false;
        for (var i = 0; i < ratios.Length; i++)
        {
            if (ratios[i] < 0m)
            {
                throw new ArgumentOutOfRangeException(nameof(ratios), ratios[i],
                    $"Ratio #{i} is {ratios[i].ToString(CultureInfo.InvariantCulture)}; allocation ratios must not be negative.");
            }

            anyPositive |= ratios[i] > 0m;
        }

        if (!anyPositive)
        {
            throw new ArgumentException("Allocation ratios must not all be zero.", nameof(ratios));
        }

        RequireWholeMinorUnits(nameof(Allocate));
        Allocator.Allocate(_amount, ratios, destination, _currency);
    }

    /// <summary>
    /// Splits the amount into <paramref name="parts"/> equal parts that sum exactly to it; the
    /// leftover minor units go to the first parts (10.00 EUR in 3: 3.34, 3.33, 3.33).
    /// </summary>
    /// <param name="parts">The number of parts, at least 1.</param>
    /// <returns>The parts; those with the extra minor unit come first (for a negative amount, the most negative first).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parts"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The amount is not a whole number of minor units (round it first), or the currency has none.</exception>
    /// <exception cref="OverflowException">The amount, counted in minor units, has more than 28 digits.</exception>
    public Money[] Split(int parts)
    {
        if (parts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(parts), parts, "A split needs at least one part.");
        }

        RequireWholeMinorUnits(nameof(Split));
        var result = new Money[parts];
        Allocator.Split(_amount, result, _currency);
        return result;
    }

    private void RequireWholeMinorUnits(string operation)
    {
        var digits = _currency.MinorUnits
            ?? throw new InvalidOperationException(
                $"{operation} needs a currency with minor units; {_currency.Code} has none in ISO 4217.");
        if (decimal.Round(_amount, digits) != _amount)
        {
            throw new InvalidOperationException(
                $"{operation} needs an amount in whole minor units of {_currency.Code}; {this} has more decimals. Round it first.");
        }
    }
}
