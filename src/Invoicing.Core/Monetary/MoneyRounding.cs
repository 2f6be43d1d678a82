using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// A named rounding rule for money: a <see cref="MidpointRounding"/> mode and the step to round
/// to, either the currency's minor unit (the default) or a fixed increment for cash rounding
/// (CHF 0.05, SEK 1).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. A rounding rule is data: documents record the rule they were
/// computed with, so that their credit notes can reuse it verbatim.</para>
/// <para><c>default(MoneyRounding)</c> equals <see cref="HalfUp"/>: half away from zero to the
/// currency's minor units, the commercial rule.</para>
/// <para>JSON: <c>{"mode":"AwayFromZero"}</c>, with <c>"increment":0.05</c> for cash rounding
/// (see <see cref="MoneyRoundingJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(MoneyRoundingJsonConverter))]
public readonly struct MoneyRounding : IEquatable<MoneyRounding>, ISpanParsable<MoneyRounding>
{
    /// <summary>The modes, in the order their names are listed in messages.</summary>
    internal static readonly MidpointRounding[] Modes =
    [
        MidpointRounding.AwayFromZero,
        MidpointRounding.ToEven,
        MidpointRounding.ToZero,
        MidpointRounding.ToNegativeInfinity,
        MidpointRounding.ToPositiveInfinity,
    ];

    private readonly MidpointRounding? _mode;
    private readonly decimal? _increment;

    private MoneyRounding(MidpointRounding mode, decimal? increment)
    {
        _mode = mode;
        _increment = increment;
    }

    /// <summary>Half away from zero to the currency's minor units (2.345 EUR → 2.35): the commercial rule and the default.</summary>
    public static MoneyRounding HalfUp => new(MidpointRounding.AwayFromZero, null);

    /// <summary>Half to even ("banker's rounding") to the currency's minor units (2.345 EUR → 2.34, 2.355 EUR → 2.36).</summary>
    public static MoneyRounding HalfEven => new(MidpointRounding.ToEven, null);

    /// <summary>The midpoint rule (or directed rule, such as <see cref="MidpointRounding.ToZero"/>) applied.</summary>
    public MidpointRounding Mode => _mode ?? MidpointRounding.AwayFromZero;

    /// <summary>The step amounts are rounded to, or null for the currency's minor unit.</summary>
    public decimal? Increment => _increment;

    /// <summary>Rounds to the currency's minor units with the given mode.</summary>
    /// <param name="mode">The rounding mode.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined <see cref="MidpointRounding"/>.</exception>
    public static MoneyRounding ToMinorUnits(MidpointRounding mode) => new(CheckMode(mode), null);

    /// <summary>Rounds to a multiple of <paramref name="increment"/>, as cash rounding does (CHF 0.05, SEK 1).</summary>
    /// <param name="increment">The positive step, for example 0.05.</param>
    /// <param name="mode">The rounding mode; half away from zero unless stated.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="increment"/> is zero or negative, or <paramref name="mode"/> is undefined.</exception>
    public static MoneyRounding ToIncrement(decimal increment, MidpointRounding mode = MidpointRounding.AwayFromZero)
    {
        if (increment <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(increment), increment,
                $"A rounding increment must be positive; got {increment.ToString(CultureInfo.InvariantCulture)}.");
        }

        return new(CheckMode(mode), increment);
    }

    /// <summary>Parses the form <see cref="ToString"/> writes: a mode name ("AwayFromZero", "ToEven", ...), optionally followed by "/" and an increment in invariant notation ("AwayFromZero/0.05").</summary>
    /// <param name="s">The text.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a rounding rule; the message quotes it.</exception>
    public static MoneyRounding Parse(string s) => Parse(s, null);

    /// <summary>Parses the form <see cref="ToString"/> writes; see <see cref="Parse(string)"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the form is invariant.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a rounding rule.</exception>
    public static MoneyRounding Parse(string s, IFormatProvider? provider)
        => Parse(Preconditions.CheckNotNull(s).AsSpan(), provider);

    /// <summary>Parses the form <see cref="ToString"/> writes; see <see cref="Parse(string)"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the form is invariant.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="FormatException">The text is not a rounding rule.</exception>
    public static MoneyRounding Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var rule)
            ? rule
            : throw new FormatException(
                $"'{s}' is not a rounding rule: expected one of {string.Join(", ", Modes)}, optionally followed by '/' and a positive increment such as 'AwayFromZero/0.05'.");

    /// <summary>Parses the form <see cref="ToString"/> writes, without throwing.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="provider">Ignored: the form is invariant.</param>
    /// <param name="result">The rule when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out MoneyRounding result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses the form <see cref="ToString"/> writes, without throwing.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: the form is invariant.</param>
    /// <param name="result">The rule when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out MoneyRounding result)
    {
        result = default;
        var slash = s.IndexOf('/');
        var name = (slash < 0 ? s : s[..slash]).Trim();
        if (!TryParseMode(name, out var mode))
        {
            return false;
        }

        if (slash < 0)
        {
            result = new MoneyRounding(mode, null);
            return true;
        }

        if (!DecimalParts.TryParseExact(s[(slash + 1)..].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var increment)
            || increment <= 0m)
        {
            return false;
        }

        result = new MoneyRounding(mode, increment);
        return true;
    }

    /// <summary>Matches a mode name case-insensitively; numbers are not mode names.</summary>
    internal static bool TryParseMode(ReadOnlySpan<char> name, out MidpointRounding mode)
    {
        foreach (var candidate in Modes)
        {
            if (name.Equals(candidate.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    /// <summary>Returns whether both rules are the same.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(MoneyRounding left, MoneyRounding right) => left.Equals(right);

    /// <summary>Returns whether the rules differ.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(MoneyRounding left, MoneyRounding right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> has the same mode and increment.</summary>
    /// <param name="other">The rule to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(MoneyRounding other) => Mode == other.Mode && _increment == other._increment;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is MoneyRounding other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Mode, _increment);

    /// <summary>Returns the mode, and the increment when there is one: "AwayFromZero" or "AwayFromZero/0.05".</summary>
    /// <returns>The invariant text form.</returns>
    public override string ToString()
        => _increment is decimal increment
            ? string.Create(CultureInfo.InvariantCulture, $"{Mode}/{increment}")
            : Mode.ToString();

    /// <summary>Rounds <paramref name="amount"/> of <paramref name="currency"/> by this rule.</summary>
    internal decimal Apply(decimal amount, Currency currency)
    {
        // A nullable check, not a decimal comparison: this is the hot path of every rounding.
        if (_increment is decimal increment)
        {
            return decimal.Round(amount / increment, 0, Mode) * increment;
        }

        return decimal.Round(amount, RequireMinorUnits(currency), Mode);
    }

    /// <summary>The currency's minor units, or a clear error for currencies that have none (XAU, XDR, XXX...).</summary>
    internal static int RequireMinorUnits(Currency currency)
        => currency.Definition.MinorUnits ?? ThrowNoMinorUnits(currency);

    private static int ThrowNoMinorUnits(Currency currency)
        => throw new InvalidOperationException(
            $"{currency.Code} has no minor unit in ISO 4217; round it with MoneyRounding.ToIncrement(...) instead.");

    private static MidpointRounding CheckMode(MidpointRounding mode)
        => Enum.IsDefined(mode)
            ? mode
            : throw new ArgumentOutOfRangeException(nameof(mode), mode, $"{(int)mode} is not a MidpointRounding value.");
}
