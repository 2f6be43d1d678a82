using Invoicing.Core.EInvoicing;
using static Invoicing.Core.Validation.CoreChecks;

namespace Invoicing.Core.Validation;

internal static partial class En16931Rules
{
    /// <summary>
    /// BR-01 ... BR-65: mandatory terms and conditions. The numbering has gaps: BR-34, BR-35, BR-39,
    /// BR-40, BR-58, BR-59 and BR-60 are not in the current artefacts. Every rule is fatal except BR-51
    /// (a warning). A group's rule applies only when the group is present, as the artefacts' rule
    /// contexts do; the document's mandatory terms (BR-01 ... BR-16) fire whenever they are absent.
    /// </summary>
    public static IEnumerable<IValidationRule> Core() =>
    [
        Fatal("BR-01", "An Invoice shall have a Specification identifier (BT-24).", c =>
        {
            if (Missing(c.Document.ProcessControl?.SpecificationIdentifier))
            {
                c.Report("The specification identifier (BT-24) is absent.", "BT-24", "BG-2/BT-24");
            }
        }),
        Fatal("BR-02", "An Invoice shall have an Invoice number (BT-1).", c =>
        {
            if (Missing(c.Document.Number))
            {
                c.Report("The invoice number (BT-1) is absent.", "BT-1", "BT-1");
            }
        }),
        Fatal("BR-03", "An Invoice shall have an Invoice issue date (BT-2).", c =>
        {
            if (c.Document.IssueDate is null)
            {
                c.Report("The invoice issue date (BT-2) is absent.", "BT-2", "BT-2");
            }
        }),
        Fatal("BR-04", "An Invoice shall have an Invoice type code (BT-3).", c =>
        {
            if (Missing(c.Document.TypeCode))
            {
                c.Report("The invoice type code (BT-3) is absent.", "BT-3", "BT-3");
            }
        }),
        Fatal("BR-05", "An Invoice shall have an Invoice currency code (BT-5).", c =>
        {
            if (Missing(c.Document.CurrencyCode))
            {
                c.Report("The invoice currency code (BT-5) is absent.", "BT-5", "BT-5");
            }
        }),
        Fatal("BR-06", "An Invoice shall contain the Seller name (BT-27).", c =>
        {
            if (Missing(c.Document.Seller?.Name))
            {
                c.Report("The seller name (BT-27) is absent.", "BT-27", "BG-4/BT-27");
            }
        }),
        Fatal("BR-07", "An Invoice shall contain the Buyer name (BT-44).", c =>
        {
            if (Missing(c.Document.Buyer?.Name))
            {
                c.Report("The buyer name (BT-44) is absent.", "BT-44", "BG-7/BT-44");
            }
        }),
        Fatal("BR-08", "An Invoice shall contain the Seller postal address (BG-5).", c =>
        {
            if (c.Document.Seller?.Address is null)
            {
                c.Report("The seller postal address (BG-5) is absent.", "BG-5", "BG-4/BG-5");
            }
        }),
        Fatal("BR-09", "The Seller postal address (BG-5) shall contain a Seller country code (BT-40).", c =>
        {
            if (c.Document.Seller?.Address is { } address && Missing(address.CountryCode))
            {
                c.Report("The seller postal address (BG-5) has no country code (BT-40).", "BT-40", "BG-4/BG-5/BT-40");
            }
        }),
        Fatal("BR-10", "An Invoice shall contain the Buyer postal address (BG-8).", c =>
        {
            if (c.Document.Buyer?.Address is null)
            {
                c.Report("The buyer postal address (BG-8) is absent.", "BG-8", "BG-7/BG-8");
            }
        }),
        Fatal("BR-11", "The Buyer postal address shall contain a Buyer country code (BT-55).", c =>
        {
            if (c.Document.Buyer?.Address is { } address && Missing(address.CountryCode))
            {
                c.Report("The buyer postal address (BG-8) has no country code (BT-55).", "BT-55", "BG-7/BG-8/BT-55");
            }
        }),
        Fatal("BR-12", "An Invoice shall have the Sum of Invoice line net amount (BT-106).", c =>
        {
            if (c.Document.Totals?.SumOfLineNetAmounts is null)
            {
                c.Report("The sum of invoice line net amounts (BT-106) is absent.", "BT-106", "BG-22/BT-106");
            }
        }),
        Fatal("BR-13", "An Invoice shall have the Invoice total amount without VAT (BT-109).", c =>
        {
            if (c.Document.Totals?.TotalWithoutVat is null)
            {
                c.Report("The invoice total amount without VAT (BT-109) is absent.", "BT-109", "BG-22/BT-109");
            }
        }),
        Fatal("BR-14", "An Invoice shall have the Invoice total amount with VAT (BT-112).", c =>
        {
            if (c.Document.Totals?.TotalWithVat is null)
            {
                c.Report("The invoice total amount with VAT (BT-112) is absent.", "BT-112", "BG-22/BT-112");
            }
        }),
        Fatal("BR-15", "An Invoice shall have the Amount due for payment (BT-115).", c =>
        {
            if (c.Document.Totals?.AmountDueForPayment is null)
            {
                c.Report("The amount due for payment (BT-115) is absent.", "BT-115", "BG-22/BT-115");
            }
        }),
        Fatal("BR-16", "An Invoice shall have at least one Invoice line (BG-25).", c =>
        {
            if (c.Document.Lines.Count == 0)
            {
                c.Report("The invoice has no invoice line (BG-25).", "BG-25", "BG-25");
            }
        }),
        Fatal("BR-17", "The Payee name (BT-59) shall be provided in the Invoice, if the Payee (BG-10) is different from the Seller (BG-4).", c =>
        {
            if (c.Document.Payee is { } payee && Missing(payee.Name))
            {
                c.Report("The payee (BG-10) has no payee name (BT-59).", "BT-59", "BG-10/BT-59");
            }
        }),
        Fatal("BR-18", "The Seller tax representative name (BT-62) shall be provided in the Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11).", c =>
        {
            if (c.Document.SellerTaxRepresentative is { } representative && Missing(representative.Name))
            {
                c.Report("The seller tax representative party (BG-11) has no name (BT-62).", "BT-62", "BG-11/BT-62");
            }
        }),
        Fatal("BR-19", "The Seller tax representative postal address (BG-12) shall be provided in the Invoice, if the Seller (BG-4) has a Seller tax representative party (BG-11).", c =>
        {
            if (c.Document.SellerTaxRepresentative is { Address: null })
            {
                c.Report("The seller tax representative party (BG-11) has no postal address (BG-12).", "BG-12", "BG-11/BG-12");
            }
        }),
        Fatal("BR-20", "The Seller tax representative postal address (BG-12) shall contain a Tax representative country code (BT-69), if the Seller (BG-4) has a Seller tax representative party (BG-11).", c =>
        {
            if (c.Document.SellerTaxRepresentative?.Address is { } address && Missing(address.CountryCode))
            {
                c.Report("The seller tax representative postal address (BG-12) has no country code (BT-69).", "BT-69", "BG-11/BG-12/BT-69");
            }
        }),
        PerLine("BR-21", "Each Invoice line (BG-25) shall have an Invoice line identifier (BT-126).", (c, line, i) =>
        {
            if (Missing(line.Identifier))
            {
                c.Report($"Invoice line {i} (BG-25) has no invoice line identifier (BT-126).", "BT-126", $"BG-25[{i}]/BT-126");
            }
        }),
        PerLine("BR-22", "Each Invoice line (BG-25) shall have an Invoiced quantity (BT-129).", (c, line, i) =>
        {
            if (line.Quantity is null)
            {
                c.Report($"Invoice line {i} (BG-25) has no invoiced quantity (BT-129).", "BT-129", $"BG-25[{i}]/BT-129");
            }
        }),
        PerLine("BR-23", "An Invoice line (BG-25) shall have an Invoiced quantity unit of measure code (BT-130).", (c, line, i) =>
        {
            if (Missing(line.UnitCode))
            {
                c.Report($"Invoice line {i} (BG-25) has no invoiced quantity unit of measure code (BT-130).", "BT-130", $"BG-25[{i}]/BT-130");
            }
        }),
        PerLine("BR-24", "Each Invoice line (BG-25) shall have an Invoice line net amount (BT-131).", (c, line, i) =>
        {
            if (line.NetAmount is null)
            {
                c.Report($"Invoice line {i} (BG-25) has no invoice line net amount (BT-131).", "BT-131", $"BG-25[{i}]/BT-131");
            }
        }),
        PerLine("BR-25", "Each Invoice line (BG-25) shall contain the Item name (BT-153).", (c, line, i) =>
        {
            if (Missing(line.Item?.Name))
            {
                c.Report($"Invoice line {i} (BG-25) has no item name (BT-153).", "BT-153", $"BG-25[{i}]/BG-31/BT-153");
            }
        }),
        PerLine("BR-26", "Each Invoice line (BG-25) shall contain the Item net price (BT-146).", (c, line, i) =>
        {
            if (line.Price?.NetPrice is null)
            {
                c.Report($"Invoice line {i} (BG-25) has no item net price (BT-146).", "BT-146", $"BG-25[{i}]/BG-29/BT-146");
            }
        }),
        PerLine("BR-27", "The Item net price (BT-146) shall NOT be negative.", (c, line, i) =>
        {
            if (line.Price?.NetPrice is < 0m)
            {
                c.Report($"The item net price (BT-146) of invoice line {i} is {Show(line.Price.NetPrice)}; it shall not be negative.", "BT-146", $"BG-25[{i}]/BG-29/BT-146");
            }
        }),
        PerLine("BR-28", "The Item gross price (BT-148) shall NOT be negative.", (c, line, i) =>
        {
            if (line.Price?.GrossPrice is < 0m)
            {
                c.Report($"The item gross price (BT-148) of invoice line {i} is {Show(line.Price.GrossPrice)}; it shall not be negative.", "BT-148", $"BG-25[{i}]/BG-29/BT-148");
            }
        }),
        Fatal("BR-29", "If both Invoicing period start date (BT-73) and Invoicing period end date (BT-74) are given then the Invoicing period end date (BT-74) shall be later or equal to the Invoicing period start date (BT-73).", c =>
        {
            if (c.Document.InvoicingPeriod is { StartDate: { } start, EndDate: { } end } && end < start)
            {
                c.Report($"The invoicing period ends (BT-74) on {end:uuuu-MM-dd}, before it starts (BT-73) on {start:uuuu-MM-dd}.", "BT-74", "BG-14/BT-74");
            }
        }),
        PerLine("BR-30", "If both Invoice line period start date (BT-134) and Invoice line period end date (BT-135) are given then the Invoice line period end date (BT-135) shall be later or equal to the Invoice line period start date (BT-134).", (c, line, i) =>
        {
            if (line.Period is { StartDate: { } start, EndDate: { } end } && end < start)
            {
                c.Report($"The period of invoice line {i} ends (BT-135) on {end:uuuu-MM-dd}, before it starts (BT-134) on {start:uuuu-MM-dd}.", "BT-135", $"BG-25[{i}]/BG-26/BT-135");
            }
        }),
        PerAllowance("BR-31", "Each Document level allowance (BG-20) shall have a Document level allowance amount (BT-92).", (c, allowance, i) =>
        {
            if (allowance.Amount is null)
            {
                c.Report($"Document level allowance {i} (BG-20) has no amount (BT-92).", "BT-92", $"BG-20[{i}]/BT-92");
            }
        }),
        PerAllowance("BR-32", "Each Document level allowance (BG-20) shall have a Document level allowance VAT category code (BT-95).", (c, allowance, i) =>
        {
            if (Missing(allowance.VatCategoryCode))
            {
                c.Report($"Document level allowance {i} (BG-20) has no VAT category code (BT-95).", "BT-95", $"BG-20[{i}]/BT-95");
            }
        }),
        PerAllowance("BR-33", "Each Document level allowance (BG-20) shall have a Document level allowance reason (BT-97) or a Document level allowance reason code (BT-98).", (c, allowance, i) =>
        {
            if (Missing(allowance.Reason) && Missing(allowance.ReasonCode))
            {
                c.Report($"Document level allowance {i} (BG-20) has neither a reason (BT-97) nor a reason code (BT-98).", "BT-97", $"BG-20[{i}]/BT-97");
            }
        }),
        PerCharge("BR-36", "Each Document level charge (BG-21) shall have a Document level charge amount (BT-99).", (c, charge, i) =>
        {
            if (charge.Amount is null)
            {
                c.Report($"Document level charge {i} (BG-21) has no amount (BT-99).", "BT-99", $"BG-21[{i}]/BT-99");
            }
        }),
        PerCharge("BR-37", "Each Document level charge (BG-21) shall have a Document level charge VAT category code (BT-102).", (c, charge, i) =>
        {
            if (Missing(charge.VatCategoryCode))
            {
                c.Report($"Document level charge {i} (BG-21) has no VAT category code (BT-102).", "BT-102", $"BG-21[{i}]/BT-102");
            }
        }),
        PerCharge("BR-38", "Each Document level charge (BG-21) shall have a Document level charge reason (BT-104) or a Document level charge reason code (BT-105).", (c, charge, i) =>
        {
            if (Missing(charge.Reason) && Missing(charge.ReasonCode))
            {
                c.Report($"Document level charge {i} (BG-21) has neither a reason (BT-104) nor a reason code (BT-105).", "BT-104", $"BG-21[{i}]/BT-104");
            }
        }),
        PerLineAllowance("BR-41", "Each Invoice line allowance (BG-27) shall have an Invoice line allowance amount (BT-136).", (c, allowance, i, j) =>
        {
            if (allowance.Amount is null)
            {
                c.Report($"Allowance {j} (BG-27) of invoice line {i} has no amount (BT-136).", "BT-136", $"BG-25[{i}]/BG-27[{j}]/BT-136");
            }
        }),
        PerLineAllowance("BR-42", "Each Invoice line allowance (BG-27) shall have an Invoice line allowance reason (BT-139) or an Invoice line allowance reason code (BT-140).", (c, allowance, i, j) =>
        {
            if (Missing(allowance.Reason) && Missing(allowance.ReasonCode))
            {
                c.Report($"Allowance {j} (BG-27) of invoice line {i} has neither a reason (BT-139) nor a reason code (BT-140).", "BT-139", $"BG-25[{i}]/BG-27[{j}]/BT-139");
            }
        }),
        PerLineCharge("BR-43", "Each Invoice line charge (BG-28) shall have an Invoice line charge amount (BT-141).", (c, charge, i, j) =>
        {
            if (charge.Amount is null)
            {
                c.Report($"Charge {j} (BG-28) of invoice line {i} has no amount (BT-141).", "BT-141", $"BG-25[{i}]/BG-28[{j}]/BT-141");
            }
        }),
        PerLineCharge("BR-44", "Each Invoice line charge (BG-28) shall have an Invoice line charge reason (BT-144) or an Invoice line charge reason code (BT-145).", (c, charge, i, j) =>
        {
            if (Missing(charge.Reason) && Missing(charge.ReasonCode))
            {
                c.Report($"Charge {j} (BG-28) of invoice line {i} has neither a reason (BT-144) nor a reason code (BT-145).", "BT-144", $"BG-25[{i}]/BG-28[{j}]/BT-144");
            }
        }),
        PerBreakdown("BR-45", "Each VAT breakdown (BG-23) shall have a VAT category taxable amount (BT-116).", (c, vat, i) =>
        {
            if (vat.TaxableAmount is null)
            {
                c.Report($"VAT breakdown {i} (BG-23) has no VAT category taxable amount (BT-116).", "BT-116", $"BG-23[{i}]/BT-116");
            }
        }),
        PerBreakdown("BR-46", "Each VAT breakdown (BG-23) shall have a VAT category tax amount (BT-117).", (c, vat, i) =>
        {
            if (vat.TaxAmount is null)
            {
                c.Report($"VAT breakdown {i} (BG-23) has no VAT category tax amount (BT-117).", "BT-117", $"BG-23[{i}]/BT-117");
            }
        }),
        PerBreakdown("BR-47", "Each VAT breakdown (BG-23) shall be defined through a VAT category code (BT-118).", (c, vat, i) =>
        {
            if (Missing(vat.CategoryCode))
            {
                c.Report($"VAT breakdown {i} (BG-23) has no VAT category code (BT-118).", "BT-118", $"BG-23[{i}]/BT-118");
            }
        }),
        PerBreakdown("BR-48", "Each VAT breakdown (BG-23) shall have a VAT category rate (BT-119), except if the Invoice is not subject to VAT.", (c, vat, i) =>
        {
            if (vat.Rate is null && vat.CategoryCode?.Trim() != "O")
            {
                c.Report($"VAT breakdown {i} (BG-23) of category {Show(vat.CategoryCode)} has no VAT category rate (BT-119); only category 'O' (not subject to VAT) may omit it.", "BT-119", $"BG-23[{i}]/BT-119");
            }
        }),
        Fatal("BR-49", "A Payment instruction (BG-16) shall specify the Payment means type code (BT-81).", c =>
        {
            if (c.Document.PaymentInstructions is { } payment && Missing(payment.PaymentMeansTypeCode))
            {
                c.Report("The payment instructions (BG-16) have no payment means type code (BT-81).", "BT-81", "BG-16/BT-81");
            }
        }),
        Fatal("BR-50", "A Payment account identifier (BT-84) shall be present if Credit transfer (BG-17) information is provided in the Invoice.", c =>
        {
            if (c.Document.PaymentInstructions is not { } payment)
            {
                return;
            }

            for (var i = 0; i < payment.CreditTransfers.Count; i++)
            {
                if (Missing(payment.CreditTransfers[i].PaymentAccountIdentifier))
                {
                    c.Report($"Credit transfer {i + 1} (BG-17) has no payment account identifier (BT-84).", "BT-84", $"BG-16/BG-17[{i + 1}]/BT-84");
                }
            }
        }),
        new ValidationRule("BR-51", FindingSeverity.Warning, "In accordance with card payments security standards an invoice should never include a full card primary account number (BT-87). At the moment PCI Security Standards Council has defined that the first 6 digits and last 4 digits are the maximum number of digits to be shown.", c =>
        {
            if (c.Document.PaymentInstructions?.PaymentCard?.PrimaryAccountNumber is { } number)
            {
                var digits = 0;
                foreach (var ch in number)
                {
                    if (char.IsAsciiDigit(ch))
                    {
                        digits++;
                    }
                }

                if (digits > 10)
                {
                    c.Report($"The payment card primary account number (BT-87) shows {digits} digits; at most 10 (the first 6 and the last 4) may be shown.", "BT-87", "BG-16/BG-18/BT-87");
                }
            }
        }),
        Fatal("BR-52", "Each Additional supporting document (BG-24) shall contain a Supporting document reference (BT-122).", c =>
        {
            var documents = c.Document.SupportingDocuments;
            for (var i = 0; i < documents.Count; i++)
            {
                if (Missing(documents[i].Reference))
                {
                    c.Report($"Additional supporting document {i + 1} (BG-24) has no supporting document reference (BT-122).", "BT-122", $"BG-24[{i + 1}]/BT-122");
                }
            }
        }),
        Fatal("BR-53", "If the VAT accounting currency code (BT-6) is present, then the Invoice total VAT amount in accounting currency (BT-111) shall be provided.", c =>
        {
            var currency = c.Document.VatAccountingCurrencyCode;
            var totals = c.Document.Totals;
            var sameAsInvoice = currency?.Trim() == c.Document.CurrencyCode?.Trim();
            if (!Missing(currency) && totals?.TotalVatInAccountingCurrency is null && !(sameAsInvoice && totals?.TotalVat is not null))
            {
                // When BT-6 is BT-5, the total VAT in the invoice currency (BT-110) is also the one in the accounting currency.

                c.Report($"The VAT accounting currency code (BT-6) is {Show(c.Document.VatAccountingCurrencyCode)}, but the invoice total VAT amount in accounting currency (BT-111) is absent.", "BT-111", "BG-22/BT-111");
            }
        }),
        PerLine("BR-54", "Each Item attribute (BG-32) shall contain an Item attribute name (BT-160) and an Item attribute value (BT-161).", (c, line, i) =>
        {
            if (line.Item is not { } item)
            {
                return;
            }

            for (var j = 0; j < item.Attributes.Count; j++)
            {
                var attribute = item.Attributes[j];
                if (Missing(attribute.Name) || Missing(attribute.Value))
                {
                    var term = Missing(attribute.Name) ? "BT-160" : "BT-161";
                    c.Report($"Item attribute {j + 1} (BG-32) of invoice line {i} has name (BT-160) {Show(attribute.Name)} and value (BT-161) {Show(attribute.Value)}; both are required.", term, $"BG-25[{i}]/BG-31/BG-32[{j + 1}]/{term}");
                }
            }
        }),
        Fatal("BR-55", "Each Preceding Invoice reference (BG-3) shall contain a Preceding Invoice reference (BT-25).", c =>
        {
            var references = c.Document.PrecedingInvoiceReferences;
            for (var i = 0; i < references.Count; i++)
            {
                if (Missing(references[i].Reference))
                {
                    c.Report($"Preceding invoice reference {i + 1} (BG-3) has no preceding invoice reference (BT-25).", "BT-25", $"BG-3[{i + 1}]/BT-25");
                }
            }
        }),
        Fatal("BR-56", "Each Seller tax representative party (BG-11) shall have a Seller tax representative VAT identifier (BT-63).", c =>
        {
            if (c.Document.SellerTaxRepresentative is { } representative && Missing(representative.VatIdentifier))
            {
                c.Report("The seller tax representative party (BG-11) has no VAT identifier (BT-63).", "BT-63", "BG-11/BT-63");
            }
        }),
        Fatal("BR-57", "Each Deliver to address (BG-15) shall contain a Deliver to country code (BT-80).", c =>
        {
            if (c.Document.Delivery?.Address is { } address && Missing(address.CountryCode))
            {
                c.Report("The deliver to address (BG-15) has no country code (BT-80).", "BT-80", "BG-13/BG-15/BT-80");
            }
        }),
        Fatal("BR-61", "If the Payment means type code (BT-81) means SEPA credit transfer, Local credit transfer or Non-SEPA international credit transfer, the Payment account identifier (BT-84) shall be present.", c =>
        {
            if (c.Document.PaymentInstructions is not { } payment || payment.PaymentMeansTypeCode?.Trim() is not ("30" or "58") || HasAccount(payment))
            {
                return;
            }

            c.Report($"The payment means type code (BT-81) is '{payment.PaymentMeansTypeCode!.Trim()}' (a credit transfer), but no payment account identifier (BT-84) is given.", "BT-84", "BG-16/BG-17/BT-84");
        }),
        Fatal("BR-62", "The Seller electronic address (BT-34) shall have a Scheme identifier.", c =>
        {
            if (c.Document.Seller?.ElectronicAddress is { } address && Missing(address.SchemeId))
            {
                c.Report($"The seller electronic address (BT-34) {Show(address.Value)} has no scheme identifier (BT-34-1).", "BT-34-1", "BG-4/BT-34-1");
            }
        }),
        Fatal("BR-63", "The Buyer electronic address (BT-49) shall have a Scheme identifier.", c =>
        {
            if (c.Document.Buyer?.ElectronicAddress is { } address && Missing(address.SchemeId))
            {
                c.Report($"The buyer electronic address (BT-49) {Show(address.Value)} has no scheme identifier (BT-49-1).", "BT-49-1", "BG-7/BT-49-1");
            }
        }),
        PerLine("BR-64", "The Item standard identifier (BT-157) shall have a Scheme identifier.", (c, line, i) =>
        {
            if (line.Item?.StandardIdentifier is { } identifier && Missing(identifier.SchemeId))
            {
                c.Report($"The item standard identifier (BT-157) {Show(identifier.Value)} of invoice line {i} has no scheme identifier (BT-157-1).", "BT-157-1", $"BG-25[{i}]/BG-31/BT-157-1");
            }
        }),
        PerLine("BR-65", "The Item classification identifier (BT-158) shall have a Scheme identifier.", (c, line, i) =>
        {
            if (line.Item is not { } item)
            {
                return;
            }

            for (var j = 0; j < item.ClassificationIdentifiers.Count; j++)
            {
                var identifier = item.ClassificationIdentifiers[j];
                if (Missing(identifier.SchemeId))
                {
                    c.Report($"Item classification identifier {j + 1} (BT-158) {Show(identifier.Value)} of invoice line {i} has no scheme identifier (BT-158-1).", "BT-158-1", $"BG-25[{i}]/BG-31/BT-158-1[{j + 1}]");
                }
            }
        }),
    ];

