using System.Text;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using NodaTime;

namespace Invoicing.Core.Tests.EInvoicing.Cii;

public sealed class CiiReaderTests
{
    private const string Namespaces = """xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100" """;

    public static TheoryData<string> Examples => CiiTestFiles.Examples();

    [Theory]
    [InlineData("CII-BR-CO-10-RoundingIssue.xml", "380", "EUR", 4, 2)]
    [InlineData("CII_business_example_01.xml", "380", "NOK", 5, 3)]
    [InlineData("CII_business_example_02.xml", "380", "EUR", 3, 1)]
    [InlineData("CII_business_example_Z.xml", "380", "EUR", 3, 1)]
    [InlineData("CII_example1.xml", "380", "EUR", 20, 2)]
    [InlineData("CII_example2.xml", "380", "NOK", 5, 3)]
    [InlineData("CII_example3.xml", "380", "DKK", 1, 1)]
    [InlineData("CII_example4.xml", "380", "DKK", 3, 2)]
    [InlineData("CII_example5.xml", "380", "DKK", 3, 2)]
    [InlineData("CII_example6.xml", "380", "DKK", 3, 2)]
    [InlineData("CII_example7.xml", "380", "SEK", 2, 1)]
    [InlineData("CII_example8.xml", "380", "EUR", 10, 1)]
    [InlineData("CII_example9.xml", "380", "EUR", 1, 1)]
    [InlineData("XRechnung-O.xml", "380", "EUR", 2, 1)]
    [InlineData("huf_example_cii.xml", "380", "HUF", 3, 1)]
    public void Read_Example_HasTypeCurrencyLinesAndVatBreakdown(string file, string typeCode, string currency, int lines, int categories)
    {
        var result = CiiTestFiles.ReadExample(file);

        Assert.Equal(EInvoiceSyntax.Cii, result.Syntax);
        Assert.False(string.IsNullOrEmpty(result.Document.Number));
        Assert.NotNull(result.Document.IssueDate);
        Assert.Equal(typeCode, result.Document.TypeCode);
        Assert.Equal(currency, result.Document.CurrencyCode);
        Assert.Equal(lines, result.Document.Lines.Count);
        Assert.Equal(categories, result.Document.VatBreakdown.Count);
        Assert.All(result.Document.Lines, line => Assert.NotNull(line.NetAmount));
    }

    [Fact]
    public void Read_Example1_HandCheckedTerms()
    {
        var result = CiiTestFiles.ReadExample("CII_example1.xml");
        var d = result.Document;

        Assert.Equal("12115118", d.Number);
        Assert.Equal(new LocalDate(2015, 1, 9), d.IssueDate);
        Assert.Equal("urn:cen.eu:en16931:2017", d.ProcessControl?.SpecificationIdentifier);
        Assert.Equal("AAR", d.Notes[0].SubjectCode);
        Assert.StartsWith("Alle leveringen zijn franco.", d.Notes[0].Text, StringComparison.Ordinal);
        var first = d.Lines[0];
        Assert.Equal("1", first.Identifier);
        Assert.Equal("166022", first.Item?.SellersIdentifier);
        Assert.Equal("PATAT FRITES 10MM 10KG", first.Item?.Name);
        Assert.Equal(9.95m, first.Price?.NetPrice);
        Assert.Equal(2m, first.Quantity);
        Assert.Equal("H87", first.UnitCode);
        Assert.Equal("S", first.Vat?.CategoryCode);
        Assert.Equal(6m, first.Vat?.Rate);
        Assert.Equal(19.9m, first.NetAmount);
        Assert.Equal("19.9", first.NetAmount!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); // scale kept
        Assert.Equal(
            "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount",
            result.ElementPath("BG-25[2]/BT-131"));
        Assert.Equal("/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID", result.ElementPath("BT-1"));
    }

    [Fact]
    public void Read_BusinessExample01_PartiesPaymentAndTotals()
    {
        var d = CiiTestFiles.ReadExample("CII_business_example_01.xml").Document;

        Assert.NotNull(d.Seller?.Name);
        Assert.NotNull(d.Seller?.VatIdentifier);
        Assert.NotNull(d.Buyer?.Name);
        Assert.NotNull(d.Totals?.AmountDueForPayment);
        Assert.Equal(d.Totals!.TotalWithVat - (d.Totals.PaidAmount ?? 0) + (d.Totals.RoundingAmount ?? 0), d.Totals.AmountDueForPayment);
        Assert.Equal(d.Lines.Sum(l => l.NetAmount), d.Totals.SumOfLineNetAmounts);
    }

