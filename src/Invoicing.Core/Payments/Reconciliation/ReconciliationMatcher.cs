using System.Globalization;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments.BankStatements;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// Matches bank statement entries to open items: for each entry an automatic match, suggestions for a
/// person, or unmatched with a reason. The rules, their confidences and the tolerances are described in
/// docs/reconciliation.md.
/// </summary>
/// <remarks>
/// <para>Thread-safe: the matcher holds only its options; every run builds its own indexes (by creditor
/// reference, by document number, by payer account, by customer and amount), so the time grows with the
/// number of items plus the number of entries, never with their product.</para>
/// <para>Deterministic: the same items and entries give the same result, and which entries are matched
/// automatically does not depend on the order of either. Each entry is judged against the open amounts
/// as given; when automatic matches of several entries together would settle more than a document's
/// open amount, all of them become suggestions.</para>
/// </remarks>
public sealed class ReconciliationMatcher
{
    private const int ProgressStep = 10_000;
    private const int MaxAmountOnly = 20;
    private const int ChunkSize = 1_000;
    private const int ParallelFrom = 5_000;

    /// <summary>Confidence per rule (rows, in <see cref="MatchRule"/> order) and fit (columns, in <see cref="Fit"/> order).</summary>
    private static readonly decimal[,] Confidences =
    {
        // exact, discount, tolerance, overpayment, partial
        { 1.00m, 0.98m, 0.96m, 0.93m, 0.90m }, // creditor-reference
        { 0.96m, 0.94m, 0.92m, 0.88m, 0.85m }, // document-number
        { 0.95m, 0.93m, 0.91m, 0.80m, 0.70m }, // listed-documents
        { 0.85m, 0.80m, 0.00m, 0.00m, 0.00m }, // amount-sum (exact sums only)
        { 0.92m, 0.88m, 0.00m, 0.00m, 0.00m }, // amount-and-payer (exact or discounted amounts only)
        { 0.60m, 0.00m, 0.00m, 0.00m, 0.00m }, // amount-only (a single item with exactly the amount; several get AmbiguousAmountOnly)
    };

    private const decimal AmbiguousAmount = 0.50m;
    private const decimal AmbiguousAmountOnly = 0.40m;
    private const decimal AmbiguousNamePenalty = 0.10m;
    private const decimal OtherCustomerCap = 0.60m;
    private const decimal DuplicateNumberCap = 0.50m;

    /// <summary>Creates a matcher.</summary>
    /// <param name="options">The options, or null for <see cref="ReconciliationOptions.Default"/>.</param>
    public ReconciliationMatcher(ReconciliationOptions? options = null) => Options = options ?? ReconciliationOptions.Default;

    private enum Fit
    {
        Exact = 0,
        Discount = 1,
        Tolerance = 2,
        Overpayment = 3,
        Partial = 4,
    }

    /// <summary>The options.</summary>
    public ReconciliationOptions Options { get; }

    /// <summary>Matches entries against open items.</summary>
    /// <param name="openItems">The open items of one tenant.</param>
    /// <param name="entries">The entries; their ids are unique.</param>
    /// <param name="progress">Receives the number of entries evaluated so far, about every 10,000 entries and at the end, in
    /// increasing order but possibly from a worker thread; or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One outcome per entry, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="openItems"/>, <paramref name="entries"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">Two entries have the same id.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public ReconciliationResult Match(IEnumerable<OpenItem> openItems, IEnumerable<ReconciliationEntry> entries, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var items = Preconditions.CopyNotNullToArray(openItems);
        var list = Preconditions.CopyNotNull(entries);
        var ids = new HashSet<string>(list.Count, StringComparer.Ordinal);
        foreach (var entry in list)
        {
            if (!ids.Add(entry.Id))
            {
                throw new ArgumentException($"Two entries have the id '{entry.Id}'; entry ids are unique within a run.", nameof(entries));
            }
        }

        using var index = new OpenItemIndex(items);
        var judged = new Judgement[list.Count];
        var chunks = (list.Count + ChunkSize - 1) / ChunkSize;
        var done = 0;
        var reported = 0;
        var gate = new object();
        void JudgeChunk(int chunk)
        {
            var end = Math.Min(list.Count, (chunk + 1) * ChunkSize);
            for (var i = chunk * ChunkSize; i < end; i++)
            {
                judged[i] = Judge(list[i], index);
            }

            var now = Interlocked.Add(ref done, end - (chunk * ChunkSize));
            if (progress is not null && now / ProgressStep > Volatile.Read(ref reported) / ProgressStep && now < list.Count)
            {
                lock (gate)
                {
                    if (now > reported)
                    {
                        reported = now;
                        progress.Report(now);
                    }
                }
            }
        }

