using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Validation;

/// <summary>
/// The document totals (BG-22) as EN 16931's calculation rules BR-CO-10 ... BR-CO-16 define them,
/// computed from a document's lines, document level allowances and charges and VAT breakdown.
/// </summary>
/// <remarks>
/// <para>
/// The computation takes the terms as declared and recomputes only what the rules recompute:
/// BT-106 is the sum of the declared line net amounts (BT-131), not of quantity × price (EN 16931
/// has no core rule binding BT-131 to them); BT-110 is the sum of the declared VAT category tax
/// amounts (BT-117). Each sum is exact (decimal) and then rounded to two decimals the way the
/// official validation artefacts round (<c>round(x * 100) div 100</c>, a half towards positive
/// infinity), so a document the artefacts accept has exactly these totals.
/// </para>
/// <list type="bullet">
/// <item>BT-106 = Σ BT-131 (0 without lines); an absent BT-131 counts as 0.</item>
/// <item>BT-107 = Σ BT-92, BT-108 = Σ BT-99; null when the document has no allowance (charge), as the term is then optional.</item>
/// <item>BT-109 = BT-106 − BT-107 + BT-108, an absent sum counting as 0.</item>
/// <item>BT-110 = Σ BT-117 (0 without VAT breakdown); BT-111 is copied as declared (it is in another currency).</item>
/// <item>BT-112 = BT-109 + BT-110.</item>
/// <item>BT-113 (paid) and BT-114 (rounding) are copied as declared; BT-115 = BT-112 − BT-113 + BT-114, absent ones counting as 0.</item>
/// </list>
/// <para>Pure and thread-safe.</para>
/// </remarks>
public static class En16931Totals
{
    /// <summary>Computes the totals (BG-22) of <paramref name="document"/> as BR-CO-10 ... BR-CO-16 define them.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The computed totals; BT-111, BT-113 and BT-114 are the declared ones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <exception cref="OverflowException">The amounts are too large for their sum to fit a <see cref="decimal"/>.</exception>
    /// <example>
    /// <code>
    /// var computed = En16931Totals.Compute(document);
    /// if (computed.AmountDueForPayment != document.Totals?.AmountDueForPayment) { /* BR-CO-16 fires */ }
    /// </code>
    /// </example>
    public static DocumentTotals Compute(EInvoice document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var declared = document.Totals;
        var lineNet = SumOfLineNetAmounts(document);
        var allowances = SumOf(document.Allowances);
        var charges = SumOf(document.Charges);
        var withoutVat = TotalWithoutVat(lineNet, allowances, charges);
        var vat = SumOfVat(document);
        var withVat = TotalWithVat(withoutVat, vat);
        return new DocumentTotals
        {
            SumOfLineNetAmounts = lineNet,
            SumOfAllowances = allowances,
            SumOfCharges = charges,
            TotalWithoutVat = withoutVat,
            TotalVat = vat,
            TotalVatInAccountingCurrency = declared?.TotalVatInAccountingCurrency,
            TotalWithVat = withVat,
            PaidAmount = declared?.PaidAmount,
            RoundingAmount = declared?.RoundingAmount,
            AmountDueForPayment = AmountDue(withVat, declared?.PaidAmount, declared?.RoundingAmount),
        };
    }

    /// <summary>BT-106 as BR-CO-10 computes it: the declared line net amounts, summed and rounded.</summary>
    internal static decimal SumOfLineNetAmounts(EInvoice document)
    {
        var sum = 0m;
        var lines = document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            sum += lines[i].NetAmount ?? 0m;
        }

        return CoreChecks.Round2(sum);
    }

    /// <summary>BT-107 or BT-108 as BR-CO-11 and BR-CO-12 compute them, or null without allowances (charges).</summary>
    internal static decimal? SumOf(IReadOnlyList<DocumentLevelAllowanceCharge> allowancesOrCharges)
    {
        if (allowancesOrCharges.Count == 0)
        {
            return null;
        }

        var sum = 0m;
        for (var i = 0; i < allowancesOrCharges.Count; i++)
        {
            sum += allowancesOrCharges[i].Amount ?? 0m;
        }

        return CoreChecks.Round2(sum);
    }

    /// <summary>BT-110 as BR-CO-14 computes it: the declared category tax amounts, summed and rounded.</summary>
    internal static decimal SumOfVat(EInvoice document)
    {
        var sum = 0m;
        var breakdown = document.VatBreakdown;
        for (var i = 0; i < breakdown.Count; i++)
        {
            sum += breakdown[i].TaxAmount ?? 0m;
        }

        return CoreChecks.Round2(sum);
    }

    /// <summary>BT-109 as BR-CO-13 computes it from BT-106, BT-107 and BT-108; absent sums count as 0.</summary>
    internal static decimal TotalWithoutVat(decimal lineNet, decimal? allowances, decimal? charges)
        => CoreChecks.Round2(lineNet - (allowances ?? 0m) + (charges ?? 0m));

    /// <summary>BT-112 as BR-CO-15 computes it from BT-109 and BT-110.</summary>
    internal static decimal TotalWithVat(decimal withoutVat, decimal vat) => CoreChecks.Round2(withoutVat + vat);

    /// <summary>BT-115 as BR-CO-16 computes it from BT-112, BT-113 and BT-114; absent ones count as 0.</summary>
    internal static decimal AmountDue(decimal withVat, decimal? paid, decimal? rounding)
        => CoreChecks.Round2(withVat - (paid ?? 0m) + (rounding ?? 0m));
}
