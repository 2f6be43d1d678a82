using System.Buffers;
using System.Text;
using System.Text.Json;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Validation;

namespace EInvoiceInspector;

/// <summary>Reads, judges, round-trips and optionally converts UBL and CII files, one JSON line per file.</summary>
public static class Inspector
{
    private const string Usage = """
        usage: EInvoiceInspector PATH... [--to ubl|cii --out DIR]
          PATH        an XML file, or a folder searched recursively for *.xml (any case)
          --to FORMAT convert every file that reads to UBL or CII ...
          --out DIR   ... into DIR (created if missing), as <name>.<format>.xml
          --help      this text, on standard output
        Writes one JSON object per file to standard output; exit code 0 whatever the findings, 2 on usage errors.
        """;

    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs the inspector.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the JSON lines go.</param>
    /// <param name="error">Where usage errors go.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <returns>0, or 2 on a usage error.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (!TryParse(args, out var paths, out var to, out var outDir, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        foreach (var file in Files(paths))
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, LineOptions))
            {
                Inspect(file, json, to, outDir);
            }

            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan));
        }

        await output.FlushAsync(cancellationToken);
        return 0;
    }

    private static bool TryParse(string[] args, out List<string> paths, out string? to, out string? outDir, out string problem)
    {
        paths = [];
        to = null;
        outDir = null;
        problem = "";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--to" when i + 1 < args.Length:
                    to = args[++i].ToLowerInvariant();
                    break;
                case "--out" when i + 1 < args.Length:
                    outDir = args[++i];
                    break;
                case "--to" or "--out":
                    problem = $"{args[i]} needs a value.";
                    return false;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        problem = $"unknown option {args[i]}.";
                        return false;
                    }

                    paths.Add(args[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            problem = "no PATH given.";
            return false;
        }

        if (to is not null and not ("ubl" or "cii"))
        {
            problem = $"--to must be ubl or cii, not '{to}'.";
            return false;
        }

        if ((to is null) != (outDir is null))
        {
            problem = "--to and --out go together.";
            return false;
        }

        var missing = paths.FirstOrDefault(p => !File.Exists(p) && !Directory.Exists(p));
        if (missing is not null)
        {
            problem = $"no such file or folder: {missing}";
            return false;
        }

        return true;
    }

    /// <summary>The files, lazily: folders are walked as the output goes, so memory stays flat for any number of files.</summary>
    private static IEnumerable<string> Files(IEnumerable<string> paths)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive, IgnoreInaccessible = true };
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return path;
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*.xml", options).Order(StringComparer.Ordinal))
            {
                yield return file;
            }
        }
    }

    /// <summary>A date or number that cannot be parsed is a fatal XSD-VALUE finding among the others, not an unread file.</summary>
    private static readonly EInvoiceReaderOptions Desk = new() { TolerateUnreadableValues = true };

    private static void Inspect(string file, Utf8JsonWriter json, string? to, string? outDir)
    {
        json.WriteStartObject();
        json.WriteString("file", file);
        EInvoiceReadResult read;
        try
        {
            using var stream = File.OpenRead(file);
            read = EInvoiceReader.Read(stream, Desk);
        }
        catch (Exception e) when (e is EInvoiceFormatException or IOException or UnauthorizedAccessException)
        {
            json.WriteNull("syntax");
            json.WriteBoolean("parsed", false);
            json.WriteString("error", e.Message);
            json.WriteEndObject();
            return;
        }

        var document = read.Document;
        json.WriteString("syntax", read.Syntax switch
        {
            EInvoiceSyntax.UblInvoice => "ubl-invoice",
            EInvoiceSyntax.UblCreditNote => "ubl-creditnote",
            _ => "cii",
        });
        json.WriteBoolean("parsed", true);
        json.WriteNull("error");
        WriteText(json, "number", document.Number);
        WriteText(json, "typeCode", document.TypeCode);
        WriteText(json, "currency", document.CurrencyCode);
        json.WritePropertyName("declared");
        WriteTotals(json, document.Totals);
        json.WritePropertyName("computed");
        WriteTotals(json, En16931Totals.Compute(document));

        json.WriteStartArray("findings");
        foreach (var finding in EInvoiceValidator.En16931.Validate(read).Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.RuleId);
            json.WriteString("severity", finding.Severity == FindingSeverity.Fatal ? "fatal" : "warning");
            json.WriteString("message", finding.Message);
            json.WriteString("location", finding.Location.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("roundTrip", read.UnreadableValues.Count == 0 && RoundTrips(read));
        if (to is not null && outDir is not null && read.UnreadableValues.Count > 0)
        {
            json.WriteNull("convertedTo"); // writing it would drop the values that could not be read
        }
        else if (to is not null && outDir is not null)
        {
            var target = Path.Combine(outDir, $"{Path.GetFileNameWithoutExtension(file)}.{to}.xml");
            using var stream = File.Create(target);
            Write(document, to == "ubl" ? EInvoiceSyntax.UblInvoice : EInvoiceSyntax.Cii, stream);
            json.WriteString("convertedTo", target);
        }

        json.WriteEndObject();
    }

    private static bool RoundTrips(EInvoiceReadResult read)
    {
        try
        {
            using var written = new MemoryStream();
            Write(read.Document, read.Syntax, written);
            written.Position = 0;
            return EInvoiceReader.Read(written).Document.Equals(read.Document);
        }
        catch (EInvoiceFormatException)
        {
            return false;
        }
    }

    private static void Write(EInvoice document, EInvoiceSyntax syntax, Stream stream)
    {
        if (syntax == EInvoiceSyntax.Cii)
        {
            CiiWriter.Write(document, stream);
        }
        else
        {
            UblWriter.Write(document, stream);
        }
    }

    private static void WriteTotals(Utf8JsonWriter json, DocumentTotals? totals)
    {
        json.WriteStartObject();
        WriteAmount(json, "lineNet", totals?.SumOfLineNetAmounts);
        WriteAmount(json, "allowances", totals?.SumOfAllowances);
        WriteAmount(json, "charges", totals?.SumOfCharges);
        WriteAmount(json, "taxExclusive", totals?.TotalWithoutVat);
        WriteAmount(json, "tax", totals?.TotalVat);
        WriteAmount(json, "taxInclusive", totals?.TotalWithVat);
        WriteAmount(json, "prepaid", totals?.PaidAmount);
        WriteAmount(json, "rounding", totals?.RoundingAmount);
        WriteAmount(json, "payable", totals?.AmountDueForPayment);
        json.WriteEndObject();
    }

    private static void WriteAmount(Utf8JsonWriter json, string name, decimal? amount)
    {
        if (amount is { } value)
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteText(Utf8JsonWriter json, string name, string? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, text);
        }
    }
}
