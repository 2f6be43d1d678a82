using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Tax;

/// <summary>
/// What a tax rule needs to know about one supply: who sells from where, who buys where and as
/// what, which product, when, and where the supply takes place.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; <c>with</c> updates are validated. The product tax class is the
/// host's classification of the item (<c>Item.TaxClass</c>); the built-in providers understand
/// the classes listed in docs/tax.md ("standard", "reduced", "food", "services", ...) and hosts map
/// their own catalogue onto them.
/// </remarks>
public sealed record TaxContext
{
    private readonly TaxLocation _seller;
    private readonly TaxLocation _buyer;
    private readonly string _productTaxClass;
    private readonly CustomerKind _customerKind;
    private readonly SupplyKind _supplyKind;

    /// <summary>Creates a context.</summary>
    /// <param name="seller">Where the seller is established (and, for goods, ships from unless <see cref="ShipFrom"/> says otherwise).</param>
    /// <param name="buyer">Where the buyer is (and, for goods, receives them unless <see cref="ShipTo"/> says otherwise).</param>
    /// <param name="supplyDate">The date of the supply (the tax point): it selects the rate in force.</param>
    /// <param name="productTaxClass">The product tax class, for example "standard", "reduced" or "food".</param>
    /// <exception cref="ArgumentNullException"><paramref name="seller"/>, <paramref name="buyer"/> or <paramref name="productTaxClass"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="productTaxClass"/> is blank or longer than 100 characters.</exception>
    public TaxContext(TaxLocation seller, TaxLocation buyer, LocalDate supplyDate, string productTaxClass)
    {
        _seller = Preconditions.CheckNotNull(seller);
        _buyer = Preconditions.CheckNotNull(buyer);
        SupplyDate = supplyDate;
        _productTaxClass = TextField.Required(productTaxClass, nameof(productTaxClass), 100);
    }

    /// <summary>Where the seller is established.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public TaxLocation Seller { get => _seller; init => _seller = Preconditions.CheckNotNull(value, nameof(Seller)); }

    /// <summary>Where the buyer is.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public TaxLocation Buyer { get => _buyer; init => _buyer = Preconditions.CheckNotNull(value, nameof(Buyer)); }

    /// <summary>The date of the supply; it selects the rate in force.</summary>
    public LocalDate SupplyDate { get; init; }

    /// <summary>The product tax class (trimmed, compared case-insensitively).</summary>
    /// <exception cref="ArgumentException">Set to blank or to more than 100 characters.</exception>
    public string ProductTaxClass { get => _productTaxClass; init => _productTaxClass = TextField.Required(value, nameof(ProductTaxClass), 100); }

    /// <summary>Whether the buyer buys as a business or as a consumer; <see cref="CustomerKind.Business"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public CustomerKind CustomerKind
    {
        get => _customerKind;
        init => _customerKind = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(CustomerKind), value, "Undefined customer kind.");
    }

    /// <summary>The buyer's VAT or GST registration, or <c>default</c> when the buyer has none (or gave none).</summary>
    public VatIdentifier BuyerTaxId { get; init; }

    /// <summary>The seller's VAT or GST registration in the country of supply, or <c>default</c>.</summary>
    public VatIdentifier SellerTaxId { get; init; }

    /// <summary>Goods or services; <see cref="SupplyKind.Goods"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public SupplyKind SupplyKind
    {
        get => _supplyKind;
        init => _supplyKind = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(SupplyKind), value, "Undefined supply kind.");
    }

    /// <summary>Where goods are dispatched from, when not from <see cref="Seller"/>; null otherwise.</summary>
    public TaxLocation? ShipFrom { get; init; }

    /// <summary>Where goods are delivered or a service is performed, when not at <see cref="Buyer"/>; null otherwise.</summary>
    public TaxLocation? ShipTo { get; init; }

    /// <summary>
    /// True when the seller's EU-wide distance sales to consumers exceed the EUR 10,000 threshold (or
    /// it opted in to the One-Stop Shop): B2C distance sales are then taxed at the destination's rate.
    /// The host knows its turnover; the library does not guess it.
    /// </summary>
    public bool SellerAboveDistanceSalesThreshold { get; init; }

    /// <summary>Where goods leave from: <see cref="ShipFrom"/>, or the seller.</summary>
    public TaxLocation Origin => ShipFrom ?? Seller;

    /// <summary>Where goods arrive or a service is received: <see cref="ShipTo"/>, or the buyer.</summary>
    public TaxLocation Destination => ShipTo ?? Buyer;

    /// <summary>Returns a one-line description for messages: "goods 'food' on 2026-01-01 from DE to FR (business, FR12345678901)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var kind = SupplyKind == SupplyKind.Goods ? "goods" : "services";
        var buyer = CustomerKind == CustomerKind.Business ? "business" : "consumer";
        var id = BuyerTaxId.IsEmpty ? string.Empty : ", " + BuyerTaxId;
        return $"{kind} '{ProductTaxClass}' on {SupplyDate:uuuu-MM-dd} from {Origin} to {Destination} ({buyer}{id})";
    }
}
