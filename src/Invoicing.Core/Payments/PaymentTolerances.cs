using Invoicing.Core.Parties;

namespace Invoicing.Core.Payments;

/// <summary>
/// The payment tolerance of each tenant: a default for every tenant, and overrides per tenant
/// (a BPO vendor runs many client companies, each with its own rule).
/// </summary>
/// <remarks>Immutable and thread-safe; <see cref="With"/> returns a new instance.</remarks>
public sealed class PaymentTolerances
{
    private readonly Dictionary<TenantId, PaymentTolerance> _perTenant;

    /// <summary>Creates the tolerances.</summary>
    /// <param name="defaultTolerance">The tolerance of a tenant without its own.</param>
    /// <param name="perTenant">Tenants with their own tolerance, or null for none; each tenant at most once.</param>
    /// <exception cref="ArgumentNullException"><paramref name="defaultTolerance"/> or a tolerance is null.</exception>
    /// <exception cref="ArgumentException">A tenant is <c>default</c> or given twice.</exception>
    public PaymentTolerances(PaymentTolerance defaultTolerance, IEnumerable<KeyValuePair<TenantId, PaymentTolerance>>? perTenant = null)
    {
        Default = Preconditions.CheckNotNull(defaultTolerance);
        _perTenant = [];
        foreach (var (tenant, tolerance) in perTenant ?? [])
        {
            Identifier.RequireSet(tenant, nameof(perTenant));
            if (!_perTenant.TryAdd(tenant, Preconditions.CheckNotNull(tolerance, nameof(perTenant))))
            {
                throw new ArgumentException($"Tenant {tenant} has two payment tolerances.", nameof(perTenant));
            }
        }

        PerTenant = _perTenant.AsReadOnly();
    }

    /// <summary>No tolerance for any tenant: every shortfall stays open.</summary>
    public static PaymentTolerances None { get; } = new(PaymentTolerance.None);

    /// <summary>The tolerance of a tenant without its own.</summary>
    public PaymentTolerance Default { get; }

    /// <summary>The tenants with their own tolerance.</summary>
    public IReadOnlyDictionary<TenantId, PaymentTolerance> PerTenant { get; }

    /// <summary>The tolerance of a tenant: its own, or <see cref="Default"/>.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <returns>The tolerance.</returns>
    public PaymentTolerance For(TenantId tenant) => _perTenant.TryGetValue(tenant, out var tolerance) ? tolerance : Default;

    /// <summary>These tolerances with <paramref name="tenant"/>'s set (added or replaced).</summary>
    /// <param name="tenant">The tenant; not <c>default</c>.</param>
    /// <param name="tolerance">Its tolerance.</param>
    /// <returns>The new tolerances.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tolerance"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is <c>default</c>.</exception>
    public PaymentTolerances With(TenantId tenant, PaymentTolerance tolerance)
    {
        Identifier.RequireSet(tenant);
        Preconditions.CheckNotNull(tolerance);
        var all = new Dictionary<TenantId, PaymentTolerance>(_perTenant) { [tenant] = tolerance };
        return new PaymentTolerances(Default, all);
    }
}
