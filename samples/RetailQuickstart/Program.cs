// Invoicing.Core — retail quickstart.
// Run it with: dotnet run --project samples/RetailQuickstart
// Each area of the library adds its chapter here, so this file always tells the whole story.
using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Mapping;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;
using Invoicing.Core.Persistence;
using Invoicing.Core.Tax;
using Invoicing.Core.Validation;
using NodaTime;

var german = CultureInfo.GetCultureInfo("de-DE");

// 1. A basket in euros. Unit prices may carry more decimals than the currency; each line is
//    rounded once, explicitly, and the total is the sum of the rounded lines.
Console.WriteLine("1. A basket in EUR");
(string Item, decimal Quantity, Money UnitPrice)[] basket =
[
    ("Coffee beans 1 kg", 2m, Money.Of(14.99m, Currency.Eur)),
    ("Oat milk", 6m, Money.Of(1.79m, Currency.Eur)),
    ("Screws (per piece)", 150m, Money.Of(0.0125m, Currency.Eur)),
];
var total = Money.Zero(Currency.Eur);
foreach (var (item, quantity, unitPrice) in basket)
{
    var line = (unitPrice * quantity).Round();
    total += line;
    Console.WriteLine($"   {item,-20} {quantity,5} x {unitPrice,-12} = {line}");
}

Console.WriteLine($"   Total {total} — shown to a German customer as {total.ToString("C", german)}");

// 2. Three friends split the bill: the parts always add up to the total, and no cent is lost.
Console.WriteLine();
Console.WriteLine("2. Split the bill three ways");
var bill = Money.Of(100m, Currency.Eur);
var parts = bill.Split(3);
Console.WriteLine($"   {bill} → {string.Join(" + ", parts)} = {parts.Aggregate(Money.Zero(Currency.Eur), (a, b) => a + b)}");
var byRatio = bill.Allocate(50, 30, 20);
Console.WriteLine($"   by 50:30:20 → {string.Join(", ", byRatio)}");

// 3. Currencies with other minor units: yen has none, the Bahraini dinar has three.
Console.WriteLine();
Console.WriteLine("3. JPY and BHD");
var yen = Money.Of(1234.5m, Currency.Jpy).Round();
var dinar = Money.Of(12.3456m, Currency.Bhd).Round();
Console.WriteLine($"   1234.5 yen rounds to {yen} ({yen.ToString("C", CultureInfo.GetCultureInfo("ja-JP"))})");
Console.WriteLine($"   12.3456 dinar rounds to {dinar} ({dinar.ToString("I", CultureInfo.InvariantCulture)})");
Console.WriteLine($"   Parsing \"-0.5 JPY\": {(Money.TryParse("-0.5 JPY", out _) ? "accepted" : "rejected, yen has no minor unit")}");
try
{
    _ = yen + dinar;
}
catch (CurrencyMismatchException mismatch)
{
    Console.WriteLine($"   Adding yen to dinar: {mismatch.Message}");
}

// 4. Conversion at the rate of a date, from an in-memory table (hosts plug in their own provider).
Console.WriteLine();
Console.WriteLine("4. Convert with exchange rates");
var friday = new LocalDate(2026, 11, 20);
IExchangeRateProvider rates = new ExchangeRateTable(
    [
        ExchangeRate.Of(Currency.Eur, Currency.Usd, 1.0845m, friday),
        ExchangeRate.Of(Currency.Eur, Currency.Chf, 0.9412m, friday),
    ],
    pivot: Currency.Eur,
    maximumAgeInDays: 4);
var monday = friday.PlusDays(3);
var inDollars = await rates.ConvertAsync(total, Currency.Usd, monday, MoneyRounding.HalfUp);
var inFrancs = await rates.ConvertAsync(inDollars, Currency.Chf, monday, MoneyRounding.ToIncrement(0.05m));
Console.WriteLine($"   {total} on {monday:yyyy-MM-dd} (Friday's rate) = {inDollars}");
Console.WriteLine($"   {inDollars} via EUR = {inFrancs} (cash-rounded to 0.05)");
try
{
    await rates.ConvertAsync(total, Currency.Gbp, monday, MoneyRounding.HalfUp);
}
catch (ExchangeRateNotFoundException missing)
{
    Console.WriteLine($"   {missing.Message}");
}

