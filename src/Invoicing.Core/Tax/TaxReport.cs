using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>One line of a tax report: what one jurisdiction's tax at one rate came to.</summary>
/// <remarks>Immutable and thread-safe; the constructor (and so <c>with</c>) checks the line.</remarks>
public sealed record TaxReportLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="jurisdiction">The jurisdiction that levies the tax ("DE", "US-CA", "CA-BC").</param>
    /// <param name="taxName">The tax ("VAT", "GST", "State sales tax").</param>
    /// <param name="category">The EN 16931 category the supplies were taxed in.</param>
    /// <param name="rate">The component's rate in percent, or null for supplies outside the scope of tax.</param>
    /// <param name="taxableAmount">The taxable base: the net amount of the supplies this tax applied to (plus the taxes before it, for a compound tax).</param>
    /// <param name="taxAmount">The tax, in the currency of <paramref name="taxableAmount"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="jurisdiction"/> or <paramref name="taxName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="jurisdiction"/> or <paramref name="taxName"/> is blank or too long.</exception>
    /// <exception cref="CurrencyMismatchException">The amounts are in different currencies.</exception>
    public TaxReportLine(string jurisdiction, string taxName, TaxCategory category, decimal? rate, Money taxableAmount, Money taxAmount)
    {
        Jurisdiction = TextField.Required(jurisdiction, nameof(jurisdiction), 100);
        TaxName = TextField.Required(taxName, nameof(taxName), 100);
        Category = category;
        Rate = rate;
        TaxableAmount = taxableAmount;
        TaxAmount = taxAmount.Currency == taxableAmount.Currency
            ? taxAmount
            : throw new CurrencyMismatchException(taxableAmount.Currency, taxAmount.Currency, "the tax amount of a tax report line");
    }

    /// <summary>The jurisdiction that levies the tax.</summary>
    public string Jurisdiction { get; }

    /// <summary>The tax.</summary>
    public string TaxName { get; }

    /// <summary>The EN 16931 category the supplies were taxed in.</summary>
    public TaxCategory Category { get; }

    /// <summary>The component's rate in percent, or null outside the scope of tax.</summary>
    public decimal? Rate { get; }

    /// <summary>The taxable base.</summary>
    public Money TaxableAmount { get; }

    /// <summary>The tax.</summary>
    public Money TaxAmount { get; }

    /// <summary>Returns "DE VAT S 19%: EUR 100.00 taxable, EUR 19.00 tax".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Jurisdiction} {TaxName} {Category} {(Rate is decimal r ? r + "%" : "-")}: {TaxableAmount} taxable, {TaxAmount} tax");
}

/// <summary>
/// Taxable bases and tax per jurisdiction, tax, category and rate, in one currency: what a VAT
/// return or a sales-tax filing needs, for one document or a period.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Lines are ordered by jurisdiction, tax name, category and rate.
/// The tax amounts sum exactly to the documents' tax totals (BT-110): a document's tax per item is
/// split across the item's tax components in proportion to their rates by exact allocation. A
/// supply taxed by several components (a state and a county) counts in the taxable base of each,
/// so the taxable amounts are per jurisdiction and are not meant to be added up across lines; the
/// base of a compound tax includes the taxes before it.</para>
/// </remarks>
public sealed class TaxReport
{
    private TaxReport(Currency currency, TaxReportLine[] lines)
    {
        Currency = currency;
        Lines = Array.AsReadOnly(lines);
        var tax = Money.Zero(currency);
        foreach (var line in lines)
        {
            tax += line.TaxAmount;
        }

        TaxAmount = tax;
    }

    /// <summary>The currency of every amount.</summary>
    public Currency Currency { get; }

    /// <summary>The lines, ordered by jurisdiction, tax name, category and rate.</summary>
    public IReadOnlyList<TaxReportLine> Lines { get; }

    /// <summary>The total tax: the sum of the lines' tax.</summary>
    public Money TaxAmount { get; }

    /// <summary>Adds up reports of the same currency (for example the documents of a period) line by line.</summary>
    /// <param name="reports">The reports.</param>
    /// <param name="currency">The currency; every report must be in it.</param>
    /// <returns>The combined report (empty when there are none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reports"/> or an element is null.</exception>
    /// <exception cref="CurrencyMismatchException">A report is in another currency.</exception>
    public static TaxReport Combine(IEnumerable<TaxReport> reports, Currency currency)
    {
        var builder = new Builder(currency);
        foreach (var report in Preconditions.CopyNotNull(reports))
        {
            if (report.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, report.Currency, "a tax report to combine");
            }

            foreach (var line in report.Lines)
            {
                builder.Add(line.Jurisdiction, line.TaxName, line.Category, line.Rate, line.TaxableAmount, line.TaxAmount);
            }
        }

        return builder.Build();
    }

    /// <summary>Returns the lines, one per row.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(Environment.NewLine, Lines);

    /// <summary>Collects report lines, adding up equal keys.</summary>
    internal sealed class Builder(Currency currency)
    {
        private readonly Dictionary<(string Jurisdiction, string TaxName, TaxCategory Category, decimal? Rate), (Money Taxable, Money Tax)> _lines = [];

        internal void Add(string jurisdiction, string taxName, TaxCategory category, decimal? rate, Money taxable, Money tax)
        {
            // Decimal equality and hash ignore the scale (19 = 19.0), so equal rates share a line.
            var key = (jurisdiction, taxName, category, rate);
            _lines[key] = _lines.TryGetValue(key, out var sum) ? (sum.Taxable + taxable, sum.Tax + tax) : (taxable, tax);
        }

        internal TaxReport Build()
            => new(currency, [.. _lines
                .OrderBy(l => l.Key.Jurisdiction, StringComparer.Ordinal)
                .ThenBy(l => l.Key.TaxName, StringComparer.Ordinal)
                .ThenBy(l => l.Key.Category.Code, StringComparer.Ordinal)
                .ThenBy(l => l.Key.Rate)
                .Select(l => new TaxReportLine(l.Key.Jurisdiction, l.Key.TaxName, l.Key.Category, l.Key.Rate, l.Value.Taxable, l.Value.Tax))]);
    }
}
