using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;
using static Invoicing.Core.Tests.Tax.TaxRuleSamples;

namespace Invoicing.Core.Tests.Tax;

public sealed class TaxRulesTests
{
    private static readonly TaxContext Domestic = new(new TaxLocation(CountryCode.De), new TaxLocation(CountryCode.De), new LocalDate(2026, 11, 23), "standard");

    [Fact]
    public void TaxDecision_CombinesComponentsAndCompoundsOnTheTaxesBefore()
    {
        var losAngeles = new TaxDecision(TaxCategory.Standard,
        [
            new TaxComponent("State sales tax", "US-CA", 6m), new TaxComponent("County", "US-CA/Los Angeles County", 0.25m),
            new TaxComponent("District", "US-CA/LA districts", 3.5m),
        ], "TEST-LA");
        var compound = new TaxDecision(TaxCategory.Standard, [new TaxComponent("GST", "CA", 5m), new TaxComponent("QST", "CA-QC", 7.5m, isCompound: true)], "TEST-QC-2012");

        Assert.Equal(9.75m, losAngeles.Rate);
        Assert.Equal(TaxTreatment.Standard(9.75m), losAngeles.Treatment);
        Assert.Equal(12.875m, compound.Rate); // 5 + 7.5 × 1.05
    }

    [Fact]
    public void TaxDecision_BreakingTheCategoryRules_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaxDecision(TaxCategory.ZeroRated, [new TaxComponent("VAT", "DE", 7m)], "R"));
        Assert.Throws<ArgumentException>(() => new TaxDecision(TaxCategory.OutsideScope, [new TaxComponent("VAT", "DE", 0m)], "R", exemptionReason: "Not subject"));
        Assert.Throws<ArgumentException>(() => new TaxDecision(TaxCategory.ReverseCharge, [], "R")); // no exemption reason
        Assert.Throws<ArgumentException>(() => new TaxDecision(TaxCategory.Standard, [Vat(19m).Components[0]], " "));
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new TaxComponent("VAT", "DE", 101m));
        Assert.Contains("101", rate.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property SplitTax_PartsSumToTheTaxAndFollowTheRates()
        => Prop.ForAll(
            Gen.Choose(0, 10_000_000).Select(c => c / 100m).ToArbitrary(),
            Gen.ListOf(Gen.Choose(1, 1000).Select(r => r / 100m)).Where(l => l.Count is > 0 and < 6).ToArbitrary(),
            (amount, rates) =>
            {
                var decision = new TaxDecision(TaxCategory.Standard, rates.Select((r, i) => new TaxComponent($"T{i}", $"J{i}", r)), "R");
                var tax = Money.Of(amount, Currency.Eur);

                var parts = decision.SplitTax(tax);

                Assert.Equal(tax, parts.Aggregate(Money.Zero(Currency.Eur), (a, b) => a + b));
                for (var i = 0; i < parts.Length; i++)
                {
                    var exact = amount * rates[i] / decision.Rate;
                    Assert.True(Math.Abs(parts[i].Amount - exact) < 0.01m, $"part {i} is {parts[i]}, exact share {exact}");
                }
            });

    [Fact]
    public async Task Composite_TakesTheFirstDecisionAndRecordsTheProvider()
    {
        var german = German();
        var fallback = new ClassTableProvider("fallback", "DE", new Dictionary<string, TaxDecision> { ["standard"] = Vat(16m) });
        var chain = new CompositeTaxRuleProvider(german, fallback);

        var result = await chain.DecideAsync(Domestic);

        Assert.True(result.IsDecided);
        Assert.Equal(19m, result.Decision.Rate);
        Assert.Equal("German VAT", result.Decision.Provider);
        Assert.Equal(0, fallback.Calls);
        Assert.Equal("German VAT → fallback", chain.Name);
    }

    [Fact]
    public async Task Composite_NoneDecides_GivesEveryReasonAndTheRequiredCallThrowsNamingTheSupply()
    {
        var chain = new CompositeTaxRuleProvider(German(), new ClassTableProvider("Austrian VAT", "AT", new Dictionary<string, TaxDecision>()));
        var books = Domestic with { ProductTaxClass = "books" };

        var result = await chain.DecideAsync(books);
        var exception = await Assert.ThrowsAsync<TaxDecisionException>(async () => await chain.DecideRequiredAsync(books));

        Assert.False(result.IsDecided);
        Assert.Equal("German VAT: no rule for class 'books'; Austrian VAT: the seller is not in AT", result.Reason);
        Assert.Same(books, exception.Context);
        Assert.Contains("'books'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("from DE to DE", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Austrian VAT", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Composite_AsynchronousProvider_IsAwaitedInOrder()
    {
        var chain = new CompositeTaxRuleProvider(new ClassTableProvider("none", "FR", new Dictionary<string, TaxDecision>()), new RemoteProvider(Vat(21m, "NL")), German());

        var decision = await chain.DecideRequiredAsync(Domestic);

        Assert.Equal(("remote", 21m), (decision.Provider, decision.Rate));
    }

    [Fact]
    public void Composite_WithoutProviders_IsRefused()
        => Assert.Throws<ArgumentException>(() => new CompositeTaxRuleProvider());

    [Theory]
    [InlineData("US-CA", "CA")]
    [InlineData("ca", "CA")]
    [InlineData(" on ", "ON")]
    public void TaxLocation_Region_IsTheSubdivisionCodeWithoutThePrefix(string given, string expected)
        => Assert.Equal(expected, new TaxLocation(given == "ca" || given == "US-CA" ? CountryCode.Us : CountryCode.Ca, given).Region);

    [Theory]
    [InlineData("DE-BY")]
    [InlineData("California")]
    [InlineData("C A")]
    public void TaxLocation_BadRegion_IsRefusedNamingIt(string region)
    {
        var exception = Assert.Throws<ArgumentException>(() => new TaxLocation(CountryCode.Us, region));

        Assert.Contains(region, exception.Message, StringComparison.Ordinal);
        Assert.Equal("Region", exception.ParamName);
    }

    [Fact]
    public void TaxLocation_And_TaxContext_RefuseMissingParts()
    {
        Assert.Throws<ArgumentException>(() => new TaxLocation(default));
        Assert.Throws<ArgumentNullException>(() => Domestic with { Buyer = null! });
        Assert.Throws<ArgumentException>(() => Domestic with { ProductTaxClass = " " });
        Assert.Throws<ArgumentOutOfRangeException>(() => Domestic with { SupplyKind = (SupplyKind)7 });
    }
}
