using System.Text;
using Invoicing.Core.Monetary;
using Invoicing.Core.Payments.BankStatements;
using NodaTime;

namespace Invoicing.Core.Tests.Payments.BankStatements;

public sealed class CamtReaderTests
{
    private static readonly Currency Eur = Currency.FromCode("EUR");
    private static readonly Currency Chf = Currency.FromCode("CHF");

    [Theory]
    [InlineData("camt053-v02-statement.xml", 2)]
    [InlineData("camt053-v08-statement.xml", 8)]
    public async Task ReadAsync_Camt053_ReadsHeaderAndAccount(string file, int version)
    {
        var statement = Assert.Single(await ReadFileAsync(file));

        Assert.Equal(CamtMessageKind.Statement, statement.Kind);
        Assert.Equal(version, statement.Version);
        Assert.Equal($"urn:iso:std:iso:20022:tech:xsd:camt.053.001.0{version}", statement.Namespace);
        Assert.Equal("STMT-20260302-0001", statement.MessageId);
        Assert.Equal("2026-03-02T18:05:12.345+01:00", statement.CreationDateTime);
        Assert.Equal("2026-03-02-0042", statement.StatementId);
        Assert.Equal("DE89370400440532013000", statement.AccountIban);
        Assert.Null(statement.AccountOtherId);
        Assert.Equal(Eur, statement.AccountCurrency);
        Assert.Equal([1, 2, 3, 4], statement.Entries.Select(e => e.Position));
    }

    [Theory]
    [InlineData("camt053-v02-statement.xml")]
    [InlineData("camt053-v08-statement.xml")]
    public async Task ReadAsync_Camt053_SingleCreditWithStructuredReference(string file)
    {
        var entry = (await ReadFileAsync(file))[0].Entries[0];

        Assert.Equal(1, entry.Position);
        Assert.True(entry.LineNumber > 60);
        Assert.Equal("0001", entry.EntryReference);
        Assert.Equal("2026030212345001", entry.AccountServicerReference);
        Assert.Equal(Money.Of(1190.00m, Eur), entry.Amount);
        Assert.Equal(CreditDebit.Credit, entry.CreditDebit);
        Assert.False(entry.IsReversal);
        Assert.Equal("BOOK", entry.Status);
        Assert.Equal(new LocalDate(2026, 3, 2), entry.BookingDate);
        Assert.Equal(new LocalDate(2026, 3, 2), entry.ValueDate);
        Assert.Equal("PMNT/RCDT/ESCT", entry.BankTransactionCode);
        Assert.Equal("NTRF+166", entry.ProprietaryBankTransactionCode);
        Assert.Equal("SEPA-GUTSCHRIFT", entry.AdditionalInformation);

        var tx = Assert.Single(entry.Transactions);
        Assert.Equal(Money.Of(1190.00m, Eur), tx.Amount);
        Assert.Equal("2026030212345001-1", tx.AccountServicerReference);
        Assert.Equal("INV-2026-0107", tx.EndToEndId);
        Assert.Equal("Beispiel Handel AG", tx.DebtorName);
        Assert.Equal("DE02120300000000202051", tx.DebtorIban);
        Assert.Equal("Beispiel Filiale Nord", tx.UltimateDebtorName);
        Assert.Equal("Muster Software GmbH", tx.CreditorName);
        Assert.Null(tx.CreditorIban);
        Assert.Empty(tx.RemittanceLines);
        Assert.Equal("RF18539007547034", tx.CreditorReference);
        Assert.Equal("SCOR", tx.CreditorReferenceType);
        Assert.Equal("SEPA Credit Transfer", tx.AdditionalInformation);
    }

