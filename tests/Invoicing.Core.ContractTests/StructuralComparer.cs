using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Invoicing.Core.ContractTests;

/// <summary>
/// Compares two object graphs field by field, as a store must keep them: every public instance
/// property, recursively, with a path to each difference ("Lines[1].Item.Gtin: expected …, actual …").
/// The contract tests use it to prove that what an adapter reads back is what was written; adapter
/// authors can use it in their own tests (of a JSON or row mapping, for example).
/// </summary>
/// <remarks>
/// <para>Rules:</para>
/// <list type="bullet">
/// <item><description>Two nulls are equal; null and a value differ.</description></item>
/// <item><description><see cref="decimal"/> values must have the same value <em>and</em> the same scale:
/// 12.30 and 12.3 differ, because formatting and e-invoice output show the difference. Store
/// decimals with their scale (as text, or in the JSON form), not in a column that pads or trims them.</description></item>
/// <item><description>Other primitives, enums, strings, <see cref="DateTime"/>, <see cref="DateTimeOffset"/>,
/// <see cref="TimeSpan"/>, <see cref="Guid"/>, <see cref="Uri"/>, NodaTime values, and types without public
/// instance properties (such as <c>DueDateRule</c>) are compared with <see cref="object.Equals(object)"/>.</description></item>
/// <item><description>Sequences (any <see cref="IEnumerable"/> but a string) are compared element by element, in
/// order; their concrete types may differ (an array and a list with equal elements are equal).
/// Dictionaries are compared by key.</description></item>
/// <item><description>Everything else must have the same runtime type and equal public instance properties
/// (indexers are skipped). Computed properties are compared too; a getter that throws must throw the
/// same exception type on both sides.</description></item>
/// </list>
/// <para>Stateless and thread-safe; reflection results are cached per type.</para>
/// </remarks>
public static class StructuralComparer
{
    private const int MaxDepth = 64;
    private const int MaxReported = 25;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> PropertyCache = new();

    /// <summary>Lists the differences between <paramref name="expected"/> and <paramref name="actual"/>; empty when they are structurally equal.</summary>
    /// <param name="expected">The value that was written.</param>
    /// <param name="actual">The value that was read back.</param>
    /// <param name="rootName">The name of the root in the paths, for example "invoice".</param>
    /// <returns>At most 25 differences, each "path: expected …, actual …", in property order.</returns>
    public static IReadOnlyList<string> FindDifferences(object? expected, object? actual, string rootName = "value")
    {
        var differences = new List<string>();
        var visited = new HashSet<(object, object)>(ReferencePairComparer.Instance);
        Compare(expected, actual, rootName ?? "value", 0, differences, visited);
        return differences;
    }

    /// <summary>Returns whether <paramref name="expected"/> and <paramref name="actual"/> are structurally equal.</summary>
    /// <param name="expected">The value that was written.</param>
    /// <param name="actual">The value that was read back.</param>
    /// <returns>True when <see cref="FindDifferences"/> finds none.</returns>
    public static bool AreEqual(object? expected, object? actual) => FindDifferences(expected, actual).Count == 0;