// 5. A retail sale. The shop is one tenant; the customer has an account with terms and language.
//    The basket is priced at shelf prices (tax included): the customer pays exactly their sum,
//    and the tax of each rate is extracted once. Issuing gives the number and the due date.
Console.WriteLine();
Console.WriteLine("5. A consumer invoice at shelf prices");
var shop = TenantId.From("corner-shop");
var seller = new Party("Corner Shop GmbH", new PostalAddress(CountryCode.De) { Street = "Marktplatz 3", City = "Köln", PostCode = "50667" })
{
    VatId = VatIdentifier.From("DE123456789"),
};
var accounts = new InMemoryCustomerAccountRepository();
var customer = await accounts.AddAsync(new CustomerAccount(shop, CustomerId.From("C-1001"),
    new Party("Erika Mustermann", new PostalAddress(CountryCode.De) { City = "Köln" }), Currency.Eur)
{
    Kind = CustomerKind.Consumer,
    PaymentTerms = PaymentTerms.Net(15),
    PreferredLanguage = "de",
});

// The host brings its clock; here a fixed one, so that the demo prints the same dates every time.
var clock = new FixedClock(Instant.FromUtc(2026, 11, 20, 17, 30));
var invoices = new InvoiceService(clock, new InMemoryInvoiceNumberSequence(), calendar: BusinessCalendar.MondayToFriday);
InvoiceLine ShelfLine(string id, string item, decimal quantity, decimal shelfPrice, decimal rate)
    => new(InvoiceLineId.From(id), new Item(item), Quantity.Of(quantity), Money.Of(shelfPrice, Currency.Eur), TaxTreatment.Standard(rate));
var draft = invoices.CreateDraft(shop, InvoiceHeader.ForCustomer(customer, seller),
[
    ShelfLine("1", "Coffee beans 1 kg", 2m, 14.99m, 7m),
    ShelfLine("2", "Oat drink 1 l", 6m, 1.79m, 19m),
    ShelfLine("3", "Chocolate 100 g", 3m, 0.99m, 7m),
    ShelfLine("4", "Kitchen towels", 1m, 3.49m, 19m),
]).Invoice;
var store = new InMemoryInvoiceRepository();
await store.AddAsync(draft);
var issue = await invoices.IssueAsync(draft, onIssued: (change, ct) => store.UpdateAsync(change.Invoice, draft.Version, ct));
var invoice = issue.Invoice;
var totals = invoice.Totals;

var termsDue = customer.PaymentTerms.Due.Apply(invoice.IssueDate!.Value);
var moved = termsDue == invoice.DueDate ? string.Empty : $" ({termsDue:uuuu-MM-dd} is a {termsDue.DayOfWeek}: moved to the next business day)";
Console.WriteLine($"   Invoice {invoice.Number} issued {invoice.IssueDate:uuuu-MM-dd}, {customer.PaymentTerms.Description.ToLowerInvariant()}: due {invoice.DueDate:uuuu-MM-dd}{moved}");
Console.WriteLine($"   {"Qty",5}  {"Item",-20} {"Price",10} {"Amount",10}");
foreach (var (line, lineTotal) in invoice.Lines.Zip(totals.Lines))
{
    Console.WriteLine($"   {line.Quantity.Value,5}  {line.Item.Name,-20} {line.UnitPrice.ToString("N", german),10} {lineTotal.Amount.ToString("N", german),10}");
}

Console.WriteLine($"   {"VAT rate",-10} {"Net",10} {"VAT",10} {"Gross",10}");
foreach (var group in totals.TaxBreakdown.Subtotals)
{
    Console.WriteLine($"   {group.Treatment.Rate + " %",-10} {group.TaxableAmount.ToString("N", german),10} {group.TaxAmount.ToString("N", german),10} {(group.TaxableAmount + group.TaxAmount).ToString("N", german),10}");
}

