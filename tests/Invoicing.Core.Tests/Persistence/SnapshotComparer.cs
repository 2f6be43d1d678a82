using System.Collections;
using System.Globalization;
using System.Reflection;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tests.Persistence;

/// <summary>
/// Compares two object graphs of the library in every public instance property, recursively, and
/// lists each difference with its path ("Header.Seller.Address.City"). Tests use it to prove that a
/// snapshot round trip loses nothing, including fields no <c>Equals</c> looks at.
/// </summary>
/// <remarks>
/// <para>Types of the library are walked property by property (and compared with their own
/// <c>Equals</c> too, where they define one, which covers state without public properties such as a
/// <see cref="Core.Parties.DueDateRule"/>). Sequences are compared element by element, whatever their
/// concrete type. Decimals must be equal in value and in scale (2.50 is not 2.5).</para>
/// <para><see cref="Money"/> is compared by value (amount and currency): its JSON form is canonical
/// (at least the currency's minor units), so 12.3 EUR comes back as 12.30 EUR, which it equals.</para>
/// </remarks>
internal static class SnapshotComparer
{
    private const int MaxDepth = 32;

    private static readonly Assembly Library = typeof(Invoice).Assembly;

    /// <summary>Fails with every difference when the graphs differ.</summary>
    internal static void AssertEqual(object? expected, object? actual)
    {
        var differences = Differences(expected, actual);
        if (differences.Count > 0)
        {
            Assert.Fail($"The object graphs differ in {differences.Count} places:\n" + string.Join("\n", differences.Take(50)));
        }
    }

    /// <summary>Returns the differences, one line each: path, expected and actual value.</summary>
    internal static IReadOnlyList<string> Differences(object? expected, object? actual)
    {
        var differences = new List<string>();
        Compare(expected?.GetType().Name ?? "root", expected, actual, differences, 0);
        return differences;
    }

    private static void Compare(string path, object? expected, object? actual, List<string> differences, int depth)
    {
        if (depth > MaxDepth)
        {
            differences.Add($"{path}: deeper than {MaxDepth} levels; is there a cycle?");
            return;
        }

        if (expected is null || actual is null)
        {
            if (expected is not null || actual is not null)
            {
                differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
            }

            return;
        }

        if (expected is not string && expected is IEnumerable expectedItems && actual is IEnumerable actualItems)
        {
            CompareSequences(path, expectedItems, actualItems, differences, depth);
            return;
        }

        var type = expected.GetType();
        if (type != actual.GetType())
        {
            differences.Add($"{path}: expected a {type.Name}, got a {actual.GetType().Name}");
            return;
        }

        if (expected is decimal d1 && actual is decimal d2)
        {
            if (d1 != d2 || d1.Scale != d2.Scale)
            {
                differences.Add($"{path}: expected {Show(d1)}, got {Show(d2)}");
            }

            return;
        }

        if (type.Assembly != Library || type.IsEnum || expected is Money)
        {
            if (!Equals(expected, actual))
            {
                differences.Add($"{path}: expected {Show(expected)}, got {Show(actual)}");
            }

            return;
        }

        if (DefinesEquality(type) && !Equals(expected, actual))
        {
            differences.Add($"{path}: {type.Name}.Equals says they differ ({Show(expected)} / {Show(actual)})");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
            {
                Compare($"{path}.{property.Name}", property.GetValue(expected), property.GetValue(actual), differences, depth + 1);
            }
        }
    }

    private static void CompareSequences(string path, IEnumerable expected, IEnumerable actual, List<string> differences, int depth)
    {
        var left = expected.Cast<object?>().ToList();
        var right = actual.Cast<object?>().ToList();
        if (left.Count != right.Count)
        {
            differences.Add($"{path}: expected {left.Count} elements, got {right.Count}");
            return;
        }

        for (var i = 0; i < left.Count; i++)
        {
            Compare(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), left[i], right[i], differences, depth + 1);
        }
    }

    private static bool DefinesEquality(Type type)
        => type.GetMethod(nameof(Equals), BindingFlags.Public | BindingFlags.Instance, [typeof(object)])?.DeclaringType is { } declaring
           && declaring != typeof(object) && declaring != typeof(ValueType);

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };
}
