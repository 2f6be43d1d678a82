using Invoicing.Core.Documents;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Persistence;

/// <summary>
/// Where the host keeps invoices. Every call is scoped to a tenant: no method can read or change
/// another tenant's invoices. The library ships <see cref="InMemoryInvoiceRepository"/>.
/// </summary>
/// <remarks>
/// Implementer contract: be safe under concurrent callers; store every field of the invoice
/// exactly (the snapshot JSON form of the Persistence area does); refuse stale writes with
/// <see cref="ConcurrencyConflictException"/> and write nothing then; honour the cancellation token.
/// The contract test kit (Invoicing.Core.ContractTests) proves an implementation.
/// </remarks>
public interface IInvoiceRepository
{
    /// <summary>Returns the stored version of an invoice of a tenant, or null when there is none.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The invoice.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invoice, or null.</returns>
    ValueTask<Invoice?> FindAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new invoice (usually a fresh draft).</summary>
    /// <param name="invoice">The invoice; its tenant scopes it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when stored.</returns>
    /// <exception cref="ConcurrencyConflictException">An invoice with that id is already stored for the tenant.</exception>
    ValueTask AddAsync(Invoice invoice, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored invoice by a later version, if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="invoice">The new version; its version must be above <paramref name="expectedVersion"/>.</param>
    /// <param name="expectedVersion">The version that was read before the change.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when stored.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <paramref name="expectedVersion"/>, or nothing is stored.</exception>
    /// <exception cref="ArgumentException">The invoice's version is not above <paramref name="expectedVersion"/>.</exception>
    ValueTask UpdateAsync(Invoice invoice, int expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Streams the open invoices of a customer (issued or partially paid), ordered by invoice number.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The open invoices.</returns>
    IAsyncEnumerable<Invoice> QueryOpenAsync(TenantId tenant, CustomerId customer, CancellationToken cancellationToken = default);
}
