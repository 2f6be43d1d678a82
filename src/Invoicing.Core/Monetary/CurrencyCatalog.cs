using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Invoicing.Core.Monetary;

/// <summary>
/// An immutable set of currencies known to parsers and JSON converters: the ISO 4217 list
/// (<see cref="Iso4217"/>) plus, optionally, the host's custom units.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. There is no global registry to mutate: a host that bills in loyalty
/// points builds its own catalog once (<c>CurrencyCatalog.Iso4217.With(points)</c>) and passes it
/// where text or JSON is read. Lookups by code are case-insensitive.
/// </remarks>
public sealed class CurrencyCatalog
{
    private readonly FrozenDictionary<string, Currency> _byCode;
    private readonly FrozenDictionary<string, Currency>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly FrozenDictionary<int, Currency> _byNumericCode;

    private CurrencyCatalog(IEnumerable<Currency> currencies)
    {
        var ordered = currencies.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        Currencies = Array.AsReadOnly(ordered);
        _byCode = ordered.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _bySpan = _byCode.GetAlternateLookup<ReadOnlySpan<char>>();
        _byNumericCode = ordered.Where(c => !c.IsCustom).ToFrozenDictionary(c => c.NumericCode);
    }

    /// <summary>The active ISO 4217 currencies and nothing else.</summary>
    public static CurrencyCatalog Iso4217 { get; } = new(Monetary.Iso4217.All.Select(d => new Currency(d)));

    /// <summary>Every currency in the catalog, ordered by code.</summary>
    public IReadOnlyList<Currency> Currencies { get; }

    /// <summary>Returns a new catalog with these custom currencies added; this catalog is unchanged.</summary>
    /// <param name="customCurrencies">Currencies made with <see cref="Currency.CreateCustom"/>.</param>
    /// <returns>The larger catalog.</returns>
    /// <exception cref="ArgumentException">A currency is an ISO currency, or its code is already in the catalog.</exception>
    public CurrencyCatalog With(params ReadOnlySpan<Currency> customCurrencies)
    {
        var added = new Dictionary<string, Currency>(StringComparer.OrdinalIgnoreCase);
        foreach (var currency in customCurrencies)
        {
            if (!currency.IsCustom)
            {
                throw new ArgumentException(
                    $"{currency.Code} is an ISO 4217 currency; every catalog already holds it.", nameof(customCurrencies));
            }

            if (_byCode.ContainsKey(currency.Code) || !added.TryAdd(currency.Code, currency))
            {
                throw new ArgumentException(
                    $"The catalog already holds a currency with code '{currency.Code}'.", nameof(customCurrencies));
            }
        }

        return new CurrencyCatalog(Currencies.Concat(added.Values));
    }

    /// <summary>Returns the currency with this code, in any letter case.</summary>
    /// <param name="code">The alphabetic code.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="UnknownCurrencyException">The catalog has no currency with that code.</exception>
    public Currency Get(string code)
    {
        Preconditions.CheckNotNull(code);
        return TryGet(code.AsSpan(), out var currency) ? currency : throw new UnknownCurrencyException(code);
    }

    /// <summary>Looks up a currency by code, in any letter case, without throwing.</summary>
    /// <param name="code">The alphabetic code, or null.</param>
    /// <param name="currency">The currency when found; <c>default</c> otherwise.</param>
    /// <returns>True when found.</returns>
    public bool TryGet([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is null)
        {
            currency = default;
            return false;
        }

        return _byCode.TryGetValue(code, out currency);
    }

    /// <summary>Looks up a currency by code, in any letter case, without throwing.</summary>
    /// <param name="code">The alphabetic code.</param>
    /// <param name="currency">The currency when found; <c>default</c> otherwise.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(ReadOnlySpan<char> code, out Currency currency) => _bySpan.TryGetValue(code, out currency);

    /// <summary>Looks up an ISO 4217 currency by numeric code without throwing.</summary>
    /// <param name="numericCode">The numeric code (978 for EUR).</param>
    /// <param name="currency">The currency when found; <c>default</c> otherwise.</param>
    /// <returns>True when found.</returns>
    public bool TryGetByNumericCode(int numericCode, out Currency currency)
        => _byNumericCode.TryGetValue(numericCode, out currency);
}
