using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using NodaTime;

namespace Invoicing.Core.Documents;

/// <summary>
/// An invoice (UNCL 1001 type 380) as a retailer or BPO vendor keeps it: one version of the
/// document, from draft to paid. Every change is a command of the <see cref="InvoiceService"/>,
/// which returns a new version and an event; this object never changes.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe. A draft is editable and discardable; issuing gives it a number,
/// an issue date and a payment schedule, and from then on its content never changes: only payments,
/// a write-off or (through a credit note) a cancellation add versions. <see cref="Version"/> counts
/// the versions for optimistic concurrency.</para>
/// <para>The totals are computed whenever the content changes and stored with the version, so an
/// issued invoice keeps the exact amounts it was issued with.</para>
/// </remarks>
public sealed class Invoice
{
    internal Invoice(
        InvoiceId id, TenantId tenantId, int version, InvoiceStatus status, InvoiceHeader header,
        IReadOnlyList<InvoiceLine> lines, IReadOnlyList<DocumentAllowanceCharge> allowanceCharges, InvoiceTotals totals,
        InvoiceNumber? number, LocalDate? issueDate, PaymentSchedule? schedule,
        IReadOnlyList<RecordedPayment> payments, string? writeOffReason, IReadOnlyList<AppliedCredit>? credits = null,
        InvoiceType type = InvoiceType.Invoice, InvoiceReference? preceding = null, IReadOnlyList<Dispute>? disputes = null)
    {
        Type = type;
        Preceding = preceding;
        Disputes = ReadOnly(disputes ?? []);
        Id = id;
        TenantId = tenantId;
        Version = version;
        Status = status;
        Header = header;
        Lines = ReadOnly(lines);
        AllowanceCharges = ReadOnly(allowanceCharges);
        Totals = totals;
        Number = number;
        IssueDate = issueDate;
        Schedule = schedule;
        Payments = ReadOnly(payments);
        WriteOffReason = writeOffReason;
        var paid = Money.Zero(header.Currency);
        var writtenOff = paid;
        foreach (var payment in Payments)
        {
            var target = payment.Kind == RecordedPaymentKind.Reversal ? Payments[payment.Reverses!.Value - 1].Kind : payment.Kind;
            var sign = payment.Kind == RecordedPaymentKind.Reversal ? -1m : 1m;
            if (target == RecordedPaymentKind.WriteOff)
            {
                writtenOff += payment.Amount * sign;
            }
            else
            {
                paid += payment.Amount * sign;
            }
        }

        AmountPaid = paid;
        AmountWrittenOff = writtenOff;
        Credits = ReadOnly(credits ?? []);
        var credited = Money.Zero(header.Currency);
        foreach (var credit in Credits)
        {
            credited += credit.Applied;
        }

        AmountCredited = credited;
    }

    /// <summary>The invoice's identity through all its versions.</summary>
    public InvoiceId Id { get; }

    /// <summary>The tenant the invoice belongs to.</summary>
    public TenantId TenantId { get; }

    /// <summary>The version: 1 for a new draft, one more for every command.</summary>
    public int Version { get; }

    /// <summary>Where the invoice is in its life.</summary>
    public InvoiceStatus Status { get; }

    /// <summary>Invoice (380) or debit note (383): the document type (BT-3).</summary>
    public InvoiceType Type { get; }

    /// <summary>The UNCL 1001 document type code (BT-3): 380 for an invoice, 383 for a debit note.</summary>
    public int TypeCode => (int)Type;

    /// <summary>The invoice a debit note charges more for, or a corrective invoice replaces (BT-25, BT-26); null otherwise.</summary>
    public InvoiceReference? Preceding { get; }

    /// <summary>Currency, parties, pricing, rounding, terms, references and notes.</summary>
    public InvoiceHeader Header { get; }

    /// <summary>The invoice currency (BT-5).</summary>
    public Currency Currency => Header.Currency;

    /// <summary>The lines (BG-25), in order.</summary>
    public IReadOnlyList<InvoiceLine> Lines { get; }

    /// <summary>The document-level allowances and charges (BG-20, BG-21), in order.</summary>
    public IReadOnlyList<DocumentAllowanceCharge> AllowanceCharges { get; }

    /// <summary>The totals (BG-22) and tax breakdown (BG-23), computed from the content of this version.</summary>
    public InvoiceTotals Totals { get; }

    /// <summary>The invoice number (BT-1); null for a draft.</summary>
    public InvoiceNumber? Number { get; }

    /// <summary>The issue date (BT-2); null for a draft.</summary>
    public LocalDate? IssueDate { get; }

    /// <summary>The payment schedule (instalments, discount) computed at issue; null for a draft.</summary>
    public PaymentSchedule? Schedule { get; }

    /// <summary>The due date (BT-9); null for a draft.</summary>
    public LocalDate? DueDate => Schedule?.DueDate;

    /// <summary>The payments, written-off differences and reversals recorded since issue, in order; an entry is never changed or removed.</summary>
    public IReadOnlyList<RecordedPayment> Payments { get; }

    /// <summary>What was paid: the payments of <see cref="Payments"/> less their reversals.</summary>
    public Money AmountPaid { get; }

