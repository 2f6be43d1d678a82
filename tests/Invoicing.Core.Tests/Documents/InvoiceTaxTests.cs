using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using NodaTime;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;
using static Invoicing.Core.Tests.Tax.TaxRuleSamples;

namespace Invoicing.Core.Tests.Documents;

/// <summary>Tax rules applied to invoices, the tax report, and the two rounding levels.</summary>
public sealed class InvoiceTaxTests
{
    private static readonly TaxContext Supply = new(new TaxLocation(CountryCode.De), new TaxLocation(CountryCode.Nl), Date(2026, 11, 23), "standard");

    private static InvoiceLine Classed(string id, decimal quantity, decimal price, string? taxClass)
        => Line(id, quantity, price, 5m) with { Item = new Item($"Item {id}") { TaxClass = taxClass } };

    [Fact]
    public async Task DecideTaxAsync_SetsEachLineFromItsClassAndKeepsTheDecision()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Classed("1", 2m, 50m, "reduced"), Classed("2", 1m, 100m, null), Classed("3", 1m, 30m, "exempt") with { Tax = TaxTreatment.Standard(8m) }]).Invoice;
        draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(InvoiceLineId.From("f"), AllowanceCharge.Charge(Money.Of(10m, Currency.Eur), "Freight"), TaxTreatment.Standard(16m))).Invoice;
        draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(InvoiceLineId.From("d"), AllowanceCharge.Allowance(Money.Of(1m, Currency.Eur), "Discount"), TaxTreatment.Standard(8m))).Invoice;
        draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(InvoiceLineId.From("s"), AllowanceCharge.Charge(Money.Of(5m, Currency.Eur), "Service"), TaxTreatment.Standard(5m))).Invoice;
        var rules = German();

        var change = await service.DecideTaxAsync(draft, rules, Supply);
        var decided = change.Invoice;

        Assert.Equal([7m, 19m, 0m], decided.Lines.Select(l => l.Tax.Rate!.Value));
        Assert.Equal(TaxCategory.Exempt, decided.Lines[2].Tax.Category);
        Assert.Equal("VATEX-EU-132", decided.Lines[2].Tax.ExemptionReasonCode);
        Assert.All(decided.Lines, l => Assert.Equal("German VAT", l.TaxDecision!.Provider));
        Assert.Equal(TaxTreatment.Standard(16m), decided.AllowanceCharges[0].Tax);       // no line was at 16 %: set for itself, it stays
        Assert.Equal(decided.Lines[2].Tax, decided.AllowanceCharges[1].Tax);             // follows line 3, the only one at 8 %
        Assert.Equal(TaxTreatment.Standard(19m), decided.AllowanceCharges[2].Tax);       // lines 1 and 2 were at 5 % and now differ: the main supply's class
        Assert.Equal([0m, 7.00m, 1.60m, 19.95m], decided.Totals.TaxBreakdown.Subtotals.OrderBy(s => s.Treatment.Rate).Select(s => s.TaxAmount.Amount)); // E, 100 × 7 %, 10 × 16 %, (100 + 5) × 19 %
        var @event = Assert.IsType<InvoiceTaxDecided>(change.Event);
        Assert.Equal(3, @event.Decisions.Count);
        Assert.Equal(3, rules.Calls); // "standard" decided once for line 2 and the service charge
        Assert.Equal(5m, draft.Lines[0].Tax.Rate); // the draft is a value: unchanged
    }

    [Fact]
    public async Task DecideTaxAsync_NoRuleForALine_ThrowsNamingTheLineAndChangesNothing()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Classed("1", 1m, 10m, "standard"), Classed("7", 1m, 10m, "books")]).Invoice;

        var exception = await Assert.ThrowsAsync<TaxDecisionException>(async () => await service.DecideTaxAsync(draft, German(), Supply));

        Assert.Contains("line 7", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'books'", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, draft.Version);
        Assert.All(draft.Lines, l => Assert.Null(l.TaxDecision));
    }

    [Fact]
    public async Task DecideTaxAsync_OnAnIssuedInvoice_IsRefused()
    {
        var (service, _, _) = Service();
        var issued = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 10m)]).Invoice)).Invoice;

        await Assert.ThrowsAsync<InvoiceStateException>(async () => await service.DecideTaxAsync(issued, German(), Supply));
    }

    [Fact]
    public void InvoiceLine_HandSetTreatment_DropsTheDecision()
    {
        var line = Line("1", 1m, 10m) with { TaxDecision = Vat(19m) };

        var byHand = line with { Tax = TaxTreatment.Standard(7m) };
        var same = line with { Tax = TaxTreatment.Standard(19m) };

        Assert.Null(byHand.TaxDecision);
        Assert.NotNull(same.TaxDecision);
        Assert.NotEqual(line, line with { TaxDecision = null });
    }

    [Fact]
    public async Task TaxReport_SplitsMultiComponentTaxByJurisdictionAndSumsToBt110()
    {
        var (service, _, _) = Service();
        var la = new TaxDecision(TaxCategory.Standard,
            [new TaxComponent("State sales tax", "US-CA", 6m), new TaxComponent("County sales tax", "US-CA/Los Angeles", 0.25m), new TaxComponent("District tax", "US-CA/LA districts", 3.5m)],
            "TEST-LA");
        var header = new InvoiceHeader(Currency.Usd, new Party("Shop Inc.", new PostalAddress(CountryCode.Us) { CountrySubdivision = "US-CA" }))
        {
            CustomerKind = CustomerKind.Consumer,
        };
        var lines = new[]
        {
            Line("1", 3m, 19.99m, 5m, Currency.Usd) with { TaxDecision = la },
            Line("2", 1m, 5.01m, 5m, Currency.Usd) with { TaxDecision = la },
            Line("3", 2m, 3.50m, 5m, Currency.Usd) with { Tax = TaxTreatment.ZeroRated() },
        };
        var invoice = service.CreateDraft(Tenant, header, lines).Invoice;

        var report = InvoiceTaxReport.For(invoice);

        Assert.Equal(invoice.Totals.TaxTotal, report.TaxAmount);
        Assert.Equal(6.34m, invoice.Totals.TaxTotal.Amount); // (59.97 + 5.01) × 9.75 % = 6.33555 → 6.34, split 6 : 0.25 : 3.5
        Assert.Equal(
            [("US", "VAT", "Z", 7.00m, 0m), ("US-CA", "State sales tax", "S", 64.98m, 3.90m), ("US-CA/LA districts", "District tax", "S", 64.98m, 2.28m), ("US-CA/Los Angeles", "County sales tax", "S", 64.98m, 0.16m)],
            report.Lines.Select(l => (l.Jurisdiction, l.TaxName, l.Category.Code, l.TaxableAmount.Amount, l.TaxAmount.Amount)));
    }

    [Fact]
    public void TaxReport_CompoundTax_IsReportedOnTheBasePlusTheTaxBeforeIt()
    {
        var (service, _, _) = Service();
        var quebec2012 = new TaxDecision(TaxCategory.Standard, [new TaxComponent("GST", "CA", 5m), new TaxComponent("QST", "CA-QC", 9.5m, isCompound: true)], "TEST-QC");
        var header = new InvoiceHeader(Currency.Cad, new Party("Boutique Inc.", new PostalAddress(CountryCode.Ca) { CountrySubdivision = "CA-QC" })) { Buyer = Buyer };

        var invoice = service.CreateDraft(Tenant, header, [Line("1", 1m, 100m, 5m, Currency.Cad) with { TaxDecision = quebec2012 }]).Invoice;
        var report = InvoiceTaxReport.For(invoice);

        Assert.Equal(14.975m, quebec2012.Rate);                // 5 + 9.5 × 1.05
        Assert.Equal(14.98m, invoice.Totals.TaxTotal.Amount);  // 100 × 14.975 % → 14.98
        Assert.Equal([("CA", 100.00m, 5.00m), ("CA-QC", 105.00m, 9.98m)], report.Lines.Select(l => (l.Jurisdiction, l.TaxableAmount.Amount, l.TaxAmount.Amount)));
    }

    [Fact]
    public void TaxReportLine_RefusesBlankNamesAndMixedCurrencies()
    {
        Assert.Throws<ArgumentException>(() => new TaxReportLine(" ", "VAT", TaxCategory.Standard, 19m, Money.Of(1m, Currency.Eur), Money.Of(1m, Currency.Eur)));
        Assert.Throws<CurrencyMismatchException>(() => new TaxReportLine("DE", "VAT", TaxCategory.Standard, 19m, Money.Of(1m, Currency.Eur), Money.Of(1m, Currency.Usd)));
    }

    [Fact]
    public async Task TaxReport_ForPeriod_CountsIssuedInvoicesOfThePeriodPerCurrency()
    {
        var (service, _, _) = Service();
        async Task<Invoice> IssueAsync(Currency currency, LocalDate date, decimal price)
            => (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(currency), [Line("1", 1m, price, 19m, currency)]).Invoice, date)).Invoice;
        var november = await IssueAsync(Currency.Eur, Date(2026, 11, 30), 100m);
        var december = await IssueAsync(Currency.Eur, Date(2026, 12, 1), 50m);
        var paid = service.RecordPayment(await IssueAsync(Currency.Eur, Date(2026, 11, 2), 10m), Money.Of(11.90m, Currency.Eur), Date(2026, 11, 5)).Invoice;
        var dollars = await IssueAsync(Currency.Usd, Date(2026, 11, 15), 20m);
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1000m)]).Invoice;

        var reports = InvoiceTaxReport.ForPeriod([november, december, paid, dollars, draft], new DateInterval(Date(2026, 11, 1), Date(2026, 11, 30)));

        Assert.Equal(["EUR", "USD"], reports.Select(r => r.Currency.Code));
        var euro = Assert.Single(reports[0].Lines);
        Assert.Equal(("DE", 110.00m, 20.90m), (euro.Jurisdiction, euro.TaxableAmount.Amount, euro.TaxAmount.Amount));
        Assert.Equal(3.80m, reports[1].TaxAmount.Amount);
    }

    /// <summary>The documented example (docs/tax.md): three lines of EUR 0.33 at 19 %.</summary>
    [Theory]
    [InlineData(TaxRoundingLevel.PerCategory, 0.19)] // 0.99 × 19 % = 0.1881 → 0.19
    [InlineData(TaxRoundingLevel.PerLine, 0.18)]     // 0.0627 → 0.06, three times
    public void RoundingLevel_PerLineAndPerCategory_DifferByACent(TaxRoundingLevel level, double tax)
    {
        var (service, _, _) = Service();
        var header = BusinessHeader() with { Rounding = new RoundingPolicy(MoneyRounding.HalfUp, level) };

        var totals = service.CreateDraft(Tenant, header, [Line("1", 1m, 0.33m), Line("2", 1m, 0.33m), Line("3", 1m, 0.33m)]).Invoice.Totals;

        Assert.Equal((decimal)tax, totals.TaxTotal.Amount);
        Assert.Equal(0.99m + (decimal)tax, totals.AmountDue.Amount);
    }

    [Fact]
    public void TenantRoundingRule_GoesOnNewHeadersAndStaysWithTheInvoice()
    {
        var perLine = new RoundingPolicy(MoneyRounding.HalfUp, TaxRoundingLevel.PerLine);
        var (service, _, _) = Service(InvoicingPolicy.Default with { Rounding = perLine });
        var invoice = service.CreateDraft(Tenant, service.NewHeader(Currency.Eur, Seller) with { Buyer = Buyer }, [Line("1", 1m, 0.33m), Line("2", 1m, 0.33m), Line("3", 1m, 0.33m)]).Invoice;
        var (later, _, _) = Service(InvoicingPolicy.Default);

        var edited = later.AddLine(invoice, Line("4", 1m, 0.33m)).Invoice;

        Assert.Equal(perLine, invoice.Header.Rounding);
        Assert.Equal(0.18m, invoice.Totals.TaxTotal.Amount);
        Assert.Equal(0.24m, edited.Totals.TaxTotal.Amount); // still per line: 4 × 0.06, not 1.32 × 19 % = 0.25
        Assert.Equal(RoundingPolicy.Default, later.NewHeader(Currency.Eur, Seller).Rounding);
    }

    [Fact]
    public async Task Snapshot_KeepsTheTaxDecisionOfALine()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Classed("1", 2m, 50m, "reduced")]).Invoice;
        var decided = (await service.DecideTaxAsync(draft, new CompositeTaxRuleProvider(German()), Supply)).Invoice;

        var restored = DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(decided));

        Assert.Equal(decided.Lines[0].TaxDecision, restored.Lines[0].TaxDecision);
        Assert.Equal("German VAT", restored.Lines[0].TaxDecision!.Provider);
    }
}
