using System.Text.Json;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Tests.Tax;

public sealed partial class RateTableTests
{
    private static readonly RateTableProvider Provider = new(
        SampleRateTables.UnitedStates, SampleRateTables.Canada, SampleRateTables.India, SampleRateTables.Australia, SampleRateTables.NewZealand);

    private static readonly LocalDate Date2026 = new(2026, 2, 2);

    private static TaxLocation Us(string region) => new(CountryCode.Us, region);

    private static TaxContext Supply(TaxLocation destination, string productClass, LocalDate? date = null, TaxLocation? origin = null)
        => new(origin ?? destination, destination, date ?? Date2026, productClass);

    private static TaxRuleResult Sync(ValueTask<TaxRuleResult> task) => task.GetAwaiter().GetResult();

    private static TaxDecision Decide(TaxContext context)
    {
        var result = Sync(Provider.DecideAsync(context));
        Assert.True(result.IsDecided, result.Reason);
        Assert.Equal("RateTable", result.Decision.Provider);
        return result.Decision;
    }

    private static string CannotDecide(TaxContext context)
    {
        var result = Sync(Provider.DecideAsync(context));
        Assert.False(result.IsDecided);
        return result.Reason;
    }

    [Fact]
    public void DecideAsync_LosAngelesWithDistrict_AddsStateCountyCityAndDistrictComponents()
    {
        var la = Us("CA") with { County = "los angeles", City = "Los Angeles", District = "LACMTA" };

        var decision = Decide(Supply(la, "standard"));

        Assert.Equal(TaxCategory.Standard, decision.Category);
        Assert.Equal(9.75m, decision.Rate);
        Assert.Equal(
            ["State sales tax 6% (US-CA)", "County transportation tax (Bradley-Burns) 0.25% (US-CA/Los Angeles County)",
             "Measure A (county) 0.5% (US-CA/Los Angeles County)", "City local tax (Bradley-Burns) 1% (US-CA/Los Angeles)",
             "Proposition A (LACMTA) 0.5% (US-CA/LACMTA)", "Proposition C (LACMTA) 0.5% (US-CA/LACMTA)",
             "Measure R (LACMTA) 0.5% (US-CA/LACMTA)", "Measure M (LACMTA) 0.5% (US-CA/LACMTA)"],
            decision.Components.Select(c => c.ToString()));
        Assert.Equal("RATE-TABLE:US-CA/Los Angeles/LACMTA", decision.RuleId);
    }

    [Fact]
    public void DecideAsync_LosAngelesBeforeMeasureA_UsesMeasureH()
    {
        var la = Us("CA") with { County = "Los Angeles", City = "Los Angeles", District = "LACMTA" };

        Assert.Equal(9.5m, Decide(Supply(la, "standard", new LocalDate(2025, 3, 31))).Rate);
        Assert.Equal(9.75m, Decide(Supply(la, "standard", new LocalDate(2025, 4, 1))).Rate);
    }

