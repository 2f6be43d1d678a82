using BenchmarkDotNet.Attributes;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Benchmarks;

/// <summary>
/// Building and totalling a 20-line invoice with three VAT rates, next to a hand-written raw-decimal
/// computation of the same totals. The lines are prepared once (they come from the host's order or
/// basket); each operation creates the draft from them and computes its EN 16931 totals and tax
/// breakdown. See docs/performance.md for the goal and the measured numbers.
/// </summary>
[MemoryDiagnoser]
public class InvoiceTotalsBenchmarks
{
    private static readonly decimal[] Rates = [19m, 7m, 0m];

    private InvoiceService _service = null!;
    private InvoiceHeader _header = null!;
    private InvoiceLine[] _lines = [];
    private decimal[] _quantities = [];
    private decimal[] _prices = [];
    private int[] _rateIndex = [];

    [GlobalSetup]
    public void Setup()
    {
        _service = new InvoiceService(new FixedClock(Instant.FromUtc(2026, 11, 23, 10, 0)), new InMemoryInvoiceNumberSequence());
        var seller = new Party("Seller GmbH", new PostalAddress(CountryCode.De));
        _header = new InvoiceHeader(Currency.Eur, seller) { Buyer = new Party("Buyer BV", new PostalAddress(CountryCode.Nl)) };
        _quantities = new decimal[20];
        _prices = new decimal[20];
        _rateIndex = new int[20];
        _lines = new InvoiceLine[20];
        for (var i = 0; i < 20; i++)
        {
            _quantities[i] = 1 + (i % 7);
            _prices[i] = 0.99m + (i * 3.37m);
            _rateIndex[i] = i % 3;
            var tax = Rates[i % 3] == 0m ? TaxTreatment.ZeroRated() : TaxTreatment.Standard(Rates[i % 3]);
            _lines[i] = new InvoiceLine(InvoiceLineId.From((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Item($"Item {i + 1}"), Quantity.Of(_quantities[i]), Money.Of(_prices[i], Currency.Eur), tax);
        }
    }

    /// <summary>The same totals on raw decimals: line amounts rounded, one tax group per rate rounded once, totals.</summary>
    [Benchmark(Baseline = true)]
    public decimal RawDecimalTotals()
    {
        Span<decimal> taxable = stackalloc decimal[3];
        var lineTotal = 0m;
        for (var i = 0; i < 20; i++)
        {
            var amount = decimal.Round(_quantities[i] * _prices[i], 2, MidpointRounding.AwayFromZero);
            taxable[_rateIndex[i]] += amount;
            lineTotal += amount;
        }

        var tax = 0m;
        for (var r = 0; r < 3; r++)
        {
            tax += decimal.Round(taxable[r] * Rates[r] / 100m, 2, MidpointRounding.AwayFromZero);
        }

        return lineTotal + tax;
    }

    /// <summary>Create the draft from the prepared lines and read its amount due (BT-115).</summary>
    [Benchmark]
    public Money InvoiceDraftTotals() => _service.CreateDraft(TenantId.From("acme"), _header, _lines, InvoiceId.From("bench")).Invoice.Totals.AmountDue;

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
