namespace Invoicing.Core.EInvoicing;

/// <summary>Payment card information (BG-18).</summary>
public sealed record PaymentCard
{
    /// <summary>BT-87: Payment card primary account number: at most the last 4 to 6 digits (BR-51).</summary>
    public string? PrimaryAccountNumber { get; init; }

    /// <summary>BT-88: Payment card holder name.</summary>
    public string? HolderName { get; init; }
}
