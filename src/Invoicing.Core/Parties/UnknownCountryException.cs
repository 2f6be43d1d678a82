namespace Invoicing.Core.Parties;

/// <summary>Thrown when a country code is not an officially assigned ISO 3166-1 alpha-2 code.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class UnknownCountryException : ArgumentException
{
    /// <summary>Creates the exception for the code that was not found.</summary>
    /// <param name="code">The code as given.</param>
    public UnknownCountryException(string code)
        : this(code, nameof(code))
    {
    }

    /// <summary>Creates the exception for the code that was not found in the named argument.</summary>
    /// <param name="code">The code as given.</param>
    /// <param name="paramName">The argument that held the code.</param>
    public UnknownCountryException(string code, string? paramName)
        : base($"'{code}' is not an officially assigned ISO 3166-1 alpha-2 country code{Iso3166.HintFor(code)}.", paramName)
        => Code = code;

    /// <summary>The code that was not found, exactly as given.</summary>
    public string Code { get; }
}
