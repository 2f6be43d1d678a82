using System.Collections.Concurrent;
using Invoicing.Core.Documents;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Persistence;

/// <summary>
/// The library's in-memory <see cref="IInvoiceNumberSequence"/>: gapless and without duplicates per
/// tenant, series and counter key (the year, for yearly series), under any number of concurrent callers.
/// </summary>
/// <remarks>
/// Thread-safe. A reservation holds its counter until it is committed or disposed, so concurrent
/// issues of one series take turns; different series and tenants do not wait for each other.
/// Counters are lost with the process; <see cref="Current"/> and <see cref="SetCounter"/> let a host
/// carry them over.
/// </remarks>
public sealed class InMemoryInvoiceNumberSequence : IInvoiceNumberSequence
{
    private readonly ConcurrentDictionary<(TenantId Tenant, string Key), Counter> _counters = new();

    /// <summary>Reserves the next number; waits while another reservation of the same counter is open.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="series">The series.</param>
    /// <param name="issueDate">The issue date (its year keys a yearly series).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reservation.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The issue year is outside 1 to 9999.</exception>
    /// <exception cref="ArgumentException">The formatted number is not a valid invoice number (longer than 100 characters).</exception>
    public async ValueTask<IInvoiceNumberReservation> ReserveAsync(TenantId tenant, NumberSeries series, LocalDate issueDate,
        CancellationToken cancellationToken = default)
    {
        Identifier.RequireSet(tenant);
        Preconditions.CheckNotNull(series);
        var counter = _counters.GetOrAdd((tenant, series.CounterKey(issueDate.Year)), _ => new Counter());
        await counter.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new Reservation(counter, series.Format(counter.Last + 1, issueDate.Year));
        }
        catch
        {
            // The number cannot be formatted (a year out of range, a number too long): release the counter.
            counter.Gate.Release();
            throw;
        }
    }

    /// <summary>The last committed counter of a tenant's series for a year (0 when none).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="series">The series.</param>
    /// <param name="year">The year (ignored for series that do not restart yearly).</param>
    /// <returns>The last counter.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    public long Current(TenantId tenant, NumberSeries series, int year)
        => _counters.TryGetValue((tenant, Preconditions.CheckNotNull(series).CounterKey(year)), out var counter) ? Interlocked.Read(ref counter.Last) : 0;

    /// <summary>Sets the last used counter, to continue a numbering kept elsewhere (for example after a restart).</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="series">The series.</param>
    /// <param name="year">The year (ignored for series that do not restart yearly).</param>
    /// <param name="lastUsed">The last number already used; the next reservation gets the one after.</param>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lastUsed"/> is negative, or below the current counter (numbers would repeat).</exception>
    /// <exception cref="InvalidOperationException">A reservation of that counter is open.</exception>
    public void SetCounter(TenantId tenant, NumberSeries series, int year, long lastUsed)
    {
        var counter = _counters.GetOrAdd((tenant, Preconditions.CheckNotNull(series).CounterKey(year)), _ => new Counter());
        if (!counter.Gate.Wait(0))
        {
            throw new InvalidOperationException($"A reservation of {series.CounterKey(year)} is open; set the counter before issuing starts.");
        }

        try
        {
            if (lastUsed < counter.Last)
            {
                throw new ArgumentOutOfRangeException(nameof(lastUsed), lastUsed, $"The counter is already at {counter.Last}; going back would repeat numbers.");
            }

            counter.Last = lastUsed;
        }
        finally
        {
            counter.Gate.Release();
        }
    }

    private sealed class Counter
    {
        internal SemaphoreSlim Gate { get; } = new(1, 1);

        // A field, not a property, so that Interlocked can work on it.
        internal long Last;
    }

    private sealed class Reservation(Counter counter, InvoiceNumber number) : IInvoiceNumberReservation
    {
        private int _state; // 0 open, 1 committed, 2 disposed

        public InvoiceNumber Number { get; } = number;

        public ValueTask CommitAsync(CancellationToken cancellationToken = default)
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
            {
                throw new InvalidOperationException($"The reservation of {Number} is already {(_state == 1 ? "committed" : "disposed")}.");
            }

            Interlocked.Increment(ref counter.Last);
            counter.Gate.Release();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.CompareExchange(ref _state, 2, 0) == 0)
            {
                counter.Gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
