using System.Diagnostics.CodeAnalysis;

namespace Invoicing.Core;

/// <summary>The rules shared by every <see cref="IIdentifier{TSelf}"/>.</summary>
internal static class Identifier
{
    internal const int MaxLength = 100;

    internal static string Check(string? value, string typeName, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return Problem(value) is { } problem
            ? throw new ArgumentException($"'{value}' is not a valid {typeName}: {problem}.", paramName)
            : value;
    }

    internal static bool IsValid([NotNullWhen(true)] string? value) => value is not null && Problem(value) is null;

    /// <summary>Throws when an id is <c>default</c>, the "no id" value.</summary>
    internal static void RequireSet<TId>(TId id, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(id))] string? paramName = null)
        where TId : struct, IIdentifier<TId>
    {
        if (id.IsEmpty)
        {
            throw new ArgumentException($"{typeof(TId).Name} must be set; got the default (empty) id.", paramName);
        }
    }

    private static string? Problem(string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return $"it must have 1 to {MaxLength} characters, not {value.Length}";
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return "it must not start or end with white space";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return "it must not contain control characters";
            }
        }

        return null;
    }
}
