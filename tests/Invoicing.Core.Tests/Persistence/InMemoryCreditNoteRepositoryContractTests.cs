using Invoicing.Core.ContractTests;
using Invoicing.Core.Persistence;

namespace Invoicing.Core.Tests.Persistence;

/// <summary>The library's in-memory credit note repository passes the contract test kit.</summary>
public sealed class InMemoryCreditNoteRepositoryContractTests : CreditNoteRepositoryContract
{
    protected override ICreditNoteRepository CreateRepository() => new InMemoryCreditNoteRepository();
}
