namespace Invoicing.Core.Validation;

/// <summary>How serious a finding is, as EN 16931 says for its rules.</summary>
public enum FindingSeverity
{
    /// <summary>The document is valid but something is likely wrong (BR-51: a full payment card number).</summary>
    Warning = 1,

    /// <summary>The document is not a valid EN 16931 invoice; it must not be dispatched.</summary>
    Fatal = 2,
}
