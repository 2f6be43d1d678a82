using System.Globalization;
using System.Text;
using System.Xml;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;
using NodaTime;
using NodaTime.Text;

// This file depends only on the library and the BCL: the benchmark project links it.
namespace Invoicing.Core.Tests.Payments.Reconciliation;

/// <summary>What a synthetic statement entry is meant to be, from the generator's point of view.</summary>
internal enum SyntheticKind
{
    /// <summary>A structured ISO 11649 reference (Strd/CdtrRefInf) of one document, exact amount.</summary>
    StructuredReference,

    /// <summary>The document's RF reference written in the free text (print form, with spaces).</summary>
    ReferenceInText,

    /// <summary>The document number in the free text, with a case/space/dash/leading-zero/prefix variation.</summary>
    DocumentNumber,

    /// <summary>Several documents of one customer listed in the text, paid together exactly.</summary>
    ListedDocuments,

    /// <summary>Several documents of the payer paid together, nothing in the text.</summary>
    AmountSum,

    /// <summary>One document of the payer, exact amount, nothing useful in the text.</summary>
    AmountAndPayer,

    /// <summary>Document number given, but a bank fee was deducted (a short payment; no tolerance by default).</summary>
    ShortPayment,

    /// <summary>The early-payment discount taken within its period.</summary>
    Discounted,

    /// <summary>The discount deducted after its period: a short payment, not a discount.</summary>
    LateDiscount,

    /// <summary>Document number or reference given, more paid than owed.</summary>
    Overpayment,

    /// <summary>Document number given, part of the amount paid.</summary>
    Partial,

    /// <summary>Customer A pays customer B's document (named in the text, B's amount); A has an open item of the same amount.</summary>
    OtherCustomersDocument,

    /// <summary>Trap: the payer has two open items with the same amount and says nothing: ambiguous.</summary>
    SameAmountTwice,

    /// <summary>Trap: a document is named, but the payment is in another currency.</summary>
    WrongCurrency,

    /// <summary>Trap: money out (a refund) naming a document.</summary>
    OutgoingDebit,

    /// <summary>Trap: a returned payment (reversal) naming a document.</summary>
    Reversal,

    /// <summary>Trap: unrelated money in (interest, insurance), sometimes with an amount an open item has.</summary>
    Noise,
}

/// <summary>One document a synthetic payment is meant to settle, and how much of it.</summary>
/// <param name="Number">The document number.</param>
/// <param name="Applied">The amount the payment should apply to it.</param>
internal readonly record struct SyntheticApplication(string Number, decimal Applied);

/// <summary>The known truth of one entry.</summary>
/// <param name="Kind">What the entry was made to be.</param>
/// <param name="Documents">What the payment settles (empty for noise and debits; for a trap, what a person would decide).</param>
/// <param name="AutoAcceptable">False when no automatic match is correct (an ambiguous or irrelevant entry).</param>
internal sealed record SyntheticTruth(SyntheticKind Kind, IReadOnlyList<SyntheticApplication> Documents, bool AutoAcceptable);

/// <summary>A synthetic entry: what the bank reports and what it really is. <see cref="Counterparty"/> is the payer for money
/// in and reversals, the payee for money out.</summary>
internal sealed record SyntheticEntry(
    string Id,
    Money Amount,
    CreditDebit Side,
    bool IsReversal,
    LocalDate ValueDate,
    string? Counterparty,
    string? CounterpartyIban,
    string? CreditorReference,
    string RemittanceText,
    string EndToEndId,
    SyntheticTruth Truth)
{
    /// <summary>The entry as <see cref="ReconciliationEntry.FromStatements"/> builds it from the camt file this generator writes.</summary>
    internal ReconciliationEntry ToReconciliationEntry()
    {
        var payer = Side == CreditDebit.Credit || IsReversal;
        return new ReconciliationEntry(Id, Amount, Side)
        {
            IsReversal = IsReversal,
            ValueDate = ValueDate,
            PayerName = payer ? Counterparty : null,
            PayerAccount = payer ? CounterpartyIban : null,
            CreditorReference = CreditorReference,
            RemittanceText = RemittanceText,
            EndToEndId = EndToEndId,
        };
    }
}

