namespace Invoicing.Core.EInvoicing;

/// <summary>The XML syntaxes of EN 16931 that the library reads and writes.</summary>
public enum EInvoiceSyntax
{
    /// <summary>OASIS UBL 2.1, root <c>Invoice</c> (namespace urn:oasis:names:specification:ubl:schema:xsd:Invoice-2).</summary>
    UblInvoice = 1,

    /// <summary>OASIS UBL 2.1, root <c>CreditNote</c> (namespace urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2).</summary>
    UblCreditNote = 2,

    /// <summary>UN/CEFACT Cross Industry Invoice D16B, root <c>rsm:CrossIndustryInvoice</c> (Factur-X, ZUGFeRD, XRechnung CII).</summary>
    Cii = 3,
}
