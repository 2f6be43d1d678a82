namespace Invoicing.Core.Persistence;

/// <summary>
/// Thrown when a store refuses a write because the document or account changed since it was read
/// (optimistic concurrency), or because it already exists or does not exist. Nothing was written.
/// </summary>
/// <remarks>Immutable; safe to share across threads. Read the current version, apply the change again, and retry.</remarks>
public sealed class ConcurrencyConflictException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">What was written: "invoice", "customer account".</param>
    /// <param name="key">Its tenant and id, for example "acme/INV-1".</param>
    /// <param name="expectedVersion">The stored version the writer expected; 0 for "not stored yet".</param>
    /// <param name="actualVersion">The version actually stored; null when nothing is stored.</param>
    public ConcurrencyConflictException(string kind, string key, int expectedVersion, int? actualVersion)
        : base(Describe(kind, key, expectedVersion, actualVersion))
    {
        Kind = kind;
        Key = key;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>What was written.</summary>
    public string Kind { get; }

    /// <summary>Its tenant and id.</summary>
    public string Key { get; }

    /// <summary>The stored version the writer expected; 0 for "not stored yet".</summary>
    public int ExpectedVersion { get; }

    /// <summary>The version actually stored; null when nothing is stored.</summary>
    public int? ActualVersion { get; }

    private static string Describe(string kind, string key, int expected, int? actual) => (expected, actual) switch
    {
        (0, int stored) => $"The {kind} {key} is already stored (version {stored}), but the write expected it not to be: add a new one only once, and update a stored one from the version you read.",
        (_, null) => $"The {kind} {key} is not stored, but the write expected version {expected}: update only what was read from this store, and add new ones with version 0.",
        _ => $"The {kind} {key} changed: expected stored version {expected}, found {actual}. Read it again and retry.",
    };
}
