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
        { "ubl-tc434-example5.xml", "TaxTotal[2]/TaxAmount", "BT-111", "BT-111", "/Invoice/cac:TaxTotal[2]/cbc:TaxAmount" },
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
        Assert.Equal(UblReader.Read(Stream(document)).Document, read.Document);
        AssertReported(read, path, elementPath);
    }

    /// <summary>Descendant (local name, 1-based occurrence in document order) → term, model path; dates are their DateTimeString child.</summary>
    public static TheoryData<string, int, string, string> CiiCases() => new()
    {
        { "IssueDateTime", 1, "BT-2", "BT-2" },
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
        Assert.EndsWith(valueHolder.Name.LocalName, unreadable.ElementPath, StringComparison.Ordinal);
        Assert.True(unreadable.LineNumber > 0, $"{unreadable.LineNumber}");

        valueHolder.RemoveNodes();
        Assert.Equal(CiiReader.Read(Stream(document)).Document, read.Document);
        AssertReported(read, path, unreadable.ElementPath);
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

    /// <summary>
    /// One XSD-VALUE finding, fatal, at the path and element; no other rule reports at that path (the term's
    /// presence rules among them: BR-03, BR-24, BR-CO-26's kin would otherwise fire on the absent term).
    /// </summary>
    private static void AssertReported(EInvoiceReadResult read, string path, string elementPath)
    {
        var report = EInvoiceValidator.En16931.Validate(read);
        var finding = Assert.Single(report.Findings, f => f.RuleId == "XSD-VALUE");
        Assert.Equal((FindingSeverity.Fatal, path, elementPath), (finding.Severity, finding.Location.Path, finding.Location.ElementPath));
        Assert.Contains($"'{Bad}'", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Findings, f => f.RuleId != "XSD-VALUE" && f.Location.Path == path);

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
