// Invoicing.Core — retail quickstart.
// Run it with: dotnet run --project samples/RetailQuickstart
// Each area of the library adds its chapter here, so this file always tells the whole story.
using System.Globalization;
using Invoicing.Core.Monetary;
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
