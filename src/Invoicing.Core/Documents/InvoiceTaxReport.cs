using Invoicing.Core.Monetary;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>Tax reports of invoices: per document, and per period for a VAT return or a sales-tax filing.</summary>
/// <remarks>
/// <para>Each item's net and tax come from the invoice's tax breakdown (so the report adds up to
/// BT-110 exactly). A line with a <see cref="InvoiceLine.TaxDecision"/> reports under its
/// components (jurisdiction, tax, rate); an allowance or charge, or a line taxed by hand, reports
/// under the decision of a line of the same category and rate, or else as the seller country's
/// "VAT"; a decision without components (outside the scope of tax, O) reports under the seller
/// country with the category's name, no rate and no tax.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class InvoiceTaxReport
{
    /// <summary>The tax report of one invoice (any status; a draft reports what it would declare).</summary>
    /// <param name="invoice">The invoice.</param>
    /// <returns>The report, in the invoice currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    public static TaxReport For(Invoice invoice)
    {
        Preconditions.CheckNotNull(invoice);
        var builder = new TaxReport.Builder(invoice.Currency);
        AddTo(builder, invoice);
        return builder.Build();
    }

    /// <summary>
    /// The tax reports of the invoices issued in a period (issue date BT-2 within it), one per
    /// currency, ordered by currency code. Drafts and discarded invoices are left out; issued
    /// invoices count whatever happened to them since (paid, written off), since the tax was due at
    /// issue — a cancellation is a credit note, which reports on its own.
    /// </summary>
    /// <param name="invoices">The invoices to consider.</param>
    /// <param name="period">The period (inclusive dates).</param>
    /// <returns>One report per currency that has invoices in the period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoices"/>, an element or <paramref name="period"/> is null.</exception>
    public static IReadOnlyList<TaxReport> ForPeriod(IEnumerable<Invoice> invoices, DateInterval period)
    {
        Preconditions.CheckNotNull(invoices);
        Preconditions.CheckNotNull(period);
        var builders = new SortedDictionary<string, TaxReport.Builder>(StringComparer.Ordinal);
        foreach (var invoice in invoices)
        {
            Preconditions.CheckNotNull(invoice, nameof(invoices));
            if (invoice.IssueDate is LocalDate issued && period.Contains(issued) && invoice.Status != InvoiceStatus.Discarded)
            {
                if (!builders.TryGetValue(invoice.Currency.Code, out var builder))
                {
                    builders[invoice.Currency.Code] = builder = new TaxReport.Builder(invoice.Currency);
                }

                AddTo(builder, invoice);
            }
        }

        return Array.AsReadOnly(builders.Values.Select(b => b.Build()).ToArray());
    }

    private static void AddTo(TaxReport.Builder builder, Invoice invoice)
    {
        var items = invoice.Totals.TaxBreakdown.Items;
        var lines = invoice.Lines;
        for (var i = 0; i < items.Count; i++)
        {
            var treatment = i < lines.Count ? lines[i].Tax : invoice.AllowanceCharges[i - lines.Count].Tax;
            var decision = i < lines.Count ? lines[i].TaxDecision : null;
            decision ??= lines.FirstOrDefault(l => l.TaxDecision is not null && l.Tax.SameGroupAs(treatment))?.TaxDecision;
            var item = items[i];
            if (decision is null || decision.Components.Count == 0)
            {
                builder.Add(invoice.Header.Seller.Address.Country.Code, decision is null ? "VAT" : treatment.Category.Name, treatment.Category, treatment.Rate, item.Net, item.Tax);
                continue;
            }

            var shares = decision.SplitTax(item.Tax);
            var taxesBefore = Money.Zero(invoice.Currency);
            for (var c = 0; c < decision.Components.Count; c++)
            {
                var component = decision.Components[c];
                var share = shares.Length == 1 ? (c == 0 ? item.Tax : Money.Zero(invoice.Currency)) : shares[c];
                builder.Add(component.Jurisdiction, component.Name, treatment.Category, component.Rate,
                    component.IsCompound ? item.Net + taxesBefore : item.Net, share);
                taxesBefore += share;
            }
        }
    }
}
