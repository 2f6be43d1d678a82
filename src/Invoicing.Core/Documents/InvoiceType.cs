namespace Invoicing.Core.Documents;

/// <summary>The kind of receivable document an <see cref="Invoice"/> is: its UNCL 1001 document type code (BT-3).</summary>
public enum InvoiceType
{
    /// <summary>380, commercial invoice.</summary>
    Invoice = 380,

    /// <summary>
    /// 383, debit note: charges more for an issued invoice (an undercharge, a late-delivery surcharge,
    /// a price correction upwards). It refers to the invoice (BT-25, BT-26), is numbered from its own
    /// series, and is a receivable of its own, with its own due date, payments and open amount.
    /// </summary>
    DebitNote = 383,
}
