using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Tests.Tax;

public sealed class EuVatRuleProviderTests
{
    private static readonly LocalDate Date = new(2026, 11, 23);

    private static TaxLocation At(string country) => new(CountryCode.FromCode(country));

    private static TaxContext Supply(string from, string to, string productClass = "standard", LocalDate? date = null)
        => new(At(from), At(to), date ?? Date, productClass);

    private static TaxDecision Decide(TaxContext context)
    {
        var result = EuVatRuleProvider.Instance.DecideAsync(context).AsTask().GetAwaiter().GetResult();
        Assert.True(result.IsDecided, result.Reason);
        Assert.Equal("EU VAT", result.Decision.Provider);
        return result.Decision;
    }

    private static string Declined(TaxContext context)
    {
        var result = EuVatRuleProvider.Instance.DecideAsync(context).AsTask().GetAwaiter().GetResult();
        Assert.False(result.IsDecided);
        return result.Reason;
    }

    [Theory]
    [InlineData("DE", "standard", 19)]
    [InlineData("DE", "reduced", 7)]
    [InlineData("FR", "super-reduced", 2.1)]
    [InlineData("HU", "standard", 27)]
    [InlineData("LU", "standard", 17)]
    public void Domestic_TakesTheStatesRateOfTheClass(string country, string productClass, double rate)
    {
        var decision = Decide(Supply(country, country, productClass));

        Assert.Equal(TaxTreatment.Standard((decimal)rate), decision.Treatment);
        Assert.Equal("EU-VAT-DOMESTIC", decision.RuleId);
        Assert.Equal(new TaxComponent("VAT", country, (decimal)rate), Assert.Single(decision.Components));
    }

