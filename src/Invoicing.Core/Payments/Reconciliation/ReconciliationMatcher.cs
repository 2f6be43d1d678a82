namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// Matches bank statement entries to open items: for each entry an automatic match, suggestions for a
/// person, or unmatched with a reason. The rules, their confidences and the tolerances are described in
/// docs/reconciliation.md.
/// </summary>
/// <remarks>
/// <para>Thread-safe: the matcher holds only its options; every run builds its own indexes (by creditor
/// reference, by document number, by payer account, by customer and amount), so the time grows with the
/// number of items plus the number of entries, never with their product.</para>
/// <para>Deterministic: the same items and entries give the same result, and which entries are matched
/// automatically does not depend on the order of either.</para>
/// </remarks>
public sealed class ReconciliationMatcher
{
    /// <summary>Creates a matcher.</summary>
    /// <param name="options">The options, or null for <see cref="ReconciliationOptions.Default"/>.</param>
    public ReconciliationMatcher(ReconciliationOptions? options = null) => Options = options ?? ReconciliationOptions.Default;

    /// <summary>The options.</summary>
    public ReconciliationOptions Options { get; }

    /// <summary>Matches entries against open items.</summary>
    /// <param name="openItems">The open items of one tenant.</param>
    /// <param name="entries">The entries; their ids are unique.</param>
    /// <param name="progress">Receives the number of entries evaluated so far, every 10,000 entries and at the end; or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One outcome per entry, in the order given.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="openItems"/>, <paramref name="entries"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">Two entries have the same id.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public ReconciliationResult Match(IEnumerable<OpenItem> openItems, IEnumerable<ReconciliationEntry> entries, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException();
    }
}
