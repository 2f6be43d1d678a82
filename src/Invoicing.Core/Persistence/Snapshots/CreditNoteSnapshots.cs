using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Persistence.Snapshots;

// The JSON form of a credit note, one record per domain type. Property order is the JSON order.
// Optional values are null (and omitted from the JSON); lists are always written. The rounding
// policy and tax treatment records are the invoice's (InvoiceSnapshots.cs).

/// <summary>The snapshot of a <see cref="CreditNote"/> (schema "invoicing-core/credit-note").</summary>
internal sealed record CreditNoteSnapshot
{
    public required string Schema { get; init; }

    public required int SchemaVersion { get; init; }

    public required CreditNoteId Id { get; init; }

    public required TenantId TenantId { get; init; }

    public required InvoiceNumber Number { get; init; }

    public required LocalDate IssueDate { get; init; }

    public required InvoiceReferenceSnapshot Original { get; init; }

    public CustomerId? CustomerId { get; init; }

    public required Currency Currency { get; init; }

    public required PricingMode Pricing { get; init; }

    public required RoundingPolicySnapshot Rounding { get; init; }

    public required CreditNoteKind Kind { get; init; }

    public required string Reason { get; init; }

    public required IReadOnlyList<CreditNoteLineSnapshot> Lines { get; init; }

    /// <summary>The totals, written for readers of the JSON; on reading they are recomputed from the lines and must agree.</summary>
    public required CreditNoteTotalsSnapshot Totals { get; init; }
}

/// <summary>A <see cref="CreditNoteLine"/>.</summary>
internal sealed record CreditNoteLineSnapshot
{
    public required InvoiceLineId Id { get; init; }

    public required InvoiceLineId OriginalLineId { get; init; }

    public required string Description { get; init; }

    public decimal? Quantity { get; init; }

    public required Money Amount { get; init; }

    public required Money NetAmount { get; init; }

    public required Money TaxAmount { get; init; }

    public required TaxTreatmentSnapshot Tax { get; init; }
}

/// <summary>The totals of a <see cref="CreditNote"/>: the tax breakdown (BG-23), BT-106/BT-109, BT-110 and BT-112/BT-115.</summary>
internal sealed record CreditNoteTotalsSnapshot
{
    public required IReadOnlyList<TaxSubtotalSnapshot> Subtotals { get; init; }

    public required Money NetTotal { get; init; }

    public required Money TaxTotal { get; init; }

    public required Money Total { get; init; }

    /// <summary>BT-114; absent when zero.</summary>
    public Money? RoundingAmount { get; init; }
}
