using System.Collections.Concurrent;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Tax;

/// <summary>
/// The EU VAT rules: rates of the 27 member states with their effective dates, domestic supplies,
/// intra-community supplies of goods (K) and services (AE, reverse charge) to businesses with a
/// valid-format VAT identifier, distance sales to consumers taxed at the destination's rate when the
/// seller is above the threshold, and exports (G).
/// </summary>
/// <remarks>
/// <para>Covers supplies whose seller (for goods: the place of dispatch) is in a member state; it
/// declines every other supply so the chain can ask the next provider.</para>
/// <para>Product tax classes: "standard", "reduced", "second-reduced", "third-reduced",
/// "super-reduced", "parking" (the member state's rate slot of that kind on the supply date; a slot
/// keeps following the same goods over time, see docs/tax.md), "zero" (Z) and "exempt" (E). Which
/// products a state taxes at which reduced rate is national law the library does not encode: the
/// host classifies its catalogue per state. A class the state has no rate for on that date (Denmark
/// has no reduced rate) is "cannot decide", never zero tax.</para>
/// <para>Place of supply, simplified as docs/tax.md states: goods where dispatch begins for
/// domestic and B2B supplies; B2C distance sales of goods and electronically supplied services
/// (class "electronic-services") at the destination when
/// <see cref="TaxContext.SellerAboveDistanceSalesThreshold"/> is set; other B2C services at the
/// seller; B2B services at the buyer (reverse charge inside the EU, outside the scope of EU VAT
/// beyond it).</para>
/// <para>Member-state territories with their own VAT treatment (the Canary Islands, Ceuta,
/// Melilla, Åland, the Azores, Madeira, Corsica, given as the location's region) and goods to
/// Northern Ireland (region NIR or an XI buyer id) are "cannot decide": a host provider decides them.</para>
/// <para>Thread-safe; decisions are cached, so a repeated domestic, export or intra-community lookup
/// allocates nothing (checking a buyer's VAT identifier allocates a little; a business taxed like a
/// consumer gets a decision that names its identifier, built each time).</para>
/// </remarks>
public sealed class EuVatRuleProvider : ITaxRuleProvider
{
    private const string ElectronicServices = "electronic-services";

    private static readonly CountryCode Greece = CountryCode.FromCode("GR");

    private static readonly TaxRuleResult NotEu = TaxRuleResult.CannotDecide("the seller (or the place of dispatch) is not in an EU member state");

    /// <summary>
    /// Territories of member states with their own VAT treatment that these rules do not model
    /// (ISO 3166-2 region without the country prefix): outside the EU VAT area (Canary Islands,
    /// Ceuta, Melilla, Åland) or with regional rates (Azores, Madeira, Corsica).
    /// </summary>
    private static readonly (string Country, string Region, string Name)[] SpecialTerritories =
    [
        ("ES", "CN", "the Canary Islands"), ("ES", "CE", "Ceuta"), ("ES", "ML", "Melilla"), ("FI", "01", "Åland"),
        ("PT", "20", "the Azores"), ("PT", "30", "Madeira"), ("FR", "20R", "Corsica"), ("FR", "COR", "Corsica"),
    ];

    private readonly ConcurrentDictionary<(string Rule, CountryCode Country, TaxCategory Category, decimal Rate, string? Basis), TaxRuleResult> _results = new();

    private EuVatRuleProvider()
    {
    }

    /// <summary>The provider (it has no settings, and its decisions are cached for every caller).</summary>
    public static EuVatRuleProvider Instance { get; } = new();

    /// <summary>"EU VAT".</summary>
    public string Name => "EU VAT";

