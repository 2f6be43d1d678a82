using Invoicing.Core.Monetary;

namespace Invoicing.Core.Tax;

/// <summary>
/// One group of the tax breakdown (BG-23): the taxable amount (BT-116) and tax amount (BT-117) of
/// one category (BT-118) and rate (BT-119), with its exemption reason (BT-120, BT-121) where the
/// category has one.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class TaxSubtotal
{
    /// <summary>Creates a subtotal.</summary>
    /// <param name="treatment">The category, rate and exemption reason of the group.</param>
    /// <param name="taxableAmount">The taxable amount (BT-116).</param>
    /// <param name="taxAmount">The tax amount (BT-117).</param>
    /// <exception cref="ArgumentNullException"><paramref name="treatment"/> is null.</exception>
    /// <exception cref="CurrencyMismatchException">The amounts have different currencies.</exception>
    public TaxSubtotal(TaxTreatment treatment, Money taxableAmount, Money taxAmount)
    {
        Treatment = Preconditions.CheckNotNull(treatment);
        if (taxableAmount.Currency != taxAmount.Currency)
        {
            throw new CurrencyMismatchException(taxableAmount.Currency, taxAmount.Currency);
        }

        TaxableAmount = taxableAmount;
        TaxAmount = taxAmount;
    }

    /// <summary>The category, rate and exemption reason (BT-118 to BT-121).</summary>
    public TaxTreatment Treatment { get; }

    /// <summary>The taxable amount of the group (BT-116).</summary>
    public Money TaxableAmount { get; }

    /// <summary>The tax of the group (BT-117).</summary>
    public Money TaxAmount { get; }

    /// <summary>Returns "S 19%: EUR 100.00 taxable, EUR 19.00 tax".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Treatment}: {TaxableAmount} taxable, {TaxAmount} tax";
}
