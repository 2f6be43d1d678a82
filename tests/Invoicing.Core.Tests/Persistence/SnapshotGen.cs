using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using static Invoicing.Core.Tests.Documents.DocumentBuilders;

namespace Invoicing.Core.Tests.Persistence;

/// <summary>
/// Random invoices for the snapshot properties, after the generator of <see cref="Documents.InvoiceTotalsTests"/>:
/// any currency with minor units, net or gross pricing, both tax rounding levels, cash rounding,
/// every tax category, line and document allowances and charges, optional fields, payment terms
/// with instalments and discounts, and every status the service can reach.
/// </summary>
internal static class SnapshotGen
{
    private static readonly Currency[] Currencies = [Currency.Eur, Currency.Chf, Currency.Jpy, Currency.Bhd, Currency.Sek];

    private static readonly TaxTreatment[] Treatments =
    [
        TaxTreatment.Standard(19m), TaxTreatment.Standard(7m), TaxTreatment.Standard(5.5m), TaxTreatment.ZeroRated(),
        TaxTreatment.ReverseCharge(), TaxTreatment.Exempt("VATEX-EU-132", null), TaxTreatment.OutsideScope(),
        TaxTreatment.Of(TaxCategory.CanaryIslands, 3m),
    ];

    private static readonly UnitCode[] Units = [UnitCode.One, UnitCode.Hour, UnitCode.Kilogram, UnitCode.Metre, UnitCode.Box];

    private enum Stage
    {
        Draft,
        Discarded,
        Issued,
        PartiallyPaid,
        Paid,
        WrittenOff,
    }

    /// <summary>Invoices, each built through the <see cref="InvoiceService"/> on the fake clock, with a fixed id.</summary>
    internal static Gen<Invoice> Invoices { get; } =
        from currency in Gen.Elements(Currencies)
        from header in HeaderGen(currency)
        from count in Gen.Choose(1, 12)
        from lines in Gen.CollectToArray(Enumerable.Range(0, count).Select(i => LineGen(i, currency)))
        from acCount in Gen.Choose(0, 3)
        from acs in Gen.CollectToArray(Enumerable.Range(0, acCount).Select(i => DocumentAllowanceChargeGen(i, currency)))
        from stage in Gen.Elements(Enum.GetValues<Stage>())
        from share in Gen.Choose(1, 99)
        from calendar in Gen.Elements(true, false)
        select Build(header, lines, acs, stage, share / 100m, calendar);

    private static Gen<InvoiceHeader> HeaderGen(Currency currency) =>
        from pricing in Gen.Elements(PricingMode.Net, PricingMode.Gross)
        from level in Gen.Elements(TaxRoundingLevel.PerCategory, TaxRoundingLevel.PerLine)
        from mode in Gen.Elements(MidpointRounding.AwayFromZero, MidpointRounding.ToEven)
        from payable in Gen.Elements<MoneyRounding?>(null, null, MoneyRounding.ToIncrement(0.05m), MoneyRounding.ToIncrement(1m, MidpointRounding.ToEven))
        from terms in Gen.OneOf(Gen.Constant<PaymentTerms?>(null), TermsGen(currency).Select(t => (PaymentTerms?)t))
        from prepaid in Gen.Frequency((4, Gen.Constant<Money?>(null)), (1, MinorUnits(currency, 1, 500).Select(m => (Money?)m)))
        from optional in Gen.Elements(true, false)
        select new InvoiceHeader(currency, Seller)
        {
            Buyer = optional ? Buyer with { Contact = new Contact { Email = "ap@buyer.example" } } : Buyer,
            CustomerId = optional ? CustomerId.From("C-7") : default,
            CustomerKind = pricing == PricingMode.Gross ? CustomerKind.Consumer : CustomerKind.Business,
            Pricing = pricing,
            Rounding = new RoundingPolicy(MoneyRounding.ToMinorUnits(mode), level, payable),
            PaymentTerms = terms,
            PrepaidAmount = prepaid,
            BuyerReference = optional ? "BR-1" : null,
            Note = optional ? "Note ü € \"quoted\" <b>" : null,
            DeliveryDate = optional ? Date(2026, 11, 2) : null,
            Period = optional ? new BillingPeriod(Date(2026, 10, 1), Date(2026, 10, 31)) : null,
        };

    private static Gen<PaymentTerms> TermsGen(Currency currency) =>
        from kind in Gen.Choose(0, 4)
        from days in Gen.Choose(0, 90)
        from day in Gen.Choose(1, 31)
        from discount in Gen.Frequency((2, Gen.Constant<(decimal, int)?>(null)), (1, from p in Gen.Choose(1, 500) from d in Gen.Choose(0, 30) select ((decimal, int)?)(p / 100m, d)))
        let due = kind switch { 0 => DueDateRule.DaysAfterIssue(days), 1 => DueDateRule.EndOfMonthPlus(days), _ => DueDateRule.DayOfNextMonth(day) }
        let terms = kind switch
        {
            3 => PaymentTerms.InInstalments(InstalmentTerm.OfPercent(days / 3m + 1m, DueDateRule.DaysAfterIssue(0)), InstalmentTerm.Remainder(due)),
            4 => PaymentTerms.InInstalments(
                InstalmentTerm.OfAmount(Money.Of(1m, currency), DueDateRule.DaysAfterIssue(days)),
                InstalmentTerm.OfPercent(25m, DueDateRule.EndOfMonthPlus(days)),
                InstalmentTerm.Remainder(DueDateRule.DayOfNextMonth(day))),
            _ => PaymentTerms.DueBy(due),
        }
        select discount is var (percent, within) ? terms.WithEarlyPaymentDiscount(percent, within) : terms;

