using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

public sealed partial class CreditNoteTests
{
    private static readonly TaxTreatment[] Rates = [TaxTreatment.Standard(19m), TaxTreatment.Standard(7m), TaxTreatment.Standard(5.5m), TaxTreatment.ZeroRated()];

    private static Gen<InvoiceLine> LineGen(int index) =>
        from quantity in Gen.Choose(1, 12)
        from cents in Gen.Choose(1, 50_000)
        from tax in Gen.Elements(Rates)
        select new InvoiceLine(InvoiceLineId.From($"{index + 1}"), new Item("Item"), Quantity.Of(quantity), Money.Of(cents / 100m, Currency.Eur), tax);

    /// <summary>A random step: (kind 0 quantity, 1 amount, 2 discount; which line; how much, as a fraction of what remains).</summary>
    private static Gen<(int Kind, int Line, int Share)> StepGen { get; } =
        from kind in Gen.Choose(0, 2)
        from line in Gen.Choose(0, 5)
        from share in Gen.Choose(1, 100)
        select (kind, line, share);

    private static Gen<(InvoiceHeader Header, InvoiceLine[] Lines, DocumentAllowanceCharge[] AllowanceCharges, (int Kind, int Line, int Share)[] Steps)> Scenarios { get; } =
        from pricing in Gen.Elements(PricingMode.Net, PricingMode.Gross)
        from level in Gen.Elements(TaxRoundingLevel.PerCategory, TaxRoundingLevel.PerLine)
        from count in Gen.Choose(1, 6)
        from lines in Gen.CollectToArray(Enumerable.Range(0, count).Select(LineGen))
        from allowancePercent in Gen.Choose(0, 10)
        from chargeCents in Gen.Choose(0, 999)
        from steps in Gen.ArrayOf(StepGen).Where(s => s.Length <= 6)
        select (BusinessHeader() with { Pricing = pricing, Rounding = new RoundingPolicy(MoneyRounding.HalfUp, level) }, lines,
            new[]
            {
                allowancePercent == 0 ? null : new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.AllowancePercent(allowancePercent, "Volume"), lines[0].Tax),
                chargeCents == 0 ? null : new DocumentAllowanceCharge(InvoiceLineId.From("c"), AllowanceCharge.Charge(Money.Of(chargeCents / 100m, Currency.Eur), "Freight"), lines[^1].Tax),
            }.OfType<DocumentAllowanceCharge>().ToArray(),
            steps);

    /// <summary>
    /// Any series of partial credit notes (returns, price reductions, discounts) followed by a full
    /// cancellation credits exactly the invoice, per category and in total, to the cent, also with
    /// document allowances and charges; no note ever leaves a negative remainder.
    /// </summary>
    [Property(MaxTest = 300)]
    public Property CreditNotes_InAnySeries_SumExactlyToTheInvoiceAndNeverOvershoot()
        => Prop.ForAll(Scenarios.ToArbitrary(), CheckSeries);

    /// <summary>
    /// Series the property once found wrong, replayed: a price reduction refused as crediting 0.00
    /// after discounts had left the allowance whole; a category left with negative tax by per-line
    /// rounding (gross and net pricing).
    /// </summary>
    [Property(MaxTest = 1, Replay = "(2382992599988640643,3761120322269940419,11)")]
    public Property CreditNotes_AfterDiscounts_KeepTheAllowanceInProportion()
        => Prop.ForAll(Scenarios.ToArbitrary(), CheckSeries);

    [Property(MaxTest = 1, Replay = "(8321551891017888048,7603116596425146965,74)")]
    public Property CreditNotes_WithPerLineRounding_NeverLeaveACategoryWithNegativeTax()
        => Prop.ForAll(Scenarios.ToArbitrary(), CheckSeries);

    [Property(MaxTest = 1, Replay = "(9863749019009993590,13663401821462946755,46)")]
    public Property CreditNotes_ThatExhaustACategorysAmount_TakeItsTax()
        => Prop.ForAll(Scenarios.ToArbitrary(), CheckSeries);

    private static void CheckSeries((InvoiceHeader Header, InvoiceLine[] Lines, DocumentAllowanceCharge[] AllowanceCharges, (int Kind, int Line, int Share)[] Steps) scenario)
    {
        var (invoices, notes) = Services();
        var draft = invoices.CreateDraft(Tenant, scenario.Header, scenario.Lines).Invoice;
        foreach (var ac in scenario.AllowanceCharges)
        {
            draft = invoices.AddAllowanceCharge(draft, ac).Invoice;
        }

        var invoice = invoices.IssueAsync(draft).AsTask().GetAwaiter().GetResult().Invoice;
        var issued = new List<CreditNote>();
        var initial = CreditableBalance.Of(invoice, []).Items;
        foreach (var (kind, lineIndex, share) in scenario.Steps)
        {
            var balance = CreditableBalance.Of(invoice, issued);
            var lineItems = balance.Items.Where(i => i.IsLine).ToArray();
            var item = lineItems[lineIndex % lineItems.Length];
            CreditNoteRequest? request = kind switch
            {
                0 when item.Quantity >= 1m && item.Amount.IsPositive => CreditNoteRequest.ForLines("return", LineCredit.OfQuantity(item.LineId, Math.Max(1m, Math.Floor(item.Quantity * share / 100m)))),
                1 when item.Amount.Amount >= 0.01m => CreditNoteRequest.ForLines("price", LineCredit.OfAmount(item.LineId, Money.Of(Math.Max(0.01m, Math.Round(item.Amount.Amount * share / 100m, 2)), Currency.Eur))),
                2 when balance.Total.Amount >= 0.01m => CreditNoteRequest.ForDiscount("discount", Money.Of(Math.Max(0.01m, Math.Round(balance.Total.Amount * share / 100m, 2)), Currency.Eur)),
                _ => null,
            };
            if (request is null)
            {
                continue;
            }

            CreditNote note;
            try
            {
                note = notes.IssueAsync(invoice, issued, request).AsTask().GetAwaiter().GetResult().CreditNote;
            }
            catch (ArgumentException refused) when (refused.Message.Contains("credits a positive amount", StringComparison.Ordinal))
            {
                // Refused only when the line's share of what remains rounds to nothing (docs/credit-debit-notes.md,
                // rule 5): a unit worth less than a few cents after earlier reductions, with its share of an allowance.
                var worth = request.Kind == CreditNoteKind.Discount ? request.Discount!.Value.Amount
                    : request.Lines[0].Amount?.Amount ?? item.Amount.Amount * request.Lines[0].Quantity!.Value / item.Quantity;
                Assert.True(worth < 0.05m, $"{request.Kind} worth {worth} refused: {refused.Message}");
                continue;
            }

            issued.Add(note);
            var after = CreditableBalance.Of(invoice, issued);
            Assert.All(after.Categories, c => Assert.False(c.NetAmount.IsNegative || c.TaxAmount.IsNegative, $"negative remainder {c}"));
            // What remains of a line or a charge stays at or above zero, of an allowance at or below zero, never beyond the invoice.
            Assert.All(after.Items.Zip(initial), p => Assert.True(
                p.First.Quantity >= 0m && Math.Sign(p.First.Amount.Amount) * Math.Sign(p.Second.Amount.Amount) >= 0 && Math.Abs(p.First.Amount.Amount) <= Math.Abs(p.Second.Amount.Amount),
                $"remainder {p.First} of {p.Second}"));
        }

        if (!CreditableBalance.Of(invoice, issued).IsExhausted)
        {
            issued.Add(notes.IssueAsync(invoice, issued, CreditNoteRequest.FullCancellation("rest")).AsTask().GetAwaiter().GetResult().CreditNote);
        }

        Assert.True(CreditableBalance.Of(invoice, issued).IsExhausted);
        Assert.Equal(invoice.Totals.TaxInclusiveTotal, issued.Aggregate(Money.Zero(Currency.Eur), (sum, n) => sum + n.Total));
        foreach (var subtotal in invoice.Totals.TaxBreakdown.Subtotals)
        {
            var credited = issued.SelectMany(n => n.Subtotals).Where(s => s.Treatment.SameGroupAs(subtotal.Treatment)).ToArray();
            Assert.Equal(subtotal.TaxableAmount, credited.Aggregate(Money.Zero(Currency.Eur), (sum, s) => sum + s.TaxableAmount));
            Assert.Equal(subtotal.TaxAmount, credited.Aggregate(Money.Zero(Currency.Eur), (sum, s) => sum + s.TaxAmount));
        }
    }
}
