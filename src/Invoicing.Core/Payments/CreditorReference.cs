using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Invoicing.Core.Payments;

/// <summary>
/// A structured payment reference whose check digits have been verified: an ISO 11649 RF creditor
/// reference or a national scheme (Finnish reference number, Norwegian KID, Belgian structured
/// communication, Swiss QR reference). Printed on an invoice as the payment reference (BT-83) and read
/// back out of the remittance information of a bank statement.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. <see cref="Value"/> is the electronic form (no spaces or
/// delimiters: "RF18539007547034", "090933755493"); <see cref="ToString()"/> is the print form
/// ("RF18 5390 0754 7034", "+++090/9337/55493+++"), which <see cref="Parse"/> reads back for the
/// same scheme.</para>
/// <para><c>default</c> is the empty "no reference": its <see cref="Value"/> is empty,
/// <see cref="IsEmpty"/> is true and its <see cref="Scheme"/> reads as
/// <see cref="CreditorReferenceScheme.Iso11649"/>, which means nothing for an empty reference.</para>
/// <para>The algorithms, formats and examples are described in docs/creditor-references.md.</para>
/// </remarks>
public readonly partial struct CreditorReference : IEquatable<CreditorReference>, IFormattable
{
    private readonly string? _value;
    private readonly CreditorReferenceScheme _scheme;

    private CreditorReference(string value, CreditorReferenceScheme scheme)
    {
        _value = value;
        _scheme = scheme;
    }

    /// <summary>The electronic form: "RF" and check digits then the reference in upper case for ISO 11649;
    /// the digits for the national schemes (a Norwegian modulus 11 KID may end in '-'; a Finnish number
    /// has no leading zeros; a Belgian communication is its 12 digits); empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The scheme that defines the format and the check digits.</summary>
    public CreditorReferenceScheme Scheme => _scheme;

    /// <summary>True for <c>default</c>, the "no reference".</summary>
    public bool IsEmpty => _value is null;

    /// <summary>Creates an ISO 11649 creditor reference from an invoice number or other reference, computing
    /// the check digits (ISO 7064 MOD 97-10).</summary>
    /// <param name="reference">1 to 21 ASCII letters or digits after spaces and hyphens are removed, for
    /// example "INV-2026-000123" (which gives "INV2026000123"); letters are upper-cased.</param>
    /// <returns>The reference, for example "RF18539007547034" for "539007547034".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reference"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is empty, longer than 21 characters,
    /// or holds a character other than a letter, digit, space or hyphen; the message names the value.</exception>
    public static CreditorReference CreateIso11649(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        Span<char> body = stackalloc char[IsoMaxBody];
        var length = 0;
        foreach (var c in reference)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"'{reference}' cannot be made an ISO 11649 creditor reference: '{c}' is not a letter or digit (only A-Z, a-z, 0-9 are allowed; spaces and hyphens are removed)."),
                    nameof(reference));
            }

            if (length == IsoMaxBody)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"'{reference}' cannot be made an ISO 11649 creditor reference: it has more than {IsoMaxBody} letters and digits."),
                    nameof(reference));
            }

            body[length++] = char.ToUpperInvariant(c);
        }

        if (length == 0)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{reference}' cannot be made an ISO 11649 creditor reference: it has no letters or digits."),
                nameof(reference));
        }

        var check = IsoCheckDigits(body[..length]);
        return new CreditorReference(
            string.Create(CultureInfo.InvariantCulture, $"RF{check:00}{body[..length]}"), CreditorReferenceScheme.Iso11649);
    }

    /// <summary>Creates a Finnish reference number, appending the 7-3-1 check digit.</summary>
    /// <param name="digits">The base number: 3 to 19 digits once leading zeros (which are not significant) are removed.</param>
    /// <returns>The reference number, for example "1232" for "123".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="digits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="digits"/> holds a non-digit or has the wrong length; the message names the value.</exception>
    public static CreditorReference CreateFinnish(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        RequireDigits(digits, nameof(digits), "a Finnish reference number");
        var significant = digits.AsSpan().TrimStart('0');
        if (significant.Length is < 3 or > 19)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{digits}' cannot be made a Finnish reference number: the base needs 3 to 19 digits without leading zeros, found {significant.Length}."),
                nameof(digits));
        }

        return new CreditorReference(
            string.Concat(significant, [(char)('0' + FinnishCheckDigit(significant))]), CreditorReferenceScheme.Finnish);
    }

    /// <summary>Creates a Norwegian KID with a modulus 10 (Luhn) check digit.</summary>
    /// <param name="digits">The KID without its check digit: 1 to 24 digits (leading zeros are kept).</param>
    /// <returns>The KID, for example "12344" for "1234".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="digits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="digits"/> holds a non-digit or has the wrong length; the message names the value.</exception>
    public static CreditorReference CreateNorwegianKidMod10(string digits)
    {
        RequireKidBase(digits);
        return new CreditorReference(digits + (char)('0' + KidMod10(digits)), CreditorReferenceScheme.NorwegianKid);
    }

    /// <summary>Creates a Norwegian KID with a modulus 11 check digit, which is '-' when the check value is 10.</summary>
    /// <param name="digits">The KID without its check digit: 1 to 24 digits (leading zeros are kept).</param>
    /// <returns>The KID, for example "12343" for "1234".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="digits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="digits"/> holds a non-digit or has the wrong length; the message names the value.</exception>
    public static CreditorReference CreateNorwegianKidMod11(string digits)
    {
        RequireKidBase(digits);
        return new CreditorReference(digits + KidMod11(digits), CreditorReferenceScheme.NorwegianKid);
    }

    /// <summary>Creates a Belgian structured communication, appending the check digits (the number mod 97, or 97 when that is 0).</summary>
    /// <param name="number">The 10-digit number, 0 to 9,999,999,999 (left-padded with zeros).</param>
    /// <returns>The communication, for example "+++090/9337/55493+++" for 909337554.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is negative or has more than 10 digits.</exception>
    public static CreditorReference CreateBelgian(long number)
    {
        if (number is < 0 or > 9_999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(number), number,
                string.Create(CultureInfo.InvariantCulture, $"{number} cannot be made a Belgian structured communication: the number must be 0 to 9999999999."));
        }

        return new CreditorReference(
            string.Create(CultureInfo.InvariantCulture, $"{number:0000000000}{BelgianCheck(number):00}"), CreditorReferenceScheme.BelgianStructured);
    }

    /// <summary>Creates a Belgian structured communication from its 10 digits, appending the check digits.</summary>
    /// <param name="digits">Exactly 10 digits.</param>
    /// <returns>The communication.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="digits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="digits"/> is not exactly 10 digits; the message names the value.</exception>
    public static CreditorReference CreateBelgian(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        RequireDigits(digits, nameof(digits), "a Belgian structured communication");
        if (digits.Length != 10)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{digits}' cannot be made a Belgian structured communication: expected 10 digits, found {digits.Length}."),
                nameof(digits));
        }

        return CreateBelgian(long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
    }

    /// <summary>Creates a Swiss QR reference: the digits left-padded with zeros to 26, then the modulo 10 recursive check digit.</summary>
    /// <param name="digits">1 to 26 digits.</param>
    /// <returns>The 27-digit reference, for example "210000000003139471430009017" for "21000000000313947143000901".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="digits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="digits"/> holds a non-digit or has the wrong length; the message names the value.</exception>
    public static CreditorReference CreateSwissQr(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        RequireDigits(digits, nameof(digits), "a Swiss QR reference");
        if (digits.Length is < 1 or > 26)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{digits}' cannot be made a Swiss QR reference: expected 1 to 26 digits, found {digits.Length}."),
                nameof(digits));
        }

        var padded = digits.PadLeft(26, '0');
        return new CreditorReference(padded + (char)('0' + SwissCheckDigit(padded)), CreditorReferenceScheme.SwissQr);
    }

    /// <summary>Parses a reference of a known scheme in its electronic or print form and verifies its check digits.</summary>
    /// <param name="text">The reference; white space is ignored anywhere, letters of an RF reference may be lower case,
    /// and a Belgian communication may have +++ or *** delimiters and the slashes of its print form.</param>
    /// <param name="scheme">The scheme the reference must follow.</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined scheme.</exception>
    /// <exception cref="FormatException">The text is not a valid reference of the scheme; the message names the text and
    /// what is wrong, such as the wrong check digits and the expected ones.</exception>
    public static CreditorReference Parse(string text, CreditorReferenceScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Enum.IsDefined(scheme))
        {
            throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown creditor reference scheme.");
        }

        var problem = Validate(text, scheme, out var reference);
        return problem is null
            ? reference
            : throw new FormatException(
                string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a valid {SchemeName(scheme)}: {problem}"));
    }

    /// <summary>Parses a reference of a known scheme without throwing.</summary>
    /// <param name="text">The reference in its electronic or print form, or null.</param>
    /// <param name="scheme">The scheme the reference must follow.</param>
    /// <param name="reference">The reference when valid; otherwise <c>default</c>.</param>
    /// <returns>True when <paramref name="text"/> is a valid reference of <paramref name="scheme"/>;
    /// false for null, an undefined scheme, a malformed text or wrong check digits.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, CreditorReferenceScheme scheme, out CreditorReference reference)
    {
        reference = default;
        return text is not null && Enum.IsDefined(scheme) && Validate(text, scheme, out reference) is null;
    }

    /// <summary>
    /// Recognises a reference whose scheme is not known, trying only the schemes that can be told apart by their form:
    /// first ISO 11649 (the text starts with "RF", in any case), then a Belgian structured communication (the text
    /// starts with +++ or *** or contains a '/'), then a Swiss QR reference (exactly 27 digits).
    /// </summary>
    /// <remarks>
    /// The first form that matches decides: a text starting with "RF" is only ever tried as ISO 11649, so an RF
    /// reference with wrong check digits is rejected rather than read as something else. Finnish reference numbers,
    /// Norwegian KIDs and Belgian communications written as 12 bare digits are never recognised, because any run of
    /// digits passes a single check digit one time in ten or eleven: parse those with <see cref="TryParse"/> and
    /// the scheme the payee uses.
    /// </remarks>
    /// <param name="text">The reference, or null.</param>
    /// <param name="reference">The reference when recognised; otherwise <c>default</c>.</param>
    /// <returns>True when the text is a valid reference of one of the three schemes.</returns>
    public static bool TryParseAny([NotNullWhen(true)] string? text, out CreditorReference reference)
    {
        reference = default;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length >= 2 && trimmed[0] is 'R' or 'r' && trimmed[1] is 'F' or 'f')
        {
            return Validate(text, CreditorReferenceScheme.Iso11649, out reference) is null;
        }

        if (trimmed.StartsWith("+++", StringComparison.Ordinal) || trimmed.StartsWith("***", StringComparison.Ordinal) || trimmed.Contains('/'))
        {
            return Validate(text, CreditorReferenceScheme.BelgianStructured, out reference) is null;
        }

        return Validate(text, CreditorReferenceScheme.SwissQr, out reference) is null;
    }

    /// <summary>Returns whether both references have the same scheme and electronic form.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(CreditorReference left, CreditorReference right) => left.Equals(right);

    /// <summary>Returns whether the references differ in scheme or electronic form.</summary>
    /// <param name="left">The first reference.</param>
    /// <param name="right">The second reference.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(CreditorReference left, CreditorReference right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> has the same scheme and electronic form.</summary>
    /// <param name="other">The reference to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(CreditorReference other)
        => _scheme == other._scheme && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CreditorReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_scheme, _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value));

    /// <summary>Returns the print form: RF references in groups of 4 ("RF18 5390 0754 7034"), Finnish numbers and Swiss QR
    /// references in groups of 5 from the right ("12 34561", "21 00000 00003 13947 14300 09017"), Belgian communications
    /// as "+++090/9337/55493+++", a KID as its digits; empty for <c>default</c>.</summary>
    /// <returns>The print form, which <see cref="Parse"/> reads back for the same scheme.</returns>
    public override string ToString() => _value is null ? string.Empty : PrintForm(_value, _scheme);

    /// <summary>Formats the reference.</summary>
    /// <param name="format">"P" or null for the print form (<see cref="ToString()"/>), "E" for the electronic form (<see cref="Value"/>).</param>
    /// <param name="formatProvider">Ignored: both forms are culture-invariant.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not null, empty, "P" or "E".</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "P" => ToString(),
        "E" => Value,
        _ => throw new FormatException(
            string.Create(CultureInfo.InvariantCulture, $"'{format}' is not a creditor reference format: use \"P\" (print) or \"E\" (electronic).")),
    };

    private static void RequireDigits(string digits, string name, string what)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"'{digits}' cannot be made {what}: '{c}' is not a digit."), name);
            }
        }
    }

    private static void RequireKidBase(string digits, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(digits))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(digits, name);
        RequireDigits(digits, name!, "a Norwegian KID");
        if (digits.Length is < 1 or > KidMaxLength - 1)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{digits}' cannot be made a Norwegian KID: expected 1 to {KidMaxLength - 1} digits before the check digit, found {digits.Length}."),
                name);
        }
    }
}
