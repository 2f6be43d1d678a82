using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using Invoicing.Core.Persistence;
using NodaTime.Testing;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Payments;

public sealed class CustomerCreditTests
{
    private static readonly CustomerId Customer = CustomerId.From("C-1");

    private sealed record World(InvoiceService Invoices, CreditNoteService Notes, CustomerCreditService Credit);

    private static World NewWorld()
    {
        var clock = new FakeClock(Now);
        var numbers = new InMemoryInvoiceNumberSequence();
        return new World(new InvoiceService(clock, numbers), new CreditNoteService(clock, numbers), new CustomerCreditService(clock));
    }

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.Eur);

    private static async Task<Invoice> IssueAsync(World world, decimal price)
        => (await world.Invoices.IssueAsync(world.Invoices.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, price)]).Invoice)).Invoice;

    [Fact]
    public async Task CreditOnAPaidInvoice_IsRecordedAppliedToTheNextInvoiceAndRefunded()
    {
        var world = NewWorld();
        var first = world.Invoices.RecordPayment(await IssueAsync(world, 100m), Eur(119m), Date(2026, 11, 25)).Invoice;
        var second = await IssueAsync(world, 10m); // 11.90
        var note = (await world.Notes.IssueAsync(first, [], CreditNoteRequest.ForLines("Overcharged", LineCredit.OfAmount(InvoiceLineId.From("1"), Eur(20m))))).CreditNote;
        var applied = ((InvoiceCreditApplied)world.Invoices.ApplyCredit(first, note).Event).Credit;

        var recorded = world.Credit.Record(CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur), note, applied);
        var application = world.Credit.ApplyTo(recorded.Account, second, Eur(11.90m), world.Invoices, Date(2026, 12, 1));
        var refund = world.Credit.Refund(application.Credit.Account, Eur(11.90m), "bank transfer", "R-1", Date(2026, 12, 2));

        Assert.Equal(23.80m, recorded.Account.Balance.Amount);
        var paid = application.Invoice[^1].Invoice;
        Assert.Equal((InvoiceStatus.Paid, 0m), (paid.Status, paid.OpenAmount.Amount));
        Assert.Equal(note.Id, Assert.Single(paid.Credits).CreditNoteId);
        Assert.Equal(0m, refund.Account.Balance.Amount);
        Assert.Equal([CustomerCreditEntryKind.Credited, CustomerCreditEntryKind.Applied, CustomerCreditEntryKind.Refunded], refund.Account.Entries.Select(e => e.Kind));
        Assert.Equal(refund.Account.Balance, CustomerCreditAccount.Rebuild(Tenant, Customer, Currency.Eur, refund.Account.Entries).Balance);
        Assert.Throws<ArgumentException>(() => world.Credit.Record(refund.Account, note, applied));
    }

    [Fact]
    public async Task CustomerCredit_NeverCrossesCurrenciesCustomersOrTheBalance()
    {
        var world = NewWorld();
        var paid = world.Invoices.RecordPayment(await IssueAsync(world, 100m), Eur(119m), Date(2026, 11, 25)).Invoice;
        var note = (await world.Notes.IssueAsync(paid, [], CreditNoteRequest.ForDiscount("Goodwill", Eur(5m)))).CreditNote;
        var applied = ((InvoiceCreditApplied)world.Invoices.ApplyCredit(paid, note).Event).Credit;
        var account = world.Credit.Record(CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur), note, applied).Account;
        var dollars = (await world.Invoices.IssueAsync(world.Invoices.CreateDraft(Tenant, BusinessHeader(Currency.Usd), [Line("1", 1m, 10m, 19m, Currency.Usd)]).Invoice)).Invoice;
        var next = await IssueAsync(world, 100m);

        Assert.Contains("never crosses currencies", Assert.Throws<ArgumentException>(() => world.Credit.ApplyTo(account, dollars, Money.Of(1m, Currency.Usd), world.Invoices)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => world.Credit.Record(CustomerCreditAccount.Open(Tenant, CustomerId.From("C-2"), Currency.Eur), note, applied));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Credit.ApplyTo(account, next, Eur(5.01m), world.Invoices));
        Assert.Throws<ArgumentOutOfRangeException>(() => world.Credit.Refund(account, Eur(5.01m), "cash", null, Date(2026, 12, 1)));
        var overdrawn = new CustomerCreditEntry(CustomerCreditEntryKind.Refunded, Eur(6m), Date(2026, 12, 1), CustomerCreditSource.FromCreditNote(note.Id, note.Number), method: "cash");
        Assert.Contains("only EUR 5.00", Assert.Throws<ArgumentException>(() => CustomerCreditAccount.Rebuild(Tenant, Customer, Currency.Eur, [.. account.Entries, overdrawn])).Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Random sequences of partial credit notes, debit notes, payments, customer credit applications
    /// and refunds over two invoices of one customer: no invoice is credited beyond its total, no open amount and
    /// no customer credit ever goes negative, and the credit rebuilt from its entries equals the one held.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property Balances_StayNonNegativeAndRebuildFromEntries()
        => Prop.ForAll(Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 4), Gen.Choose(1, 100))).Where(a => a.Length <= 12).ToArbitrary(), steps =>
        {
            var world = NewWorld();
            var invoices = new[] { IssueAsync(world, 80m).GetAwaiter().GetResult(), IssueAsync(world, 45.55m).GetAwaiter().GetResult() };
            var notes = new[] { new List<CreditNote>(), new List<CreditNote>() };
            var account = CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur);
            var debits = new List<Invoice>();
            var step = 0;
            foreach (var (op, size) in steps)
            {
                var k = step++ % 2;
                var invoice = invoices[k];
                var open = invoice.OpenAmount;
                switch (op)
                {
                    case 0 when open.IsPositive:
                        invoices[k] = world.Invoices.RecordPayment(invoice, Money.Of(Math.Max(0.01m, Math.Round(open.Amount * size / 100m, 2)), Currency.Eur), Date(2026, 12, 1)).Invoice;
                        break;
                    case 1 when invoice.Status != InvoiceStatus.Cancelled:
                        var left = CreditableBalance.Of(invoice, notes[k]).Total;
                        if (left.IsPositive)
                        {
                            var note = world.Notes.IssueAsync(invoice, notes[k], CreditNoteRequest.ForDiscount("d", Money.Of(Math.Max(0.01m, Math.Round(left.Amount * size / 100m, 2)), Currency.Eur))).AsTask().GetAwaiter().GetResult().CreditNote;
                            notes[k].Add(note);
                            var change = world.Invoices.ApplyCredit(invoice, note);
                            invoices[k] = change.Invoice;
                            var credit = ((InvoiceCreditApplied)change.Event).Credit;
                            account = credit.Unapplied.IsPositive ? world.Credit.Record(account, note, credit).Account : account;
                        }

                        break;
                    case 2 when account.Balance.IsPositive && open.IsPositive && invoice.Status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid
                        && !invoice.Credits.Any(c => account.Available().Any(a => a.Source.CreditNoteId == c.CreditNoteId)):
                        var application = world.Credit.ApplyTo(account, invoice, Money.Min(account.Balance, open), world.Invoices);
                        account = application.Credit.Account;
                        invoices[k] = application.Invoice[^1].Invoice;
                        break;
                    case 4 when invoice.Status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid:
                        var surcharge = new InvoiceLine(InvoiceLineId.From("S"), new Item("Surcharge"), Quantity.Of(1m), Money.Of(size / 10m, Currency.Eur), Invoicing.Core.Tax.TaxTreatment.Standard(19m));
                        var debit = world.Invoices.IssueAsync(world.Invoices.CreateDebitNote(invoice, [surcharge]).Invoice).AsTask().GetAwaiter().GetResult().Invoice;
                        debits.Add(size % 2 == 0 ? world.Invoices.RecordPayment(debit, debit.OpenAmount, Date(2026, 12, 2)).Invoice : debit);
                        break;
                    case 3 when account.Balance.IsPositive:
                        account = world.Credit.Refund(account, Money.Of(Math.Max(0.01m, Math.Round(account.Balance.Amount * size / 100m, 2)), Currency.Eur), "bank", null, Date(2026, 12, 3)).Account;
                        break;
                }

                Assert.All(invoices.Concat(debits), i => Assert.False(i.OpenAmount.IsNegative, $"{i} open {i.OpenAmount}"));
                Assert.All(debits, d => Assert.Equal(InvoiceType.DebitNote, d.Type));
                Assert.False(account.Balance.IsNegative);
                Assert.Equal(account.Balance, CustomerCreditAccount.Rebuild(Tenant, Customer, Currency.Eur, account.Entries).Balance);
                for (var j = 0; j < 2; j++)
                {
                    var credited = notes[j].Aggregate(Money.Zero(Currency.Eur), (sum, n) => sum + n.Total);
                    Assert.True(credited <= invoices[j].Totals.TaxInclusiveTotal, $"credited {credited} of {invoices[j].Totals.TaxInclusiveTotal}");
                }
            }
        });
}
