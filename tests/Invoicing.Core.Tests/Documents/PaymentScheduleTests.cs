using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

public sealed class PaymentScheduleTests
{
    private static readonly DueDateRule Net30 = DueDateRule.DaysAfterIssue(30);
    private static readonly DueDateRule Net60 = DueDateRule.DaysAfterIssue(60);
    private static readonly DueDateRule Net90 = DueDateRule.DaysAfterIssue(90);

    [Fact]
    public async Task Percentages_SplitExactly()
    {
        var terms = PaymentTerms.InInstalments(InstalmentTerm.OfPercent(33.33m, Net30), InstalmentTerm.OfPercent(33.33m, Net60), InstalmentTerm.OfPercent(33.34m, Net90));

        var schedule = await PaymentSchedule.ComputeAsync(terms, Date(2026, 11, 23), Money.Of(100m, Currency.Eur), MoneyRounding.HalfUp, null);

        Assert.Equal([33.33m, 33.33m, 33.34m], schedule.Instalments.Select(i => i.Amount.Amount));
        Assert.Equal([Date(2026, 12, 23), Date(2027, 1, 22), Date(2027, 2, 21)], schedule.Instalments.Select(i => i.DueDate));
        Assert.Equal(Date(2027, 2, 21), schedule.DueDate);
    }

    [Fact]
    public async Task FixedAmountsAndARemainder_TakeWhatIsLeft()
    {
        var terms = PaymentTerms.InInstalments(InstalmentTerm.OfAmount(Money.Of(500m, Currency.Eur), Net30), InstalmentTerm.OfPercent(10m, Net60), InstalmentTerm.Remainder(Net90));

        var schedule = await PaymentSchedule.ComputeAsync(terms, Date(2026, 11, 23), Money.Of(1234.57m, Currency.Eur), MoneyRounding.HalfUp, null);

        Assert.Equal([500m, 123.46m, 611.11m], schedule.Instalments.Select(i => i.Amount.Amount));
    }

    [Fact]
    public async Task InstalmentsOfDifferentRules_ReadByDueDate_WhileTheRemainderStaysTheLastTerm()
    {
        // Issued 2026-11-23: +20 days is 12-13, the end of the month 11-30; issued 2026-11-03 the order flips.
        var terms = PaymentTerms.InInstalments(InstalmentTerm.OfPercent(50m, DueDateRule.DaysAfterIssue(20)), InstalmentTerm.Remainder(DueDateRule.EndOfMonthPlus(0)));

        var late = await PaymentSchedule.ComputeAsync(terms, Date(2026, 11, 23), Money.Of(100.01m, Currency.Eur), MoneyRounding.HalfUp, null);
        var early = await PaymentSchedule.ComputeAsync(terms, Date(2026, 11, 3), Money.Of(100.01m, Currency.Eur), MoneyRounding.HalfUp, null);

        Assert.Equal([(Date(2026, 11, 30), 50.00m), (Date(2026, 12, 13), 50.01m)], late.Instalments.Select(i => (i.DueDate, i.Amount.Amount)));
        Assert.Equal([(Date(2026, 11, 23), 50.01m), (Date(2026, 11, 30), 50.00m)], early.Instalments.Select(i => (i.DueDate, i.Amount.Amount)));
        Assert.Equal(Date(2026, 12, 13), late.DueDate);
    }

    [Fact]
    public async Task FixedAmountsBeyondTheAmountDue_AreRejected()
    {
        var terms = PaymentTerms.InInstalments(InstalmentTerm.OfAmount(Money.Of(500m, Currency.Eur), Net30), InstalmentTerm.Remainder(Net60));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await PaymentSchedule.ComputeAsync(terms, Date(2026, 11, 23), Money.Of(400m, Currency.Eur), MoneyRounding.HalfUp, null));

        Assert.Contains("EUR 500.00", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EarlyPaymentDiscount_HasADeadlineAndAnAmount()
    {
        var schedule = await PaymentSchedule.ComputeAsync(
            PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10), Date(2026, 11, 23), Money.Of(1190m, Currency.Eur), MoneyRounding.HalfUp, null);

        Assert.Equal(Date(2026, 12, 3), schedule.DiscountDeadline);
        Assert.Equal(Money.Of(23.80m, Currency.Eur), schedule.DiscountAmount);
    }

    private static Gen<PaymentTerms> Plans { get; } =
        from count in Gen.Choose(2, 6)
        from weights in Gen.ArrayOf(Gen.Choose(1, 100), count)
        let total = weights.Sum()
        let percents = weights.Select(w => decimal.Round(w * 100m / total, 2)).ToArray()
        select PaymentTerms.InInstalments(
            percents.Take(count - 1).Select((p, i) => InstalmentTerm.OfPercent(Math.Max(p, 0.01m), DueDateRule.DaysAfterIssue(30 * (i + 1))))
                .Append(InstalmentTerm.Remainder(DueDateRule.DaysAfterIssue(30 * count))));

    [Property(MaxTest = 200)]
    public Property Instalments_SumExactlyToTheAmountDue()
        => Prop.ForAll(Plans.ToArbitrary(), Gen.Choose(0, 10_000_000).ToArbitrary(), (terms, cents) =>
        {
            var amountDue = Money.Of(cents / 100m, Currency.Eur);
            var schedule = PaymentSchedule.ComputeAsync(terms, Date(2026, 11, 23), amountDue, MoneyRounding.HalfUp, null).AsTask().GetAwaiter().GetResult();

            Assert.Equal(amountDue, schedule.Instalments.Aggregate(Money.Zero(Currency.Eur), (sum, i) => sum + i.Amount));
            Assert.All(schedule.Instalments, i => Assert.False(i.Amount.IsNegative));
        });
}
