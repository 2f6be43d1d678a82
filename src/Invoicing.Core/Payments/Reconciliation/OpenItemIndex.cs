using System.Buffers;
using System.Runtime.InteropServices;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// The indexes one reconciliation run looks open items up by: creditor reference, document number keys, payer
/// account, customer and amount (open and discounted), and amount alone. Each but the payer accounts is a
/// <see cref="KeyTable"/> of 64-bit keys to item positions (sorted arrays and a directory per index, not a list per
/// key), built from pairs collected in item order. Creditor references, document numbers and amounts are keyed by a
/// 64-bit hash (no string per item); every hit is confirmed against the item itself, so a hash collision can cost a
/// comparison but never a wrong match. A customer in a currency is keyed exactly. The arrays are pooled: dispose the
/// index when the run is over.
/// </summary>
internal sealed class OpenItemIndex : IDisposable
{
    private readonly Dictionary<string, PayingCustomers> _customersByPayer;
    private readonly Dictionary<Currency, int> _currencyOrdinals;
    private int[] _itemCustomers; // per item: its customer's ordinal (pooled)
    private readonly KeyTable _byReference;
    private readonly KeyTable _bySegmented;
    private readonly KeyTable _byCompact;
    private readonly KeyTable _byAmount;
    private readonly KeyTable _byCustomer;
    private readonly KeyTable _byCustomerAmount;
    private readonly CustomerId[] _customers;

    internal OpenItemIndex(OpenItem[] items)
        : this(items, static id => Hash(id))
    {
    }

    /// <summary>Builds the index with another hash of customer ids: tests use one under which customers collide.</summary>
    internal OpenItemIndex(OpenItem[] items, Func<string, long> customerHash)
    {
        Items = items;
        var n = items.Length;
        _currencyOrdinals = []; // numbered by the names half, the only one that reads it while building

        // Two independent halves over the items, in parallel for many items: names (and each item's amount keys) on this
        // thread, customers and payer accounts on another. Each writes its own tables and its own per-item slots in item
        // order, so the result does not depend on the schedule.
        var amounts = new ItemAmounts(n);
        _itemCustomers = ArrayPool<int>.Shared.Rent(n);
        var owners = n < ParallelFrom ? null : Task.Run(() => IndexCustomers(customerHash));
        (_byReference, _bySegmented, _byCompact, _byAmount) = IndexNames(amounts);
        (_customers, _customersByPayer) = owners is null ? IndexCustomers(customerHash) : owners.GetAwaiter().GetResult();

        // Then the tables keyed by customer, from the per-item slots both halves filled (arrays read in order).
        var byCustomerAmount = n < ParallelFrom ? null : Task.Run(() => IndexCustomerAmounts(amounts));
        _byCustomer = IndexCustomerItems(amounts);
        _byCustomerAmount = byCustomerAmount is null ? IndexCustomerAmounts(amounts) : byCustomerAmount.GetAwaiter().GetResult();
        amounts.Return();
    }

    /// <summary>Gives the index's pooled arrays back; the index must not be used after.</summary>
    public void Dispose()
    {
        foreach (var table in (ReadOnlySpan<KeyTable>)[_byReference, _bySegmented, _byCompact, _byAmount, _byCustomer, _byCustomerAmount])
        {
            table.Release();
        }

        if (_itemCustomers.Length > 0)
        {
            ArrayPool<int>.Shared.Return(_itemCustomers);
            _itemCustomers = [];
        }
    }

    private const int ParallelFrom = 20_000;

    internal OpenItem[] Items { get; }

    /// <summary>Indexes creditor references, document numbers and amounts alone, and keeps each item's currency and amount keys.</summary>
    private (KeyTable Reference, KeyTable Segmented, KeyTable Compact, KeyTable Amount) IndexNames(ItemAmounts amounts)
    {
        var n = Items.Length;
        var byReference = new KeyTable.Builder(n);
        var bySegmented = new KeyTable.Builder(n);
        var byCompact = new KeyTable.Builder(n);
        var byAmount = new KeyTable.Builder(n);
        Span<char> reference = stackalloc char[MaxReference];
        Span<char> segmented = stackalloc char[2 * MaxNumber];
        Span<char> compact = stackalloc char[MaxNumber];
        var currency = default(Currency?);
        var currencyOrdinal = 0;
        for (var i = 0; i < n; i++)
        {
            var item = Items[i];
            if (item.CreditorReference is { } text && Compact(text, reference) is { IsEmpty: false } key)
            {
                byReference.Add(Hash(key), i);
            }

            var (s, c) = DocumentNumberKeys.Write(item.DocumentNumber, segmented, compact);
            if (s > 0)
            {
                bySegmented.Add(Hash(segmented[..s]), i);
                if (!compact[..c].SequenceEqual(segmented[..s]))
                {
                    byCompact.Add(Hash(compact[..c]), i);
                }
            }

            if (item.Currency != currency)
            {
                currency = item.Currency;
                currencyOrdinal = CurrencyOrdinal(item.Currency, add: true);
            }

            var open = Units(item.OpenAmount);
            amounts.Currencies[i] = currencyOrdinal;
            amounts.Open[i] = open;
            amounts.Discounted[i] = item.Discount is { } discount ? Units(item.OpenAmount - discount.On(item.OpenAmount)) : open;
            byAmount.Add(AmountKey(currencyOrdinal, open), i);
        }

        return (byReference.Build(), bySegmented.Build(), byCompact.Build(), byAmount.Build());
    }

