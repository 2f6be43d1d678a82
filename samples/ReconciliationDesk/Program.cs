// Invoicing.Core — reconciliation desk.
// Run it with:
//   dotnet run --project samples/ReconciliationDesk -- --open-items samples/ReconciliationDesk/data/open-items.csv --statement samples/ReconciliationDesk/data/statement.xml
// Everything happens in Desk.RunAsync, so that tests can run the same code in-process.
using ReconciliationDesk;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // stop cleanly: no partial --out file is left behind
    cancellation.Cancel();
};

return await Desk.RunAsync(args, Console.Out, Console.Error, cancellation.Token);
