using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Persistence;
using NodaTime.Testing;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

public sealed class DisputeTests
{
    private static async Task<(InvoiceService Invoices, CreditNoteService Notes, Invoice Invoice)> IssuedAsync()
    {
        var clock = new FakeClock(Now);
        var numbers = new InMemoryInvoiceNumberSequence();
        var invoices = new InvoiceService(clock, numbers);
        var invoice = (await invoices.IssueAsync(invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 3m, 20m), Line("2", 1m, 40m)]).Invoice)).Invoice;
        return (invoices, new CreditNoteService(clock, numbers), invoice);
    }

    [Fact]
    public async Task Dispute_AcceptedByACreditNote_IsResolvedAndTheHistoryStays()
    {
        var (invoices, notes, invoice) = await IssuedAsync();

        var disputed = invoices.OpenDispute(invoice, "Only two of three delivered", [InvoiceLineId.From("1")], Money.Of(23.80m, Currency.Eur)).Invoice;
        var note = (await notes.IssueAsync(disputed, [], CreditNoteRequest.ForLines("Short delivery", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)))).CreditNote;
        var credited = invoices.ApplyCredit(disputed, note).Invoice;
        var resolved = invoices.AcceptDispute(credited, 1, note);

        Assert.True(disputed.IsDisputed);
        Assert.False(resolved.Invoice.IsDisputed);
        var dispute = Assert.Single(resolved.Invoice.Disputes);
        Assert.Equal((DisputeStatus.Accepted, note.Id, Now.InUtc().Date), (dispute.Status, dispute.CreditNoteId, dispute.ResolvedOn));
        Assert.Contains(note.Number.Value, dispute.Resolution, StringComparison.Ordinal);
        Assert.Equal(119.00m - 23.80m, resolved.Invoice.OpenAmount.Amount);
        Assert.IsType<InvoiceDisputeResolved>(resolved.Event);
        Assert.Equal(dispute, DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(resolved.Invoice)).Disputes.Single());
    }

    [Fact]
    public async Task Dispute_Rejected_KeepsTheReasonAndAnotherCanFollow()
    {
        var (invoices, _, invoice) = await IssuedAsync();

        var first = invoices.OpenDispute(invoice, "Price too high").Invoice;
        var rejected = invoices.RejectDispute(first, 1, "Price as agreed in order PO-17").Invoice;
        var second = invoices.OpenDispute(rejected, "Damaged box", [InvoiceLineId.From("2")]).Invoice;

        Assert.Equal([(1, DisputeStatus.Rejected), (2, DisputeStatus.Open)], second.Disputes.Select(d => (d.Number, d.Status)));
        Assert.Equal("Price as agreed in order PO-17", second.Disputes[0].Resolution);
        Assert.True(second.IsDisputed);
        Assert.Throws<ArgumentException>(() => invoices.RejectDispute(second, 1, "again"));
        var restored = DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(second));
        Assert.Equal(second.Disputes, restored.Disputes);
    }

    [Fact]
    public async Task Cancellation_ResolvesOpenDisputes()
    {
        var (invoices, notes, invoice) = await IssuedAsync();
        var disputed = invoices.OpenDispute(invoice, "Never ordered").Invoice;
        var note = (await notes.IssueAsync(disputed, [], CreditNoteRequest.FullCancellation("Never ordered"))).CreditNote;

        var cancelled = invoices.ApplyCredit(disputed, note).Invoice;

        Assert.False(cancelled.IsDisputed);
        Assert.Equal((DisputeStatus.Accepted, note.Id), (cancelled.Disputes[0].Status, cancelled.Disputes[0].CreditNoteId));
        Assert.Equal(cancelled.Disputes, DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(cancelled)).Disputes);
    }

    [Fact]
    public async Task Dispute_BadInput_IsRefusedNamingIt()
    {
        var (invoices, _, invoice) = await IssuedAsync();
        var draft = invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)]).Invoice;

        Assert.Throws<InvoiceStateException>(() => invoices.OpenDispute(draft, "no"));
        Assert.Contains("'9'", Assert.Throws<ArgumentException>(() => invoices.OpenDispute(invoice, "?", [InvoiceLineId.From("9")])).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => invoices.OpenDispute(invoice, "?", amount: Money.Of(500m, Currency.Eur)));
        Assert.Throws<ArgumentOutOfRangeException>(() => invoices.OpenDispute(invoice, "?", amount: Money.Of(10.005m, Currency.Eur)));
        Assert.Throws<ArgumentException>(() => invoices.OpenDispute(invoice, " "));
        var raised = invoices.OpenDispute(invoice, "Late", date: Date(2026, 11, 20)).Invoice;
        Assert.Throws<ArgumentOutOfRangeException>(() => invoices.RejectDispute(raised, 1, "On time", Date(2026, 11, 19)));
    }
}
