namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>BR-S/Z/E/AE/IC/G/O/AF/AG/B-*: the per-category VAT rules.</summary>
    public static IEnumerable<IValidationRule> Categories() => [];
}
