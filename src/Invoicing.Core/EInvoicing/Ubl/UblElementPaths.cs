using System.Globalization;
using System.Text;

namespace Invoicing.Core.EInvoicing.Ubl;

/// <summary>
/// Turns a model path (<c>BG-25[2]/BT-131</c>) into the UBL element path of the EN 16931-3-2 binding
/// (<c>/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount</c>). Best effort: a path the table does not
/// know gives null.
/// </summary>
internal sealed class UblElementPaths
{
    private static readonly UblElementPaths Invoice = new(false);
    private static readonly UblElementPaths CreditNote = new(true);

    private readonly string _root;
    private readonly Dictionary<string, string> _pieces = new(StringComparer.Ordinal);

    private UblElementPaths(bool creditNote)
    {
        _root = creditNote ? "/CreditNote" : "/Invoice";
        Build(creditNote);
    }

    /// <summary>The paths of an Invoice or of a CreditNote.</summary>
    public static UblElementPaths For(bool creditNote) => creditNote ? CreditNote : Invoice;

    /// <summary>The element path of <paramref name="modelPath"/>, or null when unknown.</summary>
    public string? Resolve(string modelPath)
    {
        var segments = modelPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        var path = new StringBuilder(_root);
        var key = string.Empty;
        foreach (var segment in segments)
        {
            var (id, index) = Split(segment);
            var next = key.Length == 0 ? id : key + "/" + id;
            if (_pieces.TryGetValue(next, out var piece))
            {
                Append(path, piece, index);
                key = next;
                continue;
            }

            // A term given without its intermediate group(s): find the only key below the current one that ends with it.
            var candidates = _pieces.Keys.Where(k => k.EndsWith("/" + id, StringComparison.Ordinal) && (key.Length == 0 || k.StartsWith(key + "/", StringComparison.Ordinal))).ToList();
            if (candidates.Count != 1)
            {
                return null;
            }

            var chain = candidates[0][(key.Length == 0 ? 0 : key.Length + 1)..].Split('/');
            var prefix = key;
            for (var i = 0; i < chain.Length; i++)
            {
                prefix = prefix.Length == 0 ? chain[i] : prefix + "/" + chain[i];
                Append(path, _pieces[prefix], i == chain.Length - 1 ? index : null);
            }

            key = prefix;
        }

        return path.ToString();
    }

    private void Append(StringBuilder path, string piece, int? index)
    {
        var indexText = index is { } n ? string.Create(CultureInfo.InvariantCulture, $"[{n}]") : string.Empty;
        if (piece.StartsWith('/'))
        {
            path.Clear().Append(_root);
            piece = piece[1..];
        }

        if (piece.Length == 0)
        {
            return;
        }

        path.Append('/').Append(piece.Contains('#', StringComparison.Ordinal) ? piece.Replace("#", indexText, StringComparison.Ordinal) : piece + indexText);
    }

    private static (string Id, int? Index) Split(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open < 0 || !segment.EndsWith(']'))
        {
            return (segment, null);
        }

