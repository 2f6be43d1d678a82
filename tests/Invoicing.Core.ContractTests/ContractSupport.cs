using System.Globalization;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;

namespace Invoicing.Core.ContractTests;

/// <summary>What the three contracts share: fresh tenants, time limits, and the disposal of what the adapter's factory created.</summary>
internal static class ContractSupport
{
    /// <summary>How long any single awaited call may take before the test fails instead of hanging.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>How long a call that must wait is watched to see that it does wait.</summary>
    internal static readonly TimeSpan WaitingProbe = TimeSpan.FromMilliseconds(150);

    /// <summary>A tenant no other test (or earlier run against the same database) has used.</summary>
    internal static TenantId NewTenant() => TenantId.From(string.Create(CultureInfo.InvariantCulture, $"contract-{Guid.NewGuid():N}"));

    internal static Task<T> Within<T>(ValueTask<T> operation) => operation.AsTask().WaitAsync(Timeout);

    internal static Task Within(ValueTask operation) => operation.AsTask().WaitAsync(Timeout);

    internal static Task Within(Task operation) => operation.WaitAsync(Timeout);

    internal static Task<T> Within<T>(Task<T> operation) => operation.WaitAsync(Timeout);

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken = default)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }

    internal static Task<List<T>> ListWithin<T>(IAsyncEnumerable<T> items) => ToListAsync(items).WaitAsync(Timeout);

    internal static void AssertConflict(ConcurrencyConflictException conflict, string kind, TenantId tenant, string id, int expectedVersion, int? actualVersion)
    {
        Assert.Equal(kind, conflict.Kind);
        Assert.Contains(tenant.Value, conflict.Key, StringComparison.Ordinal);
        Assert.Contains(id, conflict.Key, StringComparison.Ordinal);
        Assert.Equal(expectedVersion, conflict.ExpectedVersion);
        Assert.Equal(actualVersion, conflict.ActualVersion);
    }
}

/// <summary>Remembers what an adapter's factory created in one test, and disposes it at the end if it is disposable.</summary>
internal sealed class CreatedInstances
{
    private readonly List<object> _instances = [];

    internal T Track<T>(T? instance, string factory) where T : class
    {
        Assert.True(instance is not null, $"{factory} returned null.");
        lock (_instances)
        {
            _instances.Add(instance);
        }

        return instance;
    }

    internal async Task DisposeAllAsync()
    {
        object[] instances;
        lock (_instances)
        {
            instances = [.. _instances];
            _instances.Clear();
        }

        foreach (var instance in instances)
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
