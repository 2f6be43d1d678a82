using Invoicing.Core.Documents;
using Invoicing.Core.Persistence;
using static Invoicing.Core.ContractTests.ContractSupport;

namespace Invoicing.Core.ContractTests;

/// <summary>
/// The contract of <see cref="ICreditNoteRepository"/>. Inherit it in your test project, implement
/// <see cref="CreateRepository"/>, and xunit runs every test below against your adapter: exact round
/// trips of every field, a second add of an id refused, tenant isolation, the list of an invoice's
/// credit notes in issue order, racing adds, and cancellation.
/// </summary>
/// <remarks>
/// <para>The credit notes are built through the public API (<see cref="ContractSamples.CreditNoteAsync"/> and
/// <see cref="ContractSamples.CreditNoteSeriesAsync"/>). Every test uses tenants of its own (random ids), so
/// the tests never assume an empty store and can share one database, also across runs and in parallel. If
/// the repository is <see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>, it is disposed at the end
/// of the test.</para>
/// <para>Not thread-safe itself: xunit creates one instance per test.</para>
/// </remarks>
public abstract class CreditNoteRepositoryContract : IAsyncLifetime
{
    private readonly CreatedInstances _created = new();

    /// <summary>How many writers race in the concurrency test; 20 unless overridden.</summary>
    protected virtual int ConcurrentWriters => 20;

    /// <summary>Creates the repository under test. Called once per test; it may share its storage with earlier tests.</summary>
    /// <returns>A repository ready to use.</returns>
    protected abstract ICreditNoteRepository CreateRepository();

    /// <summary>Runs before each test; does nothing unless overridden.</summary>
    /// <returns>A completed task.</returns>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Runs after each test: disposes the repositories <see cref="CreateRepository"/> returned, if they are disposable.</summary>
    /// <returns>A task that completes when they are disposed.</returns>
    public virtual Task DisposeAsync() => _created.DisposeAllAsync();

    /// <summary>Nothing stored under the id: <see cref="ICreditNoteRepository.FindAsync"/> returns null.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_NothingStored_ReturnsNull()
    {
        var repository = NewRepository();

        var found = await Within(repository.FindAsync(NewTenant(), CreditNoteId.New()));

        Assert.Null(found);
    }

    /// <summary>Every credit note sample, added as it is, is read back equal in every field.</summary>
    /// <param name="sample">The <see cref="ContractSamples"/> credit note sample name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(ContractSamples.FullCancellationCredit)]
    [InlineData(ContractSamples.PartialQuantityOnGrossReceiptCredit)]
    [InlineData(ContractSamples.DiscountCredit)]
    public async Task AddAsync_ThenFindAsync_KeepsEveryField(string sample)
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var (_, note) = await ContractSamples.CreditNoteAsync(sample, tenant);

        await Within(repository.AddAsync(note));
        var found = await Within(repository.FindAsync(tenant, note.Id));

