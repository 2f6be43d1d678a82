using NodaTime;
using NodaTime.Text;

namespace Invoicing.Core.Monetary;

/// <summary>Thrown when no exchange rate is known for a currency pair on a date.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ExchangeRateNotFoundException : InvalidOperationException
{
    /// <summary>Creates the exception for the pair and date that had no rate.</summary>
    /// <param name="baseCurrency">The currency to convert from.</param>
    /// <param name="quoteCurrency">The currency to convert to.</param>
    /// <param name="date">The date the rate was needed for.</param>
    public ExchangeRateNotFoundException(Currency baseCurrency, Currency quoteCurrency, LocalDate date)
        : base($"No exchange rate {baseCurrency.Code}/{quoteCurrency.Code} is known for {LocalDatePattern.Iso.Format(date)}.")
    {
        BaseCurrency = baseCurrency;
        QuoteCurrency = quoteCurrency;
        Date = date;
    }

    /// <summary>The currency to convert from.</summary>
    public Currency BaseCurrency { get; }

    /// <summary>The currency to convert to.</summary>
    public Currency QuoteCurrency { get; }

    /// <summary>The date the rate was needed for.</summary>
    public LocalDate Date { get; }
}
