namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>BR-CO-*: calculations and conditions between terms.</summary>
    public static IEnumerable<IValidationRule> Calculations() => [];
}
