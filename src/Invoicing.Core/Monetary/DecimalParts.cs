namespace Invoicing.Core.Monetary;

/// <summary>Reads the integer mantissa, scale and sign of a <see cref="decimal"/>.</summary>
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
}
