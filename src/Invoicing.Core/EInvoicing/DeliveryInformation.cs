using NodaTime;

namespace Invoicing.Core.EInvoicing;

/// <summary>Delivery information (BG-13).</summary>
public sealed record DeliveryInformation
{
    /// <summary>BT-70: Deliver to party name.</summary>
    public string? PartyName { get; init; }

    /// <summary>BT-71: Deliver to location identifier, with its scheme (BT-71-1).</summary>
    public SchemeIdentifier? LocationIdentifier { get; init; }

    /// <summary>BT-72: Actual delivery date.</summary>
    public LocalDate? ActualDeliveryDate { get; init; }

    /// <summary>BG-15: Deliver to address (BG-15: BT-75 ... BT-80, BT-165).</summary>
    public EInvoiceAddress? Address { get; init; }
}