    [Theory]
    [InlineData("camt053-v02-statement.xml")]
    [InlineData("camt053-v08-statement.xml")]
    public async Task ReadAsync_Camt053_BatchedEntryHasEachTransaction(string file)
    {
        var entry = (await ReadFileAsync(file))[0].Entries[1];

        Assert.Equal("0002", entry.EntryReference);
        Assert.Equal("2026030212345002", entry.AccountServicerReference);
        Assert.Equal(Money.Of(2351.27m, Eur), entry.Amount);
        Assert.Equal(CreditDebit.Credit, entry.CreditDebit);
        Assert.Equal("BOOK", entry.Status);
        Assert.Equal(new LocalDate(2026, 3, 2), entry.BookingDate);
        Assert.Equal(new LocalDate(2026, 3, 3), entry.ValueDate);
        Assert.Equal("PMNT/RCDT/BOOK", entry.BankTransactionCode);
        Assert.Null(entry.ProprietaryBankTransactionCode);
        Assert.Null(entry.AdditionalInformation);
        Assert.Equal(3, entry.Transactions.Count);
        Assert.Equal(entry.Amount, entry.Transactions.Select(t => t.Amount!.Value).Aggregate((a, b) => a + b));

        var (a, b, c) = (entry.Transactions[0], entry.Transactions[1], entry.Transactions[2]);
        Assert.Equal(Money.Of(500.00m, Eur), a.Amount);
        Assert.Equal("E2E-A-1", a.EndToEndId);
        Assert.Equal("Alpha Bau KG", a.DebtorName);
        Assert.Equal("AT611904300234573201", a.DebtorIban);
        Assert.Null(a.UltimateDebtorName);
        Assert.Equal(["Invoice INV-2026-0101"], a.RemittanceLines);
        Assert.Null(a.CreditorReference);

        Assert.Equal(Money.Of(1250.77m, Eur), b.Amount);
        Assert.Equal("NOTPROVIDED", b.EndToEndId);
        Assert.Equal("Bruno Meier", b.DebtorName);
        Assert.Equal("CH9300762011623852957", b.DebtorIban);
        Assert.Equal(["INV-2026-0102 and INV-2026-0103", "customer 4711"], b.RemittanceLines);

        Assert.Equal(Money.Of(600.50m, Eur), c.Amount);
        Assert.Equal("Cäsar & Söhne OHG", c.DebtorName);
        Assert.Null(c.DebtorIban);
        Assert.Empty(c.RemittanceLines);
        Assert.Equal("RF712348231", c.CreditorReference);
        Assert.Null(c.CreditorReferenceType);
    }

    [Theory]
    [InlineData("camt053-v02-statement.xml")]
    [InlineData("camt053-v08-statement.xml")]
    public async Task ReadAsync_Camt053_DebitWithDateTimeValueDate(string file)
    {
        var entry = (await ReadFileAsync(file))[0].Entries[2];

        Assert.Null(entry.EntryReference);
        Assert.Equal("2026030212345003", entry.AccountServicerReference);
        Assert.Equal(Money.Of(12.50m, Eur), entry.Amount);
        Assert.Equal(CreditDebit.Debit, entry.CreditDebit);
        Assert.False(entry.IsReversal);
        Assert.Equal(new LocalDate(2026, 3, 2), entry.BookingDate);
        Assert.Equal(new LocalDate(2026, 2, 28), entry.ValueDate);
        Assert.Equal("ACMT/MDOP/CHRG", entry.BankTransactionCode);
        Assert.Equal("ENTGELT", entry.AdditionalInformation);

        var tx = Assert.Single(entry.Transactions);
        Assert.Equal(entry.Amount, tx.Amount);
        Assert.Null(tx.EndToEndId);
        Assert.Null(tx.DebtorName);
        Assert.Equal("Commerzbank AG", tx.CreditorName);
        Assert.Equal("DE44500105175407324931", tx.CreditorIban);
        Assert.Equal(["Account fee February 2026"], tx.RemittanceLines);
    }

