using System.Diagnostics.CodeAnalysis;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>
/// How a document rounds: the rule for line and tax amounts, whether tax is rounded per category or
/// per line, and an optional cash rounding of the amount due (BT-114, for example to CHF 0.05).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A rounding policy is data: a document records the policy it was
/// computed with, and its credit and debit notes reuse it verbatim whatever the tenant's setting is
/// by then.
/// </remarks>
public sealed class RoundingPolicy : IEquatable<RoundingPolicy>
{
    /// <summary>Creates a policy.</summary>
    /// <param name="amounts">How line net amounts and tax amounts are rounded to the currency's minor units; must not round to an increment.</param>
    /// <param name="taxLevel">Per category (the EN 16931 default) or per line.</param>
    /// <param name="payable">How the amount due for payment (BT-115) is rounded, typically a cash increment; null leaves it unrounded (BT-114 is then zero).</param>
    /// <exception cref="ArgumentException"><paramref name="amounts"/> rounds to an increment: cash rounding belongs to <paramref name="payable"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="taxLevel"/> is not defined.</exception>
    public RoundingPolicy(MoneyRounding amounts, TaxRoundingLevel taxLevel = TaxRoundingLevel.PerCategory, MoneyRounding? payable = null)
    {
        if (amounts.Increment is not null)
        {
            throw new ArgumentException(
                $"Line and tax amounts round to the currency's minor units; {amounts} rounds to an increment. Put cash rounding in 'payable'.",
                nameof(amounts));
        }

        if (!Enum.IsDefined(taxLevel))
        {
            throw new ArgumentOutOfRangeException(nameof(taxLevel), taxLevel, "Undefined tax rounding level.");
        }

        Amounts = amounts;
        TaxLevel = taxLevel;
        Payable = payable;
    }

    /// <summary>Half away from zero, tax rounded per category, no cash rounding: the EN 16931 and EU default.</summary>
    public static RoundingPolicy Default { get; } = new(MoneyRounding.HalfUp);

    /// <summary>How line net amounts and tax amounts are rounded to minor units.</summary>
    public MoneyRounding Amounts { get; }

    /// <summary>Whether tax is rounded per category of the document or per line.</summary>
    public TaxRoundingLevel TaxLevel { get; }

    /// <summary>How the amount due (BT-115) is rounded, or null when it is not (then BT-114 is zero).</summary>
    public MoneyRounding? Payable { get; }

    /// <summary>Returns whether both policies are equal.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(RoundingPolicy? left, RoundingPolicy? right) => Equals(left, right);

    /// <summary>Returns whether the policies differ.</summary>
    /// <param name="left">The first policy.</param>
    /// <param name="right">The second policy.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(RoundingPolicy? left, RoundingPolicy? right) => !Equals(left, right);

    /// <summary>Returns whether <paramref name="other"/> rounds the same way.</summary>
    /// <param name="other">The policy to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals([NotNullWhen(true)] RoundingPolicy? other)
        => other is not null && Amounts == other.Amounts && TaxLevel == other.TaxLevel && Payable == other.Payable;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as RoundingPolicy);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amounts, TaxLevel, Payable);

    /// <summary>Returns a description such as "AwayFromZero, tax PerCategory, payable AwayFromZero/0.05".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => $"{Amounts}, tax {TaxLevel}" + (Payable is MoneyRounding p ? $", payable {p}" : string.Empty);
}
