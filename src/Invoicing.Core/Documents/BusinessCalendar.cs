using System.Collections.Frozen;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>An in-memory <see cref="IBusinessCalendar"/>: fixed weekend days and a list of holidays.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class BusinessCalendar : IBusinessCalendar
{
    private readonly FrozenSet<IsoDayOfWeek> _weekend;
    private readonly FrozenSet<LocalDate> _holidays;

    /// <summary>Creates a calendar.</summary>
    /// <param name="weekend">The days of the week that are never business days.</param>
    /// <param name="holidays">Further days that are not business days.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Every day of the week is a weekend day, or a weekend day is undefined.</exception>
    public BusinessCalendar(IEnumerable<IsoDayOfWeek> weekend, IEnumerable<LocalDate> holidays)
    {
        _weekend = Preconditions.CheckNotNull(weekend).ToFrozenSet();
        if (_weekend.Count >= 7 || _weekend.Any(d => d is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday))
        {
            throw new ArgumentException("A weekend has at most six defined days of the week.", nameof(weekend));
        }

        _holidays = Preconditions.CheckNotNull(holidays).ToFrozenSet();
    }

    /// <summary>Monday to Friday, no holidays.</summary>
    public static BusinessCalendar MondayToFriday { get; } = new([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], []);

    /// <summary>Returns a calendar with the same weekend and these holidays added.</summary>
    /// <param name="holidays">The extra holidays.</param>
    /// <returns>The new calendar; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    public BusinessCalendar WithHolidays(params IEnumerable<LocalDate> holidays)
        => new(_weekend, _holidays.Concat(Preconditions.CheckNotNull(holidays)));

    /// <summary>Returns whether <paramref name="day"/> is neither a weekend day nor a holiday.</summary>
    /// <param name="day">The date.</param>
    /// <param name="cancellationToken">Checked once.</param>
    /// <returns>True for a business day.</returns>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    public ValueTask<bool> IsBusinessDayAsync(LocalDate day, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(!_weekend.Contains(day.DayOfWeek) && !_holidays.Contains(day));
    }
}
