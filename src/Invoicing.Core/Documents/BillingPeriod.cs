using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>A period an invoice or a line is for (BG-14, BG-26): a start and an end date, both included.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record BillingPeriod
{
    /// <summary>Creates a period.</summary>
    /// <param name="start">The first day (BT-73, BT-134).</param>
    /// <param name="end">The last day (BT-74, BT-135); not before <paramref name="start"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    public BillingPeriod(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            throw new ArgumentException($"A billing period cannot end ({end:uuuu-MM-dd}) before it starts ({start:uuuu-MM-dd}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    /// <summary>The first day.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day.</summary>
    public LocalDate End { get; }

    /// <summary>Returns "2026-11-01..2026-11-30".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Start:uuuu-MM-dd}..{End:uuuu-MM-dd}";
}
