namespace Invoicing.Core.Tax;

/// <summary>
/// No tax rule gives one clear answer for a supply: no provider covers it, or the one that covers
/// it finds it ambiguous. The message names the supply and every provider's reason; the library
/// never falls back to zero tax.
/// </summary>
public sealed class TaxDecisionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="context">The supply that could not be decided.</param>
    /// <param name="reasons">Why, one reason per provider asked (or the one ambiguity found); at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="reasons"/> is null, or a reason is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="reasons"/> is empty.</exception>
    public TaxDecisionException(TaxContext context, IEnumerable<string> reasons)
        : this(Preconditions.CheckNotNull(context), Preconditions.CopyNotNull(reasons))
    {
    }

    private TaxDecisionException(TaxContext context, IReadOnlyList<string> reasons)
        : base(reasons.Count == 0
            ? throw new ArgumentException("A tax decision exception needs at least one reason.", nameof(reasons))
            : $"No tax decision for {context}: {string.Join("; ", reasons)}.")
    {
        Context = context;
        Reasons = reasons;
    }

    /// <summary>The supply.</summary>
    public TaxContext Context { get; }

    /// <summary>Why no decision was made.</summary>
    public IReadOnlyList<string> Reasons { get; }
}
