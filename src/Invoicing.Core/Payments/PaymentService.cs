using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Payments;

/// <summary>
/// Receives payments, applies them to the open invoices of the same customer, tenant and currency
/// (in the order given, or by explicit amounts), and reverses them. Every change is an immutable
/// entry with an event: on the payment (<see cref="PaymentAllocation"/>), on each invoice
/// (<see cref="RecordedPayment"/>, <see cref="AppliedCredit"/>) and on the customer's credit
/// (<see cref="CustomerCreditEntry"/>). docs/payments.md describes the rules.
/// </summary>
/// <remarks>
/// <para>Applying: each invoice takes what it still owes, the last one reached may be underpaid (the
/// rest stays open), and the rest of the payment becomes customer credit (an overpayment) or stays
/// unallocated when no credit account is given. Within an invoice's early-payment discount period
/// (value date on or before <see cref="PaymentSchedule.DiscountDeadline"/>) an invoice expects its
/// open amount less the discount (the schedule's <see cref="PaymentSchedule.DiscountAmount"/>, in
/// proportion to what is still open, rounded down), and a shortfall up to the discount is settled by a
/// discount credit note. A shortfall within the tenant's <see cref="PaymentTolerance"/> is written off with a reason.</para>
/// <para>Reversing takes back every allocation: invoice payments and write-offs are reversed (the
/// invoices reopen) and customer credit from the payment is taken back. A discount credit note is
/// issued and stays: the invoice reopens by what the payment paid and wrote off, and the discount it
/// did not earn is charged again, if the tenant wants, with a debit note.</para>
/// <para>Thread-safe: the service holds only its clock, services and tolerances.</para>
/// </remarks>
public sealed class PaymentService
{
    private const string ApplyCommand = "ApplyPayment";
    private readonly IClock _clock;
    private readonly InvoiceService _invoices;
    private readonly CreditNoteService _creditNotes;
    private readonly CustomerCreditService _credit;

    /// <summary>Creates the service.</summary>
    /// <param name="clock">The source of "now" (events).</param>
    /// <param name="invoices">Records payments, write-offs and reversals on invoices; its policy's time zone gives "today".</param>
    /// <param name="creditNotes">Issues the discount credit notes.</param>
    /// <param name="tolerances">The payment tolerance per tenant; <see cref="PaymentTolerances.None"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/>, <paramref name="invoices"/> or <paramref name="creditNotes"/> is null.</exception>
    public PaymentService(IClock clock, InvoiceService invoices, CreditNoteService creditNotes, PaymentTolerances? tolerances = null)
    {
        _clock = Preconditions.CheckNotNull(clock);
        _invoices = Preconditions.CheckNotNull(invoices);
        _creditNotes = Preconditions.CheckNotNull(creditNotes);
        _credit = new CustomerCreditService(clock);
        Tolerances = tolerances ?? PaymentTolerances.None;
    }

    /// <summary>The payment tolerance per tenant.</summary>
    public PaymentTolerances Tolerances { get; }

