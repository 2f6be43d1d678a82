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

    private static Gen<(InvoiceHeader Header, InvoiceLine[] Lines, (int Kind, int Line, int Share)[] Steps)> Scenarios { get; } =
        from pricing in Gen.Elements(PricingMode.Net, PricingMode.Gross)
        from level in Gen.Elements(TaxRoundingLevel.PerCategory, TaxRoundingLevel.PerLine)
        from count in Gen.Choose(1, 6)
        from lines in Gen.CollectToArray(Enumerable.Range(0, count).Select(LineGen))
        from steps in Gen.ArrayOf(StepGen).Where(s => s.Length <= 6)
        select (BusinessHeader() with { Pricing = pricing, Rounding = new RoundingPolicy(MoneyRounding.HalfUp, level) }, lines, steps);

    /// <summary>
    /// Any series of partial credit notes (returns, price reductions, discounts) followed by a full
    /// cancellation credits exactly the invoice, per category and in total, to the cent; no note
    /// ever leaves a negative remainder.
    /// </summary>
    [Property(MaxTest = 150)]
    public Property CreditNotes_InAnySeries_SumExactlyToTheInvoiceAndNeverOvershoot()
        => Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
        {
            var (invoices, notes) = Services();
            var invoice = IssuedAsync(invoices, scenario.Header, scenario.Lines).GetAwaiter().GetResult();
            var issued = new List<CreditNote>();
            foreach (var (kind, lineIndex, share) in scenario.Steps)
            {
                var balance = CreditableBalance.Of(invoice, issued);
                var item = balance.Items[lineIndex % balance.Items.Count];
                CreditNoteRequest? request = kind switch
                {
                    0 when item.Quantity >= 1m => CreditNoteRequest.ForLines("return", LineCredit.OfQuantity(item.LineId, Math.Max(1m, Math.Floor(item.Quantity * share / 100m)))),
                    1 when item.Amount.Amount >= 0.01m => CreditNoteRequest.ForLines("price", LineCredit.OfAmount(item.LineId, Money.Of(Math.Max(0.01m, Math.Round(item.Amount.Amount * share / 100m, 2)), Currency.Eur))),
                    2 when balance.Total.Amount >= 0.01m => CreditNoteRequest.ForDiscount("discount", Money.Of(Math.Max(0.01m, Math.Round(balance.Total.Amount * share / 100m, 2)), Currency.Eur)),
                    _ => null,
                };
                if (request is null)
                {
                    continue;
                }

                issued.Add(notes.IssueAsync(invoice, issued, request).AsTask().GetAwaiter().GetResult().CreditNote);
                var after = CreditableBalance.Of(invoice, issued);
                Assert.All(after.Categories, c => Assert.False(c.NetAmount.IsNegative || c.TaxAmount.IsNegative, $"negative remainder {c}"));
                Assert.All(after.Items, i => Assert.False(i.Amount.IsNegative || i.Quantity < 0m, $"negative remainder {i}"));
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
        });
}
