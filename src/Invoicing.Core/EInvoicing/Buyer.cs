namespace Invoicing.Core.EInvoicing;

/// <summary>The buyer (BG-7).</summary>
public sealed record Buyer
{
    /// <summary>BT-44: Buyer name.</summary>
    public string? Name { get; init; }

    /// <summary>BT-45: Buyer trading name.</summary>
    public string? TradingName { get; init; }

    /// <summary>BT-46: Buyer identifier, with its scheme (BT-46-1).</summary>
    public SchemeIdentifier? Identifier { get; init; }

    /// <summary>BT-47: Buyer legal registration identifier, with its scheme (BT-47-1).</summary>
    public SchemeIdentifier? LegalRegistrationIdentifier { get; init; }

    /// <summary>BT-48: Buyer VAT identifier.</summary>
    public string? VatIdentifier { get; init; }

    /// <summary>BT-49: Buyer electronic address, with its scheme (BT-49-1, EAS).</summary>
    public SchemeIdentifier? ElectronicAddress { get; init; }

    /// <summary>BG-8: Buyer postal address (BG-8: BT-50 ... BT-55, BT-163).</summary>
    public EInvoiceAddress? Address { get; init; }

    /// <summary>BG-9: Buyer contact (BG-9: BT-56 ... BT-58).</summary>
    public EInvoiceContact? Contact { get; init; }
}
