using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Exact integer arithmetic behind <see cref="Money.Allocate(ReadOnlySpan{decimal})"/> and
/// <see cref="Money.Split(int)"/>. Amounts are counted in minor units and ratios are scaled to
/// integers, so no share is ever computed in floating point or from a truncated quotient. The
/// common case runs in <see cref="UInt128"/> on stack or pooled scratch memory and allocates
/// nothing; ratios whose scaled weights exceed 64 bits (or amounts beyond 2^64 minor units) take
/// the <see cref="BigInteger"/> path, which shares the flooring step.
/// </summary>
internal static class Allocator
{
    /// <summary>Up to this many ratios, scratch memory lives on the stack (about 4 KB).</summary>
    private const int StackLimit = 64;

    /// <summary>Largest number of minor units a part can hold: a decimal mantissa has 96 bits.</summary>
    private static readonly UInt128 MaxUnits = (UInt128.One << 96) - 1;

    private static readonly UInt128[] PowersOfTen = CreatePowersOfTen();

    internal static void Split(decimal amount, Span<Money> destination, Currency currency)
    {
        var digits = currency.Definition.MinorUnits!.Value;
        var (units, negative) = ToUnits(amount, digits);
        var (share, leftover) = UInt128.DivRem(units, (uint)destination.Length);
        for (var i = 0; i < destination.Length; i++)
        {
            var partUnits = (uint)i < leftover ? share + 1 : share;
            destination[i] = Money.Of(FromUnits(partUnits, digits, negative), currency);
        }
    }

    internal static void Allocate(decimal amount, ReadOnlySpan<decimal> ratios, Span<Money> destination, Currency currency)
    {
        var digits = currency.Definition.MinorUnits!.Value;
        var (units, negative) = ToUnits(amount, digits);
        var commonScale = 0;
        foreach (var ratio in ratios)
        {
            commonScale = Math.Max(commonScale, ratio.Scale);
        }

        var n = ratios.Length;
        UInt128[]? rented = null;
        var scratch = n <= StackLimit ? stackalloc UInt128[3 * n] : (rented = ArrayPool<UInt128>.Shared.Rent(3 * n));
        try
        {
            var weights = scratch[..n];
            var shares = scratch.Slice(n, n);
            var ranking = scratch.Slice(2 * n, n);
            if (units <= ulong.MaxValue && TryScaleToUInt64(ratios, commonScale, weights, out var totalWeight))
            {
                // units < 2^64 and every weight < 2^64: each product fits in 128 bits, and every
                // remainder (below the total weight) in 64, so (remainder, index) packs into one key.
                var leftover = FloorShares(units, weights, totalWeight, shares, ranking);
                if (leftover > 0)
                {
                    for (var i = 0; i < n; i++)
                    {
                        ranking[i] = ((UInt128)(ulong.MaxValue - (ulong)ranking[i]) << 32) | (uint)i;
                    }

                    // Ascending keys: largest remainder first, then lowest index. No comparer, no allocation.
                    ranking.Sort();
                    for (var k = 0; k < leftover; k++)
                    {
                        shares[(int)(uint)ranking[k]]++;
                    }
                }

                for (var i = 0; i < n; i++)
                {
                    destination[i] = Money.Of(FromUnits(shares[i], digits, negative), currency);
                }
            }
            else
            {
                AllocateBig(units, negative, digits, ratios, commonScale, destination, currency);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<UInt128>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The rare path: ratios whose scaled weights exceed 64 bits, or amounts beyond 2^64 minor units.</summary>
    private static void AllocateBig(UInt128 units, bool negative, int digits, ReadOnlySpan<decimal> ratios, int commonScale,
        Span<Money> destination, Currency currency)
    {
        var n = ratios.Length;
        var weights = new BigInteger[n];
        var total = BigInteger.Zero;
        for (var i = 0; i < n; i++)
        {
            var (mantissa, scale, _) = DecimalParts.Decompose(ratios[i]);
            weights[i] = (BigInteger)mantissa * BigInteger.Pow(10, commonScale - scale);
            total += weights[i];
        }

        var shares = new BigInteger[n];
        var remainders = new BigInteger[n];
        var leftover = FloorShares(units, weights, total, shares, remainders);
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => remainders[b] != remainders[a] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
        for (var k = 0; k < leftover; k++)
        {
            shares[order[k]]++;
        }

        for (var i = 0; i < n; i++)
        {
            destination[i] = Money.Of(FromUnits((UInt128)shares[i], digits, negative), currency);
        }
    }

    /// <summary>
    /// The first step of the largest remainder method: share_i = floor(units * w_i / W), with its
    /// remainder. Returns the units left over, always fewer than the number of parts; they go one
    /// each to the largest remainders, ties to the lower index.
    /// </summary>
    private static int FloorShares<T>(T units, ReadOnlySpan<T> weights, T totalWeight, Span<T> shares, Span<T> remainders)
        where T : IBinaryInteger<T>
    {
        var assigned = T.Zero;
        for (var i = 0; i < weights.Length; i++)
        {
            (shares[i], remainders[i]) = T.DivRem(units * weights[i], totalWeight);
            assigned += shares[i];
        }

        return int.CreateChecked(units - assigned);
    }

    private static bool TryScaleToUInt64(ReadOnlySpan<decimal> ratios, int commonScale, Span<UInt128> weights, out UInt128 total)
    {
        total = UInt128.Zero;
        for (var i = 0; i < ratios.Length; i++)
        {
            var (mantissa, scale, _) = DecimalParts.Decompose(ratios[i]);
            var factor = PowersOfTen[commonScale - scale];
            if (mantissa != 0 && mantissa > ulong.MaxValue / factor)
            {
                return false;
            }

            weights[i] = mantissa * factor;
            total += weights[i];
            if (total > ulong.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The absolute amount in minor units, and its sign. The amount is already whole in minor units.</summary>
    private static (UInt128 Units, bool Negative) ToUnits(decimal amount, int digits)
    {
        var (mantissa, scale, negative) = DecimalParts.Decompose(amount);
        if (scale >= digits)
        {
            return (mantissa / PowersOfTen[scale - digits], negative);
        }

        var factor = PowersOfTen[digits - scale];
        if (mantissa > MaxUnits / factor)
        {
            throw new OverflowException(string.Create(CultureInfo.InvariantCulture,
                $"{amount} has more than 28 significant digits when counted in minor units; it is too large to allocate."));
        }

        return (mantissa * factor, negative);
    }

    private static decimal FromUnits(UInt128 units, int digits, bool negative)
    {
        var lo = (int)(uint)units;
        var mid = (int)(uint)(units >> 32);
        var hi = (int)(uint)(units >> 64);
        return new decimal(lo, mid, hi, negative && units != 0, (byte)digits);
    }

    private static UInt128[] CreatePowersOfTen()
    {
        var powers = new UInt128[29];
        powers[0] = UInt128.One;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
