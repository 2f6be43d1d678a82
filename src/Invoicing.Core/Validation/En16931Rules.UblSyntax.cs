using Invoicing.Core.EInvoicing.Ubl;

namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>
    /// The UBL syntax binding of EN 16931 (EN 16931-3-2, the artefacts' UBL syntax Schematron): the 54
    /// cardinality rules UBL-SR-01 ... UBL-SR-56 (no 38, 41), the data type rules UBL-DT-01, 06, 07 (fatal)
    /// and UBL-DT-08 ... 28 (warnings: attributes that should not be present), and the two fatal restrictions
    /// UBL-CR-666 and UBL-CR-673. They judge the XML, not the model: they read the element tree the UBL reader
    /// keeps, and stay silent for a document read from CII or built in memory. Contexts are element patterns,
    /// as in the Schematron: <c>cac:PaymentMeans</c> is every such element, wherever it stands.
    /// </summary>
    public static IEnumerable<IValidationRule> UblSyntax() =>
    [
        InDocument("UBL-SR-01", "Contract identifier shall occur maximum once.", "contract reference", "BT-12", "BT-12", "ContractDocumentReference", "ID"),
        InDocument("UBL-SR-02", "Receive advice identifier shall occur maximum once.", "receiving advice reference", "BT-15", "BT-15", "ReceiptDocumentReference", "ID"),
        InDocument("UBL-SR-03", "Despatch advice identifier shall occur maximum once.", "despatch advice reference", "BT-16", "BT-16", "DespatchDocumentReference", "ID"),
        Syntax("UBL-SR-04", "Invoice object identifier shall occur maximum once.", (c, tree) =>
        {
            var count = tree.Root.All("AdditionalDocumentReference").Where(d => HasTypeCode(d, "130")).Sum(d => d.Count("ID"));
            TooMany(c, tree.Root, count, 1, "invoiced object identifier", "BT-18", "BT-18", "AdditionalDocumentReference[DocumentTypeCode='130']/ID");
        }),
        InDocument("UBL-SR-05", "Payment terms shall occur maximum once.", "payment terms", "BT-20", "BT-20", "PaymentTerms", "Note"),
        PerNode("UBL-SR-06", "Preceding invoice reference shall occur maximum once.", t => t.BillingReferences, (c, reference) =>
            TooMany(c, reference, reference.Count("InvoiceDocumentReference"), 1, "preceding invoice reference", "BG-3", "BG-3", "InvoiceDocumentReference")),
        PerNode("UBL-SR-07", "If there is a preceding invoice reference, the preceding invoice number shall be present.", t => t.BillingReferences, (c, reference) =>
        {
            if (reference.Count("InvoiceDocumentReference", "ID") == 0)
            {
                c.ReportAt("A billing reference has no preceding invoice number (BT-25, InvoiceDocumentReference/ID).", "BT-25", "BG-3/BT-25", reference.ElementPath());
            }
        }),
        InDocument("UBL-SR-08", "Invoice period shall occur maximum once.", "invoicing period", "BG-14", "BG-14", "InvoicePeriod"),
        InDocument("UBL-SR-09", "Seller name shall occur maximum once.", "seller name", "BT-27", "BG-4/BT-27", "AccountingSupplierParty", "Party", "PartyLegalEntity", "RegistrationName"),
        InDocument("UBL-SR-10", "Seller trader name shall occur maximum once.", "seller trading name", "BT-28", "BG-4/BT-28", "AccountingSupplierParty", "Party", "PartyName", "Name"),
        InDocument("UBL-SR-11", "Seller legal registration identifier shall occur maximum once.", "seller legal registration identifier", "BT-30", "BG-4/BT-30", "AccountingSupplierParty", "Party", "PartyLegalEntity", "CompanyID"),
        Syntax("UBL-SR-12", "Seller VAT identifier shall occur maximum once.", (c, tree) =>
            TooMany(c, tree.Root, TaxIdentifiers(tree.Root, "AccountingSupplierParty", vat: true), 1, "seller VAT identifier", "BT-31", "BG-4/BT-31", "AccountingSupplierParty/Party/PartyTaxScheme[TaxScheme/ID='VAT']/CompanyID")),
        Syntax("UBL-SR-13", "Seller tax registration shall occur maximum once.", (c, tree) =>
            TooMany(c, tree.Root, TaxIdentifiers(tree.Root, "AccountingSupplierParty", vat: false), 1, "seller tax registration identifier", "BT-32", "BG-4/BT-32", "AccountingSupplierParty/Party/PartyTaxScheme[TaxScheme/ID!='VAT']/CompanyID")),
        InDocument("UBL-SR-14", "Seller additional legal information shall occur maximum once.", "seller additional legal information", "BT-33", "BG-4/BT-33", "AccountingSupplierParty", "Party", "PartyLegalEntity", "CompanyLegalForm"),
        InDocument("UBL-SR-15", "Buyer name shall occur maximum once.", "buyer name", "BT-44", "BG-7/BT-44", "AccountingCustomerParty", "Party", "PartyLegalEntity", "RegistrationName"),
        InDocument("UBL-SR-16", "Buyer identifier shall occur maximum once.", "buyer identifier", "BT-46", "BG-7/BT-46", "AccountingCustomerParty", "Party", "PartyIdentification", "ID"),
        InDocument("UBL-SR-17", "Buyer legal registration identifier shall occur maximum once.", "buyer legal registration identifier", "BT-47", "BG-7/BT-47", "AccountingCustomerParty", "Party", "PartyLegalEntity", "CompanyID"),
        Syntax("UBL-SR-18", "Buyer VAT identifier shall occur maximum once.", (c, tree) =>
            TooMany(c, tree.Root, TaxIdentifiers(tree.Root, "AccountingCustomerParty", vat: true), 1, "buyer VAT identifier", "BT-48", "BG-7/BT-48", "AccountingCustomerParty/Party/PartyTaxScheme[TaxScheme/ID='VAT']/CompanyID")),
        PerNode("UBL-SR-19", "Payee name shall occur maximum once, if the Payee is different from the Seller.", t => t.Payees, (c, payee) =>
            PayeeTerm(c, payee, payee.Count("PartyName", "Name"), "payee name", "BT-59", "PartyName/Name")),
        PerNode("UBL-SR-20", "Payee identifier shall occur maximum once, if the Payee is different from the Seller.", t => t.Payees, (c, payee) =>
            PayeeTerm(c, payee, payee.Descendants("PartyIdentification", "ID").Count(id => !IsSepa(id)), "payee identifier", "BT-60", "PartyIdentification/ID[@schemeID!='SEPA']")),
        PerNode("UBL-SR-21", "Payee legal registration identifier shall occur maximum once, if the Payee is different from the Seller.", t => t.Payees, (c, payee) =>
            PayeeTerm(c, payee, payee.Count("PartyLegalEntity", "CompanyID"), "payee legal registration identifier", "BT-61", "PartyLegalEntity/CompanyID")),
        PerNode("UBL-SR-22", "Seller tax representative name shall occur maximum once, if the Seller has a tax representative.", t => t.TaxRepresentatives, (c, party) =>
            TooMany(c, party, party.Count("PartyName", "Name"), 1, "seller tax representative name", "BT-62", "BG-11/BT-62", "PartyName/Name")),
        PerNode("UBL-SR-23", "Seller tax representative VAT identifier shall occur maximum once, if the Seller has a tax representative.", t => t.TaxRepresentatives, (c, party) =>
            TooMany(c, party, party.Count("PartyTaxScheme", "CompanyID"), 1, "seller tax representative VAT identifier", "BT-63", "BG-11/BT-63", "PartyTaxScheme/CompanyID")),
        InDocument("UBL-SR-24", "Deliver to information shall occur maximum once.", "deliver to information", "BG-13", "BG-13", "Delivery"),
        PerNode("UBL-SR-25", "Deliver to party name shall occur maximum once.", t => t.Deliveries, (c, delivery) =>
            TooMany(c, delivery, delivery.Count("DeliveryParty", "PartyName", "Name"), 1, "deliver to party name", "BT-70", "BG-13/BT-70", "DeliveryParty/PartyName/Name")),
        PerNode("UBL-SR-26", "Payment reference shall occur maximum once.", t => t.PaymentMeans, (c, means) =>
            TooMany(c, means, means.Count("PaymentID"), 1, "remittance information", "BT-83", "BG-16/BT-83", "PaymentID")),
        PerNode("UBL-SR-27", "Payment means code shall occur maximum once in each payment means.", t => t.PaymentMeans, (c, means) =>
            TooMany(c, means, means.Count("PaymentMeansCode"), 1, "payment means type code", "BT-81", "BG-16/BT-81", "PaymentMeansCode")),
        PerNode("UBL-SR-28", "Mandate reference identifier shall occur maximum once.", t => t.PaymentMeans, (c, means) =>
            TooMany(c, means, means.Count("PaymentMandate", "ID"), 1, "mandate reference identifier", "BT-89", "BG-16/BG-19/BT-89", "PaymentMandate/ID")),
        Syntax("UBL-SR-29", "Bank creditor reference shall occur maximum once.", (c, tree) =>
            TooMany(c, tree.Root, tree.PartyIdentifiers.Count(IsSepa), 1, "bank assigned creditor identifier", "BT-90", "BG-16/BG-19/BT-90", "//PartyIdentification/ID[@schemeID='SEPA']")),
        PerNode("UBL-SR-30", "Document level allowance reason shall occur maximum once.", t => t.AllowanceCharges, (c, item) =>
        {
            if (ChargeIndicator(item) == false)
            {
                TooMany(c, item, item.Count("AllowanceChargeReason"), 1, "allowance reason", "BT-97", "BG-20/BT-97", "AllowanceChargeReason");
            }
        }),
        PerNode("UBL-SR-31", "Document level charge reason shall occur maximum once.", t => t.AllowanceCharges, (c, item) =>
        {
            if (ChargeIndicator(item) == true)
            {
                TooMany(c, item, item.Count("AllowanceChargeReason"), 1, "charge reason", "BT-104", "BG-21/BT-104", "AllowanceChargeReason");
            }
        }),
        PerNode("UBL-SR-32", "VAT exemption reason text shall occur maximum once.", t => t.TaxSubtotals, (c, subtotal) =>
            TooMany(c, subtotal, subtotal.Count("TaxCategory", "TaxExemptionReason"), 1, "VAT exemption reason text", "BT-120", "BG-23/BT-120", "TaxCategory/TaxExemptionReason")),
        PerNode("UBL-SR-33", "Supporting document description shall occur maximum once.", t => t.AdditionalDocumentReferences, (c, reference) =>
            TooMany(c, reference, reference.Count("DocumentDescription"), 1, "supporting document description", "BT-123", "BG-24/BT-123", "DocumentDescription")),
        PerLineNode("UBL-SR-34", "Invoice line note shall occur maximum once.", "invoice line note", "BT-127", "Note"),
        PerLineNode("UBL-SR-35", "Referenced purchase order line identifier shall occur maximum once.", "referenced purchase order line reference", "BT-132", "OrderLineReference", "LineID"),
        PerLineNode("UBL-SR-36", "Invoice line period shall occur maximum once.", "invoice line period", "BG-26", "InvoicePeriod"),
        PerLineNode("UBL-SR-37", "Item price discount shall occur maximum once.", "item price discount", "BT-147", "Price", "AllowanceCharge", "Amount"),
        InDocument("UBL-SR-39", "Project reference shall occur maximum once.", "project reference", "BT-11", "BT-11", "ProjectReference", "ID"),
        InDocument("UBL-SR-40", "Buyer trade name shall occur maximum once.", "buyer trading name", "BT-45", "BG-7/BT-45", "AccountingCustomerParty", "Party", "PartyName", "Name"),
        PerNode("UBL-SR-42", "Party tax scheme shall occur maximum twice in accounting supplier party.", t => t.SupplierParties, (c, party) =>
            TooMany(c, party, party.Count("PartyTaxScheme"), 2, "seller party tax scheme", "BG-4", "BG-4", "PartyTaxScheme")),
        PerNode("UBL-SR-43", "Scheme identifier shall only be used for invoiced object (document type code with value 130 or 50).", t => t.AdditionalDocumentReferences, (c, reference) =>
        {
            var creditNote = c.UblTree?.IsCreditNote == true;
            var allowed = HasTypeCode(reference, "130")
                || (creditNote && HasTypeCode(reference, "50"))
                || (reference.Child("DocumentTypeCode") is null && !reference.All("ID").Any(id => id.SchemeId is not null));
            if (!allowed)
            {
                var code = reference.Child("DocumentTypeCode")?.Text;
                c.ReportAt(
                    code is null
                        ? "A supporting document reference (BG-24) has a scheme identifier on its ID; only the invoiced object identifier (BT-18, document type code 130) may."
                        : $"A document reference has the document type code '{code}'; only the invoiced object identifier (130){(creditNote ? " or, in a credit note, a project reference (50)" : string.Empty)} may have one.",
                    "BG-24", "BG-24", reference.ElementPath());
            }
        }),
        Syntax("UBL-SR-44", "An Invoice may only have one unique PaymentID, but the PaymentID may be used for multiple PaymentMeans.", (c, tree) =>
            Distinct(c, tree.Root, tree.PaymentIds, "remittance information", "BT-83", "BG-16/BT-83", "PaymentID")),
        InDocument("UBL-SR-45", "Due Date shall occur maximum once.", "payment due date", "BT-9", "BT-9", "PaymentMeans", "PaymentDueDate"),
        Syntax("UBL-SR-46", "Payment means text shall occur maximum once.", (c, tree) =>
            TooMany(c, tree.Root, tree.Root.Descendants("PaymentMeans", "PaymentMeansCode").Count(n => n.HasNameAttribute), 1, "payment means text", "BT-82", "BG-16/BT-82", "PaymentMeans/PaymentMeansCode/@name")),
        Syntax("UBL-SR-47", "When there are more than one payment means code, they shall be equal.", (c, tree) =>
            Distinct(c, tree.Root, tree.PaymentMeansCodes, "payment means type code", "BT-81", "BG-16/BT-81", "PaymentMeansCode")),
        Syntax("UBL-SR-48", "Invoice lines shall have one and only one classified tax category.", (c, tree) =>
        {
            for (var i = 0; i < tree.Lines.Count; i++)
            {
                var count = tree.Lines[i].Count("Item", "ClassifiedTaxCategory");
                if (count != 1)
                {
                    c.ReportAt($"Invoice line {i + 1} has {count} classified tax categories (BG-30, Item/ClassifiedTaxCategory); UBL requires exactly one.", "BG-30", $"BG-25[{i + 1}]/BG-30", tree.Lines[i].ElementPath());
                }
            }
        }),
        InDocument("UBL-SR-49", "Value tax point date shall occur maximum once.", "value added tax point date code", "BT-8", "BT-8", "InvoicePeriod", "DescriptionCode"),
        PerLineNode("UBL-SR-50", "Item description shall occur maximum once.", "item description", "BT-154", "Item", "Description"),
        PerNode("UBL-SR-51", "An address can only have one third line.", t => t.PostalAddresses, (c, address) =>
            TooMany(c, address, address.Count("AddressLine"), 1, "address line 3", "BT-163", "BT-163", "AddressLine")),
        PerLineNode("UBL-SR-52", "Document reference shall occur maximum once.", "invoice line object identifier", "BT-128", "DocumentReference"),
        PerNode("UBL-SR-53", "CompanyID (VAT Identifier) must be stated when providing the PartyTaxScheme/TaxScheme/ID.", t => t.PartyTaxSchemes, (c, scheme) =>
        {
            var hasScheme = scheme.Count("TaxScheme", "ID") > 0;
            var hasId = scheme.Child("CompanyID") is not null;
            if (!hasScheme || !hasId)
            {
                var (term, path) = TaxIdentifierTerm(scheme);
                c.ReportAt($"A party tax scheme has {(hasId ? "a company identifier but no tax scheme identifier (TaxScheme/ID)" : hasScheme ? "a tax scheme identifier but no company identifier (CompanyID)" : "neither a company identifier (CompanyID) nor a tax scheme identifier (TaxScheme/ID)")}.", term, path, scheme.ElementPath());
            }
        }),
        InDocument("UBL-SR-54", "Payment card information shall occur maximum once.", "payment card information", "BG-18", "BG-16/BG-18", "PaymentMeans", "CardAccount"),
        InDocument("UBL-SR-55", "Direct debit information shall occur maximum once.", "direct debit information", "BG-19", "BG-16/BG-19", "PaymentMeans", "PaymentMandate"),
        InDocument("UBL-SR-56", "Tender or lot reference shall occur maximum once.", "tender or lot reference", "BT-17", "BT-17", "OriginatorDocumentReference", "ID"),
        Syntax("UBL-DT-01", "Amounts shall be decimal up to two fraction digits.", (c, tree) =>
        {
            foreach (var amount in tree.Amounts)
            {
                if (amount.Name.EndsWith("PriceAmount", StringComparison.Ordinal) || amount.IsWithin("AllowanceCharge", "Price"))
                {
                    continue;
                }

                var text = amount.Text ?? string.Empty;
                var point = text.IndexOf('.', StringComparison.Ordinal);
                if (point >= 0 && text.Length - point - 1 > 2)
                {
                    c.ReportAt($"The amount {amount.Name} '{text}' has {text.Length - point - 1} fraction digits; UBL amounts have at most 2.", "BG-0", "BG-0", amount.ElementPath());
                }
            }
        }),
        PerNode("UBL-DT-06", "Binary object elements shall contain the mime code attribute.", t => t.BinaryObjects, (c, node) =>
        {
            if (!node.HasMimeCode)
            {
                c.ReportAt($"The binary object {node.Name} has no mimeCode attribute (BT-125).", "BT-125", "BG-24/BT-125", node.ElementPath());
            }
        }),
        PerNode("UBL-DT-07", "Binary object elements shall contain the file name attribute.", t => t.BinaryObjects, (c, node) =>
        {
            if (!node.HasFileName)
            {
                c.ReportAt($"The binary object {node.Name} has no filename attribute (BT-125).", "BT-125", "BG-24/BT-125", node.ElementPath());
            }
        }),
        .. DiscouragedAttributes(),
        Syntax("UBL-CR-666", "A UBL invoice shall not include an AdditionalDocumentReference simultaneously referring an Invoice Object Identifier and an Attachment.", (c, tree) =>
            ObjectReferenceWith(c, tree, "Attachment")),
        Syntax("UBL-CR-673", "A UBL invoice shall not include an AdditionalDocumentReference simultaneously referring an Invoice Object Identifier and an Document Description.", (c, tree) =>
            ObjectReferenceWith(c, tree, "DocumentDescription")),
    ];

    /// <summary>UBL-DT-08 ... UBL-DT-28, in order: warnings for attributes the binding does not use, one per attribute name (18: <c>name</c>, but on a payment means code).</summary>
    private static IEnumerable<IValidationRule> DiscouragedAttributes()
    {
        string[] ids = ["08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28"];
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] == "19")
            {
                yield return NameAttribute();
            }

            var attribute = UblSyntaxTree.DiscouragedAttributes[i];
            yield return new ValidationRule($"UBL-DT-{ids[i]}", FindingSeverity.Warning, $"The {attribute} attribute should not be present.", c =>
            {
                if (c.UblTree?.FirstWith(attribute) is { } node)
                {
                    c.ReportAt($"The element {node.Name} has a {attribute} attribute, which EN 16931 does not use.", "BG-0", "BG-0", node.ElementPath());
                }
            });
        }
    }

    private static ValidationRule NameAttribute() =>
        new("UBL-DT-18", FindingSeverity.Warning, "Name attribute should not be present.", c =>
        {
            if (c.UblTree is { } tree)
            {
                var elsewhere = tree.NameAttributes - tree.PaymentMeansCodes.Count(n => n.HasNameAttribute);
                if (elsewhere > 0)
                {
                    c.ReportAt($"{elsewhere} element(s) other than PaymentMeansCode have a name attribute.", "BG-0", "BG-0", tree.Root.ElementPath());
                }
            }
        });

    /// <summary>A fatal syntax rule: runs only on a document read from UBL.</summary>
    private static ValidationRule Syntax(string id, string description, Action<ValidationContext, UblSyntaxTree> check)
        => Fatal(id, description, c =>
        {
            if (c.UblTree is { } tree)
            {
                check(c, tree);
            }
        });

    /// <summary>A fatal syntax rule checked on each element of a population.</summary>
    private static ValidationRule PerNode(string id, string description, Func<UblSyntaxTree, List<UblNode>> population, Action<ValidationContext, UblNode> check)
        => Syntax(id, description, (c, tree) =>
        {
            foreach (var node in population(tree))
            {
                check(c, node);
            }
        });

    /// <summary>A term counted from the document element, at most once.</summary>
    private static ValidationRule InDocument(string id, string description, string name, string term, string path, params string[] elements)
    {
        var joined = string.Join('/', elements);
        return Syntax(id, description, (c, tree) => TooMany(c, tree.Root, tree.Root.Count(elements), 1, name, term, path, joined));
    }

    /// <summary>A term counted in each invoice line, at most once.</summary>
    private static ValidationRule PerLineNode(string id, string description, string name, string term, params string[] elements)
    {
        var joined = string.Join('/', elements);
        return Syntax(id, description, (c, tree) =>
        {
            for (var i = 0; i < tree.Lines.Count; i++)
            {
                var count = tree.Lines[i].Count(elements);
                if (count > 1)
                {
                    TooMany(c, tree.Lines[i], count, 1, name, term, $"BG-25[{i + 1}]/{term}", joined);
                }
            }
        });
    }

    private static void TooMany(ValidationContext c, UblNode context, int count, int max, string name, string term, string path, string elements)
    {
        if (count > max)
        {
            c.ReportAt($"The {name} ({term}, {elements}) occurs {count} times; UBL allows it {(max == 1 ? "once" : $"{max} times")}.", term, path, context.ElementPath());
        }
    }

    private static void Distinct(ValidationContext c, UblNode root, List<UblNode> nodes, string name, string term, string path, string element)
    {
        var values = nodes.Select(n => n.Text ?? string.Empty).Distinct(StringComparer.Ordinal).ToList();
        if (values.Count > 1)
        {
            c.ReportAt($"The {name} ({term}, {element}) has {values.Count} different values ('{string.Join("', '", values)}'); UBL allows one, repeated.", term, path, root.ElementPath());
        }
    }

    /// <summary>
    /// UBL-SR-19/20/21: a payee term at most once, and the payee group only when the payee is not the seller:
    /// the artefacts compare the payee name with the seller name, which also fails when either is absent.
    /// </summary>
    private static void PayeeTerm(ValidationContext c, UblNode payee, int count, string name, string term, string elements)
    {
        TooMany(c, payee, count, 1, name, term, $"BG-10/{term}", elements);
        var payeeNames = payee.Descendants("PartyName", "Name").Select(n => n.Text).ToList();
        var sellerNames = payee.Parent?.Descendants("AccountingSupplierParty", "Party", "PartyLegalEntity", "RegistrationName").Select(n => n.Text).ToList() ?? [];
        if (!payeeNames.Any(p => sellerNames.Any(s => s != p)))
        {
            c.ReportAt(
                payeeNames.Count == 0 || sellerNames.Count == 0
                    ? $"The payee (BG-10) cannot be told apart from the seller: {(payeeNames.Count == 0 ? "it has no name (BT-59)" : "the seller has no name (BT-27)")}."
                    : $"The payee name (BT-59) '{payeeNames[0]}' is the seller name (BT-27); the payee group (BG-10) is only for a payee other than the seller.",
                term, $"BG-10/{term}", payee.ElementPath());
        }
    }

    /// <summary>The number of tax identifiers (PartyTaxScheme/CompanyID) of a party whose scheme is, or is not, VAT; a scheme group without TaxScheme counts for neither.</summary>
    private static int TaxIdentifiers(UblNode root, string partyRole, bool vat)
        => root.Descendants(partyRole, "Party", "PartyTaxScheme")
            .Where(scheme => scheme.Child("TaxScheme") is not null)
            .Where(scheme => scheme.Descendants("TaxScheme", "ID").Any(id => string.Equals(id.Text, "VAT", StringComparison.OrdinalIgnoreCase)) == vat)
            .Sum(scheme => scheme.Count("CompanyID"));

    /// <summary>The VAT identifier term of the party a PartyTaxScheme belongs to: the seller's (BT-31), the buyer's (BT-48) or the tax representative's (BT-63).</summary>
    private static (string Term, string Path) TaxIdentifierTerm(UblNode scheme) => scheme.Parent switch
    {
        { Name: "TaxRepresentativeParty" } => ("BT-63", "BG-11/BT-63"),
        { Name: "Party", Parent.Name: "AccountingCustomerParty" } => ("BT-48", "BG-7/BT-48"),
        { Name: "Party", Parent.Name: "AccountingSupplierParty" } => ("BT-31", "BG-4/BT-31"),
        _ => ("BG-0", "BG-0"),
    };

    private static bool HasTypeCode(UblNode reference, string code) => reference.All("DocumentTypeCode").Any(n => n.Text == code);

    private static bool IsSepa(UblNode id) => string.Equals(id.SchemeId, "SEPA", StringComparison.OrdinalIgnoreCase);

    /// <summary>The charge indicator as the artefacts' contexts cast it to xs:boolean (whitespace collapsed): true, false, or null when it is neither (no context matches).</summary>
    private static bool? ChargeIndicator(UblNode item) => item.Child("ChargeIndicator")?.Text?.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static void ObjectReferenceWith(ValidationContext c, UblSyntaxTree tree, string element)
    {
        var offending = tree.AdditionalDocumentReferences.FirstOrDefault(d => HasTypeCode(d, "130") && d.Child(element) is not null);
        if (offending is not null)
        {
            c.ReportAt($"The invoiced object identifier (BT-18, document type code 130) carries {element}, which belongs to a supporting document (BG-24).", "BT-18", "BT-18", offending.ElementPath());
        }
    }
}