Console.WriteLine($"   {"Total",-10} {totals.TaxExclusiveTotal.ToString("N", german),10} {totals.TaxTotal.ToString("N", german),10} {totals.TaxInclusiveTotal.ToString("N", german),10}");
Console.WriteLine($"   Amount due (BT-115): {totals.AmountDue.ToString("C", german)}; open invoices of {customer.Id}: {await store.QueryOpenAsync(shop, customer.Id).CountAsync()}");

// 6. One basket, three ways of taxing it. Tax rules decide each line from its item's tax class and
//    the supply: the EU VAT rules for the German shop, the US sample rate table for its Seattle
//    store. Every decision names its rule, so the clerk can answer "why 0 %?".
Console.WriteLine();
Console.WriteLine("6. One basket, three ways of taxing it");
var rules = new CompositeTaxRuleProvider(EuVatRuleProvider.Instance, new RateTableProvider(SampleRateTables.UnitedStates));
(string Item, decimal Quantity, decimal NetPrice, string EuClass, string UsClass)[] sameBasket =
[
    ("Coffee beans 1 kg", 2m, 13.99m, "reduced", "food"),
    ("Oat drink 1 l", 6m, 1.50m, "standard", "food"),
    ("Chocolate 100 g", 3m, 0.89m, "reduced", "standard"),
    ("Kitchen towels", 1m, 2.93m, "standard", "standard"),
];
var supplyDate = new LocalDate(2026, 11, 20);

async Task<Invoice> SellAsync(string title, InvoiceHeader header, TaxContext supply, bool us)
{
    var lines = sameBasket.Select((b, i) => new InvoiceLine(InvoiceLineId.From($"{i + 1}"), new Item(b.Item) { TaxClass = us ? b.UsClass : b.EuClass },
        Quantity.Of(b.Quantity), Money.Of(b.NetPrice, header.Currency), TaxTreatment.Standard(19m)));
    var decided = (await invoices.DecideTaxAsync(invoices.CreateDraft(shop, header, lines).Invoice, rules, supply)).Invoice;
    var t = decided.Totals;
    Console.WriteLine($"   {title}: net {t.TaxExclusiveTotal}, tax {t.TaxTotal}, total {t.TaxInclusiveTotal}");
    foreach (var decision in decided.Lines.Select(l => l.TaxDecision!).Distinct())
    {
        var items = string.Join(", ", decided.Lines.Where(l => l.TaxDecision == decision).Select(l => l.Item.Name.Split(' ')[0]));
        Console.WriteLine($"     {decision.Category.Code,-2} {decision.Rate,6:0.##} %  {decision.RuleId,-30} {items}");
    }

    return decided;
}

var germanBuyer = new Party("Café Zentral GmbH", new PostalAddress(CountryCode.De) { City = "Bonn" });
await SellAsync("Domestic, to a business in Bonn", new InvoiceHeader(Currency.Eur, seller) { Buyer = germanBuyer },
    new TaxContext(TaxLocation.Of(seller.Address), TaxLocation.Of(germanBuyer.Address), supplyDate, "standard"), us: false);

var frenchBuyer = new Party("Épicerie Fine SARL", new PostalAddress(CountryCode.Fr) { City = "Lyon" }) { VatId = VatIdentifier.From("FR40303265045") };
var toFrance = new TaxContext(TaxLocation.Of(seller.Address), TaxLocation.Of(frenchBuyer.Address), supplyDate, "standard") { BuyerTaxId = frenchBuyer.VatId };
await SellAsync("To a business in Lyon (FR40303265045)", new InvoiceHeader(Currency.Eur, seller) { Buyer = frenchBuyer }, toFrance, us: false);
var service = await rules.DecideRequiredAsync(toFrance with { SupplyKind = SupplyKind.Services });
Console.WriteLine($"     and a consulting service to the same buyer: {service.Treatment} by {service.RuleId}");