    /// <summary>Records a payment received from a customer; nothing is allocated yet.</summary>
    /// <param name="tenant">The tenant that received it.</param>
    /// <param name="customer">The customer who paid.</param>
    /// <param name="amount">The amount: positive, in whole minor units.</param>
    /// <param name="valueDate">The value date.</param>
    /// <param name="method">How it was paid.</param>
    /// <param name="details">Payer, remittance information and bank reference, or null for none.</param>
    /// <param name="id">The id to use, or null for a new one.</param>
    /// <returns>The payment (version 1) and <see cref="PaymentReceived"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/>, <paramref name="customer"/> or <paramref name="id"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not in whole minor units, or <paramref name="method"/> is undefined.</exception>
    public PaymentChange Receive(TenantId tenant, CustomerId customer, Money amount, LocalDate valueDate, PaymentMethod method, PaymentDetails? details = null, PaymentId? id = null)
    {
        Identifier.RequireSet(tenant);
        Identifier.RequireSet(customer);
        if (!amount.IsPositive || !amount.IsRoundedToMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"A payment is positive and in whole minor units; got {amount}.");
        }

        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Undefined payment method.");
        }

        var paymentId = id ?? PaymentId.New();
        Identifier.RequireSet(paymentId, nameof(id));
        var payment = new Payment(paymentId, tenant, customer, 1, amount, valueDate, method, details ?? PaymentDetails.None, []);
        return new PaymentChange(payment, new PaymentReceived(paymentId, tenant, 1, _clock.GetCurrentInstant(), customer, amount, valueDate, method));
    }

    /// <summary>
    /// Applies what is unallocated of a payment to invoices of its customer, tenant and currency:
    /// in the order given (each takes what it still owes, within its discount period its open amount
    /// less the discount; money beyond that tops the invoices up in order), or by the amounts given;
    /// a shortfall up to an invoice's early-payment discount is settled by a discount credit note
    /// (issued and applied), a shortfall within the tenant's tolerance is written off with a reason,
    /// any other shortfall stays open; the rest of the payment becomes customer credit when
    /// <paramref name="creditAccount"/> is given, and stays unallocated otherwise.
    /// </summary>
    /// <param name="payment">The payment's current version; not reversed, with something unallocated.</param>
    /// <param name="targets">The invoices, in order (see <see cref="PaymentTarget.InOrder"/>); each at most once, all with an amount or none; may be empty when <paramref name="creditAccount"/> takes everything.</param>
    /// <param name="creditAccount">The customer's credit account in the payment currency, which takes the rest; or null to leave the rest unallocated.</param>
    /// <param name="writeOffReason">The reason of a written-off difference ("bank fee", "rounding difference"), or null for "difference within the payment tolerance".</param>
    /// <param name="date">The date of the allocation (of the write-offs and discount credit notes), or null for today.</param>
    /// <param name="onCreditNoteIssued">Called with each discount credit note before its number is committed (store it here), or null.</param>
    /// <param name="cancellationToken">Cancels the credit note number reservations and callbacks.</param>
    /// <returns>The payment's next version, the invoices' versions, the discount credit notes and the credit account's change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payment"/>, <paramref name="targets"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">No invoice and no credit account; an invoice named twice, or of another tenant or customer; amounts given for some invoices only; the payment used up before an invoice; a credit account of another tenant, customer or currency; a credit note of the invoice missing from its target.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is more than its invoice's open amount, the amounts add up to more than is unallocated, or <paramref name="date"/> is before an invoice's issue date.</exception>
    /// <exception cref="CurrencyMismatchException">An invoice or an amount is in another currency than the payment.</exception>
    /// <exception cref="InvoiceStateException">An invoice is not issued or partially paid with an open amount.</exception>
    /// <exception cref="PaymentStateException">The payment was reversed, or has nothing left to allocate.</exception>
    /// <exception cref="OperationCanceledException">The operation was cancelled; nothing was allocated (a discount credit note already issued stays issued).</exception>
    public async ValueTask<PaymentPosting> ApplyAsync(Payment payment, IEnumerable<PaymentTarget> targets, CustomerCreditAccount? creditAccount = null,
        string? writeOffReason = null, LocalDate? date = null, Func<CreditNote, CancellationToken, ValueTask>? onCreditNoteIssued = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(payment);
        var list = Preconditions.CopyNotNull(targets);
        var writeOffWhy = TextField.Optional(writeOffReason, nameof(writeOffReason), 1000) ?? "Difference within the payment tolerance";
        var plan = Plan(payment, list, creditAccount, date ?? _invoices.Today);

        // Everything is checked: from here on only the credit notes have effects outside the result.
        var when = plan.Date;
        var reference = payment.Details.BankReference ?? payment.Id.Value;
        var changes = new List<InvoiceChange>();
        var allocations = new List<PaymentAllocation>();
        var current = list.Select(t => t.Invoice).ToArray();
        var number = payment.Allocations.Count + 1;
        for (var i = 0; i < list.Count; i++)
        {
            var invoice = current[i];
            var paid = _invoices.RecordPayment(invoice, plan.Take[i], payment.ValueDate, reference);
            changes.Add(paid);
            current[i] = paid.Invoice;
            allocations.Add(new PaymentAllocation(number++, PaymentAllocationKind.Invoice, plan.Take[i], when, invoice.Id, invoice.Number!.Value, paid.Invoice.Payments.Count));
            if (plan.WriteOff[i].IsPositive)
            {
                var written = _invoices.WriteOffDifference(current[i], plan.WriteOff[i], writeOffWhy, when, reference);
                changes.Add(written);
                current[i] = written.Invoice;
                allocations.Add(new PaymentAllocation(number++, PaymentAllocationKind.WriteOff, plan.WriteOff[i], when, invoice.Id, invoice.Number!.Value,
                    written.Invoice.Payments.Count, reason: writeOffWhy));
            }
        }

        var notes = new List<CreditNoteChange>();
        for (var i = 0; i < list.Count; i++)
        {
            if (!plan.Discount[i].IsPositive)
            {
                continue;
            }

            var invoice = current[i];
            var why = string.Create(CultureInfo.InvariantCulture,
                $"Early-payment discount: paid on {payment.ValueDate:uuuu-MM-dd}, within the discount period until {invoice.Schedule!.DiscountDeadline:uuuu-MM-dd} (payment {payment.Id})");
            var note = await _creditNotes.IssueAsync(invoice, list[i].CreditNotes, CreditNoteRequest.ForDiscount(why, plan.Discount[i]), when, onCreditNoteIssued,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            notes.Add(note);
            var applied = _invoices.ApplyCredit(invoice, note.CreditNote, when);
            changes.Add(applied);
            current[i] = applied.Invoice;
            allocations.Add(new PaymentAllocation(number++, PaymentAllocationKind.Discount, ((InvoiceCreditApplied)applied.Event).Credit.Applied, when, invoice.Id,
                invoice.Number!.Value, creditNoteId: note.CreditNote.Id, creditNoteNumber: note.CreditNote.Number, reason: why));
        }

        CustomerCreditChange? credit = null;
        if (creditAccount is not null && plan.Rest.IsPositive)
        {
            credit = _credit.RecordOverpayment(creditAccount, payment, plan.Rest, when);
            allocations.Add(new PaymentAllocation(number, PaymentAllocationKind.CustomerCredit, plan.Rest, when));
        }

        var next = payment.With([.. payment.Allocations, .. allocations]);
        var allocated = new PaymentAllocated(next.Id, next.TenantId, next.Version, _clock.GetCurrentInstant(), allocations.AsReadOnly(), next.Unallocated);
        return new PaymentPosting(new PaymentChange(next, allocated), changes.AsReadOnly(), Array.AsReadOnly(current), notes.AsReadOnly(), credit);
    }

    /// <summary>
    /// Reverses a payment (a returned direct debit, a bounced cheque, a chargeback): every allocation
    /// still standing is reversed, last first. Its payments and written-off differences on invoices
    /// are reversed (the invoices reopen: paid → partially paid or issued), and the customer credit it
    /// gave is taken back. A discount credit note issued because of it stays issued and applied
    /// (a credit note cannot be un-issued): the invoice reopens by what the payment paid and wrote off.
    /// </summary>
    /// <param name="payment">The payment's current version; not reversed.</param>
    /// <param name="invoices">The current version of every invoice the payment was applied to (more are ignored).</param>
    /// <param name="reason">Why ("direct debit returned: AC04 account closed", "cheque bounced").</param>
    /// <param name="creditAccount">The customer's credit account, needed when the payment gave customer credit; or null.</param>
    /// <param name="date">When, or null for today; not before the value date.</param>
    /// <returns>The payment's next version (reversed), the invoices' versions and the credit account's change; no credit notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="payment"/>, <paramref name="invoices"/>, an element or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank; an invoice the payment was applied to is missing, given twice, or not a version carrying the payment's entry; the payment gave customer credit and no (or another customer's) credit account is given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the value date or an entry it reverses.</exception>
    /// <exception cref="InvoiceStateException">An invoice was cancelled or written off as a whole since: its payments cannot be reversed.</exception>
    /// <exception cref="PaymentStateException">The payment was reversed already, an invoice entry of it was reversed (in part) by other means, or the customer credit it gave was applied or refunded since; the message names where it went.</exception>
    public PaymentPosting Reverse(Payment payment, IEnumerable<Invoice> invoices, string reason, CustomerCreditAccount? creditAccount = null, LocalDate? date = null)
    {
        Preconditions.CheckNotNull(payment);
        var given = Preconditions.CopyNotNull(invoices);
        var why = TextField.Required(reason, nameof(reason), 1000);
        if (payment.IsReversed)
        {
            throw new PaymentStateException(payment.Id, nameof(Reverse), $"Payment {payment} was reversed on {payment.ReversedOn:uuuu-MM-dd} already.");
        }

        var when = date ?? _invoices.Today;
        if (when < payment.ValueDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), when, $"Payment {payment} has the value date {payment.ValueDate:uuuu-MM-dd}; it cannot be reversed before, on {when:uuuu-MM-dd}.");
        }

        var byId = new Dictionary<InvoiceId, Invoice>();
        foreach (var invoice in given)
        {
            if (!byId.TryAdd(invoice.Id, invoice))
            {
                throw new ArgumentException($"Invoice {invoice} is given twice.", nameof(invoices));
            }
        }

        var changes = new List<InvoiceChange>();
        var reversals = new List<PaymentAllocation>();
        var touched = new List<InvoiceId>();
        CustomerCreditChange? credit = null;
        var number = payment.Allocations.Count + 1;
        foreach (var allocation in payment.Allocations.Reverse())
        {
            if (allocation.Kind is PaymentAllocationKind.Reversal or PaymentAllocationKind.Discount || payment.IsAllocationReversed(allocation.Number))
            {
                continue;
            }

            if (allocation.Kind == PaymentAllocationKind.CustomerCredit)
            {
                if (creditAccount is null)
                {
                    throw new ArgumentException($"Payment {payment.Id} gave {allocation.Amount} of customer credit; give the customer's credit account to take it back.", nameof(creditAccount));
                }

                var taken = _credit.TakeBack(credit?.Account ?? creditAccount, payment, allocation.Amount, when, why);
                credit = credit is null ? taken : new CustomerCreditChange(taken.Account, [.. credit.Events, .. taken.Events]);
                reversals.Add(new PaymentAllocation(number++, PaymentAllocationKind.Reversal, allocation.Amount, when, reason: why, reverses: allocation.Number));
                continue;
            }

            var entry = allocation.InvoiceEntry!.Value;
            var invoice = byId.TryGetValue(allocation.InvoiceId, out var found) ? found
                : throw new ArgumentException($"Invoice {allocation.InvoiceNumber}, to which payment {payment.Id} allocated {allocation.Amount}, is not among the invoices given.", nameof(invoices));
            var expected = allocation.Kind == PaymentAllocationKind.WriteOff ? RecordedPaymentKind.WriteOff : RecordedPaymentKind.Payment;
            if (entry > invoice.Payments.Count || invoice.Payments[entry - 1].Kind != expected || invoice.Payments[entry - 1].Amount != allocation.Amount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"Invoice {invoice} has no entry {entry} of {allocation.Amount} ({expected}) from payment {payment.Id}; give the invoice's current version."), nameof(invoices));
            }

            if (invoice.Unreversed(entry) != allocation.Amount)
            {
                throw new PaymentStateException(payment.Id, nameof(Reverse), string.Create(CultureInfo.InvariantCulture,
                    $"Entry {entry} of invoice {invoice} ({allocation.Amount} from payment {payment.Id}) was reversed in part by other means; only {invoice.Unreversed(entry)} of it stands."));
            }

            var reversed = _invoices.ReversePayment(invoice, entry, why, date: when);
            changes.Add(reversed);
            byId[invoice.Id] = reversed.Invoice;
            if (!touched.Contains(invoice.Id))
            {
                touched.Add(invoice.Id);
            }

            reversals.Add(new PaymentAllocation(number++, PaymentAllocationKind.Reversal, allocation.Amount, when, invoice.Id, allocation.InvoiceNumber,
                reversed.Invoice.Payments.Count, reason: why, reverses: allocation.Number));
        }

        var next = payment.With([.. payment.Allocations, .. reversals], when, why);
        var reversedEvent = new PaymentReversed(next.Id, next.TenantId, next.Version, _clock.GetCurrentInstant(), reversals.AsReadOnly(), when, why);
        touched.Reverse();
        return new PaymentPosting(new PaymentChange(next, reversedEvent), changes.AsReadOnly(), Array.AsReadOnly(touched.Select(id => byId[id]).ToArray()), [], credit);
    }

    /// <summary>Checks everything and decides the amounts, before anything is recorded or issued.</summary>
    private AllocationPlan Plan(Payment payment, IReadOnlyList<PaymentTarget> targets, CustomerCreditAccount? creditAccount, LocalDate date)
    {
        if (payment.IsReversed)
        {
            throw new PaymentStateException(payment.Id, ApplyCommand, $"Payment {payment} was reversed on {payment.ReversedOn:uuuu-MM-dd}; a reversed payment is not applied.");
        }

        var unallocated = payment.Unallocated;
        if (!unallocated.IsPositive)
        {
            throw new PaymentStateException(payment.Id, ApplyCommand, $"Payment {payment} has nothing left to allocate.");
        }

        if (targets.Count == 0 && creditAccount is null)
        {
            throw new ArgumentException($"Payment {payment.Id} needs at least one invoice, or a credit account to take it as customer credit.", nameof(targets));
        }

        if (creditAccount is not null && (creditAccount.TenantId != payment.TenantId || creditAccount.CustomerId != payment.CustomerId || creditAccount.Currency != payment.Currency))
        {
            throw new ArgumentException(
                $"The credit account of customer {creditAccount.CustomerId} of tenant {creditAccount.TenantId} in {creditAccount.Currency.Code} is not the one of payment {payment.Id} (customer {payment.CustomerId} of {payment.TenantId} in {payment.Currency.Code}).",
                nameof(creditAccount));
        }

        var explicitAmounts = targets.Count > 0 && targets[0].Amount is not null;
        var tolerance = Tolerances.For(payment.TenantId);
        var open = new Money[targets.Count];
        var discountable = new Money[targets.Count];
        var zero = Money.Zero(payment.Currency);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var invoice = target.Invoice;
            CheckTarget(payment, invoice, targets, i, explicitAmounts);
            open[i] = invoice.OpenAmount;
            discountable[i] = DiscountOf(payment, target, open[i]) ?? zero;
        }

        var take = new Money[targets.Count];
        var rest = unallocated;
        if (explicitAmounts)
        {
            for (var i = 0; i < targets.Count; i++)
            {
                take[i] = targets[i].Amount!.Value;
                rest -= take[i];
            }

            if (rest.IsNegative)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), unallocated - rest,
                    $"The amounts given add up to {unallocated - rest}, more than the {unallocated} of payment {payment.Id} that is unallocated.");
            }
        }
        else
        {
            // First what each invoice expects (within its discount period, less the discount), then
            // money beyond that tops the invoices up in order: a payer who did not take a discount paid in full.
            for (var i = 0; i < targets.Count; i++)
            {
                take[i] = Money.Min(rest, open[i] - discountable[i]);
                rest -= take[i];
            }

            for (var i = 0; i < targets.Count; i++)
            {
                var top = Money.Min(rest, open[i] - take[i]);
                take[i] += top;
                rest -= top;
            }
        }

        var discount = new Money[targets.Count];
        var writeOff = new Money[targets.Count];
        for (var i = 0; i < targets.Count; i++)
        {
            var invoice = targets[i].Invoice;
            if (!take[i].IsPositive)
            {
                throw new ArgumentException(
                    $"Payment {payment.Id} ({unallocated} to allocate) is used up before invoice {invoice}; name only the invoices it pays, or give the amounts.", nameof(targets));
            }

            var shortfall = open[i] - take[i];
            (discount[i], writeOff[i]) = (zero, zero);
            if (!shortfall.IsPositive)
            {
                continue;
            }

            var d = discountable[i];
            if (d.IsPositive && shortfall <= d)
            {
                discount[i] = shortfall;
            }
            else if (d.IsPositive && tolerance.Covers(shortfall - d, open[i]))
            {
                (discount[i], writeOff[i]) = (d, shortfall - d);
            }
            else if (tolerance.Covers(shortfall, open[i]))
            {
                writeOff[i] = shortfall;
            }

            var missing = invoice.Credits.FirstOrDefault(c => !c.FromCustomerCredit && !targets[i].CreditNotes.Any(n => n.Id == c.CreditNoteId));
            if (discount[i].IsPositive && missing is not null)
            {
                throw new ArgumentException(
                    $"Credit note {missing.Number} was applied to invoice {invoice} but is not among its target's credit notes; the early-payment discount is credited by a further note, which needs every credit note of the invoice.", nameof(targets));
            }

            if ((discount[i] + writeOff[i]).IsPositive && date < invoice.IssueDate!.Value)
            {
                throw new ArgumentOutOfRangeException(nameof(date), date,
                    $"Invoice {invoice} was issued on {invoice.IssueDate:uuuu-MM-dd}; its difference cannot be settled before, on {date:uuuu-MM-dd}.");
            }
        }

        return new AllocationPlan(date, take, discount, writeOff, rest);
    }

    private static void CheckTarget(Payment payment, Invoice invoice, IReadOnlyList<PaymentTarget> targets, int index, bool explicitAmounts)
    {
        for (var j = 0; j < index; j++)
        {
            if (targets[j].Invoice.Id == invoice.Id)
            {
                throw new ArgumentException($"Invoice {invoice} is named twice.", nameof(targets));
            }
        }

        if (invoice.TenantId != payment.TenantId || invoice.Header.CustomerId != payment.CustomerId)
        {
            throw new ArgumentException(
                $"Invoice {invoice} belongs to customer '{invoice.Header.CustomerId}' of tenant {invoice.TenantId}; payment {payment.Id} is from customer {payment.CustomerId} of {payment.TenantId}, and payments never cross customers or tenants.",
                nameof(targets));
        }

        if (invoice.Currency != payment.Currency)
        {
            throw new CurrencyMismatchException(payment.Currency, invoice.Currency, $"invoice {invoice}");
        }

        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid) || !invoice.OpenAmount.IsPositive)
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, ApplyCommand,
                $"Cannot apply payment {payment.Id} to invoice {invoice}: only issued invoices with an open amount take payments (it is {invoice.Status}, open {invoice.OpenAmount}).");
        }

        var amount = targets[index].Amount;
        if (amount is null == explicitAmounts)
        {
            throw new ArgumentException("Give an amount for every invoice, or for none (to allocate in order).", nameof(targets));
        }

        if (amount is Money given)
        {
            if (given.Currency != payment.Currency)
            {
                throw new CurrencyMismatchException(payment.Currency, given.Currency, $"the amount for invoice {invoice}");
            }

            if (given > invoice.OpenAmount)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), given,
                    $"The amount for invoice {invoice} is {given}, more than its open amount of {invoice.OpenAmount}; the rest of a payment goes to customer credit.");
            }
        }
    }

    /// <summary>
    /// The discount an invoice still offers for this payment: none after the period; within it, the
    /// schedule's discount in proportion to what is still open (all of it for an invoice nothing was
    /// paid or credited on; less, rounded down, for one partly paid or credited), at most what remains creditable.
    /// </summary>
    private static Money? DiscountOf(Payment payment, PaymentTarget target, Money open)
    {
        var invoice = target.Invoice;
        if (invoice.Schedule is not { DiscountDeadline: LocalDate deadline } schedule || payment.ValueDate > deadline
            || schedule.DiscountShare(invoice.Totals.AmountDue, open) is not Money share)
        {
            return null;
        }

        var creditable = CreditableBalance.Of(invoice, target.CreditNotes).Total;
        return Money.Min(share, creditable);
    }

    private sealed record AllocationPlan(LocalDate Date, Money[] Take, Money[] Discount, Money[] WriteOff, Money Rest);
}
