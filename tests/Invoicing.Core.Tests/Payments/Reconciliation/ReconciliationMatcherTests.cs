using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Payments;
using Invoicing.Core.Payments.BankStatements;
using Invoicing.Core.Payments.Reconciliation;
using NodaTime;

namespace Invoicing.Core.Tests.Payments.Reconciliation;

/// <summary>Every rule of the matcher, and its traps, one table row or fact each.</summary>
public sealed class ReconciliationMatcherTests
{
    private static readonly CustomerId Alpha = CustomerId.From("C-ALPHA");
    private static readonly CustomerId Beta = CustomerId.From("C-BETA");
    private const string AlphaIban = "DE89 3704 0044 0532 0130 00";
    private const string BetaIban = "FR14 2004 1010 0505 0001 3M02 606";

    private static Money Eur(decimal amount) => Money.Of(amount, Currency.Eur);

    private static OpenItem Item(string number, decimal open, CustomerId? customer = null, string? reference = null, Currency? currency = null,
        OpenItemDiscount? discount = null, LocalDate? due = null)
    {
        var owner = customer ?? Alpha;
        return new OpenItem(number, owner, Money.Of(open, currency ?? Currency.Eur))
        {
            CreditorReference = reference,
            Discount = discount,
            DueDate = due ?? new LocalDate(2026, 12, 1),
            PayerAccounts = [owner == Alpha ? AlphaIban : BetaIban],
        };
    }

    private static ReconciliationEntry Receipt(string id, decimal amount, string text = "", string? reference = null, string? payer = null,
        Currency? currency = null, LocalDate? valueDate = null)
        => new(id, Money.Of(amount, currency ?? Currency.Eur), CreditDebit.Credit)
        {
            RemittanceText = text,
            CreditorReference = reference,
            PayerAccount = payer,
            ValueDate = valueDate ?? new LocalDate(2026, 11, 23),
        };

    private static EntryOutcome MatchOne(IEnumerable<OpenItem> items, ReconciliationEntry entry, ReconciliationOptions? options = null)
        => Assert.Single(new ReconciliationMatcher(options).Match(items, [entry]).Outcomes);

    private static string Documents(MatchProposal proposal) => string.Join(",", proposal.Documents.Select(d => d.Item.DocumentNumber));

    [Fact]
    public void StructuredCreditorReference_MatchesAutomaticallyWithFullConfidence()
    {
        var rf = CreditorReference.CreateIso11649("INV2026000123");
        var outcome = MatchOne([Item("INV-2026-000123", 119m, reference: rf.Value), Item("INV-2026-000124", 119m)],
            Receipt("E1", 119m, reference: rf.ToString()));

        Assert.Equal(MatchStatus.Auto, outcome.Status);
        var best = Assert.Single(outcome.Proposals);
        Assert.Equal(MatchRule.CreditorReference, best.Rule);
        Assert.Equal(1.00m, best.Confidence);
        Assert.Equal("INV-2026-000123", Documents(best));
        Assert.Equal(Eur(119m), best.Documents[0].Applied);
        Assert.Null(best.Difference);
        Assert.Null(outcome.Reason);
    }

    [Fact]
    public void CreditorReferenceInFreeText_IsFound()
    {
        var rf = CreditorReference.CreateIso11649("A7");
        var outcome = MatchOne([Item("X-1", 50m, reference: rf.Value)], Receipt("E1", 50m, text: $"thanks, ref {rf} regards"));

        Assert.Equal(MatchStatus.Auto, outcome.Status);
        Assert.Equal(MatchRule.CreditorReference, outcome.Best!.Rule);
    }

