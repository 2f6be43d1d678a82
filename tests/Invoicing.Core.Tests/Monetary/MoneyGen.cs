using FsCheck;
using FsCheck.Fluent;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Monetary;

/// <summary>FsCheck generators for the Money area.</summary>
internal static class MoneyGen
{
    /// <summary>Loyalty points: a custom unit with no minor unit, mixed into the currencies generated.</summary>
    internal static readonly Currency Points = Currency.CreateCustom("PTS", 0, "Loyalty points");

    /// <summary>A custom unit whose code has digits and whose minor unit is as fine as allowed (wei-like).</summary>
    internal static readonly Currency Token = Currency.CreateCustom("TOK2", 18, "Test token");

    /// <summary>A catalog that knows the custom units above, for parsing and JSON.</summary>
    internal static readonly CurrencyCatalog Catalog = CurrencyCatalog.Iso4217.With(Points, Token);

    private static readonly Currency[] WithMinorUnits =
        [.. Currency.All.Where(c => c.MinorUnits is not null), Points, Token];

    private static readonly Currency[] WithoutMinorUnits = [.. Currency.All.Where(c => c.MinorUnits is null)];

    /// <summary>Any currency that has minor units, weighted towards the interesting ones (0, 3 and 4 digits).</summary>
    internal static Gen<Currency> AnyCurrency { get; } = Gen.Frequency(
        (3, Gen.Elements(WithMinorUnits)),
        (1, Gen.Elements(Currency.Jpy, Currency.Bhd, Currency.Clf, Currency.Eur)));

    /// <summary>A count of minor units: mostly small, sometimes up to about ±10^15, rarely beyond 2^64 (up to about ±10^24).</summary>
    internal static Gen<decimal> Units { get; } = Gen.Frequency(
        (8, Gen.Choose(-100_000, 100_000).Select(i => (decimal)i)),
        (4, Gen.Choose(-3, 3).Select(i => (decimal)i)),
        (2, from hi in Gen.Choose(-1_000_000, 1_000_000)
            from lo in Gen.Choose(0, 999_999_999)
            select (decimal)((hi * 1_000_000_000L) + lo)),
        (1, from lo in Gen.Choose(int.MinValue, int.MaxValue)
            from mid in Gen.Choose(int.MinValue, int.MaxValue)
            from hi in Gen.Choose(0, 65_535)
            from negative in Gen.Elements(true, false)
            select new decimal(lo, mid, hi, negative, 0)));

    /// <summary>An amount in whole minor units of its currency.</summary>
    internal static Gen<Money> Rounded { get; } =
        from currency in AnyCurrency
        from units in Units
        select Money.Of(Shift(units, currency.MinorUnits!.Value), currency);

    /// <summary>An amount with up to four decimals more than its currency (as unit prices have).</summary>
    internal static Gen<Money> Unrounded { get; } =
        from currency in AnyCurrency
        from units in Units
        from extra in Gen.Choose(0, 4)
        select Money.Of(Shift(units, currency.MinorUnits!.Value + extra), currency);

    /// <summary>Any value text and JSON must carry: also currencies without minor units (XAU, XXX...) and <c>default(Money)</c>.</summary>
    internal static Gen<Money> AnyValue { get; } = Gen.Frequency(
        (8, Unrounded),
        (2, from currency in Gen.Elements(WithoutMinorUnits)
            from units in Units
            from scale in Gen.Choose(0, 6)
            select Money.Of(Shift(units, scale), currency)),
        (1, Gen.Constant(default(Money))));

    // Declared before Ratios: static initializers run in textual order.
    private static Gen<decimal> Ratio { get; } = Gen.Frequency(
        (1, Gen.Constant(0m)),
        (4, Gen.Choose(1, 1000).Select(i => (decimal)i)),
        (2, Gen.Choose(1, 100_000).Select(i => i / 1000m)));

    /// <summary>Allocation ratios: usually 1 to 12, sometimes 65 to 120 (pooled scratch memory); non-negative, at least one positive, some with decimals, some zero.</summary>
    internal static Gen<decimal[]> Ratios { get; } =
        (from count in Gen.Frequency((8, Gen.Choose(1, 12)), (1, Gen.Choose(65, 120)))
         from ratios in Gen.ArrayOf(Ratio, count)
         select ratios).Where(r => r.Any(x => x > 0m));

    /// <summary>A positive exchange rate with 1 to 6 decimals, between 0.0001 and 10000.</summary>
    internal static Gen<decimal> Rate { get; } =
        from mantissa in Gen.Choose(1, 100_000_000)
        from scale in Gen.Choose(1, 6)
        let rate = mantissa / Pow10(scale)
        where rate is >= 0.0001m and <= 10_000m
        select rate;

    /// <summary>units × 10^-scale, exactly (a decimal with that scale).</summary>
    internal static decimal Shift(decimal units, int scale)
    {
        var bits = decimal.GetBits(units);
        return new decimal(bits[0], bits[1], bits[2], units < 0m, (byte)scale);
    }

    internal static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    /// <summary>The value of one minor unit of <paramref name="currency"/> (0.01 for EUR).</summary>
    internal static decimal MinorUnit(Currency currency) => 1m / Pow10(currency.MinorUnits!.Value);
}
