using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;
using Invoicing.Core.Documents;
using Invoicing.Core.Persistence;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Payments.Reconciliation;

/// <summary>The matcher's inputs: entries from camt statements, open items, the tolerance, and how document numbers compare.</summary>
public sealed class ReconciliationModelTests
{
    private static Money Eur(decimal amount) => Money.Of(amount, Currency.Eur);

    [Fact]
    public async Task FromStatements_NamesEntriesByServicerReference_AndSplitsBatchesIntoTransactions()
    {
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "TestData", "camt", "camt053-v02-statement.xml"));
        var entries = ReconciliationEntry.FromStatements(await CamtReader.ReadAsync(stream));

        Assert.Equal(
            ["2026030212345001", "2026030212345002/1", "2026030212345002/2", "2026030212345002/3", "2026030212345003", "2026030212345004"],
            entries.Select(e => e.Id));
        Assert.Equal([1190.00m, 500.00m, 1250.77m, 600.50m, 12.50m, 87.50m], entries.Select(e => e.Amount.Amount));
        Assert.Equal([CreditDebit.Credit, CreditDebit.Credit, CreditDebit.Credit, CreditDebit.Credit, CreditDebit.Debit, CreditDebit.Debit], entries.Select(e => e.Side));
        Assert.True(entries[5].IsReversal);
        Assert.NotNull(entries[0].CreditorReference);
        Assert.All(entries.Take(4), e => Assert.NotNull(e.PayerName));
    }

    [Fact]
    public void FromStatements_RejectsAnAmountWithMoreDecimalsThanItsCurrency_NamingTheLine()
    {
        var error = Assert.Throws<BankStatementFormatException>(() => ReconciliationEntry.FromStatements([StatementWith(("OK", 1m), ("BAD", 1.005m))]));

        Assert.Equal(5, error.LineNumber);
        Assert.Contains("entry BAD has the amount EUR 1.005", error.Message);
    }

    [Fact]
    public void FromStatements_KeepsIdsUnique()
    {
        var statement = StatementWith(("REF-1", 10m), ("REF-1", 20m), (null, 30m));
        var entries = ReconciliationEntry.FromStatements([statement, statement]);

        Assert.Equal(["REF-1", "REF-1#2", "3", "REF-1#3", "REF-1#4", "6"], entries.Select(e => e.Id));
    }

    [Fact]
    public async Task FromInvoice_TakesNumberCustomerOpenAmountDatesAndDiscount()
    {
        var invoices = new InvoiceService(new FakeClock(Now), new InMemoryInvoiceNumberSequence());
        var header = BusinessHeader() with { PaymentTerms = PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10) };
        var draft = invoices.CreateDraft(Tenant, header, [Line("1", 1m, 100m)]).Invoice;
        var issued = (await invoices.IssueAsync(draft)).Invoice;
        var paid = invoices.RecordPayment(issued, Eur(19m), issued.IssueDate!.Value).Invoice;

        var item = OpenItem.FromInvoice(paid, "RF18539007547034", ["DE89370400440532013000"]);

        Assert.Equal(issued.Number!.Value.Value, item.DocumentNumber);
        Assert.Equal(CustomerId.From("C-1"), item.CustomerId);
        Assert.Equal(Eur(100m), item.OpenAmount);
        Assert.Equal(issued.DueDate, item.DueDate);
        Assert.Equal(new OpenItemDiscount(2m, issued.Schedule!.DiscountDeadline!.Value) { Amount = Eur(2.00m) }, item.Discount); // 2.38 × 100.00 / 119.00, as the payment service grants it
        Assert.Equal(["DE89370400440532013000"], item.PayerAccounts);
        Assert.Contains("Draft", Assert.Throws<ArgumentException>(() => OpenItem.FromInvoice(draft)).Message);
    }

    [Theory]
    [InlineData(1, 5, 100, 1.00)]     // 1 % of 100 is below the absolute limit
    [InlineData(1, 5, 1000, 5.00)]    // the absolute limit is lower than 1 % of 1000
    [InlineData(0.5, 5, 99.99, 0.49)] // rounded down to minor units, never up
    [InlineData(0, 5, 100, 0.00)]
    public void Tolerance_IsTheLowerOfAbsoluteAndPercentage(decimal percent, decimal absolute, decimal settled, decimal expected)
    {
        var tolerance = new PaymentTolerance(percent, Eur(absolute));

        Assert.Equal(Eur(expected), tolerance.LimitFor(Eur(settled)));
        Assert.True(tolerance.Covers(Eur(-expected), Eur(settled)));
        Assert.False(tolerance.Covers(Eur(-expected - 0.01m), Eur(settled)));
    }

    [Fact]
    public void Tolerance_WithoutALimitForTheCurrency_IsZero()
    {
        var tolerance = new PaymentTolerance(10m, Eur(5m));

        Assert.Equal(Money.Zero(Currency.Usd), tolerance.LimitFor(Money.Of(100m, Currency.Usd)));
        Assert.Equal("none", PaymentTolerance.None.ToString());
        Assert.Equal("10 % up to EUR 5.00", tolerance.ToString());
    }

    [Fact]
    public void Tolerance_RejectsBadLimits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentTolerance(101m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentTolerance(1m, Eur(-1m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PaymentTolerance(1m, Eur(0.001m)));
        var duplicate = Assert.Throws<ArgumentException>(() => new PaymentTolerance(1m, Eur(1m), Eur(2m)));
        Assert.Contains("EUR", duplicate.Message);
        Assert.Throws<CurrencyMismatchException>(() => new PaymentTolerance(1m, Eur(1m)).Covers(Money.Of(1m, Currency.Usd), Eur(100m)));
    }

    [Fact]
    public void OpenItem_RejectsWhatCannotBeOwed()
    {
        var customer = CustomerId.From("C-1");
        Assert.Contains("INV-1", Assert.Throws<ArgumentOutOfRangeException>(() => new OpenItem("INV-1", customer, Eur(0m))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenItem("INV-1", customer, Eur(1.001m)));
        Assert.Throws<ArgumentException>(() => new OpenItem(" ", customer, Eur(1m)));
        Assert.Throws<ArgumentException>(() => new OpenItem("INV-1", default, Eur(1m)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpenItem("INV-1", customer, Eur(1m)) { Discount = new OpenItemDiscount(100m, new LocalDate(2026, 1, 1)) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReconciliationEntry("E1", Eur(-1m), CreditDebit.Credit));
        Assert.Equal(Eur(2.38m), new OpenItemDiscount(2m, new LocalDate(2026, 1, 1)).On(Eur(119m)));
    }

    [Theory]
    [InlineData("INV-2026-000123", "inv 2026 123", true)]
    [InlineData("INV-2026-000123", "INV2026000123", true)]
    [InlineData("INV-2026-000123", "2026000123", true)]
    [InlineData("INV-2026-000123", "2026-00123", true)]
    [InlineData("INV-2026-000123", "2026 1230", false)]
    [InlineData("INV-2026-000123", "2026 0123 4", true)]
    [InlineData("INV-2026-000123", "2027-000123", false)]
    [InlineData("INV-123", "12 3", false)]
    [InlineData("INV-123", "12-3", true)]
    [InlineData("INV-123", "0000123", true)]
    [InlineData("INV-123", "RE 123", true)]
    [InlineData("INV-123", "CN-123", false)]
    [InlineData("A-100", "a100", true)]
    [InlineData("A-100", "A-10", false)]
    [InlineData("A-100", "A-1000", false)]
    [InlineData("INV-123", "123.00", false)]
    [InlineData("INV-123", "invoice", false)]
    public void DocumentNumbers_CompareTolerantlyButNeverToADifferentNumber(string number, string text, bool names)
    {
        var item = new OpenItem(number, CustomerId.From("C-1"), Eur(10m));
        var entry = new ReconciliationEntry("E1", Eur(10m), CreditDebit.Credit) { RemittanceText = text };
        var outcome = Assert.Single(new ReconciliationMatcher().Match([item], [entry]).Outcomes);
        var found = outcome.Proposals.Any(p => p.Rule == MatchRule.DocumentNumber);

        Assert.Equal(names, found);
    }

    private static BankStatement StatementWith(params (string? Reference, decimal Amount)[] entries)
    {
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-23T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
            {string.Concat(entries.Select(e => $"<Ntry>{(e.Reference is null ? "" : $"<NtryRef>{e.Reference}</NtryRef>")}<Amt Ccy=\"EUR\">{e.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-23</Dt></BookgDt><BkTxCd/></Ntry>"))}
            </Stmt></BkToCstmrStmt></Document>
            """;
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        return Assert.Single(CamtReader.ReadAsync(stream).AsTask().GetAwaiter().GetResult());
    }
}