    [Theory]
    [InlineData("INV-2026-000123")]
    [InlineData("inv-2026-000123")]
    [InlineData("Invoice INV 2026 000123")]
    [InlineData("INV2026000123 thank you")]
    [InlineData("Rechnung Nr. 2026/123")]
    [InlineData("payment for 2026-123")]
    [InlineData("RE: INV-2026-0000123, order 77")]
    public void DocumentNumberInFreeText_IsToleratedInItsSpellings(string text)
    {
        var outcome = MatchOne([Item("INV-2026-000123", 80m), Item("INV-2026-000124", 80m, Beta), Item("INV-2026-001230", 80m, Beta)],
            Receipt("E1", 80m, text: text));

        Assert.Equal(MatchStatus.Auto, outcome.Status);
        Assert.Equal(MatchRule.DocumentNumber, outcome.Best!.Rule);
        Assert.Equal("INV-2026-000123", Documents(outcome.Best));
    }

    [Theory]
    [InlineData("INV-12", "INV-12")]
    [InlineData("inv 12 paid", "INV-12")]
    [InlineData("INV-123", "INV-123")]
    [InlineData("INV-0123", "INV-123")]
    [InlineData("INV-12 3 pieces", "INV-12")]
    [InlineData("INV-1234", null)]
    [InlineData("INV-1", null)]
    [InlineData("amount 12.00 and 123.00", null)]
    public void ANumberThatIsAPrefixOfAnother_NeverNamesTheOther(string text, string? expected)
    {
        var outcome = MatchOne([Item("INV-12", 40m), Item("INV-123", 40m, Beta)], Receipt("E1", 40m, text: text));

        if (expected is null)
        {
            Assert.DoesNotContain(outcome.Proposals, p => p.Rule is MatchRule.DocumentNumber or MatchRule.CreditorReference);
            Assert.NotEqual(MatchStatus.Auto, outcome.Status);
        }
        else
        {
            Assert.Equal(MatchStatus.Auto, outcome.Status);
            Assert.Equal(expected, Documents(outcome.Best!));
        }
    }

