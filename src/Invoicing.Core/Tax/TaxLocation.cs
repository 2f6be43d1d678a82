using Invoicing.Core.Parties;

namespace Invoicing.Core.Tax;

/// <summary>
/// Where a party is, or where a supply takes place, as far as tax rules need it: the country, and
/// for countries whose taxes differ inside them the region (a US state, a Canadian province, an
/// Indian state or union territory), county, city, special district and post code.
/// </summary>
/// <remarks>
/// Immutable and thread-safe; <c>with</c> updates are validated. Texts are trimmed; the region is
/// the ISO 3166-2 subdivision code without the country prefix ("CA" for California, "ON" for
/// Ontario, "KA" for Karnataka), upper case. Rate tables match county, city and district
/// case-insensitively. A region belongs to its country: <c>with { Country = ... }</c> keeps the
/// region as it was, so set both together.
/// </remarks>
public sealed record TaxLocation
{
    private readonly CountryCode _country;
    private readonly string? _region;
    private readonly string? _county;
    private readonly string? _city;
    private readonly string? _district;
    private readonly string? _postCode;

    /// <summary>Creates a location in a country.</summary>
    /// <param name="country">The country; not <c>default</c>.</param>
    /// <param name="region">The ISO 3166-2 subdivision code, with or without the country prefix ("US-CA" or "CA"), or null.</param>
    /// <exception cref="ArgumentException"><paramref name="country"/> is <c>default</c>, or <paramref name="region"/> is not a subdivision code (1 to 3 letters or digits) or carries another country's prefix.</exception>
    public TaxLocation(CountryCode country, string? region = null)
    {
        Country = country;
        Region = region;
    }

    /// <summary>The country.</summary>
    /// <exception cref="ArgumentException">Set to <c>default</c>.</exception>
    public CountryCode Country
    {
        get => _country;
        init => _country = value.Equals(default(CountryCode)) ? throw new ArgumentException("A tax location needs a country.", nameof(Country)) : value;
    }

    /// <summary>The ISO 3166-2 subdivision code without the country prefix ("CA", "ON", "KA"), or null.</summary>
    /// <exception cref="ArgumentException">Set to something that is not a subdivision code of <see cref="Country"/>.</exception>
    public string? Region
    {
        get => _region;
        init => _region = NormalizeRegion(value, _country, out var problem) ?? (problem is null ? null : throw new ArgumentException(problem, nameof(Region)));
    }

    /// <summary>The county (or parish, borough), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? County { get => _county; init => _county = TextField.Optional(value, nameof(County), 100); }

    /// <summary>The city, or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? City { get => _city; init => _city = TextField.Optional(value, nameof(City), 100); }

    /// <summary>A special tax district (transit, stadium, tourism), or null.</summary>
    /// <exception cref="ArgumentException">Longer than 100 characters.</exception>
    public string? District { get => _district; init => _district = TextField.Optional(value, nameof(District), 100); }

    /// <summary>The post code, or null.</summary>
    /// <exception cref="ArgumentException">Longer than 20 characters.</exception>
    public string? PostCode { get => _postCode; init => _postCode = TextField.Optional(value, nameof(PostCode), 20); }

    /// <summary>The location of a postal address: country, region from its subdivision (BT-39/BT-54), city and post code.</summary>
    /// <param name="address">The address.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentException">The address's subdivision is not a subdivision code of its country.</exception>
    public static TaxLocation Of(PostalAddress address)
    {
        Preconditions.CheckNotNull(address);
        return new TaxLocation(address.Country, address.CountrySubdivision) { City = address.City, PostCode = address.PostCode };
    }

    /// <summary>Returns "US-CA, Los Angeles County, Los Angeles" or "DE".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = Region is null ? Country.ToString() : $"{Country}-{Region}";
        foreach (var part in new[] { County, City, District, PostCode })
        {
            if (part is not null)
            {
                text += ", " + part;
            }
        }

        return text;
    }

    private static string? NormalizeRegion(string? value, CountryCode country, out string? problem)
    {
        problem = null;
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
        if (text is null)
        {
            return null;
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            if (!country.Equals(default(CountryCode)) && !string.Equals(text[..dash], country.ToString(), StringComparison.Ordinal))
            {
                problem = $"Region '{value}' belongs to another country than {country}.";
                return null;
            }

            text = text[(dash + 1)..];
        }

        if (text.Length is >= 1 and <= 3 && text.All(char.IsAsciiLetterOrDigit))
        {
            return text;
        }

        problem = $"Region '{value}' is not an ISO 3166-2 subdivision code (1 to 3 letters or digits after the country).";
        return null;
    }
}
