using NodaTime;

namespace Invoicing.Core.EInvoicing;

/// <summary>A preceding invoice reference (BG-3), as a credit note carries for the invoice it corrects.</summary>
public sealed record PrecedingInvoiceReference
{
    /// <summary>BT-25: Preceding invoice reference: the number of the earlier invoice.</summary>
    public string? Reference { get; init; }

    /// <summary>BT-26: Preceding invoice issue date.</summary>
    public LocalDate? IssueDate { get; init; }
}
