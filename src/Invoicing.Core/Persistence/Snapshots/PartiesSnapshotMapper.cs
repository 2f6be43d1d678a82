using System.Text.Json;
using Invoicing.Core.Parties;
using static Invoicing.Core.Persistence.Snapshots.SnapshotReader;

namespace Invoicing.Core.Persistence.Snapshots;

/// <summary>
/// Turns Parties-area values into their snapshots and back. Rebuilding goes through the public
/// constructors and factories, so every domain rule applies; a refused value is a
/// <see cref="System.Text.Json.JsonException"/> naming its JSON path.
/// </summary>
internal static class PartiesSnapshotMapper
{
    internal static CustomerAccountSnapshot ToSnapshot(CustomerAccount account) => new()
    {
        Schema = CustomerAccountSchema,
        SchemaVersion = SchemaVersion,
        TenantId = account.TenantId,
        Id = account.Id,
        Version = account.Version,
        Kind = account.Kind,
        Party = ToSnapshot(account.Party),
        Currency = account.Currency,
        PaymentTerms = ToSnapshot(account.PaymentTerms),
        PreferredLanguage = account.PreferredLanguage,
        DeliveryPreferences = [.. account.DeliveryPreferences.Select(p => new DeliveryPreferenceSnapshot { Channel = p.Channel, Address = p.Address })],
        BillingContacts = [.. account.BillingContacts.Select(ToSnapshot)],
        TaxExemptions = [.. account.TaxExemptions.Select(ToSnapshot)],
        CreditLimit = account.CreditLimit,
    };

