using Invoicing.Core.EInvoicing;
using static Invoicing.Core.Validation.CoreChecks;

namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>
    /// BR-CO-*: calculations and conditions between terms (BR-CO-03 ... BR-CO-26; BR-CO-25 was removed
    /// in artefacts 1.3.16). Sums are exact decimals rounded to two decimals as the artefacts round;
    /// BR-CO-10 ... BR-CO-16 compare exactly, BR-CO-17 with the artefacts' tolerance (below 1.00 in
    /// UBL, up to 1.00 included in CII). The totals are those <see cref="En16931Totals"/> computes.
    /// </summary>
    public static IEnumerable<IValidationRule> Calculations() =>
    [
        Fatal("BR-CO-03", "Value added tax point date (BT-7) and Value added tax point date code (BT-8) are mutually exclusive.", c =>
        {
            if (c.Document.VatPointDate is { } date && !Missing(c.Document.VatPointDateCode))
            {
                c.Report($"Both the VAT point date (BT-7) {date:uuuu-MM-dd} and the VAT point date code (BT-8) {Show(c.Document.VatPointDateCode)} are given; only one may be.", "BT-8", "BT-8");
            }
        }),
        PerLine("BR-CO-04", "Each Invoice line (BG-25) shall be categorized with an Invoiced item VAT category code (BT-151).", (c, line, i) =>
        {
            if (Missing(line.Vat?.CategoryCode))
            {
                c.Report($"Invoice line {i} (BG-25) has no invoiced item VAT category code (BT-151).", "BT-151", $"BG-25[{i}]/BG-30/BT-151");
            }
        }),

        // BR-CO-05 ... BR-CO-08 require a reason code and a reason text to mean the same thing; no
        // machine can tell, and the official artefacts test them as always true, so do we.
        Fatal("BR-CO-05", "Document level allowance reason code (BT-98) and Document level allowance reason (BT-97) shall indicate the same type of allowance.", static _ => { }),
        Fatal("BR-CO-06", "Document level charge reason code (BT-105) and Document level charge reason (BT-104) shall indicate the same type of charge.", static _ => { }),
        Fatal("BR-CO-07", "Invoice line allowance reason code (BT-140) and Invoice line allowance reason (BT-139) shall indicate the same type of allowance reason.", static _ => { }),
        Fatal("BR-CO-08", "Invoice line charge reason code (BT-145) and Invoice line charge reason (BT-144) shall indicate the same type of charge reason.", static _ => { }),
        Fatal("BR-CO-09", "The Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48) shall have a prefix in accordance with ISO code ISO 3166-1 alpha-2 by which the country of issue may be identified. Nevertheless, Greece may use the prefix 'EL'.", c =>
        {
            CheckVatPrefix(c, c.Document.Seller?.VatIdentifier, "seller VAT identifier", "BT-31", "BG-4/BT-31");
            CheckVatPrefix(c, c.Document.SellerTaxRepresentative?.VatIdentifier, "seller tax representative VAT identifier", "BT-63", "BG-11/BT-63");
            CheckVatPrefix(c, c.Document.Buyer?.VatIdentifier, "buyer VAT identifier", "BT-48", "BG-7/BT-48");
        }),
        Fatal("BR-CO-10", "Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131).", c =>
        {
            if (c.Document.Totals is not { SumOfLineNetAmounts: not null } totals || !TryCompute(c, "BG-22/BT-106", En16931Totals.SumOfLineNetAmounts, out var sum))
            {
                return; // an absent BT-106 is BR-12's
            }

            if (totals.SumOfLineNetAmounts != sum)
            {
                c.Report($"Sum of line net amounts (BT-106) is {Show(totals.SumOfLineNetAmounts)}, but the lines (BT-131) sum to {Show(sum)}.", "BT-106", "BG-22/BT-106");
            }
        }),
        Fatal("BR-CO-11", "Sum of allowances on document level (BT-107) = Σ Document level allowance amount (BT-92).", c =>
        {
            if (c.Document.Totals is not { } totals || !TryCompute(c, "BG-22/BT-107", d => En16931Totals.SumOf(d.Allowances), out var sum))
            {
                return;
            }

            if (totals.SumOfAllowances is { } declared ? declared != (sum ?? 0m) : sum is not null)
            {
                c.Report($"Sum of allowances on document level (BT-107) is {Show(totals.SumOfAllowances)}, but the {c.Document.Allowances.Count} document level allowances (BT-92) sum to {Show(sum ?? 0.00m)}.", "BT-107", "BG-22/BT-107");
            }
        }),
        Fatal("BR-CO-12", "Sum of charges on document level (BT-108) = Σ Document level charge amount (BT-99).", c =>
        {
            if (c.Document.Totals is not { } totals || !TryCompute(c, "BG-22/BT-108", d => En16931Totals.SumOf(d.Charges), out var sum))
            {
                return;
            }

            if (totals.SumOfCharges is { } declared ? declared != (sum ?? 0m) : sum is not null)
            {
                c.Report($"Sum of charges on document level (BT-108) is {Show(totals.SumOfCharges)}, but the {c.Document.Charges.Count} document level charges (BT-99) sum to {Show(sum ?? 0.00m)}.", "BT-108", "BG-22/BT-108");
            }
        }),
        Fatal("BR-CO-13", "Invoice total amount without VAT (BT-109) = Σ Invoice line net amount (BT-131) - Sum of allowances on document level (BT-107) + Sum of charges on document level (BT-108).", c =>
        {
            if (c.Document.Totals is not { } totals)
            {
                return;
            }

            if (totals.SumOfLineNetAmounts is not { } lineNet)
            {
                if (totals.TotalWithoutVat is not null)
                {
                    c.Report($"Invoice total amount without VAT (BT-109) is {Show(totals.TotalWithoutVat)}, but the sum of line net amounts (BT-106) it is computed from is absent.", "BT-109", "BG-22/BT-109");
                }

                return;
            }

            if (!TryCompute(c, "BG-22/BT-109", _ => En16931Totals.TotalWithoutVat(lineNet, totals.SumOfAllowances, totals.SumOfCharges), out var expected))
            {
                return;
            }

            if (totals.TotalWithoutVat != expected)
            {
                c.Report($"Invoice total amount without VAT (BT-109) is {Show(totals.TotalWithoutVat)}, but BT-106 {Show(lineNet)} - BT-107 {Show(totals.SumOfAllowances)} + BT-108 {Show(totals.SumOfCharges)} is {Show(expected)}.", "BT-109", "BG-22/BT-109");
            }
        }),
        Fatal("BR-CO-14", "Invoice total VAT amount (BT-110) = Σ VAT category tax amount (BT-117).", c =>
        {
            if (c.Document.VatBreakdown.Count == 0)
            {
                return;
            }

            var declared = c.Document.Totals?.TotalVat;
            if (declared is null && c.IsCii)
            {
                // CII may omit the total VAT amount (a document with no VAT); the CII artefacts accept it.
                return;
            }

            if (!TryCompute(c, "BG-22/BT-110", En16931Totals.SumOfVat, out var sum))
            {
                return;
            }

            if (declared != sum)
            {
                c.Report($"Invoice total VAT amount (BT-110) is {Show(declared)}, but the {c.Document.VatBreakdown.Count} VAT category tax amounts (BT-117) sum to {Show(sum)}.", "BT-110", "BG-22/BT-110");
            }
        }),
        Fatal("BR-CO-15", "Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).", c =>
        {
            var totals = c.Document.Totals;
            if (c.IsCii ? totals is null : Missing(c.Document.CurrencyCode))
            {
                // The CII rule's context is the monetary summation; the UBL rule's is every invoice currency code.
                return;
            }

            var withoutVat = totals?.TotalWithoutVat;
            var vat = totals?.TotalVat;
            var withVat = totals?.TotalWithVat;
            var accountingCurrency = c.Document.VatAccountingCurrencyCode;
            if (totals?.TotalVatInAccountingCurrency is { } second && (Missing(accountingCurrency) || accountingCurrency?.Trim() == c.Document.CurrencyCode?.Trim()))
            {
                // A second total VAT amount with no other currency to be in: the document states BT-110 twice.
                c.Report($"The invoice total VAT amount (BT-110) is given twice ({Show(vat)} and {Show(second)}), but the document has no other VAT accounting currency (BT-6) for the second one; exactly one is allowed.", "BT-110", "BG-22/BT-110");
                return;
            }

            if (vat is null && !c.IsCii)
            {
                c.Report($"Invoice total amount with VAT (BT-112) is {Show(withVat)}, but the invoice total VAT amount (BT-110) in the invoice currency {Show(c.Document.CurrencyCode)} is absent; UBL requires exactly one.", "BT-110", "BG-22/BT-110");
                return;
            }

            if (withoutVat is not { } net)
            {
                c.Report($"Invoice total amount with VAT (BT-112) is {Show(withVat)}, but the invoice total amount without VAT (BT-109) it is computed from is absent.", "BT-112", "BG-22/BT-112");
                return;
            }

            if (!TryCompute(c, "BG-22/BT-112", _ => En16931Totals.TotalWithVat(net, vat ?? 0m), out var expected))
            {
                return;
            }

            if (withVat != expected)
            {
                c.Report($"Invoice total amount with VAT (BT-112) is {Show(withVat)}, but BT-109 {Show(net)} + BT-110 {Show(vat)} is {Show(expected)}.", "BT-112", "BG-22/BT-112");
            }
        }),
        Fatal("BR-CO-16", "Amount due for payment (BT-115) = Invoice total amount with VAT (BT-112) - Paid amount (BT-113) + Rounding amount (BT-114).", c =>
        {
            if (c.Document.Totals is not { } totals)
            {
                return;
            }

            if (totals.TotalWithVat is not { } withVat)
            {
                if (totals.AmountDueForPayment is not null)
                {
                    c.Report($"Amount due for payment (BT-115) is {Show(totals.AmountDueForPayment)}, but the invoice total amount with VAT (BT-112) it is computed from is absent.", "BT-115", "BG-22/BT-115");
                }

                return;
            }

            if (!TryCompute(c, "BG-22/BT-115", _ => En16931Totals.AmountDue(withVat, totals.PaidAmount, totals.RoundingAmount), out var expected))
            {
                return;
            }

            if (totals.AmountDueForPayment != expected)
            {
                c.Report($"Amount due for payment (BT-115) is {Show(totals.AmountDueForPayment)}, but BT-112 {Show(withVat)} - BT-113 {Show(totals.PaidAmount)} + BT-114 {Show(totals.RoundingAmount)} is {Show(expected)}.", "BT-115", "BG-22/BT-115");
            }
        }),
        PerBreakdown("BR-CO-17", "VAT category tax amount (BT-117) = VAT category taxable amount (BT-116) x (VAT category rate (BT-119) / 100), rounded to two decimals.", (c, vat, i) =>
        {
            if (vat.TaxAmount is not { } tax)
            {
                return; // BR-46
            }

            if (vat.Rate is not { } rate || rate == 0m)
            {
                if (tax != 0m)
                {
                    c.Report($"VAT breakdown {i} (BG-23) has rate (BT-119) {Show(vat.Rate)}, so its tax amount (BT-117) must be 0, but it is {Show(tax)}.", "BT-117", $"BG-23[{i}]/BT-117");
                }

                return;
            }

            if (vat.TaxableAmount is not { } taxable)
            {
                return; // BR-45
            }

            decimal expected;
            try
            {
                expected = Round2(Math.Abs(taxable) * rate / 100m);
            }
            catch (OverflowException)
            {
                c.Report($"VAT breakdown {i} (BG-23): taxable amount (BT-116) {Show(taxable)} x rate (BT-119) {Show(rate)} is too large to compute.", "BT-117", $"BG-23[{i}]/BT-117");
                return;
            }

            var difference = Math.Abs(Math.Abs(tax) - expected);
            if (c.IsCii ? difference > 1m : difference >= 1m)
            {
                c.Report($"VAT breakdown {i} (BG-23) has tax amount (BT-117) {Show(tax)}, but taxable amount (BT-116) {Show(taxable)} x rate (BT-119) {Show(rate)} % is {(taxable < 0m ? "-" : string.Empty)}{Show(expected)}; the difference {Show(difference)} is {(c.IsCii ? "more than" : "not less than")} 1.00.", "BT-117", $"BG-23[{i}]/BT-117");
            }
        }),
        Fatal("BR-CO-18", "An Invoice shall at least have one VAT breakdown group (BG-23).", c =>
        {
            if (c.Document.VatBreakdown.Count == 0)
            {
                c.Report("The invoice has no VAT breakdown (BG-23).", "BG-23", "BG-23");
            }
        }),
        Fatal("BR-CO-19", "If Invoicing period (BG-14) is used, the Invoicing period start date (BT-73) or the Invoicing period end date (BT-74) shall be filled, or both.", c =>
        {
            // UBL carries the VAT point date code (BT-8) in the invoicing period: a period with only that code is not an empty period.
            if (c.Document.InvoicingPeriod is { StartDate: null, EndDate: null } && Missing(c.Document.VatPointDateCode))
            {
                c.Report("The invoicing period (BG-14) has neither a start date (BT-73) nor an end date (BT-74).", "BG-14", "BG-14");
            }
        }),
        PerLine("BR-CO-20", "If Invoice line period (BG-26) is used, the Invoice line period start date (BT-134) or the Invoice line period end date (BT-135) shall be filled, or both.", (c, line, i) =>
        {
            if (line.Period is { StartDate: null, EndDate: null })
            {
                c.Report($"The period (BG-26) of invoice line {i} has neither a start date (BT-134) nor an end date (BT-135).", "BG-26", $"BG-25[{i}]/BG-26");
            }
        }),
        PerAllowance("BR-CO-21", "Each Document level allowance (BG-20) shall contain a Document level allowance reason (BT-97) or a Document level allowance reason code (BT-98), or both.", (c, allowance, i) =>
        {
            if (Missing(allowance.Reason) && Missing(allowance.ReasonCode))
            {
                c.Report($"Document level allowance {i} (BG-20) has neither a reason (BT-97) nor a reason code (BT-98).", "BT-97", $"BG-20[{i}]/BT-97");
            }
        }),
        PerCharge("BR-CO-22", "Each Document level charge (BG-21) shall contain a Document level charge reason (BT-104) or a Document level charge reason code (BT-105), or both.", (c, charge, i) =>
        {
            if (Missing(charge.Reason) && Missing(charge.ReasonCode))
            {
                c.Report($"Document level charge {i} (BG-21) has neither a reason (BT-104) nor a reason code (BT-105).", "BT-104", $"BG-21[{i}]/BT-104");
            }
        }),
        PerLineAllowance("BR-CO-23", "Each Invoice line allowance (BG-27) shall contain an Invoice line allowance reason (BT-139) or an Invoice line allowance reason code (BT-140), or both.", (c, allowance, i, j) =>
        {
            if (Missing(allowance.Reason) && Missing(allowance.ReasonCode))
            {
                c.Report($"Allowance {j} (BG-27) of invoice line {i} has neither a reason (BT-139) nor a reason code (BT-140).", "BT-139", $"BG-25[{i}]/BG-27[{j}]/BT-139");
            }
        }),
        PerLineCharge("BR-CO-24", "Each Invoice line charge (BG-28) shall contain an Invoice line charge reason (BT-144) or an Invoice line charge reason code (BT-145), or both.", (c, charge, i, j) =>
        {
            if (Missing(charge.Reason) && Missing(charge.ReasonCode))
            {
                c.Report($"Charge {j} (BG-28) of invoice line {i} has neither a reason (BT-144) nor a reason code (BT-145).", "BT-144", $"BG-25[{i}]/BG-28[{j}]/BT-144");
            }
        }),
        Fatal("BR-CO-26", "In order for the buyer to automatically identify a supplier, the Seller identifier (BT-29), the Seller legal registration identifier (BT-30) and/or the Seller VAT identifier (BT-31) shall be present.", c =>
        {
            if (c.Document.Seller is not { } seller || !Missing(seller.VatIdentifier) || !Missing(seller.TaxRegistrationIdentifier) || !Missing(seller.LegalRegistrationIdentifier?.Value))
            {
                return;
            }

            foreach (var identifier in seller.Identifiers)
            {
                if (!Missing(identifier.Value))
                {
                    return;
                }
            }

            c.Report("The seller (BG-4) has no seller identifier (BT-29), legal registration identifier (BT-30) or VAT identifier (BT-31).", "BG-4", "BG-4");
        }),
    ];

    private static void CheckVatPrefix(ValidationContext c, string? vatIdentifier, string name, string term, string path)
    {
        if (!Missing(vatIdentifier) && !HasVatCountryPrefix(vatIdentifier!))
        {
            c.Report($"The {name} ({term}) '{vatIdentifier}' does not start with an ISO 3166-1 alpha-2 country code (or EL for Greece).", term, path);
        }
    }

    /// <summary>Computes a sum; on a decimal overflow reports that the amounts cannot be summed instead of throwing.</summary>
    private static bool TryCompute<T>(ValidationContext c, string path, Func<EInvoice, T> compute, out T result)
    {
        try
        {
            result = compute(c.Document);
            return true;
        }
        catch (OverflowException)
        {
            result = default!;
            var term = path[(path.LastIndexOf('/') + 1)..];
            c.Report($"The amounts that {term} is computed from are too large to add up.", term, path);
            return false;
        }
    }
}
