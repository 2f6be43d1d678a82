using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>A credit note was issued.</summary>
/// <param name="CreditNoteId">The credit note.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="InvoiceId">The invoice it credits.</param>
/// <param name="Number">Its number.</param>
/// <param name="Total">What it credits to the customer (BT-115).</param>
/// <param name="Kind">Its kind.</param>
/// <param name="OccurredAt">When, from the service's clock.</param>
public sealed record CreditNoteIssued(CreditNoteId CreditNoteId, TenantId TenantId, InvoiceId InvoiceId, InvoiceNumber Number, Monetary.Money Total, CreditNoteKind Kind, Instant OccurredAt);

/// <summary>An issued credit note and the event that recorded it.</summary>
/// <param name="CreditNote">The credit note.</param>
/// <param name="Event">What happened.</param>
public sealed record CreditNoteChange(CreditNote CreditNote, CreditNoteIssued Event);

/// <summary>
/// A correction by credit-and-rebill: the full credit note that cancels the invoice, the cancelled
/// invoice, and the new draft prefilled from it with the changes applied, which refers to it.
/// </summary>
/// <param name="Credit">The credit note that cancels the original, and its event.</param>
/// <param name="Cancelled">The original, cancelled, and its event.</param>
/// <param name="Rebill">The new draft invoice (Preceding = the original), and its event.</param>
public sealed record Correction(CreditNoteChange Credit, InvoiceChange Cancelled, InvoiceChange Rebill);

/// <summary>
/// Issues credit notes (UNCL 1001 type 381) against issued invoices: a full cancellation, lines by
/// quantity or amount, or a discount after the fact; each computed from what remains creditable
/// (<see cref="CreditableBalance"/>) with the invoice's tax treatments and rounding policy, and
/// numbered from the policy's credit note series.
/// </summary>
/// <remarks>
/// Thread-safe: the service holds only its settings and plug-ins. Applying the issued note to the
/// invoice's open amount is <see cref="InvoiceService.ApplyCredit"/>.
/// </remarks>
public sealed class CreditNoteService
{
    private readonly IClock _clock;
    private readonly IInvoiceNumberSequence _numbers;

    /// <summary>Creates the service.</summary>
    /// <param name="clock">The source of "now".</param>
    /// <param name="numbers">Where credit notes get their numbers (from <see cref="InvoicingPolicy.CreditNoteSeries"/>).</param>
    /// <param name="policy">The tenant's policy; <see cref="InvoicingPolicy.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="numbers"/> is null.</exception>
    public CreditNoteService(IClock clock, IInvoiceNumberSequence numbers, InvoicingPolicy? policy = null)
    {
        _clock = Preconditions.CheckNotNull(clock);
        _numbers = Preconditions.CheckNotNull(numbers);
        Policy = policy ?? InvoicingPolicy.Default;
    }

    /// <summary>The policy the service applies.</summary>
    public InvoicingPolicy Policy { get; }

    /// <summary>
    /// Issues a credit note: computes it from what remains creditable, takes the next number of the
    /// credit note series, lets the host store it (<paramref name="onIssued"/>) and commits the number.
    /// If anything fails, the number goes back and nothing is issued.
    /// </summary>
    /// <param name="invoice">The invoice to credit; issued (any status after issue).</param>
    /// <param name="earlier">Every credit note issued for it so far.</param>
    /// <param name="request">What to credit.</param>
    /// <param name="issueDate">The issue date, or null for today in the policy's time zone; not before the invoice's.</param>
    /// <param name="onIssued">Called with the credit note before its number is committed (store it here), or null.</param>
    /// <param name="id">The id to use, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels the number reservation and the callback.</param>
    /// <returns>The credit note and <see cref="CreditNoteIssued"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument or an element is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice has not been issued.</exception>
    /// <exception cref="CreditExceedsRemainingException">The note would credit more than remains, on a line or in total; the message names the line, the requested and the remaining amount.</exception>
    /// <exception cref="ArgumentException">A credited line does not exist or is a return line, an earlier note belongs to another invoice, or a credit note applied to the invoice is missing from <paramref name="earlier"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueDate"/> is before the invoice's issue date.</exception>
    /// <exception cref="Monetary.CurrencyMismatchException">An amount is in another currency than the invoice.</exception>
    public async ValueTask<CreditNoteChange> IssueAsync(Invoice invoice, IEnumerable<CreditNote> earlier, CreditNoteRequest request,
        LocalDate? issueDate = null, Func<CreditNote, CancellationToken, ValueTask>? onIssued = null, CreditNoteId? id = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(invoice);
        Preconditions.CheckNotNull(request);
        var before = Preconditions.CopyNotNull(earlier);
        var missing = invoice.Credits.FirstOrDefault(c => !c.FromCustomerCredit && !before.Any(n => n.Id == c.CreditNoteId));
        if (missing is not null)
        {
            throw new ArgumentException(
                $"Credit note {missing.Number} was applied to invoice {invoice} but is not among the earlier credit notes given; pass every credit note of the invoice.", nameof(earlier));
        }

        var state = CreditNoteCalculator.Remaining(invoice, before);
        var lines = CreditNoteCalculator.Compute(invoice, state, request);

        // The note that exhausts a cash-rounded invoice carries its rounding (BT-114), so that the
        // notes credit exactly the amount the invoice asked to be paid.
        var rounding = CreditNoteCalculator.Exhausts(state, lines) ? invoice.Totals.RoundingAmount : Monetary.Money.Zero(invoice.Currency);
        var original = InvoiceReference.To(invoice);
        var date = issueDate ?? _clock.GetCurrentInstant().InZone(Policy.TimeZone).Date;
        if (date < original.IssueDate)
        {
            throw new ArgumentOutOfRangeException(nameof(issueDate), date, $"A credit note for {original} cannot be issued before the invoice.");
        }

        var noteId = id ?? CreditNoteId.New();
        Identifier.RequireSet(noteId, nameof(id));
        var reservation = await _numbers.ReserveAsync(invoice.TenantId, Policy.CreditNoteSeries, date, cancellationToken).ConfigureAwait(false);
        await using (reservation.ConfigureAwait(false))
        {
            var note = new CreditNote(noteId, invoice.TenantId, reservation.Number, date, original, invoice.Header.CustomerId, invoice.Currency,
                invoice.Header.Pricing, invoice.Header.Rounding, request.Kind, request.Reason, lines, rounding);
            if (onIssued is not null)
            {
                await onIssued(note, cancellationToken).ConfigureAwait(false);
            }

            await reservation.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return new CreditNoteChange(note, new CreditNoteIssued(note.Id, note.TenantId, invoice.Id, note.Number, note.AmountDue, note.Kind, _clock.GetCurrentInstant()));
        }
    }

