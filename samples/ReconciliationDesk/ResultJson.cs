using System.Globalization;
using System.Text.Json;
using Invoicing.Core.Monetary;
using Invoicing.Core.Payments.Reconciliation;

namespace ReconciliationDesk;

/// <summary>
/// Writes a <see cref="ReconciliationResult"/> as the desk's JSON (see README.md), with a
/// <see cref="Utf8JsonWriter"/>: no reflection, one pass, nothing buffered beyond the writer's own buffer.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>An automatic entry gives one object in "matches" (status "auto"); a suggested entry gives one
/// object per proposal (status "suggested"), best first, next to each other; an unmatched entry gives
/// one object in "unmatched".</item>
/// <item>Amounts are JSON numbers with exactly the currency's minor-unit digits: 119.00 (EUR),
/// 1190 (JPY), 1.250 (KWD).</item>
/// <item>"difference.reason" is a stable code ("overpayment", "early-payment-discount",
/// "within-tolerance"), a colon and the matcher's description; "unmatched.reason" is the matcher's reason.</item>
/// </list>
/// Stateless and thread-safe.
/// </remarks>
public static class ResultJson
{
    /// <summary>Writes the result.</summary>
    /// <param name="stream">Where to write UTF-8 JSON; left open.</param>
    /// <param name="result">The matcher's result.</param>
    /// <param name="elapsed">The time the run took, for "stats.elapsed_ms".</param>
    /// <param name="indented">True to indent the JSON for people.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="result"/> is null.</exception>
    public static void Write(Stream stream, ReconciliationResult result, TimeSpan elapsed, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented });
        json.WriteStartObject();

        json.WriteStartArray("matches");
        foreach (var outcome in result.Outcomes)
        {
            if (outcome.Status == MatchStatus.Unmatched)
            {
                continue;
            }

            // Auto has exactly one proposal; a suggestion lists all of them, best first.
            foreach (var proposal in outcome.Proposals)
            {
                WriteMatch(json, outcome, proposal);
            }
        }

        json.WriteEndArray();

        json.WriteStartArray("unmatched");
        foreach (var outcome in result.Outcomes.Where(o => o.Status == MatchStatus.Unmatched))
        {
            json.WriteStartObject();
            json.WriteString("entry", outcome.Entry.Id);
            json.WriteString("reason", outcome.Reason ?? "no proposal");
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("stats");
        json.WriteNumber("entries", result.Outcomes.Count);
        json.WriteNumber("auto", result.AutoCount);
        json.WriteNumber("suggested", result.SuggestedCount);
        json.WriteNumber("unmatched", result.UnmatchedCount);
        json.WriteNumber("elapsed_ms", (long)elapsed.TotalMilliseconds);
        json.WriteEndObject();

        json.WriteEndObject();
    }

    /// <summary>The stable code of a difference reason, as written before the colon in "difference.reason".</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>"overpayment", "early-payment-discount" or "within-tolerance".</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="reason"/> is undefined.</exception>
    public static string Code(DifferenceReason reason) => reason switch
    {
        DifferenceReason.Overpayment => "overpayment",
        DifferenceReason.EarlyPaymentDiscount => "early-payment-discount",
        DifferenceReason.WithinTolerance => "within-tolerance",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Undefined difference reason."),
    };

    private static void WriteMatch(Utf8JsonWriter json, EntryOutcome outcome, MatchProposal proposal)
    {
        json.WriteStartObject();
        json.WriteString("entry", outcome.Entry.Id);
        json.WriteStartArray("documents");
        foreach (var document in proposal.Documents)
        {
            json.WriteStartObject();
            json.WriteString("number", document.Item.DocumentNumber);
            json.WritePropertyName("applied");
            WriteAmount(json, document.Applied);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("rule", proposal.Rule.Name());
        json.WriteNumber("confidence", proposal.Confidence);
        json.WriteString("status", outcome.Status == MatchStatus.Auto ? "auto" : "suggested");
        if (proposal.Difference is { } difference)
        {
            json.WriteStartObject("difference");
            json.WritePropertyName("amount");
            WriteAmount(json, difference.Amount);
            json.WriteString("reason", $"{Code(difference.Reason)}: {difference.Description}");
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("difference");
        }

        json.WriteEndObject();
    }

    /// <summary>Writes an amount as a JSON number with the currency's minor-unit digits (119.00, not 119 or 119.0000).</summary>
    private static void WriteAmount(Utf8JsonWriter json, Money money)
    {
        var amount = money.Amount;
        if (money.Currency.MinorUnits is int digits && decimal.Round(amount, digits) == amount)
        {
            json.WriteRawValue(amount.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), skipInputValidation: true);
        }
        else
        {
            json.WriteNumberValue(amount); // more digits than the currency has: every one of them, never rounded away
        }
    }
}