    [Fact]
    public void Read_TaxTotalInTwoCurrencies_SplitsBt110AndBt111()
    {
        var result = CiiTestFiles.ReadText($"""
            <rsm:CrossIndustryInvoice {Namespaces}><rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement>
              <ram:TaxCurrencyCode>SEK</ram:TaxCurrencyCode><ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
              <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
                <ram:TaxTotalAmount currencyID="SEK">250.00</ram:TaxTotalAmount>
                <ram:TaxTotalAmount currencyID="EUR">25.00</ram:TaxTotalAmount>
              </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
            </ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>
            """);

        Assert.Equal(25.00m, result.Document.Totals?.TotalVat);
        Assert.Equal(250.00m, result.Document.Totals?.TotalVatInAccountingCurrency);
        Assert.Equal(["SEK", "EUR"], result.AmountCurrencyCodes);
        Assert.EndsWith("ram:TaxTotalAmount[2]", result.ElementPath("BG-22/BT-110"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnitTestFragments_ReadWithoutError()
    {
        var fragments = CiiTestFiles.TestSetDocuments(Path.Combine("test", "cii", "BR-CO-17.xml"))
            .Concat(CiiTestFiles.TestSetDocuments(Path.Combine("test", "cii", "BR-CO-15-2.xml")))
            .ToList();

        Assert.Equal(9, fragments.Count);
        var first = CiiTestFiles.ReadText(fragments[0]).Document;
        Assert.Equal(-13.78m, first.VatBreakdown[0].TaxAmount);
        Assert.Equal(-72.50m, first.VatBreakdown[0].TaxableAmount);
        Assert.Equal("29", first.VatPointDateCode);
        Assert.Null(first.Seller);
        Assert.Empty(first.Lines);
        foreach (var fragment in fragments)
        {
            Assert.NotNull(CiiTestFiles.ReadText(fragment).Document);
        }
    }

    [Fact]
    public async Task ReadAsync_Example_SameAsRead()
    {
        await using var stream = File.OpenRead(CiiTestFiles.Example("CII_example2.xml"));
        var result = await CiiReader.ReadAsync(stream);

        Assert.Equal(CiiTestFiles.ReadExample("CII_example2.xml").Document, result.Document);
    }

    [Fact]
    public void Read_Malformed_ThrowsWithLineAndPosition()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => CiiTestFiles.ReadText($"<rsm:CrossIndustryInvoice {Namespaces}>\n<rsm:ExchangedDocument>\n</rsm:CrossIndustryInvoice>"));

        Assert.Equal(3, error.LineNumber);
        Assert.True(error.LinePosition > 0);
    }

    [Fact]
    public void Read_Dtd_Throws()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => CiiTestFiles.ReadText(
            $"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e \"boom\">]>\n<rsm:CrossIndustryInvoice {Namespaces}>&e;</rsm:CrossIndustryInvoice>"));

