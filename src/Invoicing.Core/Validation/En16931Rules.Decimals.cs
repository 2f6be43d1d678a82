using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>
    /// BR-DEC-*: at most two decimals for amounts (the 21 rules of the artefacts: BR-DEC-01, 02, 05, 06,
    /// 09 ... 20, 23, 24, 25, 27, 28). Decimals are counted as written (the model keeps the scale), as
    /// the artefacts count the characters after the point: 12.300 has three. A document in a currency
    /// with three decimals whose amounts need them gets these findings: EN 16931 cannot carry them.
    /// </summary>
    public static IEnumerable<IValidationRule> Decimals() =>
    [
        PerAllowance("BR-DEC-01", "The allowed maximum number of decimals for the Document level allowance amount (BT-92) is 2.", (c, a, i) => CheckDecimals(c, a.Amount, "document level allowance amount", "BT-92", $"BG-20[{i}]/BT-92")),
        PerAllowance("BR-DEC-02", "The allowed maximum number of decimals for the Document level allowance base amount (BT-93) is 2.", (c, a, i) => CheckDecimals(c, a.BaseAmount, "document level allowance base amount", "BT-93", $"BG-20[{i}]/BT-93")),
        PerCharge("BR-DEC-05", "The allowed maximum number of decimals for the Document level charge amount (BT-99) is 2.", (c, a, i) => CheckDecimals(c, a.Amount, "document level charge amount", "BT-99", $"BG-21[{i}]/BT-99")),
        PerCharge("BR-DEC-06", "The allowed maximum number of decimals for the Document level charge base amount (BT-100) is 2.", (c, a, i) => CheckDecimals(c, a.BaseAmount, "document level charge base amount", "BT-100", $"BG-21[{i}]/BT-100")),
        Total("BR-DEC-09", "Sum of Invoice line net amount (BT-106)", "BT-106", static t => t.SumOfLineNetAmounts),
        Total("BR-DEC-10", "Sum of allowances on document level (BT-107)", "BT-107", static t => t.SumOfAllowances),
        Total("BR-DEC-11", "Sum of charges on document level (BT-108)", "BT-108", static t => t.SumOfCharges),
        Total("BR-DEC-12", "Invoice total amount without VAT (BT-109)", "BT-109", static t => t.TotalWithoutVat),
        Total("BR-DEC-13", "Invoice total VAT amount (BT-110)", "BT-110", static t => t.TotalVat),
        Total("BR-DEC-14", "Invoice total amount with VAT (BT-112)", "BT-112", static t => t.TotalWithVat),
        Total("BR-DEC-15", "Invoice total VAT amount in accounting currency (BT-111)", "BT-111", static t => t.TotalVatInAccountingCurrency),
        Total("BR-DEC-16", "Paid amount (BT-113)", "BT-113", static t => t.PaidAmount),
        Total("BR-DEC-17", "Rounding amount (BT-114)", "BT-114", static t => t.RoundingAmount),
        Total("BR-DEC-18", "Amount due for payment (BT-115)", "BT-115", static t => t.AmountDueForPayment),
        PerBreakdown("BR-DEC-19", "The allowed maximum number of decimals for the VAT category taxable amount (BT-116) is 2.", (c, v, i) => CheckDecimals(c, v.TaxableAmount, "VAT category taxable amount", "BT-116", $"BG-23[{i}]/BT-116")),
        PerBreakdown("BR-DEC-20", "The allowed maximum number of decimals for the VAT category tax amount (BT-117) is 2.", (c, v, i) => CheckDecimals(c, v.TaxAmount, "VAT category tax amount", "BT-117", $"BG-23[{i}]/BT-117")),
        PerLine("BR-DEC-23", "The allowed maximum number of decimals for the Invoice line net amount (BT-131) is 2.", (c, l, i) => CheckDecimals(c, l.NetAmount, "invoice line net amount", "BT-131", $"BG-25[{i}]/BT-131")),
        PerLineAllowance("BR-DEC-24", "The allowed maximum number of decimals for the Invoice line allowance amount (BT-136) is 2.", (c, a, i, j) => CheckDecimals(c, a.Amount, "invoice line allowance amount", "BT-136", $"BG-25[{i}]/BG-27[{j}]/BT-136")),
        PerLineAllowance("BR-DEC-25", "The allowed maximum number of decimals for the Invoice line allowance base amount (BT-137) is 2.", (c, a, i, j) => CheckDecimals(c, a.BaseAmount, "invoice line allowance base amount", "BT-137", $"BG-25[{i}]/BG-27[{j}]/BT-137")),
        PerLineCharge("BR-DEC-27", "The allowed maximum number of decimals for the Invoice line charge amount (BT-141) is 2.", (c, a, i, j) => CheckDecimals(c, a.Amount, "invoice line charge amount", "BT-141", $"BG-25[{i}]/BG-28[{j}]/BT-141")),
        PerLineCharge("BR-DEC-28", "The allowed maximum number of decimals for the Invoice line charge base amount (BT-142) is 2.", (c, a, i, j) => CheckDecimals(c, a.BaseAmount, "invoice line charge base amount", "BT-142", $"BG-25[{i}]/BG-28[{j}]/BT-142")),
    ];

    private static ValidationRule Total(string id, string name, string term, Func<DocumentTotals, decimal?> amount)
        => Fatal(id, $"The allowed maximum number of decimals for the {name} is 2.", c =>
        {
            if (c.Document.Totals is { } totals)
            {
                CheckDecimals(c, amount(totals), char.ToLowerInvariant(name[0]) + name[1..name.IndexOf(" (", StringComparison.Ordinal)], term, $"BG-22/{term}");
            }
        });

    private static void CheckDecimals(ValidationContext c, decimal? amount, string name, string term, string path)
    {
        if (amount is { } value && CoreChecks.Decimals(value) > 2)
        {
            c.Report($"The {name} ({term}) {CoreChecks.Show(value)} has {CoreChecks.Decimals(value)} decimals; EN 16931 allows at most 2.", term, path);
        }
    }
}
