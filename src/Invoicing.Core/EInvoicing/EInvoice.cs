using NodaTime;

namespace Invoicing.Core.EInvoicing;

/// <summary>An invoice or credit note as the EN 16931 semantic model describes it (the INVOICE): every business term is optional, so that a partial or wrong document can still be read and judged. Immutable; equal when every term is equal.</summary>
public sealed record EInvoice
{
    /// <summary>BT-1: Invoice number: the unique identification of the invoice.</summary>
    public string? Number { get; init; }

    /// <summary>BT-2: Invoice issue date.</summary>
    public LocalDate? IssueDate { get; init; }

    /// <summary>BT-3: Invoice type code (UNCL 1001 subset: 380 commercial invoice, 381 credit note, 383 debit note, 384 corrected invoice, 389 self-billed invoice, ...).</summary>
    public string? TypeCode { get; init; }

    /// <summary>BT-5: Invoice currency code (ISO 4217): every amount is in it, except BT-111.</summary>
    public string? CurrencyCode { get; init; }

    /// <summary>BT-6: VAT accounting currency code (ISO 4217), when VAT is accounted in another currency.</summary>
    public string? VatAccountingCurrencyCode { get; init; }

    /// <summary>BT-7: Value added tax point date.</summary>
    public LocalDate? VatPointDate { get; init; }

    /// <summary>BT-8: Value added tax point date code (UNCL 2005 subset: 3 issue date, 35 delivery date, 432 paid to date).</summary>
    public string? VatPointDateCode { get; init; }

    /// <summary>BT-9: Payment due date.</summary>
    public LocalDate? PaymentDueDate { get; init; }

    /// <summary>BT-10: Buyer reference: an identifier assigned by the buyer for internal routing (the German Leitweg-ID).</summary>
    public string? BuyerReference { get; init; }

    /// <summary>BT-11: Project reference.</summary>
    public string? ProjectReference { get; init; }

    /// <summary>BT-12: Contract reference.</summary>
    public string? ContractReference { get; init; }

    /// <summary>BT-13: Purchase order reference.</summary>
    public string? PurchaseOrderReference { get; init; }

    /// <summary>BT-14: Sales order reference.</summary>
    public string? SalesOrderReference { get; init; }

    /// <summary>BT-15: Receiving advice reference.</summary>
    public string? ReceivingAdviceReference { get; init; }

    /// <summary>BT-16: Despatch advice reference.</summary>
    public string? DespatchAdviceReference { get; init; }

    /// <summary>BT-17: Tender or lot reference.</summary>
    public string? TenderOrLotReference { get; init; }

    /// <summary>BT-18: Invoiced object identifier, with its scheme (BT-18-1, UNCL 1153).</summary>
    public SchemeIdentifier? InvoicedObjectIdentifier { get; init; }

    /// <summary>BT-19: Buyer accounting reference.</summary>
    public string? BuyerAccountingReference { get; init; }

    /// <summary>BT-20: Payment terms: a textual description of the payment terms.</summary>
    public string? PaymentTerms { get; init; }

    /// <summary>BG-1: Invoice notes (BG-1).</summary>
    public IReadOnlyList<InvoiceNote> Notes { get => _notes; init => _notes = ValueList.Of(value); }

    /// <summary>BG-2: Process control (BG-2): business process and specification identifier.</summary>
    public ProcessControl? ProcessControl { get; init; }

    /// <summary>BG-3: Preceding invoice references (BG-3).</summary>
    public IReadOnlyList<PrecedingInvoiceReference> PrecedingInvoiceReferences { get => _precedingInvoiceReferences; init => _precedingInvoiceReferences = ValueList.Of(value); }

    /// <summary>BG-4: The seller (BG-4).</summary>
    public Seller? Seller { get; init; }

    /// <summary>BG-7: The buyer (BG-7).</summary>
    public Buyer? Buyer { get; init; }

    /// <summary>BG-10: The payee (BG-10), when it is not the seller.</summary>
    public Payee? Payee { get; init; }

    /// <summary>BG-11: The seller tax representative party (BG-11).</summary>
    public SellerTaxRepresentative? SellerTaxRepresentative { get; init; }

    /// <summary>BG-13: Delivery information (BG-13).</summary>
    public DeliveryInformation? Delivery { get; init; }

    /// <summary>BG-14: Invoicing period (BG-14).</summary>
    public InvoicingPeriod? InvoicingPeriod { get; init; }

    /// <summary>BG-16: Payment instructions (BG-16).</summary>
    public PaymentInstructions? PaymentInstructions { get; init; }

    /// <summary>BG-20: Document level allowances (BG-20); amounts positive, subtracted.</summary>
    public IReadOnlyList<DocumentLevelAllowanceCharge> Allowances { get => _allowances; init => _allowances = ValueList.Of(value); }

    /// <summary>BG-21: Document level charges (BG-21).</summary>
    public IReadOnlyList<DocumentLevelAllowanceCharge> Charges { get => _charges; init => _charges = ValueList.Of(value); }

    /// <summary>BG-22: Document totals (BG-22).</summary>
    public DocumentTotals? Totals { get; init; }

    /// <summary>BG-23: VAT breakdown (BG-23): one per VAT category code and rate.</summary>
    public IReadOnlyList<VatBreakdown> VatBreakdown { get => _vatBreakdown; init => _vatBreakdown = ValueList.Of(value); }

    /// <summary>BG-24: Additional supporting documents (BG-24).</summary>
    public IReadOnlyList<SupportingDocument> SupportingDocuments { get => _supportingDocuments; init => _supportingDocuments = ValueList.Of(value); }

    /// <summary>BG-25: Invoice lines (BG-25).</summary>
    public IReadOnlyList<EInvoiceLine> Lines { get => _lines; init => _lines = ValueList.Of(value); }

    private readonly ValueList<InvoiceNote> _notes = ValueList<InvoiceNote>.Empty;
    private readonly ValueList<PrecedingInvoiceReference> _precedingInvoiceReferences = ValueList<PrecedingInvoiceReference>.Empty;
    private readonly ValueList<DocumentLevelAllowanceCharge> _allowances = ValueList<DocumentLevelAllowanceCharge>.Empty;
    private readonly ValueList<DocumentLevelAllowanceCharge> _charges = ValueList<DocumentLevelAllowanceCharge>.Empty;
    private readonly ValueList<VatBreakdown> _vatBreakdown = ValueList<VatBreakdown>.Empty;
    private readonly ValueList<SupportingDocument> _supportingDocuments = ValueList<SupportingDocument>.Empty;
    private readonly ValueList<EInvoiceLine> _lines = ValueList<EInvoiceLine>.Empty;
}
