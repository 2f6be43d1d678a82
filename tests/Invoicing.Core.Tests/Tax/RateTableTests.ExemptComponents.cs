using Invoicing.Core.Parties;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Tests.Tax;

// Review item 4: exempt and zero-rated decisions name the destination's jurisdictions, each at 0 %.
public sealed partial class RateTableTests
{
    [Fact]
    public void DecideAsync_SeattleFood_ExemptWithEachLocalTaxAtZero()
    {
        var decision = Decide(Supply(Us("WA") with { City = "Seattle" }, "food"));

        Assert.Equal(TaxCategory.Exempt, decision.Category);
        Assert.Equal(
            ["State sales tax 0% (US-WA)", "Local sales tax (Seattle, King County) 0% (US-WA/Seattle)", "Regional transit authority tax (Sound Transit) 0% (US-WA/RTA)"],
            decision.Components.Select(c => c.ToString()));
        Assert.Equal("RCW 82.08.0293", decision.LegalBasis);
    }

    [Fact]
    public void DecideAsync_CanadaFood_ZeroRatedUnderGstAndProvincialTax()
    {
        Assert.Equal(["HST 0% (CA-ON)"], Decide(Supply(new TaxLocation(CountryCode.Ca, "ON"), "food")).Components.Select(c => c.ToString()));
        Assert.Equal(["GST 0% (CA)", "PST 0% (CA-BC)"], Decide(Supply(new TaxLocation(CountryCode.Ca, "BC"), "food")).Components.Select(c => c.ToString()));
    }

    [Fact]
    public void DecideAsync_IndiaExemptFood_NamesTheStateOfTheIntraStateTaxes()
    {
        var karnataka = new TaxLocation(CountryCode.In, "KA");

        var decision = Decide(Supply(karnataka, "food", origin: karnataka));

        Assert.Equal(TaxCategory.Exempt, decision.Category);
        Assert.Equal(["CGST 0% (IN)", "SGST 0% (IN-KA)"], decision.Components.Select(c => c.ToString()));
    }

    [Fact]
    public void DecideAsync_NoTaxState_OutsideScopeWithoutComponents()
        => Assert.Empty(Decide(Supply(Us("DE"), "food")).Components);

    [Fact]
    public void DecideAsync_RegionPlaceholderWithoutRegionRow_DecidedButNotCached()
    {
        var json = Head + """
            [{"country":"IN","components":[{"name":"SGST","jurisdiction":"IN-{region}","rate":9}],"classes":[{"class":"*","treatment":"standard"}]}]}
            """;
        var provider = new RateTableProvider(RateTable.FromJson(json));

        var rajasthan = Sync(provider.DecideAsync(Supply(new TaxLocation(CountryCode.In, "RJ"), "x")));
        var goa = Sync(provider.DecideAsync(Supply(new TaxLocation(CountryCode.In, "GA"), "x")));
        var nowhere = Sync(provider.DecideAsync(Supply(new TaxLocation(CountryCode.In), "x")));

        Assert.Equal("IN-RJ", rajasthan.Decision!.Components[0].Jurisdiction);
        Assert.Equal("IN-GA", goa.Decision!.Components[0].Jurisdiction);
        Assert.False(nowhere.IsDecided);
        Assert.Contains("region", nowhere.Reason, StringComparison.Ordinal);
    }
}
