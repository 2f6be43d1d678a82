using Invoicing.Core.Monetary;

namespace Invoicing.Core.Payments.BankStatements;

/// <summary>
/// One account statement (camt.053 <c>Stmt</c>) or notification (camt.054 <c>Ntfctn</c>) as read by
/// <see cref="CamtReader"/>, with the group header of the message it came from and all its entries.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Instances are created only by <see cref="CamtReader"/>. A message with
/// several statements (one per account, say) gives one <see cref="BankStatement"/> each; they share
/// <see cref="MessageId"/> and <see cref="CreationDateTime"/>.
/// </remarks>
public sealed class BankStatement
{
    internal BankStatement()
    {
    }

    /// <summary>The message kind: camt.053 statement or camt.054 notification.</summary>
    public CamtMessageKind Kind { get; internal init; }

    /// <summary>The message version: 2 for camt.053.001.02, 8 for camt.053.001.08, and so on.</summary>
    public int Version { get; internal init; }

    /// <summary>The XML namespace of the message, such as <c>urn:iso:std:iso:20022:tech:xsd:camt.053.001.02</c>.</summary>
    public string Namespace { get; internal init; } = "";

    /// <summary>The message identification (<c>GrpHdr/MsgId</c>).</summary>
    public string MessageId { get; internal init; } = "";

    /// <summary>
    /// The message creation time (<c>GrpHdr/CreDtTm</c>) exactly as written, an ISO 8601 date and time
    /// with or without offset (such as <c>2026-03-02T17:30:00+01:00</c>); the reader checks its form.
    /// </summary>
    public string CreationDateTime { get; internal init; } = "";

    /// <summary>The statement or notification identification (<c>Stmt/Id</c> or <c>Ntfctn/Id</c>).</summary>
    public string StatementId { get; internal init; } = "";

    /// <summary>The account's IBAN (<c>Acct/Id/IBAN</c>), or null when the account is identified otherwise.</summary>
    public string? AccountIban { get; internal init; }

    /// <summary>The account's other identification (<c>Acct/Id/Othr/Id</c>), or null when it has an IBAN or none.</summary>
    public string? AccountOtherId { get; internal init; }

    /// <summary>The account currency (<c>Acct/Ccy</c>), or null when the file does not state it.</summary>
    public Currency? AccountCurrency { get; internal init; }

    /// <summary>The entries (<c>Ntry</c>) in file order; empty when the statement reports none.</summary>
    public IReadOnlyList<StatementEntry> Entries { get; internal init; } = [];
}
