namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>BR-CL-*: the code lists.</summary>
    public static IEnumerable<IValidationRule> CodeLists() => [];
}
