using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Reads and writes a <see cref="Currency"/> as a JSON string holding its code: <c>"EUR"</c>, and
/// as a property name, so that a <c>Dictionary&lt;Currency, Money&gt;</c> (balances per currency) reads
/// and writes as <c>{"EUR":…,"USD":…}</c>. Reading is case-insensitive; an unknown code is a
/// <see cref="JsonException"/> naming it.
/// </summary>
/// <remarks>
/// Applied to <see cref="Currency"/> by attribute, so it works with reflection-free, source-generated
/// <see cref="JsonSerializerContext"/>s. To read custom currencies, add an instance built with a
/// <see cref="CurrencyCatalog"/> to <see cref="JsonSerializerOptions.Converters"/>. Stateless apart
/// from its immutable catalog, and thread-safe.
/// </remarks>
public sealed class CurrencyJsonConverter : JsonConverter<Currency>
{
    private readonly CurrencyCatalog _catalog;

    /// <summary>Creates a converter that knows the ISO 4217 currencies.</summary>
    public CurrencyJsonConverter()
        : this(CurrencyCatalog.Iso4217)
    {
    }

    /// <summary>Creates a converter that knows the currencies of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The currencies to accept when reading.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public CurrencyJsonConverter(CurrencyCatalog catalog) => _catalog = Preconditions.CheckNotNull(catalog);

    /// <summary>Reads a currency code string.</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="typeToConvert">Always <see cref="Currency"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="JsonException">The token is not a string, or the code is unknown.</exception>
    public override Currency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => MonetaryJson.ReadCurrency(ref reader, _catalog, "currency");

    /// <summary>Writes the currency code as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The currency.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(value.Code);

    /// <summary>Reads a currency code used as a property name, as in a <c>Dictionary&lt;Currency, Money&gt;</c> (<c>{"EUR":…,"USD":…}</c>).</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="typeToConvert">Always <see cref="Currency"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="JsonException">The code is unknown.</exception>
    public override Currency ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var code = reader.GetString()!;
        return _catalog.TryGet(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not an ISO 4217 currency code (nor a custom currency of the catalog); read as a property name.");
    }

    /// <summary>Writes the currency code as a property name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The currency.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WritePropertyName(value.Code);
}
