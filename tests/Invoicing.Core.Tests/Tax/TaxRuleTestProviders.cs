using Invoicing.Core.Tax;

namespace Invoicing.Core.Tests.Tax;

/// <summary>A host-style provider for tests: one decision per product class, for sellers in one country; counts its calls.</summary>
internal sealed class ClassTableProvider(string name, string country, IReadOnlyDictionary<string, TaxDecision> decisions) : ITaxRuleProvider
{
    private int _calls;

    public string Name => name;

    public int Calls => _calls;

    public ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return new ValueTask<TaxRuleResult>(
            context.Seller.Country.Code != country ? TaxRuleResult.CannotDecide($"the seller is not in {country}")
            : decisions.TryGetValue(context.ProductTaxClass, out var decision) ? TaxRuleResult.Decided(decision)
            : TaxRuleResult.CannotDecide($"no rule for class '{context.ProductTaxClass}'"));
    }
}

/// <summary>A provider that answers asynchronously (like a remote tax service), after yielding.</summary>
internal sealed class RemoteProvider(TaxDecision decision) : ITaxRuleProvider
{
    public string Name => "remote";

    public async ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        return TaxRuleResult.Decided(decision);
    }
}

internal static class TaxRuleSamples
{
    internal static TaxDecision Vat(decimal rate, string country = "DE")
        => new(TaxCategory.Standard, [new TaxComponent("VAT", country, rate)], $"TEST-{country}-{rate}");

    internal static ClassTableProvider German() => new("German VAT", "DE", new Dictionary<string, TaxDecision>(StringComparer.OrdinalIgnoreCase)
    {
        ["standard"] = Vat(19m),
        ["reduced"] = Vat(7m),
        ["exempt"] = new(TaxCategory.Exempt, [], "TEST-DE-EXEMPT", "§ 4 Nr. 14 UStG", "VATEX-EU-132", "Medical care"),
    });
}
