using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Reads and writes a <see cref="MoneyRounding"/> as <c>{"mode":"AwayFromZero"}</c>, with
/// <c>"increment":0.05</c> when the rule rounds to a cash increment. The mode is the name of a
/// <see cref="MidpointRounding"/> member (AwayFromZero, ToEven, ToZero, ToNegativeInfinity,
/// ToPositiveInfinity), matched case-insensitively; numbers are not accepted for it. A repeated or
/// unknown property is a <see cref="JsonException"/> naming it.
/// </summary>
/// <remarks>Stateless and thread-safe; works with source-generated <see cref="JsonSerializerContext"/>s.</remarks>
public sealed class MoneyRoundingJsonConverter : JsonConverter<MoneyRounding>
{
    /// <summary>Reads a rounding rule object.</summary>
    /// <param name="reader">The reader, on the start of the object.</param>
    /// <param name="typeToConvert">Always <see cref="MoneyRounding"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="JsonException">The JSON is not a rounding rule as documented; the message names the problem.</exception>
    public override MoneyRounding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        MonetaryJson.RequireStartObject(ref reader, "A rounding rule", "{\"mode\":…}");
        MidpointRounding? mode = null;
        decimal? increment = null;
        var incrementSeen = false;
        while (MonetaryJson.NextProperty(ref reader) is { } name)
        {
            if (name.Equals("mode", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(mode is not null, "A rounding rule", "mode");
                mode = ReadMode(ref reader);
            }
            else if (name.Equals("increment", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(incrementSeen, "A rounding rule", "increment");
                incrementSeen = true;
                increment = reader.TokenType == JsonTokenType.Null ? null : MonetaryJson.ReadDecimal(ref reader, "A rounding rule", "increment");
            }
            else
            {
                throw MonetaryJson.UnknownProperty("A rounding rule", name, "'mode' and optionally 'increment'");
            }
        }

        var resolved = mode ?? throw MonetaryJson.Missing("A rounding rule", "mode", "'mode'");
        if (increment is not decimal step)
        {
            return MoneyRounding.ToMinorUnits(resolved);
        }

        return step > 0m
            ? MoneyRounding.ToIncrement(step, resolved)
            : throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"A rounding increment must be positive; got {step}."));
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
        return MoneyRounding.TryParseMode(text, out var mode)
            ? mode
            : throw new JsonException($"'{text}' is not a rounding mode; use one of {string.Join(", ", MoneyRounding.Modes)}.");
    }
}
