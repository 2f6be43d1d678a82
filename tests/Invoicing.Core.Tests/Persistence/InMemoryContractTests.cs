using Invoicing.Core.ContractTests;
using Invoicing.Core.Documents;
using Invoicing.Core.Persistence;

namespace Invoicing.Core.Tests.Persistence;

/// <summary>The library's in-memory invoice repository passes the contract test kit.</summary>
public sealed class InMemoryInvoiceRepositoryContractTests : InvoiceRepositoryContract
{
    protected override IInvoiceRepository CreateRepository() => new InMemoryInvoiceRepository();
}

/// <summary>The library's in-memory customer account repository passes the contract test kit.</summary>
public sealed class InMemoryCustomerAccountRepositoryContractTests : CustomerAccountRepositoryContract
{
    protected override ICustomerAccountRepository CreateRepository() => new InMemoryCustomerAccountRepository();
}

/// <summary>The library's in-memory invoice number sequence passes the contract test kit.</summary>
public sealed class InMemoryInvoiceNumberSequenceContractTests : InvoiceNumberSequenceContract
{
    protected override IInvoiceNumberSequence CreateSequence() => new InMemoryInvoiceNumberSequence();
}
