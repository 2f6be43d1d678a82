using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Invoicing.Core.Monetary;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Persistence.Snapshots;

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

/// <summary>
/// Reads and writes an enum as the camelCase name of its member (<c>"partiallyPaid"</c>), exactly:
/// numbers, other spellings and undefined values are a <see cref="JsonException"/> that lists the names.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
/// <remarks>Thread-safe; the names are computed once per enum type.</remarks>
internal sealed class SnapshotEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly (TEnum Value, string Name)[] Members =
        [.. Enum.GetValues<TEnum>().Select(v => (v, JsonNamingPolicy.CamelCase.ConvertName(v.ToString())))];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {typeof(TEnum).Name} as one of {Names()}, found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        foreach (var (value, name) in Members)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new JsonException($"'{text}' is not a name of {typeof(TEnum).Name}; expected one of {Names()}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        foreach (var (member, name) in Members)
        {
            if (EqualityComparer<TEnum>.Default.Equals(member, value))
            {
                writer.WriteStringValue(name);
                return;
            }
        }

        throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}; it has no JSON form.");
    }

    private static string Names() => string.Join(", ", Members.Select(m => $"\"{m.Name}\""));
}