    [Theory]
    [InlineData("EE", "2025-06-30", 22)]
    [InlineData("EE", "2025-07-01", 24)]
    [InlineData("FI", "2024-08-31", 24)]
    [InlineData("FI", "2024-09-01", 25.5)]
    [InlineData("SK", "2024-12-31", 20)]
    [InlineData("SK", "2025-01-01", 23)]
    [InlineData("RO", "2025-07-31", 19)]
    [InlineData("RO", "2025-08-01", 21)]
    [InlineData("LU", "2023-12-31", 16)]
    [InlineData("LU", "2024-01-01", 17)]
    public void Domestic_RateChanges_ApplyFromTheirEffectiveDate(string country, string date, double rate)
    {
        var supplied = LocalDate.FromDateTime(DateTime.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((decimal)rate, Decide(Supply(country, country, date: supplied)).Rate);
    }

    [Fact]
    public void IntraCommunityGoods_ToABusinessWithAValidVatId_IsK()
    {
        var decision = Decide(Supply("DE", "FR") with { BuyerTaxId = VatIdentifier.From("FR40303265045") });

        Assert.Equal(TaxCategory.IntraCommunitySupply, decision.Category);
        Assert.Equal("VATEX-EU-IC", decision.Treatment.ExemptionReasonCode);
        Assert.Equal(new TaxComponent("VAT", "DE", 0m), Assert.Single(decision.Components)); // reported in the seller's return
        Assert.Contains("Article 138", decision.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void ServicesToABusinessInAnotherState_AreReverseCharged()
    {
        var decision = Decide(Supply("DE", "NL") with { SupplyKind = SupplyKind.Services, BuyerTaxId = VatIdentifier.From("NL004495445B01") });

        Assert.Equal((TaxCategory.ReverseCharge, "VATEX-EU-AE"), (decision.Category, decision.Treatment.ExemptionReasonCode));
        Assert.Equal("EU-VAT-REVERSE-CHARGE-SERVICES", decision.RuleId);
    }

    [Fact]
    public void GreekBuyer_VatIdWithTheElPrefix_Counts()
        => Assert.Equal(TaxCategory.IntraCommunitySupply, Decide(Supply("AT", "GR") with { BuyerTaxId = VatIdentifier.From("EL094259216") }).Category);

    [Theory]
    [InlineData(null, "gave no VAT identifier")]
    [InlineData("FR41303265045", "FR41303265045")]  // wrong key
    [InlineData("NL004495445B01", "not a VAT identifier of FR")]
    public void BusinessWithoutAValidVatIdOfTheDestination_IsTaxedAtTheSellersRate(string? vatId, string why)
    {
        var context = Supply("DE", "FR") with { BuyerTaxId = vatId is null ? default : VatIdentifier.From(vatId) };

        var decision = Decide(context);

        Assert.Equal((19m, "EU-VAT-B2B-WITHOUT-VALID-VAT-ID"), (decision.Rate, decision.RuleId));
        Assert.Contains(why, decision.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void BusinessWithoutAVatId_AboveTheThreshold_BuysGoodsLikeAConsumerAtTheDestinationRate()
    {
        var decision = Decide(Supply("DE", "FR") with { SellerAboveDistanceSalesThreshold = true });

        Assert.Equal(("FR", 20m, "EU-VAT-B2B-WITHOUT-VALID-VAT-ID"), (decision.Components[0].Jurisdiction, decision.Rate, decision.RuleId));
        Assert.Contains("Articles 33 and 58", decision.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void ExemptAtTheDestination_KeepsTheExemptionReasonApartFromTheLegalBasis()
    {
        var decision = Decide(Supply("DE", "FR", "exempt") with { CustomerKind = CustomerKind.Consumer, SellerAboveDistanceSalesThreshold = true });

        Assert.Equal("Exempt from VAT under the law of FR", decision.Treatment.ExemptionReason);
        Assert.Contains("Articles 33 and 58", decision.LegalBasis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ES", "CN", "the Canary Islands (ES-CN)")]
    [InlineData("ES", "ML", "Melilla (ES-ML)")]
    [InlineData("FI", "01", "Åland (FI-01)")]
    [InlineData("PT", "30", "Madeira (PT-30)")]
    public void SpecialTerritory_IsNotDecidedButNamed(string country, string region, string named)
    {
        var toTerritory = Supply("DE", "DE") with { Buyer = new TaxLocation(CountryCode.FromCode(country), region), CustomerKind = CustomerKind.Consumer, SellerAboveDistanceSalesThreshold = true };
        var fromTerritory = Supply("DE", "DE") with { Seller = new TaxLocation(CountryCode.FromCode(country), region) };

        Assert.Contains(named, Declined(toTerritory), StringComparison.Ordinal);
        Assert.Contains(named, Declined(fromTerritory), StringComparison.Ordinal);
    }

    [Fact]
    public void GoodsToNorthernIreland_AreNotDecidedAsAnExport()
    {
        var byRegion = Supply("DE", "GB") with { Buyer = new TaxLocation(CountryCode.Gb, "NIR") };
        var byVatId = Supply("DE", "GB") with { BuyerTaxId = VatIdentifier.From("XI123456789") };

        Assert.Contains("Northern Ireland", Declined(byRegion), StringComparison.Ordinal);
        Assert.Contains("Windsor Framework", Declined(byVatId), StringComparison.Ordinal);
        Assert.Equal(TaxCategory.Export, Decide(Supply("DE", "GB")).Category);
    }

    [Theory]
    [InlineData(SupplyKind.Goods, "standard", true, "FR", 20)]
    [InlineData(SupplyKind.Goods, "standard", false, "DE", 19)]
    [InlineData(SupplyKind.Services, "electronic-services", true, "FR", 20)]
    [InlineData(SupplyKind.Services, "standard", true, "DE", 19)]
    public void ConsumerInAnotherState_IsTaxedAtTheDestinationOnlyForDistanceSalesAboveTheThreshold(
        SupplyKind kind, string productClass, bool above, string taxedIn, int rate)
    {
        var context = Supply("DE", "FR", productClass) with { CustomerKind = CustomerKind.Consumer, SupplyKind = kind, SellerAboveDistanceSalesThreshold = above };

        var decision = Decide(context);

        Assert.Equal(taxedIn, decision.Components[0].Jurisdiction);
        Assert.Equal(rate, decision.Rate);
    }

    [Theory]
    [InlineData(SupplyKind.Goods, CustomerKind.Business, "G", "VATEX-EU-G")]
    [InlineData(SupplyKind.Goods, CustomerKind.Consumer, "G", "VATEX-EU-G")]
    [InlineData(SupplyKind.Services, CustomerKind.Business, "O", "VATEX-EU-O")]
    [InlineData(SupplyKind.Services, CustomerKind.Consumer, "S", null)]
    [InlineData(SupplyKind.Services, CustomerKind.Consumer, "O", "VATEX-EU-O", "electronic-services")]
    public void BuyerOutsideTheEu_IsAnExportOrOutsideScope(SupplyKind kind, CustomerKind customer, string category, string? code, string productClass = "standard")
    {
        var decision = Decide(Supply("DE", "US", productClass) with { SupplyKind = kind, CustomerKind = customer });

        Assert.Equal(category, decision.Category.Code);
        Assert.Equal(code, decision.Treatment.ExemptionReasonCode);
    }

    [Fact]
    public void SellerOutsideTheEu_IsDeclinedForTheNextProvider()
    {
        Assert.Contains("not in an EU member state", Declined(Supply("US", "DE")), StringComparison.Ordinal);
        Assert.Contains("not in an EU member state", Declined(Supply("CH", "CH")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DK", "reduced", "DK has no reduced VAT rate on 2026-11-23")]
    [InlineData("DE", "books", "'books'")]
    public void ClassWithoutARate_IsNotDecidedAndNeverZero(string country, string productClass, string reason)
        => Assert.Contains(reason, Declined(Supply(country, country, productClass)), StringComparison.Ordinal);

    [Fact]
    public void ZeroAndExemptClasses_GiveZAndE()
    {
        Assert.Equal(TaxCategory.ZeroRated, Decide(Supply("IE", "IE", "zero")).Category);
        var exempt = Decide(Supply("DE", "DE", "exempt"));
        Assert.Equal(TaxCategory.Exempt, exempt.Category);
        Assert.NotNull(exempt.Treatment.ExemptionReason);
    }

    [Fact]
    public void RepeatedLookup_ReturnsTheCachedDecision()
        => Assert.Same(Decide(Supply("DE", "DE")), Decide(Supply("DE", "DE")));

    [Fact]
    public async Task ChainedWithRateTables_EuSellersGetVatAndOthersTheirTables()
    {
        var chain = new CompositeTaxRuleProvider(EuVatRuleProvider.Instance, new RateTableProvider(SampleRateTables.Canada));
        var toronto = new TaxContext(new TaxLocation(CountryCode.Ca, "ON"), new TaxLocation(CountryCode.Ca, "ON"), Date, "standard");

        var vat = await chain.DecideRequiredAsync(Supply("DE", "DE"));
        var hst = await chain.DecideRequiredAsync(toronto);
        var failure = await Assert.ThrowsAsync<TaxDecisionException>(async () => await chain.DecideRequiredAsync(Supply("CH", "CH")));

        Assert.Equal(("EU VAT", 19m), (vat.Provider, vat.Rate));
        Assert.Equal(13m, hst.Rate);
        Assert.Contains("EU VAT: the seller", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CH", failure.Message, StringComparison.Ordinal);
    }
}
