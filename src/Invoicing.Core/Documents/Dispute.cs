using Invoicing.Core.Monetary;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>Where a dispute stands.</summary>
public enum DisputeStatus
{
    /// <summary>Raised and not yet resolved: the invoice is flagged as disputed.</summary>
    Open = 0,

    /// <summary>Resolved by a credit note that accepts it (fully or in part).</summary>
    Accepted = 1,

    /// <summary>Rejected with a reason.</summary>
    Rejected = 2,
}

/// <summary>
/// A customer's dispute of an invoice or some of its lines, with its resolution: by a credit note
/// that accepts it (fully or in part), or rejected with a reason. The history stays on the invoice.
/// </summary>
/// <remarks>Immutable and thread-safe; each change is a new version of the invoice.</remarks>
public sealed record Dispute
{
    internal Dispute(int number, string reason, IReadOnlyList<InvoiceLineId> lines, Money? amount, LocalDate raisedOn,
        DisputeStatus status = DisputeStatus.Open, LocalDate? resolvedOn = null, string? resolution = null, CreditNoteId creditNoteId = default)
    {
        Number = number;
        Reason = reason;
        Lines = lines;
        Amount = amount;
        RaisedOn = raisedOn;
        Status = status;
        ResolvedOn = resolvedOn;
        Resolution = resolution;
        CreditNoteId = creditNoteId;
    }

    /// <summary>The dispute's number on its invoice: 1, 2, ...</summary>
    public int Number { get; }

    /// <summary>What the customer disputes, in their words.</summary>
    public string Reason { get; }

    /// <summary>The disputed lines; empty when the whole invoice is disputed.</summary>
    public IReadOnlyList<InvoiceLineId> Lines { get; }

    /// <summary>The amount the customer disputes, or null when they did not say.</summary>
    public Money? Amount { get; }

    /// <summary>When it was raised.</summary>
    public LocalDate RaisedOn { get; }

    /// <summary>Where it stands.</summary>
    public DisputeStatus Status { get; }

    /// <summary>When it was resolved, or null while open.</summary>
    public LocalDate? ResolvedOn { get; }

    /// <summary>Why it was rejected, or how it was accepted; null while open.</summary>
    public string? Resolution { get; }

    /// <summary>The credit note that accepted it, or <c>default</c>.</summary>
    public CreditNoteId CreditNoteId { get; }

    /// <summary>Returns whether <paramref name="other"/> is equal in every field, the lines compared in order.</summary>
    /// <param name="other">The dispute to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Dispute? other)
        => other is not null && Number == other.Number && Reason == other.Reason && Lines.SequenceEqual(other.Lines) && Amount == other.Amount
           && RaisedOn == other.RaisedOn && Status == other.Status && ResolvedOn == other.ResolvedOn && Resolution == other.Resolution
           && CreditNoteId == other.CreditNoteId;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Reason, Status);

    /// <summary>Returns "dispute 1 (Open): wrong quantity on lines 2, 3".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"dispute {Number} ({Status}): {Reason}{(Lines.Count > 0 ? " on lines " + string.Join(", ", Lines) : string.Empty)}";
}
