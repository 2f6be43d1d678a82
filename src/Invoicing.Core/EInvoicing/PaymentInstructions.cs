namespace Invoicing.Core.EInvoicing;

/// <summary>Payment instructions (BG-16).</summary>
public sealed record PaymentInstructions
{
    /// <summary>BT-81: Payment means type code (UNCL 4461).</summary>
    public string? PaymentMeansTypeCode { get; init; }

    /// <summary>BT-82: Payment means text.</summary>
    public string? PaymentMeansText { get; init; }

    /// <summary>BT-83: Remittance information: the reference the payer should quote (a creditor reference).</summary>
    public string? RemittanceInformation { get; init; }

    /// <summary>BG-17: Credit transfers (BG-17).</summary>
    public IReadOnlyList<CreditTransfer> CreditTransfers { get => _creditTransfers; init => _creditTransfers = ValueList.Of(value); }

    /// <summary>BG-18: Payment card information (BG-18).</summary>
    public PaymentCard? PaymentCard { get; init; }

    /// <summary>BG-19: Direct debit (BG-19).</summary>
    public DirectDebit? DirectDebit { get; init; }

    private readonly ValueList<CreditTransfer> _creditTransfers = ValueList<CreditTransfer>.Empty;
}
