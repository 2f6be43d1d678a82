using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Tests.Tax;

public sealed class EuVatRatesTests
{
    private static readonly string[] MemberStates =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    ];

    public static TheoryData<string, decimal> CurrentStandardRates => new()
    {
        { "AT", 20m }, { "BE", 21m }, { "BG", 20m }, { "CY", 19m }, { "CZ", 21m }, { "DE", 19m }, { "DK", 25m },
        { "EE", 24m }, { "ES", 21m }, { "FI", 25.5m }, { "FR", 20m }, { "GR", 24m }, { "HR", 25m }, { "HU", 27m },
        { "IE", 23m }, { "IT", 22m }, { "LT", 21m }, { "LU", 17m }, { "LV", 21m }, { "MT", 18m }, { "NL", 21m },
        { "PL", 23m }, { "PT", 23m }, { "RO", 21m }, { "SE", 25m }, { "SI", 22m }, { "SK", 23m },
    };

    // Every change of a rate level in the data: country, kind, effective date (yyyy-MM-dd), the rate the
    // day before and the rate that day (null: no such rate). A kind follows the same goods over time:
    // general changes and merges continue it, a new rate starts a new kind, an abolished rate whose goods
    // split ends it.
    public static TheoryData<string, string, string, decimal?, decimal?> Changes => new()
    {
        { "AT", nameof(EuRateKind.SuperReduced), "2026-07-01", null, 4.9m },
        { "CY", nameof(EuRateKind.SuperReduced), "2023-07-21", null, 3m },
        { "CZ", nameof(EuRateKind.Reduced), "2024-01-01", 10m, 12m },
        { "CZ", nameof(EuRateKind.SecondReduced), "2024-01-01", 15m, 12m },
        { "EE", nameof(EuRateKind.Standard), "2024-01-01", 20m, 22m },
        { "EE", nameof(EuRateKind.Standard), "2025-07-01", 22m, 24m },
        { "EE", nameof(EuRateKind.SecondReduced), "2022-08-01", null, 5m },
        { "EE", nameof(EuRateKind.SecondReduced), "2025-01-01", 5m, 9m },
        { "EE", nameof(EuRateKind.ThirdReduced), "2025-01-01", null, 13m },
        { "FI", nameof(EuRateKind.Standard), "2024-09-01", 24m, 25.5m },
        { "FI", nameof(EuRateKind.SecondReduced), "2026-01-01", 14m, 13.5m },
        { "IE", nameof(EuRateKind.Standard), "2021-03-01", 21m, 23m },
        { "LT", nameof(EuRateKind.SecondReduced), "2026-01-01", 9m, null },
        { "LT", nameof(EuRateKind.ThirdReduced), "2026-01-01", null, 12m },
        { "LU", nameof(EuRateKind.Standard), "2023-01-01", 17m, 16m },
        { "LU", nameof(EuRateKind.Standard), "2024-01-01", 16m, 17m },
        { "LU", nameof(EuRateKind.Reduced), "2023-01-01", 8m, 7m },
        { "LU", nameof(EuRateKind.Reduced), "2024-01-01", 7m, 8m },
        { "LU", nameof(EuRateKind.Parking), "2023-01-01", 14m, 13m },
        { "LU", nameof(EuRateKind.Parking), "2024-01-01", 13m, 14m },
        { "MT", nameof(EuRateKind.ThirdReduced), "2024-01-01", null, 12m },
        { "RO", nameof(EuRateKind.Standard), "2025-08-01", 19m, 21m },
        { "RO", nameof(EuRateKind.Reduced), "2025-08-01", 5m, 11m },
        { "RO", nameof(EuRateKind.SecondReduced), "2025-08-01", 9m, 11m },
        { "SK", nameof(EuRateKind.Standard), "2025-01-01", 20m, 23m },
        { "SK", nameof(EuRateKind.Reduced), "2025-01-01", 10m, null },
        { "SK", nameof(EuRateKind.SecondReduced), "2023-01-01", null, 5m },
        { "SK", nameof(EuRateKind.ThirdReduced), "2025-01-01", null, 19m },
    };

    // A state adding a rate must not relabel an existing kind: the same day and kind, the rate the day
    // before and the rate that day are equal.
    public static TheoryData<string, string, string, decimal> UnchangedWhenAnotherRateIsAdded => new()
    {
        { "SK", nameof(EuRateKind.Reduced), "2023-01-01", 10m },
        { "EE", nameof(EuRateKind.Reduced), "2022-08-01", 9m },
        { "EE", nameof(EuRateKind.Reduced), "2025-01-01", 9m },
        { "CY", nameof(EuRateKind.Reduced), "2023-07-21", 5m },
        { "CY", nameof(EuRateKind.SecondReduced), "2023-07-21", 9m },
        { "MT", nameof(EuRateKind.Reduced), "2024-01-01", 5m },
        { "MT", nameof(EuRateKind.SecondReduced), "2024-01-01", 7m },
        { "LT", nameof(EuRateKind.Reduced), "2026-01-01", 5m },
        { "AT", nameof(EuRateKind.Reduced), "2026-07-01", 10m },
        { "AT", nameof(EuRateKind.SecondReduced), "2026-07-01", 13m },
    };

    [Theory]
    [MemberData(nameof(CurrentStandardRates))]
    public void TryFind_CurrentStandardRate_MatchesPublishedRate(string country, decimal expected)
    {
        Assert.True(EuVatRates.TryFind(CountryCode.FromCode(country), EuRateKind.Standard, new LocalDate(2026, 3, 1), out var rate));
        Assert.Equal(expected, rate);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void TryFind_AroundARateChange_ReturnsOldRateTheDayBeforeAndNewRateThatDay(
        string country, string kind, string effective, decimal? before, decimal? after)
    {
        var code = CountryCode.FromCode(country);
        var rateKind = Enum.Parse<EuRateKind>(kind);
        var day = LocalDate.FromDateTime(DateTime.ParseExact(effective, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(before.HasValue, EuVatRates.TryFind(code, rateKind, day.PlusDays(-1), out var oldRate));
        Assert.Equal(before ?? 0m, oldRate);
        Assert.Equal(after.HasValue, EuVatRates.TryFind(code, rateKind, day, out var newRate));
        Assert.Equal(after ?? 0m, newRate);
    }

    [Theory]
    [MemberData(nameof(UnchangedWhenAnotherRateIsAdded))]
    public void TryFind_WhenTheStateAddsARate_ExistingKindKeepsItsRate(string country, string kind, string effective, decimal expected)
    {
        var code = CountryCode.FromCode(country);
        var rateKind = Enum.Parse<EuRateKind>(kind);
        var day = LocalDate.FromDateTime(DateTime.ParseExact(effective, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(EuVatRates.TryFind(code, rateKind, day.PlusDays(-1), out var before));
        Assert.True(EuVatRates.TryFind(code, rateKind, day, out var after));
        Assert.Equal(expected, before);
        Assert.Equal(expected, after);
    }

    [Fact]
    public void TryFind_SlovakiaBooksReducedIn2023_Stays10AndTheNewRentalHousingRateIsSecondReduced()
    {
        var day = new LocalDate(2023, 1, 1);

        Assert.True(EuVatRates.TryFind(CountryCode.FromCode("SK"), EuRateKind.Reduced, day, out var reduced));
        Assert.Equal(10m, reduced);
        Assert.True(EuVatRates.TryFind(CountryCode.FromCode("SK"), EuRateKind.SecondReduced, day, out var second));
        Assert.Equal(5m, second);
    }

    [Fact]
    public void TryFind_EstoniaPressRateIn2022_IsANewSlotAndReducedStays9()
    {
        var day = new LocalDate(2022, 8, 1);

        Assert.True(EuVatRates.TryFind(CountryCode.FromCode("EE"), EuRateKind.Reduced, day, out var reduced));
        Assert.Equal(9m, reduced);
        Assert.True(EuVatRates.TryFind(CountryCode.FromCode("EE"), EuRateKind.SecondReduced, day, out var press));
        Assert.Equal(5m, press);
        Assert.False(EuVatRates.TryFind(CountryCode.FromCode("EE"), EuRateKind.SecondReduced, day.PlusDays(-1), out _));
    }

    [Theory]
    [InlineData("SK", nameof(EuRateKind.Reduced), "2025-01-01")]
    [InlineData("LT", nameof(EuRateKind.SecondReduced), "2026-01-01")]
    public void TryFind_AbolishedSlotAfterItEnds_ReturnsFalse(string country, string abolished, string ended)
    {
        var code = CountryCode.FromCode(country);
        var kind = Enum.Parse<EuRateKind>(abolished);
        var day = LocalDate.FromDateTime(DateTime.ParseExact(ended, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(EuVatRates.TryFind(code, kind, day.PlusDays(-1), out _));
        Assert.False(EuVatRates.TryFind(code, kind, day, out var rate));
        Assert.Equal(0m, rate);
        Assert.False(EuVatRates.TryFind(code, kind, new LocalDate(2026, 12, 31), out _));
    }

    [Fact]
    public void All_EachKindOfAState_IsOneUnbrokenSlot()
    {
        // A kind is one slot: once it starts it has a rate every day until it ends, and it never starts
        // again (an ended kind is not reused for other goods).
        foreach (var group in EuVatRates.All.GroupBy(r => (r.Country, r.Kind)))
        {
            var ordered = group.OrderBy(r => r.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.Equal(ordered[i - 1].Until, ordered[i].From);
            }
        }
    }

    [Fact]
    public void Changes_CoverEveryBoundaryInTheData()
    {
        var listed = Changes.Select(row => ((string)row[0], Enum.Parse<EuRateKind>((string)row[1]), (string)row[2])).ToHashSet();
        var boundaries = EuVatRates.All
            .SelectMany(r => new[] { r.From == EuVatRates.Start ? (LocalDate?)null : r.From, r.Until })
            .Zip(EuVatRates.All.SelectMany(r => new[] { r, r }))
            .Where(pair => pair.First is not null)
            .Select(pair => (pair.Second.Country.Code, pair.Second.Kind, pair.First!.Value.ToString("yyyy-MM-dd", null)))
            .ToHashSet();

        Assert.Empty(boundaries.Except(listed));
        Assert.Empty(listed.Except(boundaries));
    }

    [Fact]
    public void IsMemberState_The27States_AreExactlyTheDataCountries()
    {
        Assert.All(MemberStates, code => Assert.True(EuVatRates.IsMemberState(CountryCode.FromCode(code)), code));
        Assert.Equal(MemberStates, EuVatRates.All.Select(r => r.Country.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(27, CountryCode.All.Count(EuVatRates.IsMemberState));
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("CH")]
    [InlineData("NO")]
    [InlineData("US")]
    public void IsMemberState_NonMember_ReturnsFalse(string code)
    {
        Assert.False(EuVatRates.IsMemberState(CountryCode.FromCode(code)));
        Assert.False(EuVatRates.TryFind(CountryCode.FromCode(code), EuRateKind.Standard, new LocalDate(2025, 1, 1), out var rate));
        Assert.Equal(0m, rate);
    }

    [Fact]
    public void IsMemberState_Default_ReturnsFalse() => Assert.False(EuVatRates.IsMemberState(default));

    [Fact]
    public void TryFind_BeforeTheData_ReturnsFalse()
        => Assert.False(EuVatRates.TryFind(CountryCode.De, EuRateKind.Standard, new LocalDate(2020, 12, 31), out _));

    [Fact]
    public void TryFind_KindTheStateDoesNotHave_ReturnsFalse()
    {
        Assert.False(EuVatRates.TryFind(CountryCode.Dk, EuRateKind.Reduced, new LocalDate(2025, 1, 1), out _));
        Assert.False(EuVatRates.TryFind(CountryCode.De, EuRateKind.SuperReduced, new LocalDate(2025, 1, 1), out _));
    }

    [Fact]
    public void All_RangesPerCountryAndKind_DoNotOverlap()
    {
        foreach (var group in EuVatRates.All.GroupBy(r => (r.Country, r.Kind)))
        {
            var ordered = group.OrderBy(r => r.From).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                Assert.True(ordered[i].Until is null || ordered[i].From < ordered[i].Until, $"{group.Key}: empty range");
                if (i > 0)
                {
                    Assert.True(ordered[i - 1].Until is { } until && until <= ordered[i].From, $"{group.Key}: overlap at {ordered[i].From}");
                }
            }
        }
    }

    [Fact]
    public void All_Rates_ArePlausible()
    {
        Assert.All(EuVatRates.All, r =>
        {
            Assert.True(r.From >= EuVatRates.Start, $"{r}");
            var (min, max) = r.Kind switch
            {
                EuRateKind.Standard => (15m, 30m),
                EuRateKind.SuperReduced => (0.01m, 4.99m),
                EuRateKind.Parking => (12m, 15m),
                _ => (5m, 20m),
            };
            Assert.InRange(r.Rate, min, max);
        });
    }

    [Fact]
    public void TryFind_EveryDateFrom2021To2026_EveryStateHasAStandardRate()
    {
        foreach (var code in MemberStates)
        {
            var country = CountryCode.FromCode(code);
            for (var date = new LocalDate(2021, 1, 1); date <= new LocalDate(2026, 12, 31); date = date.PlusDays(1))
            {
                if (!EuVatRates.TryFind(country, EuRateKind.Standard, date, out _))
                {
                    Assert.Fail($"{code} has no standard rate on {date:yyyy-MM-dd}");
                }
            }
        }
    }

    [Fact]
    public void TryFind_Lookup_DoesNotAllocate()
    {
        var date = new LocalDate(2025, 9, 1);
        _ = EuVatRates.TryFind(CountryCode.Fi, EuRateKind.SecondReduced, date, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = EuVatRates.TryFind(CountryCode.Fi, EuRateKind.SecondReduced, date, out _);
            _ = EuVatRates.IsMemberState(CountryCode.Gb);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
