namespace Invoicing.Core.EInvoicing;

/// <summary>Limits for reading UBL and CII documents.</summary>
public sealed record EInvoiceReaderOptions
{
    /// <summary>The defaults: at most 32 Mi characters per document.</summary>
    public static EInvoiceReaderOptions Default { get; } = new();

    /// <summary>
    /// The largest document read, in characters (about bytes for UTF-8 XML); a larger one is a
    /// format error. Default 32 Mi, room for embedded attachments (BT-125).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long MaxCharacters
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The largest document size is a positive number of characters.");
    } = 32L * 1024 * 1024;

    /// <summary>
    /// What a date or number that cannot be parsed does. False (the default): the read ends with an
    /// <see cref="EInvoiceFormatException"/>, so that a host reading without validating never loses a term
    /// silently. True: the term is left absent, the value is listed in <see cref="EInvoiceReadResult.UnreadableValues"/>,
    /// the read goes on, and the validator reports each as a fatal <c>XSD-VALUE</c> finding, next to every other
    /// finding of the document (what a validation desk wants). A charge indicator that is neither true nor false
    /// (which decides between an allowance, BG-20, and a charge, BG-21) and malformed XML end the read either way: the
    /// model cannot hold an allowance or charge that is not known to be one.
    /// </summary>
    public bool TolerateUnreadableValues { get; init; }
}
