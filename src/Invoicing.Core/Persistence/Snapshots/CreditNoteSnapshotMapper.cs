using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;
using static Invoicing.Core.Persistence.Snapshots.SnapshotReader;

namespace Invoicing.Core.Persistence.Snapshots;

/// <summary>
/// Turns a <see cref="CreditNote"/> into its snapshot and back.
/// </summary>
/// <remarks>
/// <para>Rebuilding goes through the domain's validating constructors and factories, and the credit
/// note itself through its constructor, which computes the totals from the lines. What is checked
/// on reading: every value, the line ids "1" to "n" in order, each credited invoice item at most
/// once, every amount in the credit note's currency and in whole minor units, each line's amount
/// against its net and tax in the pricing mode (the tax calculator contract), no quantities on a
/// credit by amount or a discount, the issue date not before the invoice's, and the stored totals
/// against the recomputed ones.</para>
/// <para>Every refusal is a <see cref="System.Text.Json.JsonException"/> naming the JSON path.</para>
/// </remarks>
internal static class CreditNoteSnapshotMapper
{
    /// <summary>The schema name of a credit note snapshot.</summary>
    internal const string CreditNoteSchema = "invoicing-core/credit-note";

    /// <summary>The longest line description: the limit of an item name and of an allowance or charge reason.</summary>
    private const int MaxDescriptionLength = 300;

    /// <summary>The longest reason, as <see cref="CreditNoteRequest"/> allows.</summary>
    private const int MaxReasonLength = 1000;

    internal static CreditNoteSnapshot ToSnapshot(CreditNote note) => new()
    {
        Schema = CreditNoteSchema,
        SchemaVersion = SchemaVersion,
        Id = note.Id,
        TenantId = note.TenantId,
        Number = note.Number,
        IssueDate = note.IssueDate,
        Original = new InvoiceReferenceSnapshot { Id = note.Original.Id, Number = note.Original.Number, IssueDate = note.Original.IssueDate },
        CustomerId = note.CustomerId.IsEmpty ? null : note.CustomerId,
        Currency = note.Currency,
        Pricing = note.Pricing,
        Rounding = new RoundingPolicySnapshot { Amounts = note.Rounding.Amounts, TaxLevel = note.Rounding.TaxLevel, Payable = note.Rounding.Payable },
        Kind = note.Kind,
        Reason = note.Reason,
        Lines = [.. note.Lines.Select(ToSnapshot)],
        Totals = new CreditNoteTotalsSnapshot
        {
            Subtotals = [.. note.Subtotals.Select(s => new TaxSubtotalSnapshot { Treatment = TreatmentSnapshot(s.Treatment), TaxableAmount = s.TaxableAmount, TaxAmount = s.TaxAmount })],
            NetTotal = note.NetTotal,
            TaxTotal = note.TaxTotal,
            Total = note.Total,
            RoundingAmount = note.RoundingAmount.IsZero ? null : note.RoundingAmount,
        },
    };

    internal static CreditNote ToCreditNote(CreditNoteSnapshot snapshot)
    {
        var original = Build("$.original", () => new InvoiceReference(snapshot.Original.Id, snapshot.Original.Number, snapshot.Original.IssueDate));
        if (snapshot.IssueDate < original.IssueDate)
        {
            throw Invalid("$.issueDate", $"is {Iso(snapshot.IssueDate)}, before the issue date of the credited invoice {original}.");
        }

        var rounding = Build("$.rounding", () => new RoundingPolicy(snapshot.Rounding.Amounts, snapshot.Rounding.TaxLevel, snapshot.Rounding.Payable));
        var reason = Build("$.reason", () => TextField.Required(snapshot.Reason, "reason", MaxReasonLength));
        var currency = snapshot.Currency;
        var lines = Map(snapshot.Lines, "$.lines", (line, path) => ToLine(line, currency, snapshot.Pricing, path));
        CheckLines(lines, snapshot.Kind);
        var note = Build("$", () => new CreditNote(snapshot.Id, snapshot.TenantId, snapshot.Number, snapshot.IssueDate, original, snapshot.CustomerId ?? default,
            currency, snapshot.Pricing, rounding, snapshot.Kind, reason, lines, snapshot.Totals.RoundingAmount));
        CheckTotals(snapshot.Totals, note, "$.totals");
        return note;
    }

    private static CreditNoteLineSnapshot ToSnapshot(CreditNoteLine line) => new()
    {
        Id = line.Id,
        OriginalLineId = line.OriginalLineId,
        Description = line.Description,
        Quantity = line.Quantity,
        Amount = line.Amount,
        NetAmount = line.NetAmount,
        TaxAmount = line.TaxAmount,
        Tax = TreatmentSnapshot(line.Tax),
    };

