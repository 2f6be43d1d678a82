using System.Xml.Linq;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Validation;

namespace Invoicing.Core.Tests.EInvoicing;

/// <summary>
/// A value its element cannot take ("n/a" for an amount, "123" for a date): a format error by default; with
/// <see cref="EInvoiceReaderOptions.TolerateUnreadableValues"/> an absent term at its exact model path, one
/// XSD-VALUE finding, and no finding of another rule at that term.
/// </summary>
public sealed class UnreadableValueTests
{
    private const string Bad = "n/a";
    private static readonly EInvoiceReaderOptions Tolerant = new() { TolerateUnreadableValues = true };
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "en16931");

    /// <summary>Element (local names, 1-based index where repeated) → term, model path, element path. guide-example2 unless named.</summary>
    public static TheoryData<string, string, string, string, string> UblCases() => new()
    {
        { "guide-example2.xml", "IssueDate", "BT-2", "BT-2", "/Invoice/cbc:IssueDate" },
        { "guide-example2.xml", "InvoicePeriod/StartDate", "BT-73", "BG-14/BT-73", "/Invoice/cac:InvoicePeriod/cbc:StartDate" },
        { "guide-example2.xml", "AllowanceCharge[1]/TaxCategory/Percent", "BT-96", "BG-20[1]/BT-96", "/Invoice/cac:AllowanceCharge[1]/cac:TaxCategory/cbc:Percent" },
        { "guide-example2.xml", "AllowanceCharge[2]/Amount", "BT-99", "BG-21[1]/BT-99", "/Invoice/cac:AllowanceCharge[2]/cbc:Amount" },
        { "guide-example2.xml", "TaxTotal/TaxSubtotal[2]/TaxAmount", "BT-117", "BG-23[2]/BT-117", "/Invoice/cac:TaxTotal/cac:TaxSubtotal[2]/cbc:TaxAmount" },
        { "guide-example2.xml", "LegalMonetaryTotal/PayableAmount", "BT-115", "BG-22/BT-115", "/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount" },
        { "guide-example2.xml", "InvoiceLine[2]/LineExtensionAmount", "BT-131", "BG-25[2]/BT-131", "/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount" },
        { "guide-example2.xml", "InvoiceLine[1]/InvoicedQuantity", "BT-129", "BG-25[1]/BT-129", "/Invoice/cac:InvoiceLine[1]/cbc:InvoicedQuantity" },
        { "guide-example2.xml", "InvoiceLine[1]/InvoicePeriod/StartDate", "BT-134", "BG-25[1]/BG-26/BT-134", "/Invoice/cac:InvoiceLine[1]/cac:InvoicePeriod/cbc:StartDate" },
        { "guide-example2.xml", "InvoiceLine[1]/AllowanceCharge[2]/Amount", "BT-141", "BG-25[1]/BG-28[1]/BT-141", "/Invoice/cac:InvoiceLine[1]/cac:AllowanceCharge[2]/cbc:Amount" },
        { "guide-example2.xml", "InvoiceLine[1]/Item/ClassifiedTaxCategory/Percent", "BT-152", "BG-25[1]/BG-30/BT-152", "/Invoice/cac:InvoiceLine[1]/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent" },
        { "guide-example2.xml", "InvoiceLine[1]/Price/AllowanceCharge/Amount", "BT-147", "BG-25[1]/BG-29/BT-147", "/Invoice/cac:InvoiceLine[1]/cac:Price/cac:AllowanceCharge/cbc:Amount" },
        { "guide-example2.xml", "InvoiceLine[3]/Price/BaseQuantity", "BT-149", "BG-25[3]/BG-29/BT-149", "/Invoice/cac:InvoiceLine[3]/cac:Price/cbc:BaseQuantity" },
        { "guide-example2.xml", "TaxTotal/TaxAmount", "BT-110", "BG-22/BT-110", "/Invoice/cac:TaxTotal/cbc:TaxAmount" },
        { "ubl-tc434-example5.xml", "TaxTotal[1]/TaxAmount", "BT-110", "BG-22/BT-110", "/Invoice/cac:TaxTotal[1]/cbc:TaxAmount" },
        { "ubl-tc434-example5.xml", "TaxTotal[2]/TaxAmount", "BT-111", "BG-22/BT-111", "/Invoice/cac:TaxTotal[2]/cbc:TaxAmount" },
        { "ubl-tc434-example5.xml", "DueDate", "BT-9", "BT-9", "/Invoice/cbc:DueDate" },
        { "ubl-tc434-example5.xml", "Delivery/ActualDeliveryDate", "BT-72", "BG-13/BT-72", "/Invoice/cac:Delivery/cbc:ActualDeliveryDate" },
        { "ubl-tc434-example5.xml", "InvoiceLine[1]/AllowanceCharge[1]/Amount", "BT-136", "BG-25[1]/BG-27[1]/BT-136", "/Invoice/cac:InvoiceLine[1]/cac:AllowanceCharge[1]/cbc:Amount" },
        { "ubl-tc434-example5.xml", "InvoiceLine[1]/Price/AllowanceCharge/BaseAmount", "BT-148", "BG-25[1]/BG-29/BT-148", "/Invoice/cac:InvoiceLine[1]/cac:Price/cac:AllowanceCharge/cbc:BaseAmount" },
        { "ubl-tc434-example5.xml", "BillingReference/InvoiceDocumentReference/IssueDate", "BT-26", "BG-3[1]/BT-26", "/Invoice/cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate" },
    };

    [Theory]
    [MemberData(nameof(UblCases))]
    public void Ubl_UnreadableValue_IsAbsentAtItsPath(string example, string element, string term, string path, string elementPath)
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", example));
        var target = Find(document.Root!, element);
        target.Value = Bad;

        var error = Assert.Throws<EInvoiceFormatException>(() => UblReader.Read(Stream(document)));
        Assert.Contains($"'{Bad}'", error.Message, StringComparison.Ordinal);

        var read = UblReader.Read(Stream(document), Tolerant);
        var unreadable = Assert.Single(read.UnreadableValues);
        Assert.Equal((term, path, elementPath, Bad), (unreadable.Term, unreadable.Path, unreadable.ElementPath, unreadable.Value));
        Assert.True(unreadable.LineNumber > 0 && unreadable.LinePosition > 0, $"{unreadable.LineNumber}:{unreadable.LinePosition}");
        Assert.NotNull(read.ElementPath(path));

        target.RemoveNodes(); // an empty element is an absent value; its attributes (a unit code) still read
        var empty = UblReader.Read(Stream(document));
        Assert.Equal(empty.Document, read.Document);
        AssertReported(read, empty, path, elementPath);
    }

    /// <summary>
    /// Descendant of CII_example5 (the same invoice as ubl-tc434-example5; local name, 1-based occurrence in document
    /// order) → term, model path, as the UBL cases give them; dates are their DateTimeString child.
    /// </summary>
    public static TheoryData<string, int, string, string> CiiCases() => new()
    {
        { "IssueDateTime", 1, "BT-2", "BT-2" },
        { "TaxPointDate", 1, "BT-7", "BT-7" },
        { "DueDateDateTime", 1, "BT-9", "BT-9" },
        { "OccurrenceDateTime", 1, "BT-72", "BG-13/BT-72" },
        { "StartDateTime", 3, "BT-73", "BG-14/BT-73" },
        { "StartDateTime", 1, "BT-134", "BG-25[1]/BG-26/BT-134" },
        { "ChargeAmount", 1, "BT-148", "BG-25[1]/BG-29/BT-148" },
        { "ActualAmount", 1, "BT-147", "BG-25[1]/BG-29/BT-147" },
        { "ChargeAmount", 2, "BT-146", "BG-25[1]/BG-29/BT-146" },
        { "ActualAmount", 2, "BT-136", "BG-25[1]/BG-27[1]/BT-136" },
        { "ActualAmount", 3, "BT-141", "BG-25[1]/BG-28[1]/BT-141" },
        { "ActualAmount", 4, "BT-92", "BG-20[1]/BT-92" },
        { "ActualAmount", 5, "BT-99", "BG-21[1]/BT-99" },
        { "TaxTotalAmount", 1, "BT-110", "BG-22/BT-110" },
        { "TaxTotalAmount", 2, "BT-111", "BG-22/BT-111" },
        { "BilledQuantity", 3, "BT-129", "BG-25[3]/BT-129" },
        { "LineTotalAmount", 2, "BT-131", "BG-25[2]/BT-131" },
        { "CalculatedAmount", 2, "BT-117", "BG-23[2]/BT-117" },
        { "DuePayableAmount", 1, "BT-115", "BG-22/BT-115" },
        { "FormattedIssueDateTime", 1, "BT-26", "BG-3[1]/BT-26" },
    };

    [Theory]
    [MemberData(nameof(CiiCases))]
    public void Cii_UnreadableValue_IsAbsentAtItsPath(string element, int occurrence, string term, string path)
    {
        var document = XDocument.Load(Path.Combine(Root, "cii", "examples", "CII_example5.xml"));
        var target = document.Descendants().Where(e => e.Name.LocalName == element).ElementAt(occurrence - 1);
        var valueHolder = target.HasElements ? target.Elements().First() : target;
        valueHolder.Value = Bad;

        var error = Assert.Throws<EInvoiceFormatException>(() => CiiReader.Read(Stream(document)));
        Assert.Contains($"'{Bad}'", error.Message, StringComparison.Ordinal);

        var read = CiiReader.Read(Stream(document), Tolerant);
        var unreadable = Assert.Single(read.UnreadableValues);
        Assert.Equal((term, path, Bad), (unreadable.Term, unreadable.Path, unreadable.Value));
        Assert.Matches($@":{valueHolder.Name.LocalName}(\[\d+\])?$", unreadable.ElementPath);
        Assert.True(unreadable.LineNumber > 0, $"{unreadable.LineNumber}");

        valueHolder.RemoveNodes();
        var empty = CiiReader.Read(Stream(document));
        Assert.Equal(empty.Document, read.Document);
        AssertReported(read, empty, path, unreadable.ElementPath);
    }

    [Fact]
    public void LongValue_IsCutInTheFindingAndTheError()
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", "guide-example2.xml"));
        var tooLong = new string('9', 60) + "x" + new string('9', 60);
        Find(document.Root!, "IssueDate").Value = tooLong;

        var error = Assert.Throws<EInvoiceFormatException>(() => UblReader.Read(Stream(document)));
        var unreadable = Assert.Single(UblReader.Read(Stream(document), Tolerant).UnreadableValues);

        Assert.Equal(tooLong[..64] + "...", unreadable.Value);
        Assert.Contains(tooLong[..64] + "...'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(tooLong, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChargeIndicator_StaysAFormatError_EvenTolerated()
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", "guide-example2.xml"));
        Find(document.Root!, "AllowanceCharge[1]/ChargeIndicator").Value = "maybe";

        var error = Assert.Throws<EInvoiceFormatException>(() => UblReader.Read(Stream(document), Tolerant));

        Assert.Contains("'maybe'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AndEInvoiceReader_TolerateToo()
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", "guide-example2.xml"));
        Find(document.Root!, "LegalMonetaryTotal/PayableAmount").Value = Bad;

        var viaAsync = await UblReader.ReadAsync(Stream(document), Tolerant);
        var viaAny = EInvoiceReader.Read(Stream(document), Tolerant);

        Assert.Equal("BG-22/BT-115", Assert.Single(viaAsync.UnreadableValues).Path);
        Assert.Equal("BG-22/BT-115", Assert.Single(viaAny.UnreadableValues).Path);
        Assert.Empty(UblReader.Read(File.OpenRead(Path.Combine(Root, "ubl", "examples", "guide-example2.xml")), Tolerant).UnreadableValues);
    }

    [Fact]
    public void AValidatorWithoutXsdValue_JudgesTheTermAsAbsent()
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", "guide-example2.xml"));
        Find(document.Root!, "IssueDate").Value = "123";
        var read = UblReader.Read(Stream(document), Tolerant);

        var coreOnly = new EInvoiceValidator(EInvoiceValidator.En16931.Rules.Where(r => r.Id.StartsWith("BR-", StringComparison.Ordinal)));

        Assert.True(coreOnly.Validate(read).Fired("BR-03"));
        Assert.False(EInvoiceValidator.En16931.Validate(read).Fired("BR-03"));
    }

    /// <summary>The UBL syntax rules count elements, and an unreadable one is still an element: UBL-SR-45 (one payment due date) still fires.</summary>
    [Fact]
    public void SyntaxRules_StillCountAnUnreadableElement()
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", "ubl-tc434-example5.xml"));
        var means = Find(document.Root!, "PaymentMeans");
        var cbc = (XNamespace)"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
        means.Element(cbc + "PaymentMeansCode")!.AddAfterSelf(new XElement(cbc + "PaymentDueDate", "2013-05-10"), new XElement(cbc + "PaymentDueDate", Bad));

        var report = EInvoiceValidator.En16931.Validate(UblReader.Read(Stream(document), Tolerant));

        Assert.True(report.Fired("UBL-SR-45"), report.ToString());
        Assert.True(report.Fired("XSD-VALUE"));
    }

    /// <summary>A period whose only date is unreadable still has a date, as the official rules see it: BR-CO-19 does not fire (it does when the date is absent).</summary>
    [Fact]
    public void APeriodWithAnUnreadableDate_IsNotAnEmptyPeriod()
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", "guide-example2.xml"));
        Find(document.Root!, "InvoicePeriod/EndDate").Remove();
        var start = Find(document.Root!, "InvoicePeriod/StartDate");
        start.Value = Bad;
        var tolerant = EInvoiceValidator.En16931.Validate(UblReader.Read(Stream(document), Tolerant));
        start.RemoveNodes();
        var absent = EInvoiceValidator.En16931.Validate(UblReader.Read(Stream(document)));

        Assert.False(tolerant.Fired("BR-CO-19"), tolerant.ToString());
        Assert.True(absent.Fired("BR-CO-19"));
    }

    /// <summary>An unreadable VAT total (BT-110) was still given: the next tax total without subtotals is BT-111, as when it reads.</summary>
    [Fact]
    public void AnUnreadableVatTotal_StillDecidesHowTheNextTaxTotalReads()
    {
        var document = XDocument.Load(Path.Combine(Root, "ubl", "examples", "ubl-tc434-example5.xml"));
        document.Root!.Elements().Single(e => e.Name.LocalName == "TaxCurrencyCode").Remove();
        var strict = UblReader.Read(Stream(document)).Document.Totals!;
        Find(document.Root!, "TaxTotal[1]/TaxAmount").Value = Bad;

        var read = UblReader.Read(Stream(document), Tolerant);

        Assert.Equal("BG-22/BT-110", Assert.Single(read.UnreadableValues).Path);
        Assert.Null(read.Document.Totals!.TotalVat);
        Assert.Equal(strict.TotalVatInAccountingCurrency, read.Document.Totals.TotalVatInAccountingCurrency);
        Assert.NotNull(strict.TotalVatInAccountingCurrency);
    }

    /// <summary>BR-IC-11 asks for a delivery date or an invoicing period; a period whose only date is unreadable is there.</summary>
    [Fact]
    public void AnIntraCommunitySupply_WithAnUnreadablePeriodDate_HasItsPeriod()
    {
        const string Namespaces = """xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" """;
        string Document(string start) => $"""
            <Invoice {Namespaces}><cac:InvoicePeriod><cbc:StartDate>{start}</cbc:StartDate></cac:InvoicePeriod>
            <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount>
            <cbc:TaxAmount currencyID="EUR">0.00</cbc:TaxAmount><cac:TaxCategory><cbc:ID>K</cbc:ID><cbc:Percent>0</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>
            </cac:TaxSubtotal></cac:TaxTotal></Invoice>
            """;
        EInvoiceReadResult Read(string start) => UblReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Document(start))), Tolerant);

        Assert.False(EInvoiceValidator.En16931.Validate(Read("2026-11-01")).Fired("BR-IC-11"));
        Assert.True(EInvoiceValidator.En16931.Validate(Read(string.Empty)).Fired("BR-IC-11"));
        var unreadable = EInvoiceValidator.En16931.Validate(Read(Bad));
        Assert.False(unreadable.Fired("BR-IC-11"), unreadable.ToString());
        Assert.False(unreadable.Fired("BR-CO-19"), unreadable.ToString());
        Assert.True(unreadable.Fired("XSD-VALUE"));
    }

    /// <summary>In CII too, an unreadable VAT total (BT-110) was given: the next tax total is BT-111, as when it reads.</summary>
    [Fact]
    public void Cii_AnUnreadableVatTotal_StillDecidesHowTheNextTaxTotalReads()
    {
        var document = XDocument.Load(Path.Combine(Root, "cii", "examples", "CII_example5.xml"));
        var totals = document.Descendants().Where(e => e.Name.LocalName == "TaxTotalAmount").ToList();
        totals.ForEach(t => t.Attribute("currencyID")!.Remove());
        var strict = CiiReader.Read(Stream(document)).Document.Totals!;
        totals[0].Value = Bad;

        var read = CiiReader.Read(Stream(document), Tolerant);

        Assert.Equal("BG-22/BT-110", Assert.Single(read.UnreadableValues).Path);
        Assert.Null(read.Document.Totals!.TotalVat);
        Assert.Equal(628.62m, strict.TotalVatInAccountingCurrency);
        Assert.Equal(strict.TotalVatInAccountingCurrency, read.Document.Totals.TotalVatInAccountingCurrency);
    }

    [Fact]
    public void Cii_UnreadableValues_ComeInDocumentOrder()
    {
        var document = XDocument.Load(Path.Combine(Root, "cii", "examples", "CII_example5.xml"));
        document.Descendants().Where(e => e.Name.LocalName == "LineTotalAmount").First().Value = Bad;
        document.Descendants().Where(e => e.Name.LocalName == "IssueDateTime").First().Elements().First().Value = Bad;
        document.Descendants().Where(e => e.Name.LocalName == "DuePayableAmount").First().Value = Bad;

        var read = CiiReader.Read(Stream(document), Tolerant);

        Assert.Equal(["BT-2", "BG-25[1]/BT-131", "BG-22/BT-115"], read.UnreadableValues.Select(u => u.Path));
        Assert.Equal(read.UnreadableValues.OrderBy(u => u.LineNumber).ThenBy(u => u.LinePosition), read.UnreadableValues);
    }

    /// <summary>
    /// One XSD-VALUE finding, fatal, at the path and element. Against the same document with the element left empty
    /// (the term absent, nothing unreadable): no finding is new, and the ones that are gone were at the term or at a
    /// group holding it (its presence rules: BR-03, BR-24, BR-CO-19's "a period has a date").
    /// </summary>
    private static void AssertReported(EInvoiceReadResult read, EInvoiceReadResult empty, string path, string elementPath)
    {
        var report = EInvoiceValidator.En16931.Validate(read);
        var finding = Assert.Single(report.Findings, f => f.RuleId == "XSD-VALUE");
        Assert.Equal((FindingSeverity.Fatal, path, elementPath), (finding.Severity, finding.Location.Path, finding.Location.ElementPath));
        Assert.Contains($"'{Bad}'", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.RuleId != "XSD-VALUE" && f.Location.Path == path);

        var tolerant = report.Findings.Where(f => f.RuleId != "XSD-VALUE").Select(f => $"{f.RuleId} {f.Location.Path}").ToHashSet();
        var baseline = EInvoiceValidator.En16931.Validate(empty).Findings.Select(f => $"{f.RuleId} {f.Location.Path}").ToHashSet();
        Assert.Empty(tolerant.Except(baseline));
        Assert.All(baseline.Except(tolerant), gone => Assert.True(
            path == gone[(gone.IndexOf(' ', StringComparison.Ordinal) + 1)..] || path.StartsWith(gone[(gone.IndexOf(' ', StringComparison.Ordinal) + 1)..] + "/", StringComparison.Ordinal),
            $"{gone} is gone, but it is neither at {path} nor at a group holding it"));

        var bare = EInvoiceValidator.En16931.Validate(read.Document, read.Syntax);
        Assert.DoesNotContain(bare.Findings, f => f.RuleId == "XSD-VALUE");
    }

    /// <summary>The element at a path of local names below the root, each with an optional 1-based index.</summary>
    private static XElement Find(XElement root, string path)
    {
        var element = root;
        foreach (var step in path.Split('/'))
        {
            var open = step.IndexOf('[', StringComparison.Ordinal);
            var name = open < 0 ? step : step[..open];
            var index = open < 0 ? 1 : int.Parse(step[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            element = element.Elements().Where(e => e.Name.LocalName == name).ElementAt(index - 1);
        }

        return element;
    }

    private static MemoryStream Stream(XDocument document)
    {
        var stream = new MemoryStream();
        document.Save(stream);
        stream.Position = 0;
        return stream;
    }
}
