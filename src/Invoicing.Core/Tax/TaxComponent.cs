using System.Globalization;

namespace Invoicing.Core.Tax;

/// <summary>
/// One tax that applies to a supply: EU VAT is one component; US sales tax has a state, county,
/// city and district component; Canada's GST plus a provincial PST, India's CGST plus SGST.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record TaxComponent
{
    /// <summary>Creates a component.</summary>
    /// <param name="name">The tax's name ("VAT", "GST", "PST", "CGST", "State sales tax").</param>
    /// <param name="jurisdiction">The jurisdiction that levies it ("DE", "US-CA", "US-CA/Los Angeles County", "CA-BC").</param>
    /// <param name="rate">The rate in percent, 0 to 100.</param>
    /// <param name="isCompound">True when the rate applies to the base plus the components before it (a tax on tax), false when it applies to the base alone.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="jurisdiction"/> is blank or too long (100 characters).</exception>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="jurisdiction"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rate"/> is negative or above 100.</exception>
    public TaxComponent(string name, string jurisdiction, decimal rate, bool isCompound = false)
    {
        Name = TextField.Required(name, nameof(name), 100);
        Jurisdiction = TextField.Required(jurisdiction, nameof(jurisdiction), 100);
        Rate = rate is >= 0m and <= 100m
            ? rate
            : throw new ArgumentOutOfRangeException(nameof(rate), rate, $"A tax rate is between 0 and 100 percent; got {rate.ToString(CultureInfo.InvariantCulture)} for {name} in {jurisdiction}.");
        IsCompound = isCompound;
    }

    /// <summary>The tax's name.</summary>
    public string Name { get; }

    /// <summary>The jurisdiction that levies it.</summary>
    public string Jurisdiction { get; }

    /// <summary>The rate in percent.</summary>
    public decimal Rate { get; }

    /// <summary>True when the rate applies to the base plus the components before it.</summary>
    public bool IsCompound { get; }

    /// <summary>Returns "GST 5% (CA)" or "QST 9.975% compound (CA-QC)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Name} {Rate}%{(IsCompound ? " compound" : string.Empty)} ({Jurisdiction})");
}
