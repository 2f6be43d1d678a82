using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Tax;

/// <summary>
/// Checks the national format and, where the algorithm is public, the check digits of the VAT
/// identifiers of the 27 EU member states (BT-31, BT-48, BT-63).
/// </summary>
/// <remarks>
/// <para>Stateless and thread-safe; a valid identifier is checked without allocating. A valid result
/// means the identifier is well formed, not that it is registered: only VIES can tell that.</para>
/// <para>What is checked, after the two-letter prefix:</para>
/// <list type="bullet">
/// <item><description>AT: "U" and 8 digits; check digit (Luhn-like sum with 4 added).</description></item>
/// <item><description>BE: 10 digits starting with 0 or 1; the last two are 97 minus the first eight mod 97.</description></item>
/// <item><description>BG: 9 digits (legal entities, weighted mod 11 with the second pass) or 10 digits (accepted when they pass the check of a personal number EGN, of a foreigner's number LNCh, or of other taxpayers; the birth date inside an EGN is not checked).</description></item>
/// <item><description>CY: 8 digits and a check letter (mod 26 with the odd-position table).</description></item>
/// <item><description>CZ: 8 digits (legal entities, not starting with 9: weighted mod 11); 9 digits starting with 6 (special check digit); 10 digits (birth number: divisible by 11, or the first nine leave 10 and the last is 0); other 9-digit numbers (birth numbers before 1954) have no check digit and only their format is checked.</description></item>
/// <item><description>DE: 9 digits, not starting with 0; ISO 7064 MOD 11,10.</description></item>
/// <item><description>DK: 8 digits, not starting with 0; weighted sum divisible by 11.</description></item>
/// <item><description>EE: 9 digits starting with 10; weights 3, 7, 1, mod 10.</description></item>
/// <item><description>EL (Greece; GR is rejected with a hint): 9 digits; powers-of-two weights, mod 11, mod 10.</description></item>
/// <item><description>ES: 9 characters: a DNI-based NIF (8 digits and a letter), an NIE (X, Y or Z, 7 digits and a letter), a K, L or M NIF (the letter computed on the 7 digits), or a CIF (an entity letter, 7 digits and a check digit or letter; A, B, E and H must end in a digit, N, P, Q, R, S and W in a letter, the others either).</description></item>
/// <item><description>FI: 8 digits; weighted mod 11.</description></item>
/// <item><description>FR: a 2-character key and the 9-digit SIREN; a numeric key must equal (12 + 3 × (SIREN mod 97)) mod 97. Keys with letters (issued to some new businesses) are only checked for their alphabet (no I or O), and the SIREN's own Luhn digit is not checked, as some valid numbers (La Poste, Monaco) do not follow it.</description></item>
/// <item><description>HR: 11 digits (OIB); ISO 7064 MOD 11,10.</description></item>
/// <item><description>HU: 8 digits; weights 9, 7, 3, 1, mod 10.</description></item>
/// <item><description>IE: 7 digits and a check letter, optionally followed by A-I or W (the 2013 format, weighted into the check), or the old format (digit, letter or + or *, 5 digits, check letter).</description></item>
/// <item><description>IT: 11 digits; the first seven not all zero; Luhn check digit.</description></item>
/// <item><description>LT: 9 digits with 1 as the eighth, or 12 digits with 1 as the eleventh; mod 11 with the second pass.</description></item>
/// <item><description>LU: 8 digits; the first six mod 89 are the last two.</description></item>
/// <item><description>LV: 11 digits; legal entities (first digit above 3) weighted mod 11 leaving 3; for natural persons only the format is checked.</description></item>
/// <item><description>MT: 8 digits, not starting with 0; the last two are 37 minus the weighted sum mod 37.</description></item>
/// <item><description>NL: 9 digits, "B" and 2 digits other than 00; either the RSIN/BSN mod 11 check or, for the sole-trader numbers issued since 2020, the ISO 7064 MOD 97-10 check over "NL" and the number.</description></item>
/// <item><description>PL: 10 digits; weighted mod 11.</description></item>
/// <item><description>PT: 9 digits, not starting with 0; weighted mod 11.</description></item>
/// <item><description>RO: 2 to 10 digits, not starting with 0; weights 7, 5, 3, 2, 1 right-aligned, × 10 mod 11.</description></item>
/// <item><description>SE: 12 digits ending in 01; Luhn over the first ten.</description></item>
/// <item><description>SI: 8 digits, not starting with 0; weighted mod 11.</description></item>
/// <item><description>SK: 10 digits, not starting with 0, the third digit 2, 3, 4, 7, 8 or 9; divisible by 11.</description></item>
/// </list>
/// <para>Every other prefix is rejected, among them GB (no longer in the EU), EU (the non-Union OSS
/// scheme) and XI: numbers of traders in Northern Ireland follow the UK's rules, which this class does
/// not check, so callers who accept them must check them separately.</para>
/// </remarks>
public static class EuVatNumber
{
    /// <summary>Checks the format and, where public, the check digits of an EU VAT identifier.</summary>
    /// <param name="id">The identifier, already normalised by <see cref="VatIdentifier.From"/>.</param>
    /// <param name="problem">When invalid, what is wrong, naming the identifier, for example
    /// "DE12345678: a German VAT number has 9 digits after DE"; null when valid.</param>
    /// <returns>True when the identifier is well formed for its member state.</returns>
    public static bool IsValid(VatIdentifier id, [NotNullWhen(false)] out string? problem)
    {
        if (id.IsEmpty)
        {
            problem = "The VAT identifier is empty.";
            return false;
        }

        var value = id.Value;
        var body = value.AsSpan(2);
        problem = value.AsSpan(0, 2) switch
        {
            "AT" => Austria(value, body),
            "BE" => Belgium(value, body),
            "BG" => Bulgaria(value, body),
            "CY" => Cyprus(value, body),
            "CZ" => Czechia(value, body),
            "DE" => Germany(value, body),
            "DK" => Denmark(value, body),
            "EE" => Estonia(value, body),
            "EL" => Greece(value, body),
            "ES" => Spain(value, body),
            "FI" => Finland(value, body),
            "FR" => France(value, body),
            "HR" => Croatia(value, body),
            "HU" => Hungary(value, body),
            "IE" => Ireland(value, body),
            "IT" => Italy(value, body),
            "LT" => Lithuania(value, body),
            "LU" => Luxembourg(value, body),
            "LV" => Latvia(value, body),
            "MT" => Malta(value, body),
            "NL" => Netherlands(value, body),
            "PL" => Poland(value, body),
            "PT" => Portugal(value, body),
            "RO" => Romania(value, body),
            "SE" => Sweden(value, body),
            "SI" => Slovenia(value, body),
            "SK" => Slovakia(value, body),
            _ => NotEu(value, value[..2]),
        };
        return problem is null;
    }

