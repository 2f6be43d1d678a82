namespace Invoicing.Core.Monetary;

public readonly partial struct Money
{
    /// <summary>Adds two amounts of the same currency. Nothing is rounded.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount, in the same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ, even if an amount is zero.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator +(Money left, Money right) => left.Add(right);

    /// <summary>Subtracts an amount of the same currency. Nothing is rounded.</summary>
    /// <param name="left">The amount to subtract from.</param>
    /// <param name="right">The amount to subtract, in the same currency.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ, even if an amount is zero.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator -(Money left, Money right) => left.Subtract(right);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The amount with the opposite sign, in the same currency.</returns>
    public static Money operator -(Money value) => value.Negate();

    /// <summary>Returns the amount unchanged (unary plus).</summary>
    /// <param name="value">The amount.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static Money operator +(Money value) => value.Plus();

    /// <summary>Multiplies an amount by a factor (a quantity, a rate). The product is not rounded.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The factor.</param>
    /// <returns>The exact product, in the same currency.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator *(Money left, decimal right) => left.Multiply(right);

    /// <summary>Multiplies an amount by a factor (a quantity, a rate). The product is not rounded.</summary>
    /// <param name="left">The factor.</param>
    /// <param name="right">The amount.</param>
    /// <returns>The exact product, in the same currency.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="decimal"/>.</exception>
    public static Money operator *(decimal left, Money right) => right.Multiply(left);

    /// <summary>Divides an amount by a divisor. The quotient is not rounded (it keeps up to 28 significant digits).</summary>
    /// <param name="left">The amount.</param>
    /// <param name="right">The divisor.</param>
    /// <returns>The quotient, in the same currency.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="right"/> is zero.</exception>
    /// <exception cref="OverflowException">The quotient is outside the range of <see cref="decimal"/>.</exception>
    /// <seealso cref="Split(int)"/>
    public static Money operator /(Money left, decimal right) => left.Divide(right);

    /// <summary>Adds an amount of the same currency (the named twin of <c>+</c>).</summary>
    /// <param name="other">The amount to add, in the same currency.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ, even if an amount is zero.</exception>
    /// <exception cref="OverflowException">The sum is outside the range of <see cref="decimal"/>.</exception>
    public Money Add(Money other)
    {
        RequireSameCurrency(other);
        return new Money(_amount + other._amount, _currency);
    }

    /// <summary>Subtracts an amount of the same currency (the named twin of <c>-</c>).</summary>
    /// <param name="other">The amount to subtract, in the same currency.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ, even if an amount is zero.</exception>
    /// <exception cref="OverflowException">The difference is outside the range of <see cref="decimal"/>.</exception>
    public Money Subtract(Money other)
    {
        RequireSameCurrency(other);
        return new Money(_amount - other._amount, _currency);
    }

    /// <summary>Returns the amount with the opposite sign (the named twin of unary <c>-</c>).</summary>
    /// <returns>The negated amount.</returns>
    public Money Negate() => new(-_amount, _currency);

    /// <summary>Returns the amount unchanged (the named twin of unary <c>+</c>).</summary>
    /// <returns>This value.</returns>
    public Money Plus() => this;

    /// <summary>Multiplies by a factor (the named twin of <c>*</c>). The product is not rounded.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The exact product.</returns>
    /// <exception cref="OverflowException">The product is outside the range of <see cref="decimal"/>.</exception>
    public Money Multiply(decimal factor) => new(_amount * factor, _currency);

    /// <summary>Divides by a divisor (the named twin of <c>/</c>). The quotient is not rounded.</summary>
    /// <param name="divisor">The divisor.</param>
    /// <returns>The quotient.</returns>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    /// <exception cref="OverflowException">The quotient is outside the range of <see cref="decimal"/>.</exception>
    public Money Divide(decimal divisor) => new(_amount / divisor, _currency);

    /// <summary>Returns the absolute amount.</summary>
    /// <returns>The amount without its sign.</returns>
    public Money Abs() => new(Math.Abs(_amount), _currency);

    /// <summary>Rounds to the currency's minor units, half away from zero (<see cref="MoneyRounding.HalfUp"/>).</summary>
    /// <returns>The rounded amount (2.345 EUR → 2.35 EUR, 0.5 JPY → 1 JPY).</returns>
    /// <exception cref="InvalidOperationException">The currency has no minor unit in ISO 4217 (XAU, XDR, XXX...).</exception>
    public Money Round()
        => new(decimal.Round(_amount, MoneyRounding.RequireMinorUnits(_currency), MidpointRounding.AwayFromZero), _currency);

    /// <summary>Rounds to the currency's minor units with the given mode.</summary>
    /// <param name="mode">The midpoint (or directed) rounding mode.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not a defined <see cref="MidpointRounding"/>.</exception>
    /// <exception cref="InvalidOperationException">The currency has no minor unit in ISO 4217 (XAU, XDR, XXX...).</exception>
    public Money Round(MidpointRounding mode) => Round(MoneyRounding.ToMinorUnits(mode));

    /// <summary>Rounds by a rule: to minor units or to a cash increment (CHF 0.05, SEK 1).</summary>
    /// <param name="rounding">The rule.</param>
    /// <returns>The rounded amount.</returns>
    /// <exception cref="InvalidOperationException">The rule rounds to minor units and the currency has none in ISO 4217.</exception>
    /// <exception cref="OverflowException">The amount divided by the increment is outside the range of <see cref="decimal"/>.</exception>
    public Money Round(MoneyRounding rounding) => new(rounding.Apply(_amount, _currency), _currency);
}
