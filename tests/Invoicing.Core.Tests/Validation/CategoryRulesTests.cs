using Invoicing.Core.EInvoicing;
using Invoicing.Core.Validation;

namespace Invoicing.Core.Tests.Validation;

public sealed class CategoryRulesTests
{
    private static readonly EInvoiceValidator Validator = new(En16931Rules.Categories());

    private static EInvoiceLine Line(string category, decimal? rate, decimal net) => new() { NetAmount = net, Vat = new LineVatInformation { CategoryCode = category, Rate = rate } };

    private static VatBreakdown Breakdown(string category, decimal? rate, decimal taxable, decimal tax, string? reason = null)
        => new() { CategoryCode = category, Rate = rate, TaxableAmount = taxable, TaxAmount = tax, ExemptionReasonText = reason };

    private static EInvoice Standard() => new()
    {
        Seller = new Seller { VatIdentifier = "DE123456789", Address = new EInvoiceAddress { CountryCode = "DE" } },
        Buyer = new Buyer { VatIdentifier = "FR12345678901" },
        Lines = [Line("S", 19m, 100m), Line("S", 7m, 50m)],
        VatBreakdown = [Breakdown("S", 19m, 100m, 19m), Breakdown("S", 7m, 50m, 3.50m)],
    };

    private static EInvoice Single(string category, decimal? rate, string? reason, Seller? seller = null, Buyer? buyer = null) => new()
    {
        Seller = seller ?? new Seller { VatIdentifier = "DE123456789" },
        Buyer = buyer ?? new Buyer { VatIdentifier = "FR12345678901" },
        Delivery = new DeliveryInformation { ActualDeliveryDate = new NodaTime.LocalDate(2026, 1, 5), Address = new EInvoiceAddress { CountryCode = "FR" } },
        Lines = [Line(category, rate, 100m)],
        VatBreakdown = [Breakdown(category, rate, 100m, 0m, reason)],
    };

    [Fact]
    public void ValidDocuments_FireNoCategoryRule()
    {
        Assert.True(Validator.Validate(Standard()).IsClean, Validator.Validate(Standard()).ToString());
        Assert.True(Validator.Validate(Single("Z", 0m, null)).IsClean);
        Assert.True(Validator.Validate(Single("E", 0m, "Exempt")).IsClean);
        Assert.True(Validator.Validate(Single("AE", 0m, "Reverse charge")).IsClean);
        Assert.True(Validator.Validate(Single("K", 0m, "Intra-community supply")).IsClean);
        Assert.True(Validator.Validate(Single("G", 0m, "Export outside the EU")).IsClean);
        var notSubject = Single("O", null, "Not subject to VAT", new Seller { Name = "Seller" }, new Buyer { Name = "Buyer" });
        Assert.True(Validator.Validate(notSubject).IsClean, Validator.Validate(notSubject).ToString());
        var igic = Single("L", 0m, null) with { VatBreakdown = [Breakdown("L", 0m, 100m, 0m)] };
        Assert.True(Validator.Validate(igic).IsClean, Validator.Validate(igic).ToString());
    }

    [Theory]
    [InlineData("S", "BR-S-01")]
    [InlineData("L", "BR-AF-01")]
    [InlineData("M", "BR-AG-01")]
    public void AtLeastOne_LineWithoutBreakdown_AndBreakdownWithoutItem_Fire(string category, string rule)
    {
        var lineOnly = new EInvoice { Lines = [Line(category, 10m, 1m)] };
        var breakdownOnly = new EInvoice { VatBreakdown = [Breakdown(category, 10m, 1m, 0.1m)] };

        Assert.True(Validator.Validate(lineOnly).Fired(rule));
        Assert.True(Validator.Validate(breakdownOnly).Fired(rule));
        Assert.False(Validator.Validate(lineOnly with { VatBreakdown = breakdownOnly.VatBreakdown }).Fired(rule));
    }

    [Theory]
    [InlineData("Z", "BR-Z-01")]
    [InlineData("E", "BR-E-01")]
    [InlineData("AE", "BR-AE-01")]
    [InlineData("K", "BR-IC-01")]
    [InlineData("G", "BR-G-01")]
    [InlineData("O", "BR-O-01")]
    public void ExactlyOne_TwoBreakdownsOrNone_Fire(string category, string rule)
    {
        var line = new EInvoice { Lines = [Line(category, 0m, 1m)] };

        Assert.True(Validator.Validate(line).Fired(rule));
        Assert.True(Validator.Validate(line with { VatBreakdown = [Breakdown(category, 0m, 1m, 0m), Breakdown(category, 0m, 0m, 0m)] }).Fired(rule));
        Assert.False(Validator.Validate(line with { VatBreakdown = [Breakdown(category, 0m, 1m, 0m)] }).Fired(rule));
        Assert.False(Validator.Validate(new EInvoice { VatBreakdown = [Breakdown(category, 0m, 1m, 0m)] }).Fired(rule));
    }

