using System.Collections.Frozen;

namespace Invoicing.Core.EInvoicing;

/// <summary>
/// The document type codes (BT-3) of UNTDID 1001 that EN 16931 allows, as the CEN/TC 434 artefacts
/// list them: the one list the UBL writer (Invoice or CreditNote root) and the BR-CL-01 rule share.
/// </summary>
internal static class DocumentTypeCodes
{
    /// <summary>Codes of an invoice (UBL root <c>Invoice</c>).</summary>
    public static FrozenSet<string> Invoice { get; } = Set(
        "71 80 81 82 84 102 130 202 203 204 211 218 219 295 325 326 331 380 382 383 384 385 386 387 388 389 390 393 394 395 456 457 471 472 473 500 501 502 503 527 553 575 623 633 751 780 817 870 875 876 877 935");

    /// <summary>Codes of a credit note (UBL root <c>CreditNote</c>).</summary>
    public static FrozenSet<string> CreditNote { get; } = Set("81 83 261 262 296 308 381 396 420 458 532");

    private static FrozenSet<string> Set(string codes) => codes.Split(' ').ToFrozenSet(StringComparer.Ordinal);
}
