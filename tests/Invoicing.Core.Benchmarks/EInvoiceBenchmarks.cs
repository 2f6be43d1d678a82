using System.Globalization;
using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Validation;
using NodaTime;

namespace Invoicing.Core.Benchmarks;

/// <summary>
/// EN 16931 e-invoicing: reading, writing and validating a 100-line invoice in UBL and CII, and reading and
/// validating the official example documents one after the other (a folder of incoming invoices).
/// </summary>
/// <remarks>
/// <para>The 100-line invoice is built in memory in <see cref="Setup"/> (two VAT rates, S 19 % and S 7 %, a coherent
/// breakdown and totals) and checked with <see cref="EInvoiceValidator.En16931"/>: the setup throws if it, or its UBL
/// or CII round trip, has a fatal finding, so every figure is for a valid document. It is then written once to UBL and
/// CII bytes, which the read benchmarks parse from memory.</para>
/// <para>Baselines. Read categories: one <see cref="XmlReader"/> pass over the same bytes with the readers' own
/// settings, touching every element's name and namespace, every attribute and every text: the floor any streaming
/// reader pays before it builds anything. Write categories: the same elements, attributes and texts, recorded from
/// the written document, replayed through an <see cref="XmlWriter"/> with the writers' settings: the floor of any
/// XmlWriter-based writer. Validate: a validator with one hand-written rule that sums the 100 line net amounts and
/// compares them with BT-106 (BR-CO-10 by hand), the least a validator does that looks at every line. Examples:
/// the same XmlReader pass over the same files.</para>
/// <para>The example categories report the time per document (<c>OperationsPerInvoke</c> = the number of files), so
/// files per second per core = 1 s / mean. The goals (docs/performance.md): read + validate a 100-line UBL invoice
/// under 1 ms; over 2,000 files per second per core (under 0.5 ms per file).</para>
/// <para>The Min column is shown because these benchmarks were measured on a shared 2-core machine: other processes
/// only ever add time, so the fastest iteration is the best estimate of the uncontended cost.</para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MinColumn]
public class EInvoiceBenchmarks
{
    /// <summary>How many official examples there are (TestData/en16931/ubl/examples and cii/examples); checked in setup.</summary>
    private const int AllExamples = 34;

    /// <summary>The examples without the one of 3.3 MB (an Italian invoice with an embedded PDF, BT-125).</summary>
    private const int SmallExamples = 33;

    /// <summary>Files larger than this are left out of the "small" set.</summary>
    private const int LargeFile = 1024 * 1024;

