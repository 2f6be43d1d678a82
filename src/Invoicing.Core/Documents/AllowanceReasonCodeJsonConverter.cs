using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Documents;

/// <summary>
/// Reads and writes an <see cref="AllowanceReasonCode"/> as a JSON string holding its code:
/// <c>"95"</c>, and as a property name, so that a <c>Dictionary&lt;AllowanceReasonCode, Money&gt;</c>
/// (totals per reason) reads and writes as <c>{"95":…,"100":…}</c>. Reading compares codes exactly; an unknown code or
/// a token that is not a string is a <see cref="JsonException"/> naming it.
/// </summary>
/// <remarks>
/// <para>Applied to <see cref="AllowanceReasonCode"/> by attribute, so it works with reflection-free,
/// source-generated <see cref="JsonSerializerContext"/>s. Known codes are read without allocating.
/// Stateless and thread-safe.</para>
/// <para><c>default(AllowanceReasonCode)</c> ("no reason code") has no code and is never written: writing
/// it throws, so that a forgotten reason fails where it is produced, not where the JSON is read
/// back. An optional reason is a <c>AllowanceReasonCode?</c>, written as <c>null</c>.</para>
/// </remarks>
public sealed class AllowanceReasonCodeJsonConverter : JsonConverter<AllowanceReasonCode>
{
    private const string What = "an allowance reason code";

    /// <summary>Reads a reason code string.</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="typeToConvert">Always <see cref="AllowanceReasonCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="JsonException">The token is not a string, or the code is not in the list.</exception>
    public override AllowanceReasonCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(CodeListJson.Read(ref reader, Uncl5189.Table, What, "95"));

    /// <summary>Writes the reason code as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The reason.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(AllowanceReasonCode)</c>, which has no code.</exception>
    public override void Write(Utf8JsonWriter writer, AllowanceReasonCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(CodeListJson.CodeToWrite(value.Entry, nameof(AllowanceReasonCode)));

    /// <summary>Reads a reason code used as a property name, as in a <c>Dictionary&lt;AllowanceReasonCode, Money&gt;</c> (<c>{"95":…}</c>).</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="typeToConvert">Always <see cref="AllowanceReasonCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="JsonException">The code is not in the list.</exception>
    public override AllowanceReasonCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Read(ref reader, typeToConvert, options);

    /// <summary>Writes the reason code as a property name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The reason.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(AllowanceReasonCode)</c>, which has no code.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, AllowanceReasonCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WritePropertyName(CodeListJson.CodeToWrite(value.Entry, nameof(AllowanceReasonCode)));
}
