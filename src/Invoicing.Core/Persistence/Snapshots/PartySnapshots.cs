using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Persistence.Snapshots;

// The JSON form of the Parties area, one record per domain type. Property order is the JSON order.
// Optional values are null (and omitted from the JSON); lists are always written.

/// <summary>The snapshot of a <see cref="CustomerAccount"/> (schema "invoicing-core/customer-account").</summary>
internal sealed record CustomerAccountSnapshot
{
    public required string Schema { get; init; }

    public required int SchemaVersion { get; init; }

    public required TenantId TenantId { get; init; }

    public required CustomerId Id { get; init; }

    public required int Version { get; init; }

    public required CustomerKind Kind { get; init; }

    public required PartySnapshot Party { get; init; }

    public required Currency Currency { get; init; }

    public required PaymentTermsSnapshot PaymentTerms { get; init; }

    public string? PreferredLanguage { get; init; }

    public required IReadOnlyList<DeliveryPreferenceSnapshot> DeliveryPreferences { get; init; }

    public required IReadOnlyList<ContactSnapshot> BillingContacts { get; init; }

    public required IReadOnlyList<TaxExemptionSnapshot> TaxExemptions { get; init; }

    public Money? CreditLimit { get; init; }
}

/// <summary>A <see cref="Party"/>.</summary>
internal sealed record PartySnapshot
{
    public required string Name { get; init; }

    public string? TradingName { get; init; }

    public required PostalAddressSnapshot Address { get; init; }

    public VatIdentifier? VatId { get; init; }

    public PartyIdentifierSnapshot? LegalRegistration { get; init; }

    public required IReadOnlyList<PartyIdentifierSnapshot> TaxRegistrations { get; init; }

    public ElectronicAddressSnapshot? ElectronicAddress { get; init; }

    public ContactSnapshot? Contact { get; init; }
}

/// <summary>A <see cref="PostalAddress"/>.</summary>
internal sealed record PostalAddressSnapshot
{
    public required CountryCode Country { get; init; }

    public string? Street { get; init; }

    public string? AdditionalStreet { get; init; }

    public string? AddressLine3 { get; init; }

    public string? City { get; init; }

    public string? PostCode { get; init; }

    public string? CountrySubdivision { get; init; }
}

/// <summary>A <see cref="Contact"/>.</summary>
internal sealed record ContactSnapshot
{
    public string? Name { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }
}

/// <summary>An <see cref="ElectronicAddress"/>.</summary>
internal sealed record ElectronicAddressSnapshot
{
    public required string SchemeId { get; init; }

    public required string Value { get; init; }
}

/// <summary>A <see cref="PartyIdentifier"/>.</summary>
internal sealed record PartyIdentifierSnapshot
{
    public required string Value { get; init; }

    public string? SchemeId { get; init; }
}

/// <summary>A <see cref="DeliveryPreference"/>.</summary>
internal sealed record DeliveryPreferenceSnapshot
{
    public required DeliveryChannelKind Channel { get; init; }

    public string? Address { get; init; }
}

/// <summary>A <see cref="TaxExemption"/>.</summary>
internal sealed record TaxExemptionSnapshot
{
    public required string Certificate { get; init; }

    public required string Jurisdiction { get; init; }

    public string? ReasonCode { get; init; }

    public string? Reason { get; init; }

    public LocalDate? ValidFrom { get; init; }

    public LocalDate? ValidUntil { get; init; }
}

/// <summary>
/// <see cref="Parties.PaymentTerms"/>: the due date rule, the discount, and the instalments (empty
/// for a single payment). With instalments, <see cref="Due"/> is the rule of the last one.
/// </summary>
internal sealed record PaymentTermsSnapshot
{
    public required DueDateRuleSnapshot Due { get; init; }

    public EarlyPaymentDiscountSnapshot? Discount { get; init; }

    public required IReadOnlyList<InstalmentTermSnapshot> Instalments { get; init; }
}

/// <summary>The kinds of <see cref="DueDateRule"/>, as snapshots name them.</summary>
internal enum DueDateRuleKind
{
    /// <summary>Due <see cref="DueDateRuleSnapshot.Days"/> days after the issue date.</summary>
    DaysAfterIssue,

    /// <summary>Due <see cref="DueDateRuleSnapshot.Days"/> days after the end of the issue month.</summary>
    EndOfMonthPlus,

    /// <summary>Due on <see cref="DueDateRuleSnapshot.Day"/> of the following month.</summary>
    DayOfNextMonth,
}

/// <summary>A <see cref="DueDateRule"/>: <c>{"kind":"daysAfterIssue","days":30}</c> or <c>{"kind":"dayOfNextMonth","day":10}</c>.</summary>
internal sealed record DueDateRuleSnapshot
{
    public required DueDateRuleKind Kind { get; init; }

    public int? Days { get; init; }

    public int? Day { get; init; }
}

/// <summary>An <see cref="EarlyPaymentDiscount"/>.</summary>
internal sealed record EarlyPaymentDiscountSnapshot
{
    public required decimal Percent { get; init; }

    public required int WithinDays { get; init; }
}

/// <summary>An <see cref="InstalmentTerm"/>: a percent, an amount, or neither (the remainder).</summary>
internal sealed record InstalmentTermSnapshot
{
    public decimal? Percent { get; init; }

    public Money? Amount { get; init; }

    public required DueDateRuleSnapshot Due { get; init; }
}
