namespace Invoicing.Core.EInvoicing;

/// <summary>A VAT breakdown (BG-23): the taxable amount and tax of one VAT category code and rate.</summary>
public sealed record VatBreakdown
{
    /// <summary>BT-116: VAT category taxable amount.</summary>
    public decimal? TaxableAmount { get; init; }

    /// <summary>BT-117: VAT category tax amount.</summary>
    public decimal? TaxAmount { get; init; }

    /// <summary>BT-118: VAT category code (UNCL 5305 subset: S, Z, E, AE, K, G, O, L, M).</summary>
    public string? CategoryCode { get; init; }

    /// <summary>BT-119: VAT category rate in percent.</summary>
    public decimal? Rate { get; init; }

    /// <summary>BT-120: VAT exemption reason text.</summary>
    public string? ExemptionReasonText { get; init; }

    /// <summary>BT-121: VAT exemption reason code (VATEX).</summary>
    public string? ExemptionReasonCode { get; init; }
}
