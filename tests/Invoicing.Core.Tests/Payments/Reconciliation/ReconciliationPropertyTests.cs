using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;
using NodaTime;

namespace Invoicing.Core.Tests.Payments.Reconciliation;

/// <summary>
/// Invariants of the matcher on small, crowded random worlds: few customers, few distinct amounts, numbers that are
/// prefixes of each other and shared references, so that collisions (the interesting cases) are common.
/// </summary>
public sealed class ReconciliationPropertyTests
{
    private static readonly decimal[] Amounts = [10m, 20m, 25m, 30m, 45.50m, 50m, 75.50m, 100m, 119m];
    private static readonly string[] Ibans = ["DE89370400440532013000", "FR1420041010050500013M02606", "NL91ABNA0417164300", "BE68539007547034"];
    private static readonly ReconciliationOptions Options = new() { Tolerance = new PaymentTolerance(2m, Money.Of(1m, Currency.Eur)), AutoThreshold = 0.85m };

    /// <summary>Items and entries, each decoded from a random integer.</summary>
    private static Arbitrary<(int[] Items, int[] Entries)> Worlds { get; } =
        Gen.Zip(Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).Where(a => a.Length is > 0 and <= 14),
                Gen.ArrayOf(Gen.Choose(0, int.MaxValue)).Where(a => a.Length is > 0 and <= 10))
            .ToArbitrary();

    private static OpenItem[] ItemsOf(int[] seeds) => seeds.Select((seed, i) =>
    {
        var customer = seed % 3;
        var amount = Amounts[(seed / 3) % Amounts.Length];
        var discounted = (seed / 31) % 4 == 0;
        return new OpenItem($"INV-{(i % 2 == 0 ? i + 1 : (10 * i) + 1)}", CustomerId.From($"C-{customer}"), Money.Of(amount, Currency.Eur))
        {
            CreditorReference = (seed / 7) % 3 == 0 ? CreditorReference.CreateIso11649($"R{(seed / 11) % 5}").Value : null,
            Discount = discounted ? new OpenItemDiscount(2m, new LocalDate(2026, 11, 30)) : null,
            PayerAccounts = [Ibans[customer], Ibans[(customer + (seed / 13 % 2)) % Ibans.Length]],
            DueDate = new LocalDate(2026, 12, 1).PlusDays(seed % 20),
        };
    }).ToArray();

    private static ReconciliationEntry[] EntriesOf(int[] seeds) => seeds.Select((seed, i) =>
    {
        var amount = Amounts[seed % Amounts.Length] + ((seed / 9) % 5 == 0 ? -0.5m : (seed / 9) % 5 == 1 ? 3m : 0m);
        var texts = new[] { "", "INV-1", "inv 11 and INV-3", $"ref {CreditorReference.CreateIso11649($"R{seed % 5}")}", "INV-21, INV-5", "thanks" };
        return new ReconciliationEntry($"E{i}", Money.Of(Math.Max(0.5m, amount), Currency.Eur), (seed / 45) % 10 == 0 ? CreditDebit.Debit : CreditDebit.Credit)
        {
            RemittanceText = texts[(seed / 450) % texts.Length],
            PayerAccount = (seed / 2700) % 5 == 4 ? null : Ibans[(seed / 2700) % 4],
            ValueDate = new LocalDate(2026, 11, 25).PlusDays((seed / 13500) % 10),
        };
    }).ToArray();

    [Property(MaxTest = 300)]
    public Property AppliedAmountsNeverExceedOpenAmounts_AndAllocationsPlusDifferenceEqualThePayment()
        => Prop.ForAll(Worlds, world =>
        {
            var result = new ReconciliationMatcher(Options).Match(ItemsOf(world.Items), EntriesOf(world.Entries));
            foreach (var outcome in result.Outcomes)
            {
                foreach (var proposal in outcome.Proposals)
                {
                    var applied = Money.Zero(Currency.Eur);
                    foreach (var document in proposal.Documents)
                    {
                        if (!document.Applied.IsPositive || document.Applied > document.Item.OpenAmount)
                        {
                            return false.Label($"{outcome}: applies {document.Applied} to {document.Item}");
                        }

                        applied += document.Applied;
                    }

                    if (applied + (proposal.Difference?.Amount ?? Money.Zero(Currency.Eur)) != outcome.Entry.Amount)
                    {
                        return false.Label($"{outcome}: {applied} applied + {proposal.Difference} is not the payment {outcome.Entry.Amount}");
                    }

                    if (proposal.Documents.Select(d => d.Item).Distinct().Count() != proposal.Documents.Count)
                    {
                        return false.Label($"{outcome}: a document twice");
                    }
                }

                var expectedShape = outcome.Status switch
                {
                    MatchStatus.Auto => outcome.Proposals.Count == 1 && outcome.Reason is null && outcome.Best!.Confidence >= Options.AutoThreshold,
                    MatchStatus.Suggested => outcome.Proposals.Count >= 1 && outcome.Reason is not null,
                    _ => outcome.Proposals.Count == 0 && outcome.Reason is not null,
                };
                if (!expectedShape || (outcome.Entry.Side == CreditDebit.Debit && outcome.Status != MatchStatus.Unmatched))
                {
                    return false.Label($"{outcome}: inconsistent outcome");
                }
            }

            return true.Label("ok");
        });

    [Property(MaxTest = 200)]
    public Property AutomaticMatches_DoNotDependOnInputOrder_AndNeverOverSettleADocument()
        => Prop.ForAll(Worlds, Gen.Choose(0, int.MaxValue).ToArbitrary(), (world, shuffleSeed) =>
        {
            var items = ItemsOf(world.Items);
            var entries = EntriesOf(world.Entries);
            var random = new Random(shuffleSeed);
            var matcher = new ReconciliationMatcher(Options);
            var forward = Autos(matcher.Match(items, entries));
            var shuffled = Autos(matcher.Match(items.OrderBy(_ => random.Next()).ToArray(), entries.OrderBy(_ => random.Next()).ToArray()));
            var reversed = Autos(matcher.Match(items.Reverse(), entries.Reverse()));

            var settled = matcher.Match(items, entries).Outcomes.Where(o => o.Status == MatchStatus.Auto)
                .SelectMany(o => o.Best!.Documents)
                .GroupBy(d => d.Item)
                .All(g => g.Aggregate(Money.Zero(Currency.Eur), (s, d) => s + d.Applied) <= g.Key.OpenAmount);

            return (forward.SequenceEqual(shuffled) && forward.SequenceEqual(reversed) && settled)
                .Label($"forward: {string.Join(" | ", forward)}\nshuffled: {string.Join(" | ", shuffled)}\nreversed: {string.Join(" | ", reversed)}\nsettled within open amounts: {settled}");
        });

    private static IReadOnlyList<string> Autos(ReconciliationResult result)
        => result.Outcomes.Where(o => o.Status == MatchStatus.Auto)
            .Select(o => $"{o.Entry.Id}:{o.Best!.Rule.Name()}:{string.Join(",", o.Best.Documents.Select(d => $"{d.Item.DocumentNumber}={d.Applied.Amount}"))}:{o.Best.Difference?.Amount.Amount}")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
