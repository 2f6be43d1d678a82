using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// The commands of the invoice lifecycle. Each takes a version of an invoice and returns the next
/// version with the event that produced it (<see cref="InvoiceChange"/>); a refused command throws a
/// documented exception and the given version stays as it was (it is immutable anyway).
/// </summary>
/// <remarks>
/// <para>Lifecycle: Draft (editable, discardable) → Issued (numbered, immutable) → PartiallyPaid →
/// Paid; an issued invoice can be WrittenOff with a reason, and Cancelled by a full credit note.
/// Overdue is derived from the due date and the clock, never stored.</para>
/// <para>Thread-safe: the service holds only its immutable settings and plug-ins (clock, tax
/// calculator, number sequence, business calendar, policy). A BPO vendor creates one per client
/// tenant policy, or shares one when the policies agree.</para>
/// </remarks>
public sealed class InvoiceService
{
    private readonly IClock _clock;
    private readonly IInvoiceNumberSequence _numbers;
    private readonly ITaxCalculator _taxCalculator;
    private readonly IBusinessCalendar? _calendar;

    /// <summary>Creates the service.</summary>
    /// <param name="clock">The source of "now" (events, today's date).</param>
    /// <param name="numbers">Where issued invoices get their numbers.</param>
    /// <param name="policy">The tenant's invoicing policy; <see cref="InvoicingPolicy.Default"/> when null.</param>
    /// <param name="taxCalculator">Computes tax; <see cref="PercentageTaxCalculator.Instance"/> when null.</param>
    /// <param name="calendar">Moves due dates to business days; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> or <paramref name="numbers"/> is null.</exception>
    public InvoiceService(IClock clock, IInvoiceNumberSequence numbers, InvoicingPolicy? policy = null,
        ITaxCalculator? taxCalculator = null, IBusinessCalendar? calendar = null)
    {
        _clock = Preconditions.CheckNotNull(clock);
        _numbers = Preconditions.CheckNotNull(numbers);
        Policy = policy ?? InvoicingPolicy.Default;
        _taxCalculator = taxCalculator ?? PercentageTaxCalculator.Instance;
        _calendar = calendar;
    }

    /// <summary>The policy the service applies.</summary>
    public InvoicingPolicy Policy { get; }

    /// <summary>Today's date in the policy's time zone, from the clock.</summary>
    public LocalDate Today => _clock.GetCurrentInstant().InZone(Policy.TimeZone).Date;

    /// <summary>A header in the tenant's way: the currency and seller given, the policy's rounding rule.</summary>
    /// <param name="currency">The invoice currency (BT-5); it must have minor units.</param>
    /// <param name="seller">The seller.</param>
    /// <returns>The header; set the rest with <c>with</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="seller"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> has no minor units.</exception>
    public InvoiceHeader NewHeader(Currency currency, Party seller) => new(currency, seller) { Rounding = Policy.Rounding };

    /// <summary>A header for a customer (<see cref="InvoiceHeader.ForCustomer"/>) with the policy's rounding rule.</summary>
    /// <param name="account">The customer account.</param>
    /// <param name="seller">The seller.</param>
    /// <returns>The header.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public InvoiceHeader HeaderFor(CustomerAccount account, Party seller) => InvoiceHeader.ForCustomer(account, seller) with { Rounding = Policy.Rounding };

    /// <summary>Creates a draft invoice.</summary>
    /// <param name="tenant">The tenant it belongs to.</param>
    /// <param name="header">Currency, parties, pricing, terms and references.</param>
    /// <param name="lines">Initial lines, or null for none.</param>
    /// <param name="id">The id to use, or null for a new one.</param>
    /// <returns>The draft (version 1) and <see cref="InvoiceDrafted"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty, or a line is invalid for this invoice (duplicate id, a return line that the policy does not allow, an amount too large); the message names the line.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="header"/> or a line is null.</exception>
    /// <exception cref="CurrencyMismatchException">An amount is in another currency than the invoice; the message names the field.</exception>
    public InvoiceChange CreateDraft(TenantId tenant, InvoiceHeader header, IEnumerable<InvoiceLine>? lines = null, InvoiceId? id = null)
    {
        Identifier.RequireSet(tenant);
        Preconditions.CheckNotNull(header);
        var initial = (lines ?? []).ToArray();
        foreach (var line in initial)
        {
            CheckLine(header, Preconditions.CheckNotNull(line, nameof(lines)));
        }

        CheckUniqueIds(initial);
        var invoiceId = id ?? InvoiceId.New();
        Identifier.RequireSet(invoiceId, nameof(id));
        var totals = TotalsCalculator.Compute(header, initial, [], _taxCalculator);
        var draft = new Invoice(invoiceId, tenant, 1, InvoiceStatus.Draft, header, initial, [], totals, null, null, null, [], null);
        return new InvoiceChange(draft, new InvoiceDrafted(draft.Id, tenant, 1, Now()));
    }

    /// <summary>
    /// Creates a draft debit note (type 383) for an issued invoice: it charges more (an undercharge,
    /// a surcharge, a price correction upwards), refers to the invoice (BT-25, BT-26), takes its
    /// header (currency, parties, pricing, rounding policy, payment terms) and is then edited, issued
    /// from <see cref="InvoicingPolicy.DebitNoteSeries"/>, paid and followed up like an invoice.
    /// </summary>
    /// <param name="original">The invoice it charges more for; issued.</param>
    /// <param name="lines">The additional charges, or null for none yet.</param>
    /// <param name="id">The id to use, or null for a new one.</param>
    /// <returns>The draft (version 1) and <see cref="InvoiceDrafted"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="original"/> or a line is null.</exception>
    /// <exception cref="InvoiceStateException">The original has not been issued, is cancelled or written off, or is itself a debit note.</exception>
    /// <exception cref="ArgumentException">A line is invalid for the document (see <see cref="CreateDraft"/>).</exception>
    /// <exception cref="CurrencyMismatchException">A line is in another currency than the original.</exception>
    public InvoiceChange CreateDebitNote(Invoice original, IEnumerable<InvoiceLine>? lines = null, InvoiceId? id = null)
    {
        var reference = InvoiceReference.To(Preconditions.CheckNotNull(original));
        if (original.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid))
        {
            throw new InvoiceStateException(original.Id, original.Status, nameof(CreateDebitNote),
                $"{original} is {original.Status}; a debit note charges more for an invoice that stands (issued, partially paid or paid).");
        }

