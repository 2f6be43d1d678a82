using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using NodaTime;

namespace Invoicing.Core.Payments;

/// <summary>What a customer credit entry records.</summary>
public enum CustomerCreditEntryKind
{
    /// <summary>Credit received: the part of a credit note beyond the open amount of its invoice, or the part of a payment beyond the documents it paid.</summary>
    Credited = 0,

    /// <summary>Credit applied to another open invoice of the customer.</summary>
    Applied = 1,

    /// <summary>Credit paid back to the customer.</summary>
    Refunded = 2,

    /// <summary>Credit taken back because the payment it came from was reversed (a returned direct debit, a bounced cheque).</summary>
    Reversed = 3,
}

/// <summary>
/// One immutable entry of a customer's credit: credited from a credit note or a payment, applied to
/// an invoice, refunded, or taken back when its payment was reversed. The entries alone rebuild the
/// balance (<see cref="CustomerCreditAccount.Rebuild"/>).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record CustomerCreditEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="kind">What it records.</param>
    /// <param name="amount">The amount: positive, in whole minor units.</param>
    /// <param name="date">When.</param>
    /// <param name="source">The credit note or payment the credit comes from.</param>
    /// <param name="appliedTo">The invoice it was applied to (kind Applied), or <c>default</c>.</param>
    /// <param name="method">How it was refunded (kind Refunded: "bank transfer", "cash"), or null.</param>
    /// <param name="reference">The refund's, application's or reversal's reference, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is undefined, or <paramref name="amount"/> is not positive or not in whole minor units.</exception>
    /// <exception cref="ArgumentException">An application has no invoice or a refund no method (or they are given for another kind); a reversal takes back credit that is not a payment's; a text is too long.</exception>
    public CustomerCreditEntry(CustomerCreditEntryKind kind, Money amount, LocalDate date, CustomerCreditSource source,
        InvoiceId appliedTo = default, string? method = null, string? reference = null)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Undefined customer credit entry kind.");
        }

        if (!amount.IsPositive || !amount.IsRoundedToMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A customer credit entry is positive and in whole minor units; got {amount}.");
        }

        Source = Preconditions.CheckNotNull(source);
        Method = TextField.Optional(method, nameof(method), 100);
        if ((kind == CustomerCreditEntryKind.Applied) == appliedTo.IsEmpty || (kind == CustomerCreditEntryKind.Refunded) == (Method is null))
        {
            throw new ArgumentException($"An application names its invoice and a refund its method, and no other entry does ({kind}).", nameof(appliedTo));
        }

        if (kind == CustomerCreditEntryKind.Reversed && source.Kind != CustomerCreditSourceKind.Payment)
        {
            throw new ArgumentException($"Only credit from a payment is taken back by reversing the payment; {source} is not one.", nameof(source));
        }

        Kind = kind;
        Amount = amount;
        Date = date;
        AppliedTo = appliedTo;
        Reference = TextField.Optional(reference, nameof(reference), 200);
    }

    /// <summary>What it records.</summary>
    public CustomerCreditEntryKind Kind { get; }

    /// <summary>The amount.</summary>
    public Money Amount { get; }

    /// <summary>When.</summary>
    public LocalDate Date { get; }

    /// <summary>The credit note or payment the credit comes from.</summary>
    public CustomerCreditSource Source { get; }

    /// <summary>The invoice it was applied to, or <c>default</c>.</summary>
    public InvoiceId AppliedTo { get; }

    /// <summary>How it was refunded, or null.</summary>
    public string? Method { get; }

    /// <summary>The reference, or null.</summary>
    public string? Reference { get; }

    /// <summary>The signed effect on the balance: + credited, − applied, refunded or reversed.</summary>
    public Money Effect => Kind == CustomerCreditEntryKind.Credited ? Amount : -Amount;

    /// <summary>Returns "2026-11-30 Credited EUR 10.00 from credit note CN-2026-000002".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Date:uuuu-MM-dd} {Kind} {Amount} from {Source}";
}
