namespace Invoicing.Core.EInvoicing;

/// <summary>An invoice note (BG-1).</summary>
public sealed record InvoiceNote
{
    /// <summary>BT-21: Invoice note subject code (UNCL 4451).</summary>
    public string? SubjectCode { get; init; }

    /// <summary>BT-22: Invoice note.</summary>
    public string? Text { get; init; }
}
