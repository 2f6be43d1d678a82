using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Payments;

/// <summary>An entry was added to a customer's credit.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="CustomerId">The customer.</param>
/// <param name="Version">The account version produced.</param>
/// <param name="OccurredAt">When, from the service's clock.</param>
/// <param name="Entry">The entry.</param>
/// <param name="Balance">The balance after it.</param>
public sealed record CustomerCreditChanged(TenantId TenantId, CustomerId CustomerId, int Version, Instant OccurredAt, CustomerCreditEntry Entry, Money Balance);

/// <summary>The next version of a customer's credit and the events that produced it, one per entry.</summary>
/// <param name="Account">The next version.</param>
/// <param name="Events">The events, in order.</param>
public sealed record CustomerCreditChange(CustomerCreditAccount Account, IReadOnlyList<CustomerCreditChanged> Events);

/// <summary>Customer credit applied to an invoice: the credit account's change and the invoice's versions (one per source, credit note or payment, the credit came from).</summary>
/// <param name="Credit">The credit account's change.</param>
/// <param name="Invoice">The invoice's changes, in order; the last holds its current version.</param>
public sealed record CustomerCreditApplication(CustomerCreditChange Credit, IReadOnlyList<InvoiceChange> Invoice);

/// <summary>
/// Keeps customer credit: records what a credit note credited beyond its invoice's open amount (an
/// overpayment becomes credit through <see cref="PaymentService"/>), applies it to another open
/// invoice of the same customer, tenant and currency (oldest credit first), and refunds it. Every
/// change is an immutable entry with an event.
/// </summary>
/// <remarks>Thread-safe: the service holds only its clock.</remarks>
public sealed class CustomerCreditService
{
    private readonly IClock _clock;

    /// <summary>Creates the service.</summary>
    /// <param name="clock">The source of "now" (events).</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public CustomerCreditService(IClock clock) => _clock = Preconditions.CheckNotNull(clock);

    /// <summary>Records the unapplied part of a credit note (<see cref="AppliedCredit.Unapplied"/>, from <see cref="InvoiceService.ApplyCredit"/>) as customer credit.</summary>
    /// <param name="account">The customer's credit account in the note's currency.</param>
    /// <param name="creditNote">The credit note.</param>
    /// <param name="applied">What applying it to its invoice left over.</param>
    /// <returns>The next version and its event.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The note is another customer's, tenant's or currency's, <paramref name="applied"/> is another note's, nothing is left over, or the note was recorded already.</exception>
    public CustomerCreditChange Record(CustomerCreditAccount account, CreditNote creditNote, AppliedCredit applied)
    {
        Preconditions.CheckNotNull(account);
        Preconditions.CheckNotNull(creditNote);
        Preconditions.CheckNotNull(applied);
        RequireSameOwner(account, creditNote.TenantId, creditNote.CustomerId, creditNote.Currency, $"credit note {creditNote.Number}");
        if (applied.CreditNoteId != creditNote.Id || !applied.Unapplied.IsPositive)
        {
            throw new ArgumentException($"Credit note {creditNote.Number} left nothing over to record as customer credit ({applied.Unapplied}).", nameof(applied));
        }

        var source = CustomerCreditSource.FromCreditNote(creditNote.Id, creditNote.Number);
        if (account.Entries.Any(e => e.Kind == CustomerCreditEntryKind.Credited && e.Source == source))
        {
            throw new ArgumentException($"Credit note {creditNote.Number} was recorded as customer credit already.", nameof(creditNote));
        }

        return Add(account, [new CustomerCreditEntry(CustomerCreditEntryKind.Credited, applied.Unapplied, applied.Date, source)]);
    }

    /// <summary>Records the part of a payment beyond the documents it paid as customer credit (for <see cref="PaymentService"/>, which records the matching allocation).</summary>
    internal CustomerCreditChange RecordOverpayment(CustomerCreditAccount account, Payment payment, Money amount, LocalDate date)
    {
        RequireSameOwner(account, payment.TenantId, payment.CustomerId, payment.Currency, $"payment {payment.Id}");
        var source = CustomerCreditSource.FromPayment(payment.Id);
        return Add(account, [new CustomerCreditEntry(CustomerCreditEntryKind.Credited, amount, date, source, reference: payment.Details.BankReference)]);
    }

    /// <summary>Takes back the credit a reversed payment gave (for <see cref="PaymentService"/>); all of it must be left.</summary>
    /// <exception cref="PaymentStateException">Some of the credit was applied or refunded already; the message names where it went.</exception>
    internal CustomerCreditChange TakeBack(CustomerCreditAccount account, Payment payment, Money amount, LocalDate date, string reason)
    {
        RequireSameOwner(account, payment.TenantId, payment.CustomerId, payment.Currency, $"payment {payment.Id}");
        var source = CustomerCreditSource.FromPayment(payment.Id);
        var left = account.LeftOf(source);
        if (left < amount)
        {
            var used = account.Entries.Where(e => e.Source == source && e.Kind is CustomerCreditEntryKind.Applied or CustomerCreditEntryKind.Refunded or CustomerCreditEntryKind.Reversed)
                .Select(e => e.Kind == CustomerCreditEntryKind.Applied ? $"{e.Amount} applied to invoice {e.Reference ?? e.AppliedTo.Value} on {e.Date:uuuu-MM-dd}"
                    : e.Kind == CustomerCreditEntryKind.Refunded ? $"{e.Amount} refunded by {e.Method} on {e.Date:uuuu-MM-dd}"
                    : $"{e.Amount} taken back on {e.Date:uuuu-MM-dd}");
            throw new PaymentStateException(payment.Id, nameof(PaymentService.Reverse),
                $"Cannot reverse payment {payment.Id}: the {amount} of customer credit it gave customer {payment.CustomerId} is no longer all there (only {left} is left; {string.Join("; ", used)}). "
                + "Undo those first, or settle the returned payment with the customer by other means.");
        }

        return Add(account, [new CustomerCreditEntry(CustomerCreditEntryKind.Reversed, amount, date, source, reference: TextField.Optional(reason, nameof(reason), 200))]);
    }