    /// <summary>The small differences written off (<see cref="RecordedPaymentKind.WriteOff"/> entries) less their reversals. Writing off the whole invoice as uncollectible is its status (<see cref="InvoiceStatus.WrittenOff"/>), not an entry.</summary>
    public Money AmountWrittenOff { get; }

    /// <summary>The disputes raised against the invoice, open and resolved, in order.</summary>
    public IReadOnlyList<Dispute> Disputes { get; }

    /// <summary>True while a dispute is open: receivables and dunning skip a disputed invoice.</summary>
    public bool IsDisputed => Disputes.Any(d => d.Status == DisputeStatus.Open);

    /// <summary>The credit notes applied to this invoice, in order (<see cref="InvoiceService.ApplyCredit"/>).</summary>
    public IReadOnlyList<AppliedCredit> Credits { get; }

    /// <summary>The part of <see cref="Credits"/> that reduced the open amount (the rest became customer credit).</summary>
    public Money AmountCredited { get; }

    /// <summary>What is still to be paid: the amount due (BT-115) less what was paid, the differences written off and the credits applied; zero once paid, written off or cancelled.</summary>
    public Money OpenAmount => Status is InvoiceStatus.WrittenOff or InvoiceStatus.Cancelled or InvoiceStatus.Discarded
        ? Money.Zero(Currency)
        : Totals.AmountDue - AmountPaid - AmountWrittenOff - AmountCredited;

    /// <summary>What still stands of a payment or a written-off difference: its amount less the reversals that name it; what a further reversal can take back at most.</summary>
    /// <param name="entry">The entry's position in <see cref="Payments"/>, from 1.</param>
    /// <returns>The amount left, zero when fully reversed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="entry"/> is not the position of an entry, or names a reversal.</exception>
    public Money Unreversed(int entry)
    {
        if (entry < 1 || entry > Payments.Count || Payments[entry - 1].Kind == RecordedPaymentKind.Reversal)
        {
            throw new ArgumentOutOfRangeException(nameof(entry), entry, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Invoice {this} has no payment or write-off at position {entry} (it has {Payments.Count} entries, numbered from 1; reversals cannot be reversed)."));
        }

        var left = Payments[entry - 1].Amount;
        foreach (var payment in Payments)
        {
            left -= payment.Reverses == entry ? payment.Amount : Money.Zero(Currency);
        }

        return left;
    }

    /// <summary>Why the invoice was written off; null unless <see cref="Status"/> is <see cref="InvoiceStatus.WrittenOff"/>.</summary>
    public string? WriteOffReason { get; }

    /// <summary>True while the invoice can be edited (a draft).</summary>
    public bool IsDraft => Status == InvoiceStatus.Draft;

    /// <summary>
    /// Returns whether the invoice is overdue on <paramref name="today"/>: issued, not fully paid,
    /// and past its due date. Overdue is derived, never stored.
    /// </summary>
    /// <param name="today">Today's date in the tenant's time zone.</param>
    /// <returns>True when overdue.</returns>
    public bool IsOverdue(LocalDate today)
        => Status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid && DueDate is LocalDate due && today > due && OpenAmount.IsPositive;

    /// <summary>Returns "INV-2026-000123 (Issued, v2)" or "draft 3f2a… (v5)".</summary>
    /// <returns>The text.</returns>
    public override string ToString()
        => Number is InvoiceNumber number ? $"{number} ({Status}, v{Version})" : $"draft {Id} ({Status}, v{Version})";

    /// <summary>Arrays are wrapped, so that no caller can change an invoice by casting a list back to an array.</summary>
    private static System.Collections.ObjectModel.ReadOnlyCollection<T> ReadOnly<T>(IReadOnlyList<T> list) => list switch
    {
        System.Collections.ObjectModel.ReadOnlyCollection<T> readOnly => readOnly,
        T[] array => Array.AsReadOnly(array),
        _ => Array.AsReadOnly(list.ToArray()),
    };

    /// <summary>This draft, as a first version of the given type referring to <paramref name="preceding"/> (a debit note, or a corrective invoice).</summary>
    internal Invoice AsFirstDraft(InvoiceType type, InvoiceReference preceding)
        => new(Id, TenantId, 1, InvoiceStatus.Draft, Header, Lines, AllowanceCharges, Totals, null, null, null, [], null, null, type, preceding);

    internal Invoice With(
        int? version = null, InvoiceStatus? status = null, InvoiceHeader? header = null, IReadOnlyList<InvoiceLine>? lines = null,
        IReadOnlyList<DocumentAllowanceCharge>? allowanceCharges = null, InvoiceTotals? totals = null, InvoiceNumber? number = null,
        LocalDate? issueDate = null, PaymentSchedule? schedule = null, IReadOnlyList<RecordedPayment>? payments = null, string? writeOffReason = null,
        IReadOnlyList<AppliedCredit>? credits = null, IReadOnlyList<Dispute>? disputes = null)
        => new(Id, TenantId, version ?? Version + 1, status ?? Status, header ?? Header, lines ?? Lines, allowanceCharges ?? AllowanceCharges,
            totals ?? Totals, number ?? Number, issueDate ?? IssueDate, schedule ?? Schedule, payments ?? Payments, writeOffReason ?? WriteOffReason,
            credits ?? Credits, Type, Preceding, disputes ?? Disputes);
}
