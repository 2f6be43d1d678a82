namespace Invoicing.Core.EInvoicing;

/// <summary>The seller (BG-4).</summary>
public sealed record Seller
{
    /// <summary>BT-27: Seller name: the full formal name under which the seller is registered.</summary>
    public string? Name { get; init; }

    /// <summary>BT-28: Seller trading name.</summary>
    public string? TradingName { get; init; }

    /// <summary>BT-29: Seller identifiers, each with an optional scheme (BT-29-1, ISO 6523 ICD).</summary>
    public IReadOnlyList<SchemeIdentifier> Identifiers { get => _identifiers; init => _identifiers = ValueList.Of(value); }

    /// <summary>BT-30: Seller legal registration identifier, with its scheme (BT-30-1).</summary>
    public SchemeIdentifier? LegalRegistrationIdentifier { get; init; }

    /// <summary>BT-31: Seller VAT identifier, with the country prefix.</summary>
    public string? VatIdentifier { get; init; }

    /// <summary>BT-32: Seller tax registration identifier (a local tax id that is not the VAT id).</summary>
    public string? TaxRegistrationIdentifier { get; init; }

    /// <summary>BT-33: Seller additional legal information.</summary>
    public string? AdditionalLegalInformation { get; init; }

    /// <summary>BT-34: Seller electronic address, with its scheme (BT-34-1, EAS).</summary>
    public SchemeIdentifier? ElectronicAddress { get; init; }

    /// <summary>BG-5: Seller postal address (BG-5: BT-35 ... BT-40, BT-162).</summary>
    public EInvoiceAddress? Address { get; init; }

    /// <summary>BG-6: Seller contact (BG-6: BT-41 ... BT-43).</summary>
    public EInvoiceContact? Contact { get; init; }

    private readonly ValueList<SchemeIdentifier> _identifiers = ValueList<SchemeIdentifier>.Empty;
}
