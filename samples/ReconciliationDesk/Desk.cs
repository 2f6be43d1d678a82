using System.Diagnostics;
using System.Globalization;
using System.Text;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;

namespace ReconciliationDesk;

/// <summary>
/// The reconciliation desk: reads open items (CSV) and a bank statement (camt.053/054), matches them with
/// <see cref="ReconciliationMatcher"/>, and writes the result as JSON. <see cref="RunAsync"/> is the whole
/// program; Program.cs only passes it the console.
/// </summary>
/// <remarks>Stateless and thread-safe; every run has its own inputs and writers.</remarks>
public static class Desk
{
    /// <summary>The usage text, printed for --help (to stdout) and for a wrong command line (to stderr).</summary>
    public const string Usage = """
        usage: ReconciliationDesk --open-items ITEMS.csv --statement STATEMENT.xml [--out RESULT.json] [--auto-threshold 0.9]

          --open-items FILE      open items, CSV (UTF-8, RFC 4180) with the header
                                 document_number,customer_id,customer_name,customer_iban,currency,open_amount,
                                 issue_date,due_date,creditor_reference,discount_percent,discount_until
          --statement FILE       bank statement, ISO 20022 camt.053 or camt.054 (.001.02 to .001.08)
          --out FILE             write the JSON result here (replaced only when the run succeeds); default: stdout
          --auto-threshold N     confidence from which a single best proposal is applied automatically,
                                 more than 0 and at most 1; default 0.9
          --help                 print this text

        Progress goes to stderr. Exit code: 0 on success, 1 on any error (the message names FILE:LINE:COLUMN).
        """;

    private const int ProgressEvery = 100_000;

    /// <summary>Runs the desk with a command line.</summary>
    /// <param name="args">The arguments (see <see cref="Usage"/>).</param>
    /// <param name="stdout">Receives the JSON when there is no --out, and the usage for --help.</param>
    /// <param name="stderr">Receives progress, timings, usage errors and input errors.</param>
    /// <param name="cancellationToken">Stops the run; nothing is written to --out then.</param>
    /// <returns>The exit code: 0 on success (or --help), 1 on any error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="args"/>, <paramref name="stdout"/> or <paramref name="stderr"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var parsed = DeskArguments.Parse(args);
        if (parsed.Help)
        {
            await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
            return 0;
        }

        if (parsed.Error is not null)
        {
            await stderr.WriteLineAsync($"error: {parsed.Error}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return 1;
        }

        try
        {
            await RunCoreAsync(parsed, stdout, stderr, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (CsvFormatException e)
        {
            await stderr.WriteLineAsync(Place(parsed.OpenItems!, e.Line, e.Column, e.Message)).ConfigureAwait(false);
        }
        catch (BankStatementFormatException e)
        {
            // The message starts with "line L, position P: "; print the place the way compilers do instead.
            var prefix = string.Create(CultureInfo.InvariantCulture, $"line {e.LineNumber}, position {e.LinePosition}: ");
            var problem = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            await stderr.WriteLineAsync(Place(parsed.Statement!, e.LineNumber, e.LinePosition, problem)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
        }

        return 1;
    }

    private static async Task RunCoreAsync(DeskArguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (args.Out is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(args.Out))))
        {
            throw new IOException($"the folder of --out {args.Out} does not exist");
        }

        // 1. Open items, streamed from CSV. A strict UTF-8 decoder: a broken byte is an error, not a '?'.
        var items = new List<OpenItem>();
        using (var reader = new StreamReader(args.OpenItems!, new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            foreach (var item in OpenItemsCsv.Read(reader))
            {
                items.Add(item);
                if (items.Count % ProgressEvery == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await stderr.WriteLineAsync(Format($"read {items.Count:N0} open items")).ConfigureAwait(false);
                }
            }
        }

        await stderr.WriteLineAsync(Format($"read {items.Count:N0} open items from {args.OpenItems} in {clock.ElapsedMilliseconds:N0} ms")).ConfigureAwait(false);

        // 2. The statement: the library reads camt; the entries carry their ids from the file.
        var lap = clock.ElapsedMilliseconds;
        IReadOnlyList<ReconciliationEntry> entries;
        var statementFile = File.OpenRead(args.Statement!);
        await using (statementFile.ConfigureAwait(false))
        {
            var statements = await CamtReader.ReadAsync(statementFile, cancellationToken).ConfigureAwait(false);
            entries = ReconciliationEntry.FromStatements(statements);
        }

        await stderr.WriteLineAsync(Format($"read {entries.Count:N0} entries from {args.Statement} in {clock.ElapsedMilliseconds - lap:N0} ms")).ConfigureAwait(false);

        // 3. Matching, with progress every 10,000 entries from the matcher itself.
        lap = clock.ElapsedMilliseconds;
        var matcher = new ReconciliationMatcher(ReconciliationOptions.Default with { AutoThreshold = args.AutoThreshold });
        var result = matcher.Match(items, entries, new LineProgress(stderr, entries.Count), cancellationToken);
        var elapsed = clock.Elapsed;
        await stderr.WriteLineAsync(Format(
            $"matched {entries.Count:N0} entries in {clock.ElapsedMilliseconds - lap:N0} ms: {result.AutoCount:N0} auto, {result.SuggestedCount:N0} suggested, {result.UnmatchedCount:N0} unmatched")).ConfigureAwait(false);

        // 4. The JSON, all or nothing.
        if (args.Out is null)
        {
            using var buffer = new MemoryStream();
            ResultJson.Write(buffer, result, elapsed);
            await stdout.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)).ConfigureAwait(false);
        }
        else
        {
            await WriteAtomicallyAsync(args.Out, stream => ResultJson.Write(stream, result, elapsed), cancellationToken).ConfigureAwait(false);
            await stderr.WriteLineAsync($"wrote {args.Out}").ConfigureAwait(false);
        }
    }

    /// <summary>Writes a temporary file next to <paramref name="path"/> and moves it into place only when complete,
    /// so that readers of <paramref name="path"/> never see half a file and a failed run leaves it as it was.</summary>
    private static async Task WriteAtomicallyAsync(string path, Action<Stream> write, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                write(stream);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // nothing when the move succeeded
        }
    }

    private static string Place(string file, int line, int column, string message)
        => string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {message}");

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Prints the matcher's progress as "matched 40,000/100,000 entries", synchronously and in order
    /// (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
    private sealed class LineProgress(TextWriter stderr, int total) : IProgress<int>
    {
        private readonly Lock _lock = new();

        public void Report(int value)
        {
            if (value == total)
            {
                return; // the summary line says it
            }

            lock (_lock)
            {
                stderr.WriteLine(Format($"matched {value:N0}/{total:N0} entries"));
            }
        }
    }
}
