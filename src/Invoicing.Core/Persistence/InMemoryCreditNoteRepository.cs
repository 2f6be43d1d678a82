using System.Collections.Concurrent;
using Invoicing.Core.Documents;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Persistence;

/// <summary>
/// The library's in-memory <see cref="ICreditNoteRepository"/>: the embedded default for hosts
/// without a database, for tests and for samples.
/// </summary>
/// <remarks>
/// Thread-safe; an add is atomic. Credit notes are immutable, so the stored objects are returned as
/// they are. Contents are lost with the process.
/// </remarks>
public sealed class InMemoryCreditNoteRepository : ICreditNoteRepository
{
    private readonly ConcurrentDictionary<(TenantId Tenant, CreditNoteId Id), CreditNote> _notes = new();

    /// <summary>Returns the stored credit note, or null.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The credit note.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>The credit note, or null.</returns>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask<CreditNote?> FindAsync(TenantId tenant, CreditNoteId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_notes.TryGetValue((tenant, id), out var note) ? note : null);
    }

    /// <summary>Stores a credit note.</summary>
    /// <param name="creditNote">The credit note.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="creditNote"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">A credit note with its id is already stored for its tenant.</exception>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask AddAsync(CreditNote creditNote, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(creditNote);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_notes.TryAdd((creditNote.TenantId, creditNote.Id), creditNote))
        {
            throw new ConcurrencyConflictException("credit note", $"{creditNote.TenantId}/{creditNote.Id}", 0, 1);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the credit notes of an invoice, by issue date, then number.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoice">The credited invoice.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>The credit notes; empty when there are none.</returns>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask<IReadOnlyList<CreditNote>> ListForInvoiceAsync(TenantId tenant, InvoiceId invoice, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var notes = _notes
            .Where(p => p.Key.Tenant == tenant && p.Value.Original.Id == invoice)
            .Select(p => p.Value)
            .OrderBy(n => n.IssueDate)
            .ThenBy(n => n.Number.Value, StringComparer.Ordinal)
            .ToArray();
        return ValueTask.FromResult<IReadOnlyList<CreditNote>>(Array.AsReadOnly(notes));
    }
}
