using Invoicing.Core.EInvoicing;
using Invoicing.Core.Validation;
using NodaTime;
using static Invoicing.Core.Tests.Validation.CoreTestDocuments;

namespace Invoicing.Core.Tests.Validation;

public sealed class CoreRuleTests
{
    [Fact]
    public void ACompleteDocument_BreaksNoCoreRule()
        => Assert.Empty(FiredCoreRules(Valid()));

    [Fact]
    public void TheValidator_HasEveryCoreRuleOfTheStandard_AndNoRetiredOne()
    {
        var ids = EInvoiceValidator.En16931.Rules.Select(r => r.Id).Where(IsCoreFamily).ToHashSet();

        var expected = Enumerable.Range(1, 65).Except([34, 35, 39, 40, 58, 59, 60]).Select(n => $"BR-{n:00}")
            .Concat(Enumerable.Range(3, 24).Except([25]).Select(n => $"BR-CO-{n:00}"))
            .Concat(new[] { 1, 2, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 23, 24, 25, 27, 28 }.Select(n => $"BR-DEC-{n:00}"));
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.All(EInvoiceValidator.En16931.Rules.Where(r => IsCoreFamily(r.Id)), r =>
            Assert.Equal(r.Id == "BR-51" ? FindingSeverity.Warning : FindingSeverity.Fatal, r.Severity));
    }

    [Fact]
    public void AnEmptyDocument_MissesTheMandatoryTerms_WithoutThrowing()
    {
        var fired = FiredCoreRules(new EInvoice());

        Assert.Equal(["BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-10", "BR-12", "BR-13", "BR-14", "BR-15", "BR-16", "BR-CO-18"], fired);
    }

    [Fact]
    public void BR08_AnEmptyAddress_IsAnAddress_ButBR09_WantsItsCountry()
    {
        var document = Valid() with { Seller = Valid().Seller! with { Address = new EInvoiceAddress() } };

        Assert.Empty(Findings(document, "BR-08"));
        var finding = Assert.Single(Findings(document, "BR-09"));
        Assert.Equal(("BT-40", "BG-4/BG-5/BT-40"), (finding.Location.Term, finding.Location.Path));
    }

    [Fact]
    public void BR21_ToBR26_ReportEachLineWithItsIndex()
    {
        var document = Valid() with { Lines = [Line("1", 1m), new EInvoiceLine()] };

        Assert.Equal("BG-25[2]/BT-126", Assert.Single(Findings(document, "BR-21")).Location.Path);
        Assert.Equal("BG-25[2]/BG-31/BT-153", Assert.Single(Findings(document, "BR-25")).Location.Path);
        Assert.Equal("BG-25[2]/BG-29/BT-146", Assert.Single(Findings(document, "BR-26")).Location.Path);
        Assert.Equal("BG-25[2]/BG-30/BT-151", Assert.Single(Findings(document, "BR-CO-04")).Location.Path);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(100, false)]
    [InlineData(-1, true)]
    public void BR27_ANegativeNetPrice_IsRefused(int price, bool fires)
    {
        var document = Valid() with { Lines = [Valid().Lines[0] with { Price = new PriceDetails { NetPrice = price } }] };

        Assert.Equal(fires, Findings(document, "BR-27").Count == 1);
    }

    [Fact]
    public void BR29_AnEndBeforeTheStart_IsRefused_ButOneDateAlone_IsNot()
    {
        var start = new LocalDate(2026, 3, 1);
        Assert.Single(Findings(Valid() with { InvoicingPeriod = new InvoicingPeriod { StartDate = start, EndDate = start.PlusDays(-1) } }, "BR-29"));
        Assert.Empty(Findings(Valid() with { InvoicingPeriod = new InvoicingPeriod { StartDate = start, EndDate = start } }, "BR-29"));
        Assert.Empty(Findings(Valid() with { InvoicingPeriod = new InvoicingPeriod { EndDate = start } }, "BR-29"));
        var finding = Assert.Single(Findings(Valid() with { InvoicingPeriod = new InvoicingPeriod() }, "BR-CO-19"));
        Assert.Equal("BG-14", finding.Location.Path);
        Assert.Empty(Findings(Valid() with { InvoicingPeriod = new InvoicingPeriod(), VatPointDateCode = "3" }, "BR-CO-19"));
    }

