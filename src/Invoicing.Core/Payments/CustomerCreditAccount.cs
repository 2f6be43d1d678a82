using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Payments;

/// <summary>
/// A customer's credit in one currency: the part of credit notes that exceeded what their invoices
/// still owed and the part of payments beyond the documents they paid, less what was applied to
/// other invoices, refunded, or taken back when a payment was reversed. Never negative, never across
/// currencies or tenants; rebuilt from its entries alone.
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="CustomerCreditService"/> returns each next version with its event.</remarks>
public sealed class CustomerCreditAccount
{
    private readonly CustomerCreditEntry[] _entries;

    private CustomerCreditAccount(TenantId tenantId, CustomerId customerId, Currency currency, int version, CustomerCreditEntry[] entries)
    {
        TenantId = tenantId;
        CustomerId = customerId;
        Currency = currency;
        Version = version;
        _entries = entries;
        Entries = Array.AsReadOnly(entries);
        var balance = Money.Zero(currency);
        foreach (var entry in entries)
        {
            balance += entry.Effect;
        }

        Balance = balance;
    }

    /// <summary>The tenant.</summary>
    public TenantId TenantId { get; }

    /// <summary>The customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>The currency of every entry.</summary>
    public Currency Currency { get; }

    /// <summary>0 for a new account, one more for every entry.</summary>
    public int Version { get; }

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<CustomerCreditEntry> Entries { get; }

    /// <summary>The credit available: credited − applied − refunded − reversed; never negative.</summary>
    public Money Balance { get; }

    /// <summary>A new, empty account.</summary>
    /// <param name="tenant">The tenant; not <c>default</c>.</param>
    /// <param name="customer">The customer; not <c>default</c>.</param>
    /// <param name="currency">The currency.</param>
    /// <returns>The account, version 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> or <paramref name="customer"/> is <c>default</c>.</exception>
    public static CustomerCreditAccount Open(TenantId tenant, CustomerId customer, Currency currency)
    {
        Identifier.RequireSet(tenant);
        Identifier.RequireSet(customer);
        return new CustomerCreditAccount(tenant, customer, currency, 0, []);
    }

    /// <summary>Rebuilds an account from its entries alone, checking that the balance never goes negative and that nothing is taken from a source (credit note or payment) beyond what it credited.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="currency">The currency.</param>
    /// <param name="entries">The entries, in order.</param>
    /// <returns>The account; its version is the number of entries.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> or an entry is null.</exception>
    /// <exception cref="ArgumentException">An entry takes more than its source has left; the message names it.</exception>
    /// <exception cref="CurrencyMismatchException">An entry is in another currency.</exception>
    public static CustomerCreditAccount Rebuild(TenantId tenant, CustomerId customer, Currency currency, IEnumerable<CustomerCreditEntry> entries)
    {
        var account = Open(tenant, customer, currency);
        foreach (var entry in Preconditions.CopyNotNull(entries))
        {
            account = account.With(entry);
        }

        return account;
    }

    /// <summary>What is left of each source's credit (credit notes and payments), oldest first: where the next application or refund takes from.</summary>
    /// <returns>The sources with credit left, and how much.</returns>
    public IReadOnlyList<(CustomerCreditSource Source, Money Left)> Available()
    {
        var left = new List<(CustomerCreditSource Source, Money Left)>();
        foreach (var entry in _entries)
        {
            var index = left.FindIndex(l => l.Source == entry.Source);
            if (index < 0)
            {
                left.Add((entry.Source, entry.Effect));
            }
            else
            {
                left[index] = (entry.Source, left[index].Left + entry.Effect);
            }
        }

        return left.Where(l => l.Left.IsPositive).ToArray();
    }

    /// <summary>What is left of one source's credit: what it credited less what was applied, refunded or reversed from it.</summary>
    /// <param name="source">The credit note or payment.</param>
    /// <returns>The credit left, zero when the source gave none or all of it is used.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public Money LeftOf(CustomerCreditSource source)
    {
        Preconditions.CheckNotNull(source);
        var left = Money.Zero(Currency);
        foreach (var entry in _entries)
        {
            left += entry.Source == source ? entry.Effect : Money.Zero(Currency);
        }

        return left;
    }

    /// <summary>Returns "C-1 EUR 10.00 (3 entries)".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{CustomerId} {Balance} ({_entries.Length} entries)";

    /// <summary>The next version with one more entry, after checking it.</summary>
    internal CustomerCreditAccount With(CustomerCreditEntry entry)
    {
        Preconditions.CheckNotNull(entry);
        if (entry.Amount.Currency != Currency)
        {
            throw new CurrencyMismatchException(Currency, entry.Amount.Currency, "a customer credit entry");
        }

        if (entry.Kind != CustomerCreditEntryKind.Credited)
        {
            var fromSource = LeftOf(entry.Source);
            if (entry.Amount > fromSource)
            {
                throw new ArgumentException(
                    $"Customer {CustomerId}: {entry.Kind} {entry.Amount} from {entry.Source}, but only {fromSource} of its credit is left.", nameof(entry));
            }
        }

        return new CustomerCreditAccount(TenantId, CustomerId, Currency, Version + 1, [.. _entries, entry]);
    }
}
