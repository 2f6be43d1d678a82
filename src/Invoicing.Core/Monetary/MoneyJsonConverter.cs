using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Reads and writes <see cref="Money"/> as <c>{"amount":12.34,"currency":"EUR"}</c>, with no
/// precision loss.
/// </summary>
/// <remarks>
/// <para>Writing: the amount is a JSON number with the currency's minor units and every further
/// significant digit (12.3 EUR is written <c>12.30</c>, 0.0125 EUR <c>0.0125</c>), so the output is
/// canonical and equal values write equal JSON.</para>
/// <para>Reading: property names are matched case-insensitively and in any order; the amount may
/// also be a string holding an invariant number (<c>"12.34"</c>), as clients that cannot keep
/// decimals in numbers send it. A missing or unknown property, an unknown currency or a bad
/// amount is a <see cref="JsonException"/> that names it. Amounts are read exactly as written,
/// not rounded.</para>
/// <para>Applied to <see cref="Money"/> by attribute, so it works with reflection-free,
/// source-generated <see cref="JsonSerializerContext"/>s. For custom currencies, add an instance built
/// with a <see cref="CurrencyCatalog"/> to <see cref="JsonSerializerOptions.Converters"/>.
/// Thread-safe.</para>
/// </remarks>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    private readonly CurrencyCatalog _catalog;

    /// <summary>Creates a converter that knows the ISO 4217 currencies.</summary>
    public MoneyJsonConverter()
        : this(CurrencyCatalog.Iso4217)
    {
    }

    /// <summary>Creates a converter that knows the currencies of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The currencies to accept when reading.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public MoneyJsonConverter(CurrencyCatalog catalog) => _catalog = Preconditions.CheckNotNull(catalog);

    /// <summary>Reads a money object.</summary>
    /// <param name="reader">The reader, on the start of the object.</param>
    /// <param name="typeToConvert">Always <see cref="Money"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The money value.</returns>
    /// <exception cref="JsonException">The JSON is not a money object as documented; the message names the problem.</exception>
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected money as an object {{\"amount\":…,\"currency\":…}}, found {reader.TokenType}.");
        }

        decimal? amount = null;
        Currency? currency = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name.Equals("amount", StringComparison.OrdinalIgnoreCase))
            {
                amount = ReadDecimal(ref reader, "amount");
            }
            else if (name.Equals("currency", StringComparison.OrdinalIgnoreCase))
            {
                currency = CurrencyJsonConverter.ReadCode(ref reader, _catalog, "currency");
            }
            else
            {
                throw new JsonException($"Money has no property '{name}'; expected only 'amount' and 'currency'.");
            }
        }

        if (amount is null || currency is null)
        {
            throw new JsonException($"Money needs both 'amount' and 'currency'; '{(amount is null ? "amount" : "currency")}' is missing.");
        }

        return Money.Of(amount.Value, currency.Value);
    }

    /// <summary>Writes a money object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The money value.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        Preconditions.CheckNotNull(writer);
        writer.WriteStartObject();
        writer.WritePropertyName("amount");
        WriteCanonicalAmount(writer, value);
        writer.WriteString("currency", value.Currency.Code);
        writer.WriteEndObject();
    }

    internal static decimal ReadDecimal(ref Utf8JsonReader reader, string what)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetDecimal(out var number):
                return number;
            case JsonTokenType.String when decimal.TryParse(
                reader.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var text):
                return text;
            case JsonTokenType.Number or JsonTokenType.String:
                throw new JsonException($"The {what} '{Encoding.UTF8.GetString(reader.ValueSpan)}' is not a decimal number in range.");
            default:
                throw new JsonException($"Expected the {what} as a number, found {reader.TokenType}.");
        }
    }

    private static void WriteCanonicalAmount(Utf8JsonWriter writer, Money value)
    {
        Span<char> text = stackalloc char[Money.MaxAmountLength];
        Span<byte> utf8 = stackalloc byte[Money.MaxAmountLength];
        value.TryFormatAmountInvariant(text, out var written);
        var length = Encoding.UTF8.GetBytes(text[..written], utf8);
        writer.WriteRawValue(utf8[..length], skipInputValidation: true);
    }
}
