using Invoicing.Core.Documents;

namespace Invoicing.Core.Tests.Documents;

public sealed class NumberSeriesTests
{
    [Theory]
    [InlineData("INV-{yyyy}-{n:6}", 123, 2026, "INV-2026-000123")]
    [InlineData("INV-{yyyy}-{n:6}", 1234567, 2026, "INV-2026-1234567")]
    [InlineData("{yy}/{n:4}", 7, 2031, "31/0007")]
    [InlineData("R{n}", 42, 2026, "R42")]
    [InlineData("{{A}}-{n:2}", 3, 2026, "{A}-03")]
    public void Format_FillsThePattern(string pattern, long counter, int year, string expected)
        => Assert.Equal(expected, new NumberSeries("S", pattern, restartsEveryYear: false).Format(counter, year).Value);

    [Theory]
    [InlineData("INV-{yyyy}", "exactly one counter")]
    [InlineData("{n}-{n}", "exactly one counter")]
    [InlineData("INV-{year}-{n}", "'{year}' is not a placeholder")]
    [InlineData("INV-{n", "not closed")]
    [InlineData("INV}-{n}", "lone")]
    [InlineData("{n:0}", "not a placeholder")]
    public void Constructor_BadPattern_ThrowsQuotingIt(string pattern, string problem)
    {
        var exception = Assert.Throws<ArgumentException>(() => new NumberSeries("S", pattern, restartsEveryYear: false));

        Assert.Contains($"'{pattern}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_YearlyRestartWithoutYear_IsRejected()
    {
        var exception = Assert.Throws<ArgumentException>(() => new NumberSeries("S", "INV-{n:6}", restartsEveryYear: true));

        Assert.Contains("repeat numbers", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a/b")]
    public void Constructor_BadId_Throws(string id)
        => Assert.Throws<ArgumentException>(() => new NumberSeries(id, "{n}", false));

    [Fact]
    public void CounterKey_IncludesTheYearOnlyForYearlySeries()
    {
        Assert.Equal("INV/2026", NumberSeries.Default.CounterKey(2026));
        Assert.Equal("POS", new NumberSeries("POS", "P{n:8}", false).CounterKey(2026));
    }

    [Fact]
    public void Format_CounterBelowOne_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => NumberSeries.Default.Format(0, 2026));
}
