using System.Buffers;

namespace Invoicing.Core.Monetary;

/// <summary>Character sets used to split money text into its currency code and amount.</summary>
internal static class MoneyTextChars
{
    internal static readonly SearchValues<char> Letters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Spaces that separate code and amount, including the no-break spaces cultures format with.</summary>
    internal static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(" \t\u00A0\u202F\u2009");

    /// <summary>Where a number may begin: a sign, a digit or a decimal separator.</summary>
    internal static readonly SearchValues<char> NumberStart =
        SearchValues.Create("+-\u22120123456789.,");
}
