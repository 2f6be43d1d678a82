using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Invoicing.Core.Monetary;

/// <summary>Reading helpers shared by the Money-area JSON converters, so that every one reports bad input alike.</summary>
internal static class MonetaryJson
{
    /// <summary>Longest JSON number read as a decimal: beyond this it cannot be exact anyway.</summary>
    private const int MaxNumberLength = 128;

    /// <summary>
    /// Reads a decimal from a JSON number (exponents allowed) or a string holding an invariant
    /// number, exactly: a value with more precision than <see cref="decimal"/> holds is an error,
    /// never silently rounded.
    /// </summary>
    internal static decimal ReadDecimal(ref Utf8JsonReader reader, string owner, string property)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!;
            return DecimalParts.TryParseExact(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fromString)
                ? fromString
                : throw new JsonException($"{owner} '{property}' is '{text}', which is not an exact decimal number.");
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException($"Expected {owner} '{property}' as a number, found {reader.TokenType}.");
        }

        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        Span<char> chars = stackalloc char[MaxNumberLength];
        if (raw.Length > MaxNumberLength)
        {
            throw new JsonException($"{owner} '{property}' is a number of {raw.Length} characters; no decimal holds it exactly.");
        }

        var length = Encoding.UTF8.GetChars(raw, chars);
        return DecimalParts.TryParseExact(chars[..length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new JsonException($"{owner} '{property}' is {chars[..length]}, which is out of range or has more precision than a decimal holds (28 digits).");
    }

    /// <summary>Reads a currency code string and looks it up in <paramref name="catalog"/>.</summary>
    internal static Currency ReadCurrency(ref Utf8JsonReader reader, CurrencyCatalog catalog, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected {what} as a string code such as \"EUR\", found {reader.TokenType}.");
        }

        var code = reader.GetString()!;
        return catalog.TryGet(code, out var currency)
            ? currency
            : throw new JsonException($"'{code}' is not an ISO 4217 currency code (nor a custom currency of the catalog); read as {what}.");
    }

    /// <summary>Moves to the value of the next property and returns its name, or null at the end of the object.</summary>
    internal static string? NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }

        var name = reader.GetString()!;
        reader.Read();
        return name;
    }

    internal static void RequireStartObject(ref Utf8JsonReader reader, string owner, string example)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected {owner} as an object {example}, found {reader.TokenType}.");
        }
    }

    /// <summary>A property given twice is ambiguous, whatever the serializer's duplicate setting: reject it.</summary>
    internal static void RequireFirst(bool alreadySeen, string owner, string property)
    {
        if (alreadySeen)
        {
            throw new JsonException($"{owner} has '{property}' twice; which one is meant is ambiguous.");
        }
    }

    internal static JsonException UnknownProperty(string owner, string property, string expected)
        => new($"{owner} has no property '{property}'; expected {expected}.");

    internal static JsonException Missing(string owner, string property, string expected)
        => new($"{owner} needs {expected}; '{property}' is missing.");
}
