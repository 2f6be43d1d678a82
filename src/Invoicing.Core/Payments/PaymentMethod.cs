namespace Invoicing.Core.Payments;

/// <summary>How a payment was made.</summary>
public enum PaymentMethod
{
    /// <summary>A credit transfer the payer initiated (SEPA credit transfer, wire, ACH credit).</summary>
    CreditTransfer = 0,

    /// <summary>A direct debit the payee collected under a mandate; it can be returned by the payer's bank.</summary>
    DirectDebit = 1,

    /// <summary>A card payment; it can be charged back.</summary>
    Card = 2,

    /// <summary>Cash.</summary>
    Cash = 3,

    /// <summary>A cheque; it can bounce.</summary>
    Cheque = 4,

    /// <summary>Any other way (a voucher, a payment service); say which in <see cref="PaymentDetails.RemittanceText"/> or the bank reference.</summary>
    Other = 5,
}
