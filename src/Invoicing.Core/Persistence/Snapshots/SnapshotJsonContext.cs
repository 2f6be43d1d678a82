using System.Text.Json.Serialization;
using Invoicing.Core.Documents;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Persistence.Snapshots;

/// <summary>
/// The source-generated serializer of the snapshots: camelCase names, compact, strict on reading
/// (unknown or repeated properties, missing required ones and nulls where none is allowed are
/// errors), with exact numbers, ISO dates and enum names. No reflection.
/// </summary>
/// <remarks>Thread-safe.</remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters =
    [
        typeof(LocalDateJsonConverter),
        typeof(ExactDecimalJsonConverter),
        typeof(SnapshotEnumConverter<InvoiceStatus>),
        typeof(SnapshotEnumConverter<InvoiceType>),
        typeof(SnapshotEnumConverter<DisputeStatus>),
        typeof(SnapshotEnumConverter<CustomerKind>),
        typeof(SnapshotEnumConverter<PricingMode>),
        typeof(SnapshotEnumConverter<TaxRoundingLevel>),
        typeof(SnapshotEnumConverter<DeliveryChannelKind>),
        typeof(SnapshotEnumConverter<DueDateRuleKind>),
        typeof(SnapshotEnumConverter<CreditNoteKind>),
        typeof(SnapshotEnumConverter<RecordedPaymentKind>),
    ])]
[JsonSerializable(typeof(InvoiceSnapshot))]
[JsonSerializable(typeof(CustomerAccountSnapshot))]
[JsonSerializable(typeof(CreditNoteSnapshot))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
