using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>
/// How an invoice line, allowance or charge is taxed: its <see cref="TaxCategory"/>, its rate in
/// percent (BT-151/BT-152 on a line, BT-95/BT-96 and BT-102/BT-103 on a document allowance or
/// charge), and, for the categories that need one, the exemption reason (BT-120 text, BT-121 code).
/// Items with the same category and rate form one group of the tax breakdown (BG-23).
/// </summary>
/// <remarks>
/// Immutable and thread-safe; equal when category, rate and exemption reason are equal. The
/// factories enforce the EN 16931 rules of each category: S needs a rate above zero; Z, E, AE, K and
/// G have rate 0; O has no rate; L and M need a rate of zero or more; E, AE, K, G and O need an
/// exemption reason code or text and the others must not have one.
/// </remarks>
public sealed class TaxTreatment : IEquatable<TaxTreatment>
{
    private TaxTreatment(TaxCategory category, decimal? rate, string? exemptionReasonCode, string? exemptionReason)
    {
        Category = category;
        Rate = rate;
        ExemptionReasonCode = exemptionReasonCode;
        ExemptionReason = exemptionReason;
    }

    /// <summary>The tax category (BT-151).</summary>
    public TaxCategory Category { get; }

    /// <summary>The rate in percent (19 means 19 %), or null for category O, which has none (BT-152).</summary>
    public decimal? Rate { get; }

    /// <summary>The exemption reason code, usually from the VATEX list (BT-121), or null.</summary>
    public string? ExemptionReasonCode { get; }

    /// <summary>The exemption reason as text (BT-120), or null.</summary>
    public string? ExemptionReason { get; }

    /// <summary>Standard rate (S) at the given percentage, for example 19 or 5.5.</summary>
    /// <param name="rate">The rate in percent, above 0 and at most 100.</param>
    /// <returns>The treatment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is not above 0 or exceeds 100.</exception>
    public static TaxTreatment Standard(decimal rate) => Of(TaxCategory.Standard, rate);

    /// <summary>Zero rated (Z), rate 0.</summary>
    /// <returns>The treatment.</returns>
    public static TaxTreatment ZeroRated() => Of(TaxCategory.ZeroRated, 0m);

    /// <summary>Exempt from tax (E), rate 0, with the legal reason.</summary>
    /// <param name="reasonCode">A VATEX code such as "VATEX-EU-132", or null when <paramref name="reason"/> is given.</param>
    /// <param name="reason">The reason as text, or null when <paramref name="reasonCode"/> is given.</param>
    /// <returns>The treatment.</returns>
    /// <exception cref="ArgumentException">Neither a reason code nor a reason text is given.</exception>
    public static TaxTreatment Exempt(string? reasonCode, string? reason) => Of(TaxCategory.Exempt, 0m, reasonCode, reason);

    /// <summary>Reverse charge (AE), rate 0; the reason defaults to VATEX-EU-AE "Reverse charge".</summary>
    /// <param name="reasonCode">The VATEX code.</param>
    /// <param name="reason">The reason text.</param>
    /// <returns>The treatment.</returns>
    public static TaxTreatment ReverseCharge(string? reasonCode = "VATEX-EU-AE", string? reason = "Reverse charge")
        => Of(TaxCategory.ReverseCharge, 0m, reasonCode, reason);

    /// <summary>Intra-community supply (K), rate 0; the reason defaults to VATEX-EU-IC "Intra-Community supply".</summary>
    /// <param name="reasonCode">The VATEX code.</param>
    /// <param name="reason">The reason text.</param>
    /// <returns>The treatment.</returns>
    public static TaxTreatment IntraCommunitySupply(string? reasonCode = "VATEX-EU-IC", string? reason = "Intra-Community supply")
        => Of(TaxCategory.IntraCommunitySupply, 0m, reasonCode, reason);

    /// <summary>Export outside the EU (G), rate 0; the reason defaults to VATEX-EU-G "Export outside the EU".</summary>
    /// <param name="reasonCode">The VATEX code.</param>
    /// <param name="reason">The reason text.</param>
    /// <returns>The treatment.</returns>
    public static TaxTreatment Export(string? reasonCode = "VATEX-EU-G", string? reason = "Export outside the EU")
        => Of(TaxCategory.Export, 0m, reasonCode, reason);

    /// <summary>Outside the scope of tax (O), no rate; the reason defaults to VATEX-EU-O "Not subject to VAT".</summary>
    /// <param name="reasonCode">The VATEX code.</param>
    /// <param name="reason">The reason text.</param>
    /// <returns>The treatment.</returns>
    public static TaxTreatment OutsideScope(string? reasonCode = "VATEX-EU-O", string? reason = "Not subject to VAT")
        => Of(TaxCategory.OutsideScope, null, reasonCode, reason);

