namespace Invoicing.Core.EInvoicing;

/// <summary>Direct debit (BG-19).</summary>
public sealed record DirectDebit
{
    /// <summary>BT-89: Mandate reference identifier.</summary>
    public string? MandateReference { get; init; }

    /// <summary>BT-90: Bank assigned creditor identifier.</summary>
    public string? BankAssignedCreditorIdentifier { get; init; }

    /// <summary>BT-91: Debited account identifier.</summary>
    public string? DebitedAccountIdentifier { get; init; }
}
