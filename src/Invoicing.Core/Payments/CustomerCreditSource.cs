using Invoicing.Core.Documents;

namespace Invoicing.Core.Payments;

/// <summary>Where customer credit comes from.</summary>
public enum CustomerCreditSourceKind
{
    /// <summary>A credit note: the part beyond the open amount of its invoice.</summary>
    CreditNote = 0,

    /// <summary>A payment: the part beyond the documents it was applied to (an overpayment).</summary>
    Payment = 1,
}

/// <summary>
/// The origin of a piece of customer credit: a credit note (by id and number) or a payment (by id).
/// Every <see cref="CustomerCreditEntry"/> names one, so that each application, refund or reversal
/// takes from a known origin and never more than it gave.
/// </summary>
/// <remarks>Immutable and thread-safe; value equality. Create with <see cref="FromCreditNote"/> or <see cref="FromPayment"/>.</remarks>
public sealed record CustomerCreditSource
{
    private CustomerCreditSource(CustomerCreditSourceKind kind, CreditNoteId creditNoteId, InvoiceNumber creditNoteNumber, PaymentId paymentId)
    {
        Kind = kind;
        CreditNoteId = creditNoteId;
        CreditNoteNumber = creditNoteNumber;
        PaymentId = paymentId;
    }

    /// <summary>Whether the credit comes from a credit note or a payment.</summary>
    public CustomerCreditSourceKind Kind { get; }

    /// <summary>The credit note, or <c>default</c> for a payment.</summary>
    public CreditNoteId CreditNoteId { get; }

    /// <summary>The credit note's number, or <c>default</c> for a payment.</summary>
    public InvoiceNumber CreditNoteNumber { get; }

    /// <summary>The payment, or <c>default</c> for a credit note.</summary>
    public PaymentId PaymentId { get; }

    /// <summary>Credit from a credit note.</summary>
    /// <param name="id">The credit note; not <c>default</c>.</param>
    /// <param name="number">Its number; not <c>default</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> or <paramref name="number"/> is <c>default</c>.</exception>
    public static CustomerCreditSource FromCreditNote(CreditNoteId id, InvoiceNumber number)
    {
        Identifier.RequireSet(id);
        Identifier.RequireSet(number);
        return new(CustomerCreditSourceKind.CreditNote, id, number, default);
    }

    /// <summary>Credit from a payment (an overpayment).</summary>
    /// <param name="id">The payment; not <c>default</c>.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>.</exception>
    public static CustomerCreditSource FromPayment(PaymentId id)
    {
        Identifier.RequireSet(id);
        return new(CustomerCreditSourceKind.Payment, default, default, id);
    }

    /// <summary>Returns "credit note CN-2026-000002" or "payment P-17".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind == CustomerCreditSourceKind.CreditNote ? $"credit note {CreditNoteNumber}" : $"payment {PaymentId}";
}
