using System.Text;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Tests.EInvoicing.Ubl;
using Invoicing.Core.Validation;

namespace Invoicing.Core.Tests.Validation;

/// <summary>
/// The UBL syntax rules (UBL-SR, UBL-DT, the fatal UBL-CR) beyond the official unit tests, which cover nine
/// of them: each rule fires on a fragment that breaks it, at the element the Schematron rule's context names.
/// </summary>
public sealed class UblSyntaxRuleTests
{
    private static readonly EInvoiceValidator Validator = new(En16931Rules.UblSyntax());

    private const string SellerVat = "<cac:PartyTaxScheme><cbc:CompanyID>DE123456789</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>";

    public static TheoryData<string, string, string> Violations() => new()
    {
        { "UBL-SR-01", "<cac:ContractDocumentReference><cbc:ID>C1</cbc:ID></cac:ContractDocumentReference><cac:ContractDocumentReference><cbc:ID>C2</cbc:ID></cac:ContractDocumentReference>", "/Invoice" },
        { "UBL-SR-04", "<cac:AdditionalDocumentReference><cbc:ID>O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference><cac:AdditionalDocumentReference><cbc:ID>O2</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>", "/Invoice" },
        { "UBL-SR-05", "<cac:PaymentTerms><cbc:Note>30 days</cbc:Note><cbc:Note>2% in 10</cbc:Note></cac:PaymentTerms>", "/Invoice" },
        { "UBL-SR-06", "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>A</cbc:ID></cac:InvoiceDocumentReference><cac:InvoiceDocumentReference><cbc:ID>B</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>", "/Invoice/cac:BillingReference" },
        { "UBL-SR-07", "<cac:BillingReference><cac:InvoiceDocumentReference><cbc:IssueDate>2026-01-01</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>", "/Invoice/cac:BillingReference" },
        { "UBL-SR-13", "<cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme><cbc:CompanyID>A</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyTaxScheme><cbc:CompanyID>B</cbc:CompanyID><cac:TaxScheme><cbc:ID>FISC</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:Party></cac:AccountingSupplierParty>", "/Invoice" },
        { "UBL-SR-19", "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Acme</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty><cac:PayeeParty><cac:PartyName><cbc:Name>Acme</cbc:Name></cac:PartyName></cac:PayeeParty>", "/Invoice/cac:PayeeParty" },
        { "UBL-SR-20", "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Acme</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty><cac:PayeeParty><cac:PartyIdentification><cbc:ID>1</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID>2</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Factor</cbc:Name></cac:PartyName></cac:PayeeParty>", "/Invoice/cac:PayeeParty" },
        { "UBL-SR-24", "<cac:Delivery><cbc:ActualDeliveryDate>2026-01-01</cbc:ActualDeliveryDate></cac:Delivery><cac:Delivery><cbc:ActualDeliveryDate>2026-01-02</cbc:ActualDeliveryDate></cac:Delivery>", "/Invoice" },
        { "UBL-SR-29", "<cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID=\"SEPA\">DE98ZZZ1</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingSupplierParty><cac:PayeeParty><cac:PartyIdentification><cbc:ID schemeID=\"sepa\">DE98ZZZ2</cbc:ID></cac:PartyIdentification></cac:PayeeParty>", "/Invoice" },
        { "UBL-SR-30", "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:AllowanceChargeReason>Loyalty</cbc:AllowanceChargeReason></cac:AllowanceCharge>", "/Invoice/cac:AllowanceCharge" },
        { "UBL-SR-31", "<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason><cbc:AllowanceChargeReason>Packing</cbc:AllowanceChargeReason></cac:AllowanceCharge>", "/Invoice/cac:AllowanceCharge" },
        { "UBL-SR-32", "<cac:TaxTotal><cac:TaxSubtotal><cac:TaxCategory><cbc:ID>E</cbc:ID><cbc:TaxExemptionReason>A</cbc:TaxExemptionReason><cbc:TaxExemptionReason>B</cbc:TaxExemptionReason></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>", "/Invoice/cac:TaxTotal/cac:TaxSubtotal" },
        { "UBL-SR-34", "<cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-37", "<cac:InvoiceLine><cac:Price><cac:AllowanceCharge><cbc:Amount>1</cbc:Amount><cbc:Amount>2</cbc:Amount></cac:AllowanceCharge></cac:Price></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-43", "<cac:AdditionalDocumentReference><cbc:ID>P1</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>", "/Invoice/cac:AdditionalDocumentReference" },
        { "UBL-SR-43", "<cac:AdditionalDocumentReference><cbc:ID schemeID=\"ABZ\">D1</cbc:ID></cac:AdditionalDocumentReference>", "/Invoice/cac:AdditionalDocumentReference" },
        { "UBL-SR-45", "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-01-01</cbc:PaymentDueDate></cac:PaymentMeans><cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-01-01</cbc:PaymentDueDate></cac:PaymentMeans>", "/Invoice" },
        { "UBL-SR-46", "<cac:PaymentMeans><cbc:PaymentMeansCode name=\"Transfer\">30</cbc:PaymentMeansCode></cac:PaymentMeans><cac:PaymentMeans><cbc:PaymentMeansCode name=\"Transfer\">30</cbc:PaymentMeansCode></cac:PaymentMeans>", "/Invoice" },
        { "UBL-SR-48", "<cac:InvoiceLine><cbc:ID>1</cbc:ID><cac:Item><cbc:Name>No tax category</cbc:Name></cac:Item></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-48", "<cac:InvoiceLine><cac:Item><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID></cac:ClassifiedTaxCategory><cac:ClassifiedTaxCategory><cbc:ID>Z</cbc:ID></cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-51", "<cac:AccountingCustomerParty><cac:Party><cac:PostalAddress><cac:AddressLine><cbc:Line>a</cbc:Line></cac:AddressLine><cac:AddressLine><cbc:Line>b</cbc:Line></cac:AddressLine></cac:PostalAddress></cac:Party></cac:AccountingCustomerParty>", "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress" },
        { "UBL-SR-52", "<cac:InvoiceLine><cac:DocumentReference><cbc:ID>1</cbc:ID></cac:DocumentReference><cac:DocumentReference><cbc:ID>2</cbc:ID></cac:DocumentReference></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-53", "<cac:AccountingCustomerParty><cac:Party><cac:PartyTaxScheme><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:Party></cac:AccountingCustomerParty>", "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme" },
        { "UBL-SR-54", "<cac:PaymentMeans><cbc:PaymentMeansCode>48</cbc:PaymentMeansCode><cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID></cac:CardAccount></cac:PaymentMeans><cac:PaymentMeans><cbc:PaymentMeansCode>48</cbc:PaymentMeansCode><cac:CardAccount><cbc:PrimaryAccountNumberID>5678</cbc:PrimaryAccountNumberID></cac:CardAccount></cac:PaymentMeans>", "/Invoice" },
        { "UBL-SR-56", "<cac:OriginatorDocumentReference><cbc:ID>T1</cbc:ID></cac:OriginatorDocumentReference><cac:OriginatorDocumentReference><cbc:ID>T2</cbc:ID></cac:OriginatorDocumentReference>", "/Invoice" },
        { "UBL-SR-02", "<cac:ReceiptDocumentReference><cbc:ID>R1</cbc:ID></cac:ReceiptDocumentReference><cac:ReceiptDocumentReference><cbc:ID>R2</cbc:ID></cac:ReceiptDocumentReference>", "/Invoice" },
        { "UBL-SR-03", "<cac:DespatchDocumentReference><cbc:ID>D1</cbc:ID></cac:DespatchDocumentReference><cac:DespatchDocumentReference><cbc:ID>D2</cbc:ID></cac:DespatchDocumentReference>", "/Invoice" },
        { "UBL-SR-08", "<cac:InvoicePeriod><cbc:StartDate>2026-01-01</cbc:StartDate></cac:InvoicePeriod><cac:InvoicePeriod><cbc:StartDate>2026-02-01</cbc:StartDate></cac:InvoicePeriod>", "/Invoice" },
        { "UBL-SR-09", "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>A</cbc:RegistrationName><cbc:RegistrationName>B</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>", "/Invoice" },
        { "UBL-SR-10", "<cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName><cac:PartyName><cbc:Name>B</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>", "/Invoice" },
        { "UBL-SR-11", "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:CompanyID>1</cbc:CompanyID><cbc:CompanyID>2</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>", "/Invoice" },
        { "UBL-SR-14", "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:CompanyLegalForm>A</cbc:CompanyLegalForm><cbc:CompanyLegalForm>B</cbc:CompanyLegalForm></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>", "/Invoice" },
        { "UBL-SR-15", "<cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>A</cbc:RegistrationName><cbc:RegistrationName>B</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>", "/Invoice" },
        { "UBL-SR-16", "<cac:AccountingCustomerParty><cac:Party><cac:PartyIdentification><cbc:ID>1</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID>2</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingCustomerParty>", "/Invoice" },
        { "UBL-SR-17", "<cac:AccountingCustomerParty><cac:Party><cac:PartyLegalEntity><cbc:CompanyID>1</cbc:CompanyID><cbc:CompanyID>2</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>", "/Invoice" },
        { "UBL-SR-21", "<cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Acme</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty><cac:PayeeParty><cac:PartyName><cbc:Name>Factor</cbc:Name></cac:PartyName><cac:PartyLegalEntity><cbc:CompanyID>1</cbc:CompanyID><cbc:CompanyID>2</cbc:CompanyID></cac:PartyLegalEntity></cac:PayeeParty>", "/Invoice/cac:PayeeParty" },
        { "UBL-SR-22", "<cac:TaxRepresentativeParty><cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName><cac:PartyName><cbc:Name>B</cbc:Name></cac:PartyName></cac:TaxRepresentativeParty>", "/Invoice/cac:TaxRepresentativeParty" },
        { "UBL-SR-23", "<cac:TaxRepresentativeParty><cac:PartyTaxScheme><cbc:CompanyID>A</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyTaxScheme><cbc:CompanyID>B</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:TaxRepresentativeParty>", "/Invoice/cac:TaxRepresentativeParty" },
        { "UBL-SR-25", "<cac:Delivery><cac:DeliveryParty><cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName><cac:PartyName><cbc:Name>B</cbc:Name></cac:PartyName></cac:DeliveryParty></cac:Delivery>", "/Invoice/cac:Delivery" },
        { "UBL-SR-26", "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>A</cbc:PaymentID><cbc:PaymentID>A</cbc:PaymentID></cac:PaymentMeans>", "/Invoice/cac:PaymentMeans" },
        { "UBL-SR-27", "<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>", "/Invoice/cac:PaymentMeans" },
        { "UBL-SR-28", "<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cac:PaymentMandate><cbc:ID>M1</cbc:ID><cbc:ID>M2</cbc:ID></cac:PaymentMandate></cac:PaymentMeans>", "/Invoice/cac:PaymentMeans" },
        { "UBL-SR-33", "<cac:AdditionalDocumentReference><cbc:ID>D1</cbc:ID><cbc:DocumentDescription>A</cbc:DocumentDescription><cbc:DocumentDescription>B</cbc:DocumentDescription></cac:AdditionalDocumentReference>", "/Invoice/cac:AdditionalDocumentReference" },
        { "UBL-SR-35", "<cac:InvoiceLine><cac:OrderLineReference><cbc:LineID>1</cbc:LineID></cac:OrderLineReference><cac:OrderLineReference><cbc:LineID>2</cbc:LineID></cac:OrderLineReference></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-36", "<cac:InvoiceLine><cac:InvoicePeriod><cbc:StartDate>2026-01-01</cbc:StartDate></cac:InvoicePeriod><cac:InvoicePeriod><cbc:StartDate>2026-02-01</cbc:StartDate></cac:InvoicePeriod></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-39", "<cac:ProjectReference><cbc:ID>P1</cbc:ID></cac:ProjectReference><cac:ProjectReference><cbc:ID>P2</cbc:ID></cac:ProjectReference>", "/Invoice" },
        { "UBL-SR-40", "<cac:AccountingCustomerParty><cac:Party><cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName><cac:PartyName><cbc:Name>B</cbc:Name></cac:PartyName></cac:Party></cac:AccountingCustomerParty>", "/Invoice" },
        { "UBL-SR-49", "<cac:InvoicePeriod><cbc:DescriptionCode>3</cbc:DescriptionCode></cac:InvoicePeriod><cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>", "/Invoice" },
        { "UBL-SR-50", "<cac:InvoiceLine><cac:Item><cbc:Description>A</cbc:Description><cbc:Description>B</cbc:Description><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID></cac:ClassifiedTaxCategory></cac:Item></cac:InvoiceLine>", "/Invoice/cac:InvoiceLine" },
        { "UBL-SR-55", "<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cac:PaymentMandate><cbc:ID>M1</cbc:ID></cac:PaymentMandate></cac:PaymentMeans><cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cac:PaymentMandate><cbc:ID>M2</cbc:ID></cac:PaymentMandate></cac:PaymentMeans>", "/Invoice" },
        { "UBL-DT-01", "<cac:PrepaidPayment><cbc:PaidAmount currencyID=\"EUR\">1.001</cbc:PaidAmount></cac:PrepaidPayment>", "/Invoice/cac:PrepaidPayment/cbc:PaidAmount" },
        { "UBL-CR-666", "<cac:AdditionalDocumentReference><cbc:ID>O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cac:Attachment><cac:ExternalReference><cbc:URI>https://example.com</cbc:URI></cac:ExternalReference></cac:Attachment></cac:AdditionalDocumentReference>", "/Invoice/cac:AdditionalDocumentReference" },
        { "UBL-CR-673", "<cac:AdditionalDocumentReference><cbc:ID>O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cbc:DocumentDescription>Meter</cbc:DocumentDescription></cac:AdditionalDocumentReference>", "/Invoice/cac:AdditionalDocumentReference" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void BrokenFragment_Fires_AtTheContextElement(string rule, string body, string elementPath)
    {
        var findings = Validator.Validate(Read(body)).Findings.Where(f => f.RuleId == rule).ToList();

        var finding = Assert.Single(findings);
        Assert.Equal((FindingSeverity.Fatal, elementPath), (finding.Severity, finding.Location.ElementPath));
    }

    [Fact]
    public void WellFormedFragment_FiresNothing()
    {
        var body = $"""
            <cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>
            <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>INV-1</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>
            <cac:AdditionalDocumentReference><cbc:ID schemeID="AAA">O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>
            <cac:AdditionalDocumentReference><cbc:ID>D1</cbc:ID><cbc:DocumentDescription>Timesheet</cbc:DocumentDescription>
              <cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="t.pdf">QUJD</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>
            <cac:AccountingSupplierParty><cac:Party>
              <cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ1</cbc:ID></cac:PartyIdentification>
              <cac:PostalAddress><cac:AddressLine><cbc:Line>Building 3</cbc:Line></cac:AddressLine></cac:PostalAddress>
              {SellerVat}
              <cac:PartyTaxScheme><cbc:CompanyID>12/345/67890</cbc:CompanyID><cac:TaxScheme><cbc:ID>FC</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
              <cac:PartyLegalEntity><cbc:RegistrationName>Acme GmbH</cbc:RegistrationName></cac:PartyLegalEntity>
            </cac:Party></cac:AccountingSupplierParty>
            <cac:PayeeParty><cac:PartyIdentification><cbc:ID>P1</cbc:ID></cac:PartyIdentification><cac:PartyName><cbc:Name>Factor AG</cbc:Name></cac:PartyName></cac:PayeeParty>
            <cac:PaymentMeans><cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode><cbc:PaymentID>REF-1</cbc:PaymentID></cac:PaymentMeans>
            <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>REF-1</cbc:PaymentID></cac:PaymentMeans>
            <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:Amount currencyID="EUR">10.00</cbc:Amount></cac:AllowanceCharge>
            <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:Note>a</cbc:Note><cbc:LineExtensionAmount currencyID="EUR">100.5</cbc:LineExtensionAmount>
              <cac:Item><cbc:Description>Widget</cbc:Description><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID></cac:ClassifiedTaxCategory></cac:Item>
              <cac:Price><cbc:PriceAmount currencyID="EUR">10.0525</cbc:PriceAmount><cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">0.125</cbc:Amount></cac:AllowanceCharge></cac:Price>
            </cac:InvoiceLine>
            """;

        var report = Validator.Validate(Read(body));

        Assert.True(report.IsClean, report.ToString());
    }

    [Fact]
    public void AmountWithThreeDecimals_FiresUblDt01_OncePerElement()
    {
        var report = Validator.Validate(Read("""
            <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:Amount>1.000</cbc:Amount><cbc:BaseAmount>10.0001</cbc:BaseAmount></cac:AllowanceCharge>
            <cac:LegalMonetaryTotal><cbc:PayableAmount>12.5</cbc:PayableAmount></cac:LegalMonetaryTotal>
            """));

        var findings = report.Findings.Where(f => f.RuleId == "UBL-DT-01").ToList();
        Assert.Equal(["/Invoice/cac:AllowanceCharge/cbc:Amount", "/Invoice/cac:AllowanceCharge/cbc:BaseAmount"], findings.Select(f => f.Location.ElementPath));
        Assert.Contains("'10.0001' has 4 fraction digits", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryObjectWithoutAttributes_FiresUblDt06AndDt07()
    {
        var report = Validator.Validate(Read("<cac:AdditionalDocumentReference><cbc:ID>D1</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject>QUJD</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>"));

        Assert.Equal(["UBL-DT-06", "UBL-DT-07"], report.Findings.Select(f => f.RuleId));
        Assert.All(report.Findings, f => Assert.Equal("/Invoice/cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject", f.Location.ElementPath));
    }

    [Theory]
    [InlineData("UBL-DT-08", "<cbc:BuyerReference schemeName=\"x\">B1</cbc:BuyerReference>", "/Invoice/cbc:BuyerReference")]
    [InlineData("UBL-DT-19", "<cbc:Note languageID=\"de\">Hallo</cbc:Note>", "/Invoice/cbc:Note")]
    [InlineData("UBL-DT-18", "<cac:AccountingSupplierParty><cac:Party><cac:PartyName><cbc:Name name=\"x\">Acme</cbc:Name></cac:PartyName></cac:Party></cac:AccountingSupplierParty>", "/Invoice")]
    [InlineData("UBL-DT-28", "<cac:Signature><cbc:ID listAgencyID=\"6\">S</cbc:ID></cac:Signature>", "/Invoice/cac:Signature/cbc:ID")]
    public void DiscouragedAttribute_IsAWarning(string rule, string body, string elementPath)
    {
        var finding = Assert.Single(Validator.Validate(Read(body)).Findings);

        Assert.Equal((rule, FindingSeverity.Warning, elementPath), (finding.RuleId, finding.Severity, finding.Location.ElementPath));
    }

    public static TheoryData<string, string> DiscouragedAttributes() => new()
    {
        { "UBL-DT-08", "schemeName" }, { "UBL-DT-09", "schemeAgencyName" }, { "UBL-DT-10", "schemeDataURI" }, { "UBL-DT-11", "schemeURI" },
        { "UBL-DT-12", "format" }, { "UBL-DT-13", "unitCodeListIdentifier" }, { "UBL-DT-14", "unitCodeListAgencyIdentifier" },
        { "UBL-DT-15", "unitCodeListAgencyName" }, { "UBL-DT-16", "listAgencyName" }, { "UBL-DT-17", "listName" }, { "UBL-DT-19", "languageID" },
        { "UBL-DT-20", "listURI" }, { "UBL-DT-21", "listSchemeURI" }, { "UBL-DT-22", "languageLocaleID" }, { "UBL-DT-23", "uri" },
        { "UBL-DT-24", "currencyCodeListVersionID" }, { "UBL-DT-25", "characterSetCode" }, { "UBL-DT-26", "encodingCode" },
        { "UBL-DT-27", "schemeAgencyID" }, { "UBL-DT-28", "listAgencyID" },
    };

    [Theory]
    [MemberData(nameof(DiscouragedAttributes))]
    public void EachDiscouragedAttribute_HasItsWarning(string rule, string attribute)
    {
        var finding = Assert.Single(Validator.Validate(Read($"<cbc:BuyerReference {attribute}=\"x\">B1</cbc:BuyerReference>")).Findings);

        Assert.Equal((rule, FindingSeverity.Warning), (finding.RuleId, finding.Severity));
        Assert.Contains(attribute, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreditNote_MayCarryAProjectReferenceAsDocumentType50()
    {
        const string body = "<cac:AdditionalDocumentReference><cbc:ID>P1</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>";

        Assert.False(Validator.Validate(Read(body, "CreditNote")).Fired("UBL-SR-43"));
        Assert.True(Validator.Validate(Read(body)).Fired("UBL-SR-43"));
    }

    [Fact]
    public void DocumentNotReadFromUbl_FiresNoSyntaxRule()
    {
        var read = Read("<cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans><cac:PaymentMeans><cbc:PaymentMeansCode>31</cbc:PaymentMeansCode></cac:PaymentMeans>");
        Assert.True(Validator.Validate(read).Fired("UBL-SR-47"));

        Assert.True(Validator.Validate(read.Document, EInvoiceSyntax.UblInvoice).IsClean);
        using var cii = new MemoryStream();
        CiiWriter.Write(read.Document, cii);
        cii.Position = 0;
        Assert.True(Validator.Validate(CiiReader.Read(cii)).IsClean);
    }

    [Fact]
    public void StringValues_AreComparedAsWritten()
    {
        // " VAT " is not 'VAT' for upper-case(cbc:ID)='VAT': one VAT identifier, so UBL-SR-12 holds.
        var report = Validator.Validate(Read("<cac:AccountingSupplierParty><cac:Party>" + SellerVat
            + "<cac:PartyTaxScheme><cbc:CompanyID>DE999</cbc:CompanyID><cac:TaxScheme><cbc:ID> VAT </cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:Party></cac:AccountingSupplierParty>"
            + "<cac:LegalMonetaryTotal><cbc:PayableAmount>100.00\n</cbc:PayableAmount></cac:LegalMonetaryTotal>"));

        Assert.False(report.Fired("UBL-SR-12"));
        Assert.Equal("/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount", Assert.Single(report.Findings, f => f.RuleId == "UBL-DT-01").Location.ElementPath);
    }

    [Fact]
    public void ElementsOfOtherNamespaces_AreNotUblTerms()
    {
        var report = Validator.Validate(Read("""
            <ext:UBLExtensions xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"><ext:UBLExtension><ext:ExtensionContent>
              <x:PaymentMeans xmlns:x="urn:example:extension"><x:PaymentMeansCode>31</x:PaymentMeansCode></x:PaymentMeans>
            </ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>
            <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode></cac:PaymentMeans>
            """));

        Assert.True(report.IsClean, report.ToString());
    }

    [Theory]
    [InlineData("AccountingSupplierParty", "BT-31")]
    [InlineData("AccountingCustomerParty", "BT-48")]
    public void PartyTaxSchemeWithoutCompanyId_NamesTheParty(string party, string term)
    {
        var report = Validator.Validate(Read($"<cac:{party}><cac:Party><cac:PartyTaxScheme><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:Party></cac:{party}>"));

        Assert.Equal(term, Assert.Single(report.Findings, f => f.RuleId == "UBL-SR-53").Location.Term);
    }

    public static TheoryData<string> UblFiles => UblTestFiles.All();

    [Theory]
    [MemberData(nameof(UblFiles))]
    public void WriterOutput_OfEveryOfficialInstance_BreaksNoSyntaxRule(string file)
    {
        var document = UblTestFiles.Read(file).Document;
        using var written = new MemoryStream();
        UblWriter.Write(document, written);
        written.Position = 0;

        var fatal = Validator.Validate(UblReader.Read(written)).Findings.Where(f => f.Severity == FindingSeverity.Fatal).ToList();
        Assert.True(fatal.Count == 0, string.Join(Environment.NewLine, fatal));
    }

    [Fact]
    public void TheRuleSet_IsTheBindingsFatalAndWarningRules()
    {
        var rules = En16931Rules.UblSyntax().ToList();

        Assert.Equal(54, rules.Count(r => r.Id.StartsWith("UBL-SR-", StringComparison.Ordinal) && r.Severity == FindingSeverity.Fatal));
        Assert.Equal(["UBL-DT-01", "UBL-DT-06", "UBL-DT-07"], rules.Where(r => r.Id.StartsWith("UBL-DT-", StringComparison.Ordinal) && r.Severity == FindingSeverity.Fatal).Select(r => r.Id));
        Assert.Equal(21, rules.Count(r => r.Id.StartsWith("UBL-DT-", StringComparison.Ordinal) && r.Severity == FindingSeverity.Warning));
        var dataTypes = rules.Select(r => r.Id).Where(id => id.StartsWith("UBL-DT-", StringComparison.Ordinal)).ToList();
        Assert.Equal(dataTypes.Order(StringComparer.Ordinal), dataTypes);
        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
    }

    private static EInvoiceReadResult Read(string body, string root = "Invoice")
    {
        var xml = $"""
            <{root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{root}-2"
                xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">{body}</{root}>
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return UblReader.Read(stream);
    }
}
