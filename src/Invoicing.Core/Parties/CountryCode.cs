using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Invoicing.Core.Parties;

/// <summary>
/// A country: an officially assigned ISO 3166-1 alpha-2 code ("DE") with its English short name
/// ("Germany"). EN 16931 requires these codes for the seller's and the buyer's country (BT-40, BT-55).
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. Lookups are case-insensitive. Only the 249 officially assigned
/// codes exist; every other code is rejected, among them the reserved "UK" (the United Kingdom is
/// "GB") and "EU", "EL" (Greece is "GR"; "EL" is only its EU VAT prefix) and user-assigned codes
/// such as "XK".</para>
/// <para><c>default(CountryCode)</c> is "no country": its <see cref="Code"/> is empty, its
/// <see cref="Name"/> is "(none)", and it never equals a real country. No validating factory
/// (<see cref="FromCode"/>, <see cref="Parse(string)"/>, JSON) ever returns it, and entry points that
/// need a country reject it, so a forgotten country fails loudly instead of passing as one.</para>
/// <para>JSON: a string holding the code, for example <c>"DE"</c> (see <see cref="CountryCodeJsonConverter"/>).</para>
/// </remarks>
[JsonConverter(typeof(CountryCodeJsonConverter))]
public readonly struct CountryCode : IEquatable<CountryCode>, IComparable<CountryCode>, IComparable, ISpanFormattable, ISpanParsable<CountryCode>
{
    /// <summary>The name of <c>default(CountryCode)</c>.</summary>
    private const string NoCountryName = "(none)";

    /// <summary>The position in <see cref="Iso3166.All"/> plus one; 0 for <c>default(CountryCode)</c>.</summary>
    private readonly ushort _number;

    internal CountryCode(int index) => _number = checked((ushort)(index + 1));

    /// <summary>Germany (DE).</summary>
    public static CountryCode De => Iso3166.De;

    /// <summary>France (FR).</summary>
    public static CountryCode Fr => Iso3166.Fr;

    /// <summary>Netherlands (NL; ISO's short name is "Netherlands (Kingdom of the)").</summary>
    public static CountryCode Nl => Iso3166.Nl;

    /// <summary>Belgium (BE).</summary>
    public static CountryCode Be => Iso3166.Be;

    /// <summary>Italy (IT).</summary>
    public static CountryCode It => Iso3166.It;

    /// <summary>Spain (ES).</summary>
    public static CountryCode Es => Iso3166.Es;

    /// <summary>Austria (AT).</summary>
    public static CountryCode At => Iso3166.At;

    /// <summary>Sweden (SE).</summary>
    public static CountryCode Se => Iso3166.Se;

    /// <summary>Finland (FI).</summary>
    public static CountryCode Fi => Iso3166.Fi;

    /// <summary>Denmark (DK).</summary>
    public static CountryCode Dk => Iso3166.Dk;

    /// <summary>Norway (NO).</summary>
    public static CountryCode No => Iso3166.No;

    /// <summary>Switzerland (CH).</summary>
    public static CountryCode Ch => Iso3166.Ch;

    /// <summary>United Kingdom of Great Britain and Northern Ireland (GB; "UK" is not an ISO 3166-1 code).</summary>
    public static CountryCode Gb => Iso3166.Gb;

    /// <summary>United States of America (US).</summary>
    public static CountryCode Us => Iso3166.Us;

    /// <summary>Canada (CA).</summary>
    public static CountryCode Ca => Iso3166.Ca;

    /// <summary>Australia (AU).</summary>
    public static CountryCode Au => Iso3166.Au;

    /// <summary>India (IN).</summary>
    public static CountryCode In => Iso3166.In;

    /// <summary>Japan (JP).</summary>
    public static CountryCode Jp => Iso3166.Jp;

    /// <summary>Every officially assigned ISO 3166-1 alpha-2 code (249), ordered by code.</summary>
    public static IReadOnlyList<CountryCode> All => Iso3166.Countries;

    /// <summary>The alpha-2 code in upper case ("DE"); empty for <c>default(CountryCode)</c>.</summary>
    public string Code => _number == 0 ? string.Empty : Iso3166.All[_number - 1].Code;

    /// <summary>
    /// The English short name as ISO 3166 publishes it, without ISO's sorting article "(the)":
    /// "Germany", "United States of America", "Netherlands (Kingdom of the)"; "(none)" for
    /// <c>default(CountryCode)</c>.
    /// </summary>
    public string Name => _number == 0 ? NoCountryName : Iso3166.All[_number - 1].Name;

    /// <summary>Returns the country with the given alpha-2 code, in any letter case.</summary>
    /// <param name="code">An alpha-2 code such as "DE" or "de".</param>
    /// <returns>The country.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCountryException"><paramref name="code"/> is not an officially assigned ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode FromCode(string code)
    {
        Preconditions.CheckNotNull(code);
        return TryFromCode(code.AsSpan(), out var country) ? country : throw new UnknownCountryException(code);
    }

    /// <summary>Looks up a country by alpha-2 code, in any letter case, without throwing.</summary>
    /// <param name="code">An alpha-2 code such as "DE", or null.</param>
    /// <param name="country">The country when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is an officially assigned ISO 3166-1 alpha-2 code.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out CountryCode country)
    {
        if (code is null)
        {
            country = default;
            return false;
        }

        return TryFromCode(code.AsSpan(), out country);
    }

    /// <summary>Looks up a country by alpha-2 code, in any letter case, without throwing or allocating.</summary>
    /// <param name="code">An alpha-2 code such as "DE".</param>
    /// <param name="country">The country when found; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="code"/> is an officially assigned ISO 3166-1 alpha-2 code.</returns>
    public static bool TryFromCode(ReadOnlySpan<char> code, out CountryCode country) => Iso3166.TryGet(code, out country);

    /// <summary>Parses an ISO 3166-1 alpha-2 code, in any letter case, surrounding white space allowed.</summary>
    /// <param name="s">The code, for example "DE".</param>
    /// <returns>The country.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not an officially assigned ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode Parse(string s) => Parse(s, null);

    /// <summary>Parses an ISO 3166-1 alpha-2 code, in any letter case, surrounding white space allowed.</summary>
    /// <param name="s">The code, for example "DE".</param>
    /// <param name="provider">Ignored: country codes do not depend on culture.</param>
    /// <returns>The country.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="s"/> is not an officially assigned ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode Parse(string s, IFormatProvider? provider)
    {
        Preconditions.CheckNotNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses an ISO 3166-1 alpha-2 code, in any letter case, surrounding white space allowed.</summary>
    /// <param name="s">The code, for example "DE".</param>
    /// <param name="provider">Ignored: country codes do not depend on culture.</param>
    /// <returns>The country.</returns>
    /// <exception cref="FormatException"><paramref name="s"/> is not an officially assigned ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var country)
            ? country
            : throw new FormatException($"'{s}' is not an officially assigned ISO 3166-1 alpha-2 country code{Iso3166.HintFor(s.Trim())}.");

    /// <summary>Parses an ISO 3166-1 alpha-2 code without throwing.</summary>
    /// <param name="s">The code, or null.</param>
    /// <param name="provider">Ignored: country codes do not depend on culture.</param>
    /// <param name="result">The country when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/> is an officially assigned ISO 3166-1 alpha-2 code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CountryCode result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Parses an ISO 3166-1 alpha-2 code without throwing.</summary>
    /// <param name="s">The code.</param>
    /// <param name="provider">Ignored: country codes do not depend on culture.</param>
    /// <param name="result">The country when parsed; <c>default</c> otherwise.</param>
    /// <returns>True when <paramref name="s"/> is an officially assigned ISO 3166-1 alpha-2 code.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CountryCode result)
        => TryFromCode(s.Trim(), out result);

    /// <summary>Returns whether both values denote the same country.</summary>
    /// <param name="left">The first country.</param>
    /// <param name="right">The second country.</param>
    /// <returns>True when they are equal.</returns>
    public static bool operator ==(CountryCode left, CountryCode right) => left.Equals(right);

    /// <summary>Returns whether the values denote different countries.</summary>
    /// <param name="left">The first country.</param>
    /// <param name="right">The second country.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(CountryCode left, CountryCode right) => !left.Equals(right);

    /// <summary>Orders countries by code.</summary>
    /// <param name="left">The first country.</param>
    /// <param name="right">The second country.</param>
    /// <returns>True when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(CountryCode left, CountryCode right) => left.CompareTo(right) < 0;

    /// <summary>Orders countries by code.</summary>
    /// <param name="left">The first country.</param>
    /// <param name="right">The second country.</param>
    /// <returns>True when <paramref name="left"/> sorts first or is equal.</returns>
    public static bool operator <=(CountryCode left, CountryCode right) => left.CompareTo(right) <= 0;

    /// <summary>Orders countries by code.</summary>
    /// <param name="left">The first country.</param>
    /// <param name="right">The second country.</param>
    /// <returns>True when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(CountryCode left, CountryCode right) => left.CompareTo(right) > 0;

    /// <summary>Orders countries by code.</summary>
    /// <param name="left">The first country.</param>
    /// <param name="right">The second country.</param>
    /// <returns>True when <paramref name="left"/> sorts last or is equal.</returns>
    public static bool operator >=(CountryCode left, CountryCode right) => left.CompareTo(right) >= 0;

    /// <summary>Returns whether <paramref name="other"/> is the same country; <c>default</c> equals only itself.</summary>
    /// <param name="other">The country to compare with.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(CountryCode other) => _number == other._number;

    /// <inheritdoc />
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CountryCode other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _number;

    /// <summary>Orders by code (ordinal); <c>default(CountryCode)</c>, whose code is empty, sorts first.</summary>
    /// <param name="other">The country to compare with.</param>
    /// <returns>Negative, zero or positive as this country sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(CountryCode other) => string.CompareOrdinal(Code, other.Code);

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="obj"/> is neither null nor a <see cref="CountryCode"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        CountryCode other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare a CountryCode with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>Returns the alpha-2 code, for example "DE"; an empty string for <c>default(CountryCode)</c>.</summary>
    /// <returns>The code.</returns>
    public override string ToString() => Code;

    /// <summary>Returns the alpha-2 code; format and provider are ignored.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The code.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => Code;

    /// <summary>Writes the alpha-2 code into <paramref name="destination"/>.</summary>
    /// <param name="destination">The buffer to write to.</param>
    /// <param name="charsWritten">The number of characters written.</param>
    /// <param name="format">Ignored.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>False when the buffer is too small.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var code = Code;
        if (code.TryCopyTo(destination))
        {
            charsWritten = code.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }
}
