using Invoicing.Core.Documents;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Persistence;

/// <summary>
/// Where the host keeps credit notes. Every call is scoped to a tenant: no method can read or add
/// another tenant's credit notes. A credit note is immutable, so it is added once and never
/// updated. The library ships <see cref="InMemoryCreditNoteRepository"/>.
/// </summary>
/// <remarks>
/// Implementer contract: be safe under concurrent callers; store every field of the credit note
/// exactly (the snapshot JSON form of <see cref="DocumentSnapshots"/> does); refuse a second add of
/// the same id with <see cref="ConcurrencyConflictException"/> and write nothing then; honour the
/// cancellation token. The contract test kit (Invoicing.Core.ContractTests) proves an implementation.
/// </remarks>
public interface ICreditNoteRepository
{
    /// <summary>Returns a stored credit note of a tenant, or null when there is none.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The credit note.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The credit note, or null.</returns>
    ValueTask<CreditNote?> FindAsync(TenantId tenant, CreditNoteId id, CancellationToken cancellationToken = default);

    /// <summary>Stores an issued credit note (typically from the <c>onIssued</c> callback of <see cref="CreditNoteService.IssueAsync"/>).</summary>
    /// <param name="creditNote">The credit note; its tenant scopes it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="creditNote"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">A credit note with that id is already stored for the tenant
    /// (<see cref="ConcurrencyConflictException.Kind"/> "credit note", expected version 0, actual version 1); nothing is written.</exception>
    ValueTask AddAsync(CreditNote creditNote, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns every credit note of a tenant that credits an invoice, in issue order: by issue date,
    /// then by number (ordinal, as <see cref="InvoiceNumber"/> compares). This is the <c>earlier</c>
    /// argument of <see cref="CreditNoteService.IssueAsync"/> and of <see cref="CreditableBalance.Of"/>.
    /// </summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="invoice">The credited invoice (<see cref="CreditNote.Original"/>).</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The credit notes; empty when there are none.</returns>
    ValueTask<IReadOnlyList<CreditNote>> ListForInvoiceAsync(TenantId tenant, InvoiceId invoice, CancellationToken cancellationToken = default);
}
