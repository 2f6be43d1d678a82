using System.Diagnostics.CodeAnalysis;

namespace Invoicing.Core.Tax;

/// <summary>What a tax rule provider answers: a decision, or "cannot decide" with the reason.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TaxRuleResult
{
    private TaxRuleResult(TaxDecision? decision, string? reason)
    {
        Decision = decision;
        Reason = reason;
    }

    /// <summary>The decision, or null when the provider cannot decide.</summary>
    public TaxDecision? Decision { get; }

    /// <summary>Why the provider cannot decide, or null when it decided.</summary>
    public string? Reason { get; }

    /// <summary>True when there is a decision.</summary>
    [MemberNotNullWhen(true, nameof(Decision))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsDecided => Decision is not null;

    /// <summary>A decision.</summary>
    /// <param name="decision">The decision.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decision"/> is null.</exception>
    public static TaxRuleResult Decided(TaxDecision decision) => new(Preconditions.CheckNotNull(decision), null);

    /// <summary>"Cannot decide", with the reason (for example "no rate for product class 'books' in US-OR").</summary>
    /// <param name="reason">Why; shown to a person when no provider decides.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reason"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is blank or longer than 1000 characters.</exception>
    public static TaxRuleResult CannotDecide(string reason) => new(null, TextField.Required(reason, nameof(reason), 1000));

    /// <summary>Returns the decision or the reason.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => IsDecided ? Decision.ToString() : "cannot decide: " + Reason;
}
