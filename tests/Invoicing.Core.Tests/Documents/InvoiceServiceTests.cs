using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

public sealed class InvoiceServiceTests
{
    [Fact]
    public void CreateDraft_StartsAtVersionOneWithAnEvent()
    {
        var (service, _, _) = Service();

        var change = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 2m, 10m)]);

        Assert.Equal(InvoiceStatus.Draft, change.Invoice.Status);
        Assert.Equal(1, change.Invoice.Version);
        Assert.Null(change.Invoice.Number);
        Assert.Equal(Money.Of(23.80m, Currency.Eur), change.Invoice.Totals.AmountDue);
        var drafted = Assert.IsType<InvoiceDrafted>(change.Event);
        Assert.Equal((change.Invoice.Id, Tenant, 1, Now), (drafted.InvoiceId, drafted.TenantId, drafted.Version, drafted.OccurredAt));
    }

    [Fact]
    public void EditingCommands_ReturnTheNextVersionAndLeaveTheOldOneAsItWas()
    {
        var (service, _, _) = Service();
        var v1 = service.CreateDraft(Tenant, BusinessHeader()).Invoice;

        var v2 = service.AddLine(v1, Line("1", 1m, 100m));
        var v3 = service.AddLine(v2.Invoice, Line("2", 3m, 10m, 7m));
        var v4 = service.ReplaceLine(v3.Invoice, Line("1", 2m, 100m));
        var v5 = service.RemoveLine(v4.Invoice, InvoiceLineId.From("2"));
        var v6 = service.ChangeHeader(v5.Invoice, v5.Invoice.Header with { BuyerReference = "PO-7" });

        Assert.Empty(v1.Lines);
        Assert.Equal([2, 3, 4, 5, 6], new[] { v2, v3, v4, v5, v6 }.Select(c => c.Invoice.Version));
        Assert.IsType<InvoiceLineAdded>(v2.Event);
        Assert.IsType<InvoiceLineReplaced>(v4.Event);
        Assert.Equal(InvoiceLineId.From("2"), Assert.IsType<InvoiceLineRemoved>(v5.Event).LineId);
        Assert.IsType<InvoiceHeaderChanged>(v6.Event);
        Assert.Equal(Money.Of(200m, Currency.Eur), v6.Invoice.Totals.LineNetTotal);
        Assert.Equal("PO-7", v6.Invoice.Header.BuyerReference);
    }

    [Fact]
    public void AddLine_DuplicateId_IsRejectedNamingIt()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)]).Invoice;

        var exception = Assert.Throws<ArgumentException>(() => service.AddLine(draft, Line("1", 2m, 2m)));

        Assert.Contains("'1'", exception.Message, StringComparison.Ordinal);
        Assert.Single(draft.Lines);
    }

    [Fact]
    public void AddLine_OtherCurrency_IsRejectedNamingTheField()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader()).Invoice;

        var exception = Assert.Throws<CurrencyMismatchException>(() => service.AddLine(draft, Line("7", 1m, 1m, currency: Currency.Usd)));

        Assert.Contains("line 7 unit price (BT-146)", exception.Message, StringComparison.Ordinal);
        Assert.Equal("line 7 unit price (BT-146)", exception.Field);
    }

    [Fact]
    public void NegativeQuantity_IsOnlyAReturnOnAConsumerInvoiceWhenThePolicyAllowsIt()
    {
        var (strict, _, _) = Service();
        var (lenient, _, _) = Service(InvoicingPolicy.Default with { AllowRetailReturns = true });
        var returned = Line("2", -1m, 2.99m);

        var business = Assert.Throws<ArgumentException>(() => strict.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 5m), returned]));
        var consumerStrict = Assert.Throws<ArgumentException>(() => strict.CreateDraft(Tenant, ConsumerHeader(), [Line("1", 1m, 5m), returned]));
        var receipt = lenient.CreateDraft(Tenant, ConsumerHeader(), [Line("1", 1m, 5m), returned]).Invoice;

        Assert.Contains("business invoice", business.Message, StringComparison.Ordinal);
        Assert.Contains("AllowRetailReturns", consumerStrict.Message, StringComparison.Ordinal);
        Assert.Equal(Money.Of(2.01m, Currency.Eur), receipt.Totals.AmountDue);
    }

    [Fact]
    public async Task IssueAsync_NumbersDatesAndFreezesTheInvoice()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 2m, 10m)]).Invoice;

        var change = await service.IssueAsync(draft);
        var issued = change.Invoice;

        Assert.Equal(InvoiceStatus.Issued, issued.Status);
        Assert.Equal("INV-2026-000001", issued.Number?.Value);
        Assert.Equal(Date(2026, 11, 23), issued.IssueDate);
        Assert.Equal(Date(2026, 12, 23), issued.DueDate);
        var @event = Assert.IsType<InvoiceIssued>(change.Event);
        Assert.Equal((issued.Number!.Value, issued.Totals.AmountDue), (@event.Number, @event.AmountDue));
        var refused = Assert.Throws<InvoiceStateException>(() => service.AddLine(issued, Line("2", 1m, 1m)));
        Assert.Equal(InvoiceStatus.Issued, refused.Status);
        Assert.Equal("AddLine", refused.Command);
        Assert.Contains("credit note", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvoiceStateException>(async () => await service.IssueAsync(issued));
        Assert.Throws<InvoiceStateException>(() => service.Discard(issued));
    }

    [Fact]
    public async Task IssueAsync_InvalidDraft_ListsEveryProblemByField()
    {
        var (service, _, numbers) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader() with { Buyer = null }).Invoice;

        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(async () => await service.IssueAsync(draft));

        Assert.Equal(["lines (BG-25)", "buyer (BG-7)"], exception.Problems.Select(p => p.Field));
        Assert.Equal(0, numbers.Current(Tenant, NumberSeries.Default, 2026));
    }

    [Fact]
    public async Task IssueAsync_HostFailsToStore_GivesTheNumberBack()
    {
        var (service, _, _) = Service();
        var first = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)]).Invoice;
        var second = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)]).Invoice;

        await Assert.ThrowsAsync<IOException>(async () => await service.IssueAsync(first, onIssued: (_, _) => throw new IOException("disk full")));
        var issued = await service.IssueAsync(second);

        Assert.Equal("INV-2026-000001", issued.Invoice.Number?.Value);
        Assert.True(first.IsDraft);
    }

    [Fact]
    public async Task IssueAsync_DueDateOnAWeekend_MovesToTheNextBusinessDay()
    {
        var (service, _, _) = Service(calendar: BusinessCalendar.MondayToFriday.WithHolidays(Date(2026, 12, 28)));
        var header = BusinessHeader() with { PaymentTerms = PaymentTerms.Net(33) }; // 2026-12-26 is a Saturday
        var draft = service.CreateDraft(Tenant, header, [Line("1", 1m, 1m)]).Invoice;

        var issued = (await service.IssueAsync(draft)).Invoice;

        Assert.Equal(Date(2026, 12, 29), issued.DueDate); // Saturday, Sunday, then the holiday on Monday
    }

    [Fact]
    public async Task Payments_MoveTheStatusAndOverdueIsDerivedFromTheClock()
    {
        var (service, clock, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 100m)]).Invoice;
        var issued = (await service.IssueAsync(draft)).Invoice;

        var partly = service.RecordPayment(issued, Money.Of(19m, Currency.Eur), Date(2026, 12, 1), "bank-1");
        clock.Advance(Duration.FromDays(31));
        var overdue = service.IsOverdue(partly.Invoice);
        var paid = service.RecordPayment(partly.Invoice, Money.Of(100m, Currency.Eur), Date(2026, 12, 30));

        Assert.Equal(InvoiceStatus.PartiallyPaid, partly.Invoice.Status);
        Assert.Equal(Money.Of(100m, Currency.Eur), Assert.IsType<InvoicePaymentRecorded>(partly.Event).OpenAmount);
        Assert.True(overdue);
        Assert.Equal(InvoiceStatus.Paid, paid.Invoice.Status);
        Assert.True(paid.Invoice.OpenAmount.IsZero);
        Assert.False(service.IsOverdue(paid.Invoice));
        Assert.Throws<InvoiceStateException>(() => service.RecordPayment(paid.Invoice, Money.Of(1m, Currency.Eur), Date(2026, 12, 30)));
    }

    [Fact]
    public async Task RecordPayment_MoreThanOpen_OrOnADraft_IsRefused()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 100m)]).Invoice;
        var issued = (await service.IssueAsync(draft)).Invoice;

        Assert.Throws<InvoiceStateException>(() => service.RecordPayment(draft, Money.Of(1m, Currency.Eur), Date(2026, 12, 1)));
        var tooMuch = Assert.Throws<ArgumentOutOfRangeException>(() => service.RecordPayment(issued, Money.Of(119.01m, Currency.Eur), Date(2026, 12, 1)));
        Assert.Contains("EUR 119.00", tooMuch.Message, StringComparison.Ordinal);
        Assert.Throws<CurrencyMismatchException>(() => service.RecordPayment(issued, Money.Of(1m, Currency.Usd), Date(2026, 12, 1)));
    }

    [Fact]
    public async Task WriteOff_ClosesTheOpenAmountWithAReason()
    {
        var (service, _, _) = Service();
        var issued = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 100m)]).Invoice)).Invoice;

        var change = service.WriteOff(issued, "Customer insolvent");

        Assert.Equal(InvoiceStatus.WrittenOff, change.Invoice.Status);
        Assert.Equal(Money.Of(119m, Currency.Eur), Assert.IsType<InvoiceWrittenOff>(change.Event).Amount);
        Assert.True(change.Invoice.OpenAmount.IsZero);
        Assert.Throws<ArgumentException>(() => service.WriteOff(issued, " "));
    }

    [Fact]
    public void Discard_EndsADraftWithoutANumber()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader()).Invoice;

        var discarded = service.Discard(draft);

        Assert.Equal(InvoiceStatus.Discarded, discarded.Invoice.Status);
        Assert.IsType<InvoiceDiscarded>(discarded.Event);
        Assert.Throws<InvoiceStateException>(() => service.AddLine(discarded.Invoice, Line("1", 1m, 1m)));
    }

    [Fact]
    public void ForCustomer_TakesCurrencyBuyerTermsAndPricingFromTheAccount()
    {
        var account = new CustomerAccount(Tenant, CustomerId.From("C-9"), Buyer, Currency.Chf)
        {
            Kind = CustomerKind.Consumer,
            PaymentTerms = PaymentTerms.EndOfMonth(10),
        };

        var header = InvoiceHeader.ForCustomer(account, Seller);

        Assert.Equal((Currency.Chf, Buyer, account.Id, PricingMode.Gross, account.PaymentTerms), (header.Currency, header.Buyer, header.CustomerId, header.Pricing, header.PaymentTerms));
    }

    [Fact]
    public void TotalsOfADraft_IncludeDocumentAllowancesAndCharges()
    {
        var (service, _, _) = Service();
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 10m, 10m), Line("2", 1m, 50m, 7m)]).Invoice;

        var withDiscount = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(
            InvoiceLineId.From("d1"), AllowanceCharge.AllowancePercent(10m, "Volume discount"), TaxTreatment.Standard(19m))).Invoice;
        var withFreight = service.AddAllowanceCharge(withDiscount, new DocumentAllowanceCharge(
            InvoiceLineId.From("f1"), AllowanceCharge.Charge(Money.Of(5m, Currency.Eur), "Freight"), TaxTreatment.Standard(19m))).Invoice;
        var totals = withFreight.Totals;

        Assert.Equal(150m, totals.LineNetTotal.Amount);   // BT-106
        Assert.Equal(10m, totals.AllowanceTotal.Amount);  // 10% of the 19% lines (100.00)
        Assert.Equal(5m, totals.ChargeTotal.Amount);
        Assert.Equal(145m, totals.TaxExclusiveTotal.Amount);
        Assert.Equal([3.50m, 18.05m], totals.TaxBreakdown.Subtotals.Select(s => s.TaxAmount.Amount)); // 50 × 7%, 95 × 19%
        Assert.Equal(166.55m, totals.AmountDue.Amount);
        Assert.Throws<ArgumentException>(() => service.RemoveAllowanceCharge(withFreight, InvoiceLineId.From("nope")));
        Assert.Empty(service.RemoveAllowanceCharge(withDiscount, InvoiceLineId.From("d1")).Invoice.AllowanceCharges);
    }
}
