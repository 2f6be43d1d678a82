namespace Invoicing.Core.Monetary;

/// <summary>
/// Thrown when amounts of different currencies meet in arithmetic, comparison, allocation or
/// conversion. Amounts never change currency implicitly; convert with an <see cref="ExchangeRate"/>.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class CurrencyMismatchException : ArgumentException
{
    /// <summary>Creates the exception for the two currencies that met.</summary>
    /// <param name="expected">The currency the operation works in (the left operand's).</param>
    /// <param name="actual">The other currency.</param>
    public CurrencyMismatchException(Currency expected, Currency actual)
        : base(Describe(expected, actual))
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>Creates the exception for a field whose currency does not match its document.</summary>
    /// <param name="expected">The currency of the document.</param>
    /// <param name="actual">The currency of the field.</param>
    /// <param name="field">The field, for example "line 3 unit price (BT-146)".</param>
    public CurrencyMismatchException(Currency expected, Currency actual, string field)
        : base($"Currency mismatch in {field}: expected {expected.Code}, got {actual.Code}.")
    {
        Expected = expected;
        Actual = actual;
        Field = field;
    }

    /// <summary>The field whose currency did not match, or null when the mismatch was in arithmetic.</summary>
    public string? Field { get; }

    /// <summary>The currency the operation works in.</summary>
    public Currency Expected { get; }

    /// <summary>The currency that did not match it.</summary>
    public Currency Actual { get; }

    private static string Describe(Currency expected, Currency actual)
        => expected.Code == actual.Code
            ? $"Currency mismatch: expected {expected.Code} with {expected.MinorUnits} minor units, got a different {actual.Code} with {actual.MinorUnits} minor units."
            : $"Currency mismatch: expected {expected.Code}, got {actual.Code}. Convert with an exchange rate first.";
}
