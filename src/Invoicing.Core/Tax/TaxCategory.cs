using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Tax;

/// <summary>
/// A tax category of UNCL 5305 as EN 16931 uses it (BT-95, BT-102, BT-118, BT-151): S standard
/// rate, Z zero rated, E exempt, AE reverse charge, K intra-community supply, G export outside the
/// EU, O outside the scope of VAT, L Canary Islands (IGIC), M Ceuta and Melilla (IPSI).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Each category carries the EN 16931 rules for its rate and its
/// exemption reason (BR-S-05, BR-Z-05, BR-E-05, BR-AE-05, BR-IC-05, BR-G-05, BR-O-05, BR-AF-05,
/// BR-AG-05 and the matching -10 rules); <see cref="TaxTreatment"/> enforces them.</para>
/// <para><c>default(TaxCategory)</c> is the standard rate, S.</para>
/// <para>JSON: the code as a string, for example <c>"AE"</c>.</para>
/// </remarks>
[JsonConverter(typeof(TaxCategoryJsonConverter))]
public readonly struct TaxCategory : IEquatable<TaxCategory>, ISpanFormattable, ISpanParsable<TaxCategory>
{
    private static readonly TaxCategory[] Categories =
    [
        new(Kind.Standard), new(Kind.ZeroRated), new(Kind.Exempt), new(Kind.ReverseCharge), new(Kind.IntraCommunitySupply),
        new(Kind.Export), new(Kind.OutsideScope), new(Kind.CanaryIslands), new(Kind.CeutaMelilla),
    ];

    private readonly Kind _kind;

    private TaxCategory(Kind kind) => _kind = kind;

    private enum Kind
    {
        Standard,
        ZeroRated,
        Exempt,
        ReverseCharge,
        IntraCommunitySupply,
        Export,
        OutsideScope,
        CanaryIslands,
        CeutaMelilla,
    }

    /// <summary>What a category says about the rate of an item in it.</summary>
    internal enum RateRule
    {
        /// <summary>A rate above zero is required (S).</summary>
        Positive,

        /// <summary>The rate is zero (Z, E, AE, K, G).</summary>
        Zero,

        /// <summary>A rate of zero or more is required (L, M).</summary>
        NonNegative,

        /// <summary>There is no rate at all (O).</summary>
        None,
    }

    /// <summary>S — standard rate (the normal or a reduced rate above zero).</summary>
    public static TaxCategory Standard => new(Kind.Standard);

    /// <summary>Z — zero rated goods or services (rate 0, no exemption reason).</summary>
    public static TaxCategory ZeroRated => new(Kind.ZeroRated);

    /// <summary>E — exempt from tax (rate 0, with an exemption reason).</summary>
    public static TaxCategory Exempt => new(Kind.Exempt);

    /// <summary>AE — VAT reverse charge: the buyer accounts for the tax (rate 0, with an exemption reason).</summary>
    public static TaxCategory ReverseCharge => new(Kind.ReverseCharge);

    /// <summary>K — VAT exempt for an intra-community supply of goods and services in the EU (rate 0, with an exemption reason).</summary>
    public static TaxCategory IntraCommunitySupply => new(Kind.IntraCommunitySupply);

    /// <summary>G — free export item, tax not charged: export outside the EU (rate 0, with an exemption reason).</summary>
    public static TaxCategory Export => new(Kind.Export);

    /// <summary>O — services outside the scope of tax (no rate, with an exemption reason).</summary>
    public static TaxCategory OutsideScope => new(Kind.OutsideScope);

    /// <summary>L — Canary Islands general indirect tax, IGIC (rate zero or more).</summary>
    public static TaxCategory CanaryIslands => new(Kind.CanaryIslands);

    /// <summary>M — tax for production, services and importation in Ceuta and Melilla, IPSI (rate zero or more).</summary>
    public static TaxCategory CeutaMelilla => new(Kind.CeutaMelilla);

    /// <summary>All nine categories, in the order of their codes as listed above.</summary>
    public static IReadOnlyList<TaxCategory> All { get; } = Array.AsReadOnly(Categories);

    /// <summary>The UNCL 5305 code: S, Z, E, AE, K, G, O, L or M.</summary>
    public string Code => _kind switch
    {
        Kind.Standard => "S",
        Kind.ZeroRated => "Z",
        Kind.Exempt => "E",
        Kind.ReverseCharge => "AE",
        Kind.IntraCommunitySupply => "K",
        Kind.Export => "G",
        Kind.OutsideScope => "O",
        Kind.CanaryIslands => "L",
        _ => "M",
    };

    /// <summary>The English name of the category.</summary>
    public string Name => _kind switch
    {
        Kind.Standard => "Standard rate",
        Kind.ZeroRated => "Zero rated goods",
        Kind.Exempt => "Exempt from tax",
        Kind.ReverseCharge => "VAT reverse charge",
        Kind.IntraCommunitySupply => "VAT exempt for EEA intra-community supply of goods and services",
        Kind.Export => "Free export item, tax not charged",
        Kind.OutsideScope => "Services outside scope of tax",
        Kind.CanaryIslands => "Canary Islands general indirect tax",
        _ => "Tax for production, services and importation in Ceuta and Melilla",
    };

    /// <summary>
    /// True for the categories whose tax breakdown needs an exemption reason code or text (E, AE, K,
    /// G, O: rules BR-E-10, BR-AE-10, BR-IC-10, BR-G-10, BR-O-10); false for the others, which must
    /// not have one (BR-S-10, BR-Z-10, BR-AF-10, BR-AG-10).
    /// </summary>
    public bool RequiresExemptionReason => _kind is Kind.Exempt or Kind.ReverseCharge or Kind.IntraCommunitySupply or Kind.Export or Kind.OutsideScope;

    internal RateRule Rate => _kind switch
    {
        Kind.Standard => RateRule.Positive,
        Kind.OutsideScope => RateRule.None,
        Kind.CanaryIslands or Kind.CeutaMelilla => RateRule.NonNegative,
        _ => RateRule.Zero,
    };

    /// <summary>Returns the category with the given UNCL 5305 code (exact, upper case).</summary>
    /// <param name="code">S, Z, E, AE, K, G, O, L or M.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not one of the nine codes.</exception>
    public static TaxCategory FromCode(string code)
    {
        Preconditions.CheckNotNull(code);
        return TryFromCode(code, out var category)
            ? category
            : throw new ArgumentException($"'{code}' is not a tax category code of EN 16931 (S, Z, E, AE, K, G, O, L, M).", nameof(code));
    }

    /// <summary>Looks up a category by its UNCL 5305 code without throwing.</summary>
    /// <param name="code">The code.</param>
    /// <param name="category">The category when found.</param>
    /// <returns>True when found.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out TaxCategory category)
    {
        foreach (var candidate in Categories)
        {
            if (code.SequenceEqual(candidate.Code))
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }

    /// <summary>Parses a category code; surrounding white space is allowed.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The category.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException">The text is not a category code.</exception>
    public static TaxCategory Parse(string s, IFormatProvider? provider) => Parse(Preconditions.CheckNotNull(s).AsSpan(), provider);

    /// <summary>Parses a category code; surrounding white space is allowed.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The category.</returns>
    /// <exception cref="FormatException">The text is not a category code.</exception>
    public static TaxCategory Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var category)
            ? category
            : throw new FormatException($"'{s}' is not a tax category code of EN 16931 (S, Z, E, AE, K, G, O, L, M).");

    /// <summary>Parses a category code without throwing.</summary>
    /// <param name="s">The code, or null.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The category when parsed.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TaxCategory result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses a category code without throwing.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The category when parsed.</param>
    /// <returns>True when parsed.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TaxCategory result)
        => TryFromCode(s.Trim(), out result);

    /// <summary>Returns whether both are the same category.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(TaxCategory left, TaxCategory right) => left.Equals(right);

    /// <summary>Returns whether the categories differ.</summary>
    /// <param name="left">The first category.</param>
    /// <param name="right">The second category.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(TaxCategory left, TaxCategory right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> is the same category.</summary>
    /// <param name="other">The category to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TaxCategory other) => _kind == other._kind;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TaxCategory other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)_kind;

    /// <summary>Returns the code, for example "AE".</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Returns the code; format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Code;

    /// <summary>Writes the code into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer.</param>
    /// <param name="charsWritten">Characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when the buffer is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var code = Code;
        charsWritten = code.TryCopyTo(destination) ? code.Length : 0;
        return charsWritten > 0;
    }

    /// <summary>Orders categories by their position in <see cref="All"/>, for stable tax breakdowns.</summary>
    internal int Order => (int)_kind;
}
