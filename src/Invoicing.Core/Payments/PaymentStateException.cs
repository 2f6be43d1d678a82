namespace Invoicing.Core.Payments;

/// <summary>
/// Thrown when a payment command does not fit the payment's state: applying a payment that has
/// nothing left to allocate or was reversed, reversing twice, or reversing a payment whose
/// customer credit was already used. The payment, its documents and the credit are unchanged.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class PaymentStateException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="paymentId">The payment.</param>
    /// <param name="command">The refused command, for example "Reverse".</param>
    /// <param name="message">Why, and what to do instead.</param>
    public PaymentStateException(PaymentId paymentId, string command, string message)
        : base(message)
    {
        PaymentId = paymentId;
        Command = command;
    }

    /// <summary>The payment.</summary>
    public PaymentId PaymentId { get; }

    /// <summary>The refused command.</summary>
    public string Command { get; }
}