    [Theory]
    [InlineData("camt053-v02-statement.xml")]
    [InlineData("camt053-v08-statement.xml")]
    public async Task ReadAsync_Camt053_Reversal(string file)
    {
        var entry = (await ReadFileAsync(file))[0].Entries[3];

        Assert.Equal(4, entry.Position);
        Assert.Equal("0004", entry.EntryReference);
        Assert.Equal(Money.Of(87.50m, Eur), entry.Amount);
        Assert.Equal(CreditDebit.Debit, entry.CreditDebit);
        Assert.True(entry.IsReversal);
        Assert.Null(entry.BankTransactionCode);
        Assert.Equal("NRTI+109", entry.ProprietaryBankTransactionCode);

        var tx = Assert.Single(entry.Transactions);
        Assert.Equal(Money.Of(87.50m, Eur), tx.Amount);
        Assert.Equal("DD-2026-0031", tx.EndToEndId);
        Assert.Equal("Delta Logistik GmbH", tx.DebtorName);
        Assert.Equal("DE75512108001245126199", tx.DebtorIban);
        Assert.Equal(["RUECKLASTSCHRIFT AC04 INV-2026-0031"], tx.RemittanceLines);
    }

    [Fact]
    public async Task ReadAsync_Camt053V08_BookingDateFromDateTime()
    {
        var entry = (await ReadFileAsync("camt053-v08-statement.xml"))[0].Entries[0];

        Assert.Equal(new LocalDate(2026, 3, 2), entry.BookingDate);
    }

    [Fact]
    public async Task ReadAsync_Camt054V08_ReadsNotification()
    {
        var notification = Assert.Single(await ReadFileAsync("camt054-v08-notification.xml"));

        Assert.Equal(CamtMessageKind.DebitCreditNotification, notification.Kind);
        Assert.Equal(8, notification.Version);
        Assert.Equal("NTFCTN-20260303-77", notification.MessageId);
        Assert.Equal("2026-03-03T07:45:00", notification.CreationDateTime);
        Assert.Equal("NTF-77-1", notification.StatementId);
        Assert.Equal("CH5604835012345678009", notification.AccountIban);
        Assert.Equal(Chf, notification.AccountCurrency);
        Assert.Equal(2, notification.Entries.Count);

        var batch = notification.Entries[0];
        Assert.Equal("CH-0001", batch.EntryReference);
        Assert.Equal("ZKB-20260303-000981", batch.AccountServicerReference);
        Assert.Equal(Money.Of(3150.00m, Chf), batch.Amount);
        Assert.Equal(CreditDebit.Credit, batch.CreditDebit);
        Assert.False(batch.IsReversal);
        Assert.Equal("BOOK", batch.Status);
        Assert.Equal(new LocalDate(2026, 3, 3), batch.BookingDate);
        Assert.Equal(new LocalDate(2026, 3, 3), batch.ValueDate);
        Assert.Equal("PMNT/RCDT/VCOM", batch.BankTransactionCode);
        Assert.Equal(2, batch.Transactions.Count);

        var qr = batch.Transactions[0];
        Assert.Equal(Money.Of(1000.00m, Chf), qr.Amount);
        Assert.Equal("ZKB-20260303-000981-1", qr.AccountServicerReference);
        Assert.Equal("QRR-0001", qr.EndToEndId);
        Assert.Equal("Emil Frey Garage AG", qr.DebtorName);
        Assert.Equal("CH4431999123000889012", qr.DebtorIban);
        Assert.Equal("Emil Frey Filiale Zürich", qr.UltimateDebtorName);
        Assert.Equal("210000000003139471430009017", qr.CreditorReference);
        Assert.Equal("QRR", qr.CreditorReferenceType);

        var scor = batch.Transactions[1];
        Assert.Equal(Money.Of(2150.00m, Chf), scor.Amount);
        Assert.Equal("SCOR-0002", scor.EndToEndId);
        Assert.Equal("Fritz Keller", scor.DebtorName);
        Assert.Null(scor.DebtorIban);
        Assert.Equal(["Rechnung 2026-0200"], scor.RemittanceLines);
        Assert.Equal("RF18539007547034", scor.CreditorReference);
        Assert.Equal("SCOR", scor.CreditorReferenceType);

        var pending = notification.Entries[1];
        Assert.Equal(2, pending.Position);
        Assert.Equal(Money.Of(45.00m, Chf), pending.Amount);
        Assert.Equal("PDNG", pending.Status);
        Assert.Null(pending.BookingDate);
        Assert.Equal(new LocalDate(2026, 3, 4), pending.ValueDate);
        Assert.Null(pending.BankTransactionCode);
        Assert.Empty(pending.Transactions);
    }

