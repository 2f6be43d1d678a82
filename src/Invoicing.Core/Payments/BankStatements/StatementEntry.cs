using Invoicing.Core.Monetary;
using NodaTime;

namespace Invoicing.Core.Payments.BankStatements;

/// <summary>
/// One entry (<c>Ntry</c>) of a camt.053 statement or camt.054 notification: one booking on the
/// account, which may stand for a single payment or a batch of several (<see cref="Transactions"/>).
/// </summary>
/// <remarks>Immutable and thread-safe. Instances are created only by <see cref="CamtReader"/>.</remarks>
public sealed class StatementEntry
{
    internal StatementEntry()
    {
    }

    /// <summary>The 1-based position of the entry among all entries of the file, in file order.</summary>
    public int Position { get; internal init; }

    /// <summary>The 1-based line of the entry's <c>Ntry</c> element in the file.</summary>
    public int LineNumber { get; internal init; }

    /// <summary>The entry reference (<c>NtryRef</c>), or null when absent.</summary>
    public string? EntryReference { get; internal init; }

    /// <summary>The account servicer's reference for the entry (<c>AcctSvcrRef</c>), or null when absent.</summary>
    public string? AccountServicerReference { get; internal init; }

    /// <summary>The amount booked (<c>Amt</c>, currency from its <c>Ccy</c> attribute); never negative, the side is <see cref="CreditDebit"/>.</summary>
    public Money Amount { get; internal init; }

    /// <summary>Whether the account was credited or debited (<c>CdtDbtInd</c>).</summary>
    public CreditDebit CreditDebit { get; internal init; }

    /// <summary>True when the entry reverses an earlier one (<c>RvslInd</c>); false when the element is absent.</summary>
    public bool IsReversal { get; internal init; }

    /// <summary>
    /// The entry status code (<c>Sts</c>, or <c>Sts/Cd</c> / <c>Sts/Prtry</c> from version .001.08 on):
    /// <c>BOOK</c> (booked), <c>PDNG</c> (pending), <c>INFO</c> (information), <c>FUTR</c>, or a proprietary code.
    /// </summary>
    public string Status { get; internal init; } = "";

    /// <summary>The booking date (<c>BookgDt/Dt</c>, or the date part of <c>BookgDt/DtTm</c> as written), or null when absent.</summary>
    public LocalDate? BookingDate { get; internal init; }

    /// <summary>The value date (<c>ValDt/Dt</c>, or the date part of <c>ValDt/DtTm</c> as written), or null when absent.</summary>
    public LocalDate? ValueDate { get; internal init; }

    /// <summary>
    /// The ISO bank transaction code (<c>BkTxCd/Domn</c>) as domain, family and sub-family joined by
    /// slashes, such as <c>PMNT/RCDT/ESCT</c>; null when the entry has none.
    /// </summary>
    public string? BankTransactionCode { get; internal init; }

    /// <summary>The proprietary bank transaction code (<c>BkTxCd/Prtry/Cd</c>), such as a German GVC <c>NTRF+166</c>; null when absent.</summary>
    public string? ProprietaryBankTransactionCode { get; internal init; }

    /// <summary>The additional entry information (<c>AddtlNtryInf</c>), or null when absent.</summary>
    public string? AdditionalInformation { get; internal init; }

    /// <summary>
    /// The transaction details (<c>NtryDtls/TxDtls</c>) in file order: one for a single payment,
    /// several for a batch; empty when the bank reports no details.
    /// </summary>
    public IReadOnlyList<EntryTransaction> Transactions { get; internal init; } = [];
}
