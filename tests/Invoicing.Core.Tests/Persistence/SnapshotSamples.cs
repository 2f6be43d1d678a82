using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Persistence;

/// <summary>
/// Deterministic documents for the snapshot tests: fixed ids, the fake clock of
/// <see cref="Documents.DocumentBuilders"/>, one invoice per status and per feature worth storing.
/// </summary>
internal static class SnapshotSamples
{
    internal static readonly InvoiceId FixedId = InvoiceId.From("inv-2026-0001");

    /// <summary>The names of <see cref="InvoiceAsync"/>'s scenarios.</summary>
    internal static readonly string[] Scenarios =
    [
        "draft", "issued-instalments", "partially-paid", "paid", "written-off", "discarded",
        "consumer-receipt", "allowances-charges", "exempt-reverse-charge", "all-optional-fields", "other-calculator",
        "payment-reversed", "difference-written-off",
    ];

    internal static readonly Party FullParty = new("Buyer Holding BV", new PostalAddress(CountryCode.Nl)
    {
        Street = "Keizersgracht 1",
        AdditionalStreet = "2nd floor",
        AddressLine3 = "Building B",
        City = "Amsterdam",
        PostCode = "1015 CJ",
        CountrySubdivision = "NH",
    })
    {
        TradingName = "Buyer",
        VatId = VatIdentifier.From("NL123456789B01"),
        LegalRegistration = new PartyIdentifier("12345678", "0106"),
        TaxRegistrations = [new PartyIdentifier("123/456/78901", "FC"), new PartyIdentifier("X-1")],
        ElectronicAddress = new ElectronicAddress("0088", "4012345000009"),
        Contact = new Contact { Name = "Accounts payable", Phone = "+31 20 555 0100", Email = "ap@buyer.example" },
    };

    internal static InvoiceLine FullLine() => new(
        InvoiceLineId.From("1"),
        new Item("Screws M4")
        {
            Description = "Stainless steel, 20 mm",
            SellerItemId = "SCR-M4-20",
            BuyerItemId = "B-778",
            Gtin = Gtin.From("4006381333931"),
            TaxClass = "standard",
        },
        new Quantity(1250.5m, UnitCode.Piece),
        Money.Of(1.234567m, Currency.Eur),
        TaxTreatment.Standard(19m))
    {
        BaseQuantity = 100m,
        AllowanceCharges =
        [
            AllowanceCharge.AllowancePercent(2.5m, "Volume", "95"),
            AllowanceCharge.Charge(Money.Of(0.75m, Currency.Eur), null, "ABL"),
        ],
        Period = new BillingPeriod(Date(2026, 11, 1), Date(2026, 11, 15)),
        OrderLineReference = "PO-2026-17/3",
        Note = "Partial delivery",
    };

    internal static InvoiceHeader FullHeader() => new(Currency.Eur, Seller with { Contact = new Contact { Email = "billing@acme.example" } })
    {
        Buyer = FullParty,
        CustomerId = CustomerId.From("C-1"),
        CustomerKind = CustomerKind.Business,
        Pricing = PricingMode.Net,
        Rounding = new RoundingPolicy(MoneyRounding.HalfEven, TaxRoundingLevel.PerLine, MoneyRounding.ToIncrement(0.05m, MidpointRounding.ToEven)),
        PaymentTerms = PaymentTerms.EndOfMonth(15).WithEarlyPaymentDiscount(1.5m, 14),
        PrepaidAmount = Money.Of(10m, Currency.Eur),
        BuyerReference = "BR-7",
        OrderReference = "PO-2026-17",
        ContractReference = "CT-3",
        Note = "Thank you for your order.",
        DeliveryDate = Date(2026, 11, 20),
        Period = new BillingPeriod(Date(2026, 11, 1), Date(2026, 11, 30)),
    };

    /// <summary>The customer account with every field set.</summary>
    internal static CustomerAccount FullAccount() => new(Tenant, CustomerId.From("C-1"), FullParty, Currency.Eur)
    {
        Version = 7,
        Kind = CustomerKind.Business,
        PaymentTerms = PaymentTerms.InInstalments(
                InstalmentTerm.OfPercent(30m, DueDateRule.DaysAfterIssue(0)),
                InstalmentTerm.OfAmount(Money.Of(250m, Currency.Eur), DueDateRule.EndOfMonthPlus(15)),
                InstalmentTerm.Remainder(DueDateRule.DayOfNextMonth(31)))
            .WithEarlyPaymentDiscount(2.25m, 10),
        PreferredLanguage = "nl-NL",
        DeliveryPreferences = [new DeliveryPreference(DeliveryChannelKind.Peppol, "0088:4012345000009"), new DeliveryPreference(DeliveryChannelKind.Email, "ap@buyer.example"), new DeliveryPreference(DeliveryChannelKind.Post)],
        BillingContacts = [new Contact { Name = "Accounts payable", Email = "ap@buyer.example" }, new Contact { Phone = "+31 20 555 0199" }],
        TaxExemptions =
        [
            new TaxExemption("RC-2026-001", "NL", "VATEX-EU-AE", "Reverse charge", Date(2026, 1, 1), Date(2026, 12, 31)),
            new TaxExemption("DIP-7", "US-NY", null, "Diplomatic exemption"),
        ],
        CreditLimit = Money.Of(25_000m, Currency.Eur),
    };

