using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Reads and writes a <see cref="Currency"/> as a JSON string holding its code: <c>"EUR"</c>.
/// Reading is case-insensitive; an unknown code is a <see cref="JsonException"/> naming it.
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
        => ReadCode(ref reader, _catalog, "currency");

    /// <summary>Writes the currency code as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The currency.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, Currency value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(value.Code);

    internal static Currency ReadCode(ref Utf8JsonReader reader, CurrencyCatalog catalog, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {what} as a string code such as \"EUR\", found {reader.TokenType}.");
        }

        var code = reader.GetString()!;
        return catalog.TryGet(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not an ISO 4217 currency code (nor a custom currency of the catalog); read as {what}.");
    }
}
