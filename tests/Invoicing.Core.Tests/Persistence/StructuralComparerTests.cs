using Invoicing.Core.ContractTests;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;
using Xunit.Sdk;

namespace Invoicing.Core.Tests.Persistence;

public sealed class StructuralComparerTests
{
    private static readonly TenantId Tenant = TenantId.From("acme");

    [Theory]
    [InlineData(ContractSamples.RichDraft)]
    [InlineData(ContractSamples.IssuedInInstalments)]
    [InlineData(ContractSamples.PartiallyPaid)]
    [InlineData(ContractSamples.Paid)]
    [InlineData(ContractSamples.WrittenOff)]
    [InlineData(ContractSamples.ReverseChargeInKwd)]
    [InlineData(ContractSamples.GrossReceiptWithCashRounding)]
    [InlineData(ContractSamples.Discarded)]
    public async Task FindDifferences_SampleBuiltTwice_FindsNone(string sample)
    {
        var id = InvoiceId.New();

        var first = await ContractSamples.InvoiceAsync(sample, Tenant, id);
        var second = await ContractSamples.InvoiceAsync(sample, Tenant, id);

        Assert.NotSame(first, second);
        Assert.Empty(StructuralComparer.FindDifferences(first, second));
    }

    [Fact]
    public void InvoiceSampleNames_AreTheSamplesTheContractRuns()
    {
        Assert.Equal(8, ContractSamples.InvoiceSampleNames.Count);
        Assert.Equal(ContractSamples.InvoiceSampleNames.Count, ContractSamples.InvoiceSampleNames.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task InvoiceSamples_CoverTheStatesAndFieldsTheyPromise()
    {
        var rich = await ContractSamples.InvoiceAsync(ContractSamples.RichDraft, Tenant);
        var instalments = await ContractSamples.InvoiceAsync(ContractSamples.IssuedInInstalments, Tenant);
        var writtenOff = await ContractSamples.InvoiceAsync(ContractSamples.WrittenOff, Tenant);
        var receipt = await ContractSamples.InvoiceAsync(ContractSamples.GrossReceiptWithCashRounding, Tenant);
        var kwd = await ContractSamples.InvoiceAsync(ContractSamples.ReverseChargeInKwd, Tenant);

        Assert.Equal(InvoiceStatus.Draft, rich.Status);
        Assert.All(typeof(InvoiceHeader).GetProperties(), p => Assert.NotNull(p.GetValue(rich.Header)));
        Assert.Equal(4, rich.AllowanceCharges.Count);
        // The terms list +8 days first; the schedule reads by date, so the end of month comes first.
        Assert.Equal([new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 7), new LocalDate(2026, 12, 29)], instalments.Schedule!.Instalments.Select(i => i.DueDate));
        Assert.NotNull(instalments.Schedule.DiscountAmount);
        Assert.Equal((InvoiceStatus.WrittenOff, 1), (writtenOff.Status, writtenOff.Payments.Count));
        Assert.Equal((InvoiceStatus.Paid, "POS-12-26-1", -0.01m), (receipt.Status, receipt.Number?.Value, receipt.Totals.RoundingAmount.Amount));
        Assert.Equal(("EXP/26/0001", 3), (kwd.Number?.Value, kwd.Totals.TaxBreakdown.Subtotals.Count));
    }

    [Fact]
    public void FindDifferences_DecimalScale_IsADifferenceEvenWhereEqualsIgnoresIt()
    {
        var written = Money.Of(12.30m, Currency.Eur);
        var read = Money.Of(12.3m, Currency.Eur);

        var differences = StructuralComparer.FindDifferences(written, read, "money");

        Assert.Equal(written, read);
        Assert.Equal(["money.Amount: expected 12.30 (scale 2), actual 12.3 (scale 1)"], differences);
    }

    [Fact]
    public void FindDifferences_DeepChange_NamesItsPath()
    {
        var written = ContractSamples.CustomerAccountWithEveryField(Tenant, CustomerId.From("C-1"));
        var read = written with { BillingContacts = [written.BillingContacts[0], new Contact { Email = "other@koper.example" }] };

        var differences = StructuralComparer.FindDifferences(written, read, "account");

        Assert.Equal(["account.BillingContacts[1].Email: expected \"controller@koper.example\", actual \"other@koper.example\""], differences);
    }

    [Fact]
    public void FindDifferences_TypeWithoutPublicProperties_IsComparedWithEquals()
    {
        var differences = StructuralComparer.FindDifferences(PaymentTerms.Net(30), PaymentTerms.Net(31), "terms");

        Assert.Contains("terms.Due: expected net 30 days, actual net 31 days", differences);
    }

    [Fact]
    public void FindDifferences_Sequences_AreComparedByElementWhateverTheirType()
    {
        Assert.Empty(StructuralComparer.FindDifferences(new[] { 1, 2 }, new List<int> { 1, 2 }));
        Assert.Equal(["list: expected 2 items, actual 1"], StructuralComparer.FindDifferences(new[] { 1, 2 }, new List<int> { 1 }, "list"));
        Assert.Equal(["list[1]: expected 2, actual 3"], StructuralComparer.FindDifferences(new[] { 1, 2 }, new[] { 1, 3 }, "list"));
    }

    [Fact]
    public void FindDifferences_Dictionaries_AreComparedByKey()
    {
        var written = new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 1, ["b"] = 2 };
        var read = new Dictionary<string, int>(StringComparer.Ordinal) { ["b"] = 2, ["a"] = 1 };
        var changed = new Dictionary<string, int>(StringComparer.Ordinal) { ["a"] = 1, ["c"] = 2 };

        Assert.Empty(StructuralComparer.FindDifferences(written, read));
        Assert.Equal(["map[\"b\"]: missing"], StructuralComparer.FindDifferences(written, changed, "map"));
    }

