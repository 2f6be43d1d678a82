using System.Collections.Frozen;
using System.Globalization;

namespace Invoicing.Core.Monetary;

/// <summary>
/// Chooses the symbol shown by the "C" money format. A culture shows its own currency with its own
/// symbol (€ in de-DE, $ in en-US, ￥ in ja-JP); any other currency gets an internationally
/// unambiguous symbol from CLDR's English data where one exists (US$, CA$, €, £), and its ISO code
/// otherwise (CHF, SEK, PLN), so "$" never means two currencies on one page.
/// </summary>
internal static class CurrencySymbols
{
    private static readonly FrozenDictionary<string, string> International = new Dictionary<string, string>
    {
        ["AUD"] = "A$",
        ["BRL"] = "R$",
        ["CAD"] = "CA$",
        ["CNY"] = "CN¥",
        ["EUR"] = "€",
        ["GBP"] = "£",
        ["HKD"] = "HK$",
        ["ILS"] = "₪",
        ["INR"] = "₹",
        ["JPY"] = "¥",
        ["KRW"] = "₩",
        ["MXN"] = "MX$",
        ["NZD"] = "NZ$",
        ["PHP"] = "₱",
        ["TWD"] = "NT$",
        ["USD"] = "US$",
        ["VND"] = "₫",
        ["XAF"] = "FCFA",
        ["XCD"] = "EC$",
        ["XOF"] = "F\u202FCFA",
        ["XPF"] = "CFPF",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    internal static string For(Currency currency, CultureInfo? culture, NumberFormatInfo format)
    {
        if (!currency.IsCustom && culture is not null && format.CurrencySymbol.Length > 0
            && string.Equals(OwnCurrencyCode(culture), currency.Code, StringComparison.Ordinal))
        {
            return format.CurrencySymbol;
        }

        return International.TryGetValue(currency.Code, out var symbol) ? symbol : currency.Code;
    }

    private static string? OwnCurrencyCode(CultureInfo culture)
    {
        if (culture.IsNeutralCulture || culture.Name.Length == 0)
        {
            return null;
        }

        try
        {
            return new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            // A culture without a region the runtime knows (a custom culture): it has no own currency.
            return null;
        }
    }
}
