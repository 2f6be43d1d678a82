using System.Diagnostics.CodeAnalysis;
using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>The net amount and the share of tax of one taxable item.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly struct ItemTax : IEquatable<ItemTax>
{
    /// <summary>Creates the result for one item.</summary>
    /// <param name="net">The net amount of the item.</param>
    /// <param name="tax">The item's share of tax: exactly its own rounded tax when tax is rounded per line; its share of the category's tax otherwise.</param>
    /// <exception cref="CurrencyMismatchException">The amounts have different currencies.</exception>
    public ItemTax(Money net, Money tax)
    {
        if (net.Currency != tax.Currency)
        {
            throw new CurrencyMismatchException(net.Currency, tax.Currency);
        }

        Net = net;
        Tax = tax;
    }

    /// <summary>The net amount.</summary>
    public Money Net { get; }

    /// <summary>The share of tax.</summary>
    public Money Tax { get; }

    /// <summary>Returns whether both are equal.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(ItemTax left, ItemTax right) => left.Equals(right);

    /// <summary>Returns whether they differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(ItemTax left, ItemTax right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> has equal net and tax.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(ItemTax other) => Net == other.Net && Tax == other.Tax;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ItemTax other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Net, Tax);

    /// <summary>Returns "EUR 10.00 net, EUR 1.90 tax".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Net} net, {Tax} tax";
}