var seattleStore = new Party("Corner Shop Seattle LLC", new PostalAddress(CountryCode.Us) { CountrySubdivision = "US-WA", City = "Seattle" });
var seattleCustomer = new TaxLocation(CountryCode.Us, "WA") { City = "Seattle" };
var seattleSale = await SellAsync("The Seattle store, to a consumer in Seattle", new InvoiceHeader(Currency.Usd, seattleStore) { CustomerKind = CustomerKind.Consumer },
    new TaxContext(TaxLocation.Of(seattleStore.Address), seattleCustomer, supplyDate, "standard") { CustomerKind = CustomerKind.Consumer }, us: true);
Console.WriteLine("     Tax report (what the sales-tax filing needs):");
foreach (var row in InvoiceTaxReport.For(seattleSale).Lines)
{
    Console.WriteLine($"       {row.Jurisdiction,-14} {row.TaxName,-47} {row.Category,-2} {row.Rate,5:0.##} % of {row.TaxableAmount,-10} = {row.TaxAmount}");
}

// 7. Credit and debit notes. An issued invoice never changes: a return is a credit note, a price
//    correction upwards a debit note, a dispute is resolved by a credit note (or rejected), and a
//    credit on an invoice that is already paid becomes customer credit, applied to the next invoice.
Console.WriteLine();
Console.WriteLine("7. Credit notes, debit notes and disputes");
var numbers = new InMemoryInvoiceNumberSequence();
var sales = new InvoiceService(clock, numbers, calendar: BusinessCalendar.MondayToFriday);
var credits = new CreditNoteService(clock, numbers);
var receipt = (await sales.IssueAsync(sales.CreateDraft(shop, InvoiceHeader.ForCustomer(customer, seller),
    [ShelfLine("1", "Coffee beans 1 kg", 2m, 14.99m, 7m), ShelfLine("2", "Chocolate 100 g", 3m, 0.99m, 7m)]).Invoice)).Invoice;
var returned = (await credits.IssueAsync(receipt, [], CreditNoteRequest.ForLines("Returned at the till", LineCredit.OfQuantity(InvoiceLineId.From("2"), 1m)))).CreditNote;
receipt = sales.ApplyCredit(receipt, returned).Invoice;
Console.WriteLine($"   Return at the till: {returned.Number} for {returned.Original}: {returned.Total} (tax {returned.TaxTotal} at the original 7 %); {receipt.Number} now open {receipt.OpenAmount}");

var cafe = new InvoiceHeader(Currency.Eur, seller) { Buyer = germanBuyer, CustomerId = CustomerId.From("CAFE-1"), PaymentTerms = PaymentTerms.Net(30) };
var order = (await sales.IssueAsync(sales.CreateDraft(shop, cafe,
[
    new InvoiceLine(InvoiceLineId.From("1"), new Item("Espresso beans 1 kg"), Quantity.Of(10m), Money.Of(12.90m, Currency.Eur), TaxTreatment.Standard(7m)),
    new InvoiceLine(InvoiceLineId.From("2"), new Item("Paper cups (100)"), Quantity.Of(5m), Money.Of(4.20m, Currency.Eur), TaxTreatment.Standard(19m)),
]).Invoice)).Invoice;
var debit = (await sales.IssueAsync(sales.CreateDebitNote(order,
    [new InvoiceLine(InvoiceLineId.From("1"), new Item("Price correction espresso beans (12.90 → 13.40)"), Quantity.Of(10m), Money.Of(0.50m, Currency.Eur), TaxTreatment.Standard(7m))]).Invoice)).Invoice;
Console.WriteLine($"   Price correction: debit note {debit.Number} for {debit.Preceding}: {debit.Totals.AmountDue}, due {debit.DueDate:uuuu-MM-dd}");

