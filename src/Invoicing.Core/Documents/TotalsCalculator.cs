using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Documents;

/// <summary>Computes <see cref="InvoiceTotals"/> from a header, lines and document-level allowances and charges.</summary>
internal static class TotalsCalculator
{
    internal static InvoiceTotals Compute(
        InvoiceHeader header, IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges, ITaxCalculator calculator)
    {
        try
        {
            return ComputeChecked(header, lines, allowanceCharges, calculator);
        }
        catch (OverflowException e)
        {
            throw new ArgumentException("The invoice's amounts are too large to total (beyond the range of decimal).", nameof(lines), e);
        }
    }

    private static InvoiceTotals ComputeChecked(
        InvoiceHeader header, IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges, ITaxCalculator calculator)
    {
        var currency = header.Currency;
        var rounding = header.Rounding.Amounts;
        var lineCount = lines.Count;

        // One amount per item, lines first, each rounded to minor units by the document's rule.
        var amounts = new decimal[lineCount + allowanceCharges.Count];
        for (var i = 0; i < lineCount; i++)
        {
            amounts[i] = LineAmount(lines[i], currency, rounding).Amount;
        }

        for (var i = 0; i < allowanceCharges.Count; i++)
        {
            var amount = DocumentAmount(allowanceCharges[i], lines, amounts, currency, rounding).Amount;
            amounts[lineCount + i] = allowanceCharges[i].Terms.IsCharge ? amount : -amount;
        }

        var breakdown = ReferenceEquals(calculator, PercentageTaxCalculator.Instance)
            ? PercentageTaxCalculator.Compute(new DocumentItems(lines, allowanceCharges), currency, header.Pricing, header.Rounding, amounts, amountsRounded: true, nameof(lines))
            : CalculateWith(calculator, header, lines, allowanceCharges, amounts);

        var prepaid = header.PrepaidAmount ?? Money.Zero(currency);
        if (prepaid.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, prepaid.Currency, "the prepaid amount (BT-113)");
        }

        var unroundedDue = breakdown.TaxableAmount + breakdown.TaxAmount - prepaid;
        var roundingAmount = header.Rounding.Payable is MoneyRounding payable
            ? unroundedDue.Round(payable) - unroundedDue
            : Money.Zero(currency);
        return new InvoiceTotals(lines, allowanceCharges, breakdown, header.Pricing, prepaid, roundingAmount);
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
            // Multiply first, divide by the base quantity last: exact whenever the result is.
            var product = line.UnitPrice.Amount * line.Quantity.Value;
            var exact = Money.Of(line.BaseQuantity == 1m ? product : product / line.BaseQuantity, currency);
            if (line.AllowanceCharges.Count == 0)
            {
                return exact.Round(rounding);
            }

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
        DocumentAllowanceCharge ac, IReadOnlyList<InvoiceLine> lines, decimal[] lineAmounts, Currency currency, MoneyRounding rounding)
    {
        // A percentage without an explicit base applies to the lines taxed like the allowance or charge.
        var groupBase = 0m;
        if (ac.Terms.Amount is null && ac.Terms.BaseAmount is null)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Tax.SameGroupAs(ac.Tax))
                {
                    groupBase += lineAmounts[i];
                }
            }
        }

        return ResolveInCurrency(ac.Terms, Money.Of(groupBase, currency), rounding, currency, $"document allowance or charge {ac.Id}");
    }

    /// <summary>The general path, for calculators other than the built-in one: through the public <see cref="TaxCalculation"/>, contract checked.</summary>
    private static TaxBreakdown CalculateWith(
        ITaxCalculator calculator, InvoiceHeader header, IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges, decimal[] amounts)
    {
        var items = new TaxableItem[amounts.Length];
        for (var i = 0; i < amounts.Length; i++)
        {
            var treatment = i < lines.Count ? lines[i].Tax : allowanceCharges[i - lines.Count].Tax;
            items[i] = new TaxableItem(treatment, Money.Of(amounts[i], header.Currency));
        }

        var breakdown = calculator.Calculate(new TaxCalculation(header.Currency, header.Pricing, header.Rounding, items))
            ?? throw new InvalidOperationException($"{calculator.GetType().Name} returned no tax breakdown.");
        CheckContract(calculator, header.Pricing, items, breakdown);
        return breakdown;
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
        if (items.Length > 0 && breakdown.Currency != items[0].Amount.Currency)
        {
            throw new InvalidOperationException($"{calculator.GetType().Name} returned a breakdown in {breakdown.Currency}, not {items[0].Amount.Currency}.");
        }

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

    /// <summary>The tax treatments of a document's items, lines first, for the built-in calculator.</summary>
    private readonly struct DocumentItems(IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges) : ITaxableItems
    {
        public int Count => lines.Count + allowanceCharges.Count;

        public TaxTreatment? TreatmentAt(int index) => index < lines.Count ? lines[index].Tax : allowanceCharges[index - lines.Count].Tax;
    }
}
