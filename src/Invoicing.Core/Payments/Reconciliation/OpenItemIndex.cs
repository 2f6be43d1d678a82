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
    private readonly Dictionary<string, CustomerId[]> _customersByPayer;
    private readonly Chains<(CustomerId Customer, Currency Currency)> _byCustomer;
    private readonly Chains<(CustomerId Customer, Currency Currency, decimal Amount)> _byCustomerAmount;
    private readonly Chains<(Currency Currency, decimal Amount)> _byAmount;

    internal OpenItemIndex(OpenItem[] items)
    {
        Items = items;
        var n = items.Length;
        _byReference = new Chains<string>(n, StringComparer.Ordinal);
        _byNumber = new Chains<string>(2 * n, StringComparer.Ordinal);
        _byCustomer = new Chains<(CustomerId, Currency)>(n, null);
        _byCustomerAmount = new Chains<(CustomerId, Currency, decimal)>(2 * n, null);
        _byAmount = new Chains<(Currency, decimal)>(n, null);
        var payers = new Dictionary<string, CustomerId[]>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            if (NormalizeReference(item.CreditorReference) is { } reference)
            {
                _byReference.Add(reference, i);
            }

            var (segmented, compact) = DocumentNumberKeys.Of(item.DocumentNumber);
            if (segmented is not null)
            {
                _byNumber.Add(segmented, 2 * i);
            }

            if (compact is not null && compact != segmented)
            {
                _byNumber.Add(compact, (2 * i) + 1);
            }

            _byCustomer.Add((item.CustomerId, item.Currency), i);
            _byCustomerAmount.Add((item.CustomerId, item.Currency, item.OpenAmount.Amount), 2 * i);
            if (item.Discount is { } discount)
            {
                _byCustomerAmount.Add((item.CustomerId, item.Currency, (item.OpenAmount - discount.On(item.OpenAmount)).Amount), (2 * i) + 1);
            }

            _byAmount.Add((item.Currency, item.OpenAmount.Amount), i);
            foreach (var account in item.PayerAccounts)
            {
                if (NormalizeAccount(account) is not { } key)
                {
                    continue;
                }

                if (!payers.TryGetValue(key, out var customers))
                {
                    payers.Add(key, [item.CustomerId]);
                }
                else if (Array.IndexOf(customers, item.CustomerId) < 0)
                {
                    payers[key] = [.. customers, item.CustomerId];
                }
            }
        }

        _customersByPayer = payers;
    }

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

        var key = Compact(reference);
        return key.Length == 0 ? null : key;
    }

    /// <summary>The comparison form of an account: letters and digits upper-cased; null when nothing is left.</summary>
    internal static string? NormalizeAccount(string? account)
    {
        if (string.IsNullOrWhiteSpace(account))
        {
            return null;
        }

        var key = Compact(account);
        return key.Length == 0 ? null : key;
    }

    internal ChainEnumerable ByReference(string normalizedReference) => _byReference.Find(normalizedReference, 1);

    /// <summary>The items whose segmented or compact number key is <paramref name="key"/> (an item can appear once per key kind).</summary>
    internal ChainEnumerable ByNumber(string key) => _byNumber.Find(key, 2);

    internal ChainEnumerable ByCustomer(CustomerId customer, Currency currency) => _byCustomer.Find((customer, currency), 1);

    /// <summary>The items of a customer whose open amount, or discounted amount, is <paramref name="amount"/>.</summary>
    internal ChainEnumerable ByCustomerAmount(CustomerId customer, Money amount) => _byCustomerAmount.Find((customer, amount.Currency, amount.Amount), 2);

    internal ChainEnumerable ByAmount(Money amount) => _byAmount.Find((amount.Currency, amount.Amount), 1);

    internal IReadOnlyList<CustomerId> CustomersPaying(string? payerAccount)
        => NormalizeAccount(payerAccount) is { } key && _customersByPayer.TryGetValue(key, out var customers) ? customers : [];

    private static string Compact(string value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>A multimap from key to node ids, as a dictionary of chain heads and one "next" array.</summary>
    private sealed class Chains<TKey>
        where TKey : notnull
    {
        private readonly Dictionary<TKey, int> _heads;
        private readonly int[] _next;

        internal Chains(int capacity, IEqualityComparer<TKey>? comparer)
        {
            _heads = new Dictionary<TKey, int>(comparer);
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

    /// <summary>The item positions of one chain (newest first; callers sort what they keep).</summary>
    internal readonly struct ChainEnumerable(int head, int[] next, int nodesPerItem)
    {
        internal bool IsEmpty => head < 0;

        public Enumerator GetEnumerator() => new(head, next, nodesPerItem);

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
