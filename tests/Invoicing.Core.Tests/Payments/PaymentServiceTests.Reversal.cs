using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Payments;

public sealed partial class PaymentServiceTests
{
    [Fact]
    public async Task Reverse_ReversesEveryAllocationReopensTheInvoicesAndTakesBackTheCredit()
    {
        var world = NewWorld(OnePercent);
        var first = await IssueAsync(world, 100m);
        var second = await IssueAsync(world, 50m);
        var account = CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur);
        var paid = await world.Payments.ApplyAsync(Receive(world, 200m), PaymentTarget.InOrder(first, second), account);

        var reversal = world.Payments.Reverse(paid.Payment.Payment, paid.Invoices, "Direct debit returned (AC04)", paid.Credit!.Account, Date(2026, 12, 10));

        var payment = reversal.Payment.Payment;
        Assert.Equal([InvoiceStatus.Issued, InvoiceStatus.Issued], reversal.Invoices.Select(i => i.Status));
        Assert.Equal([first.OpenAmount, second.OpenAmount], reversal.Invoices.Select(i => i.OpenAmount));
        Assert.Equal((0m, 0m), (reversal.Credit!.Account.Balance.Amount, reversal.Invoices.Sum(i => i.AmountPaid.Amount)));
        Assert.Equal(CustomerCreditEntryKind.Reversed, reversal.Credit.Account.Entries[^1].Kind);
        Assert.Equal("Invoice EUR 119.00 | Invoice EUR 59.50 | CustomerCredit EUR 21.50 | Reversal EUR 21.50 | Reversal EUR 59.50 | Reversal EUR 119.00", Summary(payment.Allocations));
        Assert.Equal([3, 2, 1], payment.Allocations.Skip(3).Select(a => a.Reverses!.Value));
        Assert.Equal((true, Date(2026, 12, 10), "Direct debit returned (AC04)", 0m, 200m), (payment.IsReversed, payment.ReversedOn, payment.ReversalReason, payment.Allocated.Amount, payment.Unallocated.Amount));
        Assert.Equal(payment.Allocations.Skip(3), ((PaymentReversed)reversal.Payment.Event).Reversals);
        Assert.All(reversal.InvoiceChanges, ch => Assert.Equal("Direct debit returned (AC04)", ((InvoicePaymentReversed)ch.Event).Reversal.Reason));
        Assert.Empty(reversal.CreditNotes);
    }

    [Fact]
    public async Task Reverse_AWriteOff_IsReversedWithThePayment()
    {
        var world = NewWorld(OnePercent);
        var invoice = await IssueAsync(world, 100m);
        var paid = await world.Payments.ApplyAsync(Receive(world, 118.40m), PaymentTarget.InOrder(invoice), writeOffReason: "Bank fee");

        var reversal = world.Payments.Reverse(paid.Payment.Payment, paid.Invoices, "Cheque bounced", date: Date(2026, 12, 4));

        var reopened = reversal.Invoices[0];
        Assert.Equal((InvoiceStatus.Issued, 119m, 0m, 0m), (reopened.Status, reopened.OpenAmount.Amount, reopened.AmountPaid.Amount, reopened.AmountWrittenOff.Amount));
        Assert.Equal([RecordedPaymentKind.Payment, RecordedPaymentKind.WriteOff, RecordedPaymentKind.Reversal, RecordedPaymentKind.Reversal], reopened.Payments.Select(p => p.Kind));
        Assert.Equal([2, 1], reopened.Payments.Skip(2).Select(p => p.Reverses!.Value));
    }

    [Fact]
    public async Task Reverse_TheDiscountCreditNoteStays_TheInvoiceReopensByWhatThePaymentPaid()
    {
        var world = NewWorld();
        var invoice = await IssueAsync(world, 100m, discount: true);
        var paid = await world.Payments.ApplyAsync(Receive(world, 116.62m), PaymentTarget.InOrder(invoice));

        var reversal = world.Payments.Reverse(paid.Payment.Payment, paid.Invoices, "Direct debit returned (MD06)", date: Date(2026, 12, 4));

        var reopened = reversal.Invoices[0];
        Assert.Equal((InvoiceStatus.Issued, 116.62m, 2.38m), (reopened.Status, reopened.OpenAmount.Amount, reopened.AmountCredited.Amount));
        Assert.Equal(paid.CreditNotes[0].CreditNote.Id, Assert.Single(reopened.Credits).CreditNoteId);
        Assert.Equal("Invoice EUR 116.62 | Discount EUR 2.38 | Reversal EUR 116.62", Summary(reversal.Payment.Payment.Allocations));
        Assert.Equal(1, reversal.Payment.Payment.Allocations[^1].Reverses);
    }

    [Fact]
    public async Task Reverse_CreditAlreadyApplied_IsRefusedNamingWhereItWent()
    {
        var world = NewWorld();
        var first = await IssueAsync(world, 100m);
        var paid = await world.Payments.ApplyAsync(Receive(world, 150m), PaymentTarget.InOrder(first), CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur));
        var next = await IssueAsync(world, 10m);
        var used = world.Credit.ApplyTo(paid.Credit!.Account, next, Eur(11.90m), world.Invoices, Date(2026, 12, 3));
        var refunded = world.Credit.Refund(paid.Credit.Account, Eur(5m), "bank transfer", "R-9", Date(2026, 12, 3));

        var afterApply = Assert.Throws<PaymentStateException>(() => world.Payments.Reverse(paid.Payment.Payment, paid.Invoices, "returned", used.Credit.Account, Date(2026, 12, 5)));
        var afterRefund = Assert.Throws<PaymentStateException>(() => world.Payments.Reverse(paid.Payment.Payment, paid.Invoices, "returned", refunded.Account, Date(2026, 12, 5)));

        Assert.Contains("applied to invoice " + next.Number, afterApply.Message, StringComparison.Ordinal);
        Assert.Contains("only EUR 19.10 is left", afterApply.Message, StringComparison.Ordinal);
        Assert.Contains("refunded by bank transfer", afterRefund.Message, StringComparison.Ordinal);
        Assert.Equal((paid.Payment.Payment.Id, "Reverse"), (afterApply.PaymentId, afterApply.Command));
    }

    public static TheoryData<string, Func<World, PaymentPosting, object>, Type, string> ReverseRejections => new()
    {
        { "twice", (w, p) => w.Payments.Reverse(w.Payments.Reverse(p.Payment.Payment, p.Invoices, "r", p.Credit!.Account, Date(2026, 12, 5)).Payment.Payment, p.Invoices, "r", p.Credit!.Account, Date(2026, 12, 5)),
            typeof(PaymentStateException), "already" },
        { "an invoice missing", (w, p) => w.Payments.Reverse(p.Payment.Payment, p.Invoices.Take(1), "r", p.Credit!.Account, Date(2026, 12, 5)), typeof(ArgumentException), "is not among the invoices given" },
        { "an invoice twice", (w, p) => w.Payments.Reverse(p.Payment.Payment, [.. p.Invoices, p.Invoices[0]], "r", p.Credit!.Account, Date(2026, 12, 5)), typeof(ArgumentException), "given twice" },
        { "an old version of an invoice", (w, p) => w.Payments.Reverse(p.Payment.Payment, [p.Invoices[0], w.Invoices.Discard(w.Invoices.CreateDraft(Tenant, BusinessHeader(), [], p.Invoices[1].Id).Invoice).Invoice], "r", p.Credit!.Account, Date(2026, 12, 5)),
            typeof(ArgumentException), "current version" },
        { "no credit account", (w, p) => w.Payments.Reverse(p.Payment.Payment, p.Invoices, "r", null, Date(2026, 12, 5)), typeof(ArgumentException), "EUR 10.00 of customer credit" },
        { "another customer's credit account", (w, p) => w.Payments.Reverse(p.Payment.Payment, p.Invoices, "r", CustomerCreditAccount.Open(Tenant, CustomerId.From("C-2"), Currency.Eur), Date(2026, 12, 5)),
            typeof(ArgumentException), "C-2" },
        { "before the value date", (w, p) => w.Payments.Reverse(p.Payment.Payment, p.Invoices, "r", p.Credit!.Account, Date(2026, 11, 30)), typeof(ArgumentOutOfRangeException), "2026-12-01" },
        { "without a reason", (w, p) => w.Payments.Reverse(p.Payment.Payment, p.Invoices, " ", p.Credit!.Account, Date(2026, 12, 5)), typeof(ArgumentException), "reason" },
        { "an invoice cancelled since", (w, p) => w.Payments.Reverse(p.Payment.Payment, [Cancelled(w, p.Invoices[0]), p.Invoices[1]], "r", p.Credit!.Account, Date(2026, 12, 5)),
            typeof(InvoiceStateException), "Cancelled" },
        { "an entry reversed by other means", (w, p) => w.Payments.Reverse(p.Payment.Payment, [w.Invoices.ReversePayment(p.Invoices[0], 1, "manual", Eur(1m), Date(2026, 12, 2)).Invoice, p.Invoices[1]], "r", p.Credit!.Account, Date(2026, 12, 5)),
            typeof(PaymentStateException), "reversed in part by other means" },
    };

    private static Invoice Cancelled(World world, Invoice invoice)
    {
        var note = world.Notes.IssueAsync(invoice, [], CreditNoteRequest.FullCancellation("Cancelled")).AsTask().GetAwaiter().GetResult().CreditNote;
        return world.Invoices.ApplyCredit(invoice, note).Invoice;
    }

    [Theory]
    [MemberData(nameof(ReverseRejections))]
    public async Task Reverse_BadInput_ThrowsNamingIt(string name, Func<World, PaymentPosting, object> reverse, Type expected, string mentioned)
    {
        var world = NewWorld();
        var invoices = new[] { await IssueAsync(world, 100m), await IssueAsync(world, 50m) };
        var posting = await world.Payments.ApplyAsync(Receive(world, 188.50m), PaymentTarget.InOrder(invoices), CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur));

        var exception = Assert.Throws(expected, () => reverse(world, posting));

        Assert.Contains(mentioned, exception.Message + " " + (exception as ArgumentException)?.ParamName, StringComparison.Ordinal);
        Assert.Equal((false, 3), (posting.Payment.Payment.IsReversed, posting.Payment.Payment.Allocations.Count));
        Assert.False(string.IsNullOrEmpty(name));
    }
}
