using Invoicing.Core.Parties;

namespace Invoicing.Core.Persistence;

/// <summary>
/// Where the host keeps customer accounts. Every call is scoped to a tenant. The store owns
/// <see cref="CustomerAccount.Version"/>: it is 0 before the first write, and every write returns
/// the account with the next version. The library ships <see cref="InMemoryCustomerAccountRepository"/>.
/// </summary>
/// <remarks>
/// Implementer contract: as for <see cref="IInvoiceRepository"/> — concurrent-safe, exact, tenant
/// isolated, stale writes refused with <see cref="ConcurrencyConflictException"/>.
/// </remarks>
public interface ICustomerAccountRepository
{
    /// <summary>Returns a tenant's stored account, or null.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The account, or null.</returns>
    ValueTask<CustomerAccount?> FindAsync(TenantId tenant, CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new account (its version must be 0).</summary>
    /// <param name="account">The account.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored account, version 1.</returns>
    /// <exception cref="ConcurrencyConflictException">The account is already stored, or its version is not 0.</exception>
    ValueTask<CustomerAccount> AddAsync(CustomerAccount account, CancellationToken cancellationToken = default);

    /// <summary>Stores a changed account, if the stored version is still the account's <see cref="CustomerAccount.Version"/>.</summary>
    /// <param name="account">The changed account, as read plus <c>with</c> changes.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The stored account, with the next version.</returns>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or nothing is stored.</exception>
    ValueTask<CustomerAccount> UpdateAsync(CustomerAccount account, CancellationToken cancellationToken = default);

    /// <summary>Streams a tenant's accounts, ordered by customer id.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The accounts.</returns>
    IAsyncEnumerable<CustomerAccount> ListAsync(TenantId tenant, CancellationToken cancellationToken = default);
}
