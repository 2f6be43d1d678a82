namespace Invoicing.Core.EInvoicing;

/// <summary>A document level allowance (BG-20) or charge (BG-21); the term ids are the allowance's, the charge's follow the same order (BT-99 ... BT-105).</summary>
public sealed record DocumentLevelAllowanceCharge
{
    /// <summary>BT-92: Amount, without VAT (BT-92, BT-99).</summary>
    public decimal? Amount { get; init; }

    /// <summary>BT-93: Base amount the percentage applies to (BT-93, BT-100).</summary>
    public decimal? BaseAmount { get; init; }

    /// <summary>BT-94: Percentage (BT-94, BT-101).</summary>
    public decimal? Percentage { get; init; }

    /// <summary>BT-95: VAT category code (UNCL 5305 subset) (BT-95, BT-102).</summary>
    public string? VatCategoryCode { get; init; }

    /// <summary>BT-96: VAT rate in percent (BT-96, BT-103).</summary>
    public decimal? VatRate { get; init; }

    /// <summary>BT-97: Reason (BT-97, BT-104).</summary>
    public string? Reason { get; init; }

    /// <summary>BT-98: Reason code (UNCL 5189 for allowances, UNCL 7161 for charges) (BT-98, BT-105).</summary>
    public string? ReasonCode { get; init; }
}
