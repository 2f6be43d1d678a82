using System.Buffers;
using System.Numerics;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Exact integer arithmetic behind <see cref="Money.Allocate(ReadOnlySpan{decimal})"/> and
/// <see cref="Money.Split(int)"/>. Amounts are counted in minor units and ratios are scaled to
/// integers, so no share is ever computed in floating point or with a rounded quotient. The
/// common case runs in <see cref="UInt128"/>; ratios too large for 64 bits fall back to
/// <see cref="BigInteger"/> through the same generic code.
/// </summary>
internal static class Allocator
{
    /// <summary>Largest number of minor units a part can hold: a decimal mantissa has 96 bits.</summary>
    private static readonly UInt128 MaxUnits = (UInt128.One << 96) - 1;

    private static readonly UInt128[] PowersOfTen = CreatePowersOfTen();

    internal static void Split(decimal amount, Span<Money> destination, Currency currency)
    {
        var digits = currency.Definition.MinorUnits!.Value;
        var (units, negative) = ToUnits(amount, digits);
        var count = (UInt128)(uint)destination.Length;
        var (share, leftover) = UInt128.DivRem(units, count);
        for (var i = 0; i < destination.Length; i++)
        {
            var partUnits = (UInt128)(uint)i < leftover ? share + 1 : share;
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
        var weights = n <= 64 ? stackalloc UInt128[n] : (rented = ArrayPool<UInt128>.Shared.Rent(n)).AsSpan(0, n);
        try
        {
            if (TryScaleToUInt64(ratios, commonScale, weights, out var totalWeight) && units <= ulong.MaxValue)
            {
                // units < 2^64 and every weight < 2^64: each product fits in 128 bits.
                var shares = n <= 64 ? stackalloc UInt128[n] : new UInt128[n];
                Distribute(units, weights, totalWeight, shares);
                Write(shares, digits, negative, destination, currency);
            }
            else
            {
                var bigWeights = new BigInteger[n];
                var bigTotal = BigInteger.Zero;
                for (var i = 0; i < n; i++)
                {
                    var (mantissa, scale, _) = DecimalParts.Decompose(ratios[i]);
                    bigWeights[i] = (BigInteger)mantissa * BigInteger.Pow(10, commonScale - scale);
                    bigTotal += bigWeights[i];
                }

                var shares = new BigInteger[n];
                Distribute((BigInteger)units, bigWeights, bigTotal, shares);
                for (var i = 0; i < n; i++)
                {
                    destination[i] = Money.Of(FromUnits((UInt128)shares[i], digits, negative), currency);
                }
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

    /// <summary>
    /// Largest remainder method on integers: share_i = floor(units * w_i / W), then the leftover
    /// units (fewer than n) go one each to the largest remainders, ties to the lower index.
    /// </summary>
    private static void Distribute<T>(T units, ReadOnlySpan<T> weights, T totalWeight, Span<T> shares)
        where T : IBinaryInteger<T>
    {
        var n = weights.Length;
        var remainders = new T[n];
        var assigned = T.Zero;
        for (var i = 0; i < n; i++)
        {
            (shares[i], remainders[i]) = T.DivRem(units * weights[i], totalWeight);
            assigned += shares[i];
        }

        var leftover = int.CreateChecked(units - assigned);
        if (leftover == 0)
        {
            return;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byRemainder = remainders[b].CompareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : a.CompareTo(b);
        });

        for (var k = 0; k < leftover; k++)
        {
            shares[order[k]]++;
        }
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

    private static void Write(ReadOnlySpan<UInt128> shares, int digits, bool negative, Span<Money> destination, Currency currency)
    {
        for (var i = 0; i < shares.Length; i++)
        {
            destination[i] = Money.Of(FromUnits(shares[i], digits, negative), currency);
        }
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
            throw new OverflowException(
                $"{amount} has more than 28 significant digits when counted in minor units; it is too large to allocate.");
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
