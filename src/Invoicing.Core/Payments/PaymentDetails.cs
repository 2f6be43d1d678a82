namespace Invoicing.Core.Payments;

/// <summary>
/// What a payment says about itself besides its amount and date: the payer, the remittance
/// information (free text and/or a structured creditor reference) and the bank's reference.
/// Every field is optional; texts are trimmed, and blank texts are null.
/// </summary>
/// <remarks>Immutable and thread-safe; set the fields with an object initializer or <c>with</c> (each setter validates).</remarks>
public sealed record PaymentDetails
{
    /// <summary>No details.</summary>
    public static PaymentDetails None { get; } = new();

    /// <summary>The payer's name (camt Dbtr/Nm), or null; at most 140 characters.</summary>
    /// <exception cref="ArgumentException">The value is longer than 140 characters.</exception>
    public string? PayerName { get; init => field = TextField.Optional(value, nameof(PayerName), 140); }

    /// <summary>The payer's account (an IBAN, or another account number), or null; at most 70 characters.</summary>
    /// <exception cref="ArgumentException">The value is longer than 70 characters.</exception>
    public string? PayerAccount { get; init => field = TextField.Optional(value, nameof(PayerAccount), 70); }

    /// <summary>The unstructured remittance information (camt Ustrd, joined), or null; at most 1000 characters.</summary>
    /// <exception cref="ArgumentException">The value is longer than 1000 characters.</exception>
    public string? RemittanceText { get; init => field = TextField.Optional(value, nameof(RemittanceText), 1000); }

    /// <summary>The structured creditor reference (ISO 11649 RF or a national scheme), or null.</summary>
    /// <exception cref="ArgumentException">The value is the empty <c>default</c> reference.</exception>
    public CreditorReference? CreditorReference
    {
        get;
        init => field = value is CreditorReference reference && reference.IsEmpty
            ? throw new ArgumentException("A creditor reference is a parsed reference, not the empty default; give null for none.", nameof(CreditorReference))
            : value;
    }

    /// <summary>The bank's reference of the payment (camt AcctSvcrRef or EndToEndId), or null; at most 200 characters.</summary>
    /// <exception cref="ArgumentException">The value is longer than 200 characters.</exception>
    public string? BankReference { get; init => field = TextField.Optional(value, nameof(BankReference), 200); }
}
