namespace Invoicing.Core.Documents;

/// <summary>
/// A reference to an issued invoice, as a credit or debit note carries it (EN 16931 BG-3: the
/// preceding invoice number BT-25 and its issue date BT-26), with the invoice's id for the host.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record InvoiceReference
{
    /// <summary>Creates a reference.</summary>
    /// <param name="id">The invoice's id; not <c>default</c>.</param>
    /// <param name="number">Its number (BT-25); not <c>default</c>.</param>
    /// <param name="issueDate">Its issue date (BT-26).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="number"/> is <c>default</c>.</exception>
    public InvoiceReference(InvoiceId id, InvoiceNumber number, NodaTime.LocalDate issueDate)
    {
        Identifier.RequireSet(id, nameof(id));
        Identifier.RequireSet(number, nameof(number));
        Id = id;
        Number = number;
        IssueDate = issueDate;
    }

    /// <summary>The invoice's id.</summary>
    public InvoiceId Id { get; }

    /// <summary>The invoice number (BT-25).</summary>
    public InvoiceNumber Number { get; }

    /// <summary>The invoice's issue date (BT-26).</summary>
    public NodaTime.LocalDate IssueDate { get; }

    /// <summary>The reference to an issued invoice.</summary>
    /// <param name="invoice">The invoice; issued (it has a number and an issue date).</param>
    /// <returns>The reference.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice has not been issued.</exception>
    public static InvoiceReference To(Invoice invoice)
    {
        Preconditions.CheckNotNull(invoice);
        return invoice.Number is InvoiceNumber number && invoice.IssueDate is NodaTime.LocalDate date
            ? new InvoiceReference(invoice.Id, number, date)
            : throw new InvoiceStateException(invoice.Id, invoice.Status, "Reference", $"Invoice {invoice} has not been issued, so nothing can refer to it.");
    }

    /// <summary>Returns "INV-2026-000123 of 2026-11-23".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Number} of {IssueDate:uuuu-MM-dd}";
}
