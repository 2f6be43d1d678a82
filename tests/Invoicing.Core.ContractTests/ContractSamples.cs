using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using NodaTime;
using NodaTime.Testing;

namespace Invoicing.Core.ContractTests;

/// <summary>
/// The documents the contract tests store: invoices and a customer account that between them set
/// every field the model has, built through the public API (<see cref="InvoiceService"/> on a
/// <see cref="FakeClock"/> and an <see cref="InMemoryInvoiceNumberSequence"/>), so they are exactly what a
/// host would store. Adapter authors can use them in their own tests, for example of a JSON or
/// row mapping, together with <see cref="StructuralComparer"/>.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: every call builds new objects. The results are deterministic except for
/// the tenant and ids the caller passes in; each invoice sample numbers from its own sequence, so
/// its first number is always the series' first number.
/// </remarks>
public static class ContractSamples
{
    /// <summary>A business draft in EUR that sets every header, line, item and allowance/charge field: prepaid amount, billing period, delivery date, references and note; lines with allowances and charges, base quantity, GTIN, period, order line reference and note; standard, zero-rated, exempt and reverse-charge lines; document-level allowances and charges; per-line half-even rounding.</summary>
    public const string RichDraft = "rich-draft";

    /// <summary>The rich draft, issued in three instalments (a percentage, a fixed amount and the remainder) with an early payment discount, due dates moved by a business calendar with holidays.</summary>
    public const string IssuedInInstalments = "issued-in-instalments";

    /// <summary>An issued business invoice with one payment recorded (with a reference).</summary>
    public const string PartiallyPaid = "partially-paid";

    /// <summary>An issued business invoice paid in two payments (one with, one without a reference).</summary>
    public const string Paid = "paid";

    /// <summary>An issued invoice, partly paid, then written off with a reason.</summary>
    public const string WrittenOff = "written-off";

    /// <summary>An issued KWD invoice (three decimals) with reverse-charge, intra-community and export lines (exemption reason codes and texts) and an own number series.</summary>
    public const string ReverseChargeInKwd = "reverse-charge-kwd";

    /// <summary>A paid consumer receipt in CHF: gross (tax-inclusive) prices, a returned item (negative quantity), cash rounding to 0.05, a yearly POS number series.</summary>
    public const string GrossReceiptWithCashRounding = "gross-receipt-cash-rounding";

    /// <summary>A draft that was discarded.</summary>
    public const string Discarded = "discarded";

    /// <summary>The instant every sample service reads from its clock: Monday 2026-11-23, 10:00 UTC.</summary>
    public static Instant Now { get; } = Instant.FromUtc(2026, 11, 23, 10, 0);

    /// <summary>The customer the invoice samples bill (except the consumer receipt, which has none).</summary>
    public static CustomerId Customer { get; } = CustomerId.From("C-1001");

    /// <summary>The names of all invoice samples, in the order above.</summary>
    public static IReadOnlyList<string> InvoiceSampleNames { get; } =
        [RichDraft, IssuedInInstalments, PartiallyPaid, Paid, WrittenOff, ReverseChargeInKwd, GrossReceiptWithCashRounding, Discarded];

    /// <summary>A seller with every party field set.</summary>
    /// <returns>A new party.</returns>
    public static Party Seller() => new("ACME Retail GmbH", new PostalAddress(CountryCode.De)
    {
        Street = "Hauptstraße 1",
        AdditionalStreet = "Gebäude B",
        AddressLine3 = "3. Etage",
        City = "Berlin",
        PostCode = "10115",
        CountrySubdivision = "BE",
    })
    {
        TradingName = "ACME",
        VatId = VatIdentifier.From("DE123456789"),
        LegalRegistration = new PartyIdentifier("HRB 12345", "0204"),
        TaxRegistrations = [new PartyIdentifier("12/345/67890", "FC"), new PartyIdentifier("DE-TAX-1")],
        ElectronicAddress = new ElectronicAddress("0088", "4000001000005"),
        Contact = new Contact { Name = "Jana Beispiel", Phone = "+49 30 1234567", Email = "billing@acme.example" },
    };

