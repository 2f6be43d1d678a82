namespace Invoicing.Core.Monetary;

/// <summary>
/// Splits an already rounded total over items whose exact (unrounded, possibly negative) shares are
/// known, so that the parts sum exactly to the total and each part is within one minor unit of its
/// exact share. This is the largest remainder method generalised to signed shares: each part gets
/// the floor of its share in minor units, and the minor units left over go one each to the largest
/// fractional remainders, ties to the earlier item.
/// </summary>
/// <remarks>
/// Used where a total is rounded once and its parts must agree with it: the tax of a category
/// rounded per document, spread over the lines of that category. The total must be the sum of the
/// exact shares rounded by any rule that moves it by less than one minor unit; then the left-over
/// units are always between 0 and the number of items. Allocation-free up to 64 items.
/// </remarks>
internal static class Apportionment
{
    private static readonly decimal[] PowersOfTen =
    [
        1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m, 10_000_000m, 100_000_000m, 1_000_000_000m,
        10_000_000_000m, 100_000_000_000m, 1_000_000_000_000m, 10_000_000_000_000m, 100_000_000_000_000m,
        1_000_000_000_000_000m, 10_000_000_000_000_000m, 100_000_000_000_000_000m, 1_000_000_000_000_000_000m,
    ];

    private static readonly decimal[] MinorUnits = [.. PowersOfTen.Select(p => 1m / p)];

    /// <summary>Apportions <paramref name="total"/> (whole minor units of a currency with <paramref name="digits"/> decimals) into <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidOperationException">The total is not the rounded sum of the shares (a caller bug).</exception>
    internal static void Apportion(decimal total, int digits, ReadOnlySpan<decimal> exactShares, Span<decimal> destination)
    {
        var n = exactShares.Length;
        if (n == 0)
        {
            return;
        }

        var unitsPerMajor = PowersOfTen[digits];
        Span<decimal> fractions = n <= 64 ? stackalloc decimal[n] : new decimal[n];
        var assigned = 0m;
        for (var i = 0; i < n; i++)
        {
            var units = exactShares[i] * unitsPerMajor;
            destination[i] = decimal.Floor(units);
            fractions[i] = units - destination[i];
            assigned += destination[i];
        }

        var leftover = (total * unitsPerMajor) - assigned;
        if (leftover < 0m || leftover > n || decimal.Truncate(leftover) != leftover)
        {
            throw new InvalidOperationException(
                $"Cannot apportion {total}: it is not the rounded sum of the {n} shares (left over: {leftover} minor units).");
        }

        GiveLeftoverToLargestFractions((int)leftover, fractions, destination);
        var minorUnit = MinorUnits[digits];
        for (var i = 0; i < n; i++)
        {
            destination[i] *= minorUnit; // a multiplication by 0.01 is exact, and much cheaper than dividing by 100
        }
    }

    /// <summary>One more unit each to the <paramref name="leftover"/> largest fractions, ties to the lower index.</summary>
    private static void GiveLeftoverToLargestFractions(int leftover, Span<decimal> fractions, Span<decimal> floors)
    {
        if (leftover == 0)
        {
            return;
        }

        if (fractions.Length <= 64)
        {
            // Small groups (the lines of one tax category): a selection scan, nothing allocated.
            for (var k = 0; k < leftover; k++)
            {
                var best = -1;
                for (var i = 0; i < fractions.Length; i++)
                {
                    if (fractions[i] >= 0m && (best < 0 || fractions[i] > fractions[best]))
                    {
                        best = i;
                    }
                }

                floors[best] += 1m;
                fractions[best] = -1m; // taken
            }

            return;
        }

        var order = new int[fractions.Length];
        var keys = fractions.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[b].CompareTo(keys[a]) : a.CompareTo(b));
        for (var k = 0; k < leftover; k++)
        {
            floors[order[k]] += 1m;
        }
    }
}