    /// <summary>
    /// Numbers the customers, notes each item's customer, and indexes the payer accounts. The items are grouped by a hash of
    /// their customer id (a <see cref="KeyTable"/>, built in order), then each group is numbered and each item confirmed
    /// against its group's first id: one pass in item order and one in group order, where a dictionary of customers would
    /// cost a lookup at a random place per item (most of this index's time with a million items of 200,000 customers).
    /// Ordinals follow the hash order: deterministic, and used only within the run.
    /// </summary>
    private (CustomerId[] Customers, Dictionary<string, PayingCustomers> Payers) IndexCustomers(Func<string, long> customerHash)
    {
        var n = Items.Length;
        var ids = ArrayPool<CustomerId>.Shared.Rent(n);
        var singleAccounts = ArrayPool<string?>.Shared.Rent(n); // an item's account when it has exactly one; the few with several are listed apart
        var severalAccounts = new List<int>();
        var byId = new KeyTable.Builder(n);
        var previous = default(string);
        var hash = 0L;
        for (var i = 0; i < n; i++)
        {
            var item = Items[i];
            var id = item.CustomerId;
            if (!ReferenceEquals(id.Value, previous))
            {
                previous = id.Value;
                hash = customerHash(previous);
            }

            ids[i] = id;
            byId.Add(hash, i);
            var accounts = item.PayerAccounts;
            singleAccounts[i] = accounts.Count == 1 ? accounts[0] : null; // a pooled array: every slot is written
            if (accounts.Count > 1)
            {
                severalAccounts.Add(i);
            }
        }

        var groups = byId.Build();
        var keys = groups.Keys;
        var positions = groups.Positions;
        var customers = new List<CustomerId>();
        var collided = new List<int>(); // the ordinals of a group whose ids share a hash (almost never more than one)
        var payers = new Dictionary<string, PayingCustomers>(StringComparer.Ordinal);
        Span<char> buffer = stackalloc char[128];
        var customer = -1;
        string? last = null, beforeLast = null; // the customer's two accounts indexed last: its many items look each up once
        for (var k = 0; k < keys.Length; k++)
        {
            var i = positions[k];
            var id = ids[i];
            if (k == 0 || keys[k] != keys[k - 1])
            {
                collided.Clear();
                customer = NewCustomer(id);
            }
            else if (id != customers[customer])
            {
                // Another customer whose id has the same hash: the memo of accounts was the previous customer's.
                (last, beforeLast) = (null, null);
                customer = Collided(id) is var known and >= 0 ? known : NewCustomer(id);
            }

            _itemCustomers[i] = customer;
            if (singleAccounts[i] is { } account && !ReferenceEquals(account, last) && !ReferenceEquals(account, beforeLast)
                && account != last && account != beforeLast)
            {
                IndexPayer(account, customer, buffer, payers);
                (last, beforeLast) = (account, last);
            }
        }

        foreach (var i in severalAccounts)
        {
            foreach (var account in Items[i].PayerAccounts)
            {
                IndexPayer(account, _itemCustomers[i], buffer, payers);
            }
        }

        groups.Release();
        ArrayPool<CustomerId>.Shared.Return(ids, clearArray: true);
        ArrayPool<string?>.Shared.Return(singleAccounts, clearArray: true);
        return ([.. customers], payers);

        int Collided(CustomerId id)
        {
            foreach (var c in collided)
            {
                if (customers[c] == id)
                {
                    return c;
                }
            }

            return -1;
        }

        int NewCustomer(CustomerId id)
        {
            customers.Add(id);
            collided.Add(customers.Count - 1);
            (last, beforeLast) = (null, null);
            return customers.Count - 1;
        }
    }

    /// <summary>Adds a customer (by ordinal) to the customers paying from an account, once. An account already in its
    /// comparison form (an IBAN as banks write it) is its own key: no string per account.</summary>
    private static void IndexPayer(string account, int customer, Span<char> buffer, Dictionary<string, PayingCustomers> payers)
    {
        var key = account.Length <= buffer.Length ? Compact(account, buffer) : Compact(account, new char[account.Length]);
        if (key.IsEmpty)
        {
            return;
        }

        bool exists;
        ref var paying = ref key.SequenceEqual(account)
            ? ref CollectionsMarshal.GetValueRefOrAddDefault(payers, account, out exists)
            : ref CollectionsMarshal.GetValueRefOrAddDefault(payers.GetAlternateLookup<ReadOnlySpan<char>>(), key, out exists);
        if (!exists)
        {
            paying = new PayingCustomers(customer, null);
        }
        else if (paying.First != customer && (paying.Others is not { } others || Array.IndexOf(others, customer) < 0))
        {
            paying = paying with { Others = [.. paying.Others ?? [], customer] };
        }
    }

