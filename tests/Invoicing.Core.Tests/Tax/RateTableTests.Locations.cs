using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Tests.Tax;

// Review items 2 and 3: locations the table covers only with a date or a level the location gives.
public sealed partial class RateTableTests
{
    [Theory]
    [InlineData(2025, 2, 1, 10.35)]
    [InlineData(2025, 1, 1, 10.35)]
    [InlineData(2025, 4, 1, 10.35)]
    [InlineData(2026, 1, 1, 10.55)]
    public void DecideAsync_SeattleThroughoutTheTable_StateLocalAndTransit(int year, int month, int day, double rate)
    {
        var decision = Decide(Supply(Us("WA") with { City = "Seattle" }, "standard", new LocalDate(year, month, day)));

        Assert.Equal((decimal)rate, decision.Rate);
        Assert.Equal(3, decision.Components.Count);
    }

    [Theory]
    [InlineData(null, "Philadelphia")]
    [InlineData(null, null)]
    public void DecideAsync_PennsylvaniaWithoutCounty_CannotDecideNamingTheCounty(string? county, string? city)
    {
        var reason = CannotDecide(Supply(Us("PA") with { County = county, City = city }, "standard"));

        Assert.Contains("county", reason, StringComparison.Ordinal);
        Assert.Contains("US-PA/", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_PhiladelphiaPostalAddress_CannotDecideNamingTheCounty()
    {
        // TaxLocation.Of never sets the county.
        var address = new PostalAddress(CountryCode.Us) { Street = "1400 John F Kennedy Blvd", City = "Philadelphia", PostCode = "19107", CountrySubdivision = "US-PA" };

        var reason = CannotDecide(Supply(TaxLocation.Of(address), "standard"));

        Assert.Contains("gives no county", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Philadelphia", 8)]
    [InlineData("allegheny", 7)]
    [InlineData("Dauphin", 6)]
    public void DecideAsync_PennsylvaniaWithCounty_Decided(string county, double rate)
        => Assert.Equal((decimal)rate, Decide(Supply(Us("PA") with { County = county, City = "Anywhere" }, "standard")).Rate);

    [Fact]
    public void DecideAsync_LosAngelesWithoutCity_CannotDecideNamingTheCity()
    {
        var reason = CannotDecide(Supply(Us("CA") with { County = "Los Angeles", District = "LACMTA" }, "standard"));

        Assert.Contains("gives no city", reason, StringComparison.Ordinal);
        Assert.Contains("US-CA/Los Angeles/Los Angeles", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_RowAssumingNoLocalTax_DecidesWithoutTheMissingLevel()
    {
        var json = Head + """
            [{"country":"US","region":"PA","assumeNoLocalTax":true,"components":[{"name":"State","jurisdiction":"US-PA","rate":6}],"classes":[{"class":"*","treatment":"standard"}]},
             {"country":"US","region":"PA","county":"Philadelphia","components":[{"name":"Local","jurisdiction":"US-PA/Philadelphia","rate":2}]}]}
            """;
        var provider = new RateTableProvider(RateTable.FromJson(json));

        Assert.Equal(6m, Sync(provider.DecideAsync(Supply(Us("PA") with { City = "Philadelphia" }, "x"))).Decision!.Rate);
        Assert.Equal(8m, Sync(provider.DecideAsync(Supply(Us("PA") with { County = "Philadelphia" }, "x"))).Decision!.Rate);
    }

    [Fact]
    public void DecideAsync_AssumeNoLocalTaxOnInnerRow_CoversOnlyTheRowsInsideIt()
    {
        var json = Head + """
            [{"country":"US","region":"PA","components":[{"name":"State","jurisdiction":"US-PA","rate":6}],"classes":[{"class":"*","treatment":"standard"}]},
             {"country":"US","region":"PA","county":"Philadelphia","assumeNoLocalTax":true,"components":[{"name":"Local","jurisdiction":"US-PA/Philadelphia","rate":2}]},
             {"country":"US","region":"PA","county":"Philadelphia","district":"Stadium","components":[{"name":"Stadium","jurisdiction":"US-PA/Stadium","rate":1}]}]}
            """;
        var provider = new RateTableProvider(RateTable.FromJson(json));

        Assert.Equal(8m, Sync(provider.DecideAsync(Supply(Us("PA") with { County = "Philadelphia" }, "x"))).Decision!.Rate);
        Assert.Equal(9m, Sync(provider.DecideAsync(Supply(Us("PA") with { County = "Philadelphia", District = "stadium" }, "x"))).Decision!.Rate);
        Assert.Contains("gives no county", Sync(provider.DecideAsync(Supply(Us("PA") with { District = "Stadium" }, "x"))).Reason, StringComparison.Ordinal);
    }
}
