namespace Invoicing.Core.Tax;

/// <summary>
/// A chain of providers: asks each in order and takes the first decision; when none decides, the
/// answer is "cannot decide" with every provider's reason.
/// </summary>
/// <remarks>
/// Immutable and thread-safe when its providers are. A provider that throws stops the chain (an
/// ambiguity is an error, not a reason to ask the next one). Each decision records the name of the
/// provider that made it.
/// </remarks>
public sealed class CompositeTaxRuleProvider : ITaxRuleProvider
{
    private readonly ITaxRuleProvider[] _providers;

    /// <summary>Creates the chain.</summary>
    /// <param name="providers">The providers, in the order they are asked; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="providers"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="providers"/> is empty.</exception>
    public CompositeTaxRuleProvider(params IEnumerable<ITaxRuleProvider> providers)
    {
        _providers = [.. Preconditions.CopyNotNull(providers)];
        if (_providers.Length == 0)
        {
            throw new ArgumentException("A provider chain needs at least one provider.", nameof(providers));
        }

        Providers = Array.AsReadOnly(_providers);
        Name = string.Join(" → ", _providers.Select(p => p.Name));
    }

    /// <summary>The providers, in order.</summary>
    public IReadOnlyList<ITaxRuleProvider> Providers { get; }

    /// <summary>The providers' names joined by arrows.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public async ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(context);
        string[]? reasons = null;
        for (var i = 0; i < _providers.Length; i++)
        {
            var provider = _providers[i];
            var result = await provider.DecideAsync(context, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Tax rule provider '{provider.Name}' returned no result for {context}.");
            if (result.IsDecided)
            {
                return result.Decision.Provider.Length > 0 ? result : TaxRuleResult.Decided(result.Decision.DecidedBy(provider.Name));
            }

            reasons ??= new string[_providers.Length];
            reasons[i] = $"{provider.Name}: {result.Reason}";
        }

        return TaxRuleResult.CannotDecide(string.Join("; ", reasons!));
    }
}
