using System.Globalization;
using System.Xml;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.EInvoicing;

/// <summary>What the UBL and CII readers share: safe reader settings and format errors with their place.</summary>
internal static class EInvoiceXml
{
    /// <summary>Characters read per chunk; below the large object heap's threshold, as a StringBuilder's own chunks are.</summary>
    private const int ValueChunk = 8000;

    /// <summary>
    /// The value of the text node the reader is on, read in chunks, the reader left on that node: a long text (a
    /// base64 attachment, BT-125) costs the final string and no more, where <see cref="XmlReader.Value"/> first grows
    /// the reader's own buffer to the whole text (three times the text in large-object-heap allocations, each a
    /// step towards a full garbage collection). Falls back to <see cref="XmlReader.Value"/> for a reader that cannot
    /// read chunks.
    /// </summary>
    public static string ReadValueInChunks(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            return reader.Value;
        }

        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(ValueChunk);
        try
        {
            // A chunk may come back short of what was asked before the end (a surrogate pair is never split, so every
            // request leaves room for two characters): only 0 ends the value.
            int length = 0, read;
            while (length < ValueChunk - 1 && (read = reader.ReadValueChunk(buffer, length, ValueChunk - length)) > 0)
            {
                length += read;
            }

            if (length < ValueChunk - 1)
            {
                return new string(buffer, 0, length);
            }

            var text = new System.Text.StringBuilder().Append(buffer, 0, length);
            while ((read = reader.ReadValueChunk(buffer, 0, ValueChunk)) > 0)
            {
                text.Append(buffer, 0, read);
            }

            return text.ToString();
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A value as messages and findings quote it: at most 64 characters, a longer one cut with "...".</summary>
    public static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "...";

    /// <summary>Reader settings: no DTD, no resolver, no entities beyond the predefined ones, the size capped.</summary>
    public static XmlReaderSettings ReaderSettings(EInvoiceReaderOptions? options) => new()
    {
        CloseInput = false,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = (options ?? EInvoiceReaderOptions.Default).MaxCharacters,
    };

    /// <summary>A format error at the reader's current place.</summary>
    public static EInvoiceFormatException Error(XmlReader reader, string problem, Exception? inner = null)
    {
        var info = reader as IXmlLineInfo;
        return new EInvoiceFormatException(problem, info?.LineNumber ?? 0, info?.LinePosition ?? 0, inner);
    }

    /// <summary>
    /// A format error for a malformed document at the XmlException's place; XmlReader refuses a DTD or
    /// a size overrun without saying where, and the place is then the reader's last one (at worst the start).
    /// </summary>
    public static EInvoiceFormatException Malformed(XmlException exception, XmlReader reader)
    {
        var error = Malformed(exception);
        if (error.LineNumber > 0)
        {
            return error;
        }

        var info = reader as IXmlLineInfo;
        return new EInvoiceFormatException(error.Problem, Math.Max(1, info?.LineNumber ?? 1), Math.Max(1, info?.LinePosition ?? 1), exception);
    }

    /// <summary>
    /// Copies a stream that may block into memory, asynchronously, refusing more than the size cap
    /// allows (a character takes at most 4 bytes, plus a byte order mark); positioned at its start.
    /// </summary>
    public static async ValueTask<MemoryStream> BufferAsync(Stream stream, EInvoiceReaderOptions? options, CancellationToken cancellationToken)
    {
        var limit = (options ?? EInvoiceReaderOptions.Default).MaxCharacters;
        // 4 bytes a character at most, and a byte order mark; never more than a MemoryStream holds.
        var maxBytes = limit > (Array.MaxLength - 4L) / 4 ? Array.MaxLength : (limit * 4) + 4;
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                throw new EInvoiceFormatException(
                    maxBytes == Array.MaxLength
                        ? string.Create(CultureInfo.InvariantCulture, $"the document is larger than can be buffered in memory ({Array.MaxLength} bytes)")
                        : string.Create(CultureInfo.InvariantCulture, $"the document is larger than the limit of {limit} characters"),
                    0,
                    0);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>
    /// Parses an xsd:date (<c>2026-01-31</c>, optionally with a time zone: <c>Z</c> or <c>+01:00</c>) or, with
    /// <paramref name="allowTime"/>, also an xsd:dateTime (<c>2026-01-31T10:15:00Z</c>), as the calendar date written.
    /// Years have four digits (0001 to 9999); anything else, trailing text included, is refused.
    /// </summary>
    public static bool TryParseDate(string text, bool allowTime, out LocalDate date)
    {
        date = default;
        if (text.Length < 10)
        {
            return false;
        }

        var rest = text.AsSpan(10);
        if (allowTime && rest.Length > 0 && rest[0] == 'T')
        {
            rest = rest[1..];
            if (!TrySkipTime(ref rest))
            {
                return false;
            }
        }

        if (!IsZone(rest))
        {
            return false;
        }

        var parsed = LocalDatePattern.Iso.Parse(text[..10]);
        if (!parsed.Success || parsed.Value.Year < 1)
        {
            return false;
        }

        date = parsed.Value;
        return true;
    }

    /// <summary>Skips <c>hh:mm:ss</c> and an optional fraction; 24:00:00 only with a zero fraction, as xsd:time allows.</summary>
    private static bool TrySkipTime(ref ReadOnlySpan<char> rest)
    {
        if (rest.Length < 8 || rest[2] != ':' || rest[5] != ':' || !TwoDigits(rest, 0, out var hours) || !TwoDigits(rest, 3, out var minutes) || !TwoDigits(rest, 6, out var seconds))
        {
            return false;
        }

        rest = rest[8..];
        var fractionIsZero = true;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 1;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                fractionIsZero &= rest[digits] == '0';
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            rest = rest[digits..];
        }

        return minutes <= 59 && seconds <= 59 && (hours < 24 || (hours == 24 && minutes == 0 && seconds == 0 && fractionIsZero));
    }

    /// <summary>Nothing, <c>Z</c>, or <c>±hh:mm</c> from -14:00 to +14:00.</summary>
    private static bool IsZone(ReadOnlySpan<char> zone) => zone.Length switch
    {
        0 => true,
        1 => zone[0] == 'Z',
        6 => zone[0] is '+' or '-' && zone[3] == ':' && TwoDigits(zone, 1, out var hours) && TwoDigits(zone, 4, out var minutes)
            && minutes <= 59 && (hours < 14 || (hours == 14 && minutes == 0)),
        _ => false,
    };

    private static bool TwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        var ok = char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]);
        value = ok ? ((text[at] - '0') * 10) + (text[at + 1] - '0') : 0;
        return ok;
    }

    /// <summary>Refuses a null or unreadable stream.</summary>
    public static void CheckReadable(Stream stream, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(stream))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream, name);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", name);
        }
    }

    /// <summary>A format error for a malformed document (the XmlException's own place).</summary>
    public static EInvoiceFormatException Malformed(XmlException exception)
        => new(string.Create(CultureInfo.InvariantCulture, $"the document is not well-formed XML or is not allowed (DTDs and entities are prohibited): {exception.Message}"),
            exception.LineNumber, exception.LinePosition, exception);
}
