using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Documents;

/// <summary>The amounts of one line: as priced, net, and its share of tax.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="LineId">The line.</param>
/// <param name="Amount">The line amount as priced: quantity × price − allowances + charges, rounded; net, or gross in a tax-inclusive invoice.</param>
/// <param name="NetAmount">The line net amount (BT-131); equal to <paramref name="Amount"/> in a net-priced invoice, derived from the category's tax in a gross-priced one.</param>
/// <param name="TaxAmount">The line's share of its category's tax.</param>
public sealed record LineTotal(InvoiceLineId LineId, Money Amount, Money NetAmount, Money TaxAmount);

/// <summary>The amounts of one document-level allowance or charge: as priced and net (both positive).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Id">The allowance or charge.</param>
/// <param name="Amount">The amount as priced (BT-92 or BT-99 in a net-priced invoice).</param>
/// <param name="NetAmount">The net amount that enters BT-107 or BT-108.</param>
public sealed record AllowanceChargeTotal(InvoiceLineId Id, Money Amount, Money NetAmount);

/// <summary>
/// The totals of an invoice exactly as EN 16931 defines them (BG-22, BT-106 to BT-115) with the tax
/// breakdown (BG-23), and the amounts of every line, allowance and charge they come from.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. The identities hold by construction:
/// BT-106 = Σ line net amounts; BT-109 = BT-106 − BT-107 + BT-108; BT-109 = Σ BT-116;
/// BT-110 = Σ BT-117; BT-112 = BT-109 + BT-110; BT-115 = BT-112 − BT-113 + BT-114. In a
/// tax-inclusive (gross) invoice BT-112 is exactly the sum of the shelf prices.</para>
/// <para>Everything derives from the tax breakdown, which holds the net and tax of each line,
/// allowance and charge (in document order: lines first); the per-line views are built on first
/// use, so totalling a large invoice allocates little.</para>
/// </remarks>
public sealed class InvoiceTotals
{
    private readonly IReadOnlyList<InvoiceLine> _lines;
    private readonly IReadOnlyList<DocumentAllowanceCharge> _allowanceCharges;
    private readonly bool _gross;
    private IReadOnlyList<LineTotal>? _lineTotals;
    private IReadOnlyList<AllowanceChargeTotal>? _allowances;
    private IReadOnlyList<AllowanceChargeTotal>? _charges;

    /// <summary>Derives the totals of a document from its tax breakdown (items: the lines, then the document allowances and charges).</summary>
    /// <exception cref="InvalidOperationException">The breakdown does not have one item per line, allowance and charge, or its taxable amount does not match.</exception>
    internal InvoiceTotals(
        IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges, TaxBreakdown taxBreakdown,
        PricingMode pricing, Money prepaid, Money rounding)
    {
        if (taxBreakdown.Items.Count != lines.Count + allowanceCharges.Count)
        {
            throw new InvalidOperationException(
                $"The tax breakdown has {taxBreakdown.Items.Count} items for {lines.Count} lines and {allowanceCharges.Count} allowances and charges.");
        }

        _lines = lines;
        _allowanceCharges = allowanceCharges;
        _gross = pricing == PricingMode.Gross;
        TaxBreakdown = taxBreakdown;
        var currency = taxBreakdown.Currency;
        decimal lineNet = 0m, allowanceNet = 0m, chargeNet = 0m;
        if (!taxBreakdown.NetsKnown && allowanceCharges.Count == 0)
        {
            // Gross pricing, lines only: the line nets sum to the taxable amount, whatever each line's share of tax.
            lineNet = taxBreakdown.TaxableAmount.Amount;
        }
        else
        {
            for (var i = 0; i < lines.Count; i++)
            {
                lineNet += taxBreakdown.NetAt(i);
            }
        }

        for (var i = 0; i < allowanceCharges.Count; i++)
        {
            var net = taxBreakdown.NetAt(lines.Count + i);
            if (allowanceCharges[i].Terms.IsCharge)
            {
                chargeNet += net;
            }
            else
            {
                allowanceNet -= net;
            }
        }

        LineNetTotal = Money.Of(lineNet, currency);
        AllowanceTotal = Money.Of(allowanceNet, currency);
        ChargeTotal = Money.Of(chargeNet, currency);
        TaxExclusiveTotal = LineNetTotal - AllowanceTotal + ChargeTotal;
        TaxTotal = taxBreakdown.TaxAmount;
        TaxInclusiveTotal = TaxExclusiveTotal + TaxTotal;
        PrepaidAmount = prepaid;
        RoundingAmount = rounding;
        AmountDue = TaxInclusiveTotal - PrepaidAmount + RoundingAmount;
        if (TaxExclusiveTotal != taxBreakdown.TaxableAmount)
        {
            throw new InvalidOperationException(
                $"The tax breakdown's taxable amounts sum to {taxBreakdown.TaxableAmount}, but the invoice total without tax is {TaxExclusiveTotal}.");
        }
    }

