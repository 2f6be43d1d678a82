using Invoicing.Core.Documents;
using Invoicing.Core.Payments;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;
using NodaTime;
using static Invoicing.Core.Tests.Payments.PaymentServiceTests;

namespace Invoicing.Core.Tests.Payments.Reconciliation;

/// <summary>The matcher expects the early-payment discount the payment service grants, to the cent, so an auto match settles the invoice.</summary>
public sealed class DiscountAgreementTests
{
    [Theory]
    [InlineData(0, 2.38)]      // nothing paid yet: the schedule's discount (2 % of 119.00)
    [InlineData(68.75, 1.00)]  // 50.25 open: 2.38 × 50.25 / 119.00 = 1.005, rounded down (2 % of 50.25 rounded half up would be 1.01)
    [InlineData(19.00, 2.00)]  // 100.00 open: 2.38 × 100 / 119 = 2.00
    public async Task OpenItemFromAPartlyPaidInvoice_ExpectsTheServicesDiscount_AndTheMatchSettlesIt(decimal paidBefore, decimal expectedDiscount)
    {
        var world = NewWorld();
        var invoice = await IssueAsync(world, 100m, discount: true); // EUR 119.00, 2 % within 10 days (until 2026-12-03)
        if (paidBefore > 0)
        {
            invoice = (await world.Payments.ApplyAsync(Receive(world, paidBefore, bankReference: "BANK-0"), [new PaymentTarget(invoice)])).Invoices[0];
        }

        var item = OpenItem.FromInvoice(invoice);
        var discounted = invoice.OpenAmount - Eur(expectedDiscount);
        var entry = new ReconciliationEntry("E1", discounted, CreditDebit.Credit) { RemittanceText = invoice.Number!.Value.Value, ValueDate = new LocalDate(2026, 12, 2) };
        var outcome = Assert.Single(new ReconciliationMatcher().Match([item], [entry]).Outcomes);
        var posting = await world.Payments.ApplyAsync(Receive(world, discounted.Amount, new LocalDate(2026, 12, 2)), [new PaymentTarget(invoice)]);

        Assert.Equal(Eur(expectedDiscount), item.Discount!.Value.On(item.OpenAmount));
        Assert.Equal(Eur(-expectedDiscount), outcome.Best!.Difference!.Amount);
        Assert.Equal(DifferenceReason.EarlyPaymentDiscount, outcome.Best.Difference.Reason);
        Assert.Equal(InvoiceStatus.Paid, posting.Invoices[0].Status);
        Assert.Equal(Eur(expectedDiscount), Assert.Single(posting.CreditNotes).CreditNote.AmountDue);
    }

    [Theory]
    [InlineData(10.00, "EUR")]
    [InlineData(0.00, "EUR")]
    [InlineData(0.20, "USD")]
    public void OpenItem_RefusesADiscountAmountThatCannotBe(decimal amount, string currency)
    {
        var discount = new OpenItemDiscount(2m, new LocalDate(2026, 12, 3)) { Amount = Invoicing.Core.Monetary.Money.Of(amount, Invoicing.Core.Monetary.Currency.FromCode(currency)) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OpenItem("INV-1", Invoicing.Core.Parties.CustomerId.From("C-1"), Eur(10m)) { Discount = discount });

        Assert.Contains("INV-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiscountAmount_WhenGiven_IsTheDiscount()
    {
        var item = new OpenItem("INV-1", Invoicing.Core.Parties.CustomerId.From("C-1"), Eur(10m)) { Discount = new OpenItemDiscount(2m, new LocalDate(2026, 12, 3)) { Amount = Eur(0.19m) } };

        Assert.Equal(Eur(0.19m), item.Discount!.Value.On(item.OpenAmount));
        Assert.Equal(Eur(0.20m), new OpenItemDiscount(2m, new LocalDate(2026, 12, 3)).On(item.OpenAmount));
    }
}