    private static CreditNoteLine ToLine(CreditNoteLineSnapshot snapshot, Currency currency, PricingMode pricing, string path)
    {
        var description = Build(path + ".description", () => TextField.Required(snapshot.Description, "description", MaxDescriptionLength));
        var tax = ToTaxTreatment(snapshot.Tax, path + ".tax");
        RequireAmount(snapshot.Amount, currency, path + ".amount");
        RequireAmount(snapshot.NetAmount, currency, path + ".netAmount");
        RequireAmount(snapshot.TaxAmount, currency, path + ".taxAmount");

        // The tax calculator contract, as for an invoice's items: in net pricing the amount is the net,
        // in gross pricing it is net plus tax.
        if (pricing == PricingMode.Gross)
        {
            var sum = Build(path + ".amount", () => snapshot.NetAmount + snapshot.TaxAmount);
            if (snapshot.Amount != sum)
            {
                throw Invalid(path + ".amount", $"is {snapshot.Amount}, but with gross pricing it equals net plus tax ({snapshot.NetAmount} + {snapshot.TaxAmount} = {sum}).");
            }
        }
        else if (snapshot.Amount != snapshot.NetAmount)
        {
            throw Invalid(path + ".amount", $"is {snapshot.Amount}, but with net pricing it equals the net amount ({snapshot.NetAmount}).");
        }

        return new CreditNoteLine(snapshot.Id, snapshot.OriginalLineId, description, snapshot.Quantity, snapshot.Amount, snapshot.NetAmount, snapshot.TaxAmount, tax);
    }

    /// <summary>At least one line; ids "1", "2", ... in order; each invoice item credited at most once; quantities only where the kind has them.</summary>
    private static void CheckLines(CreditNoteLine[] lines, CreditNoteKind kind)
    {
        if (lines.Length == 0)
        {
            throw Invalid("$.lines", "is empty; a credit note credits at least one line, allowance or charge.");
        }

        var credited = new HashSet<InvoiceLineId>();
        for (var i = 0; i < lines.Length; i++)
        {
            var path = Indexed("$.lines", i);
            var expected = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (!string.Equals(lines[i].Id.Value, expected, StringComparison.Ordinal))
            {
                throw Invalid(path + ".id", $"is '{lines[i].Id}', but credit note lines are numbered \"1\" to \"{lines.Length}\" in order: line {expected} comes here.");
            }

            if (!credited.Add(lines[i].OriginalLineId))
            {
                throw Invalid(path + ".originalLineId", $"'{lines[i].OriginalLineId}' is credited twice; a credit note credits each invoice line, allowance or charge at most once.");
            }

            if (lines[i].Quantity is decimal quantity && kind is CreditNoteKind.Amount or CreditNoteKind.Discount)
            {
                throw Invalid(path + ".quantity", string.Create(CultureInfo.InvariantCulture,
                    $"is {quantity}, but a credit note of kind {kind} credits amounts, not quantities."));
            }

            if (lines[i].Quantity is decimal negative && negative < 0m)
            {
                throw Invalid(path + ".quantity", string.Create(CultureInfo.InvariantCulture, $"is {negative}; a credited quantity is not negative."));
            }
        }

        if (kind == CreditNoteKind.Quantity && lines.All(l => l.Quantity is null))
        {
            throw Invalid("$.lines", "have no quantity; a credit note of kind Quantity credits its lines by quantity.");
        }

        var total = lines.Aggregate(0m, (sum, l) => sum + l.NetAmount.Amount + l.TaxAmount.Amount);
        if (total <= 0m)
        {
            throw Invalid("$.lines", string.Create(CultureInfo.InvariantCulture, $"credit {total} in all; a credit note credits a positive amount."));
        }
    }

    /// <summary>The stored totals are the ones the credit note computes from its lines.</summary>
    private static void CheckTotals(CreditNoteTotalsSnapshot snapshot, CreditNote note, string path)
    {
        var subtotals = Map(snapshot.Subtotals, path + ".subtotals", (s, subtotalPath)
            => (Treatment: ToTaxTreatment(s.Treatment, subtotalPath + ".treatment"), s.TaxableAmount, s.TaxAmount));
        if (subtotals.Length != note.Subtotals.Count)
        {
            throw Invalid(path + ".subtotals", string.Create(CultureInfo.InvariantCulture,
                $"has {subtotals.Length} entries, but the lines fall into {note.Subtotals.Count} tax categories and rates."));
        }

        for (var i = 0; i < subtotals.Length; i++)
        {
            var (treatment, taxable, tax) = subtotals[i];
            var computed = note.Subtotals[i];
            if (!treatment.Equals(computed.Treatment) || taxable != computed.TaxableAmount || tax != computed.TaxAmount)
            {
                throw Invalid(Indexed(path + ".subtotals", i),
                    $"is {treatment}: {taxable} net, {tax} tax; but the lines give {computed.Treatment}: {computed.TaxableAmount} net, {computed.TaxAmount} tax.");
            }
        }

        RequireTotal(path + ".netTotal", snapshot.NetTotal, note.NetTotal, "BT-106 = BT-109, the sum of the line net amounts");
        RequireTotal(path + ".taxTotal", snapshot.TaxTotal, note.TaxTotal, "BT-110, the sum of the line tax amounts");
        RequireTotal(path + ".total", snapshot.Total, note.Total, "BT-112 = BT-109 + BT-110");
        if (snapshot.RoundingAmount is Money stored && note.Rounding.Payable is null)
        {
            throw Invalid(path + ".roundingAmount", $"is {stored}, but the rounding policy does not round the amount due.");
        }
    }

    private static void RequireTotal(string path, Money stored, Money computed, string rule)
    {
        if (stored != computed)
        {
            throw Invalid(path, $"is {stored}, but the lines give {computed} ({rule}).");
        }
    }

    private static void RequireAmount(Money amount, Currency currency, string path)
    {
        if (amount.Currency != currency)
        {
            throw Invalid(path, $"is {amount}, but the credit note currency is {currency.Code}.");
        }

        if (!amount.IsRoundedToMinorUnits)
        {
            throw Invalid(path, $"is {amount}; credited amounts are in whole minor units of {currency.Code}.");
        }
    }

    private static string Iso(NodaTime.LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
