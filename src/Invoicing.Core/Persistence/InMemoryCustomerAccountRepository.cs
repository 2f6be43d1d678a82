using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Persistence;

/// <summary>The library's in-memory <see cref="ICustomerAccountRepository"/>.</summary>
/// <remarks>Thread-safe; writes are atomic compare-and-swap operations on the stored version. Contents are lost with the process.</remarks>
public sealed class InMemoryCustomerAccountRepository : ICustomerAccountRepository
{
    private readonly ConcurrentDictionary<(TenantId Tenant, CustomerId Id), CustomerAccount> _accounts = new();

    /// <summary>Returns the stored account, or null.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The customer.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>The account, or null.</returns>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask<CustomerAccount?> FindAsync(TenantId tenant, CustomerId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_accounts.TryGetValue((tenant, id), out var account) ? account : null);
    }

    /// <summary>Stores a new account.</summary>
    /// <param name="account">The account, version 0.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>The stored account, version 1.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">It is already stored or its version is not 0.</exception>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask<CustomerAccount> AddAsync(CustomerAccount account, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(account);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (account.TenantId, account.Id);
        if (account.Version != 0)
        {
            throw new ConcurrencyConflictException("customer account", Key(account), account.Version, _accounts.TryGetValue(key, out var s) ? s.Version : null);
        }

        var stored = account with { Version = 1 };
        if (!_accounts.TryAdd(key, stored))
        {
            throw new ConcurrencyConflictException("customer account", Key(account), 0, _accounts[key].Version);
        }

        return ValueTask.FromResult(stored);
    }

    /// <summary>Stores a changed account if the stored version is still its version.</summary>
    /// <param name="account">The changed account.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>The stored account, with the next version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="account"/> is null.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs, or nothing is stored.</exception>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask<CustomerAccount> UpdateAsync(CustomerAccount account, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(account);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (account.TenantId, account.Id);
        if (!_accounts.TryGetValue(key, out var current))
        {
            throw new ConcurrencyConflictException("customer account", Key(account), account.Version, null);
        }

        var stored = account with { Version = account.Version + 1 };
        if (current.Version != account.Version || !_accounts.TryUpdate(key, stored, current))
        {
            throw new ConcurrencyConflictException("customer account", Key(account), account.Version, _accounts[key].Version);
        }

        return ValueTask.FromResult(stored);
    }

    /// <summary>Streams a tenant's accounts, ordered by customer id.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    /// <returns>The accounts.</returns>
    public async IAsyncEnumerable<CustomerAccount> ListAsync(TenantId tenant, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var account in _accounts.Where(p => p.Key.Tenant == tenant).Select(p => p.Value).OrderBy(a => a.Id).ToArray())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return account;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static string Key(CustomerAccount account) => $"{account.TenantId}/{account.Id}";
}
