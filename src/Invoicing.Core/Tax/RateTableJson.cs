using System.Text.Json.Serialization;
using NodaTime;

namespace Invoicing.Core.Tax;

// The JSON form of a rate table (schema "invoicing-core/rate-table", docs/tax-rate-tables.md).
// These records only carry the text; RateTableReader checks every value and builds the RateTable.

/// <summary>A rate table document.</summary>
internal sealed record RateTableDocument
{
    public required string Schema { get; init; }

    public required int SchemaVersion { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public LocalDate? From { get; init; }

    public IReadOnlyList<string>? Sources { get; init; }

    public required IReadOnlyList<RateTableJurisdictionEntry> Jurisdictions { get; init; }
}

/// <summary>One jurisdiction: where it applies, its taxes and its product taxability.</summary>
internal sealed record RateTableJurisdictionEntry
{
    public required string Country { get; init; }

    public string? Region { get; init; }

    public string? County { get; init; }

    public string? City { get; init; }

    public string? District { get; init; }

    public bool Partial { get; init; }

    public bool Replace { get; init; }

    public bool AssumeNoLocalTax { get; init; }

    public string? NoTax { get; init; }

    public IReadOnlyList<RateTableComponentEntry>? Components { get; init; }

    public IReadOnlyList<RateTableClassEntry>? Classes { get; init; }
}

/// <summary>One tax of a jurisdiction, for a period.</summary>
internal sealed record RateTableComponentEntry
{
    public required string Name { get; init; }

    public required string Jurisdiction { get; init; }

    public required decimal Rate { get; init; }

    public decimal? ReducedRate { get; init; }

    public bool Compound { get; init; }

    public string? Scope { get; init; }

    public LocalDate? From { get; init; }

    public LocalDate? Until { get; init; }
}

/// <summary>How a product tax class is taxed in a jurisdiction, for a period.</summary>
internal sealed record RateTableClassEntry
{
    public required string Class { get; init; }

    public required string Treatment { get; init; }

    public decimal? Rate { get; init; }

    public string? Reason { get; init; }

    public string? ReasonCode { get; init; }

    public string? LegalBasis { get; init; }

    public LocalDate? From { get; init; }

    public LocalDate? Until { get; init; }
}

/// <summary>
/// The source-generated reader of rate tables: camelCase names, strict (unknown or repeated
/// properties, missing required ones and nulls where none is allowed are errors), exact numbers
/// and ISO dates. No reflection.
/// </summary>
/// <remarks>Thread-safe.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    Converters = [typeof(LocalDateJsonConverter), typeof(ExactDecimalJsonConverter)])]
[JsonSerializable(typeof(RateTableDocument))]
internal sealed partial class RateTableJsonContext : JsonSerializerContext;
