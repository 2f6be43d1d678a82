using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using NodaTime.Testing;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

public sealed partial class CreditNoteTests
{
    private static (InvoiceService Invoices, CreditNoteService Notes) Services()
    {
        var clock = new FakeClock(Now);
        var numbers = new InMemoryInvoiceNumberSequence();
        return (new InvoiceService(clock, numbers), new CreditNoteService(clock, numbers));
    }

    private static async Task<Invoice> IssuedAsync(InvoiceService service, InvoiceHeader header, params InvoiceLine[] lines)
        => (await service.IssueAsync(service.CreateDraft(Tenant, header, lines).Invoice)).Invoice;

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.Eur);

    [Fact]
    public async Task FullCancellation_CreditsEverythingAndCancelsTheInvoice()
    {
        var (invoices, notes) = Services();
        var draft = invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 3m, 33.33m), Line("2", 2m, 12.5m, 7m)]).Invoice;
        draft = invoices.AddAllowanceCharge(draft, new DocumentAllowanceCharge(InvoiceLineId.From("d"), AllowanceCharge.Allowance(Eur(5m), "Loyalty"), TaxTreatment.Standard(19m))).Invoice;
        var invoice = (await invoices.IssueAsync(draft)).Invoice;

        var change = await notes.IssueAsync(invoice, [], CreditNoteRequest.FullCancellation("Ordered twice"));
        var note = change.CreditNote;
        var cancelled = invoices.ApplyCredit(invoice, note).Invoice;

        Assert.Equal("CN-2026-000001", note.Number.Value);
        Assert.Equal(InvoiceReference.To(invoice), note.Original);
        Assert.Equal(invoice.Totals.TaxExclusiveTotal, note.NetTotal);
        Assert.Equal(invoice.Totals.TaxTotal, note.TaxTotal);
        Assert.Equal(invoice.Totals.TaxInclusiveTotal, note.Total);
        Assert.Equal(
            invoice.Totals.TaxBreakdown.Subtotals.OrderBy(s => s.Treatment.Rate).Select(s => (s.TaxableAmount, s.TaxAmount)),
            note.Subtotals.OrderBy(s => s.Treatment.Rate).Select(s => (s.TaxableAmount, s.TaxAmount)));
        Assert.Equal(-5m, note.Lines.Single(l => l.OriginalLineId == InvoiceLineId.From("d")).NetAmount.Amount); // the allowance is credited back
        Assert.Equal((InvoiceStatus.Cancelled, 0m), (cancelled.Status, cancelled.OpenAmount.Amount));
        var again = await Assert.ThrowsAsync<CreditExceedsRemainingException>(async () => await notes.IssueAsync(invoice, [note], CreditNoteRequest.FullCancellation("again")));
        Assert.Contains("nothing", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartialByQuantity_TakesItsShareAndTheLastNoteTakesExactlyTheRest()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 3m, 10.01m), Line("2", 1m, 0.05m));

        var first = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;
        var second = (await notes.IssueAsync(invoice, [first], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;
        var rest = (await notes.IssueAsync(invoice, [first, second], CreditNoteRequest.FullCancellation("The rest"))).CreditNote;

        Assert.Equal((10.01m, 1.90m), (first.NetTotal.Amount, first.TaxTotal.Amount)); // 10.01 × 19 % = 1.9019
        Assert.Equal((10.01m, 1.90m), (second.NetTotal.Amount, second.TaxTotal.Amount));
        Assert.Equal(invoice.Totals.TaxTotal.Amount - 3.80m, rest.TaxTotal.Amount);       // 30.08 × 19 % = 5.72 in all: 1.92 left
        Assert.Equal(invoice.Totals.TaxInclusiveTotal, first.Total + second.Total + rest.Total);
        Assert.True(CreditableBalance.Of(invoice, [first, second, rest]).IsExhausted);
        Assert.Equal("CN-2026-000003", rest.Number.Value);
    }

    [Fact]
    public async Task MoreThanRemains_IsRejectedNamingTheLineTheRequestAndTheRest()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 3m, 10m), Line("2", 1m, 50m));
        var first = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 2m)))).CreditNote;

        var quantity = await Assert.ThrowsAsync<CreditExceedsRemainingException>(async () =>
            await notes.IssueAsync(invoice, [first], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 2m))));
        var amount = await Assert.ThrowsAsync<CreditExceedsRemainingException>(async () =>
            await notes.IssueAsync(invoice, [first], CreditNoteRequest.ForLines("Overcharged", LineCredit.OfAmount(InvoiceLineId.From("2"), Eur(50.01m)))));
        var discount = await Assert.ThrowsAsync<CreditExceedsRemainingException>(async () =>
            await notes.IssueAsync(invoice, [first], CreditNoteRequest.ForDiscount("Goodwill", Eur(71.41m))));
        var unknown = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await notes.IssueAsync(invoice, [first], CreditNoteRequest.ForLines("?", LineCredit.OfQuantity(InvoiceLineId.From("9"), 1m))));

        Assert.Equal((InvoiceLineId.From("1"), "quantity 2", "quantity 1"), (quantity.LineId, quantity.Requested, quantity.Remaining));
        Assert.Contains("line 2: EUR 50.01 requested, but only EUR 50.00 remains", amount.Message, StringComparison.Ordinal);
        Assert.Equal(("EUR 71.41", "EUR 71.40"), (discount.Requested, discount.Remaining)); // 10 + 50 net, 19 % tax
        Assert.Contains("'9'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discount_IsSplitAcrossCategoriesByWhatRemainsAndTaxIsTakenOutOfEachPart()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 1m, 100m), Line("2", 1m, 100m, 7m)); // 119.00 + 107.00

        var note = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForDiscount("2 % early payment", Eur(4.52m)))).CreditNote;

        // 4.52 split 119 : 107 → 2.38 and 2.14; tax 2.38 × 19/119 = 0.38, 2.14 × 7/107 = 0.14
        Assert.Equal([(100m - 98m, 0.38m), (2.00m, 0.14m)], note.Subtotals.Select(s => (s.TaxableAmount.Amount, s.TaxAmount.Amount)));
        Assert.Equal(Eur(4.52m), note.Total);
        Assert.Equal(CreditNoteKind.Discount, note.Kind);
    }

    [Fact]
    public async Task GrossPricedReceipt_CreditsShelfPricesAndExtractsTheTax()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, ConsumerHeader(), Line("1", 3m, 2.99m, 7m), Line("2", 1m, 4.99m));

        var note = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Returned at the till", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;
        var line = Assert.Single(note.Lines);

        Assert.Equal((2.99m, 2.79m, 0.20m), (line.Amount.Amount, line.NetAmount.Amount, line.TaxAmount.Amount)); // 2.99 × 7/107 = 0.1956
        Assert.Equal(Eur(2.99m), note.Total);
        Assert.Equal(invoice.Lines[0].Tax, line.Tax);
    }

    [Fact]
    public async Task CreditOnAPaidInvoice_BecomesCustomerCredit()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 1m, 100m));
        var partly = invoices.RecordPayment(invoice, Eur(100m), Date(2026, 11, 30)).Invoice; // 19.00 open

        var note = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Overcharged", LineCredit.OfAmount(InvoiceLineId.From("1"), Eur(20m))))).CreditNote;
        var change = invoices.ApplyCredit(partly, note, Date(2026, 12, 2));

        var applied = Assert.IsType<InvoiceCreditApplied>(change.Event).Credit;
        Assert.Equal((23.80m, 19.00m, 4.80m), (note.Total.Amount, applied.Applied.Amount, applied.Unapplied.Amount));
        Assert.Equal((InvoiceStatus.Paid, 0m), (change.Invoice.Status, change.Invoice.OpenAmount.Amount));
        Assert.Throws<ArgumentException>(() => invoices.ApplyCredit(change.Invoice, note));
        var restored = DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(change.Invoice));
        Assert.Equal(change.Invoice.Credits, restored.Credits);
    }

    [Fact]
    public async Task CreditAndRebill_CancelsTheOriginalAndPrefillsALinkedDraftWithTheChange()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 2m, 50m), Line("2", 1m, 10m));
        var partly = invoices.RecordPayment(invoice, Eur(50m), Date(2026, 11, 30)).Invoice;

        var correction = await notes.CreditAndRebillAsync(invoices, partly, [], "Wrong price on line 2",
            (header, lines) => (header with { BuyerReference = "PO-77" }, [lines[0], lines[1] with { UnitPrice = Eur(8m) }]));

        Assert.Equal(InvoiceStatus.Cancelled, correction.Cancelled.Invoice.Status);
        Assert.Equal(invoice.Totals.TaxInclusiveTotal, correction.Credit.CreditNote.Total);
        Assert.Equal(50m, Assert.IsType<InvoiceCreditApplied>(correction.Cancelled.Event).Credit.Unapplied.Amount); // paid, so customer credit
        var rebill = correction.Rebill.Invoice;
        Assert.True(rebill.IsDraft);
        Assert.Equal(InvoiceReference.To(invoice), rebill.Preceding);
        Assert.Equal(("PO-77", 108.00m), (rebill.Header.BuyerReference, rebill.Totals.TaxExclusiveTotal.Amount)); // 2 × 50 + 8
        var issued = (await invoices.IssueAsync(rebill)).Invoice;
        Assert.Equal("INV-2026-000002", issued.Number?.Value);
    }

    [Fact]
    public async Task LineCredits_TakeTheirCategorysAllowanceWithThem()
    {
        var (invoices, notes) = Services();
        var draft = invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 100m)]).Invoice;
        draft = invoices.AddAllowanceCharge(draft, new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.Allowance(Eur(10m), "Loyalty"), TaxTreatment.Standard(19m))).Invoice;
        var invoice = (await invoices.IssueAsync(draft)).Invoice; // 90.00 + 17.10 = 107.10

        var note = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;

        Assert.Equal((90.00m, 17.10m, 107.10m), (note.NetTotal.Amount, note.TaxTotal.Amount, note.Total.Amount));
        Assert.True(CreditableBalance.Of(invoice, [note]).IsExhausted);
    }

    [Fact]
    public async Task Discount_TakesItsShareOfTheAllowanceSoTheLineShowsWhatIsLeftOfIt()
    {
        var (invoices, notes) = Services();
        var draft = invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 100m)]).Invoice;
        draft = invoices.AddAllowanceCharge(draft, new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.Allowance(Eur(10m), "Loyalty"), TaxTreatment.Standard(19m))).Invoice;
        var invoice = (await invoices.IssueAsync(draft)).Invoice; // 90.00 + 17.10 = 107.10

        var discount = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForDiscount("Goodwill", Eur(53.55m)))).CreditNote; // half: 45.00 + 8.55
        var left = CreditableBalance.Of(invoice, [discount]).Items;
        var rest = (await notes.IssueAsync(invoice, [discount], CreditNoteRequest.ForLines("Price cut", LineCredit.OfAmount(InvoiceLineId.From("1"), left[0].Amount)))).CreditNote;

        Assert.Equal((50.00m, -5.00m), (left[0].Amount.Amount, left[1].Amount.Amount)); // half of the line, half of the allowance
        Assert.Equal((45.00m, 8.55m), (rest.NetTotal.Amount, rest.TaxTotal.Amount));
        Assert.True(CreditableBalance.Of(invoice, [discount, rest]).IsExhausted);
    }

    [Fact]
    public async Task ReturnAfterAPriceReduction_CreditsWhatWasLeftOfTheLine()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 3m, 10m));
        var cut = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Price cut", LineCredit.OfAmount(InvoiceLineId.From("1"), Eur(15m))))).CreditNote;

        var returned = (await notes.IssueAsync(invoice, [cut], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;

        Assert.Equal(5.00m, returned.NetTotal.Amount); // a third of the 15.00 left, not the original 10.00
    }

    [Fact]
    public async Task CreditAndRebill_OfAPartlyCreditedInvoice_NeedsTheCorrectedLines()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 3m, 10m));
        var returned = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 2m)))).CreditNote;

        var refused = await Assert.ThrowsAsync<ArgumentException>(async () => await notes.CreditAndRebillAsync(invoices, invoice, [returned], "Address"));
        var corrected = await notes.CreditAndRebillAsync(invoices, invoice, [returned], "Address", (header, lines) => (header, [lines[0] with { Quantity = Quantity.Of(1m) }]));

        Assert.Contains(returned.Number.Value, refused.Message, StringComparison.Ordinal);
        Assert.Equal(10m, corrected.Credit.CreditNote.NetTotal.Amount); // the one unit left
        Assert.Equal(10m, corrected.Rebill.Invoice.Totals.TaxExclusiveTotal.Amount);
    }

    [Fact]
    public async Task Snapshot_ACreditAppliedTwice_IsRefused()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 3m, 10m));
        var note = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;
        var json = System.Text.Json.Nodes.JsonNode.Parse(DocumentSnapshots.ToJson(invoices.ApplyCredit(invoice, note).Invoice))!;
        json["credits"]!.AsArray().Add(json["credits"]![0]!.DeepClone());

        var exception = Assert.Throws<System.Text.Json.JsonException>(() => DocumentSnapshots.InvoiceFromJson(json.ToJsonString()));

        Assert.Contains("$.credits[1].creditNoteId", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CashRoundedReceipt_TheExhaustingNoteCarriesItsRounding()
    {
        var (invoices, notes) = Services();
        var header = ConsumerHeader() with
        {
            Currency = Currency.Chf,
            Rounding = new RoundingPolicy(MoneyRounding.HalfUp, payable: MoneyRounding.ToIncrement(0.05m)),
        };
        var invoice = await IssuedAsync(invoices, header, Line("1", 1m, 8.10m, 8.1m, Currency.Chf), Line("2", 1m, 4.22m, 8.1m, Currency.Chf)); // 12.32 → 12.30
        var paid = invoices.RecordPayment(invoice, Money.Of(12.30m, Currency.Chf), Date(2026, 11, 23)).Invoice;

        var first = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;
        var rest = (await notes.IssueAsync(invoice, [first], CreditNoteRequest.FullCancellation("Returned"))).CreditNote;

        Assert.Equal((8.10m, 0m), (first.AmountDue.Amount, first.RoundingAmount.Amount));
        Assert.Equal((4.22m, -0.02m, 4.20m), (rest.Total.Amount, rest.RoundingAmount.Amount, rest.AmountDue.Amount));
        Assert.Equal(invoice.Totals.AmountDue, first.AmountDue + rest.AmountDue); // what the customer paid, to the centime
        var credited = invoices.ApplyCredit(invoices.ApplyCredit(paid, first).Invoice, rest).Invoice;
        Assert.Equal(12.30m, credited.Credits.Sum(c => c.Unapplied.Amount)); // all of it back as customer credit, not a centime more
        Assert.Equal(rest.AmountDue, DocumentSnapshots.CreditNoteFromJson(DocumentSnapshots.ToJson(rest)).AmountDue);
    }

    [Fact]
    public async Task AnAppliedNoteMissingFromEarlier_IsRefusedSoNothingIsCreditedTwice()
    {
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), Line("1", 1m, 100m));
        var full = (await notes.IssueAsync(invoice, [], CreditNoteRequest.ForLines("Overcharged", LineCredit.OfAmount(InvoiceLineId.From("1"), Eur(100m))))).CreditNote;
        var applied = invoices.ApplyCredit(invoice, full).Invoice;

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await notes.IssueAsync(applied, [], CreditNoteRequest.FullCancellation("again")));

        Assert.Contains(full.Number.Value, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreditNote_OnADraft_IsRefused()
    {
        var (invoices, notes) = Services();
        var draft = invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)]).Invoice;

        await Assert.ThrowsAsync<InvoiceStateException>(async () => await notes.IssueAsync(draft, [], CreditNoteRequest.FullCancellation("no")));
    }

    /// <summary>The official EN 16931 credit note example: its invoice rebuilt, fully credited, gives the stated totals.</summary>
    [Fact]
    public async Task En16931CreditNoteExample_RebuiltThroughTheApi_GivesItsTotals()
    {
        XNamespace cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
        XNamespace cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "TestData", "en16931", "ubl", "examples", "ubl-tc434-creditnote1.xml"), settings);
        var root = XDocument.Load(reader).Root!;
        decimal Number(XElement parent, string name) => decimal.Parse(parent.Element(cbc + name)!.Value, CultureInfo.InvariantCulture);
        var credited = root.Element(cac + "CreditNoteLine")!;
        var reason = root.Descendants(cbc + "TaxExemptionReason").First().Value;
        var line = new InvoiceLine(InvoiceLineId.From(credited.Element(cbc + "ID")!.Value), new Item(credited.Element(cac + "Item")!.Element(cbc + "Name")!.Value),
            Quantity.Of(Number(credited, "CreditedQuantity")), Eur(Number(credited.Element(cac + "Price")!, "PriceAmount")), TaxTreatment.Exempt(null, reason));
        var (invoices, notes) = Services();
        var invoice = await IssuedAsync(invoices, BusinessHeader(), line);

        var note = (await notes.IssueAsync(invoice, [], CreditNoteRequest.FullCancellation("Credit"))).CreditNote;

        var totals = root.Element(cac + "LegalMonetaryTotal")!;
        Assert.Equal(Number(totals, "LineExtensionAmount"), note.NetTotal.Amount);
        Assert.Equal(Number(totals, "TaxExclusiveAmount"), note.NetTotal.Amount);
        Assert.Equal(Number(totals, "TaxInclusiveAmount"), note.Total.Amount);
        Assert.Equal(Number(totals, "PayableAmount"), note.Total.Amount);
        Assert.Equal(Number(root.Element(cac + "TaxTotal")!, "TaxAmount"), note.TaxTotal.Amount);
        Assert.Equal(("E", Number(credited, "CreditedQuantity")), (note.Subtotals.Single().Treatment.Category.Code, note.Lines.Single().Quantity!.Value));
    }
}