/// <summary>
/// A seeded generator of open items and bank statement entries whose intended matches are known, to measure
/// the matcher (precision, recall), feed the desk sample and the benchmarks. The same seed and sizes give the
/// same data, byte for byte, on every machine and culture.
/// </summary>
/// <remarks>
/// Items: customers with one or two IBANs (a few large customers with dozens of open items), amounts from a few
/// euros to tens of thousands (some round, some repeated on purpose), mostly EUR with some CHF and USD, 40 % with
/// an ISO 11649 reference, 15 % with an early-payment discount. Entries: see <see cref="SyntheticKind"/>; each
/// open item is paid by at most one entry. Generates 1,000,000 items and 100,000 entries in a few seconds.
/// </remarks>
internal sealed class SyntheticBank
{
    /// <summary>The day the statement is for; issue dates lie before it.</summary>
    internal static readonly LocalDate StatementDate = new(2026, 3, 2);

    private const string TenantIban = "DE89370400440532013000";

    private static readonly string[] NameStarts = ["Alpha", "Beispiel", "Cäsar", "Delta", "Echo", "Fjord", "Gamma", "Hansen", "Iris", "Jupiter", "Kappa", "Lumen", "Müller", "Nordwind", "Omega", "Phönix", "Quarz", "Rhein", "Sonne", "Tal"];
    private static readonly string[] NameMiddles = ["Bau", "Handel", "Logistik", "Software", "Druck", "Möbel", "Reisen", "Technik", "Energie", "Medien"];
    private static readonly string[] LegalForms = ["GmbH", "AG", "KG", "OHG", "e.K.", "GmbH & Co. KG", "Ltd.", "SARL", "S.p.A."];
    private static readonly string[] NoiseTexts = ["Zinsgutschrift Q1", "Erstattung Versicherung Schaden 2025-118", "Kassenbestand Filiale 3", "Rückerstattung Kaution", "Umbuchung Tagesgeld", "Gutschrift Lieferantenbonus 2025"];
    private static readonly string[] VagueTexts = ["", "Danke", "Zahlung", "payment", "Überweisung", "vielen Dank für die gute Zusammenarbeit"];
    private static readonly decimal[] RoundAmounts = [50m, 100m, 150m, 200m, 250m, 500m, 750m, 1000m];

    private static readonly (SyntheticKind Kind, int Weight)[] Mix =
    [
        (SyntheticKind.StructuredReference, 16), (SyntheticKind.ReferenceInText, 5), (SyntheticKind.DocumentNumber, 19),
        (SyntheticKind.ListedDocuments, 6), (SyntheticKind.AmountSum, 5), (SyntheticKind.AmountAndPayer, 10),
        (SyntheticKind.ShortPayment, 4), (SyntheticKind.Discounted, 5), (SyntheticKind.LateDiscount, 2),
        (SyntheticKind.Overpayment, 4), (SyntheticKind.Partial, 4), (SyntheticKind.OtherCustomersDocument, 3),
        (SyntheticKind.SameAmountTwice, 3), (SyntheticKind.WrongCurrency, 3), (SyntheticKind.OutgoingDebit, 3),
        (SyntheticKind.Reversal, 3), (SyntheticKind.Noise, 5),
    ];

    private readonly Random _random;
    private readonly List<Customer> _customers = [];
    private readonly List<OpenItem> _items;
    private readonly List<int> _itemCustomer;
    private readonly List<SyntheticEntry> _entries;
    private int[][] _itemsByCustomer = [];
    private bool[] _used = [];

    private SyntheticBank(int seed, int itemCount, int entryCount)
    {
        Seed = seed;
        _random = new Random(seed);
        _items = new List<OpenItem>(itemCount);
        _itemCustomer = new List<int>(itemCount);
        _entries = new List<SyntheticEntry>(entryCount);
    }

    /// <summary>The seed.</summary>
    internal int Seed { get; }

    /// <summary>The open items, in document number order.</summary>
    internal IReadOnlyList<OpenItem> Items => _items;

