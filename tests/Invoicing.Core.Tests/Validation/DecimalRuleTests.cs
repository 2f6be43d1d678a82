using Invoicing.Core.EInvoicing;
using static Invoicing.Core.Tests.Validation.CoreTestDocuments;

namespace Invoicing.Core.Tests.Validation;

public sealed class DecimalRuleTests
{
    [Fact]
    public void ThreeDecimals_AreRefused_AsWritten()
    {
        var document = Valid() with { Lines = [Line("1", 12.345m)] };

        var finding = Assert.Single(Findings(document, "BR-DEC-23"));

        Assert.Equal("The invoice line net amount (BT-131) 12.345 has 3 decimals; EN 16931 allows at most 2.", finding.Message);
        Assert.Equal("BG-25[1]/BT-131", finding.Location.Path);
        Assert.Single(Findings(Valid() with { Lines = [Line("1", 12.300m)] }, "BR-DEC-23"));
        Assert.Empty(Findings(Valid() with { Lines = [Line("1", 12.30m)] }, "BR-DEC-23"));
    }

    [Fact]
    public void EveryAmountTerm_HasItsRule()
    {
        var three = 1.001m;
        var document = new EInvoice
        {
            Allowances = [new DocumentLevelAllowanceCharge { Amount = three, BaseAmount = three }],
            Charges = [new DocumentLevelAllowanceCharge { Amount = three, BaseAmount = three }],
            Totals = new DocumentTotals
            {
                SumOfLineNetAmounts = three, SumOfAllowances = three, SumOfCharges = three, TotalWithoutVat = three, TotalVat = three,
                TotalVatInAccountingCurrency = three, TotalWithVat = three, PaidAmount = three, RoundingAmount = three, AmountDueForPayment = three,
            },
            VatBreakdown = [new VatBreakdown { TaxableAmount = three, TaxAmount = three }],
            Lines =
            [
                new EInvoiceLine
                {
                    NetAmount = three,
                    Allowances = [new LineAllowanceCharge { Amount = three, BaseAmount = three }],
                    Charges = [new LineAllowanceCharge { Amount = three, BaseAmount = three }],
                },
            ],
        };

        var fired = FiredCoreRules(document).Where(id => id.StartsWith("BR-DEC-", StringComparison.Ordinal));

        Assert.Equal(21, fired.Count());
        Assert.Equal("BG-25[1]/BG-28[1]/BT-142", Assert.Single(Findings(document, "BR-DEC-28")).Location.Path);
        Assert.Equal("BG-22/BT-111", Assert.Single(Findings(document, "BR-DEC-15")).Location.Path);
    }
}
