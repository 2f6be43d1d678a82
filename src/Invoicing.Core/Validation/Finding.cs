namespace Invoicing.Core.Validation;

/// <summary>A rule that fired on a document: which rule, how serious, what is wrong, and where.</summary>
/// <param name="RuleId">The rule's id (BR-01, BR-CO-10, BR-S-08, or a host rule's own id).</param>
/// <param name="Severity">Fatal or warning, as the rule says.</param>
/// <param name="Message">What is wrong, naming the terms and the values (English, invariant culture).</param>
/// <param name="Location">Where.</param>
public sealed record Finding(string RuleId, FindingSeverity Severity, string Message, FindingLocation Location)
{
    /// <summary>"[BR-CO-10] fatal at BG-22/BT-106: ...".</summary>
    public override string ToString()
        => $"[{RuleId}] {(Severity == FindingSeverity.Fatal ? "fatal" : "warning")} at {Location}: {Message}";
}
