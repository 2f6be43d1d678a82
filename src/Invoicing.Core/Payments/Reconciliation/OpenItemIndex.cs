using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// The hash indexes one reconciliation run looks open items up by: creditor reference, document number
/// keys, payer account, customer and amount (open and discounted), and amount alone. Each index maps a
/// key to the head of a chain of item positions (an int array per index), so a million items cost a few
/// dictionaries and arrays, not a list per key. Creditor references and document numbers are keyed by a 64-bit
/// hash of their comparison form (no string per item); every hit is confirmed against the item itself, so a hash
/// collision can cost a comparison but never a wrong match.
/// </summary>
internal sealed class OpenItemIndex
{
    private readonly Chains<long> _byReference;
    private readonly Chains<long> _bySegmented;
    private readonly Chains<long> _byCompact;
    private readonly Dictionary<string, CustomerId[]> _customersByPayer;
    private readonly Dictionary<CustomerId, int> _customerOrdinals;
    private readonly Dictionary<Currency, int> _currencyOrdinals;
    private readonly CustomerId[] _customers;
    private readonly Chains<long> _byCustomer;
    private readonly Chains<AmountKey> _byCustomerAmount;
    private readonly Chains<AmountKey> _byAmount;

    internal OpenItemIndex(OpenItem[] items)
    {
        Items = items;
        var n = items.Length;
        // Dictionaries whose keys are about one per item are sized up front (no rehashing); the others grow, so that
        // a few thousand customers or amounts stay small enough for the processor's caches.
        _byReference = new Chains<long>(n, 0);
        _bySegmented = new Chains<long>(n, n);
        _byCompact = new Chains<long>(n, 0);
        _byCustomer = new Chains<long>(n, 0);
        _byCustomerAmount = new Chains<AmountKey>(2 * n, n);
        _byAmount = new Chains<AmountKey>(n, 0);
        _customerOrdinals = [];
        _currencyOrdinals = [];
        _customersByPayer = new Dictionary<string, CustomerId[]>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            CurrencyOrdinal(item.Currency, add: true);
        }

