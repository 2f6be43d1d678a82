namespace Invoicing.Core.EInvoicing;

/// <summary>Document totals (BG-22).</summary>
public sealed record DocumentTotals
{
    /// <summary>BT-106: Sum of invoice line net amounts.</summary>
    public decimal? SumOfLineNetAmounts { get; init; }

    /// <summary>BT-107: Sum of allowances on document level.</summary>
    public decimal? SumOfAllowances { get; init; }

    /// <summary>BT-108: Sum of charges on document level.</summary>
    public decimal? SumOfCharges { get; init; }

    /// <summary>BT-109: Invoice total amount without VAT.</summary>
    public decimal? TotalWithoutVat { get; init; }

    /// <summary>BT-110: Invoice total VAT amount, in the invoice currency.</summary>
    public decimal? TotalVat { get; init; }

    /// <summary>BT-111: Invoice total VAT amount in the VAT accounting currency (BT-6).</summary>
    public decimal? TotalVatInAccountingCurrency { get; init; }

    /// <summary>BT-112: Invoice total amount with VAT.</summary>
    public decimal? TotalWithVat { get; init; }

    /// <summary>BT-113: Paid amount.</summary>
    public decimal? PaidAmount { get; init; }

    /// <summary>BT-114: Rounding amount.</summary>
    public decimal? RoundingAmount { get; init; }

    /// <summary>BT-115: Amount due for payment.</summary>
    public decimal? AmountDueForPayment { get; init; }
}
