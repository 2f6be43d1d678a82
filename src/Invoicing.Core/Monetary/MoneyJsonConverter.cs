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
/// decimals in numbers send it. A missing, repeated or unknown property, an unknown currency or a
/// bad amount is a <see cref="JsonException"/> that names it. Amounts are read exactly as written:
/// a number with more precision than a <see cref="decimal"/> holds is rejected, never rounded.</para>
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
        MonetaryJson.RequireStartObject(ref reader, "Money", "{\"amount\":…,\"currency\":…}");
        decimal? amount = null;
        Currency? currency = null;
        while (MonetaryJson.NextProperty(ref reader) is { } name)
        {
            if (name.Equals("amount", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(amount is not null, "Money", "amount");
                amount = MonetaryJson.ReadDecimal(ref reader, "Money", "amount");
            }
            else if (name.Equals("currency", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(currency is not null, "Money", "currency");
                currency = MonetaryJson.ReadCurrency(ref reader, _catalog, "currency");
            }
            else
            {
                throw MonetaryJson.UnknownProperty("Money", name, "only 'amount' and 'currency'");
            }
        }

        return Money.Of(
            amount ?? throw MonetaryJson.Missing("Money", "amount", "both 'amount' and 'currency'"),
            currency ?? throw MonetaryJson.Missing("Money", "currency", "both 'amount' and 'currency'"));
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

    private static void WriteCanonicalAmount(Utf8JsonWriter writer, Money value)
    {
        Span<char> text = stackalloc char[Money.MaxAmountLength];
        Span<byte> utf8 = stackalloc byte[Money.MaxAmountLength];
        value.TryFormatAmountInvariant(text, out var written);
        var length = Encoding.UTF8.GetBytes(text[..written], utf8);
        writer.WriteRawValue(utf8[..length], skipInputValidation: true);
    }
}
