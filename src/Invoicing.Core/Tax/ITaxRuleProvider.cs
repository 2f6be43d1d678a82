namespace Invoicing.Core.Tax;

/// <summary>
/// Decides how a supply is taxed: the seam for tax rules. The library ships the EU VAT rules
/// (<see cref="EuVatRuleProvider"/>) and a provider for jurisdictions whose rates are data
/// (<see cref="RateTableProvider"/>); hosts add their own, for example an adapter to a
/// commercial tax service, and chain them with <see cref="CompositeTaxRuleProvider"/>.
/// </summary>
/// <remarks>
/// Implementer contract: thread-safe; answer <see cref="TaxRuleResult.CannotDecide"/> with a reason
/// for a supply the provider does not cover (another country, an unknown product class), so the
/// chain can ask the next one; throw <see cref="TaxDecisionException"/> when the provider covers the
/// supply but the answer is ambiguous or its data is inconsistent. Never answer zero tax as a
/// fallback.
/// </remarks>
public interface ITaxRuleProvider
{
    /// <summary>The provider's name, recorded on its decisions (<see cref="TaxDecision.Provider"/>).</summary>
    string Name { get; }

    /// <summary>Decides how the supply is taxed.</summary>
    /// <param name="context">The supply.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The decision, or "cannot decide" with the reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="TaxDecisionException">The provider covers the supply but cannot give one clear answer.</exception>
    ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default);
}