    /// <inheritdoc />
    public ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(context);
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<TaxRuleResult>(Decide(context));
    }

    private TaxRuleResult Decide(TaxContext context)
    {
        var goods = context.SupplyKind == SupplyKind.Goods;
        var from = goods ? context.Origin : context.Seller;
        var origin = from.Country;
        if (!EuVatRates.IsMemberState(origin))
        {
            return NotEu;
        }

        var to = goods ? context.Destination : context.Buyer;
        var destination = to.Country;
        if ((SpecialTerritory(from) ?? SpecialTerritory(to)) is { } territory)
        {
            return TaxRuleResult.CannotDecide($"{territory} has its own VAT treatment, which the EU VAT rules do not model; a host provider decides it");
        }

        if (goods && destination == CountryCode.Gb && (string.Equals(to.Region, "NIR", StringComparison.Ordinal) || context.BuyerTaxId.Prefix == "XI"))
        {
            return TaxRuleResult.CannotDecide("goods to Northern Ireland follow the EU VAT rules under the Windsor Framework (XI), which these rules do not model; a host provider decides it");
        }

        var electronic = string.Equals(context.ProductTaxClass, ElectronicServices, StringComparison.OrdinalIgnoreCase);
        var business = context.CustomerKind == CustomerKind.Business;
        if (!EuVatRates.IsMemberState(destination))
        {
            return goods
                ? Fixed("EU-VAT-EXPORT", origin, TaxCategory.Export, "Article 146 of Council Directive 2006/112/EC: exports of goods outside the EU are exempt with the right to deduct.")
                : business
                    ? Fixed("EU-VAT-SERVICE-OUTSIDE-EU", origin, TaxCategory.OutsideScope, "Article 44 of Council Directive 2006/112/EC: a business customer's services are supplied where it is established, outside the EU.")
                    : electronic
                        ? Fixed("EU-VAT-E-SERVICE-OUTSIDE-EU", origin, TaxCategory.OutsideScope, "Article 58 of Council Directive 2006/112/EC: electronically supplied services to consumers are supplied where the consumer lives, outside the EU.")
                        : Rated("EU-VAT-B2C-SERVICE-EXPORT", origin, context, "Article 45 of Council Directive 2006/112/EC: services to consumers are supplied where the supplier is established.");
        }

        if (destination == origin)
        {
            return Rated("EU-VAT-DOMESTIC", origin, context, null);
        }

        if (business && !context.BuyerTaxId.IsEmpty && EuVatNumber.IsValid(context.BuyerTaxId, out _) && PrefixMatches(context.BuyerTaxId, destination))
        {
            return goods
                ? Fixed("EU-VAT-INTRA-COMMUNITY-GOODS", origin, TaxCategory.IntraCommunitySupply, "Article 138 of Council Directive 2006/112/EC: intra-community supply of goods to a taxable person in another member state.")
                : Fixed("EU-VAT-REVERSE-CHARGE-SERVICES", origin, TaxCategory.ReverseCharge, "Articles 44 and 196 of Council Directive 2006/112/EC: the customer accounts for the VAT.");
        }

        // A consumer, or a business that gave no valid VAT identifier of its state: the supplier
        // cannot treat it as a taxable person, so the rules for supplies to consumers apply.
        var distanceSale = goods || electronic;
        var result = distanceSale && context.SellerAboveDistanceSalesThreshold
            ? Rated("EU-VAT-DISTANCE-SALE-DESTINATION", destination, context, "Articles 33 and 58 of Council Directive 2006/112/EC: distance sales to consumers above the EU-wide threshold are taxed where they arrive (declared through the One-Stop Shop).")
            : Rated("EU-VAT-B2C-ORIGIN", origin, context, distanceSale
                ? "Article 59c of Council Directive 2006/112/EC: below the EU-wide distance sales threshold, the supplier's member state taxes the sale."
                : "Article 45 of Council Directive 2006/112/EC: services to consumers are supplied where the supplier is established.");
        if (!business || !result.IsDecided)
        {
            return result;
        }

        // Say why a business is taxed like a consumer. Not cached: the reason names the buyer's identifier.
        var why = context.BuyerTaxId.IsEmpty
            ? "the buyer gave no VAT identifier"
            : !EuVatNumber.IsValid(context.BuyerTaxId, out var problem) ? problem : $"{context.BuyerTaxId} is not a VAT identifier of {destination}";
        var decision = result.Decision;
        return TaxRuleResult.Decided(new TaxDecision(decision.Category, decision.Components, "EU-VAT-B2B-WITHOUT-VALID-VAT-ID",
            $"Taxed like a supply to a consumer: {why}, so neither the exemption of Article 138 nor the reverse charge applies. {decision.LegalBasis}",
            decision.Treatment.ExemptionReasonCode, decision.Treatment.ExemptionReason).DecidedBy(Name));
    }

    private static string? SpecialTerritory(TaxLocation location)
    {
        if (location.Region is not { } region)
        {
            return null;
        }

        foreach (var (country, code, name) in SpecialTerritories)
        {
            if (string.Equals(location.Country.Code, country, StringComparison.Ordinal) && string.Equals(region, code, StringComparison.Ordinal))
            {
                return $"{name} ({country}-{code})";
            }
        }

        return null;
    }

    private static bool PrefixMatches(VatIdentifier id, CountryCode country)
        => id.Prefix == (country == Greece ? "EL" : country.Code);

    private TaxRuleResult Rated(string rule, CountryCode country, TaxContext context, string? basis)
    {
        var productClass = context.ProductTaxClass;
        if (string.Equals(productClass, "zero", StringComparison.OrdinalIgnoreCase))
        {
            return Cached(rule, country, TaxCategory.ZeroRated, 0m, basis);
        }

        if (string.Equals(productClass, "exempt", StringComparison.OrdinalIgnoreCase))
        {
            return Cached(rule, country, TaxCategory.Exempt, 0m, basis);
        }

        if (!TryKind(productClass, out var kind))
        {
            return TaxRuleResult.CannotDecide(
                $"product tax class '{productClass}' is not an EU VAT class (standard, reduced, second-reduced, third-reduced, super-reduced, parking, zero, exempt, {ElectronicServices})");
        }

        return EuVatRates.TryFind(country, kind, context.SupplyDate, out var rate)
            ? Cached(rule, country, TaxCategory.Standard, rate, basis)
            : TaxRuleResult.CannotDecide($"{country.Code} has no {KindName(kind)} VAT rate on {context.SupplyDate:uuuu-MM-dd}");
    }

    private TaxRuleResult Fixed(string rule, CountryCode country, TaxCategory category, string basis) => Cached(rule, country, category, 0m, basis);

    /// <summary>The decision for a rule, cached: every key part comes from this provider's own finite texts and rates.</summary>
    private TaxRuleResult Cached(string rule, CountryCode country, TaxCategory category, decimal rate, string? basis)
        => _results.GetOrAdd((rule, country, category, rate, basis), static (key, name) =>
        {
            var components = key.Category == TaxCategory.OutsideScope ? [] : new[] { new TaxComponent("VAT", key.Country.Code, key.Rate) };
            var (code, reason) = ExemptionOf(key.Category, key.Country);
            var decision = new TaxDecision(key.Category, components, key.Rule, key.Basis, code, reason).DecidedBy(name);
            return TaxRuleResult.Decided(decision);
        }, Name);

    private static (string? Code, string? Reason) ExemptionOf(TaxCategory category, CountryCode country)
        => category == TaxCategory.IntraCommunitySupply ? ((string?)"VATEX-EU-IC", (string?)"Intra-Community supply")
            : category == TaxCategory.ReverseCharge ? ("VATEX-EU-AE", "Reverse charge")
            : category == TaxCategory.Export ? ("VATEX-EU-G", "Export outside the EU")
            : category == TaxCategory.OutsideScope ? ("VATEX-EU-O", "Not subject to VAT")
            : category == TaxCategory.Exempt ? (null, $"Exempt from VAT under the law of {country.Code}")
            : ((string?)null, (string?)null);

    private static bool TryKind(string productClass, out EuRateKind kind)
    {
        ReadOnlySpan<(string Name, EuRateKind Kind)> classes =
        [
            ("standard", EuRateKind.Standard), (ElectronicServices, EuRateKind.Standard), ("reduced", EuRateKind.Reduced),
            ("second-reduced", EuRateKind.SecondReduced), ("third-reduced", EuRateKind.ThirdReduced), ("super-reduced", EuRateKind.SuperReduced),
            ("parking", EuRateKind.Parking),
        ];
        foreach (var (name, candidate) in classes)
        {
            if (string.Equals(productClass, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    private static string KindName(EuRateKind kind) => kind switch
    {
        EuRateKind.Standard => "standard",
        EuRateKind.Reduced => "reduced",
        EuRateKind.SecondReduced => "second reduced",
        EuRateKind.ThirdReduced => "third reduced",
        EuRateKind.SuperReduced => "super-reduced",
        _ => "parking",
    };
}
