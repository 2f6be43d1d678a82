using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Payments;

/// <summary>
/// A payment received from a customer: amount and currency, value date, method, payer and
/// remittance details, and the immutable entries (<see cref="Allocations"/>) that say where its
/// money went: to invoices, to customer credit, and what settled alongside it (discounts,
/// written-off differences), and, when it was returned, the reversals.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: every command of <see cref="PaymentService"/> returns the next
/// version with an event; <see cref="Version"/> counts the versions for optimistic concurrency.</para>
/// <para>Invariant: Σ money allocations (to invoices and customer credit, less their reversals) +
/// <see cref="Unallocated"/> = <see cref="Amount"/>, and <see cref="Unallocated"/> is never negative.</para>
/// </remarks>
public sealed class Payment
{
    internal Payment(PaymentId id, TenantId tenantId, CustomerId customerId, int version, Money amount, LocalDate valueDate, PaymentMethod method,
        PaymentDetails details, IReadOnlyList<PaymentAllocation> allocations, LocalDate? reversedOn = null, string? reversalReason = null)
    {
        Id = id;
        TenantId = tenantId;
        CustomerId = customerId;
        Version = version;
        Amount = amount;
        ValueDate = valueDate;
        Method = method;
        Details = details;
        Allocations = allocations is System.Collections.ObjectModel.ReadOnlyCollection<PaymentAllocation> readOnly ? readOnly : Array.AsReadOnly(allocations.ToArray());
        ReversedOn = reversedOn;
        ReversalReason = reversalReason;
        var allocated = Money.Zero(amount.Currency);
        foreach (var allocation in Allocations)
        {
            if (allocation.IsMoney)
            {
                allocated += allocation.Amount;
            }
            else if (allocation.Kind == PaymentAllocationKind.Reversal && Allocations[allocation.Reverses!.Value - 1].IsMoney)
            {
                allocated -= allocation.Amount;
            }
        }

        Allocated = allocated;
    }

    /// <summary>The payment's identity through all its versions.</summary>
    public PaymentId Id { get; }

    /// <summary>The tenant that received it.</summary>
    public TenantId TenantId { get; }

    /// <summary>The customer who paid.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>1 when received, one more for every command.</summary>
    public int Version { get; }

    /// <summary>The amount received: positive, in whole minor units.</summary>
    public Money Amount { get; }

    /// <summary>The payment currency: every allocation, document and credit it touches is in it.</summary>
    public Currency Currency => Amount.Currency;

    /// <summary>The value date: when the money was available (decides whether an early-payment discount was taken in time).</summary>
    public LocalDate ValueDate { get; }

    /// <summary>How it was paid.</summary>
    public PaymentMethod Method { get; }

    /// <summary>Payer, remittance information and bank reference.</summary>
    public PaymentDetails Details { get; }

    /// <summary>The allocation entries, in order (numbered from 1); never changed or removed.</summary>
    public IReadOnlyList<PaymentAllocation> Allocations { get; }

    /// <summary>The payment's money that is allocated: to invoices and customer credit, less what was reversed.</summary>
    public Money Allocated { get; }

    /// <summary>The payment's money not allocated yet: <see cref="Amount"/> − <see cref="Allocated"/>; after a reversal, the whole amount (returned to the payer).</summary>
    public Money Unallocated => Amount - Allocated;

    /// <summary>True once the payment was reversed (a returned direct debit, a bounced cheque); a reversed payment takes no more commands.</summary>
    public bool IsReversed => ReversedOn is not null;

    /// <summary>When it was reversed, or null.</summary>
    public LocalDate? ReversedOn { get; }

    /// <summary>Why it was reversed, or null.</summary>
    public string? ReversalReason { get; }

    /// <summary>Returns "P-17 EUR 150.00 on 2026-12-01 (2 allocations, v2)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Id} {Amount} on {ValueDate:uuuu-MM-dd} ({Allocations.Count} allocations, v{Version}){(IsReversed ? " reversed" : string.Empty)}");

    /// <summary>Returns whether allocation <paramref name="number"/> has been reversed.</summary>
    internal bool IsAllocationReversed(int number) => Allocations.Any(a => a.Reverses == number);

    internal Payment With(IReadOnlyList<PaymentAllocation> allocations, LocalDate? reversedOn = null, string? reversalReason = null)
        => new(Id, TenantId, CustomerId, Version + 1, Amount, ValueDate, Method, Details, allocations, reversedOn ?? ReversedOn, reversalReason ?? ReversalReason);
}
