using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Invoicing.Core.Parties;

/// <summary>
/// The payment terms agreed with a customer (EN 16931 BT-20 describes them as text): when the amount
/// due falls due, an optional early-payment discount, and an optional instalment plan.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. A customer account holds its default terms; an invoice takes a
/// copy, and issuing it turns the terms into a payment schedule with dates and amounts.</para>
/// <para>Instalment plans: either every instalment is a percentage and they add up to 100, or the
/// last instalment is the remainder and the others (percentages and fixed amounts) leave a
/// non-negative rest; a plan of fixed amounts without a remainder must add up to the amount due
/// when the invoice is issued.</para>
/// </remarks>
public sealed class PaymentTerms : IEquatable<PaymentTerms>
{
    private readonly InstalmentTerm[] _instalments;

    private PaymentTerms(DueDateRule due, EarlyPaymentDiscount? discount, InstalmentTerm[] instalments)
    {
        Due = due;
        Discount = discount;
        _instalments = instalments;
        Instalments = Array.AsReadOnly(instalments);
    }

    /// <summary>Due on the issue date.</summary>
    public static PaymentTerms DueOnIssue { get; } = Net(0);

    /// <summary>When the amount due falls due; with instalments, the rule of the last one, which must fall due last.</summary>
    public DueDateRule Due { get; }

    /// <summary>The early-payment discount, or null.</summary>
    public EarlyPaymentDiscount? Discount { get; }

    /// <summary>The instalment plan; empty when the amount is due in one payment.</summary>
    public IReadOnlyList<InstalmentTerm> Instalments { get; }

    /// <summary>The terms as text for the invoice (BT-20), for example "2% discount if paid within 10 days; net 30 days".</summary>
    public string Description
    {
        get
        {
            var due = _instalments.Length == 0
                ? Capitalize(Due.ToString())
                : string.Create(CultureInfo.InvariantCulture, $"{_instalments.Length} instalments: {string.Join("; ", _instalments.Select(i => i.ToString()))}");
            return Discount is null ? due : $"{Discount}; {due}";
        }
    }

    /// <summary>Due <paramref name="days"/> days after the issue date ("net 30").</summary>
    /// <param name="days">0 to 3660.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is out of range.</exception>
    public static PaymentTerms Net(int days) => new(DueDateRule.DaysAfterIssue(days), null, []);

    /// <summary>Due <paramref name="days"/> days after the end of the issue month ("end of month + 15").</summary>
    /// <param name="days">0 to 3660.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is out of range.</exception>
    public static PaymentTerms EndOfMonth(int days = 0) => new(DueDateRule.EndOfMonthPlus(days), null, []);

    /// <summary>Due by the rule given.</summary>
    /// <param name="due">The due date rule.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="due"/> is null.</exception>
    public static PaymentTerms DueBy(DueDateRule due) => new(Preconditions.CheckNotNull(due), null, []);

    /// <summary>Payable in instalments (see the type's remarks for how the shares must add up).</summary>
    /// <param name="instalments">The instalments, in the order they fall due.</param>
    /// <returns>The terms.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="instalments"/> or an element is null.</exception>
    /// <exception cref="ArgumentException">There are fewer than two instalments, a remainder that is not last, percentages above 100, only percentages that do not add up to 100, or fixed amounts in different currencies.</exception>
    public static PaymentTerms InInstalments(params IEnumerable<InstalmentTerm> instalments)
    {
        var plan = Preconditions.CheckNotNull(instalments).ToArray();
        if (plan.Length < 2)
        {
            throw new ArgumentException("An instalment plan needs at least two instalments; use single-payment terms otherwise.", nameof(instalments));
        }

        for (var i = 0; i < plan.Length; i++)
        {
            Preconditions.CheckNotNull(plan[i], nameof(instalments));
            if (plan[i].IsRemainder && i != plan.Length - 1)
            {
                throw new ArgumentException($"Only the last instalment may be the remainder; instalment #{i} is.", nameof(instalments));
            }
        }

        var percentages = plan.Sum(i => i.Percent ?? 0m);
        if (percentages > 100m)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The instalment percentages add up to {percentages}%, more than 100%."), nameof(instalments));
        }

        if (plan.All(i => i.Percent is not null) && percentages != 100m)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Instalments given only as percentages must add up to 100%; they add up to {percentages}%."), nameof(instalments));
        }

        if (plan.Where(i => i.Amount is not null).Select(i => i.Amount!.Value.Currency).Distinct().Count() > 1)
        {
            throw new ArgumentException("Fixed instalment amounts must all be in one currency.", nameof(instalments));
        }

        return new(plan[^1].Due, null, plan);
    }

    /// <summary>Returns these terms with an early-payment discount.</summary>
    /// <param name="percent">The discount in percent, above 0 and below 100.</param>
    /// <param name="withinDays">Days after the issue date during which it applies.</param>
    /// <returns>New terms; these are unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public PaymentTerms WithEarlyPaymentDiscount(decimal percent, int withinDays)
        => new(Due, new EarlyPaymentDiscount(percent, withinDays), _instalments);

    /// <summary>Returns whether <paramref name="other"/> are the same terms.</summary>
    /// <param name="other">The terms to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] PaymentTerms? other)
        => other is not null && Due.Equals(other.Due) && Equals(Discount, other.Discount) && _instalments.SequenceEqual(other._instalments);

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as PaymentTerms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Due, Discount, _instalments.Length);

    /// <summary>Returns <see cref="Description"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Description;

    private static string Capitalize(string text) => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
