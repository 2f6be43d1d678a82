using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Payments;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Payments;

public sealed partial class PaymentServiceTests
{
    /// <summary>
    /// A random application: 1 to 4 invoices (net prices EUR 0.01 to 999.99 at 19 %, some with a 2 %
    /// discount, some partly paid before), a tolerance, a value date inside or after the discount
    /// period, a payment from 50 % to 150 % of what is open (or explicit amounts), with or without a
    /// credit account.
    /// </summary>
    public sealed record Scenario(int[] PriceCents, bool[] Discounted, int[] PrepaidPercent, int Tolerance, bool InPeriod, int PaidPercent, int[]? AmountPercents, bool WithCredit)
    {
        public override string ToString()
            => $"prices [{string.Join(", ", PriceCents)}] discounted [{string.Join(", ", Discounted)}] prepaid% [{string.Join(", ", PrepaidPercent)}] tolerance {Tolerance} inPeriod {InPeriod} paid% {PaidPercent} amounts% {(AmountPercents is null ? "none" : string.Join(", ", AmountPercents))} credit {WithCredit}";
    }

    private static readonly PaymentTolerance[] Tolerances = [PaymentTolerance.None, OnePercent, new(0.1m, Money.Of(0.50m, Currency.Eur))];

    private static Arbitrary<Scenario> Scenarios()
        => (from n in Gen.Choose(1, 4)
            from prices in Gen.ArrayOf(Gen.Choose(1, 99_999), n)
            from discounted in Gen.ArrayOf(Gen.Elements(true, false), n)
            from prepaid in Gen.ArrayOf(Gen.Elements(0, 0, 30, 99), n)
            from tolerance in Gen.Choose(0, 2)
            from inPeriod in Gen.Elements(true, false)
            from paid in Gen.Choose(50, 150)
            from amounts in Gen.OneOf(Gen.Constant<int[]?>(null), Gen.ArrayOf(Gen.Choose(1, 100), n).Select(a => (int[]?)a))
            from credit in Gen.Elements(true, false)
            select new Scenario(prices, discounted, prepaid, tolerance, inPeriod, paid, amounts, credit)).ToArbitrary();

    /// <summary>Issues the scenario's invoices and payment, and the targets the payment reaches.</summary>
    private static (World World, Payment Payment, PaymentTarget[] Targets, CustomerCreditAccount? Account) Build(Scenario s)
    {
        var world = NewWorld(Tolerances[s.Tolerance]);
        var invoices = new List<Invoice>();
        for (var i = 0; i < s.PriceCents.Length; i++)
        {
            var invoice = IssueAsync(world, s.PriceCents[i] / 100m, s.Discounted[i]).GetAwaiter().GetResult();
            var prepaid = Money.Of(Math.Round(invoice.OpenAmount.Amount * s.PrepaidPercent[i] / 100m, 2), Currency.Eur);
            invoices.Add(prepaid.IsPositive && prepaid < invoice.OpenAmount ? world.Invoices.RecordPayment(invoice, prepaid, Date(2026, 11, 25)).Invoice : invoice);
        }

        var valueDate = s.InPeriod ? Date(2026, 12, 2) : Date(2026, 12, 10);
        var open = invoices.Aggregate(0m, (sum, i) => sum + i.OpenAmount.Amount);
        PaymentTarget[] targets;
        decimal paid;
        if (s.AmountPercents is int[] percents)
        {
            targets = [.. invoices.Select((inv, i) => new PaymentTarget(inv, Money.Of(Math.Max(0.01m, Math.Round(inv.OpenAmount.Amount * percents[i] / 100m, 2)), Currency.Eur)))];
            paid = targets.Sum(t => t.Amount!.Value.Amount) + Math.Round(open * (s.PaidPercent - 50) / 1000m, 2);
        }
        else
        {
            // Only invoices the payment surely reaches: those before them owe less than the payment.
            paid = Math.Max(0.01m, Math.Round(open * s.PaidPercent / 100m, 2));
            var owed = 0m;
            var reached = new List<Invoice>();
            foreach (var invoice in invoices)
            {
                if (owed >= paid)
                {
                    break;
                }

                reached.Add(invoice);
                owed += invoice.OpenAmount.Amount;
            }

            targets = [.. reached.Select(i => new PaymentTarget(i))];
        }

        var payment = Receive(world, paid, valueDate);
        return (world, payment, targets, s.WithCredit ? CustomerCreditAccount.Open(Tenant, Customer, Currency.Eur) : null);
    }

