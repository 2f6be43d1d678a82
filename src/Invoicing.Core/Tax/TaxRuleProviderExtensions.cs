namespace Invoicing.Core.Tax;

/// <summary>Helpers on <see cref="ITaxRuleProvider"/>.</summary>
public static class TaxRuleProviderExtensions
{
    /// <summary>Decides how a supply is taxed, or throws: for callers that cannot go on without a decision.</summary>
    /// <param name="provider">The provider (or chain).</param>
    /// <param name="context">The supply.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The decision, recording the provider's name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> or <paramref name="context"/> is null.</exception>
    /// <exception cref="TaxDecisionException">No decision: the message names the supply and the reasons.</exception>
    public static async ValueTask<TaxDecision> DecideRequiredAsync(this ITaxRuleProvider provider, TaxContext context, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(provider);
        Preconditions.CheckNotNull(context);
        var result = await provider.DecideAsync(context, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Tax rule provider '{provider.Name}' returned no result for {context}.");
        return result.IsDecided
            ? result.Decision.Provider.Length > 0 ? result.Decision : result.Decision.DecidedBy(provider.Name)
            : throw new TaxDecisionException(context, [result.Reason]);
    }
}
