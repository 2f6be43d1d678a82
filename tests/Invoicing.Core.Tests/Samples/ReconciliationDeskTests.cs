using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Invoicing.Core.Payments.Reconciliation;
using Invoicing.Core.Tests.Payments.Reconciliation;
using ReconciliationDesk;

namespace Invoicing.Core.Tests.Samples;

/// <summary>The reconciliation desk sample, run in-process on generated files in a temporary folder.</summary>
public sealed partial class ReconciliationDeskTests : IDisposable
{
    private const string Header = "document_number,customer_id,customer_name,customer_iban,currency,open_amount,issue_date,due_date,creditor_reference,discount_percent,discount_until";

    private readonly string _dir = Directory.CreateTempSubdirectory("desk-tests-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task RunAsync_GeneratedFiles_WritesTheResultWithTheTruth()
    {
        var bank = SyntheticBank.Generate(7, 600, 200);
        var (items, statement) = WriteFiles(bank);
        var outPath = Path.Combine(_dir, "result.json");

        var (code, stdout, stderr) = await RunAsync("--open-items", items, "--statement", statement, "--out", outPath);

        Assert.True(code == 0, stderr);
        Assert.Equal("", stdout);
        Assert.Contains("read 600 open items", stderr, StringComparison.Ordinal);
        Assert.Contains("read 200 entries", stderr, StringComparison.Ordinal);
        var expected = new ReconciliationMatcher().Match(bank.Items, bank.ReconciliationEntries());
        using var json = JsonDocument.Parse(File.ReadAllBytes(outPath));
        var root = json.RootElement;
        Assert.Equal(["matches", "unmatched", "stats"], root.EnumerateObject().Select(p => p.Name));

        var stats = root.GetProperty("stats");
        Assert.Equal(["entries", "auto", "suggested", "unmatched", "elapsed_ms"], stats.EnumerateObject().Select(p => p.Name));
        Assert.Equal(200, stats.GetProperty("entries").GetInt32());
        Assert.Equal(expected.AutoCount, stats.GetProperty("auto").GetInt32());
        Assert.Equal(expected.SuggestedCount, stats.GetProperty("suggested").GetInt32());
        Assert.Equal(expected.UnmatchedCount, stats.GetProperty("unmatched").GetInt32());
        Assert.True(stats.GetProperty("elapsed_ms").GetInt64() >= 0);

        var truth = bank.Entries.ToDictionary(e => e.Id);
        var matches = root.GetProperty("matches").EnumerateArray().ToList();
        var autos = matches.Where(m => m.GetProperty("status").GetString() == "auto").ToList();
        Assert.Equal(expected.AutoCount, autos.Count);
        Assert.True(autos.Count > 50);
        foreach (var match in matches)
        {
            Assert.Equal(["entry", "documents", "rule", "confidence", "status", "difference"], match.EnumerateObject().Select(p => p.Name));
            Assert.Contains(match.GetProperty("rule").GetString(), Enum.GetValues<MatchRule>().Select(r => r.Name()));
            Assert.InRange(match.GetProperty("confidence").GetDecimal(), 0m, 1m);
            Assert.Contains(match.GetProperty("status").GetString(), new[] { "auto", "suggested" });
            foreach (var document in match.GetProperty("documents").EnumerateArray())
            {
                Assert.Equal(["number", "applied"], document.EnumerateObject().Select(p => p.Name));
                Assert.Matches(AmountPattern(), document.GetProperty("applied").GetRawText());
            }

            var difference = match.GetProperty("difference");
            if (difference.ValueKind != JsonValueKind.Null)
            {
                Assert.Equal(["amount", "reason"], difference.EnumerateObject().Select(p => p.Name));
                Assert.Matches(AmountPattern(), difference.GetProperty("amount").GetRawText());
                Assert.Matches("^(overpayment|early-payment-discount|within-tolerance): ", difference.GetProperty("reason").GetString()!);
            }
        }

        // Every automatic match is the truth, documents and amounts, as written in the JSON.
        foreach (var auto in autos)
        {
            var entry = truth[auto.GetProperty("entry").GetString()!];
            Assert.True(entry.Truth.AutoAcceptable, entry.Id);
            var documents = auto.GetProperty("documents").EnumerateArray()
                .Select(d => new SyntheticApplication(d.GetProperty("number").GetString()!, d.GetProperty("applied").GetDecimal()));
            Assert.Equal(entry.Truth.Documents.OrderBy(d => d.Number, StringComparer.Ordinal), documents.OrderBy(d => d.Number, StringComparer.Ordinal));
        }

        // A suggested entry lists each of its proposals, best first; unmatched entries have a reason; every entry appears.
        var suggested = expected.Outcomes.First(o => o.Status == MatchStatus.Suggested);
        Assert.Equal(suggested.Proposals.Select(p => p.Rule.Name()),
            matches.Where(m => m.GetProperty("entry").GetString() == suggested.Entry.Id).Select(m => m.GetProperty("rule").GetString()));
        var unmatched = root.GetProperty("unmatched").EnumerateArray().ToList();
        Assert.Equal(expected.UnmatchedCount, unmatched.Count);
        Assert.All(unmatched, u => Assert.False(string.IsNullOrWhiteSpace(u.GetProperty("reason").GetString())));
        Assert.Equal(truth.Keys.Order(StringComparer.Ordinal),
            matches.Concat(unmatched).Select(m => m.GetProperty("entry").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_WithoutOut_WritesTheJsonToStdout_AndHonoursTheThreshold()
    {
        var (items, statement) = WriteFiles(SyntheticBank.Generate(8, 300, 100));

        var (code, stdout, stderr) = await RunAsync("--open-items", items, "--statement", statement, "--auto-threshold", "0.8");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var amountSums = json.RootElement.GetProperty("matches").EnumerateArray().Where(m => m.GetProperty("rule").GetString() == "amount-sum").ToList();
        Assert.Contains(amountSums, m => m.GetProperty("status").GetString() == "auto"); // 0.85: automatic from 0.8, not from 0.9
    }

    public static TheoryData<string, int, int, string> BadCsv => new()
    {
        { "document_number,customer,customer_name\n", 1, 17, "header column 2 must be 'customer_id'" },
        { $"{Header},extra\n", 1, 149, "extra column 'extra'" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,10.00\n", 2, 24, "the row has 6 fields; expected 11" },
        { $"{Header}\r\nINV-1,C1,Name,DE02,EUR,10.00,2026-01-01,,,,,\r\n", 2, 45, "the row has 12 fields" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,\"1,000.00\",2026-01-01,,,,\n", 2, 24, "open_amount: '1,000.00' is not a number" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUX,10.00,2026-01-01,,,,\n", 2, 20, "currency: 'EUX' is not an active ISO 4217 currency code" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,10.00,01.02.2026,,,,\n", 2, 30, "issue_date: '01.02.2026' is not a date" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,10.00,2026-02-30,,,,\n", 2, 30, "issue_date: '2026-02-30' is not a date" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,-10.00,2026-01-01,,,,\n", 2, 24, "open_amount: The open amount of INV-1 must be positive" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,10.001,2026-01-01,,,,\n", 2, 24, "in whole minor units" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,10.00,2026-01-01,,,150,2026-01-10\n", 2, 43, "discount_percent: An early-payment discount of INV-1 is more than 0 and less than 100 percent; got 150" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,10.00,2026-01-01,,,2,\n", 2, 45, "discount_until: '' is empty, but discount_percent is set: give both or neither" },
        { $"{Header}\nINV-1,,Name,DE02,EUR,10.00,2026-01-01,,,,\n", 2, 7, "customer_id: '' is empty" },
        { $"{Header}\nINV-1,C1,\"Name, \"\"Quoted\"\"\nsecond line\",DE02,EUR,10.00,2026-01-01,2025-12-01,,,\n", 3, 40, "due_date: '2025-12-01' is before the issue date 2026-01-01" },
        { $"{Header}\nINV-1,C1,\"Name,DE02,EUR,10.00,2026-01-01,,,,\n", 2, 10, "unterminated quote" },
        { $"{Header}\nINV-1,C1,Na\"me,DE02,EUR,10.00,2026-01-01,,,,\n", 2, 12, "a quote inside an unquoted field" },
        { $"{Header}\nINV-1,C1,\"Name\"x,DE02,EUR,10.00,2026-01-01,,,,\n", 2, 16, "unexpected 'x' after the closing quote" },
        { $"{Header}\nINV-1,C1,Name,DE02,EUR,10.00,2026-01-01,,,,\nINV-1,C2,Name,DE02,EUR,10.00,2026-01-01,,,,\n", 3, 1, "document number 'INV-1' repeats (first on line 2)" },
        { "", 1, 1, "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(BadCsv))]
    public async Task RunAsync_BadCsv_NamesFileLineAndColumn_ExitsOne_AndWritesNoOut(string csv, int line, int column, string message)
    {
        var items = Path.Combine(_dir, "items.csv");
        File.WriteAllText(items, csv, new UTF8Encoding(false));
        var statement = WriteStatement(SyntheticBank.Generate(1, 60, 20));
        var outPath = Path.Combine(_dir, "out.json");

        var (code, stdout, stderr) = await RunAsync("--open-items", items, "--statement", statement, "--out", outPath);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"{items}:{line}:{column}: "), stderr.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(outPath));
        Assert.Equal(2, Directory.GetFiles(_dir).Length); // no temporary file left behind
    }

    [Fact]
    public async Task RunAsync_InvalidUtf8_IsAnError()
    {
        var items = Path.Combine(_dir, "items.csv");
        File.WriteAllBytes(items, [.. Encoding.UTF8.GetBytes(Header + "\nINV-1,C1,M"), 0xFC, .. "ller,DE02,EUR,10.00,2026-01-01,,,,\n"u8]);
        var statement = WriteStatement(SyntheticBank.Generate(1, 60, 20));

        var (code, _, stderr) = await RunAsync("--open-items", items, "--statement", statement);

        Assert.Equal(1, code);
        Assert.Contains($"{items}:1:1: the file is not valid UTF-8", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedXml_NamesFileLineAndPosition_ExitsOne_AndLeavesOutAsItWas()
    {
        var (items, statement) = WriteFiles(SyntheticBank.Generate(2, 60, 20));
        var xml = File.ReadAllText(statement);
        File.WriteAllText(statement, xml[..xml.IndexOf("</Ntry>", StringComparison.Ordinal)] + "</Nope>");
        var outPath = Path.Combine(_dir, "out.json");
        File.WriteAllText(outPath, "previous result");

        var (code, stdout, stderr) = await RunAsync("--open-items", items, "--statement", statement, "--out", outPath);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Matches($"^{Regex.Escape(statement)}:[1-9][0-9]*:[1-9][0-9]*: the file is not well-formed XML", stderr.Split('\n').Last(l => l.Length > 0));
        Assert.Equal("previous result", File.ReadAllText(outPath));
        Assert.Equal(3, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public async Task RunAsync_Success_ReplacesOutWhole_AndLeavesNoTemporaryFile()
    {
        var (items, statement) = WriteFiles(SyntheticBank.Generate(3, 120, 40));
        var outPath = Path.Combine(_dir, "out.json");
        File.WriteAllText(outPath, "previous result, longer than nothing at all");

        var (code, _, stderr) = await RunAsync("--open-items", items, "--statement", statement, "--out", outPath);

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(File.ReadAllBytes(outPath));
        Assert.Equal(40, json.RootElement.GetProperty("stats").GetProperty("entries").GetInt32());
        Assert.Equal(["items.csv", "out.json", "statement.xml"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_Canceled_WritesNoOut()
    {
        var (items, statement) = WriteFiles(SyntheticBank.Generate(3, 120, 40));
        var outPath = Path.Combine(_dir, "out.json");
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Desk.RunAsync(["--open-items", items, "--statement", statement, "--out", outPath], TextWriter.Null, TextWriter.Null, canceled.Token));

        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("--open-items", "a.csv")]
    [InlineData("--statement", "s.xml")]
    [InlineData("--open-items", "a.csv", "--statement", "s.xml", "--frobnicate")]
    [InlineData("--open-items", "a.csv", "--statement", "s.xml", "--out")]
    [InlineData("--open-items", "a.csv", "--open-items", "b.csv", "--statement", "s.xml")]
    [InlineData("--open-items", "a.csv", "--statement", "s.xml", "--auto-threshold", "0")]
    [InlineData("--open-items", "a.csv", "--statement", "s.xml", "--auto-threshold", "1.5")]
    [InlineData("--open-items", "a.csv", "--statement", "s.xml", "--auto-threshold", "0,9")]
    public async Task RunAsync_WrongCommandLine_PrintsUsageToStderr_AndExitsOne(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: ReconciliationDesk", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageToStdout_AndExitsZero()
    {
        var (code, stdout, stderr) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.StartsWith("usage: ReconciliationDesk", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task RunAsync_MissingFile_IsAnError()
    {
        var (code, _, stderr) = await RunAsync("--open-items", Path.Combine(_dir, "none.csv"), "--statement", Path.Combine(_dir, "none.xml"));

        Assert.Equal(1, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvReader_QuotedFields_CrLfAndLf_EmbeddedNewlines()
    {
        using var text = new StringReader("a,\"b,\"\"c\"\"\r\nd\",\r\n\"\",e\nlast");
        var reader = new CsvReader(text);
        var fields = new List<CsvField>();

        Assert.True(reader.ReadRecord(fields));
        Assert.Equal([new("a", 1, 1), new("b,\"c\"\r\nd", 1, 3), new("", 2, 4)], fields);
        Assert.True(reader.ReadRecord(fields));
        Assert.Equal([new("", 3, 1), new("e", 3, 4)], fields);
        Assert.True(reader.ReadRecord(fields));
        Assert.Equal([new CsvField("last", 4, 1)], fields);
        Assert.False(reader.ReadRecord(fields));
    }

    /// <summary>The committed sample data is what the generator gives for its seed; to refresh it after changing the
    /// generator, run this test with REGENERATE_DESK_DATA=1 and commit the files.</summary>
    [Fact]
    public void CommittedData_IsWhatTheGeneratorProduces()
    {
        var data = Path.Combine(RepositoryRoot(), "samples", "ReconciliationDesk", "data");
        var bank = SyntheticBank.Generate(DataSeed, 60, 30);
        using var csv = new MemoryStream();
        using var xml = new MemoryStream();
        bank.WriteOpenItemsCsv(csv);
        bank.WriteCamt053(xml);
        if (Environment.GetEnvironmentVariable("REGENERATE_DESK_DATA") == "1")
        {
            File.WriteAllBytes(Path.Combine(data, "open-items.csv"), csv.ToArray());
            File.WriteAllBytes(Path.Combine(data, "statement.xml"), xml.ToArray());
        }

        Assert.Equal(csv.ToArray(), File.ReadAllBytes(Path.Combine(data, "open-items.csv")));
        Assert.Equal(xml.ToArray(), File.ReadAllBytes(Path.Combine(data, "statement.xml")));
    }

    /// <summary>The seed of samples/ReconciliationDesk/data.</summary>
    private const int DataSeed = 2026;

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]{2}$")]
    private static partial Regex AmountPattern();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Invoicing.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Invoicing.Core.sln) is not above " + AppContext.BaseDirectory);
    }

    private (string Items, string Statement) WriteFiles(SyntheticBank bank)
    {
        var items = Path.Combine(_dir, "items.csv");
        using (var csv = File.Create(items))
        {
            bank.WriteOpenItemsCsv(csv);
        }

        return (items, WriteStatement(bank));
    }

    private string WriteStatement(SyntheticBank bank)
    {
        var statement = Path.Combine(_dir, "statement.xml");
        using var xml = File.Create(statement);
        bank.WriteCamt053(xml);
        return statement;
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await Desk.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
