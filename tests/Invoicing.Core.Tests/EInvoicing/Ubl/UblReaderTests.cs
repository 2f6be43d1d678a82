using System.Text;
using System.Xml;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Ubl;
using NodaTime;

namespace Invoicing.Core.Tests.EInvoicing.Ubl;

public sealed class UblReaderTests
{
    private const string Namespaces = """xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" """;

    public static TheoryData<string> Files => UblTestFiles.All();

    [Fact]
    public void Files_AllExamplesArePresent()
    {
        var files = UblTestFiles.Paths();
        Assert.Equal(19, files.Count(f => f.StartsWith("ubl", StringComparison.Ordinal)));
        Assert.Equal(29, files.Count(f => f.StartsWith("test", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_EveryOfficialInstance_ReadsNumberTypeCurrencyAndLines(string file)
    {
        using var stream = UblTestFiles.Open(file);
        var result = UblReader.Read(stream);

        var text = File.ReadAllText(Path.Combine(UblTestFiles.Root, file));
        var creditNote = text.Contains("<CreditNote", StringComparison.Ordinal);
        Assert.Equal(creditNote ? EInvoiceSyntax.UblCreditNote : EInvoiceSyntax.UblInvoice, result.Syntax);
        var document = result.Document;
        Assert.False(string.IsNullOrEmpty(document.Number));
        Assert.NotNull(document.IssueDate);
        Assert.Contains(document.TypeCode, new[] { "380", "381", "383", "384", "389", "326", "751" });
        Assert.NotNull(document.CurrencyCode);
        Assert.Contains(document.CurrencyCode, result.AmountCurrencyCodes);
        Assert.NotEmpty(document.Lines);
        Assert.Equal(CountOf(text, creditNote ? "CreditNoteLine" : "InvoiceLine"), document.Lines.Count);
        Assert.All(document.Lines, line => Assert.NotNull(line.NetAmount));
        Assert.NotNull(document.Totals?.AmountDueForPayment);
        Assert.NotEmpty(document.VatBreakdown);
        Assert.NotNull(document.Seller?.Name ?? document.Seller?.TradingName);
    }

    [Fact]
    public void Read_Tc434Example1_ReadsTotalsLinesAndParties()
    {
        using var stream = UblTestFiles.Open(Path.Combine("ubl", "examples", "ubl-tc434-example1.xml"));
        var result = UblReader.Read(stream);
        var document = result.Document;

        Assert.Equal("12115118", document.Number);
        Assert.Equal(new LocalDate(2015, 1, 9), document.IssueDate);
        Assert.Equal("380", document.TypeCode);
        Assert.Equal("EUR", document.CurrencyCode);
        Assert.Equal(["EUR"], result.AmountCurrencyCodes);
        Assert.Equal(20, document.Lines.Count);
        Assert.Equal(229.60m, document.Totals!.SumOfLineNetAmounts);
        Assert.Equal(229.60m, document.Totals.TotalWithoutVat);
        Assert.Equal(250.33m, document.Totals.TotalWithVat);
        Assert.Equal(250.33m, document.Totals.AmountDueForPayment);
        Assert.Equal("2", decimal.GetBits(document.Totals.TotalWithVat!.Value)[3].ToString("x", System.Globalization.CultureInfo.InvariantCulture)[..1]); // scale 2 kept
        Assert.Equal(19.90m, document.Lines[0].NetAmount);
        Assert.Equal(2m, document.Lines[0].Quantity);
        Assert.Equal("EA", document.Lines[0].UnitCode);
        Assert.Equal("PATAT FRITES 10MM 10KG", document.Lines[0].Item!.Name);
        Assert.Equal("166022", document.Lines[0].Item!.SellersIdentifier);
        Assert.Equal("/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount", result.ElementPath("BG-25[2]/BT-131"));
    }

    [Fact]
    public void Read_MaxContentInvoice_MapsEveryGroup()
    {
        using var stream = UblTestFiles.Open(Path.Combine("test", "testfiles", "Invoice-Max_content.xml"));
        var d = UblReader.Read(stream).Document;

        Assert.Equal("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0", d.ProcessControl!.BusinessProcessType);
        Assert.Equal(new LocalDate(2018, 3, 7), d.PaymentDueDate);
        Assert.Equal("EUR", d.VatAccountingCurrencyCode);
        Assert.Equal(new LocalDate(2018, 2, 8), d.VatPointDate);
        Assert.Equal("BES, 87392", d.BuyerAccountingReference);
        Assert.Equal("20180117", d.PurchaseOrderReference);
        Assert.Equal("INK/0117/JM", d.SalesOrderReference);
        Assert.Equal(2, d.PrecedingInvoiceReferences.Count);
        Assert.Equal(new LocalDate(2018, 1, 31), d.PrecedingInvoiceReferences[0].IssueDate);
        Assert.Equal("Despatch_advice Feb 01-07", d.DespatchAdviceReference);
        Assert.Equal("Receipt_advice 01-07", d.ReceivingAdviceReference);
        Assert.Equal("Tender 2017-12, lot no. 3", d.TenderOrLotReference);
        Assert.Equal("2017-123", d.ContractReference);
        Assert.Equal("Project 99", d.ProjectReference);
        Assert.Equal(new SchemeIdentifier("ABC123", "VT"), d.InvoicedObjectIdentifier);
        Assert.Equal(3, d.SupportingDocuments.Count);
        Assert.Equal("text/csv", d.SupportingDocuments[1].Attachment!.MimeCode);
        Assert.Equal("01234567", d.SupportingDocuments[1].Attachment!.ContentBase64);
        Assert.Equal("http://www.example.com/index.html", d.SupportingDocuments[2].ExternalLocation);

        var seller = d.Seller!;
        Assert.Equal("The Global Chain Sweden AB", seller.Name);
        Assert.Equal("Global Trade Chain", seller.TradingName);
        Assert.Equal([new SchemeIdentifier("7350000001204", "0088"), new SchemeIdentifier("BilateralID")], seller.Identifiers);
        Assert.Equal("SE123456789001", seller.VatIdentifier);
        Assert.Equal("Godkänd för F-skatt", seller.TaxRegistrationIdentifier);
        Assert.Equal("Säte: Big CIty", seller.AdditionalLegalInformation);
        Assert.Equal(new SchemeIdentifier("1234567890", "0007"), seller.ElectronicAddress);
        Assert.Equal("Address-line3", seller.Address!.Line3);
        Assert.Equal("SE", seller.Address.CountryCode);
        Assert.Equal("info@UCS.se", seller.Contact!.EmailAddress);
        Assert.Equal("SE123451234501", d.Buyer!.VatIdentifier);
        Assert.Equal("Project services AB", d.Buyer.Name);
        Assert.Equal("Finansiell Support u.p.a.", d.Payee!.Name);
        Assert.Equal("SE998877665501", d.SellerTaxRepresentative!.VatIdentifier);
        Assert.Equal("Deliver-to Name A.S.", d.Delivery!.PartyName);
        Assert.Equal("DELIV Town", d.Delivery.Address!.City);

        var payment = d.PaymentInstructions!;
        Assert.Equal("30", payment.PaymentMeansTypeCode);
        Assert.Equal("Credit transfer", payment.PaymentMeansText);
        Assert.Equal("1800355", payment.RemittanceInformation);
        Assert.Equal(4, payment.CreditTransfers.Count);
        Assert.Equal("SE:PLUSGIRO", payment.CreditTransfers[3].PaymentServiceProviderIdentifier);
        Assert.StartsWith("30 days net.", d.PaymentTerms, StringComparison.Ordinal);

        Assert.Equal("95", Assert.Single(d.Allowances).ReasonCode);
        Assert.Equal("E", d.Charges[0].VatCategoryCode);
        Assert.Equal(2500m, d.Totals!.TotalVat);
        Assert.Equal(249m, d.Totals.TotalVatInAccountingCurrency);
        Assert.Equal(2, d.VatBreakdown.Count);
        Assert.Equal("vatex-eu-132-1g", d.VatBreakdown[1].ExemptionReasonCode);

        var line = d.Lines[0];
        Assert.Equal("Accounting 101-222-8", line.BuyerAccountingReference);
        Assert.Equal("20080117/JM", line.PurchaseOrderLineReference);
        Assert.Equal(new SchemeIdentifier("130-DR35141", "ABZ"), line.ObjectIdentifier);
        Assert.Single(line.Allowances);
        Assert.Single(line.Charges);
        Assert.Equal(20m, line.Price!.NetPrice);
        Assert.Equal(0.50m, line.Price.Discount);
        Assert.Equal(20.50m, line.Price.GrossPrice);
        Assert.Equal("MTR", line.Price.BaseQuantityUnitCode);
        Assert.Equal("S", line.Vat!.CategoryCode);
        Assert.Equal(25m, line.Vat.Rate);
        Assert.Equal([new SchemeIdentifier("9873242", "SSR", "1.0"), new SchemeIdentifier("SST3242", "SST")], line.Item!.ClassificationIdentifiers);
        Assert.Equal("SE", line.Item.CountryOfOrigin);
        Assert.Equal(2, line.Item.Attributes.Count);
        Assert.Equal("17350053850016", line.Item.StandardIdentifier!.Value);
    }

    [Fact]
    public void Read_CreditNote_ReadsCreditNoteLinesAndTypeCode()
    {
        using var stream = UblTestFiles.Open(Path.Combine("ubl", "examples", "ubl-tc434-creditnote1.xml"));
        var result = UblReader.Read(stream);

        Assert.Equal(EInvoiceSyntax.UblCreditNote, result.Syntax);
        Assert.Equal("381", result.Document.TypeCode);
        Assert.NotEmpty(result.Document.Lines);
        Assert.NotNull(result.Document.Lines[0].Quantity);
        Assert.Equal("/CreditNote/cac:CreditNoteLine[1]/cbc:CreditedQuantity", result.ElementPath("BG-25[1]/BT-129"));
    }

    [Fact]
    public void Read_UnitTestFragment_ReadsWhatIsThere()
    {
        // Invoice-unit-UBL/BR-CO-10.xml, test 1: only the totals and one line amount.
        var result = Read($"""
            <Invoice {Namespaces}>
              <cac:LegalMonetaryTotal>
                <cbc:LineExtensionAmount>100</cbc:LineExtensionAmount>
              </cac:LegalMonetaryTotal>
              <cac:InvoiceLine>
                <cbc:LineExtensionAmount>100.00</cbc:LineExtensionAmount>
              </cac:InvoiceLine>
            </Invoice>
            """);

        Assert.Null(result.Document.Number);
        Assert.Equal(100m, result.Document.Totals!.SumOfLineNetAmounts);
        Assert.Equal(100.00m, Assert.Single(result.Document.Lines).NetAmount);
        Assert.Empty(result.AmountCurrencyCodes);
    }

    [Fact]
    public void Read_NotesWithSubjectCodeAndUnknownElements_SplitsCodeAndSkipsTheRest()
    {
        var result = Read($"""
            <Invoice {Namespaces} xmlns:x="urn:other">
              <x:Anything><cbc:ID>not the number</cbc:ID></x:Anything>
              <cbc:ID>INV-1</cbc:ID>
              <cbc:Note>#AAI#General note</cbc:Note>
              <cbc:Note>Plain</cbc:Note>
              <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">5</cbc:Amount></cac:AllowanceCharge>
              <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EURO">2</cbc:Amount></cac:AllowanceCharge>
              <cac:AccountingSupplierParty><cac:Party><cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification></cac:Party></cac:AccountingSupplierParty>
            </Invoice>
            """);

        Assert.Equal("INV-1", result.Document.Number);
        Assert.Equal([new InvoiceNote { SubjectCode = "AAI", Text = "General note" }, new InvoiceNote { Text = "Plain" }], result.Document.Notes);
        Assert.Equal(5m, Assert.Single(result.Document.Charges).Amount);
        Assert.Equal(2m, Assert.Single(result.Document.Allowances).Amount);
        Assert.Equal(["EUR", "EURO"], result.AmountCurrencyCodes);
        Assert.Empty(result.Document.Seller!.Identifiers);
        Assert.Equal("DE98ZZZ09999999999", result.Document.PaymentInstructions!.DirectDebit!.BankAssignedCreditorIdentifier);
    }

    [Fact]
    public void Read_EmptyDateOrQuantity_IsAbsent()
    {
        // Invoice-unit-UBL/BR-IC-11.xml and BR-CL-23.xml write <cbc:ActualDeliveryDate/> and empty quantities.
        var result = Read($"""
            <Invoice {Namespaces}>
              <cac:Delivery><cbc:ActualDeliveryDate/></cac:Delivery>
              <cac:InvoiceLine><cbc:InvoicedQuantity unitCode="XYZ"> </cbc:InvoicedQuantity></cac:InvoiceLine>
            </Invoice>
            """);

        Assert.Null(result.Document.Delivery!.ActualDeliveryDate);
        Assert.Null(result.Document.Lines[0].Quantity);
        Assert.Equal("XYZ", result.Document.Lines[0].UnitCode);
    }

    [Theory]
    [InlineData("BG-25[2]/BT-131", "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount")]
    [InlineData("BG-4/BG-5/BT-40", "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode")]
    [InlineData("BG-7/BG-8/BT-55", "/Invoice/cac:AccountingCustomerParty/cac:Party/cac:PostalAddress/cac:Country/cbc:IdentificationCode")]
    [InlineData("BG-4/BT-29[2]", "/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification[2]/cbc:ID")]
    [InlineData("BG-4/BT-34-1", "/Invoice/cac:AccountingSupplierParty/cac:Party/cbc:EndpointID/@schemeID")]
    [InlineData("BG-23[2]/BT-118", "/Invoice/cac:TaxTotal/cac:TaxSubtotal[2]/cac:TaxCategory/cbc:ID")]
    [InlineData("BG-25[3]/BG-31/BT-153", "/Invoice/cac:InvoiceLine[3]/cac:Item/cbc:Name")]
    [InlineData("BG-25[1]/BG-27[2]/BT-136", "/Invoice/cac:InvoiceLine[1]/cac:AllowanceCharge[cbc:ChargeIndicator='false'][2]/cbc:Amount")]
    [InlineData("BG-20[1]/BT-92", "/Invoice/cac:AllowanceCharge[cbc:ChargeIndicator='false'][1]/cbc:Amount")]
    [InlineData("BG-21[1]/BT-99", "/Invoice/cac:AllowanceCharge[cbc:ChargeIndicator='true'][1]/cbc:Amount")]
    [InlineData("BG-1[1]/BT-22", "/Invoice/cbc:Note[1]")]
    [InlineData("BG-25[1]/BG-26/BT-134", "/Invoice/cac:InvoiceLine[1]/cac:InvoicePeriod/cbc:StartDate")]
    [InlineData("BG-16/BG-17[1]/BT-84", "/Invoice/cac:PaymentMeans[1]/cac:PayeeFinancialAccount/cbc:ID")]
    [InlineData("BG-22/BT-106", "/Invoice/cac:LegalMonetaryTotal/cbc:LineExtensionAmount")]
    [InlineData("BG-22/BT-110", "/Invoice/cac:TaxTotal[1]/cbc:TaxAmount")]
    [InlineData("BG-25[2]", "/Invoice/cac:InvoiceLine[2]")]
    [InlineData("BG-25[2]/BT-151", "/Invoice/cac:InvoiceLine[2]/cac:Item/cac:ClassifiedTaxCategory/cbc:ID")]
    [InlineData("BT-1", "/Invoice/cbc:ID")]
    [InlineData("BT-24", "/Invoice/cbc:CustomizationID")]
    [InlineData("BG-99/BT-1", null)]
    public void ElementPath_ModelPath_GivesTheUblElement(string modelPath, string? expected)
    {
        var result = Read($"<Invoice {Namespaces}/>");

        Assert.Equal(expected, result.ElementPath(modelPath));
    }

    [Theory]
    [InlineData("<Invoice {0}><cbc:IssueDate>2024-13-01</cbc:IssueDate></Invoice>", "cbc:IssueDate", "2024-13-01", 1)]
    [InlineData("<Invoice {0}>\n<cac:LegalMonetaryTotal>\n  <cbc:PayableAmount currencyID=\"EUR\">12,50</cbc:PayableAmount></cac:LegalMonetaryTotal></Invoice>", "cbc:PayableAmount", "12,50", 3)]
    [InlineData("<Invoice {0}><cac:AllowanceCharge><cbc:ChargeIndicator>yes</cbc:ChargeIndicator></cac:AllowanceCharge></Invoice>", "cbc:ChargeIndicator", "yes", 1)]
    public void Read_UnparsableValue_ThrowsNamingElementValueAndPlace(string xml, string element, string value, int line)
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => Read(string.Format(System.Globalization.CultureInfo.InvariantCulture, xml, Namespaces)));

        Assert.Contains(element, error.Message, StringComparison.Ordinal);
        Assert.Contains("'" + value + "'", error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.LineNumber);
        Assert.True(error.LinePosition > 0);
        Assert.StartsWith($"line {line}, position ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedXml_ThrowsWithLineAndPosition()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => Read($"<Invoice {Namespaces}>\n<cbc:ID>1</cbc:IDX>\n</Invoice>"));

        Assert.Equal(2, error.LineNumber);
        Assert.True(error.LinePosition > 0);
        Assert.IsType<XmlException>(error.InnerException);
    }

    [Theory]
    [InlineData("<!DOCTYPE Invoice [<!ENTITY x \"boom\">]>\n<Invoice {0}><cbc:ID>&x;</cbc:ID></Invoice>")]
    [InlineData("<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<Invoice {0}><cbc:ID>&xxe;</cbc:ID></Invoice>")]
    [InlineData("<!DOCTYPE Invoice SYSTEM \"http://example.invalid/x.dtd\">\n<Invoice {0}/>")]
    public void Read_DtdOrEntity_IsRefused(string xml)
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => Read(string.Format(System.Globalization.CultureInfo.InvariantCulture, xml, Namespaces)));

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.True(error.LineNumber > 0);
    }

    [Fact]
    public void Read_OverSize_IsRefused()
    {
        var xml = $"<Invoice {Namespaces}><cbc:Note>{new string('x', 5000)}</cbc:Note></Invoice>";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        var error = Assert.Throws<EInvoiceFormatException>(() => UblReader.Read(stream, new EInvoiceReaderOptions { MaxCharacters = 1000 }));

        Assert.True(error.LineNumber > 0);
    }

    [Fact]
    public async Task ReadAsync_OverSize_IsRefused()
    {
        var xml = $"<Invoice {Namespaces}><cbc:Note>{new string('x', 5000)}</cbc:Note></Invoice>";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));

