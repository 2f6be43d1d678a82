using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// The host's calendar of business days, used to move a due date that falls on a weekend or a
/// holiday to the next business day. The library ships <see cref="BusinessCalendar"/>, a fixed
/// weekend plus a list of holidays.
/// </summary>
/// <remarks>
/// Implementer contract: be thread-safe and answer for any date; at least one day in any 31 days
/// must be a business day. Throw only for failures of the calendar's source; honour the cancellation token.
/// </remarks>
public interface IBusinessCalendar
{
    /// <summary>Returns whether payments are due on <paramref name="day"/>.</summary>
    /// <param name="day">The date.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>True for a business day.</returns>
    ValueTask<bool> IsBusinessDayAsync(LocalDate day, CancellationToken cancellationToken = default);
}
