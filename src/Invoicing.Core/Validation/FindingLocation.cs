namespace Invoicing.Core.Validation;

/// <summary>Where a finding is: the business term, its place in the model, and its element when read from XML.</summary>
/// <param name="Term">The EN 16931 business term or group the finding is about (BT-131, BG-23).</param>
/// <param name="Path">The place in the model: groups and terms separated by '/', repeated groups with a 1-based index (<c>BG-25[2]/BT-131</c>).</param>
/// <param name="ElementPath">The element path in the syntax the document was read from (<c>/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount</c>), or null.</param>
public sealed record FindingLocation(string Term, string Path, string? ElementPath = null)
{
    /// <summary>The path, with the element path after it when known.</summary>
    public override string ToString() => ElementPath is null ? Path : $"{Path} ({ElementPath})";
}
