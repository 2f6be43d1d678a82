using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Parties;

/// <summary>
/// Reads and writes a <see cref="CountryCode"/> as a JSON string holding its ISO 3166-1 alpha-2
/// code: <c>"DE"</c>, and as a property name, so that a <c>Dictionary&lt;CountryCode, T&gt;</c>
/// (totals per country) reads and writes as <c>{"DE":…,"FR":…}</c>. Reading is case-insensitive
/// and strict: a code that is not officially assigned (such as "UK" or "EL"), an empty string or a
/// token that is not a string is a <see cref="JsonException"/> naming it.
/// </summary>
/// <remarks>
/// <c>default(CountryCode)</c> ("no country") has no JSON form: writing it is a
/// <see cref="JsonException"/>, so a forgotten country is caught when it is written rather than
/// when it is read back. Declare an optional country as <c>CountryCode?</c>, which writes
/// <c>null</c>. Applied to <see cref="CountryCode"/> by attribute, so it works with reflection-free,
/// source-generated <see cref="JsonSerializerContext"/>s. Stateless and thread-safe.
/// </remarks>
public sealed class CountryCodeJsonConverter : JsonConverter<CountryCode>
{
    /// <summary>Reads a country code string.</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="typeToConvert">Always <see cref="CountryCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The country.</returns>
    /// <exception cref="JsonException">The token is not a string, or the code is not an officially assigned ISO 3166-1 alpha-2 code.</exception>
    public override CountryCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a country as a string code such as \"DE\", found {reader.TokenType}.");
        }

        return Lookup(reader.GetString()!, "a country");
    }

    /// <summary>Writes the alpha-2 code as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The country.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(CountryCode)</c>, which has no JSON form.</exception>
    public override void Write(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(CodeOf(value));

    /// <summary>Reads a country code used as a property name, as in a <c>Dictionary&lt;CountryCode, T&gt;</c> (<c>{"DE":…,"FR":…}</c>).</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="typeToConvert">Always <see cref="CountryCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The country.</returns>
    /// <exception cref="JsonException">The code is not an officially assigned ISO 3166-1 alpha-2 code.</exception>
    public override CountryCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Lookup(reader.GetString()!, "a property name");

    /// <summary>Writes the alpha-2 code as a property name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The country.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(CountryCode)</c>, which has no JSON form.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, CountryCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WritePropertyName(CodeOf(value));

    private static CountryCode Lookup(string code, string what)
        => CountryCode.TryFromCode(code, out var country)
            ? country
            : throw new JsonException(
                $"'{code}' is not an officially assigned ISO 3166-1 alpha-2 country code{Iso3166.HintFor(code)}; read as {what}.");

    private static string CodeOf(CountryCode value)
        => value == default
            ? throw new JsonException("default(CountryCode) is no country and has no JSON form; declare an optional country as CountryCode? (null).")
            : value.Code;
}
