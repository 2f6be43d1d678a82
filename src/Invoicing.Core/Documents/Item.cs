namespace Invoicing.Core.Documents;

/// <summary>The item an invoice line sells (BG-31): its name and identifiers, and the product tax class the Tax area decides by.</summary>
/// <remarks>Immutable and thread-safe; update with <c>with</c>. Text is trimmed and blank becomes null.</remarks>
public sealed record Item
{
    private readonly string _name = string.Empty;
    private readonly string? _description;
    private readonly string? _sellerItemId;
    private readonly string? _buyerItemId;
    private readonly string? _taxClass;

    /// <summary>Creates an item.</summary>
    /// <param name="name">The item name (BT-153).</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or longer than 300 characters.</exception>
    public Item(string name) => Name = name;

    /// <summary>The item name (BT-153).</summary>
    /// <exception cref="ArgumentException">Blank or longer than 300 characters.</exception>
    public string Name { get => _name; init => _name = TextField.Required(value, nameof(Name)); }

    /// <summary>A description (BT-154), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 1000 characters.</exception>
    public string? Description { get => _description; init => _description = TextField.Optional(value, nameof(Description), 1000); }

    /// <summary>The seller's item identifier, the SKU (BT-155), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? SellerItemId { get => _sellerItemId; init => _sellerItemId = TextField.Optional(value, nameof(SellerItemId), 100); }

    /// <summary>The buyer's item identifier (BT-156), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? BuyerItemId { get => _buyerItemId; init => _buyerItemId = TextField.Optional(value, nameof(BuyerItemId), 100); }

    /// <summary>The GTIN (BT-157, scheme 0160), or <c>default</c>.</summary>
    public Gtin Gtin { get; init; }

    /// <summary>The product tax class the Tax area's rules decide by ("standard", "food", "books", ...), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? TaxClass { get => _taxClass; init => _taxClass = TextField.Optional(value, nameof(TaxClass), 100); }
}
