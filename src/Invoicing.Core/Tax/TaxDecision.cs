using System.Globalization;

namespace Invoicing.Core.Tax;

/// <summary>
/// How one supply is taxed, and why: the category, the tax components with their jurisdictions and
/// rates, the exemption reason where the category needs one, the legal basis, and the rule (and
/// provider) that decided it, for the audit trail.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. The <see cref="Treatment"/> is what goes on the invoice line
/// (EN 16931 knows one category and one rate per line): the rate is the components' combined
/// rate, a compound component applying to the base plus the components before it.</para>
/// <para>The category's EN 16931 rules are enforced as in <see cref="TaxTreatment"/>: S needs a
/// combined rate above zero, Z, E, AE, K and G a rate of zero, O no components at all; E, AE, K, G
/// and O need an exemption reason.</para>
/// </remarks>
public sealed class TaxDecision : IEquatable<TaxDecision>
{
    private readonly TaxComponent[] _components;

    /// <summary>Creates a decision.</summary>
    /// <param name="category">The tax category.</param>
    /// <param name="components">The taxes that apply, in order (compound components apply to the base plus those before them); empty for O, and for zero-rate categories when no tax applies.</param>
    /// <param name="ruleId">The rule that decided, for example "EU-VAT-DOMESTIC" or "RATE-TABLE:US-CA".</param>
    /// <param name="legalBasis">The legal basis or explanation a clerk can show ("Article 196 of Council Directive 2006/112/EC"), or null.</param>
    /// <param name="exemptionReasonCode">The exemption reason code (VATEX), or null.</param>
    /// <param name="exemptionReason">The exemption reason text, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="components"/>, an element or <paramref name="ruleId"/> is null.</exception>
    /// <exception cref="ArgumentException">The category's rules are broken (see remarks), the components of category O are not empty, or <paramref name="ruleId"/> is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The combined rate is out of the category's range.</exception>
    public TaxDecision(TaxCategory category, IEnumerable<TaxComponent> components, string ruleId, string? legalBasis = null,
        string? exemptionReasonCode = null, string? exemptionReason = null)
    {
        _components = [.. Preconditions.CopyNotNull(components)];
        RuleId = TextField.Required(ruleId, nameof(ruleId), 100);
        LegalBasis = TextField.Optional(legalBasis, nameof(legalBasis), 1000);
        if (category == TaxCategory.OutsideScope && _components.Length > 0)
        {
            throw new ArgumentException($"A supply outside the scope of tax (O) has no tax components; got {string.Join(", ", _components)}.", nameof(components));
        }

        Components = Array.AsReadOnly(_components);
        Rate = CombinedRate(_components);
        Treatment = TaxTreatment.Of(category, category == TaxCategory.OutsideScope ? null : Rate, exemptionReasonCode, exemptionReason);
    }

    /// <summary>The tax category.</summary>
    public TaxCategory Category => Treatment.Category;

    /// <summary>The taxes that apply, in order.</summary>
    public IReadOnlyList<TaxComponent> Components { get; }

    /// <summary>The combined rate in percent: the sum of the components, compound ones applied to the base plus the taxes before them.</summary>
    public decimal Rate { get; }

    /// <summary>The treatment for the invoice line: category, combined rate, exemption reason.</summary>
    public TaxTreatment Treatment { get; }

    /// <summary>The rule that decided.</summary>
    public string RuleId { get; }

    /// <summary>The legal basis or explanation, or null.</summary>
    public string? LegalBasis { get; }

    /// <summary>The name of the provider that decided; set by the provider chain (empty until then).</summary>
    public string Provider { get; private init; } = string.Empty;

    /// <summary>Returns whether two decisions are equal in treatment, components (in order), rule, legal basis and provider.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(TaxDecision? left, TaxDecision? right) => Equals(left, right);

    /// <summary>Returns whether two decisions differ.</summary>
    /// <param name="left">The first decision.</param>
    /// <param name="right">The second decision.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(TaxDecision? left, TaxDecision? right) => !Equals(left, right);

    /// <summary>Returns whether <paramref name="other"/> is equal in treatment, components (in order), rule, legal basis and provider.</summary>
    /// <param name="other">The decision to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] TaxDecision? other)
        => other is not null && (ReferenceEquals(this, other)
           || (Treatment == other.Treatment && _components.AsSpan().SequenceEqual(other._components)
               && string.Equals(RuleId, other.RuleId, StringComparison.Ordinal) && string.Equals(LegalBasis, other.LegalBasis, StringComparison.Ordinal)
               && string.Equals(Provider, other.Provider, StringComparison.Ordinal)));

    /// <inheritdoc />
    public override bool Equals([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] object? obj) => Equals(obj as TaxDecision);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Treatment, _components.Length, StringComparer.Ordinal.GetHashCode(RuleId));

    /// <summary>Returns "S 19% [VAT 19% (DE)] by EU-VAT-DOMESTIC".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Treatment} [{string.Join(", ", _components.Select(c => c.ToString()))}] by {RuleId}")
           + (Provider.Length > 0 ? $" ({Provider})" : string.Empty);

    /// <summary>The same decision, recording which provider made it (a name of 1 to 300 characters).</summary>
    /// <exception cref="ArgumentException">The name is blank or longer than 300 characters.</exception>
    /// <exception cref="ArgumentNullException">The name is null.</exception>
    internal TaxDecision DecidedBy(string provider)
        => string.Equals(Provider, provider, StringComparison.Ordinal) ? this : new TaxDecision(this, TextField.Required(provider, "provider name", 300));

    /// <summary>Restores a stored decision exactly, provider included (for snapshots).</summary>
    internal static TaxDecision Restore(TaxCategory category, IEnumerable<TaxComponent> components, string ruleId, string? legalBasis,
        string? exemptionReasonCode, string? exemptionReason, string? provider)
    {
        var decision = new TaxDecision(category, components, ruleId, legalBasis, exemptionReasonCode, exemptionReason);
        return string.IsNullOrEmpty(provider) ? decision : decision.DecidedBy(provider);
    }

    /// <summary>
    /// Splits a tax amount across the components in proportion to what each contributes to the
    /// combined rate, exactly (largest remainder): the parts always sum to <paramref name="tax"/>.
    /// With no component, or a combined rate of zero, the whole amount goes to the first (or a
    /// single empty) part.
    /// </summary>
    internal Monetary.Money[] SplitTax(Monetary.Money tax)
    {
        if (_components.Length <= 1 || Rate == 0m)
        {
            return [tax];
        }

        var weights = new decimal[_components.Length];
        var taxes = 0m;
        for (var i = 0; i < _components.Length; i++)
        {
            var c = _components[i];
            weights[i] = (c.IsCompound ? 100m + taxes : 100m) * c.Rate / 100m;
            taxes += weights[i];
        }

        return tax.Allocate(weights);
    }

    private TaxDecision(TaxDecision decision, string provider)
    {
        _components = decision._components;
        Components = decision.Components;
        Rate = decision.Rate;
        Treatment = decision.Treatment;
        RuleId = decision.RuleId;
        LegalBasis = decision.LegalBasis;
        Provider = provider;
    }

    private static decimal CombinedRate(TaxComponent[] components)
    {
        // Per 100 of base: a simple component adds its rate, a compound one its rate of (100 + taxes so far).
        var taxes = 0m;
        foreach (var c in components)
        {
            taxes += (c.IsCompound ? 100m + taxes : 100m) * c.Rate / 100m;
        }

        // Drop trailing zeros (2.5 + 2.5 is 5, not 5.0), so that the line rate (BT-152) reads as written.
        return taxes / 1.0000000000000000000000000000m;
    }
}