order = sales.RecordPayment(order, order.OpenAmount, new LocalDate(2026, 11, 27), "bank transfer").Invoice;
order = sales.OpenDispute(order, "Two packs of cups arrived crushed", [InvoiceLineId.From("2")]).Invoice;
var goodwill = (await credits.IssueAsync(order, [], CreditNoteRequest.ForLines("Crushed cups", LineCredit.OfQuantity(InvoiceLineId.From("2"), 2m)))).CreditNote;
var applied = sales.ApplyCredit(order, goodwill);
order = sales.AcceptDispute(applied.Invoice, 1, goodwill).Invoice;
var credit = ((InvoiceCreditApplied)applied.Event).Credit;
Console.WriteLine($"   Dispute on {order.Number}: {order.Disputes[0].Status} — {order.Disputes[0].Resolution}");
var cafeCredit = new CustomerCreditService(clock);
var account = cafeCredit.Record(CustomerCreditAccount.Open(shop, CustomerId.From("CAFE-1"), Currency.Eur), goodwill, credit).Account;
var nextOrder = (await sales.IssueAsync(sales.CreateDraft(shop, cafe,
    [new InvoiceLine(InvoiceLineId.From("1"), new Item("Espresso beans 1 kg"), Quantity.Of(4m), Money.Of(13.40m, Currency.Eur), TaxTreatment.Standard(7m))]).Invoice)).Invoice;
var used = cafeCredit.ApplyTo(account, nextOrder, Money.Min(account.Balance, nextOrder.OpenAmount), sales);
Console.WriteLine($"   The invoice was paid, so {credit.Unapplied} became customer credit; applied to the next invoice {nextOrder.Number} ({nextOrder.Totals.AmountDue}): open {used.Invoice[^1].Invoice.OpenAmount}, credit left {used.Credit.Account.Balance}");

// 8. Payments. A payment is applied to the customer's open invoices in order; what is left over
//    becomes customer credit, an early-payment discount taken in time is settled by a discount credit
//    note (split across the tax rates), and a returned direct debit reverses every allocation.
Console.WriteLine();
Console.WriteLine("8. Payments: an overpayment, a discount taken, a returned direct debit");
var tolerance = new PaymentTolerance(0.5m, Money.Of(2m, Currency.Eur)); // at most EUR 2.00 and 0.5 % written off
var payments = new PaymentService(clock, sales, credits, new PaymentTolerances(tolerance));
var cafeId = CustomerId.From("CAFE-1");
var withDiscount = cafe with { PaymentTerms = PaymentTerms.Net(30).WithEarlyPaymentDiscount(2m, 10) };
var beans = (await sales.IssueAsync(sales.CreateDraft(shop, cafe,
    [new InvoiceLine(InvoiceLineId.From("1"), new Item("Espresso beans 1 kg"), Quantity.Of(6m), Money.Of(13.40m, Currency.Eur), TaxTreatment.Standard(7m))]).Invoice)).Invoice;
var transfer = payments.Receive(shop, cafeId, Money.Of(100m, Currency.Eur), new LocalDate(2026, 11, 24), PaymentMethod.CreditTransfer,
    new PaymentDetails { PayerName = "Café Zentral GmbH", PayerAccount = "DE89370400440532013000", BankReference = "SEPA-0815" }, PaymentId.From("PAY-1")).Payment;
var overpaid = await payments.ApplyAsync(transfer, PaymentTarget.InOrder(beans), used.Credit.Account);
Console.WriteLine($"   {transfer.Details.BankReference} of {transfer.Amount} for {beans.Number} ({beans.OpenAmount}): {overpaid.Invoices[0].Status}, {overpaid.Payment.Payment.Allocations[^1].Amount} to customer credit (balance {overpaid.Credit!.Account.Balance})");

