using Invoicing.Core.Documents;
using Invoicing.Core.Parties;
using NodaTime;
using static Invoicing.Core.ContractTests.ContractSupport;

namespace Invoicing.Core.ContractTests;

/// <summary>
/// The contract of <see cref="IInvoiceNumberSequence"/>. Inherit it in your test project, implement
/// <see cref="CreateSequence"/>, and xunit runs every test below against your adapter: committed numbers
/// are gapless and unique under concurrency, a reservation that is not committed gives its number back,
/// reservations of one counter take turns, yearly series restart, tenants and series count apart,
/// and cancellation while waiting consumes nothing.
/// </summary>
/// <remarks>
/// <para>Every test uses tenants of its own (random ids), so each counter starts at 1 even when the
/// sequence keeps its counters in a database shared with earlier tests or runs. A test creates one
/// sequence and uses it from many threads at once. Every awaited call has a time limit, so a sequence
/// that never releases a counter fails instead of hanging. If the sequence is <see cref="IAsyncDisposable"/>
/// or <see cref="IDisposable"/>, it is disposed at the end of the test.</para>
/// <para>Not thread-safe itself: xunit creates one instance per test.</para>
/// </remarks>
public abstract class InvoiceNumberSequenceContract : IAsyncLifetime
{
    private static readonly LocalDate In2026 = new(2026, 11, 23);
    private static readonly LocalDate In2027 = new(2027, 1, 4);
    private readonly CreatedInstances _created = new();

    /// <summary>How many reservations race in the concurrency test; 200 unless overridden.</summary>
    protected virtual int ConcurrentReservations => 200;

    /// <summary>Creates the sequence under test. Called once per test; it may share its counters with earlier tests.</summary>
    /// <returns>A sequence ready to use.</returns>
    protected abstract IInvoiceNumberSequence CreateSequence();

    /// <summary>Runs before each test; does nothing unless overridden.</summary>
    /// <returns>A completed task.</returns>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Runs after each test: disposes the sequences <see cref="CreateSequence"/> returned, if they are disposable.</summary>
    /// <returns>A task that completes when they are disposed.</returns>
    public virtual Task DisposeAsync() => _created.DisposeAllAsync();

    /// <summary>The first number of <see cref="NumberSeries.Default"/> for an issue date in 2026 is INV-2026-000001.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReserveAsync_FirstOfTheDefaultSeriesIn2026_IsInv2026000001()
    {
        var sequence = NewSequence();

        var reservation = await Within(sequence.ReserveAsync(NewTenant(), NumberSeries.Default, In2026));
        await using (reservation)
        {
            Assert.Equal(InvoiceNumber.From("INV-2026-000001"), reservation.Number);
            await Within(reservation.CommitAsync());
        }
    }

