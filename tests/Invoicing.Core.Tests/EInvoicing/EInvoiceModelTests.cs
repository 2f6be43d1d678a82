using Invoicing.Core.EInvoicing;
using NodaTime;

namespace Invoicing.Core.Tests.EInvoicing;

public sealed class EInvoiceModelTests
{
    private static EInvoice Sample(decimal lineNet) => new()
    {
        Number = "INV-1",
        IssueDate = new LocalDate(2026, 11, 23),
        Seller = new Seller { Name = "ACME", Identifiers = [new SchemeIdentifier("123", "0088")] },
        Lines =
        [
            new EInvoiceLine { Identifier = "1", NetAmount = lineNet, Item = new ItemInformation { Name = "Tea", Attributes = [new ItemProperty { Name = "Colour", Value = "green" }] } },
        ],
    };

    [Fact]
    public void Equals_TwoDocumentsWithTheSameTerms_AreEqualListByList()
    {
        Assert.Equal(Sample(10.00m), Sample(10.0m)); // 10.00 and 10.0 are the same amount
        Assert.Equal(Sample(10m).GetHashCode(), Sample(10m).GetHashCode());
        Assert.NotEqual(Sample(10m), Sample(10.01m));
        Assert.NotEqual(Sample(10m), Sample(10m) with { Lines = [] });
    }

    [Fact]
    public void Lists_AreCopiedAndRefuseNullElements()
    {
        var identifiers = new List<SchemeIdentifier> { new("1") };
        var seller = new Seller { Identifiers = identifiers };
        identifiers.Add(new SchemeIdentifier("2"));

        Assert.Single(seller.Identifiers);
        Assert.Empty(new EInvoice().Lines);
        var refused = Assert.Throws<ArgumentException>(() => new EInvoice { Lines = [new EInvoiceLine(), null!] });
        Assert.Contains("Element 1", refused.Message, StringComparison.Ordinal);
    }
}
