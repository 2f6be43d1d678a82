namespace Invoicing.Core.Tax;

/// <summary>
/// Computes the tax of a document from its taxable items: the seam between the Documents area and
/// the tax engine. The library ships <see cref="PercentageTaxCalculator"/>, which applies each item's
/// percentage rate under the document's pricing mode and rounding policy; tax rule providers that
/// decide categories and rates per jurisdiction build on it.
/// </summary>
/// <remarks>
/// Implementer contract: be pure and thread-safe (the same input always gives the same breakdown);
/// return one <see cref="ItemTax"/> per input item, in input order; in <see cref="PricingMode.Net"/>
/// each item's net equals its amount, in <see cref="PricingMode.Gross"/> net plus tax equals its
/// amount; the subtotals must sum to the items. Throw <see cref="ArgumentException"/> (naming the
/// item) for input that cannot be taxed; never fall back to zero tax silently. Documents check the
/// contract and refuse a breakdown that breaks it.
/// </remarks>
public interface ITaxCalculator
{
    /// <summary>Computes the tax breakdown (BG-23) and the tax of each item.</summary>
    /// <param name="calculation">The document's currency, pricing mode, rounding policy and taxable items.</param>
    /// <returns>The breakdown.</returns>
    TaxBreakdown Calculate(TaxCalculation calculation);
}
