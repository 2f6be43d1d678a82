namespace Invoicing.Core.EInvoicing;

/// <summary>Process control (BG-2).</summary>
public sealed record ProcessControl
{
    /// <summary>BT-23: Business process type.</summary>
    public string? BusinessProcessType { get; init; }

    /// <summary>BT-24: Specification identifier: the specification the invoice complies with (urn:cen.eu:en16931:2017 and its extensions).</summary>
    public string? SpecificationIdentifier { get; init; }
}
