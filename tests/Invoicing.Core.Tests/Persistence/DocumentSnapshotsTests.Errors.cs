using System.Text.Json;
using System.Text.Json.Nodes;
using Invoicing.Core.Documents;
using Invoicing.Core.Persistence;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Persistence;

public sealed partial class DocumentSnapshotsTests
{
    public static TheoryData<string, string, string[]> InvoiceTampering => new()
    {
        // name, JSON edit as "path=value" (value JSON, or "-" to remove), texts the message must contain
        { "wrong schema", "schema=\"invoicing-core/customer-account\"", ["$.schema", "\"invoicing-core/customer-account\"", "\"invoicing-core/invoice\""] },
        { "later version", "schemaVersion=2", ["$.schemaVersion", "found 2", "later version"] },
        { "version as text", "schemaVersion=\"1\"", ["$.schemaVersion", "\"1\""] },
        { "no schema", "schema=-", ["'schema' is missing"] },
        { "no version", "schemaVersion=-", ["'schemaVersion' is missing"] },
        { "unknown property", "header.colour=\"red\"", ["$.header.colour", "'colour'"] },
        { "missing required property", "header.currency=-", ["$.header", "'currency'"] },
        { "null where not allowed", "header.seller=null", ["$.header.seller"] },
        { "null list element", "lines.0=null", ["$.lines[0]", "null"] },
        { "unknown status", "status=\"overdue\"", ["$.status", "'overdue'", "\"partiallyPaid\""] },
        { "status as number", "status=1", ["$.status", "Number"] },
        { "bad date", "issueDate=\"2026-11-31\"", ["$.issueDate", "'2026-11-31'"] },
        { "unknown currency", "header.currency=\"EUX\"", ["$.header.currency", "'EUX'"] },
        { "unknown unit", "lines.1.quantity.unit=\"XXXX\"", ["$.lines[1].quantity.unit", "XXXX"] },
        { "too precise number", "lines.0.baseQuantity=1.00000000000000000000000000001", ["$.lines[0].baseQuantity", "1.00000000000000000000000000001"] },
        { "negative unit price", "lines.0.unitPrice={\"amount\":-1,\"currency\":\"EUR\"}", ["$.lines[0]", "EUR -1.00", "BR-27"] },
        { "rate of an exempt line", "lines.2.tax.rate=7", ["$.lines[2].tax", "rate 0"] },
        { "amount and percent", "lines.0.allowanceCharges.0.amount={\"amount\":1,\"currency\":\"EUR\"}", ["$.lines[0].allowanceCharges[0]", "either"] },
        { "duplicate line id", "lines.1.id=\"1\"", ["$.lines[1].id", "'1'"] },
        { "tampered amount due", "totals.amountDue.amount=1000", ["$.totals.amountDue", "EUR 1000.00", "BT-115", "EUR 522.98"] },
        { "tampered line net", "totals.lines.1.netAmount.amount=301", ["$.totals.lines[1]", "EUR 301.00"] },
        { "tampered tax subtotal", "totals.taxBreakdown.subtotals.0.taxAmount.amount=22", ["$.totals.taxBreakdown", "EUR 41.48"] },
        { "tampered item tax", "totals.taxBreakdown.items.3.tax.amount=3", ["$.totals.taxBreakdown"] },
        { "tampered line amount", "totals.lines.0.amount.amount=91", ["$.totals.lines[0].amount", "EUR 91.00", "net pricing"] },
        { "tampered tax total", "totals.taxTotal.amount=40.49", ["$.totals.taxTotal", "EUR 40.49", "BT-110"] },
        { "totals of another line", "totals.lines.2.lineId=\"9\"", ["$.totals.lines[2].lineId", "'9'", "'3'"] },
        { "tax subtotals swapped", "totals.taxBreakdown.subtotals.0.treatment={\"category\":\"S\",\"rate\":19} & totals.taxBreakdown.subtotals.1.treatment={\"category\":\"S\",\"rate\":7}", ["$.totals.taxBreakdown.subtotals[0]", "sum to"] },
        { "rounding without a payable rule", "totals.roundingAmount.amount=0.02 & totals.amountDue.amount=523.00", ["$.totals.roundingAmount", "EUR 0.02", "does not round"] },
        { "schedule not summing", "schedule.instalments.0.amount.amount=209.20", ["$.schedule.instalments", "EUR 522.99", "BT-115"] },
        { "issued without a number", "number=-", ["$.number", "is missing", "an issued invoice"] },
        { "payment on an issued invoice", "payments=[{\"amount\":{\"amount\":1,\"currency\":\"EUR\"},\"date\":\"2026-12-01\"}]", ["$.payments", "an issued invoice has none"] },
        { "write-off reason while issued", "writeOffReason=\"bad debt\"", ["$.writeOffReason", "is set"] },
        { "version zero", "version=0", ["$.version", "is 0"] },
        { "due rule with the wrong field", "header.paymentTerms.instalments.0.due={\"kind\":\"daysAfterIssue\",\"day\":3}", ["$.header.paymentTerms.instalments[0].due.day", "'days'"] },
        { "due rule out of range", "header.paymentTerms.due.day=32", ["$.header.paymentTerms.due.day", "1 to 31"] },
        { "one instalment", "header.paymentTerms.instalments=[{\"due\":{\"kind\":\"dayOfNextMonth\",\"day\":25}}]", ["$.header.paymentTerms.instalments", "at least two"] },
    };

