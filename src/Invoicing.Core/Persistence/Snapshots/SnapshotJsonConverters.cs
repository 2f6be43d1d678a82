using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Persistence.Snapshots;

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
