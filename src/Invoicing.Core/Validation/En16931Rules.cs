namespace Invoicing.Core.Validation;

/// <summary>The EN 16931 rules, by family; each family lives in its own file.</summary>
internal static partial class En16931Rules
{
    /// <summary>Every EN 16931 rule, in the order the standard lists them.</summary>
    public static IEnumerable<IValidationRule> All()
        => Core().Concat(Calculations()).Concat(Decimals()).Concat(Categories()).Concat(CodeLists()).Concat(UblSyntax());
}