    private static Gen<InvoiceLine> LineGen(int index, Currency currency) =>
        from quantity in Gen.Frequency((3, Gen.Choose(1, 5000).Select(q => q / 10m)), (1, Gen.Choose(1, 99_999).Select(q => q / 1000m)))
        from price in Gen.Frequency((3, Gen.Choose(0, 100_000).Select(p => p / 100m)), (1, Gen.Choose(1, 9_999_999).Select(p => p / 1_000_000m)))
        from baseQuantity in Gen.Elements(1m, 1m, 1m, 10m, 12m, 2.50m)
        from unit in Gen.Elements(Units)
        from tax in Gen.Elements(Treatments)
        from acs in Gen.Frequency((3, Gen.Constant(Array.Empty<AllowanceCharge>())), (1, Gen.CollectToArray(Enumerable.Range(0, 2).Select(_ => AllowanceChargeGen(currency)))))
        from optional in Gen.Elements(true, false)
        let id = (index + 1).ToString(CultureInfo.InvariantCulture)
        select new InvoiceLine(InvoiceLineId.From(id), Item(id, optional), new Quantity(quantity, unit), Money.Of(price, currency), tax)
        {
            BaseQuantity = baseQuantity,
            AllowanceCharges = acs,
            Period = optional ? new BillingPeriod(Date(2026, 10, 1), Date(2026, 10, 15)) : null,
            OrderLineReference = optional ? $"PO-1/{id}" : null,
            Note = optional ? "Line note" : null,
        };

    private static Item Item(string id, bool optional) => optional
        ? new Item($"Item {id}") { Description = "Described", SellerItemId = $"SKU-{id}", BuyerItemId = $"B-{id}", Gtin = Gtin.From("4006381333931"), TaxClass = "standard" }
        : new Item($"Item {id}");

    private static Gen<AllowanceCharge> AllowanceChargeGen(Currency currency) =>
        from kind in Gen.Choose(0, 5)
        from percent in Gen.Choose(1, 3000).Select(p => p / 100m)
        from amount in MinorUnits(currency, 0, 300)
        from baseAmount in MinorUnits(currency, 1, 1000)
        select kind switch
        {
            0 => AllowanceCharge.Allowance(amount, "Discount"),
            1 => AllowanceCharge.AllowancePercent(percent, null, "95"),
            2 => AllowanceCharge.AllowancePercent(percent, "Promotion", baseAmount: baseAmount),
            3 => AllowanceCharge.Charge(amount, null, "FC"),
            4 => AllowanceCharge.ChargePercent(percent, "Packaging", "ABL"),
            _ => AllowanceCharge.ChargePercent(percent, "Insurance", baseAmount: baseAmount),
        };

    private static Gen<DocumentAllowanceCharge> DocumentAllowanceChargeGen(int index, Currency currency) =>
        from terms in AllowanceChargeGen(currency)
        from tax in Gen.Elements(Treatments)
        select new DocumentAllowanceCharge(InvoiceLineId.From($"ac{index + 1}"), terms, tax);

    /// <summary>An amount in whole minor units of the currency, from <paramref name="min"/> to <paramref name="max"/> major units.</summary>
    private static Gen<Money> MinorUnits(Currency currency, int min, int max)
    {
        var scale = (int)Math.Pow(10, currency.MinorUnits ?? 0);
        return Gen.Choose(min * scale, max * scale).Select(units => Money.Of(units / (decimal)scale, currency));
    }

    private static Invoice Build(InvoiceHeader header, InvoiceLine[] lines, DocumentAllowanceCharge[] acs, Stage stage, decimal share, bool calendar)
    {
        var (service, _, _) = Service(calendar: calendar ? BusinessCalendar.MondayToFriday.WithHolidays(Date(2026, 12, 25)) : null);
        var draft = service.CreateDraft(Tenant, header, lines, SnapshotSamples.FixedId).Invoice;
        foreach (var ac in acs)
        {
            draft = service.AddAllowanceCharge(draft, ac).Invoice;
        }

        if (stage == Stage.Discarded)
        {
            return service.Discard(draft).Invoice;
        }

        if (stage == Stage.Draft || service.Check(draft).Count > 0 || !TryIssue(service, draft, out var issued))
        {
            return draft;
        }

        var due = issued.Totals.AmountDue;
        var part = due.Round(header.Rounding.Amounts) * share;
        part = part.Round(header.Rounding.Amounts);
        var canPay = part.IsPositive && part < due;
        return stage switch
        {
            Stage.PartiallyPaid when canPay => service.RecordPayment(issued, part, Date(2026, 12, 1), "bank-1").Invoice,
            Stage.Paid when due.IsPositive => service.RecordPayment(issued, due, Date(2026, 12, 2)).Invoice,
            Stage.WrittenOff when canPay => service.WriteOff(service.RecordPayment(issued, part, Date(2026, 12, 1)).Invoice, "Uncollectible").Invoice,
            Stage.WrittenOff when due.IsPositive => service.WriteOff(issued, "Uncollectible").Invoice,
            _ => issued,
        };
    }

    /// <summary>Issues synchronously (the in-memory sequence completes at once); false when the terms cannot cover the amount due.</summary>
    private static bool TryIssue(InvoiceService service, Invoice draft, out Invoice issued)
    {
        try
        {
            var task = service.IssueAsync(draft);
            issued = (task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult()).Invoice;
            return true;
        }
        catch (InvoiceValidationException)
        {
            issued = draft;
            return false;
        }
    }
}
