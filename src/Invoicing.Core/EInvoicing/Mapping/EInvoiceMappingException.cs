namespace Invoicing.Core.EInvoicing.Mapping;

/// <summary>
/// Thrown when an <see cref="EInvoice"/> lacks terms (or has unusable ones) that the mapping to a
/// document needs; lists every problem, each naming its BT or BG id. Nothing was created.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class EInvoiceMappingException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">What is missing or unusable, each naming its BT or BG id; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="problems"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public EInvoiceMappingException(IEnumerable<string> problems)
        : this(Preconditions.CopyNotNull(problems))
    {
    }

    private EInvoiceMappingException(IReadOnlyList<string> problems)
        : base(problems.Count == 0
            ? throw new ArgumentException("An e-invoice mapping exception needs at least one problem.", nameof(problems))
            : "The e-invoice cannot be mapped to a draft invoice: " + string.Join("; ", problems) + ".")
    {
        Problems = problems;
    }

    /// <summary>Every problem found, each naming its BT or BG id.</summary>
    public IReadOnlyList<string> Problems { get; }
}