    /// <summary>Each commit consumes one number: the next reservation gets the following one.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task CommitAsync_ThenReserveAsync_GivesTheFollowingNumber()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add(await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026));
        }

        Assert.Equal(["INV-2026-000001", "INV-2026-000002", "INV-2026-000003"], numbers);
    }

    /// <summary>A reservation disposed without a commit gives its number back: the next reservation gets the same number.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task DisposeAsync_WithoutCommit_GivesTheNumberBack()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);

        var abandoned = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));
        var abandonedNumber = abandoned.Number;
        await Within(abandoned.DisposeAsync());
        var next = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);

        Assert.Equal("INV-2026-000002", abandonedNumber.Value);
        Assert.Equal("INV-2026-000002", next);
    }

    /// <summary>
    /// Many reservations of one counter at once, a random third of them disposed without a commit: the
    /// committed numbers are exactly 1 to the number of commits, without gaps or duplicates.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ConcurrentReservations_SomeDisposed_CommittedNumbersAreGaplessAndUnique()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        var random = new Random(20261123);
        var abandon = Enumerable.Range(0, ConcurrentReservations).Select(_ => random.Next(3) == 0).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var workers = abandon.Select(dispose => Task.Run(async () =>
        {
            await start.Task;
            var reservation = await sequence.ReserveAsync(tenant, NumberSeries.Default, In2026);
            await using (reservation)
            {
                await Task.Yield(); // hold the counter for a moment, as issuing does
                if (dispose)
                {
                    return (string?)null;
                }

                await reservation.CommitAsync();
                return reservation.Number.Value;
            }
        })).ToArray();
        start.SetResult();
        var committed = (await Within(Task.WhenAll(workers))).OfType<string>().ToList();

        var expected = Enumerable.Range(1, abandon.Count(a => !a)).Select(n => NumberSeries.Default.Format(n, 2026).Value);
        Assert.Equal(committed.Count, committed.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected, committed.Order(StringComparer.Ordinal));
        Assert.Equal(NumberSeries.Default.Format(committed.Count + 1, 2026).Value, await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026));
    }

    /// <summary>A yearly series starts again at 1 in a new year, and the old year's counter goes on where it stopped.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReserveAsync_YearlySeriesInANewYear_RestartsAtOne()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();

        var first2026 = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);
        var second2026 = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, new LocalDate(2026, 12, 31));
        var first2027 = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2027);
        var late2026 = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, new LocalDate(2026, 1, 1));

        Assert.Equal(["INV-2026-000001", "INV-2026-000002", "INV-2027-000001", "INV-2026-000003"], new[] { first2026, second2026, first2027, late2026 });
    }

    /// <summary>
    /// Counters of different tenants and different series are independent: each starts at 1, a series
    /// that does not restart yearly counts on across years, and an open reservation of one counter does not
    /// hold up another.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReserveAsync_OtherTenantOrSeries_CountsApartAndDoesNotWait()
    {
        var sequence = NewSequence();
        var (tenant, otherTenant) = (NewTenant(), NewTenant());
        var pos = new NumberSeries("POS-7", "POS-7/{n}", restartsEveryYear: false);
        var credit = new NumberSeries("CN", "CN-{yy}-{n:4}", restartsEveryYear: true);
        await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);
        await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);

        var open = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));
        await using (open)
        {
            var otherTenants = await ReserveAndCommitAsync(sequence, otherTenant, NumberSeries.Default, In2026);
            var pos2026 = await ReserveAndCommitAsync(sequence, tenant, pos, In2026);
            var pos2027 = await ReserveAndCommitAsync(sequence, tenant, pos, In2027);
            var credit2026 = await ReserveAndCommitAsync(sequence, tenant, credit, In2026);
            var otherYear = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2027);

            Assert.Equal("INV-2026-000003", open.Number.Value);
            Assert.Equal(["INV-2026-000001", "POS-7/1", "POS-7/2", "CN-26-0001", "INV-2027-000001"], new[] { otherTenants, pos2026, pos2027, credit2026, otherYear });
            await Within(open.CommitAsync());
        }
    }

    /// <summary>Committing a reservation twice throws <see cref="InvalidOperationException"/>, and consumes one number only.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task CommitAsync_Twice_ThrowsInvalidOperation()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        var reservation = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));
        await using (reservation)
        {
            await Within(reservation.CommitAsync());

            await Assert.ThrowsAsync<InvalidOperationException>(() => Within(reservation.CommitAsync()));
        }

        Assert.Equal("INV-2026-000002", await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026));
    }

    /// <summary>Committing a reservation after disposing it throws <see cref="InvalidOperationException"/> and consumes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task CommitAsync_AfterDispose_ThrowsInvalidOperation()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        var reservation = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));
        await Within(reservation.DisposeAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => Within(reservation.CommitAsync()));

        Assert.Equal("INV-2026-000001", await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026));
    }

    /// <summary>Disposing a committed reservation (once or twice) does nothing: its number stays consumed and the counter is free.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task DisposeAsync_AfterCommit_DoesNothing()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        var reservation = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));
        await Within(reservation.CommitAsync());

        await Within(reservation.DisposeAsync());
        await Within(reservation.DisposeAsync());
        var next = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);
        var afterThat = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);

        Assert.Equal(["INV-2026-000002", "INV-2026-000003"], new[] { next, afterThat });
    }

    /// <summary>A reservation of a counter that another open reservation holds waits, and completes with the following number once the first is committed.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReserveAsync_WhileAnotherIsOpen_WaitsUntilItIsCommitted()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        var first = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));

        var waiting = sequence.ReserveAsync(tenant, NumberSeries.Default, In2026).AsTask();
        await Task.Delay(WaitingProbe);
        var waitedWhileOpen = !waiting.IsCompleted;
        await Within(first.CommitAsync());
        var second = await Within(waiting);
        await using (second)
        {
            Assert.True(waitedWhileOpen, "A reservation completed while another reservation of the same counter was open.");
            Assert.Equal(["INV-2026-000001", "INV-2026-000002"], new[] { first.Number.Value, second.Number.Value });
            await Within(second.CommitAsync());
        }
    }

    /// <summary>A reservation waiting behind an open one completes with the same number once the first is disposed without a commit.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReserveAsync_WhileAnotherIsOpen_GetsItsNumberWhenItIsDisposed()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        var first = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));

        var waiting = sequence.ReserveAsync(tenant, NumberSeries.Default, In2026).AsTask();
        await Task.Delay(WaitingProbe);
        var waitedWhileOpen = !waiting.IsCompleted;
        await Within(first.DisposeAsync());
        var second = await Within(waiting);
        await using (second)
        {
            Assert.True(waitedWhileOpen, "A reservation completed while another reservation of the same counter was open.");
            Assert.Equal("INV-2026-000001", second.Number.Value);
            await Within(second.CommitAsync());
        }
    }

    /// <summary>A reservation cancelled while it waits throws <see cref="OperationCanceledException"/>, consumes no number and does not hold the counter.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReserveAsync_CancelledWhileWaiting_ThrowsAndConsumesNoNumber()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();
        using var cancellation = new CancellationTokenSource();
        var first = await Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026));

        var waiting = sequence.ReserveAsync(tenant, NumberSeries.Default, In2026, cancellation.Token).AsTask();
        await Task.Delay(WaitingProbe);
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(waiting));
        await Within(first.CommitAsync());
        var next = await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026);

        Assert.Equal(["INV-2026-000001", "INV-2026-000002"], new[] { first.Number.Value, next });
    }

    /// <summary>A reservation with an already cancelled token throws <see cref="OperationCanceledException"/> and consumes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ReserveAsync_AlreadyCancelled_ThrowsAndConsumesNoNumber()
    {
        var sequence = NewSequence();
        var tenant = NewTenant();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Within(sequence.ReserveAsync(tenant, NumberSeries.Default, In2026, new CancellationToken(canceled: true))));

        Assert.Equal("INV-2026-000001", await ReserveAndCommitAsync(sequence, tenant, NumberSeries.Default, In2026));
    }

    private IInvoiceNumberSequence NewSequence() => _created.Track(CreateSequence(), nameof(CreateSequence));

    private static async Task<string> ReserveAndCommitAsync(IInvoiceNumberSequence sequence, TenantId tenant, NumberSeries series, LocalDate issueDate)
    {
        var reservation = await Within(sequence.ReserveAsync(tenant, series, issueDate));
        await using (reservation)
        {
            await Within(reservation.CommitAsync());
            return reservation.Number.Value;
        }
    }
}
