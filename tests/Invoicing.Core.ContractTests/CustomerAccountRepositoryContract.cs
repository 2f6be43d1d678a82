using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using static Invoicing.Core.ContractTests.ContractSupport;

namespace Invoicing.Core.ContractTests;

/// <summary>
/// The contract of <see cref="ICustomerAccountRepository"/>. Inherit it in your test project, implement
/// <see cref="CreateRepository"/>, and xunit runs every test below against your adapter: the store owns
/// the version (0 before the first write, then 1, 2, …), exact round trips of every field, stale, missing
/// and racing writes, tenant isolation, the ordered listing, and cancellation.
/// </summary>
/// <remarks>
/// <para>Every test uses tenants of its own (random ids), so the tests never assume an empty store and can
/// share one database, also across runs and in parallel. A test creates one repository and uses it from
/// many threads at once in the concurrency tests. If the repository is <see cref="IAsyncDisposable"/> or
/// <see cref="IDisposable"/>, it is disposed at the end of the test.</para>
/// <para>Not thread-safe itself: xunit creates one instance per test.</para>
/// </remarks>
public abstract class CustomerAccountRepositoryContract : IAsyncLifetime
{
    private readonly CreatedInstances _created = new();

    /// <summary>How many writers race in the concurrency tests; 20 unless overridden.</summary>
    protected virtual int ConcurrentWriters => 20;

    /// <summary>Creates the repository under test. Called once per test; it may share its storage with earlier tests.</summary>
    /// <returns>A repository ready to use.</returns>
    protected abstract ICustomerAccountRepository CreateRepository();

    /// <summary>Runs before each test; does nothing unless overridden.</summary>
    /// <returns>A completed task.</returns>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Runs after each test: disposes the repositories <see cref="CreateRepository"/> returned, if they are disposable.</summary>
    /// <returns>A task that completes when they are disposed.</returns>
    public virtual Task DisposeAsync() => _created.DisposeAllAsync();

    /// <summary>Nothing stored under the id: <see cref="ICustomerAccountRepository.FindAsync"/> returns null.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_NothingStored_ReturnsNull()
    {
        var repository = NewRepository();

        Assert.Null(await Within(repository.FindAsync(NewTenant(), CustomerId.From("C-1"))));
    }

    /// <summary>Adding an account of version 0 returns it as version 1, unchanged otherwise, and that is what is read back.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_NewAccount_ReturnsAndStoresVersionOne()
    {
        var repository = NewRepository();
        var account = ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"));

        var stored = await Within(repository.AddAsync(account));
        var found = await Within(repository.FindAsync(account.TenantId, account.Id));

        Assert.Equal(0, account.Version);
        StructuralComparer.AssertEqual(account with { Version = 1 }, stored, "returned account");
        StructuralComparer.AssertEqual(stored, found, "stored account");
    }

    /// <summary>An account with every optional field set is added and read back equal in every field.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_EveryFieldSet_KeepsEveryField()
    {
        var repository = NewRepository();
        var account = ContractSamples.CustomerAccountWithEveryField(NewTenant(), CustomerId.From("C-1001"));

        var stored = await Within(repository.AddAsync(account));
        var found = await Within(repository.FindAsync(account.TenantId, account.Id));

        StructuralComparer.AssertEqual(account with { Version = 1 }, stored, "returned account");
        StructuralComparer.AssertEqual(account with { Version = 1 }, found, "stored account");
    }

    /// <summary>A plain account updated to one with every optional field set, and back to a plain one, is read back equal in every field each time (so a store also clears fields).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_SettingAndClearingEveryField_KeepsEveryField()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var id = CustomerId.From("C-1001");
        var plain = ContractSamples.CustomerAccount(tenant, id);
        var stored = await Within(repository.AddAsync(plain));

        var rich = await Within(repository.UpdateAsync(ContractSamples.CustomerAccountWithEveryField(tenant, id) with { Version = stored.Version }));
        var richFound = await Within(repository.FindAsync(tenant, id));
        var plainAgain = await Within(repository.UpdateAsync(plain with { Version = rich.Version }));
        var plainFound = await Within(repository.FindAsync(tenant, id));

