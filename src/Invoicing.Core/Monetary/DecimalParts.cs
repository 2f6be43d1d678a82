using System.Globalization;

namespace Invoicing.Core.Monetary;

/// <summary>Reads the integer mantissa, scale and sign of a <see cref="decimal"/>, and parses text exactly.</summary>
internal static class DecimalParts
{
    internal static (UInt128 Mantissa, int Scale, bool Negative) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        return (mantissa, (bits[3] >> 16) & 0xFF, bits[3] < 0);
    }

    /// <summary>The number of decimals needed to write <paramref name="value"/> exactly (12.3400 → 2).</summary>
    internal static int SignificantScale(decimal value)
    {
        var scale = value.Scale;
        if (scale == 0)
        {
            return 0;
        }

        var (mantissa, _, _) = Decompose(value);
        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return scale;
    }

    /// <summary>The same value without trailing zeros after the point (19.00 → 19, 5.50 → 5.5).</summary>
    internal static decimal Normalize(decimal value) => decimal.Round(value, SignificantScale(value));

    /// <summary>
    /// Parses like <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out decimal)"/>,
    /// but fails where that would round: text with more significant digits than the result keeps
    /// ("12.340000000000000000000000000001", "1e-40") is not a decimal, it is a different number.
    /// </summary>
    internal static bool TryParseExact(ReadOnlySpan<char> text, NumberStyles styles, IFormatProvider provider, out decimal value)
        => decimal.TryParse(text, styles, provider, out value) && SignificantDigits(text) == SignificantDigits(value);

    /// <summary>Digits of the mantissa without leading and trailing zeros (1200 → 2, 0.0125 → 3, 0 → 0).</summary>
    private static int SignificantDigits(decimal value)
    {
        var (mantissa, _, _) = Decompose(value);
        if (mantissa == 0)
        {
            return 0;
        }

        while (mantissa % 10 == 0)
        {
            mantissa /= 10;
        }

        var digits = 0;
        for (; mantissa != 0; mantissa /= 10)
        {
            digits++;
        }

        return digits;
    }

    /// <summary>The same count for number text: digits before any exponent, without leading and trailing zeros.</summary>
    private static int SignificantDigits(ReadOnlySpan<char> text)
    {
        int first = -1, last = -1, position = 0;
        foreach (var c in text)
        {
            if (c is 'e' or 'E')
            {
                break;
            }

            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (c != '0')
            {
                first = first < 0 ? position : first;
                last = position;
            }

            position++;
        }

        return first < 0 ? 0 : last - first + 1;
    }
}
