using System.Collections.Frozen;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Monetary;

/// <summary>
/// An in-memory, immutable table of exchange rates: the library's default
/// <see cref="IExchangeRateProvider"/>.
/// </summary>
/// <remarks>
/// <para>For a pair and a date, the table answers with the latest rate dated on or before that
/// date and at most <see cref="MaximumAgeInDays"/> days older (0, the default, means "same day
/// only"; 4 covers a long weekend of a daily fixing). A rate quoted the other way round is
/// inverted; when both directions are found, the more recent wins, and on a tie the rate as quoted.
/// When neither is found and a <see cref="Pivot"/> currency is set, the rate is crossed through it
/// (USD/GBP from EUR/USD and EUR/GBP).</para>
/// <para>Immutable and thread-safe; lookups are a dictionary hit and a binary search.</para>
/// </remarks>
public sealed class ExchangeRateTable : IExchangeRateProvider
{
    private readonly FrozenDictionary<(Currency Base, Currency Quote), ExchangeRate[]> _byPair;

    /// <summary>Creates a table from rates.</summary>
    /// <param name="rates">The rates; at most one per pair (as quoted) and date.</param>
    /// <param name="pivot">A currency to cross through when a pair is not in the table (EUR for ECB reference rates), or null.</param>
    /// <param name="maximumAgeInDays">How many days a rate stays usable after its date; 0 means same day only.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rates"/> or one of its items is null.</exception>
    /// <exception cref="ArgumentException">Two rates have the same pair and date.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximumAgeInDays"/> is negative.</exception>
    public ExchangeRateTable(IEnumerable<ExchangeRate> rates, Currency? pivot = null, int maximumAgeInDays = 0)
    {
        Preconditions.CheckNotNull(rates);
        if (maximumAgeInDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maximumAgeInDays), maximumAgeInDays, "The maximum age of a rate must not be negative.");
        }

        var byPair = new Dictionary<(Currency, Currency), List<ExchangeRate>>();
        var count = 0;
        foreach (var rate in rates)
        {
            Preconditions.CheckNotNull(rate, nameof(rates));
            var key = (rate.BaseCurrency, rate.QuoteCurrency);
            if (!byPair.TryGetValue(key, out var list))
            {
                byPair[key] = list = [];
            }

            list.Add(rate);
            count++;
        }

        foreach (var list in byPair.Values)
        {
            list.Sort((a, b) => a.AsOf.CompareTo(b.AsOf));
            for (var i = 1; i < list.Count; i++)
            {
                if (list[i].AsOf == list[i - 1].AsOf)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture,
                            $"The table has two rates {list[i].BaseCurrency.Code}/{list[i].QuoteCurrency.Code} for {LocalDatePattern.Iso.Format(list[i].AsOf)}: {list[i - 1].Rate} and {list[i].Rate}."),
                        nameof(rates));
                }
            }
        }

        _byPair = byPair.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
        Count = count;
        Pivot = pivot;
        MaximumAgeInDays = maximumAgeInDays;
    }

    /// <summary>The currency rates are crossed through when a pair is missing, or null.</summary>
    public Currency? Pivot { get; }

    /// <summary>How many days a rate stays usable after its date; 0 means same day only.</summary>
    public int MaximumAgeInDays { get; }

    /// <summary>The number of rates in the table.</summary>
    public int Count { get; }

    /// <summary>Finds the rate for a pair on a date, as described on the type; a missing rate is null, not an exception.</summary>
    /// <param name="baseCurrency">The currency to convert from.</param>
    /// <param name="quoteCurrency">The currency to convert to.</param>
    /// <param name="asOf">The date the rate must apply to (any calendar; compared in the ISO calendar).</param>
    /// <returns>The rate, or null when the table cannot answer.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A rate crossed through the pivot falls outside <see cref="ExchangeRate.MinimumRate"/> to <see cref="ExchangeRate.MaximumRate"/>.</exception>
    public ExchangeRate? FindRate(Currency baseCurrency, Currency quoteCurrency, LocalDate asOf)
    {
        asOf = ExchangeRate.ToIso(asOf);
        if (baseCurrency == quoteCurrency)
        {
            return ExchangeRate.Identity(baseCurrency, asOf);
        }

        var direct = FindLeg(baseCurrency, quoteCurrency, asOf);
        if (direct is not null || Pivot is not Currency pivot || pivot == baseCurrency || pivot == quoteCurrency)
        {
            return direct;
        }

        var toBase = FindLeg(pivot, baseCurrency, asOf);
        var toQuote = FindLeg(pivot, quoteCurrency, asOf);
        return toBase is null || toQuote is null ? null : ExchangeRate.Cross(toBase, toQuote);
    }

    /// <summary>Finds the rate for a pair on a date; completes synchronously.</summary>
    /// <param name="baseCurrency">The currency to convert from.</param>
    /// <param name="quoteCurrency">The currency to convert to.</param>
    /// <param name="asOf">The date the rate must apply to.</param>
    /// <param name="cancellationToken">Checked once before the lookup.</param>
    /// <returns>The rate, or null when the table cannot answer.</returns>
    /// <exception cref="OperationCanceledException">The token was already cancelled.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate crossed through the pivot falls outside the accepted range.</exception>
    public ValueTask<ExchangeRate?> FindRateAsync(Currency baseCurrency, Currency quoteCurrency, LocalDate asOf,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(FindRate(baseCurrency, quoteCurrency, asOf));
    }

    /// <summary>The freshest usable rate for a pair as quoted or inverted, or null.</summary>
    private ExchangeRate? FindLeg(Currency from, Currency to, LocalDate asOf)
    {
        var asQuoted = Latest(from, to, asOf);
        var inverse = Latest(to, from, asOf);
        if (inverse is null)
        {
            return asQuoted;
        }

        return asQuoted is not null && asQuoted.AsOf >= inverse.AsOf ? asQuoted : inverse.Invert();
    }

    private ExchangeRate? Latest(Currency from, Currency to, LocalDate asOf)
    {
        if (!_byPair.TryGetValue((from, to), out var rates))
        {
            return null;
        }

        // Binary search for the last rate dated on or before the date.
        int lo = 0, hi = rates.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (rates[mid].AsOf <= asOf)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        var rate = rates[found];
        return Period.Between(rate.AsOf, asOf, PeriodUnits.Days).Days <= MaximumAgeInDays ? rate : null;
    }
}
