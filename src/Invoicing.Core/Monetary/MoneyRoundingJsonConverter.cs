using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Reads and writes a <see cref="MoneyRounding"/> as <c>{"mode":"AwayFromZero"}</c>, with
/// <c>"increment":0.05</c> when the rule rounds to a cash increment. The mode is the name of a
/// <see cref="MidpointRounding"/> member (AwayFromZero, ToEven, ToZero, ToNegativeInfinity,
/// ToPositiveInfinity), matched case-insensitively; numbers are not accepted for it.
/// </summary>
/// <remarks>Stateless and thread-safe; works with source-generated <see cref="JsonSerializerContext"/>s.</remarks>
public sealed class MoneyRoundingJsonConverter : JsonConverter<MoneyRounding>
{
    private static readonly MidpointRounding[] Modes =
    [
        MidpointRounding.AwayFromZero,
        MidpointRounding.ToEven,
        MidpointRounding.ToZero,
        MidpointRounding.ToNegativeInfinity,
        MidpointRounding.ToPositiveInfinity,
    ];

    /// <summary>Reads a rounding rule object.</summary>
    /// <param name="reader">The reader, on the start of the object.</param>
    /// <param name="typeToConvert">Always <see cref="MoneyRounding"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="JsonException">The JSON is not a rounding rule as documented; the message names the problem.</exception>
    public override MoneyRounding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a rounding rule as an object {{\"mode\":…}}, found {reader.TokenType}.");
        }

        MidpointRounding? mode = null;
        decimal? increment = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name.Equals("mode", StringComparison.OrdinalIgnoreCase))
            {
                mode = ReadMode(ref reader);
            }
            else if (name.Equals("increment", StringComparison.OrdinalIgnoreCase))
            {
                increment = reader.TokenType == JsonTokenType.Null ? null : MoneyJsonConverter.ReadDecimal(ref reader, "increment");
            }
            else
            {
                throw new JsonException($"A rounding rule has no property '{name}'; expected 'mode' and optionally 'increment'.");
            }
        }

        var resolved = mode ?? throw new JsonException("A rounding rule needs 'mode'.");
        if (increment is null)
        {
            return MoneyRounding.ToMinorUnits(resolved);
        }

        return increment > 0m
            ? MoneyRounding.ToIncrement(increment.Value, resolved)
            : throw new JsonException($"A rounding increment must be positive; got {increment}.");
    }

    /// <summary>Writes a rounding rule object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The rule.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, MoneyRounding value, JsonSerializerOptions options)
    {
        Preconditions.CheckNotNull(writer);
        writer.WriteStartObject();
        writer.WriteString("mode", value.Mode.ToString());
        if (value.Increment is decimal increment)
        {
            writer.WriteNumber("increment", increment);
        }

        writer.WriteEndObject();
    }

    private static MidpointRounding ReadMode(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected the rounding mode as a name such as \"AwayFromZero\", found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        foreach (var mode in Modes)
        {
            if (text.Equals(mode.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }

        throw new JsonException($"'{text}' is not a rounding mode; use one of {string.Join(", ", Modes)}.");
    }
}
