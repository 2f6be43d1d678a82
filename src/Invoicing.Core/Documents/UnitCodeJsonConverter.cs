using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Documents;

/// <summary>
/// Reads and writes a <see cref="UnitCode"/> as a JSON string holding its code: <c>"KGM"</c>, and as
/// a property name, so that a <c>Dictionary&lt;UnitCode, decimal&gt;</c> (quantities per unit) reads
/// and writes as <c>{"KGM":…,"LTR":…}</c>. Reading is case-sensitive, like the codes; an unknown
/// code or a token that is not a string is a <see cref="JsonException"/> naming it.
/// </summary>
/// <remarks>
/// <para>Applied to <see cref="UnitCode"/> by attribute, so it works with reflection-free,
/// source-generated <see cref="JsonSerializerContext"/>s. Known codes are read without allocating.
/// Stateless and thread-safe.</para>
/// <para><c>default(UnitCode)</c> ("no unit") has no code and is never written: writing it throws,
/// so that a forgotten unit fails where it is produced, not where the JSON is read back. An
/// optional unit is a <c>UnitCode?</c>, written as <c>null</c>.</para>
/// </remarks>
public sealed class UnitCodeJsonConverter : JsonConverter<UnitCode>
{
    private const string What = "a unit code";

    /// <summary>Reads a unit code string.</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="typeToConvert">Always <see cref="UnitCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="JsonException">The token is not a string, or the code is not in the list (letter case counts).</exception>
    public override UnitCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(CodeListJson.Read(ref reader, Rec20.Table, What, "C62"));

    /// <summary>Writes the unit code as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The unit.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(UnitCode)</c>, which has no code.</exception>
    public override void Write(Utf8JsonWriter writer, UnitCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(CodeListJson.CodeToWrite(value.Entry, nameof(UnitCode)));

    /// <summary>Reads a unit code used as a property name, as in a <c>Dictionary&lt;UnitCode, decimal&gt;</c> (<c>{"KGM":…}</c>).</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="typeToConvert">Always <see cref="UnitCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="JsonException">The code is not in the list (letter case counts).</exception>
    public override UnitCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Read(ref reader, typeToConvert, options);

    /// <summary>Writes the unit code as a property name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The unit.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(UnitCode)</c>, which has no code.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, UnitCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WritePropertyName(CodeListJson.CodeToWrite(value.Entry, nameof(UnitCode)));
}
