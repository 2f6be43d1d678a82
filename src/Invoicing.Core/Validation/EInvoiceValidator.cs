using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Validation;

/// <summary>
/// Runs rules on EN 16931 documents: <see cref="En16931"/> holds every core rule of the standard
/// (BR-*, BR-CO-*, BR-DEC-*, the per-category rules and the code-list checks) and the UBL syntax rules
/// (UBL-SR-*, UBL-DT-*, UBL-CR-666/673, which judge a document read from UBL), and
/// <see cref="WithRules"/> adds a host's own to them.
/// </summary>
/// <remarks>Immutable; safe to share across threads and to use concurrently.</remarks>
public sealed class EInvoiceValidator
{
    private readonly IValidationRule[] _rules;

    /// <summary>Creates a validator that runs <paramref name="rules"/>, in order.</summary>
    /// <param name="rules">The rules; ids must be unique.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">Two rules have the same id.</exception>
    public EInvoiceValidator(IEnumerable<IValidationRule> rules)
    {
        _rules = [.. Preconditions.CopyNotNull(rules)];
        var duplicate = _rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two rules have the id '{duplicate.Key}'; a rule id is unique in a validator.", nameof(rules));
        }
    }

    /// <summary>The EN 16931 core rules, then the UBL syntax rules.</summary>
    public static EInvoiceValidator En16931 { get; } = new(En16931Rules.All());

    /// <summary>The rules, in the order they run.</summary>
    public IReadOnlyList<IValidationRule> Rules => _rules;

    /// <summary>A validator with these rules and <paramref name="rules"/> after them.</summary>
    /// <param name="rules">The rules to add.</param>
    /// <returns>A new validator; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException">A rule's id is already taken.</exception>
    public EInvoiceValidator WithRules(params IEnumerable<IValidationRule> rules)
        => new(_rules.Concat(Preconditions.CopyNotNull(rules)));

    /// <summary>Validates a document built in memory (or mapped from an invoice).</summary>
    /// <param name="document">The document.</param>
    /// <param name="syntax">The syntax whose rule variants apply, or null for UBL's.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is null.</exception>
    /// <remarks>
    /// The EN 16931 rules never throw. An <see cref="OverflowException"/> from any rule (amounts beyond <see cref="decimal"/>'s
    /// range) becomes a finding of that rule saying so, at BG-0 (the invoice); any other exception a host rule throws is not
    /// caught and ends the validation.
    /// </remarks>
    public ValidationReport Validate(EInvoice document, EInvoiceSyntax? syntax = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Run(new ValidationContext(document, syntax, null));
    }

    /// <summary>Validates a document as read, with the syntax's rule variants and element paths in the locations.</summary>
    /// <param name="read">What a reader returned.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="read"/> is null.</exception>
    /// <remarks>
    /// The EN 16931 rules never throw. An <see cref="OverflowException"/> from any rule (amounts beyond <see cref="decimal"/>'s
    /// range) becomes a finding of that rule saying so, at BG-0 (the invoice); any other exception a host rule throws is not
    /// caught and ends the validation.
    /// </remarks>
    public ValidationReport Validate(EInvoiceReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Run(new ValidationContext(read.Document, read.Syntax, read));
    }

    private ValidationReport Run(ValidationContext context)
    {
        foreach (var rule in _rules)
        {
            context.Run(rule);
        }

        return new ValidationReport([.. context.Findings]);
    }
}
