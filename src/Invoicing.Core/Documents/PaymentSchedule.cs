using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>One instalment of an issued invoice: when it is due and how much.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="DueDate">The due date, already moved to a business day.</param>
/// <param name="Amount">The amount due on that date.</param>
public sealed record Instalment(LocalDate DueDate, Money Amount);

/// <summary>
/// The payment terms of an issued invoice turned into dates and amounts: its instalments (one for a
/// single payment; they always sum exactly to the amount due) and, with an early-payment discount,
/// the last day of the discount and its amount.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PaymentSchedule
{
    private const int MaxCalendarSteps = 31;

    private PaymentSchedule(IReadOnlyList<Instalment> instalments, LocalDate? discountDeadline, Money? discountAmount)
    {
        Instalments = instalments;
        DiscountDeadline = discountDeadline;
        DiscountAmount = discountAmount;
    }

    /// <summary>The instalments, in the order they fall due (instalments due the same day in the order of the terms); their amounts sum exactly to the amount due.</summary>
    public IReadOnlyList<Instalment> Instalments { get; }

    /// <summary>The due date of the whole amount (BT-9): the latest instalment date.</summary>
    public LocalDate DueDate => Instalments.Max(i => i.DueDate);

    /// <summary>The last day the early-payment discount may be taken (the issue date plus the discount days, not moved by the business calendar), or null when there is none.</summary>
    public LocalDate? DiscountDeadline { get; }

    /// <summary>The discount if paid by <see cref="DiscountDeadline"/>, or null when there is none.</summary>
    public Money? DiscountAmount { get; }

    /// <summary>
    /// The discount still offered on <paramref name="open"/> of <paramref name="amountDue"/>: all of
    /// <see cref="DiscountAmount"/> while nothing was paid or credited, else its share in proportion to what
    /// is open, rounded down; null without a discount. The one rule both the payment service and the
    /// reconciliation matcher apply.
    /// </summary>
    internal Money? DiscountShare(Money amountDue, Money open)
        => DiscountAmount is not Money discount || !discount.IsPositive
            ? null
            : open == amountDue
                ? discount
                : Money.Of(discount.Amount * open.Amount / amountDue.Amount, open.Currency).Round(MoneyRounding.ToMinorUnits(MidpointRounding.ToZero));

    /// <summary>Computes the schedule of an invoice.</summary>
    /// <param name="terms">The payment terms.</param>
    /// <param name="issueDate">The issue date (BT-2).</param>
    /// <param name="amountDue">The amount due (BT-115).</param>
    /// <param name="rounding">The rounding rule for the discount (percentage instalments are allocated exactly).</param>
    /// <param name="calendar">Moves due dates to business days, or null to keep them as computed.</param>
    /// <param name="cancellationToken">Cancels calendar lookups.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The instalments cannot cover the amount due exactly (fixed amounts too large, or not adding up without a remainder), or the calendar has no business day within 31 days of a due date.</exception>
    /// <exception cref="CurrencyMismatchException">A fixed instalment is in another currency than the amount due.</exception>
    public static async ValueTask<PaymentSchedule> ComputeAsync(PaymentTerms terms, LocalDate issueDate, Money amountDue,
        MoneyRounding rounding, IBusinessCalendar? calendar, CancellationToken cancellationToken = default)
    {
        var amounts = Plan(terms, amountDue);
        var instalments = new List<Instalment>(amounts.Length);
        if (terms.Instalments.Count == 0)
        {
            instalments.Add(new Instalment(await NextBusinessDayAsync(terms.Due.Apply(issueDate), calendar, cancellationToken).ConfigureAwait(false), amounts[0]));
        }
        else
        {
            for (var i = 0; i < amounts.Length; i++)
            {
                var due = await NextBusinessDayAsync(terms.Instalments[i].Due.Apply(issueDate), calendar, cancellationToken).ConfigureAwait(false);
                instalments.Add(new Instalment(due, amounts[i]));
            }

            // Rules of different kinds (days after issue, end of month) can fall due in another order
            // than the terms list them, depending on the issue date: the schedule reads by date.
            // The sort is stable, so instalments due on the same day keep the terms' order.
            instalments = [.. instalments.OrderBy(i => i.DueDate)];
        }

        var discount = terms.Discount;
        return new PaymentSchedule(
            instalments.AsReadOnly(),
            discount is null ? null : issueDate.PlusDays(discount.WithinDays),
            discount is null ? null : (amountDue * (discount.Percent / 100m)).Round(rounding));
    }

    /// <summary>
    /// Rebuilds a schedule exactly as it was computed at issue (for snapshots): no terms are applied
    /// again, so a stored invoice keeps its dates and amounts even if the rules change later.
    /// </summary>
    /// <param name="instalments">The instalments, at least one, all in one currency.</param>
    /// <param name="discountDeadline">The discount deadline, or null when there is no discount.</param>
    /// <param name="discountAmount">The discount amount, not negative and in the instalments' currency, or null when there is no discount.</param>
    /// <returns>The schedule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instalments"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">No instalment, mixed currencies, or a discount deadline without an amount (or the other way round).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The discount amount is negative or in another currency.</exception>
    internal static PaymentSchedule Restore(IEnumerable<Instalment> instalments, LocalDate? discountDeadline, Money? discountAmount)
    {
        var plan = Preconditions.CheckNotNull(instalments).ToArray();
        if (plan.Length == 0)
        {
            throw new ArgumentException("A payment schedule has at least one instalment.", nameof(instalments));
        }

        var currency = Preconditions.CheckNotNull(plan[0], nameof(instalments)).Amount.Currency;
        foreach (var instalment in plan)
        {
            if (Preconditions.CheckNotNull(instalment, nameof(instalments)).Amount.Currency != currency)
            {
                throw new ArgumentException(
                    $"The instalments of a payment schedule are in one currency; found {currency.Code} and {instalment.Amount.Currency.Code}.", nameof(instalments));
            }
        }

        if (discountDeadline.HasValue != discountAmount.HasValue)
        {
            throw new ArgumentException("An early-payment discount has both a deadline and an amount, or neither.", nameof(discountAmount));
        }

        if (discountAmount is Money discount && (discount.IsNegative || discount.Currency != currency))
        {
            throw new ArgumentOutOfRangeException(nameof(discountAmount), discount,
                $"A discount amount is not negative and in the instalments' currency ({currency.Code}); got {discount}.");
        }

        return new PaymentSchedule(Array.AsReadOnly(plan), discountDeadline, discountAmount);
    }

    /// <summary>
    /// The instalment amounts in the order of the terms, after checking that they fit the amount due;
    /// needs no calendar, so its failures are about the terms alone.
    /// </summary>
    /// <exception cref="InvalidOperationException">The instalments cannot cover the amount due exactly.</exception>
    /// <exception cref="CurrencyMismatchException">A fixed instalment is in another currency.</exception>
    internal static Money[] Plan(PaymentTerms terms, Money amountDue)
    {
        Preconditions.CheckNotNull(terms);
        return InstalmentAmounts(terms, amountDue);
    }

    private static Money[] InstalmentAmounts(PaymentTerms terms, Money amountDue)
    {
        var plan = terms.Instalments;
        if (plan.Count == 0)
        {
            return [amountDue];
        }

        if (plan.All(i => i.Percent is not null))
        {
            // Percentages adding up to 100: split exactly, no cent lost or invented.
            return amountDue.Allocate([.. plan.Select(i => i.Percent!.Value)]);
        }

        // Percentage shares come from one exact allocation of the amount due (the unassigned percent
        // takes the last slot), so they never add up to more than their percentages allow.
        var percents = plan.Select(i => i.Percent ?? 0m).ToArray();
        var unassigned = 100m - percents.Sum();
        var percentShares = amountDue.Allocate([.. percents, unassigned]);
        var amounts = new Money[plan.Count];
        var assigned = Money.Zero(amountDue.Currency);
        for (var i = 0; i < plan.Count; i++)
        {
            var term = plan[i];
            if (term.IsRemainder)
            {
                continue;
            }

            if (term.Amount is Money fixedAmount && fixedAmount.Currency != amountDue.Currency)
            {
                throw new CurrencyMismatchException(amountDue.Currency, fixedAmount.Currency, $"instalment #{i}");
            }

            amounts[i] = term.Amount ?? percentShares[i];
            assigned += amounts[i];
        }

        var rest = amountDue - assigned;
        if (plan[^1].IsRemainder)
        {
            amounts[^1] = rest.IsNegative
                ? throw new InvalidOperationException($"The instalments before the last one add up to {assigned}, more than the amount due of {amountDue}.")
                : rest;
        }
        else if (!rest.IsZero)
        {
            throw new InvalidOperationException($"The instalments add up to {assigned}, but the amount due is {amountDue}; add a remainder instalment or change the amounts.");
        }

        return amounts;
    }

    private static async ValueTask<LocalDate> NextBusinessDayAsync(LocalDate date, IBusinessCalendar? calendar, CancellationToken cancellationToken)
    {
        if (calendar is null)
        {
            return date;
        }

        for (var step = 0; step <= MaxCalendarSteps; step++)
        {
            var candidate = date.PlusDays(step);
            if (await calendar.IsBusinessDayAsync(candidate, cancellationToken).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"The business calendar has no business day within {MaxCalendarSteps} days after {date:uuuu-MM-dd}.");
    }
}