    [Fact]
    public void DecideAsync_PartialLocation_CannotDecideNamingIt()
    {
        var reason = CannotDecide(Supply(Us("CA") with { County = "Los Angeles", City = "Los Angeles" }, "standard"));

        Assert.Contains("US-CA", reason, StringComparison.Ordinal);
        Assert.Contains("Los Angeles", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_PartialRowWithoutChildRowsLeft_CannotDecideNamingIt()
    {
        // Texas knows Austin only: a Texas location in another city is not decided at the state's 6.25 %.
        var reason = CannotDecide(Supply(Us("TX") with { City = "Houston" }, "standard"));

        Assert.Contains("only in part", reason, StringComparison.Ordinal);
        Assert.Contains("US-TX", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_CaliforniaFood_ExemptWithReason()
    {
        var decision = Decide(Supply(Us("CA") with { County = "Los Angeles", City = "Los Angeles", District = "LACMTA" }, "food"));

        Assert.Equal(TaxCategory.Exempt, decision.Category);
        Assert.Equal(0m, decision.Rate);
        Assert.All(decision.Components, c => Assert.Equal(0m, c.Rate));
        Assert.Contains("exempt", decision.Treatment.ExemptionReason, StringComparison.Ordinal);
        Assert.Equal("Cal. Rev. & Tax. Code § 6359", decision.LegalBasis);
    }

    [Theory]
    [InlineData("NY", null, "New York", 8.875)]
    [InlineData("TX", null, "Austin", 8.25)]
    [InlineData("WA", null, "Seattle", 10.55)]
    [InlineData("PA", "Dauphin", "Harrisburg", 6)]
    [InlineData("PA", "Philadelphia", null, 8)]
    [InlineData("PA", "Allegheny", null, 7)]
    public void DecideAsync_UsCities_CombinedRate(string state, string? county, string? city, double rate)
    {
        var decision = Decide(Supply(Us(state) with { County = county, City = city }, "standard"));

        Assert.Equal(TaxCategory.Standard, decision.Category);
        Assert.Equal((decimal)rate, decision.Rate);
    }

    [Fact]
    public void DecideAsync_PennsylvaniaClothing_Exempt()
    {
        var decision = Decide(Supply(Us("PA") with { County = "Philadelphia" }, "clothing"));

        Assert.Equal(TaxCategory.Exempt, decision.Category);
        Assert.Equal(0m, decision.Treatment.Rate);
        Assert.Contains("Clothing", decision.Treatment.ExemptionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_Oregon_OutsideScopeWithReason()
    {
        var decision = Decide(Supply(Us("OR") with { City = "Portland" }, "standard"));

        Assert.Equal(TaxCategory.OutsideScope, decision.Category);
        Assert.Null(decision.Treatment.Rate);
        Assert.Empty(decision.Components);
        Assert.Contains("Oregon", decision.Treatment.ExemptionReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ON", 13, new[] { "HST" })]
    [InlineData("BC", 12, new[] { "GST", "PST" })]
    [InlineData("QC", 14.975, new[] { "GST", "QST" })]
    [InlineData("AB", 5, new[] { "GST" })]
    [InlineData("NB", 15, new[] { "HST" })]
    [InlineData("SK", 11, new[] { "GST", "PST" })]
    public void DecideAsync_CanadianProvinces_HstReplacesGstOrPstAdds(string province, double rate, string[] names)
    {
        var decision = Decide(Supply(new TaxLocation(CountryCode.Ca, province), "standard"));

        Assert.Equal((decimal)rate, decision.Rate);
        Assert.Equal(names, decision.Components.Select(c => c.Name));
    }

    [Fact]
    public void DecideAsync_NovaScotia_HstDropsFrom15To14On20250401()
    {
        var ns = new TaxLocation(CountryCode.Ca, "NS");

        Assert.Equal(15m, Decide(Supply(ns, "standard", new LocalDate(2025, 3, 31))).Rate);
        Assert.Equal(14m, Decide(Supply(ns, "standard", new LocalDate(2025, 4, 1))).Rate);
    }

    [Fact]
    public void DecideAsync_CanadaWithoutProvince_CannotDecide()
        => Assert.Contains("CA", CannotDecide(Supply(new TaxLocation(CountryCode.Ca), "standard")), StringComparison.Ordinal);

    [Fact]
    public void DecideAsync_CanadaFood_ZeroRated()
        => Assert.Equal(TaxCategory.ZeroRated, Decide(Supply(new TaxLocation(CountryCode.Ca, "ON"), "food")).Category);

    [Fact]
    public void DecideAsync_IndiaIntraState_CgstAndSgstHalfEach()
    {
        var karnataka = new TaxLocation(CountryCode.In, "KA");

        var decision = Decide(Supply(karnataka, "standard", origin: karnataka));

        Assert.Equal(18m, decision.Rate);
        Assert.Equal(["CGST 9% (IN)", "SGST 9% (IN-KA)"], decision.Components.Select(c => c.ToString()));
    }

    [Fact]
    public void DecideAsync_IndiaInterState_Igst()
    {
        var decision = Decide(Supply(new TaxLocation(CountryCode.In, "MH"), "standard", origin: new TaxLocation(CountryCode.In, "KA")));

        Assert.Equal(["IGST 18% (IN)"], decision.Components.Select(c => c.ToString()));
    }

    [Fact]
    public void DecideAsync_IndiaReducedClass_From12To5On20250922()
    {
        var tn = new TaxLocation(CountryCode.In, "TN");
        var before = Decide(Supply(tn, "reduced", new LocalDate(2025, 9, 21), origin: tn));
        var after = Decide(Supply(tn, "reduced", new LocalDate(2025, 9, 22), origin: tn));
        var interState = Decide(Supply(tn, "reduced", new LocalDate(2025, 9, 22), origin: new TaxLocation(CountryCode.In, "DL")));

        Assert.Equal([6m, 6m], before.Components.Select(c => c.Rate));
        Assert.Equal([2.5m, 2.5m], after.Components.Select(c => c.Rate));
        Assert.Equal(5m, interState.Rate);
        Assert.Equal(40m, Decide(Supply(tn, "demerit", new LocalDate(2025, 9, 22), origin: tn)).Rate);
        Assert.Equal(28m, Decide(Supply(tn, "durables", new LocalDate(2025, 9, 21), origin: tn)).Rate);
        Assert.Equal(18m, Decide(Supply(tn, "durables", new LocalDate(2025, 9, 22), origin: tn)).Rate);
    }

    [Fact]
    public void DecideAsync_IndiaWithoutOriginRegion_CannotDecide()
        => Assert.Contains("region", CannotDecide(Supply(new TaxLocation(CountryCode.In, "KA"), "standard", origin: new TaxLocation(CountryCode.In))), StringComparison.Ordinal);

    [Fact]
    public void DecideAsync_AustraliaFood_ZeroRatedAndStandardTen()
    {
        var au = new TaxLocation(CountryCode.Au, "NSW");

        Assert.Equal(TaxCategory.ZeroRated, Decide(Supply(au, "food")).Category);
        Assert.Equal(10m, Decide(Supply(au, "standard")).Rate);
    }

    [Fact]
    public void DecideAsync_NewZealand_FifteenSince2010()
    {
        var nz = new TaxLocation(CountryCode.FromCode("NZ"));

        Assert.Equal(15m, Decide(Supply(nz, "food")).Rate);
        Assert.Equal(12.5m, Decide(Supply(nz, "standard", new LocalDate(2010, 9, 30))).Rate);
    }

    [Fact]
    public void DecideAsync_UnknownClass_CannotDecideNamingClassAndLocation()
    {
        var reason = CannotDecide(Supply(Us("TX") with { City = "Austin" }, "books"));

        Assert.Contains("'books'", reason, StringComparison.Ordinal);
        Assert.Contains("US-TX", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_UnknownRegionOrCountry_CannotDecideNamingThem()
    {
        Assert.Contains("US-FL", CannotDecide(Supply(Us("FL"), "standard")), StringComparison.Ordinal);
        Assert.Contains("DE", CannotDecide(Supply(new TaxLocation(CountryCode.De), "standard")), StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_BeforeTableCoverage_CannotDecide()
        => Assert.Contains("2019-07-01", CannotDecide(Supply(new TaxLocation(CountryCode.Ca, "BC"), "standard", new LocalDate(2012, 1, 1))), StringComparison.Ordinal);

    [Fact]
    public void DecideAsync_RepeatedLookup_ReturnsSameCachedInstances()
    {
        var context = Supply(Us("WA") with { City = "seattle" }, "standard");

        var first = Sync(Provider.DecideAsync(context));
        var second = Sync(Provider.DecideAsync(context with { SupplyDate = Date2026.PlusDays(30) }));

        Assert.Same(first, second);
        Assert.Same(first.Decision, second.Decision);
    }

    [Fact]
    public void DecideAsync_RepeatedLookup_DoesNotAllocate()
    {
        // The provider itself; the composite's async method is a class in Debug builds, a struct
        // that is never boxed when it completes synchronously in Release (the benchmark's case).
        var context = Supply(Us("NY") with { City = "New York" }, "standard");
        for (var i = 0; i < 100; i++)
        {
            _ = Sync(Provider.DecideAsync(context));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = Sync(Provider.DecideAsync(context));
        }

        // Less than a byte per lookup: nothing per lookup (the runtime may allocate once, e.g. for tiered compilation).
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 999);
    }

    [Fact]
    public async Task DecideAsync_ThroughComposite_KeepsTheCachedDecision()
    {
        var context = Supply(Us("NY") with { City = "New York" }, "standard");
        var direct = Sync(Provider.DecideAsync(context));

        var chained = await new CompositeTaxRuleProvider(Provider).DecideAsync(context);

        Assert.Same(direct, chained);
    }

    [Fact]
    public void DecideAsync_TwoRowsAtOneLevel_ThrowsAmbiguous()
    {
        var table = RateTable.FromJson("""
            {"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"Ambiguous",
             "jurisdictions":[
              {"country":"US","region":"CA","components":[{"name":"State","jurisdiction":"US-CA","rate":6}],"classes":[{"class":"*","treatment":"standard"}]},
              {"country":"US","region":"CA","city":"Springfield","components":[{"name":"City","jurisdiction":"US-CA/Springfield","rate":1}]},
              {"country":"US","region":"CA","county":"Lake","city":"Springfield","components":[{"name":"City","jurisdiction":"US-CA/Springfield","rate":1.5}]}]}
            """);
        var context = Supply(Us("CA") with { County = "Lake", City = "Springfield" }, "anything");

        var exception = Assert.Throws<TaxDecisionException>(() => Sync(new RateTableProvider(table).DecideAsync(context)));

        Assert.Contains("ambiguous", exception.Message, StringComparison.Ordinal);
        Assert.Contains("US-CA/Springfield", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecideAsync_DefaultClassRule_AppliesToUnlistedClass()
    {
        var table = RateTable.FromJson("""
            {"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"Default",
             "jurisdictions":[{"country":"AU","components":[{"name":"GST","jurisdiction":"AU","rate":10}],"classes":[{"class":"*","treatment":"standard"}]}]}
            """);

        var result = Sync(new RateTableProvider("Mine", table).DecideAsync(Supply(new TaxLocation(CountryCode.Au), "books")));

        Assert.Equal(10m, result.Decision!.Rate);
        Assert.Equal("Mine", result.Decision.Provider);
    }

    [Fact]
    public void Constructor_TwoTablesForOneCountry_Throws()
        => Assert.Throws<ArgumentException>(() => new RateTableProvider(SampleRateTables.Australia, SampleRateTables.Australia));

    [Fact]
    public void SampleRateTables_All_Load()
    {
        Assert.Equal([CountryCode.Us], SampleRateTables.UnitedStates.Countries);
        Assert.Equal([CountryCode.Ca], SampleRateTables.Canada.Countries);
        Assert.Equal([CountryCode.In], SampleRateTables.India.Countries);
        Assert.NotEmpty(SampleRateTables.NewZealand.Sources);
        Assert.Contains("SAMPLE", SampleRateTables.Australia.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA","colour":"red"}]}""", "$.jurisdictions[0].colour", "colour")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"XX"}]}""", "$.jurisdictions[0].country", "XX")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA","components":[{"name":"S","jurisdiction":"US-CA","rate":120}]}]}""", "$.jurisdictions[0].components[0].rate", "120")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA","components":[{"name":"S","jurisdiction":"US-CA","rate":6,"from":"2025-02-30"}]}]}""", "$.jurisdictions[0].components[0].from", "2025-02-30")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA","components":[{"name":"S","jurisdiction":"US-CA","rate":6,"until":"2025-04-01"},{"name":"S","jurisdiction":"US-CA","rate":7,"from":"2025-03-01"}]}]}""", "$.jurisdictions[0].components[1]", "overlaps")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA","classes":[{"class":"food","treatment":"exempt"}]}]}""", "$.jurisdictions[0].classes[0]", "reason")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA","classes":[{"class":"food","treatment":"free"}]}]}""", "$.jurisdictions[0].classes[0].treatment", "free")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA"},{"country":"us","region":"ca"}]}""", "$.jurisdictions[1]", "already listed")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":2,"name":"T","jurisdictions":[]}""", "$.schemaVersion", "2")]
    [InlineData("""{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":[{"country":"US","region":"CA",}]}""", "$.jurisdictions[0]", "")]
    public void FromJson_Invalid_ThrowsNamingPathAndValue(string json, string path, string value)
    {
        var exception = Assert.Throws<JsonException>(() => RateTable.FromJson(json));

        Assert.StartsWith(path, exception.Path, StringComparison.Ordinal);
        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        Assert.Contains(value, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Stream_ReadsTheTable()
    {
        using var stream = new MemoryStream("""
            {"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"NZ","jurisdictions":[{"country":"NZ","components":[{"name":"GST","jurisdiction":"NZ","rate":15}]}]}
            """u8.ToArray());

        Assert.Equal("NZ", RateTable.Load(stream).Name);
    }
}
