using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.EInvoicing.Mapping;

/// <summary>
/// Maps the Documents area (issued invoices, debit notes and credit notes) to the EN 16931 semantic
/// model (<see cref="EInvoice"/>), and an <see cref="EInvoice"/> back to a draft invoice (see
/// <see cref="FromEInvoice"/>).
/// </summary>
/// <remarks>
/// <para>
/// Amounts are mapped as the document holds them, never rounded: a BHD invoice keeps its three
/// decimals, and the EN 16931 decimal rules (BR-DEC) report them. The totals (BG-22) and the VAT
/// breakdown (BG-23) are the document's own totals, term for term.
/// </para>
/// <para>
/// Tax-inclusive (gross-priced) invoices: EN 16931 is net-based. Each line's net amount (BT-131) is
/// the net the invoice computed for it (its share of the category's taxable amount), so BT-106 and
/// BG-23 are the invoice's own. Line allowances and charges are shown net of VAT (amount × 100 ÷
/// (100 + rate), rounded by the invoice's rounding rule, without percentage or base), and the net
/// price absorbs the rest, so that quantity × price ÷ base quantity − allowances + charges = BT-131.
/// </para>
/// <para>
/// Net price (BT-146) when the document has no net unit price (gross-priced lines, credit note lines):
/// the line's net amount before line allowances and charges divided by its quantity, when that
/// division is exact; otherwise the whole amount as the price of the whole quantity (base quantity
/// BT-149 = the quantity), which states the same amount without inventing a rounded unit price.
/// </para>
/// <para>The mapper is immutable and safe to use from many threads.</para>
/// </remarks>
public sealed partial class EInvoiceMapper
{
    /// <summary>The EN 16931 core specification identifier, the default of <see cref="SpecificationIdentifier"/>.</summary>
    public const string En16931SpecificationIdentifier = "urn:cen.eu:en16931:2017";

    /// <summary>The scheme of global trade item numbers (ISO 6523 ICD 0160), used for BT-157.</summary>
    public const string GtinScheme = "0160";

    private readonly string _specification = En16931SpecificationIdentifier;
    private readonly string? _process;

    /// <summary>A mapper with the defaults: specification identifier <see cref="En16931SpecificationIdentifier"/>, no business process.</summary>
    public static EInvoiceMapper Default { get; } = new();

