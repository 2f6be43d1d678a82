namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>The rule that proposed a match, in the order the matcher tries them. Its <see cref="MatchRules.Name"/> is the stable name in results.</summary>
public enum MatchRule
{
    /// <summary>"creditor-reference": the payer's structured creditor reference (or one found in the text) is an open item's reference.</summary>
    CreditorReference = 0,

    /// <summary>"document-number": the text names exactly one open item's document number.</summary>
    DocumentNumber = 1,

    /// <summary>"listed-documents": the text names several documents of one customer, and the payment settles them together.</summary>
    ListedDocuments = 2,

    /// <summary>"amount-sum": the payment equals the sum of several open items of the payer's customer (bounded subset-sum search).</summary>
    AmountSum = 3,

    /// <summary>"amount-and-payer": exactly one open item of the payer's customer has the payment's amount.</summary>
    AmountAndPayer = 4,

    /// <summary>"amount-only": the payer is unknown and open items with the payment's amount exist; only ever a suggestion.</summary>
    AmountOnly = 5,
}

/// <summary>Names of <see cref="MatchRule"/> values as they appear in results.</summary>
public static class MatchRules
{
    /// <summary>The stable name: "creditor-reference", "document-number", "listed-documents", "amount-sum", "amount-and-payer", "amount-only".</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rule"/> is undefined.</exception>
    public static string Name(this MatchRule rule) => rule switch
    {
        MatchRule.CreditorReference => "creditor-reference",
        MatchRule.DocumentNumber => "document-number",
        MatchRule.ListedDocuments => "listed-documents",
        MatchRule.AmountSum => "amount-sum",
        MatchRule.AmountAndPayer => "amount-and-payer",
        MatchRule.AmountOnly => "amount-only",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Undefined match rule."),
    };
}
