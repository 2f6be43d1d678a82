using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// The source of invoice numbers: gapless and without duplicates per tenant and series. Issuing
/// reserves the next number, and commits it only when issuing (and, if the host asks, storing the
/// issued invoice) has succeeded; a reservation disposed without a commit gives the number back,
/// so failed issues leave no gaps.
/// </summary>
/// <remarks>
/// <para>Implementer contract: be safe under concurrent callers. While a reservation of a series is
/// open, other reservations of the same tenant, series and counter key wait (that is what makes the
/// numbers gapless), so keep reservations short. A storage-backed implementation should take the
/// counter in the same transaction that stores the issued invoice. The library ships an in-memory
/// implementation (<c>InMemoryInvoiceNumberSequence</c> in the Persistence area) and a contract
/// test kit for others.</para>
/// </remarks>
public interface IInvoiceNumberSequence
{
    /// <summary>Reserves the next number of a series for an issue date; waits while another reservation of the same counter is open.</summary>
    /// <param name="tenant">The tenant whose numbers these are.</param>
    /// <param name="series">The series (its counter key depends on the issue year when it restarts yearly).</param>
    /// <param name="issueDate">The issue date, which decides the year of a yearly series.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The reservation; commit it or dispose it.</returns>
    ValueTask<IInvoiceNumberReservation> ReserveAsync(TenantId tenant, NumberSeries series, LocalDate issueDate,
        CancellationToken cancellationToken = default);
}

/// <summary>A reserved invoice number: commit it once the invoice is issued, or dispose it to give the number back.</summary>
/// <remarks>Implementer contract: disposing after a commit does nothing; committing twice, or after disposing, throws <see cref="InvalidOperationException"/>.</remarks>
public interface IInvoiceNumberReservation : IAsyncDisposable
{
    /// <summary>The reserved number.</summary>
    InvoiceNumber Number { get; }

    /// <summary>Consumes the number: the next reservation gets the following one.</summary>
    /// <param name="cancellationToken">Cancels the commit. <see cref="InvoiceService.IssueAsync"/> never cancels it, since the issued invoice may already be stored.</param>
    /// <returns>A task that completes when the number is consumed.</returns>
    ValueTask CommitAsync(CancellationToken cancellationToken = default);
}
