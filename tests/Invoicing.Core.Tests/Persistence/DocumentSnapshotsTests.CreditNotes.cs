using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.Core.ContractTests;
using Invoicing.Core.Documents;
using Invoicing.Core.Persistence;
using Snapshooter.Xunit;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Persistence;

public sealed partial class DocumentSnapshotsTests
{
    private static readonly CreditNoteId FixedCreditNoteId = CreditNoteId.From("cn-2026-0001");

    public static TheoryData<string> CreditNoteSamples => [.. ContractSamples.CreditNoteSampleNames];

    [Theory]
    [MemberData(nameof(CreditNoteSamples))]
    public async Task CreditNoteFromJson_OfToJson_EqualsTheCreditNoteInEveryProperty(string sample)
    {
        var note = await CreditNoteAsync(sample);

        var json = DocumentSnapshots.ToJson(note);
        var back = DocumentSnapshots.CreditNoteFromJson(json);

        SnapshotComparer.AssertEqual(note, back);
        Assert.Equal(json, DocumentSnapshots.ToJson(back));
    }

    [Theory]
    [MemberData(nameof(CreditNoteSamples))]
    public async Task CreditNoteFromUtf8Json_OfToUtf8Json_EqualsTheCreditNoteAndTheTextForm(string sample)
    {
        var note = await CreditNoteAsync(sample);

        var utf8 = DocumentSnapshots.ToUtf8Json(note);
        var back = DocumentSnapshots.CreditNoteFromUtf8Json(utf8);
        var withBom = DocumentSnapshots.CreditNoteFromUtf8Json([.. Encoding.UTF8.Preamble, .. utf8]);

        SnapshotComparer.AssertEqual(note, back);
        SnapshotComparer.AssertEqual(note, withBom);
        Assert.Equal(DocumentSnapshots.ToJson(note), Encoding.UTF8.GetString(utf8));
        Assert.False(utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }

    [Fact]
    public async Task CreditNoteFromJson_SeriesOfNotes_RoundTripsAndStillCreditsTheInvoiceExactly()
    {
        var (invoice, notes) = await ContractSamples.CreditNoteSeriesAsync(Tenant, SnapshotSamples.FixedId);

        var restored = notes.Select(n => DocumentSnapshots.CreditNoteFromJson(DocumentSnapshots.ToJson(n))).ToArray();

        Assert.All(notes.Zip(restored), pair => SnapshotComparer.AssertEqual(pair.First, pair.Second));
        Assert.True(CreditableBalance.Of(invoice, restored).IsExhausted);
        SnapshotComparer.AssertEqual(CreditableBalance.Of(invoice, notes.Take(2)), CreditableBalance.Of(invoice, restored.Take(2)));
    }

    [Fact]
    public async Task ToJson_CreditNote_StartsWithTheSchemaAndItsVersion()
    {
        var json = DocumentSnapshots.ToJson(await CreditNoteAsync(ContractSamples.DiscountCredit));

        Assert.StartsWith("""{"schema":"invoicing-core/credit-note","schemaVersion":1,"id":"cn-2026-0001","tenantId":"acme",""", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToJson_CreditNote_MatchesSnapshot()
    {
        var note = await CreditNoteAsync(ContractSamples.FullCancellationCredit);

        Snapshot.Match(Indented(DocumentSnapshots.ToJson(note)));
    }

    public static TheoryData<string, string, string[]> CreditNoteTampering => new()
    {
        // sample, JSON edit as "path=value" (value JSON, or "-" to remove), texts the message must contain
        { ContractSamples.FullCancellationCredit, "schema=\"invoicing-core/invoice\"", ["$.schema", "found \"invoicing-core/invoice\"", "\"invoicing-core/credit-note\""] },
        { ContractSamples.FullCancellationCredit, "schemaVersion=2", ["$.schemaVersion", "found 2", "later version"] },
        { ContractSamples.FullCancellationCredit, "lines.0.colour=\"red\"", ["$.lines[0].colour", "'colour'"] },
        { ContractSamples.FullCancellationCredit, "lines.0.quantity=-1", ["$.lines[0].quantity", "not negative"] },
        { ContractSamples.FullCancellationCredit, "totals.colour=\"red\"", ["$.totals.colour"] },
        { ContractSamples.FullCancellationCredit, "reason=-", ["$", "'reason'"] },
        { ContractSamples.FullCancellationCredit, "reason=\"  \"", ["$.reason", "blank"] },
        { ContractSamples.FullCancellationCredit, "kind=\"refund\"", ["$.kind", "'refund'", "\"fullCancellation\""] },
        { ContractSamples.FullCancellationCredit, "pricing=\"gross\"", ["$.lines[0].amount", "gross pricing"] },
        { ContractSamples.FullCancellationCredit, "lines.0.amount.amount=1", ["$.lines[0].amount", "EUR 1.00", "net pricing"] },
        { ContractSamples.FullCancellationCredit, "lines.0.amount.amount=1 & lines.0.netAmount.amount=1", ["$.totals.subtotals[0]", "the lines give"] },
        { ContractSamples.FullCancellationCredit, "lines.1.taxAmount.amount=0.01", ["$.totals.subtotals[1]"] },
        { ContractSamples.FullCancellationCredit, "totals.total.amount=1", ["$.totals.total", "EUR 1.00", "BT-112"] },
        { ContractSamples.FullCancellationCredit, "totals.subtotals=[]", ["$.totals.subtotals", "0 entries"] },
        { ContractSamples.FullCancellationCredit, "lines.1.id=\"7\"", ["$.lines[1].id", "'7'", "line 2"] },
        { ContractSamples.FullCancellationCredit, "lines.1.originalLineId=\"10\"", ["$.lines[1].originalLineId", "'10'", "twice"] },
        { ContractSamples.FullCancellationCredit, "lines=[]", ["$.lines", "at least one"] },
        { ContractSamples.FullCancellationCredit, "lines.0=null", ["$.lines[0]", "null"] },
        { ContractSamples.FullCancellationCredit, "lines.0.taxAmount.currency=\"CHF\"", ["$.lines[0].taxAmount", "CHF", "EUR"] },
        { ContractSamples.FullCancellationCredit, "lines.0.netAmount.amount=0.001 & lines.0.amount.amount=0.001", ["$.lines[0].amount", "whole minor units"] },
        { ContractSamples.FullCancellationCredit, "lines.0.description=\"\"", ["$.lines[0].description", "blank"] },
        { ContractSamples.FullCancellationCredit, "lines.2.tax.rate=7", ["$.lines[2].tax", "rate 0"] },
        { ContractSamples.FullCancellationCredit, "issueDate=\"2026-11-26\"", ["$.issueDate", "2026-11-26", "before"] },
        { ContractSamples.FullCancellationCredit, "original.number=\"\"", ["$.original.number"] },
        { ContractSamples.FullCancellationCredit, "rounding.amounts=\"0.05\"", ["$.rounding"] },
        { ContractSamples.DiscountCredit, "lines.0.quantity=1", ["$.lines[0].quantity", "kind Discount"] },
        { ContractSamples.PartialQuantityOnGrossReceiptCredit, "lines.0.netAmount.amount=2.90", ["$.lines[0].amount", "gross pricing", "CHF 2.90"] },
        { ContractSamples.PartialQuantityOnGrossReceiptCredit, "lines.0.quantity=1.00000000000000000000000000001", ["$.lines[0].quantity"] },
    };

    [Theory]
    [MemberData(nameof(CreditNoteTampering))]
    public async Task CreditNoteFromJson_EditedSnapshot_ThrowsJsonExceptionNamingThePath(string sample, string edit, string[] mentioned)
    {
        var json = Edit(DocumentSnapshots.ToJson(await CreditNoteAsync(sample)), edit);

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.CreditNoteFromJson(json));

        Assert.All(mentioned, text => Assert.Contains(text, exception.Message, StringComparison.Ordinal));
        Assert.NotNull(exception.Path);
    }

    [Fact]
    public async Task CreditNoteFromJson_LinesInTheWrongOrder_ThrowsJsonExceptionNamingTheFirstMisplacedLine()
    {
        var root = JsonNode.Parse(DocumentSnapshots.ToJson(await CreditNoteAsync(ContractSamples.FullCancellationCredit)))!;
        var lines = root["lines"]!.AsArray();
        var first = lines[0]!;
        lines.RemoveAt(0);
        lines.Insert(1, first);

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.CreditNoteFromJson(root.ToJsonString()));

        Assert.Equal("$.lines[0].id", exception.Path);
        Assert.Contains("is '2'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreditNoteFromJson_DomainRefusal_KeepsTheDomainExceptionAsInner()
    {
        var json = Edit(DocumentSnapshots.ToJson(await CreditNoteAsync(ContractSamples.FullCancellationCredit)), "lines.2.tax.rate=7");

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.CreditNoteFromJson(json));

        Assert.IsType<ArgumentOutOfRangeException>(exception.InnerException);
        Assert.StartsWith("$.lines[2].tax", exception.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoiceFromJson_CreditNoteSnapshot_SaysWhatItFound()
    {
        var json = DocumentSnapshots.ToJson(await CreditNoteAsync(ContractSamples.DiscountCredit));

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(json));

        Assert.Contains("found \"invoicing-core/credit-note\"; expected \"invoicing-core/invoice\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreditNoteNullArguments_AreArgumentNullExceptions()
    {
        Assert.Throws<ArgumentNullException>(() => DocumentSnapshots.ToJson((CreditNote)null!));
        Assert.Throws<ArgumentNullException>(() => DocumentSnapshots.ToUtf8Json((CreditNote)null!));
        Assert.Throws<ArgumentNullException>(() => DocumentSnapshots.CreditNoteFromJson(null!));
    }

    private static async Task<CreditNote> CreditNoteAsync(string sample)
        => (await ContractSamples.CreditNoteAsync(sample, Tenant, FixedCreditNoteId, SnapshotSamples.FixedId)).CreditNote;
}