    /// <summary>Creates a treatment from its parts, checking the rules of the category (see the type's remarks).</summary>
    /// <param name="category">The category.</param>
    /// <param name="rate">The rate in percent (0 to 100), or null for category O.</param>
    /// <param name="exemptionReasonCode">The exemption reason code (BT-121), when the category needs one.</param>
    /// <param name="exemptionReason">The exemption reason text (BT-120), when the category needs one.</param>
    /// <returns>The treatment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> breaks the rule of the category or is outside 0 to 100.</exception>
    /// <exception cref="ArgumentException">An exemption reason is missing where the category needs one, or given where it must not be.</exception>
    public static TaxTreatment Of(TaxCategory category, decimal? rate, string? exemptionReasonCode = null, string? exemptionReason = null)
    {
        if (RateProblem(category, rate) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, problem);
        }

        var code = string.IsNullOrWhiteSpace(exemptionReasonCode) ? null : exemptionReasonCode.Trim();
        var text = string.IsNullOrWhiteSpace(exemptionReason) ? null : exemptionReason.Trim();
        if (category.RequiresExemptionReason && code is null && text is null)
        {
            throw new ArgumentException(
                $"Tax category {category.Code} needs an exemption reason code (BT-121) or text (BT-120).", nameof(exemptionReasonCode));
        }

        if (!category.RequiresExemptionReason && (code is not null || text is not null))
        {
            throw new ArgumentException(
                $"Tax category {category.Code} must not have an exemption reason; got '{code ?? text}'.", nameof(exemptionReasonCode));
        }

        return new TaxTreatment(category, rate is null ? null : DecimalParts.Normalize(rate.Value), code, text);
    }

    /// <summary>Returns whether both treatments are equal in category, rate (by value) and exemption reason.</summary>
    /// <param name="left">The first treatment.</param>
    /// <param name="right">The second treatment.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(TaxTreatment? left, TaxTreatment? right) => Equals(left, right);

    /// <summary>Returns whether the treatments differ.</summary>
    /// <param name="left">The first treatment.</param>
    /// <param name="right">The second treatment.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(TaxTreatment? left, TaxTreatment? right) => !Equals(left, right);

    /// <summary>Returns whether <paramref name="other"/> has the same category and rate, and so belongs to the same tax breakdown group.</summary>
    /// <param name="other">The treatment to compare with.</param>
    /// <returns>True when both fall in one group of the tax breakdown.</returns>
    public bool SameGroupAs(TaxTreatment other)
        => Preconditions.CheckNotNull(other).Category == Category && other.Rate == Rate;

    /// <summary>Returns whether <paramref name="other"/> is equal in category, rate and exemption reason.</summary>
    /// <param name="other">The treatment to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] TaxTreatment? other)
        => other is not null && SameGroupAs(other)
           && string.Equals(ExemptionReasonCode, other.ExemptionReasonCode, StringComparison.Ordinal)
           && string.Equals(ExemptionReason, other.ExemptionReason, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as TaxTreatment);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Category, Rate);

    /// <summary>Returns an invariant description: "S 19%", "Z 0%", "E 0% (VATEX-EU-132)", "O".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var rate = Rate is decimal r ? string.Create(CultureInfo.InvariantCulture, $" {r}%") : string.Empty;
        var reason = ExemptionReasonCode ?? ExemptionReason;
        return reason is null ? Category.Code + rate : $"{Category.Code}{rate} ({reason})";
    }

    private static string? RateProblem(TaxCategory category, decimal? rate)
    {
        var rule = category.Rate;
        if (rule == TaxCategory.RateRule.None)
        {
            return rate is null ? null : $"Tax category {category.Code} has no rate (BR-O-05); got {Format(rate.Value)}%.";
        }

        if (rate is not decimal value)
        {
            return $"Tax category {category.Code} needs a rate in percent.";
        }

        if (value is < 0m or > 100m)
        {
            return $"A tax rate is a percentage from 0 to 100; got {Format(value)} for category {category.Code}.";
        }

        return rule switch
        {
            TaxCategory.RateRule.Positive when value == 0m => $"Tax category {category.Code} needs a rate above 0 (BR-S-05); use Z or E for 0%.",
            TaxCategory.RateRule.Zero when value != 0m => $"Tax category {category.Code} has rate 0; got {Format(value)}%.",
            _ => null,
        };
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
