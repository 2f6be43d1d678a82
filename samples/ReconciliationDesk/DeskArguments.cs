using System.Globalization;

namespace ReconciliationDesk;

/// <summary>The desk's command line, parsed: either the options, <see cref="Help"/>, or an <see cref="Error"/>.</summary>
/// <remarks>Immutable.</remarks>
public sealed record DeskArguments
{
    /// <summary>The open items CSV (--open-items).</summary>
    public string? OpenItems { get; init; }

    /// <summary>The camt file (--statement).</summary>
    public string? Statement { get; init; }

    /// <summary>Where to write the JSON (--out), or null for stdout.</summary>
    public string? Out { get; init; }

    /// <summary>The auto-match threshold (--auto-threshold); 0.9 by default, as the library's.</summary>
    public decimal AutoThreshold { get; init; } = 0.9m;

    /// <summary>True when --help (or -h) was given.</summary>
    public bool Help { get; init; }

    /// <summary>What is wrong with the command line, or null.</summary>
    public string? Error { get; init; }

    /// <summary>Parses a command line; never throws for bad input.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The options, help, or an error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="args"/> is null.</exception>
    public static DeskArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Any(a => a is "--help" or "-h"))
        {
            return new DeskArguments { Help = true };
        }

        var result = new DeskArguments();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--open-items" or "--statement" or "--out" or "--auto-threshold"))
            {
                return Fail($"unknown argument '{name}'");
            }

            if (!seen.Add(name))
            {
                return Fail($"{name} is given twice");
            }

            if (i + 1 == args.Count || args[i + 1].Length == 0 || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"{name} needs a value");
            }

            var value = args[++i];
            switch (name)
            {
                case "--open-items": result = result with { OpenItems = value }; break;
                case "--statement": result = result with { Statement = value }; break;
                case "--out": result = result with { Out = value }; break;
                default:
                    if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var threshold) || threshold is <= 0m or > 1m)
                    {
                        return Fail($"--auto-threshold '{value}' is not a number more than 0 and at most 1 (such as 0.9)");
                    }

                    result = result with { AutoThreshold = threshold };
                    break;
            }
        }

        return result.OpenItems is null ? Fail("--open-items is required")
            : result.Statement is null ? Fail("--statement is required")
            : result;
    }

    private static DeskArguments Fail(string error) => new() { Error = error };
}
