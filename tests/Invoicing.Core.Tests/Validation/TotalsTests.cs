using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.Validation;
using static Invoicing.Core.Tests.Validation.CoreTestDocuments;

namespace Invoicing.Core.Tests.Validation;

public sealed class TotalsTests
{
    [Fact]
    public void Compute_GivesTheTotalsOfTheValidDocument()
    {
        var computed = En16931Totals.Compute(Valid());

        Assert.Equal(Valid().Totals, computed);
    }

    [Fact]
    public void Compute_WithoutAllowancesOrCharges_LeavesTheirSumsAbsent_AndCountsThemAsZero()
    {
        var computed = En16931Totals.Compute(new EInvoice { Lines = [Line("1", 10m)], VatBreakdown = [new VatBreakdown { TaxAmount = 2.50m }] });

        Assert.Equal((10.00m, (decimal?)null, (decimal?)null, 10.00m, 2.50m, 12.50m, 12.50m),
            (computed.SumOfLineNetAmounts!.Value, computed.SumOfAllowances, computed.SumOfCharges, computed.TotalWithoutVat!.Value, computed.TotalVat!.Value, computed.TotalWithVat!.Value, computed.AmountDueForPayment!.Value));
        Assert.Equal("10.00", computed.SumOfLineNetAmounts.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Compute_SumsExactly()
    {
        var computed = En16931Totals.Compute(new EInvoice { Lines = [Line("1", 720.81m), Line("2", 0.01m), Line("3", -720.81m), Line("4", -0.01m)] });

        Assert.Equal(0m, computed.SumOfLineNetAmounts);
    }

    [Fact]
    public void Compute_RoundsAsTheArtefacts_AHalfTowardsPositiveInfinity()
    {
        Assert.Equal(0.01m, En16931Totals.Compute(new EInvoice { Lines = [Line("1", 0.005m)] }).SumOfLineNetAmounts);
        Assert.Equal(0.00m, En16931Totals.Compute(new EInvoice { Lines = [Line("1", -0.005m)] }).SumOfLineNetAmounts);
    }

    [Fact]
    public void Compute_RefusesNull() => Assert.Throws<ArgumentNullException>(() => En16931Totals.Compute(null!));

    private static readonly Gen<decimal> Amount = Gen.Choose(-10_000_000, 10_000_000).Select(cents => cents / 100m);

    private static readonly Gen<EInvoice> Documents =
        from lines in Gen.ListOf(Amount).Select(a => a.Select((net, i) => Line((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), net)).ToArray())
        from allowances in Gen.ListOf(Amount).Select(a => a.Select(x => new DocumentLevelAllowanceCharge { Amount = x, VatCategoryCode = "S", Reason = "a" }).ToArray())
        from charges in Gen.ListOf(Amount).Select(a => a.Select(x => new DocumentLevelAllowanceCharge { Amount = x, VatCategoryCode = "S", Reason = "c" }).ToArray())
        from taxes in Gen.ListOf(Amount).Select(a => a.Select(x => new VatBreakdown { CategoryCode = "S", TaxAmount = x }).ToArray())
        from paid in Gen.OneOf(Gen.Constant<decimal?>(null), Amount.Select(x => (decimal?)x))
        from rounding in Gen.OneOf(Gen.Constant<decimal?>(null), Gen.Choose(-99, 99).Select(x => (decimal?)(x / 100m)))
        from currency in Gen.Elements("EUR", "SEK")
        select new EInvoice
        {
            CurrencyCode = currency,
            Lines = lines,
            Allowances = allowances,
            Charges = charges,
            VatBreakdown = taxes,
            Totals = new DocumentTotals { PaidAmount = paid, RoundingAmount = rounding },
        };

    [Property(MaxTest = 300)]
    public Property Compute_SatisfiesBRCO10To16_InBothSyntaxes()
        => Prop.ForAll(Documents.ToArbitrary(), document =>
        {
            var withTotals = document with { Totals = En16931Totals.Compute(document) };
            foreach (var syntax in new EInvoiceSyntax?[] { null, EInvoiceSyntax.UblInvoice, EInvoiceSyntax.Cii })
            {
                var fired = EInvoiceValidator.En16931.Validate(withTotals, syntax).Findings
                    .Select(f => f.RuleId)
                    .Where(id => id is "BR-CO-10" or "BR-CO-11" or "BR-CO-12" or "BR-CO-13" or "BR-CO-14" or "BR-CO-15" or "BR-CO-16");
                Assert.Empty(fired);
            }
        });

    [Property(MaxTest = 200)]
    public Property Compute_ChangingOneLine_BreaksBRCO10()
        => Prop.ForAll(Documents.Where(d => d.Lines.Count > 0).ToArbitrary(), document =>
        {
            var totals = En16931Totals.Compute(document);
            var changed = document with { Totals = totals, Lines = [document.Lines[0] with { NetAmount = document.Lines[0].NetAmount + 0.01m }, .. document.Lines.Skip(1)] };

            Assert.Single(Findings(changed, "BR-CO-10"));
        });
}
