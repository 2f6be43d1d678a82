using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Persistence.Snapshots;

// The JSON form of an invoice, one record per domain type. Property order is the JSON order.
// Optional values are null (and omitted from the JSON); lists are always written.

/// <summary>The snapshot of an <see cref="Invoice"/> version (schema "invoicing-core/invoice").</summary>
internal sealed record InvoiceSnapshot
{
    public required string Schema { get; init; }

    public required int SchemaVersion { get; init; }

    public required InvoiceId Id { get; init; }

    public required TenantId TenantId { get; init; }

    public required int Version { get; init; }

    public required InvoiceStatus Status { get; init; }

    public InvoiceNumber? Number { get; init; }

    public LocalDate? IssueDate { get; init; }

    public required InvoiceHeaderSnapshot Header { get; init; }

    public required IReadOnlyList<InvoiceLineSnapshot> Lines { get; init; }

    public required IReadOnlyList<DocumentAllowanceChargeSnapshot> AllowanceCharges { get; init; }

    public required InvoiceTotalsSnapshot Totals { get; init; }

    public PaymentScheduleSnapshot? Schedule { get; init; }

    public required IReadOnlyList<RecordedPaymentSnapshot> Payments { get; init; }

    /// <summary>The document type: absent for an invoice (380), "debitNote" for a debit note (383).</summary>
    public InvoiceType? Type { get; init; }

    /// <summary>The invoice a debit note refers to; absent for an invoice.</summary>
    public InvoiceReferenceSnapshot? Preceding { get; init; }

    /// <summary>The disputes, open and resolved; absent when there are none.</summary>
    public IReadOnlyList<DisputeSnapshot>? Disputes { get; init; }

    /// <summary>The credit notes applied; absent when there are none.</summary>
    public IReadOnlyList<AppliedCreditSnapshot>? Credits { get; init; }

    public string? WriteOffReason { get; init; }
}

/// <summary>An <see cref="InvoiceHeader"/>.</summary>
internal sealed record InvoiceHeaderSnapshot
{
    public required Currency Currency { get; init; }

    public required PartySnapshot Seller { get; init; }

    public PartySnapshot? Buyer { get; init; }

    public CustomerId? CustomerId { get; init; }

    public required CustomerKind CustomerKind { get; init; }

    public required PricingMode Pricing { get; init; }

    public required RoundingPolicySnapshot Rounding { get; init; }

    public PaymentTermsSnapshot? PaymentTerms { get; init; }

    public Money? PrepaidAmount { get; init; }

    public string? BuyerReference { get; init; }

    public string? OrderReference { get; init; }

    public string? ContractReference { get; init; }

    public string? Note { get; init; }

    public LocalDate? DeliveryDate { get; init; }

    public BillingPeriodSnapshot? Period { get; init; }
}

/// <summary>A <see cref="RoundingPolicy"/>.</summary>
internal sealed record RoundingPolicySnapshot
{
    public required MoneyRounding Amounts { get; init; }

    public required TaxRoundingLevel TaxLevel { get; init; }

    public MoneyRounding? Payable { get; init; }
}

/// <summary>A <see cref="BillingPeriod"/>.</summary>
internal sealed record BillingPeriodSnapshot
{
    public required LocalDate Start { get; init; }

    public required LocalDate End { get; init; }
}

/// <summary>An <see cref="InvoiceLine"/>.</summary>
internal sealed record InvoiceLineSnapshot
{
    public required InvoiceLineId Id { get; init; }

    public required ItemSnapshot Item { get; init; }

    public required QuantitySnapshot Quantity { get; init; }

    public required Money UnitPrice { get; init; }

    public required decimal BaseQuantity { get; init; }

    public required TaxTreatmentSnapshot Tax { get; init; }

    public TaxDecisionSnapshot? TaxDecision { get; init; }

    public required IReadOnlyList<AllowanceChargeSnapshot> AllowanceCharges { get; init; }

    public BillingPeriodSnapshot? Period { get; init; }

    public string? OrderLineReference { get; init; }

    public string? Note { get; init; }
}

/// <summary>A <see cref="Tax.TaxDecision"/>: the treatment is the line's, so only what the decision adds is stored.</summary>
internal sealed record TaxDecisionSnapshot
{
    public required IReadOnlyList<TaxComponentSnapshot> Components { get; init; }

    public required string RuleId { get; init; }

    public string? LegalBasis { get; init; }

    public string? Provider { get; init; }
}

/// <summary>A <see cref="Tax.TaxComponent"/>.</summary>
internal sealed record TaxComponentSnapshot
{
    public required string Name { get; init; }

    public required string Jurisdiction { get; init; }

    public required decimal Rate { get; init; }

    public bool Compound { get; init; }
}

/// <summary>An <see cref="Documents.Item"/>.</summary>
internal sealed record ItemSnapshot
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? SellerItemId { get; init; }

    public string? BuyerItemId { get; init; }

    public Gtin? Gtin { get; init; }

    public string? TaxClass { get; init; }
}

/// <summary>A <see cref="Documents.Quantity"/>.</summary>
internal sealed record QuantitySnapshot
{
    public required decimal Value { get; init; }

    public required UnitCode Unit { get; init; }
}

/// <summary>A <see cref="TaxTreatment"/>.</summary>
internal sealed record TaxTreatmentSnapshot
{
    public required TaxCategory Category { get; init; }

    public decimal? Rate { get; init; }

    public string? ExemptionReasonCode { get; init; }

    public string? ExemptionReason { get; init; }
}

/// <summary>An <see cref="AllowanceCharge"/>: an amount, or a percent with an optional base.</summary>
internal sealed record AllowanceChargeSnapshot
{
    public required bool IsCharge { get; init; }