    /// <summary>A business buyer with every party field set.</summary>
    /// <returns>A new party.</returns>
    public static Party Buyer() => new("Koper & Zonen B.V.", new PostalAddress(CountryCode.Nl)
    {
        Street = "Keizersgracht 100",
        AdditionalStreet = "Achterhuis",
        AddressLine3 = "Postbus 12",
        City = "Amsterdam",
        PostCode = "1015 AA",
        CountrySubdivision = "NH",
    })
    {
        TradingName = "Koper",
        VatId = VatIdentifier.From("NL123456789B01"),
        LegalRegistration = new PartyIdentifier("34567890", "0106"),
        TaxRegistrations = [new PartyIdentifier("NL-TAX-9", "VA")],
        ElectronicAddress = new ElectronicAddress("0106", "34567890"),
        Contact = new Contact { Name = "Pieter de Vries", Phone = "+31 20 555 0100", Email = "ap@koper.example" },
    };

    /// <summary>Builds every version of an invoice sample, from its first draft to its final state.</summary>
    /// <param name="sample">One of <see cref="InvoiceSampleNames"/>.</param>
    /// <param name="tenant">The tenant the invoice belongs to.</param>
    /// <param name="id">The invoice id, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels issuing.</param>
    /// <returns>The versions in order: <c>versions[i].Version == i + 1</c>; the last is the sample.</returns>
    /// <exception cref="ArgumentException"><paramref name="sample"/> is not a sample name.</exception>
    public static async ValueTask<IReadOnlyList<Invoice>> InvoiceVersionsAsync(string sample, TenantId tenant, InvoiceId? id = null,
        CancellationToken cancellationToken = default)
    {
        var invoiceId = id ?? InvoiceId.New();
        return sample switch
        {
            RichDraft => RichDraftVersions(NewService(), tenant, invoiceId),
            IssuedInInstalments => await IssuedInInstalmentsAsync(tenant, invoiceId, cancellationToken).ConfigureAwait(false),
            PartiallyPaid => await PaymentsAsync(tenant, invoiceId, [(Money.Of(100.00m, Currency.Eur), "SEPA-2026-000981")], cancellationToken).ConfigureAwait(false),
            Paid => await PaymentsAsync(tenant, invoiceId, [(Money.Of(100.00m, Currency.Eur), "SEPA-2026-000981"), (Money.Of(138.00m, Currency.Eur), null)], cancellationToken)
                .ConfigureAwait(false),
            WrittenOff => await WrittenOffAsync(tenant, invoiceId, cancellationToken).ConfigureAwait(false),
            ReverseChargeInKwd => await ReverseChargeAsync(tenant, invoiceId, cancellationToken).ConfigureAwait(false),
            GrossReceiptWithCashRounding => await GrossReceiptAsync(tenant, invoiceId, cancellationToken).ConfigureAwait(false),
            Discarded => DiscardedVersions(tenant, invoiceId),
            _ => throw new ArgumentException($"'{sample}' is not an invoice sample; use one of {string.Join(", ", InvoiceSampleNames)}.", nameof(sample)),
        };
    }

    /// <summary>Builds the final version of an invoice sample.</summary>
    /// <param name="sample">One of <see cref="InvoiceSampleNames"/>.</param>
    /// <param name="tenant">The tenant the invoice belongs to.</param>
    /// <param name="id">The invoice id, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels issuing.</param>
    /// <returns>The invoice.</returns>
    /// <exception cref="ArgumentException"><paramref name="sample"/> is not a sample name.</exception>
    public static async ValueTask<Invoice> InvoiceAsync(string sample, TenantId tenant, InvoiceId? id = null, CancellationToken cancellationToken = default)
        => (await InvoiceVersionsAsync(sample, tenant, id, cancellationToken).ConfigureAwait(false))[^1];

