using NodaTime;

namespace Invoicing.Core.Monetary;

/// <summary>
/// The host's source of exchange rates (a central bank feed, a treasury system, a fixed table).
/// The library ships <see cref="ExchangeRateTable"/>, an in-memory implementation.
/// </summary>
/// <remarks>
/// Implementer contract: implementations must be safe to call from many threads at once. Return
/// the rate that applies on <c>asOf</c> for converting from <c>baseCurrency</c> to
/// <c>quoteCurrency</c>, or null when none is known; never a guess. Throw only for failures of the
/// source itself (network, storage), and honour the cancellation token. Callers that need a rate
/// use <see cref="ExchangeRateProviderExtensions.GetRateAsync"/>, which turns null into an
/// <see cref="ExchangeRateNotFoundException"/> naming the pair and date.
/// </remarks>
public interface IExchangeRateProvider
{
    /// <summary>Finds the rate to convert <paramref name="baseCurrency"/> into <paramref name="quoteCurrency"/> on <paramref name="asOf"/>.</summary>
    /// <param name="baseCurrency">The currency to convert from.</param>
    /// <param name="quoteCurrency">The currency to convert to.</param>
    /// <param name="asOf">The date the rate must apply to.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The rate, with <see cref="ExchangeRate.BaseCurrency"/> and <see cref="ExchangeRate.QuoteCurrency"/> as asked, or null when none is known.</returns>
    ValueTask<ExchangeRate?> FindRateAsync(Currency baseCurrency, Currency quoteCurrency, LocalDate asOf,
        CancellationToken cancellationToken = default);
}
