using System.Globalization;
using Invoicing.Core.Parties;

namespace Invoicing.Core.Validation;

/// <summary>Small helpers the EN 16931 core, calculation and decimal rules share.</summary>
internal static class CoreChecks
{
    /// <summary>True when a text term is absent: null, empty or white space (the artefacts' <c>normalize-space(x) = ''</c>).</summary>
    internal static bool Missing(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>An amount as the messages show it: invariant, as written ("1436.50"), or "absent".</summary>
    internal static string Show(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "absent";

    /// <summary>A text term as the messages show it: quoted, or "absent".</summary>
    internal static string Show(string? value) => value is null ? "absent" : $"'{value}'";

    /// <summary>
    /// Rounds to two decimals as the official artefacts do (<c>round(x * 10 * 10) div 100</c>): XPath's
    /// <c>round</c> takes a half towards positive infinity (2.5 → 3, −2.5 → −2).
    /// </summary>
    /// <remarks>The result carries two decimals (5 → 5.00), so messages show amounts as money.</remarks>
    /// <exception cref="OverflowException">The value is too large to scale by 100.</exception>
    internal static decimal Round2(decimal value) => (decimal.Floor((value * 100m) + 0.5m) / 100m) + 0.00m;

    /// <summary>
    /// True when a VAT identifier starts with a country prefix BR-CO-09 accepts: an ISO 3166-1 alpha-2
    /// code in upper case, or EL (Greece), XI (Northern Ireland) or 1A (Kosovo), as the artefacts list them.
    /// </summary>
    internal static bool HasVatCountryPrefix(string vatIdentifier)
    {
        var id = vatIdentifier.AsSpan();
        if (id.Length < 2)
        {
            return false;
        }

        var prefix = id[..2];
        if (prefix.SequenceEqual("EL") || prefix.SequenceEqual("XI") || prefix.SequenceEqual("1A"))
        {
            return true;
        }

        return char.IsAsciiLetterUpper(prefix[0]) && char.IsAsciiLetterUpper(prefix[1]) && Iso3166.TryGet(prefix, out _);
    }

    /// <summary>The number of decimal digits an amount was written with (its scale): 12.30 → 2, 12.345 → 3.</summary>
    internal static int Decimals(decimal value) => value.Scale;
}