    private const string ReadUbl = "Read UBL 100 lines";
    private const string ReadCii = "Read CII 100 lines";
    private const string WriteUbl = "Write UBL 100 lines";
    private const string WriteCii = "Write CII 100 lines";
    private const string Validate = "Validate 100 lines";
    private const string Examples = "Examples, all 34, per file";
    private const string Small = "Examples, 33 under 1 MB, per file";

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        CloseInput = false,
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 32L * 1024 * 1024,
    };

    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), Indent = true, CloseOutput = false };

    private readonly MemoryStream _output = new(capacity: 256 * 1024);
    private EInvoice _invoice = null!;
    private byte[] _ubl = [];
    private byte[] _cii = [];
    private XmlEvent[] _ublEvents = [];
    private XmlEvent[] _ciiEvents = [];
    private EInvoiceReadResult _ublRead = null!;
    private EInvoiceValidator _singleRule = null!;
    private byte[][] _examples = [];
    private byte[][] _smallExamples = [];

    [GlobalSetup]
    public void Setup()
    {
        _invoice = BuildInvoice(lines: 100);
        Check(EInvoiceValidator.En16931.Validate(_invoice), "the 100-line invoice built in memory");

        _ubl = Bytes(s => UblWriter.Write(_invoice, s));
        _cii = Bytes(s => CiiWriter.Write(_invoice, s));
        _ublRead = UblReader.Read(new MemoryStream(_ubl));
        Check(EInvoiceValidator.En16931.Validate(_ublRead), "the 100-line invoice read back from UBL");
        var ciiRead = CiiReader.Read(new MemoryStream(_cii));
        Check(EInvoiceValidator.En16931.Validate(ciiRead), "the 100-line invoice read back from CII");
        if (_ublRead.Document.Lines.Count != 100 || ciiRead.Document.Lines.Count != 100)
        {
            throw new InvalidOperationException("The 100-line invoice did not read back with 100 lines.");
        }

        _ublEvents = Record(_ubl);
        _ciiEvents = Record(_cii);

        _singleRule = new EInvoiceValidator(
        [
            new ValidationRule("BENCH-CO-10", FindingSeverity.Fatal, "BT-106 is the sum of the line net amounts (BT-131).", context =>
            {
                var sum = 0m;
                foreach (var line in context.Document.Lines)
                {
                    sum += line.NetAmount ?? 0m;
                }

                if (sum != context.Document.Totals?.SumOfLineNetAmounts)
                {
                    context.Report("BT-106 is not the sum of BT-131.", "BT-106", "BG-22/BT-106");
                }
            }),
        ]);

        var folder = ExamplesFolder();
        _examples =
        [
            .. Directory.GetFiles(Path.Combine(folder, "ubl", "examples")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
            .. Directory.GetFiles(Path.Combine(folder, "cii", "examples")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes),
        ];
        _smallExamples = [.. _examples.Where(b => b.Length < LargeFile)];
        if (_examples.Length != AllExamples || _smallExamples.Length != SmallExamples)
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"Expected {AllExamples} example files ({SmallExamples} under 1 MB) in {folder}, found {_examples.Length} ({_smallExamples.Length}); update the constants."));
        }

        // Every example must read. Findings are not a reason to leave one out (judging a wrong document is work
        // too); the line below says how many have a fatal one (none at the time of writing).
        var withFatal = 0;
        foreach (var example in _examples)
        {
            withFatal += EInvoiceValidator.En16931.Validate(EInvoiceReader.Read(new MemoryStream(example))).HasFatal ? 1 : 0;
        }

        Console.WriteLine(FormattableString.Invariant(
            $"// 100-line invoice: UBL {_ubl.Length:N0} bytes, CII {_cii.Length:N0} bytes; examples: {_examples.Length} files, {_examples.Sum(b => (long)b.Length):N0} bytes ({_smallExamples.Sum(b => (long)b.Length):N0} under 1 MB), {withFatal} with fatal findings"));
    }

    // ---------------------------------------------------------------- Read UBL

    /// <summary>The floor: one XmlReader pass over the UBL bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ReadUbl)]
    public long XmlReaderPassUbl() => XmlReaderPass(_ubl);

    /// <summary>UBL bytes to the model.</summary>
    [Benchmark]
    [BenchmarkCategory(ReadUbl)]
    public int UblRead() => UblReader.Read(new MemoryStream(_ubl)).Document.Lines.Count;

    /// <summary>UBL bytes to the model, then every EN 16931 rule: the goal's figure (under 1 ms).</summary>
    [Benchmark]
    [BenchmarkCategory(ReadUbl)]
    public int UblReadAndValidate() => EInvoiceValidator.En16931.Validate(UblReader.Read(new MemoryStream(_ubl))).Findings.Count;

    // ---------------------------------------------------------------- Read CII

    /// <summary>The floor: one XmlReader pass over the CII bytes.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(ReadCii)]
    public long XmlReaderPassCii() => XmlReaderPass(_cii);

    /// <summary>CII bytes to the model.</summary>
    [Benchmark]
    [BenchmarkCategory(ReadCii)]
    public int CiiRead() => CiiReader.Read(new MemoryStream(_cii)).Document.Lines.Count;

    /// <summary>CII bytes to the model, then every EN 16931 rule.</summary>
    [Benchmark]
    [BenchmarkCategory(ReadCii)]
    public int CiiReadAndValidate() => EInvoiceValidator.En16931.Validate(CiiReader.Read(new MemoryStream(_cii))).Findings.Count;

    // ---------------------------------------------------------------- Write

    /// <summary>The floor: the UBL document's elements, attributes and texts replayed through an XmlWriter.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(WriteUbl)]
    public long XmlWriterReplayUbl() => Replay(_ublEvents);

    /// <summary>The model to UBL.</summary>
    [Benchmark]
    [BenchmarkCategory(WriteUbl)]
    public long UblWrite()
    {
        _output.SetLength(0);
        UblWriter.Write(_invoice, _output);
        return _output.Length;
    }

    /// <summary>The floor: the CII document's elements, attributes and texts replayed through an XmlWriter.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(WriteCii)]
    public long XmlWriterReplayCii() => Replay(_ciiEvents);

    /// <summary>The model to CII.</summary>
    [Benchmark]
    [BenchmarkCategory(WriteCii)]
    public long CiiWrite()
    {
        _output.SetLength(0);
        CiiWriter.Write(_invoice, _output);
        return _output.Length;
    }

    // ---------------------------------------------------------------- Validate

    /// <summary>The floor of a validator that looks at every line: one hand-written rule (BR-CO-10).</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Validate)]
    public int SingleRuleValidate() => _singleRule.Validate(_ublRead).Findings.Count;

    /// <summary>Every EN 16931 rule on the document read from UBL (element paths available to findings).</summary>
    [Benchmark]
    [BenchmarkCategory(Validate)]
    public int En16931Validate() => EInvoiceValidator.En16931.Validate(_ublRead).Findings.Count;

    // ---------------------------------------------------------------- Examples

    /// <summary>The floor: one XmlReader pass over each example; time per file.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = AllExamples)]
    [BenchmarkCategory(Examples)]
    public long XmlReaderPassExamples() => XmlReaderPassAll(_examples);

    /// <summary>Each example read (syntax detected) and validated; time per file.</summary>
    [Benchmark(OperationsPerInvoke = AllExamples)]
    [BenchmarkCategory(Examples)]
    public int ReadAndValidateExamples() => ReadAndValidateAll(_examples);

    /// <summary>The floor over the examples under 1 MB; time per file.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SmallExamples)]
    [BenchmarkCategory(Small)]
    public long XmlReaderPassSmallExamples() => XmlReaderPassAll(_smallExamples);

    /// <summary>Each example under 1 MB read (syntax detected) and validated; time per file.</summary>
    [Benchmark(OperationsPerInvoke = SmallExamples)]
    [BenchmarkCategory(Small)]
    public int ReadAndValidateSmallExamples() => ReadAndValidateAll(_smallExamples);

    // ---------------------------------------------------------------- Helpers

    private static int ReadAndValidateAll(byte[][] files)
    {
        var findings = 0;
        foreach (var file in files)
        {
            findings += EInvoiceValidator.En16931.Validate(EInvoiceReader.Read(new MemoryStream(file))).Findings.Count;
        }

        return findings;
    }

    private static long XmlReaderPassAll(byte[][] files)
    {
        var total = 0L;
        foreach (var file in files)
        {
            total += XmlReaderPass(file);
        }

        return total;
    }

    private static long XmlReaderPass(byte[] bytes) => XmlReaderPass(new MemoryStream(bytes));

    /// <summary>Reads every node, touching each element's name and namespace, each attribute's value and each text.</summary>
    /// <param name="stream">The document; left open.</param>
    internal static long XmlReaderPass(Stream stream)
    {
        using var reader = XmlReader.Create(stream, ReaderSettings);
        var total = 0L;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    total += reader.LocalName.Length + reader.NamespaceURI.Length;
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            total += reader.Value.Length;
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    total += reader.Value.Length;
                    break;
                default:
                    break;
            }
        }

        return total;
    }

    private long Replay(XmlEvent[] events)
    {
        _output.SetLength(0);
        using (var writer = XmlWriter.Create(_output, WriterSettings))
        {
            writer.WriteStartDocument();
            foreach (var e in events)
            {
                switch (e.Kind)
                {
                    case XmlEventKind.StartElement:
                        writer.WriteStartElement(e.Prefix, e.LocalName, e.Namespace);
                        break;
                    case XmlEventKind.Attribute:
                        writer.WriteAttributeString(e.Prefix, e.LocalName, e.Namespace, e.Value);
                        break;
                    case XmlEventKind.Text:
                        writer.WriteString(e.Value);
                        break;
                    default:
                        writer.WriteEndElement();
                        break;
                }
            }

            writer.WriteEndDocument();
        }

        return _output.Length;
    }

    /// <summary>The elements, attributes and texts of a document, in order, for <see cref="Replay"/>.</summary>
    private static XmlEvent[] Record(byte[] bytes)
    {
        var events = new List<XmlEvent>();
        using var reader = XmlReader.Create(new MemoryStream(bytes), ReaderSettings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var empty = reader.IsEmptyElement;
                    events.Add(new(XmlEventKind.StartElement, reader.Prefix, reader.LocalName, reader.NamespaceURI, null));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            events.Add(new(XmlEventKind.Attribute, reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value));
                        }
                        while (reader.MoveToNextAttribute());

                        reader.MoveToElement();
                    }

                    if (empty)
                    {
                        events.Add(new(XmlEventKind.EndElement, null, string.Empty, null, null));
                    }

                    break;
                case XmlNodeType.Text:
                    events.Add(new(XmlEventKind.Text, null, string.Empty, null, reader.Value));
                    break;
                case XmlNodeType.EndElement:
                    events.Add(new(XmlEventKind.EndElement, null, string.Empty, null, null));
                    break;
                default:
                    break;
            }
        }

        return [.. events];
    }

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    private static void Check(ValidationReport report, string what)
    {
        if (report.HasFatal)
        {
            throw new InvalidOperationException($"The benchmark document is not valid: {what} has fatal findings:{Environment.NewLine}{report}");
        }
    }

    /// <summary>TestData/en16931 of the tests: copied next to the benchmarks by the csproj, else found from the repository.</summary>
    private static string ExamplesFolder()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "EInvoiceExamples");
        if (Directory.Exists(copied))
        {
            return copied;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Invoicing.Core.Tests", "TestData", "en16931");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"The EN 16931 examples were found neither in {copied} nor in a parent's tests/Invoicing.Core.Tests/TestData/en16931.");
    }

    /// <summary>
    /// An invoice (100 lines in the benchmarks above) from a German seller to a German buyer: every line has an item with a seller's id and a
    /// description, a quantity with its unit, a net price and its net amount (quantity × price rounded to cents);
    /// two in three lines are S 19 %, the others S 7 %; the breakdown and totals are computed as EN 16931 asks.
    /// </summary>
    /// <param name="lines">How many lines (3 or more, so that both rates have lines).</param>
    /// <param name="number">The invoice number (BT-1), also the remittance information.</param>
    internal static EInvoice BuildInvoice(int lines, string number = "RE-2026-100")
    {
        var invoiceLines = new EInvoiceLine[lines];
        decimal taxable19 = 0m, taxable7 = 0m;
        for (var i = 1; i <= lines; i++)
        {
            var rate = i % 3 == 0 ? 7m : 19m;
            var quantity = (1 + (i % 12)) + (i % 4 == 0 ? 0.5m : 0m);
            var price = 1.25m + (i * 2.37m);
            var net = decimal.Round(quantity * price, 2, MidpointRounding.AwayFromZero);
            if (rate == 19m)
            {
                taxable19 += net;
            }
            else
            {
                taxable7 += net;
            }

            var id = i.ToString(CultureInfo.InvariantCulture);
            invoiceLines[i - 1] = new EInvoiceLine
            {
                Identifier = id,
                Quantity = quantity,
                UnitCode = i % 4 == 0 ? "KGM" : "H87",
                NetAmount = net,
                PurchaseOrderLineReference = id,
                Price = new PriceDetails { NetPrice = price },
                Vat = new LineVatInformation { CategoryCode = "S", Rate = rate },
                Item = new ItemInformation
                {
                    Name = "Article " + id,
                    Description = "Article number " + id + " of the seller's catalogue",
                    SellersIdentifier = "ART-" + i.ToString("D5", CultureInfo.InvariantCulture),
                },
            };
        }

        var tax19 = decimal.Round(taxable19 * 19m / 100m, 2, MidpointRounding.AwayFromZero);
        var tax7 = decimal.Round(taxable7 * 7m / 100m, 2, MidpointRounding.AwayFromZero);
        var net100 = taxable19 + taxable7;
        var tax = tax19 + tax7;
        return new EInvoice
        {
            Number = number,
            IssueDate = new LocalDate(2026, 11, 23),
            PaymentDueDate = new LocalDate(2026, 12, 23),
            TypeCode = "380",
            CurrencyCode = "EUR",
            BuyerReference = "04011000-12345-06",
            PurchaseOrderReference = "PO-4711",
            PaymentTerms = "30 days net",
            ProcessControl = new ProcessControl { SpecificationIdentifier = "urn:cen.eu:en16931:2017" },
            Notes = [new InvoiceNote { Text = "Thank you for your order." }],
            Seller = new Seller
            {
                Name = "Seller GmbH",
                VatIdentifier = "DE123456789",
                LegalRegistrationIdentifier = new SchemeIdentifier("HRB 12345"),
                ElectronicAddress = new SchemeIdentifier("seller@example.com", "EM"),
                Address = new EInvoiceAddress { Line1 = "Hauptstraße 1", City = "Berlin", PostCode = "10115", CountryCode = "DE" },
                Contact = new EInvoiceContact { Point = "Accounts", TelephoneNumber = "+49 30 123456", EmailAddress = "accounts@example.com" },
            },
            Buyer = new Buyer
            {
                Name = "Buyer AG",
                VatIdentifier = "DE987654321",
                ElectronicAddress = new SchemeIdentifier("buyer@example.org", "EM"),
                Address = new EInvoiceAddress { Line1 = "Marktplatz 5", City = "München", PostCode = "80331", CountryCode = "DE" },
            },
            PaymentInstructions = new PaymentInstructions
            {
                PaymentMeansTypeCode = "58",
                RemittanceInformation = number,
                CreditTransfers = [new CreditTransfer { PaymentAccountIdentifier = "DE89370400440532013000", PaymentAccountName = "Seller GmbH" }],
            },
            Lines = invoiceLines,
            VatBreakdown =
            [
                new VatBreakdown { CategoryCode = "S", Rate = 19m, TaxableAmount = taxable19, TaxAmount = tax19 },
                new VatBreakdown { CategoryCode = "S", Rate = 7m, TaxableAmount = taxable7, TaxAmount = tax7 },
            ],
            Totals = new DocumentTotals
            {
                SumOfLineNetAmounts = net100,
                TotalWithoutVat = net100,
                TotalVat = tax,
                TotalWithVat = net100 + tax,
                AmountDueForPayment = net100 + tax,
            },
        };
    }

    private enum XmlEventKind
    {
        StartElement,
        Attribute,
        Text,
        EndElement,
    }

    private readonly record struct XmlEvent(XmlEventKind Kind, string? Prefix, string LocalName, string? Namespace, string? Value);
}
