using System.Text;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using Invoicing.Core.Tests.Monetary;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Persistence;

public sealed partial class DocumentSnapshotsTests
{
    public static TheoryData<string> Scenarios => [.. SnapshotSamples.Scenarios];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task InvoiceFromJson_OfToJson_EqualsTheInvoiceInEveryProperty(string scenario)
    {
        var invoice = await SnapshotSamples.InvoiceAsync(scenario);

        var json = DocumentSnapshots.ToJson(invoice);
        var back = DocumentSnapshots.InvoiceFromJson(json);

        SnapshotComparer.AssertEqual(invoice, back);
        Assert.Equal(json, DocumentSnapshots.ToJson(back));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task InvoiceFromUtf8Json_OfToUtf8Json_EqualsTheInvoiceAndTheTextForm(string scenario)
    {
        var invoice = await SnapshotSamples.InvoiceAsync(scenario);

        var utf8 = DocumentSnapshots.ToUtf8Json(invoice);
        var back = DocumentSnapshots.InvoiceFromUtf8Json(utf8);

        SnapshotComparer.AssertEqual(invoice, back);
        Assert.Equal(DocumentSnapshots.ToJson(invoice), Encoding.UTF8.GetString(utf8));
        Assert.False(utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }

    [Fact]
    public async Task InvoiceFromUtf8Json_WithAByteOrderMark_Reads()
    {
        var invoice = await SnapshotSamples.InvoiceAsync("draft");

        var back = DocumentSnapshots.InvoiceFromUtf8Json([.. Encoding.UTF8.Preamble, .. DocumentSnapshots.ToUtf8Json(invoice)]);

        SnapshotComparer.AssertEqual(invoice, back);
    }

    [Fact]
    public void CustomerAccountFromJson_OfToJson_EqualsTheAccountInEveryProperty()
    {
        var account = SnapshotSamples.FullAccount();

        var json = DocumentSnapshots.ToJson(account);
        var back = DocumentSnapshots.CustomerAccountFromJson(json);
        var fromUtf8 = DocumentSnapshots.CustomerAccountFromUtf8Json(DocumentSnapshots.ToUtf8Json(account));

        SnapshotComparer.AssertEqual(account, back);
        SnapshotComparer.AssertEqual(account, fromUtf8);
        Assert.Equal(account, back);
        Assert.Equal(json, DocumentSnapshots.ToJson(back));
    }

    [Fact]
    public void CustomerAccountFromJson_MinimalAccount_RoundTrips()
    {
        var account = new CustomerAccount(Tenant, CustomerId.From("C-2"), new Party("Jane Doe", new PostalAddress(CountryCode.De)), Currency.Eur);

        var back = DocumentSnapshots.CustomerAccountFromJson(DocumentSnapshots.ToJson(account));

        SnapshotComparer.AssertEqual(account, back);
    }

    [Fact]
    public async Task InvoiceFromJson_KeepsTheStoredTotals_WhateverTodaysCalculatorWouldCompute()
    {
        var invoice = await SnapshotSamples.InvoiceAsync("other-calculator");
        var (service, _, _) = Service();
        var recomputed = service.CreateDraft(Tenant, invoice.Header, invoice.Lines).Invoice.Totals;

        var back = DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(invoice));

        Assert.NotEqual(recomputed.TaxTotal, invoice.Totals.TaxTotal);
        Assert.Equal(invoice.Totals.TaxTotal, back.Totals.TaxTotal);
        Assert.Equal(invoice.Totals.AmountDue, back.Totals.AmountDue);
        Assert.Equal(invoice.Schedule!.Instalments.Select(i => i.Amount), back.Schedule!.Instalments.Select(i => i.Amount));
    }

    [Fact]
    public async Task InvoiceFromJson_OfARestoredInvoice_AllowsTheNextCommand()
    {
        var (service, _, _) = Service();
        var issued = DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(await SnapshotSamples.InvoiceAsync("partially-paid")));

        var paid = service.RecordPayment(issued, issued.OpenAmount, Date(2026, 12, 24)).Invoice;

        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(issued.Version + 1, paid.Version);
        Assert.Equal(paid.Totals.AmountDue, paid.AmountPaid);
    }

