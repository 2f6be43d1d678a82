namespace Invoicing.Core.Documents;

/// <summary>
/// Thrown when a command does not fit the invoice's status: editing or discarding an issued
/// invoice, issuing twice, paying a draft. The invoice is unchanged.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class InvoiceStateException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="invoiceId">The invoice.</param>
    /// <param name="status">Its status.</param>
    /// <param name="command">The command that was refused, for example "AddLine".</param>
    /// <param name="message">Why, and what to do instead.</param>
    public InvoiceStateException(InvoiceId invoiceId, InvoiceStatus status, string command, string message)
        : base(message)
    {
        InvoiceId = invoiceId;
        Status = status;
        Command = command;
    }

    /// <summary>The invoice.</summary>
    public InvoiceId InvoiceId { get; }

    /// <summary>Its status when the command was refused.</summary>
    public InvoiceStatus Status { get; }

    /// <summary>The refused command.</summary>
    public string Command { get; }
}

/// <summary>One reason a draft cannot be issued, naming the field.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Field">The field, with its EN 16931 id where there is one ("buyer (BG-7)", "lines (BG-25)").</param>
/// <param name="Message">What is wrong.</param>
public sealed record InvoiceProblem(string Field, string Message)
{
    /// <summary>Returns "field: message".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>Thrown when a draft cannot be issued because it is incomplete or inconsistent; lists every problem. The draft is unchanged.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class InvoiceValidationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="invoiceId">The draft.</param>
    /// <param name="problems">What prevents issuing it; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public InvoiceValidationException(InvoiceId invoiceId, IEnumerable<InvoiceProblem> problems)
        : this(invoiceId, Preconditions.CopyNotNull(problems))
    {
    }

    private InvoiceValidationException(InvoiceId invoiceId, IReadOnlyList<InvoiceProblem> problems)
        : base(problems.Count == 0
            ? throw new ArgumentException("An invoice validation exception needs at least one problem.", nameof(problems))
            : $"Invoice {invoiceId} cannot be issued: " + string.Join("; ", problems))
    {
        InvoiceId = invoiceId;
        Problems = problems;
    }

    /// <summary>The draft.</summary>
    public InvoiceId InvoiceId { get; }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InvoiceProblem> Problems { get; }
}
