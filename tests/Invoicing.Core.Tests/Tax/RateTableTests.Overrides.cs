using System.Globalization;
using System.Text.Json;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Tests.Tax;

// Review item 1: a class's overriding "rate" shared across the components.
public sealed partial class RateTableTests
{
    private const string Head = """{"schema":"invoicing-core/rate-table","schemaVersion":1,"name":"T","jurisdictions":""";

    [Fact]
    public void FromJson_RateClassWhereCompoundComponentApplies_ThrowsNamingPath()
    {
        // GST 5 + QST 9.975 compound: sharing 10 in proportion would give a combined 10.2224...%.
        var json = Head + """
            [{"country":"CA","partial":true,"components":[{"name":"GST","jurisdiction":"CA","rate":5}],"classes":[{"class":"books","treatment":"rate","rate":10}]},
             {"country":"CA","region":"QC","components":[{"name":"QST","jurisdiction":"CA-QC","rate":9.975,"compound":true}]}]}
            """;

        var exception = Assert.Throws<JsonException>(() => RateTable.FromJson(json));

        Assert.Equal("$.jurisdictions[0].classes[0]", exception.Path);
        Assert.Contains("$.jurisdictions[0].classes[0]", exception.Message, StringComparison.Ordinal);
        Assert.Contains("compound component QST", exception.Message, StringComparison.Ordinal);
        Assert.Contains("$.jurisdictions[1].components[0]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_RateClassAndCompoundComponentNeverTogether_Loads()
    {
        // The compound tax ends before the rule starts, and the other province's compound tax never meets Ontario's rule.
        var json = Head + """
            [{"country":"CA","partial":true,"components":[{"name":"GST","jurisdiction":"CA","rate":5}]},
             {"country":"CA","region":"QC","components":[{"name":"QST","jurisdiction":"CA-QC","rate":9.5,"compound":true,"until":"2013-01-01"},{"name":"QST","jurisdiction":"CA-QC","rate":9.975,"from":"2013-01-01"}],
              "classes":[{"class":"books","treatment":"rate","rate":10,"from":"2013-01-01"}]},
             {"country":"CA","region":"PE","components":[{"name":"PST","jurisdiction":"CA-PE","rate":10,"compound":true}]},
             {"country":"CA","region":"ON","classes":[{"class":"books","treatment":"rate","rate":5}]}]}
            """;

        var table = RateTable.FromJson(json);
        var decision = Sync(new RateTableProvider(table).DecideAsync(Supply(new TaxLocation(CountryCode.Ca, "QC"), "books", new NodaTime.LocalDate(2025, 1, 1))));

        Assert.Equal(10m, decision.Decision!.Rate);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(10)]
    [InlineData(3.3)]
    public void DecideAsync_OverrideRate_SharesAddUpExactlyToTheRate(double overrideRate)
    {
        var rate = (decimal)overrideRate;
        var json = Head + string.Create(CultureInfo.InvariantCulture, $$"""
            [{"country":"US","region":"TX","components":[{"name":"State","jurisdiction":"US-TX","rate":6.25},{"name":"City","jurisdiction":"US-TX/Austin","rate":1},{"name":"Transit","jurisdiction":"US-TX/Capital Metro","rate":1.0}],
              "classes":[{"class":"*","treatment":"rate","rate":{{rate}}}]}]}
            """);

        var decision = Sync(new RateTableProvider(RateTable.FromJson(json)).DecideAsync(Supply(Us("TX"), "anything"))).Decision!;

        Assert.Equal(rate, decision.Components.Sum(c => c.Rate));
        Assert.Equal(rate, decision.Rate);
        Assert.All(decision.Components, c => Assert.True(c.Rate.Scale <= 4, c.ToString()));
    }

    [Fact]
    public void DecideAsync_OverrideRateSharedEvenly_PrintsWithoutTrailingZeros()
    {
        var json = Head + """
            [{"country":"AU","components":[{"name":"A","jurisdiction":"AU","rate":6.0},{"name":"B","jurisdiction":"AU","rate":6.00}],
              "classes":[{"class":"*","treatment":"rate","rate":14.000}]}]}
            """;

        var decision = Sync(new RateTableProvider(RateTable.FromJson(json)).DecideAsync(Supply(new TaxLocation(CountryCode.Au), "x"))).Decision!;

        Assert.Equal(["A 7% (AU)", "B 7% (AU)"], decision.Components.Select(c => c.ToString()));
    }

    [Fact]
    public void DecideAsync_OverrideRateOnOneComponent_IsTheRateAsWritten()
    {
        var json = Head + """
            [{"country":"NZ","components":[{"name":"GST","jurisdiction":"NZ","rate":15}],"classes":[{"class":"*","treatment":"rate","rate":7}]}]}
            """;

        var decision = Sync(new RateTableProvider(RateTable.FromJson(json)).DecideAsync(Supply(new TaxLocation(CountryCode.FromCode("NZ")), "x"))).Decision!;

        Assert.Equal("GST 7% (NZ)", decision.Components[0].ToString());
        Assert.Equal("7", decision.Rate.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FromJson_RatesWithTrailingZeros_ReadAsWritten()
    {
        var decision = Decide(Supply(Us("NY") with { City = "New York" }, "standard"));

        Assert.Equal(["State sales tax 4% (US-NY)", "City sales tax 4.5% (US-NY/New York City)", "MCTD surcharge 0.375% (US-NY/MCTD)"],
            decision.Components.Select(c => c.ToString()));
    }
}
