using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// An issued credit note (UNCL 1001 type 381): it credits all or part of one invoice, reusing the
/// invoice's tax treatments and rounding policy, and is immutable.
/// </summary>
/// <remarks>
/// <para>Totals follow EN 16931 as for invoices: <see cref="NetTotal"/> (BT-106 = BT-109, the sum of
/// the line net amounts), <see cref="TaxTotal"/> (BT-110, the sum of <see cref="Subtotals"/>),
/// <see cref="Total"/> (BT-112) and <see cref="AmountDue"/> (BT-115, what is credited to the
/// customer: the total, plus the invoice's cash rounding on the note that exhausts the invoice). Amounts are positive for
/// what is credited; a credited document allowance is a negative line.</para>
/// <para>Immutable and thread-safe. Create with <see cref="CreditNoteService"/>.</para>
/// </remarks>
public sealed class CreditNote
{
    internal CreditNote(CreditNoteId id, TenantId tenantId, InvoiceNumber number, LocalDate issueDate, InvoiceReference original,
        CustomerId customerId, Currency currency, PricingMode pricing, RoundingPolicy rounding, CreditNoteKind kind, string reason,
        CreditNoteLine[] lines, Money? roundingAmount = null)
    {
        Id = id;
        TenantId = tenantId;
        Number = number;
        IssueDate = issueDate;
        Original = original;
        CustomerId = customerId;
        Currency = currency;
        Pricing = pricing;
        Rounding = rounding;
        Kind = kind;
        Reason = reason;
        Lines = Array.AsReadOnly(lines);
        var net = Money.Zero(currency);
        var tax = Money.Zero(currency);
        var groups = new List<(TaxTreatment Treatment, Money Net, Money Tax)>();
        foreach (var line in lines)
        {
            net += line.NetAmount;
            tax += line.TaxAmount;
            var index = groups.FindIndex(g => g.Treatment.SameGroupAs(line.Tax));
            if (index < 0)
            {
                groups.Add((line.Tax, line.NetAmount, line.TaxAmount));
            }
            else
            {
                groups[index] = (groups[index].Treatment, groups[index].Net + line.NetAmount, groups[index].Tax + line.TaxAmount);
            }
        }

        NetTotal = net;
        TaxTotal = tax;
        Total = net + tax;
        RoundingAmount = roundingAmount ?? Money.Zero(currency);
        if (RoundingAmount.Currency != currency || !RoundingAmount.IsRoundedToMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(roundingAmount), RoundingAmount, $"A rounding amount is in whole minor units of {currency.Code}; got {RoundingAmount}.");
        }

        AmountDue = Total + RoundingAmount;
        Subtotals = Array.AsReadOnly(groups.Select(g => new TaxSubtotal(g.Treatment, g.Net, g.Tax)).ToArray());
    }

    /// <summary>The credit note's id.</summary>
    public CreditNoteId Id { get; }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The number (BT-1), from the credit note series.</summary>
    public InvoiceNumber Number { get; }

    /// <summary>The issue date (BT-2).</summary>
    public LocalDate IssueDate { get; }

    /// <summary>The invoice it credits (BT-25, BT-26).</summary>
    public InvoiceReference Original { get; }

    /// <summary>The customer account of the invoice, or <c>default</c>.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The currency: the invoice's.</summary>
    public Currency Currency { get; }

    /// <summary>The invoice's pricing mode.</summary>
    public PricingMode Pricing { get; }

    /// <summary>The rounding policy, the invoice's verbatim.</summary>
    public RoundingPolicy Rounding { get; }

    /// <summary>The kind.</summary>
    public CreditNoteKind Kind { get; }

    /// <summary>Why.</summary>
    public string Reason { get; }

    /// <summary>The lines.</summary>
    public IReadOnlyList<CreditNoteLine> Lines { get; }

    /// <summary>The tax breakdown (BG-23): per category and rate, the credited net and tax.</summary>
    public IReadOnlyList<TaxSubtotal> Subtotals { get; }

    /// <summary>The credited net amount (BT-106, BT-109).</summary>
    public Money NetTotal { get; }

    /// <summary>The credited tax (BT-110).</summary>
    public Money TaxTotal { get; }

    /// <summary>The credited total including tax (BT-112).</summary>
    public Money Total { get; }

    /// <summary>
    /// The rounding amount (BT-114): zero, except on the note that exhausts a cash-rounded invoice,
    /// which carries the invoice's rounding amount so that its notes credit exactly what the invoice
    /// asked to be paid.
    /// </summary>
    public Money RoundingAmount { get; }

    /// <summary>What the note credits to the customer (BT-115): <see cref="Total"/> plus <see cref="RoundingAmount"/>.</summary>
    public Money AmountDue { get; }

    /// <summary>Returns "CN-2026-000001 for INV-2026-000123 of 2026-11-23: EUR 59.50".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Number} for {Original}: {AmountDue}";
}
