using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Documents;

/// <summary>
/// Reads and writes a <see cref="ChargeReasonCode"/> as a JSON string holding its code:
/// <c>"FC"</c>, and as a property name, so that a <c>Dictionary&lt;ChargeReasonCode, Money&gt;</c>
/// (totals per reason) reads and writes as <c>{"FC":…,"PC":…}</c>. Reading is case-sensitive,
/// like the codes; an unknown code or a token that is not a string is a
/// <see cref="JsonException"/> naming it.
/// </summary>
/// <remarks>
/// <para>Applied to <see cref="ChargeReasonCode"/> by attribute, so it works with reflection-free,
/// source-generated <see cref="JsonSerializerContext"/>s. Known codes are read without allocating.
/// Stateless and thread-safe.</para>
/// <para><c>default(ChargeReasonCode)</c> ("no reason code") has no code and is never written: writing
/// it throws, so that a forgotten reason fails where it is produced, not where the JSON is read
/// back. An optional reason is a <c>ChargeReasonCode?</c>, written as <c>null</c>.</para>
/// </remarks>
public sealed class ChargeReasonCodeJsonConverter : JsonConverter<ChargeReasonCode>
{
    private const string What = "a charge reason code";

    /// <summary>Reads a reason code string.</summary>
    /// <param name="reader">The reader, on a string token.</param>
    /// <param name="typeToConvert">Always <see cref="ChargeReasonCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="JsonException">The token is not a string, or the code is not in the list (letter case counts).</exception>
    public override ChargeReasonCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(CodeListJson.Read(ref reader, Uncl7161.Table, What, "FC"));

    /// <summary>Writes the reason code as a string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The reason.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(ChargeReasonCode)</c>, which has no code.</exception>
    public override void Write(Utf8JsonWriter writer, ChargeReasonCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WriteStringValue(CodeListJson.CodeToWrite(value.Entry, nameof(ChargeReasonCode)));

    /// <summary>Reads a reason code used as a property name, as in a <c>Dictionary&lt;ChargeReasonCode, Money&gt;</c> (<c>{"FC":…}</c>).</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <param name="typeToConvert">Always <see cref="ChargeReasonCode"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="JsonException">The code is not in the list (letter case counts).</exception>
    public override ChargeReasonCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Read(ref reader, typeToConvert, options);

    /// <summary>Writes the reason code as a property name.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The reason.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="JsonException"><paramref name="value"/> is <c>default(ChargeReasonCode)</c>, which has no code.</exception>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, ChargeReasonCode value, JsonSerializerOptions options)
        => Preconditions.CheckNotNull(writer).WritePropertyName(CodeListJson.CodeToWrite(value.Entry, nameof(ChargeReasonCode)));
}
