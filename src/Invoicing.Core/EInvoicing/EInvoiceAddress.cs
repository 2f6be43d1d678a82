namespace Invoicing.Core.EInvoicing;

/// <summary>A postal address (BG-5 seller, BG-8 buyer, BG-12 tax representative, BG-15 deliver to). The term ids are the seller's; the others follow the same order.</summary>
public sealed record EInvoiceAddress
{
    /// <summary>BT-35: Address line 1 (BT-35, BT-50, BT-64, BT-75).</summary>
    public string? Line1 { get; init; }

    /// <summary>BT-36: Address line 2 (BT-36, BT-51, BT-65, BT-76).</summary>
    public string? Line2 { get; init; }

    /// <summary>BT-162: Address line 3 (BT-162, BT-163, BT-164, BT-165).</summary>
    public string? Line3 { get; init; }

    /// <summary>BT-37: City (BT-37, BT-52, BT-66, BT-77).</summary>
    public string? City { get; init; }

    /// <summary>BT-38: Post code (BT-38, BT-53, BT-67, BT-78).</summary>
    public string? PostCode { get; init; }

    /// <summary>BT-39: Country subdivision (BT-39, BT-54, BT-68, BT-79).</summary>
    public string? CountrySubdivision { get; init; }

    /// <summary>BT-40: Country code, ISO 3166-1 alpha-2 (BT-40, BT-55, BT-69, BT-80).</summary>
    public string? CountryCode { get; init; }
}
