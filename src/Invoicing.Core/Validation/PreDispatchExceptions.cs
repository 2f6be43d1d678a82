using Invoicing.Core.Documents;

namespace Invoicing.Core.Validation;

/// <summary>
/// Thrown by <see cref="PreDispatchValidator"/> when an issued invoice, debit note or credit note has
/// fatal findings on its EN 16931 model, so it must not be dispatched. The document is unchanged (it
/// stays issued).
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class InvoiceNotDispatchableException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="number">The document's number (BT-1).</param>
    /// <param name="findings">The fatal findings; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="findings"/> is empty.</exception>
    public InvoiceNotDispatchableException(InvoiceNumber number, IEnumerable<Finding> findings)
        : this(number, Preconditions.CopyNotNull(findings))
    {
    }

    private InvoiceNotDispatchableException(InvoiceNumber number, IReadOnlyList<Finding> findings)
        : base(findings.Count == 0
            ? throw new ArgumentException("A not-dispatchable exception needs at least one finding.", nameof(findings))
            : $"Document {number} cannot be dispatched: {findings.Count} fatal finding(s): " + string.Join("; ", findings))
    {
        Number = number;
        Findings = findings;
    }

    /// <summary>The document's number (BT-1).</summary>
    public InvoiceNumber Number { get; }

    /// <summary>The fatal findings that stop the dispatch.</summary>
    public IReadOnlyList<Finding> Findings { get; }
}
