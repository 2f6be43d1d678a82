using System.Globalization;

namespace Invoicing.Core.EInvoicing;

/// <summary>
/// Thrown when a UBL or CII document cannot be read: the XML is malformed, contains a DTD or an
/// entity, exceeds the size cap, has a root that is neither UBL Invoice/CreditNote nor CII
/// CrossIndustryInvoice, or holds a value that cannot be what its element says (a date that is not
/// a date, an amount that is not a number).
/// </summary>
/// <remarks>
/// The message starts with "line L, position P: " and names the element and the value found;
/// <see cref="Problem"/> is the same text without the place. A document that is well formed but
/// breaks EN 16931 rules is not a format error: it reads, and the validator reports its findings.
/// </remarks>
public sealed class EInvoiceFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at a place in the document.</summary>
    /// <param name="problem">What is wrong, naming the element and the value (English, invariant culture).</param>
    /// <param name="lineNumber">The 1-based line of the problem, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position in the line, or 0 when unknown.</param>
    /// <param name="innerException">The error that caused this one (such as an <see cref="System.Xml.XmlException"/>), or null.</param>
    public EInvoiceFormatException(string problem, int lineNumber, int linePosition, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}, position {linePosition}: {problem}"), innerException)
    {
        Problem = problem;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>What is wrong, without the place.</summary>
    public string Problem { get; }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The 1-based position of the problem in its line, or 0 when unknown.</summary>
    public int LinePosition { get; }
}
