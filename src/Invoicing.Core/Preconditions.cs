using System.Runtime.CompilerServices;

namespace Invoicing.Core;

/// <summary>Argument checks shared by every area. Internal: the public contract is the documented exception.</summary>
internal static class Preconditions
{
    /// <summary>Returns <paramref name="value"/>, or throws <see cref="ArgumentNullException"/> naming the argument.</summary>
    internal static T CheckNotNull<T>(T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name);
}
