using System.Xml;

namespace Invoicing.Core.EInvoicing.Cii;

/// <summary>
/// Reads UN/CEFACT Cross Industry Invoice D16B documents (<c>rsm:CrossIndustryInvoice</c>) into the
/// EN 16931 model, following the EN 16931-3-3 CII binding.
/// </summary>
/// <remarks>
/// <para>Thread-safe: the class holds no state; each call reads its own stream.</para>
/// <para>The document is read in one forward pass with an <see cref="XmlReader"/> into a light element
/// tree (names, attributes, text and line positions; no DOM), which is then mapped to the model. Every
/// EN 16931 term is optional, so partial documents (such as the fragments of the official unit-test
/// sets) read as far as they go; elements outside the binding are ignored.</para>
/// <para>Security: DTDs are refused, nothing is resolved, no entity may expand, and the document may hold
/// at most <see cref="EInvoiceReaderOptions.MaxCharacters"/> characters. Malformed XML, a wrong root,
/// and a date or number that cannot be parsed are an <see cref="EInvoiceFormatException"/> naming the
/// line, position, element and value (the date or number, with <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/>,
/// an absent term listed in <see cref="EInvoiceReadResult.UnreadableValues"/> instead).</para>
/// <para>Dates are read from <c>udt:DateTimeString</c>/<c>udt:DateString</c>/<c>qdt:DateTimeString</c>
/// in format 102 (<c>yyyyMMdd</c>, also assumed when the format is absent) or from <c>udt:DateTime</c>/<c>udt:Date</c>
/// (ISO 8601); decimals keep their written scale. Texts are trimmed of leading and trailing white space, as the UBL
/// reader trims them; an element with no text left reads as absent.</para>
/// </remarks>
public static class CiiReader
{
    /// <summary>Reads a CII document.</summary>
    /// <param name="stream">The XML document; read from its current position and left open.</param>
    /// <param name="options">Reader limits; <see cref="EInvoiceReaderOptions.Default"/> when null.</param>
    /// <returns>The model, the syntax (<see cref="EInvoiceSyntax.Cii"/>), the currency codes given on amounts, and the element-path binding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="EInvoiceFormatException">The document is malformed XML, has a DTD, is too large, is not a CrossIndustryInvoice, or holds an unparsable date or number (unless <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/>), or a charge indicator that is neither true nor false.</exception>
    public static EInvoiceReadResult Read(Stream stream, EInvoiceReaderOptions? options = null)
    {
        EInvoiceXml.CheckReadable(stream);
        var builder = new CiiTreeBuilder();
        try
        {
            using var reader = XmlReader.Create(stream, EInvoiceXml.ReaderSettings(options));
            while (reader.Read())
            {
                builder.Handle(reader);
            }
        }
        catch (XmlException e)
        {
            throw EInvoiceXml.Malformed(e);
        }

        return CiiModelReader.Map(builder, options);
    }

    /// <summary>Reads a CII document from a stream that may block: it is buffered asynchronously (up to the size cap), then read.</summary>
    /// <param name="stream">The XML document; read from its current position and left open.</param>
    /// <param name="options">Reader limits; <see cref="EInvoiceReaderOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The model, the syntax (<see cref="EInvoiceSyntax.Cii"/>), the currency codes given on amounts, and the element-path binding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="EInvoiceFormatException">As <see cref="Read"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async ValueTask<EInvoiceReadResult> ReadAsync(Stream stream, EInvoiceReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        EInvoiceXml.CheckReadable(stream);
        using var buffer = await EInvoiceXml.BufferAsync(stream, options, cancellationToken).ConfigureAwait(false);
        return Read(buffer, options);
    }
}
