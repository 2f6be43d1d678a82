using System.Text;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;
using ReconciliationDesk;

namespace Invoicing.Core.Tests.Payments.Reconciliation;

public sealed class SyntheticBankTests
{
    [Fact]
    public void Generate_SameSeed_SameFiles()
    {
        var (csv1, xml1) = Files(SyntheticBank.Generate(5, 300, 100));
        var (csv2, xml2) = Files(SyntheticBank.Generate(5, 300, 100));
        var (csv3, _) = Files(SyntheticBank.Generate(6, 300, 100));

        Assert.Equal(csv1, csv2);
        Assert.Equal(xml1, xml2);
        Assert.NotEqual(csv1, csv3);
    }

    [Fact]
    public void Generate_EveryKindAppears_AndNoItemIsPaidTwice()
    {
        var bank = SyntheticBank.Generate(11, 5_000, 2_000);

        Assert.Equal(Enum.GetValues<SyntheticKind>().ToHashSet(), bank.Entries.Select(e => e.Truth.Kind).ToHashSet());
        var paid = bank.Entries.SelectMany(e => e.Truth.Documents).Select(d => d.Number).ToList();
        Assert.Equal(paid.Count, paid.Distinct().Count());
        Assert.Equal(bank.Items.Count, bank.Items.Select(i => i.DocumentNumber).Distinct().Count());
    }

    [Fact]
    public async Task WriteCamt053_ReadBackWithCamtReader_GivesTheSameEntries()
    {
        var bank = SyntheticBank.Generate(5, 600, 200);
        using var stream = new MemoryStream();
        bank.WriteCamt053(stream);
        stream.Position = 0;

        var statement = Assert.Single(await CamtReader.ReadAsync(stream));
        var read = ReconciliationEntry.FromStatements([statement]);

        Assert.Equal(8, statement.Version);
        var expected = bank.ReconciliationEntries();
        Assert.Equal(expected.Length, read.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(Describe(expected[i]), Describe(read[i]));
        }
    }

    [Fact]
    public void WriteOpenItemsCsv_ReadBackWithTheDesk_GivesTheSameItems()
    {
        var bank = SyntheticBank.Generate(5, 600, 200);
        using var stream = new MemoryStream();
        bank.WriteOpenItemsCsv(stream);
        stream.Position = 0;

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var read = OpenItemsCsv.Read(reader).ToList();

        Assert.Equal(bank.Items.Select(Describe), read.Select(Describe));
        Assert.Contains(read, i => i.CustomerName!.Contains('"', StringComparison.Ordinal)); // quoted and escaped in the file
        Assert.Contains(read, i => i.CustomerName!.Contains(',', StringComparison.Ordinal));
    }

    private static (byte[] Csv, byte[] Xml) Files(SyntheticBank bank)
    {
        using var csv = new MemoryStream();
        using var xml = new MemoryStream();
        bank.WriteOpenItemsCsv(csv);
        bank.WriteCamt053(xml);
        return (csv.ToArray(), xml.ToArray());
    }

    private static string Describe(ReconciliationEntry e)
        => $"{e.Id}|{e.Amount}|{e.Side}|{e.IsReversal}|{e.ValueDate}|{e.PayerName}|{e.PayerAccount}|{e.CreditorReference}|{e.RemittanceText}|{e.EndToEndId}";

    private static string Describe(OpenItem i)
        => $"{i.DocumentNumber}|{i.CustomerId}|{i.CustomerName}|{string.Join(';', i.PayerAccounts)}|{i.OpenAmount}|{i.IssueDate}|{i.DueDate}|{i.CreditorReference}|{i.Discount}";
}
