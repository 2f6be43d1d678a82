using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// A tenant's invoicing settings that the <see cref="InvoiceService"/> applies: the number series,
/// the time zone that decides what "today" is, the tenant's rounding rule, and whether retail
/// invoices may carry returns.
/// </summary>
/// <remarks>Immutable and thread-safe; update with <c>with</c>. A BPO vendor keeps one policy per client tenant.</remarks>
public sealed record InvoicingPolicy
{
    private readonly NumberSeries _series = NumberSeries.Default;
    private readonly NumberSeries _creditNoteSeries = new("CN", "CN-{yyyy}-{n:6}", restartsEveryYear: true);
    private readonly NumberSeries _debitNoteSeries = new("DN", "DN-{yyyy}-{n:6}", restartsEveryYear: true);
    private readonly DateTimeZone _timeZone = DateTimeZone.Utc;
    private readonly Tax.RoundingPolicy _rounding = Tax.RoundingPolicy.Default;

    /// <summary>The default policy: series INV-{yyyy}-{n:6}, UTC, half-up rounding per tax category, no return lines.</summary>
    public static InvoicingPolicy Default { get; } = new();

    /// <summary>The series issued invoices are numbered from.</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public NumberSeries Series { get => _series; init => _series = Preconditions.CheckNotNull(value, nameof(Series)); }

    /// <summary>The series credit notes are numbered from, gapless and apart from the invoices' (CN-{yyyy}-{n:6} by default).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public NumberSeries CreditNoteSeries { get => _creditNoteSeries; init => _creditNoteSeries = Preconditions.CheckNotNull(value, nameof(CreditNoteSeries)); }

    /// <summary>The series debit notes are numbered from, gapless and apart from the invoices' (DN-{yyyy}-{n:6} by default).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public NumberSeries DebitNoteSeries { get => _debitNoteSeries; init => _debitNoteSeries = Preconditions.CheckNotNull(value, nameof(DebitNoteSeries)); }

    /// <summary>The tenant's time zone: it turns the clock's instant into today's date (issue dates, overdue).</summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public DateTimeZone TimeZone { get => _timeZone; init => _timeZone = Preconditions.CheckNotNull(value, nameof(TimeZone)); }

    /// <summary>
    /// The tenant's rounding rule (mode, per line or per category, cash rounding of the amount due),
    /// which <see cref="InvoiceService.NewHeader"/> and <see cref="InvoiceService.HeaderFor"/> put on
    /// new invoices. Each invoice records the rule it was computed with, so changing the policy never
    /// changes an existing invoice (nor the credit notes that follow it).
    /// </summary>
    /// <exception cref="ArgumentNullException">Set to null.</exception>
    public Tax.RoundingPolicy Rounding { get => _rounding; init => _rounding = Preconditions.CheckNotNull(value, nameof(Rounding)); }

    /// <summary>
    /// Whether a consumer (retail) invoice may have lines with negative quantities, meaning goods
    /// returned against the same receipt. Business invoices never may: corrections there are credit notes.
    /// </summary>
    public bool AllowRetailReturns { get; init; }
}
