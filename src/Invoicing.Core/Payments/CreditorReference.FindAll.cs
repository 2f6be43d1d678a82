namespace Invoicing.Core.Payments;

/// <content>Finding references inside unstructured remittance text.</content>
public readonly partial struct CreditorReference
{
    private const int MaxRfGroups = IsoMaxLength;
    private const int BelgianLookahead = 40;

    /// <summary>
    /// Finds the ISO 11649 RF references and delimited Belgian structured communications with valid check digits in
    /// unstructured remittance text, such as "Payment for invoice INV-2026-000123 ref RF18 5390 0754 7034 thanks".
    /// </summary>
    /// <remarks>
    /// <para>The text is scanned once, left to right, looking at most a few dozen characters ahead of each candidate
    /// start, so the time is linear in the length of the text; nothing is allocated except the references found.</para>
    /// <para>An RF reference starts with "RF" (any case) that does not follow a letter or digit, directly followed by
    /// its two check digits. It is either one run of letters and digits ending where the run ends ("RF18539007547034"),
    /// or the print form: groups of 4 separated by single spaces, the last group 1 to 4 characters
    /// ("RF18 5390 0754 7034"). When words after a print form could be its last group, the longest candidate with valid
    /// check digits wins. A run of letters and digits longer than 25 characters is not a reference.</para>
    /// <para>A Belgian communication must be enclosed in +++ or *** (the same on both sides), with 12 digits, optionally
    /// split 3/4/5 by slashes, and spaces allowed inside.</para>
    /// <para>Finnish numbers, KIDs, Swiss QR references and undelimited Belgian numbers are not searched for: a run of
    /// digits passes a single check digit too often to be told apart from an amount, a date or an account number.
    /// A candidate with wrong check digits is never returned.</para>
    /// </remarks>
    /// <param name="freeText">The remittance text.</param>
    /// <returns>The references found, in the order they appear; empty when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="freeText"/> is null.</exception>
    public static IReadOnlyList<CreditorReference> FindAll(string freeText)
    {
        ArgumentNullException.ThrowIfNull(freeText);
        List<CreditorReference>? found = null;
        var text = freeText.AsSpan();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            int end;
            CreditorReference reference;
            if (c is 'R' or 'r' && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && TryMatchRf(text, i, out reference, out end))
            {
                (found ??= []).Add(reference);
                i = end;
            }
            else if (c is '+' or '*' && TryMatchBelgian(text, i, out reference, out end))
            {
                (found ??= []).Add(reference);
                i = end;
            }
            else
            {
                i++;
            }
        }

        return found is null ? [] : found;
    }

    private static bool TryMatchRf(ReadOnlySpan<char> text, int start, out CreditorReference reference, out int end)
    {
        reference = default;
        end = start;
        if (start + 4 > text.Length || text[start + 1] is not ('F' or 'f')
            || !char.IsAsciiDigit(text[start + 2]) || !char.IsAsciiDigit(text[start + 3]))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[IsoMaxLength];
        Span<int> candidateLength = stackalloc int[MaxRfGroups];
        Span<int> candidateEnd = stackalloc int[MaxRfGroups];
        var candidates = 0;

        // The first run of letters and digits, from "RF" on.
        var length = 0;
        var pos = start;
        while (pos < text.Length && char.IsAsciiLetterOrDigit(text[pos]))
        {
            if (length == IsoMaxLength)
            {
                return false;
            }

            buffer[length++] = char.ToUpperInvariant(text[pos++]);
        }

        if (pos < text.Length && char.IsLetterOrDigit(text[pos]))
        {
            return false;
        }

        candidateLength[candidates] = length;
        candidateEnd[candidates++] = pos;

        // Print form: after a group of exactly 4, a single space and a group of 1 to 4 may follow.
        var lastGroup = length;
        while (lastGroup == 4 && pos + 1 < text.Length && text[pos] == ' ')
        {
            var groupStart = pos + 1;
            var groupEnd = groupStart;
            while (groupEnd < text.Length && groupEnd - groupStart <= 4 && char.IsAsciiLetterOrDigit(text[groupEnd]))
            {
                groupEnd++;
            }

            var groupLength = groupEnd - groupStart;
            if (groupLength is 0 or > 4 || length + groupLength > IsoMaxLength
                || (groupEnd < text.Length && char.IsLetterOrDigit(text[groupEnd])))
            {
                break;
            }

            for (var k = groupStart; k < groupEnd; k++)
            {
                buffer[length++] = char.ToUpperInvariant(text[k]);
            }

            pos = groupEnd;
            candidateLength[candidates] = length;
            candidateEnd[candidates++] = pos;
            lastGroup = groupLength;
        }

        // Exactly one length must check: when a following word could also belong to the reference
        // and both readings have valid check digits, the text is ambiguous and nothing is returned;
        // a missed reference goes to a person, a wrong one would match the wrong invoice.
        var found = -1;
        for (var n = candidates - 1; n >= 0; n--)
        {
            var candidate = buffer[..candidateLength[n]];
            if (candidate.Length > 4 && IsoCheckDigits(candidate[4..]) == ((candidate[2] - '0') * 10) + (candidate[3] - '0'))
            {
                if (found >= 0)
                {
                    return false;
                }

                found = n;
            }
        }

        if (found < 0)
        {
            return false;
        }

        reference = new CreditorReference(buffer[..candidateLength[found]].ToString(), CreditorReferenceScheme.Iso11649);
        end = candidateEnd[found];
        return true;
    }

    private static bool TryMatchBelgian(ReadOnlySpan<char> text, int start, out CreditorReference reference, out int end)
    {
        reference = default;
        end = start;
        var delimiter = text[start];
        if (start + 3 > text.Length || text[start + 1] != delimiter || text[start + 2] != delimiter)
        {
            return false;
        }

        Span<char> digits = stackalloc char[BelgianLength];
        var count = 0;
        var slashes = 0;
        var pos = start + 3;
        var limit = Math.Min(text.Length, pos + BelgianLookahead);
        for (; pos < limit; pos++)
        {
            var c = text[pos];
            if (c == ' ')
            {
                continue;
            }

            if (c == '/')
            {
                slashes++;
                if (!((slashes == 1 && count == 3) || (slashes == 2 && count == 7)))
                {
                    return false;
                }

                continue;
            }

            if (!char.IsAsciiDigit(c) || count == BelgianLength)
            {
                break;
            }

            digits[count++] = c;
        }

        if (count != BelgianLength || slashes is not (0 or 2) || pos + 3 > text.Length
            || text[pos] != delimiter || text[pos + 1] != delimiter || text[pos + 2] != delimiter)
        {
            return false;
        }

        if (CheckBelgian(digits, out reference) is not null)
        {
            return false;
        }

        end = pos + 3;
        return true;
    }
}
