using System.Globalization;
using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Documents;

/// <summary>
/// An invoice line (BG-25): what is sold (the item), how much (quantity and unit), at what price
/// (unit price per base quantity), with which allowances and charges, and how it is taxed.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe; update with <c>with</c> (each property validates what it is
/// given). The unit price may carry more decimals than the currency (0.0125 EUR a screw); the line
/// amount is computed and rounded by the invoice: quantity × (unit price ÷ base quantity) − line
/// allowances + line charges, rounded once (EN 16931 BR-CO-10 / BT-131). In a tax-inclusive invoice
/// the unit price is the shelf price.</para>
/// <para>Equal when every field is equal, allowances and charges compared in order.</para>
/// </remarks>
public sealed record InvoiceLine
{
    private readonly Item _item = null!;
    private readonly TaxTreatment _tax = null!;
    private readonly TaxDecision? _taxDecision;
    private readonly Quantity _quantity;
    private readonly Money _unitPrice;
    private readonly decimal _baseQuantity = 1m;
    private readonly IReadOnlyList<AllowanceCharge> _allowanceCharges = [];
    private readonly string? _orderLineReference;
    private readonly string? _note;

    /// <summary>Creates a line.</summary>
    /// <param name="id">The line id, unique within the invoice (BT-126).</param>
    /// <param name="item">The item (BG-31).</param>
    /// <param name="quantity">The quantity and unit (BT-129, BT-130).</param>
    /// <param name="unitPrice">The price per base quantity (BT-146), not negative; net, or gross in a tax-inclusive invoice.</param>
    /// <param name="tax">How the line is taxed (BT-151, BT-152).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> or <paramref name="tax"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unitPrice"/> is negative.</exception>
    public InvoiceLine(InvoiceLineId id, Item item, Quantity quantity, Money unitPrice, TaxTreatment tax)
    {
        Identifier.RequireSet(id);
        Id = id;
        Item = item;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Tax = tax;
    }

    /// <summary>The line id (BT-126).</summary>
    public InvoiceLineId Id { get; }

    /// <summary>The item (BG-31).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Item Item { get => _item; init => _item = Preconditions.CheckNotNull(value, nameof(Item)); }

    /// <summary>The quantity and unit (BT-129, BT-130). Negative means a return.</summary>
    /// <exception cref="ArgumentException">Set to a quantity without a unit.</exception>
    public Quantity Quantity
    {
        get => _quantity;
        init => _quantity = value.Unit == default ? throw new ArgumentException("A line quantity needs a unit of measure (BT-130).", nameof(Quantity)) : value;
    }

    /// <summary>The price per base quantity (BT-146), not negative (BR-27); it may carry more decimals than the currency.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative amount.</exception>
    public Money UnitPrice
    {
        get => _unitPrice;
        init => _unitPrice = value.IsNegative
            ? throw new ArgumentOutOfRangeException(nameof(UnitPrice), value, $"An item price cannot be negative (BR-27); got {value}. Use an allowance or a negative quantity.")
            : value;
    }

    /// <summary>The number of units the price is for (BT-149), 1 unless set: a price of 5.00 per 100 pieces has base quantity 100.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to zero or less.</exception>
    public decimal BaseQuantity
    {
        get => _baseQuantity;
        init => _baseQuantity = value > 0m
            ? value
            : throw new ArgumentOutOfRangeException(nameof(BaseQuantity), value, $"A base quantity must be positive; got {value.ToString(CultureInfo.InvariantCulture)}.");
    }

    /// <summary>How the line is taxed (BT-151, BT-152).</summary>
    /// <remarks>Setting a treatment other than the <see cref="TaxDecision"/>'s removes the decision: a hand-set treatment has no rule behind it.</remarks>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public TaxTreatment Tax
    {
        get => _tax;
        init
        {
            _tax = Preconditions.CheckNotNull(value, nameof(Tax));
            if (_taxDecision is not null && _taxDecision.Treatment != value)
            {
                _taxDecision = null;
            }
        }
    }

    /// <summary>
    /// The tax rule decision behind <see cref="Tax"/> (category, components, rule, legal basis,
    /// provider), kept for the audit trail, or null when the treatment was set by hand. Setting a
    /// decision sets <see cref="Tax"/> to its treatment.
    /// </summary>
    public TaxDecision? TaxDecision
    {
        get => _taxDecision;
        init
        {
            _taxDecision = value;
            if (value is not null)
            {
                _tax = value.Treatment;
            }
        }
    }

    /// <summary>The line's allowances and charges (BG-27, BG-28), applied to the line amount.</summary>
    /// <exception cref="ArgumentNullException">Set to null or containing null.</exception>
    public IReadOnlyList<AllowanceCharge> AllowanceCharges
    {
        get => _allowanceCharges;
        init => _allowanceCharges = Preconditions.CopyNotNull(value, nameof(AllowanceCharges));
    }

    /// <summary>The period the line is for (BG-26), or null.</summary>
    public BillingPeriod? Period { get; init; }

    /// <summary>The buyer's order line this line refers to (BT-132), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? OrderLineReference { get => _orderLineReference; init => _orderLineReference = TextField.Optional(value, nameof(OrderLineReference), 100); }

    /// <summary>A note on the line (BT-127), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 1000 characters.</exception>
    public string? Note { get => _note; init => _note = TextField.Optional(value, nameof(Note), 1000); }

    /// <summary>Returns whether <paramref name="other"/> has equal fields, allowances and charges compared in order.</summary>
    /// <param name="other">The line to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(InvoiceLine? other)
        => other is not null && Id == other.Id && Item == other.Item && Quantity == other.Quantity && UnitPrice == other.UnitPrice
           && BaseQuantity == other.BaseQuantity && Tax == other.Tax && Equals(TaxDecision, other.TaxDecision) && Period == other.Period
           && OrderLineReference == other.OrderLineReference && Note == other.Note
           && AllowanceCharges.SequenceEqual(other.AllowanceCharges);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Item, Quantity, UnitPrice);
}
