using System.Xml;

namespace Invoicing.Core.Payments.BankStatements;

/// <summary>
/// Reads ISO 20022 bank-to-customer cash management messages: camt.053 statements and camt.054
/// debit/credit notifications, versions .001.02 to .001.08 (see docs/bank-statements.md).
/// </summary>
/// <remarks>
/// <para>Thread-safe: the class holds no state; each call reads its own stream.</para>
/// <para>The file is parsed in one forward pass with an <see cref="XmlReader"/> (no DOM is built) and
/// the model is materialized as it goes, so memory grows with the number of entries, not with the
/// markup. A file may hold at most <see cref="MaxCharacters"/> characters.</para>
/// <para>Security: DTDs are refused (and with them external and internal entity declarations),
/// nothing is resolved, and no entity may expand. Any problem, including malformed XML, is a
/// <see cref="BankStatementFormatException"/> naming the line and position.</para>
/// <para>Elements the model does not read (balances, transaction summaries, charges, agents,
/// supplementary data, ...) are skipped without checking their content beyond well-formedness.</para>
/// </remarks>
public static class CamtReader
{
    /// <summary>The largest file, in characters, that the reader accepts: 512 MiB of text.</summary>
    public const long MaxCharacters = 512L * 1024 * 1024;

    /// <summary>
    /// Reads every statement (camt.053 <c>Stmt</c>) or notification (camt.054 <c>Ntfctn</c>) of a message.
    /// </summary>
    /// <param name="stream">The XML message; read from its current position and left open.</param>
    /// <param name="cancellationToken">Cancels the read between elements.</param>
    /// <returns>The statements or notifications in file order, each with its entries; at least one.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read.</exception>
    /// <exception cref="BankStatementFormatException">
    /// The file is malformed XML, has a DTD or entity, is larger than <see cref="MaxCharacters"/>, is
    /// not a supported camt.053/camt.054 version, lacks a required element, or holds an invalid value.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async ValueTask<IReadOnlyList<BankStatement>> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        var settings = new XmlReaderSettings
        {
            Async = true,
            CloseInput = false,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = MaxCharacters,
        };

        using var reader = XmlReader.Create(stream, settings);
        var parser = new CamtParser(reader, cancellationToken);
        try
        {
            return await parser.ReadDocumentAsync().ConfigureAwait(false);
        }
        catch (XmlException e)
        {
            // XmlReader refuses a DTD without saying where; the place is then that of the last node
            // read before it (the XML declaration), or the start of the file.
            var (line, position) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : parser.Place;
            throw new BankStatementFormatException($"the file is not well-formed XML or breaks the reader's limits: {e.Message}", line, position, e);
        }
    }
}
