using System.Text.Json.Serialization;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Tests.Parties;

/// <summary>A host's own DTO holding countries, as a shipping label or an address book row would.</summary>
public sealed record ShippingLabel(string City, CountryCode Country, CountryCode? Origin);

/// <summary>A source-generated context, as an AOT or trimmed host uses: no reflection-based serialization.</summary>
[JsonSerializable(typeof(ShippingLabel))]
[JsonSerializable(typeof(CountryCode))]
[JsonSerializable(typeof(CountryCode?))]
[JsonSerializable(typeof(CountryCode[]))]
[JsonSerializable(typeof(Dictionary<CountryCode, int>))]
internal sealed partial class PartiesJsonContext : JsonSerializerContext;
