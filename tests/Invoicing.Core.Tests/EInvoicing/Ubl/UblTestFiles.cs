using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Ubl;

namespace Invoicing.Core.Tests.EInvoicing.Ubl;

/// <summary>The complete UBL instances of the official EN 16931 test material (TestData/en16931).</summary>
internal static class UblTestFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "en16931");

    /// <summary>Every complete UBL instance: ubl/examples (19) and test/testfiles (29), as paths relative to <see cref="Root"/>.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var path in Paths())
        {
            data.Add(path);
        }

        return data;
    }

    /// <summary>The same as <see cref="All"/>, as a list.</summary>
    public static List<string> Paths()
    {
        var data = new List<string>();
        foreach (var folder in new[] { Path.Combine("ubl", "examples"), Path.Combine("test", "testfiles") })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, folder)).Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
            {
                data.Add(Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return data;
    }

    public static FileStream Open(string relativePath) => File.OpenRead(Path.Combine(Root, relativePath));

    /// <summary>Reads one instance with <see cref="UblReader"/>.</summary>
    public static EInvoiceReadResult Read(string relativePath)
    {
        using var stream = Open(relativePath);
        return UblReader.Read(stream);
    }
}
