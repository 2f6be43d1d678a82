using System.Text.Json.Serialization;
using Invoicing.Core.Documents;

namespace Invoicing.Core.Tests.Documents;

/// <summary>A host's own DTO for an invoice line's coded values, as an order system would persist them.</summary>
public sealed record LineCodes(string Item, decimal Quantity, UnitCode Unit, UnitCode? PriceBaseUnit,
    AllowanceReasonCode? AllowanceReason, ChargeReasonCode? ChargeReason);

/// <summary>A source-generated context, as an AOT or trimmed host uses: no reflection-based serialization.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(LineCodes))]
[JsonSerializable(typeof(UnitCode))]
[JsonSerializable(typeof(UnitCode[]))]
[JsonSerializable(typeof(IReadOnlyList<UnitCode>))]
[JsonSerializable(typeof(AllowanceReasonCode))]
[JsonSerializable(typeof(IReadOnlyList<AllowanceReasonCode>))]
[JsonSerializable(typeof(ChargeReasonCode))]
[JsonSerializable(typeof(IReadOnlyList<ChargeReasonCode>))]
[JsonSerializable(typeof(Dictionary<UnitCode, decimal>))]
[JsonSerializable(typeof(Dictionary<AllowanceReasonCode, decimal>))]
[JsonSerializable(typeof(Dictionary<ChargeReasonCode, decimal>))]
internal sealed partial class DocumentsJsonContext : JsonSerializerContext;