    [Fact]
    public async Task ReadAsync_SeveralStatements_OnePerStatementAndPositionsAcrossTheFile()
    {
        var xml = Camt053("""
            <Stmt><Id>A</Id><Acct><Id><Othr><Id>0012345</Id></Othr></Id></Acct>
              <Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>
            </Stmt>
            <Stmt><Id>B</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
              <Ntry><Amt Ccy="USD">2</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>INFO</Sts></Ntry>
            </Stmt>
            """);

        var statements = await ReadTextAsync(xml);

        Assert.Equal(["A", "B"], statements.Select(s => s.StatementId));
        Assert.Equal("0012345", statements[0].AccountOtherId);
        Assert.Null(statements[0].AccountIban);
        Assert.Null(statements[0].AccountCurrency);
        Assert.Equal(2, statements[1].Entries[0].Position);
        Assert.Equal(Money.Of(2m, "USD"), statements[1].Entries[0].Amount);
    }

    [Fact]
    public async Task ReadAsync_TruncatedFile_ThrowsNamingLineAndPosition()
    {
        var bytes = await File.ReadAllBytesAsync(PathOf("camt053-v02-statement.xml"));
        var truncated = bytes.AsSpan(0, bytes.Length / 2).ToArray();

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadBytesAsync(truncated));

        Assert.True(error.LineNumber > 100, error.Message);
        Assert.True(error.LinePosition > 0, error.Message);
        Assert.StartsWith($"line {error.LineNumber}, position {error.LinePosition}: ", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Xml.XmlException>(error.InnerException);
    }