    [Theory]
    [MemberData(nameof(InvoiceTampering))]
    public async Task InvoiceFromJson_EditedSnapshot_ThrowsJsonExceptionNamingTheProblem(string name, string edit, string[] mentioned)
    {
        var json = Edit(DocumentSnapshots.ToJson(await SnapshotSamples.RepresentativeAsync()), edit);

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(json));

        Assert.All(mentioned, text => Assert.Contains(text, exception.Message, StringComparison.Ordinal));
        Assert.NotNull(exception.Path);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task InvoiceFromJson_DomainRefusal_KeepsTheDomainExceptionAsInner()
    {
        var json = Edit(DocumentSnapshots.ToJson(await SnapshotSamples.RepresentativeAsync()), "lines.0.unitPrice={\"amount\":-1,\"currency\":\"EUR\"}");

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(json));

        Assert.IsType<ArgumentOutOfRangeException>(exception.InnerException);
        Assert.Equal("$.lines[0].unitPrice", exception.Path);
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("null", "expected a JSON object")]
    [InlineData("{\"schema\":\"invoicing-core/invoice\",\"schemaVersion\":1", "$")]
    [InlineData("{\"schema\":\"invoicing-core/invoice\",\"schemaVersion\":1} x", "$")]
    [InlineData("{\"schema\":\"invoicing-core/invoice\",\"schemaVersion\":1}", "'id'")]
    [InlineData("{\"schema\":\"invoicing-core/invoice\",\"schemaVersion\":1.5}", "1.5")]
    [InlineData("{\"schema\":\"invoicing-core/invoice\",\"schema\":\"invoicing-core/invoice\",\"schemaVersion\":1}", "'schema'")]
    public void InvoiceFromJson_MalformedText_ThrowsJsonException(string json, string mentioned)
    {
        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(json));

        Assert.Contains(mentioned, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvoiceFromJson_LoneSurrogate_ThrowsJsonException()
        => Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson("{\"schema\":\"\ud800\"}"));

    [Fact]
    public async Task InvoiceFromJson_StatusThatDoesNotFitThePayments_IsRefused()
    {
        var paid = DocumentSnapshots.ToJson(await SnapshotSamples.InvoiceAsync("paid"));
        var partly = DocumentSnapshots.ToJson(await SnapshotSamples.InvoiceAsync("partially-paid"));

        var tooLittle = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(Edit(paid, "payments.1.amount.amount=99")));
        var tooMuch = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(Edit(partly, "payments.0.amount.amount=119")));
        var draftWithNumber = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(Edit(partly, "status=\"draft\"")));
        var negative = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(Edit(partly, "payments.0.amount.amount=-5")));
        var subCent = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(Edit(partly, "payments.0.amount.amount=19.995")));
        var longReference = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(Edit(partly, $"payments.0.reference=\"{new string('x', 201)}\"")));

        Assert.Contains("a paid invoice", tooLittle.Message, StringComparison.Ordinal);
        Assert.Contains("EUR 118.00", tooLittle.Message, StringComparison.Ordinal);
        Assert.Contains("a partially paid invoice", tooMuch.Message, StringComparison.Ordinal);
        Assert.Contains("a draft invoice has no number", draftWithNumber.Message, StringComparison.Ordinal);
        Assert.Contains("$.payments[0].amount", negative.Message, StringComparison.Ordinal);
        Assert.Contains("whole minor units", subCent.Message, StringComparison.Ordinal);
        Assert.Contains("$.payments[0].reference", longReference.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string[]> PaymentEntryTampering => new()
    {
        // Edits of the "payment-reversed" sample: payments 1 and 2, a write-off (3), a partial reversal of 2 (4) and the reversal of 3 (5).
        { "reversal of a later entry", "payments.3.reverses=5", ["$.payments[3].reverses", "is 5", "earlier"] },
        { "reversal of a reversal", "payments.4.reverses=4", ["$.payments[4].reverses", "earlier payment or write-off"] },
        { "reversal of more than was paid", "payments.3.amount.amount=99.51", ["$.payments[3].amount", "EUR 99.51", "only EUR 99.50"] },
        { "reversal before the payment", "payments.3.date=\"2026-12-01\"", ["$.payments[3].date", "before the entry it reverses"] },
        { "reversal without a target", "payments.3.reverses=-", ["$.payments[3].reverses", "names the entry"] },
        { "reversal without a reason", "payments.3.reason=-", ["$.payments[3].reason"] },
        { "payment with a reason", "payments.0.reason=\"why\"", ["$.payments[0].reason", "no reason"] },
        { "write-off naming a target", "payments.2.reverses=1", ["$.payments[2].reverses", "names the entry"] },
        { "explicit payment kind", "payments.0.kind=\"payment\"", ["$.payments[0].kind", "without a kind"] },
        { "unknown kind", "payments.2.kind=\"refund\"", ["$.payments[2].kind", "'refund'", "\"writeOff\""] },
        { "write-off before issue", "payments.2.date=\"2026-11-01\"", ["$.payments[2].date", "before the issue date"] },
        { "status that ignores the reversal", "status=\"paid\"", ["$.payments", "a paid invoice", "EUR 58.50"] },
        { "issued although something stands", "status=\"issued\"", ["$.payments", "an issued invoice has none"] },
    };

    [Theory]
    [MemberData(nameof(PaymentEntryTampering))]
    public async Task InvoiceFromJson_EditedPaymentEntries_ThrowsJsonExceptionNamingTheProblem(string name, string edit, string[] mentioned)
    {
        var json = Edit(DocumentSnapshots.ToJson(await SnapshotSamples.InvoiceAsync("payment-reversed")), edit);

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.InvoiceFromJson(json));

        Assert.All(mentioned, text => Assert.Contains(text, exception.Message, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public async Task InvoiceFromJson_ReversedPayments_RestoreTheAmountsAndReopenAgain()
    {
        var invoice = await SnapshotSamples.InvoiceAsync("payment-reversed");
        var (service, _, _) = Service();

        var back = DocumentSnapshots.InvoiceFromJson(DocumentSnapshots.ToJson(invoice));
        var again = service.ReversePayment(back, 2, "Second return", date: Date(2026, 12, 9));

        Assert.Equal((InvoiceStatus.PartiallyPaid, 58.50m, 0m, 60.50m), (back.Status, back.AmountPaid.Amount, back.AmountWrittenOff.Amount, back.OpenAmount.Amount));
        Assert.Equal((InvoiceStatus.PartiallyPaid, 19m, 100m), (again.Invoice.Status, again.Invoice.AmountPaid.Amount, again.Invoice.OpenAmount.Amount));
        Assert.Equal(39.50m, ((InvoicePaymentReversed)again.Event).Reversal.Amount.Amount);
    }

    public static TheoryData<string, string, string[]> AccountTampering => new()
    {
        { "wrong schema", "schema=\"invoicing-core/invoice\"", ["$.schema", "found \"invoicing-core/invoice\""] },
        { "earlier version", "schemaVersion=0", ["$.schemaVersion", "found 0"] },
        { "unknown property", "party.address.planet=\"Mars\"", ["$.party.address.planet"] },
        { "missing required property", "paymentTerms=-", ["$", "'paymentTerms'"] },
        { "unknown language", "preferredLanguage=\"xx-QQ-bogus\"", ["$", "'xx-QQ-bogus'"] },
        { "negative credit limit", "creditLimit.amount=-1", ["$", "EUR -1.00"] },
        { "bad email", "billingContacts.0.email=\"nobody\"", ["$.billingContacts[0]", "'nobody'"] },
        { "unknown channel", "deliveryPreferences.0.channel=\"pigeon\"", ["$.deliveryPreferences[0].channel", "'pigeon'"] },
        { "channel without address", "deliveryPreferences.1.address=-", ["$.deliveryPreferences[1]", "Email needs an address"] },
        { "exemption ending before it starts", "taxExemptions.0.validUntil=\"2025-12-31\"", ["$.taxExemptions[0]", "2025-12-31"] },
        { "due rule of terms with instalments", "paymentTerms.due.day=30", ["$.paymentTerms.due", "the last instalment"] },
        { "percent and amount", "paymentTerms.instalments.0.amount={\"amount\":1,\"currency\":\"EUR\"}", ["$.paymentTerms.instalments[0]", "not both"] },
        { "bad VAT id", "party.vatId=\"\"", ["$.party.vatId"] },
        { "bad country", "party.address.country=\"ZZ\"", ["$.party.address.country", "ZZ"] },
    };

    [Theory]
    [MemberData(nameof(AccountTampering))]
    public void CustomerAccountFromJson_EditedSnapshot_ThrowsJsonExceptionNamingTheProblem(string name, string edit, string[] mentioned)
    {
        var json = Edit(DocumentSnapshots.ToJson(SnapshotSamples.FullAccount()), edit);

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.CustomerAccountFromJson(json));

        Assert.All(mentioned, text => Assert.Contains(text, exception.Message, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void CustomerAccountFromUtf8Json_InvoiceSnapshot_SaysWhatItFound()
    {
        var invoice = DocumentSnapshots.ToUtf8Json(Documents.DocumentBuilders.Service().Service.CreateDraft(Documents.DocumentBuilders.Tenant, Documents.DocumentBuilders.BusinessHeader()).Invoice);

        var exception = Assert.Throws<JsonException>(() => DocumentSnapshots.CustomerAccountFromUtf8Json(invoice));

        Assert.Contains("found \"invoicing-core/invoice\"; expected \"invoicing-core/customer-account\"", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Applies "a.b.0.c=value" to the JSON: sets the value (JSON text), or removes the property for "-".</summary>
    /// <summary>Applies edits of the form "path=value", several joined by " &amp; ".</summary>
    private static string Edit(string json, string edit)
    {
        foreach (var one in edit.Split(" & "))
        {
            json = EditOne(json, one);
        }

        return json;
    }

    private static string EditOne(string json, string edit)
    {
        var separator = edit.IndexOf('=', StringComparison.Ordinal);
        var steps = edit[..separator].Split('.');
        var value = edit[(separator + 1)..];
        var root = JsonNode.Parse(json)!;
        var parent = root;
        foreach (var step in steps[..^1])
        {
            parent = int.TryParse(step, System.Globalization.CultureInfo.InvariantCulture, out var index) ? parent[index]! : parent[step]!;
        }

        var last = steps[^1];
        if (int.TryParse(last, System.Globalization.CultureInfo.InvariantCulture, out var position))
        {
            parent.AsArray()[position] = value == "null" ? null : JsonNode.Parse(value);
        }
        else if (value == "-")
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value == "null" ? null : JsonNode.Parse(value);
        }

        return root.ToJsonString();
    }
}
