using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;

namespace Invoicing.Core;

/// <summary>Argument checks shared by every area. Internal: the public contract is the documented exception.</summary>
internal static class Preconditions
{
    /// <summary>Returns <paramref name="value"/>, or throws <see cref="ArgumentNullException"/> naming the argument.</summary>
    internal static T CheckNotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);

    /// <summary>
    /// Copies a sequence into a read-only list, throwing when it or an element is null. The copy is
    /// wrapped, so an immutable object that exposes it cannot be changed by casting to an array.
    /// </summary>
    internal static IReadOnlyList<T> CopyNotNull<T>(IEnumerable<T>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
        where T : class
    {
        var copy = CopyNotNullToArray(values, name);
        return copy.Length == 0 ? ReadOnlyCollection<T>.Empty : Array.AsReadOnly(copy);
    }

    /// <summary>Copies <paramref name="values"/> to a new array, throwing <see cref="ArgumentNullException"/> if the sequence
    /// or an element is null.</summary>
    internal static T[] CopyNotNullToArray<T>(IEnumerable<T>? values, [CallerArgumentExpression(nameof(values))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var copy = values.ToArray();
        foreach (var value in copy)
        {
            ArgumentNullException.ThrowIfNull(value, name);
        }

        return copy;
    }
}
