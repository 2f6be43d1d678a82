using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Invoicing.Core.Documents;

/// <summary>An invoiced quantity with its unit of measure (BT-129 and BT-130), such as 3 C62 or 2.5 HUR.</summary>
/// <remarks>
/// Immutable and thread-safe. Negative quantities mean returns; whether an invoice accepts them is
/// decided by the invoice (see <see cref="InvoicingPolicy"/>). <c>default</c> is zero without a unit.
/// </remarks>
public readonly struct Quantity : IEquatable<Quantity>
{
    /// <summary>Creates a quantity.</summary>
    /// <param name="value">The amount of units; at most 15 decimals.</param>
    /// <param name="unit">The unit of measure (UN/ECE Rec 20/21); not <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="unit"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> has more than 15 decimals.</exception>
    public Quantity(decimal value, UnitCode unit)
    {
        if (unit == default)
        {
            throw new ArgumentException("A quantity needs a unit of measure (BT-130).", nameof(unit));
        }

        if (value.Scale > 15 && decimal.Round(value, 15) != value)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A quantity has at most 15 decimals.");
        }

        Value = value;
        Unit = unit;
    }

    /// <summary>The amount of units (BT-129).</summary>
    public decimal Value { get; }

    /// <summary>The unit of measure (BT-130).</summary>
    public UnitCode Unit { get; }

    /// <summary>Creates a quantity of pieces, unit C62 ("one").</summary>
    /// <param name="value">The number of pieces.</param>
    /// <returns>The quantity.</returns>
    public static Quantity Of(decimal value) => new(value, UnitCode.One);

    /// <summary>Returns whether both are equal in value and unit.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Quantity left, Quantity right) => left.Equals(right);

    /// <summary>Returns whether they differ.</summary>
    /// <param name="left">The first quantity.</param>
    /// <param name="right">The second quantity.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Quantity left, Quantity right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="other"/> has an equal value and the same unit.</summary>
    /// <param name="other">The quantity to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Quantity other) => Value == other.Value && Unit == other.Unit;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Quantity other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Value, Unit);

    /// <summary>Returns "2.5 HUR".</summary>
    /// <returns>The invariant text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value} {Unit.Code}");
}
