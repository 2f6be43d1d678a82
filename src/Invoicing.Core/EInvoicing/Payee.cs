namespace Invoicing.Core.EInvoicing;

/// <summary>The payee (BG-10), when it is not the seller.</summary>
public sealed record Payee
{
    /// <summary>BT-59: Payee name.</summary>
    public string? Name { get; init; }

    /// <summary>BT-60: Payee identifier, with its scheme (BT-60-1).</summary>
    public SchemeIdentifier? Identifier { get; init; }

    /// <summary>BT-61: Payee legal registration identifier, with its scheme (BT-61-1).</summary>
    public SchemeIdentifier? LegalRegistrationIdentifier { get; init; }
}
