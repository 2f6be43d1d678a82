namespace Invoicing.Core.Tax;

/// <summary>Whether a supply is of goods or of services: the place-of-supply rules differ (EU VAT Directive articles 31-36 and 44-45).</summary>
public enum SupplyKind
{
    /// <summary>Goods (physical products, shipped or handed over).</summary>
    Goods = 0,

    /// <summary>Services (including electronically supplied services).</summary>
    Services = 1,
}