    [Fact]
    public async Task ReadAsync_Dtd_IsRefused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Document [<!ENTITY bank "Bank">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"/>
            """;

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal((1, 3), (error.LineNumber, error.LinePosition));
        Assert.Contains("DTD is prohibited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ExternalEntity_IsRefused()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
              <BkToCstmrStmt><GrpHdr><MsgId>&xxe;</MsgId></GrpHdr></BkToCstmrStmt>
            </Document>
            """;

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal((1, 3), (error.LineNumber, error.LinePosition));
        Assert.Contains("DTD is prohibited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UndeclaredEntityWithoutDtd_IsRefused()
    {
        var xml = Camt053("<Stmt><Id>&xxe;</Id></Stmt>");

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal(4, error.LineNumber);
        Assert.Contains("xxe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownNamespace_ThrowsNamingIt()
    {
        var xml = """
            <?xml version="1.0"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.052.001.08">
              <BkToCstmrAcctRpt/>
            </Document>
            """;

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal((2, 2), (error.LineNumber, error.LinePosition));
        Assert.Contains("'urn:iso:std:iso:20022:tech:xsd:camt.052.001.08' is not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AmountWithoutCurrency_ThrowsNamingLineAndPosition()
    {
        var xml = Camt053("""
            <Stmt><Id>A</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
              <Ntry>
                <Amt>10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts></Ntry>
            </Stmt>
            """);

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal("line 6, position 6: Ntry/Amt '10.00' has no Ccy attribute.", error.Message);
        Assert.Equal((6, 6), (error.LineNumber, error.LinePosition));
    }

    [Fact]
    public async Task ReadAsync_BadDate_ThrowsNamingLineAndPosition()
    {
        var xml = Camt053("""
            <Stmt><Id>A</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
              <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-02-30</Dt></BookgDt></Ntry>
            </Stmt>
            """);

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal("line 6, position 15: BookgDt/Dt '2026-02-30' is not a date (yyyy-MM-dd).", error.Message);
    }

    [Theory]
    [InlineData("<Amt Ccy=\"EUR\">-1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>", "Ntry/Amt '-1.00' is not an amount")]
    [InlineData("<Amt Ccy=\"EUX\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>", "Ntry/Amt has Ccy 'EUX'")]
    [InlineData("<Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRED</CdtDbtInd><Sts>BOOK</Sts>", "CdtDbtInd 'CRED' is neither CRDT nor DBIT.")]
    [InlineData("<Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>", "Ntry has no Sts.")]
    [InlineData("<CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>", "Ntry has no Amt.")]
    [InlineData("<Amt Ccy=\"EUR\">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><ValDt><DtTm>tomorrow</DtTm></ValDt>", "ValDt/DtTm 'tomorrow' is not an ISO 8601 date and time")]
    public async Task ReadAsync_InvalidEntry_ThrowsNamingTheProblem(string content, string expected)
    {
        var xml = Camt053($"<Stmt><Id>A</Id><Acct><Id><IBAN>X</IBAN></Id></Acct><Ntry>{content}</Ntry></Stmt>");

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal(4, error.LineNumber);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MissingGroupHeader_Throws()
    {
        var xml = """
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02">
              <BkToCstmrDbtCdtNtfctn>
                <Ntfctn><Id>A</Id></Ntfctn>
              </BkToCstmrDbtCdtNtfctn>
            </Document>
            """;

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal("line 3, position 6: Ntfctn comes before GrpHdr.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_Canceled_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await using var stream = File.OpenRead(PathOf("camt053-v02-statement.xml"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CamtReader.ReadAsync(stream, cts.Token).AsTask());
    }

    [Fact]
    public async Task ReadAsync_NullStream_Throws()
        => await Assert.ThrowsAsync<ArgumentNullException>(() => CamtReader.ReadAsync(null!).AsTask());

    private static string Camt053(string statements) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>
        {statements}
          </BkToCstmrStmt>
        </Document>
        """;

    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "camt", file);

    [Fact]
    public async Task DeeplyNestedParties_AreSkippedWithoutExhaustingTheStack()
    {
        var nested = string.Concat(Enumerable.Repeat("<Pty>", 20_000)) + string.Concat(Enumerable.Repeat("</Pty>", 20_000));
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><GrpHdr><MsgId>M</MsgId><CreDtTm>2026-11-23T08:00:00</CreDtTm></GrpHdr>
            <Stmt><Id>S</Id><Acct><Id><IBAN>DE02100100109307118603</IBAN></Id></Acct><Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
            <NtryDtls><TxDtls><RltdPties><Dbtr>{nested}</Dbtr></RltdPties></TxDtls></NtryDtls></Ntry></Stmt></BkToCstmrStmt></Document>
            """;

        var statements = await ReadTextAsync(xml);

        var transaction = Assert.Single(Assert.Single(Assert.Single(statements).Entries).Transactions);
        Assert.Null(transaction.DebtorName); // a Pty inside a Pty is not a party name: skipped, not recursed into
    }

    [Fact]
    public async Task TextMixedWithElements_IsReportedWhereItIs()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr>
            <MsgId>M<b/>1</MsgId></GrpHdr></BkToCstmrStmt></Document>
            """;

        var exception = await Assert.ThrowsAsync<BankStatementFormatException>(() => ReadTextAsync(xml));

        Assert.Equal(3, exception.LineNumber);
    }

    private static async Task<IReadOnlyList<BankStatement>> ReadFileAsync(string file)
    {
        await using var stream = File.OpenRead(PathOf(file));
        return await CamtReader.ReadAsync(stream);
    }

    private static Task<IReadOnlyList<BankStatement>> ReadTextAsync(string xml) => ReadBytesAsync(Encoding.UTF8.GetBytes(xml));

    private static async Task<IReadOnlyList<BankStatement>> ReadBytesAsync(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return await CamtReader.ReadAsync(stream);
    }
}