var cups = (await sales.IssueAsync(sales.CreateDraft(shop, withDiscount,
[
    new InvoiceLine(InvoiceLineId.From("1"), new Item("Espresso beans 1 kg"), Quantity.Of(10m), Money.Of(13.40m, Currency.Eur), TaxTreatment.Standard(7m)),
    new InvoiceLine(InvoiceLineId.From("2"), new Item("Paper cups (100)"), Quantity.Of(10m), Money.Of(4.20m, Currency.Eur), TaxTreatment.Standard(19m)),
]).Invoice)).Invoice;
var discounted = cups.OpenAmount - cups.Schedule!.DiscountAmount!.Value - Money.Of(0.35m, Currency.Eur); // the payer's bank kept a fee of 0.35
var early = payments.Receive(shop, cafeId, discounted, new LocalDate(2026, 11, 27), PaymentMethod.DirectDebit, new PaymentDetails { BankReference = "DD-2211" }, PaymentId.From("PAY-2")).Payment;
var settled = await payments.ApplyAsync(early, PaymentTarget.InOrder(cups), writeOffReason: "Bank fee");
var discountNote = settled.CreditNotes[0].CreditNote;
Console.WriteLine($"   {early.Details.BankReference} of {early.Amount} for {cups.Number} ({cups.OpenAmount}, 2 % until {cups.Schedule.DiscountDeadline:uuuu-MM-dd}): {settled.Invoices[0].Status}");
foreach (var allocation in settled.Payment.Payment.Allocations)
{
    Console.WriteLine($"     {allocation.Kind,-9} {allocation.Amount,11}  {allocation.Reason ?? string.Empty}");
}

Console.WriteLine($"     discount credit note {discountNote.Number}: {string.Join(", ", discountNote.Subtotals.Select(s => $"{s.Treatment.Rate} %: net {s.TaxableAmount} + VAT {s.TaxAmount}"))}");

var ddReturned = payments.Reverse(settled.Payment.Payment, settled.Invoices, "Direct debit returned: AC04 account closed", date: new LocalDate(2026, 12, 2));
var reopened = ddReturned.Invoices[0];
Console.WriteLine($"   {early.Details.BankReference} returned: {reopened.Number} {reopened.Status}, open {reopened.OpenAmount} (the discount note {discountNote.Number} stays; charge it again with a debit note if it was not earned)");
var bounced = payments.Reverse(overpaid.Payment.Payment, overpaid.Invoices, "Transfer recalled by the payer's bank", overpaid.Credit.Account, new LocalDate(2026, 12, 2));
Console.WriteLine($"   {transfer.Details.BankReference} recalled: {bounced.Invoices[0].Number} {bounced.Invoices[0].Status}, open {bounced.Invoices[0].OpenAmount}; customer credit back to {bounced.Credit!.Account.Balance}");

// 9. Reconciliation. The morning's bank entries are matched against the open items: a creditor
//    reference, a document number in the text, or a known payer paying an amount only one of its invoices
//    has are applied automatically; anything ambiguous goes to a person, and a fee debit is not a receipt.
Console.WriteLine();
Console.WriteLine("9. Reconciliation: the morning's bank entries against the open items");
const string CafeIban = "DE89370400440532013000";
var open = new[] { used.Invoice[^1].Invoice, reopened, bounced.Invoices[0] }; // the latest version of each open invoice
var openItems = open.Select(i => OpenItem.FromInvoice(i, CreditorReference.CreateIso11649(i.Number!.Value.Value).Value, [CafeIban])).ToArray();
ReconciliationEntry[] entries =
[
    new("E-1", reopened.OpenAmount, CreditDebit.Credit) { CreditorReference = openItems[1].CreditorReference, ValueDate = new LocalDate(2026, 12, 3) },
    new("E-2", bounced.Invoices[0].OpenAmount, CreditDebit.Credit) { RemittanceText = $"Rechnung {bounced.Invoices[0].Number!.Value.Value.Replace("-", " ")}", ValueDate = new LocalDate(2026, 12, 3) },
    new("E-3", open[0].OpenAmount, CreditDebit.Credit) { PayerAccount = "de89 3704 0044 0532 0130 00", PayerName = "Cafe Zentral", ValueDate = new LocalDate(2026, 12, 3) },
    new("E-4", Money.Of(50m, Currency.Eur), CreditDebit.Credit) { PayerAccount = CafeIban, RemittanceText = "on account", ValueDate = new LocalDate(2026, 12, 3) },
    new("E-5", Money.Of(12.50m, Currency.Eur), CreditDebit.Debit) { RemittanceText = "Account fee November" },
];
var matcher = new ReconciliationMatcher(new ReconciliationOptions { Tolerance = tolerance });
var matched = matcher.Match(openItems, entries);
foreach (var outcome in matched.Outcomes)
{
    var best = outcome.Best;
    Console.WriteLine(best is null
        ? $"   {outcome.Entry.Id} {outcome.Entry.Amount}: {outcome.Status} ({outcome.Reason})"
        : string.Create(CultureInfo.InvariantCulture, $"   {outcome.Entry.Id} {outcome.Entry.Amount}: {outcome.Status} {best.Rule.Name()} {best.Confidence:0.00} → {string.Join(", ", best.Documents.Select(d => $"{d.Item.DocumentNumber} {d.Applied}"))}{(outcome.Reason is null ? "" : $" ({outcome.Reason})")}"));
}

