using NodaTime;

namespace Invoicing.Core.EInvoicing;

/// <summary>A period (BG-14 invoicing period, BG-26 invoice line period).</summary>
public sealed record InvoicingPeriod
{
    /// <summary>BT-73: Start date (BT-73, BT-134).</summary>
    public LocalDate? StartDate { get; init; }

    /// <summary>BT-74: End date (BT-74, BT-135).</summary>
    public LocalDate? EndDate { get; init; }
}
