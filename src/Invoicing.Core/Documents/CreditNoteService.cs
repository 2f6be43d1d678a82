using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>A credit note was issued.</summary>
/// <param name="CreditNoteId">The credit note.</param>
/// <param name="TenantId">Its tenant.</param>
/// <param name="InvoiceId">The invoice it credits.</param>
/// <param name="Number">Its number.</param>
/// <param name="Total">What it credits, tax included.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="OccurredAt">When, from the service's clock.</param>
public sealed record CreditNoteIssued(CreditNoteId CreditNoteId, TenantId TenantId, InvoiceId InvoiceId, InvoiceNumber Number, Monetary.Money Total, CreditNoteKind Kind, Instant OccurredAt);

/// <summary>An issued credit note and the event that recorded it.</summary>
/// <param name="CreditNote">The credit note.</param>
/// <param name="Event">What happened.</param>
public sealed record CreditNoteChange(CreditNote CreditNote, CreditNoteIssued Event);

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
    /// <exception cref="ArgumentException">A credited line does not exist or is a return line, or an earlier note belongs to another invoice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="issueDate"/> is before the invoice's issue date.</exception>
    /// <exception cref="Monetary.CurrencyMismatchException">An amount is in another currency than the invoice.</exception>
    public async ValueTask<CreditNoteChange> IssueAsync(Invoice invoice, IEnumerable<CreditNote> earlier, CreditNoteRequest request,
        LocalDate? issueDate = null, Func<CreditNote, CancellationToken, ValueTask>? onIssued = null, CreditNoteId? id = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(invoice);
        Preconditions.CheckNotNull(request);
        var state = CreditNoteCalculator.Remaining(invoice, Preconditions.CopyNotNull(earlier));
        var lines = CreditNoteCalculator.Compute(invoice, state, request);
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
                invoice.Header.Pricing, invoice.Header.Rounding, request.Kind, request.Reason, lines);
            if (onIssued is not null)
            {
                await onIssued(note, cancellationToken).ConfigureAwait(false);
            }

            await reservation.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return new CreditNoteChange(note, new CreditNoteIssued(note.Id, note.TenantId, invoice.Id, note.Number, note.Total, note.Kind, _clock.GetCurrentInstant()));
        }
    }
}
