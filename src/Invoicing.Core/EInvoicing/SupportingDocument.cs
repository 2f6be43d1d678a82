namespace Invoicing.Core.EInvoicing;

/// <summary>An additional supporting document (BG-24).</summary>
public sealed record SupportingDocument
{
    /// <summary>BT-122: Supporting document reference.</summary>
    public string? Reference { get; init; }

    /// <summary>BT-123: Supporting document description.</summary>
    public string? Description { get; init; }

    /// <summary>BT-124: External document location (a URL).</summary>
    public string? ExternalLocation { get; init; }

    /// <summary>BT-125: Attached document, with its MIME code (BT-125-1) and file name (BT-125-2).</summary>
    public AttachedDocument? Attachment { get; init; }
}
