using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Reads and writes an <see cref="ExchangeRate"/> as
/// <c>{"base":"EUR","quote":"USD","rate":1.0845,"asOf":"2026-11-20"}</c>: codes as strings, the
/// rate as an exact JSON number (a string holding an invariant number is also read), the date in
/// ISO 8601 (yyyy-MM-dd). Names match case-insensitively, in any order; a missing, repeated or
/// unknown property or an invalid value is a <see cref="JsonException"/> naming it.
/// </summary>
/// <remarks>Thread-safe; works with source-generated <see cref="JsonSerializerContext"/>s.</remarks>
public sealed class ExchangeRateJsonConverter : JsonConverter<ExchangeRate>
{
    private readonly CurrencyCatalog _catalog;

    /// <summary>Creates a converter that knows the ISO 4217 currencies.</summary>
    public ExchangeRateJsonConverter()
        : this(CurrencyCatalog.Iso4217)
    {
    }

    /// <summary>Creates a converter that knows the currencies of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The currencies to accept when reading.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public ExchangeRateJsonConverter(CurrencyCatalog catalog) => _catalog = Preconditions.CheckNotNull(catalog);

    /// <summary>Reads an exchange rate object.</summary>
    /// <param name="reader">The reader, on the start of the object.</param>
    /// <param name="typeToConvert">Always <see cref="ExchangeRate"/>.</param>
    /// <param name="options">The serializer options.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="JsonException">The JSON is not an exchange rate as documented; the message names the problem.</exception>
    public override ExchangeRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        const string Owner = "An exchange rate";
        const string All = "'base', 'quote', 'rate' and 'asOf'";
        MonetaryJson.RequireStartObject(ref reader, Owner, "{\"base\":…,\"quote\":…,\"rate\":…,\"asOf\":…}");
        Currency? baseCurrency = null, quoteCurrency = null;
        decimal? rate = null;
        LocalDate? asOf = null;
        while (MonetaryJson.NextProperty(ref reader) is { } name)
        {
            if (name.Equals("base", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(baseCurrency is not null, Owner, "base");
                baseCurrency = MonetaryJson.ReadCurrency(ref reader, _catalog, "base");
            }
            else if (name.Equals("quote", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(quoteCurrency is not null, Owner, "quote");
                quoteCurrency = MonetaryJson.ReadCurrency(ref reader, _catalog, "quote");
            }
            else if (name.Equals("rate", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(rate is not null, Owner, "rate");
                rate = MonetaryJson.ReadDecimal(ref reader, Owner, "rate");
            }
            else if (name.Equals("asOf", StringComparison.OrdinalIgnoreCase))
            {
                MonetaryJson.RequireFirst(asOf is not null, Owner, "asOf");
                asOf = ReadDate(ref reader);
            }
            else
            {
                throw MonetaryJson.UnknownProperty(Owner, name, All);
            }
        }

        var from = baseCurrency ?? throw MonetaryJson.Missing(Owner, "base", All);
        var to = quoteCurrency ?? throw MonetaryJson.Missing(Owner, "quote", All);
        var value = rate ?? throw MonetaryJson.Missing(Owner, "rate", All);
        var date = asOf ?? throw MonetaryJson.Missing(Owner, "asOf", All);
        return ExchangeRate.Problem(from, to, value) is { } problem
            ? throw new JsonException(problem)
            : ExchangeRate.Of(from, to, value, date);
    }

    /// <summary>Writes an exchange rate object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The rate.</param>
    /// <param name="options">The serializer options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="value"/> is null.</exception>
    public override void Write(Utf8JsonWriter writer, ExchangeRate value, JsonSerializerOptions options)
    {
        Preconditions.CheckNotNull(writer);
        Preconditions.CheckNotNull(value);
        writer.WriteStartObject();
        writer.WriteString("base", value.BaseCurrency.Code);
        writer.WriteString("quote", value.QuoteCurrency.Code);
        writer.WriteNumber("rate", value.Rate);
        writer.WriteString("asOf", LocalDatePattern.Iso.Format(value.AsOf));
        writer.WriteEndObject();
    }

    private static LocalDate ReadDate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected asOf as an ISO date string such as \"2026-11-20\", found {reader.TokenType}.");
        }

        var text = reader.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"asOf '{text}' is not an ISO date (yyyy-MM-dd).");
    }
}
