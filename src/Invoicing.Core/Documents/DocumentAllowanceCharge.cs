namespace Invoicing.Core.Documents;

/// <summary>
/// An allowance or charge on the whole document (BG-20, BG-21), with the tax treatment it carries
/// (BT-95/BT-96, BT-102/BT-103) and an id to refer to it in a draft.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DocumentAllowanceCharge
{
    /// <summary>Creates a document-level allowance or charge.</summary>
    /// <param name="id">Its id within the document ("1", "freight").</param>
    /// <param name="terms">The amount or percentage and the reason.</param>
    /// <param name="tax">How it is taxed; it lowers (allowance) or raises (charge) the taxable amount of that category and rate.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="terms"/> or <paramref name="tax"/> is null.</exception>
    public DocumentAllowanceCharge(InvoiceLineId id, AllowanceCharge terms, Tax.TaxTreatment tax)
    {
        Identifier.RequireSet(id);
        Id = id;
        Terms = Preconditions.CheckNotNull(terms);
        Tax = Preconditions.CheckNotNull(tax);
    }

    /// <summary>The id within the document (the same kind of id as a line's).</summary>
    public InvoiceLineId Id { get; }

    /// <summary>The amount or percentage and the reason.</summary>
    public AllowanceCharge Terms { get; }

    /// <summary>The tax treatment.</summary>
    public Tax.TaxTreatment Tax { get; }
}
