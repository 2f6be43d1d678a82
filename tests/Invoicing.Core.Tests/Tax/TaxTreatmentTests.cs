using Invoicing.Core.Tax;

namespace Invoicing.Core.Tests.Tax;

public sealed class TaxTreatmentTests
{
    [Fact]
    public void TaxCategory_All_HasTheNineEn16931Codes()
    {
        Assert.Equal(["S", "Z", "E", "AE", "K", "G", "O", "L", "M"], TaxCategory.All.Select(c => c.Code));
        Assert.All(TaxCategory.All, c => Assert.Equal(c, TaxCategory.FromCode(c.Code)));
        Assert.Equal(TaxCategory.Standard, default);
    }

    [Theory]
    [InlineData("s")]
    [InlineData("B")]
    [InlineData("VAT")]
    [InlineData("")]
    public void TaxCategory_FromCode_Unknown_ThrowsNamingIt(string code)
    {
        var exception = Assert.Throws<ArgumentException>(() => TaxCategory.FromCode(code));
        Assert.Contains($"'{code}'", exception.Message, StringComparison.Ordinal);
        Assert.False(TaxCategory.TryParse(code, null, out _));
    }

    [Fact]
    public void Factories_FollowTheRulesOfEachCategory()
    {
        Assert.Equal(19m, TaxTreatment.Standard(19m).Rate);
        Assert.Equal(0m, TaxTreatment.ZeroRated().Rate);
        Assert.Null(TaxTreatment.OutsideScope().Rate);
        Assert.Equal("VATEX-EU-AE", TaxTreatment.ReverseCharge().ExemptionReasonCode);
        Assert.Equal("VATEX-EU-IC", TaxTreatment.IntraCommunitySupply().ExemptionReasonCode);
        Assert.Equal("VATEX-EU-G", TaxTreatment.Export().ExemptionReasonCode);
        Assert.Equal("Exempt per Art. 132", TaxTreatment.Exempt(null, "Exempt per Art. 132").ExemptionReason);
        Assert.Equal(7m, TaxTreatment.Of(TaxCategory.CanaryIslands, 7m).Rate);
        Assert.Equal(0m, TaxTreatment.Of(TaxCategory.CeutaMelilla, 0m).Rate);
    }

    public static TheoryData<string, decimal?, string?> InvalidTreatments => new()
    {
        { "S", 0m, null },          // BR-S-05: above zero
        { "S", null, null },
        { "S", 101m, null },
        { "S", -1m, null },
        { "Z", 7m, null },          // BR-Z-05: zero
        { "E", 5m, "VATEX-EU-132" },
        { "O", 0m, "VATEX-EU-O" },  // BR-O-05: no rate
        { "L", null, null },
        { "E", 0m, null },          // BR-E-10: needs a reason
        { "S", 19m, "VATEX-EU-132" }, // BR-S-10: must not have one
        { "AE", 0m, "  " },
    };

    [Theory]
    [MemberData(nameof(InvalidTreatments))]
    public void Of_BreakingTheCategoryRules_ThrowsNamingTheCategory(string code, decimal? rate, string? reason)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => TaxTreatment.Of(TaxCategory.FromCode(code), rate, reason));

        Assert.Contains(code, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_IsCategoryRateAndReason_RateByValue()
    {
        Assert.Equal(TaxTreatment.Standard(19m), TaxTreatment.Standard(19.00m));
        Assert.Equal("S 19%", TaxTreatment.Standard(19.00m).ToString());
        Assert.NotEqual(TaxTreatment.Standard(19m), TaxTreatment.Standard(7m));
        Assert.NotEqual(TaxTreatment.Exempt("VATEX-EU-132", null), TaxTreatment.Exempt("VATEX-EU-143", null));
        Assert.True(TaxTreatment.Exempt("VATEX-EU-132", null).SameGroupAs(TaxTreatment.Exempt("VATEX-EU-143", null)));
        Assert.Equal("E 0% (VATEX-EU-132)", TaxTreatment.Exempt("VATEX-EU-132", "text").ToString());
    }

    [Fact]
    public void RoundingPolicy_CashIncrementOnAmounts_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => new RoundingPolicy(Invoicing.Core.Monetary.MoneyRounding.ToIncrement(0.05m)));
        Assert.Equal(TaxRoundingLevel.PerCategory, RoundingPolicy.Default.TaxLevel);
        Assert.Null(RoundingPolicy.Default.Payable);
    }
}
