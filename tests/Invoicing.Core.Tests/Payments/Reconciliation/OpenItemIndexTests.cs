using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments.Reconciliation;

namespace Invoicing.Core.Tests.Payments.Reconciliation;

/// <summary>
/// The payer index: every customer who pays from an account, however the items interleave, whichever account a customer's
/// items carry in turn, and whether the index is built on one thread or in two halves (from 20,000 items on).
/// </summary>
public sealed class OpenItemIndexTests
{
    private static readonly CustomerId A = CustomerId.From("C-A");
    private static readonly CustomerId B = CustomerId.From("C-B");
    private static readonly CustomerId C = CustomerId.From("C-C");

    [Theory]
    [InlineData(1, false)]
    [InlineData(4_000, false)] // 24,000 items: the parallel build
    [InlineData(1, true)]
    [InlineData(4_000, true)]
    public void CustomersPaying_FindsEveryCustomerOfAnAccount(int rounds, bool idsCollide)
    {
        // A pays from one and two in turn, B from one, C from two and from a third written with spaces and lower case.
        (CustomerId Customer, string Account)[] pattern = [(A, "DE01 1"), (B, "DE01 1"), (A, "DE02 2"), (A, "DE01 1"), (C, "DE02 2"), (C, "de03 3")];
        var items = new List<OpenItem>();
        for (var r = 0; r < rounds; r++)
        {
            foreach (var (customer, account) in pattern)
            {
                items.Add(new OpenItem($"INV-{items.Count + 1}", customer, Money.Of(10m, Currency.Eur)) { PayerAccounts = [account] });
            }
        }

        using var index = idsCollide ? new OpenItemIndex([.. items], static _ => 42L) : new OpenItemIndex([.. items]);

        Assert.Equal([A, B], index.CustomersPaying("DE011").Select(index.Customer));
        Assert.Equal([A, C], index.CustomersPaying("de 02 2").Select(index.Customer));
        Assert.Equal([C], index.CustomersPaying("DE033").Select(index.Customer));
        Assert.Empty(index.CustomersPaying("DE04 4"));
    }

    [Fact]
    public void CustomersPaying_IdsCollide_AnAccountIndexedForOneCustomerIsStillIndexedForTheOther()
    {
        // A and B share a hash, so the walk meets them in one group: A's second account must not be taken for B's.
        OpenItem Item(int n, CustomerId customer, string account) => new($"INV-{n}", customer, Money.Of(10m, Currency.Eur)) { PayerAccounts = [account] };
        OpenItem[] items = [Item(1, A, "X1"), Item(2, B, "Y1"), Item(3, A, "Y1"), Item(4, B, "X1")];

        using var index = new OpenItemIndex(items, static _ => 42L);

        Assert.Equal([A, B], index.CustomersPaying("X1").Select(index.Customer));
        Assert.Equal([A, B], index.CustomersPaying("Y1").Select(index.Customer));
    }

    public static TheoryData<string, int> CustomerHashes => new()
    {
        { "real", 2_000 },
        { "all collide", 2_000 }, // every customer id has the same hash: one group, numbered by comparing ids
        { "last digit", 2_000 },
        { "real", 24_000 }, // the parallel build
        { "last digit", 24_000 },
    };

    [Theory]
    [MemberData(nameof(CustomerHashes))]
    public void Customers_UnderAnyHash_EachItemHasItsOwnCustomer(string hash, int count)
    {
        var items = SyntheticBank.Generate(seed: 3, count, count / 10).Items.ToArray();
        using var index = hash switch
        {
            "all collide" => new OpenItemIndex(items, static _ => 42L),
            "last digit" => new OpenItemIndex(items, static id => id[^1]),
            _ => new OpenItemIndex(items), // the library's own hash
        };

        Assert.Equal(items.Select(i => i.CustomerId).Distinct().Count(), index.CustomerCount);
        for (var i = 0; i < items.Length; i++)
        {
            Assert.Equal(items[i].CustomerId, index.Customer(index.CustomerOf(i)));
        }

        // Each customer's items, found by customer and currency, are exactly that customer's; each payer account finds its customers.
        foreach (var group in Enumerable.Range(0, items.Length).GroupBy(i => (items[i].CustomerId, items[i].Currency)))
        {
            var ordinal = index.CustomerOf(group.First());
            var found = new List<int>();
            foreach (var position in index.ByCustomer(ordinal, group.Key.Currency))
            {
                found.Add(position);
            }

            Assert.Equal(group.Order(), found.Order());
        }

        foreach (var account in items.SelectMany(i => i.PayerAccounts).Distinct().Take(300))
        {
            var expected = items.Where(i => i.PayerAccounts.Contains(account)).Select(i => i.CustomerId).Distinct().Order();
            Assert.Equal(expected, index.CustomersPaying(account).Select(index.Customer));
        }
    }
}
