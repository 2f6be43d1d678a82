namespace Invoicing.Core.Validation;

/// <summary>The findings of a validation, in rule order.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ValidationReport
{
    internal ValidationReport(IReadOnlyList<Finding> findings) => Findings = findings;

    /// <summary>Every finding, in the order of the validator's rules.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>True when a fatal finding exists: the document is not a valid EN 16931 invoice.</summary>
    public bool HasFatal => Findings.Any(f => f.Severity == FindingSeverity.Fatal);

    /// <summary>True when nothing was found.</summary>
    public bool IsClean => Findings.Count == 0;

    /// <summary>True when <paramref name="ruleId"/> fired.</summary>
    /// <param name="ruleId">A rule id.</param>
    public bool Fired(string ruleId) => Findings.Any(f => f.RuleId == ruleId);

    /// <summary>One finding per line, or "no findings".</summary>
    public override string ToString() => IsClean ? "no findings" : string.Join(Environment.NewLine, Findings);
}
