using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Invoicing.Core.Documents;

/// <summary>
/// The lookup behind a code-list value type: exact (ordinal, case-sensitive) lookups by string or
/// by span without allocating, and the wording every error about the list uses. Immutable and
/// thread-safe.
/// </summary>
internal sealed class CodeTable
{
    private readonly FrozenDictionary<string, CodeListEntry> _byCode;
    private readonly FrozenDictionary<string, CodeListEntry>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    /// <summary>Builds the table; a duplicate code is a bug in the table and fails the type initializer.</summary>
    internal CodeTable(string codeList, string meaning, CodeListEntry[] entries)
    {
        CodeList = codeList;
        Meaning = meaning;
        Entries = Array.AsReadOnly(entries);
        _byCode = entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
        _bySpan = _byCode.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The list's short name as errors show it, for example "UN/ECE Rec 20/21".</summary>
    internal string CodeList { get; }

    /// <summary>What the codes denote, for error messages, for example "unit of measure".</summary>
    internal string Meaning { get; }

    /// <summary>Every entry, in table order.</summary>
    internal IReadOnlyList<CodeListEntry> Entries { get; }

    internal bool TryGet([NotNullWhen(true)] string? code, [NotNullWhen(true)] out CodeListEntry? entry)
    {
        if (code is null)
        {
            entry = null;
            return false;
        }

        return _byCode.TryGetValue(code, out entry);
    }

    internal bool TryGet(ReadOnlySpan<char> code, [NotNullWhen(true)] out CodeListEntry? entry)
        => _bySpan.TryGetValue(code, out entry);

    /// <summary>Returns the entry for <paramref name="code"/> or throws <see cref="UnknownCodeException"/> naming it.</summary>
    internal CodeListEntry Get(string code, string paramName)
    {
        Preconditions.CheckNotNull(code, paramName);
        return TryGet(code, out var entry) ? entry : throw new UnknownCodeException(code, CodeList, Meaning, paramName);
    }

    /// <summary>The clause every error about an unknown code starts with (no final period).</summary>
    internal string NotACode(ReadOnlySpan<char> code) => $"'{code}' is not a code of {CodeList} ({Meaning})";

    /// <summary>Looks up an entry the library itself names; a miss is a bug in the table.</summary>
    internal CodeListEntry Find(string code)
        => TryGet(code, out var entry) ? entry : throw new InvalidOperationException($"The {CodeList} table lacks {code}.");
}
