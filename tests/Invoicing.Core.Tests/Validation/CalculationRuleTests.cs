using Invoicing.Core.EInvoicing;
using NodaTime;
using static Invoicing.Core.Tests.Validation.CoreTestDocuments;

namespace Invoicing.Core.Tests.Validation;

public sealed class CalculationRuleTests
{
    private static EInvoice WithTotals(Func<DocumentTotals, DocumentTotals> change) => Valid() with { Totals = change(Valid().Totals!) };

    [Fact]
    public void BRCO10_SumsExactly_AsDecimals()
    {
        // cii/examples/CII-BR-CO-10-RoundingIssue.xml: binary floating point gets 720.81 + 0.01 - 720.81 - 0.01 wrong.
        var document = Valid() with
        {
            Lines = [Line("1", 720.81m), Line("2", 0.01m), Line("3", -720.81m), Line("4", -0.01m)],
            Totals = new DocumentTotals { SumOfLineNetAmounts = 0.00m },
        };

        Assert.Empty(Findings(document, "BR-CO-10"));
        var finding = Assert.Single(Findings(document with { Totals = new DocumentTotals { SumOfLineNetAmounts = 0.01m } }, "BR-CO-10"));
        Assert.Equal("Sum of line net amounts (BT-106) is 0.01, but the lines (BT-131) sum to 0.00.", finding.Message);
        Assert.Equal(("BT-106", "BG-22/BT-106"), (finding.Location.Term, finding.Location.Path));
    }

    [Fact]
    public void BRCO10_NeedsTheTotals_ToJudge()
        => Assert.Empty(Findings(Valid() with { Totals = null }, "BR-CO-10"));

    [Fact]
    public void BRCO11_AbsentSumWithoutAllowances_IsFine_ButNotWithThem()
    {
        Assert.Empty(Findings(Valid() with { Allowances = [], Totals = Valid().Totals! with { SumOfAllowances = null } }, "BR-CO-11"));
        Assert.Empty(Findings(Valid() with { Allowances = [], Totals = Valid().Totals! with { SumOfAllowances = 0.00m } }, "BR-CO-11"));
        Assert.Single(Findings(Valid() with { Allowances = [], Totals = Valid().Totals! with { SumOfAllowances = 1m } }, "BR-CO-11"));
        Assert.Single(Findings(WithTotals(t => t with { SumOfAllowances = null }), "BR-CO-11"));
        Assert.Single(Findings(WithTotals(t => t with { SumOfCharges = 5.01m }), "BR-CO-12"));
    }

    [Theory]
    [InlineData(1000, null, null, 1000, false)]
    [InlineData(1000, 100, 100, 1000, false)]
    [InlineData(-100, null, 100, 0, false)]
    [InlineData(1000, 0, 0, 1001, true)]
    [InlineData(-1000, 100, null, -1000, true)]
    public void BRCO13_AbsentSums_CountAsZero(int lineNet, int? allowances, int? charges, int withoutVat, bool fires)
    {
        var document = new EInvoice { Totals = new DocumentTotals { SumOfLineNetAmounts = lineNet, SumOfAllowances = allowances, SumOfCharges = charges, TotalWithoutVat = withoutVat } };

        Assert.Equal(fires, Findings(document, "BR-CO-13").Count == 1);
    }

    [Fact]
    public void BRCO14_CiiMayOmitTheTotalVat_UblMayNot()
    {
        var document = WithTotals(t => t with { TotalVat = null });

        Assert.Single(Findings(document, "BR-CO-14", EInvoiceSyntax.UblInvoice));
        Assert.Empty(Findings(document, "BR-CO-14", EInvoiceSyntax.Cii));
        Assert.Single(Findings(WithTotals(t => t with { TotalVat = 1m }), "BR-CO-14", EInvoiceSyntax.Cii));
    }

    [Fact]
    public void BRCO15_AnAbsentTotalVat_FailsInUbl_AndCountsAsZeroInCii()
    {
        var noVat = new EInvoice { CurrencyCode = "DKK", Totals = new DocumentTotals { TotalWithoutVat = 4000.00m, TotalWithVat = 4000.00m } };

        Assert.Single(Findings(noVat, "BR-CO-15", EInvoiceSyntax.UblInvoice));
        Assert.Empty(Findings(noVat, "BR-CO-15", EInvoiceSyntax.Cii));
        Assert.Single(Findings(noVat with { Totals = noVat.Totals! with { TotalWithVat = 4675.00m } }, "BR-CO-15", EInvoiceSyntax.Cii));
        Assert.Empty(Findings(noVat with { Totals = noVat.Totals! with { TotalVat = 0m, TotalWithVat = 4000.0m } }, "BR-CO-15", EInvoiceSyntax.UblInvoice));
        Assert.Single(Findings(WithTotals(t => t with { TotalWithVat = 1019.77m }), "BR-CO-15"));
    }

