using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// An early-payment discount an open item offers: <see cref="Percent"/> off the open amount when paid
/// on or before <see cref="Until"/>.
/// </summary>
/// <param name="Percent">The discount: more than 0 and less than 100 (2 means 2 %).</param>
/// <param name="Until">The last value date that earns it.</param>
public readonly record struct OpenItemDiscount(decimal Percent, LocalDate Until)
{
    /// <summary>
    /// The discount in money on the item's open amount, when the document fixes it (<see cref="OpenItem.FromInvoice"/>
    /// sets what the payment service grants), or null to take <see cref="Percent"/> of the open amount.
    /// </summary>
    public Money? Amount { get; init; }

    /// <summary>The discount on <paramref name="open"/>: <see cref="Amount"/> when set, else <see cref="Percent"/> of it rounded half away from zero to minor units.</summary>
    /// <param name="open">The open amount.</param>
    /// <returns>The discount amount.</returns>
    public Money On(Money open) => Amount ?? (open * (Percent / 100m)).Round();
}

/// <summary>
/// One open receivable document as the matcher sees it: number, customer, currency and open amount,
/// with what helps to recognise its payment (creditor reference, discount terms, the accounts the
/// customer is known to pay from).
/// </summary>
/// <remarks>Immutable and thread-safe. The matcher works within one tenant: pass the open items of the
/// tenant whose bank statement is reconciled.</remarks>
public sealed class OpenItem
{
    /// <summary>Creates an open item.</summary>
    /// <param name="documentNumber">The document number (BT-1), for example "INV-2026-000123"; 1 to 100 characters.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="openAmount">What is still owed: positive, in whole minor units.</param>
    /// <exception cref="ArgumentNullException"><paramref name="documentNumber"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="documentNumber"/> is blank or too long, or <paramref name="customerId"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="openAmount"/> is not positive or not in whole minor units.</exception>
    public OpenItem(string documentNumber, CustomerId customerId, Money openAmount)
    {
        DocumentNumber = TextField.Required(documentNumber, nameof(documentNumber), 100);
        Identifier.RequireSet(customerId, nameof(customerId));
        if (!openAmount.IsPositive || !openAmount.IsRoundedToMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(openAmount), openAmount,
                $"The open amount of {DocumentNumber} must be positive and in whole minor units; got {openAmount}.");
        }

        CustomerId = customerId;
        OpenAmount = openAmount;
    }

    /// <summary>The document number.</summary>
    public string DocumentNumber { get; }

    /// <summary>The customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The customer's name, or null.</summary>
    public string? CustomerName { get; init => field = TextField.Optional(value, nameof(CustomerName), 300); }

    /// <summary>The currency of <see cref="OpenAmount"/>.</summary>
    public Currency Currency => OpenAmount.Currency;

    /// <summary>What is still owed.</summary>
    public Money OpenAmount { get; }

    /// <summary>The issue date, or null.</summary>
    public LocalDate? IssueDate { get; init; }

    /// <summary>The due date, or null.</summary>
    public LocalDate? DueDate { get; init; }

    /// <summary>The payment reference printed on the document (BT-83): an ISO 11649 or national creditor
    /// reference, or the host's own reference; null when there is none.</summary>
    public string? CreditorReference { get; init => field = TextField.Optional(value, nameof(CreditorReference), 100); }

    /// <summary>The early-payment discount the document offers, or null.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The percentage is not more than 0 and less than 100, or the discount's amount is not positive, not in the
    /// open amount's currency, or not less than the open amount.
    /// </exception>
    public OpenItemDiscount? Discount
    {
        get;
        init => field = value switch
        {
            { Percent: <= 0m or >= 100m } d => throw new ArgumentOutOfRangeException(nameof(Discount), d.Percent, string.Create(CultureInfo.InvariantCulture, $"An early-payment discount of {DocumentNumber} is more than 0 and less than 100 percent; got {d.Percent}.")),
            { Amount: Money amount } when amount.Currency != OpenAmount.Currency || !amount.IsPositive || amount >= OpenAmount
                => throw new ArgumentOutOfRangeException(nameof(Discount), amount, $"The early-payment discount of {DocumentNumber} is positive, in {OpenAmount.Currency.Code} and less than the open amount {OpenAmount}; got {amount}."),
            _ => value,
        };
    }

    /// <summary>The accounts (IBANs or other account numbers) the customer is known to pay from; compared without spaces and case.</summary>
    /// <exception cref="ArgumentNullException">The list or an account is null.</exception>
    public IReadOnlyList<string> PayerAccounts { get; init => field = Array.AsReadOnly(Preconditions.CopyNotNull(value).ToArray()); } = [];

    /// <summary>
    /// The open item of an issued invoice or debit note: its number, customer, open amount, issue and due dates,
    /// and its early-payment discount (the percentage of its payment terms, until the schedule's discount deadline,
    /// with the amount the payment service grants on what is open: the schedule's discount, or its share rounded
    /// down once the invoice is partly paid or credited; it does not know the credit notes that may cap it).
    /// </summary>
    /// <param name="invoice">The invoice: issued or partially paid, with an open amount and a customer.</param>
    /// <param name="creditorReference">The payment reference printed on it (for example
    /// <c>CreditorReference.CreateIso11649(number).Value</c>), or null.</param>
    /// <param name="payerAccounts">The accounts the customer is known to pay from, or null.</param>
    /// <returns>The open item.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or an account is null.</exception>
    /// <exception cref="ArgumentException">The invoice is not issued with an open amount, or has no customer; the message names it.</exception>
    public static OpenItem FromInvoice(Invoice invoice, string? creditorReference = null, IEnumerable<string>? payerAccounts = null)
    {
        Preconditions.CheckNotNull(invoice);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid) || invoice.Number is not { } number || !invoice.OpenAmount.IsPositive)
        {
            throw new ArgumentException($"Invoice {invoice} is {invoice.Status} with {invoice.OpenAmount} open: only issued invoices with an open amount are open items.", nameof(invoice));
        }

        if (invoice.Header.CustomerId.IsEmpty)
        {
            throw new ArgumentException($"Invoice {invoice} has no customer; an open item belongs to one.", nameof(invoice));
        }

        var percent = invoice.Header.PaymentTerms?.Discount?.Percent;
        var until = invoice.Schedule?.DiscountDeadline;
        var amount = invoice.Schedule?.DiscountShare(invoice.Totals.AmountDue, invoice.OpenAmount);
        return new OpenItem(number.Value, invoice.Header.CustomerId, invoice.OpenAmount)
        {
            CustomerName = invoice.Header.Buyer?.Name,
            IssueDate = invoice.IssueDate,
            DueDate = invoice.DueDate,
            CreditorReference = creditorReference,
            Discount = percent is { } p && until is { } u && amount is { IsPositive: true } a ? new OpenItemDiscount(p, u) { Amount = a } : null,
            PayerAccounts = [.. payerAccounts ?? []],
        };
    }

    /// <summary>Returns "INV-2026-000123 C-1 EUR 119.00".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{DocumentNumber} {CustomerId} {OpenAmount}";
}