    [Fact]
    public void TwoOpenItemsWithTheSameNumber_AreNeverMatchedAutomatically_InAnyOrder()
    {
        // The same customer has two open items numbered INV-11 (a data error, or two series): "inv 11" cannot say which.
        OpenItem[] items = [Item("INV-11", 10m), Item("INV-11", 10m), Item("INV-3", 119m)];
        var entry = Receipt("E1", 10m, text: "inv 11", payer: AlphaIban);

        var forward = MatchOne(items, entry);
        var backward = MatchOne([.. items.Reverse()], entry);

        Assert.All(new[] { forward, backward }, outcome =>
        {
            Assert.Equal(MatchStatus.Suggested, outcome.Status);
            Assert.Contains("INV-11 is the number of more than one open item", outcome.Best!.Explanation, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void TwoOpenItemsWithTheSameAmountForOnePayer_AndNoReference_AreASuggestion()
    {
        var outcome = MatchOne([Item("INV-1", 250m), Item("INV-2", 250m), Item("INV-3", 99m)], Receipt("E1", 250m, payer: AlphaIban));

        Assert.Equal(MatchStatus.Suggested, outcome.Status);
        Assert.Equal(["INV-1", "INV-2"], outcome.Proposals.Select(Documents).Order());
        Assert.All(outcome.Proposals, p => Assert.Equal(MatchRule.AmountAndPayer, p.Rule));
        Assert.Contains("below the auto-match threshold", outcome.Reason);
    }

    [Fact]
    public void AmountAndPayer_WithExactlyOneOpenItemOfThatAmount_IsAutomatic()
    {
        var outcome = MatchOne([Item("INV-1", 250m), Item("INV-2", 260m), Item("INV-9", 250m, Beta)], Receipt("E1", 250m, payer: "de89370400440532013000"));

        Assert.Equal(MatchStatus.Auto, outcome.Status);
        Assert.Equal(MatchRule.AmountAndPayer, outcome.Best!.Rule);
        Assert.Equal("INV-1", Documents(outcome.Best));
        Assert.Equal(0.92m, outcome.Best.Confidence);
    }

    [Fact]
    public void AReferenceToADocumentOfAnotherCustomer_IsOnlyASuggestion()
    {
        var rf = CreditorReference.CreateIso11649("B77");
        var outcome = MatchOne([Item("INV-77", 300m, Beta, reference: rf.Value), Item("INV-5", 120m)], Receipt("E1", 300m, reference: rf.Value, payer: AlphaIban));

        Assert.Equal(MatchStatus.Suggested, outcome.Status);
        Assert.Equal("INV-77", Documents(outcome.Best!));
        Assert.Equal(0.60m, outcome.Best!.Confidence);
        Assert.Contains("the payer's account belongs to C-ALPHA, not to C-BETA", outcome.Best.Explanation);
    }

    [Fact]
    public void APaymentInTheWrongCurrency_IsNeverMatched()
    {
        var rf = CreditorReference.CreateIso11649("W1");
        var outcome = MatchOne([Item("INV-1", 100m, reference: rf.Value)], Receipt("E1", 100m, reference: rf.Value, text: "INV-1", payer: AlphaIban, currency: Currency.Usd));

        Assert.Equal(MatchStatus.Unmatched, outcome.Status);
        Assert.Empty(outcome.Proposals);
        Assert.Contains("it is in EUR and the payment in USD", outcome.Reason);
    }

    [Fact]
    public void AReturnedPayment_IsNotAReceipt()
    {
        var returned = new ReconciliationEntry("E1", Eur(100m), CreditDebit.Debit) { IsReversal = true, RemittanceText = "INV-1 returned: AC04" };
        var outgoing = new ReconciliationEntry("E2", Eur(100m), CreditDebit.Debit) { RemittanceText = "INV-1" };
        var reversedCredit = new ReconciliationEntry("E3", Eur(100m), CreditDebit.Credit) { IsReversal = true, RemittanceText = "INV-1" };
        var outcomes = new ReconciliationMatcher().Match([Item("INV-1", 100m)], [returned, outgoing, reversedCredit]).Outcomes;

        Assert.All(outcomes, o => Assert.Equal(MatchStatus.Unmatched, o.Status));
        Assert.Contains("not a receipt", outcomes[0].Reason);
        Assert.Contains("outgoing payment", outcomes[1].Reason);
        Assert.Contains("reversal", outcomes[2].Reason);
    }

    [Fact]
    public void SeveralListedDocumentsOfOneCustomer_SettledTogether()
    {
        var outcome = MatchOne([Item("INV-1", 100m), Item("INV-2", 50.50m), Item("INV-3", 70m)], Receipt("E1", 150.50m, text: "INV-1, INV-2"));

        Assert.Equal(MatchStatus.Auto, outcome.Status);
        Assert.Equal(MatchRule.ListedDocuments, outcome.Best!.Rule);
        Assert.Equal([Eur(100m), Eur(50.50m)], outcome.Best.Documents.Select(d => d.Applied));
    }

    [Fact]
    public void AmountsSummingExactly_AreProposedAsASuggestionByDefault_AndAutoWithALowerThreshold()
    {
        OpenItem[] items = [Item("INV-1", 100m), Item("INV-2", 50m), Item("INV-3", 30m), Item("INV-4", 7m)];
        var entry = Receipt("E1", 137m, payer: AlphaIban);

        var strict = MatchOne(items, entry);
        var relaxed = MatchOne(items, entry, new ReconciliationOptions { AutoThreshold = 0.85m });

        Assert.Equal(MatchStatus.Suggested, strict.Status);
        Assert.Equal(MatchRule.AmountSum, strict.Best!.Rule);
        Assert.Equal("INV-1,INV-3,INV-4", Documents(strict.Best));
        Assert.Equal(MatchStatus.Auto, relaxed.Status);
    }

    [Fact]
    public void AmountsSummingInMoreThanOneWay_AreNeverAutomatic()
    {
        OpenItem[] items = [Item("INV-1", 60m), Item("INV-2", 40m), Item("INV-3", 70m), Item("INV-4", 30m)];
        var outcome = MatchOne(items, Receipt("E1", 100m, payer: AlphaIban), new ReconciliationOptions { AutoThreshold = 0.5m });

        Assert.Equal(MatchStatus.Suggested, outcome.Status);
        Assert.Equal(2, outcome.Proposals.Count);
        Assert.All(outcome.Proposals, p => Assert.Equal(0.50m, p.Confidence));
    }

    [Fact]
    public void EarlyPaymentDiscount_TakenInTime_SettlesWithADiscountDifference()
    {
        var item = Item("INV-1", 119m, discount: new OpenItemDiscount(2m, new LocalDate(2026, 11, 30)));
        var inTime = MatchOne([item], Receipt("E1", 116.62m, text: "INV-1", valueDate: new LocalDate(2026, 11, 30)));
        var late = MatchOne([item], Receipt("E1", 116.62m, text: "INV-1", valueDate: new LocalDate(2026, 12, 1)));

        Assert.Equal(MatchStatus.Auto, inTime.Status);
        Assert.Equal(Eur(119m), inTime.Best!.Documents[0].Applied);
        Assert.Equal(new MatchDifference(Eur(-2.38m), DifferenceReason.EarlyPaymentDiscount, inTime.Best.Difference!.Description), inTime.Best.Difference);
        Assert.Contains("2 % (EUR 2.38) taken by 2026-11-30", inTime.Best.Difference.Description);

        Assert.Equal(MatchStatus.Suggested, late.Status);
        Assert.Null(late.Best!.Difference);
        Assert.Equal(Eur(116.62m), late.Best.Documents[0].Applied);
    }

    [Fact]
    public void AmountAndPayer_RecognisesADiscountedAmount()
    {
        var item = Item("INV-1", 200m, discount: new OpenItemDiscount(3m, new LocalDate(2026, 11, 30)));
        var outcome = MatchOne([item, Item("INV-2", 194.5m)], Receipt("E1", 194m, payer: AlphaIban));

        Assert.Equal(MatchRule.AmountAndPayer, outcome.Best!.Rule);
        Assert.Equal(DifferenceReason.EarlyPaymentDiscount, outcome.Best.Difference!.Reason);
        Assert.Equal(0.88m, outcome.Best.Confidence);
    }

    [Theory]
    [InlineData(497.50, DifferenceReason.WithinTolerance, -2.50, MatchStatus.Auto)]
    [InlineData(494.99, null, null, MatchStatus.Suggested)]
    [InlineData(505.00, DifferenceReason.Overpayment, 5.00, MatchStatus.Suggested)]
    [InlineData(500.00, null, null, MatchStatus.Auto)]
    public void Differences_AreExplainedAndBoundedByTheTolerance(decimal paid, DifferenceReason? reason, double? difference, MatchStatus status)
    {
        var options = new ReconciliationOptions { Tolerance = new PaymentTolerance(1m, Eur(5m)) };
        var outcome = MatchOne([Item("INV-500", 500m)], Receipt("E1", paid, text: "INV-500"), options);

        Assert.Equal(status, outcome.Status);
        Assert.Equal(reason, outcome.Best!.Difference?.Reason);
        Assert.Equal(difference is null ? null : Eur((decimal)difference.Value), outcome.Best.Difference?.Amount);
        Assert.Equal(Eur(paid), outcome.Best.Documents.Aggregate(Money.Zero(Currency.Eur), (s, d) => s + d.Applied) + (outcome.Best.Difference?.Amount ?? Eur(0m)));
    }

    [Fact]
    public void APartialPaymentByReference_IsAppliedAndTheRestStaysOpen()
    {
        var outcome = MatchOne([Item("INV-1", 1000m, reference: "RF18539007547034")], Receipt("E1", 400m, reference: "RF18 5390 0754 7034"));

        Assert.Equal(MatchStatus.Auto, outcome.Status);
        Assert.Equal(0.90m, outcome.Best!.Confidence);
        Assert.Equal(Eur(400m), Assert.Single(outcome.Best.Documents).Applied);
        Assert.Contains("EUR 600.00 stays open", outcome.Best.Explanation);
    }

    [Fact]
    public void WhenThePayerNamesOneDocumentButTheAmountFitsAnother_APersonDecides()
    {
        var outcome = MatchOne([Item("INV-5", 500m), Item("INV-6", 120m)], Receipt("E1", 120m, text: "INV-5", payer: AlphaIban));

        Assert.Equal(MatchStatus.Suggested, outcome.Status);
        Assert.Equal("INV-6", Documents(outcome.Best!));
        Assert.Equal("the payer named INV-5, but the amount points to INV-6", outcome.Reason);
    }

    [Fact]
    public void WhenThePayerNamesADocumentInAnotherCurrency_AnAmountMatchInThePaymentsCurrencyIsNotAutomatic()
    {
        OpenItem[] items = [Item("INV-1", 100m), Item("INV-2", 100m, currency: Currency.Usd)];
        var outcome = MatchOne(items, Receipt("E1", 100m, text: "INV-1", payer: AlphaIban, currency: Currency.Usd));

        Assert.Equal(MatchStatus.Suggested, outcome.Status);
        Assert.Equal("INV-2", Documents(outcome.Best!));
        Assert.StartsWith("the payer named INV-1 (in another currency), but the amount points to INV-2", outcome.Reason);
    }

    [Fact]
    public void AnUnknownPayerWithAnAmountThatExists_IsOnlyASuggestion()
    {
        var outcome = MatchOne([Item("INV-1", 75m), Item("INV-2", 80m)], Receipt("E1", 75m));

        Assert.Equal(MatchStatus.Suggested, outcome.Status);
        Assert.Equal(MatchRule.AmountOnly, outcome.Best!.Rule);
        Assert.Equal(0.60m, outcome.Best.Confidence);
    }

    [Fact]
    public void NothingToGoOn_IsUnmatchedWithAReason()
    {
        var outcome = MatchOne([Item("INV-1", 75m)], Receipt("E1", 13m, text: "happy birthday"));

        Assert.Equal(MatchStatus.Unmatched, outcome.Status);
        Assert.Equal("no open item matches its reference, its remittance text, its payer or its amount", outcome.Reason);
    }

    [Fact]
    public void TwoPaymentsClaimingTheWholeOfOneDocument_AreBothDemotedToSuggestions()
    {
        var result = new ReconciliationMatcher().Match([Item("INV-1", 100m)], [Receipt("E1", 100m, text: "INV-1"), Receipt("E2", 100m, text: "INV 1")]);

        Assert.All(result.Outcomes, o => Assert.Equal(MatchStatus.Suggested, o.Status));
        Assert.Contains("entries E1, E2 together settle EUR 200.00 of INV-1, which has EUR 100.00 open", result.Outcomes[0].Reason);
        Assert.Equal(2, result.SuggestedCount);
    }

    [Fact]
    public void TwoPartialPaymentsThatFit_AreBothAutomatic()
    {
        var result = new ReconciliationMatcher().Match([Item("INV-1", 100m, reference: "RF18539007547034")],
            [Receipt("E1", 40m, reference: "RF18539007547034"), Receipt("E2", 60m, reference: "RF18539007547034")]);

        Assert.All(result.Outcomes, o => Assert.Equal(MatchStatus.Auto, o.Status));
        Assert.Equal(2, result.AutoCount);
    }

    [Fact]
    public void DuplicateEntryIds_AreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReconciliationMatcher().Match([], [Receipt("E1", 1m), Receipt("E1", 2m)]));
        Assert.Contains("'E1'", error.Message);
    }

    [Fact]
    public void Progress_IsReportedAtTheEnd()
    {
        var reported = new List<int>();
        new ReconciliationMatcher().Match([Item("INV-1", 1m)], [Receipt("E1", 1m), Receipt("E2", 2m)], new SynchronousProgress(reported.Add));
        Assert.Equal([2], reported);
    }

    [Fact]
    public void ACancelledRun_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => new ReconciliationMatcher().Match([], [Receipt("E1", 1m)], null, cancelled.Token));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
