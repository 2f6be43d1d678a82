using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// Everything on an invoice except its lines and document-level allowances and charges: currency,
/// pricing mode and rounding policy, seller and buyer, payment terms, references and notes.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; update with <c>with</c> (each property validates what it is given).
/// <see cref="ForCustomer"/> fills it from a customer account.
/// </remarks>
public sealed record InvoiceHeader
{
    private readonly Currency _currency;
    private readonly Money? _prepaid;
    private readonly Party _seller = null!;
    private readonly RoundingPolicy _rounding = RoundingPolicy.Default;
    private readonly PricingMode _pricing;
    private readonly CustomerKind _customerKind;
    private readonly string? _buyerReference;
    private readonly string? _orderReference;
    private readonly string? _contractReference;
    private readonly string? _note;

    /// <summary>Creates a header.</summary>
    /// <param name="currency">The invoice currency (BT-5), one with minor units.</param>
    /// <param name="seller">The seller (BG-4).</param>
    /// <exception cref="ArgumentNullException"><paramref name="seller"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="currency"/> has no minor unit.</exception>
    public InvoiceHeader(Currency currency, Party seller)
    {
        Currency = currency;
        Seller = seller;
    }

    /// <summary>The invoice currency (BT-5); every amount on the invoice is in it.</summary>
    /// <exception cref="ArgumentException">Set to a currency without minor units (XAU, XDR, XXX, <c>default</c>): amounts could not be rounded.</exception>
    public Currency Currency
    {
        get => _currency;
        init => _currency = value.MinorUnits is null
            ? throw new ArgumentException($"{value.Code} has no minor unit, so invoice amounts could not be rounded; invoice in a currency that has one.", nameof(Currency))
            : value;
    }

    /// <summary>The seller (BG-4).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Party Seller { get => _seller; init => _seller = Preconditions.CheckNotNull(value, nameof(Seller)); }

    /// <summary>The buyer (BG-7); required to issue a business invoice, optional for a consumer one.</summary>
    public Party? Buyer { get; init; }

    /// <summary>The buyer's customer account, or <c>default</c> when the buyer has none.</summary>
    public CustomerId CustomerId { get; init; }

    /// <summary>Whether the buyer is a business (B2B) or a consumer (B2C retail).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public CustomerKind CustomerKind
    {
        get => _customerKind;
        init => _customerKind = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(CustomerKind), value, "Undefined customer kind.");
    }

    /// <summary>Whether prices exclude (net, B2B) or include (gross, retail) tax.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined value.</exception>
    public PricingMode Pricing
    {
        get => _pricing;
        init => _pricing = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Pricing), value, "Undefined pricing mode.");
    }

    /// <summary>How the invoice rounds; recorded with it, and reused by its credit and debit notes.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public RoundingPolicy Rounding { get => _rounding; init => _rounding = Preconditions.CheckNotNull(value, nameof(Rounding)); }

    /// <summary>The payment terms (BT-20), or null for none (then the invoice is due on issue).</summary>
    public PaymentTerms? PaymentTerms { get; init; }

    /// <summary>An amount paid before the invoice (BT-113), or null for none; in the invoice currency, zero or more, in whole minor units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a negative amount or one with more decimals than its currency.</exception>
    public Money? PrepaidAmount
    {
        get => _prepaid;
        init => _prepaid = value is Money prepaid && (prepaid.IsNegative || !prepaid.IsRoundedToMinorUnits)
            ? throw new ArgumentOutOfRangeException(nameof(PrepaidAmount), prepaid, $"A prepaid amount (BT-113) is zero or more, in whole minor units; got {prepaid}.")
            : value;
    }

    /// <summary>The buyer's reference for routing (BT-10), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? BuyerReference { get => _buyerReference; init => _buyerReference = TextField.Optional(value, nameof(BuyerReference), 100); }

    /// <summary>The buyer's purchase order reference (BT-13), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? OrderReference { get => _orderReference; init => _orderReference = TextField.Optional(value, nameof(OrderReference), 100); }

    /// <summary>The contract reference (BT-12), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? ContractReference { get => _contractReference; init => _contractReference = TextField.Optional(value, nameof(ContractReference), 100); }

    /// <summary>A note on the invoice (BT-22), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 2000 characters.</exception>
    public string? Note { get => _note; init => _note = TextField.Optional(value, nameof(Note), 2000); }

    /// <summary>The date goods or services were delivered (BT-72), or null.</summary>
    public LocalDate? DeliveryDate { get; init; }

    /// <summary>The period the invoice is for (BG-14), or null.</summary>
    public BillingPeriod? Period { get; init; }

    /// <summary>A header for a customer: currency, buyer, payment terms, kind and pricing mode (gross for consumers, net for businesses) come from the account.</summary>
    /// <param name="account">The customer account.</param>
    /// <param name="seller">The seller.</param>
    /// <returns>The header.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static InvoiceHeader ForCustomer(CustomerAccount account, Party seller)
    {
        Preconditions.CheckNotNull(account);
        return new InvoiceHeader(account.Currency, seller)
        {
            Buyer = account.Party,
            CustomerId = account.Id,
            CustomerKind = account.Kind,
            Pricing = account.Kind == CustomerKind.Consumer ? PricingMode.Gross : PricingMode.Net,
            PaymentTerms = account.PaymentTerms,
        };
    }
}
