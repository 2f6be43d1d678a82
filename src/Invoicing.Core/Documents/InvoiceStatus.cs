namespace Invoicing.Core.Documents;

/// <summary>Where an invoice is in its life. Overdue is not a status: it follows from the due date and today (see <see cref="Invoice.IsOverdue"/>).</summary>
public enum InvoiceStatus
{
    /// <summary>Being prepared: editable and discardable, without a number.</summary>
    Draft = 0,

    /// <summary>Issued with a number and immutable; nothing paid yet.</summary>
    Issued = 1,

    /// <summary>Issued, and part of the amount due has been paid.</summary>
    PartiallyPaid = 2,

    /// <summary>Issued and paid in full.</summary>
    Paid = 3,

    /// <summary>Cancelled by a full credit note.</summary>
    Cancelled = 4,

    /// <summary>The open amount was written off as uncollectible, with a reason.</summary>
    WrittenOff = 5,

    /// <summary>A draft that was thrown away; it never got a number.</summary>
    Discarded = 6,
}
