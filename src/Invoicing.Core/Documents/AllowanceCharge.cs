using System.Globalization;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Documents;

/// <summary>
/// An allowance (a reduction) or a charge (a surcharge) on a line (BG-27, BG-28) or, within a
/// <see cref="DocumentAllowanceCharge"/>, on the whole document (BG-20, BG-21): a fixed amount, or a
/// percentage of a base amount, with a reason or a reason code.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. A percentage without an explicit base applies to the line's
/// amount (quantity × price, rounded) for a line, and to the line amounts of the lines in the same tax
/// category and rate for a document (net, or gross in tax-inclusive pricing); the resulting amount is
/// rounded with the document's rounding rule.</para>
/// <para>Reason codes come from UNCL 5189 for allowances (BT-98, BT-140) and UNCL 7161 for charges
/// (BT-105, BT-145). EN 16931 asks for a reason, a reason code, or both (BR-33, BR-38, BR-42, BR-44).</para>
/// </remarks>
public sealed record AllowanceCharge
{
    private AllowanceCharge(bool isCharge, Money? amount, decimal? percent, Money? baseAmount, string? reason, string? reasonCode)
    {
        IsCharge = isCharge;
        Amount = amount;
        Percent = percent;
        BaseAmount = baseAmount;
        Reason = reason;
        ReasonCode = reasonCode;
    }

    /// <summary>True for a charge, false for an allowance.</summary>
    public bool IsCharge { get; }

    /// <summary>The fixed amount (BT-92, BT-99, BT-136, BT-141), or null when a percentage is given.</summary>
    public Money? Amount { get; }

    /// <summary>The percentage (BT-94, BT-101, BT-138, BT-143), or null for a fixed amount.</summary>
    public decimal? Percent { get; }

    /// <summary>The base the percentage applies to (BT-93, BT-100, BT-137, BT-142), or null for the default base.</summary>
    public Money? BaseAmount { get; }

    /// <summary>The reason as text, or null.</summary>
    public string? Reason { get; }

    /// <summary>The reason code (UNCL 5189 for allowances, UNCL 7161 for charges), or null.</summary>
    public string? ReasonCode { get; }

    /// <summary>An allowance of a fixed amount.</summary>
    /// <param name="amount">An amount of zero or more, in whole minor units.</param>
    /// <param name="reason">The reason, or null when a code is given.</param>
    /// <param name="reasonCode">A UNCL 5189 code, or null when a reason is given.</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or not in whole minor units.</exception>
    /// <exception cref="ArgumentException">Neither reason nor code, or an unknown code.</exception>
    public static AllowanceCharge Allowance(Money amount, string? reason, string? reasonCode = null)
        => new(false, CheckAmount(amount), null, null, TextField.Optional(reason, nameof(reason)), CheckCode(false, reason, reasonCode));

    /// <summary>An allowance of a percentage.</summary>
    /// <param name="percent">Above 0, at most 100.</param>
    /// <param name="reason">The reason, or null when a code is given.</param>
    /// <param name="reasonCode">A UNCL 5189 code, or null when a reason is given.</param>
    /// <param name="baseAmount">The base, or null for the default base (see the type's remarks).</param>
    /// <returns>The allowance.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> or <paramref name="baseAmount"/> is out of range.</exception>
    /// <exception cref="ArgumentException">Neither reason nor code, or an unknown code.</exception>
    public static AllowanceCharge AllowancePercent(decimal percent, string? reason, string? reasonCode = null, Money? baseAmount = null)
        => new(false, null, CheckPercent(percent), CheckBase(baseAmount), TextField.Optional(reason, nameof(reason)), CheckCode(false, reason, reasonCode));

    /// <summary>A charge of a fixed amount.</summary>
    /// <param name="amount">An amount of zero or more, in whole minor units.</param>
    /// <param name="reason">The reason, or null when a code is given.</param>
    /// <param name="reasonCode">A UNCL 7161 code, or null when a reason is given.</param>
    /// <returns>The charge.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative or not in whole minor units.</exception>
    /// <exception cref="ArgumentException">Neither reason nor code, or an unknown code.</exception>
    public static AllowanceCharge Charge(Money amount, string? reason, string? reasonCode = null)
        => new(true, CheckAmount(amount), null, null, TextField.Optional(reason, nameof(reason)), CheckCode(true, reason, reasonCode));

    /// <summary>A charge of a percentage.</summary>
    /// <param name="percent">Above 0, at most 100.</param>
    /// <param name="reason">The reason, or null when a code is given.</param>
    /// <param name="reasonCode">A UNCL 7161 code, or null when a reason is given.</param>
    /// <param name="baseAmount">The base, or null for the default base (see the type's remarks).</param>
    /// <returns>The charge.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> or <paramref name="baseAmount"/> is out of range.</exception>
    /// <exception cref="ArgumentException">Neither reason nor code, or an unknown code.</exception>
    public static AllowanceCharge ChargePercent(decimal percent, string? reason, string? reasonCode = null, Money? baseAmount = null)
        => new(true, null, CheckPercent(percent), CheckBase(baseAmount), TextField.Optional(reason, nameof(reason)), CheckCode(true, reason, reasonCode));

    /// <summary>The amount of this allowance or charge, positive, given the default base and the document's rounding.</summary>
    internal Money Resolve(Money defaultBase, MoneyRounding rounding)
        => Amount ?? ((BaseAmount ?? defaultBase) * (Percent!.Value / 100m)).Round(rounding);

    /// <summary>Returns "allowance EUR 5.00 (Loyalty discount)" or "charge 2% of EUR 100.00 (FC)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var what = IsCharge ? "charge" : "allowance";
        var size = Amount?.ToString()
            ?? string.Create(CultureInfo.InvariantCulture, $"{Percent}%") + (BaseAmount is Money b ? $" of {b}" : string.Empty);
        return $"{what} {size} ({Reason ?? ReasonCode})";
    }

    private static Money CheckAmount(Money amount)
        => !amount.IsNegative && amount.IsRoundedToMinorUnits
            ? amount
            : throw new ArgumentOutOfRangeException(nameof(amount), amount, $"An allowance or charge amount must not be negative and must be in whole minor units; got {amount}.");

    private static decimal CheckPercent(decimal percent)
        => percent is > 0m and <= 100m
            ? percent
            : throw new ArgumentOutOfRangeException(nameof(percent), percent,
                $"An allowance or charge percentage is above 0 and at most 100; got {percent.ToString(CultureInfo.InvariantCulture)}.");

    private static Money? CheckBase(Money? baseAmount)
        => baseAmount is Money b && !(b.IsPositive && b.IsRoundedToMinorUnits)
            ? throw new ArgumentOutOfRangeException(nameof(baseAmount), b, $"A base amount must be positive and in whole minor units; got {b}.")
            : baseAmount;

    private static string? CheckCode(bool isCharge, string? reason, string? reasonCode)
    {
        var code = TextField.Optional(reasonCode, nameof(reasonCode), 10);
        if (code is null)
        {
            return TextField.Optional(reason, nameof(reason)) is null
                ? throw new ArgumentException($"{(isCharge ? "A charge" : "An allowance")} needs a reason or a reason code (EN 16931 BR-33, BR-38, BR-42, BR-44).", nameof(reason))
                : null;
        }

        return isCharge ? ChargeReasonCode.FromCode(code).Code : AllowanceReasonCode.FromCode(code).Code;
    }
}
