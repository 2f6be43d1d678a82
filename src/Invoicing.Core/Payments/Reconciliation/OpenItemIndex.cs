using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// The hash indexes one reconciliation run looks open items up by: creditor reference, document number
/// keys, payer account, customer and amount (open and discounted), and amount alone. Each index maps a
/// key to the head of a chain of item positions (an int array per index), so a million items cost a few
/// dictionaries and arrays, not a list per key.
/// </summary>
internal sealed class OpenItemIndex
{
    private readonly Chains<string> _byReference;
    private readonly Chains<string> _byNumber;
    private readonly Dictionary<string, int[]> _customersByPayer;
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
        _byReference = new Chains<string>(n, StringComparer.Ordinal);
        _byNumber = new Chains<string>(n, StringComparer.Ordinal);
        _byCustomer = new Chains<long>(n, null);
        _byCustomerAmount = new Chains<AmountKey>(2 * n, null, n);
        _byAmount = new Chains<AmountKey>(n, null);
        _customerOrdinals = new Dictionary<CustomerId, int>(n);
        _currencyOrdinals = [];
        _customersByPayer = new Dictionary<string, int[]>(StringComparer.Ordinal);
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
        for (var i = 0; i < Items.Length; i++)
        {
            var item = Items[i];
            if (NormalizeReference(item.CreditorReference) is { } reference)
            {
                _byReference.Add(reference, i);
            }

            if (DocumentNumberKeys.CoarseOf(item.DocumentNumber) is { } coarse)
            {
                _byNumber.Add(coarse, i);
            }

            _byAmount.Add(new AmountKey(_currencyOrdinals[item.Currency], Units(item.OpenAmount)), i);
        }
    }

    /// <summary>Indexes customers, payer accounts and amounts per customer; returns the customers by ordinal.</summary>
    private CustomerId[] IndexOwners()
    {
        var customers = new List<CustomerId>();
        var payerLookup = _customersByPayer.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[128];
        for (var i = 0; i < Items.Length; i++)
        {
            var item = Items[i];
            ref var customer = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_customerOrdinals, item.CustomerId, out var knownCustomer);
            if (!knownCustomer)
            {
                customer = customers.Count;
                customers.Add(item.CustomerId);
            }

            var owner = Owner(customer, _currencyOrdinals[item.Currency]);
            _byCustomer.Add(owner, i);
            _byCustomerAmount.Add(new AmountKey(owner, Units(item.OpenAmount)), 2 * i);
            if (item.Discount is { } discount)
            {
                _byCustomerAmount.Add(new AmountKey(owner, Units(item.OpenAmount - discount.On(item.OpenAmount))), (2 * i) + 1);
            }

            foreach (var account in item.PayerAccounts)
            {
                var key = account.Length <= buffer.Length ? Compact(account, buffer) : Compact(account, new char[account.Length]);
                if (key.IsEmpty)
                {
                    continue;
                }

                if (!payerLookup.TryGetValue(key, out var paying))
                {
                    payerLookup[key] = [customer];
                }
                else if (Array.IndexOf(paying, customer) < 0)
                {
                    payerLookup[key] = [.. paying, customer];
                }
            }
        }

        return [.. customers];
    }

    private const long CurrencyMask = 0xFFFF;

    internal OpenItem[] Items { get; }

    /// <summary>The comparison form of a creditor reference: the electronic form of a recognised scheme,
    /// else its letters and digits upper-cased; null when nothing is left.</summary>
    internal static string? NormalizeReference(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        if (Payments.CreditorReference.TryParseAny(reference, out var parsed))
        {
            return parsed.Value;
        }

        var key = Compact(reference, reference.Length <= 256 ? stackalloc char[reference.Length] : new char[reference.Length]);
        return key.IsEmpty ? null : new string(key);
    }

    internal ChainEnumerable ByReference(string normalizedReference) => _byReference.Find(normalizedReference, 1);

    /// <summary>The items whose coarse number key (<see cref="DocumentNumberKeys.CoarseOf"/>) is <paramref name="coarse"/>.</summary>
    internal ChainEnumerable ByNumber(string coarse) => _byNumber.Find(coarse, 1);

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

        return customers.Length == 1 ? customers : [.. customers.OrderBy(c => _customers[c])];
    }

    /// <summary>The customer of an ordinal.</summary>
    internal CustomerId Customer(int ordinal) => _customers[ordinal];

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

    /// <summary>Letters and digits of <paramref name="value"/>, upper-cased, written to <paramref name="buffer"/>.</summary>
    private static ReadOnlySpan<char> Compact(string value, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
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

        internal Chains(int capacity, IEqualityComparer<TKey>? comparer, int? keys = null)
        {
            // Sized for one key per node up front: a million items then cost no rehashing.
            _heads = new Dictionary<TKey, int>(keys ?? capacity, comparer);
            _next = new int[capacity];
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
        internal bool IsEmpty => next is null || head < 0;

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
