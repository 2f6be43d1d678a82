using System.Globalization;

namespace Invoicing.Core.Payments.Reconciliation;

/// <summary>How the matcher decides: the confidence an automatic match needs, the tolerance for
/// differences, and the bounds of the searches.</summary>
/// <remarks>Immutable and thread-safe; <see cref="Default"/> is the conservative setting described in docs/reconciliation.md.</remarks>
public sealed record ReconciliationOptions
{
    /// <summary>The defaults: threshold 0.9, margin 0.05, no tolerance, subsets of up to 4 of at most 24 items, 5 suggestions.</summary>
    public static ReconciliationOptions Default { get; } = new();

    /// <summary>The confidence from which a proposal with a single best candidate is applied automatically: 0 (exclusive) to 1 (inclusive); default 0.9.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not more than 0 and at most 1.</exception>
    public decimal AutoThreshold
    {
        get;
        init => field = value is > 0m and <= 1m ? value
            : throw new ArgumentOutOfRangeException(nameof(AutoThreshold), value, string.Create(CultureInfo.InvariantCulture, $"The auto-match threshold is more than 0 and at most 1; got {value}."));
    } = 0.9m;

    /// <summary>How far ahead of the runner-up the best proposal must be to be applied automatically: 0 to 1; default 0.05.
    /// A runner-up closer than this makes the entry a suggestion (a near tie).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0 to 1.</exception>
    public decimal TieMargin
    {
        get;
        init => field = value is >= 0m and <= 1m ? value
            : throw new ArgumentOutOfRangeException(nameof(TieMargin), value, string.Create(CultureInfo.InvariantCulture, $"The tie margin is between 0 and 1; got {value}."));
    } = 0.05m;

    /// <summary>The differences that may be written off (bank fees, rounding); default <see cref="PaymentTolerance.None"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public PaymentTolerance Tolerance { get; init => field = Preconditions.CheckNotNull(value, nameof(Tolerance)); } = PaymentTolerance.None;

    /// <summary>The most documents one payment is matched to by summing amounts: 2 to 8; default 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 2 to 8.</exception>
    public int MaxSubsetSize
    {
        get;
        init => field = value is >= 2 and <= 8 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxSubsetSize), value, string.Create(CultureInfo.InvariantCulture, $"The subset size is between 2 and 8; got {value}."));
    } = 4;

    /// <summary>The most open items of one customer the amount-sum search looks at: 2 to 64; default 24. A customer with
    /// more open items in the currency is not searched (the entry says so), which bounds the time per entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 2 to 64.</exception>
    public int MaxSubsetCandidates
    {
        get;
        init => field = value is >= 2 and <= 64 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxSubsetCandidates), value, string.Create(CultureInfo.InvariantCulture, $"The subset candidates are between 2 and 64; got {value}."));
    } = 24;

    /// <summary>The most proposals kept per entry: 1 to 20; default 5.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 20.</exception>
    public int MaxSuggestions
    {
        get;
        init => field = value is >= 1 and <= 20 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxSuggestions), value, string.Create(CultureInfo.InvariantCulture, $"The suggestions are between 1 and 20; got {value}."));
    } = 5;
}
