using Invoicing.Core.EInvoicing;
using static Invoicing.Core.Validation.CategoryRules;

namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>BR-S/Z/E/AE/IC/G/O/AF/AG/B-*: the per-category VAT rules.</summary>
    public static IEnumerable<IValidationRule> Categories() =>
    [
        .. Family("BR-S", "S", "Standard rated", exactlyOne: false, PartyRequirement.SellerTaxId, RateRequirement.Positive, TaxableCheck.PerRateWithItem, calculatedTax: true, exemptionRequired: false),
        .. Family("BR-Z", "Z", "Zero rated", exactlyOne: true, PartyRequirement.SellerTaxId, RateRequirement.Zero, TaxableCheck.Category, calculatedTax: false, exemptionRequired: false),
        .. Family("BR-E", "E", "Exempt from VAT", exactlyOne: true, PartyRequirement.SellerTaxId, RateRequirement.Zero, TaxableCheck.Category, calculatedTax: false, exemptionRequired: true),
        .. Family("BR-AE", "AE", "Reverse charge", exactlyOne: true, PartyRequirement.SellerTaxIdAndBuyerId, RateRequirement.Zero, TaxableCheck.Category, calculatedTax: false, exemptionRequired: true),
        .. Family("BR-IC", "K", "Intra-community supply", exactlyOne: true, PartyRequirement.SellerVatIdAndBuyerVatId, RateRequirement.Zero, TaxableCheck.Category, calculatedTax: false, exemptionRequired: true),
        IntraCommunityDeliveryDate(),
        IntraCommunityDeliveryCountry(),
        .. Family("BR-G", "G", "Export outside the EU", exactlyOne: true, PartyRequirement.SellerVatId, RateRequirement.Zero, TaxableCheck.Category, calculatedTax: false, exemptionRequired: true),
        .. Family("BR-O", "O", "Not subject to VAT", exactlyOne: true, PartyRequirement.NoVatIds, RateRequirement.Absent, TaxableCheck.CategoryExact, calculatedTax: false, exemptionRequired: true),
        NotSubjectToVatAlone("BR-O-11", "shall not contain other VAT breakdown groups (BG-23)", Target.Breakdowns),
        NotSubjectToVatAlone("BR-O-12", "shall not contain an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151) is not \"Not subject to VAT\"", Target.Lines),
        NotSubjectToVatAlone("BR-O-13", "shall not contain Document level allowances (BG-20) where Document level allowance VAT category code (BT-95) is not \"Not subject to VAT\"", Target.Allowances),
        NotSubjectToVatAlone("BR-O-14", "shall not contain Document level charges (BG-21) where Document level charge VAT category code (BT-102) is not \"Not subject to VAT\"", Target.Charges),
        .. Family("BR-AF", "L", "IGIC", exactlyOne: false, PartyRequirement.SellerTaxId, RateRequirement.NotNegative, TaxableCheck.PerRate, calculatedTax: true, exemptionRequired: false),
        .. Family("BR-AG", "M", "IPSI", exactlyOne: false, PartyRequirement.SellerTaxId, RateRequirement.NotNegative, TaxableCheck.PerRate, calculatedTax: true, exemptionRequired: false),
        SplitPaymentDomestic(),
        SplitPaymentWithoutStandardRate(),
    ];

    private static IEnumerable<IValidationRule> Family(string prefix, string category, string name, bool exactlyOne, PartyRequirement parties,
        RateRequirement rate, TaxableCheck taxable, bool calculatedTax, bool exemptionRequired)
    {
        // Where the CII artefacts differ from the UBL ones beyond the tolerances: BR-AF-05...07 require a rate above
        // zero, BR-AF-09 and BR-AG-09 are left to BR-CO-17, and BR-O-01 applies only when there is an O breakdown.
        var ciiRate = prefix == "BR-AF" ? RateRequirement.Positive : rate;
        yield return exactlyOne ? ExactlyOneBreakdown($"{prefix}-01", category, name, breakdownOnly: category == "O") : AtLeastOneBreakdown($"{prefix}-01", category, name);
        yield return CategoryRules.Parties($"{prefix}-02", category, name, ItemKind.Line, parties);
        yield return CategoryRules.Parties($"{prefix}-03", category, name, ItemKind.Allowance, parties);
        yield return CategoryRules.Parties($"{prefix}-04", category, name, ItemKind.Charge, parties);
        yield return Rate($"{prefix}-05", category, name, ItemKind.Line, rate, ciiRate);
        yield return Rate($"{prefix}-06", category, name, ItemKind.Allowance, rate, ciiRate);
        yield return Rate($"{prefix}-07", category, name, ItemKind.Charge, rate, ciiRate);
        yield return TaxableAmount($"{prefix}-08", category, name, taxable);
        yield return calculatedTax ? CalculatedTax($"{prefix}-09", category, name, checkedInCii: category == "S") : ZeroTax($"{prefix}-09", category, name);
        yield return ExemptionReason($"{prefix}-10", category, name, exemptionRequired);
    }

    private static ValidationRule IntraCommunityDeliveryDate() => new("BR-IC-11", FindingSeverity.Fatal,
        "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" the Actual delivery date (BT-72) or the Invoicing period (BG-14) shall not be blank.",
        context =>
        {
            var document = context.Document;
            if (CountBreakdowns(document, "K") == 0 || document.Delivery?.ActualDeliveryDate is not null
                || document.InvoicingPeriod is { StartDate: not null } or { EndDate: not null }
                || (!context.IsCii && document.VatPointDateCode is not null)
                || context.HasUnreadableIn("BG-14"))
            {
                return; // UBL carries BT-8 inside the invoicing period, which then is not blank; a date that could not be parsed is not blank either
            }

            context.Report("The invoice has an intra-community supply (VAT category 'K') breakdown, but neither an actual delivery date (BT-72) nor an invoicing period (BG-14).", "BT-72", "BG-13/BT-72");
        });

    private static ValidationRule IntraCommunityDeliveryCountry() => new("BR-IC-12", FindingSeverity.Fatal,
        "In an Invoice with a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"Intra-community supply\" the Deliver to country code (BT-80) shall not be blank.",
        context =>
        {
            var document = context.Document;
            if (CountBreakdowns(document, "K") > 0 && !(document.Delivery?.Address?.CountryCode?.Trim().Length > 1))
            {
                context.Report("The invoice has an intra-community supply (VAT category 'K') breakdown, but no deliver to country code (BT-80).", "BT-80", "BG-13/BG-15/BT-80");
            }
        });

    private enum Target
    {
        Breakdowns,
        Lines,
        Allowances,
        Charges,
        BreakdownsAndLines,
        AllowancesAndCharges,
    }

    private static ValidationRule NotSubjectToVatAlone(string id, string rest, Target target) => new(id, FindingSeverity.Fatal,
        $"An Invoice that contains a VAT breakdown group (BG-23) with a VAT category code (BT-118) \"Not subject to VAT\" {rest}.",
        context =>
        {
            var document = context.Document;
            if (CountBreakdowns(document, "O") == 0)
            {
                return;
            }

            // The CII artefacts check breakdowns and lines together (ApplicableTradeTax) for BR-O-11/12, and allowances
            // and charges together (CategoryTradeTax) for BR-O-13/14.
            var checks = !context.IsCii ? target
                : target is Target.Breakdowns or Target.Lines ? Target.BreakdownsAndLines : Target.AllowancesAndCharges;
            switch (checks)
            {
                case Target.BreakdownsAndLines:
                    ReportOtherBreakdowns(context, document);
                    ReportOtherLines(context, document);
                    break;
                case Target.AllowancesAndCharges:
                    ReportOthers(context, document.Allowances, "BG-20", "BT-95", "allowance");
                    ReportOthers(context, document.Charges, "BG-21", "BT-102", "charge");
                    break;
                case Target.Breakdowns:
                    ReportOtherBreakdowns(context, document);
                    break;
                case Target.Lines:
                    ReportOtherLines(context, document);
                    break;
                case Target.Allowances:
                    ReportOthers(context, document.Allowances, "BG-20", "BT-95", "allowance");
                    break;
                default:
                    ReportOthers(context, document.Charges, "BG-21", "BT-102", "charge");
                    break;
            }
        });

    private static void ReportOtherBreakdowns(ValidationContext context, EInvoice document)
    {
        for (var i = 0; i < document.VatBreakdown.Count; i++)
        {
            if (IsOther(document.VatBreakdown[i].CategoryCode, "O"))
            {
                context.Report(Text($"A VAT breakdown has category 'O' (not subject to VAT), and VAT breakdown {i + 1} has category (BT-118) '{document.VatBreakdown[i].CategoryCode}'."), "BT-118", Text($"BG-23[{i + 1}]/BT-118"));
            }
        }
    }

    private static void ReportOtherLines(ValidationContext context, EInvoice document)
    {
        for (var i = 0; i < document.Lines.Count; i++)
        {
            if (IsOther(document.Lines[i].Vat?.CategoryCode, "O"))
            {
                context.Report(Text($"A VAT breakdown has category 'O' (not subject to VAT), and line {i + 1} has VAT category (BT-151) '{document.Lines[i].Vat!.CategoryCode}'."), "BT-151", Text($"BG-25[{i + 1}]/BG-30/BT-151"));
            }
        }
    }

    private static void ReportOthers(ValidationContext context, IReadOnlyList<DocumentLevelAllowanceCharge> items, string group, string term, string what)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (IsOther(items[i].VatCategoryCode, "O"))
            {
                context.Report(Text($"A VAT breakdown has category 'O' (not subject to VAT), and document level {what} {i + 1} has VAT category ({term}) '{items[i].VatCategoryCode}'."), term, Text($"{group}[{i + 1}]/{term}"));
            }
        }
    }

    /// <summary>True when split payment (VAT category B) appears on a breakdown, line, allowance or charge.</summary>
    private static bool UsesSplitPayment(EInvoice document)
        => CountBreakdowns(document, "B") > 0 || FirstLine(document, "B") >= 0 || First(document.Allowances, "B") >= 0 || First(document.Charges, "B") >= 0;

    private static ValidationRule SplitPaymentDomestic() => new("BR-B-01", FindingSeverity.Fatal,
        "An Invoice where the VAT category code (BT-151, BT-95 or BT-102) is \"Split payment\" shall be a domestic Italian invoice.",
        context =>
        {
            var document = context.Document;
            if (!UsesSplitPayment(document))
            {
                return;
            }

            // As the artefacts check it: every country code in the invoice is IT.
            NotItaly(context, document.Seller?.Address?.CountryCode, "BT-40", "BG-4/BG-5/BT-40");
            NotItaly(context, document.Buyer?.Address?.CountryCode, "BT-55", "BG-7/BG-8/BT-55");
            NotItaly(context, document.SellerTaxRepresentative?.Address?.CountryCode, "BT-69", "BG-11/BG-12/BT-69");
            NotItaly(context, document.Delivery?.Address?.CountryCode, "BT-80", "BG-13/BG-15/BT-80");
            for (var i = 0; i < document.Lines.Count; i++)
            {
                NotItaly(context, document.Lines[i].Item?.CountryOfOrigin, "BT-159", Text($"BG-25[{i + 1}]/BG-31/BT-159"));
            }

            static void NotItaly(ValidationContext context, string? country, string term, string path)
            {
                if (country is not null && !Is(country, "IT"))
                {
                    context.Report(Text($"The invoice uses split payment (VAT category 'B'), which is for domestic Italian invoices, but {term} is '{country}'."), term, path);
                }
            }
        });

    private static ValidationRule SplitPaymentWithoutStandardRate() => new("BR-B-02", FindingSeverity.Fatal,
        "An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"Split payment\" shall not contain an invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"Standard rated\".",
        context =>
        {
            var document = context.Document;
            if (!UsesSplitPayment(document))
            {
                return;
            }

            if (FirstLine(document, "S") is var line and >= 0)
            {
                context.Report(Text($"The invoice uses split payment (VAT category 'B'), and line {line + 1} is standard rated ('S')."), "BT-151", Text($"BG-25[{line + 1}]/BG-30/BT-151"));
            }

            if (First(document.Allowances, "S") is var allowance and >= 0)
            {
                context.Report(Text($"The invoice uses split payment (VAT category 'B'), and document level allowance {allowance + 1} is standard rated ('S')."), "BT-95", Text($"BG-20[{allowance + 1}]/BT-95"));
            }

            if (First(document.Charges, "S") is var charge and >= 0)
            {
                context.Report(Text($"The invoice uses split payment (VAT category 'B'), and document level charge {charge + 1} is standard rated ('S')."), "BT-102", Text($"BG-21[{charge + 1}]/BT-102"));
            }

            // The CII artefacts look at every category code, the VAT breakdown's too.
            if (context.IsCii && CountBreakdowns(document, "S") > 0)
            {
                context.Report("The invoice uses split payment (VAT category 'B'), and a VAT breakdown is standard rated ('S').", "BT-118", "BG-23");
            }
        });
}