    /// <summary>The entries with their truth, in statement order.</summary>
    internal IReadOnlyList<SyntheticEntry> Entries => _entries;

    /// <summary>Generates a data set.</summary>
    /// <param name="seed">The seed: the same seed and sizes give the same data.</param>
    /// <param name="items">How many open items: at least 20.</param>
    /// <param name="entries">How many statement entries: 1 to <paramref name="items"/>. Keep it well below the items (at most
    /// 40 %): an entry that finds no unused item of the kind it was to be becomes noise.</param>
    /// <returns>The data set.</returns>
    internal static SyntheticBank Generate(int seed, int items, int entries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(entries, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entries, items);
        var bank = new SyntheticBank(seed, items, entries);
        bank.GenerateItems(items);
        bank.GenerateEntries(entries);
        return bank;
    }

    /// <summary>The matcher's entries, as <see cref="ReconciliationEntry.FromStatements"/> reads them back from <see cref="WriteCamt053"/>.</summary>
    /// <returns>The entries in order.</returns>
    internal ReconciliationEntry[] ReconciliationEntries()
    {
        var result = new ReconciliationEntry[_entries.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _entries[i].ToReconciliationEntry();
        }

        return result;
    }

    // ---------------------------------------------------------------- items

    private void GenerateItems(int count)
    {
        var customerCount = Math.Max(2, count / 5);
        for (var c = 0; c < customerCount; c++)
        {
            _customers.Add(NewCustomer(c));
        }

        var big = Math.Max(1, customerCount / 100); // the first 1 % get 10 % of the items: dozens each
        var width = Math.Max(6, count.ToString(CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < count; i++)
        {
            var number = string.Create(CultureInfo.InvariantCulture, $"INV-2026-{(i + 1).ToString("D" + width.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}");
            if (i > 0 && _random.Next(100) < 3 && _items[^1].CreditorReference is null)
            {
                // A twin: the same customer owes the same amount twice, without a reference (the SameAmountTwice trap).
                var previous = _items[^1];
                AddItem(number, _itemCustomer[^1], previous.OpenAmount, withReference: false);
                continue;
            }

            var customer = _random.Next(10) == 0 ? _random.Next(big) : _random.Next(customerCount);
            AddItem(number, customer, NewAmount(), withReference: _random.Next(100) < 40);
        }

        var counts = new int[customerCount];
        foreach (var c in _itemCustomer)
        {
            counts[c]++;
        }

        _itemsByCustomer = counts.Select(n => new int[n]).ToArray();
        Array.Clear(counts);
        for (var i = 0; i < _itemCustomer.Count; i++)
        {
            var c = _itemCustomer[i];
            _itemsByCustomer[c][counts[c]++] = i;
        }

        _used = new bool[count];
    }

    private Customer NewCustomer(int index)
    {
        var name = $"{NameStarts[_random.Next(NameStarts.Length)]} {NameMiddles[_random.Next(NameMiddles.Length)]} {LegalForms[_random.Next(LegalForms.Length)]}";
        name = _random.Next(20) switch
        {
            0 => name + ", Zweigniederlassung Nord", // a comma: quoted in CSV
            1 => name.Replace(" ", " \"Zur Post\" ", StringComparison.Ordinal), // quotes: doubled in CSV
            _ => name,
        };
        string[] ibans = _random.Next(10) == 0 ? [NewIban(), NewIban()] : [NewIban()];
        return new Customer(CustomerId.From(string.Create(CultureInfo.InvariantCulture, $"C{index + 1:D6}")), name, ibans);
    }

    private void AddItem(string number, int customerIndex, Money amount, bool withReference)
    {
        var customer = _customers[customerIndex];
        var issue = StatementDate.PlusDays(-_random.Next(3, 120));
        OpenItemDiscount? discount = _random.Next(100) < 15 ? new OpenItemDiscount(_random.Next(2) == 0 ? 2m : 3m, issue.PlusDays(10)) : null;
        _items.Add(new OpenItem(number, customer.Id, amount)
        {
            CustomerName = customer.Name,
            PayerAccounts = [customer.Ibans[_items.Count % customer.Ibans.Length]],
            IssueDate = issue,
            DueDate = _random.Next(4) == 0 ? null : issue.PlusDays(30),
            CreditorReference = withReference ? CreditorReference.CreateIso11649(number).Value : null,
            Discount = discount,
        });
        _itemCustomer.Add(customerIndex);
    }

    private Money NewAmount()
    {
        var roll = _random.Next(100);
        var currency = roll < 92 ? Currency.Eur : roll < 97 ? Currency.Chf : Currency.Usd;
        var kind = _random.Next(100);
        var amount = kind < 20 ? RoundAmounts[_random.Next(RoundAmounts.Length)] + 0.00m
            : kind < 90 ? Cents(_random.NextInt64(5_00, 5_000_00))
            : Cents(_random.NextInt64(5_000_00, 60_000_00));
        return Money.Of(amount, currency);
    }

    private string NewIban()
    {
        // A German IBAN with valid check digits: DEkk + 8-digit bank code + 10-digit account.
        var bban = string.Create(CultureInfo.InvariantCulture, $"{_random.Next(10_000_000, 99_999_999)}{_random.NextInt64(1_000_000_000L, 9_999_999_999L)}");
        var remainder = 0;
        foreach (var c in bban + "131400") // D=13, E=14, check digits 00
        {
            remainder = ((remainder * 10) + (c - '0')) % 97;
        }

        return string.Create(CultureInfo.InvariantCulture, $"DE{98 - remainder:D2}{bban}");
    }

    // ---------------------------------------------------------------- entries

    private void GenerateEntries(int count)
    {
        var totalWeight = Mix.Sum(m => m.Weight);
        while (_entries.Count < count)
        {
            var roll = _random.Next(totalWeight);
            var kind = Mix[0].Kind;
            foreach (var (k, weight) in Mix)
            {
                if (roll < weight)
                {
                    kind = k;
                    break;
                }

                roll -= weight;
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"{StatementDate:yyyyMMdd}{_entries.Count + 1:D7}");
            _entries.Add(NewEntry(kind, id) ?? NoiseEntry(id));
        }
    }

    private SyntheticEntry? NewEntry(SyntheticKind kind, string id)
    {
        switch (kind)
        {
            case SyntheticKind.StructuredReference:
            case SyntheticKind.ReferenceInText:
            {
                if (!TryTake(i => _items[i].CreditorReference is not null, out var i))
                {
                    return null;
                }

                var item = _items[i];
                var reference = CreditorReference.Parse(item.CreditorReference!, CreditorReferenceScheme.Iso11649);
                return kind == SyntheticKind.StructuredReference
                    ? Credit(id, item.OpenAmount, i, kind, [Full(item)], creditorReference: reference.Value, text: Vague())
                    : Credit(id, item.OpenAmount, i, kind, [Full(item)], text: $"Zahlung {reference}");
            }

            case SyntheticKind.DocumentNumber:
            {
                return TryTake(_ => true, out var i)
                    ? Credit(id, _items[i].OpenAmount, i, kind, [Full(_items[i])], text: Variation(_items[i].DocumentNumber))
                    : null;
            }

            case SyntheticKind.ListedDocuments:
            case SyntheticKind.AmountSum:
            {
                if (!TryTakeSeveral(kind == SyntheticKind.ListedDocuments ? _random.Next(2, 5) : _random.Next(2, 4), out var several))
                {
                    return null;
                }

                var items = several.Select(i => _items[i]).ToArray();
                var total = items.Skip(1).Aggregate(items[0].OpenAmount, (sum, item) => sum + item.OpenAmount);
                var text = kind == SyntheticKind.AmountSum ? Vague() : ListText(items);
                return Credit(id, total, several[0], kind, items.Select(Full).ToArray(), text: text, payerIsCustomer: true);
            }

            case SyntheticKind.AmountAndPayer:
            {
                if (!TryTake(_ => true, out var i))
                {
                    return null;
                }

                // Only the amount tells: when the customer owes that amount twice, no automatic match is right.
                var amount = _items[i].OpenAmount;
                var unique = !_itemsByCustomer[_itemCustomer[i]].Any(j => j != i && _items[j].OpenAmount == amount);
                return Credit(id, amount, i, kind, [Full(_items[i])], text: Vague(), payerIsCustomer: true, autoAcceptable: unique);
            }

            case SyntheticKind.ShortPayment:
            {
                if (!TryTake(i => _items[i].OpenAmount.Amount >= 50m, out var i))
                {
                    return null;
                }

                var item = _items[i];
                var paid = item.OpenAmount - Money.Of(Cents(_random.Next(35, 12_50)), item.Currency);
                return Credit(id, paid, i, kind, [new(item.DocumentNumber, paid.Amount)], text: Variation(item.DocumentNumber));
            }

            case SyntheticKind.Discounted:
            case SyntheticKind.LateDiscount:
            {
                if (!TryTake(i => _items[i].Discount is not null, out var i))
                {
                    return null;
                }

                var item = _items[i];
                var until = item.Discount!.Value.Until;
                var paid = item.OpenAmount - item.Discount.Value.On(item.OpenAmount);
                var text = Variation(item.DocumentNumber);
                return kind == SyntheticKind.Discounted
                    ? Credit(id, paid, i, kind, [Full(item)], text: text, valueDate: until.PlusDays(-_random.Next(0, 5)))
                    : Credit(id, paid, i, kind, [new(item.DocumentNumber, paid.Amount)], text: text, valueDate: until.PlusDays(_random.Next(1, 20)));
            }

            case SyntheticKind.Overpayment:
            {
                if (!TryTake(_ => true, out var i))
                {
                    return null;
                }

                var item = _items[i];
                var paid = item.OpenAmount + Money.Of(Cents(_random.Next(1, 50_00)), item.Currency);
                return item.CreditorReference is { } reference && _random.Next(2) == 0
                    ? Credit(id, paid, i, kind, [Full(item)], creditorReference: reference, text: Vague())
                    : Credit(id, paid, i, kind, [Full(item)], text: Variation(item.DocumentNumber));
            }

            case SyntheticKind.Partial:
            {
                if (!TryTake(i => _items[i].OpenAmount.Amount >= 20m, out var i))
                {
                    return null;
                }

                var item = _items[i];
                var paid = (item.OpenAmount * (_random.Next(20, 81) / 100m)).Round();
                return Credit(id, paid, i, kind, [new(item.DocumentNumber, paid.Amount)], text: $"Teilzahlung {Variation(item.DocumentNumber)}");
            }

            case SyntheticKind.OtherCustomersDocument:
            {
                // B's document named and paid by A, who also owes exactly that amount (a round one) on an item of their own.
                if (!TryTake(i => RoundAmounts.Contains(_items[i].OpenAmount.Amount), out var b))
                {
                    return null;
                }

                if (!TryTake(a => _itemCustomer[a] != _itemCustomer[b] && _items[a].OpenAmount == _items[b].OpenAmount, out var a))
                {
                    _used[b] = false;
                    return null;
                }

                var named = _items[b];
                return Credit(id, named.OpenAmount, a, kind, [Full(named)], text: Variation(named.DocumentNumber), payerIsCustomer: true);
            }

            case SyntheticKind.SameAmountTwice:
            {
                if (!TryTake(i => i > 0 && !_used[i - 1] && _itemCustomer[i - 1] == _itemCustomer[i] && _items[i - 1].OpenAmount == _items[i].OpenAmount, out var i))
                {
                    return null;
                }

                _used[i - 1] = true;
                return Credit(id, _items[i].OpenAmount, i, kind, [Full(_items[i])], text: Vague(), payerIsCustomer: true, autoAcceptable: false);
            }

            case SyntheticKind.WrongCurrency:
            {
                if (!TryTake(i => _items[i].Currency == Currency.Eur, out var i))
                {
                    return null;
                }

                // In GBP (no item is), or in USD when the customer owes nothing of that amount in USD: the entry is only about the named document.
                var item = _items[i];
                var usd = Money.Of(item.OpenAmount.Amount, Currency.Usd);
                var paid = _random.Next(2) == 0 && !_itemsByCustomer[_itemCustomer[i]].Any(j => _items[j].OpenAmount == usd)
                    ? usd
                    : Money.Of(item.OpenAmount.Amount, Currency.Gbp);
                return Credit(id, paid, i, kind, [], text: item.DocumentNumber, payerIsCustomer: true, autoAcceptable: false);
            }

            case SyntheticKind.OutgoingDebit:
            case SyntheticKind.Reversal:
            {
                if (!TryTake(_ => true, out var i))
                {
                    return null;
                }

                var item = _items[i];
                var customer = _customers[_itemCustomer[i]];
                var reversal = kind == SyntheticKind.Reversal;
                var side = reversal && _random.Next(3) == 0 ? CreditDebit.Credit : CreditDebit.Debit; // a reversed debit comes back as a credit
                var text = reversal ? $"RUECKLASTSCHRIFT AC04 {item.DocumentNumber}" : $"Gutschrift zu {item.DocumentNumber}";
                return new SyntheticEntry(id, item.OpenAmount, side, reversal, StatementDate, customer.Name, customer.Ibans[0], null, text, "NOTPROVIDED",
                    new SyntheticTruth(kind, [], AutoAcceptable: false));
            }

            default:
                return null;
        }
    }

    private SyntheticEntry NoiseEntry(string id)
    {
        // Unrelated money from an unknown account; one in three has an amount that some open item has (bait for amount-only).
        var amount = _random.Next(3) == 0 ? _items[_random.Next(_items.Count)].OpenAmount : Money.Of(Cents(_random.NextInt64(1_00, 3_000_00)), Currency.Eur);
        return new SyntheticEntry(id, amount, CreditDebit.Credit, false, StatementDate, "Allgemeine Versicherung AG", NewIban(), null,
            NoiseTexts[_random.Next(NoiseTexts.Length)], "NOTPROVIDED", new SyntheticTruth(SyntheticKind.Noise, [], AutoAcceptable: false));
    }

    private SyntheticEntry Credit(string id, Money amount, int payerItem, SyntheticKind kind, SyntheticApplication[] documents,
        string? creditorReference = null, string text = "", bool payerIsCustomer = false, bool autoAcceptable = true, LocalDate? valueDate = null)
    {
        var customer = _customers[_itemCustomer[payerItem]];
        // Usually the customer pays from a known account; sometimes from a new one (then only the text can tell).
        var known = payerIsCustomer || _random.Next(5) != 0;
        var iban = known ? customer.Ibans[_random.Next(customer.Ibans.Length)] : NewIban();
        var name = _random.Next(4) == 0 ? customer.Name.ToUpperInvariant() : customer.Name;
        var endToEnd = _random.Next(2) == 0 ? "NOTPROVIDED" : string.Create(CultureInfo.InvariantCulture, $"E2E-{id}");
        return new SyntheticEntry(id, amount, CreditDebit.Credit, false, valueDate ?? StatementDate.PlusDays(-_random.Next(0, 3)), name, iban,
            creditorReference, text, endToEnd, new SyntheticTruth(kind, documents, autoAcceptable));
    }

    private static SyntheticApplication Full(OpenItem item) => new(item.DocumentNumber, item.OpenAmount.Amount);

    private bool TryTake(Func<int, bool> fits, out int item)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var i = _random.Next(_items.Count);
            if (!_used[i] && fits(i))
            {
                _used[i] = true;
                item = i;
                return true;
            }
        }