    internal static CustomerAccount ToCustomerAccount(CustomerAccountSnapshot snapshot)
    {
        var party = ToParty(snapshot.Party, "$.party");
        var terms = ToPaymentTerms(snapshot.PaymentTerms, "$.paymentTerms");
        var delivery = Map(snapshot.DeliveryPreferences, "$.deliveryPreferences", ToDeliveryPreference);
        var contacts = Map(snapshot.BillingContacts, "$.billingContacts", ToContact);
        var exemptions = Map(snapshot.TaxExemptions, "$.taxExemptions", ToTaxExemption);
        try
        {
            return new CustomerAccount(snapshot.TenantId, snapshot.Id, party, snapshot.Currency)
            {
                Version = snapshot.Version,
                Kind = snapshot.Kind,
                PaymentTerms = terms,
                PreferredLanguage = snapshot.PreferredLanguage,
                DeliveryPreferences = delivery,
                BillingContacts = contacts,
                TaxExemptions = exemptions,
                CreditLimit = snapshot.CreditLimit,
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid("$", e);
        }
    }

    internal static PartySnapshot ToSnapshot(Party party) => new()
    {
        Name = party.Name,
        TradingName = party.TradingName,
        Address = new PostalAddressSnapshot
        {
            Country = party.Address.Country,
            Street = party.Address.Street,
            AdditionalStreet = party.Address.AdditionalStreet,
            AddressLine3 = party.Address.AddressLine3,
            City = party.Address.City,
            PostCode = party.Address.PostCode,
            CountrySubdivision = party.Address.CountrySubdivision,
        },
        VatId = party.VatId.IsEmpty ? null : party.VatId,
        LegalRegistration = party.LegalRegistration is { } legal ? ToSnapshot(legal) : null,
        TaxRegistrations = [.. party.TaxRegistrations.Select(ToSnapshot)],
        ElectronicAddress = party.ElectronicAddress is { } address ? new ElectronicAddressSnapshot { SchemeId = address.SchemeId, Value = address.Value } : null,
        Contact = party.Contact is { } contact ? ToSnapshot(contact) : null,
    };

    internal static Party ToParty(PartySnapshot snapshot, string path)
    {
        var address = ToPostalAddress(snapshot.Address, path + ".address");
        var legal = snapshot.LegalRegistration is { } l ? ToPartyIdentifier(l, path + ".legalRegistration") : null;
        var registrations = Map(snapshot.TaxRegistrations, path + ".taxRegistrations", ToPartyIdentifier);
        var electronic = snapshot.ElectronicAddress is { } e ? ToElectronicAddress(e, path + ".electronicAddress") : null;
        var contact = snapshot.Contact is { } c ? ToContact(c, path + ".contact") : null;
        try
        {
            return new Party(snapshot.Name, address)
            {
                TradingName = snapshot.TradingName,
                VatId = snapshot.VatId ?? default,
                LegalRegistration = legal,
                TaxRegistrations = registrations,
                ElectronicAddress = electronic,
                Contact = contact,
            };
        }
        catch (Exception ex) when (IsDomainError(ex))
        {
            throw Invalid(path, ex);
        }
    }

    internal static PaymentTermsSnapshot ToSnapshot(PaymentTerms terms) => new()
    {
        Due = ToSnapshot(terms.Due),
        Discount = terms.Discount is { } d ? new EarlyPaymentDiscountSnapshot { Percent = d.Percent, WithinDays = d.WithinDays } : null,
        Instalments = [.. terms.Instalments.Select(i => new InstalmentTermSnapshot { Percent = i.Percent, Amount = i.Amount, Due = ToSnapshot(i.Due) })],
    };

    internal static PaymentTerms ToPaymentTerms(PaymentTermsSnapshot snapshot, string path)
    {
        var due = ToDueDateRule(snapshot.Due, path + ".due");
        var plan = Map(snapshot.Instalments, path + ".instalments", ToInstalmentTerm);
        PaymentTerms terms;
        try
        {
            terms = plan.Length == 0 ? PaymentTerms.DueBy(due) : PaymentTerms.InInstalments(plan);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path + ".instalments", e);
        }

        if (!terms.Due.Equals(due))
        {
            throw Invalid(path + ".due", $"is '{due}', but terms with instalments are due by the rule of the last instalment, '{terms.Due}'.");
        }

        if (snapshot.Discount is not { } discount)
        {
            return terms;
        }

        try
        {
            return terms.WithEarlyPaymentDiscount(discount.Percent, discount.WithinDays);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path + ".discount", e);
        }
    }

    private static DueDateRuleSnapshot ToSnapshot(DueDateRule rule) => rule.Kind switch
    {
        DueDateRule.RuleKind.DaysAfterIssue => new() { Kind = DueDateRuleKind.DaysAfterIssue, Days = rule.Value },
        DueDateRule.RuleKind.EndOfMonthPlus => new() { Kind = DueDateRuleKind.EndOfMonthPlus, Days = rule.Value },
        _ => new() { Kind = DueDateRuleKind.DayOfNextMonth, Day = rule.Value },
    };

    private static DueDateRule ToDueDateRule(DueDateRuleSnapshot snapshot, string path)
    {
        var (needed, value, unexpected) = snapshot.Kind == DueDateRuleKind.DayOfNextMonth
            ? ("day", snapshot.Day, snapshot.Days is null ? null : "days")
            : ("days", snapshot.Days, snapshot.Day is null ? null : "day");
        if (unexpected is not null)
        {
            throw Invalid($"{path}.{unexpected}", $"a rule of kind '{JsonNamingPolicy.CamelCase.ConvertName(snapshot.Kind.ToString())}' has '{needed}', not '{unexpected}'.");
        }

        if (value is not int number)
        {
            throw Invalid(path, $"'{needed}' is missing.");
        }

        try
        {
            return snapshot.Kind switch
            {
                DueDateRuleKind.DaysAfterIssue => DueDateRule.DaysAfterIssue(number),
                DueDateRuleKind.EndOfMonthPlus => DueDateRule.EndOfMonthPlus(number),
                _ => DueDateRule.DayOfNextMonth(number),
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid($"{path}.{needed}", e);
        }
    }

    private static InstalmentTerm ToInstalmentTerm(InstalmentTermSnapshot snapshot, string path)
    {
        var due = ToDueDateRule(snapshot.Due, path + ".due");
        try
        {
            return (snapshot.Percent, snapshot.Amount) switch
            {
                (decimal percent, null) => InstalmentTerm.OfPercent(percent, due),
                (null, { } amount) => InstalmentTerm.OfAmount(amount, due),
                (null, null) => InstalmentTerm.Remainder(due),
                _ => throw Invalid(path, "an instalment has a 'percent' or an 'amount' (or neither, for the remainder), not both."),
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static PostalAddress ToPostalAddress(PostalAddressSnapshot snapshot, string path)
    {
        try
        {
            return new PostalAddress(snapshot.Country)
            {
                Street = snapshot.Street,
                AdditionalStreet = snapshot.AdditionalStreet,
                AddressLine3 = snapshot.AddressLine3,
                City = snapshot.City,
                PostCode = snapshot.PostCode,
                CountrySubdivision = snapshot.CountrySubdivision,
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static PartyIdentifierSnapshot ToSnapshot(PartyIdentifier identifier) => new() { Value = identifier.Value, SchemeId = identifier.SchemeId };

    private static PartyIdentifier ToPartyIdentifier(PartyIdentifierSnapshot snapshot, string path)
    {
        try
        {
            return new PartyIdentifier(snapshot.Value, snapshot.SchemeId);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static ElectronicAddress ToElectronicAddress(ElectronicAddressSnapshot snapshot, string path)
    {
        try
        {
            return new ElectronicAddress(snapshot.SchemeId, snapshot.Value);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static ContactSnapshot ToSnapshot(Contact contact) => new() { Name = contact.Name, Phone = contact.Phone, Email = contact.Email };

    private static Contact ToContact(ContactSnapshot snapshot, string path)
    {
        try
        {
            return new Contact { Name = snapshot.Name, Phone = snapshot.Phone, Email = snapshot.Email };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static DeliveryPreference ToDeliveryPreference(DeliveryPreferenceSnapshot snapshot, string path)
    {
        try
        {
            return new DeliveryPreference(snapshot.Channel, snapshot.Address);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static TaxExemptionSnapshot ToSnapshot(TaxExemption exemption) => new()
    {
        Certificate = exemption.Certificate,
        Jurisdiction = exemption.Jurisdiction,
        ReasonCode = exemption.ReasonCode,
        Reason = exemption.Reason,
        ValidFrom = exemption.ValidFrom,
        ValidUntil = exemption.ValidUntil,
    };

    private static TaxExemption ToTaxExemption(TaxExemptionSnapshot snapshot, string path)
    {
        try
        {
            return new TaxExemption(snapshot.Certificate, snapshot.Jurisdiction, snapshot.ReasonCode, snapshot.Reason, snapshot.ValidFrom, snapshot.ValidUntil);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }
}
