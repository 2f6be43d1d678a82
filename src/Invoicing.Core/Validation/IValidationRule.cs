namespace Invoicing.Core.Validation;

/// <summary>
/// A rule of the validator: the EN 16931 rules are such rules, and a host adds its own ("the price
/// must match the customer's price agreement") by implementing this interface or by creating a
/// <see cref="ValidationRule"/>, then <see cref="EInvoiceValidator.WithRules"/>.
/// </summary>
/// <remarks>
/// A rule is pure and thread-safe: it reads <see cref="ValidationContext.Document"/> and reports
/// what it finds with <see cref="ValidationContext.Report"/>; it never throws on a wrong document.
/// </remarks>
public interface IValidationRule
{
    /// <summary>The rule's id, unique in a validator (BR-CO-10, or the host's own, such as ACME-PRICE-01).</summary>
    string Id { get; }

    /// <summary>The severity of the findings it reports.</summary>
    FindingSeverity Severity { get; }

    /// <summary>What the rule requires, in one sentence (the standard's wording for EN 16931 rules).</summary>
    string Description { get; }

    /// <summary>Checks the document in <paramref name="context"/> and reports each violation.</summary>
    /// <param name="context">The document and where to report.</param>
    void Check(ValidationContext context);
}
