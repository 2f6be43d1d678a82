namespace Invoicing.Core.EInvoicing;

/// <summary>The seller tax representative party (BG-11).</summary>
public sealed record SellerTaxRepresentative
{
    /// <summary>BT-62: Seller tax representative name.</summary>
    public string? Name { get; init; }

    /// <summary>BT-63: Seller tax representative VAT identifier.</summary>
    public string? VatIdentifier { get; init; }

    /// <summary>BG-12: Seller tax representative postal address (BG-12: BT-64 ... BT-69, BT-164).</summary>
    public EInvoiceAddress? Address { get; init; }
}
