using System.Xml.Schema;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using NodaTime;

namespace Invoicing.Core.Tests.EInvoicing.Cii;

public sealed class CiiWriterTests
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(CiiTestFiles.Schemas);

    public static TheoryData<string> Examples => CiiTestFiles.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Schema_OriginalExample_IsValidAgainstTheCopiedD16BSchemas(string file)
    {
        using var stream = File.OpenRead(CiiTestFiles.Example(file));

        Assert.Empty(CiiTestFiles.Validate(Schemas.Value, stream));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Write_Example_IsValidAgainstTheD16BSchema(string file)
    {
        var written = CiiTestFiles.Write(CiiTestFiles.ReadExample(file).Document);

        Assert.Empty(CiiTestFiles.Validate(Schemas.Value, new MemoryStream(written)));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Write_Example_ReadsBackEqual(string file)
    {
        var original = CiiTestFiles.ReadExample(file).Document;

        var again = CiiReader.Read(new MemoryStream(CiiTestFiles.Write(original))).Document;

        Assert.True(original == again, CiiTestFiles.FirstDifference(original, again));
    }

    [Fact]
    public void Write_FullModel_ValidatesAndReadsBackEqual()
    {
        var document = FullModel();

        var written = CiiTestFiles.Write(document);

        Assert.Empty(CiiTestFiles.Validate(Schemas.Value, new MemoryStream(written)));
        var again = CiiReader.Read(new MemoryStream(written)).Document;
        Assert.True(document == again, CiiTestFiles.FirstDifference(document, again));
    }

    [Fact]
    public async Task WriteAsync_SameBytesAsWrite()
    {
        var document = CiiTestFiles.ReadExample("CII_example4.xml").Document;
        using var stream = new MemoryStream();

        await CiiWriter.WriteAsync(document, stream);

        Assert.Equal(CiiTestFiles.Write(document), stream.ToArray());
    }

    [Fact]
    public void Write_EmptyModel_IsSchemaValid()
    {
        var written = CiiTestFiles.Write(new EInvoice());

        Assert.Empty(CiiTestFiles.Validate(Schemas.Value, new MemoryStream(written)));
        Assert.Equal(new EInvoice(), CiiReader.Read(new MemoryStream(written)).Document);
    }

    [Fact]
    public void Write_DatesAndDecimals_AsFormat102AndAsHeld()
    {
        var text = System.Text.Encoding.UTF8.GetString(CiiTestFiles.Write(new EInvoice { Number = "1", IssueDate = new LocalDate(2026, 2, 3), Totals = new DocumentTotals { SumOfLineNetAmounts = 12.340m } }));

        Assert.Contains("<udt:DateTimeString format=\"102\">20260203</udt:DateTimeString>", text, StringComparison.Ordinal);
        Assert.Contains("<ram:LineTotalAmount>12.340</ram:LineTotalAmount>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_ElementsOutOfOrder_AreReported()
    {
        var text = System.Text.Encoding.UTF8.GetString(CiiTestFiles.Write(new EInvoice { Number = "1", TypeCode = "380" }))
            .Replace("<ram:TypeCode>380</ram:TypeCode>", string.Empty, StringComparison.Ordinal)
            .Replace("<ram:ID>1</ram:ID>", "<ram:TypeCode>380</ram:TypeCode><ram:ID>1</ram:ID>", StringComparison.Ordinal);

        Assert.NotEmpty(CiiTestFiles.Validate(Schemas.Value, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text))));
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CiiWriter.Write(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>(() => CiiWriter.Write(new EInvoice(), null!));
    }

    private static EInvoice FullModel()
    {
        var address = new EInvoiceAddress { Line1 = "Main Street 1", Line2 = "Floor 2", Line3 = "Door 3", City = "Oslo", PostCode = "0150", CountrySubdivision = "Oslo", CountryCode = "NO" };
        return new EInvoice
        {
            Number = "INV-1",
            IssueDate = new LocalDate(2026, 11, 23),
            TypeCode = "380",
            CurrencyCode = "EUR",
            VatAccountingCurrencyCode = "NOK",
            VatPointDate = new LocalDate(2026, 11, 20),
            PaymentDueDate = new LocalDate(2026, 12, 23),
            BuyerReference = "REF",
            ProjectReference = "PRJ",
            ContractReference = "CON",
            PurchaseOrderReference = "PO",
            SalesOrderReference = "SO",
            ReceivingAdviceReference = "RA",
            DespatchAdviceReference = "DA",
            TenderOrLotReference = "LOT",
            InvoicedObjectIdentifier = new SchemeIdentifier("OBJ", "AAA"),
            BuyerAccountingReference = "4000",
            PaymentTerms = "30 days",
            Notes = [new InvoiceNote { SubjectCode = "AAI", Text = "Note" }],
            ProcessControl = new ProcessControl { BusinessProcessType = "P1", SpecificationIdentifier = "urn:cen.eu:en16931:2017" },
            PrecedingInvoiceReferences = [new PrecedingInvoiceReference { Reference = "INV-0", IssueDate = new LocalDate(2026, 1, 2) }],
            Seller = new Seller
            {
                Name = "Seller AS", TradingName = "Seller", Identifiers = [new SchemeIdentifier("S1"), new SchemeIdentifier("7300010000001", "0088")],
                LegalRegistrationIdentifier = new SchemeIdentifier("123456789", "0192"), VatIdentifier = "NO123456789MVA", TaxRegistrationIdentifier = "123456789",
                AdditionalLegalInformation = "Capital 1 NOK", ElectronicAddress = new SchemeIdentifier("seller@example.com", "EM"), Address = address,
                Contact = new EInvoiceContact { Point = "Ann", TelephoneNumber = "+47 1", EmailAddress = "ann@example.com" },
            },
            Buyer = new Buyer
            {
                Name = "Buyer AB", TradingName = "Buyer", Identifier = new SchemeIdentifier("B1", "0088"), LegalRegistrationIdentifier = new SchemeIdentifier("556677", "0007"),
                VatIdentifier = "SE556677001", ElectronicAddress = new SchemeIdentifier("buyer@example.com", "EM"), Address = address with { CountryCode = "SE" },
                Contact = new EInvoiceContact { Point = "Bob", TelephoneNumber = "+46 2", EmailAddress = "bob@example.com" },
            },
            Payee = new Payee { Name = "Factor", Identifier = new SchemeIdentifier("P1"), LegalRegistrationIdentifier = new SchemeIdentifier("998877", "0192") },
            SellerTaxRepresentative = new SellerTaxRepresentative { Name = "Rep", VatIdentifier = "DE123", Address = address with { CountryCode = "DE" } },
            Delivery = new DeliveryInformation { PartyName = "Site", LocationIdentifier = new SchemeIdentifier("L1", "0088"), ActualDeliveryDate = new LocalDate(2026, 11, 19), Address = address },
            InvoicingPeriod = new InvoicingPeriod { StartDate = new LocalDate(2026, 11, 1), EndDate = new LocalDate(2026, 11, 30) },
            PaymentInstructions = new PaymentInstructions
            {
                PaymentMeansTypeCode = "58", PaymentMeansText = "SEPA", RemittanceInformation = "RF18539007547034",
                CreditTransfers = [new CreditTransfer { PaymentAccountIdentifier = "NO9386011117947", PaymentAccountName = "Seller", PaymentServiceProviderIdentifier = "DNBANOKK" }, new CreditTransfer { PaymentAccountIdentifier = "12345" }],
                PaymentCard = new PaymentCard { PrimaryAccountNumber = "1234", HolderName = "Ann" },
                DirectDebit = new DirectDebit { MandateReference = "M1", BankAssignedCreditorIdentifier = "C1", DebitedAccountIdentifier = "DE02120300000000202051" },
            },
            Allowances = [new DocumentLevelAllowanceCharge { Amount = 10.00m, BaseAmount = 100.00m, Percentage = 10m, VatCategoryCode = "S", VatRate = 25m, Reason = "Discount", ReasonCode = "95" }],
            Charges = [new DocumentLevelAllowanceCharge { Amount = 5.00m, VatCategoryCode = "S", VatRate = 25m, Reason = "Freight", ReasonCode = "FC" }],
            Totals = new DocumentTotals
            {
                SumOfLineNetAmounts = 100.00m, SumOfAllowances = 10.00m, SumOfCharges = 5.00m, TotalWithoutVat = 95.00m, TotalVat = 23.75m, TotalVatInAccountingCurrency = 270.00m,
                TotalWithVat = 118.75m, PaidAmount = 0.00m, RoundingAmount = 0.25m, AmountDueForPayment = 119.00m,
            },
            VatBreakdown = [new VatBreakdown { TaxableAmount = 95.00m, TaxAmount = 23.75m, CategoryCode = "S", Rate = 25m }, new VatBreakdown { TaxableAmount = 0m, TaxAmount = 0m, CategoryCode = "E", Rate = 0m, ExemptionReasonText = "Exempt", ExemptionReasonCode = "VATEX-EU-132" }],
            SupportingDocuments = [new SupportingDocument { Reference = "ATT-1", Description = "Timesheet", ExternalLocation = "https://example.com/t", Attachment = new AttachedDocument { ContentBase64 = "aGVsbG8=", MimeCode = "text/plain", FileName = "t.txt" } }],
            Lines =
            [
                new EInvoiceLine
                {
                    Identifier = "1", Note = "Line note", ObjectIdentifier = new SchemeIdentifier("LOBJ", "ABZ"), Quantity = 2.000m, UnitCode = "C62", NetAmount = 100.00m,
                    PurchaseOrderLineReference = "10", BuyerAccountingReference = "6000",
                    Period = new InvoicingPeriod { StartDate = new LocalDate(2026, 11, 1), EndDate = new LocalDate(2026, 11, 15) },
                    Allowances = [new LineAllowanceCharge { Amount = 2.00m, BaseAmount = 20m, Percentage = 10m, Reason = "Promo", ReasonCode = "95" }],
                    Charges = [new LineAllowanceCharge { Amount = 2.00m, Reason = "Packing", ReasonCode = "ABL" }],
                    Price = new PriceDetails { NetPrice = 50.00m, Discount = 5.00m, GrossPrice = 55.00m, BaseQuantity = 1m, BaseQuantityUnitCode = "C62" },
                    Vat = new LineVatInformation { CategoryCode = "S", Rate = 25m },
                    Item = new ItemInformation
                    {
                        Name = "Widget", Description = "A widget", SellersIdentifier = "W-1", BuyersIdentifier = "B-W-1", StandardIdentifier = new SchemeIdentifier("7300010000001", "0160"),
                        ClassificationIdentifiers = [new SchemeIdentifier("12345678", "STI", "2.0")], CountryOfOrigin = "CN",
                        Attributes = [new ItemProperty { Name = "Colour", Value = "Blue" }],
                    },
                },
            ],
        };
    }
}
