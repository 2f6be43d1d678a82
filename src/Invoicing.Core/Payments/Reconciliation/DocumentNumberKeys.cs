using System.Text;

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
/// tokens) gives the same segmented key, or a single token the same compact key. So "INV 12" never names
/// INV-123, and "INV-12 3" names INV-12 (and INV-12-3), never INV-123.</para>
/// <para>Keys without a digit are never produced: a word alone is not a document number. Tokens that look
/// like an amount or a dotted date ("119.00", "23.11.2026") produce no key.</para>
/// </remarks>
internal static class DocumentNumberKeys
{
    /// <summary>The separator of segmented keys; never part of a compact key.</summary>
    internal const char Separator = '|';

    private const int MaxWindow = 3;

    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "INV", "INVOICE", "INVNO", "INVOICENO", "NO", "NR", "NUM", "NUMBER", "REF", "DOC", "BILL",
        "RE", "RG", "RECH", "RECHNUNG", "RECHNUNGSNR", "RNR", "FA", "FACT", "FACTURE", "FACTURA", "FAKTURA", "FV", "FAT", "FATTURA",
    };

    /// <summary>The segmented and compact keys of a document number; either is null when the number has no digit.</summary>
    internal static (string? Segmented, string? Compact) Of(string documentNumber)
    {
        var segments = new List<string>(4);
        AddSegments(documentNumber, segments);
        return Keys(segments);
    }

    /// <summary>Every key a free text could name a document by, each once.</summary>
    internal static IReadOnlyCollection<string> CandidatesIn(string text)
    {
        var tokens = Tokens(text);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var segments = new List<string>(8);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is null)
            {
                continue;
            }

            segments.Clear();
            for (var w = 0; w < MaxWindow && i + w < tokens.Count && tokens[i + w] is { } token; w++)
            {
                AddSegments(token, segments);
                var (segmented, compact) = Keys(segments);
                if (segmented is not null)
                {
                    keys.Add(segmented);
                }

                if (w == 0 && compact is not null)
                {
                    keys.Add(compact);
                }
            }
        }

        return keys;
    }

    /// <summary>The text's tokens, split at white space and punctuation other than '-', '/', '.', '_', '#';
    /// null marks a token that looks like an amount or a dotted date (it breaks windows).</summary>
    private static List<string?> Tokens(string text)
    {
        var tokens = new List<string?>();
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
                var token = text[start..i].Trim('.', '-', '/', '_', '#');
                tokens.Add(token.Length == 0 ? null : LooksLikeAmount(token) ? null : token);
                start = -1;
            }
        }

        return tokens;
    }

    private static bool LooksLikeAmount(string token)
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

    private static void AddSegments(string value, List<string> segments)
    {
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (char.IsAsciiDigit(c))
            {
                var start = i;
                while (i < value.Length && char.IsAsciiDigit(value[i]))
                {
                    i++;
                }

                segments.Add(value[start..i]);
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < value.Length && char.IsLetter(value[i]))
                {
                    i++;
                }

                segments.Add(value[start..i].ToUpperInvariant());
            }
            else
            {
                i++;
            }
        }
    }

    private static (string? Segmented, string? Compact) Keys(List<string> segments)
    {
        var first = 0;
        while (first < segments.Count && Prefixes.Contains(segments[first]))
        {
            first++;
        }

        var hasDigit = false;
        for (var s = first; s < segments.Count && !hasDigit; s++)
        {
            hasDigit = char.IsAsciiDigit(segments[s][0]);
        }

        if (!hasDigit)
        {
            return (null, null);
        }

        var segmented = new StringBuilder();
        var compact = new StringBuilder();
        for (var s = first; s < segments.Count; s++)
        {
            var segment = segments[s];
            if (s > first)
            {
                segmented.Append(Separator);
            }

            segmented.Append(char.IsAsciiDigit(segment[0]) ? TrimZeros(segment) : segment);
            compact.Append(segment);
        }

        var compactText = TrimZeros(compact.ToString());
        return (segmented.ToString(), compactText);
    }

    private static string TrimZeros(string digitsFirst)
    {
        var i = 0;
        while (i < digitsFirst.Length - 1 && digitsFirst[i] == '0' && char.IsAsciiDigit(digitsFirst[i + 1]))
        {
            i++;
        }

        return i == 0 ? digitsFirst : digitsFirst[i..];
    }
}
