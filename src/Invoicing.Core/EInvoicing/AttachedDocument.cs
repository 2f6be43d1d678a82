namespace Invoicing.Core.EInvoicing;

/// <summary>An attached document (BT-125) as carried in the invoice: base64 text, MIME code and file name.</summary>
public sealed record AttachedDocument
{
    /// <summary>BT-125: The content, base64 encoded as in the document.</summary>
    public string? ContentBase64 { get; init; }

    /// <summary>BT-125-1: Attached document MIME code.</summary>
    public string? MimeCode { get; init; }

    /// <summary>BT-125-2: Attached document file name.</summary>
    public string? FileName { get; init; }
}
