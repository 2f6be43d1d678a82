using System.Collections.Frozen;
using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>BR-CL-*: the code lists.</summary>
    public static IEnumerable<IValidationRule> CodeLists() =>
    [
        Fatal("BR-CL-01", "The document type code MUST be coded by the invoice and credit note related code lists of UNTDID 1001.", CheckDocumentType),
        Fatal("BR-CL-03", "currencyID MUST be coded using ISO code list 4217 alpha-3.", CheckAmountCurrencies),
        Fatal("BR-CL-04", "Invoice currency code MUST be coded using ISO code list 4217 alpha-3.",
            c => CheckCode(c, c.Document.CurrencyCode, Validation.CodeLists.Currencies, "ISO 4217", "BT-5", "BT-5")),
        Fatal("BR-CL-05", "Tax currency code MUST be coded using ISO code list 4217 alpha-3.",
            c => CheckCode(c, c.Document.VatAccountingCurrencyCode, Validation.CodeLists.Currencies, "ISO 4217", "BT-6", "BT-6")),
        Fatal("BR-CL-06", "Value added tax point date code MUST be coded using a restriction of UNTDID 2005.",
            c => CheckCode(c, c.Document.VatPointDateCode, c.IsCii ? Validation.CodeLists.CiiVatPointDateCodes : Validation.CodeLists.VatPointDateCodes,
                c.IsCii ? "UNTDID 2475 (5, 29, 72)" : "UNTDID 2005 (3, 35, 432)", "BT-8", "BT-8")),
        Fatal("BR-CL-07", "Object identifier identification scheme identifier MUST be coded using a restriction of UNTDID 1153.", CheckObjectIdentifierSchemes),
        Fatal("BR-CL-08", "Subject Code MUST be coded using a restriction of UNTDID 4451.", CheckSubjectCodes),
        Fatal("BR-CL-10", "Any identifier identification scheme identifier MUST be coded using one of the ISO 6523 ICD list.", CheckIdentifierSchemes),
        Fatal("BR-CL-11", "Any registration identifier identification scheme identifier MUST be coded using one of the ISO 6523 ICD list.", CheckRegistrationSchemes),
        Fatal("BR-CL-13", "Item classification identifier identification scheme identifier MUST be coded using one of the UNTDID 7143 list.", CheckClassificationSchemes),
        Fatal("BR-CL-14", "Country codes in an invoice MUST be coded using ISO code list 3166-1.", CheckAddressCountries),
        Fatal("BR-CL-15", "Country codes in an invoice MUST be coded using ISO code list 3166-1.", CheckOriginCountries),
        Fatal("BR-CL-16", "Payment means in an invoice MUST be coded using UNCL4461 code list.",
            c => CheckCode(c, c.Document.PaymentInstructions?.PaymentMeansTypeCode, Validation.CodeLists.PaymentMeans, "UNTDID 4461", "BT-81", "BG-16/BT-81")),
        Fatal("BR-CL-17", "Invoice tax categories MUST be coded using UNCL5305 code list.", CheckDocumentVatCategories),
        Fatal("BR-CL-18", "Invoice tax categories MUST be coded using UNCL5305 code list.", CheckLineVatCategories),
        Fatal("BR-CL-19", "Coded allowance reasons MUST belong to the UNCL 5189 code list.", CheckAllowanceReasons),
        Fatal("BR-CL-20", "Coded charge reasons MUST belong to the UNCL 7161 code list.", CheckChargeReasons),
        Fatal("BR-CL-21", "Item standard identifier scheme identifier MUST belong to the ISO 6523 ICD code list.", CheckStandardIdentifierSchemes),
        Fatal("BR-CL-22", "Tax exemption reason code identifier scheme identifier MUST belong to the CEF VATEX code list.", CheckExemptionReasonCodes),
        Fatal("BR-CL-23", "Unit code MUST be coded according to the UN/ECE Recommendation 20 with Rec 21 extension.", CheckUnitCodes),
        Fatal("BR-CL-24", "For Mime code in attribute use MIMEMediaType.", CheckMimeCodes),
        Fatal("BR-CL-25", "Endpoint identifier scheme identifier MUST belong to the CEF EAS code list.", CheckElectronicAddressSchemes),
        Fatal("BR-CL-26", "Delivery location identifier scheme identifier MUST belong to the ISO 6523 ICD code list.",
            c => CheckCode(c, c.Document.Delivery?.LocationIdentifier?.SchemeId, Validation.CodeLists.Icd, "ISO 6523 ICD", "BT-71-1", "BG-13/BT-71-1")),
    ];

    /// <summary>Reports <paramref name="value"/> when it is given and not in <paramref name="set"/>.</summary>
    private static void CheckCode(ValidationContext context, string? value, FrozenSet<string> set, string list, string term, string path)
    {
        if (value is not null && !Validation.CodeLists.Contains(set, value))
        {
            context.Report(string.Create(CultureInfo.InvariantCulture, $"{term} '{value}' is not a code of {list}."), term, path);
        }
    }

    private static void CheckDocumentType(ValidationContext context)
    {
        var (set, list) = context.Syntax switch
        {
            EInvoiceSyntax.UblInvoice => (Validation.CodeLists.InvoiceTypeCodes, "UNTDID 1001 (invoice type codes)"),
            EInvoiceSyntax.UblCreditNote => (Validation.CodeLists.CreditNoteTypeCodes, "UNTDID 1001 (credit note type codes)"),
            _ => (Validation.CodeLists.DocumentTypeCodes, "UNTDID 1001 (invoice and credit note type codes)"),
        };
        CheckCode(context, context.Document.TypeCode, set, list, "BT-3", "BT-3");
    }

    /// <summary>BR-CL-03 on every currencyID the reader saw (each once: <see cref="EInvoiceReadResult.AmountCurrencyCodes"/> is distinct).</summary>
    private static void CheckAmountCurrencies(ValidationContext context)
    {
        foreach (var code in context.AmountCurrencyCodes)
        {
            if (!Validation.CodeLists.Contains(Validation.CodeLists.Currencies, code))
            {
                context.Report(string.Create(CultureInfo.InvariantCulture, $"An amount's currencyID '{code}' is not a code of ISO 4217."), "BT-5", "BT-5");
            }
        }
    }

    private static void CheckObjectIdentifierSchemes(ValidationContext context)
    {
        var document = context.Document;
        CheckCode(context, document.InvoicedObjectIdentifier?.SchemeId, Validation.CodeLists.ReferenceQualifiers, "UNTDID 1153", "BT-18-1", "BT-18-1");
        for (var i = 0; i < document.Lines.Count; i++)
        {
            if (document.Lines[i].ObjectIdentifier?.SchemeId is { } scheme)
            {
                CheckCode(context, scheme, Validation.CodeLists.ReferenceQualifiers, "UNTDID 1153", "BT-128-1", LinePath(i, "BT-128-1"));
            }
        }
    }

    private static void CheckSubjectCodes(ValidationContext context)
    {
        var notes = context.Document.Notes;
        for (var i = 0; i < notes.Count; i++)
        {
            var code = notes[i].SubjectCode;
            // UBL carries the code inside the note as "#ABC#text"; the artefacts check only three-letter codes there.
            if (code is null || (!context.IsCii && code.AsSpan().Trim().Length != 3))
            {
                continue;
            }

            CheckCode(context, code, Validation.CodeLists.SubjectCodes, "UNTDID 4451", "BT-21", Indexed("BG-1", i, "BT-21"));
        }
    }

    private static void CheckIdentifierSchemes(ValidationContext context)
    {
        var document = context.Document;
        if (document.Seller is { } seller)
        {
            for (var i = 0; i < seller.Identifiers.Count; i++)
            {
                CheckIcdOrSepa(context, seller.Identifiers[i].SchemeId, "BT-29-1", string.Create(CultureInfo.InvariantCulture, $"BG-4/BT-29-1[{i + 1}]"));
            }
        }

        CheckCode(context, document.Buyer?.Identifier?.SchemeId, Validation.CodeLists.Icd, "ISO 6523 ICD", "BT-46-1", "BG-7/BT-46-1");
        CheckIcdOrSepa(context, document.Payee?.Identifier?.SchemeId, "BT-60-1", "BG-10/BT-60-1");

        // The seller's and the payee's identifiers may also be SEPA creditor identifiers (scheme "SEPA").
        static void CheckIcdOrSepa(ValidationContext context, string? scheme, string term, string path)
        {
            if (scheme is not null && !scheme.AsSpan().Trim().SequenceEqual("SEPA"))
            {
                CheckCode(context, scheme, Validation.CodeLists.Icd, "ISO 6523 ICD", term, path);
            }
        }
    }

    private static void CheckRegistrationSchemes(ValidationContext context)
    {
        var document = context.Document;
        CheckCode(context, document.Seller?.LegalRegistrationIdentifier?.SchemeId, Validation.CodeLists.Icd, "ISO 6523 ICD", "BT-30-1", "BG-4/BT-30-1");
        CheckCode(context, document.Buyer?.LegalRegistrationIdentifier?.SchemeId, Validation.CodeLists.Icd, "ISO 6523 ICD", "BT-47-1", "BG-7/BT-47-1");
        CheckCode(context, document.Payee?.LegalRegistrationIdentifier?.SchemeId, Validation.CodeLists.Icd, "ISO 6523 ICD", "BT-61-1", "BG-10/BT-61-1");
    }

    private static void CheckClassificationSchemes(ValidationContext context)
    {
        var lines = context.Document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Item is not { } item)
            {
                continue;
            }

            for (var j = 0; j < item.ClassificationIdentifiers.Count; j++)
            {
                if (item.ClassificationIdentifiers[j].SchemeId is { } scheme)
                {
                    CheckCode(context, scheme, Validation.CodeLists.ItemClassificationSchemes, "UNTDID 7143", "BT-158-1",
                        string.Create(CultureInfo.InvariantCulture, $"BG-25[{i + 1}]/BG-31/BT-158-1[{j + 1}]"));
                }
            }
        }
    }

    private static void CheckAddressCountries(ValidationContext context)
    {
        var document = context.Document;
        CheckCode(context, document.Seller?.Address?.CountryCode, Validation.CodeLists.Countries, "ISO 3166-1 alpha-2", "BT-40", "BG-4/BG-5/BT-40");
        CheckCode(context, document.Buyer?.Address?.CountryCode, Validation.CodeLists.Countries, "ISO 3166-1 alpha-2", "BT-55", "BG-7/BG-8/BT-55");
        CheckCode(context, document.SellerTaxRepresentative?.Address?.CountryCode, Validation.CodeLists.Countries, "ISO 3166-1 alpha-2", "BT-69", "BG-11/BG-12/BT-69");
        CheckCode(context, document.Delivery?.Address?.CountryCode, Validation.CodeLists.Countries, "ISO 3166-1 alpha-2", "BT-80", "BG-13/BG-15/BT-80");
    }

    private static void CheckOriginCountries(ValidationContext context)
    {
        var lines = context.Document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Item?.CountryOfOrigin is { } country)
            {
                CheckCode(context, country, Validation.CodeLists.Countries, "ISO 3166-1 alpha-2", "BT-159", LinePath(i, "BG-31/BT-159"));
            }
        }
    }

    private static void CheckDocumentVatCategories(ValidationContext context)
    {
        var document = context.Document;
        for (var i = 0; i < document.VatBreakdown.Count; i++)
        {
            CheckCode(context, document.VatBreakdown[i].CategoryCode, Validation.CodeLists.VatCategories, "UNTDID 5305 (EN 16931 subset)", "BT-118", Indexed("BG-23", i, "BT-118"));
        }

        for (var i = 0; i < document.Allowances.Count; i++)
        {
            CheckCode(context, document.Allowances[i].VatCategoryCode, Validation.CodeLists.VatCategories, "UNTDID 5305 (EN 16931 subset)", "BT-95", Indexed("BG-20", i, "BT-95"));
        }

        for (var i = 0; i < document.Charges.Count; i++)
        {
            CheckCode(context, document.Charges[i].VatCategoryCode, Validation.CodeLists.VatCategories, "UNTDID 5305 (EN 16931 subset)", "BT-102", Indexed("BG-21", i, "BT-102"));
        }
    }

    private static void CheckLineVatCategories(ValidationContext context)
    {
        var lines = context.Document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Vat?.CategoryCode is { } code)
            {
                CheckCode(context, code, Validation.CodeLists.VatCategories, "UNTDID 5305 (EN 16931 subset)", "BT-151", LinePath(i, "BG-30/BT-151"));
            }
        }
    }

    private static void CheckAllowanceReasons(ValidationContext context)
    {
        var document = context.Document;
        for (var i = 0; i < document.Allowances.Count; i++)
        {
            CheckCode(context, document.Allowances[i].ReasonCode, Validation.CodeLists.AllowanceReasons, "UNTDID 5189 (EN 16931 subset)", "BT-98", Indexed("BG-20", i, "BT-98"));
        }

        for (var i = 0; i < document.Lines.Count; i++)
        {
            var allowances = document.Lines[i].Allowances;
            for (var j = 0; j < allowances.Count; j++)
            {
                if (allowances[j].ReasonCode is { } code)
                {
                    CheckCode(context, code, Validation.CodeLists.AllowanceReasons, "UNTDID 5189 (EN 16931 subset)", "BT-140",
                        string.Create(CultureInfo.InvariantCulture, $"BG-25[{i + 1}]/BG-27[{j + 1}]/BT-140"));
                }
            }
        }
    }

    private static void CheckChargeReasons(ValidationContext context)
    {
        var document = context.Document;
        for (var i = 0; i < document.Charges.Count; i++)
        {
            CheckCode(context, document.Charges[i].ReasonCode, Validation.CodeLists.ChargeReasons, "UNTDID 7161", "BT-105", Indexed("BG-21", i, "BT-105"));
        }

        for (var i = 0; i < document.Lines.Count; i++)
        {
            var charges = document.Lines[i].Charges;
            for (var j = 0; j < charges.Count; j++)
            {
                if (charges[j].ReasonCode is { } code)
                {
                    CheckCode(context, code, Validation.CodeLists.ChargeReasons, "UNTDID 7161", "BT-145",
                        string.Create(CultureInfo.InvariantCulture, $"BG-25[{i + 1}]/BG-28[{j + 1}]/BT-145"));
                }
            }
        }
    }

    private static void CheckStandardIdentifierSchemes(ValidationContext context)
    {
        var lines = context.Document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Item?.StandardIdentifier?.SchemeId is { } scheme)
            {
                CheckCode(context, scheme, Validation.CodeLists.Icd, "ISO 6523 ICD", "BT-157-1", LinePath(i, "BG-31/BT-157-1"));
            }
        }
    }

    private static void CheckExemptionReasonCodes(ValidationContext context)
    {
        var breakdown = context.Document.VatBreakdown;
        for (var i = 0; i < breakdown.Count; i++)
        {
            // The artefacts compare the code upper-cased: "vatex-eu-ae" is accepted.
            if (breakdown[i].ExemptionReasonCode is { } code && !Validation.CodeLists.Contains(Validation.CodeLists.Vatex, code.ToUpperInvariant()))
            {
                context.Report(string.Create(CultureInfo.InvariantCulture, $"BT-121 '{code}' is not a code of the CEF VATEX list."), "BT-121", Indexed("BG-23", i, "BT-121"));
            }
        }
    }

    private static void CheckUnitCodes(ValidationContext context)
    {
        var lines = context.Document.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            CheckUnit(context, line.UnitCode, "BT-130", LinePath(i, "BT-130"));
            CheckUnit(context, line.Price?.BaseQuantityUnitCode, "BT-150", LinePath(i, "BG-29/BT-150"));
        }

        static void CheckUnit(ValidationContext context, string? code, string term, string path)
        {
            if (code is not null && !Rec20.Table.TryGet(code.AsSpan().Trim(), out _))
            {
                context.Report(string.Create(CultureInfo.InvariantCulture, $"{term} '{code}' is not a code of UN/ECE Recommendation 20 with the Rec 21 extension."), term, path);
            }
        }
    }

    private static void CheckMimeCodes(ValidationContext context)
    {
        var documents = context.Document.SupportingDocuments;
        for (var i = 0; i < documents.Count; i++)
        {
            // Exact comparison: the artefacts compare the attribute as written, without trimming.
            if (documents[i].Attachment?.MimeCode is { } mime && !Validation.CodeLists.MimeCodes.Contains(mime))
            {
                context.Report(string.Create(CultureInfo.InvariantCulture, $"BT-125-1 '{mime}' is not one of the allowed MIME types (application/pdf, image/png, image/jpeg, text/csv, .xlsx, .ods)."),
                    "BT-125-1", Indexed("BG-24", i, "BT-125-1"));
            }
        }
    }

    private static void CheckElectronicAddressSchemes(ValidationContext context)
    {
        CheckCode(context, context.Document.Seller?.ElectronicAddress?.SchemeId, Validation.CodeLists.ElectronicAddressSchemes, "the CEF EAS list", "BT-34-1", "BG-4/BT-34-1");
        CheckCode(context, context.Document.Buyer?.ElectronicAddress?.SchemeId, Validation.CodeLists.ElectronicAddressSchemes, "the CEF EAS list", "BT-49-1", "BG-7/BT-49-1");
    }

    private static string Indexed(string group, int index, string term)
        => string.Create(CultureInfo.InvariantCulture, $"{group}[{index + 1}]/{term}");

    private static string LinePath(int index, string rest) => Indexed("BG-25", index, rest);
}