// Applying the automatic matches is the Payments area's job: receive the payment, apply it to its invoices.
var byNumber = open.ToDictionary(i => i.Number!.Value.Value);
foreach (var outcome in matched.Outcomes.Where(o => o.Status == MatchStatus.Auto))
{
    var receipt9 = payments.Receive(shop, cafeId, outcome.Entry.Amount, outcome.Entry.ValueDate!.Value, PaymentMethod.CreditTransfer,
        new PaymentDetails { PayerAccount = outcome.Entry.PayerAccount, BankReference = outcome.Entry.Id }, PaymentId.From($"PAY-{outcome.Entry.Id}")).Payment;
    var posted = await payments.ApplyAsync(receipt9, outcome.Best!.Documents.Select(d => new PaymentTarget(byNumber[d.Item.DocumentNumber], d.Applied)));
    Console.WriteLine($"   applied {outcome.Entry.Id}: {string.Join(", ", posted.Invoices.Select(i => $"{i.Number} {i.Status}"))}");
}

// 10. E-invoicing. The café's order becomes an EN 16931 e-invoice: mapped to the standard's model,
//     judged by its rules (BR-*, natively, with the host's own rules beside them), and written as UBL
//     2.1 or CII; a file received from a supplier is read back the same way. Dispatching is the gate.
Console.WriteLine();
Console.WriteLine("10. E-invoicing (EN 16931, UBL 2.1 and CII)");
var eInvoice = EInvoiceMapper.Default.ToEInvoice(order);
var b2bTerms = new ValidationRule("SHOP-01", FindingSeverity.Fatal, "Business customers get their payment terms in words (BT-20).", context =>
{
    if (context.Document.Buyer?.VatIdentifier is not null && context.Document.PaymentTerms is null)
    {
        context.Report("The buyer is a business, but the invoice has no payment terms (BT-20).", "BT-20", "BT-20");
    }
});
var gate = new PreDispatchValidator(EInvoiceValidator.En16931.WithRules(b2bTerms));
var report = gate.Validate(order);
Console.WriteLine($"   {order.Number}: {EInvoiceValidator.En16931.Rules.Count} EN 16931 rules and 1 of the shop's: {(report.IsClean ? "no findings" : string.Join("; ", report.Findings.Select(f => $"{f.RuleId} {f.Severity}")))}");
using (var ubl = new MemoryStream())
{
    UblWriter.Write(eInvoice, ubl);
    using var cii = new MemoryStream();
    CiiWriter.Write(eInvoice, cii);
    ubl.Position = 0;
    var back = EInvoiceReader.Read(ubl);
    Console.WriteLine($"   written as UBL ({ubl.Length:N0} bytes) and CII ({cii.Length:N0} bytes); read back from UBL: {back.Syntax}, total {back.Document.Totals?.AmountDueForPayment} {back.Document.CurrencyCode}, equal to what was written: {back.Document == eInvoice}");
}

/// <summary>A clock that always says the same instant: the host decides what "now" is.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
