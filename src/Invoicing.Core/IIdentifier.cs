namespace Invoicing.Core;

/// <summary>
/// A strongly typed identifier over a string (<c>TenantId</c>, <c>CustomerId</c>, <c>InvoiceId</c>,
/// ...), so that ids of different kinds cannot be mixed up in a signature.
/// </summary>
/// <typeparam name="TSelf">The identifier type.</typeparam>
/// <remarks>
/// Every identifier follows the same rules: 1 to 100 characters, no control characters and no
/// white space at either end; compared ordinally (case-sensitive). <c>default</c> is "no id": its
/// <see cref="Value"/> is empty and operations that need an id reject it. JSON: a string
/// (see <see cref="IdentifierJsonConverter{TId}"/>).
/// </remarks>
public interface IIdentifier<TSelf>
    where TSelf : struct, IIdentifier<TSelf>
{
    /// <summary>The identifier text; empty only for <c>default</c>.</summary>
    string Value { get; }

    /// <summary>True for <c>default</c>, the "no id" value.</summary>
    bool IsEmpty { get; }

    /// <summary>Creates an identifier from its text.</summary>
    /// <param name="value">1 to 100 characters, no control characters, no white space at either end.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> breaks the rules; the message names the type and the value.</exception>
    static abstract TSelf From(string value);

    /// <summary>Creates an identifier from its text without throwing.</summary>
    /// <param name="value">The text, or null.</param>
    /// <param name="id">The identifier when valid.</param>
    /// <returns>True when <paramref name="value"/> is a valid identifier.</returns>
    static abstract bool TryFrom(string? value, out TSelf id);
}
