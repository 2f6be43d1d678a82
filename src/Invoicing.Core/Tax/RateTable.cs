using System.Collections.ObjectModel;
using System.Globalization;
using System.Text.Json;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Tax;

/// <summary>
/// The tax rates of one or more countries as data: jurisdictions (country, region, county, city,
/// special district), their tax components with effective dates, and how each product tax class is
/// taxed there. Read from the JSON format described in docs/tax-rate-tables.md
/// (schema <c>"invoicing-core/rate-table"</c>, version 1); decided through a
/// <see cref="RateTableProvider"/>.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Reading is strict: an unknown property, a missing required one, an
/// unknown country, a bad date, a rate outside 0 to 100, overlapping periods of the same tax or
/// class rule, a jurisdiction listed twice, or a <c>"rate"</c> class rule where a compound component
/// can apply is a <see cref="JsonException"/> whose message and
/// <see cref="JsonException.Path"/> name the place in the JSON. The rows are indexed by country and
/// region when read.
/// </remarks>
public sealed class RateTable
{
    /// <summary>The schema name a rate table document declares.</summary>
    internal const string Schema = "invoicing-core/rate-table";

    /// <summary>The schema version this library reads.</summary>
    internal const int SchemaVersion = 1;

    /// <summary>The product tax class of the default class rule.</summary>
    internal const string DefaultClass = "*";

    /// <summary>The class id of the default class rule.</summary>
    internal const int DefaultClassId = 0;

    /// <summary>In a component's jurisdiction label, replaced by the destination's region ("IN-{region}").</summary>
    internal const string RegionPlaceholder = "{region}";

    private readonly Dictionary<CountryCode, RateTableCountry> _countries;
    private readonly Dictionary<string, int> _classIds;
    private readonly LocalDate[] _boundaries;

    internal RateTable(string name, string? description, LocalDate? from, IReadOnlyList<string> sources,
        Dictionary<CountryCode, RateTableCountry> countries, Dictionary<string, int> classIds, LocalDate[] boundaries, bool usesRegionPlaceholder)
    {
        Name = name;
        Description = description;
        From = from;
        Sources = new ReadOnlyCollection<string>([.. sources]);
        _countries = countries;
        _classIds = classIds;
        _boundaries = boundaries;
        UsesRegionPlaceholder = usesRegionPlaceholder;
        Countries = new ReadOnlyCollection<CountryCode>([.. countries.Keys.Order()]);
    }

    /// <summary>The table's name, for example "US sales tax (sample)"; part of the rule id of its decisions.</summary>
    public string Name { get; }

    /// <summary>The table's description, or null.</summary>
    public string? Description { get; }

    /// <summary>The first supply date the table covers, or null when it covers every date its rows name; earlier supplies are not decided.</summary>
    public LocalDate? From { get; }

    /// <summary>Where the rates come from, as the table states it (may be empty).</summary>
    public IReadOnlyList<string> Sources { get; }

    /// <summary>The countries the table has rows for, in code order.</summary>
    public IReadOnlyList<CountryCode> Countries { get; }

    /// <summary>True when a component's jurisdiction label names the destination's region.</summary>
    internal bool UsesRegionPlaceholder { get; }