    [Fact]
    public void BR48_OnlyCategoryO_MayOmitTheRate()
    {
        Assert.Single(Findings(Valid() with { VatBreakdown = [new VatBreakdown { CategoryCode = "E", TaxableAmount = 1m, TaxAmount = 0m }] }, "BR-48"));
        Assert.Empty(Findings(Valid() with { VatBreakdown = [new VatBreakdown { CategoryCode = "O", TaxableAmount = 1m, TaxAmount = 0m }] }, "BR-48"));
    }

    [Fact]
    public void BR50_AndBR61_WantTheAccountOfACreditTransfer()
    {
        var noAccount = Valid() with { PaymentInstructions = new PaymentInstructions { PaymentMeansTypeCode = "58", CreditTransfers = [new CreditTransfer()] } };
        var noTransfer = Valid() with { PaymentInstructions = new PaymentInstructions { PaymentMeansTypeCode = "30" } };
        var card = Valid() with { PaymentInstructions = new PaymentInstructions { PaymentMeansTypeCode = "48" } };

        Assert.Equal("BG-16/BG-17[1]/BT-84", Assert.Single(Findings(noAccount, "BR-50")).Location.Path);
        Assert.Single(Findings(noAccount, "BR-61"));
        Assert.Empty(Findings(noTransfer, "BR-50"));
        Assert.Contains("'30'", Assert.Single(Findings(noTransfer, "BR-61")).Message, StringComparison.Ordinal);
        Assert.Empty(Findings(card, "BR-61"));
    }

    [Theory]
    [InlineData("123456", false)]
    [InlineData("1234XXXXXXXX5678", false)]
    [InlineData("12345678901", true)]
    public void BR51_AFullCardNumber_IsAWarning(string number, bool fires)
    {
        var document = Valid() with { PaymentInstructions = new PaymentInstructions { PaymentMeansTypeCode = "48", PaymentCard = new PaymentCard { PrimaryAccountNumber = number } } };

        var findings = Findings(document, "BR-51");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal(FindingSeverity.Warning, f.Severity));
    }

    [Fact]
    public void BR53_AnAccountingCurrency_NeedsItsVatTotal()
    {
        var finding = Assert.Single(Findings(Valid() with { VatAccountingCurrencyCode = "SEK" }, "BR-53"));

        Assert.Contains("'SEK'", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Findings(Valid() with { VatAccountingCurrencyCode = "SEK", Totals = Valid().Totals! with { TotalVatInAccountingCurrency = 2300.12m } }, "BR-53"));
        Assert.Empty(Findings(Valid() with { VatAccountingCurrencyCode = "EUR" }, "BR-53"));
    }

    [Fact]
    public void BR62_To_BR65_WantSchemes()
    {
        var item = new ItemInformation
        {
            Name = "x",
            StandardIdentifier = new SchemeIdentifier("7300010000001"),
            ClassificationIdentifiers = [new SchemeIdentifier("1", "STI"), new SchemeIdentifier("2")],
        };
        var document = Valid() with
        {
            Seller = Valid().Seller! with { ElectronicAddress = new SchemeIdentifier("x@example.com") },
            Lines = [Valid().Lines[0] with { Item = item }],
        };

        Assert.Equal("BG-4/BT-34-1", Assert.Single(Findings(document, "BR-62")).Location.Path);
        Assert.Empty(Findings(document, "BR-63"));
        Assert.Equal("BG-25[1]/BG-31/BT-157-1", Assert.Single(Findings(document, "BR-64")).Location.Path);
        Assert.Equal("BG-25[1]/BG-31/BT-158-1[2]", Assert.Single(Findings(document, "BR-65")).Location.Path);
    }

    [Fact]
    public void GroupRules_FireOnlyWhenTheGroupIsThere()
    {
        var document = Valid() with
        {
            Payee = new Payee(),
            SellerTaxRepresentative = new SellerTaxRepresentative(),
            Delivery = new DeliveryInformation { Address = new EInvoiceAddress() },
            PrecedingInvoiceReferences = [new PrecedingInvoiceReference()],
            SupportingDocuments = [new SupportingDocument { Description = "x" }],
            Allowances = [new DocumentLevelAllowanceCharge()],
        };

        var fired = FiredCoreRules(document);

        Assert.Superset(new HashSet<string> { "BR-17", "BR-18", "BR-19", "BR-31", "BR-32", "BR-33", "BR-52", "BR-55", "BR-56", "BR-57", "BR-CO-21" }, fired.ToHashSet());
        Assert.DoesNotContain("BR-20", fired);
        Assert.DoesNotContain("BR-31", FiredCoreRules(Valid() with { Allowances = [] }));
    }
}
