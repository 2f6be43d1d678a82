using System.Globalization;
using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Documents;

/// <summary>
/// What remains creditable of an invoice, and what a credit note takes of it: per item (line,
/// allowance or charge) and per tax category, in the invoice's pricing mode, with its rounding
/// policy. The note that exhausts an item or a category takes exactly what remains of it, and no
/// note takes more tax than remains, so any series of credit notes sums to the invoice to the cent.
/// </summary>
internal static class CreditNoteCalculator
{
    internal sealed class ItemState(InvoiceLineId id, bool isLine, string name, TaxTreatment tax, int group, decimal quantity, decimal amount, decimal taxAmount)
    {
        public InvoiceLineId Id { get; } = id;

        public bool IsLine { get; } = isLine;

        public string Name { get; } = name;

        public TaxTreatment Tax { get; } = tax;

        public int Group { get; } = group;

        public decimal Quantity { get; } = quantity;

        public decimal Amount { get; } = amount;

        public decimal InvoiceTax { get; } = taxAmount;

        public decimal RemainingQuantity { get; set; } = isLine ? quantity : 0m;

        public decimal RemainingAmount { get; set; } = amount;

        public decimal RemainingTax { get; set; } = taxAmount;
    }

    internal sealed class GroupState(TaxTreatment treatment)
    {
        public TaxTreatment Treatment { get; } = treatment;

        public decimal InvoiceAmount { get; set; }

        public decimal InvoiceTax { get; set; }

        public decimal RemainingAmount { get; set; }

        public decimal RemainingNet { get; set; }

        public decimal RemainingTax { get; set; }
    }

    internal sealed record State(ItemState[] Items, GroupState[] Groups);

