using System.Globalization;
using BenchmarkDotNet.Attributes;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Validation;

namespace Invoicing.Core.Benchmarks;

/// <summary>
/// The throughput goal as the issue states it: a folder of 10,000 invoices, each file opened, read (syntax
/// detected) and validated in turn, as the inspector or a service does with incoming files.
/// </summary>
/// <remarks>
/// <para>The folder is written once in <see cref="Setup"/> (into a temporary directory, removed in
/// <see cref="Cleanup"/>): invoice i has <c>LineCounts[i % 14]</c> lines (3 to 100, about 23 on average) and is
/// written as UBL when i is even, as CII when it is odd, by the library's own writers; every one is checked to have
/// no fatal finding. They carry no attachment: the official examples (<see cref="EInvoiceBenchmarks"/>) measure a
/// set with a 3.3 MB one. Files are read from the operating system's cache after the first iteration.</para>
/// <para>Baseline: the same files opened and passed once through an XmlReader with the readers' settings, touching
/// every name, attribute and text (<see cref="EInvoiceBenchmarks.XmlReaderPass(Stream)"/>). Each operation handles all 10,000 files, <c>OperationsPerInvoke</c> is 10,000,
/// so the mean is the time per file and files per second per core is 1 s / mean.</para>
/// </remarks>
[MemoryDiagnoser]
[MinColumn]
public class EInvoiceFolderBenchmarks
{
    private const int Files = 10_000;
    private static readonly int[] LineCounts = [3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 100];

    private string _folder = string.Empty;
    private string[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("einvoice-folder-").FullName;
        _files = new string[Files];
        long bytes = 0;
        for (var i = 0; i < Files; i++)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"RE-2026-{i + 1:D5}");
            var invoice = EInvoiceBenchmarks.BuildInvoice(LineCounts[i % LineCounts.Length], number);
            var path = Path.Combine(_folder, number + (i % 2 == 0 ? ".ubl.xml" : ".cii.xml"));
            using (var stream = File.Create(path))
            {
                if (i % 2 == 0)
                {
                    UblWriter.Write(invoice, stream);
                }
                else
                {
                    CiiWriter.Write(invoice, stream);
                }

                bytes += stream.Length;
            }

            _files[i] = path;
        }

        var fatal = _files.Count(f => ReadAndValidate(f).HasFatal);
        if (fatal > 0)
        {
            throw new InvalidOperationException(FormattableString.Invariant($"{fatal} of the generated invoices have fatal findings."));
        }

        Console.WriteLine(FormattableString.Invariant($"// folder: {Files:N0} files, {bytes:N0} bytes, in {_folder}"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>The floor: each file opened and passed once through an XmlReader.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Files)]
    public long XmlReaderPassFolder()
    {
        long touched = 0;
        foreach (var file in _files)
        {
            using var stream = File.OpenRead(file);
            touched += EInvoiceBenchmarks.XmlReaderPass(stream);
        }

        return touched;
    }

    /// <summary>Each file opened, read with <see cref="EInvoiceReader"/> and validated with every EN 16931 and UBL syntax rule.</summary>
    [Benchmark(OperationsPerInvoke = Files)]
    public int ReadAndValidateFolder()
    {
        var findings = 0;
        foreach (var file in _files)
        {
            findings += ReadAndValidate(file).Findings.Count;
        }

        return findings;
    }

    private static ValidationReport ReadAndValidate(string file)
    {
        using var stream = File.OpenRead(file);
        return EInvoiceValidator.En16931.Validate(EInvoiceReader.Read(stream));
    }
}
