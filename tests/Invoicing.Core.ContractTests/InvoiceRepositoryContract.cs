using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using NodaTime;
using NodaTime.Testing;
using static Invoicing.Core.ContractTests.ContractSupport;

namespace Invoicing.Core.ContractTests;

/// <summary>
/// The contract of <see cref="IInvoiceRepository"/>. Inherit it in your test project, implement
/// <see cref="CreateRepository"/>, and xunit runs every test below against your adapter: exact round
/// trips of every field, optimistic concurrency (stale, missing and racing writes), tenant isolation,
/// the open-invoice query, and cancellation.
/// </summary>
/// <remarks>
/// <para>Every test uses tenants of its own (random ids), so the tests never assume an empty store and can
/// share one database, also across runs and in parallel. A test creates one repository and uses it from
/// many threads at once in the concurrency tests. If the repository is <see cref="IAsyncDisposable"/> or
/// <see cref="IDisposable"/>, it is disposed at the end of the test.</para>
/// <para>Not thread-safe itself: xunit creates one instance per test.</para>
/// </remarks>
public abstract class InvoiceRepositoryContract : IAsyncLifetime
{
    private static readonly LocalDate IssueDate = new(2026, 11, 23);
    private static readonly CustomerId OtherCustomer = CustomerId.From("C-2002");
    private readonly CreatedInstances _created = new();
    private readonly InvoiceService _service = new(new FakeClock(ContractSamples.Now), new InMemoryInvoiceNumberSequence());

    /// <summary>How many writers race in the concurrency tests; 20 unless overridden.</summary>
    protected virtual int ConcurrentWriters => 20;

    /// <summary>Creates the repository under test. Called once per test; it may share its storage with earlier tests.</summary>
    /// <returns>A repository ready to use.</returns>
    protected abstract IInvoiceRepository CreateRepository();

    /// <summary>Runs before each test; does nothing unless overridden.</summary>
    /// <returns>A completed task.</returns>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Runs after each test: disposes the repositories <see cref="CreateRepository"/> returned, if they are disposable.</summary>
    /// <returns>A task that completes when they are disposed.</returns>
    public virtual Task DisposeAsync() => _created.DisposeAllAsync();

    /// <summary>Nothing stored under the id: <see cref="IInvoiceRepository.FindAsync"/> returns null.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_NothingStored_ReturnsNull()
    {
        var repository = NewRepository();

        var found = await Within(repository.FindAsync(NewTenant(), InvoiceId.New()));

        Assert.Null(found);
    }

    /// <summary>Every sample, added as it is, is read back equal in every field.</summary>
    /// <param name="sample">The <see cref="ContractSamples"/> name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(ContractSamples.RichDraft)]
    [InlineData(ContractSamples.IssuedInInstalments)]
    [InlineData(ContractSamples.PartiallyPaid)]
    [InlineData(ContractSamples.Paid)]
    [InlineData(ContractSamples.WrittenOff)]
    [InlineData(ContractSamples.ReverseChargeInKwd)]
    [InlineData(ContractSamples.GrossReceiptWithCashRounding)]
    [InlineData(ContractSamples.Discarded)]
    public async Task AddAsync_ThenFindAsync_KeepsEveryField(string sample)
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var invoice = await ContractSamples.InvoiceAsync(sample, tenant);

        await Within(repository.AddAsync(invoice));
        var found = await Within(repository.FindAsync(tenant, invoice.Id));

