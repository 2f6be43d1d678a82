using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core;

/// <summary>
/// Reads and writes any <see cref="IIdentifier{TSelf}"/> as a JSON string, also as a property name
/// (dictionary key). An invalid value is a <see cref="JsonException"/> naming the type and the value.
/// Stateless and thread-safe; works with source-generated contexts.
/// </summary>
/// <typeparam name="TId">The identifier type.</typeparam>
public sealed class IdentifierJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IIdentifier<TId>
{
    /// <summary>Reads an identifier string.</summary>
    /// <param name="reader">The reader, on a string.</param>
    /// <param name="typeToConvert">Always <typeparamref name="TId"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="JsonException">The token is not a string or not a valid identifier.</exception>
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {typeof(TId).Name} as a string, found {reader.TokenType}.");
        }

        return Parse(reader.GetString()!);
    }

    /// <summary>Writes the identifier string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The identifier.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is the empty <c>default</c>, which could not be read back; declare optional ids as nullable.</exception>
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(RequireValue(value));

    /// <summary>Reads an identifier used as a property name.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="typeToConvert">Always <typeparamref name="TId"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="JsonException">The name is not a valid identifier.</exception>
    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Parse(reader.GetString()!);

    /// <summary>Writes the identifier as a property name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The identifier.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is the empty <c>default</c>.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WritePropertyName(RequireValue(value));

    private static string RequireValue(TId value)
        => value.IsEmpty
            ? throw new JsonException($"Cannot write the empty (default) {typeof(TId).Name}: it could not be read back. Declare an optional id as {typeof(TId).Name}?.")
            : value.Value;

    private static TId Parse(string text)
        => TId.TryFrom(text, out var id)
            ? id
            : throw new JsonException($"'{text}' is not a valid {typeof(TId).Name}.");
}
