namespace Invoicing.Core;

/// <summary>Checks for the free-text fields of parties and documents: trimmed, blank becomes null, not too long.</summary>
internal static class TextField
{
    /// <summary>Returns the trimmed text, or null for null or blank; throws when longer than <paramref name="maxLength"/>.</summary>
    internal static string? Optional(string? value, string field, int maxLength = 300)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= maxLength
            ? trimmed
            : throw new ArgumentException($"{field} has {trimmed.Length} characters; at most {maxLength} are allowed.", field);
    }

    /// <summary>Returns the trimmed text; throws when null, blank or longer than <paramref name="maxLength"/>.</summary>
    internal static string Required(string? value, string field, int maxLength = 300)
    {
        ArgumentNullException.ThrowIfNull(value, field);
        return Optional(value, field, maxLength) ?? throw new ArgumentException($"{field} must not be blank.", field);
    }
}
