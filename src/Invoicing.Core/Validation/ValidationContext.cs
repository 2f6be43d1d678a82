using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Validation;

/// <summary>What a rule sees: the document, the syntax it came from, and where to report.</summary>
/// <remarks>Not thread-safe: one context per validation, created by <see cref="EInvoiceValidator"/>.</remarks>
public sealed class ValidationContext
{
    private readonly List<Finding> _findings = [];
    private readonly EInvoiceReadResult? _source;
    private HashSet<string>? _unreadablePaths;
    private IValidationRule? _rule;

    internal ValidationContext(EInvoice document, EInvoiceSyntax? syntax, EInvoiceReadResult? source)
    {
        Document = document;
        Syntax = syntax;
        _source = source;
    }

    /// <summary>The document being validated.</summary>
    public EInvoice Document { get; }

    /// <summary>
    /// The syntax the document was read from, or null for a document built in memory (mapped from an
    /// invoice): where the official UBL and CII rules differ (BR-CO-17's tolerance), null judges as UBL.
    /// </summary>
    public EInvoiceSyntax? Syntax { get; }

    /// <summary>True when the document was read from CII, where some tolerances differ from UBL's.</summary>
    public bool IsCii => Syntax == EInvoiceSyntax.Cii;

    /// <summary>The currency codes given on amounts in the source (UBL <c>currencyID</c>), or empty for a document built in memory.</summary>
    public IReadOnlyList<string> AmountCurrencyCodes => _source?.AmountCurrencyCodes ?? [];

    internal IReadOnlyList<Finding> Findings => _findings;

    /// <summary>The values the reader could not parse and left absent (empty unless it was asked to tolerate them).</summary>
    internal IReadOnlyList<UnreadableValue> UnreadableValues => _source?.UnreadableValues ?? [];

    /// <summary>The element tree of a document read from UBL, for the UBL syntax rules; null otherwise.</summary>
    internal EInvoicing.Ubl.UblSyntaxTree? UblTree => _source?.UblTree;

    /// <summary>Reports a violation of the rule being checked.</summary>
    /// <param name="message">What is wrong, naming the terms and the values found.</param>
    /// <param name="term">The business term or group it is about (BT-131).</param>
    /// <param name="path">The place in the model (<c>BG-25[2]/BT-131</c>); repeated groups carry a 1-based index.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">Called outside a rule's <see cref="IValidationRule.Check"/>.</exception>
    /// <remarks>
    /// A finding at a term the rule XSD-VALUE reported as unreadable (see <see cref="EInvoiceReadResult.UnreadableValues"/>),
    /// or at the group that directly holds one, is not kept: the term is absent from the model only because its value could not be
    /// parsed, the element is there (as the official rules see it), and the XSD-VALUE finding already says what is wrong.
    /// A validator without XSD-VALUE judges such a term as absent, and a rule that runs before XSD-VALUE is not held back
    /// (<see cref="EInvoiceValidator.En16931"/> runs it first).
    /// </remarks>
    public void Report(string message, string term, string path)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(path);
        if (_unreadablePaths is not null && _rule is not null && HoldsUnreadable(path))
        {
            return;
        }

        ReportAt(message, term, path, _source?.ElementPath(path));
    }

    /// <summary>Reports a violation at a known element (the syntax rules, which judge the XML itself).</summary>
    internal void ReportAt(string message, string term, string path, string? elementPath)
    {
        var rule = _rule ?? throw new InvalidOperationException("Findings are reported from a rule's Check, while the validator runs it.");
        if (rule.Id == En16931Rules.UnreadableValueId)
        {
            (_unreadablePaths ??= []).Add(path);
        }

        _findings.Add(new Finding(rule.Id, rule.Severity, message, new FindingLocation(term, path, elementPath)));
    }

    /// <summary>
    /// Whether XSD-VALUE reported a term inside the group <paramref name="group"/> (<c>BG-14</c>): for a rule that asks
    /// whether a group is blank and reports elsewhere (BR-IC-11 reports at BT-72 when neither BT-72 nor BG-14 is there).
    /// </summary>
    internal bool HasUnreadableIn(string group)
    {
        if (_unreadablePaths is null)
        {
            return false;
        }

        foreach (var unreadable in _unreadablePaths)
        {
            if (IsInside(unreadable, group))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="path"/> is a term XSD-VALUE reported, or the group that directly holds one (<c>BG-14</c> for <c>BG-14/BT-73</c>).</summary>
    private bool HoldsUnreadable(string path)
    {
        foreach (var unreadable in _unreadablePaths!)
        {
            if (unreadable == path || (IsInside(unreadable, path) && unreadable.IndexOf('/', path.Length + 1) < 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the model path <paramref name="path"/> lies inside <paramref name="group"/> (<c>BG-14/BT-73</c> in <c>BG-14</c>, not <c>BG-140/...</c>).</summary>
    private static bool IsInside(string path, string group)
        => path.Length > group.Length && path[group.Length] == '/' && path.StartsWith(group, StringComparison.Ordinal);

    internal void Run(IValidationRule rule)
    {
        _rule = rule;
        try
        {
            rule.Check(this);
        }
        catch (OverflowException)
        {
            // Amounts beyond decimal's range cannot be summed: the rule cannot hold, and says so rather than throwing.
            Report($"The amounts {rule.Id} checks are too large to compute (beyond ±{decimal.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)}).", "BG-0", "BG-0");
        }
        finally
        {
            _rule = null;
        }
    }
}
