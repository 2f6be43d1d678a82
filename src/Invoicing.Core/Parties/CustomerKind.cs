namespace Invoicing.Core.Parties;

/// <summary>Whether a customer buys as a business (B2B) or as a consumer (B2C, retail).</summary>
public enum CustomerKind
{
    /// <summary>A business: its invoices need a buyer with name and address (EN 16931 BG-7), and prices usually exclude tax.</summary>
    Business = 0,

    /// <summary>A consumer: retail invoices and receipts may omit the buyer, and prices usually include tax.</summary>
    Consumer = 1,
}
