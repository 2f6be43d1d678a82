using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>What an entry's outcome is.</summary>
public enum MatchStatus
{
    /// <summary>Matched with enough confidence and a single best candidate: apply it without a person.</summary>
    Auto = 0,

    /// <summary>One or more proposals for a person to choose from.</summary>
    Suggested = 1,

    /// <summary>Nothing to propose; <see cref="EntryOutcome.Reason"/> says why.</summary>
    Unmatched = 2,
}

/// <summary>Why a matched payment differs from what its documents still owe.</summary>
public enum DifferenceReason
{
    /// <summary>The payment is larger: the rest becomes customer credit.</summary>
    Overpayment = 0,

    /// <summary>The payment is smaller by the early-payment discount the documents offer, taken within its period.</summary>
    EarlyPaymentDiscount = 1,

    /// <summary>The payment is smaller by no more than the tenant's tolerance (a bank fee, a rounding): the rest may be written off.</summary>
    WithinTolerance = 2,
}

/// <summary>How a payment differs from what its documents owe: <see cref="Amount"/> is the payment minus the applied amounts.</summary>
/// <param name="Amount">Payment − Σ applied: positive for an overpayment, negative for a discount or a short payment within tolerance.</param>
/// <param name="Reason">Why.</param>
/// <param name="Description">In words, for example "early-payment discount of 2 % (EUR 2.38) taken by 2026-12-03".</param>
public sealed record MatchDifference(Money Amount, DifferenceReason Reason, string Description);

/// <summary>One document of a proposal and how much of its open amount the payment settles.</summary>
/// <param name="Item">The open item.</param>
/// <param name="Applied">What the payment settles of it: positive and at most its open amount.</param>
public sealed record MatchedDocument(OpenItem Item, Money Applied);

/// <summary>A proposed match of one entry: the documents and amounts, the rule that fired, how confident it is and why.</summary>
/// <remarks>Immutable and thread-safe. Σ <see cref="MatchedDocument.Applied"/> + <see cref="Difference"/> equals the payment; when
/// the payment is smaller than what the documents owe and no discount or tolerance explains it, the rest stays open and
/// <see cref="Difference"/> is null.</remarks>
public sealed class MatchProposal
{
    internal MatchProposal(MatchRule rule, decimal confidence, IReadOnlyList<MatchedDocument> documents, MatchDifference? difference, string explanation)
    {
        Rule = rule;
        Confidence = confidence;
        Documents = documents;
        Difference = difference;
        Explanation = explanation;
    }

    /// <summary>The rule that proposed it.</summary>
    public MatchRule Rule { get; }

    /// <summary>How sure the matcher is: 0 to 1 (see docs/reconciliation.md for the table).</summary>
    public decimal Confidence { get; }

    /// <summary>The documents, in the order the payment settles them.</summary>
    public IReadOnlyList<MatchedDocument> Documents { get; }

    /// <summary>How the payment differs from what it settles, or null when it settles exactly (or pays in part).</summary>
    public MatchDifference? Difference { get; }

    /// <summary>Why, in words a clerk understands: "creditor reference RF18… is INV-2026-000123's; amount equal".</summary>
    public string Explanation { get; }

    /// <summary>Returns "creditor-reference 1.00 INV-1 EUR 100.00".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rule.Name()} {Confidence:0.00} {string.Join(", ", Documents.Select(d => $"{d.Item.DocumentNumber} {d.Applied}"))}");
}

/// <summary>What the matcher decided for one entry.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EntryOutcome
{
    internal EntryOutcome(ReconciliationEntry entry, MatchStatus status, IReadOnlyList<MatchProposal> proposals, string? reason)
    {
        Entry = entry;
        Status = status;
        Proposals = proposals;
        Reason = reason;
    }

    /// <summary>The entry.</summary>
    public ReconciliationEntry Entry { get; }

    /// <summary>Auto, suggested or unmatched.</summary>
    public MatchStatus Status { get; }

    /// <summary>The proposals, best first: for <see cref="MatchStatus.Auto"/> exactly one, the match to apply; for
    /// <see cref="MatchStatus.Suggested"/> one or more; empty for <see cref="MatchStatus.Unmatched"/>.</summary>
    public IReadOnlyList<MatchProposal> Proposals { get; }

    /// <summary>The best proposal, or null when unmatched.</summary>
    public MatchProposal? Best => Proposals.Count > 0 ? Proposals[0] : null;

    /// <summary>Why the entry is a suggestion rather than automatic, or why it is unmatched; null for an automatic match.</summary>
    public string? Reason { get; }

    /// <summary>Returns "E1 Auto creditor-reference 1.00 INV-1 EUR 100.00".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Entry.Id} {Status} {(Best is null ? Reason : Best.ToString())}";
}

/// <summary>The outcome of a reconciliation run: one <see cref="EntryOutcome"/> per entry, in input order.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ReconciliationResult
{
    internal ReconciliationResult(IReadOnlyList<EntryOutcome> outcomes)
    {
        Outcomes = outcomes;
        foreach (var outcome in outcomes)
        {
            switch (outcome.Status)
            {
                case MatchStatus.Auto: AutoCount++; break;
                case MatchStatus.Suggested: SuggestedCount++; break;
                default: UnmatchedCount++; break;
            }
        }
    }

    /// <summary>The outcomes, in the order of the entries given.</summary>
    public IReadOnlyList<EntryOutcome> Outcomes { get; }

    /// <summary>How many entries are matched automatically.</summary>
    public int AutoCount { get; }

    /// <summary>How many entries are suggestions.</summary>
    public int SuggestedCount { get; }

    /// <summary>How many entries are unmatched.</summary>
    public int UnmatchedCount { get; }
}