    [Fact]
    public void FindDifferences_NullAndValue_Differ()
    {
        var header = new InvoiceHeader(Currency.Eur, ContractSamples.Seller());

        var differences = StructuralComparer.FindDifferences(header, header with { Note = "x" }, "header");

        Assert.Equal(["header.Note: expected null, actual \"x\""], differences);
    }

    [Fact]
    public void FindDifferences_OtherRuntimeType_IsADifference()
    {
        var differences = StructuralComparer.FindDifferences(new Box("a"), new OtherBox("a"), "box");

        Assert.Equal(["box: expected a Box, actual a OtherBox (Box { Value = a } / OtherBox { Value = a })"], differences);
    }

    [Fact]
    public void FindDifferences_Cycle_Terminates()
    {
        var first = new Node("a");
        first.Next = first;
        var second = new Node("a");
        second.Next = second;

        Assert.Empty(StructuralComparer.FindDifferences(first, second));
    }

    [Fact]
    public async Task FindDifferences_TwoVersionsOfAnInvoice_ListsWhatChanged()
    {
        var versions = await ContractSamples.InvoiceVersionsAsync(ContractSamples.PartiallyPaid, Tenant);

        var differences = StructuralComparer.FindDifferences(versions[1], versions[2], "invoice");

        Assert.Contains("invoice.Version: expected 2, actual 3", differences);
        Assert.Contains("invoice.Status: expected Issued, actual PartiallyPaid", differences);
        Assert.Contains("invoice.Payments: expected 0 items, actual 1", differences);
        Assert.Contains("invoice.AmountPaid.Amount: expected 0 (scale 0), actual 100.00 (scale 2)", differences);
    }

    [Fact]
    public void AssertEqual_Differences_FailsListingThem()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => StructuralComparer.AssertEqual(new[] { 1, 2 }, new[] { 1, 3 }, "numbers"));

        Assert.Contains("numbers is not the same after the round trip (1 differences):", failure.Message, StringComparison.Ordinal);
        Assert.Contains("numbers[1]: expected 2, actual 3", failure.Message, StringComparison.Ordinal);
    }

    private sealed record Box(string Value);

    private sealed record OtherBox(string Value);

    private sealed class Node(string name)
    {
        public string Name { get; } = name;

        public Node? Next { get; set; }
    }
}