    /// <summary>The amounts of each line, in line order.</summary>
    public IReadOnlyList<LineTotal> Lines => _lineTotals ??= BuildLines();

    /// <summary>The document-level allowances, in document order.</summary>
    public IReadOnlyList<AllowanceChargeTotal> Allowances => _allowances ??= BuildAllowanceCharges(charges: false);

    /// <summary>The document-level charges, in document order.</summary>
    public IReadOnlyList<AllowanceChargeTotal> Charges => _charges ??= BuildAllowanceCharges(charges: true);

    /// <summary>The tax breakdown (BG-23) and each item's tax.</summary>
    public TaxBreakdown TaxBreakdown { get; }

    /// <summary>BT-106: the sum of the line net amounts.</summary>
    public Money LineNetTotal { get; }

    /// <summary>BT-107: the sum of the document-level allowances (net).</summary>
    public Money AllowanceTotal { get; }

    /// <summary>BT-108: the sum of the document-level charges (net).</summary>
    public Money ChargeTotal { get; }

    /// <summary>BT-109: the total without tax, BT-106 − BT-107 + BT-108.</summary>
    public Money TaxExclusiveTotal { get; }

    /// <summary>BT-110: the total tax.</summary>
    public Money TaxTotal { get; }

    /// <summary>BT-112: the total with tax, BT-109 + BT-110.</summary>
    public Money TaxInclusiveTotal { get; }

    /// <summary>BT-113: the amount paid in advance.</summary>
    public Money PrepaidAmount { get; }

    /// <summary>BT-114: the rounding of the amount due (cash rounding), zero unless the rounding policy rounds it.</summary>
    public Money RoundingAmount { get; }

    /// <summary>BT-115: the amount due for payment, BT-112 − BT-113 + BT-114.</summary>
    public Money AmountDue { get; }

    private System.Collections.ObjectModel.ReadOnlyCollection<LineTotal> BuildLines()
    {
        var currency = TaxBreakdown.Currency;
        var result = new LineTotal[_lines.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var net = TaxBreakdown.NetAt(i);
            var tax = TaxBreakdown.TaxAt(i);
            result[i] = new LineTotal(_lines[i].Id, Money.Of(_gross ? net + tax : net, currency), Money.Of(net, currency), Money.Of(tax, currency));
        }

        return Array.AsReadOnly(result);
    }

    private System.Collections.ObjectModel.ReadOnlyCollection<AllowanceChargeTotal> BuildAllowanceCharges(bool charges)
    {
        var currency = TaxBreakdown.Currency;
        var result = new List<AllowanceChargeTotal>();
        for (var i = 0; i < _allowanceCharges.Count; i++)
        {
            if (_allowanceCharges[i].Terms.IsCharge != charges)
            {
                continue;
            }

            var sign = charges ? 1m : -1m;
            var net = sign * TaxBreakdown.NetAt(_lines.Count + i);
            var tax = sign * TaxBreakdown.TaxAt(_lines.Count + i);
            result.Add(new AllowanceChargeTotal(_allowanceCharges[i].Id, Money.Of(_gross ? net + tax : net, currency), Money.Of(net, currency)));
        }

        return result.AsReadOnly();
    }
}
