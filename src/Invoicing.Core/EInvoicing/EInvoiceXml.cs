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

    /// <summary>A format error for a malformed document (the XmlException's own place).</summary>
    public static EInvoiceFormatException Malformed(XmlException exception)
        => new(string.Create(CultureInfo.InvariantCulture, $"the document is not well-formed XML or is not allowed (DTDs and entities are prohibited): {exception.Message}"),
            exception.LineNumber, exception.LinePosition, exception);
}
