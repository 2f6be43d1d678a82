namespace Invoicing.Core.Payments.BankStatements;

/// <summary>The side of an entry (ISO 20022 <c>CdtDbtInd</c>): money in or money out of the account.</summary>
public enum CreditDebit
{
    /// <summary><c>CRDT</c>: the account was credited (money received, such as a customer payment).</summary>
    Credit = 0,

    /// <summary><c>DBIT</c>: the account was debited (money paid out, such as a fee or a refund).</summary>
    Debit = 1,
}
