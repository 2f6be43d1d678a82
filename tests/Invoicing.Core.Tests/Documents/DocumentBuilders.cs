using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Core.Tests.Documents;

/// <summary>Builders for documents in tests: a seller, a business and a consumer buyer, lines, and a service on a fake clock.</summary>
internal static class DocumentBuilders
{
    internal static readonly TenantId Tenant = TenantId.From("acme");

    /// <summary>Monday 2026-11-23, 10:00 UTC.</summary>
    internal static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 10, 0);

    internal static readonly Party Seller = new("ACME Retail GmbH", new PostalAddress(CountryCode.De) { Street = "Hauptstraße 1", City = "Berlin", PostCode = "10115" })
    {
        VatId = VatIdentifier.From("DE123456789"),
    };

    internal static readonly Party Buyer = new("Buyer BV", new PostalAddress(CountryCode.Nl) { City = "Amsterdam" })
    {
        VatId = VatIdentifier.From("NL123456789B01"),
    };

    internal static InvoiceHeader BusinessHeader(Currency? currency = null) => new(currency ?? Currency.Eur, Seller)
    {
        Buyer = Buyer,
        CustomerId = CustomerId.From("C-1"),
        PaymentTerms = PaymentTerms.Net(30),
    };

    internal static InvoiceHeader ConsumerHeader() => new(Currency.Eur, Seller)
    {
        CustomerKind = CustomerKind.Consumer,
        Pricing = PricingMode.Gross,
    };

    internal static InvoiceLine Line(string id, decimal quantity, decimal price, decimal rate = 19m, Currency? currency = null)
        => new(InvoiceLineId.From(id), new Item($"Item {id}"), Quantity.Of(quantity), Money.Of(price, currency ?? Currency.Eur), TaxTreatment.Standard(rate));

    internal static (InvoiceService Service, FakeClock Clock, InMemoryInvoiceNumberSequence Numbers) Service(InvoicingPolicy? policy = null, IBusinessCalendar? calendar = null)
    {
        var clock = new FakeClock(Now);
        var numbers = new InMemoryInvoiceNumberSequence();
        return (new InvoiceService(clock, numbers, policy, calendar: calendar), clock, numbers);
    }

    internal static LocalDate Date(int year, int month, int day) => new(year, month, day);
}