    private static bool HasAccount(PaymentInstructions payment)
    {
        foreach (var transfer in payment.CreditTransfers)
        {
            if (!Missing(transfer.PaymentAccountIdentifier))
            {
                return true;
            }
        }

        return false;
    }

    private static ValidationRule Fatal(string id, string description, Action<ValidationContext> check)
        => new(id, FindingSeverity.Fatal, description, check);

    /// <summary>A fatal rule checked on each line, with the line's 1-based index.</summary>
    private static ValidationRule PerLine(string id, string description, Action<ValidationContext, EInvoiceLine, int> check)
        => Fatal(id, description, c =>
        {
            var lines = c.Document.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                check(c, lines[i], i + 1);
            }
        });

    /// <summary>A fatal rule checked on each document level allowance (BG-20), with its 1-based index.</summary>
    private static ValidationRule PerAllowance(string id, string description, Action<ValidationContext, DocumentLevelAllowanceCharge, int> check)
        => Fatal(id, description, c =>
        {
            var allowances = c.Document.Allowances;
            for (var i = 0; i < allowances.Count; i++)
            {
                check(c, allowances[i], i + 1);
            }
        });

    /// <summary>A fatal rule checked on each document level charge (BG-21), with its 1-based index.</summary>
    private static ValidationRule PerCharge(string id, string description, Action<ValidationContext, DocumentLevelAllowanceCharge, int> check)
        => Fatal(id, description, c =>
        {
            var charges = c.Document.Charges;
            for (var i = 0; i < charges.Count; i++)
            {
                check(c, charges[i], i + 1);
            }
        });

    /// <summary>A fatal rule checked on each line allowance (BG-27), with the line's and the allowance's 1-based indexes.</summary>
    private static ValidationRule PerLineAllowance(string id, string description, Action<ValidationContext, LineAllowanceCharge, int, int> check)
        => Fatal(id, description, c =>
        {
            var lines = c.Document.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                var allowances = lines[i].Allowances;
                for (var j = 0; j < allowances.Count; j++)
                {
                    check(c, allowances[j], i + 1, j + 1);
                }
            }
        });

    /// <summary>A fatal rule checked on each line charge (BG-28), with the line's and the charge's 1-based indexes.</summary>
    private static ValidationRule PerLineCharge(string id, string description, Action<ValidationContext, LineAllowanceCharge, int, int> check)
        => Fatal(id, description, c =>
        {
            var lines = c.Document.Lines;
            for (var i = 0; i < lines.Count; i++)
            {
                var charges = lines[i].Charges;
                for (var j = 0; j < charges.Count; j++)
                {
                    check(c, charges[j], i + 1, j + 1);
                }
            }
        });

    /// <summary>A fatal rule checked on each VAT breakdown (BG-23), with its 1-based index.</summary>
    private static ValidationRule PerBreakdown(string id, string description, Action<ValidationContext, VatBreakdown, int> check)
        => Fatal(id, description, c =>
        {
            var breakdown = c.Document.VatBreakdown;
            for (var i = 0; i < breakdown.Count; i++)
            {
                check(c, breakdown[i], i + 1);
            }
        });
}