        if (original.Type == InvoiceType.DebitNote)
        {
            throw new InvoiceStateException(original.Id, original.Status, nameof(CreateDebitNote),
                $"{original} is a debit note; a further debit note refers to the invoice {original.Preceding}.");
        }

        var change = CreateDraft(original.TenantId, original.Header with { PrepaidAmount = null }, lines, id);
        return new InvoiceChange(change.Invoice.AsFirstDraft(InvoiceType.DebitNote, reference), change.Event);
    }

    /// <summary>Replaces the header of a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="header">The new header (typically <c>draft.Header with { ... }</c>).</param>
    /// <returns>The next version and <see cref="InvoiceHeaderChanged"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="ArgumentException">A line no longer fits the new header (for example a return line on a business invoice), or the draft is a debit note and the header changes its currency, parties, pricing or rounding policy.</exception>
    /// <exception cref="CurrencyMismatchException">A line is in another currency than the new header.</exception>
    public InvoiceChange ChangeHeader(Invoice draft, InvoiceHeader header)
    {
        RequireDraft(draft, nameof(ChangeHeader));
        Preconditions.CheckNotNull(header);
        if (draft.Type == InvoiceType.DebitNote
            && (header.Currency != draft.Currency || header.Pricing != draft.Header.Pricing || header.Rounding != draft.Header.Rounding
                || header.Seller != draft.Header.Seller || header.Buyer != draft.Header.Buyer || header.CustomerId != draft.Header.CustomerId))
        {
            throw new ArgumentException(
                $"Debit note {draft.Id} keeps its invoice's currency, parties, pricing and rounding policy ({draft.Preceding}); only terms, references and notes change.", nameof(header));
        }
        foreach (var line in draft.Lines)
        {
            CheckLine(header, line);
        }

        var next = Recompute(draft, header, draft.Lines, draft.AllowanceCharges);
        return new InvoiceChange(next, new InvoiceHeaderChanged(next.Id, next.TenantId, next.Version, Now()));
    }

    /// <summary>Adds a line to a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="line">The line; its id must be new in the invoice.</param>
    /// <returns>The next version and <see cref="InvoiceLineAdded"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="ArgumentException">The id is already used, or the line does not fit the invoice; the message names the line.</exception>
    /// <exception cref="CurrencyMismatchException">The line is in another currency than the invoice.</exception>
    public InvoiceChange AddLine(Invoice draft, InvoiceLine line)
    {
        RequireDraft(draft, nameof(AddLine));
        CheckLine(draft.Header, Preconditions.CheckNotNull(line));
        if (draft.Lines.Any(l => l.Id == line.Id) || draft.AllowanceCharges.Any(a => a.Id == line.Id))
        {
            throw new ArgumentException($"Invoice {draft.Id} already has a line or allowance/charge with id '{line.Id}'.", nameof(line));
        }

        var next = Recompute(draft, draft.Header, [.. draft.Lines, line], draft.AllowanceCharges);
        return new InvoiceChange(next, new InvoiceLineAdded(next.Id, next.TenantId, next.Version, Now(), line));
    }

    /// <summary>Replaces a line of a draft by a new version with the same id.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="line">The new line.</param>
    /// <returns>The next version and <see cref="InvoiceLineReplaced"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="ArgumentException">No line has that id, or the line does not fit the invoice.</exception>
    /// <exception cref="CurrencyMismatchException">The line is in another currency than the invoice.</exception>
    public InvoiceChange ReplaceLine(Invoice draft, InvoiceLine line)
    {
        RequireDraft(draft, nameof(ReplaceLine));
        CheckLine(draft.Header, Preconditions.CheckNotNull(line));
        var index = IndexOfLine(draft, line.Id);
        var lines = draft.Lines.ToArray();
        lines[index] = line;
        var next = Recompute(draft, draft.Header, lines, draft.AllowanceCharges);
        return new InvoiceChange(next, new InvoiceLineReplaced(next.Id, next.TenantId, next.Version, Now(), line));
    }

    /// <summary>Removes a line from a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="lineId">The line to remove.</param>
    /// <returns>The next version and <see cref="InvoiceLineRemoved"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="ArgumentException">No line has that id.</exception>
    public InvoiceChange RemoveLine(Invoice draft, InvoiceLineId lineId)
    {
        RequireDraft(draft, nameof(RemoveLine));
        var index = IndexOfLine(draft, lineId);
        var next = Recompute(draft, draft.Header, [.. draft.Lines.Where((_, i) => i != index)], draft.AllowanceCharges);
        return new InvoiceChange(next, new InvoiceLineRemoved(next.Id, next.TenantId, next.Version, Now(), lineId));
    }

    /// <summary>Adds a document-level allowance or charge to a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="allowanceCharge">The allowance or charge; its id must be new in the invoice.</param>
    /// <returns>The next version and <see cref="InvoiceAllowanceChargeAdded"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="ArgumentException">The id is already used, or the tax breakdown cannot hold it.</exception>
    /// <exception cref="CurrencyMismatchException">Its amount is in another currency than the invoice.</exception>
    public InvoiceChange AddAllowanceCharge(Invoice draft, DocumentAllowanceCharge allowanceCharge)
    {
        RequireDraft(draft, nameof(AddAllowanceCharge));
        Preconditions.CheckNotNull(allowanceCharge);
        if (draft.Lines.Any(l => l.Id == allowanceCharge.Id) || draft.AllowanceCharges.Any(a => a.Id == allowanceCharge.Id))
        {
            throw new ArgumentException($"Invoice {draft.Id} already has a line or allowance/charge with id '{allowanceCharge.Id}'.", nameof(allowanceCharge));
        }

        var next = Recompute(draft, draft.Header, draft.Lines, [.. draft.AllowanceCharges, allowanceCharge]);
        return new InvoiceChange(next, new InvoiceAllowanceChargeAdded(next.Id, next.TenantId, next.Version, Now(), allowanceCharge));
    }

    /// <summary>Removes a document-level allowance or charge from a draft.</summary>
    /// <param name="draft">The draft.</param>
    /// <param name="id">The allowance or charge to remove.</param>
    /// <returns>The next version and <see cref="InvoiceAllowanceChargeRemoved"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="ArgumentException">No allowance or charge has that id.</exception>
    public InvoiceChange RemoveAllowanceCharge(Invoice draft, InvoiceLineId id)
    {
        RequireDraft(draft, nameof(RemoveAllowanceCharge));
        if (!draft.AllowanceCharges.Any(a => a.Id == id))
        {
            throw new ArgumentException($"Invoice {draft.Id} has no allowance or charge '{id}'.", nameof(id));
        }

        var next = Recompute(draft, draft.Header, draft.Lines, [.. draft.AllowanceCharges.Where(a => a.Id != id)]);
        return new InvoiceChange(next, new InvoiceAllowanceChargeRemoved(next.Id, next.TenantId, next.Version, Now(), id));
    }

    /// <summary>
    /// Lets tax rules decide how every line, allowance and charge of a draft is taxed: each line is
    /// decided with its item's tax class (<see cref="Item.TaxClass"/>, or the context's class when it
    /// has none) on the last day of its period (or the context's supply date). A document allowance
    /// or charge follows the lines it was taxed like (same category and rate before the decision)
    /// when the rules tax them all alike, and is decided with the context's class, as part of the
    /// main supply, when the rules now tax them differently; one that no line was taxed like keeps
    /// its treatment. The lines
    /// keep the decisions (<see cref="InvoiceLine.TaxDecision"/>) for the audit trail.
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="rules">The provider or chain that decides.</param>
    /// <param name="context">The supply: seller, buyer, date, kind and the default product class.</param>
    /// <param name="cancellationToken">Cancels the lookups; the draft stays as it was.</param>
    /// <returns>The next version, with the decided treatments and recomputed totals, and <see cref="InvoiceTaxDecided"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="TaxDecisionException">No rule decides a line (the message names the line and the supply), or one finds it ambiguous; nothing changes.</exception>
    /// <exception cref="OperationCanceledException">The operation was cancelled; nothing changes.</exception>
    public async ValueTask<InvoiceChange> DecideTaxAsync(Invoice draft, ITaxRuleProvider rules, TaxContext context, CancellationToken cancellationToken = default)
    {
        RequireDraft(draft, "DecideTax");
        Preconditions.CheckNotNull(rules);
        Preconditions.CheckNotNull(context);
        var decided = new List<(TaxContext Context, TaxDecision Decision)>();

        async ValueTask<TaxDecision> DecideAsync(TaxContext supply, string what)
        {
            foreach (var (known, decision) in decided)
            {
                if (known == supply)
                {
                    return decision;
                }
            }

            TaxDecision result;
            try
            {
                result = await rules.DecideRequiredAsync(supply, cancellationToken).ConfigureAwait(false);
            }
            catch (TaxDecisionException e)
            {
                throw new TaxDecisionException(supply, [.. e.Reasons.Select(r => $"{what}: {r}")]);
            }

            decided.Add((supply, result));
            return result;
        }

        var lines = new InvoiceLine[draft.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = draft.Lines[i];
            var supply = context with
            {
                ProductTaxClass = line.Item.TaxClass ?? context.ProductTaxClass,
                SupplyDate = line.Period?.End ?? context.SupplyDate,
            };
            lines[i] = line with { TaxDecision = await DecideAsync(supply, $"line {line.Id}").ConfigureAwait(false) };
        }

        var allowanceCharges = new DocumentAllowanceCharge[draft.AllowanceCharges.Count];
        for (var i = 0; i < allowanceCharges.Length; i++)
        {
            // An allowance or charge follows the lines it was taxed like when the rules taxed them all
            // alike, and is decided as part of the main supply when they now differ; without such
            // lines its treatment was set for itself, and stays.
            var ac = draft.AllowanceCharges[i];
            TaxTreatment? follows = null;
            var split = false;
            for (var j = 0; j < lines.Length; j++)
            {
                if (draft.Lines[j].Tax.SameGroupAs(ac.Tax))
                {
                    split |= follows is not null && follows != lines[j].Tax;
                    follows ??= lines[j].Tax;
                }
            }

            var treatment = follows is null ? ac.Tax
                : !split ? follows
                : (await DecideAsync(context, $"allowance or charge {ac.Id}").ConfigureAwait(false)).Treatment;
            allowanceCharges[i] = new DocumentAllowanceCharge(ac.Id, ac.Terms, treatment);
        }

        var next = Recompute(draft, draft.Header, lines, allowanceCharges);
        return new InvoiceChange(next, new InvoiceTaxDecided(next.Id, next.TenantId, next.Version, Now(), rules.Name,
            Array.AsReadOnly(decided.Select(d => d.Decision).Distinct().ToArray())));
    }

    /// <summary>Throws a draft away. It never got a number, so no gap appears.</summary>
    /// <param name="draft">The draft.</param>
    /// <returns>The discarded version and <see cref="InvoiceDiscarded"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft: issued invoices are never deleted, they are cancelled by a credit note.</exception>
    public InvoiceChange Discard(Invoice draft)
    {
        RequireDraft(draft, nameof(Discard));
        var next = draft.With(status: InvoiceStatus.Discarded);
        return new InvoiceChange(next, new InvoiceDiscarded(next.Id, next.TenantId, next.Version, Now()));
    }

    /// <summary>Lists what prevents a draft from being issued; empty when it can be.</summary>
    /// <param name="draft">The draft.</param>
    /// <returns>The problems, each naming its field.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    public IReadOnlyList<InvoiceProblem> Check(Invoice draft)
    {
        Preconditions.CheckNotNull(draft);
        var problems = new List<InvoiceProblem>();
        if (draft.Lines.Count == 0)
        {
            problems.Add(new InvoiceProblem("lines (BG-25)", "an invoice needs at least one line"));
        }

        if (draft.Header.CustomerKind == CustomerKind.Business && draft.Header.Buyer is null)
        {
            problems.Add(new InvoiceProblem("buyer (BG-7)", "a business invoice needs a buyer with name and address"));
        }

        if (draft.Totals.AmountDue.IsNegative)
        {
            problems.Add(new InvoiceProblem("amount due (BT-115)", $"is {draft.Totals.AmountDue}; a negative amount is refunded with a credit note"));
        }

        var business = draft.Header.CustomerKind == CustomerKind.Business;
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            var line = draft.Lines[i];
            if (ReturnLineProblem(draft.Header, line) is { } problem)
            {
                problems.Add(new InvoiceProblem($"line {line.Id} quantity (BT-129)", problem));
            }
            else if (business && draft.Totals.Lines[i].Amount.IsNegative)
            {
                problems.Add(new InvoiceProblem($"line {line.Id} net amount (BT-131)",
                    $"is {draft.Totals.Lines[i].Amount}; a business invoice line cannot be negative (give the reduction as an allowance, or credit it with a credit note)"));
            }
        }

        foreach (var ac in draft.AllowanceCharges)
        {
            if (ac.Terms.Amount is null && ac.Terms.BaseAmount is null && PercentageBaseProblem(draft, ac) is { } problem)
            {
                problems.Add(new InvoiceProblem($"allowance or charge {ac.Id} base amount (BT-93/BT-100)", problem));
            }
        }

        return problems;
    }

    /// <summary>A document percentage without an explicit base applies to the lines taxed like it; there must be some, adding up to more than zero.</summary>
    private static string? PercentageBaseProblem(Invoice draft, DocumentAllowanceCharge ac)
    {
        var lines = 0;
        var groupBase = 0m;
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            if (draft.Lines[i].Tax.SameGroupAs(ac.Tax))
            {
                lines++;
                groupBase += draft.Totals.Lines[i].Amount.Amount;
            }
        }

        return lines == 0
            ? $"{ac.Terms.Percent}% applies to the lines taxed {ac.Tax}, and the invoice has none; give the base amount explicitly"
            : groupBase <= 0m
                ? $"{ac.Terms.Percent}% applies to the lines taxed {ac.Tax}, which add up to {Money.Of(groupBase, draft.Currency)}; give a positive base amount explicitly"
                : null;
    }

    /// <summary>
    /// Issues a draft: checks it, computes its payment schedule, takes the next number of the
    /// policy's series, and (when <paramref name="onIssued"/> is given) lets the host store the
    /// issued invoice before the number is committed. If anything fails, the number goes back to
    /// the sequence and the draft stays a draft: issuing is all or nothing, so a host that stores
    /// the invoice in <paramref name="onIssued"/> should do it in the same transaction as the number.
    /// An invoice with nothing to pay (fully prepaid, or zero) is issued straight as
    /// <see cref="InvoiceStatus.Paid"/>.
    /// </summary>
    /// <param name="draft">The draft.</param>
    /// <param name="issueDate">The issue date (BT-2), or null for today in the policy's time zone.</param>
    /// <param name="onIssued">Called with the issued invoice before its number is committed (store it here for gapless numbers end to end), or null.</param>
    /// <param name="cancellationToken">Cancels the calendar lookups, the number reservation and the callback; never the final commit of the number.</param>
    /// <returns>The issued version and <see cref="InvoiceIssued"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not a draft.</exception>
    /// <exception cref="InvoiceValidationException">The draft is incomplete or inconsistent (including payment terms that do not fit its amount due); every problem is listed with its field.</exception>
    /// <exception cref="InvalidOperationException">The business calendar has no business day within 31 days of a due date.</exception>
    /// <exception cref="ArgumentException">The number series cannot format the next number (for example its counter outgrew the pattern's width).</exception>
    /// <exception cref="OperationCanceledException">The operation was cancelled; no number was consumed.</exception>
    public async ValueTask<InvoiceChange> IssueAsync(Invoice draft, LocalDate? issueDate = null,
        Func<InvoiceChange, CancellationToken, ValueTask>? onIssued = null, CancellationToken cancellationToken = default)
    {
        RequireDraft(draft, "Issue");
        var problems = Check(draft);
        if (problems.Count > 0)
        {
            throw new InvoiceValidationException(draft.Id, problems);
        }

        var date = issueDate ?? Today;
        if (draft.Preceding is { } preceding && date < preceding.IssueDate)
        {
            throw new InvoiceValidationException(draft.Id, [new InvoiceProblem("issue date (BT-2)", $"{date:uuuu-MM-dd} is before the issue date of the invoice it refers to, {preceding}")]);
        }

        var terms = draft.Header.PaymentTerms ?? PaymentTerms.DueOnIssue;
        try
        {
            // The terms alone: a problem here is the draft's, reported like the others.
            _ = PaymentSchedule.Plan(terms, draft.Totals.AmountDue);
        }
        catch (Exception e) when (e is InvalidOperationException or CurrencyMismatchException)
        {
            throw new InvoiceValidationException(draft.Id, [new InvoiceProblem("payment terms (BT-20)", e.Message)]);
        }

        // The calendar is the host's: a failure there (no business day) is not the draft's problem.
        var schedule = await PaymentSchedule.ComputeAsync(terms, date, draft.Totals.AmountDue, draft.Header.Rounding.Amounts, _calendar,
            cancellationToken).ConfigureAwait(false);

        var series = draft.Type == InvoiceType.DebitNote ? Policy.DebitNoteSeries : Policy.Series;
        var reservation = await _numbers.ReserveAsync(draft.TenantId, series, date, cancellationToken).ConfigureAwait(false);
        await using (reservation.ConfigureAwait(false))
        {
            // Nothing to pay (fully prepaid, or a zero invoice): paid from the start.
            var status = draft.Totals.AmountDue.IsZero ? InvoiceStatus.Paid : InvoiceStatus.Issued;
            var issued = draft.With(status: status, number: reservation.Number, issueDate: date, schedule: schedule);
            var change = new InvoiceChange(issued, new InvoiceIssued(
                issued.Id, issued.TenantId, issued.Version, Now(), reservation.Number, date, schedule.DueDate, issued.Totals.AmountDue));
            if (onIssued is not null)
            {
                await onIssued(change, cancellationToken).ConfigureAwait(false);
            }

            // The invoice may already be stored by onIssued: from here on the number must be
            // consumed, so the commit is not cancellable.
            await reservation.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return change;
        }
    }

    /// <summary>Records a payment against an issued invoice.</summary>
    /// <param name="invoice">The invoice: issued or partially paid.</param>
    /// <param name="amount">The amount paid: positive, in the invoice currency, at most the open amount (overpayments are the Payments area's customer credit).</param>
    /// <param name="date">The value date.</param>
    /// <param name="reference">The payment's reference, or null.</param>
    /// <returns>The next version (partially paid or paid) and <see cref="InvoicePaymentRecorded"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft, or already paid, written off, cancelled or discarded.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive, not in whole minor units, or exceeds the open amount.</exception>
    /// <exception cref="ArgumentException"><paramref name="reference"/> is longer than 200 characters.</exception>
    public InvoiceChange RecordPayment(Invoice invoice, Money amount, LocalDate date, string? reference = null)
    {
        Preconditions.CheckNotNull(invoice);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid))
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(RecordPayment),
                $"Cannot record a payment on invoice {invoice}: only issued, not fully paid invoices take payments.");
        }

        if (amount.Currency != invoice.Currency)
        {
            throw new CurrencyMismatchException(invoice.Currency, amount.Currency, "the payment amount");
        }

        if (!amount.IsPositive || amount > invoice.OpenAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                $"A payment on invoice {invoice} must be positive and at most the open amount of {invoice.OpenAmount}; got {amount}.");
        }

        var payment = new RecordedPayment(amount, date, reference);
        var open = invoice.OpenAmount - amount;
        var status = open.IsZero ? InvoiceStatus.Paid : InvoiceStatus.PartiallyPaid;
        var next = invoice.With(status: status, payments: [.. invoice.Payments, payment]);
        return new InvoiceChange(next, new InvoicePaymentRecorded(next.Id, next.TenantId, next.Version, Now(), payment, open, status));
    }

    /// <summary>
    /// Reverses a payment (a returned direct debit, a bounced cheque) or a written-off difference,
    /// in whole or in part: a new <see cref="RecordedPaymentKind.Reversal"/> entry names it, and the
    /// invoice is open again by the amount reversed (paid → partially paid, or issued when nothing
    /// paid or written off remains).
    /// </summary>
    /// <param name="invoice">The invoice: issued, partially paid or paid.</param>
    /// <param name="entry">The position in <see cref="Invoice.Payments"/> (from 1) of the payment or write-off to reverse.</param>
    /// <param name="reason">Why ("direct debit returned: AC04 account closed").</param>
    /// <param name="amount">How much: positive, in the invoice currency, at most what still stands of the entry (<see cref="Invoice.Unreversed"/>); null for all of it.</param>
    /// <param name="date">When, or null for today; not before the entry's date.</param>
    /// <param name="reference">The reversal's reference (the return's bank reference), or null for the entry's.</param>
    /// <returns>The next version and <see cref="InvoicePaymentReversed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank, or a text is too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entry"/> names no payment or write-off, <paramref name="amount"/> is not positive, not in whole minor units or more than still stands of the entry, or <paramref name="date"/> is before the entry's date.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft, or written off, cancelled or discarded.</exception>
    public InvoiceChange ReversePayment(Invoice invoice, int entry, string reason, Money? amount = null, LocalDate? date = null, string? reference = null)
    {
        Preconditions.CheckNotNull(invoice);
        var why = TextField.Required(reason, nameof(reason), 1000);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid))
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(ReversePayment),
                $"Cannot reverse a payment of invoice {invoice}: only issued, partially paid or paid invoices have payments that can be reversed.");
        }

        var left = invoice.Unreversed(entry);
        var reversed = invoice.Payments[entry - 1];
        var take = amount ?? left;
        if (take.Currency != invoice.Currency)
        {
            throw new CurrencyMismatchException(invoice.Currency, take.Currency, "the reversed amount");
        }

        if (!take.IsPositive || !take.IsRoundedToMinorUnits || take > left)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), take, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"A reversal of entry {entry} of invoice {invoice} ({reversed.Kind} of {reversed.Amount}) is positive, in whole minor units and at most the {left} that still stands of it; got {take}."));
        }

        var when = date ?? Today;
        if (when < reversed.Date)
        {
            throw new ArgumentOutOfRangeException(nameof(date), when, $"Entry {entry} of invoice {invoice} is dated {reversed.Date:uuuu-MM-dd}; it cannot be reversed before, on {when:uuuu-MM-dd}.");
        }

        var reversal = new RecordedPayment(take, when, reference ?? reversed.Reference, RecordedPaymentKind.Reversal, why, entry);
        var next = Settled(invoice, reversal);
        return new InvoiceChange(next, new InvoicePaymentReversed(next.Id, next.TenantId, next.Version, Now(), reversal, next.OpenAmount, next.Status));
    }

    /// <summary>
    /// Writes off a small difference of an issued invoice with a reason (a bank fee the payer's bank
    /// deducted, a rounding difference): a <see cref="RecordedPaymentKind.WriteOff"/> entry that
    /// reduces the open amount; the invoice is paid when nothing is left. How large a difference may
    /// be is the caller's rule (the Payments area checks the tenant's payment tolerance); writing off
    /// a whole uncollectible invoice is <see cref="WriteOff"/>.
    /// </summary>
    /// <param name="invoice">The invoice: issued or partially paid, with an open amount.</param>
    /// <param name="amount">The difference: positive, in the invoice currency and whole minor units, at most the open amount.</param>
    /// <param name="reason">Why ("bank fee", "rounding difference").</param>
    /// <param name="date">When, or null for today.</param>
    /// <param name="reference">A reference (the payment it belongs to), or null.</param>
    /// <returns>The next version (paid when nothing is left) and <see cref="InvoiceDifferenceWrittenOff"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank, or a text is too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive, not in whole minor units, or more than the open amount.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not issued or partially paid.</exception>
    public InvoiceChange WriteOffDifference(Invoice invoice, Money amount, string reason, LocalDate? date = null, string? reference = null)
    {
        Preconditions.CheckNotNull(invoice);
        var why = TextField.Required(reason, nameof(reason), 1000);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid))
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(WriteOffDifference),
                $"Cannot write off a difference on invoice {invoice}: only issued, not fully paid invoices have one.");
        }

        if (amount.Currency != invoice.Currency)
        {
            throw new CurrencyMismatchException(invoice.Currency, amount.Currency, "the written-off difference");
        }

        if (!amount.IsPositive || !amount.IsRoundedToMinorUnits || amount > invoice.OpenAmount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                $"A difference written off on invoice {invoice} is positive, in whole minor units and at most the open amount of {invoice.OpenAmount}; got {amount}.");
        }

        var writeOff = new RecordedPayment(amount, date ?? Today, reference, RecordedPaymentKind.WriteOff, why);
        var next = Settled(invoice, writeOff);
        return new InvoiceChange(next, new InvoiceDifferenceWrittenOff(next.Id, next.TenantId, next.Version, Now(), writeOff, next.OpenAmount, next.Status));
    }

    /// <summary>The next version with one more money entry, and the status it leaves: paid when nothing is open, partially paid while something paid or written off stands, issued otherwise.</summary>
    private static Invoice Settled(Invoice invoice, RecordedPayment entry)
    {
        var next = invoice.With(payments: [.. invoice.Payments, entry]);
        var status = next.OpenAmount.IsZero ? InvoiceStatus.Paid
            : (next.AmountPaid + next.AmountWrittenOff).IsPositive ? InvoiceStatus.PartiallyPaid
            : InvoiceStatus.Issued;
        return next.With(version: next.Version, status: status);
    }

    /// <summary>
    /// Applies an issued credit note to its invoice: it reduces the open amount as far as there is
    /// one; the rest (a credit on a paid invoice) becomes customer credit, recorded on
    /// <see cref="AppliedCredit.Unapplied"/>. A full cancellation cancels the invoice (and resolves
    /// any open dispute as accepted by it); otherwise an invoice with nothing left open is paid (settled).
    /// </summary>
    /// <param name="invoice">The invoice the note credits: issued, partially paid or paid.</param>
    /// <param name="creditNote">The credit note; not applied before.</param>
    /// <param name="date">When it is applied, or null for the note's issue date.</param>
    /// <returns>The next version and <see cref="InvoiceCreditApplied"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The note credits another invoice (or tenant), or was applied already.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft, or written off, cancelled or discarded.</exception>
    public InvoiceChange ApplyCredit(Invoice invoice, CreditNote creditNote, LocalDate? date = null)
    {
        Preconditions.CheckNotNull(invoice);
        Preconditions.CheckNotNull(creditNote);
        if (creditNote.Original.Id != invoice.Id || creditNote.TenantId != invoice.TenantId)
        {
            throw new ArgumentException($"Credit note {creditNote} credits another invoice than {invoice}.", nameof(creditNote));
        }

        if (invoice.Credits.Any(c => c.CreditNoteId == creditNote.Id))
        {
            throw new ArgumentException($"Credit note {creditNote} was applied to invoice {invoice} already.", nameof(creditNote));
        }

        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid))
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(ApplyCredit),
                $"Cannot apply credit note {creditNote.Number} to invoice {invoice}: only issued, partially paid or paid invoices take credits.");
        }

        var applied = Money.Min(creditNote.AmountDue, invoice.OpenAmount);
        var credit = new AppliedCredit(creditNote.Id, creditNote.Number, creditNote.AmountDue, applied, date ?? creditNote.IssueDate);
        var open = invoice.OpenAmount - applied;
        var status = creditNote.Kind == CreditNoteKind.FullCancellation ? InvoiceStatus.Cancelled
            : open.IsZero ? InvoiceStatus.Paid
            : invoice.Status;

        // A cancellation settles every open dispute: what was disputed is credited with the rest.
        var disputes = status != InvoiceStatus.Cancelled
            ? invoice.Disputes
            : [.. invoice.Disputes.Select(d => d.Status != DisputeStatus.Open ? d
                : new Dispute(d.Number, d.Reason, d.Lines, d.Amount, d.RaisedOn, DisputeStatus.Accepted, credit.Date,
                    $"Resolved by the cancellation {creditNote.Number}", creditNote.Id))];
        var next = invoice.With(status: status, credits: [.. invoice.Credits, credit], disputes: disputes);
        return new InvoiceChange(next, new InvoiceCreditApplied(next.Id, next.TenantId, next.Version, Now(), credit, next.OpenAmount, status));
    }

    /// <summary>Records a customer's dispute of an issued invoice, or of some of its lines; the invoice is flagged as disputed until it is resolved.</summary>
    /// <param name="invoice">The invoice: issued, partially paid or paid.</param>
    /// <param name="reason">What the customer disputes.</param>
    /// <param name="lines">The disputed lines, or null (or empty) for the whole invoice.</param>
    /// <param name="amount">The disputed amount, or null; positive, in the invoice currency, at most the amount due.</param>
    /// <param name="date">When it was raised, or null for today.</param>
    /// <returns>The next version and <see cref="InvoiceDisputed"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank, or a line is not on the invoice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or exceeds the amount due.</exception>
    /// <exception cref="CurrencyMismatchException"><paramref name="amount"/> is in another currency.</exception>
    /// <exception cref="InvoiceStateException">The invoice is a draft, or cancelled, written off or discarded.</exception>
    public InvoiceChange OpenDispute(Invoice invoice, string reason, IEnumerable<InvoiceLineId>? lines = null, Money? amount = null, LocalDate? date = null)
    {
        Preconditions.CheckNotNull(invoice);
        var why = TextField.Required(reason, nameof(reason), 1000);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid))
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(OpenDispute), $"Cannot dispute invoice {invoice}: only issued invoices can be disputed.");
        }

        var disputed = (lines ?? []).Distinct().ToArray();
        foreach (var line in disputed)
        {
            if (!invoice.Lines.Any(l => l.Id == line))
            {
                throw new ArgumentException($"Invoice {invoice} has no line '{line}' to dispute.", nameof(lines));
            }
        }

        if (amount is Money disputedAmount)
        {
            if (disputedAmount.Currency != invoice.Currency)
            {
                throw new CurrencyMismatchException(invoice.Currency, disputedAmount.Currency, "the disputed amount");
            }

            if (!disputedAmount.IsPositive || !disputedAmount.IsRoundedToMinorUnits || disputedAmount > invoice.Totals.AmountDue)
            {
                throw new ArgumentOutOfRangeException(nameof(amount), disputedAmount, $"A disputed amount is positive, in whole minor units and at most the amount due of {invoice.Totals.AmountDue}; got {disputedAmount}.");
            }
        }

        var dispute = new Dispute(invoice.Disputes.Count + 1, why, Array.AsReadOnly(disputed), amount, date ?? Today);
        var next = invoice.With(disputes: [.. invoice.Disputes, dispute]);
        return new InvoiceChange(next, new InvoiceDisputed(next.Id, next.TenantId, next.Version, Now(), dispute));
    }

    /// <summary>Resolves an open dispute by the credit note that accepts it, fully or in part (apply the note with <see cref="ApplyCredit"/>).</summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="disputeNumber">The dispute's number.</param>
    /// <param name="creditNote">The credit note issued for it; it credits this invoice.</param>
    /// <param name="resolution">How it was accepted (for example "accepted in part: 2 of 3 returned"), or null.</param>
    /// <returns>The next version and <see cref="InvoiceDisputeResolved"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or <paramref name="creditNote"/> is null.</exception>
    /// <exception cref="ArgumentException">No open dispute has that number, or the note credits another invoice or has not been applied to this one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The note was issued before the dispute was raised.</exception>
    public InvoiceChange AcceptDispute(Invoice invoice, int disputeNumber, CreditNote creditNote, string? resolution = null)
    {
        Preconditions.CheckNotNull(invoice);
        Preconditions.CheckNotNull(creditNote);
        if (creditNote.Original.Id != invoice.Id || creditNote.TenantId != invoice.TenantId)
        {
            throw new ArgumentException($"Credit note {creditNote} credits another invoice than {invoice}.", nameof(creditNote));
        }

        if (!invoice.Credits.Any(c => c.CreditNoteId == creditNote.Id))
        {
            throw new ArgumentException($"Credit note {creditNote.Number} has not been applied to invoice {invoice}; apply it (ApplyCredit) before it resolves a dispute.", nameof(creditNote));
        }

        return Resolve(invoice, disputeNumber, d => new Dispute(d.Number, d.Reason, d.Lines, d.Amount, d.RaisedOn, DisputeStatus.Accepted, creditNote.IssueDate,
            TextField.Optional(resolution, nameof(resolution), 1000) ?? $"Accepted by credit note {creditNote.Number} of {creditNote.Total}", creditNote.Id));
    }

    /// <summary>Rejects an open dispute with a reason.</summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="disputeNumber">The dispute's number.</param>
    /// <param name="reason">Why it is rejected.</param>
    /// <param name="date">When, or null for today.</param>
    /// <returns>The next version and <see cref="InvoiceDisputeResolved"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> or <paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException">No open dispute has that number, or <paramref name="reason"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is before the dispute was raised.</exception>
    public InvoiceChange RejectDispute(Invoice invoice, int disputeNumber, string reason, LocalDate? date = null)
    {
        var why = TextField.Required(reason, nameof(reason), 1000);
        return Resolve(invoice, disputeNumber, d => new Dispute(d.Number, d.Reason, d.Lines, d.Amount, d.RaisedOn, DisputeStatus.Rejected, date ?? Today, why));
    }

    private InvoiceChange Resolve(Invoice invoice, int disputeNumber, Func<Dispute, Dispute> resolve)
    {
        Preconditions.CheckNotNull(invoice);
        var index = -1;
        for (var i = 0; i < invoice.Disputes.Count; i++)
        {
            index = invoice.Disputes[i].Number == disputeNumber && invoice.Disputes[i].Status == DisputeStatus.Open ? i : index;
        }

        if (index < 0)
        {
            throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Invoice {invoice} has no open dispute {disputeNumber}."), nameof(disputeNumber));
        }

        var resolved = resolve(invoice.Disputes[index]);
        if (resolved.ResolvedOn is LocalDate resolvedOn && resolvedOn < resolved.RaisedOn)
        {
            throw new ArgumentOutOfRangeException(nameof(disputeNumber), resolvedOn,
                $"Dispute {disputeNumber} of invoice {invoice} was raised on {resolved.RaisedOn:uuuu-MM-dd} and cannot be resolved before, on {resolvedOn:uuuu-MM-dd}.");
        }

        var disputes = invoice.Disputes.ToArray();
        disputes[index] = resolved;
        var next = invoice.With(disputes: disputes);
        return new InvoiceChange(next, new InvoiceDisputeResolved(next.Id, next.TenantId, next.Version, Now(), resolved));
    }

    /// <summary>Records customer credit drawn from a credit note on an open invoice (for the Payments area's customer credit service).</summary>
    internal InvoiceChange ApplyCustomerCredit(Invoice invoice, AppliedCredit credit)
    {
        if (invoice.Credits.Any(c => c.CreditNoteId == credit.CreditNoteId))
        {
            throw new ArgumentException($"Invoice {invoice} already draws on credit note {credit.Number}.", nameof(credit));
        }

        var open = invoice.OpenAmount - credit.Applied;
        var status = open.IsZero ? InvoiceStatus.Paid : invoice.Status;
        var next = invoice.With(status: status, credits: [.. invoice.Credits, credit]);
        return new InvoiceChange(next, new InvoiceCreditApplied(next.Id, next.TenantId, next.Version, Now(), credit, next.OpenAmount, status));
    }

    /// <summary>Writes off the open amount of an issued invoice as uncollectible.</summary>
    /// <param name="invoice">The invoice: issued or partially paid.</param>
    /// <param name="reason">Why (for the audit trail).</param>
    /// <returns>The written-off version and <see cref="InvoiceWrittenOff"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="InvoiceStateException">The invoice is not issued with an open amount.</exception>
    public InvoiceChange WriteOff(Invoice invoice, string reason)
    {
        Preconditions.CheckNotNull(invoice);
        var why = TextField.Required(reason, nameof(reason), 1000);
        if (invoice.Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid) || !invoice.OpenAmount.IsPositive)
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(WriteOff),
                $"Cannot write off invoice {invoice}: only issued invoices with an open amount can be written off.");
        }

        var amount = invoice.OpenAmount;
        var next = invoice.With(status: InvoiceStatus.WrittenOff, writeOffReason: why);
        return new InvoiceChange(next, new InvoiceWrittenOff(next.Id, next.TenantId, next.Version, Now(), amount, why));
    }

    /// <summary>Returns whether an invoice is overdue today (in the policy's time zone).</summary>
    /// <param name="invoice">The invoice.</param>
    /// <returns>True when issued, not fully paid and past its due date.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    public bool IsOverdue(Invoice invoice) => Preconditions.CheckNotNull(invoice).IsOverdue(Today);

    private Instant Now() => _clock.GetCurrentInstant();

    private Invoice Recompute(Invoice draft, InvoiceHeader header, IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges)
        => draft.With(header: header, lines: lines, allowanceCharges: allowanceCharges,
            totals: TotalsCalculator.Compute(header, lines, allowanceCharges, _taxCalculator));

    private static void RequireDraft(Invoice invoice, string command)
    {
        Preconditions.CheckNotNull(invoice);
        if (!invoice.IsDraft)
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, command,
                $"Cannot {command} invoice {invoice}: only drafts can be changed. An issued invoice is corrected with a credit note.");
        }
    }

    private static int IndexOfLine(Invoice draft, InvoiceLineId lineId)
    {
        for (var i = 0; i < draft.Lines.Count; i++)
        {
            if (draft.Lines[i].Id == lineId)
            {
                return i;
            }
        }

        throw new ArgumentException($"Invoice {draft.Id} has no line '{lineId}'.", nameof(lineId));
    }

    private void CheckLine(InvoiceHeader header, InvoiceLine line)
    {
        if (line.UnitPrice.Currency != header.Currency)
        {
            throw new CurrencyMismatchException(header.Currency, line.UnitPrice.Currency, $"line {line.Id} unit price (BT-146)");
        }

        if (ReturnLineProblem(header, line) is { } problem)
        {
            throw new ArgumentException($"Line {line.Id} quantity {line.Quantity}: {problem}.", nameof(line));
        }
    }

    private string? ReturnLineProblem(InvoiceHeader header, InvoiceLine line)
        => line.Quantity.Value >= 0m
            ? null
            : header.CustomerKind != CustomerKind.Consumer
                ? "negative quantities are not allowed on a business invoice; returns are credited with a credit note"
                : !Policy.AllowRetailReturns
                    ? "negative quantities (returns) are not allowed by the invoicing policy (AllowRetailReturns is off)"
                    : null;

    private static void CheckUniqueIds(InvoiceLine[] lines)
    {
        // Up to 64 lines: compare hash codes pairwise on the stack and text only when they collide;
        // a set beyond (it allocates).
        if (lines.Length <= 64)
        {
            Span<int> hashes = stackalloc int[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                hashes[i] = lines[i].Id.GetHashCode();
                for (var j = 0; j < i; j++)
                {
                    if (hashes[j] == hashes[i] && lines[i].Id == lines[j].Id)
                    {
                        throw new ArgumentException($"Two lines have the id '{lines[i].Id}'.", nameof(lines));
                    }
                }
            }

            return;
        }

        var seen = new HashSet<InvoiceLineId>();
        foreach (var line in lines)
        {
            if (!seen.Add(line.Id))
            {
                throw new ArgumentException($"Two lines have the id '{line.Id}'.", nameof(lines));
            }
        }
    }
}
