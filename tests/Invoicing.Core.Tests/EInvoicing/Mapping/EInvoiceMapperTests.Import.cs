using Invoicing.Core.Documents;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Mapping;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.EInvoicing.Mapping;

public sealed partial class EInvoiceMapperTests
{
    [Fact]
    public async Task FromEInvoice_RoundTrip_IssuesWithTheSameTotals()
    {
        var lines = new[]
        {
            Line("1", 3m, 12.5m) with { AllowanceCharges = [AllowanceCharge.AllowancePercent(10m, "Promotion", "95")], Note = "n" },
            Line("2", 7m, 0.333m, 7m) with { BaseQuantity = 3m, Period = new BillingPeriod(Date(2026, 11, 1), Date(2026, 11, 30)) },
            new InvoiceLine(InvoiceLineId.From("3"), new Item("Course"), Quantity.Of(1m), Eur(100m), TaxTreatment.Exempt("VATEX-EU-132-1I", "Education")),
        };
        var header = BusinessHeader() with { BuyerReference = "REF", OrderReference = "PO", Note = "Thanks", DeliveryDate = Date(2026, 11, 20) };
        var invoice = await IssueAsync(header, lines,
            new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.Allowance(Eur(5m), "Volume", "95"), TaxTreatment.Standard(19m)),
            new DocumentAllowanceCharge(InvoiceLineId.From("c"), AllowanceCharge.Charge(Eur(4.90m), "Freight", "FC"), TaxTreatment.Standard(7m)));
        var (service, _, _) = Service();

        var imported = EInvoiceMapper.FromEInvoice(Mapper.ToEInvoice(invoice), Tenant, service);

        Assert.Equal(3, imported.Changes.Count);
        Assert.Same(imported.Draft, imported.Changes[^1].Invoice);
        Assert.True(imported.Draft.IsDraft);
        Assert.Equal(PaymentTerms.Net(30), imported.Draft.Header.PaymentTerms);
        Assert.Equal("REF", imported.Draft.Header.BuyerReference);
        Assert.Equal("PO", imported.Draft.Header.OrderReference);
        Assert.Equal("Thanks", imported.Draft.Header.Note);
        Assert.Equal(header.Seller, imported.Draft.Header.Seller);
        Assert.Equal(header.Buyer, imported.Draft.Header.Buyer);
        // Line allowances and charges come back as amounts (not percentages); everything else is the line's.
        Assert.Equal(invoice.Lines.Select(l => l with { AllowanceCharges = [] }), imported.Draft.Lines.Select(l => l with { AllowanceCharges = [] }));
        Assert.Equal(invoice.Totals.Lines.Select(l => l.NetAmount), imported.Draft.Totals.Lines.Select(l => l.NetAmount));
        var reissued = (await service.IssueAsync(imported.Draft, Date(2026, 11, 23))).Invoice;
        AssertTotalsEqual(invoice.Totals, Mapper.ToEInvoice(reissued).Totals);
        Assert.Equal(invoice.DueDate, reissued.DueDate);
    }

    [Fact]
    public async Task FromEInvoice_GrossPricedInvoice_ImportsItsNetAmounts()
    {
        var invoice = await IssueAsync(ConsumerHeader() with { Buyer = Documents.DocumentBuilders.Buyer }, [Line("1", 3m, 11.90m), Line("2", 1m, 10.70m, 7m)]);
        var (service, _, _) = Service();

        var draft = EInvoiceMapper.FromEInvoice(Mapper.ToEInvoice(invoice), Tenant, service).Draft;

        Assert.Equal(PricingMode.Net, draft.Header.Pricing);
        Assert.Equal(invoice.Totals.TaxExclusiveTotal, draft.Totals.TaxExclusiveTotal);
        Assert.Equal(invoice.Totals.TaxInclusiveTotal, draft.Totals.TaxInclusiveTotal);
    }

    [Fact]
    public void FromEInvoice_MissingTerms_ListsTheirIds()
    {
        var document = new EInvoice
        {
            Seller = new Seller { Name = "S" },
            Lines = [new EInvoiceLine { Identifier = "1", Quantity = 1m, Vat = new LineVatInformation { CategoryCode = "S" } }],
        };
        var (service, _, _) = Service();

        var e = Assert.Throws<EInvoiceMappingException>(() => EInvoiceMapper.FromEInvoice(document, Tenant, service));

        foreach (var id in new[] { "BT-5", "BT-40", "BT-44", "BT-55", "BT-130", "BT-146", "BT-152", "BT-153" })
        {
            Assert.Contains(e.Problems, p => p.StartsWith(id, StringComparison.Ordinal));
            Assert.Contains(id, e.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(e.Problems, p => p.StartsWith("BT-129", StringComparison.Ordinal));
    }

    [Fact]
    public void FromEInvoice_UnknownCodes_AreNamed()
    {
        var document = new EInvoice
        {
            CurrencyCode = "EUR",
            Seller = new Seller { Name = "S", Address = new EInvoiceAddress { CountryCode = "DE" } },
            Buyer = new Buyer { Name = "B", Address = new EInvoiceAddress { CountryCode = "XX" } },
            Lines =
            [
                new EInvoiceLine
                {
                    Quantity = 1m, UnitCode = "??", Price = new PriceDetails { NetPrice = 1m }, Item = new ItemInformation { Name = "I" },
                    Vat = new LineVatInformation { CategoryCode = "E", Rate = 0m },
                },
            ],
        };
        var (service, _, _) = Service();

        var e = Assert.Throws<EInvoiceMappingException>(() => EInvoiceMapper.FromEInvoice(document, Tenant, service));

        Assert.Contains(e.Problems, p => p.StartsWith("BT-55", StringComparison.Ordinal) && p.Contains("'XX'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("BT-130", StringComparison.Ordinal) && p.Contains("'??'", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("BT-120/BT-121", StringComparison.Ordinal));
    }
}
