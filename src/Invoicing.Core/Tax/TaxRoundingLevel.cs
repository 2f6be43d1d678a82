namespace Invoicing.Core.Tax;

/// <summary>Where tax amounts are rounded.</summary>
public enum TaxRoundingLevel
{
    /// <summary>
    /// Once per tax category and rate of the document, on its whole taxable amount: the EN 16931
    /// rule (BR-CO-17) and the EU default. The default.
    /// </summary>
    PerCategory = 0,

    /// <summary>
    /// On every line, allowance and charge; a category's tax is the sum of the rounded amounts. Some
    /// jurisdictions and point-of-sale systems require it; totals can then differ by a few minor units
    /// from what per-category rounding gives.
    /// </summary>
    PerLine = 1,
}
