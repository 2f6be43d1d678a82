using Invoicing.Core.EInvoicing;
using Invoicing.Core.Validation;

namespace Invoicing.Core.Tests.Validation;

public sealed class CodeListRulesTests
{
    private static readonly EInvoiceValidator Validator = new(En16931Rules.CodeLists());

    private static EInvoiceLine LineWith(ItemInformation item) => new() { Item = item };

    public static TheoryData<string, EInvoice, EInvoiceSyntax?, string> Violations() => new()
    {
        { "BR-CL-01", new EInvoice { TypeCode = "999" }, null, "BT-3" },
        { "BR-CL-01", new EInvoice { TypeCode = "381" }, EInvoiceSyntax.UblInvoice, "BT-3" },
        { "BR-CL-01", new EInvoice { TypeCode = "380" }, EInvoiceSyntax.UblCreditNote, "BT-3" },
        { "BR-CL-04", new EInvoice { CurrencyCode = "EURO" }, null, "BT-5" },
        { "BR-CL-05", new EInvoice { VatAccountingCurrencyCode = "XYZ" }, null, "BT-6" },
        { "BR-CL-06", new EInvoice { VatPointDateCode = "5" }, EInvoiceSyntax.UblInvoice, "BT-8" },
        { "BR-CL-06", new EInvoice { VatPointDateCode = "3" }, EInvoiceSyntax.Cii, "BT-8" },
        { "BR-CL-07", new EInvoice { InvoicedObjectIdentifier = new SchemeIdentifier("X", "XYZ") }, null, "BT-18-1" },
        { "BR-CL-08", new EInvoice { Notes = [new InvoiceNote { SubjectCode = "QQQ", Text = "x" }] }, null, "BG-1[1]/BT-21" },
        { "BR-CL-10", new EInvoice { Seller = new Seller { Identifiers = [new SchemeIdentifier("1", "0088"), new SchemeIdentifier("2", "9999")] } }, null, "BG-4/BT-29-1[2]" },
        { "BR-CL-10", new EInvoice { Buyer = new Buyer { Identifier = new SchemeIdentifier("1", "SEPA") } }, null, "BG-7/BT-46-1" },
        { "BR-CL-11", new EInvoice { Buyer = new Buyer { LegalRegistrationIdentifier = new SchemeIdentifier("1", "0092") } }, null, "BG-7/BT-47-1" },
        { "BR-CL-13", new EInvoice { Lines = [LineWith(new ItemInformation { ClassificationIdentifiers = [new SchemeIdentifier("1", "XX")] })] }, null, "BG-25[1]/BG-31/BT-158-1[1]" },
        { "BR-CL-14", new EInvoice { Buyer = new Buyer { Address = new EInvoiceAddress { CountryCode = "UK" } } }, null, "BG-7/BG-8/BT-55" },
        { "BR-CL-15", new EInvoice { Lines = [LineWith(new ItemInformation { CountryOfOrigin = "EU" })] }, null, "BG-25[1]/BG-31/BT-159" },
        { "BR-CL-16", new EInvoice { PaymentInstructions = new PaymentInstructions { PaymentMeansTypeCode = "71" } }, null, "BG-16/BT-81" },
        { "BR-CL-17", new EInvoice { Charges = [new DocumentLevelAllowanceCharge { VatCategoryCode = "X" }] }, null, "BG-21[1]/BT-102" },
        { "BR-CL-18", new EInvoice { Lines = [new EInvoiceLine { Vat = new LineVatInformation { CategoryCode = "AA" } }] }, null, "BG-25[1]/BG-30/BT-151" },
        { "BR-CL-19", new EInvoice { Allowances = [new DocumentLevelAllowanceCharge { ReasonCode = "1" }] }, null, "BG-20[1]/BT-98" },
        { "BR-CL-20", new EInvoice { Lines = [new EInvoiceLine { Charges = [new LineAllowanceCharge { ReasonCode = "95" }] }] }, null, "BG-25[1]/BG-28[1]/BT-145" },
        { "BR-CL-21", new EInvoice { Lines = [LineWith(new ItemInformation { StandardIdentifier = new SchemeIdentifier("1", "GTIN") })] }, null, "BG-25[1]/BG-31/BT-157-1" },
        { "BR-CL-22", new EInvoice { VatBreakdown = [new VatBreakdown { ExemptionReasonCode = "VATEX-EU-999" }] }, null, "BG-23[1]/BT-121" },
        { "BR-CL-23", new EInvoice { Lines = [new EInvoiceLine { UnitCode = "PCS" }] }, null, "BG-25[1]/BT-130" },
        { "BR-CL-24", new EInvoice { SupportingDocuments = [new SupportingDocument { Attachment = new AttachedDocument { MimeCode = "application/xml" } }] }, null, "BG-24[1]/BT-125-1" },
        { "BR-CL-25", new EInvoice { Seller = new Seller { ElectronicAddress = new SchemeIdentifier("x", "EMAIL") } }, null, "BG-4/BT-34-1" },
        { "BR-CL-26", new EInvoice { Delivery = new DeliveryInformation { LocationIdentifier = new SchemeIdentifier("1", "GLN") } }, null, "BG-13/BT-71-1" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void UnknownCode_Fires_AtItsPath(string rule, EInvoice document, EInvoiceSyntax? syntax, string path)
    {
        var finding = Assert.Single(Validator.Validate(document, syntax).Findings);

        Assert.Equal((rule, FindingSeverity.Fatal, path), (finding.RuleId, finding.Severity, finding.Location.Path));
    }

    [Theory]
    [InlineData("BR-CL-10", "<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID=\"0088\">1</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID=\"9999\">2</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingSupplierParty>", "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification[2]/cbc:ID/@schemeID")]
    [InlineData("BR-CL-13", "<cac:InvoiceLine><cac:Item><cac:CommodityClassification><cbc:ItemClassificationCode listID=\"STI\">1</cbc:ItemClassificationCode></cac:CommodityClassification><cac:CommodityClassification><cbc:ItemClassificationCode listID=\"XX\">2</cbc:ItemClassificationCode></cac:CommodityClassification></cac:Item></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine[1]/cac:Item/cac:CommodityClassification[2]/cbc:ItemClassificationCode/@listID")]
    public void ReadFromUbl_TheFindingNamesTheElement(string rule, string body, string elementPath)
    {
        var xml = $"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">{body}</Invoice>";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));

        var finding = Assert.Single(Validator.Validate(Invoicing.Core.EInvoicing.Ubl.UblReader.Read(stream)).Findings, f => f.RuleId == rule);

        Assert.Equal(elementPath, finding.Location.ElementPath);
    }

    [Fact]
    public void KnownCodes_FireNothing()
    {
        var document = new EInvoice
        {
            TypeCode = "380",
            CurrencyCode = " EUR ",
            VatAccountingCurrencyCode = "XCG",
            VatPointDateCode = "35",
            InvoicedObjectIdentifier = new SchemeIdentifier("X", "AAA"),
            Notes = [new InvoiceNote { SubjectCode = "AAI" }, new InvoiceNote { SubjectCode = "LONGER" }],
            Seller = new Seller
            {
                Identifiers = [new SchemeIdentifier("1", "SEPA"), new SchemeIdentifier("2", "0240")],
                LegalRegistrationIdentifier = new SchemeIdentifier("1", "0002"),
                ElectronicAddress = new SchemeIdentifier("a@b", "EM"),
                Address = new EInvoiceAddress { CountryCode = "XI" },
            },
            Buyer = new Buyer { ElectronicAddress = new SchemeIdentifier("1", "9930"), Address = new EInvoiceAddress { CountryCode = "1A" } },
            Delivery = new DeliveryInformation { LocationIdentifier = new SchemeIdentifier("1", "0088") },
            PaymentInstructions = new PaymentInstructions { PaymentMeansTypeCode = "58" },
            Allowances = [new DocumentLevelAllowanceCharge { ReasonCode = "95", VatCategoryCode = "S" }],
            Charges = [new DocumentLevelAllowanceCharge { ReasonCode = "FC", VatCategoryCode = "K" }],
            VatBreakdown = [new VatBreakdown { CategoryCode = "AE", ExemptionReasonCode = "vatex-eu-ae" }],
            SupportingDocuments = [new SupportingDocument { Attachment = new AttachedDocument { MimeCode = "text/csv" } }],
            Lines =
            [
                new EInvoiceLine
                {
                    UnitCode = "C62",
                    Price = new PriceDetails { BaseQuantityUnitCode = "XPP" },
                    Vat = new LineVatInformation { CategoryCode = "L" },
                    Item = new ItemInformation { CountryOfOrigin = "CN", StandardIdentifier = new SchemeIdentifier("1", "0160"), ClassificationIdentifiers = [new SchemeIdentifier("1", "STI")] },
                },
            ],
        };

        var report = Validator.Validate(document, EInvoiceSyntax.UblInvoice);

        Assert.True(report.IsClean, report.ToString());
    }

    [Theory]
    [InlineData("81", EInvoiceSyntax.UblInvoice, false)]
    [InlineData("81", EInvoiceSyntax.UblCreditNote, false)]
    [InlineData("381", EInvoiceSyntax.Cii, false)]
    [InlineData("326", EInvoiceSyntax.UblCreditNote, true)]
    [InlineData("871", EInvoiceSyntax.UblInvoice, true)]
    public void DocumentType_ListDependsOnTheRoot(string code, EInvoiceSyntax syntax, bool fires)
        => Assert.Equal(fires, Validator.Validate(new EInvoice { TypeCode = code }, syntax).Fired("BR-CL-01"));

    [Fact]
    public void CodeTables_HaveTheArtefactsCounts()
    {
        Assert.Equal(235, CodeLists.Icd.Count); // 0002 ... 0240 without 0092, 0103, 0181, 0182
        Assert.Equal(19, CodeLists.AllowanceReasons.Count);
        Assert.Equal(10, CodeLists.VatCategories.Count);
        Assert.Equal(6, CodeLists.MimeCodes.Count);
        Assert.Equal(251, CodeLists.Countries.Count); // 249 ISO codes + 1A + XI
        Assert.Contains("ZWG", (IReadOnlySet<string>)CodeLists.Currencies);
        Assert.Contains("VATEX-FR-298SEXDECIESA", (IReadOnlySet<string>)CodeLists.Vatex);
    }
}
