using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

public sealed class InvoiceTotalsTests
{
    [Fact]
    public void LineAmount_UsesBaseQuantityAndRoundsOnce()
    {
        var (service, _, _) = Service();
        var screws = Line("1", 150m, 1.25m) with { BaseQuantity = 100m }; // 1.25 per 100 pieces
        var hours = new InvoiceLine(InvoiceLineId.From("2"), new Item("Consulting"), new Quantity(2.5m, UnitCode.Hour), Money.Of(0.333m, Currency.Eur), TaxTreatment.Standard(19m));

        var totals = service.CreateDraft(Tenant, BusinessHeader(), [screws, hours]).Invoice.Totals;

        Assert.Equal([1.88m, 0.83m], totals.Lines.Select(l => l.Amount.Amount)); // 1.875 → 1.88; 0.8325 → 0.83
    }

    [Fact]
    public void LineAllowancesAndCharges_ApplyBeforeRounding()
    {
        var (service, _, _) = Service();
        var line = Line("1", 3m, 33.333m) with
        {
            AllowanceCharges = [AllowanceCharge.AllowancePercent(10m, "Promotion"), AllowanceCharge.Charge(Money.Of(2.50m, Currency.Eur), "Engraving")],
        };

        var totals = service.CreateDraft(Tenant, BusinessHeader(), [line]).Invoice.Totals;

        // 99.999 exact; 10% of the rounded 100.00 = 10.00; 99.999 − 10.00 + 2.50 = 92.499 → 92.50
        Assert.Equal(92.50m, totals.Lines[0].Amount.Amount);
    }

    [Fact]
    public void GrossPricing_AmountDueIsTheSumOfShelfPrices()
    {
        var (service, _, _) = Service();
        var basket = new[] { Line("1", 1m, 2.99m), Line("2", 3m, 0.99m, 7m), Line("3", 1m, 1.49m), Line("4", 2m, 4.99m, 7m) };

        var totals = service.CreateDraft(Tenant, ConsumerHeader(), basket).Invoice.Totals;

        Assert.Equal(2.99m + 2.97m + 1.49m + 9.98m, totals.AmountDue.Amount);
        Assert.Equal(totals.TaxInclusiveTotal, totals.AmountDue);
        Assert.Equal(totals.LineNetTotal, Sum(totals.Lines.Select(l => l.NetAmount)));
        Assert.Equal([0.85m, 0.72m], totals.TaxBreakdown.Subtotals.Select(s => s.TaxAmount.Amount)); // 12.95 × 7/107, 4.48 × 19/119
    }

    [Fact]
    public void CashRounding_PutsTheDifferenceInBt114()
    {
        var (service, _, _) = Service();
        var header = new InvoiceHeader(Currency.Chf, Seller)
        {
            CustomerKind = CustomerKind.Consumer,
            Pricing = PricingMode.Gross,
            Rounding = new RoundingPolicy(MoneyRounding.HalfUp, payable: MoneyRounding.ToIncrement(0.05m)),
        };

        var totals = service.CreateDraft(Tenant, header, [Line("1", 1m, 12.32m, 8.1m, Currency.Chf)]).Invoice.Totals;

        Assert.Equal(12.32m, totals.TaxInclusiveTotal.Amount);
        Assert.Equal(-0.02m, totals.RoundingAmount.Amount);
        Assert.Equal(12.30m, totals.AmountDue.Amount);
    }

    [Fact]
    public void Prepaid_IsDeductedFromTheAmountDue()
    {
        var (service, _, _) = Service();
        var header = BusinessHeader() with { PrepaidAmount = Money.Of(50m, Currency.Eur) };

        var totals = service.CreateDraft(Tenant, header, [Line("1", 1m, 100m)]).Invoice.Totals;

        Assert.Equal((119m, 50m, 69m), (totals.TaxInclusiveTotal.Amount, totals.PrepaidAmount.Amount, totals.AmountDue.Amount));
    }

