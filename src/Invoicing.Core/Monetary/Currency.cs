using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// A currency: an ISO 4217 currency (alphabetic code, numeric code, minor units, English name) or
/// a custom unit such as loyalty points created with <see cref="CreateCustom"/>.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. ISO lookups are case-insensitive. There is no global registry:
/// custom currencies live in the values (and the <see cref="CurrencyCatalog"/>s) that hold them.</para>
/// <para><c>default(Currency)</c> is ISO 4217 "XXX", the code for "no currency"; it equals
/// <see cref="Xxx"/> and never equals a real currency, so a forgotten currency fails loudly at the
/// first arithmetic with a real amount.</para>
/// <para>JSON: a string holding the code, for example <c>"EUR"</c> (see <see cref="CurrencyJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(CurrencyJsonConverter))]
public readonly struct Currency : IEquatable<Currency>, IComparable<Currency>, IComparable, ISpanFormattable, ISpanParsable<Currency>
{
    /// <summary>Most decimal digits a custom unit may have: 18 leaves room for 10 integer digits in a decimal.</summary>
    private const int MaxCustomMinorUnits = 18;

    private readonly CurrencyDefinition? _definition;

    internal Currency(CurrencyDefinition definition) => _definition = definition;

    /// <summary>Euro (EUR, 978, 2 minor units).</summary>
    public static Currency Eur => new(Iso4217.Eur);

    /// <summary>US Dollar (USD, 840, 2 minor units).</summary>
    public static Currency Usd => new(Iso4217.Usd);

    /// <summary>Pound Sterling (GBP, 826, 2 minor units).</summary>
    public static Currency Gbp => new(Iso4217.Gbp);

    /// <summary>Swiss Franc (CHF, 756, 2 minor units; cash is rounded to 0.05).</summary>
    public static Currency Chf => new(Iso4217.Chf);

    /// <summary>Yen (JPY, 392, no minor unit).</summary>
    public static Currency Jpy => new(Iso4217.Jpy);

    /// <summary>Swedish Krona (SEK, 752, 2 minor units; cash is rounded to 1).</summary>
    public static Currency Sek => new(Iso4217.Sek);

    /// <summary>Norwegian Krone (NOK, 578, 2 minor units).</summary>
    public static Currency Nok => new(Iso4217.Nok);

    /// <summary>Danish Krone (DKK, 208, 2 minor units).</summary>
    public static Currency Dkk => new(Iso4217.Dkk);

    /// <summary>Zloty (PLN, 985, 2 minor units).</summary>
    public static Currency Pln => new(Iso4217.Pln);

    /// <summary>Czech Koruna (CZK, 203, 2 minor units).</summary>
    public static Currency Czk => new(Iso4217.Czk);

    /// <summary>Forint (HUF, 348, 2 minor units).</summary>
    public static Currency Huf => new(Iso4217.Huf);

    /// <summary>Romanian Leu (RON, 946, 2 minor units).</summary>
    public static Currency Ron => new(Iso4217.Ron);

    /// <summary>Canadian Dollar (CAD, 124, 2 minor units).</summary>
    public static Currency Cad => new(Iso4217.Cad);

    /// <summary>Australian Dollar (AUD, 036, 2 minor units).</summary>
    public static Currency Aud => new(Iso4217.Aud);

    /// <summary>New Zealand Dollar (NZD, 554, 2 minor units).</summary>
    public static Currency Nzd => new(Iso4217.Nzd);

    /// <summary>Yuan Renminbi (CNY, 156, 2 minor units).</summary>
    public static Currency Cny => new(Iso4217.Cny);

    /// <summary>Indian Rupee (INR, 356, 2 minor units).</summary>
    public static Currency Inr => new(Iso4217.Inr);

    /// <summary>Bahraini Dinar (BHD, 048, 3 minor units).</summary>
    public static Currency Bhd => new(Iso4217.Bhd);

    /// <summary>Kuwaiti Dinar (KWD, 414, 3 minor units).</summary>
    public static Currency Kwd => new(Iso4217.Kwd);

    /// <summary>Unidad de Fomento (CLF, 990, 4 minor units), the Chilean unit of account.</summary>
    public static Currency Clf => new(Iso4217.Clf);

    /// <summary>"No currency" (XXX, 999, no minor unit); also the value of <c>default(Currency)</c>.</summary>
    public static Currency Xxx => new(Iso4217.Xxx);

    /// <summary>Every active ISO 4217 currency, ordered by alphabetic code.</summary>
    public static IReadOnlyList<Currency> All => CurrencyCatalog.Iso4217.Currencies;

    /// <summary>The alphabetic code: "EUR" for ISO currencies, the code given to <see cref="CreateCustom"/> otherwise.</summary>
    public string Code => Definition.Code;

    /// <summary>The ISO 4217 numeric code (978 for EUR); 0 for a custom currency.</summary>
    public int NumericCode => Definition.NumericCode;

    /// <summary>
    /// The number of decimal digits of the minor unit (2 for EUR, 0 for JPY, 3 for BHD, 4 for CLF),
    /// or null where ISO 4217 defines none ("N.A.": precious metals, XDR, XTS, XXX, bond market units).
    /// </summary>
    public int? MinorUnits => Definition.MinorUnits;

    /// <summary>The English name ("Euro", "Yen", "Pound Sterling").</summary>
    public string Name => Definition.Name;

    /// <summary>True for a unit created with <see cref="CreateCustom"/>, false for an ISO 4217 currency.</summary>
    public bool IsCustom => Definition.IsCustom;

    internal CurrencyDefinition Definition => _definition ?? CurrencyDefinition.NoCurrency;

    /// <summary>Returns the ISO 4217 currency with the given alphabetic code, in any letter case.</summary>
    /// <param name="code">An alphabetic code such as "EUR" or "eur".</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCurrencyException"><paramref name="code"/> is not an active ISO 4217 code.</exception>
    public static Currency FromCode(string code) => CurrencyCatalog.Iso4217.Get(code);

    /// <summary>Looks up an ISO 4217 currency by alphabetic code, in any letter case, without throwing.</summary>
    /// <param name="code">An alphabetic code such as "EUR", or null.</param>
    /// <param name="currency">The currency when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is an active ISO 4217 code.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
        => CurrencyCatalog.Iso4217.TryGet(code, out currency);

    /// <summary>Looks up an ISO 4217 currency by alphabetic code, in any letter case, without throwing.</summary>
    /// <param name="code">An alphabetic code such as "EUR".</param>
    /// <param name="currency">The currency when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is an active ISO 4217 code.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out Currency currency)
        => CurrencyCatalog.Iso4217.TryGet(code, out currency);

    /// <summary>Returns the ISO 4217 currency with the given numeric code (978 for EUR).</summary>
    /// <param name="numericCode">The numeric code, 1 to 999.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="UnknownCurrencyException">No active ISO 4217 currency has that numeric code.</exception>
    public static Currency FromNumericCode(int numericCode)
        => TryFromNumericCode(numericCode, out var currency)
            ? currency
            : throw new UnknownCurrencyException(numericCode.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Looks up an ISO 4217 currency by numeric code without throwing.</summary>
    /// <param name="numericCode">The numeric code, 1 to 999.</param>
    /// <param name="currency">The currency when found; <c>default</c> otherwise.</param>
    /// <returns>True when an active ISO 4217 currency has that numeric code.</returns>
    public static bool TryFromNumericCode(int numericCode, out Currency currency)
        => CurrencyCatalog.Iso4217.TryGetByNumericCode(numericCode, out currency);

    /// <summary>
    /// Creates a custom unit of account, such as loyalty points or a test currency. It is not
    /// registered anywhere: it equals another custom currency with the same code and minor units,
    /// and a <see cref="CurrencyCatalog"/> makes it known to parsers and JSON.
    /// </summary>
    /// <param name="code">3 to 12 ASCII letters or digits, starting with a letter; stored in upper case. It must not be an active ISO 4217 code.</param>
    /// <param name="minorUnits">Decimal digits of the smallest unit, 0 to 18 (18 is the wei of ether; a decimal keeps 28 digits in all).</param>
    /// <param name="name">A human-readable name, not empty.</param>
    /// <returns>The custom currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is malformed or is an ISO 4217 code, or <paramref name="name"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minorUnits"/> is outside 0 to 18.</exception>
    public static Currency CreateCustom(string code, int minorUnits, string name)
    {
        Preconditions.CheckNotNull(code);
        Preconditions.CheckNotNull(name);
        if (!IsValidCustomCode(code))
        {
            throw new ArgumentException(
                $"Custom currency code '{code}' is invalid: use 3 to 12 ASCII letters or digits, starting with a letter.",
                nameof(code));
        }

        if (TryFromCode(code, out var iso))
        {
            throw new ArgumentException(
                $"Custom currency code '{code}' is the ISO 4217 code of {iso.Name}; use Currency.FromCode(\"{iso.Code}\") instead.",
                nameof(code));
        }

        if (minorUnits is < 0 or > MaxCustomMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(minorUnits), minorUnits,
                $"Minor units of custom currency '{code}' must be between 0 and {MaxCustomMinorUnits}.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The name of custom currency '{code}' must not be blank.", nameof(name));
        }

        return new Currency(new CurrencyDefinition(code.ToUpperInvariant(), 0, minorUnits, name.Trim(), isCustom: true));
    }

    /// <summary>Parses an ISO 4217 alphabetic code, in any letter case, surrounding white space allowed.</summary>
    /// <param name="s">The code, for example "EUR".</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not an active ISO 4217 code.</exception>
    public static Currency Parse(string s) => Parse(s, null);

    /// <summary>Parses an ISO 4217 alphabetic code, in any letter case, surrounding white space allowed.</summary>
    /// <param name="s">The code, for example "EUR".</param>
    /// <param name="provider">Ignored: currency codes do not depend on culture.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not an active ISO 4217 code.</exception>
    public static Currency Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses an ISO 4217 alphabetic code, in any letter case, surrounding white space allowed.</summary>
    /// <param name="s">The code, for example "EUR".</param>
    /// <param name="provider">Ignored: currency codes do not depend on culture.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not an active ISO 4217 code.</exception>
    public static Currency Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var currency)
            ? currency
            : throw new FormatException($"'{s}' is not an ISO 4217 currency code.");

    /// <summary>Parses an ISO 4217 alphabetic code without throwing.</summary>
    /// <param name="s">The code, or null.</param>
    /// <param name="provider">Ignored: currency codes do not depend on culture.</param>
    /// <param name="result">The currency when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/> is an active ISO 4217 code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Currency result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses an ISO 4217 alphabetic code without throwing.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: currency codes do not depend on culture.</param>
    /// <param name="result">The currency when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/> is an active ISO 4217 code.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Currency result)
        => TryFromCode(s.Trim(), out result);

    /// <summary>Returns whether both values denote the same currency.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Returns whether the values denote different currencies.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Currency left, Currency right) => left.CompareTo(right) < 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(Currency left, Currency right) => left.CompareTo(right) <= 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Currency left, Currency right) => left.CompareTo(right) > 0;

    /// <summary>Orders currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(Currency left, Currency right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// Returns whether <paramref name="other"/> is the same currency: the same ISO 4217 currency, or
    /// custom currencies with the same code and minor units.
    /// </summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Currency other) => Definition.SameAs(other.Definition);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Definition.CodeHash;

    /// <summary>Orders by code (ordinal), then ISO before custom, then by minor units.</summary>
    /// <param name="other">The currency to compare with.</param>
    /// <returns>Negative, zero or positive as this currency sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(Currency other)
    {
        var byCode = string.CompareOrdinal(Code, other.Code);
        if (byCode != 0)
        {
            return byCode;
        }

        var byKind = IsCustom.CompareTo(other.IsCustom);
        return byKind != 0 ? byKind : Nullable.Compare(MinorUnits, other.MinorUnits);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="Currency"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Currency other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a Currency with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Returns the alphabetic code, for example "EUR".</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Returns the alphabetic code; format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Code;

    /// <summary>Writes the alphabetic code into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer to write to.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when the buffer is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var code = Code;
        if (code.TryCopyTo(destination))
        {
            charsWritten = code.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    private static bool IsValidCustomCode(string code)
    {
        if (code.Length is < 3 or > 12 || !char.IsAsciiLetter(code[0]))
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
