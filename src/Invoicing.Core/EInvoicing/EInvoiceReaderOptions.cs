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
}
