using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Benchmarks;

/// <summary>
/// The cost of <see cref="Money"/> next to the same work done on raw <see cref="decimal"/>s.
/// Each category has one raw-decimal baseline, so the Ratio column reads "Money costs N times
/// the decimal it wraps". Operands live in fields set in <see cref="Setup"/> (not constants), so
/// the JIT cannot fold them, and every benchmark returns its result so it is not eliminated.
/// See docs/performance.md for the goals and the measured numbers.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class MoneyBenchmarks
{
    private decimal _left;
    private decimal _right;
    private decimal _factor;
    private decimal _unrounded;
    private decimal _total;
    private decimal[] _ratios = [];
    private int _parts;

    private Money _leftMoney;
    private Money _rightMoney;
    private Money _unroundedMoney;
    private Money _totalMoney;
    private Money[] _destination = [];

    [GlobalSetup]
    public void Setup()
    {
        _left = 1234.56m;
        _right = 789.01m;
        _factor = 1.19m;
        _unrounded = 12.345m;
        _total = 1000.00m;
        _ratios = [1m, 2m, 3m, 4m, 5m];
        _parts = 3;

        _leftMoney = Money.Of(_left, Currency.Eur);
        _rightMoney = Money.Of(_right, Currency.Eur);
        _unroundedMoney = Money.Of(_unrounded, Currency.Eur);
        _totalMoney = Money.Of(_total, Currency.Eur);
        _destination = new Money[_ratios.Length];
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Add")]
    public decimal DecimalAdd() => _left + _right;

    [Benchmark]
    [BenchmarkCategory("Add")]
    public Money MoneyAdd() => _leftMoney + _rightMoney;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Multiply")]
    public decimal DecimalMultiply() => _left * _factor;

    [Benchmark]
    [BenchmarkCategory("Multiply")]
    public Money MoneyMultiply() => _leftMoney * _factor;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Round")]
    public decimal DecimalRound() => decimal.Round(_unrounded, 2, MidpointRounding.AwayFromZero);

    [Benchmark]
    [BenchmarkCategory("Round")]
    public Money MoneyRound() => _unroundedMoney.Round();

    /// <summary>Rounding by a named rule (half to even), the path documents will take with their recorded rule.</summary>
    [Benchmark]
    [BenchmarkCategory("Round")]
    public Money MoneyRoundByRule() => _unroundedMoney.Round(MoneyRounding.HalfEven);

    /// <summary>
    /// Raw-decimal allocation by ratios, the way it is often written by hand: floor each share
    /// (computed with decimal division) to cents, then hand the leftover cents out one by one from
    /// the first part. Same output count as <see cref="MoneyAllocate"/>, but no largest-remainder
    /// ordering. It is not a lower bound: its decimal divisions cost more than the integer
    /// arithmetic of Money's allocator (see docs/performance.md).
    /// </summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Allocate")]
    public decimal[] DecimalAllocate()
    {
        var ratios = _ratios;
        var sum = 0m;
        for (var i = 0; i < ratios.Length; i++)
        {
            sum += ratios[i];
        }

        var parts = new decimal[ratios.Length];
        var assigned = 0m;
        for (var i = 0; i < ratios.Length; i++)
        {
            parts[i] = decimal.Floor(_total * ratios[i] / sum * 100m) / 100m;
            assigned += parts[i];
        }

        var leftover = _total - assigned;
        for (var i = 0; leftover > 0m; i = (i + 1) % parts.Length)
        {
            parts[i] += 0.01m;
            leftover -= 0.01m;
        }

        return parts;
    }

    [Benchmark]
    [BenchmarkCategory("Allocate")]
    public Money[] MoneyAllocate() => _totalMoney.Allocate(_ratios);

    /// <summary>The span overload: the caller owns the destination, so nothing should be allocated.</summary>
    [Benchmark]
    [BenchmarkCategory("Allocate")]
    public Money MoneyAllocateIntoSpan()
    {
        _totalMoney.Allocate(_ratios, _destination);
        return _destination[0];
    }

    /// <summary>Raw-decimal equal split: floor the share to cents, leftover cents to the first parts.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Split")]
    public decimal[] DecimalSplit()
    {
        var count = _parts;
        var share = decimal.Floor(_total * 100m / count) / 100m;
        var parts = new decimal[count];
        var leftover = _total - (share * count);
        for (var i = 0; i < count; i++)
        {
            if (leftover > 0m)
            {
                parts[i] = share + 0.01m;
                leftover -= 0.01m;
            }
            else
            {
                parts[i] = share;
            }
        }

        return parts;
    }

    [Benchmark]
    [BenchmarkCategory("Split")]
    public Money[] MoneySplit() => _totalMoney.Split(_parts);
}
