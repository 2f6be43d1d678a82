using System.Text.Json;

namespace Invoicing.Core.Documents;

/// <summary>Reading and writing helpers shared by the code-list JSON converters, so that every one reports bad input alike.</summary>
internal static class CodeListJson
{
    /// <summary>Longest raw JSON string looked up without allocating; codes are at most 3 characters.</summary>
    private const int StackBufferLength = 16;

    /// <summary>
    /// Reads a code string (or property name) and looks it up exactly, without allocating when the
    /// code is known and written without long escapes. <paramref name="what"/> names the value in
    /// errors ("a unit code"), <paramref name="example"/> shows a valid one.
    /// </summary>
    internal static CodeListEntry Read(ref Utf8JsonReader reader, CodeTable table, string what, string example)
    {
        var asPropertyName = reader.TokenType == JsonTokenType.PropertyName;
        if (reader.TokenType != JsonTokenType.String && !asPropertyName)
        {
            throw new JsonException($"Expected {what} as a string such as \"{example}\", found {reader.TokenType}.");
        }

        var rawLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (rawLength <= StackBufferLength)
        {
            // A UTF-8 string never decodes to more characters than it has bytes.
            Span<char> buffer = stackalloc char[StackBufferLength];
            var length = reader.CopyString(buffer);
            if (table.TryGet(buffer[..length], out var entry))
            {
                return entry;
            }
        }
        else if (table.TryGet(reader.GetString(), out var entry))
        {
            return entry; // a short code spelled with escape sequences
        }

        var text = reader.GetString()!;
        throw new JsonException(asPropertyName
            ? $"{table.NotACode(text)}; read as {what} used as a property name."
            : $"{table.NotACode(text)}; read as {what}.");
    }

    /// <summary>Returns the code to write; <c>default</c> has none and cannot be written.</summary>
    internal static string CodeToWrite(CodeListEntry? entry, string typeName)
        => entry?.Code ?? throw new JsonException(
            $"default({typeName}) has no code and cannot be written; use a nullable {typeName}? for a value that may be absent.");
}