    private static string? Austria(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 9 || b[0] != 'U' || !AllDigits(b[1..]))
        {
            return Shape(id, "an Austrian", "U and 8 digits");
        }

        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = Digit(b[1 + i]);
            if (i % 2 == 1)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        return CheckDigit(id, b[8], (10 - ((sum + 4) % 10)) % 10);
    }

    private static string? Belgium(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 10 || !AllDigits(b) || b[0] > '1')
        {
            return Shape(id, "a Belgian", "10 digits starting with 0 or 1");
        }

        return CheckDigits(id, b[8..], 97 - (int)(Number(b[..8]) % 97));
    }

    private static string? Bulgaria(string id, ReadOnlySpan<char> b)
    {
        if (b.Length is not (9 or 10) || !AllDigits(b))
        {
            return Shape(id, "a Bulgarian", "9 or 10 digits");
        }

        if (b.Length == 9)
        {
            var check = Weighted(b[..8], 1) % 11;
            if (check == 10)
            {
                check = Weighted(b[..8], 3) % 11;
            }

            return CheckDigit(id, b[8], check % 10);
        }

        ReadOnlySpan<int> egn = [2, 4, 8, 5, 10, 9, 7, 3, 6];
        ReadOnlySpan<int> foreigner = [21, 19, 17, 13, 11, 9, 7, 3, 1];
        ReadOnlySpan<int> other = [4, 3, 2, 7, 6, 5, 4, 3, 2];
        var last = Digit(b[9]);
        var egnCheck = Weighted(b[..9], egn) % 11 % 10;
        var foreignerCheck = Weighted(b[..9], foreigner) % 10;
        var otherCheck = (11 - (Weighted(b[..9], other) % 11)) % 11;
        return last == egnCheck || last == foreignerCheck || last == otherCheck
            ? null
            : $"{id}: fails the check digit rules of a Bulgarian personal (EGN), foreigner's (LNCh) and other 10-digit number";
    }

    private static string? Cyprus(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 9 || !AllDigits(b[..8]) || !char.IsAsciiLetterUpper(b[8]))
        {
            return Shape(id, "a Cypriot", "8 digits and a check letter");
        }

        ReadOnlySpan<int> odd = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += i % 2 == 0 ? odd[Digit(b[i])] : Digit(b[i]);
        }

        return CheckLetter(id, b[8], (char)('A' + (sum % 26)));
    }

    private static string? Czechia(string id, ReadOnlySpan<char> b)
    {
        if (b.Length is < 8 or > 10 || !AllDigits(b))
        {
            return Shape(id, "a Czech", "8, 9 or 10 digits");
        }

        switch (b.Length)
        {
            case 8 when b[0] == '9':
                return $"{id}: an 8-digit Czech VAT number does not start with 9";
            case 8:
                return CheckDigit(id, b[7], (11 - (Weighted(b[..7], 8, -1) % 11)) % 10);
            case 9 when b[0] == '6':
                var sum = Weighted(b[1..8], 8, -1) % 11;
                return CheckDigit(id, b[8], (sum + 8) % 10);
            case 9:
                return null; // a birth number from before 1954: no check digit
            default:
                var first9 = Number(b[..9]) % 11;
                var birthCheck = first9 == 10 ? 0 : (int)first9;
                return CheckDigit(id, b[9], birthCheck);
        }
    }

    private static string? Germany(string id, ReadOnlySpan<char> b)
        => b.Length != 9 || !AllDigits(b)
            ? Shape(id, "a German", "9 digits")
            : b[0] == '0' ? NoLeadingZero(id, "a German") : CheckDigit(id, b[8], Iso7064Mod11Of10(b[..8]));

    private static string? Denmark(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 8 || !AllDigits(b))
        {
            return Shape(id, "a Danish", "8 digits");
        }

        if (b[0] == '0')
        {
            return NoLeadingZero(id, "a Danish");
        }

        ReadOnlySpan<int> weights = [2, 7, 6, 5, 4, 3, 2, 1];
        return Weighted(b, weights) % 11 == 0 ? null : Fails(id, "mod-11");
    }

    private static string? Estonia(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 9 || !AllDigits(b) || b[0] != '1' || b[1] != '0')
        {
            return Shape(id, "an Estonian", "9 digits starting with 10");
        }

        ReadOnlySpan<int> weights = [3, 7, 1, 3, 7, 1, 3, 7];
        return CheckDigit(id, b[8], (10 - (Weighted(b[..8], weights) % 10)) % 10);
    }

    private static string? Greece(string id, ReadOnlySpan<char> b)
        => b.Length != 9 || !AllDigits(b)
            ? Shape(id, "a Greek", "9 digits")
            : CheckDigit(id, b[8], Weighted(b[..8], 256, 0, doubling: true) % 11 % 10);

    private static string? Spain(string id, ReadOnlySpan<char> b)
    {
        const string DniLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
        if (b.Length != 9 || !AllDigits(b[1..8]) || !char.IsAsciiLetterOrDigit(b[0]) || !char.IsAsciiLetterOrDigit(b[8]))
        {
            return Shape(id, "a Spanish", "9 characters: a letter or digit, 7 digits and a letter or digit");
        }

        var first = b[0];
        if (char.IsAsciiDigit(first) || first is 'X' or 'Y' or 'Z' or 'K' or 'L' or 'M')
        {
            // NIF of a person: DNI (8 digits), NIE (X, Y, Z stand for 0, 1, 2) or K, L, M (the 7 digits alone).
            var lead = first switch { 'X' => 0, 'Y' => 1, 'Z' => 2, 'K' or 'L' or 'M' => 0, _ => Digit(first) };
            var number = (lead * 10_000_000L) + Number(b[1..8]);
            return CheckLetter(id, b[8], DniLetters[(int)(number % 23)]);
        }

        if (first is not ('A' or 'B' or 'C' or 'D' or 'E' or 'F' or 'G' or 'H' or 'J' or 'N' or 'P' or 'Q' or 'R' or 'S' or 'U' or 'V' or 'W'))
        {
            return $"{id}: '{first}' does not start a Spanish NIF, NIE or CIF";
        }

        // CIF of an entity: Luhn-style check over the 7 digits, written as a digit or as a letter of "JABCDEFGHI".
        var sum = 0;
        for (var i = 0; i < 7; i++)
        {
            var d = Digit(b[1 + i]);
            if (i % 2 == 0)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
        }

        var check = (10 - (sum % 10)) % 10;
        var letter = "JABCDEFGHI"[check];
        var last = b[8];
        var mustBeDigit = first is 'A' or 'B' or 'E' or 'H';
        var mustBeLetter = first is 'N' or 'P' or 'Q' or 'R' or 'S' or 'W';
        if ((last == (char)('0' + check) && !mustBeLetter) || (last == letter && !mustBeDigit))
        {
            return null;
        }

        var expected = mustBeDigit ? ((char)('0' + check)).ToString() : mustBeLetter ? letter.ToString() : $"{check} or {letter}";
        return $"{id}: check character is {last}, expected {expected}";
    }

    private static string? Finland(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 8 || !AllDigits(b))
        {
            return Shape(id, "a Finnish", "8 digits");
        }

        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2];
        var remainder = Weighted(b[..7], weights) % 11;
        return remainder == 1 ? Fails(id, "mod-11") : CheckDigit(id, b[7], remainder == 0 ? 0 : 11 - remainder);
    }

    private static string? France(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 11 || !AllDigits(b[2..]) || !IsFrenchKeyChar(b[0]) || !IsFrenchKeyChar(b[1]))
        {
            return Shape(id, "a French", "a 2-character key and the 9-digit SIREN");
        }

        if (!char.IsAsciiDigit(b[0]) || !char.IsAsciiDigit(b[1]))
        {
            return null; // the alphanumeric keys are not checked
        }

        var expected = (int)((12 + (3 * (Number(b[2..]) % 97))) % 97);
        return CheckDigits(id, b[..2], expected, "key");
    }

    private static string? Croatia(string id, ReadOnlySpan<char> b)
        => b.Length != 11 || !AllDigits(b)
            ? Shape(id, "a Croatian", "11 digits")
            : CheckDigit(id, b[10], Iso7064Mod11Of10(b[..10]));

    private static string? Hungary(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 8 || !AllDigits(b))
        {
            return Shape(id, "a Hungarian", "8 digits");
        }

        ReadOnlySpan<int> weights = [9, 7, 3, 1, 9, 7, 3];
        return CheckDigit(id, b[7], (10 - (Weighted(b[..7], weights) % 10)) % 10);
    }

    private static string? Ireland(string id, ReadOnlySpan<char> b)
    {
        const string Letters = "WABCDEFGHIJKLMNOPQRSTUV";
        if (b.Length == 8 && char.IsAsciiDigit(b[0]) && (char.IsAsciiLetterUpper(b[1]) || b[1] is '+' or '*')
            && AllDigits(b[2..7]) && char.IsAsciiLetterUpper(b[7]))
        {
            // Old format: the digits 3 to 7, then the first digit, weighted 8 to 2 (the 8 falls on a leading 0).
            var sum = Weighted(b[2..7], 7, -1) + (2 * Digit(b[0]));
            return CheckLetter(id, b[7], Letters[sum % 23]);
        }

        if (b.Length is not (8 or 9) || !AllDigits(b[..7]) || !char.IsAsciiLetterUpper(b[7])
            || (b.Length == 9 && b[8] is not ((>= 'A' and <= 'I') or 'W')))
        {
            return Shape(id, "an Irish", "7 digits and a check letter, optionally followed by A-I or W");
        }

        var weighted = Weighted(b[..7], 8, -1) + (b.Length == 9 && b[8] != 'W' ? 9 * (b[8] - 'A' + 1) : 0);
        return CheckLetter(id, b[7], Letters[weighted % 23]);
    }

    private static string? Italy(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 11 || !AllDigits(b))
        {
            return Shape(id, "an Italian", "11 digits");
        }

        if (b[..7].IndexOfAnyExcept('0') < 0)
        {
            return $"{id}: the first seven digits of an Italian VAT number are not all 0";
        }

        return CheckDigit(id, b[10], LuhnCheckDigit(b[..10]));
    }

    private static string? Lithuania(string id, ReadOnlySpan<char> b)
    {
        if (!AllDigits(b) || !((b.Length == 9 && b[7] == '1') || (b.Length == 12 && b[10] == '1')))
        {
            return Shape(id, "a Lithuanian", "9 digits with 1 as the eighth or 12 digits with 1 as the eleventh");
        }

        var digits = b[..^1];
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (1 + (i % 9)) * Digit(digits[i]);
        }

        var check = sum % 11;
        if (check == 10)
        {
            sum = 0;
            for (var i = 0; i < digits.Length; i++)
            {
                sum += (1 + ((i + 2) % 9)) * Digit(digits[i]);
            }

            check = sum % 11;
        }

        return CheckDigit(id, b[^1], check % 10);
    }

    private static string? Luxembourg(string id, ReadOnlySpan<char> b)
        => b.Length != 8 || !AllDigits(b)
            ? Shape(id, "a Luxembourg", "8 digits")
            : CheckDigits(id, b[6..], (int)(Number(b[..6]) % 89));

    private static string? Latvia(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 11 || !AllDigits(b))
        {
            return Shape(id, "a Latvian", "11 digits");
        }

        if (b[0] <= '3')
        {
            return null; // a natural person's code: only the format is checked
        }

        ReadOnlySpan<int> weights = [9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1];
        return Weighted(b, weights) % 11 == 3 ? null : Fails(id, "mod-11");
    }

    private static string? Malta(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 8 || !AllDigits(b))
        {
            return Shape(id, "a Maltese", "8 digits");
        }

        if (b[0] == '0')
        {
            return NoLeadingZero(id, "a Maltese");
        }

        ReadOnlySpan<int> weights = [3, 4, 6, 7, 8, 9];
        return CheckDigits(id, b[6..], 37 - (Weighted(b[..6], weights) % 37));
    }

    private static string? Netherlands(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 12 || !AllDigits(b[..9]) || b[9] != 'B' || !AllDigits(b[10..]) || b[10..].SequenceEqual("00"))
        {
            return Shape(id, "a Dutch", "9 digits, B and 2 digits other than 00");
        }

        var elevenCheck = (Weighted(b[..8], 9, -1) - Digit(b[8])) % 11 == 0;
        if (elevenCheck)
        {
            return null;
        }

        // Since 2020 sole traders get numbers that pass ISO 7064 MOD 97-10 over "NL" and the number (letters as 10-35).
        var remainder = 0;
        foreach (var c in id.AsSpan())
        {
            remainder = char.IsAsciiDigit(c) ? ((remainder * 10) + Digit(c)) % 97 : ((remainder * 100) + (c - 'A' + 10)) % 97;
        }

        return remainder == 1 ? null : Fails(id, "mod-11 (RSIN/BSN) and the mod-97");
    }

    private static string? Poland(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 10 || !AllDigits(b))
        {
            return Shape(id, "a Polish", "10 digits");
        }

        ReadOnlySpan<int> weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        var check = Weighted(b[..9], weights) % 11;
        return check == 10 ? Fails(id, "mod-11") : CheckDigit(id, b[9], check);
    }

    private static string? Portugal(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 9 || !AllDigits(b))
        {
            return Shape(id, "a Portuguese", "9 digits");
        }

        if (b[0] == '0')
        {
            return NoLeadingZero(id, "a Portuguese");
        }

        var check = 11 - (Weighted(b[..8], 9, -1) % 11);
        return CheckDigit(id, b[8], check >= 10 ? 0 : check);
    }

    private static string? Romania(string id, ReadOnlySpan<char> b)
    {
        if (b.Length is < 2 or > 10 || !AllDigits(b))
        {
            return Shape(id, "a Romanian", "2 to 10 digits");
        }

        if (b[0] == '0')
        {
            return NoLeadingZero(id, "a Romanian");
        }

        ReadOnlySpan<int> weights = [7, 5, 3, 2, 1, 7, 5, 3, 2];
        var digits = b[..^1];
        var sum = Weighted(digits, weights[(weights.Length - digits.Length)..]);
        return CheckDigit(id, b[^1], sum * 10 % 11 % 10);
    }

    private static string? Sweden(string id, ReadOnlySpan<char> b)
        => b.Length != 12 || !AllDigits(b) || b[10] != '0' || b[11] != '1'
            ? Shape(id, "a Swedish", "12 digits ending in 01")
            : CheckDigit(id, b[9], LuhnCheckDigit(b[..9]));

    private static string? Slovenia(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 8 || !AllDigits(b))
        {
            return Shape(id, "a Slovenian", "8 digits");
        }

        if (b[0] == '0')
        {
            return NoLeadingZero(id, "a Slovenian");
        }

        var check = 11 - (Weighted(b[..7], 8, -1) % 11);
        return check == 11 ? Fails(id, "mod-11") : CheckDigit(id, b[7], check == 10 ? 0 : check);
    }

    private static string? Slovakia(string id, ReadOnlySpan<char> b)
    {
        if (b.Length != 10 || !AllDigits(b))
        {
            return Shape(id, "a Slovak", "10 digits");
        }

        if (b[0] == '0' || b[2] is not ('2' or '3' or '4' or '7' or '8' or '9'))
        {
            return $"{id}: a Slovak VAT number does not start with 0 and has 2, 3, 4, 7, 8 or 9 as its third digit";
        }

        return Number(b) % 11 == 0 ? null : Fails(id, "mod-11 (divisible by 11)");
    }

    private static string NotEu(string id, string prefix) => prefix switch
    {
        "GR" => $"{id}: Greek VAT numbers use the prefix EL, not GR",
        "XI" => $"{id}: XI (Northern Ireland) numbers follow UK rules and are not checked as EU VAT numbers",
        "GB" => $"{id}: GB is not an EU member state",
        "EU" => $"{id}: EU numbers of the non-Union OSS scheme are not national VAT numbers",
        _ => $"{id}: {prefix} is not the VAT prefix of an EU member state",
    };

    private static bool IsFrenchKeyChar(char c) => char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not ('I' or 'O'));

    private static string Shape(string id, string country, string what) => $"{id}: {country} VAT number has {what} after {id[..2]}";

    private static string NoLeadingZero(string id, string country) => $"{id}: {country} VAT number does not start with 0";

    private static string? CheckDigit(string id, char actual, int expected)
        => actual == (char)('0' + expected) ? null : string.Create(CultureInfo.InvariantCulture, $"{id}: check digit is {actual}, expected {expected}");

    private static string? CheckDigits(string id, ReadOnlySpan<char> actual, int expected, string what = "check digits")
    {
        if (expected is >= 0 and <= 99 && actual[0] == (char)('0' + (expected / 10)) && actual[1] == (char)('0' + (expected % 10)))
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{id}: {what} {actual} wrong, expected {expected:00}");
    }

    private static string? CheckLetter(string id, char actual, char expected)
        => actual == expected ? null : $"{id}: check letter is {actual}, expected {expected}";

    private static string Fails(string id, string scheme) => $"{id}: the number fails the {scheme} check";

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        // A plain loop: MemoryExtensions.ContainsAnyExceptInRange allocated on every call when measured.
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !s.IsEmpty;
    }

    private static int Digit(char c) => c - '0';

    private static long Number(ReadOnlySpan<char> digits)
    {
        var n = 0L;
        foreach (var c in digits)
        {
            n = (n * 10) + Digit(c);
        }

        return n;
    }

    private static int Weighted(ReadOnlySpan<char> digits, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += weights[i] * Digit(digits[i]);
        }

        return sum;
    }

    /// <summary>Sum of digits times weights starting at <paramref name="first"/> and changing by <paramref name="step"/>, or halving each time when <paramref name="doubling"/>.</summary>
    private static int Weighted(ReadOnlySpan<char> digits, int first, int step = 1, bool doubling = false)
    {
        var sum = 0;
        var weight = first;
        foreach (var c in digits)
        {
            sum += weight * Digit(c);
            weight = doubling ? weight / 2 : weight + step;
        }

        return sum;
    }

    /// <summary>The ISO 7064 MOD 11,10 check digit (Germany, Croatia).</summary>
    private static int Iso7064Mod11Of10(ReadOnlySpan<char> digits)
    {
        var product = 10;
        foreach (var c in digits)
        {
            var sum = (Digit(c) + product) % 10;
            product = 2 * (sum == 0 ? 10 : sum) % 11;
        }

        var check = 11 - product;
        return check == 10 ? 0 : check;
    }

    /// <summary>The Luhn check digit to append to <paramref name="digits"/>.</summary>
    private static int LuhnCheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = Digit(digits[i]);
            if (doubleIt)
            {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }
}