        StructuralComparer.AssertEqual(note, found, sample);
    }

    /// <summary>Every credit note of the four-note series, added and listed, is read back equal in every field.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ListForInvoiceAsync_KeepsEveryFieldOfEveryNote()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var (invoice, notes) = await ContractSamples.CreditNoteSeriesAsync(tenant);
        foreach (var note in notes)
        {
            await Within(repository.AddAsync(note));
        }

        var listed = await Within(repository.ListForInvoiceAsync(tenant, invoice.Id));

        StructuralComparer.AssertEqual(notes, listed, "credit notes");
    }

    /// <summary>
    /// Adding an id that is already stored for the tenant throws <see cref="ConcurrencyConflictException"/> (kind "credit note",
    /// expected version 0, actual version 1): a credit note is immutable, so it is never replaced, and the first one stays.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_SameIdTwice_ThrowsConflictAndKeepsTheFirst()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var id = CreditNoteId.New();
        var (_, first) = await ContractSamples.CreditNoteAsync(ContractSamples.DiscountCredit, tenant, id);
        var (_, second) = await ContractSamples.CreditNoteAsync(ContractSamples.PartialQuantityOnGrossReceiptCredit, tenant, id);
        await Within(repository.AddAsync(first));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.AddAsync(second)));
        var again = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.AddAsync(first)));

        AssertConflict(conflict, "credit note", tenant, id.Value, 0, 1);
        AssertConflict(again, "credit note", tenant, id.Value, 0, 1);
        StructuralComparer.AssertEqual(first, await Within(repository.FindAsync(tenant, id)), "credit note");
        StructuralComparer.AssertEqual(new[] { first }, await Within(repository.ListForInvoiceAsync(tenant, first.Original.Id)), "the invoice's credit notes");
        Assert.Empty(await Within(repository.ListForInvoiceAsync(tenant, second.Original.Id)));
    }

    /// <summary>A credit note stored for one tenant is not found, nor listed, under another tenant.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_OtherTenant_ReturnsNull()
    {
        var repository = NewRepository();
        var (_, note) = await ContractSamples.CreditNoteAsync(ContractSamples.FullCancellationCredit, NewTenant());
        await Within(repository.AddAsync(note));
        var otherTenant = NewTenant();

        var found = await Within(repository.FindAsync(otherTenant, note.Id));
        var listed = await Within(repository.ListForInvoiceAsync(otherTenant, note.Original.Id));

        Assert.Null(found);
        Assert.Empty(listed);
    }

    /// <summary>The same credit note id, crediting the same invoice id, stored under two tenants gives two independent credit notes.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SameCreditNoteIdInTwoTenants_AreIndependent()
    {
        var repository = NewRepository();
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        var (id, invoiceId) = (CreditNoteId.New(), InvoiceId.New());
        var (_, a) = await ContractSamples.CreditNoteAsync(ContractSamples.DiscountCredit, tenantA, id, invoiceId);
        var (_, b) = await ContractSamples.CreditNoteAsync(ContractSamples.FullCancellationCredit, tenantB, id, invoiceId);

        await Within(repository.AddAsync(a));
        await Within(repository.AddAsync(b));

        StructuralComparer.AssertEqual(a, await Within(repository.FindAsync(tenantA, id)), "tenant A's credit note");
        StructuralComparer.AssertEqual(b, await Within(repository.FindAsync(tenantB, id)), "tenant B's credit note");
        StructuralComparer.AssertEqual(new[] { a }, await Within(repository.ListForInvoiceAsync(tenantA, invoiceId)), "tenant A's list");
        StructuralComparer.AssertEqual(new[] { b }, await Within(repository.ListForInvoiceAsync(tenantB, invoiceId)), "tenant B's list");
    }

    /// <summary>
    /// <see cref="ICreditNoteRepository.ListForInvoiceAsync"/> returns exactly the credit notes of that invoice and tenant, in issue order
    /// (issue date, then number), whatever order they were added in: never another invoice's, nor another tenant's for the same invoice id.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ListForInvoiceAsync_ReturnsTheInvoicesNotesInIssueOrder()
    {
        var repository = NewRepository();
        var (tenant, otherTenant) = (NewTenant(), NewTenant());
        var (invoice, notes) = await ContractSamples.CreditNoteSeriesAsync(tenant);
        var (_, otherInvoicesNote) = await ContractSamples.CreditNoteAsync(ContractSamples.DiscountCredit, tenant);
        var (_, otherTenantsNote) = await ContractSamples.CreditNoteAsync(ContractSamples.FullCancellationCredit, otherTenant, invoiceId: invoice.Id);
        foreach (var note in new[] { notes[3], otherInvoicesNote, notes[1], otherTenantsNote, notes[0], notes[2] })
        {
            await Within(repository.AddAsync(note));
        }

        var listed = await Within(repository.ListForInvoiceAsync(tenant, invoice.Id));
        var ofOtherInvoice = await Within(repository.ListForInvoiceAsync(tenant, otherInvoicesNote.Original.Id));
        var ofOtherTenant = await Within(repository.ListForInvoiceAsync(otherTenant, invoice.Id));
        var ofUnknownInvoice = await Within(repository.ListForInvoiceAsync(tenant, InvoiceId.New()));

        Assert.Equal(["CN-2026-000001", "CN-2026-000002", "CN-2026-000003", "CN-2027-000001"], listed.Select(n => n.Number.Value));
        StructuralComparer.AssertEqual(notes, listed, "the invoice's credit notes");
        StructuralComparer.AssertEqual(new[] { otherInvoicesNote }, ofOtherInvoice, "the other invoice's credit notes");
        StructuralComparer.AssertEqual(new[] { otherTenantsNote }, ofOtherTenant, "the other tenant's credit notes");
        Assert.Empty(ofUnknownInvoice);
    }

    /// <summary>
    /// What <see cref="ICreditNoteRepository.ListForInvoiceAsync"/> returns is what <see cref="CreditNoteService.IssueAsync"/> needs as its
    /// earlier credit notes: after three stored notes of the series, the balance is the one of the original notes, and the listed
    /// notes of the whole series leave nothing creditable.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ListForInvoiceAsync_GivesTheEarlierNotesOfCreditNoteService()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var (invoice, notes) = await ContractSamples.CreditNoteSeriesAsync(tenant);
        foreach (var note in notes.Take(3))
        {
            await Within(repository.AddAsync(note));
        }

        var afterThree = CreditableBalance.Of(invoice, await Within(repository.ListForInvoiceAsync(tenant, invoice.Id)));
        await Within(repository.AddAsync(notes[3]));
        var afterAll = CreditableBalance.Of(invoice, await Within(repository.ListForInvoiceAsync(tenant, invoice.Id)));

        StructuralComparer.AssertEqual(CreditableBalance.Of(invoice, notes.Take(3)), afterThree, "balance after three notes");
        Assert.Equal(notes[3].Total, afterThree.Total);
        Assert.True(afterAll.IsExhausted, $"Expected nothing creditable after the whole series, found {afterAll.Total}.");
    }

    /// <summary>Many writers add the same new credit note id at once: exactly one succeeds, every other gets <see cref="ConcurrencyConflictException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_ConcurrentAddsOfOneId_ExactlyOneWins()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var id = CreditNoteId.New();
        var candidates = new CreditNote[ConcurrentWriters];
        for (var i = 0; i < candidates.Length; i++)
        {
            candidates[i] = (await ContractSamples.CreditNoteAsync(ContractSamples.CreditNoteSampleNames[i % 3], tenant, id)).CreditNote;
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = candidates.Select(candidate => Task.Run(async () =>
        {
            await start.Task;
            return await Record.ExceptionAsync(() => repository.AddAsync(candidate).AsTask());
        })).ToArray();
        start.SetResult();
        var outcomes = await Within(Task.WhenAll(writers));

        var winner = candidates[Assert.Single(Enumerable.Range(0, outcomes.Length), i => outcomes[i] is null)];
        Assert.All(outcomes.Where(e => e is not null), e => Assert.IsType<ConcurrencyConflictException>(e));
        StructuralComparer.AssertEqual(winner, await Within(repository.FindAsync(tenant, id)), "credit note");
    }

    /// <summary>An already cancelled token makes <see cref="ICreditNoteRepository.FindAsync"/> throw <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_CancelledToken_Throws()
    {
        var repository = NewRepository();
        var (_, note) = await ContractSamples.CreditNoteAsync(ContractSamples.DiscountCredit, NewTenant());
        await Within(repository.AddAsync(note));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.FindAsync(note.TenantId, note.Id, Cancelled)));
    }

    /// <summary>An already cancelled token makes <see cref="ICreditNoteRepository.AddAsync"/> throw <see cref="OperationCanceledException"/> and store nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_CancelledToken_ThrowsAndStoresNothing()
    {
        var repository = NewRepository();
        var (_, note) = await ContractSamples.CreditNoteAsync(ContractSamples.DiscountCredit, NewTenant());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.AddAsync(note, Cancelled)));

        Assert.Null(await Within(repository.FindAsync(note.TenantId, note.Id)));
        Assert.Empty(await Within(repository.ListForInvoiceAsync(note.TenantId, note.Original.Id)));
    }

    /// <summary>An already cancelled token makes <see cref="ICreditNoteRepository.ListForInvoiceAsync"/> throw <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ListForInvoiceAsync_CancelledToken_Throws()
    {
        var repository = NewRepository();
        var (_, note) = await ContractSamples.CreditNoteAsync(ContractSamples.DiscountCredit, NewTenant());
        await Within(repository.AddAsync(note));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.ListForInvoiceAsync(note.TenantId, note.Original.Id, Cancelled)));
    }

    private static CancellationToken Cancelled => new(canceled: true);

    private ICreditNoteRepository NewRepository() => _created.Track(CreateRepository(), nameof(CreateRepository));
}
