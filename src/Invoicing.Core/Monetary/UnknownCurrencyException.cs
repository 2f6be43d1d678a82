namespace Invoicing.Core.Monetary;

/// <summary>Thrown when a currency code is not an active ISO 4217 code (nor in the catalog used).</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class UnknownCurrencyException : ArgumentException
{
    /// <summary>Creates the exception for the code that was not found.</summary>
    /// <param name="code">The code as given.</param>
    public UnknownCurrencyException(string code)
        : this(code, nameof(code))
    {
    }

    /// <summary>Creates the exception for the code that was not found in the named argument.</summary>
    /// <param name="code">The code as given.</param>
    /// <param name="paramName">The argument that held the code.</param>
    public UnknownCurrencyException(string code, string? paramName)
        : base($"'{code}' is not an active ISO 4217 currency code (nor a custom currency of the catalog used).", paramName)
        => Code = code;

    /// <summary>The code that was not found, exactly as given.</summary>
    public string Code { get; }
}
