using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using NodaTime;

namespace Invoicing.Core.Payments;

/// <summary>What a <see cref="PaymentAllocation"/> records.</summary>
public enum PaymentAllocationKind
{
    /// <summary>Part of the payment applied to an invoice (a <see cref="RecordedPaymentKind.Payment"/> entry on it).</summary>
    Invoice = 0,

    /// <summary>The part of the payment beyond its documents (an overpayment), recorded as customer credit.</summary>
    CustomerCredit = 1,

    /// <summary>An early-payment discount the payer took within its period: a discount credit note applied to the invoice. Not part of the payment's money.</summary>
    Discount = 2,

    /// <summary>A small shortfall within the tenant's tolerance, written off on the invoice with a reason (a <see cref="RecordedPaymentKind.WriteOff"/> entry). Not part of the payment's money.</summary>
    WriteOff = 3,

    /// <summary>An earlier allocation (to an invoice, to customer credit, or a write-off) taken back because the payment was reversed.</summary>
    Reversal = 4,
}

/// <summary>
/// One immutable entry of a payment's allocation: money applied to an invoice or to customer
/// credit, a discount or a written-off difference that settled an invoice alongside it, or the
/// reversal of an earlier entry. Entries are numbered from 1 in the order they were made.
/// </summary>
/// <remarks>Immutable and thread-safe. Created by <see cref="PaymentService"/>.</remarks>
public sealed record PaymentAllocation
{
    internal PaymentAllocation(int number, PaymentAllocationKind kind, Money amount, LocalDate date, InvoiceId invoiceId = default, InvoiceNumber invoiceNumber = default,
        int? invoiceEntry = null, CreditNoteId creditNoteId = default, InvoiceNumber creditNoteNumber = default, string? reason = null, int? reverses = null)
    {
        Number = number;
        Kind = kind;
        Amount = amount;
        Date = date;
        InvoiceId = invoiceId;
        InvoiceNumber = invoiceNumber;
        InvoiceEntry = invoiceEntry;
        CreditNoteId = creditNoteId;
        CreditNoteNumber = creditNoteNumber;
        Reason = reason;
        Reverses = reverses;
    }

    /// <summary>The entry's number within its payment, from 1.</summary>
    public int Number { get; }

    /// <summary>What it records.</summary>
    public PaymentAllocationKind Kind { get; }

    /// <summary>The amount, positive, in the payment currency.</summary>
    public Money Amount { get; }

    /// <summary>When the allocation was made.</summary>
    public LocalDate Date { get; }

    /// <summary>The invoice (kinds Invoice, Discount and WriteOff, and their reversals), or <c>default</c>.</summary>
    public InvoiceId InvoiceId { get; }

    /// <summary>The invoice's number (BT-1), or <c>default</c>.</summary>
    public InvoiceNumber InvoiceNumber { get; }

    /// <summary>The position (from 1) of the entry this allocation made in the invoice's <see cref="Invoice.Payments"/>: the payment, the write-off, or the reversal; null for the other kinds.</summary>
    public int? InvoiceEntry { get; }

    /// <summary>The discount credit note (kind Discount), or <c>default</c>.</summary>
    public CreditNoteId CreditNoteId { get; }

    /// <summary>Its number, or <c>default</c>.</summary>
    public InvoiceNumber CreditNoteNumber { get; }

    /// <summary>Why (a discount, a write-off or a reversal), or null.</summary>
    public string? Reason { get; }

    /// <summary>For a reversal, the <see cref="Number"/> of the allocation it reverses; null otherwise.</summary>
    public int? Reverses { get; }

    /// <summary>True for the kinds that use the payment's money (to an invoice, to customer credit); a discount or a write-off settles an invoice without it.</summary>
    public bool IsMoney => Kind is PaymentAllocationKind.Invoice or PaymentAllocationKind.CustomerCredit;

    /// <summary>Returns "#2 Invoice EUR 100.00 to INV-2026-000001 (entry 1)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var to = Kind switch
        {
            PaymentAllocationKind.CustomerCredit => " to customer credit",
            PaymentAllocationKind.Reversal => string.Create(CultureInfo.InvariantCulture, $" of #{Reverses}"),
            _ => $" to {InvoiceNumber}",
        };
        var entry = InvoiceEntry is int e ? string.Create(CultureInfo.InvariantCulture, $" (entry {e})") : string.Empty;
        var note = CreditNoteId.IsEmpty ? string.Empty : $" by {CreditNoteNumber}";
        return string.Create(CultureInfo.InvariantCulture, $"#{Number} {Kind} {Amount}{to}{note}{entry}");
    }
}
