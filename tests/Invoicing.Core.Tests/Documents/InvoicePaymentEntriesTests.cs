using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

/// <summary>The money entries of an invoice: payments, written-off differences and reversals.</summary>
public sealed class InvoicePaymentEntriesTests
{
    private static Money Eur(decimal amount) => Money.Of(amount, Currency.Eur);

    private static async Task<(InvoiceService Service, Invoice Invoice)> IssuedAsync()
    {
        var (service, _, _) = Service();
        var issued = (await service.IssueAsync(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 100m)]).Invoice)).Invoice; // EUR 119.00
        return (service, issued);
    }

    [Theory]
    [InlineData(119, null, InvoiceStatus.Issued, 119)]       // the only payment, reversed in full: issued again
    [InlineData(119, 19.0, InvoiceStatus.PartiallyPaid, 19)]    // a partial return of a full payment
    [InlineData(50, null, InvoiceStatus.Issued, 119)]
    [InlineData(50, 0.01, InvoiceStatus.PartiallyPaid, 69.01)]
    public async Task ReversePayment_ReopensByTheAmountReversed(decimal paid, double? reversed, InvoiceStatus status, decimal open)
    {
        var (service, issued) = await IssuedAsync();
        var afterPayment = service.RecordPayment(issued, Eur(paid), Date(2026, 12, 1), "DD-1").Invoice;

        var change = service.ReversePayment(afterPayment, 1, "Direct debit returned (MD06)", reversed is double r ? Eur((decimal)r) : null, Date(2026, 12, 5));

        var reversal = ((InvoicePaymentReversed)change.Event).Reversal;
        Assert.Equal((status, open), (change.Invoice.Status, change.Invoice.OpenAmount.Amount));
        Assert.Equal((RecordedPaymentKind.Reversal, 1, "Direct debit returned (MD06)", "DD-1"), (reversal.Kind, reversal.Reverses, reversal.Reason, reversal.Reference));
        Assert.Equal(2, change.Invoice.Payments.Count);
        Assert.Equal(afterPayment.Version + 1, change.Invoice.Version);
        Assert.Equal(Eur(119m) - change.Invoice.OpenAmount, change.Invoice.AmountPaid);
        Assert.Equal(change.Invoice.OpenAmount, ((InvoicePaymentReversed)change.Event).OpenAmount);
    }

    [Fact]
    public async Task WriteOffDifference_SettlesTheRestAndCanBeReversed()
    {
        var (service, issued) = await IssuedAsync();
        var partly = service.RecordPayment(issued, Eur(118.70m), Date(2026, 12, 1)).Invoice;

        var settled = service.WriteOffDifference(partly, Eur(0.30m), "Bank fee", Date(2026, 12, 2));
        var reopened = service.ReversePayment(settled.Invoice, 2, "Fee claimed back from the payer", date: Date(2026, 12, 3)).Invoice;

        Assert.Equal((InvoiceStatus.Paid, 0m, 0.30m, 118.70m), (settled.Invoice.Status, settled.Invoice.OpenAmount.Amount, settled.Invoice.AmountWrittenOff.Amount, settled.Invoice.AmountPaid.Amount));
        Assert.Equal((RecordedPaymentKind.WriteOff, "Bank fee"), (((InvoiceDifferenceWrittenOff)settled.Event).WriteOff.Kind, ((InvoiceDifferenceWrittenOff)settled.Event).WriteOff.Reason));
        Assert.Equal((InvoiceStatus.PartiallyPaid, 0.30m, 0m), (reopened.Status, reopened.OpenAmount.Amount, reopened.AmountWrittenOff.Amount));
        Assert.Equal(Eur(0m), reopened.Unreversed(2));
        Assert.Equal(Eur(118.70m), reopened.Unreversed(1));
    }

    [Fact]
    public async Task WriteOffDifference_OfPartOfTheRest_LeavesItPartiallyPaid()
    {
        var (service, issued) = await IssuedAsync();

        var change = service.WriteOffDifference(issued, Eur(0.05m), "Rounding difference", Date(2026, 12, 2));

        Assert.Equal((InvoiceStatus.PartiallyPaid, 118.95m), (change.Invoice.Status, change.Invoice.OpenAmount.Amount));
    }

    public static TheoryData<string, Func<InvoiceService, Invoice, object>, Type, string> Rejections => new()
    {
        { "reverse more than stands", (s, i) => s.ReversePayment(i, 1, "r", Eur(50.01m), Date(2026, 12, 5)), typeof(ArgumentOutOfRangeException), "at most the EUR 50.00" },
        { "reverse a second time beyond", (s, i) => s.ReversePayment(s.ReversePayment(i, 1, "r", Eur(30m), Date(2026, 12, 5)).Invoice, 1, "r", Eur(20.01m), Date(2026, 12, 5)), typeof(ArgumentOutOfRangeException), "EUR 20.00" },
        { "reverse a reversal", (s, i) => s.ReversePayment(s.ReversePayment(i, 1, "r", Eur(30m), Date(2026, 12, 5)).Invoice, 2, "r", null, Date(2026, 12, 5)), typeof(ArgumentOutOfRangeException), "reversals cannot be reversed" },
        { "reverse entry 0", (s, i) => s.ReversePayment(i, 0, "r"), typeof(ArgumentOutOfRangeException), "position 0" },
        { "reverse entry 2 of 1", (s, i) => s.ReversePayment(i, 2, "r"), typeof(ArgumentOutOfRangeException), "position 2" },
        { "reverse before the payment", (s, i) => s.ReversePayment(i, 1, "r", null, Date(2026, 11, 30)), typeof(ArgumentOutOfRangeException), "2026-12-01" },
        { "reverse in dollars", (s, i) => s.ReversePayment(i, 1, "r", Money.Of(1m, Currency.Usd)), typeof(CurrencyMismatchException), "reversed amount" },
        { "reverse a negative amount", (s, i) => s.ReversePayment(i, 1, "r", Eur(-1m)), typeof(ArgumentOutOfRangeException), "EUR -1.00" },
        { "reverse without a reason", (s, i) => s.ReversePayment(i, 1, " "), typeof(ArgumentException), "reason" },
        { "reverse on a written-off invoice", (s, i) => s.ReversePayment(s.WriteOff(i, "Insolvent").Invoice, 1, "r"), typeof(InvoiceStateException), "WrittenOff" },
        { "write off more than is open", (s, i) => s.WriteOffDifference(i, Eur(69.01m), "fee"), typeof(ArgumentOutOfRangeException), "EUR 69.00" },
        { "write off sub-cent", (s, i) => s.WriteOffDifference(i, Eur(0.005m), "fee"), typeof(ArgumentOutOfRangeException), "whole minor units" },
        { "write off in dollars", (s, i) => s.WriteOffDifference(i, Money.Of(1m, Currency.Usd), "fee"), typeof(CurrencyMismatchException), "written-off difference" },
        { "write off without a reason", (s, i) => s.WriteOffDifference(i, Eur(1m), ""), typeof(ArgumentException), "reason" },
        { "write off on a paid invoice", (s, i) => s.WriteOffDifference(s.RecordPayment(i, Eur(69m), Date(2026, 12, 2)).Invoice, Eur(0.01m), "fee"), typeof(InvoiceStateException), "Paid" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public async Task Commands_BadInput_ThrowNamingTheValueAndChangeNothing(string name, Func<InvoiceService, Invoice, object> command, Type expected, string mentioned)
    {
        var (service, issued) = await IssuedAsync();
        var partly = service.RecordPayment(issued, Eur(50m), Date(2026, 12, 1)).Invoice;

        var exception = Assert.Throws(expected, () => command(service, partly));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
        Assert.Equal((3, 1, 69m), (partly.Version, partly.Payments.Count, partly.OpenAmount.Amount));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [InlineData(RecordedPaymentKind.Payment, "why", null, "reason")]
    [InlineData(RecordedPaymentKind.WriteOff, null, null, "reason")]
    [InlineData(RecordedPaymentKind.WriteOff, "fee", 1, "reverses")]
    [InlineData(RecordedPaymentKind.Reversal, "returned", null, "reverses")]
    [InlineData(RecordedPaymentKind.Reversal, "returned", 0, "reverses")]
    [InlineData((RecordedPaymentKind)9, "x", null, "kind")]
    public void RecordedPayment_InconsistentKindReasonOrTarget_Throws(RecordedPaymentKind kind, string? reason, int? reverses, string parameter)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => new RecordedPayment(Eur(1m), Date(2026, 12, 1), null, kind, reason, reverses));

        Assert.Equal(parameter, exception.ParamName);
    }
}
