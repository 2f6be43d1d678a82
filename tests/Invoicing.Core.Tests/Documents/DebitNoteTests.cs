using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

public sealed class DebitNoteTests
{
    private static async Task<(InvoiceService Service, Invoice Invoice)> IssuedInvoiceAsync()
    {
        var (service, _, _) = Service();
        var invoice = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 2m, 50m)]).Invoice, Date(2026, 11, 2))).Invoice;
        return (service, invoice);
    }

    private static InvoiceLine Surcharge() => new(InvoiceLineId.From("S1"), new Item("Late delivery surcharge"), Quantity.Of(1m), Money.Of(25m, Currency.Eur), TaxTreatment.Standard(19m));

    [Fact]
    public async Task DebitNote_RefersToTheInvoiceHasItsOwnSeriesAndIsAReceivable()
    {
        var (service, invoice) = await IssuedInvoiceAsync();

        var draft = service.CreateDebitNote(invoice, [Surcharge()]).Invoice;
        var issued = (await service.IssueAsync(draft)).Invoice;
        var paid = service.RecordPayment(issued, Money.Of(29.75m, Currency.Eur), Date(2026, 12, 1)).Invoice;

        Assert.Equal((InvoiceType.DebitNote, 383), (issued.Type, issued.TypeCode));
        Assert.Equal(InvoiceReference.To(invoice), issued.Preceding);
        Assert.Equal("DN-2026-000001", issued.Number?.Value);
        Assert.Equal(Date(2026, 12, 23), issued.DueDate); // its own terms: net 30 from its own issue date
        Assert.Equal(29.75m, issued.Totals.AmountDue.Amount);
        Assert.Equal(invoice.Header.Rounding, issued.Header.Rounding);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal((InvoiceType.Invoice, 380, null), (invoice.Type, invoice.TypeCode, invoice.Preceding));
    }

    [Fact]
    public async Task DebitNote_OfADraftOrOfADebitNote_IsRefused()
    {
        var (service, invoice) = await IssuedInvoiceAsync();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)]).Invoice;
        var debit = (await service.IssueAsync(service.CreateDebitNote(invoice, [Surcharge()]).Invoice)).Invoice;

        Assert.Throws<InvoiceStateException>(() => service.CreateDebitNote(draft, [Surcharge()]));
        Assert.Throws<InvoiceStateException>(() => service.CreateDebitNote(service.WriteOff(invoice, "insolvent").Invoice, [Surcharge()]));
        var note = service.CreateDebitNote(invoice, [Surcharge()]).Invoice;
        Assert.Throws<ArgumentException>(() => service.ChangeHeader(note, note.Header with { Rounding = new RoundingPolicy(MoneyRounding.HalfUp, TaxRoundingLevel.PerLine) }));
        Assert.Equal("PO-9", service.ChangeHeader(note, note.Header with { OrderReference = "PO-9" }).Invoice.Header.OrderReference);
        var nested = Assert.Throws<InvoiceStateException>(() => service.CreateDebitNote(debit, [Surcharge()]));
        Assert.Contains(invoice.Number!.Value.Value, nested.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DebitNote_IssuedBeforeItsInvoice_IsAValidationProblem()
    {
        var (service, invoice) = await IssuedInvoiceAsync();
        var draft = service.CreateDebitNote(invoice, [Surcharge()]).Invoice;

        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(async () => await service.IssueAsync(draft, Date(2026, 11, 1)));

        Assert.Equal("issue date (BT-2)", Assert.Single(exception.Problems).Field);
    }

    [Fact]
    public async Task DebitNote_Snapshot_KeepsTypeAndReference()
    {
        var (service, invoice) = await IssuedInvoiceAsync();
        var issued = (await service.IssueAsync(service.CreateDebitNote(invoice, [Surcharge()]).Invoice)).Invoice;

        var json = DocumentSnapshots.ToJson(issued);
        var restored = DocumentSnapshots.InvoiceFromJson(json);

        Assert.Equal((issued.Type, issued.Preceding), (restored.Type, restored.Preceding));
        Assert.Contains("\"type\":\"debitNote\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\"", DocumentSnapshots.ToJson(invoice), StringComparison.Ordinal);
        var self = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        self["preceding"]!["id"] = issued.Id.Value;
        Assert.Contains("$.preceding", Assert.Throws<System.Text.Json.JsonException>(() => DocumentSnapshots.InvoiceFromJson(self.ToJsonString())).Message, StringComparison.Ordinal);
        var orphan = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        orphan.Remove("preceding");
        Assert.Contains("$.preceding", Assert.Throws<System.Text.Json.JsonException>(() => DocumentSnapshots.InvoiceFromJson(orphan.ToJsonString())).Message, StringComparison.Ordinal);
    }
}
