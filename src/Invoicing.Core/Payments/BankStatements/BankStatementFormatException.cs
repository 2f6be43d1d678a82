using System.Globalization;

namespace Invoicing.Core.Payments.BankStatements;

/// <summary>
/// Thrown when a camt.053 or camt.054 file cannot be read: the XML is malformed, contains a DTD or
/// an entity, uses an unsupported namespace, lacks a required element, or holds a value that is not
/// what ISO 20022 allows there (an amount without currency, a date that is not a date).
/// </summary>
/// <remarks>
/// The message starts with "line L, position P: " and names the element and the value found.
/// Immutable; safe to share across threads.
/// </remarks>
public sealed class BankStatementFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at a place in the file.</summary>
    /// <param name="problem">What is wrong, naming the element and the value (English, invariant culture).</param>
    /// <param name="lineNumber">The 1-based line of the problem, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position in the line, or 0 when unknown.</param>
    public BankStatementFormatException(string problem, int lineNumber, int linePosition)
        : this(problem, lineNumber, linePosition, null)
    {
    }

    /// <summary>Creates the exception for a problem at a place in the file, caused by another error.</summary>
    /// <param name="problem">What is wrong, naming the element and the value (English, invariant culture).</param>
    /// <param name="lineNumber">The 1-based line of the problem, or 0 when unknown.</param>
    /// <param name="linePosition">The 1-based position in the line, or 0 when unknown.</param>
    /// <param name="innerException">The error that caused this one (such as an <see cref="System.Xml.XmlException"/>), or null.</param>
    public BankStatementFormatException(string problem, int lineNumber, int linePosition, Exception? innerException)
        : base(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}, position {linePosition}: {problem}"), innerException)
    {
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int LineNumber { get; }

    /// <summary>The 1-based position of the problem in its line, or 0 when unknown.</summary>
    public int LinePosition { get; }
}
