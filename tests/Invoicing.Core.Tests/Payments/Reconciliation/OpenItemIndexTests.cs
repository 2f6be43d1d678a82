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
    [InlineData(1)]
    [InlineData(4_000)] // 24,000 items: the parallel build
    public void CustomersPaying_FindsEveryCustomerOfAnAccount(int rounds)
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

        var index = new OpenItemIndex([.. items]);

        Assert.Equal([A, B], index.CustomersPaying("DE011").Select(index.Customer));
        Assert.Equal([A, C], index.CustomersPaying("de 02 2").Select(index.Customer));
        Assert.Equal([C], index.CustomersPaying("DE033").Select(index.Customer));
        Assert.Empty(index.CustomersPaying("DE04 4"));
    }
}
