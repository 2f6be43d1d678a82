namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>BR-DEC-*: at most two decimals for amounts.</summary>
    public static IEnumerable<IValidationRule> Decimals() => [];
}