    /// <summary>The largest document <see cref="Load"/> reads: 16 MiB.</summary>
    internal const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Reads a rate table from UTF-8 JSON (a leading byte order mark is allowed), of at most 16 MiB.</summary>
    /// <param name="utf8Json">The stream; read to its end (or until it passes 16 MiB), not closed.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="JsonException">The stream holds more than 16 MiB (16,777,216 bytes), or the JSON is malformed or breaks a rule of the format; the message and <see cref="JsonException.Path"/> name the place.</exception>
    public static RateTable Load(Stream utf8Json)
    {
        Preconditions.CheckNotNull(utf8Json);
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > MaxDocumentBytes)
                {
                    throw RateTableReader.Invalid("$", string.Create(CultureInfo.InvariantCulture,
                        $"the document is longer than {MaxDocumentBytes} bytes (16 MiB), the most a rate table may have."));
                }

                Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, MaxDocumentBytes + 1L));
            }

            var read = utf8Json.Read(buffer.AsSpan(length));
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return RateTableReader.Read(buffer.AsSpan(0, length));
    }

    /// <summary>Reads a rate table from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is malformed or breaks a rule of the format; the message and <see cref="JsonException.Path"/> name the place.</exception>
    public static RateTable FromJson(string json)
    {
        Preconditions.CheckNotNull(json);
        return RateTableReader.Read(JsonText.Utf8(json));
    }

    /// <summary>Returns "US sales tax (sample): US".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Name}: {string.Join(", ", Countries)}";

    /// <summary>The same number with no trailing zeros after the decimal point (6.0 → 6, 7.0000 → 7), so rates print as written.</summary>
    internal static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>True when <paramref name="date"/> is on or after <paramref name="from"/> and before <paramref name="until"/>.</summary>
    internal static bool InForce(LocalDate? from, LocalDate? until, LocalDate date)
        => (from is not LocalDate f || date >= f) && (until is not LocalDate u || date < u);

    /// <summary>The rows of a country, or null.</summary>
    internal RateTableCountry? CountryRows(CountryCode country) => _countries.GetValueOrDefault(country);

    /// <summary>The id of a product tax class (ignoring case), or -1 when the table does not name it.</summary>
    internal int ClassId(string productTaxClass) => _classIds.TryGetValue(productTaxClass, out var id) ? id : -1;

    /// <summary>The period of the table a date falls in: between two consecutive dates the table names, everything it says is the same.</summary>
    internal int Segment(LocalDate date)
    {
        var low = 0;
        var high = _boundaries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_boundaries[middle] <= date)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// Finds the rows that match a location, at most one per level; two at one level is an
    /// ambiguity (the row labels are returned to name it). <paramref name="undetermined"/> is a row
    /// that names a county, city or district the location does not give (so whether it applies is
    /// unknown), unless a matched row it lies inside says <see cref="RateTableRow.AssumeNoLocalTax"/>.
    /// </summary>
    internal static bool Match(RateTableCountry rows, TaxLocation location, ref RateTableMatch match,
        out (RateTableRow First, RateTableRow Second) ambiguity, out RateTableRow? undetermined)
    {
        ambiguity = default;
        undetermined = null;
        // A country's own row names no county, city or district (they need a region), so only region rows can be unknown.
        if (!Add(rows.CountryRows, location, ref match, ref ambiguity, out _))
        {
            return false;
        }

        if (location.Region is not { } region || !rows.RegionRows.TryGetValue(region, out var regionRows))
        {
            return true;
        }

        if (!Add(regionRows, location, ref match, ref ambiguity, out var unknownInRegion))
        {
            return false;
        }

        if (unknownInRegion)
        {
            undetermined = Undetermined(regionRows, location, ref match);
        }

        return true;
    }

    private static bool Add(RateTableRow[] rows, TaxLocation location, ref RateTableMatch match, ref (RateTableRow, RateTableRow) ambiguity, out bool unknown)
    {
        unknown = false;
        foreach (var row in rows)
        {
            var fit = row.Fit(location);
            if (fit != RateTableFit.Match)
            {
                unknown |= fit == RateTableFit.Unknown;
                continue;
            }

            if (match[row.Level] is { } other)
            {
                ambiguity = (other, row);
                return false;
            }

            match[row.Level] = row;
        }

        return true;
    }

    /// <summary>The first row whose fit is unknown and that no matched row it lies inside covers with <see cref="RateTableRow.AssumeNoLocalTax"/>.</summary>
    private static RateTableRow? Undetermined(RateTableRow[] rows, TaxLocation location, ref RateTableMatch match)
    {
        foreach (var row in rows)
        {
            if (row.Fit(location) != RateTableFit.Unknown)
            {
                continue;
            }

            var covered = false;
            for (var level = 0; level < RateTableRow.Levels && !covered; level++)
            {
                covered = match[level] is { AssumeNoLocalTax: true } outer && row.Refines(outer);
            }

            if (!covered)
            {
                return row;
            }
        }

        return null;
    }
}