        StructuralComparer.AssertEqual(ContractSamples.CustomerAccountWithEveryField(tenant, id) with { Version = 2 }, richFound, "account v2");
        StructuralComparer.AssertEqual(rich, richFound, "account v2");
        StructuralComparer.AssertEqual(plain with { Version = 3 }, plainFound, "account v3");
        StructuralComparer.AssertEqual(plainAgain, plainFound, "account v3");
    }

    /// <summary>Adding an id that is already stored throws <see cref="ConcurrencyConflictException"/> (expected version 0, actual 1) and keeps the first account.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_SameIdTwice_ThrowsConflictAndKeepsTheFirst()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var first = ContractSamples.CustomerAccount(tenant, CustomerId.From("C-1"));
        var stored = await Within(repository.AddAsync(first));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Within(repository.AddAsync(first with { PreferredLanguage = "de", CreditLimit = Money.Of(1m, Currency.Eur) })));

        AssertConflict(conflict, "customer account", tenant, first.Id.Value, 0, 1);
        StructuralComparer.AssertEqual(stored, await Within(repository.FindAsync(tenant, first.Id)), "account");
    }

    /// <summary>Adding an account whose version is not 0 throws <see cref="ConcurrencyConflictException"/> and stores nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_VersionNotZero_ThrowsConflictAndStoresNothing()
    {
        var repository = NewRepository();
        var account = ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1")) with { Version = 3 };

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.AddAsync(account)));

        Assert.Equal(3, conflict.ExpectedVersion);
        Assert.Null(await Within(repository.FindAsync(account.TenantId, account.Id)));
    }

    /// <summary>Each update of the stored version returns and stores the account with the next version.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_StoredVersion_IncrementsTheVersion()
    {
        var repository = NewRepository();
        var v1 = await Within(repository.AddAsync(ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"))));

        var v2 = await Within(repository.UpdateAsync(v1 with { Kind = CustomerKind.Consumer }));
        var v3 = await Within(repository.UpdateAsync(v2 with { PreferredLanguage = "nl-BE" }));
        var found = await Within(repository.FindAsync(v1.TenantId, v1.Id));

        StructuralComparer.AssertEqual(v1 with { Kind = CustomerKind.Consumer, Version = 2 }, v2, "account v2");
        StructuralComparer.AssertEqual(v2 with { PreferredLanguage = "nl-BE", Version = 3 }, v3, "account v3");
        StructuralComparer.AssertEqual(v3, found, "stored account");
    }

    /// <summary>An update of a version that is no longer stored throws <see cref="ConcurrencyConflictException"/> (with the stored version) and changes nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsConflictAndChangesNothing()
    {
        var repository = NewRepository();
        var v1 = await Within(repository.AddAsync(ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"))));
        var theirs = await Within(repository.UpdateAsync(v1 with { PreferredLanguage = "fr" }));

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.UpdateAsync(v1 with { PreferredLanguage = "it" })));
        var ahead = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.UpdateAsync(theirs with { Version = 5 })));

        AssertConflict(conflict, "customer account", v1.TenantId, v1.Id.Value, 1, 2);
        AssertConflict(ahead, "customer account", v1.TenantId, v1.Id.Value, 5, 2);
        StructuralComparer.AssertEqual(theirs, await Within(repository.FindAsync(v1.TenantId, v1.Id)), "account");
    }

    /// <summary>Updating an account that is not stored throws <see cref="ConcurrencyConflictException"/> (no actual version) and stores nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_NothingStored_ThrowsConflictAndStoresNothing()
    {
        var repository = NewRepository();
        var account = ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1")) with { Version = 1 };

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Within(repository.UpdateAsync(account)));

        AssertConflict(conflict, "customer account", account.TenantId, account.Id.Value, 1, null);
        Assert.Null(await Within(repository.FindAsync(account.TenantId, account.Id)));
    }

    /// <summary>An account stored for one tenant is not found under another tenant with the same id.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_OtherTenant_ReturnsNull()
    {
        var repository = NewRepository();
        var account = await Within(repository.AddAsync(ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"))));

        Assert.Null(await Within(repository.FindAsync(NewTenant(), account.Id)));
    }

    /// <summary>The same customer id stored under two tenants gives two independent accounts: adding, updating and reading one never touches the other.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task SameCustomerIdInTwoTenants_AreIndependent()
    {
        var repository = NewRepository();
        var (tenantA, tenantB) = (NewTenant(), NewTenant());
        var id = CustomerId.From("C-1");

        var a1 = await Within(repository.AddAsync(ContractSamples.CustomerAccount(tenantA, id)));
        var b1 = await Within(repository.AddAsync(ContractSamples.CustomerAccountWithEveryField(tenantB, id)));
        var a2 = await Within(repository.UpdateAsync(a1 with { PreferredLanguage = "de-AT" }));
        var a3 = await Within(repository.UpdateAsync(a2 with { Kind = CustomerKind.Consumer }));

        Assert.Equal((1, 1, 3), (a1.Version, b1.Version, a3.Version));
        StructuralComparer.AssertEqual(a3, await Within(repository.FindAsync(tenantA, id)), "tenant A's account");
        StructuralComparer.AssertEqual(b1, await Within(repository.FindAsync(tenantB, id)), "tenant B's account");
    }

    /// <summary><see cref="ICustomerAccountRepository.ListAsync"/> returns exactly the tenant's accounts, in their stored versions, ordered by customer id (ordinal, as <see cref="CustomerId"/> compares).</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ListAsync_ReturnsOnlyTheTenantsAccountsOrderedById()
    {
        var repository = NewRepository();
        var (tenant, otherTenant, emptyTenant) = (NewTenant(), NewTenant(), NewTenant());
        var stored = new List<CustomerAccount>();
        foreach (var id in new[] { "C-20", "b-7", "C-3", "A-1", "C-100" })
        {
            stored.Add(await Within(repository.AddAsync(ContractSamples.CustomerAccount(tenant, CustomerId.From(id)))));
        }

        stored[2] = await Within(repository.UpdateAsync(stored[2] with { PreferredLanguage = "en-GB" }));
        var others = await Within(repository.AddAsync(ContractSamples.CustomerAccountWithEveryField(otherTenant, CustomerId.From("C-3"))));

        var listed = await ListWithin(repository.ListAsync(tenant));
        var otherListed = await ListWithin(repository.ListAsync(otherTenant));
        var emptyListed = await ListWithin(repository.ListAsync(emptyTenant));

        Assert.Equal(["A-1", "C-100", "C-20", "C-3", "b-7"], listed.Select(a => a.Id.Value));
        StructuralComparer.AssertEqual(stored.OrderBy(a => a.Id).ToArray(), listed, "listed accounts");
        StructuralComparer.AssertEqual(new[] { others }, otherListed, "the other tenant's accounts");
        Assert.Empty(emptyListed);
    }

    /// <summary>Many writers update the same stored version at once: exactly one succeeds, every other gets <see cref="ConcurrencyConflictException"/>, and the winner's change is stored as version 2.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_ConcurrentWritersFromOneVersion_ExactlyOneWins()
    {
        var repository = NewRepository();
        var v1 = await Within(repository.AddAsync(ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"))));
        var candidates = Enumerable.Range(1, ConcurrentWriters).Select(i => v1 with { CreditLimit = Money.Of(i * 100m, Currency.Eur) }).ToArray();

        var outcomes = await RaceAsync(candidates, account => repository.UpdateAsync(account));

        var winner = Assert.Single(outcomes, o => o.Error is null).Stored;
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<ConcurrencyConflictException>(o.Error));
        Assert.NotNull(winner);
        Assert.Equal(2, winner.Version);
        Assert.Contains(candidates, c => StructuralComparer.AreEqual(c with { Version = 2 }, winner));
        StructuralComparer.AssertEqual(winner, await Within(repository.FindAsync(v1.TenantId, v1.Id)), "account");
    }

    /// <summary>Many writers add the same new customer id at once: exactly one succeeds, every other gets <see cref="ConcurrencyConflictException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_ConcurrentAddsOfOneId_ExactlyOneWins()
    {
        var repository = NewRepository();
        var tenant = NewTenant();
        var id = CustomerId.From("C-1");
        var candidates = Enumerable.Range(1, ConcurrentWriters)
            .Select(i => ContractSamples.CustomerAccount(tenant, id) with { CreditLimit = Money.Of(i * 100m, Currency.Eur) })
            .ToArray();

        var outcomes = await RaceAsync(candidates, account => repository.AddAsync(account));

        var winner = Assert.Single(outcomes, o => o.Error is null).Stored;
        Assert.All(outcomes.Where(o => o.Error is not null), o => Assert.IsType<ConcurrencyConflictException>(o.Error));
        StructuralComparer.AssertEqual(winner, await Within(repository.FindAsync(tenant, id)), "account");
    }

    /// <summary>An already cancelled token makes <see cref="ICustomerAccountRepository.FindAsync"/> throw <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task FindAsync_CancelledToken_Throws()
    {
        var repository = NewRepository();
        var account = await Within(repository.AddAsync(ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"))));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.FindAsync(account.TenantId, account.Id, Cancelled)));
    }

    /// <summary>An already cancelled token makes <see cref="ICustomerAccountRepository.AddAsync"/> throw <see cref="OperationCanceledException"/> and store nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task AddAsync_CancelledToken_ThrowsAndStoresNothing()
    {
        var repository = NewRepository();
        var account = ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.AddAsync(account, Cancelled)));

        Assert.Null(await Within(repository.FindAsync(account.TenantId, account.Id)));
    }

    /// <summary>An already cancelled token makes <see cref="ICustomerAccountRepository.UpdateAsync"/> throw <see cref="OperationCanceledException"/> and change nothing.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task UpdateAsync_CancelledToken_ThrowsAndChangesNothing()
    {
        var repository = NewRepository();
        var v1 = await Within(repository.AddAsync(ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"))));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(repository.UpdateAsync(v1 with { PreferredLanguage = "sv" }, Cancelled)));

        StructuralComparer.AssertEqual(v1, await Within(repository.FindAsync(v1.TenantId, v1.Id)), "account");
    }

    /// <summary>An already cancelled token, passed to <see cref="ICustomerAccountRepository.ListAsync"/> or through <c>WithCancellation</c>, makes the enumeration throw <see cref="OperationCanceledException"/>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task ListAsync_CancelledToken_ThrowsWhenEnumerated()
    {
        var repository = NewRepository();
        var account = await Within(repository.AddAsync(ContractSamples.CustomerAccount(NewTenant(), CustomerId.From("C-1"))));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(ToListAsync(repository.ListAsync(account.TenantId, Cancelled))));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Within(ToListAsync(repository.ListAsync(account.TenantId), Cancelled)));
    }

    private static CancellationToken Cancelled => new(canceled: true);

    private ICustomerAccountRepository NewRepository() => _created.Track(CreateRepository(), nameof(CreateRepository));

    /// <summary>Starts one write per candidate on the thread pool, releases them together, and returns each one's stored account or exception.</summary>
    private static async Task<(CustomerAccount? Stored, Exception? Error)[]> RaceAsync(CustomerAccount[] candidates, Func<CustomerAccount, ValueTask<CustomerAccount>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = candidates.Select(candidate => Task.Run(async () =>
        {
            await start.Task;
            try
            {
                return ((CustomerAccount?)await write(candidate), (Exception?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (null, e);
            }
        })).ToArray();
        start.SetResult();
        return await Within(Task.WhenAll(writers));
    }
}
