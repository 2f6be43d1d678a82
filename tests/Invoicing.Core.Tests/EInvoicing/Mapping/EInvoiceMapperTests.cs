using Invoicing.Core.Documents;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Mapping;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using Invoicing.Core.Tests.Documents;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.EInvoicing.Mapping;

public sealed partial class EInvoiceMapperTests
{
    private static readonly EInvoiceMapper Mapper = EInvoiceMapper.Default;

    internal static async Task<Invoice> IssueAsync(InvoiceHeader header, IEnumerable<InvoiceLine> lines, params DocumentAllowanceCharge[] allowanceCharges)
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, header, lines).Invoice;
        foreach (var ac in allowanceCharges)
        {
            draft = service.AddAllowanceCharge(draft, ac).Invoice;
        }

        return (await service.IssueAsync(draft, Date(2026, 11, 23))).Invoice;
    }

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.Eur);

    private static void AssertTotalsEqual(InvoiceTotals expected, DocumentTotals? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.LineNetTotal.Amount, actual.SumOfLineNetAmounts);
        Assert.Equal(expected.AllowanceTotal.Amount, actual.SumOfAllowances ?? 0m);
        Assert.Equal(expected.ChargeTotal.Amount, actual.SumOfCharges ?? 0m);
        Assert.Equal(expected.TaxExclusiveTotal.Amount, actual.TotalWithoutVat);
        Assert.Equal(expected.TaxTotal.Amount, actual.TotalVat);
        Assert.Equal(expected.TaxInclusiveTotal.Amount, actual.TotalWithVat);
        Assert.Equal(expected.PrepaidAmount.Amount, actual.PaidAmount ?? 0m);
        Assert.Equal(expected.RoundingAmount.Amount, actual.RoundingAmount ?? 0m);
        Assert.Equal(expected.AmountDue.Amount, actual.AmountDueForPayment);
    }

    [Fact]
    public async Task ToEInvoice_NetInvoice_HasTheDocumentsTerms()
    {
        var seller = DocumentBuilders.Seller with
        {
            TradingName = "ACME",
            LegalRegistration = new PartyIdentifier("HRB 12345", "0204"),
            TaxRegistrations = [new PartyIdentifier("12/345/67890")],
            ElectronicAddress = new ElectronicAddress("EM", "billing@acme.example"),
            Contact = new Contact { Name = "Billing", Phone = "+49 30 1234", Email = "billing@acme.example" },
        };
        var header = BusinessHeader() with
        {
            Seller = seller,
            BuyerReference = "PO-REF-7",
            OrderReference = "ORDER-1",
            ContractReference = "CONTRACT-9",
            Note = "Thank you",
            DeliveryDate = Date(2026, 11, 20),
            Period = new BillingPeriod(Date(2026, 11, 1), Date(2026, 11, 30)),
        };
        var line = Line("1", 3m, 12.5m) with
        {
            Item = new Item("Widget") { Description = "A blue widget", SellerItemId = "W-1", BuyerItemId = "B-1", Gtin = Gtin.From("4006381333931") },
            Quantity = new Quantity(3m, UnitCode.Piece),
            AllowanceCharges = [AllowanceCharge.AllowancePercent(10m, "Promotion", "95"), AllowanceCharge.Charge(Eur(1.00m), "Packing", "ABL")],
            OrderLineReference = "10",
            Note = "Line note",
            Period = new BillingPeriod(Date(2026, 11, 1), Date(2026, 11, 15)),
        };
        var exempt = new InvoiceLine(InvoiceLineId.From("2"), new Item("Course"), Quantity.Of(1m), Eur(100m), TaxTreatment.Exempt("VATEX-EU-132-1I", "Education"))
        {
            BaseQuantity = 2m,
        };
        var invoice = await IssueAsync(header, [line, exempt]);

        var e = Mapper.ToEInvoice(invoice);

        Assert.Equal(invoice.Number!.Value.Value, e.Number);
        Assert.Equal(Date(2026, 11, 23), e.IssueDate);
        Assert.Equal("380", e.TypeCode);
        Assert.Equal("EUR", e.CurrencyCode);
        Assert.Equal(Date(2026, 12, 23), e.PaymentDueDate);
        Assert.Equal("Net 30 days", e.PaymentTerms);
        Assert.Equal("PO-REF-7", e.BuyerReference);
        Assert.Equal("ORDER-1", e.PurchaseOrderReference);
        Assert.Equal("CONTRACT-9", e.ContractReference);
        Assert.Equal("Thank you", Assert.Single(e.Notes).Text);
        Assert.Equal(EInvoiceMapper.En16931SpecificationIdentifier, e.ProcessControl?.SpecificationIdentifier);
        Assert.Equal("urn:cen.eu:en16931:2017", e.ProcessControl?.SpecificationIdentifier);
        Assert.Empty(e.PrecedingInvoiceReferences);
        Assert.Equal(Date(2026, 11, 20), e.Delivery?.ActualDeliveryDate);
        Assert.Equal(new InvoicingPeriod { StartDate = Date(2026, 11, 1), EndDate = Date(2026, 11, 30) }, e.InvoicingPeriod);

        var s = e.Seller!;
        Assert.Equal("ACME Retail GmbH", s.Name);
        Assert.Equal("ACME", s.TradingName);
        Assert.Equal(new SchemeIdentifier("HRB 12345", "0204"), s.LegalRegistrationIdentifier);
        Assert.Equal("DE123456789", s.VatIdentifier);
        Assert.Equal("12/345/67890", s.TaxRegistrationIdentifier);
        Assert.Equal(new SchemeIdentifier("billing@acme.example", "EM"), s.ElectronicAddress);
        Assert.Equal(new EInvoiceAddress { Line1 = "Hauptstraße 1", City = "Berlin", PostCode = "10115", CountryCode = "DE" }, s.Address);
        Assert.Equal(new EInvoiceContact { Point = "Billing", TelephoneNumber = "+49 30 1234", EmailAddress = "billing@acme.example" }, s.Contact);
        Assert.Equal("Buyer BV", e.Buyer?.Name);
        Assert.Equal("NL123456789B01", e.Buyer?.VatIdentifier);
        Assert.Equal("NL", e.Buyer?.Address?.CountryCode);

        Assert.Equal(2, e.Lines.Count);
        var l = e.Lines[0];
        Assert.Equal("1", l.Identifier);
        Assert.Equal("Line note", l.Note);
        Assert.Equal(3m, l.Quantity);
        Assert.Equal("H87", l.UnitCode);
        Assert.Equal("10", l.PurchaseOrderLineReference);
        Assert.Equal(new InvoicingPeriod { StartDate = Date(2026, 11, 1), EndDate = Date(2026, 11, 15) }, l.Period);
        Assert.Equal(12.5m, l.Price?.NetPrice);
        Assert.Null(l.Price?.BaseQuantity);
        var allowance = Assert.Single(l.Allowances);
        Assert.Equal(new LineAllowanceCharge { Amount = 3.75m, BaseAmount = 37.50m, Percentage = 10m, Reason = "Promotion", ReasonCode = "95" }, allowance);
        Assert.Equal(new LineAllowanceCharge { Amount = 1.00m, Reason = "Packing", ReasonCode = "ABL" }, Assert.Single(l.Charges));
        Assert.Equal(34.75m, l.NetAmount);
        Assert.Equal(new LineVatInformation { CategoryCode = "S", Rate = 19m }, l.Vat);
        Assert.Equal("Widget", l.Item?.Name);
        Assert.Equal("A blue widget", l.Item?.Description);
        Assert.Equal("W-1", l.Item?.SellersIdentifier);
        Assert.Equal("B-1", l.Item?.BuyersIdentifier);
        Assert.Equal(new SchemeIdentifier("4006381333931", "0160"), l.Item?.StandardIdentifier);

        var course = e.Lines[1];
        Assert.Equal(100m, course.Price?.NetPrice);
        Assert.Equal(2m, course.Price?.BaseQuantity);
        Assert.Equal("C62", course.Price?.BaseQuantityUnitCode);
        Assert.Equal(50m, course.NetAmount);
        Assert.Equal(new LineVatInformation { CategoryCode = "E", Rate = 0m }, course.Vat);

        Assert.Equal(2, e.VatBreakdown.Count);
        var standard = e.VatBreakdown.Single(b => b.CategoryCode == "S");
        Assert.Equal(34.75m, standard.TaxableAmount);
        Assert.Equal(6.60m, standard.TaxAmount);
        Assert.Equal(19m, standard.Rate);
        var exemptBreakdown = e.VatBreakdown.Single(b => b.CategoryCode == "E");
        Assert.Equal("VATEX-EU-132-1I", exemptBreakdown.ExemptionReasonCode);
        Assert.Equal("Education", exemptBreakdown.ExemptionReasonText);
        AssertTotalsEqual(invoice.Totals, e.Totals);
        Assert.Equal(84.75m, e.Totals?.TotalWithoutVat);
        Assert.Null(e.Totals?.SumOfAllowances);
    }

    [Fact]
    public async Task ToEInvoice_DocumentAllowancesAndCharges_CarryVatAndTotals()
    {
        var lines = new[] { Line("1", 2m, 50m), Line("2", 1m, 20m, 7m) };
        var invoice = await IssueAsync(BusinessHeader(), lines,
            new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.AllowancePercent(5m, "Volume discount", "95"), TaxTreatment.Standard(19m)),
            new DocumentAllowanceCharge(InvoiceLineId.From("c"), AllowanceCharge.Charge(Eur(4.90m), "Freight", "FC"), TaxTreatment.Standard(7m)));

        var e = Mapper.ToEInvoice(invoice);

        Assert.Equal(
            new DocumentLevelAllowanceCharge { Amount = 5.00m, BaseAmount = 100.00m, Percentage = 5m, VatCategoryCode = "S", VatRate = 19m, Reason = "Volume discount", ReasonCode = "95" },
            Assert.Single(e.Allowances));
        Assert.Equal(
            new DocumentLevelAllowanceCharge { Amount = 4.90m, VatCategoryCode = "S", VatRate = 7m, Reason = "Freight", ReasonCode = "FC" },
            Assert.Single(e.Charges));
        AssertTotalsEqual(invoice.Totals, e.Totals);
        Assert.Equal(5.00m, e.Totals?.SumOfAllowances);
        Assert.Equal(4.90m, e.Totals?.SumOfCharges);
        Assert.Equal(119.90m, e.Totals?.TotalWithoutVat);
        Assert.Equal(95.00m, e.VatBreakdown.Single(b => b.Rate == 19m).TaxableAmount);
        Assert.Equal(24.90m, e.VatBreakdown.Single(b => b.Rate == 7m).TaxableAmount);
    }

    [Fact]
    public async Task ToEInvoice_GrossPricedInvoice_IsNetBasedAndKeepsTheInvoiceTotals()
    {
        var header = ConsumerHeader();
        var lines = new[]
        {
            Line("1", 3m, 9.99m),
            Line("2", 1m, 11.90m) with { AllowanceCharges = [AllowanceCharge.Allowance(Eur(1.19m), "Coupon")] },
            Line("3", 2m, 1.07m, 7m),
        };
        var invoice = await IssueAsync(header, lines,
            new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.Allowance(Eur(2.38m), "Loyalty"), TaxTreatment.Standard(19m)));

        var e = Mapper.ToEInvoice(invoice);

        AssertTotalsEqual(invoice.Totals, e.Totals);
        Assert.Equal(invoice.Totals.TaxInclusiveTotal.Amount, e.Totals?.TotalWithVat);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = e.Lines[i];
            Assert.Equal(invoice.Totals.Lines[i].NetAmount.Amount, line.NetAmount);
            var price = line.Price!;
            var computed = (line.Quantity!.Value * price.NetPrice!.Value / (price.BaseQuantity ?? 1m))
                - line.Allowances.Sum(a => a.Amount!.Value) + line.Charges.Sum(c => c.Amount!.Value);
            Assert.Equal(line.NetAmount, computed);
        }

        // 11.90 gross at 19 % is 10.00 net; the 1.19 coupon is 1.00 net; the price is the net before the coupon.
        Assert.Equal(new LineAllowanceCharge { Amount = 1.00m, Reason = "Coupon" }, Assert.Single(e.Lines[1].Allowances));
        Assert.Equal(2.00m, Assert.Single(e.Allowances).Amount);
        Assert.Null(e.Allowances[0].Percentage);
        Assert.Equal(invoice.Totals.LineNetTotal.Amount, e.Lines.Sum(l => l.NetAmount!.Value));
        Assert.Equal(e.Totals?.TotalWithoutVat, e.VatBreakdown.Sum(b => b.TaxableAmount!.Value));
        Assert.Equal(e.Totals?.TotalVat, e.VatBreakdown.Sum(b => b.TaxAmount!.Value));
    }

    [Fact]
    public async Task ToEInvoice_ThreeDecimalCurrency_KeepsTheAmountsUnrounded()
    {
        var bhd = Currency.Bhd;
        var invoice = await IssueAsync(BusinessHeader(bhd), [Line("1", 1m, 1.234m, 10m, bhd), Line("2", 2m, 0.505m, 10m, bhd)]);

        var e = Mapper.ToEInvoice(invoice);

        Assert.Equal("BHD", e.CurrencyCode);
        Assert.Equal(1.234m, e.Lines[0].NetAmount);
        Assert.Equal(1.010m, e.Lines[1].NetAmount);
        Assert.Equal(2.244m, e.Totals?.SumOfLineNetAmounts);
        Assert.Equal(0.224m, e.Totals?.TotalVat);
        Assert.Equal(2.468m, e.Totals?.AmountDueForPayment);
        AssertTotalsEqual(invoice.Totals, e.Totals);
    }

    [Fact]
    public async Task ToEInvoice_PrepaidInvoice_MapsPaidAmount()
    {
        var invoice = await IssueAsync(BusinessHeader() with { PrepaidAmount = Eur(50m) }, [Line("1", 1m, 100m)]);

        var e = Mapper.ToEInvoice(invoice);

        Assert.Equal(50m, e.Totals?.PaidAmount);
        Assert.Equal(69.00m, e.Totals?.AmountDueForPayment);
        AssertTotalsEqual(invoice.Totals, e.Totals);
    }

    [Fact]
    public void ToEInvoice_Draft_Throws()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 10m)]).Invoice;

        var e = Assert.Throws<InvoiceStateException>(() => Mapper.ToEInvoice(draft));

        Assert.Contains("BT-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToEInvoice_DebitNote_Is383WithThePrecedingInvoice()
    {
        var (service, _, _) = Service();
        var original = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 100m)]).Invoice, Date(2026, 11, 2))).Invoice;
        var debit = service.CreateDebitNote(original, [Line("1", 1m, 15m)]).Invoice;
        var issued = (await service.IssueAsync(debit, Date(2026, 11, 23))).Invoice;

        var e = Mapper.ToEInvoice(issued);

        Assert.Equal("383", e.TypeCode);
        var reference = Assert.Single(e.PrecedingInvoiceReferences);
        Assert.Equal(original.Number!.Value.Value, reference.Reference);
        Assert.Equal(Date(2026, 11, 2), reference.IssueDate);
        AssertTotalsEqual(issued.Totals, e.Totals);
    }

    [Fact]
    public async Task ToEInvoice_CreditNote_Is381WithThePrecedingInvoiceAndItsLines()
    {
        var (service, clock, numbers) = Service();
        var notes = new CreditNoteService(clock, numbers);
        var lines = new[] { Line("1", 3m, 10m) with { Quantity = new Quantity(3m, UnitCode.Hour) }, Line("2", 1m, 50m, 7m) };
        var original = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader() with { BuyerReference = "REF" }, lines).Invoice, Date(2026, 11, 2))).Invoice;
        var returned = (await notes.IssueAsync(original, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;
        var note = (await notes.IssueAsync(original, [returned], CreditNoteRequest.ForLines("Returned",
            LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m), LineCredit.OfQuantity(InvoiceLineId.From("2"), 1m)))).CreditNote;
        var corrected = (await notes.IssueAsync(original, [], CreditNoteRequest.ForLines("Overcharged", LineCredit.OfAmount(InvoiceLineId.From("1"), Eur(1.01m))))).CreditNote;

        var e = Mapper.ToEInvoice(note, original);
        var correction = Assert.Single(Mapper.ToEInvoice(corrected, original).Lines);

        Assert.Equal("381", e.TypeCode);
        Assert.Equal(note.Number.Value, e.Number);
        Assert.Equal(note.IssueDate, e.IssueDate);
        var reference = Assert.Single(e.PrecedingInvoiceReferences);
        Assert.Equal(original.Number!.Value.Value, reference.Reference);
        Assert.Equal(original.IssueDate, reference.IssueDate);
        Assert.Equal("Returned", Assert.Single(e.Notes).Text);
        Assert.Equal("REF", e.BuyerReference);
        Assert.Equal("ACME Retail GmbH", e.Seller?.Name);
        Assert.Equal("Buyer BV", e.Buyer?.Name);
        Assert.Equal(2, e.Lines.Count);
        Assert.Equal(1m, e.Lines[0].Quantity);
        Assert.Equal("HUR", e.Lines[0].UnitCode);
        Assert.Equal(10m, e.Lines[0].NetAmount);
        Assert.Equal(10m, e.Lines[0].Price?.NetPrice);
        Assert.Equal(1m, e.Lines[1].Quantity);
        Assert.Equal("C62", e.Lines[1].UnitCode);
        Assert.Equal(50m, e.Lines[1].Price?.NetPrice);
        Assert.Equal(1m, correction.Quantity);
        Assert.Equal("C62", correction.UnitCode);
        Assert.Equal(1.01m, correction.NetAmount);
        Assert.Equal(1.01m, correction.Price?.NetPrice);
        Assert.Equal(new LineVatInformation { CategoryCode = "S", Rate = 7m }, e.Lines[1].Vat);
        Assert.Equal(note.NetTotal.Amount, e.Totals?.SumOfLineNetAmounts);
        Assert.Equal(note.NetTotal.Amount, e.Totals?.TotalWithoutVat);
        Assert.Equal(note.TaxTotal.Amount, e.Totals?.TotalVat);
        Assert.Equal(note.Total.Amount, e.Totals?.TotalWithVat);
        Assert.Equal(note.AmountDue.Amount, e.Totals?.AmountDueForPayment);
        Assert.Equal(note.NetTotal.Amount, e.VatBreakdown.Sum(b => b.TaxableAmount!.Value));
        Assert.Equal(note.TaxTotal.Amount, e.VatBreakdown.Sum(b => b.TaxAmount!.Value));
    }

    [Fact]
    public async Task ToEInvoice_CreditNoteWithAnotherInvoice_Throws()
    {
        var (service, clock, numbers) = Service();
        var notes = new CreditNoteService(clock, numbers);
        var original = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 10m)]).Invoice)).Invoice;
        var other = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 10m)]).Invoice)).Invoice;
        var note = (await notes.IssueAsync(original, [], CreditNoteRequest.FullCancellation("Twice"))).CreditNote;

        var e = Assert.Throws<ArgumentException>(() => Mapper.ToEInvoice(note, other));

        Assert.Equal("original", e.ParamName);
    }

    [Fact]
    public async Task ToEInvoice_CancellationOfADocumentAllowance_CreditsItWithANegativeQuantity()
    {
        var (service, clock, numbers) = Service();
        var notes = new CreditNoteService(clock, numbers);
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 2m, 50m)]).Invoice;
        draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.Allowance(Eur(10m), "Loyalty"), TaxTreatment.Standard(19m))).Invoice;
        var original = (await service.IssueAsync(draft)).Invoice;
        var note = (await notes.IssueAsync(original, [], CreditNoteRequest.FullCancellation("Wrong customer"))).CreditNote;

        var e = Mapper.ToEInvoice(note, original);

        var credited = Assert.Single(e.Lines, l => l.NetAmount < 0m);
        Assert.Equal(-10m, credited.NetAmount);
        Assert.True(credited.Quantity < 0m && credited.Price!.NetPrice >= 0m, $"quantity {credited.Quantity}, price {credited.Price?.NetPrice}");
        Assert.All(e.Lines, l => Assert.Equal(l.NetAmount, l.Quantity!.Value * l.Price!.NetPrice!.Value / (l.Price.BaseQuantity ?? 1m)));
    }

    [Fact]
    public async Task ToEInvoice_InexactUnitPrice_StatesTheAmountForTheWholeQuantity()
    {
        var (service, clock, numbers) = Service();
        var notes = new CreditNoteService(clock, numbers);
        var original = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 3m, 10m)]).Invoice)).Invoice;
        var note = (await notes.IssueAsync(original, [], CreditNoteRequest.ForDiscount("Goodwill", Eur(10.00m)))).CreditNote;

        var line = Assert.Single(Mapper.ToEInvoice(note, original).Lines);

        var quantity = line.Quantity!.Value;
        var price = line.Price!;
        Assert.Equal(line.NetAmount, quantity * price.NetPrice!.Value / (price.BaseQuantity ?? 1m));
    }

    [Fact]
    public void SpecificationIdentifier_CanNameACius()
    {
        var mapper = new EInvoiceMapper { SpecificationIdentifier = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", BusinessProcessType = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0" };

        Assert.Equal("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", mapper.BusinessProcessType);
        Assert.Throws<ArgumentException>(() => new EInvoiceMapper { SpecificationIdentifier = " " });
    }
}
