using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>The input of an <see cref="ITaxCalculator"/>: what one document asks to be taxed.</summary>
/// <remarks>Immutable and thread-safe (the item list is copied).</remarks>
public sealed class TaxCalculation
{
    /// <summary>Creates the input.</summary>
    /// <param name="currency">The document currency (BT-5); every item amount must be in it.</param>
    /// <param name="pricing">Whether item amounts exclude (net) or include (gross) tax.</param>
    /// <param name="rounding">How the document rounds.</param>
    /// <param name="items">The taxable items: line amounts (BT-131), document charges (positive) and document allowances (negative).</param>
    /// <exception cref="ArgumentNullException"><paramref name="rounding"/> or <paramref name="items"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pricing"/> is not defined.</exception>
    public TaxCalculation(Currency currency, PricingMode pricing, RoundingPolicy rounding, IEnumerable<TaxableItem> items)
    {
        if (!Enum.IsDefined(pricing))
        {
            throw new ArgumentOutOfRangeException(nameof(pricing), pricing, "Undefined pricing mode.");
        }

        Currency = currency;
        Pricing = pricing;
        Rounding = Preconditions.CheckNotNull(rounding);
        Items = Array.AsReadOnly(Preconditions.CheckNotNull(items).ToArray());
    }

    /// <summary>The document currency.</summary>
    public Currency Currency { get; }

    /// <summary>Whether item amounts exclude or include tax.</summary>
    public PricingMode Pricing { get; }

    /// <summary>How the document rounds.</summary>
    public RoundingPolicy Rounding { get; }

    /// <summary>The items, in document order.</summary>
    public IReadOnlyList<TaxableItem> Items { get; }
}
