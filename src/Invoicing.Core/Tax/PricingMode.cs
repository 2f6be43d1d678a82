namespace Invoicing.Core.Tax;

/// <summary>Whether the prices of a document exclude or include tax.</summary>
public enum PricingMode
{
    /// <summary>
    /// Prices exclude tax (business to business): line amounts are net, tax is computed on the net
    /// taxable amount of each category and added (BT-112 = BT-109 + BT-110). The default.
    /// </summary>
    Net = 0,

    /// <summary>
    /// Prices include tax (retail shelf prices): the customer pays exactly the sum of the prices, and
    /// each category's tax is extracted from its gross amount: tax = gross × rate ÷ (100 + rate),
    /// rounded once per category; net = gross − tax.
    /// </summary>
    Gross = 1,
}