    internal static State Remaining(Invoice invoice, IReadOnlyList<CreditNote> earlier)
    {
        if (invoice.Number is null || invoice.Status == InvoiceStatus.Discarded)
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, "Credit", $"Invoice {invoice} has not been issued: a draft is changed, not credited.");
        }

        if (invoice.Status is InvoiceStatus.Cancelled or InvoiceStatus.WrittenOff)
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, "Credit", $"Invoice {invoice} is {invoice.Status}: nothing on it can be credited any more.");
        }

        var gross = invoice.Header.Pricing == PricingMode.Gross;
        var breakdown = invoice.Totals.TaxBreakdown.Items;
        var groups = new List<GroupState>();
        var items = new ItemState[breakdown.Count];
        for (var k = 0; k < items.Length; k++)
        {
            var isLine = k < invoice.Lines.Count;
            var line = isLine ? invoice.Lines[k] : null;
            var ac = isLine ? null : invoice.AllowanceCharges[k - invoice.Lines.Count];
            var tax = line?.Tax ?? ac!.Tax;
            var group = groups.FindIndex(g => g.Treatment.SameGroupAs(tax));
            if (group < 0)
            {
                groups.Add(new GroupState(tax));
                group = groups.Count - 1;
            }

            var net = breakdown[k].Net.Amount;
            var itemTax = breakdown[k].Tax.Amount;
            var amount = gross ? net + itemTax : net;
            var name = line?.Item.Name ?? ac!.Terms.Reason ?? (ac!.Terms.IsCharge ? "Charge" : "Allowance");
            items[k] = new ItemState(line?.Id ?? ac!.Id, isLine, name, tax, group, line?.Quantity.Value ?? 0m, amount, itemTax);
            groups[group].InvoiceAmount += amount;
            groups[group].InvoiceTax += itemTax;
            groups[group].RemainingAmount += amount;
            groups[group].RemainingNet += net;
            groups[group].RemainingTax += itemTax;
        }

        var seen = new HashSet<CreditNoteId>();
        foreach (var note in earlier)
        {
            if (note.Original.Id != invoice.Id || note.TenantId != invoice.TenantId || note.Currency != invoice.Currency)
            {
                throw new ArgumentException($"Credit note {note} belongs to another invoice, tenant or currency than invoice {invoice}.", nameof(earlier));
            }

            if (!seen.Add(note.Id))
            {
                throw new ArgumentException($"Credit note {note} is given twice.", nameof(earlier));
            }

            foreach (var line in note.Lines)
            {
                var item = Array.Find(items, i => i.Id == line.OriginalLineId)
                    ?? throw new ArgumentException($"Credit note {note} credits '{line.OriginalLineId}', which invoice {invoice} does not have.", nameof(earlier));
                item.RemainingQuantity -= line.Quantity ?? 0m;
                item.RemainingAmount -= line.Amount.Amount;
                item.RemainingTax -= line.TaxAmount.Amount;
                var group = groups[item.Group];
                group.RemainingAmount -= line.Amount.Amount;
                group.RemainingNet -= line.NetAmount.Amount;
                group.RemainingTax -= line.TaxAmount.Amount;
            }
        }

        return new State(items, [.. groups]);
    }

    internal static CreditNoteLine[] Compute(Invoice invoice, State state, CreditNoteRequest request)
    {
        var items = state.Items;
        var credited = new decimal[items.Length];
        var quantities = new decimal?[items.Length];
        var taxes = new decimal[items.Length];
        var currency = invoice.Currency;
        switch (request.Kind)
        {
            case CreditNoteKind.FullCancellation:
                if (items.All(i => i.RemainingAmount == 0m) && state.Groups.All(g => g.RemainingTax == 0m))
                {
                    throw new CreditExceedsRemainingException(invoice.Id, default, "a full cancellation", "nothing");
                }

                for (var k = 0; k < items.Length; k++)
                {
                    credited[k] = items[k].RemainingAmount;
                    taxes[k] = items[k].RemainingTax;
                    quantities[k] = items[k].IsLine ? items[k].RemainingQuantity : null;
                }

                break;
            case CreditNoteKind.Discount:
                Discount(invoice, state, request.Discount!.Value, credited, taxes);
                break;
            default:
                foreach (var credit in request.Lines)
                {
                    var k = Array.FindIndex(items, i => i.IsLine && i.Id == credit.LineId);
                    if (k < 0)
                    {
                        throw new ArgumentException($"Invoice {invoice} has no line '{credit.LineId}' to credit.", nameof(request));
                    }

                    credited[k] = LineAmount(invoice, items[k], credit);
                    quantities[k] = credit.Quantity;
                }

                ShareAllowancesAndCharges(invoice, state, credited);
                LineTaxes(invoice, state, credited, taxes);
                break;
        }

        var total = 0m;
        for (var k = 0; k < items.Length; k++)
        {
            total += invoice.Header.Pricing == PricingMode.Gross ? credited[k] : credited[k] + taxes[k];
        }

        if (total <= 0m)
        {
            throw new ArgumentException(
                $"The credit note for invoice {invoice} would credit {Money.Of(total, currency)}; a credit note credits a positive amount.", nameof(request));
        }

        var gross = invoice.Header.Pricing == PricingMode.Gross;
        var lines = new List<CreditNoteLine>();
        for (var k = 0; k < items.Length; k++)
        {
            if (credited[k] == 0m && taxes[k] == 0m && (quantities[k] ?? 0m) == 0m)
            {
                continue;
            }

            // The values are whole minor units already; rounding gives them the currency's scale (0.00, not 0).
            var amount = Money.Of(credited[k], currency).Round(invoice.Header.Rounding.Amounts);
            var tax = Money.Of(taxes[k], currency).Round(invoice.Header.Rounding.Amounts);
            lines.Add(new CreditNoteLine(InvoiceLineId.From((lines.Count + 1).ToString(CultureInfo.InvariantCulture)), items[k].Id, items[k].Name,
                quantities[k], amount, gross ? amount - tax : amount, tax, items[k].Tax));
        }

        return [.. lines];
    }

    /// <summary>Whether the lines credit everything that remains (every category's amount and tax).</summary>
    internal static bool Exhausts(State state, CreditNoteLine[] lines)
    {
        for (var g = 0; g < state.Groups.Length; g++)
        {
            var group = state.Groups[g];
            decimal amount = 0m, tax = 0m;
            foreach (var line in lines)
            {
                if (line.Tax.SameGroupAs(group.Treatment))
                {
                    amount += line.Amount.Amount;
                    tax += line.TaxAmount.Amount;
                }
            }

            if (amount != group.RemainingAmount || tax != group.RemainingTax)
            {
                return false;
            }
        }

        return true;
    }

    private static decimal LineAmount(Invoice invoice, ItemState item, LineCredit credit)
    {
        var currency = invoice.Currency;
        if (credit.Amount is Money amount)
        {
            if (amount.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, amount.Currency, $"the credited amount of line {item.Id}");
            }

            return amount.Amount <= item.RemainingAmount
                ? amount.Amount
                : throw CreditExceedsRemainingException.Amount(invoice.Id, item.Id, amount, Money.Of(item.RemainingAmount, currency));
        }

        var quantity = credit.Quantity!.Value;
        if (item.Quantity <= 0m)
        {
            throw new ArgumentException($"Line {item.Id} of invoice {invoice} is a return line (quantity {item.Quantity.ToString(CultureInfo.InvariantCulture)}); it cannot be credited by quantity.", nameof(credit));
        }

        if (quantity > item.RemainingQuantity)
        {
            throw new CreditExceedsRemainingException(invoice.Id, item.Id,
                string.Create(CultureInfo.InvariantCulture, $"quantity {quantity}"), string.Create(CultureInfo.InvariantCulture, $"quantity {item.RemainingQuantity}"));
        }

        // The rest of a line takes exactly what remains; a part takes its share of what remains (after
        // earlier price reductions), rounded.
        return quantity == item.RemainingQuantity
            ? item.RemainingAmount
            : Math.Min(Money.Of(item.RemainingAmount * quantity / item.RemainingQuantity, currency).Round(invoice.Header.Rounding.Amounts).Amount, item.RemainingAmount);
    }

    /// <summary>
    /// Lines credited in a category take the category's document allowances and charges with them,
    /// in proportion to the share of the category's remaining line amounts they credit (all of
    /// them when they credit the rest), so that no category is credited beyond what remains of it.
    /// </summary>
    private static void ShareAllowancesAndCharges(Invoice invoice, State state, decimal[] credited)
    {
        var items = state.Items;
        for (var g = 0; g < state.Groups.Length; g++)
        {
            decimal lineRemaining = 0m, lineCredited = 0m;
            for (var k = 0; k < items.Length; k++)
            {
                if (items[k].Group == g && items[k].IsLine)
                {
                    lineRemaining += items[k].RemainingAmount;
                    lineCredited += credited[k];
                }
            }

            if (lineCredited == 0m || lineRemaining <= 0m)
            {
                continue;
            }

            for (var k = 0; k < items.Length; k++)
            {
                if (items[k].Group == g && !items[k].IsLine && items[k].RemainingAmount != 0m)
                {
                    credited[k] = lineCredited == lineRemaining
                        ? items[k].RemainingAmount
                        : Money.Of(items[k].RemainingAmount * lineCredited / lineRemaining, invoice.Currency).Round(invoice.Header.Rounding.Amounts).Amount;
                }
            }
        }
    }

    /// <summary>The tax of credited lines: per line or per category as the invoice was rounded; whatever exhausts takes what remains.</summary>
    private static void LineTaxes(Invoice invoice, State state, decimal[] credited, decimal[] taxes)
    {
        var items = state.Items;
        if (invoice.Header.Rounding.TaxLevel == TaxRoundingLevel.PerLine)
        {
            for (var k = 0; k < items.Length; k++)
            {
                if (credited[k] != 0m)
                {
                    // Cumulative: the tax of everything credited so far, rounded, less the tax already credited.
                    var creditedBefore = items[k].Amount - items[k].RemainingAmount;
                    var taxBefore = items[k].InvoiceTax - items[k].RemainingTax;
                    taxes[k] = credited[k] == items[k].RemainingAmount
                        ? items[k].RemainingTax
                        : Clamp(TaxOf(invoice, items[k].Tax, creditedBefore + credited[k]) - taxBefore, items[k].RemainingTax);
                }
            }

            KeepWithinCategories(state, credited, taxes);
            return;
        }

        for (var g = 0; g < state.Groups.Length; g++)
        {
            var group = state.Groups[g];
            var amount = 0m;
            for (var k = 0; k < items.Length; k++)
            {
                amount += items[k].Group == g ? credited[k] : 0m;
            }

            if (amount == 0m)
            {
                continue;
            }

            // Cumulative: the tax of everything credited in the category so far, rounded, less the tax already credited;
            // so no note carries the rounding of the others, and the note that exhausts it takes exactly what remains.
            var creditedBefore = group.InvoiceAmount - group.RemainingAmount;
            var taxBefore = group.InvoiceTax - group.RemainingTax;
            var tax = amount == group.RemainingAmount
                ? group.RemainingTax
                : Clamp(TaxOf(invoice, group.Treatment, creditedBefore + amount) - taxBefore, group.RemainingTax);
            Apportion(invoice, tax, items, g, credited, taxes);
        }
    }

    private static void Discount(Invoice invoice, State state, Money discount, decimal[] credited, decimal[] taxes)
    {
        var currency = invoice.Currency;
        if (discount.Currency != currency)
        {
            throw new CurrencyMismatchException(currency, discount.Currency, "the discount");
        }

        var gross = invoice.Header.Pricing == PricingMode.Gross;
        var groups = state.Groups;
        var weights = groups.Select(g => Math.Max(0m, gross ? g.RemainingAmount : g.RemainingAmount + g.RemainingTax)).ToArray();
        var available = weights.Sum();
        if (discount.Amount > available)
        {
            throw CreditExceedsRemainingException.Amount(invoice.Id, default, discount, Money.Of(available, currency));
        }

        var parts = discount.Allocate(weights);
        var items = state.Items;
        for (var g = 0; g < groups.Length; g++)
        {
            var part = parts[g].Amount;
            if (part == 0m)
            {
                continue;
            }

            if (part == weights[g])
            {
                for (var k = 0; k < items.Length; k++)
                {
                    if (items[k].Group == g)
                    {
                        credited[k] = items[k].RemainingAmount;
                        taxes[k] = items[k].RemainingTax;
                    }
                }

                continue;
            }

            var rate = groups[g].Treatment.Rate ?? 0m;
            var tax = Clamp(Money.Of(part * rate / (100m + rate), currency).Round(invoice.Header.Rounding.Amounts).Amount, groups[g].RemainingTax);
            var amount = Math.Min(gross ? part : part - tax, groups[g].RemainingAmount);
            ShareInProportion(invoice, items, g, amount, credited);

            Apportion(invoice, tax, items, g, credited, taxes);
        }
    }

    /// <summary>
    /// With per-line rounding each item's tax is its own, but the category is what the law counts:
    /// a note never takes more tax than remains of the category (nor less than none of it), and the
    /// note that exhausts a category's amount takes exactly its remaining tax. The difference, at
    /// most a few minor units of rounding, goes to the category's largest credited item.
    /// </summary>
    private static void KeepWithinCategories(State state, decimal[] credited, decimal[] taxes)
    {
        var items = state.Items;
        for (var g = 0; g < state.Groups.Length; g++)
        {
            decimal amount = 0m, tax = 0m;
            var largest = -1;
            for (var k = 0; k < items.Length; k++)
            {
                if (items[k].Group == g && credited[k] != 0m)
                {
                    amount += credited[k];
                    tax += taxes[k];
                    largest = largest < 0 || Math.Abs(credited[k]) > Math.Abs(credited[largest]) ? k : largest;
                }
            }

            if (largest < 0)
            {
                continue;
            }

            var group = state.Groups[g];
            var within = amount == group.RemainingAmount ? group.RemainingTax : Clamp(tax, group.RemainingTax);
            taxes[largest] += within - tax;
        }
    }

    /// <summary>
    /// Shares a discount's part of a category among the category's lines, allowances and charges in
    /// proportion to what remains of each, signed: a discount of 98 % of the category takes 98 % of
    /// each line and charge and 98 % of each allowance, so what remains keeps the invoice's
    /// proportions, and a later return or price reduction of a line (which takes its share of the
    /// allowances with it) still credits what the line shows as remaining.
    /// </summary>
    private static void ShareInProportion(Invoice invoice, ItemState[] items, int group, decimal amount, decimal[] credited)
    {
        var weights = new decimal[items.Length];
        for (var k = 0; k < items.Length; k++)
        {
            weights[k] = items[k].Group == group ? items[k].RemainingAmount : 0m;
        }

        var shares = SplitSigned(invoice, amount, weights);
        for (var k = 0; k < items.Length; k++)
        {
            credited[k] = items[k].Group == group ? shares[k] : credited[k];
        }
    }

    /// <summary>
    /// Splits <paramref name="total"/> (whole minor units) in proportion to signed weights, exactly:
    /// the negative weights' part is rounded, the positive weights take the rest, and each side is
    /// shared by largest remainder. With the weights' sum W &gt; 0 and |total| ≤ W each share stays
    /// within its weight (a whole number of minor units), so no item is credited beyond what remains
    /// of it. When the weights do not sum to a positive amount, the positive weights take it all.
    /// </summary>
    private static decimal[] SplitSigned(Invoice invoice, decimal total, decimal[] weights)
    {
        var currency = invoice.Currency;
        decimal positive = 0m, negative = 0m;
        var positives = new decimal[weights.Length];
        var negatives = new decimal[weights.Length];
        for (var k = 0; k < weights.Length; k++)
        {
            positives[k] = Math.Max(0m, weights[k]);
            negatives[k] = Math.Max(0m, -weights[k]);
            positive += positives[k];
            negative += negatives[k];
        }

        var result = new decimal[weights.Length];
        if (positive == 0m)
        {
            // Nothing positive to carry it (a category credited through its allowance alone): the first weight takes it.
            result[Array.FindIndex(weights, w => w != 0m) is var first and >= 0 ? first : 0] = total;
            return result;
        }

        var negativePart = negative == 0m || positive <= negative
            ? 0m
            : Money.Of(negative * total / (positive - negative), currency).Round(invoice.Header.Rounding.Amounts).Amount;
        var positiveShares = Money.Of(total + negativePart, currency).Allocate(positives);
        var negativeShares = negativePart == 0m ? null : Money.Of(negativePart, currency).Allocate(negatives);
        for (var k = 0; k < weights.Length; k++)
        {
            result[k] = positiveShares[k].Amount - (negativeShares?[k].Amount ?? 0m);
        }

        return result;
    }

    private static decimal TaxOf(Invoice invoice, TaxTreatment treatment, decimal amount)
    {
        var rate = treatment.Rate ?? 0m;
        var exact = invoice.Header.Pricing == PricingMode.Gross ? amount * rate / (100m + rate) : amount * rate / 100m;
        return Money.Of(exact, invoice.Currency).Round(invoice.Header.Rounding.Amounts).Amount;
    }

    private static decimal Clamp(decimal tax, decimal remaining)
        => remaining >= 0m ? Math.Min(Math.Max(tax, 0m), remaining) : Math.Max(Math.Min(tax, 0m), remaining);

    /// <summary>
    /// Shares a group's credited tax among its credited items in proportion to their credited
    /// amounts, signed and exactly: an allowance credited along with its lines gives back its
    /// (negative) share of the tax, as it took it on the invoice.
    /// </summary>
    private static void Apportion(Invoice invoice, decimal tax, ItemState[] items, int group, decimal[] credited, decimal[] taxes)
    {
        var weights = new decimal[items.Length];
        for (var k = 0; k < items.Length; k++)
        {
            weights[k] = items[k].Group == group ? credited[k] : 0m;
        }

        if (weights.All(w => w == 0m))
        {
            weights[Array.FindIndex(items, i => i.Group == group)] = 1m;
        }

        var shares = SplitSigned(invoice, tax, weights);
        for (var k = 0; k < items.Length; k++)
        {
            taxes[k] = items[k].Group == group ? shares[k] : taxes[k];
        }
    }
}
