using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Core.Monetary;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core;

// JSON primitives shared by every strict reader of the library (snapshots, rate tables): exact
// numbers, ISO dates, and strict UTF-8. They sit at the root so that no area imports another for them.

/// <summary>Strict UTF-8 for JSON text.</summary>
internal static class JsonText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes a JSON string as UTF-8; a lone surrogate is a <see cref="JsonException"/>, not a silent replacement character.</summary>
    internal static byte[] Utf8(string json)
    {
        Preconditions.CheckNotNull(json);
        try
        {
            return StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            throw new JsonException($"The JSON text is not valid Unicode: {e.Message}", e);
        }
    }
}

/// <summary>
/// Reads and writes a <see cref="LocalDate"/> as an ISO calendar date string, <c>"2026-11-23"</c>
/// (<see cref="LocalDatePattern.Iso"/>); anything else is a <see cref="JsonException"/> naming the value.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date as an ISO string such as \"2026-11-23\", found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO date (yyyy-MM-dd).");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
        => writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>
/// Reads a <see cref="decimal"/> from a JSON number exactly: a number with more significant digits
/// than a decimal keeps is rejected, never rounded (the serializer's own reading rounds it). Writes
/// the value with its scale (2.50 stays <c>2.50</c>).
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal sealed class ExactDecimalJsonConverter : JsonConverter<decimal>
{
    private const int MaxNumberLength = 128;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected a number, found {reader.TokenType}.");
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (raw.Length > MaxNumberLength)
        {
            throw new JsonException($"A number of {raw.Length} characters has more precision than a decimal holds.");
        }

        Span<char> chars = stackalloc char[MaxNumberLength];
        var length = Encoding.UTF8.GetChars(raw, chars);
        return DecimalParts.TryParseExact(chars[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new JsonException($"{chars[..length]} is out of range or has more precision than a decimal holds (28 digits).");
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value);
}
