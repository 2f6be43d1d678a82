using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;

namespace Invoicing.Core.Tests.EInvoicing.Cii;

/// <summary>The CII test material under TestData/en16931 and helpers shared by the CII tests.</summary>
internal static class CiiTestFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData", "en16931");

    public static string Example(string file) => Path.Combine(Root, "cii", "examples", file);

    public static string SchemaFolder => Path.Combine(Root, "cii", "schema", "D16B SCRDM (Subset)", "uncoupled clm");

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "cii", "examples")).Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static EInvoiceReadResult ReadExample(string file)
    {
        using var stream = File.OpenRead(Example(file));
        return CiiReader.Read(stream);
    }

    public static EInvoiceReadResult ReadText(string xml) => CiiReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    public static byte[] Write(EInvoice document)
    {
        using var stream = new MemoryStream();
        CiiWriter.Write(document, stream);
        return stream.ToArray();
    }

    /// <summary>The documents of a VEFA testSet file: the first element of each test that is not its assert.</summary>
    public static IReadOnlyList<string> TestSetDocuments(string relativePath)
    {
        var documents = new List<string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(Path.Combine(Root, relativePath), settings);
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "CrossIndustryInvoice")
            {
                documents.Add(reader.ReadOuterXml());
            }
            else
            {
                reader.Read();
            }
        }

        return documents;
    }

    /// <summary>The CII D16B schema set (uncoupled code lists), loaded through a resolver that opens only files of the copied folder.</summary>
    public static XmlSchemaSet Schemas()
    {
        var resolver = new FolderResolver(SchemaFolder);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var root = Path.Combine(SchemaFolder, "CII", "uncefact", "data", "standard", "CrossIndustryInvoice_100pD16B.xsd");
        using (var reader = XmlReader.Create(root, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = resolver }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    /// <summary>Validates a document against the schema set; returns the errors, empty when valid.</summary>
    public static IReadOnlyList<string> Validate(XmlSchemaSet schemas, Stream document)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add(string.Create(CultureInfo.InvariantCulture, $"{e.Severity} line {e.Exception.LineNumber}: {e.Message}"));
        using var reader = XmlReader.Create(document, settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    /// <summary>The first term (property path) where two models differ, or null when they are equal.</summary>
    public static string? FirstDifference(object? expected, object? actual, string path = "EInvoice")
    {
        if (Equals(expected, actual))
        {
            return null;
        }

        if (expected is null || actual is null || expected.GetType() != actual.GetType() || expected is string || expected.GetType().IsValueType)
        {
            return $"{path}: expected '{expected}', actual '{actual}'";
        }

        if (expected is IEnumerable expectedItems and not string)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{path}: expected {left.Count} items, actual {right.Count}";
            }

            for (var i = 0; i < left.Count; i++)
            {
                if (FirstDifference(left[i], right[i], $"{path}[{i + 1}]") is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract"
                && FirstDifference(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name) is { } found)
            {
                return found;
            }
        }

        return $"{path}: differs";
    }

    private sealed class FolderResolver(string folder) : XmlResolver
    {
        private readonly string _folder = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = absoluteUri.IsFile ? Path.GetFullPath(absoluteUri.LocalPath) : null;
            return path is not null && path.StartsWith(_folder, StringComparison.Ordinal)
                ? File.OpenRead(path)
                : throw new XmlException($"Refused to resolve '{absoluteUri}': only files under {_folder} are allowed.");
        }
    }
}
