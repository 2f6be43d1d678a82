// Checks a packed Invoicing.Core: runs the README quickstart against the package and compares its
// output with the comments in the README, then inspects the .nupkg and .snupkg.
// Usage: PackageConsumer <path to .nupkg> <path to .snupkg>
using PackageConsumer;

var failures = new List<string>();

var captured = new StringWriter();
var console = Console.Out;
Console.SetOut(captured);
try
{
    await Quickstart.RunAsync();
}
finally
{
    Console.SetOut(console);
}

var actual = captured.ToString().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
if (!actual.SequenceEqual(Quickstart.ExpectedOutput))
{
    failures.Add("The README quickstart printed:\n  " + string.Join("\n  ", actual)
        + "\nbut its comments promise:\n  " + string.Join("\n  ", Quickstart.ExpectedOutput));
}

failures.AddRange(PackageLayout.Check(args[0], args[1]));

if (failures.Count > 0)
{
    Console.Error.WriteLine("Package check FAILED:");
    failures.ForEach(f => Console.Error.WriteLine(" - " + f));
    return 1;
}

Console.WriteLine($"Package check passed: the README quickstart ran against {Path.GetFileName(args[0])} and printed what it promises ({actual.Length} lines); the package layout and dependencies are as expected.");
return 0;
