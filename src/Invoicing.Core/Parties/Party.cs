namespace Invoicing.Core.Parties;

/// <summary>
/// A seller (BG-4) or buyer (BG-7) as EN 16931 needs it: legal name, trading name, postal address,
/// VAT identifier and other registrations, electronic address and contact.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; update with <c>with</c> (each property validates what it is given).
/// Equal when every field is equal, registrations compared in order.
/// </remarks>
public sealed record Party
{
    private readonly string _name = string.Empty;
    private readonly PostalAddress _address = null!;
    private readonly string? _tradingName;
    private readonly IReadOnlyList<PartyIdentifier> _taxRegistrations = [];

    /// <summary>Creates a party.</summary>
    /// <param name="name">The legal registration name (BT-27 seller, BT-44 buyer).</param>
    /// <param name="address">The postal address (BG-5, BG-8).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or longer than 300 characters.</exception>
    public Party(string name, PostalAddress address)
    {
        Name = name;
        Address = address;
    }

    /// <summary>The legal registration name (BT-27, BT-44).</summary>
    /// <exception cref="ArgumentException">Blank or longer than 300 characters.</exception>
    public string Name { get => _name; init => _name = TextField.Required(value, nameof(Name)); }

    /// <summary>The trading name, when it differs (BT-28, BT-45).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? TradingName { get => _tradingName; init => _tradingName = TextField.Optional(value, nameof(TradingName)); }

    /// <summary>The postal address (BG-5, BG-8).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public PostalAddress Address { get => _address; init => _address = Preconditions.CheckNotNull(value, nameof(Address)); }

    /// <summary>The VAT identifier (BT-31, BT-48), or <c>default</c> when the party has none.</summary>
    public VatIdentifier VatId { get; init; }

    /// <summary>The legal registration identifier, such as a trade register number (BT-30, BT-47), or null.</summary>
    public PartyIdentifier? LegalRegistration { get; init; }

    /// <summary>Tax registrations other than VAT (BT-32 for the seller), such as a national tax number.</summary>
    /// <exception cref="ArgumentNullException">Set to null or containing null.</exception>
    public IReadOnlyList<PartyIdentifier> TaxRegistrations
    {
        get => _taxRegistrations;
        init => _taxRegistrations = Preconditions.CopyNotNull(value, nameof(TaxRegistrations));
    }

    /// <summary>Where the party receives electronic invoices (BT-34, BT-49), or null.</summary>
    public ElectronicAddress? ElectronicAddress { get; init; }

    /// <summary>The contact point (BG-6, BG-9), or null.</summary>
    public Contact? Contact { get; init; }

    /// <summary>Returns whether <paramref name="other"/> has equal fields, registrations compared in order.</summary>
    /// <param name="other">The party to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Party? other)
        => other is not null && Name == other.Name && TradingName == other.TradingName && Address == other.Address
           && VatId == other.VatId && LegalRegistration == other.LegalRegistration && ElectronicAddress == other.ElectronicAddress
           && Contact == other.Contact && TaxRegistrations.SequenceEqual(other.TaxRegistrations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Address, VatId);
}
