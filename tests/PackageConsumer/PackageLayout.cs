using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace PackageConsumer;

/// <summary>What the Invoicing.Core package must contain, checked file by file.</summary>
internal static class PackageLayout
{
    private static readonly string[] RequiredEntries =
    [
        "lib/net10.0/Invoicing.Core.dll",
        "lib/net10.0/Invoicing.Core.xml",
        "README.md",
        "LICENSE",
    ];

    /// <summary>The runtime dependencies of the library, exactly (Directory.Packages.props says why each is there).</summary>
    private static readonly string[] RequiredDependencies =
    [
        "Microsoft.Extensions.DependencyInjection.Abstractions",
        "NodaTime",
    ];

    internal static IEnumerable<string> Check(string nupkgPath, string snupkgPath)
    {
        using var package = ZipFile.OpenRead(nupkgPath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        foreach (var required in RequiredEntries.Where(r => !entries.Contains(r)))
        {
            yield return $"{Path.GetFileName(nupkgPath)} lacks {required}.";
        }

        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        XDocument nuspec;
        using (var stream = nuspecEntry.Open())
        using (var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            nuspec = XDocument.Load(reader);
        }

        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        var groups = metadata.Element(ns + "dependencies")?.Elements(ns + "group").ToList() ?? [];
        if (groups.Count != 1 || (string?)groups[0].Attribute("targetFramework") is not ("net10.0" or ".NETCoreApp10.0"))
        {
            yield return $"The nuspec must have one dependency group for net10.0; found {groups.Count}: {string.Join(", ", groups.Select(g => (string?)g.Attribute("targetFramework")))}.";
        }
        else
        {
            var dependencies = groups[0].Elements(ns + "dependency").Select(d => (string)d.Attribute("id")!).Order(StringComparer.Ordinal).ToArray();
            if (!dependencies.SequenceEqual(RequiredDependencies))
            {
                yield return $"The package depends on [{string.Join(", ", dependencies)}]; expected exactly [{string.Join(", ", RequiredDependencies)}].";
            }
        }

        if ((string?)metadata.Element(ns + "license") != "MIT")
        {
            yield return "The nuspec license expression is not MIT.";
        }

        if ((string?)metadata.Element(ns + "readme") != "README.md")
        {
            yield return "The nuspec does not name README.md as the package readme.";
        }

        var commit = (string?)metadata.Element(ns + "repository")?.Attribute("commit");
        if (commit is null || commit.Length != 40)
        {
            yield return $"The nuspec repository element has no commit id (got '{commit}').";
        }

        using var symbols = ZipFile.OpenRead(snupkgPath);
        if (!symbols.Entries.Any(e => e.FullName == "lib/net10.0/Invoicing.Core.pdb"))
        {
            yield return $"{Path.GetFileName(snupkgPath)} lacks lib/net10.0/Invoicing.Core.pdb.";
        }
    }
}