        // Two independent halves, each filling its own dictionaries in item order: the result does not depend on the schedule.
        if (n < ParallelFrom)
        {
            IndexNames();
            _customers = IndexOwners();
        }
        else
        {
            CustomerId[]? customers = null;
            Parallel.Invoke(IndexNames, () => customers = IndexOwners());
            _customers = customers!;
        }
    }

    private const int ParallelFrom = 20_000;

    /// <summary>Indexes creditor references, document numbers and amounts alone.</summary>
    private void IndexNames()
    {
        Span<char> reference = stackalloc char[MaxReference];
        Span<char> segmented = stackalloc char[2 * MaxNumber];
        Span<char> compact = stackalloc char[MaxNumber];
        var currency = default(Currency?);
        var currencyOrdinal = 0;
        for (var i = 0; i < Items.Length; i++)
        {
            var item = Items[i];
            if (item.CreditorReference is { } text && Compact(text, reference) is { IsEmpty: false } key)
            {
                _byReference.Add(Hash(key), i);
            }

            var (s, c) = DocumentNumberKeys.Write(item.DocumentNumber, segmented, compact);
            if (s > 0)
            {
                _bySegmented.Add(Hash(segmented[..s]), i);
                if (!compact[..c].SequenceEqual(segmented[..s]))
                {
                    _byCompact.Add(Hash(compact[..c]), i);
                }
            }

            if (item.Currency != currency)
            {
                currency = item.Currency;
                currencyOrdinal = _currencyOrdinals[item.Currency];
            }

            _byAmount.Add(new AmountKey(currencyOrdinal, Units(item.OpenAmount)), i);
        }
    }

    /// <summary>Indexes customers, amounts per customer and payer accounts; returns the customers by ordinal.</summary>
    private CustomerId[] IndexOwners()
    {
        var customers = new List<CustomerId>();
        var lastAccountOf = new List<string?>(); // per customer: the account indexed last, so a customer's many items look it up once
        Span<char> buffer = stackalloc char[128];
        var payerLookup = _customersByPayer.GetAlternateLookup<ReadOnlySpan<char>>();
        var currency = default(Currency?);
        var currencyOrdinal = 0;
        var customer = 0;
        for (var i = 0; i < Items.Length; i++)
        {
            var item = Items[i];
            if (i == 0 || item.CustomerId != Items[i - 1].CustomerId)
            {
                // Items often come grouped by customer: the lookup is needed only when the customer changes.
                ref var ordinal = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_customerOrdinals, item.CustomerId, out var knownCustomer);
                if (!knownCustomer)
                {
                    ordinal = customers.Count;
                    customers.Add(item.CustomerId);
                    lastAccountOf.Add(null);
                }

                customer = ordinal;
            }

            if (item.PayerAccounts.Count > 0)
            {
                IndexPayers(item, customer, lastAccountOf, buffer, payerLookup);
            }

            if (item.Currency != currency)
            {
                currency = item.Currency;
                currencyOrdinal = _currencyOrdinals[item.Currency];
            }

            var owner = Owner(customer, currencyOrdinal);
            _byCustomer.Add(owner, i);
            _byCustomerAmount.Add(new AmountKey(owner, Units(item.OpenAmount)), 2 * i);
            if (item.Discount is { } discount)
            {
                _byCustomerAmount.Add(new AmountKey(owner, Units(item.OpenAmount - discount.On(item.OpenAmount))), (2 * i) + 1);
            }
        }

        return [.. customers];
    }

    internal OpenItem[] Items { get; }

    /// <summary>
    /// Adds the item's customer to the customers paying from each of its accounts. <paramref name="lastAccountOf"/> keeps,
    /// per customer ordinal, the account indexed last: a customer whose items carry one account looks it up once, not once
    /// per item (one with several accounts in turn, once per change).
    /// </summary>
    private static void IndexPayers(OpenItem item, int customer, List<string?> lastAccountOf, Span<char> buffer,
        Dictionary<string, CustomerId[]>.AlternateLookup<ReadOnlySpan<char>> payerLookup)
    {
        foreach (var account in item.PayerAccounts)
        {
            var last = lastAccountOf[customer];
            if (ReferenceEquals(account, last) || account == last)
            {
                continue; // this customer's account, indexed for an earlier item
            }

            lastAccountOf[customer] = account;
            var accountKey = account.Length <= buffer.Length ? Compact(account, buffer) : Compact(account, new char[account.Length]);
            if (accountKey.IsEmpty)
            {
                continue;
            }

            if (!payerLookup.TryGetValue(accountKey, out var paying))
            {
                payerLookup[accountKey] = [item.CustomerId];
            }
            else if (Array.IndexOf(paying, item.CustomerId) < 0)
            {
                payerLookup[accountKey] = [.. paying, item.CustomerId];
            }
        }
    }

    /// <summary>The comparison form of a creditor reference: its letters and digits, upper-cased (for ISO 11649, Belgian and
    /// Swiss references, their electronic form); null when nothing is left.</summary>
    internal static string? NormalizeReference(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var key = Compact(reference, reference.Length <= 256 ? stackalloc char[reference.Length] : new char[reference.Length]);
        return key.IsEmpty ? null : new string(key);
    }

    /// <summary>Adds to <paramref name="into"/> the items whose creditor reference has the comparison form <paramref name="key"/>.</summary>
    internal void AddByReference(ReadOnlySpan<char> key, List<int> into)
    {
        Span<char> buffer = stackalloc char[MaxReference];
        foreach (var i in _byReference.Find(Hash(key), 1))
        {
            if (Items[i].CreditorReference is { } reference && Compact(reference, buffer).SequenceEqual(key))
            {
                into.Add(i);
            }
        }
    }

    /// <summary>Adds to <paramref name="into"/> the items whose document number has the segmented key <paramref name="key"/>
    /// (see <see cref="DocumentNumberKeys"/>), or, when <paramref name="compactKey"/> is true, the compact key <paramref name="key"/>.</summary>
    internal void AddByNumber(ReadOnlySpan<char> key, bool compactKey, List<int> into)
    {
        Span<char> segmented = stackalloc char[2 * MaxNumber];
        Span<char> compact = stackalloc char[MaxNumber];
        foreach (var i in (compactKey ? _byCompact : _bySegmented).Find(Hash(key), 1))
        {
            var (s, c) = DocumentNumberKeys.Write(Items[i].DocumentNumber, segmented, compact);
            if ((compactKey ? compact[..c] : segmented[..s]).SequenceEqual(key))
            {
                into.Add(i);
            }
        }
    }

    /// <summary>The items of a customer (by ordinal) in a currency.</summary>
    internal ChainEnumerable ByCustomer(int customer, Currency currency)
        => CurrencyOrdinal(currency, add: false) is var c and >= 0 ? _byCustomer.Find(Owner(customer, c), 1) : default;

    /// <summary>The items of a customer (by ordinal) whose open amount, or discounted amount, may be <paramref name="amount"/> (compare to be sure).</summary>
    internal ChainEnumerable ByCustomerAmount(int customer, Money amount)
        => CurrencyOrdinal(amount.Currency, add: false) is var c and >= 0 ? _byCustomerAmount.Find(new AmountKey(Owner(customer, c), Units(amount)), 2) : default;

    /// <summary>The items whose open amount may be <paramref name="amount"/> (compare to be sure).</summary>
    internal ChainEnumerable ByAmount(Money amount)
        => CurrencyOrdinal(amount.Currency, add: false) is var c and >= 0 ? _byAmount.Find(new AmountKey(c, Units(amount)), 1) : default;

    /// <summary>The ordinals of the customers known to pay from an account, ordered by customer id.</summary>
    internal int[] CustomersPaying(string? payerAccount)
    {
        if (string.IsNullOrWhiteSpace(payerAccount))
        {
            return [];
        }

        var key = Compact(payerAccount, payerAccount.Length <= 256 ? stackalloc char[payerAccount.Length] : new char[payerAccount.Length]);
        if (!_customersByPayer.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var customers))
        {
            return [];
        }

        var ordinals = new int[customers.Length];
        for (var c = 0; c < customers.Length; c++)
        {
            ordinals[c] = _customerOrdinals[customers[c]];
        }

        return customers.Length == 1 ? ordinals : [.. ordinals.OrderBy(c => _customers[c])];
    }

    /// <summary>The customer of an ordinal.</summary>
    internal CustomerId Customer(int ordinal) => _customers[ordinal];

    private const int MaxReference = 100;
    private const int MaxNumber = 100;

    /// <summary>A 64-bit FNV-1a hash of the characters, finished with a multiply-xorshift so both halves are well mixed.</summary>
    private static long Hash(ReadOnlySpan<char> key)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return (long)hash;
    }

    private static long Owner(int customer, int currency) => ((long)customer << 16) | (uint)currency;

    private int CurrencyOrdinal(Currency currency, bool add)
    {
        if (_currencyOrdinals.TryGetValue(currency, out var ordinal))
        {
            return ordinal;
        }

        if (!add)
        {
            return -1;
        }

        ordinal = _currencyOrdinals.Count;
        _currencyOrdinals.Add(currency, ordinal);
        return ordinal;
    }

    /// <summary>Letters and digits of <paramref name="value"/>, upper-cased, written to <paramref name="buffer"/> (as many as fit).</summary>
    private static ReadOnlySpan<char> Compact(string value, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c) && length < buffer.Length)
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return buffer[..length];
    }

    /// <summary>An amount as a whole number of 10^-6 units (fewer for currencies with fewer minor units); amounts beyond
    /// ±9·10^12 share one key. A key only narrows the search: callers compare the amounts themselves.</summary>
    private static long Units(Money amount)
    {
        var value = amount.Amount;
        if (value is > 9_000_000_000_000m or < -9_000_000_000_000m)
        {
            return long.MaxValue;
        }

        var scale = Math.Min(amount.Currency.MinorUnits ?? 6, 6);
        return (long)decimal.Truncate(value * Pow10[scale]);
    }

    private static readonly decimal[] Pow10 = [1m, 10m, 100m, 1_000m, 10_000m, 100_000m, 1_000_000m];

    private readonly record struct AmountKey(long Owner, long Units);

    /// <summary>A multimap from key to node ids, as a dictionary of chain heads and one "next" array.</summary>
    private sealed class Chains<TKey>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, int> _heads;
        private readonly int[] _next;

        internal Chains(int nodes, int keys)
        {
            _heads = new Dictionary<TKey, int>(keys);
            _next = new int[nodes];
        }

        internal void Add(TKey key, int node)
        {
            ref var head = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_heads, key, out var exists);
            _next[node] = exists ? head : -1;
            head = node;
        }

        internal ChainEnumerable Find(TKey key, int nodesPerItem)
            => new(_heads.TryGetValue(key, out var head) ? head : -1, _next, nodesPerItem);
    }

    /// <summary>The item positions of one chain (newest first; callers sort what they keep); <c>default</c> is empty.</summary>
    internal readonly struct ChainEnumerable(int head, int[]? next, int nodesPerItem)
    {
        public Enumerator GetEnumerator() => new(next is null ? -1 : head, next ?? [], Math.Max(1, nodesPerItem));

        internal struct Enumerator(int head, int[] next, int nodesPerItem)
        {
            private int _node = -2;

            public readonly int Current => _node / nodesPerItem;

            public bool MoveNext()
            {
                _node = _node == -2 ? head : next[_node];
                return _node >= 0;
            }
        }
    }
}
