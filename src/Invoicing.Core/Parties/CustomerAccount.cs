using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Parties;

/// <summary>
/// A customer's account with a tenant, the "client file": who the customer is as a buyer, how they
/// are billed (currency, payment terms, language, delivery channels in order of preference), their
/// billing contacts, tax exemptions and credit limit.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe; update with <c>with</c> (each property validates what it is
/// given). <see cref="Version"/> is the stored version the account was read at: repositories check
/// it on update (optimistic concurrency) and return the account with the next version.</para>
/// <para>Equal when every field is equal, lists compared in order.</para>
/// </remarks>
public sealed record CustomerAccount
{
    private readonly Party _party = null!;
    private readonly PaymentTerms _paymentTerms = PaymentTerms.Net(30);
    private readonly string? _language;
    private readonly Money? _creditLimit;
    private readonly IReadOnlyList<Contact> _contacts = [];
    private readonly IReadOnlyList<DeliveryPreference> _delivery = [];
    private readonly IReadOnlyList<TaxExemption> _exemptions = [];
    private readonly int _version;
    private readonly CustomerKind _kind;
    private readonly Currency _currency;

    /// <summary>Creates an account.</summary>
    /// <param name="tenant">The tenant the account belongs to.</param>
    /// <param name="id">The customer id, unique within the tenant.</param>
    /// <param name="party">The customer as a buyer (BG-7).</param>
    /// <param name="currency">The default invoice currency.</param>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> or <paramref name="id"/> is empty, or <paramref name="currency"/> has no minor unit.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="party"/> is null.</exception>
    public CustomerAccount(TenantId tenant, CustomerId id, Party party, Currency currency)
    {
        Identifier.RequireSet(tenant);
        Identifier.RequireSet(id);
        TenantId = tenant;
        Id = id;
        Party = party;
        Currency = currency;
    }

    /// <summary>The tenant the account belongs to.</summary>
    public TenantId TenantId { get; }

    /// <summary>The customer id.</summary>
    public CustomerId Id { get; }

    /// <summary>The stored version this account was read at; 0 for an account not stored yet.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative number.</exception>
    public int Version
    {
        get => _version;
        init => _version = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Version), value, "A version is never negative.");
    }

    /// <summary>Whether the customer buys as a business or a consumer.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public CustomerKind Kind
    {
        get => _kind;
        init => _kind = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Kind), value, "Undefined customer kind.");
    }

    /// <summary>The customer as a buyer on invoices (BG-7).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Party Party { get => _party; init => _party = Preconditions.CheckNotNull(value, nameof(Party)); }

    /// <summary>The default invoice currency; one with minor units.</summary>
    /// <exception cref="ArgumentException">Set to a currency without minor units (XAU, XDR, XXX, <c>default</c>).</exception>
    public Currency Currency
    {
        get => _currency;
        init => _currency = value.MinorUnits is null
            ? throw new ArgumentException($"{value.Code} has no minor unit; a customer is billed in a currency that has one.", nameof(Currency))
            : value;
    }

    /// <summary>The default payment terms (net 30 days unless set).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public PaymentTerms PaymentTerms { get => _paymentTerms; init => _paymentTerms = Preconditions.CheckNotNull(value, nameof(PaymentTerms)); }

    /// <summary>The preferred language as a BCP 47 tag ("de", "fr-CH"), or null.</summary>
    /// <exception cref="ArgumentException">Not a language tag .NET knows.</exception>
    public string? PreferredLanguage
    {
        get => _language;
        init
        {
            var tag = TextField.Optional(value, nameof(PreferredLanguage), 35);
            if (tag is not null && !IsKnownLanguage(tag))
            {
                throw new ArgumentException($"'{tag}' is not a language tag (BCP 47) such as 'de' or 'fr-CH'.", nameof(PreferredLanguage));
            }

            _language = tag;
        }
    }

    /// <summary>The delivery channels the customer prefers, best first.</summary>
    /// <exception cref="ArgumentNullException">Set to null or containing null.</exception>
    public IReadOnlyList<DeliveryPreference> DeliveryPreferences
    {
        get => _delivery;
        init => _delivery = Preconditions.CopyNotNull(value, nameof(DeliveryPreferences));
    }

    /// <summary>The people who receive and handle invoices.</summary>
    /// <exception cref="ArgumentNullException">Set to null or containing null.</exception>
    public IReadOnlyList<Contact> BillingContacts
    {
        get => _contacts;
        init => _contacts = Preconditions.CopyNotNull(value, nameof(BillingContacts));
    }

    /// <summary>The tax exemptions the customer holds.</summary>
    /// <exception cref="ArgumentNullException">Set to null or containing null.</exception>
    public IReadOnlyList<TaxExemption> TaxExemptions
    {
        get => _exemptions;
        init => _exemptions = Preconditions.CopyNotNull(value, nameof(TaxExemptions));
    }

    /// <summary>The credit limit, normally in the account currency, or null for none.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative amount.</exception>
    public Money? CreditLimit
    {
        get => _creditLimit;
        init => _creditLimit = value is Money limit && limit.IsNegative
            ? throw new ArgumentOutOfRangeException(nameof(CreditLimit), limit, $"A credit limit cannot be negative; got {limit}.")
            : value;
    }

    /// <summary>Returns whether <paramref name="other"/> has equal fields, lists compared in order.</summary>
    /// <param name="other">The account to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(CustomerAccount? other)
        => other is not null && TenantId == other.TenantId && Id == other.Id && Version == other.Version && Kind == other.Kind
           && Party == other.Party && Currency == other.Currency && PaymentTerms.Equals(other.PaymentTerms)
           && PreferredLanguage == other.PreferredLanguage && CreditLimit == other.CreditLimit
           && DeliveryPreferences.SequenceEqual(other.DeliveryPreferences) && BillingContacts.SequenceEqual(other.BillingContacts)
           && TaxExemptions.SequenceEqual(other.TaxExemptions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TenantId, Id, Version);

    private static bool IsKnownLanguage(string tag)
    {
        try
        {
            return !CultureInfo.GetCultureInfo(tag, predefinedOnly: true).Equals(CultureInfo.InvariantCulture);
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }
}
