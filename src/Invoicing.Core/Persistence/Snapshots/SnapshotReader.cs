using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Persistence.Snapshots;

/// <summary>
/// The shared steps of reading a snapshot: the schema check, the strict deserialization, and the
/// one error type (<see cref="JsonException"/> naming the JSON path) for everything that can go wrong.
/// </summary>
/// <remarks>Thread-safe. Contexts for custom currency catalogs are built once per catalog and kept while the catalog lives.</remarks>
internal static class SnapshotReader
{
    /// <summary>The schema version this library writes and reads.</summary>
    internal const int SchemaVersion = 1;

    internal const string InvoiceSchema = "invoicing-core/invoice";

    internal const string CustomerAccountSchema = "invoicing-core/customer-account";


    private static readonly ConditionalWeakTable<CurrencyCatalog, SnapshotJsonContext> CatalogContexts = new();

    /// <summary>The context that reads the currencies of <paramref name="catalog"/> (ISO 4217 when null).</summary>
    internal static SnapshotJsonContext ContextFor(CurrencyCatalog? catalog)
        => catalog is null || ReferenceEquals(catalog, CurrencyCatalog.Iso4217)
            ? SnapshotJsonContext.Default
            : CatalogContexts.GetValue(catalog, CreateContext);

    /// <summary>Encodes a JSON string as UTF-8 strictly (see <see cref="JsonText.Utf8"/>).</summary>
    internal static byte[] Utf8(string json) => JsonText.Utf8(json);

    /// <summary>Checks the schema name and version, then deserializes the whole snapshot strictly.</summary>
    /// <remarks>A leading UTF-8 byte order mark is skipped, as files and some stores have one.</remarks>
    internal static T Read<T>(ReadOnlySpan<byte> json, string schema, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        CheckSchema(json, schema);
        T? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException e)
        {
            throw Invalid(e.Path ?? "$", e.Message, e);
        }

        return snapshot ?? throw Invalid("$", $"found null; expected a {schema} object.");
    }

    /// <summary>Returns the error for an invalid value at a JSON path.</summary>
    internal static JsonException Invalid(string path, string problem, Exception? inner = null)
        => new($"Invalid snapshot at {path}: {problem}", path, null, null, inner);

    /// <summary>
    /// Returns the error for a domain rule that refused the snapshot's value at a JSON path. When
    /// an init-only property refused it (its parameter name is the property name, in PascalCase),
    /// the path goes on to the JSON property of the same name.
    /// </summary>
    internal static JsonException Invalid(string path, Exception domainError)
        => Invalid(
            domainError is ArgumentException { ParamName: [>= 'A' and <= 'Z', ..] name } ? $"{path}.{JsonNamingPolicy.CamelCase.ConvertName(name)}" : path,
            domainError.Message,
            domainError);

    /// <summary>True for the exceptions domain constructors and factories throw for bad values (argument and state errors, overflow).</summary>
    internal static bool IsDomainError(Exception e) => e is ArgumentException or InvalidOperationException or ArithmeticException;

    /// <summary>Maps every element of a snapshot list; a null element is an error naming its index.</summary>
    internal static TResult[] Map<TSnapshot, TResult>(IReadOnlyList<TSnapshot> items, string path, Func<TSnapshot, string, TResult> map)
        where TSnapshot : class
    {
        var result = new TResult[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var itemPath = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{i}]");
            result[i] = map(items[i] ?? throw Invalid(itemPath, "found null; expected an object."), itemPath);
        }

        return result;
    }

    private static void CheckSchema(ReadOnlySpan<byte> json, string expected)
    {
        var (schema, version, problem) = ReadSchema(json, expected);
        if (problem is var (path, message, inner))
        {
            throw Invalid(path, message, inner);
        }

        if (schema is null)
        {
            throw Invalid("$", $"'schema' is missing; expected \"{expected}\".");
        }

        if (!string.Equals(schema, expected, StringComparison.Ordinal))
        {
            throw Invalid("$.schema", $"found \"{schema}\"; expected \"{expected}\".");
        }

        if (version is null)
        {
            throw Invalid("$", $"'schemaVersion' is missing; expected {SchemaVersion}.");
        }

        if (version != SchemaVersion)
        {
            throw Invalid("$.schemaVersion", version > SchemaVersion
                ? $"found {version}; this version of Invoicing.Core reads {expected} version {SchemaVersion} (the snapshot was written by a later version)."
                : $"found {version}; this version of Invoicing.Core reads {expected} version {SchemaVersion}.");
        }
    }

    /// <summary>Finds the top-level "schema" and "schemaVersion" (in any position) and checks that the whole text is well-formed JSON.</summary>
    private static (string? Schema, int? Version, (string Path, string Message, Exception? Inner)? Problem) ReadSchema(ReadOnlySpan<byte> json, string expected)
    {
        string? schema = null;
        int? version = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return (null, null, ("$", $"expected a JSON object with \"schema\":\"{expected}\", found {reader.TokenType}.", null));
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSchema = reader.ValueTextEquals("schema"u8);
                var isVersion = reader.ValueTextEquals("schemaVersion"u8);
                reader.Read();
                if (isSchema)
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return (null, null, ("$.schema", $"expected the schema name as a string such as \"{expected}\", found {Describe(ref reader)}.", null));
                    }

                    schema = reader.GetString();
                }
                else if (isVersion)
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var number))
                    {
                        return (null, null, ("$.schemaVersion", $"expected the schema version as a whole number such as {SchemaVersion}, found {Describe(ref reader)}.", null));
                    }

                    version = number;
                }
                else
                {
                    reader.Skip();
                }
            }

            // Reading on to the end finds malformed text after the object as well.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return (null, null, (e.Path ?? "$", e.Message, e));
        }

        return (schema, version, null);
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"\"{reader.GetString()}\"",
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        _ => reader.TokenType.ToString(),
    };

    private static SnapshotJsonContext CreateContext(CurrencyCatalog catalog)
    {
        var options = new JsonSerializerOptions(SnapshotJsonContext.Default.Options);
        options.Converters.Add(new MoneyJsonConverter(catalog));
        options.Converters.Add(new CurrencyJsonConverter(catalog));
        return new SnapshotJsonContext(options);
    }

    internal static string Indexed(string path, int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>Runs a domain constructor or computation, turning a refusal into an error at <paramref name="path"/>.</summary>
    internal static T Build<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    /// <summary>A tax treatment as stored: category, rate and exemption reason (invoices and credit notes alike).</summary>
    internal static TaxTreatmentSnapshot TreatmentSnapshot(Tax.TaxTreatment tax) => new()
    {
        Category = tax.Category,
        Rate = tax.Rate,
        ExemptionReasonCode = tax.ExemptionReasonCode,
        ExemptionReason = tax.ExemptionReason,
    };

    /// <summary>A stored tax treatment, through the category's EN 16931 rules.</summary>
    internal static Tax.TaxTreatment ToTaxTreatment(TaxTreatmentSnapshot snapshot, string path)
        => Build(path, () => Tax.TaxTreatment.Of(snapshot.Category, snapshot.Rate, snapshot.ExemptionReasonCode, snapshot.ExemptionReason));
}
