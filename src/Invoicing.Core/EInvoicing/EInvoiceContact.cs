namespace Invoicing.Core.EInvoicing;

/// <summary>A contact (BG-6 seller, BG-9 buyer).</summary>
public sealed record EInvoiceContact
{
    /// <summary>BT-41: Contact point: a person or department (BT-41, BT-56).</summary>
    public string? Point { get; init; }

    /// <summary>BT-42: Contact telephone number (BT-42, BT-57).</summary>
    public string? TelephoneNumber { get; init; }

    /// <summary>BT-43: Contact email address (BT-43, BT-58).</summary>
    public string? EmailAddress { get; init; }
}