        return int.TryParse(segment.AsSpan(open + 1, segment.Length - open - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? (segment[..open], index)
            : (segment, null);
    }

    private void Add(string key, string piece) => _pieces[key] = piece;

    private void Build(bool creditNote)
    {
        Add("BT-1", "cbc:ID");
        Add("BT-2", "cbc:IssueDate");
        Add("BT-3", creditNote ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode");
        Add("BT-5", "cbc:DocumentCurrencyCode");
        Add("BT-6", "cbc:TaxCurrencyCode");
        Add("BT-7", "cbc:TaxPointDate");
        Add("BT-8", "cac:InvoicePeriod/cbc:DescriptionCode");
        Add("BT-9", creditNote ? "cac:PaymentMeans/cbc:PaymentDueDate" : "cbc:DueDate");
        Add("BT-10", "cbc:BuyerReference");
        Add("BT-11", creditNote ? "cac:AdditionalDocumentReference[cbc:DocumentTypeCode='50']/cbc:ID" : "cac:ProjectReference/cbc:ID");
        Add("BT-12", "cac:ContractDocumentReference/cbc:ID");
        Add("BT-13", "cac:OrderReference/cbc:ID");
        Add("BT-14", "cac:OrderReference/cbc:SalesOrderID");
        Add("BT-15", "cac:ReceiptDocumentReference/cbc:ID");
        Add("BT-16", "cac:DespatchDocumentReference/cbc:ID");
        Add("BT-17", "cac:OriginatorDocumentReference/cbc:ID");
        Add("BT-18", "cac:AdditionalDocumentReference[cbc:DocumentTypeCode='130']/cbc:ID");
        Add("BT-18-1", "cac:AdditionalDocumentReference[cbc:DocumentTypeCode='130']/cbc:ID/@schemeID");
        Add("BT-19", "cbc:AccountingCost");
        Add("BT-20", "cac:PaymentTerms/cbc:Note");

        Add("BG-1", "cbc:Note");
        Add("BG-1/BT-21", string.Empty);
        Add("BG-1/BT-22", string.Empty);
        Add("BG-2", string.Empty);
        Add("BG-2/BT-23", "cbc:ProfileID");
        Add("BG-2/BT-24", "cbc:CustomizationID");
        Add("BG-3", "cac:BillingReference");
        Add("BG-3/BT-25", "cac:InvoiceDocumentReference/cbc:ID");
        Add("BG-3/BT-26", "cac:InvoiceDocumentReference/cbc:IssueDate");

        Add("BG-4", "cac:AccountingSupplierParty/cac:Party");
        Add("BG-4/BT-27", "cac:PartyLegalEntity/cbc:RegistrationName");
        Add("BG-4/BT-28", "cac:PartyName/cbc:Name");
        Add("BG-4/BT-29", "cac:PartyIdentification#/cbc:ID");
        Add("BG-4/BT-29-1", "cac:PartyIdentification#/cbc:ID/@schemeID");
        Add("BG-4/BT-30", "cac:PartyLegalEntity/cbc:CompanyID");
        Add("BG-4/BT-30-1", "cac:PartyLegalEntity/cbc:CompanyID/@schemeID");
        Add("BG-4/BT-31", "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID");
        Add("BG-4/BT-32", "cac:PartyTaxScheme[cac:TaxScheme/cbc:ID!='VAT']/cbc:CompanyID");
        Add("BG-4/BT-33", "cac:PartyLegalEntity/cbc:CompanyLegalForm");
        Add("BG-4/BT-34", "cbc:EndpointID");
        Add("BG-4/BT-34-1", "cbc:EndpointID/@schemeID");
        AddAddress("BG-4/BG-5", "cac:PostalAddress", 35, 36, 162, 37, 38, 39, 40);
        AddContact("BG-4/BG-6", 41);

        Add("BG-7", "cac:AccountingCustomerParty/cac:Party");
        Add("BG-7/BT-44", "cac:PartyLegalEntity/cbc:RegistrationName");
        Add("BG-7/BT-45", "cac:PartyName/cbc:Name");
        Add("BG-7/BT-46", "cac:PartyIdentification/cbc:ID");
        Add("BG-7/BT-46-1", "cac:PartyIdentification/cbc:ID/@schemeID");
        Add("BG-7/BT-47", "cac:PartyLegalEntity/cbc:CompanyID");
        Add("BG-7/BT-47-1", "cac:PartyLegalEntity/cbc:CompanyID/@schemeID");
        Add("BG-7/BT-48", "cac:PartyTaxScheme/cbc:CompanyID");
        Add("BG-7/BT-49", "cbc:EndpointID");
        Add("BG-7/BT-49-1", "cbc:EndpointID/@schemeID");
        AddAddress("BG-7/BG-8", "cac:PostalAddress", 50, 51, 163, 52, 53, 54, 55);
        AddContact("BG-7/BG-9", 56);

        Add("BG-10", "cac:PayeeParty");
        Add("BG-10/BT-59", "cac:PartyName/cbc:Name");
        Add("BG-10/BT-60", "cac:PartyIdentification/cbc:ID");
        Add("BG-10/BT-60-1", "cac:PartyIdentification/cbc:ID/@schemeID");
        Add("BG-10/BT-61", "cac:PartyLegalEntity/cbc:CompanyID");
        Add("BG-10/BT-61-1", "cac:PartyLegalEntity/cbc:CompanyID/@schemeID");

        Add("BG-11", "cac:TaxRepresentativeParty");
        Add("BG-11/BT-62", "cac:PartyName/cbc:Name");
        Add("BG-11/BT-63", "cac:PartyTaxScheme/cbc:CompanyID");
        AddAddress("BG-11/BG-12", "cac:PostalAddress", 64, 65, 164, 66, 67, 68, 69);

        Add("BG-13", "cac:Delivery");
        Add("BG-13/BT-70", "cac:DeliveryParty/cac:PartyName/cbc:Name");
        Add("BG-13/BT-71", "cac:DeliveryLocation/cbc:ID");
        Add("BG-13/BT-71-1", "cac:DeliveryLocation/cbc:ID/@schemeID");
        Add("BG-13/BT-72", "cbc:ActualDeliveryDate");
        AddAddress("BG-13/BG-15", "cac:DeliveryLocation/cac:Address", 75, 76, 165, 77, 78, 79, 80);
        Add("BG-13/BG-14", "/cac:InvoicePeriod");
        Add("BG-13/BG-14/BT-73", "cbc:StartDate");
        Add("BG-13/BG-14/BT-74", "cbc:EndDate");
        Add("BG-14", "cac:InvoicePeriod");
        Add("BG-14/BT-73", "cbc:StartDate");
        Add("BG-14/BT-74", "cbc:EndDate");

        Add("BG-16", string.Empty);
        Add("BG-16/BT-81", "cac:PaymentMeans/cbc:PaymentMeansCode");
        Add("BG-16/BT-82", "cac:PaymentMeans/cbc:PaymentMeansCode/@name");
        Add("BG-16/BT-83", "cac:PaymentMeans/cbc:PaymentID");
        Add("BG-16/BG-17", "cac:PaymentMeans#/cac:PayeeFinancialAccount");
        Add("BG-16/BG-17/BT-84", "cbc:ID");
        Add("BG-16/BG-17/BT-85", "cbc:Name");
        Add("BG-16/BG-17/BT-86", "cac:FinancialInstitutionBranch/cbc:ID");
        Add("BG-16/BG-18", "cac:PaymentMeans/cac:CardAccount");
        Add("BG-16/BG-18/BT-87", "cbc:PrimaryAccountNumberID");
        Add("BG-16/BG-18/BT-88", "cbc:HolderName");
        Add("BG-16/BG-19", string.Empty);
        Add("BG-16/BG-19/BT-89", "cac:PaymentMeans/cac:PaymentMandate/cbc:ID");
        Add("BG-16/BG-19/BT-90", "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID[@schemeID='SEPA']");
        Add("BG-16/BG-19/BT-91", "cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID");

        AddDocumentAllowanceCharge("BG-20", "false", 92);
        AddDocumentAllowanceCharge("BG-21", "true", 99);

        Add("BG-22", "cac:LegalMonetaryTotal");
        Add("BG-22/BT-106", "cbc:LineExtensionAmount");
        Add("BG-22/BT-107", "cbc:AllowanceTotalAmount");
        Add("BG-22/BT-108", "cbc:ChargeTotalAmount");
        Add("BG-22/BT-109", "cbc:TaxExclusiveAmount");
        Add("BG-22/BT-110", "/cac:TaxTotal[1]/cbc:TaxAmount");
        Add("BG-22/BT-111", "/cac:TaxTotal[2]/cbc:TaxAmount");
        Add("BG-22/BT-112", "cbc:TaxInclusiveAmount");
        Add("BG-22/BT-113", "cbc:PrepaidAmount");
        Add("BG-22/BT-114", "cbc:PayableRoundingAmount");
        Add("BG-22/BT-115", "cbc:PayableAmount");

        Add("BG-23", "cac:TaxTotal/cac:TaxSubtotal");
        Add("BG-23/BT-116", "cbc:TaxableAmount");
        Add("BG-23/BT-117", "cbc:TaxAmount");
        Add("BG-23/BT-118", "cac:TaxCategory/cbc:ID");
        Add("BG-23/BT-119", "cac:TaxCategory/cbc:Percent");
        Add("BG-23/BT-120", "cac:TaxCategory/cbc:TaxExemptionReason");
        Add("BG-23/BT-121", "cac:TaxCategory/cbc:TaxExemptionReasonCode");

        Add("BG-24", "cac:AdditionalDocumentReference");
        Add("BG-24/BT-122", "cbc:ID");
        Add("BG-24/BT-123", "cbc:DocumentDescription");
        Add("BG-24/BT-124", "cac:Attachment/cac:ExternalReference/cbc:URI");
        Add("BG-24/BT-125", "cac:Attachment/cbc:EmbeddedDocumentBinaryObject");
        Add("BG-24/BT-125-1", "cac:Attachment/cbc:EmbeddedDocumentBinaryObject/@mimeCode");
        Add("BG-24/BT-125-2", "cac:Attachment/cbc:EmbeddedDocumentBinaryObject/@filename");

        var quantity = creditNote ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity";
        Add("BG-25", creditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine");
        Add("BG-25/BT-126", "cbc:ID");
        Add("BG-25/BT-127", "cbc:Note");
        Add("BG-25/BT-128", "cac:DocumentReference/cbc:ID");
        Add("BG-25/BT-128-1", "cac:DocumentReference/cbc:ID/@schemeID");
        Add("BG-25/BT-129", quantity);
        Add("BG-25/BT-130", quantity + "/@unitCode");
        Add("BG-25/BT-131", "cbc:LineExtensionAmount");
        Add("BG-25/BT-132", "cac:OrderLineReference/cbc:LineID");
        Add("BG-25/BT-133", "cbc:AccountingCost");
        Add("BG-25/BG-26", "cac:InvoicePeriod");
        Add("BG-25/BG-26/BT-134", "cbc:StartDate");
        Add("BG-25/BG-26/BT-135", "cbc:EndDate");
        AddLineAllowanceCharge("BG-25/BG-27", "false", 136);
        AddLineAllowanceCharge("BG-25/BG-28", "true", 141);
        Add("BG-25/BG-29", "cac:Price");
        Add("BG-25/BG-29/BT-146", "cbc:PriceAmount");
        Add("BG-25/BG-29/BT-147", "cac:AllowanceCharge/cbc:Amount");
        Add("BG-25/BG-29/BT-148", "cac:AllowanceCharge/cbc:BaseAmount");
        Add("BG-25/BG-29/BT-149", "cbc:BaseQuantity");
        Add("BG-25/BG-29/BT-150", "cbc:BaseQuantity/@unitCode");
        Add("BG-25/BG-30", "cac:Item/cac:ClassifiedTaxCategory");
        Add("BG-25/BG-30/BT-151", "cbc:ID");
        Add("BG-25/BG-30/BT-152", "cbc:Percent");
        Add("BG-25/BG-31", "cac:Item");
        Add("BG-25/BG-31/BT-153", "cbc:Name");
        Add("BG-25/BG-31/BT-154", "cbc:Description");
        Add("BG-25/BG-31/BT-155", "cac:SellersItemIdentification/cbc:ID");
        Add("BG-25/BG-31/BT-156", "cac:BuyersItemIdentification/cbc:ID");
        Add("BG-25/BG-31/BT-157", "cac:StandardItemIdentification/cbc:ID");
        Add("BG-25/BG-31/BT-157-1", "cac:StandardItemIdentification/cbc:ID/@schemeID");
        Add("BG-25/BG-31/BT-158", "cac:CommodityClassification#/cbc:ItemClassificationCode");
        Add("BG-25/BG-31/BT-158-1", "cac:CommodityClassification#/cbc:ItemClassificationCode/@listID");
        Add("BG-25/BG-31/BT-158-2", "cac:CommodityClassification#/cbc:ItemClassificationCode/@listVersionID");
        Add("BG-25/BG-31/BT-159", "cac:OriginCountry/cbc:IdentificationCode");
        Add("BG-25/BG-31/BG-32", "cac:AdditionalItemProperty");
        Add("BG-25/BG-31/BG-32/BT-160", "cbc:Name");
        Add("BG-25/BG-31/BG-32/BT-161", "cbc:Value");
    }

    private void AddAddress(string key, string element, int line1, int line2, int line3, int city, int postCode, int subdivision, int country)
    {
        Add(key, element);
        Add(Term(key, line1), "cbc:StreetName");
        Add(Term(key, line2), "cbc:AdditionalStreetName");
        Add(Term(key, line3), "cac:AddressLine/cbc:Line");
        Add(Term(key, city), "cbc:CityName");
        Add(Term(key, postCode), "cbc:PostalZone");
        Add(Term(key, subdivision), "cbc:CountrySubentity");
        Add(Term(key, country), "cac:Country/cbc:IdentificationCode");
    }

    private void AddContact(string key, int first)
    {
        Add(key, "cac:Contact");
        Add(Term(key, first), "cbc:Name");
        Add(Term(key, first + 1), "cbc:Telephone");
        Add(Term(key, first + 2), "cbc:ElectronicMail");
    }

    private void AddDocumentAllowanceCharge(string key, string indicator, int first)
    {
        Add(key, $"cac:AllowanceCharge[cbc:ChargeIndicator='{indicator}']");
        Add(Term(key, first), "cbc:Amount");
        Add(Term(key, first + 1), "cbc:BaseAmount");
        Add(Term(key, first + 2), "cbc:MultiplierFactorNumeric");
        Add(Term(key, first + 3), "cac:TaxCategory/cbc:ID");
        Add(Term(key, first + 4), "cac:TaxCategory/cbc:Percent");
        Add(Term(key, first + 5), "cbc:AllowanceChargeReason");
        Add(Term(key, first + 6), "cbc:AllowanceChargeReasonCode");
    }

    private void AddLineAllowanceCharge(string key, string indicator, int first)
    {
        Add(key, $"cac:AllowanceCharge[cbc:ChargeIndicator='{indicator}']");
        Add(Term(key, first), "cbc:Amount");
        Add(Term(key, first + 1), "cbc:BaseAmount");
        Add(Term(key, first + 2), "cbc:MultiplierFactorNumeric");
        Add(Term(key, first + 3), "cbc:AllowanceChargeReason");
        Add(Term(key, first + 4), "cbc:AllowanceChargeReasonCode");
    }

    private static string Term(string key, int term) => string.Create(CultureInfo.InvariantCulture, $"{key}/BT-{term}");
}
