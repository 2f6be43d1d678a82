using System.Buffers;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// The comparison keys of document numbers, tolerant to case, spaces, dashes, leading zeros and common
/// prefixes, but never to a different number.
/// </summary>
/// <remarks>
/// <para>A number is cut into segments: runs of letters and runs of digits ("INV-2026-000123" →
/// INV | 2026 | 000123; "inv2026 000123" → INV | 2026 | 000123). Letters are upper-cased, leading zeros
/// of digit runs are dropped, and leading segments that are common prefixes ("INV", "INVOICE", "RE",
/// "NO", "NR", ...) are dropped. Two keys come out: the segmented key ("2026|123") and the compact key,
/// every letter and digit after the prefix joined with only the leading zeros of the whole dropped
/// ("2026000123"). A document is indexed by both; a text names it when a token (or two or three adjacent
/// tokens) gives the same segmented key, or a single token the same compact key (either key of the token
/// against either key of the document). So "INV 12" never names
/// INV-123, and "INV-12 3" names INV-12 (and INV-12-3), never INV-123.</para>
/// <para>Keys without a digit are never produced: a word alone is not a document number. Tokens that look
/// like an amount or a dotted date ("119.00", "23.11.2026") produce no key and break windows.</para>
/// </remarks>
internal static class DocumentNumberKeys
{
    /// <summary>The separator of segmented keys; never part of a compact key.</summary>
    internal const char Separator = '|';

    private const int MaxWindow = 3;
    private const int MaxLength = 200;

    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "INV", "INVOICE", "INVNO", "INVOICENO", "NO", "NR", "NUM", "NUMBER", "REF", "DOC", "BILL",
        "RE", "RG", "RECH", "RECHNUNG", "RECHNUNGSNR", "RNR", "FA", "FACT", "FACTURE", "FACTURA", "FAKTURA", "FV", "FAT", "FATTURA",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PrefixLookup = Prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Receives one way a text could name a document: the keys of a token, or of a window of adjacent tokens.</summary>
    internal delegate void CandidateVisitor<in TState>(TState state, ReadOnlySpan<char> segmented, ReadOnlySpan<char> compact, bool singleToken);

    /// <summary>Calls <paramref name="visit"/> with <paramref name="state"/> for every token and window of two or three adjacent
    /// tokens of <paramref name="text"/> that has a digit, without allocating (but for a text of more than 512 characters).</summary>
    internal static void VisitCandidates<TState>(string text, TState state, CandidateVisitor<TState> visit)
    {
        var most = (text.Length / 2) + 1; // tokens are separated: at most one per two characters
        var rented = most > 256 ? ArrayPool<Token>.Shared.Rent(most) : null;
        Span<Token> tokens = rented is null ? stackalloc Token[most] : rented;
        tokens = tokens[..Tokens(text, tokens)];
        Span<char> segmented = stackalloc char[2 * MaxLength];
        Span<char> compact = stackalloc char[MaxLength];
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Skip)
            {
                continue;
            }

            for (var w = 0; w < MaxWindow && i + w < tokens.Length && !tokens[i + w].Skip; w++)
            {
                var start = tokens[i].Start;
                var last = tokens[i + w];
                var window = text.AsSpan(start, Math.Min(last.Start + last.Length - start, MaxLength));
                var (segmentedLength, compactLength) = Write(window, segmented, compact);
                if (segmentedLength > 0)
                {
                    visit(state, segmented[..segmentedLength], compact[..compactLength], w == 0);
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<Token>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the segmented and compact keys (<paramref name="segmented"/> holds twice, <paramref name="compact"/> once the
    /// length of <paramref name="number"/>); a segmented length of 0 means "no digit, no key".</summary>
    internal static (int Segmented, int Compact) Write(ReadOnlySpan<char> number, Span<char> segmented, Span<char> compact)
    {
        Span<char> upper = stackalloc char[number.Length];
        var s = 0;
        var c = 0;
        var i = 0;
        var leading = true;
        var hasDigit = false;
        while (i < number.Length)
        {
            var start = i;
            var digits = char.IsAsciiDigit(number[i]);
            if (!digits && !char.IsLetter(number[i]))
            {
                i++;
                continue;
            }

            while (i < number.Length && (digits ? char.IsAsciiDigit(number[i]) : char.IsLetter(number[i])))
            {
                i++;
            }

            scoped ReadOnlySpan<char> segment = number[start..i];
            if (!digits)
            {
                var upperSegment = upper[..segment.Length];
                segment.ToUpperInvariant(upperSegment);
                segment = upperSegment;
                if (leading && PrefixLookup.Contains(segment))
                {
                    continue;
                }
            }

            leading = false;
            hasDigit |= digits;
            if (s > 0)
            {
                segmented[s++] = Separator;
            }

            var trimmed = digits ? TrimZeros(segment) : segment;
            trimmed.CopyTo(segmented[s..]);
            s += trimmed.Length;
            var copied = c == 0 && digits ? TrimZeros(segment) : segment;
            copied.CopyTo(compact[c..]);
            c += copied.Length;
        }

        return hasDigit ? (s, c) : (0, 0);
    }

    private static ReadOnlySpan<char> TrimZeros(ReadOnlySpan<char> digits)
    {
        var i = 0;
        while (i < digits.Length - 1 && digits[i] == '0')
        {
            i++;
        }

        return digits[i..];
    }

    /// <summary>Writes the text's tokens to <paramref name="tokens"/> and returns how many: split at white space and punctuation
    /// other than '-', '/', '.', '_', '#'; Skip marks a token that looks like an amount or a dotted date.</summary>
    private static int Tokens(string text, Span<Token> tokens)
    {
        var count = 0;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inside = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '/' or '.' or '_' or '#');
            if (inside && start < 0)
            {
                start = i;
            }
            else if (!inside && start >= 0)
            {
                var token = text.AsSpan(start, i - start);
                var trimmedStart = token.Length - token.TrimStart(".-/_#").Length;
                token = token.Trim(".-/_#");
                if (token.Length > 0)
                {
                    tokens[count++] = new Token(start + trimmedStart, token.Length, LooksLikeAmount(token));
                }

                start = -1;
            }
        }

        return count;
    }

    /// <summary>A token of a text: where it starts, how long it is, and whether it looks like an amount or a dotted date.</summary>
    private readonly record struct Token(int Start, int Length, bool Skip);

    private static bool LooksLikeAmount(ReadOnlySpan<char> token)
    {
        var digits = 0;
        var dots = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is '.' or ',')
            {
                dots++;
            }
            else
            {
                return false;
            }
        }

        return dots > 0 && digits > 0;
    }

}