        item = -1;
        return false;
    }

    /// <summary>Takes 2 to 4 unused items of one customer in one currency.</summary>
    private bool TryTakeSeveral(int wanted, out int[] items)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var seed = _random.Next(_items.Count);
            if (_used[seed])
            {
                continue;
            }

            var currency = _items[seed].Currency;
            var pick = _itemsByCustomer[_itemCustomer[seed]].Where(i => !_used[i] && _items[i].Currency == currency).Take(wanted).ToArray();
            if (pick.Length >= 2)
            {
                foreach (var i in pick)
                {
                    _used[i] = true;
                }

                items = pick;
                return true;
            }
        }

        items = [];
        return false;
    }

    private string Vague() => VagueTexts[_random.Next(VagueTexts.Length)];

    /// <summary>How people write a document number: INV-2026-000123 as is, in lower case, with spaces, without
    /// separators, without leading zeros, behind a word, or in a sentence.</summary>
    private string Variation(string number)
    {
        var parts = number.Split('-');
        return _random.Next(8) switch
        {
            0 => number,
            1 => number.ToLowerInvariant(),
            2 => string.Join(' ', parts),
            3 => string.Concat(parts),
            4 => $"{parts[0]}-{parts[1]}-{parts[2].TrimStart('0')}",
            5 => $"Rechnung Nr. {number}",
            6 => $"Invoice {number.ToLowerInvariant()} thank you",
            _ => $"RE {number} Kd {_random.Next(1000, 9999)}",
        };
    }

    private string ListText(OpenItem[] items)
    {
        var separator = _random.Next(3) switch { 0 => ", ", 1 => " + ", _ => " / " };
        var prefix = _random.Next(2) == 0 ? "Rechnungen " : "";
        return prefix + string.Join(separator, items.Select(i => _random.Next(3) == 0 ? i.DocumentNumber.ToLowerInvariant() : i.DocumentNumber));
    }

    private static decimal Cents(long cents) => cents * 0.01m;

    // ---------------------------------------------------------------- files

    /// <summary>Writes the open items as the desk's CSV (RFC 4180, CRLF, UTF-8 without BOM).</summary>
    /// <param name="stream">Where to write; left open.</param>
    internal void WriteOpenItemsCsv(Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine("document_number,customer_id,customer_name,customer_iban,currency,open_amount,issue_date,due_date,creditor_reference,discount_percent,discount_until");
        var line = new StringBuilder();
        foreach (var item in _items)
        {
            line.Clear();
            Field(line, item.DocumentNumber).Append(',');
            Field(line, item.CustomerId.Value).Append(',');
            Field(line, item.CustomerName ?? "").Append(',');
            Field(line, item.PayerAccounts[0]).Append(',');
            line.Append(item.Currency.Code).Append(',');
            line.Append(FormatAmount(item.OpenAmount)).Append(',');
            line.Append(Date(item.IssueDate)).Append(',');
            line.Append(Date(item.DueDate)).Append(',');
            Field(line, item.CreditorReference ?? "").Append(',');
            line.Append(item.Discount?.Percent.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(Date(item.Discount?.Until));
            writer.WriteLine(line);
        }
    }

    /// <summary>Writes the entries as one camt.053.001.08 statement, in the shape of the camt test data.</summary>
    /// <param name="stream">Where to write; left open.</param>
    internal void WriteCamt053(Stream stream)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", CloseOutput = false };
        using var xml = XmlWriter.Create(stream, settings);
        var date = LocalDatePattern.Iso.Format(StatementDate);
        xml.WriteStartDocument();
        xml.WriteStartElement("Document", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08");
        xml.WriteStartElement("BkToCstmrStmt");
        xml.WriteStartElement("GrpHdr");
        xml.WriteElementString("MsgId", string.Create(CultureInfo.InvariantCulture, $"SYNTH-{Seed}-{date}"));
        xml.WriteElementString("CreDtTm", $"{date}T18:00:00+01:00");
        xml.WriteEndElement();
        xml.WriteStartElement("Stmt");
        xml.WriteElementString("Id", $"{date}-0001");
        xml.WriteElementString("CreDtTm", $"{date}T18:00:00+01:00");
        xml.WriteStartElement("Acct");
        xml.WriteStartElement("Id");
        xml.WriteElementString("IBAN", TenantIban);
        xml.WriteEndElement();
        xml.WriteEndElement();
        foreach (var entry in _entries)
        {
            WriteEntry(xml, entry);
        }

        xml.WriteEndElement(); // Stmt
        xml.WriteEndElement(); // BkToCstmrStmt
        xml.WriteEndElement(); // Document
        xml.WriteEndDocument();
        xml.Flush();
        stream.WriteByte((byte)'\n');
    }

    private static void WriteEntry(XmlWriter xml, SyntheticEntry entry)
    {
        var side = entry.Side == CreditDebit.Credit ? "CRDT" : "DBIT";
        xml.WriteStartElement("Ntry");
        WriteAmount(xml, entry.Amount);
        xml.WriteElementString("CdtDbtInd", side);
        if (entry.IsReversal)
        {
            xml.WriteElementString("RvslInd", "true");
        }

        xml.WriteStartElement("Sts");
        xml.WriteElementString("Cd", "BOOK");
        xml.WriteEndElement();
        xml.WriteStartElement("BookgDt");
        xml.WriteElementString("Dt", LocalDatePattern.Iso.Format(StatementDate));
        xml.WriteEndElement();
        xml.WriteStartElement("ValDt");
        xml.WriteElementString("Dt", LocalDatePattern.Iso.Format(entry.ValueDate));
        xml.WriteEndElement();
        xml.WriteElementString("AcctSvcrRef", entry.Id);
        xml.WriteStartElement("BkTxCd");
        xml.WriteStartElement("Domn");
        xml.WriteElementString("Cd", "PMNT");
        xml.WriteStartElement("Fmly");
        xml.WriteElementString("Cd", entry.Side == CreditDebit.Credit ? "RCDT" : "ICDT");
        xml.WriteElementString("SubFmlyCd", entry.IsReversal ? "RRTN" : "ESCT");
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();

        xml.WriteStartElement("NtryDtls");
        xml.WriteStartElement("TxDtls");
        xml.WriteStartElement("Refs");
        xml.WriteElementString("EndToEndId", entry.EndToEndId);
        xml.WriteEndElement();
        WriteAmount(xml, entry.Amount);
        xml.WriteElementString("CdtDbtInd", side);
        if (entry.Counterparty is not null)
        {
            // Money in and reversals name the payer (debtor); money out names the payee (creditor).
            var party = entry.Side == CreditDebit.Credit || entry.IsReversal ? "Dbtr" : "Cdtr";
            xml.WriteStartElement("RltdPties");
            xml.WriteStartElement(party);
            xml.WriteStartElement("Pty");
            xml.WriteElementString("Nm", entry.Counterparty);
            xml.WriteEndElement();
            xml.WriteEndElement();
            if (entry.CounterpartyIban is not null)
            {
                xml.WriteStartElement(party + "Acct");
                xml.WriteStartElement("Id");
                xml.WriteElementString("IBAN", entry.CounterpartyIban);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        if (entry.RemittanceText.Length > 0 || entry.CreditorReference is not null)
        {
            xml.WriteStartElement("RmtInf");
            if (entry.RemittanceText.Length > 0)
            {
                xml.WriteElementString("Ustrd", entry.RemittanceText);
            }

            if (entry.CreditorReference is not null)
            {
                xml.WriteStartElement("Strd");
                xml.WriteStartElement("CdtrRefInf");
                xml.WriteStartElement("Tp");
                xml.WriteStartElement("CdOrPrtry");
                xml.WriteElementString("Cd", "SCOR");
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteElementString("Ref", entry.CreditorReference);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement(); // TxDtls
        xml.WriteEndElement(); // NtryDtls
        xml.WriteEndElement(); // Ntry
    }

    private static void WriteAmount(XmlWriter xml, Money amount)
    {
        xml.WriteStartElement("Amt");
        xml.WriteAttributeString("Ccy", amount.Currency.Code);
        xml.WriteString(FormatAmount(amount));
        xml.WriteEndElement();
    }

    private static string FormatAmount(Money amount)
        => amount.Amount.ToString("F" + (amount.Currency.MinorUnits ?? 2).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static string Date(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : "";

    private static StringBuilder Field(StringBuilder line, string value)
        => value.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? line.Append(value)
            : line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');

    private sealed record Customer(CustomerId Id, string Name, string[] Ibans);
}
