namespace Invoicing.Core.Monetary;

/// <summary>Options for parsing money from text.</summary>
[Flags]
public enum MoneyStyles
{
    /// <summary>
    /// The amount must be a whole number of the currency's minor units: "12.34 EUR" parses,
    /// "12.345 EUR" and "0.5 JPY" do not. The right choice for amounts people type or pay.
    /// </summary>
    None = 0,

    /// <summary>
    /// Accept more decimals than the currency's minor units, as unit prices need ("EUR 0.0125").
    /// <see cref="Money.ToString()"/> of any value parses back with this style (and, for a custom
    /// currency, a <see cref="CurrencyCatalog"/> that holds it).
    /// </summary>
    AllowSubMinorUnits = 1,
}
