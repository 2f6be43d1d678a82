using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Documents;
using Invoicing.Core.EInvoicing.Mapping;
using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.EInvoicing.Mapping;

public sealed partial class EInvoiceMapperTests
{
    private static readonly TaxTreatment[] Treatments =
        [TaxTreatment.Standard(19m), TaxTreatment.Standard(7m), TaxTreatment.Standard(5.5m), TaxTreatment.ZeroRated(), TaxTreatment.Exempt("VATEX-EU-132", null)];

    private static Gen<InvoiceLine> RandomLine(int index) =>
        from quantity in Gen.Choose(1, 12)
        from cents in Gen.Choose(1, 50_000)
        from tax in Gen.Elements(Treatments)
        from baseQuantity in Gen.Elements(1m, 1m, 3m)
        from allowanceCents in Gen.Choose(0, 200)
        from chargePercent in Gen.Choose(0, 15)
        select new InvoiceLine(InvoiceLineId.From($"{index + 1}"), new Item("Item"), Quantity.Of(quantity), Money.Of(cents / 100m, Currency.Eur), tax)
        {
            BaseQuantity = baseQuantity,
            AllowanceCharges = new[]
            {
                allowanceCents == 0 ? null : AllowanceCharge.Allowance(Money.Of(allowanceCents / 100m, Currency.Eur), "Discount"),
                chargePercent == 0 ? null : AllowanceCharge.ChargePercent(chargePercent, "Handling"),
            }.OfType<AllowanceCharge>().ToArray(),
        };

    private static Gen<(InvoiceHeader Header, InvoiceLine[] Lines, DocumentAllowanceCharge[] AllowanceCharges)> RandomInvoices { get; } =
        from pricing in Gen.Elements(PricingMode.Net, PricingMode.Gross)
        from level in Gen.Elements(TaxRoundingLevel.PerCategory, TaxRoundingLevel.PerLine)
        from count in Gen.Choose(1, 6)
        from lines in Gen.CollectToArray(Enumerable.Range(0, count).Select(RandomLine))
        from allowancePercent in Gen.Choose(0, 10)
        from chargeCents in Gen.Choose(0, 999)
        from prepaidCents in Gen.Choose(0, 100)
        select (BusinessHeader() with
            {
                Pricing = pricing,
                Rounding = new RoundingPolicy(MoneyRounding.HalfUp, level),
                PrepaidAmount = Money.Of(prepaidCents / 100m, Currency.Eur),
            },
            lines,
            new[]
            {
                allowancePercent == 0 ? null : new DocumentAllowanceCharge(InvoiceLineId.From("a"), AllowanceCharge.AllowancePercent(allowancePercent, "Volume"), lines[0].Tax),
                chargeCents == 0 ? null : new DocumentAllowanceCharge(InvoiceLineId.From("c"), AllowanceCharge.Charge(Money.Of(chargeCents / 100m, Currency.Eur), "Freight"), lines[^1].Tax),
            }.OfType<DocumentAllowanceCharge>().ToArray());

    /// <summary>
    /// For any valid invoice (net or gross, line and document allowances and charges, prepaid), the
    /// mapped model's totals satisfy the EN 16931 equations (BR-CO-10, -13, -14, -15, -16 and the
    /// breakdown sum) and equal the invoice's own.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property ToEInvoice_AnyValidInvoice_TotalsSatisfyEn16931()
        => Prop.ForAll(RandomInvoices.ToArbitrary(), scenario =>
        {
            var (service, _, _) = Service();
            var draft = service.CreateDraft(Tenant, scenario.Header, scenario.Lines).Invoice;
            foreach (var ac in scenario.AllowanceCharges)
            {
                draft = service.AddAllowanceCharge(draft, ac).Invoice;
            }

            if (service.Check(draft).Count > 0)
            {
                return;
            }

            var invoice = service.IssueAsync(draft, Date(2026, 11, 23)).AsTask().GetAwaiter().GetResult().Invoice;
            var e = EInvoiceMapper.Default.ToEInvoice(invoice);
            var t = e.Totals!;
            Assert.Equal(t.SumOfLineNetAmounts, e.Lines.Sum(l => l.NetAmount!.Value));
            Assert.Equal(t.SumOfAllowances ?? 0m, e.Allowances.Sum(a => a.Amount!.Value));
            Assert.Equal(t.SumOfCharges ?? 0m, e.Charges.Sum(c => c.Amount!.Value));
            Assert.Equal(t.TotalWithoutVat, t.SumOfLineNetAmounts - (t.SumOfAllowances ?? 0m) + (t.SumOfCharges ?? 0m));
            Assert.Equal(t.TotalWithVat, t.TotalWithoutVat + t.TotalVat);
            Assert.Equal(t.AmountDueForPayment, t.TotalWithVat - (t.PaidAmount ?? 0m) + (t.RoundingAmount ?? 0m));
            Assert.Equal(t.TotalWithoutVat, e.VatBreakdown.Sum(b => b.TaxableAmount!.Value));
            Assert.Equal(t.TotalVat, e.VatBreakdown.Sum(b => b.TaxAmount!.Value));
            AssertTotalsEqual(invoice.Totals, t);
            foreach (var line in e.Lines)
            {
                // BT-131 = quantity × price ÷ base quantity − allowances + charges, to the cent.
                var price = line.Price!;
                var computed = (line.Quantity!.Value * price.NetPrice!.Value / (price.BaseQuantity ?? 1m))
                    - line.Allowances.Sum(a => a.Amount!.Value) + line.Charges.Sum(c => c.Amount!.Value);
                Assert.Equal(line.NetAmount, Math.Round(computed, 2, MidpointRounding.AwayFromZero));
                Assert.True(price.NetPrice >= 0m, $"line {line.Identifier} has a negative price {price.NetPrice}");
            }
        });
}