        await Assert.ThrowsAsync<EInvoiceFormatException>(async () => await UblReader.ReadAsync(stream, new EInvoiceReaderOptions { MaxCharacters = 1000 }));
    }

    [Theory]
    [InlineData("<CrossIndustryInvoice xmlns=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>", "CrossIndustryInvoice")]
    [InlineData("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"/>", "Invoice")]
    [InlineData("<Invoice/>", "Invoice")]
    public void Read_WrongRoot_ThrowsNamingTheRoot(string xml, string root)
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => Read(xml));

        Assert.Contains($"'{root}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal(2, error.LinePosition);
    }

    [Fact]
    public async Task ReadAsync_SameAsRead()
    {
        var path = Path.Combine("test", "testfiles", "Invoice-Max_content.xml");
        using var first = UblTestFiles.Open(path);
        using var second = UblTestFiles.Open(path);

        var expected = UblReader.Read(first);
        var actual = await UblReader.ReadAsync(second);

        Assert.Equal(expected.Document, actual.Document);
        Assert.Equal(expected.AmountCurrencyCodes, actual.AmountCurrencyCodes);
    }

    [Fact]
    public void Read_NullOrUnreadableStream_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => UblReader.Read(null!));
        using var stream = new MemoryStream();
        stream.Close();
        Assert.Throws<ArgumentException>(() => UblReader.Read(stream));
    }

    [Theory]
    [InlineData("2026-01-31", "2026-01-31")]
    [InlineData("2026-01-31Z", "2026-01-31")]
    [InlineData("2026-01-31+01:00", "2026-01-31")]
    [InlineData(" 2026-01-31 ", "2026-01-31")]
    [InlineData("2026-01-31Zgarbage", null)]
    [InlineData("2026-01-31x", null)]
    [InlineData("2026-01-31T10:00:00", null)]
    [InlineData("2026-01-31+1:00", null)]
    [InlineData("31.01.2026", null)]
    public void Read_IssueDate_AcceptsAnXsdDateAndNothingAfterIt(string text, string? expected)
    {
        var xml = $"<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"><cbc:IssueDate>{text}</cbc:IssueDate></Invoice>";

        if (expected is null)
        {
            var error = Assert.Throws<EInvoiceFormatException>(() => Read(xml));
            Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, Read(xml).Document.IssueDate?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>An attachment is read in chunks of 8,000 characters: split by a comment and a CDATA section, short or long, it reads whole and trimmed.</summary>
    [Theory]
    [InlineData(12)]
    [InlineData(7_999)]
    [InlineData(8_000)]
    [InlineData(40_001)]
    public void Read_Attachment_InPiecesAndChunks_ReadsWhole(int length)
    {
        var content = string.Concat(Enumerable.Range(0, length).Select(i => (char)('A' + (i % 26))));
        var (a, b, c) = (content[..(length / 3)], content[(length / 3)..(2 * length / 3)], content[(2 * length / 3)..]);
        var read = Read($"""
            <Invoice {Namespaces}><cac:AdditionalDocumentReference><cbc:ID>timesheet</cbc:ID><cac:Attachment>
            <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="t.pdf">
              {a}<!-- a comment -->{b}<![CDATA[{c}]]>
            </cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference></Invoice>
            """);

        var attachment = Assert.Single(read.Document.SupportingDocuments).Attachment!;
        Assert.Equal(content, attachment.ContentBase64);
        Assert.Equal(("application/pdf", "t.pdf"), (attachment.MimeCode, attachment.FileName));
    }

    /// <summary>A character outside the BMP where a chunk ends comes back in the next chunk; nothing is cut.</summary>
    [Theory]
    [InlineData(7_997)]
    [InlineData(7_998)]
    [InlineData(7_999)]
    [InlineData(8_000)]
    [InlineData(15_999)]
    public void Read_Attachment_SurrogatePairAtAChunkBoundary_IsKept(int before)
    {
        var content = new string('A', before) + "\U0001F600" + "BBBB";
        var read = Read($"""<Invoice {Namespaces}><cac:AdditionalDocumentReference><cbc:ID>x</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="text/plain" filename="x.txt">{content}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference></Invoice>""");

        Assert.Equal(content, Assert.Single(read.Document.SupportingDocuments).Attachment!.ContentBase64);
    }

    [Fact]
    public void Read_ElementInsideAnAttachment_IsAFormatError()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => Read($"""
            <Invoice {Namespaces}><cac:AdditionalDocumentReference><cbc:ID>x</cbc:ID><cac:Attachment>
            <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="t.pdf">QUJD<b>x</b></cbc:EmbeddedDocumentBinaryObject>
            </cac:Attachment></cac:AdditionalDocumentReference></Invoice>
            """));

        Assert.Contains("'b' stands where text is expected", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.LineNumber);
    }

    private static EInvoiceReadResult Read(string xml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        return UblReader.Read(stream);
    }

    private static int CountOf(string text, string element)
        => text.Split("<cac:" + element + ">").Length - 1 + (text.Split("<cac:" + element + " ").Length - 1);
}
