namespace Invoicing.Core.EInvoicing;

/// <summary>A credit transfer account (BG-17).</summary>
public sealed record CreditTransfer
{
    /// <summary>BT-84: Payment account identifier (an IBAN for SEPA payments).</summary>
    public string? PaymentAccountIdentifier { get; init; }

    /// <summary>BT-85: Payment account name.</summary>
    public string? PaymentAccountName { get; init; }

    /// <summary>BT-86: Payment service provider identifier (a BIC).</summary>
    public string? PaymentServiceProviderIdentifier { get; init; }
}
