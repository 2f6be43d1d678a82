using System.Globalization;
using System.Xml;

namespace Invoicing.Core.EInvoicing;

/// <summary>What the UBL and CII readers share: safe reader settings and format errors with their place.</summary>
internal static class EInvoiceXml
{
    /// <summary>Reader settings: no DTD, no resolver, no entities beyond the predefined ones, the size capped.</summary>
    public static XmlReaderSettings ReaderSettings(EInvoiceReaderOptions? options, bool async = false) => new()
    {
        Async = async,
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
        var maxBytes = limit > (long.MaxValue - 4) / 4 ? long.MaxValue : (limit * 4) + 4; // 4 bytes a character at most, and a byte order mark
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                throw new EInvoiceFormatException(string.Create(CultureInfo.InvariantCulture, $"the document is larger than the limit of {limit} characters"), 0, 0);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
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