    /// <summary>The customers (by ordinal) paying from one account: the first without an array, the others (rare) in one.</summary>
    private readonly record struct PayingCustomers(int First, int[]? Others);

    /// <summary>Indexes the items by customer and currency.</summary>
    private KeyTable IndexCustomerItems(ItemAmounts amounts)
    {
        var table = new KeyTable.Builder(Items.Length);
        for (var i = 0; i < Items.Length; i++)
        {
            table.Add(KeyTable.Mix(Owner(_itemCustomers[i], amounts.Currencies[i])), i);
        }

        return table.Build();
    }

    /// <summary>Indexes the items by customer, currency and open amount, and by the discounted amount for those offering a discount.</summary>
    private KeyTable IndexCustomerAmounts(ItemAmounts amounts)
    {
        var table = new KeyTable.Builder(Items.Length + (Items.Length / 4));
        for (var i = 0; i < Items.Length; i++)
        {
            var owner = Owner(_itemCustomers[i], amounts.Currencies[i]);
            table.Add(AmountKey(owner, amounts.Open[i]), i);
            if (amounts.Discounted[i] != amounts.Open[i])
            {
                table.Add(AmountKey(owner, amounts.Discounted[i]), i);
            }
        }

        return table.Build();
    }

    /// <summary>Per item, what the customer tables key on besides the customer: the currency ordinal and the amount keys
    /// (<see cref="Units"/>) of the open and the discounted amount (the open one again when there is no discount).</summary>
    private sealed class ItemAmounts(int count)
    {
        internal int[] Currencies { get; } = ArrayPool<int>.Shared.Rent(count);

        internal long[] Open { get; } = ArrayPool<long>.Shared.Rent(count);

        internal long[] Discounted { get; } = ArrayPool<long>.Shared.Rent(count);

        internal void Return()
        {
            ArrayPool<int>.Shared.Return(Currencies);
            ArrayPool<long>.Shared.Return(Open);
            ArrayPool<long>.Shared.Return(Discounted);
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
        foreach (var i in _byReference.Find(Hash(key)))
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
        foreach (var i in (compactKey ? _byCompact : _bySegmented).Find(Hash(key)))
        {
            var (s, c) = DocumentNumberKeys.Write(Items[i].DocumentNumber, segmented, compact);
            if ((compactKey ? compact[..c] : segmented[..s]).SequenceEqual(key))
            {
                into.Add(i);
            }
        }
    }

    /// <summary>The items of a customer (by ordinal) in a currency.</summary>
    internal KeyTable.Matches ByCustomer(int customer, Currency currency)
        => CurrencyOrdinal(currency, add: false) is var c and >= 0 ? _byCustomer.Find(KeyTable.Mix(Owner(customer, c))) : default;

    /// <summary>Adds to <paramref name="into"/> the items of a customer (by ordinal) in the currency of <paramref name="amount"/> whose
    /// open amount, or discounted amount, may be <paramref name="amount"/> (compare to be sure), each once.</summary>
    internal void AddByCustomerAmount(int customer, Money amount, List<int> into)
    {
        if (CurrencyOrdinal(amount.Currency, add: false) is var c and >= 0)
        {
            foreach (var i in _byCustomerAmount.Find(AmountKey(Owner(customer, c), Units(amount))))
            {
                // The key is a hash of customer, currency and amount: confirm the customer and currency, and list an item once.
                if (_itemCustomers[i] == customer && Items[i].Currency == amount.Currency && !into.Contains(i))
                {
                    into.Add(i);
                }
            }
        }
    }

    /// <summary>The items whose open amount may be <paramref name="amount"/> (compare to be sure).</summary>
    internal KeyTable.Matches ByAmount(Money amount)
        => CurrencyOrdinal(amount.Currency, add: false) is var c and >= 0 ? _byAmount.Find(AmountKey(c, Units(amount))) : default;

    /// <summary>The ordinals of the customers known to pay from an account, ordered by customer id.</summary>
    internal int[] CustomersPaying(string? payerAccount)
    {
        if (string.IsNullOrWhiteSpace(payerAccount))
        {
            return [];
        }

        var key = Compact(payerAccount, payerAccount.Length <= 256 ? stackalloc char[payerAccount.Length] : new char[payerAccount.Length]);
        if (!_customersByPayer.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var paying))
        {
            return [];
        }

        return paying.Others is not { } others ? [paying.First] : [.. others.Prepend(paying.First).OrderBy(c => _customers[c])];
    }

    /// <summary>The customer of an ordinal.</summary>
    internal CustomerId Customer(int ordinal) => _customers[ordinal];

    /// <summary>How many customers the items have.</summary>
    internal int CustomerCount => _customers.Length;

    /// <summary>The ordinal of the customer of the item at <paramref name="position"/>.</summary>
    internal int CustomerOf(int position) => _itemCustomers[position];

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

    /// <summary>The key of an amount of an owner (a currency, or a customer in a currency): a hash, so callers confirm what they find.</summary>
    private static long AmountKey(long owner, long units) => KeyTable.Mix(KeyTable.Mix(owner) + units);
}
