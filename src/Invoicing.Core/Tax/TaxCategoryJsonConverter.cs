using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Tax;

/// <summary>Reads and writes a <see cref="TaxCategory"/> as its UNCL 5305 code string, for example <c>"S"</c>. Stateless and thread-safe.</summary>
public sealed class TaxCategoryJsonConverter : JsonConverter<TaxCategory>
{
    /// <summary>Reads a category code.</summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <param name="typeToConvert">Always <see cref="TaxCategory"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The category.</returns>
    /// <exception cref="JsonException">The token is not a string holding one of the nine codes.</exception>
    public override TaxCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a tax category code such as \"S\", found {reader.TokenType}.");
        }

        var code = reader.GetString()!;
        return TaxCategory.TryFromCode(code, out var category)
            ? category
            : throw new JsonException($"'{code}' is not a tax category code of EN 16931 (S, Z, E, AE, K, G, O, L, M).");
    }

    /// <summary>Writes the category code.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The category.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, TaxCategory value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(value.Code);
}
