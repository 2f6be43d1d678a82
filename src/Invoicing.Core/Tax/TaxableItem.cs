using System.Diagnostics.CodeAnalysis;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>
/// One amount to be taxed: a line amount, a document-level charge (positive) or a document-level
/// allowance (negative), with its tax treatment.
/// </summary>
/// <remarks>Immutable and thread-safe. <c>default(TaxableItem)</c> has no treatment and is rejected by calculators.</remarks>
public readonly struct TaxableItem : IEquatable<TaxableItem>
{
    /// <summary>Creates an item.</summary>
    /// <param name="treatment">How it is taxed.</param>
    /// <param name="amount">The amount, in whole minor units of the document currency; net or gross as the document prices.</param>
    /// <exception cref="ArgumentNullException"><paramref name="treatment"/> is null.</exception>
    public TaxableItem(TaxTreatment treatment, Money amount)
    {
        Treatment = Preconditions.CheckNotNull(treatment);
        Amount = amount;
    }

    /// <summary>How the item is taxed; null only for <c>default(TaxableItem)</c>.</summary>
    public TaxTreatment? Treatment { get; }

    /// <summary>The amount, net or gross as the document prices.</summary>
    public Money Amount { get; }

    /// <summary>Returns whether both items are equal.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(TaxableItem left, TaxableItem right) => left.Equals(right);

    /// <summary>Returns whether the items differ.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(TaxableItem left, TaxableItem right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> has an equal treatment and amount.</summary>
    /// <param name="other">The item to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(TaxableItem other) => Equals(Treatment, other.Treatment) && Amount == other.Amount;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is TaxableItem other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Treatment, Amount);

    /// <summary>Returns "EUR 12.30 at S 19%".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Amount} at {Treatment}";
}
