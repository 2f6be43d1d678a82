namespace Invoicing.Core.EInvoicing;

/// <summary>
/// What a reader returns: the document as the EN 16931 model, the syntax it was written in, and
/// what only the syntax carries and the rules still judge (the currency of every amount in UBL).
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class EInvoiceReadResult
{
    private readonly Func<string, string?> _elementPath;

    internal EInvoiceReadResult(EInvoice document, EInvoiceSyntax syntax, IReadOnlyList<string> amountCurrencyCodes, Func<string, string?> elementPath, Ubl.UblSyntaxTree? ublTree = null, IReadOnlyList<UnreadableValue>? unreadableValues = null)
    {
        UnreadableValues = unreadableValues is { Count: > 0 } unreadable ? Array.AsReadOnly([.. unreadable]) : [];
        UblTree = ublTree;
        Document = document;
        Syntax = syntax;
        AmountCurrencyCodes = Array.AsReadOnly([.. amountCurrencyCodes]);
        _elementPath = elementPath;
    }

    /// <summary>The document, every term as read (nothing corrected, nothing defaulted).</summary>
    public EInvoice Document { get; }

    /// <summary>The syntax the document was written in.</summary>
    public EInvoiceSyntax Syntax { get; }

    /// <summary>
    /// The currency code given on each amount (UBL <c>currencyID</c>, CII only on the tax totals),
    /// distinct, in document order; BR-CL-03 checks them against ISO 4217.
    /// </summary>
    public IReadOnlyList<string> AmountCurrencyCodes { get; }

    /// <summary>
    /// The values that could not be read, in document order, their terms absent from <see cref="Document"/>; always
    /// empty unless <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/> was set (else the read throws).
    /// </summary>
    public IReadOnlyList<UnreadableValue> UnreadableValues { get; }

    /// <summary>The element tree of a UBL document, for the UBL syntax rules; null for CII.</summary>
    internal Ubl.UblSyntaxTree? UblTree { get; }

    /// <summary>
    /// The element path in this syntax of a place in the model, such as
    /// <c>/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount</c> for <c>BG-25[2]/BT-131</c>, or null when
    /// the syntax has no element for it.
    /// </summary>
    /// <param name="modelPath">A model path as findings give it: groups and terms separated by '/', repeated groups with a 1-based index.</param>
    /// <returns>The element path, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelPath"/> is null.</exception>
    public string? ElementPath(string modelPath)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        return _elementPath(modelPath);
    }
}
