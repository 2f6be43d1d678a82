using System.Xml;

namespace Invoicing.Core.EInvoicing.Ubl;

/// <summary>
/// Reads OASIS UBL 2.1 invoices (root <c>Invoice</c>) and credit notes (root <c>CreditNote</c>)
/// into the EN 16931 model, following the EN 16931-3-2 syntax binding.
/// </summary>
/// <remarks>
/// <para>Thread-safe: the class holds no state; each call reads its own stream.</para>
/// <para>The document is parsed in one forward pass with an <see cref="XmlReader"/> (no DOM is built).
/// Every term is optional: a partial document (such as the fragments of the official unit tests) reads,
/// and the validator judges what is missing. Elements the binding does not use are skipped by the model,
/// but every element enters the element tree the read result keeps for the UBL syntax rules. An empty
/// date, amount or quantity element reads as an absent term; a non-empty one that cannot be parsed
/// is a format error, or, with <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/>, an absent term
/// listed in <see cref="EInvoiceReadResult.UnreadableValues"/>.</para>
/// <para>Security: DTDs are refused (and with them every entity declaration), nothing is resolved, and
/// the document size is capped by <see cref="EInvoiceReaderOptions.MaxCharacters"/>.</para>
/// <para>Where UBL repeats what the model holds once, the first occurrence wins for codes and identifiers
/// (BT-81, BT-82, BT-83 of several <c>cac:PaymentMeans</c>), and texts are joined with a line feed
/// (several <c>cac:PaymentTerms/cbc:Note</c> into BT-20, several line <c>cbc:Note</c> into BT-127).</para>
/// </remarks>
public static class UblReader
{
    /// <summary>The namespace of the UBL 2.1 Invoice root element.</summary>
    internal const string InvoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";

    /// <summary>The namespace of the UBL 2.1 CreditNote root element.</summary>
    internal const string CreditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";

    /// <summary>The namespace of UBL basic components (prefix <c>cbc</c>).</summary>
    internal const string CbcNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// <summary>The namespace of UBL aggregate components (prefix <c>cac</c>).</summary>
    internal const string CacNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    /// <summary>Reads a UBL 2.1 Invoice or CreditNote.</summary>
    /// <param name="stream">The XML document; read from its current position and left open.</param>
    /// <param name="options">Reader limits, or null for <see cref="EInvoiceReaderOptions.Default"/>.</param>
    /// <returns>The document as the EN 16931 model, its syntax, the currency of every amount and the element paths.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="EInvoiceFormatException">
    /// The document is malformed XML, has a DTD or entity, is larger than the cap, has a root that is not a UBL
    /// Invoice or CreditNote, or holds a date or number that cannot be parsed (unless <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/> is set) or a charge indicator that is neither true nor false.
    /// </exception>
    public static EInvoiceReadResult Read(Stream stream, EInvoiceReaderOptions? options = null)
    {
        EInvoiceXml.CheckReadable(stream);
        using var reader = XmlReader.Create(stream, EInvoiceXml.ReaderSettings(options));
        try
        {
            return new UblParser(reader, options).Parse();
        }
        catch (XmlException e)
        {
            throw EInvoiceXml.Malformed(e, reader);
        }
    }

    /// <summary>
    /// Reads a UBL 2.1 Invoice or CreditNote from a stream that may block: the document (at most
    /// <see cref="EInvoiceReaderOptions.MaxCharacters"/> characters) is first buffered asynchronously, then parsed.
    /// </summary>
    /// <param name="stream">The XML document; read from its current position and left open.</param>
    /// <param name="options">Reader limits, or null for <see cref="EInvoiceReaderOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document as the EN 16931 model, its syntax, the currency of every amount and the element paths.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="EInvoiceFormatException">
    /// The document is malformed XML, has a DTD or entity, is larger than the cap, has a root that is not a UBL
    /// Invoice or CreditNote, or holds a date or number that cannot be parsed (unless <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/> is set) or a charge indicator that is neither true nor false.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async ValueTask<EInvoiceReadResult> ReadAsync(Stream stream, EInvoiceReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        EInvoiceXml.CheckReadable(stream);
        using var buffer = await EInvoiceXml.BufferAsync(stream, options, cancellationToken).ConfigureAwait(false);
        return Read(buffer, options);
    }
}