    /// <summary>
    /// Corrects an issued invoice the only way an issued invoice can be corrected: a full credit
    /// note cancels what remains of it, and a new draft, prefilled from it (header and lines) with
    /// <paramref name="change"/> applied, refers to it (BT-25) and is issued like any draft. What
    /// was paid on the original is not lost: the credit note's part beyond the open amount is
    /// customer credit (<see cref="AppliedCredit.Unapplied"/>), and the rebill starts without a prepaid amount.
    /// </summary>
    /// <param name="invoices">The invoice service (it applies the credit and creates the draft).</param>
    /// <param name="invoice">The invoice to correct: issued, partially paid or paid.</param>
    /// <param name="earlier">Every credit note issued for it so far.</param>
    /// <param name="reason">Why (on the credit note).</param>
    /// <param name="change">Changes the prefilled header and lines (for example a corrected address or price), or null to rebill as it was.</param>
    /// <param name="onIssued">Called with the credit note before its number is committed (store it here), or null.</param>
    /// <param name="cancellationToken">Cancels the number reservation and the callback.</param>
    /// <returns>The credit note, the cancelled invoice and the new draft.</returns>
    /// <exception cref="ArgumentNullException">An argument (other than the optional ones) is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice cannot take a credit (a draft, written off, cancelled).</exception>
    /// <exception cref="CreditExceedsRemainingException">Nothing remains creditable.</exception>
    /// <exception cref="ArgumentException">The changed lines are invalid for a draft, or the invoice was partly credited already and no <paramref name="change"/> says what to rebill.</exception>
    public async ValueTask<Correction> CreditAndRebillAsync(InvoiceService invoices, Invoice invoice, IEnumerable<CreditNote> earlier, string reason,
        Func<InvoiceHeader, IReadOnlyList<InvoiceLine>, (InvoiceHeader Header, IEnumerable<InvoiceLine> Lines)>? change = null,
        Func<CreditNote, CancellationToken, ValueTask>? onIssued = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(invoices);
        Preconditions.CheckNotNull(invoice);
        var reference = InvoiceReference.To(invoice);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid))
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, "Correct", $"Invoice {invoice} cannot be corrected: only issued, partially paid or paid invoices can.");
        }

        var before = Preconditions.CopyNotNull(earlier);
        if (before.Count > 0 && change is null)
        {
            throw new ArgumentException(
                $"Invoice {invoice} was partly credited already ({string.Join(", ", before.Select(n => n.Number))}); rebilling it unchanged would bill again what was credited. Give the corrected lines.",
                nameof(change));
        }

        // Build the rebill first, so that invalid changes fail before a number is taken.
        // Payments and prepayments on the original become customer credit through the cancellation, so the rebill starts without them.
        var prefilled = invoice.Header with { PrepaidAmount = null };
        var (header, lines) = change is null ? (prefilled, invoice.Lines) : change(prefilled, invoice.Lines);
        var draft = invoices.CreateDraft(invoice.TenantId, Preconditions.CheckNotNull(header, nameof(change)), Preconditions.CheckNotNull(lines, nameof(change)));
        foreach (var ac in invoice.AllowanceCharges)
        {
            draft = new InvoiceChange(invoices.AddAllowanceCharge(draft.Invoice, ac).Invoice, draft.Event);
        }

        var rebill = draft.Invoice.AsFirstDraft(InvoiceType.Invoice, reference);
        var credit = await IssueAsync(invoice, before, CreditNoteRequest.FullCancellation(reason), onIssued: onIssued, cancellationToken: cancellationToken).ConfigureAwait(false);
        var cancelled = invoices.ApplyCredit(invoice, credit.CreditNote);
        return new Correction(credit, cancelled, new InvoiceChange(rebill, draft.Event));
    }
}