    /// <summary>Fails the current test, listing every difference, unless the two values are structurally equal.</summary>
    /// <param name="expected">The value that was written.</param>
    /// <param name="actual">The value that was read back.</param>
    /// <param name="rootName">The name of the root in the paths, for example "invoice".</param>
    /// <exception cref="Xunit.Sdk.XunitException">The values differ; the message lists the differences by path.</exception>
    public static void AssertEqual(object? expected, object? actual, string rootName = "value")
    {
        var differences = FindDifferences(expected, actual, rootName);
        if (differences.Count > 0)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                $"{rootName} is not the same after the round trip ({differences.Count}{(differences.Count == MaxReported ? "+" : string.Empty)} differences):{Environment.NewLine}  ")
                + string.Join(Environment.NewLine + "  ", differences));
        }
    }

    private static void Compare(object? expected, object? actual, string path, int depth, List<string> differences, HashSet<(object, object)> visited)
    {
        if (differences.Count >= MaxReported)
        {
            return;
        }

        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                Report(differences, path, expected, actual);
            }

            return;
        }

        if (depth > MaxDepth)
        {
            differences.Add($"{path}: the object graph is deeper than {MaxDepth} levels; compare a smaller part.");
            return;
        }

        if (expected is decimal expectedDecimal && actual is decimal actualDecimal)
        {
            if (expectedDecimal != actualDecimal || expectedDecimal.Scale != actualDecimal.Scale)
            {
                Report(differences, path, expected, actual);
            }

            return;
        }

        var type = expected.GetType();
        if (expected is not string && actual is not string && expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            if (expected is IDictionary expectedMap && actual is IDictionary actualMap)
            {
                CompareDictionaries(expectedMap, actualMap, path, depth, differences, visited);
            }
            else
            {
                CompareSequences(expectedItems, actualItems, path, depth, differences, visited);
            }

            return;
        }

        if (type != actual.GetType())
        {
            differences.Add($"{path}: expected a {type.Name}, actual a {actual.GetType().Name} ({Show(expected)} / {Show(actual)})");
            return;
        }

        var properties = Properties(type);
        if (IsLeaf(type, properties))
        {
            if (!expected.Equals(actual))
            {
                Report(differences, path, expected, actual);
            }

            return;
        }

        if (!type.IsValueType && !visited.Add((expected, actual)))
        {
            return; // already being compared higher up: a cycle
        }

        foreach (var property in properties)
        {
            var propertyPath = path + "." + property.Name;
            var (expectedValue, expectedError) = Read(property, expected);
            var (actualValue, actualError) = Read(property, actual);
            if (expectedError is not null || actualError is not null)
            {
                if (expectedError?.GetType() != actualError?.GetType())
                {
                    differences.Add($"{propertyPath}: expected {Describe(expectedValue, expectedError)}, actual {Describe(actualValue, actualError)}");
                }

                continue;
            }

            Compare(expectedValue, actualValue, propertyPath, depth + 1, differences, visited);
        }
    }

    private static void CompareSequences(IEnumerable expected, IEnumerable actual, string path, int depth, List<string> differences, HashSet<(object, object)> visited)
    {
        var expectedList = expected.Cast<object?>().ToList();
        var actualList = actual.Cast<object?>().ToList();
        if (expectedList.Count != actualList.Count)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: expected {expectedList.Count} items, actual {actualList.Count}"));
        }

        for (var i = 0; i < Math.Min(expectedList.Count, actualList.Count); i++)
        {
            Compare(expectedList[i], actualList[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), depth + 1, differences, visited);
        }
    }

    private static void CompareDictionaries(IDictionary expected, IDictionary actual, string path, int depth, List<string> differences, HashSet<(object, object)> visited)
    {
        if (expected.Count != actual.Count)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{path}: expected {expected.Count} entries, actual {actual.Count}"));
        }

        foreach (DictionaryEntry entry in expected)
        {
            var entryPath = $"{path}[{Show(entry.Key)}]";
            if (!actual.Contains(entry.Key))
            {
                differences.Add($"{entryPath}: missing");
                continue;
            }

            Compare(entry.Value, actual[entry.Key], entryPath, depth + 1, differences, visited);
        }
    }

    private static bool IsLeaf(Type type, PropertyInfo[] properties)
        => type.IsPrimitive
           || type.IsEnum
           || type == typeof(string)
           || type == typeof(DateTime)
           || type == typeof(DateTimeOffset)
           || type == typeof(TimeSpan)
           || type == typeof(Guid)
           || type == typeof(Uri)
           || typeof(Type).IsAssignableFrom(type)
           || (type.Namespace is { } ns && (ns == "NodaTime" || ns.StartsWith("NodaTime.", StringComparison.Ordinal)))
           || properties.Length == 0;

    private static PropertyInfo[] Properties(Type type)
        => PropertyCache.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)
            .ToArray());

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "A getter that throws is compared by its exception type, whatever that is.")]
    private static (object? Value, Exception? Error) Read(PropertyInfo property, object target)
    {
        try
        {
            return (property.GetValue(target), null);
        }
        catch (TargetInvocationException e)
        {
            return (null, e.InnerException ?? e);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }

    private static void Report(List<string> differences, string path, object? expected, object? actual)
        => differences.Add($"{path}: expected {Show(expected)}, actual {Show(actual)}");

    private static string Describe(object? value, Exception? error)
        => error is null ? Show(value) : $"a getter throwing {error.GetType().Name}";

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        decimal d => d.ToString(CultureInfo.InvariantCulture) + " (scale " + d.Scale.ToString(CultureInfo.InvariantCulture) + ")",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    private sealed class ReferencePairComparer : IEqualityComparer<(object, object)>
    {
        internal static readonly ReferencePairComparer Instance = new();

        public bool Equals((object, object) x, (object, object) y) => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((object, object) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
