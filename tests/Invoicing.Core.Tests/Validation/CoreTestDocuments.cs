using Invoicing.Core.EInvoicing;
using Invoicing.Core.Validation;
using NodaTime;

namespace Invoicing.Core.Tests.Validation;

/// <summary>Documents and helpers the core, calculation, decimal and totals rule tests share.</summary>
internal static class CoreTestDocuments
{
    /// <summary>The families of rules the core rule files own.</summary>
    internal static bool IsCoreFamily(string ruleId)
        => ruleId.StartsWith("BR-CO-", StringComparison.Ordinal)
           || ruleId.StartsWith("BR-DEC-", StringComparison.Ordinal)
           || (ruleId.Length == 5 && ruleId.StartsWith("BR-", StringComparison.Ordinal) && char.IsAsciiDigit(ruleId[3]) && char.IsAsciiDigit(ruleId[4]));

    /// <summary>A complete two-line invoice (S 25 %, one allowance, one charge) that breaks no core rule.</summary>
    internal static EInvoice Valid() => new()
    {
        Number = "INV-1",
        IssueDate = new LocalDate(2026, 3, 1),
        TypeCode = "380",
        CurrencyCode = "EUR",
        ProcessControl = new ProcessControl { SpecificationIdentifier = "urn:cen.eu:en16931:2017" },
        Seller = new Seller
        {
            Name = "Seller AB",
            VatIdentifier = "SE556677889901",
            ElectronicAddress = new SchemeIdentifier("7300010000001", "0088"),
            Address = new EInvoiceAddress { City = "Stockholm", CountryCode = "SE" },
        },
        Buyer = new Buyer
        {
            Name = "Buyer GmbH",
            VatIdentifier = "DE123456789",
            ElectronicAddress = new SchemeIdentifier("4000001000005", "0088"),
            Address = new EInvoiceAddress { City = "Berlin", CountryCode = "DE" },
        },
        PaymentInstructions = new PaymentInstructions
        {
            PaymentMeansTypeCode = "30",
            CreditTransfers = [new CreditTransfer { PaymentAccountIdentifier = "SE4550000000058398257466" }],
        },
        Allowances = [new DocumentLevelAllowanceCharge { Amount = 10.00m, VatCategoryCode = "S", VatRate = 25m, Reason = "Discount" }],
        Charges = [new DocumentLevelAllowanceCharge { Amount = 5.00m, VatCategoryCode = "S", VatRate = 25m, ReasonCode = "FC" }],
        Lines =
        [
            Line("1", 720.81m),
            Line("2", 100.00m),
        ],
        VatBreakdown = [new VatBreakdown { CategoryCode = "S", Rate = 25m, TaxableAmount = 815.81m, TaxAmount = 203.95m }],
        Totals = new DocumentTotals
        {
            SumOfLineNetAmounts = 820.81m,
            SumOfAllowances = 10.00m,
            SumOfCharges = 5.00m,
            TotalWithoutVat = 815.81m,
            TotalVat = 203.95m,
            TotalWithVat = 1019.76m,
            PaidAmount = 19.76m,
            AmountDueForPayment = 1000.00m,
        },
    };

    /// <summary>A complete line of category S 25 %.</summary>
    internal static EInvoiceLine Line(string id, decimal net) => new()
    {
        Identifier = id,
        Quantity = 1m,
        UnitCode = "C62",
        NetAmount = net,
        Price = new PriceDetails { NetPrice = net },
        Vat = new LineVatInformation { CategoryCode = "S", Rate = 25m },
        Item = new ItemInformation { Name = "Item " + id },
    };

    /// <summary>The findings of one rule on a document, validated as <paramref name="syntax"/> (null: built in memory).</summary>
    internal static IReadOnlyList<Finding> Findings(EInvoice document, string ruleId, EInvoiceSyntax? syntax = null)
        => [.. EInvoiceValidator.En16931.Validate(document, syntax).Findings.Where(f => f.RuleId == ruleId)];

    /// <summary>The ids of the core-family rules that fire on a document.</summary>
    internal static IReadOnlyList<string> FiredCoreRules(EInvoice document, EInvoiceSyntax? syntax = null)
        => [.. EInvoiceValidator.En16931.Validate(document, syntax).Findings.Select(f => f.RuleId).Where(IsCoreFamily).Distinct()];
}
