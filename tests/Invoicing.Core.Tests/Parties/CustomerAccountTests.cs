using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Parties;

public sealed class CustomerAccountTests
{
    [Fact]
    public void Equals_EqualPaymentTermsInDifferentInstances_AreEqual()
    {
        var first = new CustomerAccount(Tenant, CustomerId.From("C-1"), Buyer, Currency.Eur) { PaymentTerms = PaymentTerms.Net(14).WithEarlyPaymentDiscount(2m, 7) };
        var second = new CustomerAccount(Tenant, CustomerId.From("C-1"), Buyer, Currency.Eur) { PaymentTerms = PaymentTerms.Net(14).WithEarlyPaymentDiscount(2m, 7) };

        Assert.Equal(first, second);
        Assert.NotEqual(first, second with { PaymentTerms = PaymentTerms.Net(15) });
    }
}