    /// <summary>
    /// Applies customer credit to an open invoice of the same customer, tenant and currency, oldest
    /// credit first: the invoice records each credit note it draws on as a credit
    /// (<see cref="Invoice.Credits"/>) and each payment it draws on (an earlier overpayment) as a
    /// payment (<see cref="Invoice.Payments"/>); the account records an application entry for each.
    /// </summary>
    /// <param name="account">The customer's credit account.</param>
    /// <param name="invoice">The invoice: issued or partially paid, of the account's customer, tenant and currency.</param>
    /// <param name="amount">How much: positive, at most the balance and the invoice's open amount.</param>
    /// <param name="invoices">The invoice service (it records the credits on the invoice).</param>
    /// <param name="date">When, or null for today in the invoice service's time zone.</param>
    /// <returns>The account's change and the invoice's versions.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The invoice is another customer's, tenant's or currency's, or already draws on one of the credit notes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive, or exceeds the balance or the open amount.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not issued or partially paid.</exception>
    public CustomerCreditApplication ApplyTo(CustomerCreditAccount account, Invoice invoice, Money amount, InvoiceService invoices, LocalDate? date = null)
    {
        Preconditions.CheckNotNull(account);
        Preconditions.CheckNotNull(invoice);
        Preconditions.CheckNotNull(invoices);
        RequireSameOwner(account, invoice.TenantId, invoice.Header.CustomerId, invoice.Currency, $"invoice {invoice}");
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid))
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(ApplyTo), $"Customer credit goes to issued invoices with an open amount; {invoice} is {invoice.Status}.");
        }

        if (!amount.IsPositive || amount > account.Balance || amount > invoice.OpenAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                $"Customer credit applied to {invoice} is positive and at most the balance of {account.Balance} and the open amount of {invoice.OpenAmount}; got {amount}.");
        }

        var when = date ?? invoices.Today;
        var entries = new List<CustomerCreditEntry>();
        var changes = new List<InvoiceChange>();
        var rest = amount;
        foreach (var (source, left) in account.Available())
        {
            if (rest.IsZero)
            {
                break;
            }

            var take = Money.Min(left, rest);
            var current = changes.Count == 0 ? invoice : changes[^1].Invoice;
            var change = source.Kind == CustomerCreditSourceKind.CreditNote
                ? invoices.ApplyCustomerCredit(current, new AppliedCredit(source.CreditNoteId, source.CreditNoteNumber, take, take, when, fromCustomerCredit: true))
                : invoices.RecordPayment(current, take, when, $"customer credit from payment {source.PaymentId}");
            changes.Add(change);
            entries.Add(new CustomerCreditEntry(CustomerCreditEntryKind.Applied, take, when, source, invoice.Id, reference: invoice.Number?.Value));
            rest -= take;
        }

        return new CustomerCreditApplication(Add(account, entries), changes.AsReadOnly());
    }

    /// <summary>Pays customer credit back, oldest credit first.</summary>
    /// <param name="account">The customer's credit account.</param>
    /// <param name="amount">How much: positive, at most the balance.</param>
    /// <param name="method">How ("bank transfer", "cash").</param>
    /// <param name="reference">The refund's reference, or null.</param>
    /// <param name="date">When.</param>
    /// <returns>The next version and its events.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> or <paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="method"/> is blank, or a text is too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or exceeds the balance.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    public CustomerCreditChange Refund(CustomerCreditAccount account, Money amount, string method, string? reference, LocalDate date)
    {
        Preconditions.CheckNotNull(account);
        var how = TextField.Required(method, nameof(method), 100);
        if (amount.Currency != account.Currency)
        {
            throw new CurrencyMismatchException(account.Currency, amount.Currency, "the refund");
        }

        if (!amount.IsPositive || amount > account.Balance)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A refund is positive and at most the customer credit of {account.Balance}; got {amount}.");
        }

        var entries = new List<CustomerCreditEntry>();
        var rest = amount;
        foreach (var (source, left) in account.Available())
        {
            if (rest.IsZero)
            {
                break;
            }

            var take = Money.Min(left, rest);
            entries.Add(new CustomerCreditEntry(CustomerCreditEntryKind.Refunded, take, date, source, method: how, reference: reference));
            rest -= take;
        }

        return Add(account, entries);
    }

    private static void RequireSameOwner(CustomerCreditAccount account, TenantId tenant, CustomerId customer, Currency currency, string what)
    {
        if (tenant != account.TenantId || customer != account.CustomerId)
        {
            throw new ArgumentException($"{what} belongs to customer {customer} of tenant {tenant}, not to {account.CustomerId} of {account.TenantId}.", nameof(account));
        }

        if (currency != account.Currency)
        {
            throw new ArgumentException($"{what} is in {currency.Code}; customer credit never crosses currencies ({account.Currency.Code}).", nameof(account));
        }
    }

    private CustomerCreditChange Add(CustomerCreditAccount account, IEnumerable<CustomerCreditEntry> entries)
    {
        var events = new List<CustomerCreditChanged>();
        var now = _clock.GetCurrentInstant();
        foreach (var entry in entries)
        {
            account = account.With(entry);
            events.Add(new CustomerCreditChanged(account.TenantId, account.CustomerId, account.Version, now, entry, account.Balance));
        }

        return new CustomerCreditChange(account, events.AsReadOnly());
    }
}
