namespace Invoicing.Core.EInvoicing;

/// <summary>Line VAT information (BG-30).</summary>
public sealed record LineVatInformation
{
    /// <summary>BT-151: Invoiced item VAT category code.</summary>
    public string? CategoryCode { get; init; }

    /// <summary>BT-152: Invoiced item VAT rate in percent.</summary>
    public decimal? Rate { get; init; }
}
