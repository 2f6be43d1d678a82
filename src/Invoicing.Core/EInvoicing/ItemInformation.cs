namespace Invoicing.Core.EInvoicing;

/// <summary>Item information (BG-31).</summary>
public sealed record ItemInformation
{
    /// <summary>BT-153: Item name.</summary>
    public string? Name { get; init; }

    /// <summary>BT-154: Item description.</summary>
    public string? Description { get; init; }

    /// <summary>BT-155: Item seller's identifier.</summary>
    public string? SellersIdentifier { get; init; }

    /// <summary>BT-156: Item buyer's identifier.</summary>
    public string? BuyersIdentifier { get; init; }

    /// <summary>BT-157: Item standard identifier (a GTIN), with its scheme (BT-157-1).</summary>
    public SchemeIdentifier? StandardIdentifier { get; init; }

    /// <summary>BT-158: Item classification identifiers, with scheme (BT-158-1, UNTDID 7143) and scheme version (BT-158-2).</summary>
    public IReadOnlyList<SchemeIdentifier> ClassificationIdentifiers { get => _classificationIdentifiers; init => _classificationIdentifiers = ValueList.Of(value); }

    /// <summary>BT-159: Item country of origin (ISO 3166-1 alpha-2).</summary>
    public string? CountryOfOrigin { get; init; }

    /// <summary>BG-32: Item attributes (BG-32).</summary>
    public IReadOnlyList<ItemProperty> Attributes { get => _attributes; init => _attributes = ValueList.Of(value); }

    private readonly ValueList<SchemeIdentifier> _classificationIdentifiers = ValueList<SchemeIdentifier>.Empty;
    private readonly ValueList<ItemProperty> _attributes = ValueList<ItemProperty>.Empty;
}
