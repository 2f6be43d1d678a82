using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Invoicing.Core.Monetary;

public readonly partial struct Money : ISpanFormattable, ISpanParsable<Money>
{
    private const NumberStyles AmountStyles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static readonly string[] FixedFormats = CreateFixedFormats();

    private enum ParseFailure
    {
        None,
        Malformed,
        UnknownCurrency,
        BadNumber,
        TooManyDecimals,
    }

    /// <summary>
    /// Returns the invariant, round-trippable form: the code, a space and the amount with a point,
    /// at least the currency's minor units and every further significant digit ("EUR 1234.50",
    /// "JPY 1200", "EUR 0.0125", "EUR -3.00").
    /// </summary>
    /// <returns>The text; <see cref="Parse(string)"/> reads it back (with <see cref="MoneyStyles.AllowSubMinorUnits"/> when it has more decimals than the currency).</returns>
    public override string ToString() => ToString(null, null);

    /// <summary>
    /// Formats the amount. Formats: "G" (or null/empty) the invariant form of <see cref="ToString()"/>,
    /// whatever the provider; "C" the culture's currency format with a symbol (1.234,50 € in de-DE,
    /// US$1,234.50 for dollars in en-GB); "I" the culture's currency format with the ISO code
    /// (1.234,50 EUR, EUR 1,234.50); "N" the culture's number format without currency. "C", "I" and
    /// "N" take an optional number of decimals ("C0", "N4"), which rounds for display only; without it
    /// they show the currency's minor units and every further significant digit.
    /// </summary>
    /// <param name="format">"G", "C", "I" or "N", optionally followed by a number of decimals (0 to 28).</param>
    /// <param name="formatProvider">The culture for "C", "I" and "N"; null means the current culture. Ignored by "G".</param>
    /// <returns>The formatted text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the formats above.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var (kind, precision) = ParseFormat(format);
        if (kind != 'G')
        {
            return FormatCulture(kind, precision, formatProvider);
        }

        // The longest invariant form: a 12-character custom code, a space and the longest amount.
        Span<char> buffer = stackalloc char[16 + MaxAmountLength];
        TryFormatInvariant(buffer, out var written);
        return new string(buffer[..written]);
    }

    /// <summary>Writes the formatted amount into <paramref name="destination"/>; see <see cref="ToString(string?, IFormatProvider?)"/> for the formats.</summary>
    /// <param name="destination">The buffer to write to.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">"G", "C", "I" or "N", optionally followed by a number of decimals.</param>
    /// <param name="provider">The culture for "C", "I" and "N"; null means the current culture.</param>
    /// <returns>False when the buffer is too small.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not one of the documented formats.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var (kind, precision) = ParseFormat(format);
        if (kind == 'G')
        {
            return TryFormatInvariant(destination, out charsWritten);
        }

        var text = FormatCulture(kind, precision, provider);
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>
    /// Parses money in the invariant form: an ISO 4217 code and an amount with a point, in either
    /// order ("EUR 12.34", "12.34 EUR", "EUR-0.5"). The amount must fit the currency's minor units.
    /// </summary>
    /// <param name="s">The text.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is malformed, the code unknown, or the amount has more decimals than the currency (the message says which).</exception>
    public static Money Parse(string s) => Parse(s, null);

    /// <summary>
    /// Parses money: an ISO 4217 code and an amount, in either order, the amount written with the
    /// provider's decimal separator and sign and no group separators. The amount must fit the currency's minor units.
    /// </summary>
    /// <param name="s">The text, for example "EUR 12.34" (or "12,34 EUR" with a German provider).</param>
    /// <param name="provider">The culture of the number; null means the invariant culture.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is malformed, the code unknown, or the amount has more decimals than the currency.</exception>
    public static Money Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), MoneyStyles.None, provider, null);
    }

    /// <summary>Parses money; see <see cref="Parse(string, IFormatProvider?)"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture of the number; null means the invariant culture.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="FormatException">The text is malformed, the code unknown, or the amount has more decimals than the currency.</exception>
    public static Money Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s, MoneyStyles.None, provider, null);

    /// <summary>Parses money with explicit styles and currency catalog.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">Whether amounts may have more decimals than the currency (unit prices).</param>
    /// <param name="provider">The culture of the number; null means the invariant culture.</param>
    /// <param name="catalog">The currencies to accept; null means ISO 4217 only.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="FormatException">The text is malformed, the code unknown, or the amount has more decimals than the currency and the styles allow.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> has undefined flags.</exception>
    public static Money Parse(ReadOnlySpan<char> s, MoneyStyles styles, IFormatProvider? provider, CurrencyCatalog? catalog)
    {
        CheckStyles(styles);
        var failure = TryParseCore(s, styles, provider, catalog ?? CurrencyCatalog.Iso4217, out var result, out var code, out var currency);
        return failure switch
        {
            ParseFailure.None => result,
            ParseFailure.UnknownCurrency => throw new FormatException(
                $"'{code}' in '{s}' is not an ISO 4217 currency code (nor a custom currency of the catalog)."),
            ParseFailure.BadNumber => throw new FormatException(
                $"The amount in '{s}' is not a number in the expected culture, or has more digits than a decimal holds exactly (no group separators or exponents)."),
            ParseFailure.TooManyDecimals => throw new FormatException(
                $"'{s}' has more decimals than {currency.Code} allows ({currency.MinorUnits} minor units); round the amount, or parse with MoneyStyles.AllowSubMinorUnits for unit prices."),
            _ => throw new FormatException(
                $"'{s}' is not money: expected a currency code and an amount, such as 'EUR 12.34' or '12.34 EUR'."),
        };
    }

    /// <summary>Parses money in the invariant form without throwing; see <see cref="Parse(string)"/>.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="result">The value when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out Money result) => TryParse(s, null, out result);

    /// <summary>Parses money without throwing; see <see cref="Parse(string, IFormatProvider?)"/>.</summary>
    /// <param name="s">The text, or null.</param>
    /// <param name="provider">The culture of the number; null means the invariant culture.</param>
    /// <param name="result">The value when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Money result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParse(s.AsSpan(), MoneyStyles.None, provider, null, out result);
    }

    /// <summary>Parses money without throwing; see <see cref="Parse(string, IFormatProvider?)"/>.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">The culture of the number; null means the invariant culture.</param>
    /// <param name="result">The value when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Money result)
        => TryParse(s, MoneyStyles.None, provider, null, out result);

    /// <summary>Parses money with explicit styles and currency catalog, without throwing for bad text.</summary>
    /// <param name="s">The text.</param>
    /// <param name="styles">Whether amounts may have more decimals than the currency.</param>
    /// <param name="provider">The culture of the number; null means the invariant culture.</param>
    /// <param name="catalog">The currencies to accept; null means ISO 4217 only.</param>
    /// <param name="result">The value when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when parsed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="styles"/> has undefined flags (a programming error, not bad text).</exception>
    public static bool TryParse(ReadOnlySpan<char> s, MoneyStyles styles, IFormatProvider? provider, CurrencyCatalog? catalog, out Money result)
    {
        CheckStyles(styles);
        return TryParseCore(s, styles, provider, catalog ?? CurrencyCatalog.Iso4217, out result, out _, out _) == ParseFailure.None;
    }

    private static void CheckStyles(MoneyStyles styles)
    {
        if ((styles & ~MoneyStyles.AllowSubMinorUnits) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(styles), styles, "Undefined MoneyStyles flags.");
        }
    }

    private static ParseFailure TryParseCore(
        ReadOnlySpan<char> s, MoneyStyles styles, IFormatProvider? provider, CurrencyCatalog catalog,
        out Money result, out ReadOnlySpan<char> code, out Currency currency)
    {
        result = default;
        currency = default;
        if (!TrySplit(s.Trim(), out code, out var number))
        {
            return ParseFailure.Malformed;
        }

        if (!catalog.TryGet(code, out currency))
        {
            return ParseFailure.UnknownCurrency;
        }

        var format = NumberFormatInfo.GetInstance(provider ?? CultureInfo.InvariantCulture);
        if (!DecimalParts.TryParseExact(number, AmountStyles, format, out var amount))
        {
            return ParseFailure.BadNumber;
        }

        if ((styles & MoneyStyles.AllowSubMinorUnits) == 0
            && currency.MinorUnits is int digits
            && decimal.Round(amount, digits) != amount)
        {
            return ParseFailure.TooManyDecimals;
        }

        result = new Money(amount, currency);
        return ParseFailure.None;
    }

    /// <summary>
    /// Splits "CODE amount" or "amount CODE" into its two parts. With white space between them,
    /// the part that starts with a letter is the code (so custom codes may contain digits: "100
    /// PTS2"); without, the code is the run of letters before or after the number ("EUR12.34").
    /// </summary>
    private static bool TrySplit(ReadOnlySpan<char> text, out ReadOnlySpan<char> code, out ReadOnlySpan<char> number)
    {
        code = number = default;
        if (text.IsEmpty)
        {
            return false;
        }

        var space = text.IndexOfAny(MoneyTextChars.WhiteSpace);
        if (space > 0)
        {
            var first = text[..space];
            var second = text[space..].TrimStart();
            if (second.IsEmpty || second.ContainsAny(MoneyTextChars.WhiteSpace))
            {
                return false;
            }

            var codeFirst = char.IsAsciiLetter(first[0]);
            code = codeFirst ? first : second;
            number = codeFirst ? second : first;
            return char.IsAsciiLetter(code[0]);
        }

        if (char.IsAsciiLetter(text[0]))
        {
            var end = text.IndexOfAnyExcept(MoneyTextChars.Letters);
            if (end <= 0)
            {
                return false;
            }

            code = text[..end];
            number = text[end..];
            return true;
        }

        var start = text.LastIndexOfAnyExcept(MoneyTextChars.Letters) + 1;
        if (start >= text.Length || !char.IsAsciiDigit(text[start - 1]))
        {
            // No trailing code, or one glued to something other than a digit ("12.34-EUR").
            return false;
        }

        code = text[start..];
        number = text[..start];
        return true;
    }

    private static (char Kind, int? Precision) ParseFormat(ReadOnlySpan<char> format)
    {
        if (format.IsEmpty)
        {
            return ('G', null);
        }

        var kind = char.ToUpperInvariant(format[0]);
        if (kind is not ('G' or 'C' or 'I' or 'N'))
        {
            throw new FormatException($"'{format}' is not a Money format; use G, C, I or N (with an optional number of decimals).");
        }

        if (format.Length == 1)
        {
            return (kind, null);
        }

        if (kind == 'G' || !int.TryParse(format[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var precision) || precision > 28)
        {
            throw new FormatException($"'{format}' is not a Money format; the number of decimals must be 0 to 28 and G takes none.");
        }

        return (kind, precision);
    }

    private int DisplayDigits() => Math.Max(DecimalParts.SignificantScale(_amount), _currency.MinorUnits ?? 0);

    /// <summary>Longest canonical amount: 29 integer digits, a sign, a point and 28 decimals.</summary>
    internal const int MaxAmountLength = 64;

    /// <summary>Writes the canonical invariant amount ("1234.50"), without the code.</summary>
    internal bool TryFormatAmountInvariant(Span<char> destination, out int charsWritten)
        => _amount.TryFormat(destination, out charsWritten, FixedFormats[DisplayDigits()], CultureInfo.InvariantCulture);

    private bool TryFormatInvariant(Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        var code = _currency.Code;
        if (destination.Length < code.Length + 2)
        {
            return false;
        }

        code.CopyTo(destination);
        destination[code.Length] = ' ';
        var start = code.Length + 1;
        if (!TryFormatAmountInvariant(destination[start..], out var amountLength))
        {
            return false;
        }

        charsWritten = start + amountLength;
        return true;
    }

    private string FormatCulture(char kind, int? precision, IFormatProvider? provider)
    {
        provider ??= CultureInfo.CurrentCulture;
        var source = NumberFormatInfo.GetInstance(provider);
        var digits = precision ?? DisplayDigits();
        if (kind == 'N')
        {
            return _amount.ToString(FixedFormats[digits].Replace('F', 'N'), source);
        }

        var format = (NumberFormatInfo)source.Clone();
        format.CurrencyDecimalDigits = digits;
        var symbol = kind == 'C' ? CurrencySymbols.For(_currency, provider as CultureInfo, source) : _currency.Code;
        format.CurrencySymbol = symbol;
        if (char.IsLetter(symbol[^1]))
        {
            // The symbol ends in a letter ("EUR", "FCFA"): it must not touch a number or sign that follows.
            format.CurrencyPositivePattern = format.CurrencyPositivePattern == 0 ? 2 : format.CurrencyPositivePattern;
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 0 => 14, 1 => 9, 2 => 12, 3 => 11, var p => p };
        }

        if (char.IsLetter(symbol[0]))
        {
            // The symbol starts with a letter: it must not touch a number or sign that precedes it.
            format.CurrencyPositivePattern = format.CurrencyPositivePattern == 1 ? 3 : format.CurrencyPositivePattern;
            format.CurrencyNegativePattern = format.CurrencyNegativePattern switch { 4 => 15, 5 => 8, 6 => 13, 7 => 10, var p => p };
        }

        return _amount.ToString("C", format);
    }

    private static string[] CreateFixedFormats()
    {
        var formats = new string[29];
        for (var i = 0; i < formats.Length; i++)
        {
            formats[i] = "F" + i.ToString(CultureInfo.InvariantCulture);
        }

        return formats;
    }
}