        StructuralComparer.AssertEqual(invoice, found, sample);
    }

    /// <summary>Every sample, stored as a first version and then updated through each later version, is read back equal in every field after each write.</summary>
    /// <param name="sample">The <see cref="ContractSamples"/> name.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData(ContractSamples.RichDraft)]
    [InlineData(ContractSamples.IssuedInInstalments)]
    [InlineData(ContractSamples.PartiallyPaid)]
    [InlineData(ContractSamples.Paid)]
    [InlineData(ContractSamples.WrittenOff)]
    [InlineData(ContractSamples.ReverseChargeInKwd)]
    [InlineData(ContractSamples.GrossReceiptWithCashRounding)]
    [InlineData(ContractSamples.Discarded)]
    public async Task UpdateAsync_ThroughEveryVersion_KeepsEveryField(string sample)
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var versions = await ContractSamples.InvoiceVersionsAsync(sample, tenant);

        await Within(repository.AddAsync(versions[0]));
        for (var i = 1; i < versions.Count; i++)
        {
            await Within(repository.UpdateAsync(versions[i], versions[i - 1].Version));
            var found = await Within(repository.FindAsync(tenant, versions[i].Id));
            StructuralComparer.AssertEqual(versions[i], found, $"{sample} v{versions[i].Version}");
        }
    }

    /// <summary>Adding an id that is already stored throws <see cref="ConcurrencyConflictException"/> (expected version 0) and keeps the first invoice.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_SameIdTwice_ThrowsConflictAndKeepsTheFirst()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var first = Draft(tenant);
        var second = _service.ChangeHeader(first, first.Header with { Note = "second" }).Invoice;
        await Within(repository.AddAsync(first));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.AddAsync(second)));

        AssertConflict(conflict, "invoice", tenant, first.Id.Value, 0, 1);
        StructuralComparer.AssertEqual(first, await Within(repository.FindAsync(tenant, first.Id)), "invoice");
    }

    /// <summary>An update that names the stored version as expected replaces the invoice; a second update builds on the first.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_ExpectedVersionIsStored_StoresTheNewVersion()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var v1 = Draft(tenant);
        await Within(repository.AddAsync(v1));
        var v2 = _service.AddLine(v1, Line("2", 3m, 7.50m)).Invoice;
        var v3 = (await _service.IssueAsync(v2, IssueDate)).Invoice;

        await Within(repository.UpdateAsync(v2, 1));
        var afterFirst = await Within(repository.FindAsync(tenant, v1.Id));
        await Within(repository.UpdateAsync(v3, 2));
        var afterSecond = await Within(repository.FindAsync(tenant, v1.Id));

        StructuralComparer.AssertEqual(v2, afterFirst, "invoice v2");
        StructuralComparer.AssertEqual(v3, afterSecond, "invoice v3");
    }

    /// <summary>An update whose expected version is no longer stored throws <see cref="ConcurrencyConflictException"/> and changes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_StaleExpectedVersion_ThrowsConflictAndChangesNothing()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var v1 = Draft(tenant);
        var mine = _service.ChangeHeader(v1, v1.Header with { Note = "mine" }).Invoice;
        var theirs = _service.ChangeHeader(v1, v1.Header with { Note = "theirs" }).Invoice;
        var theirsNext = _service.ChangeHeader(theirs, theirs.Header with { Note = "theirs, again" }).Invoice;
        await Within(repository.AddAsync(v1));
        await Within(repository.UpdateAsync(theirs, 1));
        await Within(repository.UpdateAsync(theirsNext, 2));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.UpdateAsync(mine, 1)));
        var ahead = _service.ChangeHeader(theirsNext, theirsNext.Header with { Note = "ahead" }).Invoice;
        var outOfStep = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.UpdateAsync(
            _service.ChangeHeader(ahead, ahead.Header with { Note = "further ahead" }).Invoice, 4)));

        AssertConflict(conflict, "invoice", tenant, v1.Id.Value, 1, 3);
        AssertConflict(outOfStep, "invoice", tenant, v1.Id.Value, 4, 3);
        StructuralComparer.AssertEqual(theirsNext, await Within(repository.FindAsync(tenant, v1.Id)), "invoice");
    }

    /// <summary>Updating an invoice that is not stored throws <see cref="ConcurrencyConflictException"/> (no actual version) and stores nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_NothingStored_ThrowsConflictAndStoresNothing()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var v1 = Draft(tenant);
        var v2 = _service.ChangeHeader(v1, v1.Header with { Note = "never stored" }).Invoice;

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.UpdateAsync(v2, 1)));

        AssertConflict(conflict, "invoice", tenant, v1.Id.Value, 1, null);
        Assert.Null(await Within(repository.FindAsync(tenant, v1.Id)));
    }

    /// <summary>An update whose invoice version is not above the expected version throws <see cref="ArgumentException"/> and changes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_VersionNotAboveExpected_ThrowsArgumentExceptionAndChangesNothing()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var v1 = Draft(tenant);
        var v2 = _service.ChangeHeader(v1, v1.Header with { Note = "v2" }).Invoice;
        await Within(repository.AddAsync(v1));
        await Within(repository.UpdateAsync(v2, 1));

        var same = await Assert.ThrowsAnyAsync<ArgumentException>(() => Within(repository.UpdateAsync(v2, 2)));
        var older = await Assert.ThrowsAnyAsync<ArgumentException>(() => Within(repository.UpdateAsync(v1, 2)));

        Assert.IsNotAssignableFrom<ArgumentNullException>(same);
        Assert.IsNotAssignableFrom<ArgumentNullException>(older);
        StructuralComparer.AssertEqual(v2, await Within(repository.FindAsync(tenant, v1.Id)), "invoice");
    }

    /// <summary>An invoice stored for one tenant is not found under another tenant with the same id.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_OtherTenant_ReturnsNull()
    {
        var repository = NewRepository();
        var invoice = Draft(NewTenant());
        await Within(repository.AddAsync(invoice));

        var found = await Within(repository.FindAsync(NewTenant(), invoice.Id));

        Assert.Null(found);
    }

    /// <summary>The same invoice id stored under two tenants gives two independent invoices: adding, updating and reading one never touches the other, and an update under a third tenant finds nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SameInvoiceIdInTwoTenants_AreIndependent()
    {
        var repository = NewRepository();
        var (tenantA, tenantB, tenantC) = (NewTenant(), NewTenant(), NewTenant());
        var id = InvoiceId.New();
        var a1 = Draft(tenantA, id: id);
        var b1 = Draft(tenantB, id: id, item: "Other tenant's service");
        var a2 = _service.ChangeHeader(a1, a1.Header with { Note = "changed in A" }).Invoice;
        var c2 = _service.ChangeHeader(Draft(tenantC, id: id), a1.Header with { Note = "C" }).Invoice;

        await Within(repository.AddAsync(a1));
        await Within(repository.AddAsync(b1));
        await Within(repository.UpdateAsync(a2, 1));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.UpdateAsync(c2, 1)));

        Assert.Null(conflict.ActualVersion);
        StructuralComparer.AssertEqual(a2, await Within(repository.FindAsync(tenantA, id)), "tenant A's invoice");
        StructuralComparer.AssertEqual(b1, await Within(repository.FindAsync(tenantB, id)), "tenant B's invoice");
        Assert.Null(await Within(repository.FindAsync(tenantC, id)));
    }

    /// <summary>
    /// <see cref="IInvoiceRepository.QueryOpenAsync"/> returns exactly the customer's issued and partially paid
    /// invoices of the tenant, ordered by invoice number: never drafts, discarded, paid or written-off ones,
    /// another customer's, or another tenant's.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task QueryOpenAsync_ReturnsOnlyTheCustomersOpenInvoicesOrderedByNumber()
    {
        var repository = NewRepository();
        var (tenant, otherTenant) = (NewTenant(), NewTenant());
        var partlyPaid = PartlyPaid(await IssueAsync(Draft(tenant)));               // INV-2026-000001
        var issued = await IssueAsync(Draft(tenant));                               // INV-2026-000002
        var paid = Pay(await IssueAsync(Draft(tenant)));                            // INV-2026-000003
        var writtenOff = _service.WriteOff(await IssueAsync(Draft(tenant)), "Uncollectible").Invoice; // INV-2026-000004
        var otherCustomers = await IssueAsync(Draft(tenant, OtherCustomer));        // INV-2026-000005
        var lastIssued = await IssueAsync(Draft(tenant));                           // INV-2026-000006
        var draft = Draft(tenant);
        var discarded = _service.Discard(Draft(tenant)).Invoice;
        var otherTenants = await IssueAsync(Draft(otherTenant));
        foreach (var invoice in new[] { lastIssued, draft, paid, otherTenants, issued, writtenOff, discarded, otherCustomers, partlyPaid })
        {
            await Within(repository.AddAsync(invoice));
        }

        var open = await ListWithin(repository.QueryOpenAsync(tenant, ContractSamples.Customer));
        var ofOtherCustomer = await ListWithin(repository.QueryOpenAsync(tenant, OtherCustomer));
        var ofUnknownCustomer = await ListWithin(repository.QueryOpenAsync(tenant, CustomerId.From("nobody")));
        var ofOtherTenant = await ListWithin(repository.QueryOpenAsync(otherTenant, ContractSamples.Customer));

        Assert.Equal(["INV-2026-000001", "INV-2026-000002", "INV-2026-000006"], open.Select(i => i.Number?.Value));
        StructuralComparer.AssertEqual(new[] { partlyPaid, issued, lastIssued }, open, "open invoices");
        StructuralComparer.AssertEqual(new[] { otherCustomers }, ofOtherCustomer, "the other customer's open invoices");
        Assert.Empty(ofUnknownCustomer);
        StructuralComparer.AssertEqual(new[] { otherTenants }, ofOtherTenant, "the other tenant's open invoices");
    }

    /// <summary><see cref="IInvoiceRepository.QueryOpenAsync"/> follows updates: it returns the stored version, and an invoice paid in full leaves the result.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task QueryOpenAsync_AfterUpdates_ReturnsTheStoredVersions()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var first = Draft(tenant);
        var second = Draft(tenant);
        await Within(repository.AddAsync(first));
        await Within(repository.AddAsync(second));
        var firstIssued = await IssueAsync(first);
        var secondIssued = await IssueAsync(second);
        var firstPartlyPaid = PartlyPaid(firstIssued);

        var beforeIssue = await ListWithin(repository.QueryOpenAsync(tenant, ContractSamples.Customer));
        await Within(repository.UpdateAsync(firstIssued, first.Version));
        await Within(repository.UpdateAsync(secondIssued, second.Version));
        await Within(repository.UpdateAsync(firstPartlyPaid, firstIssued.Version));
        await Within(repository.UpdateAsync(Pay(secondIssued), secondIssued.Version));
        var afterPayments = await ListWithin(repository.QueryOpenAsync(tenant, ContractSamples.Customer));

        Assert.Empty(beforeIssue);
        StructuralComparer.AssertEqual(new[] { firstPartlyPaid }, afterPayments, "open invoices");
    }

    /// <summary>Many writers update the same stored version at once: exactly one succeeds, every other gets <see cref="ConcurrencyConflictException"/>, and the winner's version is stored.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_ConcurrentWritersFromOneVersion_ExactlyOneWins()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var v1 = Draft(tenant);
        await Within(repository.AddAsync(v1));
        var candidates = Enumerable.Range(0, ConcurrentWriters)
            .Select(i => _service.ChangeHeader(v1, v1.Header with { Note = $"writer {i}" }).Invoice)
            .ToArray();

        var outcomes = await RaceAsync(candidates, invoice => repository.UpdateAsync(invoice, v1.Version));

        var winner = candidates[Assert.Single(Enumerable.Range(0, outcomes.Length), i => outcomes[i] is null)];
        Assert.All(outcomes.Where(e => e is not null), e => Assert.IsType<ConcurrencyConflictException>(e));
        StructuralComparer.AssertEqual(winner, await Within(repository.FindAsync(tenant, v1.Id)), "invoice");
    }

    /// <summary>Many writers add the same new invoice id at once: exactly one succeeds, every other gets <see cref="ConcurrencyConflictException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_ConcurrentAddsOfOneId_ExactlyOneWins()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var id = InvoiceId.New();
        var candidates = Enumerable.Range(0, ConcurrentWriters).Select(i => Draft(tenant, id: id, item: $"Service {i}")).ToArray();

        var outcomes = await RaceAsync(candidates, invoice => repository.AddAsync(invoice));

        var winner = candidates[Assert.Single(Enumerable.Range(0, outcomes.Length), i => outcomes[i] is null)];
        Assert.All(outcomes.Where(e => e is not null), e => Assert.IsType<ConcurrencyConflictException>(e));
        StructuralComparer.AssertEqual(winner, await Within(repository.FindAsync(tenant, id)), "invoice");
    }

    /// <summary>An already cancelled token makes <see cref="IInvoiceRepository.FindAsync"/> throw <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_CancelledToken_Throws()
    {
        var repository = NewRepository();
        var invoice = Draft(NewTenant());
        await Within(repository.AddAsync(invoice));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.FindAsync(invoice.TenantId, invoice.Id, Cancelled)));
    }

    /// <summary>An already cancelled token makes <see cref="IInvoiceRepository.AddAsync"/> throw <see cref="OperationCanceledException"/> and store nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_CancelledToken_ThrowsAndStoresNothing()
    {
        var repository = NewRepository();
        var invoice = Draft(NewTenant());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.AddAsync(invoice, Cancelled)));

        Assert.Null(await Within(repository.FindAsync(invoice.TenantId, invoice.Id)));
    }

    /// <summary>An already cancelled token makes <see cref="IInvoiceRepository.UpdateAsync"/> throw <see cref="OperationCanceledException"/> and change nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_CancelledToken_ThrowsAndChangesNothing()
    {
        var repository = NewRepository();
        var v1 = Draft(NewTenant());
        await Within(repository.AddAsync(v1));
        var v2 = _service.ChangeHeader(v1, v1.Header with { Note = "cancelled" }).Invoice;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.UpdateAsync(v2, 1, Cancelled)));

        StructuralComparer.AssertEqual(v1, await Within(repository.FindAsync(v1.TenantId, v1.Id)), "invoice");
    }

    /// <summary>An already cancelled token passed to <see cref="IInvoiceRepository.QueryOpenAsync"/> makes the enumeration throw <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task QueryOpenAsync_CancelledToken_ThrowsWhenEnumerated()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        await Within(repository.AddAsync(await IssueAsync(Draft(tenant))));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Within(ToListAsync(repository.QueryOpenAsync(tenant, ContractSamples.Customer, Cancelled))));
    }

    /// <summary>An already cancelled token given through <c>WithCancellation</c> makes the enumeration of <see cref="IInvoiceRepository.QueryOpenAsync"/> throw <see cref="OperationCanceledException"/> (use <c>[EnumeratorCancellation]</c>).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task QueryOpenAsync_CancelledThroughWithCancellation_ThrowsWhenEnumerated()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        await Within(repository.AddAsync(await IssueAsync(Draft(tenant))));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Within(ToListAsync(repository.QueryOpenAsync(tenant, ContractSamples.Customer), Cancelled)));
    }

    private static CancellationToken Cancelled => new(canceled: true);

    private IInvoiceRepository NewRepository() => _created.Track(CreateRepository(), nameof(CreateRepository));

    private Invoice Draft(TenantId tenant, CustomerId? customer = null, InvoiceId? id = null, string item = "Service")
    {
        var header = new InvoiceHeader(Currency.Eur, ContractSamples.Seller())
        {
            Buyer = ContractSamples.Buyer(),
            CustomerId = customer ?? ContractSamples.Customer,
            PaymentTerms = PaymentTerms.Net(30),
        };
        var line = new InvoiceLine(InvoiceLineId.From("1"), new Item(item), Quantity.Of(2m), Money.Of(50.00m, Currency.Eur), TaxTreatment.Standard(19m));
        return _service.CreateDraft(tenant, header, [line], id).Invoice;
    }

    private static InvoiceLine Line(string id, decimal quantity, decimal price)
        => new(InvoiceLineId.From(id), new Item($"Item {id}"), Quantity.Of(quantity), Money.Of(price, Currency.Eur), TaxTreatment.Standard(19m));

    private async Task<Invoice> IssueAsync(Invoice draft) => (await _service.IssueAsync(draft, IssueDate)).Invoice;

    private Invoice PartlyPaid(Invoice issued)
        => _service.RecordPayment(issued, Money.Of(19.00m, Currency.Eur), IssueDate.PlusDays(3), "partial").Invoice;

    private Invoice Pay(Invoice issued) => _service.RecordPayment(issued, issued.OpenAmount, IssueDate.PlusDays(5), "full").Invoice;

    /// <summary>Starts one write per candidate on the thread pool, releases them together, and returns each one's exception (null for success).</summary>
    private static async Task<Exception?[]> RaceAsync<T>(T[] candidates, Func<T, ValueTask> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = candidates.Select(candidate => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                await write(candidate);
                return null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return e;
            }
        })).ToArray();
        start.SetResult();
        return await Within(Task.WhenAll(writers));
    }
}
