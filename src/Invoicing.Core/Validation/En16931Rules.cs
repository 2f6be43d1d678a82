namespace Invoicing.Core.Validation;

/// <summary>The EN 16931 rules, by family; each family lives in its own file.</summary>
internal static partial class En16931Rules
{
    /// <summary>The id of the finding for a value its element's data type cannot take.</summary>
    public const string UnreadableValueId = "XSD-VALUE";

    /// <summary>XSD-VALUE first (what the schema would refuse), then every EN 16931 rule, in the order the standard lists them.</summary>
    public static IEnumerable<IValidationRule> All()
        => Values().Concat(Core()).Concat(Calculations()).Concat(Decimals()).Concat(Categories()).Concat(CodeLists()).Concat(UblSyntax());

    /// <summary>
    /// XSD-VALUE: a date or number that a reader could not parse and kept as absent
    /// (<see cref="EInvoicing.EInvoiceReaderOptions.TolerateUnreadableValues"/>); the schema of either syntax refuses it.
    /// </summary>
    private static IEnumerable<IValidationRule> Values() =>
    [
        new ValidationRule(UnreadableValueId, FindingSeverity.Fatal, "A value shall be of its element's data type (xsd:date, xsd:decimal; CII format 102).", c =>
        {
            foreach (var value in c.UnreadableValues)
            {
                c.ReportAt($"{value.Problem} The term is read as absent.", value.Term, value.Path, value.ElementPath);
            }
        }),
    ];
}
