using System.Text;
using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Tests.EInvoicing;

public sealed class EInvoiceReaderTests
{
    private const string Ubl = "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\"";

    private static EInvoiceReadResult Read(string xml) => EInvoiceReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    [Fact]
    public void Read_AnElementWhereTextBelongs_IsAFormatErrorThatSaysSo()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => Read($"<Invoice {Ubl}><cbc:Note><b>x</b></cbc:Note></Invoice>"));

        Assert.Contains("the element 'b' stands where text is expected", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.LineNumber);
    }

    [Fact]
    public void Read_ANumberWithMoreDigitsThanADecimalHolds_IsRefusedNotRounded()
    {
        var error = Assert.Throws<EInvoiceFormatException>(() => Read(
            $"<Invoice {Ubl} xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"><cac:LegalMonetaryTotal><cbc:PayableAmount currencyID=\"EUR\">12.340000000000000000000000000001</cbc:PayableAmount></cac:LegalMonetaryTotal></Invoice>"));

        Assert.Contains("12.340000000000000000000000000001", error.Message, StringComparison.Ordinal);
    }
}
