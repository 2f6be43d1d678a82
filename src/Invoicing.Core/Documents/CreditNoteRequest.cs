using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Documents;

/// <summary>The kinds of credit note (<see cref="CreditNoteRequest"/>).</summary>
public enum CreditNoteKind
{
    /// <summary>Everything that remains creditable: the invoice is cancelled.</summary>
    FullCancellation = 0,

    /// <summary>Some lines by quantity (goods returned).</summary>
    Quantity = 1,

    /// <summary>Some lines by amount (a price reduction, an overcharge).</summary>
    Amount = 2,

    /// <summary>A document-level discount granted after the fact, split across the tax categories in proportion to what remains of them.</summary>
    Discount = 3,
}

/// <summary>What to credit on one invoice line: a quantity, or an amount.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record LineCredit
{
    private LineCredit(InvoiceLineId lineId, decimal? quantity, Money? amount)
    {
        Identifier.RequireSet(lineId, nameof(lineId));
        LineId = lineId;
        Quantity = quantity;
        Amount = amount;
    }

    /// <summary>The invoice line (BT-126 of the original).</summary>
    public InvoiceLineId LineId { get; }

    /// <summary>The quantity to credit, or null for a credit by amount.</summary>
    public decimal? Quantity { get; }

    /// <summary>The amount to credit, or null for a credit by quantity; in the invoice's pricing mode (net, or tax-inclusive for gross-priced invoices).</summary>
    public Money? Amount { get; }

    /// <summary>Credits a quantity of a line (goods returned): its share of the line amount, or all that remains when it is the rest.</summary>
    /// <param name="lineId">The line.</param>
    /// <param name="quantity">The quantity, above zero, in the line's unit.</param>
    /// <returns>The line credit.</returns>
    /// <exception cref="ArgumentException"><paramref name="lineId"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not above zero.</exception>
    public static LineCredit OfQuantity(InvoiceLineId lineId, decimal quantity)
        => new(lineId, quantity > 0m ? quantity : throw new ArgumentOutOfRangeException(nameof(quantity), quantity,
            string.Create(CultureInfo.InvariantCulture, $"A credited quantity is above zero; got {quantity} for line {lineId}.")), null);

    /// <summary>Credits an amount of a line (a price reduction or an overcharge).</summary>
    /// <param name="lineId">The line.</param>
    /// <param name="amount">The amount, above zero and in whole minor units, in the invoice's pricing mode.</param>
    /// <returns>The line credit.</returns>
    /// <exception cref="ArgumentException"><paramref name="lineId"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not above zero or not in whole minor units.</exception>
    public static LineCredit OfAmount(InvoiceLineId lineId, Money amount)
        => new(lineId, null, amount.IsPositive && amount.IsRoundedToMinorUnits ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount,
            $"A credited amount is above zero and in whole minor units; got {amount} for line {lineId}."));

    /// <summary>Returns "line 3: quantity 2" or "line 3: EUR 10.00".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Quantity is decimal q ? string.Create(CultureInfo.InvariantCulture, $"line {LineId}: quantity {q}") : $"line {LineId}: {Amount}";
}

/// <summary>What a credit note should credit: everything, some lines, or a discount.</summary>
/// <remarks>Immutable and thread-safe; create with the factories.</remarks>
public sealed class CreditNoteRequest
{
    private CreditNoteRequest(CreditNoteKind kind, string reason, IReadOnlyList<LineCredit> lines, Money? discount)
    {
        Kind = kind;
        Reason = TextField.Required(reason, nameof(reason), 1000);
        Lines = lines;
        Discount = discount;
    }

    /// <summary>The kind.</summary>
    public CreditNoteKind Kind { get; }

    /// <summary>Why (for the customer and the audit trail).</summary>
    public string Reason { get; }

    /// <summary>The lines to credit (kinds Quantity and Amount); empty otherwise.</summary>
    public IReadOnlyList<LineCredit> Lines { get; }

    /// <summary>The discount including tax (kind Discount), or null.</summary>
    public Money? Discount { get; }

    /// <summary>Credits everything that remains creditable and cancels the invoice.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank or longer than 1000 characters.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    public static CreditNoteRequest FullCancellation(string reason) => new(CreditNoteKind.FullCancellation, reason, [], null);

    /// <summary>Credits lines by quantity (returned goods) or by amount (price reductions); one credit per line.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="lines">The line credits: at least one, each line at most once, all by quantity or all by amount.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/>, <paramref name="lines"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">No line, a line twice, quantities mixed with amounts, or a blank reason.</exception>
    public static CreditNoteRequest ForLines(string reason, params IEnumerable<LineCredit> lines)
    {
        var credits = Preconditions.CopyNotNull(lines);
        if (credits.Count == 0)
        {
            throw new ArgumentException("A credit note for lines needs at least one line.", nameof(lines));
        }

        if (credits.Select(c => c.LineId).Distinct().Count() != credits.Count)
        {
            throw new ArgumentException($"Each line is credited at most once per credit note; got {string.Join(", ", credits)}.", nameof(lines));
        }

        var byQuantity = credits[0].Quantity is not null;
        return credits.All(c => c.Quantity is not null == byQuantity)
            ? new CreditNoteRequest(byQuantity ? CreditNoteKind.Quantity : CreditNoteKind.Amount, reason, credits, null)
            : throw new ArgumentException("A credit note credits its lines either by quantity (returns) or by amount (price corrections), not both.", nameof(lines));
    }

    /// <summary>
    /// Grants a discount after the fact (for example an early-payment discount): the amount the
    /// customer does not pay, tax included, split across the invoice's tax categories in proportion
    /// to what remains creditable of each, with the tax of each category taken out of its part.
    /// </summary>
    /// <param name="reason">Why.</param>
    /// <param name="amountIncludingTax">The discount, above zero, in whole minor units.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amountIncludingTax"/> is not above zero or not in whole minor units.</exception>
    public static CreditNoteRequest ForDiscount(string reason, Money amountIncludingTax)
        => new(CreditNoteKind.Discount, reason, [], amountIncludingTax.IsPositive && amountIncludingTax.IsRoundedToMinorUnits
            ? amountIncludingTax
            : throw new ArgumentOutOfRangeException(nameof(amountIncludingTax), amountIncludingTax, $"A discount is above zero and in whole minor units; got {amountIncludingTax}."));
}
