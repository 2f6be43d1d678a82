namespace Invoicing.Core.EInvoicing;

/// <summary>
/// A value a document holds where its element's data type cannot take it (a date that is not a date, an
/// amount that is not a number), kept when <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/> is set:
/// the term is absent from the model, and the validator reports it (rule <c>XSD-VALUE</c>, fatal).
/// </summary>
/// <param name="Path">The place in the model, as findings give it (<c>BG-25[2]/BT-131</c>).</param>
/// <param name="ElementPath">The element that holds the value, as written (<c>/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount</c>).</param>
/// <param name="Value">The text found (trimmed; at most 64 characters, longer text cut with "...").</param>
/// <param name="Problem">What the element expects, and that the value is not that (English, invariant culture).</param>
/// <param name="LineNumber">The 1-based line of the element, or 0 when unknown.</param>
/// <param name="LinePosition">The 1-based position of the element in its line, or 0 when unknown.</param>
public sealed record UnreadableValue(string Path, string ElementPath, string Value, string Problem, int LineNumber, int LinePosition)
{
    /// <summary>The business term, the last step of <see cref="Path"/> (BT-2, BT-131).</summary>
    public string Term => Path[(Path.LastIndexOf('/') + 1)..];
}
