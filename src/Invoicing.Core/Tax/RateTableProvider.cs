using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using Invoicing.Core.Parties;
using NodaTime.Text;

namespace Invoicing.Core.Tax;

/// <summary>
/// Decides tax from one or more <see cref="RateTable"/>s: for jurisdictions whose rates are data,
/// such as US sales tax, Canada's GST/HST/PST/QST, India's GST, Australia's and New Zealand's GST.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. The location is the supply's destination
/// (<see cref="TaxContext.Destination"/>); components that depend on whether origin and
/// destination are in the same region (India's CGST and SGST against IGST) also read
/// <see cref="TaxContext.Origin"/>. The matching rules are described in docs/tax-rate-tables.md.</para>
/// <para>Answers <see cref="TaxRuleResult.CannotDecide"/>, naming the country, region, location or
/// class, when no table covers the destination's country, the table does not know the location (or
/// knows it only in part), the location lacks a county, city or district a row of the table is keyed
/// on (unless a row says <c>assumeNoLocalTax</c>), the supply date is before the table's coverage or no tax is in force,
/// or the product class has no rule and there is no default rule. Throws
/// <see cref="TaxDecisionException"/> when two rows match at the same level, or the table's
/// answer breaks a rule of EN 16931 (an overriding or reduced rate adding up to 0 %).
/// Never answers zero tax as a fallback.</para>
/// <para>Performance: rows are indexed by country and region; decisions and results are built once
/// per distinct matched rows, class, period and origin case, and then returned from a cache, with
/// the provider's name already recorded, so a repeated lookup allocates nothing. The cache is keyed
/// on row ids and numbers the tables bound, never on the location's text, so it cannot grow with
/// the host's input. Exempt and zero-rated decisions list the taxes in force at 0 %, so a tax report
/// files them under the destination's jurisdictions; <c>noTax</c> (O) decisions list none.</para>
/// </remarks>
public sealed class RateTableProvider : ITaxRuleProvider
{
    /// <summary>The name used when none is given.</summary>
    private const string DefaultName = "RateTable";

    private readonly RateTable[] _tables;
    private readonly Dictionary<CountryCode, (int Index, RateTableCountry Rows)> _countries = [];
    private readonly ConcurrentDictionary<CacheKey, TaxRuleResult> _results = new();
    private readonly ConcurrentDictionary<string, TaxRuleResult> _distinct = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CountryCode, TaxRuleResult> _otherCountries = new();
    private readonly string _coverage;

    /// <summary>Creates a provider named "RateTable".</summary>
    /// <param name="tables">The tables; at least one, and no two for the same country.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tables"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tables"/> is empty, or two tables cover one country.</exception>
    public RateTableProvider(params IEnumerable<RateTable> tables)
        : this(DefaultName, tables)
    {
    }

    /// <summary>Creates a provider.</summary>
    /// <param name="name">The provider's name, recorded on its decisions.</param>
    /// <param name="tables">The tables; at least one, and no two for the same country.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/>, <paramref name="tables"/> or an element is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or longer than 100 characters, <paramref name="tables"/> is empty, or two tables cover one country.</exception>
    public RateTableProvider(string name, params IEnumerable<RateTable> tables)
    {
        Name = TextField.Required(name, nameof(name), 100);
        _tables = [.. Preconditions.CopyNotNull(tables)];
        if (_tables.Length == 0)
        {
            throw new ArgumentException("A rate table provider needs at least one table.", nameof(tables));
        }

        for (var i = 0; i < _tables.Length; i++)
        {
            foreach (var country in _tables[i].Countries)
            {
                if (!_countries.TryAdd(country, (i, _tables[i].CountryRows(country)!)))
                {
                    throw new ArgumentException(
                        $"Rate tables '{_tables[_countries[country].Index].Name}' and '{_tables[i].Name}' both cover {country}; give each country one table.", nameof(tables));
                }
            }
        }

        Tables = new ReadOnlyCollection<RateTable>(_tables);
        _coverage = string.Join(", ", _countries.Keys.Order());
    }

    /// <summary>The provider's name, recorded on its decisions.</summary>
    public string Name { get; }

    /// <summary>The tables, in the order given.</summary>
    public IReadOnlyList<RateTable> Tables { get; }