    [Theory]
    [InlineData("S", "BR-S-02", false)]
    [InlineData("Z", "BR-Z-02", false)]
    [InlineData("E", "BR-E-02", false)]
    [InlineData("L", "BR-AF-02", false)]
    [InlineData("M", "BR-AG-02", false)]
    [InlineData("K", "BR-IC-02", true)]
    [InlineData("G", "BR-G-02", true)]
    public void SellerIdentification_IsRequired_TaxRegistrationCountsWhereTheArtefactsCountIt(string category, string rule, bool vatOnly)
    {
        var document = new EInvoice { Buyer = new Buyer { VatIdentifier = "FR1" }, Lines = [Line(category, 0m, 1m)] };

        Assert.True(Validator.Validate(document).Fired(rule));
        Assert.False(Validator.Validate(document with { Seller = new Seller { VatIdentifier = "DE1" } }).Fired(rule));
        Assert.False(Validator.Validate(document with { SellerTaxRepresentative = new SellerTaxRepresentative { VatIdentifier = "DE2" } }).Fired(rule));
        Assert.Equal(vatOnly, Validator.Validate(document with { Seller = new Seller { TaxRegistrationIdentifier = "123/456" } }).Fired(rule));
    }

    [Fact]
    public void ReverseCharge_NeedsABuyerVatOrLegalId_IntraCommunity_ABuyerVatId()
    {
        var seller = new Seller { VatIdentifier = "DE1" };
        var reverse = new EInvoice { Seller = seller, Allowances = [new DocumentLevelAllowanceCharge { VatCategoryCode = "AE", VatRate = 0m, Amount = 1m }] };
        var intra = new EInvoice { Seller = seller, Charges = [new DocumentLevelAllowanceCharge { VatCategoryCode = "K", VatRate = 0m, Amount = 1m }] };
        var legal = new Buyer { LegalRegistrationIdentifier = new SchemeIdentifier("123") };

        Assert.True(Validator.Validate(reverse).Fired("BR-AE-03"));
        Assert.False(Validator.Validate(reverse with { Buyer = legal }).Fired("BR-AE-03"));
        Assert.True(Validator.Validate(intra with { Buyer = legal }).Fired("BR-IC-04"));
        Assert.False(Validator.Validate(intra with { Buyer = new Buyer { VatIdentifier = "FR1" } }).Fired("BR-IC-04"));
    }

