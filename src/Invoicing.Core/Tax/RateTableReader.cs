using System.Globalization;
using System.Text.Json;
using Invoicing.Core.Parties;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Tax;

/// <summary>
/// Reads a rate table: the strict deserialization, then every rule of the format, each error a
/// <see cref="JsonException"/> naming the JSON path and the value.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class RateTableReader
{
    internal static RateTable Read(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        RateTableDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RateTableJsonContext.Default.RateTableDocument);
        }
        catch (JsonException e)
        {
            throw Invalid(e.Path ?? "$", e.Message, e);
        }

        if (document is null)
        {
            throw Invalid("$", "found null; expected a rate table object.");
        }

        return Build(document);
    }

    private static RateTable Build(RateTableDocument document)
    {
        if (!string.Equals(document.Schema, RateTable.Schema, StringComparison.Ordinal))
        {
            throw Invalid("$.schema", $"found \"{document.Schema}\"; expected \"{RateTable.Schema}\".");
        }

        if (document.SchemaVersion != RateTable.SchemaVersion)
        {
            throw Invalid("$.schemaVersion", string.Create(CultureInfo.InvariantCulture,
                $"found {document.SchemaVersion}; this version of Invoicing.Core reads {RateTable.Schema} version {RateTable.SchemaVersion}."));
        }

        var name = Text(document.Name, "$.name", 60, required: true)!;
        var description = Text(document.Description, "$.description", 1000, required: false);
        var sources = new List<string>();
        for (var i = 0; i < (document.Sources?.Count ?? 0); i++)
        {
            sources.Add(Text(document.Sources![i], Index("$.sources", i), 1000, required: true)!);
        }

        var classIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { [RateTable.DefaultClass] = RateTable.DefaultClassId };
        var boundaries = new SortedSet<LocalDate>();
        if (document.From is { } tableFrom)
        {
            boundaries.Add(tableFrom);
        }

        var rows = new List<RateTableRow>();
        var labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < document.Jurisdictions.Count; i++)
        {
            var path = Index("$.jurisdictions", i);
            var entry = document.Jurisdictions[i] ?? throw Invalid(path, "found null; expected a jurisdiction object.");
            var row = Row(rows.Count, entry, path, classIds, boundaries);
            if (!labels.TryAdd(row.Label, path))
            {
                throw Invalid(path, $"the jurisdiction {row.Label} is already listed at {labels[row.Label]}; list each jurisdiction once and give its taxes and class rules periods (from, until).");
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw Invalid("$.jurisdictions", "a rate table needs at least one jurisdiction.");
        }

        CheckOverridesWithoutCompound(document, rows);
        var countries = new Dictionary<CountryCode, RateTableCountry>();
        foreach (var country in rows.Select(r => r.Country).Distinct())
        {
            var ofCountry = rows.Where(r => r.Country == country).ToArray();
            var byRegion = ofCountry.Where(r => r.Region is not null)
                .GroupBy(r => r.Region!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            countries.Add(country, new RateTableCountry([.. ofCountry.Where(r => r.Region is null)], byRegion));
        }

        return new RateTable(name, description, document.From, sources, countries, classIds, [.. boundaries],
            rows.Exists(r => r.UsesRegionPlaceholder));
    }

    private static RateTableRow Row(int id, RateTableJurisdictionEntry entry, string path, Dictionary<string, int> classIds, SortedSet<LocalDate> boundaries)
    {
        if (!CountryCode.TryFromCode(entry.Country, out var country))
        {
            throw Invalid(path + ".country", $"\"{entry.Country}\" is not an ISO 3166-1 alpha-2 country code.");
        }

        string? region;
        try
        {
            region = new TaxLocation(country, entry.Region).Region;
        }
        catch (ArgumentException e)
        {
            throw Invalid(path + ".region", $"\"{entry.Region}\": {e.Message}", e);
        }

        var county = Text(entry.County, path + ".county", 100, required: false);
        var city = Text(entry.City, path + ".city", 100, required: false);
        var district = Text(entry.District, path + ".district", 100, required: false);
        if (region is null && (county ?? city ?? district) is not null)
        {
            throw Invalid(path, "a county, city or district needs the region (state, province) it lies in.");
        }

        var noTax = Text(entry.NoTax, path + ".noTax", 1000, required: false);
        var componentEntries = entry.Components ?? [];
        var classEntries = entry.Classes ?? [];
        if (noTax is not null && (componentEntries.Count > 0 || classEntries.Count > 0 || entry.Partial || entry.Replace))
        {
            throw Invalid(path + ".noTax", "a jurisdiction with no tax has no components or classes and is neither partial nor replacing.");
        }

        var components = new RateTableComponent[componentEntries.Count];
        for (var i = 0; i < components.Length; i++)
        {
            var itemPath = Index(path + ".components", i);
            components[i] = Component(componentEntries[i] ?? throw Invalid(itemPath, "found null; expected a component object."), itemPath, boundaries);
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(components[j].Name, components[i].Name, StringComparison.OrdinalIgnoreCase)
                    && components[j].Scope == components[i].Scope
                    && Overlap(components[j].From, components[j].Until, components[i].From, components[i].Until))
                {
                    throw Invalid(itemPath, $"the period {Period(components[i].From, components[i].Until)} of {components[i].Name} overlaps {Period(components[j].From, components[j].Until)} at {Index(path + ".components", j)}.");
                }
            }
        }

        var rules = new Dictionary<int, List<(RateTableClassRule Rule, string Path)>>();
        for (var i = 0; i < classEntries.Count; i++)
        {
            var itemPath = Index(path + ".classes", i);
            var rule = ClassRule(classEntries[i] ?? throw Invalid(itemPath, "found null; expected a class rule object."), itemPath, boundaries);
            if (!classIds.TryGetValue(rule.ClassName, out var classId))
            {
                classId = classIds.Count;
                classIds.Add(rule.ClassName, classId);
            }

            if (!rules.TryGetValue(classId, out var list))
            {
                rules.Add(classId, list = []);
            }

            foreach (var (other, otherPath) in list)
            {
                if (Overlap(other.From, other.Until, rule.From, rule.Until))
                {
                    throw Invalid(itemPath, $"the period {Period(rule.From, rule.Until)} of class \"{rule.ClassName}\" overlaps {Period(other.From, other.Until)} at {otherPath}.");
                }
            }

            list.Add((rule, itemPath));
        }

        return new RateTableRow(id, country, region, county, city, district, entry.Partial, entry.Replace, entry.AssumeNoLocalTax, noTax, components,
            rules.ToDictionary(p => p.Key, p => p.Value.Select(r => r.Rule).ToArray()));
    }

    /// <summary>
    /// Rejects a <c>"rate"</c> class rule where a compound component could apply with it: sharing an
    /// overriding combined rate in proportion to the full rates is only right for taxes on the base
    /// alone. A component could apply with the rule when its row can match one location together
    /// with the rule's row (same country; the country's row, or the same region; no county, city or
    /// district named differently) and its period overlaps the rule's. Deliberately cautious: a more
    /// specific class rule or a <c>replace</c> that would hide the component is not considered.
    /// </summary>
    private static void CheckOverridesWithoutCompound(RateTableDocument document, List<RateTableRow> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var classes = document.Jurisdictions[i].Classes ?? [];
            for (var j = 0; j < classes.Count; j++)
            {
                if (classes[j].Treatment != "rate")
                {
                    continue;
                }

                foreach (var other in rows)
                {
                    if (!Together(rows[i], other))
                    {
                        continue;
                    }

                    for (var k = 0; k < other.Components.Length; k++)
                    {
                        var c = other.Components[k];
                        if (c.Compound && Overlap(c.From, c.Until, classes[j].From, classes[j].Until))
                        {
                            throw Invalid(Index(Index("$.jurisdictions", i) + ".classes", j), string.Create(CultureInfo.InvariantCulture,
                                $"the treatment \"rate\" ({RateTable.Normalize(classes[j].Rate ?? 0m)}%) of class \"{classes[j].Class}\" cannot be shared with the compound component {c.Name} of {other.Label} at {Index(Index("$.jurisdictions", other.Id) + ".components", k)} (in force {Period(c.From, c.Until)}); give that jurisdiction its own rule for the class, or reduced rates (\"reducedRate\", treatment \"reduced\")."));
                        }
                    }
                }
            }
        }
    }

    /// <summary>True when one location can match both rows.</summary>
    private static bool Together(RateTableRow a, RateTableRow b)
        => a.Country == b.Country
           && (a.Region is null || b.Region is null || string.Equals(a.Region, b.Region, StringComparison.Ordinal))
           && Agree(a.County, b.County) && Agree(a.City, b.City) && Agree(a.District, b.District);

    private static bool Agree(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static RateTableComponent Component(RateTableComponentEntry entry, string path, SortedSet<LocalDate> boundaries)
    {
        var name = Text(entry.Name, path + ".name", 100, required: true)!;
        var jurisdiction = Text(entry.Jurisdiction, path + ".jurisdiction", 80, required: true)!;
        var rate = Rate(entry.Rate, path + ".rate", allowZero: true);
        var reduced = entry.ReducedRate is { } r ? Rate(r, path + ".reducedRate", allowZero: true) : (decimal?)null;
        var scope = entry.Scope switch
        {
            null or "all" => RateTableScope.All,
            "sameRegion" => RateTableScope.SameRegion,
            "otherRegion" => RateTableScope.OtherRegion,
            _ => throw Invalid(path + ".scope", $"\"{entry.Scope}\" is not a scope; expected \"all\", \"sameRegion\" or \"otherRegion\"."),
        };
        CheckPeriod(entry.From, entry.Until, path, boundaries);
        return new RateTableComponent(name, jurisdiction, rate, reduced, entry.Compound, scope, entry.From, entry.Until);
    }

    private static RateTableClassRule ClassRule(RateTableClassEntry entry, string path, SortedSet<LocalDate> boundaries)
    {
        var className = Text(entry.Class, path + ".class", 100, required: true)!;
        var treatment = entry.Treatment switch
        {
            "standard" => RateTableTreatment.Standard,
            "reduced" => RateTableTreatment.Reduced,
            "rate" => RateTableTreatment.Rate,
            "exempt" => RateTableTreatment.Exempt,
            "zeroRated" => RateTableTreatment.ZeroRated,
            _ => throw Invalid(path + ".treatment", $"\"{entry.Treatment}\" is not a treatment; expected \"standard\", \"reduced\", \"rate\", \"exempt\" or \"zeroRated\"."),
        };
        decimal? rate = null;
        if (treatment == RateTableTreatment.Rate)
        {
            rate = entry.Rate is { } value
                ? Rate(value, path + ".rate", allowZero: false)
                : throw Invalid(path, "the treatment \"rate\" needs a \"rate\" above 0 (use \"exempt\" or \"zeroRated\" for no tax).");
        }
        else if (entry.Rate is not null)
        {
            throw Invalid(path + ".rate", $"only the treatment \"rate\" has a rate; this one is \"{entry.Treatment}\".");
        }

        var reason = Text(entry.Reason, path + ".reason", 1000, required: false);
        var reasonCode = Text(entry.ReasonCode, path + ".reasonCode", 100, required: false);
        if (treatment == RateTableTreatment.Exempt && reason is null && reasonCode is null)
        {
            throw Invalid(path, "an exempt class needs a \"reason\" (BT-120) or \"reasonCode\" (BT-121).");
        }

        if (treatment != RateTableTreatment.Exempt && (reason ?? reasonCode) is not null)
        {
            throw Invalid(path + (reason is null ? ".reasonCode" : ".reason"), $"only an exempt class has an exemption reason; this one is \"{entry.Treatment}\".");
        }

        CheckPeriod(entry.From, entry.Until, path, boundaries);
        return new RateTableClassRule(className, treatment, rate, reasonCode, reason,
            Text(entry.LegalBasis, path + ".legalBasis", 1000, required: false), entry.From, entry.Until);
    }

    private static decimal Rate(decimal value, string path, bool allowZero)
        => value is >= 0m and <= 100m && (allowZero || value > 0m)
            ? RateTable.Normalize(value)
            : throw Invalid(path, string.Create(CultureInfo.InvariantCulture,
                $"{value} is not a rate in percent from {(allowZero ? "0" : "above 0")} to 100."));

    private static void CheckPeriod(LocalDate? from, LocalDate? until, string path, SortedSet<LocalDate> boundaries)
    {
        if (from is { } f && until is { } u && u <= f)
        {
            throw Invalid(path + ".until", $"\"{Iso(u)}\" is not after \"from\" ({Iso(f)}); \"until\" is exclusive.");
        }

        if (from is { } start)
        {
            boundaries.Add(start);
        }

        if (until is { } end)
        {
            boundaries.Add(end);
        }
    }

    private static bool Overlap(LocalDate? from1, LocalDate? until1, LocalDate? from2, LocalDate? until2)
        => (until2 is not LocalDate u2 || from1 is not LocalDate f1 || f1 < u2)
           && (until1 is not LocalDate u1 || from2 is not LocalDate f2 || f2 < u1);

    private static string? Text(string? value, string path, int maxLength, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? throw Invalid(path, "is blank; expected a text.") : null;
        }

        var text = value.Trim();
        return text.Length <= maxLength
            ? text
            : throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"\"{text[..20]}...\" is longer than {maxLength} characters."));
    }

    private static string Period(LocalDate? from, LocalDate? until)
        => $"[{(from is { } f ? Iso(f) : "always")}, {(until is { } u ? Iso(u) : "open")})";

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    internal static JsonException Invalid(string path, string problem, Exception? inner = null)
        => new($"Invalid rate table at {path}: {problem}", path, null, null, inner);
}
