namespace Invoicing.Core.Documents;

/// <summary>
/// One entry of a code list (<see cref="Rec20"/>, <see cref="Uncl5189"/>, <see cref="Uncl7161"/>):
/// the code and its English name as published. Entries are singletons of their table, so two
/// code values are equal exactly when they hold the same entry. Immutable and thread-safe.
/// </summary>
internal sealed class CodeListEntry
{
    internal CodeListEntry(string code, string name)
    {
        Code = code;
        Name = name;
        CodeHash = StringComparer.Ordinal.GetHashCode(code);
    }

    internal string Code { get; }

    internal string Name { get; }

    internal int CodeHash { get; }
}
