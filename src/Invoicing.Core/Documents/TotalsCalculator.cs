using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Documents;

/// <summary>Computes <see cref="InvoiceTotals"/> from a header, lines and document-level allowances and charges.</summary>
internal static class TotalsCalculator
{
    internal static InvoiceTotals Compute(
        InvoiceHeader header, IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges, ITaxCalculator calculator)
    {
        var currency = header.Currency;
        var rounding = header.Rounding.Amounts;
        var lineAmounts = new Money[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            lineAmounts[i] = LineAmount(lines[i], currency, rounding);
        }

        var documentAmounts = new Money[allowanceCharges.Count];
        for (var i = 0; i < allowanceCharges.Count; i++)
        {
            documentAmounts[i] = DocumentAmount(allowanceCharges[i], lines, lineAmounts, currency, rounding);
        }

        var items = new TaxableItem[lines.Count + allowanceCharges.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            items[i] = new TaxableItem(lines[i].Tax, lineAmounts[i]);
        }

        for (var i = 0; i < allowanceCharges.Count; i++)
        {
            var ac = allowanceCharges[i];
            items[lines.Count + i] = new TaxableItem(ac.Tax, ac.Terms.IsCharge ? documentAmounts[i] : -documentAmounts[i]);
        }

        var breakdown = calculator.Calculate(new TaxCalculation(currency, header.Pricing, header.Rounding, items));
        CheckContract(calculator, header.Pricing, items, breakdown);

        var lineTotals = new LineTotal[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            lineTotals[i] = new LineTotal(lines[i].Id, lineAmounts[i], breakdown.Items[i].Net, breakdown.Items[i].Tax);
        }

        var allowances = new List<AllowanceChargeTotal>();
        var charges = new List<AllowanceChargeTotal>();
        for (var i = 0; i < allowanceCharges.Count; i++)
        {
            var net = breakdown.Items[lines.Count + i].Net;
            if (allowanceCharges[i].Terms.IsCharge)
            {
                charges.Add(new AllowanceChargeTotal(allowanceCharges[i].Id, documentAmounts[i], net));
            }
            else
            {
                allowances.Add(new AllowanceChargeTotal(allowanceCharges[i].Id, documentAmounts[i], -net));
            }
        }

        var prepaid = header.PrepaidAmount ?? Money.Zero(currency);
        if (prepaid.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, prepaid.Currency, "the prepaid amount (BT-113)");
        }

        var taxInclusive = breakdown.TaxableAmount + breakdown.TaxAmount;
        var unroundedDue = taxInclusive - prepaid;
        var roundingAmount = header.Rounding.Payable is MoneyRounding payable
            ? unroundedDue.Round(payable) - unroundedDue
            : Money.Zero(currency);
        return new InvoiceTotals(lineTotals, allowances, charges, breakdown, prepaid, roundingAmount);
    }

    /// <summary>quantity × (price ÷ base quantity) − allowances + charges, rounded once (BT-131 in a net-priced invoice).</summary>
    internal static Money LineAmount(InvoiceLine line, Currency currency, MoneyRounding rounding)
    {
        if (line.UnitPrice.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, line.UnitPrice.Currency, $"line {line.Id} unit price (BT-146)");
        }

        try
        {
            var exact = line.UnitPrice * (line.Quantity.Value / line.BaseQuantity);
            var lineBase = exact.Round(rounding);
            var amount = exact;
            foreach (var ac in line.AllowanceCharges)
            {
                var value = ResolveInCurrency(ac, lineBase, rounding, currency, $"line {line.Id}");
                amount = ac.IsCharge ? amount + value : amount - value;
            }

            return amount.Round(rounding);
        }
        catch (OverflowException e)
        {
            throw new ArgumentException($"Line {line.Id}: {line.Quantity} × {line.UnitPrice} is too large to compute.", nameof(line), e);
        }
    }

    private static Money DocumentAmount(
        DocumentAllowanceCharge ac, IReadOnlyList<InvoiceLine> lines, Money[] lineAmounts, Currency currency, MoneyRounding rounding)
    {
        // A percentage without an explicit base applies to the lines taxed like the allowance or charge.
        var groupBase = Money.Zero(currency);
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Tax.SameGroupAs(ac.Tax))
            {
                groupBase += lineAmounts[i];
            }
        }

        return ResolveInCurrency(ac.Terms, groupBase, rounding, currency, $"document allowance or charge {ac.Id}");
    }

    private static Money ResolveInCurrency(AllowanceCharge ac, Money defaultBase, MoneyRounding rounding, Currency currency, string owner)
    {
        if (ac.Amount is Money amount && amount.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, amount.Currency, $"{owner} amount");
        }

        if (ac.BaseAmount is Money baseAmount && baseAmount.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, baseAmount.Currency, $"{owner} base amount");
        }

        return ac.Resolve(defaultBase, rounding);
    }

    private static void CheckContract(ITaxCalculator calculator, PricingMode pricing, TaxableItem[] items, TaxBreakdown breakdown)
    {
        if (breakdown.Items.Count != items.Length)
        {
            throw new InvalidOperationException(
                $"{calculator.GetType().Name} returned {breakdown.Items.Count} item results for {items.Length} taxable items.");
        }

        for (var i = 0; i < items.Length; i++)
        {
            var result = breakdown.Items[i];
            var expected = pricing == PricingMode.Gross ? result.Net + result.Tax : result.Net;
            if (expected != items[i].Amount)
            {
                throw new InvalidOperationException(
                    $"{calculator.GetType().Name} broke its contract on item #{i}: {items[i].Amount} became {result}.");
            }
        }
    }
}
