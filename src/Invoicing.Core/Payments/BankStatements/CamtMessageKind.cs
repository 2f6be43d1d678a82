namespace Invoicing.Core.Payments.BankStatements;

/// <summary>The ISO 20022 cash management message a <see cref="BankStatement"/> was read from.</summary>
public enum CamtMessageKind
{
    /// <summary>camt.053, BankToCustomerStatement (<c>BkToCstmrStmt/Stmt</c>): the end-of-day statement of an account.</summary>
    Statement = 0,

    /// <summary>camt.054, BankToCustomerDebitCreditNotification (<c>BkToCstmrDbtCdtNtfctn/Ntfctn</c>): a notification of entries, such as the details of a batch.</summary>
    DebitCreditNotification = 1,
}
