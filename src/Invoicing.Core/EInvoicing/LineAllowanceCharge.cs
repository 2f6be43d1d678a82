namespace Invoicing.Core.EInvoicing;

/// <summary>An invoice line allowance (BG-27) or charge (BG-28); the term ids are the allowance's, the charge's follow the same order (BT-141 ... BT-145).</summary>
public sealed record LineAllowanceCharge
{
    /// <summary>BT-136: Amount, without VAT (BT-136, BT-141).</summary>
    public decimal? Amount { get; init; }

    /// <summary>BT-137: Base amount (BT-137, BT-142).</summary>
    public decimal? BaseAmount { get; init; }

    /// <summary>BT-138: Percentage (BT-138, BT-143).</summary>
    public decimal? Percentage { get; init; }

    /// <summary>BT-139: Reason (BT-139, BT-144).</summary>
    public string? Reason { get; init; }

    /// <summary>BT-140: Reason code (BT-140, BT-145).</summary>
    public string? ReasonCode { get; init; }
}