    private static readonly TaxTreatment[] Treatments =
    [
        TaxTreatment.Standard(19m), TaxTreatment.Standard(7m), TaxTreatment.Standard(5.5m), TaxTreatment.ZeroRated(),
        TaxTreatment.ReverseCharge(),
    ];

    private static Gen<InvoiceLine> LineGen(int index) =>
        from quantity in Gen.Choose(1, 5000).Select(q => q / 10m)
        from price in Gen.Choose(0, 100_000).Select(p => p / 1000m)
        from baseQuantity in Gen.Elements(1m, 1m, 1m, 10m, 12m)
        from tax in Gen.Elements(Treatments)
        from discount in Gen.Frequency((4, Gen.Constant<AllowanceCharge?>(null)), (1, Gen.Choose(1, 30).Select(p => (AllowanceCharge?)AllowanceCharge.AllowancePercent(p, "Promotion"))))
        select new InvoiceLine(InvoiceLineId.From((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), new Item("Item"), Quantity.Of(quantity), Money.Of(price, Currency.Eur), tax)
        {
            BaseQuantity = baseQuantity,
            AllowanceCharges = discount is null ? [] : [discount],
        };

    private static Gen<(InvoiceHeader Header, InvoiceLine[] Lines, DocumentAllowanceCharge[] AllowanceCharges)> Documents { get; } =
        from pricing in Gen.Elements(PricingMode.Net, PricingMode.Gross)
        from level in Gen.Elements(TaxRoundingLevel.PerCategory, TaxRoundingLevel.PerLine)
        from count in Gen.Choose(1, 25)
        from lines in Gen.CollectToArray(Enumerable.Range(0, count).Select(LineGen))
        from freight in Gen.Choose(0, 2000)
        from discount in Gen.Choose(0, 15)
        from acTax in Gen.Elements(Treatments)
        let header = new InvoiceHeader(Currency.Eur, Seller)
        {
            Buyer = Buyer,
            Pricing = pricing,
            Rounding = new RoundingPolicy(MoneyRounding.HalfUp, level),
        }
        let acs = new[]
        {
            freight == 0 ? null : new DocumentAllowanceCharge(InvoiceLineId.From("freight"), AllowanceCharge.Charge(Money.Of(freight / 100m, Currency.Eur), "Freight"), acTax),
            discount == 0 ? null : new DocumentAllowanceCharge(InvoiceLineId.From("discount"), AllowanceCharge.AllowancePercent(discount, "Discount"), acTax),
        }.OfType<DocumentAllowanceCharge>().ToArray()
        select (header, lines, acs);

    [Property(MaxTest = 200)]
    public Property Totals_SatisfyTheEn16931Identities()
        => Prop.ForAll(Documents.ToArbitrary(), document =>
        {
            var (service, _, _) = Service();
            var draft = service.CreateDraft(Tenant, document.Header, document.Lines).Invoice;
            foreach (var ac in document.AllowanceCharges)
            {
                draft = service.AddAllowanceCharge(draft, ac).Invoice;
            }

            var t = draft.Totals;
            Assert.Equal(Sum(t.Lines.Select(l => l.NetAmount)), t.LineNetTotal);                                   // BT-106
            Assert.Equal(t.LineNetTotal - t.AllowanceTotal + t.ChargeTotal, t.TaxExclusiveTotal);                   // BT-109
            Assert.Equal(Sum(t.TaxBreakdown.Subtotals.Select(s => s.TaxableAmount)), t.TaxExclusiveTotal);          // Σ BT-116
            Assert.Equal(Sum(t.TaxBreakdown.Subtotals.Select(s => s.TaxAmount)), t.TaxTotal);                       // Σ BT-117
            Assert.Equal(t.TaxExclusiveTotal + t.TaxTotal, t.TaxInclusiveTotal);                                    // BT-112
            Assert.Equal(t.TaxInclusiveTotal - t.PrepaidAmount + t.RoundingAmount, t.AmountDue);                   // BT-115
            if (document.Header.Pricing == PricingMode.Gross)
            {
                var shelf = Sum(t.Lines.Select(l => l.Amount)) - Sum(t.Allowances.Select(a => a.Amount)) + Sum(t.Charges.Select(c => c.Amount));
                Assert.Equal(shelf, t.AmountDue);
            }
            else
            {
                Assert.All(t.Lines, l => Assert.Equal(l.Amount, l.NetAmount));
            }
        });

    /// <summary>
    /// The same documents recomputed from their inputs with plain decimals, straight from the EN 16931
    /// definitions (per-category tax rounding, half up), and nothing of the library but the inputs:
    /// the line amounts, the tax per category and the amount due must agree to the cent.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Totals_AgreeWithAPlainDecimalRecomputation()
        => Prop.ForAll(Documents.ToArbitrary(), document =>
        {
            var header = document.Header with { Rounding = new RoundingPolicy(MoneyRounding.HalfUp, TaxRoundingLevel.PerCategory) };
            var (service, _, _) = Service();
            var draft = service.CreateDraft(Tenant, header, document.Lines).Invoice;
            foreach (var ac in document.AllowanceCharges)
            {
                draft = service.AddAllowanceCharge(draft, ac).Invoice;
            }

            var expected = Recompute(header.Pricing, document.Lines, document.AllowanceCharges);
            var t = draft.Totals;
            Assert.Equal(expected.LineAmounts, t.Lines.Select(l => l.Amount.Amount));
            Assert.Equal(expected.TaxByGroup, t.TaxBreakdown.Subtotals.ToDictionary(s => (s.Treatment.Category, s.Treatment.Rate ?? 0m), s => s.TaxAmount.Amount));
            Assert.Equal(expected.AmountDue, t.AmountDue.Amount);
        });

    private static (decimal[] LineAmounts, Dictionary<(TaxCategory, decimal), decimal> TaxByGroup, decimal AmountDue) Recompute(
        PricingMode pricing, InvoiceLine[] lines, DocumentAllowanceCharge[] allowanceCharges)
    {
        static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

        var lineAmounts = lines.Select(line =>
        {
            var exact = line.UnitPrice.Amount * line.Quantity.Value / line.BaseQuantity;
            var discount = line.AllowanceCharges.Sum(ac => Cents(Cents(exact) * ac.Percent!.Value / 100m));
            return Cents(exact - discount);
        }).ToArray();

        // Each item with its tax group and signed amount: the lines, then the document allowances (−) and charges (+).
        var items = lines.Select((line, i) => (Group: (Category: line.Tax.Category, Rate: line.Tax.Rate ?? 0m), Amount: lineAmounts[i])).ToList();
        foreach (var ac in allowanceCharges)
        {
            var groupBase = items.Take(lines.Length).Where(item => item.Group == (ac.Tax.Category, ac.Tax.Rate ?? 0m)).Sum(item => item.Amount);
            var amount = ac.Terms.Amount?.Amount ?? Cents(groupBase * ac.Terms.Percent!.Value / 100m);
            items.Add(((ac.Tax.Category, ac.Tax.Rate ?? 0m), ac.Terms.IsCharge ? amount : -amount));
        }

        var groups = items.GroupBy(item => item.Group, item => item.Amount).ToDictionary(g => g.Key, g => g.Sum());
        var tax = groups.ToDictionary(
            g => g.Key,
            g => Cents(pricing == PricingMode.Gross ? g.Value * g.Key.Rate / (100m + g.Key.Rate) : g.Value * g.Key.Rate / 100m));
        var due = pricing == PricingMode.Gross ? groups.Values.Sum() : groups.Values.Sum() + tax.Values.Sum();
        return (lineAmounts, tax, due);
    }

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero(Currency.Eur), (a, b) => a + b);
}
