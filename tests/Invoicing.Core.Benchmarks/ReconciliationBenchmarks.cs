using BenchmarkDotNet.Attributes;
using Invoicing.Core.Payments.Reconciliation;
using Invoicing.Core.Tests.Payments.Reconciliation;

namespace Invoicing.Core.Benchmarks;

/// <summary>
/// Matching a bank statement against open items with <see cref="ReconciliationMatcher"/> at three sizes, on the
/// synthetic data of the tests (SyntheticBank.cs, linked): references, document numbers written many ways, sums,
/// discounts, traps and noise. The data is generated once per size in <see cref="Setup"/>; each operation is one
/// <see cref="ReconciliationMatcher.Match"/> run, which builds its own indexes, so index building is measured too.
/// The baseline is the least a dictionary-based matcher does: one dictionary of the items by reference and by number,
/// and one lookup per entry. The goal (DESIGN.md, "Scale"): time and memory grow with items plus entries, never
/// with their product, so the three sizes should scale by about 10x each.
/// </summary>
[MemoryDiagnoser]
public class ReconciliationBenchmarks
{
    private OpenItem[] _items = [];
    private ReconciliationEntry[] _entries = [];
    private readonly ReconciliationMatcher _matcher = new();

    /// <summary>The sizes: (items, entries).</summary>
    public static IEnumerable<DataSize> Sizes => [new(10_000, 1_000), new(100_000, 10_000), new(1_000_000, 100_000)];

    /// <summary>The size of this run.</summary>
    [ParamsSource(nameof(Sizes))]
    public DataSize Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bank = SyntheticBank.Generate(seed: 1, Size.Items, Size.Entries);
        _items = [.. bank.Items];
        _entries = bank.ReconciliationEntries();
    }

    /// <summary>The floor: a dictionary of the items by creditor reference and document number, and one lookup per entry.</summary>
    [Benchmark(Baseline = true)]
    public int DictionaryJoin()
    {
        var index = new Dictionary<string, OpenItem>(_items.Length * 2, StringComparer.Ordinal);
        foreach (var item in _items)
        {
            index[item.DocumentNumber] = item;
            if (item.CreditorReference is { } reference)
            {
                index[reference] = item;
            }
        }

        var found = 0;
        foreach (var entry in _entries)
        {
            found += index.ContainsKey(entry.CreditorReference ?? entry.RemittanceText) ? 1 : 0;
        }

        return found;
    }

    /// <summary>The matcher with its default options.</summary>
    [Benchmark]
    public int Match() => _matcher.Match(_items, _entries).AutoCount;

    /// <summary>A size of the data set, shown as "10k/1k" (items/entries).</summary>
    /// <param name="Items">How many open items.</param>
    /// <param name="Entries">How many statement entries.</param>
    public readonly record struct DataSize(int Items, int Entries)
    {
        /// <inheritdoc/>
        public override string ToString() => $"{Short(Items)}/{Short(Entries)}";

        private static string Short(int n) => n >= 1_000_000 ? $"{n / 1_000_000}M" : $"{n / 1_000}k";
    }
}
