namespace Invoicing.Core.EInvoicing;

/// <summary>
/// An identifier with the scheme it is drawn from, as EN 16931 carries many of them: a seller
/// identifier with its ISO 6523 ICD (BT-29, BT-29-1), an electronic address with its EAS code
/// (BT-34, BT-34-1), an item classification with its list and list version (BT-158, BT-158-1,
/// BT-158-2). Every part is optional, so that a wrong document can still be read and judged.
/// </summary>
/// <param name="Value">The identifier itself.</param>
/// <param name="SchemeId">The scheme identifier (the "-1" term), or null.</param>
/// <param name="SchemeVersion">The scheme version (BT-158-2 only), or null.</param>
public sealed record SchemeIdentifier(string? Value, string? SchemeId = null, string? SchemeVersion = null);
