using NodaTime;

namespace Invoicing.Core.Monetary;

/// <summary>Conversions on top of any <see cref="IExchangeRateProvider"/>. Stateless and thread-safe (as thread-safe as the provider).</summary>
public static class ExchangeRateProviderExtensions
{
    /// <summary>Returns the rate for a pair and date, or throws when the provider has none.</summary>
    /// <param name="provider">The rate source.</param>
    /// <param name="baseCurrency">The currency to convert from.</param>
    /// <param name="quoteCurrency">The currency to convert to.</param>
    /// <param name="asOf">The date the rate must apply to.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The rate; the identity rate when both currencies are the same (the provider is not asked).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    /// <exception cref="ExchangeRateNotFoundException">The provider knows no rate for the pair on that date.</exception>
    /// <exception cref="InvalidOperationException">The provider returned a rate for another pair.</exception>
    /// <exception cref="OperationCanceledException">The lookup was cancelled.</exception>
    public static async ValueTask<ExchangeRate> GetRateAsync(this IExchangeRateProvider provider,
        Currency baseCurrency, Currency quoteCurrency, LocalDate asOf, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(provider);
        if (baseCurrency == quoteCurrency)
        {
            return ExchangeRate.Identity(baseCurrency, asOf);
        }

        var rate = await provider.FindRateAsync(baseCurrency, quoteCurrency, asOf, cancellationToken).ConfigureAwait(false)
            ?? throw new ExchangeRateNotFoundException(baseCurrency, quoteCurrency, asOf);
        if (rate.BaseCurrency != baseCurrency || rate.QuoteCurrency != quoteCurrency)
        {
            throw new InvalidOperationException(
                $"The exchange rate provider answered {rate.BaseCurrency.Code}/{rate.QuoteCurrency.Code} when asked for {baseCurrency.Code}/{quoteCurrency.Code}.");
        }

        return rate;
    }

    /// <summary>Converts an amount into another currency at the rate of a date, rounding explicitly.</summary>
    /// <param name="provider">The rate source.</param>
    /// <param name="amount">The amount to convert.</param>
    /// <param name="target">The currency to convert to.</param>
    /// <param name="asOf">The date whose rate applies.</param>
    /// <param name="rounding">How to round the result, for example <see cref="MoneyRounding.HalfUp"/>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The converted amount, rounded by <paramref name="rounding"/> (also when no conversion was needed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="provider"/> is null.</exception>
    /// <exception cref="ExchangeRateNotFoundException">The provider knows no rate for the pair on that date.</exception>
    /// <exception cref="InvalidOperationException">The rounding rounds to minor units and the target has none, or the provider answered another pair.</exception>
    /// <exception cref="OperationCanceledException">The lookup was cancelled.</exception>
    public static async ValueTask<Money> ConvertAsync(this IExchangeRateProvider provider, Money amount, Currency target,
        LocalDate asOf, MoneyRounding rounding, CancellationToken cancellationToken = default)
    {
        var rate = await provider.GetRateAsync(amount.Currency, target, asOf, cancellationToken).ConfigureAwait(false);
        return rate.Convert(amount, rounding);
    }
}
