using System.Xml;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;

namespace Invoicing.Core.EInvoicing;

/// <summary>
/// Reads an EN 16931 document in whichever syntax it is written: the root element decides (UBL
/// <c>Invoice</c> or <c>CreditNote</c>, or CII <c>rsm:CrossIndustryInvoice</c>), in one pass over the stream.
/// </summary>
/// <remarks>
/// Thread-safe: the class holds no state. The same safety as <see cref="UblReader"/> and
/// <see cref="CiiReader"/>: DTDs refused, nothing resolved, size capped.
/// </remarks>
public static class EInvoiceReader
{
    /// <summary>Reads a UBL 2.1 Invoice or CreditNote, or a CII D16B CrossIndustryInvoice.</summary>
    /// <param name="stream">The XML document; read from its current position and left open.</param>
    /// <param name="options">Reader limits, or null for <see cref="EInvoiceReaderOptions.Default"/>.</param>
    /// <returns>The document as the EN 16931 model, its syntax, the currency of every amount and the element paths.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="EInvoiceFormatException">
    /// The document is malformed XML, has a DTD or entity, is larger than the cap, has a root that is neither UBL
    /// nor CII, or holds a date or number that cannot be parsed (unless <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/> is set) or a charge indicator that is neither true nor false.
    /// </exception>
    public static EInvoiceReadResult Read(Stream stream, EInvoiceReaderOptions? options = null)
    {
        EInvoiceXml.CheckReadable(stream);
        using var reader = XmlReader.Create(stream, EInvoiceXml.ReaderSettings(options));
        try
        {
            reader.MoveToContent();
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "CrossIndustryInvoice" && reader.NamespaceURI == CiiNames.Rsm)
            {
                var builder = new CiiTreeBuilder();
                do
                {
                    builder.Handle(reader);
                }
                while (reader.Read());

                return CiiModelReader.Map(builder, options);
            }

            if (reader.NodeType == XmlNodeType.Element && (reader.NamespaceURI == UblReader.InvoiceNamespace || reader.NamespaceURI == UblReader.CreditNoteNamespace))
            {
                return new UblParser(reader, options).Parse();
            }

            throw EInvoiceXml.Error(reader, FormattableString.Invariant(
                $"the root element is '{reader.LocalName}' in namespace '{reader.NamespaceURI}'; an EN 16931 document is a UBL 2.1 'Invoice' or 'CreditNote', or a CII 'CrossIndustryInvoice' ({CiiNames.Rsm})"));
        }
        catch (XmlException e)
        {
            throw EInvoiceXml.Malformed(e, reader);
        }
    }

    /// <summary>Reads a document from a stream that may block: it is buffered asynchronously (up to the size cap), then read.</summary>
    /// <param name="stream">The XML document; read from its current position and left open.</param>
    /// <param name="options">Reader limits, or null for <see cref="EInvoiceReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document as the EN 16931 model, its syntax, the currency of every amount and the element paths.</returns>
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