    /// <inheritdoc />
    /// <remarks>Completes synchronously.</remarks>
    public ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<TaxRuleResult>(Decide(context));
    }

    private static int Id(RateTableRow? row) => row?.Id ?? -1;

    private static string Date(TaxContext context) => LocalDatePattern.Iso.Format(context.SupplyDate);

    private TaxRuleResult Decide(TaxContext context)
    {
        var destination = context.Destination;
        if (!_countries.TryGetValue(destination.Country, out var entry))
        {
            return _otherCountries.GetOrAdd(destination.Country, static (country, coverage)
                => TaxRuleResult.CannotDecide($"no rate table covers {country} (the tables cover {coverage})"), _coverage);
        }

        var table = _tables[entry.Index];
        if (table.From is { } from && context.SupplyDate < from)
        {
            return TaxRuleResult.CannotDecide(
                $"rate table '{table.Name}' covers supplies from {LocalDatePattern.Iso.Format(from)}, not {Date(context)}");
        }

        var match = default(RateTableMatch);
        if (!RateTable.Match(entry.Rows, destination, ref match, out var ambiguity, out var undetermined))
        {
            throw new TaxDecisionException(context,
                [$"rate table '{table.Name}' is ambiguous: {ambiguity.First.Label} and {ambiguity.Second.Label} both match {destination} at the same level"]);
        }

        if (undetermined is not null)
        {
            var missing = undetermined.MissingParts(destination);
            return TaxRuleResult.CannotDecide(
                $"rate table '{table.Name}' cannot tell whether {destination} lies in {undetermined.Label}: the location gives no {missing}; give the location's {missing}");
        }

        RateTableRow? deepest = null;
        var scoped = false;
        for (var level = 0; level < RateTableRow.Levels; level++)
        {
            if (match[level] is { } row)
            {
                deepest = row;
                scoped |= row.HasScopedComponents;
            }
        }

        if (deepest is null)
        {
            return TaxRuleResult.CannotDecide($"rate table '{table.Name}' has no rates for {destination} (region {destination.Region ?? "none"})");
        }

        if (deepest.Partial)
        {
            return TaxRuleResult.CannotDecide(
                $"rate table '{table.Name}' knows {destination} only in part ({deepest.Label}); the location needs the region, county, city or district the table lists");
        }

        var scope = 0;
        if (scoped)
        {
            var origin = context.Origin;
            if (origin.Country != destination.Country)
            {
                scope = 2;
            }
            else if (origin.Region is null || destination.Region is null)
            {
                return TaxRuleResult.CannotDecide(
                    $"rate table '{table.Name}' needs the region of origin and destination in {destination.Country} to choose between its taxes (origin {origin}, destination {destination})");
            }
            else
            {
                scope = string.Equals(origin.Region, destination.Region, StringComparison.Ordinal) ? 1 : 2;
            }
        }

        // The key holds only numbers the table bounds (row ids, class id, period, origin case), never
        // text from the location: the cache cannot grow with distinct cities, post codes or regions.
        var classId = table.ClassId(context.ProductTaxClass);
        var key = new CacheKey(entry.Index, Id(match[0]), Id(match[1]), Id(match[2]), Id(match[3]), Id(match[4]),
            classId, table.Segment(context.SupplyDate), scope);
        if (_results.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var (result, cacheable) = Build(context, table, ref match, deepest, classId, scope);
        return cacheable ? _results.GetOrAdd(key, result) : result;
    }

    private (TaxRuleResult Result, bool Cacheable) Build(TaxContext context, RateTable table, ref RateTableMatch match, RateTableRow deepest, int classId, int scope)
    {
        var date = context.SupplyDate;
        var ruleId = "RATE-TABLE:" + deepest.Label;
        ruleId = ruleId.Length <= 100 ? ruleId : ruleId[..100];
        if (deepest.NoTax is { } noTax)
        {
            return (Distinct(context, TaxCategory.OutsideScope, [], ruleId, null, null, noTax), true);
        }

        var rule = FindRule(ref match, classId, date) ?? FindRule(ref match, RateTable.DefaultClassId, date);
        if (rule is null)
        {
            return (TaxRuleResult.CannotDecide(
                $"rate table '{table.Name}' has no rule for product class '{context.ProductTaxClass}' in {deepest.Label} on {Date(context)}, and no default rule"), false);
        }

        var inForce = new List<RateTableComponent>();
        for (var level = 0; level < RateTableRow.Levels; level++)
        {
            if (match[level] is not { } row)
            {
                continue;
            }

            if (row.Replace)
            {
                inForce.Clear();
            }

            foreach (var c in row.Components)
            {
                if (c.InForce(date) && (c.Scope == RateTableScope.All || (int)c.Scope == scope))
                {
                    inForce.Add(c);
                }
            }
        }

        if (inForce.Count == 0)
        {
            return (TaxRuleResult.CannotDecide(
                $"rate table '{table.Name}' has no tax in force in {deepest.Label} on {Date(context)} for product class '{context.ProductTaxClass}'"), false);
        }

        // A jurisdiction label naming the region ("IN-{region}") makes the decision depend on the
        // destination's region. With a row of that region matched, the row id in the cache key fixes
        // it; otherwise the region is the host's text, so the result is built each time, not cached.
        var region = context.Destination.Region;
        var namesRegion = inForce.Exists(c => c.Jurisdiction.Contains(RateTable.RegionPlaceholder, StringComparison.Ordinal));
        if (namesRegion && region is null)
        {
            return (TaxRuleResult.CannotDecide(
                $"rate table '{table.Name}' needs the region of {context.Destination} to name the jurisdiction of its taxes in {deepest.Label}"), false);
        }

        var cacheable = !namesRegion || match[1] is not null;
        var components = new TaxComponent[inForce.Count];
        switch (rule.Treatment)
        {
            case RateTableTreatment.Exempt:
            case RateTableTreatment.ZeroRated:
                // Each tax that would otherwise apply, at 0 %: a report files the sale under the
                // destination's jurisdictions (state, county, city, district; GST and PST) as exempt or zero rated.
                for (var i = 0; i < components.Length; i++)
                {
                    components[i] = new TaxComponent(inForce[i].Name, Jurisdiction(inForce[i], region), 0m);
                }

                var category = rule.Treatment == RateTableTreatment.Exempt ? TaxCategory.Exempt : TaxCategory.ZeroRated;
                return (Distinct(context, category, components, ruleId, rule.LegalBasis,
                    category == TaxCategory.Exempt ? rule.ReasonCode : null, category == TaxCategory.Exempt ? rule.Reason : null, cacheable), cacheable);
            case RateTableTreatment.Rate:
                Share(context, table, deepest, rule, inForce, region, components);
                break;
            default:
                for (var i = 0; i < components.Length; i++)
                {
                    var c = inForce[i];
                    var rate = rule.Treatment == RateTableTreatment.Reduced ? c.ReducedRate ?? c.Rate : c.Rate;
                    components[i] = new TaxComponent(c.Name, Jurisdiction(c, region), rate, c.Compound);
                }

                break;
        }

        if (Array.TrueForAll(components, c => c.Rate == 0m))
        {
            throw new TaxDecisionException(context,
                [$"rate table '{table.Name}' taxes class '{rule.ClassName}' in {deepest.Label} at 0%; a table says \"zeroRated\" or \"exempt\" for that"]);
        }

        return (Distinct(context, TaxCategory.Standard, components, ruleId, rule.LegalBasis, null, null, cacheable), cacheable);
    }

    private static string Jurisdiction(RateTableComponent component, string? region)
        => component.Jurisdiction.Replace(RateTable.RegionPlaceholder, region, StringComparison.Ordinal);

    /// <summary>
    /// Shares an overriding combined rate across the taxes in force in proportion to their full
    /// rates: each share truncated to 4 decimals, the residue to the last tax with a rate, so the
    /// shares add up to exactly the rule's rate.
    /// </summary>
    private static void Share(TaxContext context, RateTable table, RateTableRow deepest, RateTableClassRule rule,
        List<RateTableComponent> inForce, string? region, TaxComponent[] components)
    {
        var total = 0m;
        var last = -1;
        for (var i = 0; i < inForce.Count; i++)
        {
            if (inForce[i].Compound)
            {
                // The reader rejects such tables; a compound tax cannot take a proportional share.
                throw new TaxDecisionException(context,
                    [$"rate table '{table.Name}' overrides the rate of class '{rule.ClassName}' in {deepest.Label}, but {inForce[i].Name} there is compound"]);
            }

            total += inForce[i].Rate;
            last = inForce[i].Rate > 0m ? i : last;
        }

        if (total == 0m)
        {
            throw new TaxDecisionException(context,
                [$"rate table '{table.Name}' overrides the rate of class '{rule.ClassName}' in {deepest.Label}, but the taxes there add up to 0% and cannot share it"]);
        }

        var combined = rule.Rate!.Value;
        var shared = 0m;
        for (var i = 0; i < components.Length; i++)
        {
            var c = inForce[i];
            var rate = i == last
                ? combined - shared
                : decimal.Round(combined * c.Rate / total, 4, MidpointRounding.ToZero);
            shared += i == last ? 0m : rate;
            components[i] = new TaxComponent(c.Name, Jurisdiction(c, region), RateTable.Normalize(rate), c.Compound);
        }
    }

    private static RateTableClassRule? FindRule(ref RateTableMatch match, int classId, NodaTime.LocalDate date)
    {
        if (classId < 0)
        {
            return null;
        }

        for (var level = RateTableRow.Levels - 1; level >= 0; level--)
        {
            if (match[level] is { } row && row.Rules.TryGetValue(classId, out var rules))
            {
                foreach (var rule in rules)
                {
                    if (rule.InForce(date))
                    {
                        return rule;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The result for a decision, shared by every lookup that reaches an equal decision.</summary>
    /// <remarks>With <paramref name="share"/> false (a result that is not cached) nothing is stored, so host input cannot grow the table.</remarks>
    private TaxRuleResult Distinct(TaxContext context, TaxCategory category, TaxComponent[] components, string ruleId, string? legalBasis,
        string? reasonCode, string? reason, bool share = true)
    {
        TaxDecision decision;
        try
        {
            decision = new TaxDecision(category, components, ruleId, legalBasis, reasonCode, reason).DecidedBy(Name);
        }
        catch (ArgumentException e)
        {
            throw new TaxDecisionException(context, [$"rate table rule {ruleId} gives no valid decision: {e.Message}"]);
        }

        if (!share)
        {
            return TaxRuleResult.Decided(decision);
        }

        var key = string.Join('\u001f', decision.ToString(), legalBasis, reasonCode, reason);
        return _distinct.GetOrAdd(key, static (_, d) => TaxRuleResult.Decided(d), decision);
    }

    /// <summary>What a cached result depends on: the table, the rows matched at each level, the class, the period and the origin case.</summary>
    private readonly record struct CacheKey(int Table, int Row0, int Row1, int Row2, int Row3, int Row4, int ClassId, int Segment, int Scope);
}
