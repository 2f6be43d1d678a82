namespace Invoicing.Core.EInvoicing;

/// <summary>An item attribute (BG-32): a name and a value describing the item (EN 16931 calls the group ITEM ATTRIBUTES).</summary>
public sealed record ItemProperty
{
    /// <summary>BT-160: Item attribute name.</summary>
    public string? Name { get; init; }

    /// <summary>BT-161: Item attribute value.</summary>
    public string? Value { get; init; }
}
