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
    /// <remarks>
    /// Providers that answer synchronously (in-memory tables) are asked without an async state
    /// machine, and declines are kept as they are and only turned into text when no provider
    /// decides: a decision after one decline allocates nothing beyond what the deciding provider
    /// returns.
    /// </remarks>
    public ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(context);
        var declines = default(Declines);
        for (var i = 0; i < _providers.Length; i++)
        {
            var pending = _providers[i].DecideAsync(context, cancellationToken);
            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueAsync(context, i, pending, declines, cancellationToken);
            }

            var result = Checked(_providers[i], pending.Result, context);
            if (result.IsDecided)
            {
                return new ValueTask<TaxRuleResult>(Attributed(result, _providers[i]));
            }

            declines.Add(result);
        }

        return new ValueTask<TaxRuleResult>(declines.ToResult(_providers));
    }

    private async ValueTask<TaxRuleResult> ContinueAsync(
        TaxContext context, int index, ValueTask<TaxRuleResult> pending, Declines declines, CancellationToken cancellationToken)
    {
        var first = Checked(_providers[index], await pending.ConfigureAwait(false), context);
        if (first.IsDecided)
        {
            return Attributed(first, _providers[index]);
        }

        declines.Add(first);
        for (var i = index + 1; i < _providers.Length; i++)
        {
            var result = Checked(_providers[i], await _providers[i].DecideAsync(context, cancellationToken).ConfigureAwait(false), context);
            if (result.IsDecided)
            {
                return Attributed(result, _providers[i]);
            }

            declines.Add(result);
        }

        return declines.ToResult(_providers);
    }

    private static TaxRuleResult Checked(ITaxRuleProvider provider, TaxRuleResult? result, TaxContext context)
        => result ?? throw new InvalidOperationException($"Tax rule provider '{provider.Name}' returned no result for {context}.");

    private static TaxRuleResult Attributed(TaxRuleResult result, ITaxRuleProvider provider)
        => result.Decision!.Provider.Length > 0 ? result : TaxRuleResult.Decided(result.Decision.DecidedBy(provider.Name));

    /// <summary>The declines so far, in provider order: the first in a field, the rest in a list made only when needed.</summary>
    private struct Declines
    {
        private TaxRuleResult? _first;
        private List<TaxRuleResult>? _rest;

        public void Add(TaxRuleResult result)
        {
            if (_first is null)
            {
                _first = result;
            }
            else
            {
                (_rest ??= []).Add(result);
            }
        }

        public readonly TaxRuleResult ToResult(ITaxRuleProvider[] providers)
        {
            var reasons = new string[providers.Length];
            reasons[0] = $"{providers[0].Name}: {_first!.Reason}";
            for (var i = 1; i < providers.Length; i++)
            {
                reasons[i] = $"{providers[i].Name}: {_rest![i - 1].Reason}";
            }

            return TaxRuleResult.CannotDecide(string.Join("; ", reasons));
        }
    }
}
