using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Tests.Parties;

public sealed class PartyTests
{
    private static readonly PostalAddress Berlin = new(CountryCode.De) { Street = "  Hauptstraße 1 ", City = "Berlin", PostCode = "10115" };

    [Fact]
    public void PostalAddress_TrimsTextAndNeedsACountry()
    {
        Assert.Equal("Hauptstraße 1", Berlin.Street);
        Assert.Null((Berlin with { City = "   " }).City);
        var exception = Assert.Throws<ArgumentException>(() => new PostalAddress(default));
        Assert.Contains("country", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Berlin with { Street = new string('x', 301) });
    }

    [Theory]
    [InlineData("de 123 456 789", "DE123456789", "DE")]
    [InlineData("NL123456789B01", "NL123456789B01", "NL")]
    [InlineData("EL-123.456.789", "EL123456789", "EL")]
    public void VatIdentifier_NormalisesAndKeepsThePrefix(string text, string value, string prefix)
    {
        var id = VatIdentifier.From(text);

        Assert.Equal(value, id.Value);
        Assert.Equal(prefix, id.Prefix);
        Assert.Equal(id, VatIdentifier.From(value));
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("DE")]
    [InlineData("DE1")]
    [InlineData("DE12345678901234")]
    [InlineData("DE12345#")]
    [InlineData("")]
    public void VatIdentifier_BadShape_ThrowsQuotingTheText(string text)
    {
        var exception = Assert.Throws<ArgumentException>(() => VatIdentifier.From(text));

        Assert.Contains($"'{text}'", exception.Message, StringComparison.Ordinal);
        Assert.False(VatIdentifier.TryFrom(text, out _));
    }

    [Theory]
    [InlineData("ap@example.com", true)]
    [InlineData("a.b+c@sub.example.org", true)]
    [InlineData("no-at.example.com", false)]
    [InlineData("@example.com", false)]
    [InlineData("a@", false)]
    [InlineData("a@b@c", false)]
    [InlineData("a b@c.d", false)]
    public void Contact_Email_MustLookLikeAnAddress(string email, bool valid)
    {
        if (valid)
        {
            Assert.Equal(email, new Contact { Email = email }.Email);
        }
        else
        {
            var exception = Assert.Throws<ArgumentException>(() => new Contact { Email = email });
            Assert.Contains(email, exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Party_EqualityComparesRegistrationsByValue()
    {
        var a = new Party("ACME GmbH", Berlin) { TaxRegistrations = [new PartyIdentifier("12/345/67890", "FC")] };
        var b = new Party("ACME GmbH", Berlin with { }) { TaxRegistrations = [new PartyIdentifier("12/345/67890", "FC")] };

        Assert.Equal(a, b);
        Assert.NotEqual(a, b with { TaxRegistrations = [] });
        Assert.Throws<ArgumentException>(() => new Party(" ", Berlin));
        Assert.Throws<ArgumentNullException>(() => a with { Address = null! });
    }

    [Fact]
    public void CustomerAccount_WithUpdates_ValidateEachField()
    {
        var account = new CustomerAccount(TenantId.From("acme"), CustomerId.From("C-1"), new Party("Buyer", Berlin), Currency.Eur);

        var updated = account with
        {
            PreferredLanguage = "fr-CH",
            CreditLimit = Money.Of(5000m, Currency.Eur),
            DeliveryPreferences = [new DeliveryPreference(DeliveryChannelKind.Peppol, "0088:4012345000009"), new DeliveryPreference(DeliveryChannelKind.Post)],
            BillingContacts = [new Contact { Name = "Accounts payable", Email = "ap@buyer.example" }],
        };

        Assert.Equal("fr-CH", updated.PreferredLanguage);
        Assert.Equal(PaymentTerms.Net(30), updated.PaymentTerms);
        Assert.NotEqual(account, updated);
        Assert.Equal(updated, updated with { BillingContacts = [new Contact { Name = "Accounts payable", Email = "ap@buyer.example" }] });
        Assert.Throws<ArgumentException>(() => account with { PreferredLanguage = "not a language" });
        Assert.Throws<ArgumentOutOfRangeException>(() => account with { CreditLimit = Money.Of(-1m, Currency.Eur) });
        Assert.Throws<ArgumentOutOfRangeException>(() => account with { Version = -1 });
        Assert.Throws<ArgumentException>(() => new CustomerAccount(default, CustomerId.From("C-1"), new Party("Buyer", Berlin), Currency.Eur));
        Assert.Throws<ArgumentException>(() => new DeliveryPreference(DeliveryChannelKind.Email));
    }

    [Fact]
    public void TaxExemption_IsValidWithinItsDates()
    {
        var exemption = new TaxExemption("RS-42", "US-NY", null, "Resale certificate", new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));

        Assert.True(exemption.IsValidOn(new LocalDate(2026, 6, 1)));
        Assert.False(exemption.IsValidOn(new LocalDate(2027, 1, 1)));
        Assert.Throws<ArgumentException>(() => new TaxExemption("RS-42", "US-NY", null, null));
        Assert.Throws<ArgumentException>(() => new TaxExemption("RS-42", "US-NY", "X", null, new LocalDate(2026, 2, 1), new LocalDate(2026, 1, 1)));
    }
}
