using System.Text;
using System.Xml;
using System.Xml.Schema;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Ubl;
using NodaTime;
using Xunit.Abstractions;

namespace Invoicing.Core.Tests.EInvoicing.Ubl;

public sealed class UblWriterTests(ITestOutputHelper output)
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    public static TheoryData<string> Files => UblTestFiles.All();

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_EveryOfficialInstance_IsValidAgainstTheUbl21Schema(string file)
    {
        var written = WriteToBytes(Read(file).Document);

        var errors = Validate(written);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors) + Environment.NewLine + Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void SchemaCheck_ElementsOutOfOrder_IsReported()
    {
        var xml = Encoding.UTF8.GetBytes("""
            <Invoice xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">
              <cbc:IssueDate>2026-01-01</cbc:IssueDate>
              <cbc:ID>1</cbc:ID>
            </Invoice>
            """);

        Assert.NotEmpty(Validate(xml));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Write_ThenRead_EveryOfficialInstance_GivesAnEqualModel(string file)
    {
        var original = Read(file);

        using var stream = new MemoryStream(WriteToBytes(original.Document));
        var again = UblReader.Read(stream);

        Assert.Equal(original.Syntax, again.Syntax);
        if (!original.Document.Equals(again.Document))
        {
            output.WriteLine(FirstDifference(original.Document, again.Document));
        }

        Assert.Equal(original.Document, again.Document);
    }

    [Fact]
    public void Write_CreditNoteTypeCode_WritesCreditNoteWithDueDateInPaymentMeans()
    {
        var document = new EInvoice
        {
            Number = "CN-1",
            IssueDate = new LocalDate(2026, 1, 2),
            TypeCode = "381",
            CurrencyCode = "EUR",
            PaymentDueDate = new LocalDate(2026, 2, 1),
            ProjectReference = "P-7",
            PaymentInstructions = new PaymentInstructions { PaymentMeansTypeCode = "58" },
            Lines = [new EInvoiceLine { Identifier = "1", Quantity = 1.500m, UnitCode = "C62", NetAmount = 12.340m, Price = new PriceDetails { NetPrice = 8.2267m }, Item = new ItemInformation { Name = "Tea" } }],
        };

        var xml = Encoding.UTF8.GetString(WriteToBytes(document));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
        Assert.Contains("<CreditNote ", xml, StringComparison.Ordinal);
        Assert.Contains("<cbc:PaymentDueDate>2026-02-01</cbc:PaymentDueDate>", xml, StringComparison.Ordinal);
        Assert.Contains("<cbc:CreditedQuantity unitCode=\"C62\">1.500</cbc:CreditedQuantity>", xml, StringComparison.Ordinal);
        Assert.Contains("<cbc:LineExtensionAmount currencyID=\"EUR\">12.340</cbc:LineExtensionAmount>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("DueDate>2026-02-01</cbc:DueDate", xml, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var read = UblReader.Read(stream);
        Assert.Equal(EInvoiceSyntax.UblCreditNote, read.Syntax);
        Assert.Equal(document, read.Document);
    }

    [Fact]
    public void Write_Bt111_WritesSecondTaxTotalInTheAccountingCurrency()
    {
        var document = new EInvoice
        {
            CurrencyCode = "SEK",
            VatAccountingCurrencyCode = "EUR",
            Totals = new DocumentTotals { TotalVat = 2500m, TotalVatInAccountingCurrency = 249m, AmountDueForPayment = 12500m },
        };

        var xml = Encoding.UTF8.GetString(WriteToBytes(document));

        Assert.Contains("<cbc:TaxAmount currencyID=\"SEK\">2500</cbc:TaxAmount>", xml, StringComparison.Ordinal);
        Assert.Contains("<cbc:TaxAmount currencyID=\"EUR\">249</cbc:TaxAmount>", xml, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        var read = UblReader.Read(stream);
        Assert.Equal(document, read.Document);
        Assert.Equal(["SEK", "EUR"], read.AmountCurrencyCodes);
    }

    [Fact]
    public async Task WriteAsync_SameBytesAsWrite()
    {
        var document = Read(Path.Combine("test", "testfiles", "Invoice-Max_content.xml")).Document;
        using var stream = new MemoryStream();

        await UblWriter.WriteAsync(document, stream);

        Assert.Equal(WriteToBytes(document), stream.ToArray());
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        using var stream = new MemoryStream();
        Assert.Throws<ArgumentNullException>(() => UblWriter.Write(null!, stream));
        Assert.Throws<ArgumentNullException>(() => UblWriter.Write(new EInvoice(), null!));
        using var readOnly = new MemoryStream([], writable: false);
        Assert.Throws<ArgumentException>(() => UblWriter.Write(new EInvoice(), readOnly));
    }

    private static EInvoiceReadResult Read(string file) => UblTestFiles.Read(file);

    private static byte[] WriteToBytes(EInvoice document)
    {
        using var stream = new MemoryStream();
        UblWriter.Write(document, stream);
        return stream.ToArray();
    }

    private static List<string> Validate(byte[] xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "ubl21-xsd", "xsdrt");
        var resolver = new LocalOnlyResolver(folder);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        foreach (var main in new[] { "UBL-Invoice-2.1.xsd", "UBL-CreditNote-2.1.xsd" })
        {
            var path = Path.Combine(folder, "maindoc", main);
            // The W3C xmldsig schema declares its own entities in an internal DTD; the resolver reads nothing outside the folder.
            using var reader = XmlReader.Create(path, new XmlReaderSettings { XmlResolver = resolver, DtdProcessing = DtdProcessing.Parse });
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    private static string FirstDifference(object? expected, object? actual, string path = "EInvoice")
    {
        if (Equals(expected, actual))
        {
            return string.Empty;
        }

        if (expected is null || actual is null || expected is string || expected.GetType().IsValueType)
        {
            return $"{path}: expected <{expected}>, actual <{actual}>";
        }

        if (expected is System.Collections.IEnumerable first && actual is System.Collections.IEnumerable second)
        {
            var a = first.Cast<object?>().ToList();
            var b = second.Cast<object?>().ToList();
            for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            {
                var found = FirstDifference(a[i], b[i], $"{path}[{i + 1}]");
                if (found.Length > 0)
                {
                    return found;
                }
            }

            return $"{path}: expected {a.Count} items, actual {b.Count}";
        }

        foreach (var property in expected.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
        {
            var found = FirstDifference(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name);
            if (found.Length > 0)
            {
                return found;
            }
        }

        return $"{path}: differs";
    }

    /// <summary>Resolves schema imports to files under one folder only; anything else (the network) is refused.</summary>
    private sealed class LocalOnlyResolver(string folder) : XmlResolver
    {
        private readonly string _root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (!absoluteUri.IsFile)
            {
                throw new XmlSchemaException($"Refused to resolve {absoluteUri}: only files under {_root} are read.");
            }

            var path = Path.GetFullPath(absoluteUri.LocalPath);
            return path.StartsWith(_root, StringComparison.Ordinal)
                ? File.OpenRead(path)
                : throw new XmlSchemaException($"Refused to resolve {absoluteUri}: only files under {_root} are read.");
        }
    }
}
