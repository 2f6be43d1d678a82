using System.Globalization;

namespace Invoicing.Core.Payments;

/// <content>Validation of each scheme, the check digit algorithms and the print forms.</content>
public readonly partial struct CreditorReference
{
    private const int IsoMaxBody = 21;
    private const int IsoMaxLength = 4 + IsoMaxBody;
    private const int FinnishMaxLength = 20;
    private const int KidMaxLength = 25;
    private const int SwissLength = 27;
    private const int BelgianLength = 12;
    private const int MaxCompactLength = 64;

    // Modulo 10 recursive (Swiss QR reference, formerly ESR/BVR): carry = Table[(carry + digit) % 10].
    private static ReadOnlySpan<byte> SwissTable => [0, 9, 4, 6, 8, 2, 7, 1, 3, 5];

    private static string SchemeName(CreditorReferenceScheme scheme) => scheme switch
    {
        CreditorReferenceScheme.Iso11649 => "ISO 11649 creditor reference",
        CreditorReferenceScheme.Finnish => "Finnish reference number",
        CreditorReferenceScheme.NorwegianKid => "Norwegian KID",
        CreditorReferenceScheme.BelgianStructured => "Belgian structured communication",
        _ => "Swiss QR reference",
    };

    /// <summary>Validates <paramref name="text"/>; returns null when valid, otherwise what is wrong (without the text).</summary>
    private static string? Validate(string text, CreditorReferenceScheme scheme, out CreditorReference reference)
    {
        reference = default;
        var input = text.AsSpan().Trim();
        if (scheme == CreditorReferenceScheme.BelgianStructured)
        {
            return ValidateBelgian(input, out reference);
        }

        Span<char> buffer = stackalloc char[MaxCompactLength];
        var length = 0;
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == MaxCompactLength)
            {
                return "it is far too long.";
            }

            buffer[length++] = c;
        }

        var compact = buffer[..length];
        if (compact.IsEmpty)
        {
            return "it is empty.";
        }

        return scheme switch
        {
            CreditorReferenceScheme.Iso11649 => ValidateIso(compact, out reference),
            CreditorReferenceScheme.Finnish => ValidateFinnish(compact, out reference),
            CreditorReferenceScheme.NorwegianKid => ValidateKid(compact, out reference),
            _ => ValidateSwiss(compact, out reference),
        };
    }

    private static string? ValidateIso(Span<char> compact, out CreditorReference reference)
    {
        reference = default;
        for (var i = 0; i < compact.Length; i++)
        {
            if (char.IsAsciiLetterLower(compact[i]))
            {
                compact[i] = (char)(compact[i] - 'a' + 'A');
            }
        }

        if (compact.Length < 2 || compact[0] != 'R' || compact[1] != 'F')
        {
            return "it must start with \"RF\".";
        }

        if (compact.Length < 4 || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return "\"RF\" must be followed by two check digits.";
        }

        if (compact.Length is < 5 or > IsoMaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the reference after the check digits must have 1 to {IsoMaxBody} letters or digits, found {compact.Length - 4}.");
        }

        var body = compact[4..];
        foreach (var c in body)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"'{c}' is not a letter or digit.");
            }
        }

        var expected = IsoCheckDigits(body);
        var actual = ((compact[2] - '0') * 10) + (compact[3] - '0');
        if (actual != expected)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the check digits are {compact[2]}{compact[3]} but the reference {body} needs {expected:00} (ISO 7064 MOD 97-10).");
        }

        reference = new CreditorReference(compact.ToString(), CreditorReferenceScheme.Iso11649);
        return null;
    }

    private static string? ValidateFinnish(ReadOnlySpan<char> compact, out CreditorReference reference)
    {
        reference = default;
        if (FirstNonDigit(compact) is { } bad)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{bad}' is not a digit.");
        }

        var significant = compact.TrimStart('0');
        if (significant.Length is < 4 or > FinnishMaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"expected 4 to {FinnishMaxLength} digits without leading zeros (3 to 19 and the check digit), found {significant.Length}.");
        }

        var expected = FinnishCheckDigit(significant[..^1]);
        if (significant[^1] - '0' != expected)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the check digit is {significant[^1]} but {significant[..^1]} needs {expected} (weights 7, 3, 1).");
        }

        reference = new CreditorReference(significant.ToString(), CreditorReferenceScheme.Finnish);
        return null;
    }

    private static string? ValidateKid(ReadOnlySpan<char> compact, out CreditorReference reference)
    {
        reference = default;
        var body = compact[..^1];
        var bad = FirstNonDigit(body) ?? (char.IsAsciiDigit(compact[^1]) || compact[^1] == '-' ? null : compact[^1]);
        if (bad is not null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{bad}' is not a digit (only the modulus 11 check digit may be '-').");
        }

        if (compact.Length is < 2 or > KidMaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected 2 to {KidMaxLength} characters, found {compact.Length}.");
        }

        var mod10 = (char)('0' + KidMod10(body));
        var mod11 = KidMod11(body);
        if (compact[^1] != mod10 && compact[^1] != mod11)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the check digit is {compact[^1]} but {body} needs {mod10} (modulus 10) or {mod11} (modulus 11).");
        }

        reference = new CreditorReference(compact.ToString(), CreditorReferenceScheme.NorwegianKid);
        return null;
    }

    private static string? ValidateSwiss(ReadOnlySpan<char> compact, out CreditorReference reference)
    {
        reference = default;
        if (FirstNonDigit(compact) is { } bad)
        {
            return string.Create(CultureInfo.InvariantCulture, $"'{bad}' is not a digit.");
        }

        if (compact.Length != SwissLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected {SwissLength} digits, found {compact.Length}.");
        }

        var expected = SwissCheckDigit(compact[..^1]);
        if (compact[^1] - '0' != expected)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the check digit is {compact[^1]} but the first 26 digits need {expected} (modulo 10 recursive).");
        }

        reference = new CreditorReference(compact.ToString(), CreditorReferenceScheme.SwissQr);
        return null;
    }

    private static string? ValidateBelgian(ReadOnlySpan<char> input, out CreditorReference reference)
    {
        reference = default;
        if (input.StartsWith("+++", StringComparison.Ordinal) || input.StartsWith("***", StringComparison.Ordinal))
        {
            var delimiter = input[..3];
            if (input.Length < 6 || !input.EndsWith(delimiter, StringComparison.Ordinal))
            {
                return string.Create(CultureInfo.InvariantCulture, $"it opens with {delimiter} but does not close with it.");
            }

            input = input[3..^3];
        }

        Span<char> digits = stackalloc char[BelgianLength];
        var count = 0;
        var slashes = 0;
        var slashesWellPlaced = true;
        foreach (var c in input)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (c == '/')
            {
                slashes++;
                slashesWellPlaced &= (slashes == 1 && count == 3) || (slashes == 2 && count == 7);
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return string.Create(CultureInfo.InvariantCulture, $"'{c}' is not a digit.");
            }

            if (count == BelgianLength)
            {
                return "it has more than 12 digits.";
            }

            digits[count++] = c;
        }

        if (count != BelgianLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"expected 12 digits, found {count}.");
        }

        if (slashes != 0 && (slashes != 2 || !slashesWellPlaced))
        {
            return "the slashes must split the digits 3/4/5, as in 123/4567/89012.";
        }

        return CheckBelgian(digits, out reference);
    }

    private static string? CheckBelgian(ReadOnlySpan<char> digits, out CreditorReference reference)
    {
        reference = default;
        var number = long.Parse(digits[..10], NumberStyles.None, CultureInfo.InvariantCulture);
        var expected = BelgianCheck(number);
        var actual = int.Parse(digits[10..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (actual != expected)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the check digits are {digits[10..]} but {digits[..10]} needs {expected:00} (the number mod 97, 97 for 0).");
        }

        reference = new CreditorReference(digits.ToString(), CreditorReferenceScheme.BelgianStructured);
        return null;
    }

    private static char? FirstNonDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>ISO 7064 MOD 97-10 remainder of digits and letters (A = 10 ... Z = 35), continuing from <paramref name="remainder"/>.</summary>
    private static int Mod97(ReadOnlySpan<char> upperAlphanumeric, int remainder)
    {
        foreach (var c in upperAlphanumeric)
        {
            remainder = char.IsAsciiDigit(c)
                ? ((remainder * 10) + (c - '0')) % 97
                : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder;
    }

    /// <summary>The RF check digits (2 to 98): 98 minus the remainder of the reference followed by "RF00".</summary>
    private static int IsoCheckDigits(ReadOnlySpan<char> upperBody) => 98 - Mod97("RF00", Mod97(upperBody, 0));

    private static int FinnishCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += (digits[i] - '0') * (weight switch { 0 => 7, 1 => 3, _ => 1 });
            weight = (weight + 1) % 3;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Luhn: from the right, every other digit (starting with the rightmost) doubled, digit sums added.</summary>
    private static int KidMod10(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return (10 - (sum % 10)) % 10;
    }

    /// <summary>Weights 2, 3, 4, 5, 6, 7, 2, ... from the right; check = 11 - sum mod 11; 11 gives 0 and 10 gives '-'.</summary>
    private static char KidMod11(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 2;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += (digits[i] - '0') * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }

        return (sum % 11) switch
        {
            0 => '0',
            1 => '-',
            var r => (char)('0' + 11 - r),
        };
    }

    private static int BelgianCheck(long number) => number % 97 is var r && r == 0 ? 97 : (int)r;

    private static int SwissCheckDigit(ReadOnlySpan<char> digits)
    {
        var carry = 0;
        foreach (var c in digits)
        {
            carry = SwissTable[(carry + (c - '0')) % 10];
        }

        return (10 - carry) % 10;
    }

    private static string PrintForm(string value, CreditorReferenceScheme scheme) => scheme switch
    {
        CreditorReferenceScheme.Iso11649 => Group(value, 4, fromRight: false),
        CreditorReferenceScheme.Finnish or CreditorReferenceScheme.SwissQr => Group(value, 5, fromRight: true),
        CreditorReferenceScheme.BelgianStructured => string.Create(CultureInfo.InvariantCulture, $"+++{value.AsSpan(0, 3)}/{value.AsSpan(3, 4)}/{value.AsSpan(7, 5)}+++"),
        _ => value,
    };

    private static string Group(string value, int size, bool fromRight)
    {
        var groups = (value.Length + size - 1) / size;
        return string.Create(value.Length + groups - 1, (value, size, fromRight), static (span, state) =>
        {
            var (text, groupSize, right) = state;
            var offset = right ? (groupSize - (text.Length % groupSize)) % groupSize : 0;
            var j = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (i > 0 && (i + offset) % groupSize == 0)
                {
                    span[j++] = ' ';
                }

                span[j++] = text[i];
            }
        });
    }
}