    /// <summary>A customer account (version 0, not stored yet) with every optional field set, each to a value other than its default.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The customer id.</param>
    /// <returns>The account.</returns>
    public static CustomerAccount CustomerAccountWithEveryField(TenantId tenant, CustomerId id) => new(tenant, id, Buyer(), Currency.Chf)
    {
        Kind = CustomerKind.Consumer,
        PaymentTerms = PaymentTerms.InInstalments(
                InstalmentTerm.OfPercent(40m, DueDateRule.DaysAfterIssue(10)),
                InstalmentTerm.OfAmount(Money.Of(250.00m, Currency.Chf), DueDateRule.EndOfMonthPlus(15)),
                InstalmentTerm.Remainder(DueDateRule.DayOfNextMonth(31)))
            .WithEarlyPaymentDiscount(1.5m, 8),
        PreferredLanguage = "fr-CH",
        DeliveryPreferences =
        [
            new DeliveryPreference(DeliveryChannelKind.Peppol, "0106:34567890"),
            new DeliveryPreference(DeliveryChannelKind.Email, "invoices@koper.example"),
            new DeliveryPreference(DeliveryChannelKind.Post),
        ],
        BillingContacts =
        [
            new Contact { Name = "Pieter de Vries", Phone = "+31 20 555 0100", Email = "ap@koper.example" },
            new Contact { Email = "controller@koper.example" },
        ],
        TaxExemptions =
        [
            new TaxExemption("EX-2026-17", "NL", "VATEX-EU-132", "Medical care", new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)),
            new TaxExemption("EX-OPEN", "US-NY", null, "Resale certificate"),
        ],
        CreditLimit = Money.Of(25_000.50m, Currency.Chf),
    };

    /// <summary>A plain customer account (version 0, not stored yet) with only the required fields.</summary>
    /// <param name="tenant">The tenant.</param>
    /// <param name="id">The customer id.</param>
    /// <returns>The account.</returns>
    public static CustomerAccount CustomerAccount(TenantId tenant, CustomerId id)
        => new(tenant, id, new Party("Customer " + id, new PostalAddress(CountryCode.Fr)), Currency.Eur);

    private static InvoiceService NewService(InvoicingPolicy? policy = null, IBusinessCalendar? calendar = null)
        => new(new FakeClock(Now), new InMemoryInvoiceNumberSequence(), policy, calendar: calendar);

    private static InvoiceHeader RichHeader() => new(Currency.Eur, Seller())
    {
        Buyer = Buyer(),
        CustomerId = Customer,
        CustomerKind = CustomerKind.Business,
        Pricing = PricingMode.Net,
        Rounding = new RoundingPolicy(MoneyRounding.HalfEven, TaxRoundingLevel.PerLine),
        PaymentTerms = PaymentTerms.Net(14).WithEarlyPaymentDiscount(2m, 7),
        PrepaidAmount = Money.Of(50.00m, Currency.Eur),
        BuyerReference = "BR-4711",
        OrderReference = "PO-2026-118",
        ContractReference = "CT-2025-07",
        Note = "Thank you for your order.\nDelivered in two parts.",
        DeliveryDate = new LocalDate(2026, 11, 20),
        Period = new BillingPeriod(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)),
    };

    private static InvoiceLine[] RichLines() =>
    [
        new(InvoiceLineId.From("10"), new Item("Consulting")
            {
                Description = "On-site consulting, November",
                SellerItemId = "SRV-CONS",
                BuyerItemId = "B-77",
                Gtin = Gtin.From("4006381333931"),
                TaxClass = "services",
            },
            new Quantity(12.5m, UnitCode.Hour), Money.Of(96.1250m, Currency.Eur), TaxTreatment.Standard(19m))
        {
            TaxDecision = new TaxDecision(TaxCategory.Standard, [new TaxComponent("VAT", "DE", 19m)], "EU-VAT-DOMESTIC", "Domestic supply of services."),
            AllowanceCharges =
            [
                AllowanceCharge.Allowance(Money.Of(25.00m, Currency.Eur), "Loyalty", "95"),
                AllowanceCharge.ChargePercent(2.5m, "Weekend work", null, Money.Of(400.00m, Currency.Eur)),
                AllowanceCharge.AllowancePercent(1.25m, null, "64"),
            ],
            Period = new BillingPeriod(new LocalDate(2026, 11, 2), new LocalDate(2026, 11, 13)),
            OrderLineReference = "118/1",
            Note = "Two consultants.",
        },
        new(InvoiceLineId.From("20"), new Item("Copy paper A4") { SellerItemId = "PAP-A4" },
            new Quantity(250m, UnitCode.Piece), Money.Of(4.99m, Currency.Eur), TaxTreatment.Standard(7m))
        {
            BaseQuantity = 10m,
            AllowanceCharges = [AllowanceCharge.Charge(Money.Of(3.50m, Currency.Eur), "Packaging", "ABL")],
        },
        new(InvoiceLineId.From("30"), new Item("First-aid kit"), new Quantity(2m, UnitCode.Set), Money.Of(39.90m, Currency.Eur),
            TaxTreatment.Exempt("VATEX-EU-132", "Medical care")),
        new(InvoiceLineId.From("40"), new Item("Newspaper"), Quantity.Of(1m), Money.Of(2.20m, Currency.Eur), TaxTreatment.ZeroRated()),
        new(InvoiceLineId.From("50"), new Item("Installation by subcontractor"), new Quantity(3m, UnitCode.Day), Money.Of(480.00m, Currency.Eur),
            TaxTreatment.ReverseCharge()),
    ];

    private static DocumentAllowanceCharge[] RichAllowanceCharges() =>
    [
        new(InvoiceLineId.From("D1"), AllowanceCharge.AllowancePercent(3m, "Volume discount", "95"), TaxTreatment.Standard(19m)),
        new(InvoiceLineId.From("D2"), AllowanceCharge.Charge(Money.Of(12.50m, Currency.Eur), "Freight", "FC"), TaxTreatment.Standard(19m)),
        new(InvoiceLineId.From("D3"), AllowanceCharge.ChargePercent(1.5m, "Insurance", null, Money.Of(200.00m, Currency.Eur)), TaxTreatment.Standard(7m)),
        new(InvoiceLineId.From("D4"), AllowanceCharge.Allowance(Money.Of(5.00m, Currency.Eur), "Goodwill"), TaxTreatment.Standard(7m)),
    ];

    private static List<Invoice> RichDraftVersions(InvoiceService service, TenantId tenant, InvoiceId id)
    {
        var lines = RichLines();
        var versions = new List<Invoice> { service.CreateDraft(tenant, RichHeader() with { Note = null }, lines[..2], id).Invoice };
        foreach (var line in lines[2..])
        {
            versions.Add(service.AddLine(versions[^1], line).Invoice);
        }

        foreach (var allowanceCharge in RichAllowanceCharges())
        {
            versions.Add(service.AddAllowanceCharge(versions[^1], allowanceCharge).Invoice);
        }

        versions.Add(service.ChangeHeader(versions[^1], RichHeader()).Invoice);
        return versions;
    }

    private static async ValueTask<List<Invoice>> IssuedInInstalmentsAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken)
    {
        // Issued on Friday 2026-11-27: +8 days is Saturday 12-05 (moved to Monday 12-07), the end of month is
        // Monday 11-30, end of month + 28 is the holiday Monday 12-28 (moved to 12-29).
        var calendar = BusinessCalendar.MondayToFriday.WithHolidays(new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 28));
        var service = NewService(calendar: calendar);
        var versions = RichDraftVersions(service, tenant, id);
        var terms = PaymentTerms.InInstalments(
                InstalmentTerm.OfPercent(30m, DueDateRule.DaysAfterIssue(8)),
                InstalmentTerm.OfAmount(Money.Of(100.00m, Currency.Eur), DueDateRule.EndOfMonthPlus(0)),
                InstalmentTerm.Remainder(DueDateRule.EndOfMonthPlus(28)))
            .WithEarlyPaymentDiscount(2m, 10);
        versions.Add(service.ChangeHeader(versions[^1], versions[^1].Header with { PaymentTerms = terms }).Invoice);
        versions.Add((await service.IssueAsync(versions[^1], new LocalDate(2026, 11, 27), cancellationToken: cancellationToken).ConfigureAwait(false)).Invoice);
        return versions;
    }

    private static InvoiceHeader SimpleHeader() => new(Currency.Eur, Seller())
    {
        Buyer = Buyer(),
        CustomerId = Customer,
        PaymentTerms = PaymentTerms.Net(30),
    };

    private static InvoiceLine SimpleLine(decimal price) => new(InvoiceLineId.From("1"), new Item("Service"), Quantity.Of(1m), Money.Of(price, Currency.Eur),
        TaxTreatment.Standard(19m));

    private static async ValueTask<List<Invoice>> PaymentsAsync(TenantId tenant, InvoiceId id, (Money Amount, string? Reference)[] payments,
        CancellationToken cancellationToken)
    {
        var service = NewService();
        var versions = new List<Invoice> { service.CreateDraft(tenant, SimpleHeader(), [SimpleLine(200.00m)], id).Invoice };
        versions.Add((await service.IssueAsync(versions[^1], new LocalDate(2026, 11, 23), cancellationToken: cancellationToken).ConfigureAwait(false)).Invoice);
        var date = new LocalDate(2026, 12, 1);
        foreach (var (amount, reference) in payments)
        {
            versions.Add(service.RecordPayment(versions[^1], amount, date, reference).Invoice);
            date = date.PlusDays(9);
        }

        return versions;
    }

    private static async ValueTask<List<Invoice>> WrittenOffAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken)
    {
        var versions = await PaymentsAsync(tenant, id, [(Money.Of(38.00m, Currency.Eur), "Partial payment")], cancellationToken).ConfigureAwait(false);
        versions.Add(NewService().WriteOff(versions[^1], "Customer insolvent; claim filed with the administrator on 2027-01-15.").Invoice);
        return versions;
    }

    private static async ValueTask<List<Invoice>> ReverseChargeAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken)
    {
        var service = NewService(InvoicingPolicy.Default with { Series = new NumberSeries("EXP", "EXP/{yy}/{n:4}", restartsEveryYear: true) });
        var header = new InvoiceHeader(Currency.Kwd, Seller())
        {
            Buyer = Buyer(),
            CustomerId = Customer,
            PaymentTerms = PaymentTerms.DueBy(DueDateRule.DayOfNextMonth(31)),
            Note = "Reverse charge: the buyer accounts for the VAT.",
        };
        InvoiceLine[] lines =
        [
            new(InvoiceLineId.From("1"), new Item("Machine part"), new Quantity(7m, UnitCode.Kilogram), Money.Of(12.345m, Currency.Kwd), TaxTreatment.ReverseCharge()),
            new(InvoiceLineId.From("2"), new Item("Spare parts kit"), Quantity.Of(3m), Money.Of(1.125m, Currency.Kwd),
                TaxTreatment.IntraCommunitySupply("VATEX-EU-IC", "Intra-Community supply of goods")),
            new(InvoiceLineId.From("3"), new Item("Shipping abroad"), Quantity.Of(1m), Money.Of(4.5m, Currency.Kwd), TaxTreatment.Export(null, "Export outside the EU")),
        ];
        var versions = new List<Invoice> { service.CreateDraft(tenant, header, lines, id).Invoice };
        versions.Add((await service.IssueAsync(versions[^1], new LocalDate(2026, 1, 31), cancellationToken: cancellationToken).ConfigureAwait(false)).Invoice);
        return versions;
    }

    private static async ValueTask<List<Invoice>> GrossReceiptAsync(TenantId tenant, InvoiceId id, CancellationToken cancellationToken)
    {
        var service = NewService(InvoicingPolicy.Default with
        {
            Series = new NumberSeries("POS-12", "POS-12-{yy}-{n}", restartsEveryYear: true),
            AllowRetailReturns = true,
        });
        var header = new InvoiceHeader(Currency.Chf, Seller())
        {
            CustomerKind = CustomerKind.Consumer,
            Pricing = PricingMode.Gross,
            Rounding = new RoundingPolicy(MoneyRounding.HalfUp, TaxRoundingLevel.PerCategory, MoneyRounding.ToIncrement(0.05m)),
        };
        InvoiceLine[] lines =
        [
            new(InvoiceLineId.From("1"), new Item("Coffee beans 500 g") { Gtin = Gtin.From("7610000000004") }, Quantity.Of(3m), Money.Of(2.99m, Currency.Chf),
                TaxTreatment.Standard(2.6m)),
            new(InvoiceLineId.From("2"), new Item("Mug"), new Quantity(1m, UnitCode.Piece), Money.Of(4.48m, Currency.Chf), TaxTreatment.Standard(8.1m)),
            new(InvoiceLineId.From("3"), new Item("Returned bottle deposit"), Quantity.Of(-1m), Money.Of(0.99m, Currency.Chf), TaxTreatment.Standard(8.1m)),
        ];
        var versions = new List<Invoice> { service.CreateDraft(tenant, header, lines, id).Invoice };
        var issued = (await service.IssueAsync(versions[^1], new LocalDate(2026, 11, 23), cancellationToken: cancellationToken).ConfigureAwait(false)).Invoice;
        versions.Add(issued);
        versions.Add(service.RecordPayment(issued, issued.OpenAmount, new LocalDate(2026, 11, 23), "Cash").Invoice);
        return versions;
    }

    private static List<Invoice> DiscardedVersions(TenantId tenant, InvoiceId id)
    {
        var service = NewService();
        var draft = service.CreateDraft(tenant, SimpleHeader() with { BuyerReference = "Never sent" }, [SimpleLine(10.00m)], id).Invoice;
        return [draft, service.Discard(draft).Invoice];
    }

    /// <summary>A credit note sample: the full cancellation of the <see cref="IssuedInInstalments"/> invoice (five tax categories and rates, document allowances and charges, so negative lines).</summary>
    public const string FullCancellationCredit = "credit-full-cancellation";

    /// <summary>A credit note sample: one of three items returned from the <see cref="GrossReceiptWithCashRounding"/> receipt (gross pricing, credit by quantity).</summary>
    public const string PartialQuantityOnGrossReceiptCredit = "credit-partial-quantity-gross";

    /// <summary>A credit note sample: a discount of EUR 25.00 granted after the fact on the <see cref="IssuedInInstalments"/> invoice, split across its tax categories.</summary>
    public const string DiscountCredit = "credit-discount";

    /// <summary>The names of all credit note samples, in the order above.</summary>
    public static IReadOnlyList<string> CreditNoteSampleNames { get; } = [FullCancellationCredit, PartialQuantityOnGrossReceiptCredit, DiscountCredit];

    /// <summary>Builds a credit note sample through the public API: the invoice with <see cref="InvoiceService"/>, the note with <see cref="CreditNoteService"/>.</summary>
    /// <param name="sample">One of <see cref="CreditNoteSampleNames"/>.</param>
    /// <param name="tenant">The tenant the invoice and the credit note belong to.</param>
    /// <param name="id">The credit note id, or null for a new one.</param>
    /// <param name="invoiceId">The credited invoice's id, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels issuing.</param>
    /// <returns>The credited invoice and the credit note, the first of its invoice (numbered CN-2026-000001).</returns>
    /// <exception cref="ArgumentException"><paramref name="sample"/> is not a credit note sample name.</exception>
    public static async ValueTask<(Invoice Invoice, CreditNote CreditNote)> CreditNoteAsync(string sample, TenantId tenant, CreditNoteId? id = null,
        InvoiceId? invoiceId = null, CancellationToken cancellationToken = default)
    {
        var (invoiceSample, request, date) = sample switch
        {
            FullCancellationCredit => (IssuedInInstalments, CreditNoteRequest.FullCancellation("Order cancelled by the customer."), new LocalDate(2026, 12, 1)),
            PartialQuantityOnGrossReceiptCredit => (GrossReceiptWithCashRounding,
                CreditNoteRequest.ForLines("Returned: one pack of coffee beans.", LineCredit.OfQuantity(InvoiceLineId.From("1"), 1m)), new LocalDate(2026, 11, 24)),
            DiscountCredit => (IssuedInInstalments, CreditNoteRequest.ForDiscount("Goodwill discount for the late delivery.", Money.Of(25.00m, Currency.Eur)),
                new LocalDate(2026, 12, 3)),
            _ => throw new ArgumentException($"'{sample}' is not a credit note sample; use one of {string.Join(", ", CreditNoteSampleNames)}.", nameof(sample)),
        };
        var invoice = await InvoiceAsync(invoiceSample, tenant, invoiceId, cancellationToken).ConfigureAwait(false);
        var change = await NewCreditNoteService().IssueAsync(invoice, [], request, date, id: id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (invoice, change.CreditNote);
    }

    /// <summary>
    /// Builds a series of four credit notes of one invoice (the <see cref="IssuedInInstalments"/> sample), in issue order: 50 packs of
    /// paper returned and EUR 100.00 off the consulting line on 2026-12-01 (CN-2026-000001 and -000002), a EUR 20.00 discount on
    /// 2026-12-15 (CN-2026-000003), and the cancellation of the rest on 2027-01-10 (CN-2027-000001: the series restarts every year).
    /// Together they credit the invoice exactly.
    /// </summary>
    /// <param name="tenant">The tenant the invoice and the credit notes belong to.</param>
    /// <param name="invoiceId">The invoice's id, or null for a new one.</param>
    /// <param name="cancellationToken">Cancels issuing.</param>
    /// <returns>The invoice and its credit notes in issue order.</returns>
    public static async ValueTask<(Invoice Invoice, IReadOnlyList<CreditNote> CreditNotes)> CreditNoteSeriesAsync(TenantId tenant, InvoiceId? invoiceId = null,
        CancellationToken cancellationToken = default)
    {
        var invoice = await InvoiceAsync(IssuedInInstalments, tenant, invoiceId, cancellationToken).ConfigureAwait(false);
        var service = NewCreditNoteService();
        (CreditNoteRequest Request, LocalDate Date)[] steps =
        [
            (CreditNoteRequest.ForLines("Returned unopened.", LineCredit.OfQuantity(InvoiceLineId.From("20"), 50m)), new LocalDate(2026, 12, 1)),
            (CreditNoteRequest.ForLines("Agreed price correction.", LineCredit.OfAmount(InvoiceLineId.From("10"), Money.Of(100.00m, Currency.Eur))), new LocalDate(2026, 12, 1)),
            (CreditNoteRequest.ForDiscount("Goodwill discount.", Money.Of(20.00m, Currency.Eur)), new LocalDate(2026, 12, 15)),
            (CreditNoteRequest.FullCancellation("Contract terminated."), new LocalDate(2027, 1, 10)),
        ];
        var notes = new List<CreditNote>();
        foreach (var (request, date) in steps)
        {
            notes.Add((await service.IssueAsync(invoice, notes, request, date, cancellationToken: cancellationToken).ConfigureAwait(false)).CreditNote);
        }

        return (invoice, notes);
    }

    private static CreditNoteService NewCreditNoteService() => new(new FakeClock(Now), new InMemoryInvoiceNumberSequence());
}
