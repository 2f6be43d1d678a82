using System.Runtime.CompilerServices;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Tax;

/// <summary>How a product tax class is taxed in a jurisdiction.</summary>
internal enum RateTableTreatment
{
    /// <summary>Taxable at the components' full rates (S).</summary>
    Standard,

    /// <summary>Taxable at the components' reduced rates, the full rate where a component has none (S).</summary>
    Reduced,

    /// <summary>Taxable at an overriding combined rate, shared by the components in proportion to their full rates (S).</summary>
    Rate,

    /// <summary>Exempt, with a reason (E).</summary>
    Exempt,

    /// <summary>Zero rated or GST-free (Z).</summary>
    ZeroRated,
}

/// <summary>When a component applies, for taxes that depend on origin and destination (India's GST).</summary>
internal enum RateTableScope
{
    /// <summary>Always.</summary>
    All,

    /// <summary>Only when origin and destination are in the same region (CGST, SGST).</summary>
    SameRegion,

    /// <summary>Only when origin and destination are in different regions or countries (IGST).</summary>
    OtherRegion,
}

/// <summary>One tax of a jurisdiction for a period. Immutable.</summary>
internal sealed class RateTableComponent
{
    internal RateTableComponent(string name, string jurisdiction, decimal rate, decimal? reducedRate, bool compound,
        RateTableScope scope, LocalDate? from, LocalDate? until)
    {
        Name = name;
        Jurisdiction = jurisdiction;
        Rate = rate;
        ReducedRate = reducedRate;
        Compound = compound;
        Scope = scope;
        From = from;
        Until = until;
    }

    internal string Name { get; }

    internal string Jurisdiction { get; }

    internal decimal Rate { get; }

    internal decimal? ReducedRate { get; }

    internal bool Compound { get; }

    internal RateTableScope Scope { get; }

    internal LocalDate? From { get; }

    internal LocalDate? Until { get; }

    internal bool InForce(LocalDate date) => RateTable.InForce(From, Until, date);
}

/// <summary>How one product tax class is taxed in a jurisdiction for a period. Immutable.</summary>
internal sealed class RateTableClassRule
{
    internal RateTableClassRule(string className, RateTableTreatment treatment, decimal? rate, string? reasonCode, string? reason,
        string? legalBasis, LocalDate? from, LocalDate? until)
    {
        ClassName = className;
        Treatment = treatment;
        Rate = rate;
        ReasonCode = reasonCode;
        Reason = reason;
        LegalBasis = legalBasis;
        From = from;
        Until = until;
    }

    internal string ClassName { get; }

    internal RateTableTreatment Treatment { get; }

    internal decimal? Rate { get; }

    internal string? ReasonCode { get; }

    internal string? Reason { get; }

    internal string? LegalBasis { get; }

    internal LocalDate? From { get; }

    internal LocalDate? Until { get; }

    internal bool InForce(LocalDate date) => RateTable.InForce(From, Until, date);
}

/// <summary>One jurisdiction row of a table: where it applies, its components and its class rules. Immutable.</summary>
internal sealed class RateTableRow
{
    internal const int Levels = 5;

    internal RateTableRow(int id, CountryCode country, string? region, string? county, string? city, string? district,
        bool partial, bool replace, bool assumeNoLocalTax, string? noTax, RateTableComponent[] components, Dictionary<int, RateTableClassRule[]> rules)
    {
        Id = id;
        Country = country;
        Region = region;
        County = county;
        City = city;
        District = district;
        Partial = partial;
        Replace = replace;
        AssumeNoLocalTax = assumeNoLocalTax;
        NoTax = noTax;
        Components = components;
        Rules = rules;
        Level = district is not null ? 4 : city is not null ? 3 : county is not null ? 2 : region is not null ? 1 : 0;
        HasScopedComponents = Array.Exists(components, c => c.Scope != RateTableScope.All);
        UsesRegionPlaceholder = Array.Exists(components, c => c.Jurisdiction.Contains(RateTable.RegionPlaceholder, StringComparison.Ordinal));
        Label = Describe(country, region, county, city, district);
    }

