using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Tests.Parties;

public sealed class PaymentTermsTests
{
    [Theory]
    [InlineData("2026-01-31", 30, "2026-03-02")]
    [InlineData("2026-11-23", 0, "2026-11-23")]
    [InlineData("2028-02-15", 14, "2028-02-29")]
    public void DaysAfterIssue_AddsCalendarDays(string issued, int days, string due)
        => Assert.Equal(Date(due), DueDateRule.DaysAfterIssue(days).Apply(Date(issued)));

    [Theory]
    [InlineData("2026-02-10", 0, "2026-02-28")]
    [InlineData("2028-02-10", 0, "2028-02-29")]
    [InlineData("2026-11-23", 15, "2026-12-15")]
    [InlineData("2026-12-01", 10, "2027-01-10")]
    public void EndOfMonthPlus_StartsFromTheLastDayOfTheIssueMonth(string issued, int days, string due)
        => Assert.Equal(Date(due), DueDateRule.EndOfMonthPlus(days).Apply(Date(issued)));

    [Theory]
    [InlineData("2026-01-31", 31, "2026-02-28")]
    [InlineData("2026-11-23", 10, "2026-12-10")]
    [InlineData("2026-12-05", 15, "2027-01-15")]
    public void DayOfNextMonth_ClampsToTheMonthLength(string issued, int day, string due)
        => Assert.Equal(Date(due), DueDateRule.DayOfNextMonth(day).Apply(Date(issued)));

    [Fact]
    public void Description_ReadsLikeAnInvoice()
    {
        Assert.Equal("Net 30 days", PaymentTerms.Net(30).Description);
        Assert.Equal("Due on issue", PaymentTerms.DueOnIssue.Description);
        Assert.Equal("End of month + 15 days", PaymentTerms.EndOfMonth(15).Description);
        Assert.Equal("2% discount if paid within 10 days; Net 30 days", PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10).Description);
        Assert.Equal(
            "2 instalments: 50% net 30 days; the rest net 60 days",
            PaymentTerms.InInstalments(InstalmentTerm.OfPercent(50m, DueDateRule.DaysAfterIssue(30)), InstalmentTerm.Remainder(DueDateRule.DaysAfterIssue(60))).Description);
    }

    [Fact]
    public void InInstalments_ValidatesTheShares()
    {
        var net30 = DueDateRule.DaysAfterIssue(30);
        var net60 = DueDateRule.DaysAfterIssue(60);

        Assert.Throws<ArgumentException>(() => PaymentTerms.InInstalments(InstalmentTerm.OfPercent(100m, net30)));
        Assert.Throws<ArgumentException>(() => PaymentTerms.InInstalments(InstalmentTerm.OfPercent(50m, net30), InstalmentTerm.OfPercent(40m, net60)));
        Assert.Throws<ArgumentException>(() => PaymentTerms.InInstalments(InstalmentTerm.Remainder(net30), InstalmentTerm.OfPercent(40m, net60)));
        Assert.Throws<ArgumentException>(() => PaymentTerms.InInstalments(InstalmentTerm.OfPercent(70m, net30), InstalmentTerm.OfPercent(40m, net60), InstalmentTerm.Remainder(net60)));
        Assert.Throws<ArgumentException>(() => PaymentTerms.InInstalments(
            InstalmentTerm.OfAmount(Money.Of(10m, Currency.Eur), net30), InstalmentTerm.OfAmount(Money.Of(10m, Currency.Usd), net60)));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstalmentTerm.OfAmount(Money.Of(-1m, Currency.Eur), net30));
        Assert.Throws<ArgumentOutOfRangeException>(() => InstalmentTerm.OfPercent(0m, net30));

        var plan = PaymentTerms.InInstalments(InstalmentTerm.OfPercent(30m, net30), InstalmentTerm.OfPercent(70m, net60));
        Assert.Equal(net60, plan.Due);
        Assert.Equal(2, plan.Instalments.Count);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(100, 10)]
    [InlineData(2, -1)]
    public void EarlyPaymentDiscount_OutOfRange_Throws(int percent, int days)
        => Assert.Throws<ArgumentOutOfRangeException>(() => PaymentTerms.Net(30).WithEarlyPaymentDiscount(percent, days));

    [Fact]
    public void Equality_IsByValue()
    {
        Assert.Equal(PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10), PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10));
        Assert.NotEqual(PaymentTerms.Net(30), PaymentTerms.EndOfMonth(30));
    }

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
