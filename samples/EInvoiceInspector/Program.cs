// Invoicing.Core — e-invoice inspector.
// Run it with:
//   dotnet run --project samples/EInvoiceInspector -- tests/Invoicing.Core.Tests/TestData/en16931
// One JSON object per file on standard output: syntax, totals declared and recomputed, EN 16931
// findings, and whether the document survives read -> write -> read. `--to ubl|cii --out DIR` converts.
// Everything happens in Inspector.RunAsync, so that tests can run the same code in-process.
using EInvoiceInspector;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

return await Inspector.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
