namespace Invoicing.Core.EInvoicing;

/// <summary>Price details (BG-29).</summary>
public sealed record PriceDetails
{
    /// <summary>BT-146: Item net price: the gross price less the price discount.</summary>
    public decimal? NetPrice { get; init; }

    /// <summary>BT-147: Item price discount.</summary>
    public decimal? Discount { get; init; }

    /// <summary>BT-148: Item gross price.</summary>
    public decimal? GrossPrice { get; init; }

    /// <summary>BT-149: Item price base quantity.</summary>
    public decimal? BaseQuantity { get; init; }

    /// <summary>BT-150: Item price base quantity unit of measure code.</summary>
    public string? BaseQuantityUnitCode { get; init; }
}