    public Money? Amount { get; init; }

    public decimal? Percent { get; init; }

    public Money? BaseAmount { get; init; }

    public string? Reason { get; init; }

    public string? ReasonCode { get; init; }
}

/// <summary>A <see cref="DocumentAllowanceCharge"/>.</summary>
internal sealed record DocumentAllowanceChargeSnapshot
{
    public required InvoiceLineId Id { get; init; }

    public required AllowanceChargeSnapshot Terms { get; init; }

    public required TaxTreatmentSnapshot Tax { get; init; }
}

/// <summary>
/// The stored <see cref="InvoiceTotals"/>: the amounts of every line, allowance and charge, the tax
/// breakdown, and the document totals BT-106 to BT-115 (checked against the parts on reading).
/// </summary>
internal sealed record InvoiceTotalsSnapshot
{
    public required IReadOnlyList<LineTotalSnapshot> Lines { get; init; }

    public required IReadOnlyList<AllowanceChargeTotalSnapshot> Allowances { get; init; }

    public required IReadOnlyList<AllowanceChargeTotalSnapshot> Charges { get; init; }

    public required TaxBreakdownSnapshot TaxBreakdown { get; init; }

    public required Money LineNetTotal { get; init; }

    public required Money AllowanceTotal { get; init; }

    public required Money ChargeTotal { get; init; }

    public required Money TaxExclusiveTotal { get; init; }

    public required Money TaxTotal { get; init; }

    public required Money TaxInclusiveTotal { get; init; }

    public required Money PrepaidAmount { get; init; }

    public required Money RoundingAmount { get; init; }

    public required Money AmountDue { get; init; }
}

/// <summary>A <see cref="LineTotal"/>.</summary>
internal sealed record LineTotalSnapshot
{
    public required InvoiceLineId LineId { get; init; }

    public required Money Amount { get; init; }

    public required Money NetAmount { get; init; }

    public required Money TaxAmount { get; init; }
}

/// <summary>An <see cref="AllowanceChargeTotal"/>.</summary>
internal sealed record AllowanceChargeTotalSnapshot
{
    public required InvoiceLineId Id { get; init; }

    public required Money Amount { get; init; }

    public required Money NetAmount { get; init; }
}

/// <summary>A <see cref="Tax.TaxBreakdown"/>; its currency is the invoice's, its sums are the invoice's BT-109 and BT-110.</summary>
internal sealed record TaxBreakdownSnapshot
{
    public required IReadOnlyList<TaxSubtotalSnapshot> Subtotals { get; init; }

    public required IReadOnlyList<ItemTaxSnapshot> Items { get; init; }
}

/// <summary>A <see cref="TaxSubtotal"/>.</summary>
internal sealed record TaxSubtotalSnapshot
{
    public required TaxTreatmentSnapshot Treatment { get; init; }

    public required Money TaxableAmount { get; init; }

    public required Money TaxAmount { get; init; }
}

/// <summary>An <see cref="ItemTax"/>.</summary>
internal sealed record ItemTaxSnapshot
{
    public required Money Net { get; init; }

    public required Money Tax { get; init; }
}

/// <summary>A <see cref="PaymentSchedule"/>.</summary>
internal sealed record PaymentScheduleSnapshot
{
    public required IReadOnlyList<InstalmentSnapshot> Instalments { get; init; }

    public LocalDate? DiscountDeadline { get; init; }

    public Money? DiscountAmount { get; init; }
}

/// <summary>An <see cref="Instalment"/>.</summary>
internal sealed record InstalmentSnapshot
{
    public required LocalDate DueDate { get; init; }

    public required Money Amount { get; init; }
}

/// <summary>A <see cref="Dispute"/>.</summary>
internal sealed record DisputeSnapshot
{
    public required int Number { get; init; }

    public required string Reason { get; init; }

    public IReadOnlyList<InvoiceLineId>? Lines { get; init; }

    public Money? Amount { get; init; }

    public required LocalDate RaisedOn { get; init; }

    public required DisputeStatus Status { get; init; }

    public LocalDate? ResolvedOn { get; init; }

    public string? Resolution { get; init; }

    public CreditNoteId? CreditNoteId { get; init; }
}

/// <summary>An <see cref="InvoiceReference"/>.</summary>
internal sealed record InvoiceReferenceSnapshot
{
    public required InvoiceId Id { get; init; }

    public required InvoiceNumber Number { get; init; }

    public required LocalDate IssueDate { get; init; }
}

/// <summary>An <see cref="AppliedCredit"/>.</summary>
internal sealed record AppliedCreditSnapshot
{
    public required CreditNoteId CreditNoteId { get; init; }

    public required InvoiceNumber Number { get; init; }

    public required Money Total { get; init; }

    public required Money Applied { get; init; }

    public required LocalDate Date { get; init; }

    public bool? FromCustomerCredit { get; init; }
}

/// <summary>A <see cref="RecordedPayment"/>.</summary>
internal sealed record RecordedPaymentSnapshot
{
    public required Money Amount { get; init; }

    public required LocalDate Date { get; init; }

    public string? Reference { get; init; }

    /// <summary>The kind: absent for a payment, "reversal" or "writeOff" otherwise.</summary>
    public RecordedPaymentKind? Kind { get; init; }

    /// <summary>Why a difference was written off or an entry reversed; absent for a payment.</summary>
    public string? Reason { get; init; }

    /// <summary>For a reversal, the position (from 1) of the entry it reverses; absent otherwise.</summary>
    public int? Reverses { get; init; }
}
