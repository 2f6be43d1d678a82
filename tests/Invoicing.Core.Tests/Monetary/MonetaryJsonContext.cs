using System.Text.Json.Serialization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Monetary;

/// <summary>A host's own DTO holding Money-area values, as a retail app would persist a price.</summary>
public sealed record PriceTag(string Sku, Money Price, Money? Deposit, MoneyRounding Rounding, ExchangeRate? Rate, Currency BillingCurrency);

/// <summary>A source-generated context, as an AOT or trimmed host uses: no reflection-based serialization.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(PriceTag))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(Money[]))]
[JsonSerializable(typeof(MoneyRounding))]
[JsonSerializable(typeof(ExchangeRate))]
[JsonSerializable(typeof(Currency))]
[JsonSerializable(typeof(Dictionary<Currency, Money>))]
internal sealed partial class MonetaryJsonContext : JsonSerializerContext;
