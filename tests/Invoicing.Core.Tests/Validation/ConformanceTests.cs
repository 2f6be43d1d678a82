using System.Xml;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Validation;
using Xunit.Abstractions;

namespace Invoicing.Core.Tests.Validation;

/// <summary>
/// The official EN 16931 unit test sets (TestData/en16931/test, testSet format) run against the
/// native validator: one case per expectation, as the corpus README describes the runner.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const string VefaNamespace = "http://difi.no/xsd/vefa/validator/1.0";
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "en16931");
    private static readonly string[] TestSets = ["test/Invoice-unit-UBL", "test/CreditNote-unit-UBL", "test/cii"];
    private static readonly string[] ExampleFolders = ["ubl/examples", "cii/examples", "test/testfiles"];

    /// <summary>One expectation of one test: the file, the 1-based test index, the rule and success/error/warning.</summary>
    public sealed class Expectation : IXunitSerializable
    {
        [Obsolete("For the xunit deserializer only.")]
        public Expectation()
        {
        }

        public Expectation(string file, int test, string rule, string kind) => (File, Test, Rule, Kind) = (file, test, rule, kind);

        public string File { get; private set; } = string.Empty;

        public int Test { get; private set; }

        public string Rule { get; private set; } = string.Empty;

        public string Kind { get; private set; } = string.Empty;

        public void Deserialize(IXunitSerializationInfo info)
        {
            File = info.GetValue<string>(nameof(File));
            Test = info.GetValue<int>(nameof(Test));
            Rule = info.GetValue<string>(nameof(Rule));
            Kind = info.GetValue<string>(nameof(Kind));
        }

        public void Serialize(IXunitSerializationInfo info)
        {
            info.AddValue(nameof(File), File);
            info.AddValue(nameof(Test), Test);
            info.AddValue(nameof(Rule), Rule);
            info.AddValue(nameof(Kind), Kind);
        }

        /// <summary>"Invoice-unit-UBL/BR-CO-10.xml #3 error BR-CO-10".</summary>
        public override string ToString() => $"{File} #{Test} {Kind} {Rule}";
    }

    /// <summary>
    /// How the fragments are read: as a validation desk reads, an unparsable value an absent term and an XSD-VALUE
    /// finding, not an end to the read (only BR-03's first fragments need it: <see cref="EveryOtherFragment_ReadsWithoutTolerance"/>).
    /// </summary>
    private static readonly EInvoiceReaderOptions DeskOptions = new() { TolerateUnreadableValues = true };

    /// <summary>BR-03's first fragment has an issue date of "123": the official rule sees the element as present, so BR-03 must not fire, and XSD-VALUE must.</summary>

    [Theory]
    [InlineData("Invoice-unit-UBL/BR-03.xml", "/Invoice/cbc:IssueDate")]
    [InlineData("CreditNote-unit-UBL/BR-03.xml", "/CreditNote/cbc:IssueDate")]
    public void UnparsableIssueDate_IsXsdValueNotBr03(string file, string elementPath)
    {
        Assert.Throws<EInvoiceFormatException>(() => UblReader.Read(TestDocument(file, 1)));

        var read = UblReader.Read(TestDocument(file, 1), DeskOptions);
        var report = EInvoiceValidator.En16931.Validate(read);

        Assert.Null(read.Document.IssueDate);
        var unreadable = Assert.Single(read.UnreadableValues);
        Assert.Equal(("BT-2", "BT-2", elementPath, "123"), (unreadable.Term, unreadable.Path, unreadable.ElementPath, unreadable.Value));
        Assert.False(report.Fired("BR-03"));
        var finding = Assert.Single(report.Findings, f => f.RuleId == "XSD-VALUE");
        Assert.Equal((FindingSeverity.Fatal, "BT-2", elementPath), (finding.Severity, finding.Location.Path, finding.Location.ElementPath));
    }

    [Fact]
    public void EveryOtherFragment_ReadsWithoutTolerance()
    {
        var needing = AllExpectations()
            .Select(e => (e.File, e.Test)).Distinct()
            .Where(t => Read(TestDocument(t.File, t.Test)).UnreadableValues.Count > 0 || !ReadsStrictly(TestDocument(t.File, t.Test)))
            .Select(t => $"{t.File} #{t.Test}")
            .ToList();

        Assert.Equal(["CreditNote-unit-UBL/BR-03.xml #1", "Invoice-unit-UBL/BR-03.xml #1"], needing.Order(StringComparer.Ordinal));
    }

    private static bool ReadsStrictly(Stream stream)
    {
        try
        {
            var root = RootName(stream);
            stream.Position = 0;
            _ = root == "CrossIndustryInvoice" ? CiiReader.Read(stream) : UblReader.Read(stream);
            return true;
        }
        catch (EInvoiceFormatException)
        {
            return false;
        }
    }

    public static TheoryData<Expectation> CoreExpectations()
    {
        var data = new TheoryData<Expectation>();
        foreach (var expectation in AllExpectations())
        {
            data.Add(expectation);
        }

        return data;
    }

    /// <summary>
    /// Runs every expectation and counts those that hold, per rule family and per set: the figures of
    /// docs/conformance.md, printed as Markdown tables. Every expectation holds.
    /// </summary>
    [Fact]
    public void Summary_PerFamilyAndSet()
    {
        var results = AllExpectations().Select(e => (Expectation: e, Holds: Holds(e))).ToList();

        output.WriteLine(Table("rule family", results, e => Family(e.Rule)));
        output.WriteLine(Table("set", results, e => e.File[..e.File.IndexOf('/', StringComparison.Ordinal)]));

        var failing = results.Where(r => !r.Holds).Select(r => r.Expectation.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(1142, results.Count);
        Assert.Empty(failing);
        Assert.Equal(32, results.Count(r => r.Expectation.Rule.StartsWith("UBL-", StringComparison.Ordinal)));
    }

    /// <summary>The rule family: the id without its number ("BR-CO-10" is BR-CO, "BR-10" is BR).</summary>
    private static string Family(string rule) => rule[..rule.LastIndexOf('-')];

    private static string Table(string title, List<(Expectation Expectation, bool Holds)> results, Func<Expectation, string> key)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {title} | expectations | success | error | warning | hold | do not hold |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => key(r.Expectation)).OrderBy(g => g.Key, StringComparer.Ordinal).Append(results.GroupBy(_ => "**total**").Single()))
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Count(r => r.Expectation.Kind == "success")} | {group.Count(r => r.Expectation.Kind == "error")} | {group.Count(r => r.Expectation.Kind == "warning")} | {group.Count(r => r.Holds)} | {group.Count(r => !r.Holds)} |");
        }

        return text.ToString();
    }

    /// <summary>Whether an expectation holds; a document the reader refuses meets none.</summary>
    private static bool Holds(Expectation expectation)
    {
        ValidationReport report;
        try
        {
            report = EInvoiceValidator.En16931.Validate(Read(TestDocument(expectation.File, expectation.Test)));
        }
        catch (EInvoiceFormatException)
        {
            return false;
        }

        var findings = report.Findings.Where(f => f.RuleId == expectation.Rule).ToList();
        return expectation.Kind switch
        {
            "success" => findings.Count == 0,
            "error" => findings.Any(f => f.Severity == FindingSeverity.Fatal),
            _ => findings.Any(f => f.Severity == FindingSeverity.Warning),
        };
    }

    [Theory]
    [MemberData(nameof(CoreExpectations))]
    public void TestSet_Expectation_Holds(Expectation expectation)
    {
        var report = EInvoiceValidator.En16931.Validate(Read(TestDocument(expectation.File, expectation.Test)));
        var findings = report.Findings.Where(f => f.RuleId == expectation.Rule).ToList();

        switch (expectation.Kind)
        {
            case "success":
                Assert.True(findings.Count == 0, $"{expectation.Rule} fired: {string.Join("; ", findings)}");
                break;
            case "error":
                Assert.True(findings.Any(f => f.Severity == FindingSeverity.Fatal), $"{expectation.Rule} did not fire as fatal; findings: {report}");
                break;
            default:
                Assert.True(findings.Any(f => f.Severity == FindingSeverity.Warning), $"{expectation.Rule} did not fire as a warning; findings: {report}");
                break;
        }
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var folder in ExampleFolders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder)).Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                data.Add($"{folder}/{Path.GetFileName(file)}");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void CompleteExample_HasNoFatalFinding(string file)
    {
        using var stream = File.OpenRead(Path.Combine(Root, file));
        var report = EInvoiceValidator.En16931.Validate(Read(stream));

        var fatal = report.Findings.Where(f => f.Severity == FindingSeverity.Fatal).ToList();
        Assert.True(fatal.Count == 0, string.Join(Environment.NewLine, fatal));
    }

    [Fact]
    public void TheTestSets_AreAllThere()
        => Assert.Equal(1142, AllExpectations().Count());

    internal static IEnumerable<Expectation> AllExpectations()
    {
        foreach (var set in TestSets)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(Root, set), "*.xml").Order(StringComparer.Ordinal))
            {
                var file = $"{set[5..]}/{Path.GetFileName(path)}";
                using var reader = XmlReader.Create(path, Settings);
                var test = 0;
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != VefaNamespace)
                    {
                        continue;
                    }

                    if (reader.LocalName == "test")
                    {
                        test++;
                    }
                    else if (test > 0 && reader.LocalName is "success" or "error" or "warning")
                    {
                        var kind = reader.LocalName;
                        yield return new Expectation(file, test, reader.ReadElementContentAsString().Trim(), kind);
                    }
                }
            }
        }
    }

    /// <summary>The document of test <paramref name="index"/> (1-based): the first child element of the test that is not its assert.</summary>
    private static MemoryStream TestDocument(string file, int index)
    {
        using var reader = XmlReader.Create(Path.Combine(Root, "test", file), Settings);
        var test = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == VefaNamespace && reader.LocalName == "test" && ++test == index)
            {
                var depth = reader.Depth;
                reader.Read();
                while (!reader.EOF && reader.Depth > depth)
                {
                    if (reader.NodeType == XmlNodeType.Element && !(reader.NamespaceURI == VefaNamespace && reader.LocalName == "assert"))
                    {
                        return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(reader.ReadOuterXml()));
                    }

                    if (reader.NodeType == XmlNodeType.Element)
                    {
                        reader.Skip();
                    }
                    else
                    {
                        reader.Read();
                    }
                }
            }
        }

        throw new InvalidOperationException($"{file} has no test {index} with a document.");
    }

    /// <summary>Reads with the reader of the document's root (Invoice and CreditNote are UBL, CrossIndustryInvoice is CII), as a validation desk does.</summary>
    private static EInvoiceReadResult Read(Stream stream)
    {
        var root = RootName(stream);
        stream.Position = 0;
        return root == "CrossIndustryInvoice" ? CiiReader.Read(stream, DeskOptions) : UblReader.Read(stream, DeskOptions);
    }

    private static string RootName(Stream stream)
    {
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CloseInput = false });
        reader.MoveToContent();
        return reader.LocalName;
    }

    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true };
}
