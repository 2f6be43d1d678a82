using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using Invoicing.Core.Persistence;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Payments;

public sealed partial class PaymentServiceTests
{
    private static readonly CustomerId Customer = CustomerId.From("C-1");

    /// <summary>1 % of the settled amount, at most EUR 5.00.</summary>
    private static readonly PaymentTolerance OnePercent = new(1m, Money.Of(5m, Currency.Eur));

    public sealed record World(InvoiceService Invoices, CreditNoteService Notes, PaymentService Payments, CustomerCreditService Credit, InMemoryInvoiceNumberSequence Numbers);

    internal static World NewWorld(PaymentTolerance? tolerance = null)
    {
        var clock = new FakeClock(Now);
        var numbers = new InMemoryInvoiceNumberSequence();
        var invoices = new InvoiceService(clock, numbers);
        var notes = new CreditNoteService(clock, numbers);
        return new World(invoices, notes, new PaymentService(clock, invoices, notes, new PaymentTolerances(tolerance ?? PaymentTolerance.None)), new CustomerCreditService(clock), numbers);
    }

    internal static Money Eur(decimal amount) => Money.Of(amount, Currency.Eur);

    /// <summary>An invoice of one line at 19 %, issued on 2026-11-23, net 30 days; with a 2 % discount within 10 days (until 2026-12-03) when asked.</summary>
    internal static async Task<Invoice> IssueAsync(World world, decimal netPrice, bool discount = false, CustomerId? customer = null, Currency? currency = null)
    {
        var terms = discount ? PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10) : PaymentTerms.Net(30);
        var header = BusinessHeader(currency) with { PaymentTerms = terms, CustomerId = customer ?? Customer };
        return (await world.Invoices.IssueAsync(world.Invoices.CreateDraft(Tenant, header, [Line("1", 1m, netPrice, 19m, currency)]).Invoice)).Invoice;
    }

    internal static Payment Receive(World world, decimal amount, LocalDate? valueDate = null, string? bankReference = "BANK-1")
        => world.Payments.Receive(Tenant, Customer, Eur(amount), valueDate ?? Date(2026, 12, 1), PaymentMethod.CreditTransfer,
            new PaymentDetails { PayerName = "Buyer BV", PayerAccount = "NL91ABNA0417164300", BankReference = bankReference }).Payment;

    private static string Summary(IEnumerable<PaymentAllocation> allocations) => string.Join(" | ", allocations.Select(a => $"{a.Kind} {a.Amount}"));

    /// <summary>One application: the invoices (net prices at 19 %, with a 2 % discount or not), the tolerance, the payment and its value date, explicit amounts or none, with a credit account or not; and what must come out.</summary>
    public sealed record ApplyCase(
        decimal[] NetPrices, bool Discount, PaymentTolerance Tolerance, decimal Paid, LocalDate ValueDate, decimal[]? Amounts, bool WithCredit,
        string Allocations, decimal[] Open, InvoiceStatus[] Statuses, decimal Unallocated, decimal Credit);

    public static TheoryData<string, ApplyCase> ApplyCases => new()
    {
        { "full", new([100m], false, PaymentTolerance.None, 119m, Date(2026, 12, 1), null, true, "Invoice EUR 119.00", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "partial: the rest stays open", new([100m], false, PaymentTolerance.None, 100m, Date(2026, 12, 1), null, true, "Invoice EUR 100.00", [19m], [InvoiceStatus.PartiallyPaid], 0m, 0m) },
        { "overpayment to customer credit", new([100m], false, PaymentTolerance.None, 150m, Date(2026, 12, 1), null, true,
            "Invoice EUR 119.00 | CustomerCredit EUR 31.00", [0m], [InvoiceStatus.Paid], 0m, 31m) },
        { "overpayment without a credit account stays unallocated", new([100m], false, PaymentTolerance.None, 150m, Date(2026, 12, 1), null, false,
            "Invoice EUR 119.00", [0m], [InvoiceStatus.Paid], 31m, 0m) },
        { "two invoices in order, the second underpaid", new([100m, 50m], false, PaymentTolerance.None, 150m, Date(2026, 12, 1), null, true,
            "Invoice EUR 119.00 | Invoice EUR 31.00", [0m, 28.50m], [InvoiceStatus.Paid, InvoiceStatus.PartiallyPaid], 0m, 0m) },
        { "explicit amounts, the rest to credit", new([100m, 50m], false, PaymentTolerance.None, 120m, Date(2026, 12, 1), [50m, 59.50m], true,
            "Invoice EUR 50.00 | Invoice EUR 59.50 | CustomerCredit EUR 10.50", [69m, 0m], [InvoiceStatus.PartiallyPaid, InvoiceStatus.Paid], 0m, 10.50m) },
        { "shortfall within tolerance written off", new([100m], false, OnePercent, 118m, Date(2026, 12, 1), null, true,
            "Invoice EUR 118.00 | WriteOff EUR 1.00", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "shortfall at the percentage limit (1 % of 119.00 = 1.19)", new([100m], false, OnePercent, 117.81m, Date(2026, 12, 1), null, true,
            "Invoice EUR 117.81 | WriteOff EUR 1.19", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "shortfall a cent beyond the percentage stays open", new([100m], false, OnePercent, 117.80m, Date(2026, 12, 1), null, true,
            "Invoice EUR 117.80", [1.20m], [InvoiceStatus.PartiallyPaid], 0m, 0m) },
        { "the lower limit applies: EUR 0.50 below 10 %", new([100m], false, new PaymentTolerance(10m, Eur(0.50m)), 118.49m, Date(2026, 12, 1), null, true,
            "Invoice EUR 118.49", [0.51m], [InvoiceStatus.PartiallyPaid], 0m, 0m) },
        { "the lower limit applies: EUR 0.50 written off", new([100m], false, new PaymentTolerance(10m, Eur(0.50m)), 118.50m, Date(2026, 12, 1), null, true,
            "Invoice EUR 118.50 | WriteOff EUR 0.50", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "no tolerance in the currency: nothing written off", new([100m], false, new PaymentTolerance(10m, Money.Of(5m, Currency.Usd)), 118.99m, Date(2026, 12, 1), null, true,
            "Invoice EUR 118.99", [0.01m], [InvoiceStatus.PartiallyPaid], 0m, 0m) },
        { "early-payment discount taken", new([100m], true, PaymentTolerance.None, 116.62m, Date(2026, 12, 1), null, true,
            "Invoice EUR 116.62 | Discount EUR 2.38", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "discount taken on the last day", new([100m], true, PaymentTolerance.None, 116.62m, Date(2026, 12, 3), null, true,
            "Invoice EUR 116.62 | Discount EUR 2.38", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "discount taken a day late stays open", new([100m], true, PaymentTolerance.None, 116.62m, Date(2026, 12, 4), null, true,
            "Invoice EUR 116.62", [2.38m], [InvoiceStatus.PartiallyPaid], 0m, 0m) },
        { "part of the discount taken", new([100m], true, PaymentTolerance.None, 118m, Date(2026, 12, 1), null, true,
            "Invoice EUR 118.00 | Discount EUR 1.00", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "discount not taken: paid in full", new([100m], true, PaymentTolerance.None, 119m, Date(2026, 12, 1), null, true, "Invoice EUR 119.00", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "discount and a bank fee within tolerance", new([100m], true, OnePercent, 116m, Date(2026, 12, 1), null, true,
            "Invoice EUR 116.00 | WriteOff EUR 0.62 | Discount EUR 2.38", [0m], [InvoiceStatus.Paid], 0m, 0m) },
        { "more than discount and tolerance: open, no discount", new([100m], true, OnePercent, 115m, Date(2026, 12, 1), null, true,
            "Invoice EUR 115.00", [4m], [InvoiceStatus.PartiallyPaid], 0m, 0m) },
        { "two discounted invoices, both discounts taken", new([100m, 50m], true, PaymentTolerance.None, 174.93m, Date(2026, 12, 1), null, true,
            "Invoice EUR 116.62 | Invoice EUR 58.31 | Discount EUR 2.38 | Discount EUR 1.19", [0m, 0m], [InvoiceStatus.Paid, InvoiceStatus.Paid], 0m, 0m) },
        { "two discounted invoices paid in full: the money tops them up", new([100m, 50m], true, PaymentTolerance.None, 178.50m, Date(2026, 12, 1), null, true,
            "Invoice EUR 119.00 | Invoice EUR 59.50", [0m, 0m], [InvoiceStatus.Paid, InvoiceStatus.Paid], 0m, 0m) },
        { "two discounted invoices, a little more than discounted", new([100m, 50m], true, PaymentTolerance.None, 175.93m, Date(2026, 12, 1), null, true,
            "Invoice EUR 117.62 | Invoice EUR 58.31 | Discount EUR 1.38 | Discount EUR 1.19", [0m, 0m], [InvoiceStatus.Paid, InvoiceStatus.Paid], 0m, 0m) },
    };

    [Theory]
    [MemberData(nameof(ApplyCases))]
    public async Task ApplyAsync_Case_AllocatesAsTheRulesSay(string name, ApplyCase c)
    {
        var world = NewWorld(c.Tolerance);
        var invoices = new List<Invoice>();
        foreach (var price in c.NetPrices)
        {
            invoices.Add(await IssueAsync(world, price, c.Discount));
        }

        var payment = Receive(world, c.Paid, c.ValueDate);
        var targets = invoices.Select((invoice, i) => new PaymentTarget(invoice, c.Amounts is null ? null : Eur(c.Amounts[i]))).ToArray();
        var account = c.WithCredit ? CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur) : null;

        var posting = await world.Payments.ApplyAsync(payment, targets, account, date: Date(2026, 12, 2));

        var next = posting.Payment.Payment;
        Assert.Equal(c.Allocations, Summary(next.Allocations));
        Assert.Equal(c.Open, posting.Invoices.Select(i => i.OpenAmount.Amount));
        Assert.Equal(c.Statuses, posting.Invoices.Select(i => i.Status));
        Assert.Equal(c.Unallocated, next.Unallocated.Amount);
        Assert.Equal(c.Credit, posting.Credit?.Account.Balance.Amount ?? 0m);
        Assert.Equal(next.Allocations, ((PaymentAllocated)posting.Payment.Event).Allocations);
        Assert.Equal((2, next.Unallocated), (next.Version, ((PaymentAllocated)posting.Payment.Event).Unallocated));
        Assert.Equal(next.Allocations.Count(a => a.Kind == PaymentAllocationKind.Discount), posting.CreditNotes.Count);
        Assert.All(posting.CreditNotes, n => Assert.Equal(CreditNoteKind.Discount, n.CreditNote.Kind));
        Assert.All(posting.Invoices, i => Assert.Equal(invoices.Single(o => o.Id == i.Id).Version + posting.InvoiceChanges.Count(ch => ch.Invoice.Id == i.Id), i.Version));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task ApplyAsync_Discount_IsACreditNoteSplitAcrossTheTaxCategories()
    {
        var world = NewWorld();
        var header = BusinessHeader() with { PaymentTerms = PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10) };
        var invoice = (await world.Invoices.IssueAsync(world.Invoices.CreateDraft(Tenant, header, [Line("1", 1m, 100m, 19m), Line("2", 1m, 100m, 7m)]).Invoice)).Invoice;
        var payment = Receive(world, 221.48m); // 226.00 less 2 % (4.52)
        CreditNote? stored = null;

        var posting = await world.Payments.ApplyAsync(payment, [new PaymentTarget(invoice)], onCreditNoteIssued: (note, _) => { stored = note; return ValueTask.CompletedTask; });

        var note = Assert.Single(posting.CreditNotes).CreditNote;
        var discount = posting.Payment.Payment.Allocations.Single(a => a.Kind == PaymentAllocationKind.Discount);
        Assert.Same(note, stored);
        Assert.Equal((CreditNoteKind.Discount, 4.52m, invoice.Id), (note.Kind, note.AmountDue.Amount, note.Original.Id));
        Assert.Equal([(19m, 2m, 0.38m), (7m, 2m, 0.14m)], note.Subtotals.Select(s => (s.Treatment.Rate!.Value, s.TaxableAmount.Amount, s.TaxAmount.Amount)));
        Assert.Equal((note.Id, note.Number), (discount.CreditNoteId, discount.CreditNoteNumber));
        Assert.Contains("2026-12-03", discount.Reason, StringComparison.Ordinal);
        Assert.Equal(note.Id, Assert.Single(posting.Invoices[0].Credits).CreditNoteId);
        Assert.Equal((InvoiceStatus.Paid, 221.48m, 4.52m), (posting.Invoices[0].Status, posting.Invoices[0].AmountPaid.Amount, posting.Invoices[0].AmountCredited.Amount));
    }

    [Fact]
    public async Task ApplyAsync_TheInvoiceRecordsThePaymentWithItsValueDateAndBankReference()
    {
        var world = NewWorld(OnePercent);
        var invoice = await IssueAsync(world, 100m);
        var payment = Receive(world, 118.50m, Date(2026, 11, 30), "SEPA-4711");

        var posting = await world.Payments.ApplyAsync(payment, PaymentTarget.InOrder(invoice), writeOffReason: "Bank fee", date: Date(2026, 12, 2));

        var paid = posting.Invoices[0];
        Assert.Equal([(RecordedPaymentKind.Payment, 118.50m, Date(2026, 11, 30), "SEPA-4711", (string?)null), (RecordedPaymentKind.WriteOff, 0.50m, Date(2026, 12, 2), "SEPA-4711", "Bank fee")],
            paid.Payments.Select(p => (p.Kind, p.Amount.Amount, p.Date, p.Reference, p.Reason)));
        Assert.Equal([1, 2], posting.Payment.Payment.Allocations.Select(a => a.InvoiceEntry!.Value));
        Assert.Equal([typeof(InvoicePaymentRecorded), typeof(InvoiceDifferenceWrittenOff)], posting.InvoiceChanges.Select(ch => ch.Event.GetType()));
        Assert.Equal(invoice.Number, posting.Payment.Payment.Allocations[0].InvoiceNumber);
    }

    [Fact]
    public async Task ApplyAsync_PerTenantTolerance_OverridesTheDefault()
    {
        var world = NewWorld();
        var strict = new PaymentTolerances(OnePercent).With(Tenant, PaymentTolerance.None);
        var lenient = new PaymentTolerances(PaymentTolerance.None, [new(Tenant, OnePercent)]);
        var clock = new FakeClock(Now);
        var invoice = await IssueAsync(world, 100m);

        var strictPosting = await new PaymentService(clock, world.Invoices, world.Notes, strict).ApplyAsync(Receive(world, 118m), PaymentTarget.InOrder(invoice));
        var lenientPosting = await new PaymentService(clock, world.Invoices, world.Notes, lenient).ApplyAsync(Receive(world, 118m), PaymentTarget.InOrder(invoice));

        Assert.Equal(1m, strictPosting.Invoices[0].OpenAmount.Amount);
        Assert.Equal(0m, lenientPosting.Invoices[0].OpenAmount.Amount);
        Assert.Same(OnePercent, strict.Default);
        Assert.Same(PaymentTolerance.None, strict.For(Tenant));
        Assert.Same(OnePercent, strict.For(TenantId.From("other")));
        Assert.Throws<ArgumentException>(() => new PaymentTolerances(OnePercent, [new(Tenant, OnePercent), new(Tenant, PaymentTolerance.None)]));
        Assert.Throws<ArgumentException>(() => strict.With(default, OnePercent));
    }

    [Fact]
    public async Task ApplyAsync_UnallocatedRest_CanBeAppliedLater()
    {
        var world = NewWorld();
        var first = await IssueAsync(world, 100m);
        var payment = Receive(world, 200m);
        var onAccount = (await world.Payments.ApplyAsync(payment, PaymentTarget.InOrder(first))).Payment.Payment;
        var second = await IssueAsync(world, 50m);

        var later = await world.Payments.ApplyAsync(onAccount, PaymentTarget.InOrder(second), CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur));

        Assert.Equal(81m, onAccount.Unallocated.Amount);
        Assert.Equal("Invoice EUR 119.00 | Invoice EUR 59.50 | CustomerCredit EUR 21.50", Summary(later.Payment.Payment.Allocations));
        Assert.Equal([1, 2, 3], later.Payment.Payment.Allocations.Select(a => a.Number));
        Assert.Equal((0m, 3), (later.Payment.Payment.Unallocated.Amount, later.Payment.Payment.Version));
    }

    [Fact]
    public async Task ApplyAsync_NoInvoices_PutsTheWholePaymentOnCustomerCredit()
    {
        var world = NewWorld();
        var payment = Receive(world, 40m);

        var posting = await world.Payments.ApplyAsync(payment, [], CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur));

        var entry = Assert.Single(posting.Credit!.Account.Entries);
        Assert.Equal((CustomerCreditEntryKind.Credited, 40m, CustomerCreditSource.FromPayment(payment.Id)), (entry.Kind, entry.Amount.Amount, entry.Source));
        Assert.Equal("CustomerCredit EUR 40.00", Summary(posting.Payment.Payment.Allocations));
    }

    [Fact]
    public async Task CreditFromAPayment_IsRecordedOnTheNextInvoiceAsAPayment()
    {
        var world = NewWorld();
        var first = await IssueAsync(world, 100m);
        var posting = await world.Payments.ApplyAsync(Receive(world, 150m), PaymentTarget.InOrder(first), CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur));
        var next = await IssueAsync(world, 50m);

        var application = world.Credit.ApplyTo(posting.Credit!.Account, next, Eur(31m), world.Invoices, Date(2026, 12, 5));

        var invoice = application.Invoice[^1].Invoice;
        var recorded = Assert.Single(invoice.Payments);
        Assert.Empty(invoice.Credits);
        Assert.Equal((RecordedPaymentKind.Payment, 31m, InvoiceStatus.PartiallyPaid, 28.50m), (recorded.Kind, recorded.Amount.Amount, invoice.Status, invoice.OpenAmount.Amount));
        Assert.Contains(posting.Payment.Payment.Id.Value, recorded.Reference, StringComparison.Ordinal);
        Assert.Equal(0m, application.Credit.Account.Balance.Amount);
        Assert.Equal(CustomerCreditSource.FromPayment(posting.Payment.Payment.Id), application.Credit.Account.Entries[^1].Source);
    }

    [Fact]
    public void Receive_KeepsEverythingItWasGiven()
    {
        var world = NewWorld();
        var reference = CreditorReference.Parse("RF18 5390 0754 7034", CreditorReferenceScheme.Iso11649);
        var details = new PaymentDetails { PayerName = " Buyer BV ", PayerAccount = "NL91ABNA0417164300", RemittanceText = "Invoice INV-2026-000001", CreditorReference = reference, BankReference = "E2E-1" };

        var change = world.Payments.Receive(Tenant, Customer, Eur(12.34m), Date(2026, 12, 1), PaymentMethod.DirectDebit, details, PaymentId.From("P-1"));

        var payment = change.Payment;
        Assert.Equal((PaymentId.From("P-1"), Tenant, Customer, 12.34m, Date(2026, 12, 1), PaymentMethod.DirectDebit, 1),
            (payment.Id, payment.TenantId, payment.CustomerId, payment.Amount.Amount, payment.ValueDate, payment.Method, payment.Version));
        Assert.Equal(("Buyer BV", "NL91ABNA0417164300", "Invoice INV-2026-000001", reference, "E2E-1"),
            (payment.Details.PayerName, payment.Details.PayerAccount, payment.Details.RemittanceText, payment.Details.CreditorReference, payment.Details.BankReference));
        Assert.Equal((0m, 12.34m, false), (payment.Allocated.Amount, payment.Unallocated.Amount, payment.IsReversed));
        Assert.Equal(new PaymentReceived(payment.Id, Tenant, 1, Now, Customer, Eur(12.34m), Date(2026, 12, 1), PaymentMethod.DirectDebit), change.Event);
        Assert.Equal("P-1 EUR 12.34 on 2026-12-01 (0 allocations, v1)", payment.ToString());
    }

    public static TheoryData<string, Func<PaymentService, object>, Type, string> ReceiveRejections => new()
    {
        { "zero", p => p.Receive(Tenant, Customer, Eur(0m), Date(2026, 12, 1), PaymentMethod.Cash), typeof(ArgumentOutOfRangeException), "EUR 0.00" },
        { "negative", p => p.Receive(Tenant, Customer, Eur(-5m), Date(2026, 12, 1), PaymentMethod.Cash), typeof(ArgumentOutOfRangeException), "EUR -5.00" },
        { "sub-cent", p => p.Receive(Tenant, Customer, Eur(1.005m), Date(2026, 12, 1), PaymentMethod.Cash), typeof(ArgumentOutOfRangeException), "whole minor units" },
        { "undefined method", p => p.Receive(Tenant, Customer, Eur(1m), Date(2026, 12, 1), (PaymentMethod)42), typeof(ArgumentOutOfRangeException), "method" },
        { "no tenant", p => p.Receive(default, Customer, Eur(1m), Date(2026, 12, 1), PaymentMethod.Cash), typeof(ArgumentException), "TenantId" },
        { "no customer", p => p.Receive(Tenant, default, Eur(1m), Date(2026, 12, 1), PaymentMethod.Cash), typeof(ArgumentException), "CustomerId" },
        { "payer name too long", p => p.Receive(Tenant, Customer, Eur(1m), Date(2026, 12, 1), PaymentMethod.Cash, new PaymentDetails { PayerName = new string('x', 141) }), typeof(ArgumentException), "PayerName" },
        { "empty creditor reference", p => p.Receive(Tenant, Customer, Eur(1m), Date(2026, 12, 1), PaymentMethod.Cash, new PaymentDetails { CreditorReference = default(CreditorReference) }), typeof(ArgumentException), "CreditorReference" },
    };

    [Theory]
    [MemberData(nameof(ReceiveRejections))]
    public void Receive_BadInput_ThrowsNamingIt(string name, Func<PaymentService, object> receive, Type expected, string mentioned)
    {
        var exception = Assert.Throws(expected, () => receive(NewWorld().Payments));

        Assert.Contains(mentioned, exception.Message + " " + ((ArgumentException)exception).ParamName, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(name));
    }
}