    [Fact]
    public async Task InvoiceFromJson_CustomCurrency_NeedsTheCatalog()
    {
        var points = Currency.CreateCustom("PTS2", 2, "Bonus points");
        var catalog = CurrencyCatalog.Iso4217.With(points);
        var (service, _, _) = Service();
        var header = new InvoiceHeader(points, Seller) { Buyer = Buyer };
        var line = new InvoiceLine(InvoiceLineId.From("1"), new Item("Voucher"), Quantity.Of(2m), Money.Of(12.5m, points), TaxTreatment.Standard(19m));
        var invoice = (await service.IssueAsync(service.CreateDraft(Tenant, header, [line], SnapshotSamples.FixedId).Invoice)).Invoice;
        var json = DocumentSnapshots.ToJson(invoice);

        var back = DocumentSnapshots.InvoiceFromJson(json, catalog);
        var again = DocumentSnapshots.InvoiceFromUtf8Json(Encoding.UTF8.GetBytes(json), catalog);
        var withoutCatalog = Assert.Throws<System.Text.Json.JsonException>(() => DocumentSnapshots.InvoiceFromJson(json));

        SnapshotComparer.AssertEqual(invoice, back);
        SnapshotComparer.AssertEqual(invoice, again);
        Assert.Contains("'PTS2'", withoutCatalog.Message, StringComparison.Ordinal);
        Assert.Contains("$.header.currency", withoutCatalog.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomerAccountFromJson_CustomCurrency_NeedsTheCatalog()
    {
        var account = new CustomerAccount(Tenant, CustomerId.From("C-3"), Buyer, MoneyGen.Points) { CreditLimit = Money.Of(1000m, MoneyGen.Points) };
        var json = DocumentSnapshots.ToJson(account);

        var back = DocumentSnapshots.CustomerAccountFromJson(json, MoneyGen.Catalog);

        SnapshotComparer.AssertEqual(account, back);
        Assert.Throws<System.Text.Json.JsonException>(() => DocumentSnapshots.CustomerAccountFromJson(json));
    }

    [Fact]
    public void ToJson_StartsWithTheSchemaAndItsVersion()
    {
        var json = DocumentSnapshots.ToJson(Service().Service.CreateDraft(Tenant, BusinessHeader(), id: SnapshotSamples.FixedId).Invoice);
        var account = DocumentSnapshots.ToJson(SnapshotSamples.FullAccount());

        Assert.StartsWith("""{"schema":"invoicing-core/invoice","schemaVersion":1,"id":"inv-2026-0001",""", json, StringComparison.Ordinal);
        Assert.StartsWith("""{"schema":"invoicing-core/customer-account","schemaVersion":1,"tenantId":"acme",""", account, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedEnumValue_CannotReachASnapshot()
    {
        // The domain refuses an undefined customer kind where it is set, so no snapshot can carry one.
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotSamples.FullAccount() with { Kind = (CustomerKind)7 });

        Assert.Equal("Kind", exception.ParamName);
    }

    [Fact]
    public void NullArguments_AreArgumentNullExceptions()
    {
        Assert.Throws<ArgumentNullException>(() => DocumentSnapshots.ToJson((Invoice)null!));
        Assert.Throws<ArgumentNullException>(() => DocumentSnapshots.ToUtf8Json((CustomerAccount)null!));
        Assert.Throws<ArgumentNullException>(() => DocumentSnapshots.InvoiceFromJson(null!));
        Assert.Throws<ArgumentNullException>(() => DocumentSnapshots.CustomerAccountFromJson(null!));
    }

    [Fact]
    public async Task StructuralComparer_FindsDifferencesThatEqualsIgnores()
    {
        var invoice = await SnapshotSamples.InvoiceAsync("all-optional-fields");
        var (service, _, _) = Service();
        var other = service.CreateDraft(Tenant, invoice.Header with { Buyer = invoice.Header.Buyer! with { Contact = new Contact { Name = "Someone else" } } }, invoice.Lines).Invoice;

        var differences = SnapshotComparer.Differences(invoice, other);
        var terms = SnapshotComparer.Differences(PaymentTerms.DueBy(DueDateRule.DaysAfterIssue(5)), PaymentTerms.DueBy(DueDateRule.EndOfMonthPlus(5)));
        var scale = SnapshotComparer.Differences(Quantity.Of(2.5m), Quantity.Of(2.50m));

        Assert.Contains(differences, d => d.StartsWith("Invoice.Header.Buyer.Contact.Name", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("Invoice.Status", StringComparison.Ordinal));
        Assert.NotEmpty(terms);
        Assert.Contains(scale, d => d.StartsWith("Quantity.Value", StringComparison.Ordinal));
    }
}
