using System.Collections;

namespace Invoicing.Core.EInvoicing;

/// <summary>
/// An immutable list with value equality, so that the model's records are equal when their terms
/// are: two invoices read from the same document compare equal, line by line.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items) => _items = items;

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public bool Equals(ValueList<T>? other)
        => other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Creates <see cref="ValueList{T}"/> instances.</summary>
internal static class ValueList
{
    /// <summary>Copies <paramref name="items"/> into an immutable list with value equality; null elements are refused.</summary>
    public static ValueList<T> Of<T>(IEnumerable<T> items, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(items))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(items, name);
        if (items is ValueList<T> list)
        {
            return list;
        }

        var array = items.ToArray();
        if (Array.IndexOf(array, default) is var k and >= 0 && default(T) is null)
        {
            throw new ArgumentException($"Element {k} of the list is null.", name);
        }

        return array.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(array);
    }
}
