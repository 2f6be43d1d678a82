namespace Invoicing.Core.Parties;

/// <summary>A postal address as EN 16931 describes it (BG-5 seller, BG-8 buyer, BG-15 deliver-to).</summary>
/// <remarks>
/// Immutable and thread-safe; update with <c>with</c> (each property validates what it is given).
/// Text fields are trimmed, blank becomes null, and each holds at most 300 characters. The country
/// (BT-40, BT-55) is required.
/// </remarks>
public sealed record PostalAddress
{
    private readonly CountryCode _country;
    private readonly string? _street;
    private readonly string? _additionalStreet;
    private readonly string? _line3;
    private readonly string? _city;
    private readonly string? _postCode;
    private readonly string? _subdivision;

    /// <summary>Creates an address in a country.</summary>
    /// <param name="country">The country (ISO 3166-1 alpha-2); not <c>default</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="country"/> is <c>default</c>.</exception>
    public PostalAddress(CountryCode country) => Country = country;

    /// <summary>The country (BT-40 seller, BT-55 buyer).</summary>
    /// <exception cref="ArgumentException">Set to <c>default</c>.</exception>
    public CountryCode Country
    {
        get => _country;
        init => _country = value == default ? throw new ArgumentException("A postal address needs a country.", nameof(Country)) : value;
    }

    /// <summary>The main address line, usually street and number (BT-35, BT-50).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? Street { get => _street; init => _street = TextField.Optional(value, nameof(Street)); }

    /// <summary>An additional address line (BT-36, BT-51).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? AdditionalStreet { get => _additionalStreet; init => _additionalStreet = TextField.Optional(value, nameof(AdditionalStreet)); }

    /// <summary>A third address line (BT-162, BT-163).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? AddressLine3 { get => _line3; init => _line3 = TextField.Optional(value, nameof(AddressLine3)); }

    /// <summary>The city (BT-37, BT-52).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? City { get => _city; init => _city = TextField.Optional(value, nameof(City)); }

    /// <summary>The post code (BT-38, BT-53).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? PostCode { get => _postCode; init => _postCode = TextField.Optional(value, nameof(PostCode)); }

    /// <summary>The region, state or province (BT-39, BT-54).</summary>
    /// <exception cref="ArgumentException">Longer than 300 characters.</exception>
    public string? CountrySubdivision { get => _subdivision; init => _subdivision = TextField.Optional(value, nameof(CountrySubdivision)); }
}
