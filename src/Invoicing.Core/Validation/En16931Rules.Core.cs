namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>BR-01 ... BR-65: mandatory terms and conditions.</summary>
    public static IEnumerable<IValidationRule> Core() => [];
}
