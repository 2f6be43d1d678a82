using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Documents;

/// <summary>
/// Worked examples from the official EN 16931 test material (TestData/en16931): each UBL example
/// invoice is read for its numbers (lines, prices, allowances and charges, tax categories), rebuilt
/// through the library's API, and must give exactly the totals and tax breakdown it states.
/// </summary>
/// <remarks>
/// Examples 1, 2, 3 and 10 and the guide examples are not here: some of their lines state a net
/// amount (BT-131) that does not follow from quantity × price (example 3: 2 × 800.00 stated as
/// 800.00). EN 16931 itself only requires BT-106 = Σ BT-131 (BR-CO-10); rebuilding from quantities
/// and prices, as this library does, cannot reproduce them. Importing such invoices with their
/// stated amounts is the e-invoicing mapping's concern.
/// </remarks>
public sealed class En16931ExampleTotalsTests
{
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    public static TheoryData<string, string> Examples => new()
    {
        { "ubl-tc434-example4.xml", "two VAT rates (25% and 12%)" },
        { "ubl-tc434-example5.xml", "percentage allowances and charges on lines and document, prepaid amount" },
        { "ubl-tc434-example6.xml", "two VAT rates" },
        { "ubl-tc434-example7.xml", "outside the scope of VAT (O)" },
        { "ubl-tc434-example8.xml", "unit prices with five decimals, base quantities of 12" },
        { "ubl-tc434-example9.xml", "monthly service" },
        { "issue116.xml", "whole-krona amounts, four tax groups (6%, 12%, 25%, exempt), document allowances and charges" },
        { "sample-discount-price.xml", "a unit price with four decimals" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public Task Rebuilt_GivesTheTotalsTheExampleStates(string file, string what) => VerifyAsync(file, what, throughRules: false);

    /// <summary>
    /// The same examples with every line's tax decided by the rule engine (a host provider that maps
    /// each item's tax class to its category and rate, asked through a provider chain): the tax
    /// breakdown (BG-23) and totals come out as stated, and every line keeps its decision.
    /// </summary>
    [Theory]
    [MemberData(nameof(Examples))]
    public Task DecidedByTaxRules_GivesTheTaxBreakdownTheExampleStates(string file, string what) => VerifyAsync(file, what, throughRules: true);

    private static async Task VerifyAsync(string file, string what, bool throughRules)
    {
        var example = Load(file);
        var currency = Currency.FromCode(example.Root!.Element(Cbc + "DocumentCurrencyCode")!.Value);
        var exemptions = ExemptionReasons(example);
        var lines = example.Root.Elements(Cac + "InvoiceLine").Select(l => ReadLine(l, currency, exemptions)).ToArray();
        var returns = lines.Any(l => l.Quantity.Value < 0m);

        // EN 16931 allows negative quantities anywhere; this library takes them only as returns on a
        // consumer invoice whose policy allows them, so such an example is rebuilt that way.
        var (service, _, _) = Service(returns ? InvoicingPolicy.Default with { AllowRetailReturns = true } : null);
        var header = new InvoiceHeader(currency, Seller)
        {
            Buyer = Buyer,
            CustomerKind = returns ? CustomerKind.Consumer : CustomerKind.Business,
            PrepaidAmount = Amount(example.Root.Element(Cac + "LegalMonetaryTotal")!, "PrepaidAmount", currency),
        };
        var draft = service.CreateDraft(Tenant, header, lines).Invoice;
        foreach (var (ac, index) in example.Root.Elements(Cac + "AllowanceCharge").Select((e, i) => (e, i)))
        {
            draft = service.AddAllowanceCharge(draft, ReadDocumentAllowanceCharge(ac, index, currency, exemptions)).Invoice;
        }

        if (throughRules)
        {
            var rules = new CompositeTaxRuleProvider(new ExampleClassRules(lines.Select(l => (l.Item.TaxClass!, l.Tax))));
            var supply = new TaxContext(new TaxLocation(CountryCode.De), new TaxLocation(CountryCode.De), new NodaTime.LocalDate(2026, 1, 1), lines[0].Item.TaxClass!);
            draft = (await service.DecideTaxAsync(draft, rules, supply)).Invoice;
            Assert.All(draft.Lines, l => Assert.Equal($"example rules:{l.Item.TaxClass}", $"{l.TaxDecision?.Provider}:{l.TaxDecision?.RuleId}"));
        }

        var totals = draft.Totals;
        var expected = example.Root.Element(Cac + "LegalMonetaryTotal")!;
        Assert.Equal(Amount(expected, "LineExtensionAmount", currency), totals.LineNetTotal);
        Assert.Equal(Amount(expected, "AllowanceTotalAmount", currency) ?? Money.Zero(currency), totals.AllowanceTotal);
        Assert.Equal(Amount(expected, "ChargeTotalAmount", currency) ?? Money.Zero(currency), totals.ChargeTotal);
        Assert.Equal(Amount(expected, "TaxExclusiveAmount", currency), totals.TaxExclusiveTotal);
        Assert.Equal(Amount(expected, "TaxInclusiveAmount", currency), totals.TaxInclusiveTotal);
        Assert.Equal(Amount(expected, "PayableRoundingAmount", currency) ?? Money.Zero(currency), totals.RoundingAmount);
        Assert.Equal(Amount(expected, "PayableAmount", currency), totals.AmountDue);
        Assert.Equal(Amount(example.Root.Element(Cac + "TaxTotal")!, "TaxAmount", currency), totals.TaxTotal);

        var expectedLines = example.Root.Elements(Cac + "InvoiceLine").Select(l => Amount(l, "LineExtensionAmount", currency)).ToArray();
        Assert.Equal(expectedLines, totals.Lines.Select(l => (Money?)l.Amount));

        var expectedGroups = example.Root.Element(Cac + "TaxTotal")!.Elements(Cac + "TaxSubtotal")
            .Select(s => (
                Category: s.Element(Cac + "TaxCategory")!.Element(Cbc + "ID")!.Value.Trim(),
                Rate: s.Element(Cac + "TaxCategory")!.Element(Cbc + "Percent") is { } p ? Normalize(Decimal(p.Value)) : (decimal?)null,
                Taxable: Amount(s, "TaxableAmount", currency),
                Tax: Amount(s, "TaxAmount", currency)))
            .OrderBy(g => g.Category, StringComparer.Ordinal).ThenBy(g => g.Rate)
            .ToArray();
        var actualGroups = totals.TaxBreakdown.Subtotals
            .Select(s => (Category: s.Treatment.Category.Code, Rate: s.Treatment.Category == TaxCategory.OutsideScope ? null : s.Treatment.Rate, Taxable: (Money?)s.TaxableAmount, Tax: (Money?)s.TaxAmount))
            .OrderBy(g => g.Category, StringComparer.Ordinal).ThenBy(g => g.Rate)
            .ToArray();
        Assert.True(expectedGroups.SequenceEqual(actualGroups), $"{file} ({what}): tax breakdown {string.Join(", ", actualGroups)} differs from {string.Join(", ", expectedGroups)}");
    }

    private static InvoiceLine ReadLine(XElement line, Currency currency, IReadOnlyDictionary<string, (string? Code, string? Text)> exemptions)
    {
        var quantity = line.Element(Cbc + "InvoicedQuantity")!;
        var price = line.Element(Cac + "Price")!;
        var item = line.Element(Cac + "Item")!;
        var category = item.Element(Cac + "ClassifiedTaxCategory")!;
        var taxClass = $"{category.Element(Cbc + "ID")!.Value.Trim()}-{category.Element(Cbc + "Percent")?.Value.Trim() ?? "none"}";
        var result = new InvoiceLine(
            InvoiceLineId.From(line.Element(Cbc + "ID")!.Value),
            new Item(item.Element(Cbc + "Name")?.Value ?? "item") { TaxClass = taxClass },
            new Quantity(Decimal(quantity.Value), UnitCode.FromCode(quantity.Attribute("unitCode")!.Value)),
            Money.Of(Decimal(price.Element(Cbc + "PriceAmount")!.Value), currency),
            Treatment(item.Element(Cac + "ClassifiedTaxCategory")!, exemptions));
        return result with
        {
            BaseQuantity = price.Element(Cbc + "BaseQuantity") is { } baseQuantity ? Decimal(baseQuantity.Value) : 1m,
            AllowanceCharges = [.. line.Elements(Cac + "AllowanceCharge").Select(ac => ReadTerms(ac, currency))],
        };
    }

    /// <summary>A host's rules in miniature: the example's item tax classes ("S-25") mapped to their category and rate.</summary>
    private sealed class ExampleClassRules(IEnumerable<(string TaxClass, TaxTreatment Treatment)> classes) : ITaxRuleProvider
    {
        private readonly Dictionary<string, TaxDecision> _decisions = classes.DistinctBy(c => c.TaxClass).ToDictionary(
            c => c.TaxClass,
            c => new TaxDecision(c.Treatment.Category,
                c.Treatment.Category == TaxCategory.OutsideScope ? [] : [new TaxComponent("VAT", "example", c.Treatment.Rate!.Value)],
                c.TaxClass, exemptionReasonCode: c.Treatment.ExemptionReasonCode, exemptionReason: c.Treatment.ExemptionReason));

        public string Name => "example rules";

        public ValueTask<TaxRuleResult> DecideAsync(TaxContext context, CancellationToken cancellationToken = default)
            => new(_decisions.TryGetValue(context.ProductTaxClass, out var decision)
                ? TaxRuleResult.Decided(decision)
                : TaxRuleResult.CannotDecide($"no class '{context.ProductTaxClass}'"));
    }

    private static DocumentAllowanceCharge ReadDocumentAllowanceCharge(XElement ac, int index, Currency currency, IReadOnlyDictionary<string, (string? Code, string? Text)> exemptions)
        => new(InvoiceLineId.From($"doc-{index + 1}"), ReadTerms(ac, currency), Treatment(ac.Element(Cac + "TaxCategory")!, exemptions));

    private static AllowanceCharge ReadTerms(XElement ac, Currency currency)
    {
        var isCharge = ac.Element(Cbc + "ChargeIndicator")!.Value.Trim() is "true" or "1";
        var reason = ac.Element(Cbc + "AllowanceChargeReason")?.Value;
        var code = ac.Element(Cbc + "AllowanceChargeReasonCode")?.Value;
        var amount = Amount(ac, "Amount", currency)!.Value;
        if (ac.Element(Cbc + "MultiplierFactorNumeric") is { } factor && Amount(ac, "BaseAmount", currency) is Money baseAmount)
        {
            var percent = Decimal(factor.Value);
            return isCharge ? AllowanceCharge.ChargePercent(percent, reason, code, baseAmount) : AllowanceCharge.AllowancePercent(percent, reason, code, baseAmount);
        }

        return isCharge ? AllowanceCharge.Charge(amount, reason, code) : AllowanceCharge.Allowance(amount, reason, code);
    }

    private static TaxTreatment Treatment(XElement category, IReadOnlyDictionary<string, (string? Code, string? Text)> exemptions)
    {
        var code = category.Element(Cbc + "ID")!.Value.Trim();
        var taxCategory = TaxCategory.FromCode(code);
        var rate = category.Element(Cbc + "Percent") is { } percent && taxCategory != TaxCategory.OutsideScope ? Decimal(percent.Value) : (decimal?)null;
        var (reasonCode, reason) = taxCategory.RequiresExemptionReason && exemptions.TryGetValue(code, out var found) ? found : (null, null);
        return TaxTreatment.Of(taxCategory, rate, reasonCode, reason);
    }

    /// <summary>The exemption reasons stated in the tax breakdown, by category: a line states only its category and rate.</summary>
    private static Dictionary<string, (string? Code, string? Text)> ExemptionReasons(XDocument example)
        => example.Root!.Element(Cac + "TaxTotal")!.Elements(Cac + "TaxSubtotal")
            .Select(s => s.Element(Cac + "TaxCategory")!)
            .Where(c => c.Element(Cbc + "TaxExemptionReason") is not null || c.Element(Cbc + "TaxExemptionReasonCode") is not null)
            .ToDictionary(c => c.Element(Cbc + "ID")!.Value.Trim(), c => (c.Element(Cbc + "TaxExemptionReasonCode")?.Value, c.Element(Cbc + "TaxExemptionReason")?.Value));

    private static Money? Amount(XElement parent, string name, Currency currency)
        => parent.Element(Cbc + name) is { } element ? Money.Of(Decimal(element.Value), currency) : null;

    private static decimal Decimal(string text) => decimal.Parse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static XDocument Load(string file)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "TestData", "en16931", "ubl", "examples", file), settings);
        return XDocument.Load(reader);
    }
}