    [Fact]
    public void NotSubjectToVat_RefusesVatIdentifiers()
    {
        var document = Single("O", null, "Not subject", new Seller { VatIdentifier = "DE1" }, new Buyer { VatIdentifier = "FR1" });

        var findings = Validator.Validate(document).Findings.Where(f => f.RuleId == "BR-O-02").ToList();

        Assert.Equal(["BG-4/BT-31", "BG-7/BT-48"], findings.Select(f => f.Location.Path));
        Assert.Contains("DE1", findings[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S", null, "BR-S-05", true)]
    [InlineData("S", "0", "BR-S-05", true)]
    [InlineData("S", "19", "BR-S-05", false)]
    [InlineData("Z", "0", "BR-Z-05", false)]
    [InlineData("Z", "5", "BR-Z-05", true)]
    [InlineData("E", null, "BR-E-05", true)]
    [InlineData("L", "0", "BR-AF-05", false)]
    [InlineData("L", "-1", "BR-AF-05", true)]
    [InlineData("M", null, "BR-AG-05", true)]
    [InlineData("O", null, "BR-O-05", false)]
    [InlineData("O", "0", "BR-O-05", true)]
    public void LineRate_FollowsTheCategory(string category, string? rate, string rule, bool fires)
    {
        var document = new EInvoice { Lines = [Line(category, rate is null ? null : decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), 1m)] };

        var report = Validator.Validate(document);

        Assert.Equal(fires, report.Fired(rule));
        if (fires)
        {
            Assert.Equal("BG-25[1]/BG-30/BT-152", report.Findings.First(f => f.RuleId == rule).Location.Path);
        }
    }

    [Theory]
    [InlineData("BR-S-06", "BR-S-07")]
    public void AllowanceAndChargeRates_AreCheckedWithTheirOwnRules(string allowanceRule, string chargeRule)
    {
        var item = new DocumentLevelAllowanceCharge { VatCategoryCode = "S", VatRate = 0m, Amount = 1m };

        var report = Validator.Validate(new EInvoice { Allowances = [item], Charges = [item, item] });

        Assert.Equal("BG-20[1]/BT-96", Assert.Single(report.Findings, f => f.RuleId == allowanceRule).Location.Path);
        Assert.Equal(["BG-21[1]/BT-103", "BG-21[2]/BT-103"], report.Findings.Where(f => f.RuleId == chargeRule).Select(f => f.Location.Path));
    }

    [Theory]
    // BR-S-08: per rate; UBL accepts a difference below 1.00, CII is exact.
    [InlineData("S", "100.99", null, false)]
    [InlineData("S", "101.00", null, true)]
    [InlineData("S", "100.50", EInvoiceSyntax.Cii, true)]
    [InlineData("S", "100.00", EInvoiceSyntax.Cii, false)]
    // BR-Z-08 (and E, AE, IC, G): UBL exact, CII accepts a difference below 1.00.
    [InlineData("Z", "100.50", null, true)]
    [InlineData("Z", "100.50", EInvoiceSyntax.UblInvoice, true)]
    [InlineData("Z", "100.50", EInvoiceSyntax.Cii, false)]
    [InlineData("Z", "101.00", EInvoiceSyntax.Cii, true)]
    [InlineData("AE", "100.99", EInvoiceSyntax.Cii, false)]
    // BR-O-08: exact in both.
    [InlineData("O", "100.50", EInvoiceSyntax.Cii, true)]
    // BR-AF-08: like BR-S-08.
    [InlineData("L", "100.50", null, false)]
    [InlineData("L", "100.50", EInvoiceSyntax.Cii, true)]
    public void TaxableAmount_ToleranceDependsOnCategoryAndSyntax(string category, string taxable, EInvoiceSyntax? syntax, bool fires)
    {
        var rate = category is "S" or "L" ? 10m : category == "O" ? (decimal?)null : 0m;
        var rule = category switch { "S" => "BR-S-08", "L" => "BR-AF-08", "Z" => "BR-Z-08", "AE" => "BR-AE-08", _ => "BR-O-08" };
        var document = new EInvoice
        {
            Lines = [Line(category, rate, 80m), Line(category, rate, 30m)],
            Allowances = [new DocumentLevelAllowanceCharge { VatCategoryCode = category, VatRate = rate, Amount = 20m }],
            Charges = [new DocumentLevelAllowanceCharge { VatCategoryCode = category, VatRate = rate, Amount = 10m }],
            VatBreakdown = [Breakdown(category, rate, decimal.Parse(taxable, System.Globalization.CultureInfo.InvariantCulture), 0m)],
        };

        var report = Validator.Validate(document, syntax);

        Assert.Equal(fires, report.Fired(rule));
    }

    [Fact]
    public void StandardRatedTaxable_CountsOnlyItemsOfTheSameRate_AndNeedsOne()
    {
        var document = Standard() with { VatBreakdown = [Breakdown("S", 19m, 100m, 19m), Breakdown("S", 7m, 50m, 3.50m), Breakdown("S", 25m, 0m, 0m)] };

        var finding = Assert.Single(Validator.Validate(document).Findings, f => f.RuleId == "BR-S-08");

        Assert.Equal("BG-23[3]/BT-116", finding.Location.Path);
    }

    [Fact]
    public void CategoryTaxable_WithoutLines_Fires()
    {
        var document = new EInvoice
        {
            Allowances = [new DocumentLevelAllowanceCharge { VatCategoryCode = "E", VatRate = 0m, Amount = 5m }],
            VatBreakdown = [Breakdown("E", 0m, -5m, 0m, "Exempt")],
        };

        Assert.True(Validator.Validate(document).Fired("BR-E-08"));
        Assert.False(Validator.Validate(document with { Lines = [Line("S", 10m, 1m)] }).Fired("BR-E-08"));
    }

    [Theory]
    [InlineData("S", "25", "1000", "250.00", false)]
    [InlineData("S", "25", "1000", "250.99", false)]
    [InlineData("S", "25", "1000", "251", true)]
    [InlineData("S", "25", "-1000", "-250", false)]
    [InlineData("M", "4", "100", "3", true)]
    [InlineData("Z", "0", "100", "0", false)]
    [InlineData("Z", "0", "100", "0.01", true)]
    [InlineData("G", "0", "100", "1", true)]
    public void TaxAmount_IsCalculatedOrZero(string category, string rate, string taxable, string tax, bool fires)
    {
        static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var rule = category switch { "S" => "BR-S-09", "M" => "BR-AG-09", "Z" => "BR-Z-09", _ => "BR-G-09" };

        var report = Validator.Validate(new EInvoice { VatBreakdown = [Breakdown(category, D(rate), D(taxable), D(tax))] });

        Assert.Equal(fires, report.Fired(rule));
    }

    [Theory]
    [InlineData("S", "BR-S-10", false)]
    [InlineData("Z", "BR-Z-10", false)]
    [InlineData("L", "BR-AF-10", false)]
    [InlineData("M", "BR-AG-10", false)]
    [InlineData("E", "BR-E-10", true)]
    [InlineData("AE", "BR-AE-10", true)]
    [InlineData("K", "BR-IC-10", true)]
    [InlineData("G", "BR-G-10", true)]
    [InlineData("O", "BR-O-10", true)]
    public void ExemptionReason_RequiredOrRefused(string category, string rule, bool required)
    {
        var without = new EInvoice { VatBreakdown = [Breakdown(category, 0m, 0m, 0m)] };
        var withCode = new EInvoice { VatBreakdown = [Breakdown(category, 0m, 0m, 0m) with { ExemptionReasonCode = "VATEX-EU-O" }] };

        Assert.Equal(required, Validator.Validate(without).Fired(rule));
        Assert.Equal(!required, Validator.Validate(withCode).Fired(rule));
    }

    [Fact]
    public void IntraCommunity_NeedsDeliveryDateOrPeriod_AndDeliveryCountry()
    {
        var document = new EInvoice { VatBreakdown = [Breakdown("K", 0m, 0m, 0m, "IC")] };

        var report = Validator.Validate(document);

        Assert.True(report.Fired("BR-IC-11"));
        Assert.True(report.Fired("BR-IC-12"));
        Assert.False(Validator.Validate(document with { InvoicingPeriod = new InvoicingPeriod { EndDate = new NodaTime.LocalDate(2026, 1, 31) } }).Fired("BR-IC-11"));
        Assert.False(Validator.Validate(document with { Delivery = new DeliveryInformation { Address = new EInvoiceAddress { CountryCode = "BE" } } }).Fired("BR-IC-12"));
    }

    [Fact]
    public void NotSubjectToVat_StandsAlone()
    {
        var document = new EInvoice
        {
            Lines = [Line("O", null, 1m), Line("S", 10m, 1m)],
            Allowances = [new DocumentLevelAllowanceCharge { VatCategoryCode = "Z" }],
            Charges = [new DocumentLevelAllowanceCharge { VatCategoryCode = "E" }],
            VatBreakdown = [Breakdown("O", null, 1m, 0m, "Not subject"), Breakdown("S", 10m, 1m, 0.1m)],
        };

        var report = Validator.Validate(document);

        Assert.Equal("BG-23[2]/BT-118", Assert.Single(report.Findings, f => f.RuleId == "BR-O-11").Location.Path);
        Assert.Equal("BG-25[2]/BG-30/BT-151", Assert.Single(report.Findings, f => f.RuleId == "BR-O-12").Location.Path);
        Assert.True(report.Fired("BR-O-13"));
        Assert.True(report.Fired("BR-O-14"));
    }

    [Fact]
    public void SplitPayment_IsDomesticItalian_AndNeverStandardRated()
    {
        var italian = new EInvoice
        {
            Seller = new Seller { Address = new EInvoiceAddress { CountryCode = "IT" } },
            Buyer = new Buyer { Address = new EInvoiceAddress { CountryCode = "IT" } },
            Lines = [Line("B", 22m, 100m)],
        };

        Assert.False(Validator.Validate(italian).Fired("BR-B-01"));
        Assert.False(Validator.Validate(italian).Fired("BR-B-02"));
        Assert.True(Validator.Validate(italian with { Buyer = new Buyer { Address = new EInvoiceAddress { CountryCode = "FR" } } }).Fired("BR-B-01"));
        Assert.True(Validator.Validate(italian with { Lines = [Line("B", 22m, 100m), Line("S", 22m, 1m)] }).Fired("BR-B-02"));
    }

    [Theory]
    // -01: UBL checks both directions for S, CII only that items have a breakdown.
    [InlineData("S-breakdown-only", EInvoiceSyntax.UblInvoice, "BR-S-01", true)]
    [InlineData("S-breakdown-only", EInvoiceSyntax.Cii, "BR-S-01", false)]
    // -01: a Z breakdown alone passes in UBL, fails in CII.
    [InlineData("Z-breakdown-only", EInvoiceSyntax.UblInvoice, "BR-Z-01", false)]
    [InlineData("Z-breakdown-only", EInvoiceSyntax.Cii, "BR-Z-01", true)]
    // BR-O-01 in CII applies only when there is an O breakdown.
    [InlineData("O-line-only", EInvoiceSyntax.UblInvoice, "BR-O-01", true)]
    [InlineData("O-line-only", EInvoiceSyntax.Cii, "BR-O-01", false)]
    // BR-AF-05: zero rate accepted in UBL, not in CII; BR-AF-09 is not checked in CII.
    [InlineData("L-zero-rate", EInvoiceSyntax.UblInvoice, "BR-AF-05", false)]
    [InlineData("L-zero-rate", EInvoiceSyntax.Cii, "BR-AF-05", true)]
    [InlineData("L-wrong-tax", EInvoiceSyntax.UblInvoice, "BR-AF-09", true)]
    [InlineData("L-wrong-tax", EInvoiceSyntax.Cii, "BR-AF-09", false)]
    // BR-O-11 in CII also sees lines of another category.
    [InlineData("O-with-S-line", EInvoiceSyntax.UblInvoice, "BR-O-11", false)]
    [InlineData("O-with-S-line", EInvoiceSyntax.Cii, "BR-O-11", true)]
    public void CiiArtefacts_DifferFromUbl(string scenario, EInvoiceSyntax syntax, string rule, bool fires)
    {
        var document = scenario switch
        {
            "S-breakdown-only" => new EInvoice { VatBreakdown = [Breakdown("S", 10m, 0m, 0m)] },
            "Z-breakdown-only" => new EInvoice { VatBreakdown = [Breakdown("Z", 0m, 0m, 0m)] },
            "O-line-only" => new EInvoice { Lines = [Line("O", null, 1m)] },
            "L-zero-rate" => new EInvoice { Lines = [Line("L", 0m, 1m)] },
            "L-wrong-tax" => new EInvoice { VatBreakdown = [Breakdown("L", 7m, 100m, 9m)] },
            _ => new EInvoice { Lines = [Line("O", null, 1m), Line("S", 10m, 1m)], VatBreakdown = [Breakdown("O", null, 1m, 0m, "Not subject")] },
        };

        Assert.Equal(fires, Validator.Validate(document, syntax).Fired(rule));
    }

    [Fact]
    public void CiiTaxable_RoundsEachSumToTwoDecimals()
    {
        // 0.005 + 0.005 = 0.01 exactly, but CII rounds each part first: round(0.01) = 0.01; lines 0.004 + 0.004 → 0.01 after rounding the sum.
        var document = new EInvoice
        {
            Lines = [Line("S", 10m, 0.004m), Line("S", 10m, 0.004m)],
            VatBreakdown = [Breakdown("S", 10m, 0.01m, 0m)],
        };

        Assert.False(Validator.Validate(document, EInvoiceSyntax.Cii).Fired("BR-S-08"));
        Assert.False(Validator.Validate(document, EInvoiceSyntax.UblInvoice).Fired("BR-S-08"));
        Assert.True(Validator.Validate(document with { VatBreakdown = [Breakdown("S", 10m, 0.008m, 0m)] }, EInvoiceSyntax.Cii).Fired("BR-S-08"));
    }

    [Fact]
    public void Categories_HaveTheOfficialIds_AllFatal()
    {
        var ids = En16931Rules.Categories().Select(r => r.Id).ToList();

        Assert.Equal((9 * 10) + 2 + 4 + 2, ids.Count); // S Z E AE IC G O AF AG, BR-IC-11/12, BR-O-11...14, BR-B-01/02
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(En16931Rules.Categories(), r => Assert.Equal(FindingSeverity.Fatal, r.Severity));
        Assert.Contains("BR-AF-10", ids);
        Assert.Contains("BR-IC-12", ids);
        Assert.Contains("BR-O-14", ids);
    }
}
