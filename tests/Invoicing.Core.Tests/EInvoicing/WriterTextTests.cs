using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;

namespace Invoicing.Core.Tests.EInvoicing;

/// <summary>Both writers refuse a text XML 1.0 cannot carry, name where it is, and write nothing.</summary>
public sealed class WriterTextTests
{
    public static TheoryData<string, EInvoice, string, string> Refused() => new()
    {
        { "ubl", new EInvoice { Number = "INV-1", Notes = [new InvoiceNote { Text = "Thanks\u0001" }] }, "Invoice/cbc:Note", "U+0001 at position 7" },
        { "cii", new EInvoice { Number = "INV-1", Notes = [new InvoiceNote { Text = "Thanks\u0001" }] }, "ram:IncludedNote/ram:Content", "U+0001 at position 7" },
        { "ubl", new EInvoice { Number = "A\uD800B" }, "Invoice/cbc:ID", "U+D800 at position 2" },
        { "ubl", new EInvoice { SupportingDocuments = [new SupportingDocument { Reference = "D1", Attachment = new AttachedDocument { MimeCode = "application/pdf\u001B", FileName = "x.pdf", ContentBase64 = "QUJD" } }] }, "cbc:EmbeddedDocumentBinaryObject/@mimeCode", "U+001B" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task TextXmlCannotCarry_IsRefused_NamingTheElement_AndNothingIsWritten(string syntax, EInvoice document, string where, string character)
    {
        using var stream = new MemoryStream();
        using var asyncStream = new MemoryStream();

        var error = Assert.Throws<ArgumentException>(() => Write(syntax, document, stream));
        var asyncError = await Assert.ThrowsAsync<ArgumentException>(() => WriteAsync(syntax, document, asyncStream).AsTask());

        Assert.Equal("document", error.ParamName);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
        Assert.Contains(character, error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, asyncError.Message);
        Assert.Equal((0L, 0L), (stream.Length, asyncStream.Length));
    }

    /// <summary>The writers keep a document in pooled 64 KB blocks before it reaches the stream: one of several blocks arrives whole, alike in both forms.</summary>
    [Theory]
    [InlineData("ubl", 1)]
    [InlineData("cii", 1)]
    [InlineData("ubl", 3)]
    [InlineData("cii", 3)]
    public async Task ADocumentOfSeveralBlocks_ArrivesWhole_SyncAndAsync(string syntax, int blocks)
    {
        var content = Convert.ToBase64String(Enumerable.Range(0, blocks * 50_000).Select(i => (byte)(i * 7)).ToArray());
        var document = new EInvoice
        {
            Number = "INV-1",
            SupportingDocuments = [new SupportingDocument { Reference = "D1", Attachment = new AttachedDocument { MimeCode = "application/pdf", FileName = "x.pdf", ContentBase64 = content } }],
        };
        using var stream = new MemoryStream();
        using var asyncStream = new MemoryStream();

        Write(syntax, document, stream);
        await WriteAsync(syntax, document, asyncStream);

        Assert.Equal(stream.ToArray(), asyncStream.ToArray());
        Assert.True(stream.Length > blocks * 64_000, $"{stream.Length} bytes");
        stream.Position = 0;
        Assert.Equal(content, Assert.Single(EInvoiceReader.Read(stream).Document.SupportingDocuments).Attachment!.ContentBase64);
    }

    [Theory]
    [InlineData("ubl")]
    [InlineData("cii")]
    public void TabsLineFeedsAndSupplementaryCharacters_AreWrittenAndReadBack(string syntax)
    {
        var document = new EInvoice { Number = "INV-1", Notes = [new InvoiceNote { Text = "a\tb\nc 😀 é" }] };
        using var stream = new MemoryStream();

        Write(syntax, document, stream);
        stream.Position = 0;

        Assert.Equal("a\tb\nc 😀 é", Assert.Single(EInvoiceReader.Read(stream).Document.Notes).Text);
    }

    [Fact]
    public void WriteAsync_NullOrUnwritableStream_ThrowsAtOnce()
    {
        using var readOnly = new MemoryStream([], writable: false);

        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => { _ = UblWriter.WriteAsync(new EInvoice(), null!); }).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentException>(() => { _ = CiiWriter.WriteAsync(new EInvoice(), readOnly); }).ParamName);
    }

    private static void Write(string syntax, EInvoice document, Stream stream)
    {
        if (syntax == "ubl")
        {
            UblWriter.Write(document, stream);
        }
        else
        {
            CiiWriter.Write(document, stream);
        }
    }

    private static ValueTask WriteAsync(string syntax, EInvoice document, Stream stream)
        => syntax == "ubl" ? UblWriter.WriteAsync(document, stream) : CiiWriter.WriteAsync(document, stream);
}
