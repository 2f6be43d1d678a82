using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

/// <summary>The edges of issuing and checking a draft: nothing due, amounts out of range, lines and bases that cannot be invoiced, calendars that never open.</summary>
public sealed class InvoiceServiceRulesTests
{
    [Fact]
    public async Task IssueAsync_NothingDue_IsPaidAtIssueAndTakesNoPayment()
    {
        var (service, clock, _) = Service();
        var header = BusinessHeader() with { PrepaidAmount = Money.Of(119.00m, Currency.Eur) }; // 100.00 + 19% paid in advance
        var draft = service.CreateDraft(Tenant, header, [Line("1", 1m, 100m)]).Invoice;

        var issued = (await service.IssueAsync(draft)).Invoice;
        clock.AdvanceDays(60);

        Assert.Equal(Money.Zero(Currency.Eur), issued.Totals.AmountDue);
        Assert.Equal(InvoiceStatus.Paid, issued.Status);
        Assert.NotNull(issued.Number);
        Assert.False(service.IsOverdue(issued));
        Assert.Throws<InvoiceStateException>(() => service.RecordPayment(issued, Money.Of(1m, Currency.Eur), Date(2026, 12, 1)));
        Assert.Throws<InvoiceStateException>(() => service.WriteOff(issued, "nothing to write off"));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.005)]
    public void Header_PrepaidAmountNegativeOrFinerThanCents_IsRefusedNamingIt(double amount)
    {
        var prepaid = Money.Of((decimal)amount, Currency.Eur);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => BusinessHeader() with { PrepaidAmount = prepaid });

        Assert.Equal("PrepaidAmount", exception.ParamName);
        Assert.Contains(prepaid.ToString(), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("XAU")]
    [InlineData("XXX")]
    public void Header_And_Account_CurrencyWithoutMinorUnits_IsRefused(string code)
    {
        var currency = Currency.FromCode(code);

        var header = Assert.Throws<ArgumentException>(() => new InvoiceHeader(currency, Seller));
        var account = Assert.Throws<ArgumentException>(() => new CustomerAccount(Tenant, CustomerId.From("C-1"), Buyer, currency));

        Assert.Contains(code, header.Message, StringComparison.Ordinal);
        Assert.Contains(code, account.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateDraft_TotalsBeyondDecimal_IsAnArgumentException()
    {
        var (service, _, _) = Service();
        var huge = 4E27m; // twenty lines of 4 × 10^27 pass decimal's 7.9 × 10^28

        var exception = Assert.Throws<ArgumentException>(
            () => service.CreateDraft(Tenant, BusinessHeader(), Enumerable.Range(1, 20).Select(i => Line($"{i}", 1m, huge))));

        Assert.Contains("too large", exception.Message, StringComparison.Ordinal);
        Assert.IsType<OverflowException>(exception.InnerException);
    }

    [Fact]
    public async Task Check_BusinessLineBelowZero_IsAProblemNamingTheLine()
    {
        var (service, _, numbers) = Service();
        var line = Line("7", 1m, 100m) with { AllowanceCharges = [AllowanceCharge.Allowance(Money.Of(150m, Currency.Eur), "Goodwill")] };
        var business = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 500m), line]).Invoice;
        var consumer = service.CreateDraft(Tenant, ConsumerHeader(), [Line("1", 1m, 500m), line]).Invoice;

        var problem = Assert.Single(service.Check(business));
        var refused = await Assert.ThrowsAsync<InvoiceValidationException>(async () => await service.IssueAsync(business));

        Assert.Equal("line 7 net amount (BT-131)", problem.Field);
        Assert.Contains("EUR -50.00", problem.Message, StringComparison.Ordinal);
        Assert.Equal([problem], refused.Problems);
        Assert.Equal(0, numbers.Current(Tenant, NumberSeries.Default, 2026));
        Assert.Empty(service.Check(consumer)); // a receipt may carry a refund line
    }

    [Theory]
    [InlineData(5, "and the invoice has none")] // no line is taxed at 5%
    [InlineData(19, "add up to EUR 0.00")]      // the only 19% line is given away
    public void Check_DocumentPercentageWithoutAPositiveBase_IsAProblemNamingIt(int rate, string reason)
    {
        var (service, _, _) = Service();
        var free = Line("1", 1m, 100m, 19m) with { AllowanceCharges = [AllowanceCharge.Allowance(Money.Of(100m, Currency.Eur), "Sample")] };
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [free, Line("2", 1m, 40m, 7m)]).Invoice;
        var percent = new DocumentAllowanceCharge(InvoiceLineId.From("d1"), AllowanceCharge.AllowancePercent(10m, "Volume"), TaxTreatment.Standard(rate));
        var explicitBase = new DocumentAllowanceCharge(percent.Id, AllowanceCharge.AllowancePercent(10m, "Volume", baseAmount: Money.Of(50m, Currency.Eur)), percent.Tax);

        var problem = Assert.Single(service.Check(service.AddAllowanceCharge(draft, percent).Invoice));

        Assert.Equal("allowance or charge d1 base amount (BT-93/BT-100)", problem.Field);
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
        Assert.Empty(service.Check(service.AddAllowanceCharge(draft, explicitBase).Invoice));
        Assert.Empty(service.Check(draft));
    }

    [Fact]
    public async Task IssueAsync_CalendarWithoutBusinessDays_IsTheHostsFailureAndConsumesNoNumber()
    {
        var (service, _, numbers) = Service(calendar: new NeverOpen());
        var draft = service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 10m)]).Invoice;

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await service.IssueAsync(draft));

        Assert.IsNotType<InvoiceValidationException>(exception);
        Assert.Contains("business day", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, numbers.Current(Tenant, NumberSeries.Default, 2026));
        Assert.True(draft.IsDraft);
    }

    [Fact]
    public async Task IssueAsync_TermsThatDoNotFit_AreAValidationProblemOfThePaymentTerms()
    {
        var (service, _, numbers) = Service();
        var terms = PaymentTerms.InInstalments(
            InstalmentTerm.OfAmount(Money.Of(50m, Currency.Eur), DueDateRule.DaysAfterIssue(10)),
            InstalmentTerm.OfAmount(Money.Of(50m, Currency.Eur), DueDateRule.DaysAfterIssue(40)));
        var draft = service.CreateDraft(Tenant, BusinessHeader() with { PaymentTerms = terms }, [Line("1", 1m, 10m)]).Invoice;

        var exception = await Assert.ThrowsAsync<InvoiceValidationException>(async () => await service.IssueAsync(draft));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal("payment terms (BT-20)", problem.Field);
        Assert.Contains("EUR 11.90", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, numbers.Current(Tenant, NumberSeries.Default, 2026));
    }

    [Fact]
    public void InvoiceValidationException_NeedsAProblemAndKeepsItsOwnCopy()
    {
        var problems = new List<InvoiceProblem> { new("lines (BG-25)", "an invoice needs at least one line") };
        var id = InvoiceId.New();

        var exception = new InvoiceValidationException(id, problems);
        problems.Clear();

        Assert.Single(exception.Problems);
        Assert.Throws<ArgumentException>(() => new InvoiceValidationException(id, []));
        Assert.Throws<NotSupportedException>(() => ((IList<InvoiceProblem>)exception.Problems).Clear());
    }

    private sealed class NeverOpen : IBusinessCalendar
    {
        public ValueTask<bool> IsBusinessDayAsync(LocalDate day, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);
    }
}
