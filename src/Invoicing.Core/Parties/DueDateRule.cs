using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Invoicing.Core.Parties;

/// <summary>
/// How a due date follows from the issue date: a number of days after it ("net 30"), the end of its
/// month plus days ("end of month + 15"), or a day of the following month ("on the 10th of next month").
/// </summary>
/// <remarks>Immutable and thread-safe. Dates are NodaTime <see cref="LocalDate"/>s in the ISO calendar.</remarks>
public sealed class DueDateRule : IEquatable<DueDateRule>
{
    private const int MaxDays = 3660;

    private DueDateRule(RuleKind kind, int value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>The kinds of rule; internal so that snapshots can record a rule and rebuild it through the public factories.</summary>
    internal enum RuleKind
    {
        DaysAfterIssue,
        EndOfMonthPlus,
        DayOfNextMonth,
    }

    /// <summary>The kind of rule (read by snapshots).</summary>
    internal RuleKind Kind { get; }

    /// <summary>The days (after issue, after the end of the month) or the day of the month, depending on <see cref="Kind"/> (read by snapshots).</summary>
    internal int Value { get; }

    /// <summary>Due <paramref name="days"/> days after the issue date (0: due on issue).</summary>
    /// <param name="days">0 to 3660.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0 to 3660.</exception>
    public static DueDateRule DaysAfterIssue(int days) => new(RuleKind.DaysAfterIssue, CheckDays(days));

    /// <summary>Due <paramref name="days"/> days after the last day of the issue month (0: on the last day of the month).</summary>
    /// <param name="days">0 to 3660.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 0 to 3660.</exception>
    public static DueDateRule EndOfMonthPlus(int days) => new(RuleKind.EndOfMonthPlus, CheckDays(days));

    /// <summary>Due on a day of the month after the issue month; a day beyond that month's length means its last day.</summary>
    /// <param name="day">1 to 31.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is outside 1 to 31.</exception>
    public static DueDateRule DayOfNextMonth(int day)
        => day is >= 1 and <= 31
            ? new(RuleKind.DayOfNextMonth, day)
            : throw new ArgumentOutOfRangeException(nameof(day), day, "The day of the month must be 1 to 31.");

    /// <summary>The due date for an invoice issued on <paramref name="issueDate"/>, before any business-day adjustment.</summary>
    /// <param name="issueDate">The issue date (BT-2).</param>
    /// <returns>The due date.</returns>
    public LocalDate Apply(LocalDate issueDate) => Kind switch
    {
        RuleKind.DaysAfterIssue => issueDate.PlusDays(Value),
        RuleKind.EndOfMonthPlus => issueDate.With(DateAdjusters.EndOfMonth).PlusDays(Value),
        _ => NextMonthDay(issueDate, Value),
    };

    /// <summary>Returns whether <paramref name="other"/> is the same rule.</summary>
    /// <param name="other">The rule to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] DueDateRule? other) => other is not null && Kind == other.Kind && Value == other.Value;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as DueDateRule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Value);

    /// <summary>Describes the rule in English: "net 30 days", "due on issue", "end of month + 15 days", "on day 10 of the following month".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        RuleKind.DaysAfterIssue when Value == 0 => "due on issue",
        RuleKind.DaysAfterIssue => $"net {Value} days",
        RuleKind.EndOfMonthPlus when Value == 0 => "end of month",
        RuleKind.EndOfMonthPlus => $"end of month + {Value} days",
        _ => $"on day {Value} of the following month",
    };

    private static int CheckDays(int days)
        => days is >= 0 and <= MaxDays
            ? days
            : throw new ArgumentOutOfRangeException(nameof(days), days, $"Payment days must be 0 to {MaxDays}.");

    private static LocalDate NextMonthDay(LocalDate issueDate, int day)
    {
        var next = issueDate.PlusMonths(1);
        var length = next.Calendar.GetDaysInMonth(next.Year, next.Month);
        return new LocalDate(next.Year, next.Month, Math.Min(day, length), next.Calendar);
    }
}