    [Theory]
    [InlineData("1200", null, null, "1200.00", false)]
    [InlineData("1200", "0", null, "1200.0", false)]
    [InlineData("1200.78", "1000.0", "0.22", "201", false)]
    [InlineData("1200.22", null, "-0.22", "1200.0", false)]
    [InlineData("1200.00", "100", null, "1200.00", true)]
    [InlineData("1200.00", null, null, "1100.00", true)]
    public void BRCO16_AbsentPaidAndRounding_CountAsZero(string withVat, string? paid, string? rounding, string due, bool fires)
    {
        static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var document = new EInvoice { Totals = new DocumentTotals { TotalWithVat = D(withVat), PaidAmount = D(paid), RoundingAmount = D(rounding), AmountDueForPayment = D(due) } };

        Assert.Equal(fires, Findings(document, "BR-CO-16").Count == 1);
    }

    [Theory]
    [InlineData("-72.50", "19", "-13.78", false, false)]
    [InlineData("-72.50", "19", "-12.78", false, true)] // off by exactly 1.00: CII accepts, UBL refuses
    [InlineData("-72.50", "19", "-14.78", false, true)]
    [InlineData("-72.50", "19", "-12.77", true, true)]
    [InlineData("1000", "25", "251", false, true)]
    [InlineData("1000", "25", "251.01", true, true)]
    [InlineData("1000", "25", "250.99", false, false)]
    [InlineData("2141.19", "2.1", "44.96", false, false)]
    [InlineData("2141.05", null, "0", false, false)]
    [InlineData("2141.05", null, "0.01", true, true)]
    [InlineData("-25.00", "0", "0.00", false, false)]
    public void BRCO17_Tolerance_IsBelowOneInUbl_AndUpToOneInCii(string taxable, string? rate, string tax, bool firesInCii, bool firesInUbl)
    {
        static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var document = new EInvoice { VatBreakdown = [new VatBreakdown { CategoryCode = "S", TaxableAmount = D(taxable), Rate = D(rate), TaxAmount = D(tax) }] };

        Assert.Equal(firesInCii, Findings(document, "BR-CO-17", EInvoiceSyntax.Cii).Count == 1);
        Assert.Equal(firesInUbl, Findings(document, "BR-CO-17", EInvoiceSyntax.UblInvoice).Count == 1);
        Assert.Equal(firesInUbl, Findings(document, "BR-CO-17").Count == 1);
    }

    [Theory]
    [InlineData("IT123456789", false)]
    [InlineData("EL987654321", false)]
    [InlineData("XI123456789", false)]
    [InlineData("NL-967611265", false)]
    [InlineData("A123456789", true)]
    [InlineData("987654321", true)]
    [InlineData("UK123456789", true)]
    [InlineData("de123456789", true)]
    public void BRCO09_VatIdentifiers_StartWithACountry(string vat, bool fires)
    {
        var document = Valid() with { SellerTaxRepresentative = new SellerTaxRepresentative { Name = "Rep", VatIdentifier = vat } };

        var findings = Findings(document, "BR-CO-09");

        Assert.Equal(fires, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal("BG-11/BT-63", f.Location.Path));
    }

    [Fact]
    public void BRCO03_AVatPointDateAndItsCode_AreExclusive()
    {
        Assert.Single(Findings(Valid() with { VatPointDate = new LocalDate(2026, 1, 1), VatPointDateCode = "3" }, "BR-CO-03"));
        Assert.Empty(Findings(Valid() with { VatPointDateCode = "3" }, "BR-CO-03"));
    }

    [Fact]
    public void BRCO26_OneSellerIdentifier_IsEnough()
    {
        var anonymous = Valid().Seller! with { VatIdentifier = null };

        Assert.Equal("BG-4", Assert.Single(Findings(Valid() with { Seller = anonymous }, "BR-CO-26")).Location.Path);
        Assert.Empty(Findings(Valid() with { Seller = anonymous with { Identifiers = [new SchemeIdentifier("123")] } }, "BR-CO-26"));
        Assert.Empty(Findings(Valid() with { Seller = anonymous with { LegalRegistrationIdentifier = new SchemeIdentifier("556677-8899") } }, "BR-CO-26"));
        Assert.Empty(Findings(new EInvoice(), "BR-CO-26"));
    }

    [Fact]
    public void Sums_ThatOverflow_AreReported_NotThrown()
    {
        var document = Valid() with { Lines = [Line("1", decimal.MaxValue), Line("2", decimal.MaxValue)] };

        var finding = Assert.Single(Findings(document, "BR-CO-10"));
        Assert.Contains("too large", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BRCO15_TwoTotalVatAmountsInTheInvoiceCurrency_AreRefused()
    {
        var document = new EInvoice { CurrencyCode = "EUR", Totals = new DocumentTotals { TotalWithoutVat = 5000.00m, TotalVat = 700.00m, TotalVatInAccountingCurrency = 715m, TotalWithVat = 5700.00m } };

        Assert.Contains("twice", Assert.Single(Findings(document, "BR-CO-15")).Message, StringComparison.Ordinal);
        Assert.Empty(Findings(document with { VatAccountingCurrencyCode = "NOK" }, "BR-CO-15"));
    }
}