    internal int Id { get; }

    /// <summary>0 country, 1 region, 2 county, 3 city, 4 district: the most specific part the row names.</summary>
    internal int Level { get; }

    internal CountryCode Country { get; }

    internal string? Region { get; }

    internal string? County { get; }

    internal string? City { get; }

    internal string? District { get; }

    internal bool Partial { get; }

    internal bool Replace { get; }

    /// <summary>
    /// True when a location that matches this row but does not give the county, city or district
    /// one of its more specific rows names is taken to lie outside those rows; false when such a
    /// location is not decided.
    /// </summary>
    internal bool AssumeNoLocalTax { get; }

    internal string? NoTax { get; }

    internal RateTableComponent[] Components { get; }

    /// <summary>The class rules by class id (<see cref="RateTable.DefaultClassId"/> for "*"), each list ordered by date.</summary>
    internal Dictionary<int, RateTableClassRule[]> Rules { get; }

    internal bool HasScopedComponents { get; }

    internal bool UsesRegionPlaceholder { get; }

    /// <summary>"US-CA/Los Angeles/Los Angeles".</summary>
    internal string Label { get; }

    /// <summary>
    /// How the row fits <paramref name="location"/> (in its country and region): it matches when
    /// the county, city and district it names (if any) are the location's, ignoring case; it is
    /// unknown when it names a part the location does not give and agrees on the others.
    /// </summary>
    internal RateTableFit Fit(TaxLocation location)
    {
        var fit = RateTableFit.Match;
        return Part(County, location.County, ref fit) && Part(City, location.City, ref fit) && Part(District, location.District, ref fit)
            ? fit
            : RateTableFit.None;
    }

    /// <summary>True when this row names every part <paramref name="other"/> names (it lies inside it, given both fit one location).</summary>
    internal bool Refines(RateTableRow other)
        => (other.County is null || County is not null) && (other.City is null || City is not null) && (other.District is null || District is not null);

    /// <summary>The parts this row names that <paramref name="location"/> does not give: "county", "city and district".</summary>
    internal string MissingParts(TaxLocation location)
    {
        var parts = new List<string>(3);
        if (County is not null && location.County is null)
        {
            parts.Add("county");
        }

        if (City is not null && location.City is null)
        {
            parts.Add("city");
        }

        if (District is not null && location.District is null)
        {
            parts.Add("district");
        }

        return parts.Count switch
        {
            0 => "nothing",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };
    }

    internal static string Describe(CountryCode country, string? region, string? county, string? city, string? district)
    {
        var text = region is null ? country.ToString() : $"{country}-{region}";
        if (county is not null)
        {
            text += "/" + county;
        }

        if (city is not null)
        {
            text += "/" + city;
        }

        if (district is not null)
        {
            text += "/" + district;
        }

        return text;
    }

    private static bool Part(string? rowPart, string? locationPart, ref RateTableFit fit)
    {
        if (rowPart is null)
        {
            return true;
        }

        if (locationPart is null)
        {
            fit = RateTableFit.Unknown;
            return true;
        }

        return string.Equals(rowPart, locationPart, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>How a row fits a location.</summary>
internal enum RateTableFit
{
    /// <summary>The row names a part the location gives otherwise.</summary>
    None,

    /// <summary>Every part the row names is the location's.</summary>
    Match,

    /// <summary>The row names a part the location does not give, and agrees on the parts both give: whether it applies is unknown.</summary>
    Unknown,
}

/// <summary>The rows of one country: those of the whole country and those of each region. Immutable.</summary>
internal sealed class RateTableCountry
{
    internal RateTableCountry(RateTableRow[] countryRows, Dictionary<string, RateTableRow[]> regionRows)
    {
        CountryRows = countryRows;
        RegionRows = regionRows;
    }

    internal RateTableRow[] CountryRows { get; }

    internal Dictionary<string, RateTableRow[]> RegionRows { get; }
}

/// <summary>The rows that match one location, at most one per level.</summary>
[InlineArray(RateTableRow.Levels)]
internal struct RateTableMatch
{
    private RateTableRow? _row;
}
