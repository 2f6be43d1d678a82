using System.Text.Json;
using EInvoiceInspector;
using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Tests.Samples;

/// <summary>The e-invoice inspector sample, run in-process on the official examples and on files of its own.</summary>
public sealed class EInvoiceInspectorTests : IDisposable
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "TestData", "en16931");
    private static readonly string[] TotalNames = ["lineNet", "allowances", "charges", "taxExclusive", "tax", "taxInclusive", "prepaid", "rounding", "payable"];
    private readonly string _dir = Directory.CreateTempSubdirectory("inspector-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_TheOfficialExamples_OneCleanRoundTrippingLinePerFile()
    {
        var (code, lines, _) = await RunAsync(Path.Combine(Corpus, "ubl", "examples"), Path.Combine(Corpus, "cii", "examples"), Path.Combine(Corpus, "test", "testfiles"));

        Assert.Equal(0, code);
        Assert.Equal(63, lines.Count);
        foreach (var line in lines)
        {
            var file = line.GetProperty("file").GetString();
            Assert.True(line.GetProperty("parsed").GetBoolean(), file);
            Assert.Contains(line.GetProperty("syntax").GetString(), new[] { "ubl-invoice", "ubl-creditnote", "cii" });
            Assert.True(line.GetProperty("roundTrip").GetBoolean(), $"{file} does not round-trip");
            Assert.DoesNotContain(line.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "fatal");
            Assert.Equal(TotalNames, line.GetProperty("declared").EnumerateObject().Select(p => p.Name));

            // BR-CO-10 ... BR-CO-16 hold on every example, so what the library recomputes is what each declares.
            var declared = line.GetProperty("declared");
            var computed = line.GetProperty("computed");
            foreach (var name in new[] { "lineNet", "taxExclusive", "taxInclusive", "payable" })
            {
                Assert.True(declared.GetProperty(name).GetDecimal() == computed.GetProperty(name).GetDecimal(), $"{file}: {name} declared {declared.GetProperty(name)}, computed {computed.GetProperty(name)}");
            }
        }

        Assert.Equal(15, lines.Count(l => l.GetProperty("syntax").GetString() == "cii"));
        Assert.Equal(5, lines.Count(l => l.GetProperty("syntax").GetString() == "ubl-creditnote"));
    }

    [Fact]
    public async Task RunAsync_AFileThatIsNotAnInvoice_IsReportedAndTheRestGoesOn()
    {
        File.WriteAllText(Path.Combine(_dir, "a-broken.xml"), "<Invoice><cbc:ID>");
        File.WriteAllText(Path.Combine(_dir, "b-other.XML"), "<order xmlns=\"urn:example\"/>");
        File.Copy(Path.Combine(Corpus, "ubl", "examples", "ubl-tc434-example1.xml"), Path.Combine(_dir, "c-good.xml"));

        var (code, lines, _) = await RunAsync(_dir);

        Assert.Equal(0, code);
        Assert.Equal([false, false, true], lines.Select(l => l.GetProperty("parsed").GetBoolean()));
        Assert.Contains("line 1", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("'order'", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("syntax").ValueKind);
        Assert.Equal("12115118", lines[2].GetProperty("number").GetString());
    }

    [Fact]
    public async Task RunAsync_ToCii_WritesADocumentThatReadsBackToTheSameModel()
    {
        var source = Path.Combine(Corpus, "ubl", "examples", "ubl-tc434-example1.xml");
        var outDir = Path.Combine(_dir, "out");

        var (code, lines, _) = await RunAsync(source, "--to", "cii", "--out", outDir);

        Assert.Equal(0, code);
        var target = Assert.Single(lines).GetProperty("convertedTo").GetString()!;
        using var converted = File.OpenRead(target);
        using var original = File.OpenRead(source);
        var read = EInvoiceReader.Read(converted);
        Assert.Equal(EInvoiceSyntax.Cii, read.Syntax);
        Assert.Equal(EInvoiceReader.Read(original).Document.Totals, read.Document.Totals);
    }

    [Fact]
    public async Task RunAsync_AnUnparsableDate_IsAFindingAndTheFileIsNotConverted()
    {
        var text = File.ReadAllText(Path.Combine(Corpus, "ubl", "examples", "ubl-tc434-example1.xml"));
        var issueDate = System.Text.RegularExpressions.Regex.Match(text, "<cbc:IssueDate>[^<]*</cbc:IssueDate>").Value;
        File.WriteAllText(Path.Combine(_dir, "bad-date.xml"), text.Replace(issueDate, "<cbc:IssueDate>31.12.2026</cbc:IssueDate>", StringComparison.Ordinal));
        var outDir = Path.Combine(_dir, "out");

        var (code, lines, _) = await RunAsync(Path.Combine(_dir, "bad-date.xml"), "--to", "cii", "--out", outDir);

        Assert.Equal(0, code);
        var line = Assert.Single(lines);
        Assert.True(line.GetProperty("parsed").GetBoolean());
        Assert.Equal("12115118", line.GetProperty("number").GetString());
        var finding = Assert.Single(line.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "XSD-VALUE");
        Assert.Equal("fatal", finding.GetProperty("severity").GetString());
        Assert.Contains("'31.12.2026'", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("BT-2 (/Invoice/cbc:IssueDate)", finding.GetProperty("location").GetString());
        Assert.DoesNotContain(line.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "BR-03");
        Assert.False(line.GetProperty("roundTrip").GetBoolean());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("convertedTo").ValueKind);
        Assert.False(Directory.Exists(outDir) && Directory.EnumerateFiles(outDir).Any());
    }

    [Theory]
    [InlineData()]
    [InlineData("--to", "xml", "--out", "x", "a.xml")]
    [InlineData("--to", "ubl", "a.xml")]
    [InlineData("--verbose", "a.xml")]
    [InlineData("no-such-file.xml")]
    public async Task RunAsync_UsageErrors_ExitWithTwo(params string[] args)
    {
        var (code, lines, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(lines);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, List<JsonElement> Lines, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Inspector.RunAsync(args, output, error);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        return (code, lines, error.ToString());
    }
}