    /// <summary>The representative issued invoice of the JSON snapshot: instalments, a discount, a calendar, allowances and charges, exemptions.</summary>
    internal static async Task<Invoice> RepresentativeAsync()
    {
        var (service, _, _) = Service(calendar: BusinessCalendar.MondayToFriday.WithHolidays(Date(2026, 12, 25)));
        var header = BusinessHeader() with
        {
            PaymentTerms = PaymentTerms.InInstalments(
                    InstalmentTerm.OfPercent(40m, DueDateRule.DaysAfterIssue(14)),
                    InstalmentTerm.Remainder(DueDateRule.DayOfNextMonth(25)))
                .WithEarlyPaymentDiscount(2m, 10),
            OrderReference = "PO-2026-17",
        };
        var lines = new[]
        {
            Line("1", 3m, 33.333m) with { AllowanceCharges = [AllowanceCharge.AllowancePercent(10m, "Promotion")] },
            Line("2", 2.5m, 120m, 7m) with { Quantity = new Quantity(2.5m, UnitCode.Hour) },
            new InvoiceLine(InvoiceLineId.From("3"), new Item("Medical check"), Quantity.Of(1m), Money.Of(80m, Currency.Eur), TaxTreatment.Exempt("VATEX-EU-132", "Medical care")),
        };
        var draft = service.CreateDraft(Tenant, header, lines, FixedId).Invoice;
        draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(
            InvoiceLineId.From("freight"), AllowanceCharge.Charge(Money.Of(12.50m, Currency.Eur), "Freight", "FC"), TaxTreatment.Standard(19m))).Invoice;
        return (await service.IssueAsync(draft)).Invoice;
    }

    internal static async Task<Invoice> InvoiceAsync(string scenario)
    {
        switch (scenario)
        {
            case "draft":
                return Service().Service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 2m, 10m), Line("2", 1m, 5.5m, 7m)], FixedId).Invoice;
            case "issued-instalments":
                return await RepresentativeAsync();
            case "partially-paid":
            {
                var (service, _, _) = Service();
                var issued = await IssueAsync(service, BusinessHeader(), [Line("1", 1m, 100m)]);
                return service.RecordPayment(issued, Money.Of(19.99m, Currency.Eur), Date(2026, 12, 1), "bank-1").Invoice;
            }

            case "paid":
            {
                var (service, _, _) = Service();
                var issued = await IssueAsync(service, BusinessHeader(), [Line("1", 1m, 100m)]);
                var partly = service.RecordPayment(issued, Money.Of(19m, Currency.Eur), Date(2026, 12, 1), "bank-1").Invoice;
                return service.RecordPayment(partly, Money.Of(100m, Currency.Eur), Date(2026, 12, 20)).Invoice;
            }

            case "written-off":
            {
                var (service, _, _) = Service();
                var issued = await IssueAsync(service, BusinessHeader(), [Line("1", 1m, 100m)]);
                var partly = service.RecordPayment(issued, Money.Of(50m, Currency.Eur), Date(2026, 12, 1)).Invoice;
                return service.WriteOff(partly, "Customer insolvent (case 2027-IN-44)").Invoice;
            }

            case "payment-reversed":
            {
                // Paid in two payments; the second (a direct debit) was returned in part, then a write-off of the rest reversed too.
                var (service, _, _) = Service();
                var issued = await IssueAsync(service, BusinessHeader(), [Line("1", 1m, 100m)]);
                var partly = service.RecordPayment(issued, Money.Of(19m, Currency.Eur), Date(2026, 12, 1), "bank-1").Invoice;
                var paid = service.RecordPayment(partly, Money.Of(99.50m, Currency.Eur), Date(2026, 12, 2), "DD-7").Invoice;
                var settled = service.WriteOffDifference(paid, Money.Of(0.50m, Currency.Eur), "Bank fee", Date(2026, 12, 3)).Invoice;
                var returned = service.ReversePayment(settled, 2, "Direct debit returned (AC04)", Money.Of(60m, Currency.Eur), Date(2026, 12, 8), "RTN-7").Invoice;
                return service.ReversePayment(returned, 3, "Fee no longer owed", date: Date(2026, 12, 8)).Invoice;
            }

            case "difference-written-off":
            {
                var (service, _, _) = Service();
                var issued = await IssueAsync(service, BusinessHeader(), [Line("1", 1m, 100m)]);
                var short1 = service.RecordPayment(issued, Money.Of(118.75m, Currency.Eur), Date(2026, 12, 1), "bank-1").Invoice;
                return service.WriteOffDifference(short1, Money.Of(0.25m, Currency.Eur), "Bank fee deducted by the payer's bank", Date(2026, 12, 2)).Invoice;
            }

            case "discarded":
            {
                var (service, _, _) = Service();
                return service.Discard(service.CreateDraft(Tenant, BusinessHeader(), [Line("1", 1m, 1m)], FixedId).Invoice).Invoice;
            }

            case "consumer-receipt":
            {
                var (service, _, _) = Service(InvoicingPolicy.Default with { AllowRetailReturns = true });
                var header = new InvoiceHeader(Currency.Chf, Seller)
                {
                    CustomerKind = CustomerKind.Consumer,
                    Pricing = PricingMode.Gross,
                    Rounding = new RoundingPolicy(MoneyRounding.HalfUp, payable: MoneyRounding.ToIncrement(0.05m)),
                };
                return await IssueAsync(service, header,
                    [Line("1", 1m, 12.32m, 8.1m, Currency.Chf), Line("2", 3m, 0.99m, 2.6m, Currency.Chf), Line("3", -1m, 2.49m, 8.1m, Currency.Chf)]);
            }

            case "allowances-charges":
            {
                var (service, _, _) = Service();
                var line = Line("1", 3m, 33.333m) with
                {
                    AllowanceCharges =
                    [
                        AllowanceCharge.AllowancePercent(10m, "Promotion"),
                        AllowanceCharge.Allowance(Money.Of(1.25m, Currency.Eur), null, "95"),
                        AllowanceCharge.Charge(Money.Of(2.50m, Currency.Eur), "Engraving"),
                        AllowanceCharge.ChargePercent(1.5m, "Packaging", "ABL", Money.Of(40m, Currency.Eur)),
                    ],
                };
                var draft = service.CreateDraft(Tenant, BusinessHeader(), [line, Line("2", 1m, 50m, 7m)], FixedId).Invoice;
                draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(
                    InvoiceLineId.From("d1"), AllowanceCharge.AllowancePercent(5m, null, "95", Money.Of(80m, Currency.Eur)), TaxTreatment.Standard(19m))).Invoice;
                draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(
                    InvoiceLineId.From("d2"), AllowanceCharge.AllowancePercent(3m, "Loyalty"), TaxTreatment.Standard(7m))).Invoice;
                draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(
                    InvoiceLineId.From("f1"), AllowanceCharge.Charge(Money.Of(5m, Currency.Eur), "Freight", "FC"), TaxTreatment.Standard(19m))).Invoice;
                draft = service.AddAllowanceCharge(draft, new DocumentAllowanceCharge(
                    InvoiceLineId.From("i1"), AllowanceCharge.ChargePercent(2m, "Insurance"), TaxTreatment.Standard(7m))).Invoice;
                return (await service.IssueAsync(draft)).Invoice;
            }

            case "exempt-reverse-charge":
            {
                var (service, _, _) = Service();
                var treatments = new[]
                {
                    TaxTreatment.Exempt("VATEX-EU-132", "Medical care"), TaxTreatment.ReverseCharge(), TaxTreatment.IntraCommunitySupply(),
                    TaxTreatment.Export(null, "Export to Switzerland"), TaxTreatment.OutsideScope(), TaxTreatment.ZeroRated(),
                    TaxTreatment.Of(TaxCategory.CanaryIslands, 7m), TaxTreatment.Of(TaxCategory.CeutaMelilla, 4m), TaxTreatment.Standard(5.5m),
                };
                var lines = treatments.Select((t, i) => new InvoiceLine(
                    InvoiceLineId.From($"{i + 1}"), new Item($"Item {i + 1}"), Quantity.Of(i + 1), Money.Of(10.01m * (i + 1), Currency.Eur), t));
                return await IssueAsync(service, BusinessHeader(), lines);
            }

            case "all-optional-fields":
            {
                var (service, _, _) = Service();
                return await IssueAsync(service, FullHeader(), [FullLine(), Line("2", 1m, 99.99m, 7m)]);
            }

            case "other-calculator":
            {
                // Issued with a calculator that taxes twice the rate: the snapshot must keep its amounts, not today's.
                var service = new InvoiceService(new NodaTime.Testing.FakeClock(Now), new Core.Persistence.InMemoryInvoiceNumberSequence(), taxCalculator: new DoubleTaxCalculator());
                return await IssueAsync(service, BusinessHeader(), [Line("1", 1m, 100m), Line("2", 3m, 9.99m, 7m)]);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Unknown scenario.");
        }
    }

    private static async Task<Invoice> IssueAsync(InvoiceService service, InvoiceHeader header, IEnumerable<InvoiceLine> lines, LocalDate? issueDate = null)
        => (await service.IssueAsync(service.CreateDraft(Tenant, header, lines, FixedId).Invoice, issueDate)).Invoice;

    /// <summary>A calculator that taxes at twice each rate: an invoice computed by it differs from what the library computes today.</summary>
    internal sealed class DoubleTaxCalculator : ITaxCalculator
    {
        public TaxBreakdown Calculate(TaxCalculation calculation)
        {
            var breakdown = PercentageTaxCalculator.Instance.Calculate(calculation);
            return new TaxBreakdown(
                calculation.Currency,
                breakdown.Subtotals.Select(s => new TaxSubtotal(s.Treatment, s.TaxableAmount, s.TaxAmount * 2m)),
                breakdown.Items.Select(i => new ItemTax(i.Net, i.Tax * 2m)));
        }
    }
}