    /// <summary>The money allocations (to invoices and customer credit) plus what is unallocated equal the payment; the invoices received exactly the invoice allocations; the credit exactly the rest.</summary>
    [Property(MaxTest = 100)]
    public Property ApplyAsync_AllocationsPlusUnallocated_EqualThePayment()
        => Prop.ForAll(Scenarios(), s =>
        {
            var (world, payment, targets, account) = Build(s);

            var posting = world.Payments.ApplyAsync(payment, targets, account).AsTask().GetAwaiter().GetResult();

            var next = posting.Payment.Payment;
            var money = next.Allocations.Where(a => a.IsMoney).Aggregate(Money.Zero(Currency.Eur), (sum, a) => sum + a.Amount);
            Assert.Equal(next.Amount, money + next.Unallocated);
            Assert.False(next.Unallocated.IsNegative);
            Assert.Equal(money, next.Allocated);
            var toInvoices = next.Allocations.Where(a => a.Kind == PaymentAllocationKind.Invoice).Aggregate(Money.Zero(Currency.Eur), (sum, a) => sum + a.Amount);
            var received = posting.Invoices.Select((inv, i) => inv.AmountPaid - targets[i].Invoice.AmountPaid).Aggregate(Money.Zero(Currency.Eur), (sum, m) => sum + m);
            Assert.Equal(toInvoices, received);
            var rest = next.Amount - toInvoices;
            var zero = Money.Zero(Currency.Eur);
            Assert.Equal(account is null ? rest : zero, next.Unallocated);
            Assert.Equal(account is null ? zero : rest, posting.Credit?.Account.Balance ?? zero);
        });

    /// <summary>No invoice's open amount ever goes negative or above its amount due, after applying and after reversing; an invoice settled by a write-off or discount has nothing open.</summary>
    [Property(MaxTest = 100)]
    public Property ApplyAndReverse_OpenAmounts_StayWithinZeroAndTheAmountDue()
        => Prop.ForAll(Scenarios(), s =>
        {
            var (world, payment, targets, account) = Build(s);

            var applied = world.Payments.ApplyAsync(payment, targets, account).AsTask().GetAwaiter().GetResult();
            var reversed = world.Payments.Reverse(applied.Payment.Payment, applied.Invoices, "returned", applied.Credit?.Account, Date(2026, 12, 20));

            foreach (var invoice in applied.Invoices.Concat(reversed.Invoices).Concat(applied.InvoiceChanges.Select(c => c.Invoice)).Concat(reversed.InvoiceChanges.Select(c => c.Invoice)))
            {
                Assert.False(invoice.OpenAmount.IsNegative, $"{invoice} open {invoice.OpenAmount}");
                Assert.True(invoice.OpenAmount <= invoice.Totals.AmountDue, $"{invoice} open {invoice.OpenAmount} of {invoice.Totals.AmountDue}");
            }

            var settled = applied.Payment.Payment.Allocations.Where(a => a.Kind is PaymentAllocationKind.WriteOff or PaymentAllocationKind.Discount).Select(a => a.InvoiceId).ToHashSet();
            Assert.All(applied.Invoices.Where(i => settled.Contains(i.Id)), i => Assert.Equal((InvoiceStatus.Paid, 0m), (i.Status, i.OpenAmount.Amount)));
        });

    /// <summary>
    /// Applying then reversing restores every open amount exactly (and the status), except for the
    /// discount credit notes, which stay: an invoice is open by its earlier open amount less the
    /// discount it was granted. The customer credit returns to what it was.
    /// </summary>
    [Property(MaxTest = 100)]
    public Property ApplyThenReverse_RestoresEveryOpenAmount()
        => Prop.ForAll(Scenarios(), s =>
        {
            var (world, payment, targets, account) = Build(s);

            var applied = world.Payments.ApplyAsync(payment, targets, account).AsTask().GetAwaiter().GetResult();
            var reversed = world.Payments.Reverse(applied.Payment.Payment, applied.Invoices, "returned", applied.Credit?.Account, Date(2026, 12, 20));

            var discounts = applied.Payment.Payment.Allocations.Where(a => a.Kind == PaymentAllocationKind.Discount).ToDictionary(a => a.InvoiceId, a => a.Amount);
            Assert.Equal(targets.Length, reversed.Invoices.Count);
            foreach (var before in targets.Select(t => t.Invoice))
            {
                var after = reversed.Invoices.Single(i => i.Id == before.Id);
                var discount = discounts.TryGetValue(before.Id, out var d) ? d : Money.Zero(Currency.Eur);
                Assert.Equal(before.OpenAmount - discount, after.OpenAmount);
                Assert.Equal(before.AmountPaid, after.AmountPaid);
                Assert.Equal(before.AmountWrittenOff, after.AmountWrittenOff);
                if (discount.IsZero)
                {
                    Assert.Equal(before.Status, after.Status);
                }
            }

            Assert.Equal(0m, reversed.Credit?.Account.Balance.Amount ?? 0m);
            Assert.Equal(reversed.Payment.Payment.Amount, reversed.Payment.Payment.Unallocated);
            Assert.True(s.InPeriod || discounts.Count == 0, "no discount after the period");
        });
}