        if (list.Count < ParallelFrom)
        {
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                JudgeChunk(chunk);
            }
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, JudgeChunk);
        }

        progress?.Report(list.Count);
        ResolveCompetition(judged, list);
        var outcomes = new EntryOutcome[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            outcomes[i] = new EntryOutcome(list[i], judged[i].Status, judged[i].Proposals, judged[i].Reason);
        }

        return new ReconciliationResult(Array.AsReadOnly(outcomes));
    }

    private Judgement Judge(ReconciliationEntry entry, OpenItemIndex index)
    {
        if (entry.Side == CreditDebit.Debit)
        {
            return Judgement.Unmatched("outgoing payment (debit entry): not a receipt from a customer");
        }

        if (entry.IsReversal)
        {
            return Judgement.Unmatched("reversal of an earlier entry (a returned or bounced payment): not a receipt; reverse the original payment's allocations instead");
        }

        var paying = index.CustomersPaying(entry.PayerAccount);
        var payers = new CustomerId[paying.Length];
        for (var p = 0; p < paying.Length; p++)
        {
            payers[p] = index.Customer(paying[p]);
        }

        var proposals = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        var notes = new List<string>();

        // Rules 1 and 2: documents the payer names, by creditor reference or by number.
        var named = new List<(int Item, MatchRule Rule, string How)>();
        var otherCurrency = new List<string>();
        var structured = OpenItemIndex.NormalizeReference(entry.CreditorReference);
        var references = new List<string>();
        if (structured is not null)
        {
            references.Add(structured);
        }

        foreach (var found in CreditorReference.FindAll(entry.RemittanceText))
        {
            if (!references.Contains(found.Value))
            {
                references.Add(found.Value);
            }
        }

        var structuredMatched = false;
        var hits = new List<int>();
        foreach (var reference in references)
        {
            hits.Clear();
            index.AddByReference(reference, hits);
            foreach (var i in hits)
            {
                structuredMatched |= reference == structured;
                AddNamed(named, otherCurrency, notes, index.Items[i], i, entry, MatchRule.CreditorReference, $"creditor reference {reference} is {index.Items[i].DocumentNumber}'s");
            }
        }

        var text = structured is not null && !structuredMatched ? entry.CreditorReference + " " + entry.RemittanceText : entry.RemittanceText;
        hits.Clear();
        DocumentNumberKeys.VisitCandidates(text, (index, hits), static (state, segmented, compact, singleToken) =>
        {
            // A window of tokens names a document by its segments; a single token also by its letters and digits alone.
            var (index, hits) = state;
            index.AddByNumber(segmented, compactKey: false, hits);
            if (singleToken)
            {
                index.AddByNumber(compact, compactKey: true, hits);
                if (!compact.SequenceEqual(segmented))
                {
                    index.AddByNumber(compact, compactKey: false, hits);
                    index.AddByNumber(segmented, compactKey: true, hits);
                }
            }
        });
        foreach (var i in hits)
        {
            AddNamed(named, otherCurrency, notes, index.Items[i], i, entry, MatchRule.DocumentNumber, $"the remittance names {index.Items[i].DocumentNumber}");
        }

        var ambiguousNames = named.Count > 1;
        foreach (var (i, rule, how) in named)
        {
            var item = index.Items[i];
            Propose(proposals, entry, rule, [item], how, payers, ambiguousNames ? AmbiguousNamePenalty : 0m,
                ambiguousNames ? $"; the remittance names {named.Count} documents" : "");
        }

        if (ambiguousNames)
        {
            var namedItems = new OpenItem[named.Count];
            for (var n = 0; n < named.Count; n++)
            {
                namedItems[n] = index.Items[named[n].Item];
            }

            foreach (var group in namedItems.GroupBy(item => item.CustomerId).Where(g => g.Count() > 1))
            {
                var documents = group.ToArray();
                Array.Sort(documents, SettleOrder);
                Propose(proposals, entry, MatchRule.ListedDocuments, documents,
                    $"the remittance names {string.Join(", ", documents.Select(d => d.DocumentNumber))} of customer {group.Key}", payers, 0m, "");
            }
        }

        // Rules 3 and 4: inferred from the payer's account and the amount.
        foreach (var ordinal in paying)
        {
            var customer = index.Customer(ordinal);
            var sameAmount = new List<OpenItem>();
            hits.Clear();
            index.AddByCustomerAmount(ordinal, entry.Amount, hits);
            foreach (var i in hits)
            {
                var item = index.Items[i];
                if (item.OpenAmount == entry.Amount || item.OpenAmount - DiscountTaken(entry, item) == entry.Amount)
                {
                    sameAmount.Add(item);
                }
            }

            foreach (var item in sameAmount)
            {
                var how = sameAmount.Count == 1
                    ? $"the payer's account is customer {customer}'s, whose only open item of this amount is {item.DocumentNumber}"
                    : $"the payer's account is customer {customer}'s, who has {sameAmount.Count} open items of this amount";
                Propose(proposals, entry, MatchRule.AmountAndPayer, [item], how, payers, 0m, "", sameAmount.Count == 1 ? null : AmbiguousAmount);
            }

            if (sameAmount.Count == 0)
            {
                ProposeSubsets(proposals, entry, index, ordinal, payers, notes);
            }
        }

        // Rule 5: nothing else found and the amount alone points somewhere; when it points to many items, it says nothing.
        if (proposals.Count == 0)
        {
            var sameAmount = new List<OpenItem>();
            foreach (var i in index.ByAmount(entry.Amount))
            {
                if (index.Items[i].OpenAmount == entry.Amount)
                {
                    sameAmount.Add(index.Items[i]);
                }

                if (sameAmount.Count > MaxAmountOnly)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"more than {MaxAmountOnly} open items have the amount {entry.Amount}: the amount alone says nothing"));
                    sameAmount.Clear();
                    break;
                }
            }

            sameAmount.Sort(SettleOrder);
            foreach (var item in sameAmount.Take(Options.MaxSuggestions))
            {
                var how = payers.Length == 0
                    ? $"{item.DocumentNumber} is open for this amount; the payer's account is not known"
                    : $"{item.DocumentNumber} is open for this amount, but it is not the payer's customer's";
                if (sameAmount.Count > 1)
                {
                    how += string.Create(CultureInfo.InvariantCulture, $" ({sameAmount.Count} open items have it)");
                }

                Propose(proposals, entry, MatchRule.AmountOnly, [item], how, [], 0m, "", sameAmount.Count == 1 ? null : AmbiguousAmountOnly);
            }
        }

        if (proposals.Count == 0)
        {
            return Judgement.Unmatched(notes.Count > 0
                ? string.Join("; ", notes.Distinct())
                : "no open item matches its reference, its remittance text, its payer or its amount");
        }

        var candidates = new Candidate[proposals.Count];
        proposals.Values.CopyTo(candidates, 0);
        return Decide(candidates, otherCurrency, notes);
    }

    /// <summary>Ranks the candidates (sorting <paramref name="ranked"/>) and decides: automatic, suggestions, or why not.</summary>
    private Judgement Decide(Candidate[] ranked, List<string> namedInOtherCurrency, List<string> notes)
    {
        // By confidence (highest first), then rule order, then key: keys are unique, so the order is total.
        Array.Sort(ranked, static (a, b) =>
        {
            var byConfidence = b.Proposal.Confidence.CompareTo(a.Proposal.Confidence);
            return byConfidence != 0 ? byConfidence
                : a.Proposal.Rule != b.Proposal.Rule ? ((int)a.Proposal.Rule).CompareTo((int)b.Proposal.Rule)
                : string.CompareOrdinal(a.Key, b.Key);
        });
        var best = ranked[0].Proposal;
        string? reason = null;
        if (best.Confidence < Options.AutoThreshold)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"confidence {best.Confidence:0.00} is below the auto-match threshold {Options.AutoThreshold:0.00}");
        }
        else if (ranked.Length > 1 && best.Confidence - ranked[1].Proposal.Confidence < Options.TieMargin)
        {
            var second = ranked[1].Proposal;
            reason = string.Create(CultureInfo.InvariantCulture,
                $"near tie: {Numbers(best)} ({best.Confidence:0.00}) and {Numbers(second)} ({second.Confidence:0.00})");
        }
        else if (!IsNamed(best.Rule) && ranked.FirstOrDefault(c => IsNamed(c.Proposal.Rule)) is { } namedOne)
        {
            reason = $"the payer named {Numbers(namedOne.Proposal)}, but the amount points to {Numbers(best)}";
        }
        else if (!IsNamed(best.Rule) && namedInOtherCurrency.Count > 0)
        {
            reason = $"the payer named {string.Join(", ", namedInOtherCurrency.Distinct())} (in another currency), but the amount points to {Numbers(best)}";
        }

        if (reason is null)
        {
            return new Judgement(MatchStatus.Auto, [best], null);
        }

        if (notes.Count > 0)
        {
            reason += "; " + string.Join("; ", notes.Distinct());
        }

        var kept = new MatchProposal[Math.Min(ranked.Length, Options.MaxSuggestions)];
        for (var k = 0; k < kept.Length; k++)
        {
            kept[k] = ranked[k].Proposal;
        }

        return new Judgement(MatchStatus.Suggested, Array.AsReadOnly(kept), reason);
    }

    /// <summary>Demotes automatic matches that together settle more of a document than is open.</summary>
    private static void ResolveCompetition(Judgement[] judged, IReadOnlyList<ReconciliationEntry> entries)
    {
        var claims = new Dictionary<OpenItem, (Money Applied, List<int> Entries)>(ReferenceEqualityComparer.Instance);
        for (var e = 0; e < judged.Length; e++)
        {
            if (judged[e].Status != MatchStatus.Auto)
            {
                continue;
            }

            foreach (var document in judged[e].Proposals[0].Documents)
            {
                if (claims.TryGetValue(document.Item, out var claim))
                {
                    claim.Entries.Add(e);
                    claims[document.Item] = (claim.Applied + document.Applied, claim.Entries);
                }
                else
                {
                    claims.Add(document.Item, (document.Applied, [e]));
                }
            }
        }

        var demoted = new Dictionary<int, List<string>>();
        foreach (var (item, claim) in claims)
        {
            if (claim.Entries.Count < 2 || claim.Applied <= item.OpenAmount)
            {
                continue;
            }

            var others = claim.Entries.Select(e => entries[e].Id).Order(StringComparer.Ordinal).ToArray();
            foreach (var e in claim.Entries)
            {
                if (!demoted.TryGetValue(e, out var reasons))
                {
                    demoted[e] = reasons = [];
                }

                reasons.Add($"entries {string.Join(", ", others)} together settle {claim.Applied} of {item.DocumentNumber}, which has {item.OpenAmount} open");
            }
        }

        foreach (var (e, reasons) in demoted)
        {
            judged[e] = new Judgement(MatchStatus.Suggested, judged[e].Proposals, string.Join("; ", reasons));
        }
    }

    private static void AddNamed(List<(int Item, MatchRule Rule, string How)> named, List<string> otherCurrency, List<string> notes, OpenItem item, int position, ReconciliationEntry entry, MatchRule rule, string how)
    {
        if (item.Currency != entry.Amount.Currency)
        {
            otherCurrency.Add(item.DocumentNumber);
            notes.Add($"{how}, but it is in {item.Currency.Code} and the payment in {entry.Amount.Currency.Code}: currencies must match");
            return;
        }

        foreach (var (known, _, _) in named)
        {
            if (known == position)
            {
                return;
            }
        }

        named.Add((position, rule, how));
    }

    private void ProposeSubsets(Dictionary<string, Candidate> proposals, ReconciliationEntry entry, OpenItemIndex index, int ordinal, IReadOnlyList<CustomerId> payers, List<string> notes)
    {
        var customer = index.Customer(ordinal);
        var candidates = new List<OpenItem>();
        foreach (var i in index.ByCustomer(ordinal, entry.Amount.Currency))
        {
            var item = index.Items[i];
            if (item.OpenAmount < entry.Amount)
            {
                candidates.Add(item);
            }

            if (candidates.Count > Options.MaxSubsetCandidates)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"customer {customer} has more than {Options.MaxSubsetCandidates} open items below the amount; sums of several were not searched"));
                return;
            }
        }

        if (candidates.Count < 2)
        {
            return;
        }

        candidates.Sort(static (a, b) =>
        {
            var byAmount = b.OpenAmount.Amount.CompareTo(a.OpenAmount.Amount);
            return byAmount != 0 ? byAmount : string.CompareOrdinal(a.DocumentNumber, b.DocumentNumber);
        });
        var amounts = new decimal[candidates.Count];
        for (var c = 0; c < amounts.Length; c++)
        {
            amounts[c] = candidates[c].OpenAmount.Amount;
        }

        var solutions = SubsetSum.Find(amounts, entry.Amount.Amount, Options.MaxSubsetSize, limit: 2);
        foreach (var solution in solutions)
        {
            var documents = new OpenItem[solution.Length];
            for (var d = 0; d < documents.Length; d++)
            {
                documents[d] = candidates[solution[d]];
            }

            Array.Sort(documents, SettleOrder);
            var how = solutions.Count == 1
                ? $"the payer's account is customer {customer}'s, whose open items {string.Join(", ", documents.Select(d => d.DocumentNumber))} sum to the amount"
                : $"the payer's account is customer {customer}'s, and more than one set of its open items sums to the amount";
            Propose(proposals, entry, MatchRule.AmountSum, documents, how, payers, 0m, "", solutions.Count == 1 ? null : AmbiguousAmount);
        }
    }

    private void Propose(Dictionary<string, Candidate> proposals, ReconciliationEntry entry, MatchRule rule, OpenItem[] documents, string how,
        IReadOnlyList<CustomerId> payers, decimal penalty, string penaltyNote, decimal? fixedConfidence = null)
    {
        var (fit, applied, difference, fitText) = FitOf(entry, documents);
        var confidence = fixedConfidence ?? Confidences[(int)rule, (int)fit];
        if (confidence <= 0m)
        {
            return;
        }

        var explanation = how + "; " + fitText + penaltyNote;
        confidence -= penalty;
        if (IsNamed(rule) && payers.Count > 0 && !AllPaidBy(documents, payers))
        {
            confidence = Math.Min(confidence, OtherCustomerCap);
            explanation += $"; but the payer's account belongs to {string.Join(", ", payers.Order())}, not to {string.Join(", ", documents.Select(d => d.CustomerId).Distinct().Order())}";
        }

        var key = KeyOf(documents, out var repeated);
        var found = proposals.TryGetValue(key, out var existing);

        // Two open items of one customer with the same number (a data error, or two series), in this proposal or in
        // another under the same key: the number cannot say which one the payer meant, and which one wins would depend
        // on the order of the list. Never automatic.
        var duplicate = (found && (existing!.Duplicate || !existing.Documents.AsSpan().SequenceEqual(documents, ReferenceEqualityComparer.Instance)))
            || repeated;
        if (duplicate)
        {
            confidence = Math.Min(confidence, DuplicateNumberCap);
            explanation += $"; {string.Join(", ", documents.Select(d => d.DocumentNumber))} is the number of more than one open item of customer {documents[0].CustomerId}";
        }

        var settled = Settled(documents, applied);
        var proposal = new MatchProposal(rule, confidence, Array.AsReadOnly(settled), difference, explanation);
        if (!found || duplicate || existing!.Proposal.Confidence < confidence
            || (existing.Proposal.Confidence == confidence && existing.Proposal.Rule > rule))
        {
            proposals[key] = new Candidate(key, proposal, documents, duplicate);
        }
    }

    /// <summary>Whether every document is of a customer known to pay from the payer's account.</summary>
    private static bool AllPaidBy(OpenItem[] documents, IReadOnlyList<CustomerId> payers)
    {
        foreach (var document in documents)
        {
            if (!payers.Contains(document.CustomerId))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The key of a proposal: its documents' numbers and customers, sorted; <paramref name="repeated"/> when two
    /// documents have the same number and customer.</summary>
    private static string KeyOf(OpenItem[] documents, out bool repeated)
    {
        repeated = false;
        if (documents.Length == 1)
        {
            return string.Concat(documents[0].DocumentNumber, "\t", documents[0].CustomerId.Value);
        }

        var keys = new string[documents.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            keys[i] = string.Concat(documents[i].DocumentNumber, "\t", documents[i].CustomerId.Value);
        }

        Array.Sort(keys, StringComparer.Ordinal);
        for (var i = 1; i < keys.Length; i++)
        {
            repeated |= string.Equals(keys[i], keys[i - 1], StringComparison.Ordinal);
        }

        return string.Join('\n', keys);
    }

    /// <summary>The documents a payment settles some of, with what it applies to each, in order.</summary>
    private static MatchedDocument[] Settled(OpenItem[] documents, Money[] applied)
    {
        var count = 0;
        foreach (var amount in applied)
        {
            count += amount.IsPositive ? 1 : 0;
        }

        var settled = new MatchedDocument[count];
        var k = 0;
        for (var i = 0; i < documents.Length; i++)
        {
            if (applied[i].IsPositive)
            {
                settled[k++] = new MatchedDocument(documents[i], applied[i]);
            }
        }

        return settled;
    }

    /// <summary>How the payment fits what the documents owe, and what it applies to each, in order.</summary>
    private (Fit Fit, Money[] Applied, MatchDifference? Difference, string Text) FitOf(ReconciliationEntry entry, OpenItem[] documents)
    {
        var payment = entry.Amount;
        var open = Money.Zero(payment.Currency);
        foreach (var document in documents)
        {
            open += document.OpenAmount;
        }

        var applied = new Money[documents.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            applied[i] = documents[i].OpenAmount;
        }

        var difference = payment - open;
        if (difference.IsZero)
        {
            return (Fit.Exact, applied, null, "amount equal");
        }

        if (difference.IsPositive)
        {
            return (Fit.Overpayment, applied, new MatchDifference(difference, DifferenceReason.Overpayment, $"overpayment of {difference}: becomes customer credit"),
                $"overpaid by {difference}");
        }

        var discount = Money.Zero(payment.Currency);
        var until = default(NodaTime.LocalDate?);
        var percent = 0m;
        foreach (var document in documents)
        {
            var taken = DiscountTaken(entry, document);
            if (taken.IsPositive)
            {
                discount += taken;
                until = until is null || document.Discount!.Value.Until < until ? document.Discount!.Value.Until : until;
                percent = document.Discount!.Value.Percent;
            }
        }

        if (discount.IsPositive && payment == open - discount)
        {
            var text = documents.Length == 1
                ? string.Create(CultureInfo.InvariantCulture, $"early-payment discount of {percent} % ({discount}) taken by {until:uuuu-MM-dd}")
                : string.Create(CultureInfo.InvariantCulture, $"early-payment discounts of {discount} taken by {until:uuuu-MM-dd}");
            return (Fit.Discount, applied, new MatchDifference(-discount, DifferenceReason.EarlyPaymentDiscount, text), text);
        }

        if (Options.Tolerance.Covers(difference, open))
        {
            var text = $"short by {-difference}, within the tolerance of {Options.Tolerance.LimitFor(open)}: write off as a bank fee or rounding";
            return (Fit.Tolerance, applied, new MatchDifference(difference, DifferenceReason.WithinTolerance, text), text);
        }

        var rest = payment;
        for (var i = 0; i < applied.Length; i++)
        {
            applied[i] = Money.Min(applied[i], rest);
            rest -= applied[i];
        }

        return (Fit.Partial, applied, null, $"pays {payment} of {open}; {open - payment} stays open");
    }

    /// <summary>The order in which a payment settles several documents, and in which equally likely suggestions are
    /// listed: the oldest due (else issued) first, then by number and customer.</summary>
    private static int SettleOrder(OpenItem a, OpenItem b)
    {
        var byDue = Nullable.Compare(a.DueDate ?? a.IssueDate, b.DueDate ?? b.IssueDate);
        if (byDue != 0)
        {
            return byDue;
        }

        var byNumber = string.CompareOrdinal(a.DocumentNumber, b.DocumentNumber);
        return byNumber != 0 ? byNumber : a.CustomerId.CompareTo(b.CustomerId);
    }

    /// <summary>The early-payment discount a document grants this payment: zero without one, without a value date, or after its period.</summary>
    private static Money DiscountTaken(ReconciliationEntry entry, OpenItem document)
        => document.Discount is { } d && entry.ValueDate is { } valueDate && valueDate <= d.Until ? d.On(document.OpenAmount) : Money.Zero(document.Currency);

    private static bool IsNamed(MatchRule rule) => rule is MatchRule.CreditorReference or MatchRule.DocumentNumber or MatchRule.ListedDocuments;

    private static string Numbers(MatchProposal proposal) => string.Join(", ", proposal.Documents.Select(d => d.Item.DocumentNumber));

    private sealed record Candidate(string Key, MatchProposal Proposal, OpenItem[] Documents, bool Duplicate);

    private sealed record Judgement(MatchStatus Status, IReadOnlyList<MatchProposal> Proposals, string? Reason)
    {
        internal static Judgement Unmatched(string reason) => new(MatchStatus.Unmatched, [], reason);
    }
}
