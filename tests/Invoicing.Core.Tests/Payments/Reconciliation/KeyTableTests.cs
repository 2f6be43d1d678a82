using FsCheck.Xunit;
using Invoicing.Core.Payments.Reconciliation;

namespace Invoicing.Core.Tests.Payments.Reconciliation;

/// <summary>
/// The multimap the reconciliation indexes are built on: every key finds exactly the positions stored under it, whatever
/// the spread of the keys (random, one key many times, keys alike in their top bits so that one run holds them all).
/// </summary>
public sealed class KeyTableTests
{
    [Property(MaxTest = 200)]
    public bool Find_ReturnsExactlyThePositionsOfTheKey(long[] keys, long absent)
    {
        var table = Build(keys);
        return keys.Append(absent).Distinct().All(key => Found(table, key).SequenceEqual(Expected(keys, key)));
    }

    public static TheoryData<string, int> Spreads => new()
    {
        { "random", 0 },
        { "random", 1 },
        { "random", 30 },
        { "random", 5_000 },
        { "random", 60_000 },
        { "few keys", 5_000 }, // a few keys, each thousands of times: large buckets, sorted by the framework
        { "low bits only", 20_000 }, // all keys in one run and one bucket of the counting sort
        { "top bits only", 20_000 }, // keys differ only above the run bits' digit: many runs of one key
        { "negative and positive", 20_000 },
    };

    [Theory]
    [MemberData(nameof(Spreads))]
    public void Find_AtSize_ReturnsExactlyThePositionsOfEachKey(string spread, int count)
    {
        var random = new Random(count + spread.Length);
        var keys = new long[count];
        for (var i = 0; i < count; i++)
        {
            keys[i] = spread switch
            {
                "few keys" => KeyTable.Mix(random.Next(4)),
                "low bits only" => random.Next(1_000),
                "top bits only" => (long)random.Next(64) << 58,
                "negative and positive" => random.Next(2) == 0 ? -random.NextInt64(1, 1_000_000) : random.NextInt64(0, 1_000_000) << 40,
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            };
        }

        var table = Build(keys);

        Assert.Equal(count, table.Count);
        var expected = new Dictionary<long, List<int>>();
        for (var i = 0; i < count; i++)
        {
            (expected.TryGetValue(keys[i], out var list) ? list : expected[keys[i]] = []).Add(i);
        }

        foreach (var (key, positions) in expected)
        {
            Assert.Equal(positions, Found(table, key));
        }

        Assert.Empty(Found(table, 12_345_678_901L));
        Assert.Empty(Found(table, long.MinValue + 7));
        AssertGrouped(table);
    }

    [Fact]
    public void Build_SameInput_SameOrder()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 10_000).Select(_ => KeyTable.Mix(random.Next(500))).ToArray();

        var first = Build(keys);
        var second = Build(keys);

        Assert.Equal(first.Keys.ToArray(), second.Keys.ToArray());
        Assert.Equal(first.Positions.ToArray(), second.Positions.ToArray());
    }

    [Fact]
    public void Build_AfterALargerTableWasReleased_FindsOnlyItsOwnKeys()
    {
        // Both sizes rent from the pool's 4,096 bucket: the second table's arrays are the first's, still holding its pairs
        // beyond the second's count.
        var random = new Random(11);
        var large = Enumerable.Range(0, 3_000).Select(_ => random.NextInt64()).ToArray();
        var small = Enumerable.Range(0, 2_100).Select(_ => random.NextInt64()).ToArray();
        Build(large).Release();

        var table = Build(small);

        Assert.Equal(2_100, table.Count);
        Assert.All(large.Where(key => !small.Contains(key)), key => Assert.Empty(Found(table, key)));
        Assert.All(small.Distinct(), key => Assert.Equal(Expected(small, key), Found(table, key)));
        AssertGrouped(table);
        table.Release();
    }

    [Fact]
    public void Find_InAnEmptyTable_FindsNothing()
    {
        Assert.Empty(Found(new KeyTable.Builder(0).Build(), 0));
        Assert.Empty(Positions(default));
    }

    [Fact]
    public void Mix_KeepsOrdinalsApartAndSpreadsThemOverTheTopBits()
    {
        var mixed = Enumerable.Range(0, 100_000).Select(i => KeyTable.Mix(i)).ToArray();

        Assert.Equal(mixed.Length, mixed.Distinct().Count());
        // The top 4 bits choose among 16 runs: every run gets between 5 and 7.5 % of 100,000 ordinals.
        Assert.All(mixed.GroupBy(m => (ulong)m >> 60), run => Assert.InRange(run.Count(), 5_000, 7_500));
    }

    private static KeyTable Build(long[] keys)
    {
        var builder = new KeyTable.Builder(keys.Length / 2); // smaller than needed: the builder grows
        for (var i = 0; i < keys.Length; i++)
        {
            builder.Add(keys[i], i);
        }

        return builder.Build();
    }

    private static List<int> Found(KeyTable table, long key)
    {
        var found = Positions(table.Find(key));
        found.Sort();
        return found;
    }

    private static List<int> Positions(KeyTable.Matches matches)
    {
        var found = new List<int>();
        foreach (var position in matches)
        {
            found.Add(position);
        }

        return found;
    }

    private static IEnumerable<int> Expected(long[] keys, long key) => Enumerable.Range(0, keys.Length).Where(i => keys[i] == key);

    /// <summary>The keys are in order (as unsigned numbers, so equal keys are next to each other), and each position appears once.</summary>
    private static void AssertGrouped(KeyTable table)
    {
        var keys = table.Keys.ToArray();
        for (var k = 1; k < keys.Length; k++)
        {
            Assert.True((ulong)keys[k - 1] <= (ulong)keys[k], $"keys {keys[k - 1]} and {keys[k]} at {k - 1} and {k} are out of order");
        }

        Assert.Equal(Enumerable.Range(0, keys.Length), table.Positions.ToArray().Order());
    }
}
