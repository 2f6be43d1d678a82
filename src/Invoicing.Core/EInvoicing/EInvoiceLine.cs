namespace Invoicing.Core.EInvoicing;

/// <summary>An invoice line (BG-25).</summary>
public sealed record EInvoiceLine
{
    /// <summary>BT-126: Invoice line identifier.</summary>
    public string? Identifier { get; init; }

    /// <summary>BT-127: Invoice line note.</summary>
    public string? Note { get; init; }

    /// <summary>BT-128: Invoice line object identifier, with its scheme (BT-128-1).</summary>
    public SchemeIdentifier? ObjectIdentifier { get; init; }

    /// <summary>BT-129: Invoiced quantity.</summary>
    public decimal? Quantity { get; init; }

    /// <summary>BT-130: Invoiced quantity unit of measure code (UN/ECE Rec 20 and 21).</summary>
    public string? UnitCode { get; init; }

    /// <summary>BT-131: Invoice line net amount: as declared; EN 16931 does not bind it to quantity x price.</summary>
    public decimal? NetAmount { get; init; }

    /// <summary>BT-132: Referenced purchase order line reference.</summary>
    public string? PurchaseOrderLineReference { get; init; }

    /// <summary>BT-133: Invoice line buyer accounting reference.</summary>
    public string? BuyerAccountingReference { get; init; }

    /// <summary>BG-26: Invoice line period (BG-26: BT-134, BT-135).</summary>
    public InvoicingPeriod? Period { get; init; }

    /// <summary>BG-27: Invoice line allowances (BG-27).</summary>
    public IReadOnlyList<LineAllowanceCharge> Allowances { get => _allowances; init => _allowances = ValueList.Of(value); }

    /// <summary>BG-28: Invoice line charges (BG-28).</summary>
    public IReadOnlyList<LineAllowanceCharge> Charges { get => _charges; init => _charges = ValueList.Of(value); }

    /// <summary>BG-29: Price details (BG-29).</summary>
    public PriceDetails? Price { get; init; }

    /// <summary>BG-30: Line VAT information (BG-30).</summary>
    public LineVatInformation? Vat { get; init; }

    /// <summary>BG-31: Item information (BG-31).</summary>
    public ItemInformation? Item { get; init; }

    private readonly ValueList<LineAllowanceCharge> _allowances = ValueList<LineAllowanceCharge>.Empty;
    private readonly ValueList<LineAllowanceCharge> _charges = ValueList<LineAllowanceCharge>.Empty;
}