        Assert.Contains("DTD", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_OverSize_Throws()
    {
        var xml = $"<rsm:CrossIndustryInvoice {Namespaces}><rsm:ExchangedDocument><ram:ID>{new string('9', 5000)}</ram:ID></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>";

        Assert.Throws<EInvoiceFormatException>(() => CiiReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), new EInvoiceReaderOptions { MaxCharacters = 1000 }));
    }

    [Fact]
    public void Read_WrongRoot_ThrowsNamingIt()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => CiiTestFiles.ReadText("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"));

        Assert.Contains("'Invoice'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Read_BadDate_ThrowsNamingElementAndValue()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => CiiTestFiles.ReadText(
            $"<rsm:CrossIndustryInvoice {Namespaces}>\n<rsm:ExchangedDocument><ram:ID>1</ram:ID>\n<ram:IssueDateTime><udt:DateTimeString format=\"102\">2015-01-09</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>"));

        Assert.Equal(3, error.LineNumber);
        Assert.Contains("udt:DateTimeString", error.Message, StringComparison.Ordinal);
        Assert.Contains("'2015-01-09'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("udt:DateTime", "2026-01-31T10:15:00Z", "2026-01-31")]
    [InlineData("udt:DateTime", "2026-01-31T23:59:59.125+14:00", "2026-01-31")]
    [InlineData("udt:DateTime", "2026-01-31", "2026-01-31")]
    [InlineData("udt:Date", "2026-01-31-05:00", "2026-01-31")]
    [InlineData("udt:DateTimeString", "20260131", "2026-01-31")]
    [InlineData("udt:DateTime", "2026-01-31garbage", null)]
    [InlineData("udt:DateTime", "2026-01-31T25:00:00", null)]
    [InlineData("udt:DateTime", "2026-01-31T10:15:00.", null)]
    [InlineData("udt:Date", "2026-01-31T10:15:00", null)]
    [InlineData("udt:Date", "2026-01-31+15:00", null)]
    [InlineData("udt:Date", "2026-02-30", null)]
    [InlineData("udt:DateTime", "2026-01-31T24:00:00", "2026-01-31")]
    [InlineData("udt:DateTime", "2026-01-31T24:00:00.000", "2026-01-31")]
    [InlineData("udt:DateTime", "2026-01-31T24:00:00.5", null)]
    [InlineData("udt:DateTime", "2026-01-31T24:59:59", null)]
    [InlineData("udt:DateTime", "2026-01-31T10:60:00", null)]
    [InlineData("udt:Date", "2026-01-31+14:00", "2026-01-31")]
    [InlineData("udt:Date", "2026-01-31+14:59", null)]
    [InlineData("udt:Date", "0000-01-01", null)]
    public void Read_IssueDate_AcceptsXsdDatesAndNothingAfterThem(string element, string text, string? expected)
    {
        var xml = $"<rsm:CrossIndustryInvoice {Namespaces}><rsm:ExchangedDocument><ram:ID>1</ram:ID><ram:IssueDateTime><{element}>{text}</{element}></ram:IssueDateTime></rsm:ExchangedDocument></rsm:CrossIndustryInvoice>";

        if (expected is null)
        {
            var error = Assert.Throws<EInvoiceFormatException>(() => CiiTestFiles.ReadText(xml));
            Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected, CiiTestFiles.ReadText(xml).Document.IssueDate?.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Read_RepeatedLineNotesAndPaymentTerms_AreJoinedAsInUbl()
    {
        var read = CiiTestFiles.ReadText($"""
            <rsm:CrossIndustryInvoice {Namespaces}><rsm:SupplyChainTradeTransaction>
              <ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID>
                <ram:IncludedNote><ram:Content>first</ram:Content></ram:IncludedNote><ram:IncludedNote><ram:Content>second</ram:Content></ram:IncludedNote>
              </ram:AssociatedDocumentLineDocument></ram:IncludedSupplyChainTradeLineItem>
              <ram:ApplicableHeaderTradeSettlement>
                <ram:SpecifiedTradePaymentTerms><ram:Description>30 days</ram:Description></ram:SpecifiedTradePaymentTerms>
                <ram:SpecifiedTradePaymentTerms><ram:Description>2 % in 10 days</ram:Description></ram:SpecifiedTradePaymentTerms>
              </ram:ApplicableHeaderTradeSettlement>
            </rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>
            """);

        Assert.Equal("first\nsecond", Assert.Single(read.Document.Lines).Note);
        Assert.Equal("30 days\n2 % in 10 days", read.Document.PaymentTerms);
    }

    /// <summary>Texts split by comments or CDATA sections read whole; an attachment is read in chunks of 8,000 characters.</summary>
    [Theory]
    [InlineData(12)]
    [InlineData(8_000)]
    [InlineData(40_001)]
    public void Read_TextInPieces_AndLongAttachments_ReadWhole(int length)
    {
        var content = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        var (a, b, c) = (content[..(length / 3)], content[(length / 3)..(2 * length / 3)], content[(2 * length / 3)..]);
        var read = CiiTestFiles.ReadText($"""
            <rsm:CrossIndustryInvoice {Namespaces}>
              <rsm:ExchangedDocument><ram:IncludedNote><ram:Content> first<!-- c -->, <![CDATA[second]]> </ram:Content></ram:IncludedNote></rsm:ExchangedDocument>
              <rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeAgreement><ram:AdditionalReferencedDocument>
                <ram:IssuerAssignedID>sheet</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode>
                <ram:AttachmentBinaryObject mimeCode="text/csv" filename="s.csv">{a}<!-- c -->{b}<![CDATA[{c}]]></ram:AttachmentBinaryObject>
              </ram:AdditionalReferencedDocument></ram:ApplicableHeaderTradeAgreement></rsm:SupplyChainTradeTransaction>
            </rsm:CrossIndustryInvoice>
            """);

        Assert.Equal("first, second", Assert.Single(read.Document.Notes).Text);
        var attachment = Assert.Single(read.Document.SupportingDocuments).Attachment!;
        Assert.Equal(content, attachment.ContentBase64);
        Assert.Equal(("text/csv", "s.csv"), (attachment.MimeCode, attachment.FileName));
    }

    /// <summary>A character outside the BMP where a chunk ends comes back in the next chunk, also when read asynchronously.</summary>
    [Theory]
    [InlineData(7_998)]
    [InlineData(7_999)]
    [InlineData(8_000)]
    public async Task Read_Attachment_SurrogatePairAtAChunkBoundary_IsKept(int before)
    {
        var content = new string('A', before) + "\U0001F600" + "BBBB";
        var xml = $"""
            <rsm:CrossIndustryInvoice {Namespaces}><rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeAgreement><ram:AdditionalReferencedDocument>
            <ram:IssuerAssignedID>x</ram:IssuerAssignedID><ram:TypeCode>916</ram:TypeCode><ram:AttachmentBinaryObject mimeCode="text/plain" filename="x.txt">{content}</ram:AttachmentBinaryObject>
            </ram:AdditionalReferencedDocument></ram:ApplicableHeaderTradeAgreement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>
            """;

        var read = CiiTestFiles.ReadText(xml);
        var readAsync = await CiiReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

        Assert.Equal(content, Assert.Single(read.Document.SupportingDocuments).Attachment!.ContentBase64);
        Assert.Equal(read.Document, readAsync.Document);
    }

    /// <summary>The read result is shared across threads: element paths asked from many threads at once give one answer.</summary>
    [Fact]
    public void ElementPath_AskedConcurrently_GivesOneAnswer()
    {
        using var stream = File.OpenRead(CiiTestFiles.Example("CII_example5.xml"));
        var result = CiiReader.Read(stream);
        string[] paths = ["BT-1", "BG-25[2]/BT-131", "BG-23[2]/BT-117", "BG-22/BT-115", "BG-4/BT-27"];

        var answers = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 64, i => answers.Add(string.Join("|", paths.Select(p => result.ElementPath(p)))));

        var answer = Assert.Single(answers.Distinct());
        Assert.Contains("ram:IncludedSupplyChainTradeLineItem[2]/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("||", answer, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadDecimal_ThrowsNamingElementAndValue()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => CiiTestFiles.ReadText(
            $"<rsm:CrossIndustryInvoice {Namespaces}><rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement><ram:SpecifiedTradeSettlementHeaderMonetarySummation>\n<ram:LineTotalAmount>12,50</ram:LineTotalAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation></ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction></rsm:CrossIndustryInvoice>"));

        Assert.Equal(2, error.LineNumber);
        Assert.Contains("ram:LineTotalAmount", error.Message, StringComparison.Ordinal);
        Assert.Contains("'12,50'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ElementPath_PartyTermsAndMissingTerms_PointAtTheElementOrItsNearestGroup()
    {
        var result = CiiTestFiles.ReadExample("CII_business_example_01.xml");
        const string Agreement = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement";

        Assert.Equal(Agreement + "/ram:SellerTradeParty/ram:Name", result.ElementPath("BG-4/BT-27"));
        Assert.Equal(Agreement + "/ram:BuyerTradeParty/ram:PostalTradeAddress/ram:CountryID", result.ElementPath("BG-7/BG-8/BT-55"));
        Assert.Equal(Agreement + "/ram:BuyerTradeParty", result.ElementPath("BG-7/BT-999"));
        Assert.Equal("/rsm:CrossIndustryInvoice", result.ElementPath("BT-999"));
    }

    [Fact]
    public async Task ReadAsync_Canceled_Throws()
    {
        await using var stream = File.OpenRead(CiiTestFiles.Example("CII_example1.xml"));
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await CiiReader.ReadAsync(stream, cancellationToken: canceled.Token));
    }

    [Fact]
    public void Read_NullStream_Throws()
        => Assert.Throws<ArgumentNullException>(() => CiiReader.Read(null!));
}
