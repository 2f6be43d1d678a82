using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Invoicing.Core.ContractTests;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using NodaTime;
using Xunit.Sdk;

namespace Invoicing.Core.Tests.Persistence;

/// <summary>The contract kit fails adapters that break the contract (the in-memory ones pass it in <see cref="InMemoryInvoiceRepositoryContractTests"/> and its siblings).</summary>
public sealed class ContractKitTests
{
    [Fact]
    public async Task InvoiceContract_RepositoryWithoutVersionChecks_Fails()
    {
        var kit = new InvoiceKit(() => new LastWriterWinsInvoiceRepository());

        var racing = await Assert.ThrowsAnyAsync<XunitException>(kit.UpdateAsync_ConcurrentWritersFromOneVersion_ExactlyOneWins);
        var stale = await Assert.ThrowsAnyAsync<XunitException>(kit.UpdateAsync_StaleExpectedVersion_ThrowsConflictAndChangesNothing);
        var twice = await Assert.ThrowsAnyAsync<XunitException>(kit.AddAsync_SameIdTwice_ThrowsConflictAndKeepsTheFirst);

        Assert.Contains("Assert.Single() Failure", racing.Message, StringComparison.Ordinal);
        Assert.Contains("No exception was thrown", stale.Message, StringComparison.Ordinal);
        Assert.Contains("No exception was thrown", twice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoiceContract_RepositoryKeyedByIdOnly_FailsTenantIsolation()
    {
        var kit = new InvoiceKit(() => new TenantBlindInvoiceRepository());

        await Assert.ThrowsAnyAsync<XunitException>(kit.FindAsync_OtherTenant_ReturnsNull);
        Assert.IsType<ConcurrencyConflictException>(await Record.ExceptionAsync(kit.SameInvoiceIdInTwoTenants_AreIndependent));
    }

    [Fact]
    public async Task InvoiceContract_QueryIgnoringCancellation_Fails()
    {
        var kit = new InvoiceKit(() => new UncancellableQueryInvoiceRepository());

        await Assert.ThrowsAnyAsync<XunitException>(kit.QueryOpenAsync_CancelledToken_ThrowsWhenEnumerated);
        await Assert.ThrowsAnyAsync<XunitException>(kit.QueryOpenAsync_CancelledThroughWithCancellation_ThrowsWhenEnumerated);
    }

    [Fact]
    public async Task AccountContract_RepositoryDroppingAField_FailsTheRoundTrip()
    {
        var kit = new AccountKit(() => new LossyAccountRepository(a => a with { TaxExemptions = [] }));

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.AddAsync_EveryFieldSet_KeepsEveryField);

        Assert.Contains("TaxExemptions: expected 2 items, actual 0", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountContract_RepositoryTrimmingDecimalScale_FailsTheRoundTrip()
    {
        // As a decimal column of another scale, or a double, would: 25000.50 comes back as 25000.5.
        var kit = new AccountKit(() => new LossyAccountRepository(
            a => a with { CreditLimit = a.CreditLimit is { } limit ? Money.Of(limit.Amount / 1.0000000000000000000000000000m, limit.Currency) : null }));

        var failure = await Assert.ThrowsAnyAsync<XunitException>(kit.AddAsync_EveryFieldSet_KeepsEveryField);

        Assert.Contains("CreditLimit.Amount: expected 25000.50 (scale 2), actual 25000.5 (scale 1)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SequenceContract_SequenceThatNeitherWaitsNorGivesBack_Fails()
    {
        var kit = new SequenceKit(() => new CountingSequence());

        await Assert.ThrowsAnyAsync<XunitException>(kit.ConcurrentReservations_SomeDisposed_CommittedNumbersAreGaplessAndUnique);
        await Assert.ThrowsAnyAsync<XunitException>(kit.DisposeAsync_WithoutCommit_GivesTheNumberBack);
        await Assert.ThrowsAnyAsync<XunitException>(kit.ReserveAsync_WhileAnotherIsOpen_WaitsUntilItIsCommitted);
    }

    private sealed class InvoiceKit(Func<IInvoiceRepository> factory) : InvoiceRepositoryContract
    {
        protected override IInvoiceRepository CreateRepository() => factory();
    }

    private sealed class AccountKit(Func<ICustomerAccountRepository> factory) : CustomerAccountRepositoryContract
    {
        protected override ICustomerAccountRepository CreateRepository() => factory();
    }

    private sealed class SequenceKit(Func<IInvoiceNumberSequence> factory) : InvoiceNumberSequenceContract
    {
        protected override IInvoiceNumberSequence CreateSequence() => factory();
    }

    /// <summary>Stores whatever it is given: no optimistic concurrency at all.</summary>
    private sealed class LastWriterWinsInvoiceRepository : IInvoiceRepository
    {
        private readonly ConcurrentDictionary<(TenantId, InvoiceId), Invoice> _invoices = new();

        public ValueTask<Invoice?> FindAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(_invoices.GetValueOrDefault((tenant, id)));

        public ValueTask AddAsync(Invoice invoice, CancellationToken cancellationToken = default)
        {
            _invoices[(invoice.TenantId, invoice.Id)] = invoice;
            return ValueTask.CompletedTask;
        }

        public async ValueTask UpdateAsync(Invoice invoice, int expectedVersion, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            _invoices[(invoice.TenantId, invoice.Id)] = invoice;
        }

        public IAsyncEnumerable<Invoice> QueryOpenAsync(TenantId tenant, CustomerId customer, CancellationToken cancellationToken = default)
            => AsyncEnumerable.Empty<Invoice>();
    }

    /// <summary>Checks versions, but keys invoices by id alone, so tenants share them.</summary>
    private sealed class TenantBlindInvoiceRepository : IInvoiceRepository
    {
        private readonly ConcurrentDictionary<InvoiceId, Invoice> _invoices = new();

        public ValueTask<Invoice?> FindAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(_invoices.GetValueOrDefault(id));

        public ValueTask AddAsync(Invoice invoice, CancellationToken cancellationToken = default)
            => _invoices.TryAdd(invoice.Id, invoice)
                ? ValueTask.CompletedTask
                : throw new ConcurrencyConflictException("invoice", $"{invoice.TenantId}/{invoice.Id}", 0, _invoices[invoice.Id].Version);

        public ValueTask UpdateAsync(Invoice invoice, int expectedVersion, CancellationToken cancellationToken = default)
        {
            if (!_invoices.TryGetValue(invoice.Id, out var stored) || stored.Version != expectedVersion || !_invoices.TryUpdate(invoice.Id, invoice, stored))
            {
                throw new ConcurrencyConflictException("invoice", $"{invoice.TenantId}/{invoice.Id}", expectedVersion, stored?.Version);
            }

            return ValueTask.CompletedTask;
        }

        public IAsyncEnumerable<Invoice> QueryOpenAsync(TenantId tenant, CustomerId customer, CancellationToken cancellationToken = default)
            => AsyncEnumerable.Empty<Invoice>();
    }

    /// <summary>Correct, except that its query never looks at the cancellation token.</summary>
    private sealed class UncancellableQueryInvoiceRepository : IInvoiceRepository
    {
        private readonly InMemoryInvoiceRepository _inner = new();

        public ValueTask<Invoice?> FindAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken = default) => _inner.FindAsync(tenant, id, cancellationToken);

        public ValueTask AddAsync(Invoice invoice, CancellationToken cancellationToken = default) => _inner.AddAsync(invoice, cancellationToken);

        public ValueTask UpdateAsync(Invoice invoice, int expectedVersion, CancellationToken cancellationToken = default)
            => _inner.UpdateAsync(invoice, expectedVersion, cancellationToken);

        public async IAsyncEnumerable<Invoice> QueryOpenAsync(TenantId tenant, CustomerId customer, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var invoice in _inner.QueryOpenAsync(tenant, customer, CancellationToken.None))
            {
                yield return invoice;
            }
        }
    }

    /// <summary>Correct, except that what it reads back goes through a lossy mapping.</summary>
    private sealed class LossyAccountRepository(Func<CustomerAccount, CustomerAccount> loss) : ICustomerAccountRepository
    {
        private readonly InMemoryCustomerAccountRepository _inner = new();

        public async ValueTask<CustomerAccount?> FindAsync(TenantId tenant, CustomerId id, CancellationToken cancellationToken = default)
            => await _inner.FindAsync(tenant, id, cancellationToken) is { } account ? loss(account) : null;

        public ValueTask<CustomerAccount> AddAsync(CustomerAccount account, CancellationToken cancellationToken = default) => _inner.AddAsync(account, cancellationToken);

        public ValueTask<CustomerAccount> UpdateAsync(CustomerAccount account, CancellationToken cancellationToken = default) => _inner.UpdateAsync(account, cancellationToken);

        public IAsyncEnumerable<CustomerAccount> ListAsync(TenantId tenant, CancellationToken cancellationToken = default) => _inner.ListAsync(tenant, cancellationToken);
    }

    /// <summary>Hands out the next number at once and never takes one back: fast, but with gaps.</summary>
    private sealed class CountingSequence : IInvoiceNumberSequence
    {
        private long _last;

        public ValueTask<IInvoiceNumberReservation> ReserveAsync(TenantId tenant, NumberSeries series, LocalDate issueDate, CancellationToken cancellationToken = default)
            => ValueTask.FromResult<IInvoiceNumberReservation>(new Reservation(series.Format(Interlocked.Increment(ref _last), issueDate.Year)));

        private sealed class Reservation(InvoiceNumber number) : IInvoiceNumberReservation
        {
            public InvoiceNumber Number { get; } = number;

            public ValueTask CommitAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