    /// <summary>
    /// The specification identifier (BT-24) written on every mapped document; <see cref="En16931SpecificationIdentifier"/>
    /// by default, or a CIUS (for example Peppol BIS Billing 3.0's <c>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty or white space.</exception>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string SpecificationIdentifier
    {
        get => _specification;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(SpecificationIdentifier));
            _specification = value.Trim();
        }
    }

    /// <summary>The business process type (BT-23) written on every mapped document, or null (the default) for none.</summary>
    /// <exception cref="ArgumentException">The value is empty or white space (use null for none).</exception>
    public string? BusinessProcessType
    {
        get => _process;
        init => _process = value is null || !string.IsNullOrWhiteSpace(value)
            ? value?.Trim()
            : throw new ArgumentException("A business process type (BT-23) is null or has text; got white space.", nameof(BusinessProcessType));
    }

    /// <summary>
    /// Maps an issued invoice or debit note to the EN 16931 model: type code (BT-3) 380 or 383, the
    /// invoice it corrects for a debit note (BG-3), parties, references, lines, allowances and charges,
    /// the VAT breakdown (BG-23) and the totals (BG-22) exactly as the invoice holds them.
    /// </summary>
    /// <param name="invoice">The invoice; issued (it has a number and an issue date).</param>
    /// <returns>The model of the invoice.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invoice"/> is null.</exception>
    /// <exception cref="InvoiceStateException"><paramref name="invoice"/> is a draft (or was discarded): it has no number (BT-1) or issue date (BT-2) yet.</exception>
    public EInvoice ToEInvoice(Invoice invoice)
    {
        Preconditions.CheckNotNull(invoice);
        if (invoice.Number is not InvoiceNumber number || invoice.IssueDate is not LocalDate issueDate)
        {
            throw new InvoiceStateException(invoice.Id, invoice.Status, nameof(ToEInvoice),
                $"Invoice {invoice} has no number (BT-1) or issue date (BT-2) yet; only an issued invoice maps to an e-invoice.");
        }

        var header = invoice.Header;
        var totals = invoice.Totals;
        var gross = header.Pricing == PricingMode.Gross;
        var lines = new EInvoiceLine[invoice.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = MapLine(invoice.Lines[i], totals.Lines[i], header, gross);
        }

        var allowances = new List<DocumentLevelAllowanceCharge>();
        var charges = new List<DocumentLevelAllowanceCharge>();
        foreach (var ac in invoice.AllowanceCharges)
        {
            (ac.Terms.IsCharge ? charges : allowances).Add(MapDocumentAllowanceCharge(invoice, ac, gross));
        }

        return new EInvoice
        {
            Number = number.Value,
            IssueDate = issueDate,
            TypeCode = invoice.TypeCode.ToString(CultureInfo.InvariantCulture),
            CurrencyCode = invoice.Currency.Code,
            PaymentDueDate = invoice.DueDate,
            BuyerReference = header.BuyerReference,
            ContractReference = header.ContractReference,
            PurchaseOrderReference = header.OrderReference,
            PaymentTerms = PaymentTermsText(invoice),
            Notes = header.Note is { } note ? [new InvoiceNote { Text = note }] : [],
            ProcessControl = ProcessControl(),
            PrecedingInvoiceReferences = invoice.Preceding is { } preceding ? [Reference(preceding)] : [],
            Seller = MapSeller(header.Seller),
            Buyer = header.Buyer is { } buyer ? MapBuyer(buyer) : null,
            Delivery = header.DeliveryDate is { } delivered ? new DeliveryInformation { ActualDeliveryDate = delivered } : null,
            InvoicingPeriod = Period(header.Period),
            Allowances = allowances,
            Charges = charges,
            Totals = new DocumentTotals
            {
                SumOfLineNetAmounts = totals.LineNetTotal.Amount,
                SumOfAllowances = allowances.Count > 0 ? totals.AllowanceTotal.Amount : null,
                SumOfCharges = charges.Count > 0 ? totals.ChargeTotal.Amount : null,
                TotalWithoutVat = totals.TaxExclusiveTotal.Amount,
                TotalVat = totals.TaxTotal.Amount,
                TotalWithVat = totals.TaxInclusiveTotal.Amount,
                PaidAmount = totals.PrepaidAmount.IsZero ? null : totals.PrepaidAmount.Amount,
                RoundingAmount = totals.RoundingAmount.IsZero ? null : totals.RoundingAmount.Amount,
                AmountDueForPayment = totals.AmountDue.Amount,
            },
            VatBreakdown = [.. totals.TaxBreakdown.Subtotals.Select(Breakdown)],
            Lines = lines,
        };
    }

    /// <summary>
    /// Maps an issued credit note to the EN 16931 model: type code (BT-3) 381, the credited invoice
    /// as the preceding invoice reference (BG-3), the reason as a note (BT-22), the parties and
    /// references of the credited invoice, one line per credit note line, the VAT breakdown (BG-23)
    /// and the totals (BG-22) exactly as the note holds them.
    /// </summary>
    /// <remarks>
    /// A credit note line maps with its net amount (BT-131) and its quantity in the credited line's
    /// unit; a line credited by amount only (no quantity) maps as quantity 1 of unit C62 ("one") at
    /// its net amount. The net price follows the rule of the type's remarks (exact unit price, else the
    /// whole amount for the whole quantity).
    /// </remarks>
    /// <param name="note">The credit note.</param>
    /// <param name="original">The invoice it credits (its parties, references and line details are the note's).</param>
    /// <returns>The model of the credit note.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="original"/> is not the invoice the note credits.</exception>
    public EInvoice ToEInvoice(CreditNote note, Invoice original)
    {
        Preconditions.CheckNotNull(note);
        Preconditions.CheckNotNull(original);
        if (original.Id != note.Original.Id)
        {
            throw new ArgumentException($"Credit note {note.Number} credits invoice {note.Original} (id {note.Original.Id}), not {original} (id {original.Id}).", nameof(original));
        }

        var header = original.Header;
        var originalLines = new Dictionary<InvoiceLineId, InvoiceLine>(original.Lines.Count);
        foreach (var originalLine in original.Lines)
        {
            originalLines.TryAdd(originalLine.Id, originalLine);
        }

        var lines = new EInvoiceLine[note.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var line = note.Lines[i];
            var source = originalLines.GetValueOrDefault(line.OriginalLineId);
            var unit = line.Quantity is null ? UnitCode.One.Code : (source?.Quantity.Unit ?? UnitCode.One).Code;
            var (quantity, price) = Priced(line.Quantity ?? 1m, line.NetAmount.Amount, unit);
            lines[i] = new EInvoiceLine
            {
                Identifier = line.Id.Value,
                Note = source?.Note,
                Quantity = quantity,
                UnitCode = unit,
                NetAmount = line.NetAmount.Amount,
                PurchaseOrderLineReference = source?.OrderLineReference,
                Period = Period(source?.Period),
                Price = price,
                Vat = LineVat(line.Tax),
                Item = Item(source?.Item ?? new Documents.Item(line.Description)) with { Name = line.Description },
            };
        }

        return new EInvoice
        {
            Number = note.Number.Value,
            IssueDate = note.IssueDate,
            TypeCode = "381",
            CurrencyCode = note.Currency.Code,
            BuyerReference = header.BuyerReference,
            ContractReference = header.ContractReference,
            PurchaseOrderReference = header.OrderReference,
            Notes = [new InvoiceNote { Text = note.Reason }],
            ProcessControl = ProcessControl(),
            PrecedingInvoiceReferences = [Reference(note.Original)],
            Seller = MapSeller(header.Seller),
            Buyer = header.Buyer is { } buyer ? MapBuyer(buyer) : null,
            Totals = new DocumentTotals
            {
                SumOfLineNetAmounts = note.NetTotal.Amount,
                TotalWithoutVat = note.NetTotal.Amount,
                TotalVat = note.TaxTotal.Amount,
                TotalWithVat = note.Total.Amount,
                RoundingAmount = note.RoundingAmount.IsZero ? null : note.RoundingAmount.Amount,
                AmountDueForPayment = note.AmountDue.Amount,
            },
            VatBreakdown = [.. note.Subtotals.Select(Breakdown)],
            Lines = lines,
        };
    }

    private ProcessControl ProcessControl() => new() { SpecificationIdentifier = _specification, BusinessProcessType = _process };

    private static PrecedingInvoiceReference Reference(InvoiceReference reference)
        => new() { Reference = reference.Number.Value, IssueDate = reference.IssueDate };

    private static InvoicingPeriod? Period(BillingPeriod? period)
        => period is null ? null : new InvoicingPeriod { StartDate = period.Start, EndDate = period.End };

    private static string? PaymentTermsText(Invoice invoice)
    {
        if (invoice.Header.PaymentTerms is not { } terms)
        {
            return null;
        }

        var text = terms.Description;
        if (invoice.Schedule is { Instalments.Count: > 1 } schedule)
        {
            text += "; " + string.Join("; ", schedule.Instalments.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Amount} due {i.DueDate:uuuu-MM-dd}")));
        }

        if (invoice.Schedule is { DiscountDeadline: LocalDate deadline, DiscountAmount: Money discount })
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {discount} discount if paid by {deadline:uuuu-MM-dd}");
        }

        return text;
    }

    private static Seller MapSeller(Party party) => new()
    {
        Name = party.Name,
        TradingName = party.TradingName,
        LegalRegistrationIdentifier = Identifier(party.LegalRegistration),
        VatIdentifier = party.VatId.IsEmpty ? null : party.VatId.Value,
        TaxRegistrationIdentifier = party.TaxRegistrations.Count > 0 ? party.TaxRegistrations[0].Value : null,
        ElectronicAddress = party.ElectronicAddress is { } address ? new SchemeIdentifier(address.Value, address.SchemeId) : null,
        Address = Address(party.Address),
        Contact = Contact(party.Contact),
    };

    private static Buyer MapBuyer(Party party) => new()
    {
        Name = party.Name,
        TradingName = party.TradingName,
        LegalRegistrationIdentifier = Identifier(party.LegalRegistration),
        VatIdentifier = party.VatId.IsEmpty ? null : party.VatId.Value,
        ElectronicAddress = party.ElectronicAddress is { } address ? new SchemeIdentifier(address.Value, address.SchemeId) : null,
        Address = Address(party.Address),
        Contact = Contact(party.Contact),
    };

    private static SchemeIdentifier? Identifier(PartyIdentifier? id) => id is null ? null : new SchemeIdentifier(id.Value, id.SchemeId);

    private static EInvoiceAddress Address(PostalAddress address) => new()
    {
        Line1 = address.Street,
        Line2 = address.AdditionalStreet,
        Line3 = address.AddressLine3,
        City = address.City,
        PostCode = address.PostCode,
        CountrySubdivision = address.CountrySubdivision,
        CountryCode = address.Country.Code,
    };

    private static EInvoiceContact? Contact(Contact? contact)
        => contact is null ? null : new EInvoiceContact { Point = contact.Name, TelephoneNumber = contact.Phone, EmailAddress = contact.Email };

    private static ItemInformation Item(Documents.Item item) => new()
    {
        Name = item.Name,
        Description = item.Description,
        SellersIdentifier = item.SellerItemId,
        BuyersIdentifier = item.BuyerItemId,
        StandardIdentifier = item.Gtin.IsEmpty ? null : new SchemeIdentifier(item.Gtin.Value, GtinScheme),
    };

    private static LineVatInformation LineVat(TaxTreatment tax) => new() { CategoryCode = tax.Category.Code, Rate = tax.Rate };

    private static VatBreakdown Breakdown(TaxSubtotal subtotal) => new()
    {
        TaxableAmount = subtotal.TaxableAmount.Amount,
        TaxAmount = subtotal.TaxAmount.Amount,
        CategoryCode = subtotal.Treatment.Category.Code,
        Rate = subtotal.Treatment.Rate,
        ExemptionReasonText = subtotal.Treatment.ExemptionReason,
        ExemptionReasonCode = subtotal.Treatment.ExemptionReasonCode,
    };

    private static EInvoiceLine MapLine(InvoiceLine line, LineTotal total, InvoiceHeader header, bool gross)
    {
        var rounding = header.Rounding.Amounts;
        var currency = header.Currency;
        var unit = line.Quantity.Unit.Code;
        var allowances = new List<LineAllowanceCharge>();
        var charges = new List<LineAllowanceCharge>();
        PriceDetails price;
        var quantity = line.Quantity.Value;
        if (!gross)
        {
            // The line's own terms: quantity × (price ÷ base quantity) − allowances + charges, rounded, is BT-131.
            var product = line.UnitPrice.Amount * line.Quantity.Value;
            var lineBase = Money.Of(line.BaseQuantity == 1m ? product : product / line.BaseQuantity, currency).Round(rounding);
            foreach (var ac in line.AllowanceCharges)
            {
                var amount = ac.Resolve(lineBase, rounding);
                (ac.IsCharge ? charges : allowances).Add(new LineAllowanceCharge
                {
                    Amount = amount.Amount,
                    BaseAmount = ac.Percent is null ? null : (ac.BaseAmount ?? lineBase).Amount,
                    Percentage = ac.Percent,
                    Reason = ac.Reason,
                    ReasonCode = ac.ReasonCode,
                });
            }

            price = new PriceDetails
            {
                NetPrice = line.UnitPrice.Amount,
                BaseQuantity = line.BaseQuantity == 1m ? null : line.BaseQuantity,
                BaseQuantityUnitCode = line.BaseQuantity == 1m ? null : unit,
            };
        }
        else
        {
            // Tax-inclusive line: its allowances and charges net of VAT, the price what remains of the net amount.
            var lineBase = Money.Of(line.UnitPrice.Amount * line.Quantity.Value / line.BaseQuantity, currency).Round(rounding);
            var divisor = 1m + ((line.Tax.Rate ?? 0m) / 100m);
            var beforeAllowances = total.NetAmount.Amount;
            foreach (var ac in line.AllowanceCharges)
            {
                var net = (ac.Resolve(lineBase, rounding) / divisor).Round(rounding);
                beforeAllowances += ac.IsCharge ? -net.Amount : net.Amount;
                (ac.IsCharge ? charges : allowances).Add(new LineAllowanceCharge { Amount = net.Amount, Reason = ac.Reason, ReasonCode = ac.ReasonCode });
            }

            (quantity, price) = Priced(quantity, beforeAllowances, unit);
        }

        return new EInvoiceLine
        {
            Identifier = line.Id.Value,
            Note = line.Note,
            Quantity = quantity,
            UnitCode = unit,
            NetAmount = total.NetAmount.Amount,
            PurchaseOrderLineReference = line.OrderLineReference,
            Period = Period(line.Period),
            Allowances = allowances,
            Charges = charges,
            Price = price,
            Vat = LineVat(line.Tax),
            Item = Item(line.Item),
        };
    }

    /// <summary>
    /// A quantity and a net price for an amount: a negative amount (a credited allowance) takes a negative
    /// quantity, as the price is never negative (BR-27); the price is the exact unit price, else the whole
    /// amount for the whole quantity (BT-149 = the quantity), which also stands in when the division overflows.
    /// </summary>
    private static (decimal Quantity, PriceDetails Price) Priced(decimal quantity, decimal amount, string unit)
    {
        if (amount < 0m && quantity > 0m)
        {
            quantity = -quantity;
        }

        if (quantity == 0m || amount == 0m)
        {
            return (quantity, new PriceDetails { NetPrice = 0m });
        }

        try
        {
            var unitPrice = amount / quantity;
            if (unitPrice >= 0m && unitPrice * quantity == amount)
            {
                return (quantity, new PriceDetails { NetPrice = unitPrice });
            }
        }
        catch (OverflowException)
        {
            // A tiny quantity: no unit price fits a decimal, the whole amount for the whole quantity does.
        }

        return (quantity, new PriceDetails { NetPrice = Math.Abs(amount), BaseQuantity = Math.Abs(quantity), BaseQuantityUnitCode = unit });
    }

    private static DocumentLevelAllowanceCharge MapDocumentAllowanceCharge(Invoice invoice, DocumentAllowanceCharge ac, bool gross)
    {
        var totals = ac.Terms.IsCharge ? invoice.Totals.Charges : invoice.Totals.Allowances;
        var net = totals.First(t => t.Id == ac.Id).NetAmount;
        decimal? percent = null;
        decimal? baseAmount = null;
        if (!gross && ac.Terms.Percent is decimal p)
        {
            percent = p;
            if (ac.Terms.BaseAmount is Money explicitBase)
            {
                baseAmount = explicitBase.Amount;
            }
            else
            {
                // A percentage without an explicit base applies to the lines taxed like it.
                var groupBase = 0m;
                for (var i = 0; i < invoice.Lines.Count; i++)
                {
                    if (invoice.Lines[i].Tax.SameGroupAs(ac.Tax))
                    {
                        groupBase += invoice.Totals.Lines[i].NetAmount.Amount;
                    }
                }

                baseAmount = groupBase;
            }
        }

        return new DocumentLevelAllowanceCharge
        {
            Amount = net.Amount,
            BaseAmount = baseAmount,
            Percentage = percent,
            VatCategoryCode = ac.Tax.Category.Code,
            VatRate = ac.Tax.Rate,
            Reason = ac.Terms.Reason,
            ReasonCode = ac.Terms.ReasonCode,
        };
    }
}
