namespace Invoicing.Core.Validation;

/// <summary>A rule made of an id, a severity, a description and a check: the simplest way to add one.</summary>
/// <example>
/// <code>
/// var rule = new ValidationRule("ACME-01", FindingSeverity.Fatal, "B2B invoices state their payment terms (BT-20).",
///     context =&gt;
///     {
///         if (context.Document.Buyer?.VatIdentifier is not null &amp;&amp; context.Document.PaymentTerms is null)
///         {
///             context.Report("A business buyer's invoice has no payment terms (BT-20).", "BT-20", "BT-20");
///         }
///     });
/// </code>
/// </example>
public sealed class ValidationRule : IValidationRule
{
    private readonly Action<ValidationContext> _check;

    /// <summary>Creates the rule.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="severity">The severity of its findings.</param>
    /// <param name="description">What it requires.</param>
    /// <param name="check">Checks the context's document and calls <see cref="ValidationContext.Report"/> for each violation.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not a defined <see cref="FindingSeverity"/>.</exception>
    public ValidationRule(string id, FindingSeverity severity, string description, Action<ValidationContext> check)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(check);
        if (!Enum.IsDefined(severity))
        {
            throw new ArgumentOutOfRangeException(nameof(severity), severity, "A severity is Warning or Fatal.");
        }

        Id = id;
        Severity = severity;
        Description = description;
        _check = check;
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <inheritdoc/>
    public FindingSeverity Severity { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public void Check(ValidationContext context) => _check(context);

    /// <summary>The id.</summary>
    public override string ToString() => Id;
}
