using Invoicing.Core.Monetary;

namespace Invoicing.Core.Payments.BankStatements;

/// <summary>
/// One transaction of an entry (<c>NtryDtls/TxDtls</c>): a single payment with its parties,
/// references and remittance information.
/// </summary>
/// <remarks>Immutable and thread-safe. Instances are created only by <see cref="CamtReader"/>.</remarks>
public sealed class EntryTransaction
{
    internal EntryTransaction()
    {
    }

    /// <summary>
    /// The transaction amount: <c>TxDtls/Amt</c> (from version .001.03 on), else
    /// <c>TxDtls/AmtDtls/TxAmt/Amt</c>, else the entry amount when the entry has only this
    /// transaction; null for a transaction of a batch that states no amount of its own.
    /// </summary>
    public Money? Amount { get; internal init; }

    /// <summary>The account servicer's reference for the transaction (<c>Refs/AcctSvcrRef</c>), or null when absent.</summary>
    public string? AccountServicerReference { get; internal init; }

    /// <summary>The end-to-end identification (<c>Refs/EndToEndId</c>) as written, including the placeholder <c>NOTPROVIDED</c>; null when absent.</summary>
    public string? EndToEndId { get; internal init; }

    /// <summary>The debtor's name (<c>RltdPties/Dbtr/Nm</c>, or <c>RltdPties/Dbtr/Pty/Nm</c> from version .001.08 on), or null when absent.</summary>
    public string? DebtorName { get; internal init; }

    /// <summary>The debtor account's IBAN (<c>RltdPties/DbtrAcct/Id/IBAN</c>), or null when absent.</summary>
    public string? DebtorIban { get; internal init; }

    /// <summary>The ultimate debtor's name (<c>RltdPties/UltmtDbtr/Nm</c> or <c>.../Pty/Nm</c>), or null when absent.</summary>
    public string? UltimateDebtorName { get; internal init; }

    /// <summary>The creditor's name (<c>RltdPties/Cdtr/Nm</c> or <c>.../Pty/Nm</c>), or null when absent.</summary>
    public string? CreditorName { get; internal init; }

    /// <summary>The creditor account's IBAN (<c>RltdPties/CdtrAcct/Id/IBAN</c>), or null when absent.</summary>
    public string? CreditorIban { get; internal init; }

    /// <summary>The unstructured remittance information lines (<c>RmtInf/Ustrd</c>, each occurrence one line) in file order; empty when absent.</summary>
    public IReadOnlyList<string> RemittanceLines { get; internal init; } = [];

    /// <summary>
    /// The structured creditor reference (<c>RmtInf/Strd/CdtrRefInf/Ref</c>), such as an ISO 11649
    /// reference <c>RF18539007547034</c>; the first one when several are given; null when absent.
    /// </summary>
    public string? CreditorReference { get; internal init; }

    /// <summary>
    /// The type of <see cref="CreditorReference"/> (<c>CdtrRefInf/Tp/CdOrPrtry/Cd</c>, such as <c>SCOR</c>,
    /// or <c>.../Prtry</c>), or null when not stated.
    /// </summary>
    public string? CreditorReferenceType { get; internal init; }

    /// <summary>The additional transaction information (<c>AddtlTxInf</c>), or null when absent.</summary>
    public string? AdditionalInformation { get; internal init; }
}
