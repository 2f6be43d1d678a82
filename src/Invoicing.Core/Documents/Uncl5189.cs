// UNTDID 5189 "Allowance or charge identification code", restricted to the 19 allowance reason
// codes EN 16931 admits for BT-98 (document level) and BT-140 (invoice line): code and English
// name, ordered by numeric value (all codes are numbers).
//
// Codes: rule BR-CL-19 of the official EN 16931 validation artefacts (CEN/TC 434),
//   github.com/ConnectingEurope/eInvoicing-EN16931, ubl/schematron/codelist/EN16931-UBL-codes.sch
//   at commit 1e80828331ada02c669d8c3b1c8927ffb62be47c (the EN 16931 code lists as of the spring
//   2025 release, issue #422; code 105 was added in 2022, issue #306).
// Names: as the EN 16931 code list publishes them, from github.com/OpenPEPPOL/peppol-bis-invoice-3
//   structure/codelist/UNCL5189.xml (commit 090b4afd) and github.com/horstoeko/zugferd
//   src/codelists/ZugferdAllowanceCodes.php (commit 545200e4), which agree on every entry
//   (including the typographic apostrophe of "Manufacturer’s").
// To update: keep one entry per line in numeric order; AllowanceReasonCodeTests guards the shape.
namespace Invoicing.Core.Documents;

/// <summary>
/// The allowance reason codes of EN 16931 (UNTDID 5189 subset, BT-98 and BT-140), code and English
/// name (19 entries). See the file header for the exact source and version.
/// </summary>
internal static class Uncl5189
{
    /// <summary>The list's short name in errors.</summary>
    internal const string CodeList = "UNCL 5189";

    /// <summary>Every entry, ordered by numeric value of the code.</summary>
    internal static readonly CodeListEntry[] All =
    [
        new("41", "Bonus for works ahead of schedule"),
        new("42", "Other bonus"),
        new("60", "Manufacturer’s consumer discount"),
        new("62", "Due to military status"),
        new("63", "Due to work accident"),
        new("64", "Special agreement"),
        new("65", "Production error discount"),
        new("66", "New outlet discount"),
        new("67", "Sample discount"),
        new("68", "End-of-range discount"),
        new("70", "Incoterm discount"),
        new("71", "Point of sales threshold allowance"),
        new("88", "Material surcharge/deduction"),
        new("95", "Discount"),
        new("100", "Special rebate"),
        new("102", "Fixed long term"),
        new("103", "Temporary"),
        new("104", "Standard"),
        new("105", "Yearly turnover"),
    ];

    // Declared after All, because static fields initialise in textual order.
    internal static readonly CodeTable Table = new(CodeList, "allowance reason, EN 16931 subset", All);

    internal static readonly CodeListEntry SpecialAgreement = Table.Find("64");
    internal static readonly CodeListEntry SampleDiscount = Table.Find("67");
    internal static readonly CodeListEntry EndOfRangeDiscount = Table.Find("68");
    internal static readonly CodeListEntry Discount = Table.Find("95");
    internal static readonly CodeListEntry SpecialRebate = Table.Find("100");
    internal static readonly CodeListEntry YearlyTurnover = Table.Find("105");
}
