using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Payments;

public sealed partial class PaymentServiceTests
{
    /// <summary>Everything a rejection needs: a world with a 1 % tolerance, an open invoice (EUR 119.00, 2 % discount until 2026-12-03), a second one (EUR 59.50), and a payment of EUR 100.00.</summary>
    public sealed record Setup(World World, Invoice Open, Invoice Second, Payment Payment);

    private static async Task<Setup> SetupAsync()
    {
        var world = NewWorld(OnePercent);
        var open = await IssueAsync(world, 100m, discount: true);
        var second = await IssueAsync(world, 50m);
        return new Setup(world, open, second, Receive(world, 100m));
    }

    public static TheoryData<string, Func<Setup, Task>, Type, string> ApplyRejections => new()
    {
        { "invoice of another customer", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(await IssueAsync(s.World, 10m, customer: CustomerId.From("C-2")))),
            typeof(ArgumentException), "never cross customers or tenants" },
        { "invoice of another tenant", async s => await s.World.Payments.ApplyAsync(s.World.Payments.Receive(TenantId.From("other"), CustomerId.From("C-1"), Eur(10m), Date(2026, 12, 1), PaymentMethod.Cash).Payment, PaymentTarget.InOrder(s.Open)),
            typeof(ArgumentException), "tenant acme" },
        { "invoice in another currency", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(await IssueAsync(s.World, 10m, currency: Currency.Usd))),
            typeof(CurrencyMismatchException), "USD" },
        { "invoice named twice", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(s.Second, s.Second)), typeof(ArgumentException), "named twice" },
        { "paid invoice", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(s.World.Invoices.RecordPayment(s.Second, Eur(59.50m), Date(2026, 12, 1)).Invoice)),
            typeof(InvoiceStateException), "Paid" },
        { "draft invoice", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(s.World.Invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)]).Invoice)),
            typeof(InvoiceStateException), "Draft" },
        { "amounts for some invoices only", async s => await s.World.Payments.ApplyAsync(s.Payment, [new PaymentTarget(s.Open, Eur(10m)), new PaymentTarget(s.Second)]),
            typeof(ArgumentException), "for every invoice, or for none" },
        { "amount above the open amount", async s => await s.World.Payments.ApplyAsync(s.Payment, [new PaymentTarget(s.Second, Eur(59.51m))]),
            typeof(ArgumentOutOfRangeException), "EUR 59.51" },
        { "amounts above the payment", async s => await s.World.Payments.ApplyAsync(s.Payment, [new PaymentTarget(s.Open, Eur(50m)), new PaymentTarget(s.Second, Eur(50.01m))]),
            typeof(ArgumentOutOfRangeException), "add up to EUR 100.01" },
        { "amount in another currency", async s => await s.World.Payments.ApplyAsync(s.Payment, [new PaymentTarget(s.Second, Money.Of(1m, Currency.Usd))]),
            typeof(CurrencyMismatchException), "the amount for invoice" },
        { "payment used up before an invoice", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(s.Open, s.Second)),
            typeof(ArgumentException), "used up before invoice" },
        { "nothing to apply to", async s => await s.World.Payments.ApplyAsync(s.Payment, []), typeof(ArgumentException), "at least one invoice" },
        { "another customer's credit account", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(s.Second), CustomerCreditAccount.Open(Tenant, CustomerId.From("C-2"), Currency.Eur)),
            typeof(ArgumentException), "C-2" },
        { "a credit account in another currency", async s => await s.World.Payments.ApplyAsync(s.Payment, PaymentTarget.InOrder(s.Second), CustomerCreditAccount.Open(Tenant, Customer, Currency.Usd)),
            typeof(ArgumentException), "USD" },
        { "a reversed payment", async s => await s.World.Payments.ApplyAsync(s.World.Payments.Reverse(s.Payment, [], "returned", date: Date(2026, 12, 5)).Payment.Payment, PaymentTarget.InOrder(s.Second)),
            typeof(PaymentStateException), "reversed on 2026-12-05" },
        { "nothing left to allocate", async s => await s.World.Payments.ApplyAsync((await s.World.Payments.ApplyAsync(s.Payment, [], CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur))).Payment.Payment, PaymentTarget.InOrder(s.Second)),
            typeof(PaymentStateException), "nothing left" },
        { "a discount without the invoice's credit notes", async s => await s.World.Payments.ApplyAsync(Receive(s.World, 110m), PaymentTarget.InOrder(await ReturnedAsync(s))),
            typeof(ArgumentException), "not among its target's credit notes" },
        { "a discount dated before the invoice", async s => await s.World.Payments.ApplyAsync(Receive(s.World, 116.62m), PaymentTarget.InOrder(s.Open), date: Date(2026, 11, 22)),
            typeof(ArgumentOutOfRangeException), "2026-11-22" },
        { "a null target", async s => await s.World.Payments.ApplyAsync(s.Payment, [null!]), typeof(ArgumentNullException), "targets" },
    };

    /// <summary>The discounted invoice with a credit note for a return applied (EUR 5.95), and the note.</summary>
    private static async Task<(Invoice Invoice, CreditNote Note)> ReturnAsync(Setup s)
    {
        var note = (await s.World.Notes.IssueAsync(s.Open, [], CreditNoteRequest.ForLines("Returned", LineCredit.OfAmount(InvoiceLineId.From("1"), Eur(5m))))).CreditNote;
        return (s.World.Invoices.ApplyCredit(s.Open, note).Invoice, note);
    }

    private static async Task<Invoice> ReturnedAsync(Setup s) => (await ReturnAsync(s)).Invoice;

    [Theory]
    [MemberData(nameof(ApplyRejections))]
    public async Task ApplyAsync_BadInput_ThrowsNamingItAndIssuesNothing(string name, Func<Setup, Task> apply, Type expected, string mentioned)
    {
        var setup = await SetupAsync();
        var notesBefore = setup.World.Numbers.Current(Tenant, setup.World.Notes.Policy.CreditNoteSeries, 2026);

        var exception = await Assert.ThrowsAsync(expected, () => apply(setup));

        Assert.Contains(mentioned, exception.Message + " " + (exception as ArgumentException)?.ParamName, StringComparison.Ordinal);
        Assert.Equal((1m * 100m, 1), (setup.Payment.Unallocated.Amount, setup.Payment.Version));
        Assert.Equal((InvoiceStatus.Issued, 119m), (setup.Open.Status, setup.Open.OpenAmount.Amount));
        Assert.Equal(notesBefore + (name.StartsWith("a discount without", StringComparison.Ordinal) ? 1 : 0), setup.World.Numbers.Current(Tenant, setup.World.Notes.Policy.CreditNoteSeries, 2026));
    }

    [Fact]
    public async Task ApplyAsync_WithTheInvoicesCreditNotes_TakesTheDiscountOnTheRest()
    {
        var setup = await SetupAsync();
        var (returned, note) = await ReturnAsync(setup);

        // Open 113.05 after the return: the discount is 2.38 × 113.05 / 119.00 = 2.2610 → 2.26, and settles it when 110.79 is paid.
        var posting = await setup.World.Payments.ApplyAsync(Receive(setup.World, 110.79m), [new PaymentTarget(returned, creditNotes: [note])]);
        var tooLittle = await NewWorldPaymentAsync(setup, returned, note, 110.78m);

        Assert.Equal((InvoiceStatus.Paid, 0m), (posting.Invoices[0].Status, posting.Invoices[0].OpenAmount.Amount));
        Assert.Equal("Invoice EUR 110.79 | Discount EUR 2.26", Summary(posting.Payment.Payment.Allocations));
        Assert.Equal("Invoice EUR 110.78", tooLittle);
        Assert.Equal(2, posting.Invoices[0].Credits.Count);
    }

    private static async Task<string> NewWorldPaymentAsync(Setup setup, Invoice returned, CreditNote note, decimal amount)
    {
        var strict = new PaymentService(new NodaTime.Testing.FakeClock(Now), setup.World.Invoices, setup.World.Notes);
        return Summary((await strict.ApplyAsync(Receive(setup.World, amount), [new PaymentTarget(returned, creditNotes: [note])])).Payment.Payment.Allocations);
    }
}
