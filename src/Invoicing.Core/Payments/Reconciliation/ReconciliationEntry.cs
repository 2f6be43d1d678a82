using System.Globalization;
using Invoicing.Core.Monetary;
using Invoicing.Core.Payments.BankStatements;
using NodaTime;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>
/// One booked movement on the tenant's bank account as the matcher sees it: an amount with its side,
/// the payer and what the payer wrote. Built from a camt statement with <see cref="FromStatements"/>,
/// or by the host from any other source (MT940, a payment provider's report, a cash register).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ReconciliationEntry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="id">The entry's identifier in the results: unique within one run, 1 to 200 characters.</param>
    /// <param name="amount">The amount: positive, in whole minor units.</param>
    /// <param name="side">Money in (<see cref="CreditDebit.Credit"/>) or out.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is blank or too long.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive or not in whole minor units, or <paramref name="side"/> is undefined.</exception>
    public ReconciliationEntry(string id, Money amount, CreditDebit side)
    {
        Id = TextField.Required(id, nameof(id), 200);
        if (!amount.IsPositive || !amount.IsRoundedToMinorUnits)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, $"The amount of entry {Id} must be positive and in whole minor units; got {amount}.");
        }

        if (!Enum.IsDefined(side))
        {
            throw new ArgumentOutOfRangeException(nameof(side), side, $"Undefined side of entry {Id}.");
        }

        Amount = amount;
        Side = side;
    }

    /// <summary>The identifier the results use.</summary>
    public string Id { get; }

    /// <summary>The amount.</summary>
    public Money Amount { get; }

    /// <summary>Money in or out: only credits are receipts.</summary>
    public CreditDebit Side { get; }

    /// <summary>True when the bank reverses an earlier entry (a returned direct debit, a bounced cheque): never a receipt.</summary>
    public bool IsReversal { get; init; }

    /// <summary>The value date, or null.</summary>
    public LocalDate? ValueDate { get; init; }

    /// <summary>The payer's name, or null.</summary>
    public string? PayerName { get; init; }

    /// <summary>The payer's account (IBAN or other), or null; compared without spaces and case.</summary>
    public string? PayerAccount { get; init; }

    /// <summary>The structured creditor reference the payer gave, or null.</summary>
    public string? CreditorReference { get; init; }

    /// <summary>The unstructured remittance information, lines joined by spaces; empty when there is none.</summary>
    public string RemittanceText { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>The payer's end-to-end identification, or null.</summary>
    public string? EndToEndId { get; init; }

    /// <summary>Returns "E1 CRDT EUR 119.00".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id} {(Side == CreditDebit.Credit ? "CRDT" : "DBIT")} {Amount}";

    /// <summary>
    /// Turns the entries of camt statements into matcher entries: one per entry, or one per transaction
    /// when a batched entry lists several transactions that each state their amount.
    /// </summary>
    /// <remarks>
    /// <para>An entry's id is its account servicer reference (<c>AcctSvcrRef</c>), else its entry reference
    /// (<c>NtryRef</c>), else its 1-based position across all the statements given. A transaction split out of a
    /// batch is named by its own account servicer reference, else by the entry's id, '/', and its 1-based
    /// position in the batch. When an id repeats, the later ones get "#2", "#3", ... so that ids stay unique.</para>
    /// <para>The payer is the transaction's debtor (name and IBAN); the remittance text joins the unstructured
    /// lines (and the entry's additional information when it has no transaction details); the creditor
    /// reference is the structured one. A batch whose transactions do not all state an amount stays one entry
    /// with the remittance text of all of them.</para>
    /// </remarks>
    /// <param name="statements">The statements, as <see cref="CamtReader"/> returns them.</param>
    /// <returns>The entries, in file order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statements"/> or a statement is null.</exception>
    /// <exception cref="BankStatementFormatException">An entry or transaction cannot be matched: its amount is zero or has more
    /// decimals than its currency; the message names it and its line.</exception>
    public static IReadOnlyList<ReconciliationEntry> FromStatements(IEnumerable<BankStatement> statements)
    {
        var result = new List<ReconciliationEntry>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var statement in Preconditions.CopyNotNull(statements))
        {
            foreach (var entry in statement.Entries)
            {
                position++;
                var id = entry.AccountServicerReference ?? entry.EntryReference ?? position.ToString(CultureInfo.InvariantCulture);
                var transactions = entry.Transactions;
                if (transactions.Count > 1 && transactions.All(t => t.Amount is { IsPositive: true }))
                {
                    for (var i = 0; i < transactions.Count; i++)
                    {
                        var t = transactions[i];
                        var txId = t.AccountServicerReference ?? string.Create(CultureInfo.InvariantCulture, $"{id}/{i + 1}");
                        result.Add(Create(Unique(txId, used), t.Amount!.Value, entry, [t]));
                    }
                }
                else
                {
                    result.Add(Create(Unique(id, used), entry.Amount, entry, transactions));
                }
            }
        }

        return result.AsReadOnly();
    }

    private static ReconciliationEntry Create(string id, Money amount, StatementEntry entry, IReadOnlyList<EntryTransaction> transactions)
    {
        if (!amount.IsPositive || !amount.IsRoundedToMinorUnits)
        {
            throw new BankStatementFormatException(
                $"entry {id} has the amount {amount}, which cannot be matched: amounts are positive and have at most the currency's decimals.", entry.LineNumber, 1);
        }

        var first = transactions.Count > 0 ? transactions[0] : null;
        var lines = transactions.SelectMany(t => t.RemittanceLines).ToList();
        if (transactions.Count == 0 && entry.AdditionalInformation is { } info)
        {
            lines.Add(info);
        }

        return new ReconciliationEntry(id, amount, entry.CreditDebit)
        {
            IsReversal = entry.IsReversal,
            ValueDate = entry.ValueDate ?? entry.BookingDate,
            PayerName = first?.DebtorName ?? first?.UltimateDebtorName,
            PayerAccount = first?.DebtorIban,
            CreditorReference = transactions.Select(t => t.CreditorReference).FirstOrDefault(r => r is not null),
            RemittanceText = string.Join(' ', lines),
            EndToEndId = first?.EndToEndId,
        };
    }

    private static string Unique(string id, HashSet<string> used)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}#{n}");
        }

        return candidate;
    }
}
