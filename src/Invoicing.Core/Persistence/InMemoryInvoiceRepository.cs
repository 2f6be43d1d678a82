using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Invoicing.Core.Documents;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Persistence;

/// <summary>
/// The library's in-memory <see cref="IInvoiceRepository"/>: the embedded default for hosts without
/// a database, for tests and for samples.
/// </summary>
/// <remarks>
/// Thread-safe; writes are atomic compare-and-swap operations on the stored version. Invoices are
/// immutable, so the stored objects are returned as they are. Contents are lost with the process.
/// </remarks>
public sealed class InMemoryInvoiceRepository : IInvoiceRepository
{
    private readonly ConcurrentDictionary<(TenantId Tenant, InvoiceId Id), Invoice> _invoices = new();

    /// <summary>Returns the stored invoice, or null.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The invoice.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>The invoice, or null.</returns>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask<Invoice?> FindAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_invoices.TryGetValue((tenant, id), out var invoice) ? invoice : null);
    }

    /// <summary>Stores a new invoice.</summary>
    /// <param name="invoice">The invoice.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">It is already stored.</exception>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask AddAsync(Invoice invoice, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(invoice);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_invoices.TryAdd((invoice.TenantId, invoice.Id), invoice))
        {
            throw new ConcurrencyConflictException("invoice", Key(invoice), 0, _invoices[(invoice.TenantId, invoice.Id)].Version);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Replaces the stored invoice if its version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="invoice">The new version.</param>
    /// <param name="expectedVersion">The version read before the change.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>A completed task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="ArgumentException">The invoice's version is not above <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or nothing is stored.</exception>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask UpdateAsync(Invoice invoice, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(invoice);
        cancellationToken.ThrowIfCancellationRequested();
        if (invoice.Version <= expectedVersion)
        {
            throw new ArgumentException(
                $"Invoice {invoice} has version {invoice.Version}; an update must be a later version than the expected {expectedVersion}.", nameof(invoice));
        }

        var key = (invoice.TenantId, invoice.Id);
        if (!_invoices.TryGetValue(key, out var stored))
        {
            throw new ConcurrencyConflictException("invoice", Key(invoice), expectedVersion, null);
        }

        if (stored.Version != expectedVersion || !_invoices.TryUpdate(key, invoice, stored))
        {
            throw new ConcurrencyConflictException("invoice", Key(invoice), expectedVersion, _invoices[key].Version);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Streams the open invoices of a customer, ordered by invoice number.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The open invoices.</returns>
    public async IAsyncEnumerable<Invoice> QueryOpenAsync(TenantId tenant, CustomerId customer,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var open = _invoices
            .Where(p => p.Key.Tenant == tenant)
            .Select(p => p.Value)
            .Where(i => i.Header.CustomerId == customer && i.Status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid)
            .OrderBy(i => i.Number?.Value, StringComparer.Ordinal)
            .ToArray();
        foreach (var invoice in open)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return invoice;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static string Key(Invoice invoice) => $"{invoice.TenantId}/{invoice.Id}";
}
