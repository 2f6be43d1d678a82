using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using NodaTime;

namespace Invoicing.Core.EInvoicing.Mapping;

/// <summary>A draft invoice imported from an <see cref="EInvoice"/>, with the changes that built it.</summary>
/// <param name="Draft">The draft: net-priced, business, in the e-invoice's currency; its lines and its document-level allowances and charges are the e-invoice's.</param>
/// <param name="Changes">The changes in order (the draft's creation, then one per document-level allowance or charge); the last one holds <paramref name="Draft"/>. Hosts that store events store each one's event.</param>
public sealed record ImportedDraft(Invoice Draft, IReadOnlyList<InvoiceChange> Changes);

/// <content>The import: from the model to a draft invoice.</content>
public sealed partial class EInvoiceMapper
{
    /// <summary>
    /// Builds a draft invoice from an EN 16931 document, for hosts importing invoices from an ERP or
    /// migrating: the draft is then checked and issued like any other, with its own number (BT-1 and
    /// BT-2 of the source are not carried; keep them in the host if needed).
    /// </summary>
    /// <remarks>
    /// <para>
    /// Required: the currency (BT-5), the seller's name (BT-27) and country (BT-40), the buyer's name
    /// (BT-44) and country (BT-55), and per line its quantity (BT-129) and unit (BT-130), net price
    /// (BT-146), VAT category (BT-151) and rate (BT-152, except category O) and item name (BT-153); a
    /// document-level allowance or charge needs its amount (BT-92/BT-99) and VAT category (BT-95/BT-102).
    /// An exempt category takes its exemption reason (BT-120/BT-121) from the VAT breakdown line of the
    /// same category and rate.
    /// </para>
    /// <para>
    /// The draft is net-priced (<see cref="PricingMode.Net"/>) for a business buyer, with the rounding
    /// policy of <paramref name="invoices"/>; payment terms are net (BT-9 − BT-2) days when both dates
    /// are given, otherwise none; notes (BT-22) are joined by line breaks; an invoicing period (BG-14,
    /// BG-26) is taken when it has both dates; the paid amount (BT-113) becomes the prepaid amount.
    /// Line allowances and charges keep their amount, reason and code (not their percentage). The
    /// totals are computed by the Documents area, not copied: compare them with BG-22 if needed.
    /// </para>
    /// </remarks>
    /// <param name="document">The e-invoice.</param>
    /// <param name="tenant">The tenant the draft belongs to.</param>
    /// <param name="invoices">The invoice service that creates the draft (its policy gives the rounding).</param>
    /// <param name="id">The id of the draft, or null for a new one.</param>
    /// <returns>The draft and the changes that built it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="invoices"/> is null.</exception>
    /// <exception cref="EInvoiceMappingException">Terms the draft needs are missing or unusable; every problem is listed with its BT id.</exception>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is empty, or the Documents area refuses the draft (for example a duplicate line id, BT-126).</exception>
    public static ImportedDraft FromEInvoice(EInvoice document, TenantId tenant, InvoiceService invoices, InvoiceId? id = null)
    {
        Preconditions.CheckNotNull(document);
        Preconditions.CheckNotNull(invoices);
        Core.Identifier.RequireSet(tenant);
        var problems = new List<string>();
        Currency currency = default;
        if (document.CurrencyCode is null)
        {
            problems.Add("BT-5 (invoice currency code) is missing");
        }
        else if (!Currency.TryFromCode(document.CurrencyCode, out currency) || currency.MinorUnits is null)
        {
            problems.Add($"BT-5 (invoice currency code) '{document.CurrencyCode}' is not an ISO 4217 currency with minor units");
        }

        var seller = ImportParty(document.Seller?.Name, document.Seller?.Address, document.Seller?.VatIdentifier, document.Seller?.LegalRegistrationIdentifier,
            document.Seller?.ElectronicAddress, document.Seller?.Contact, document.Seller?.TradingName, ("BG-4", "BT-27", "BT-40", "BT-31"), problems);
        if (seller is not null && document.Seller?.TaxRegistrationIdentifier is { } taxRegistration)
        {
            seller = Attempt(() => seller with { TaxRegistrations = [new PartyIdentifier(taxRegistration)] }, "BT-32 (seller tax registration identifier)", problems) ?? seller;
        }

        var buyer = ImportParty(document.Buyer?.Name, document.Buyer?.Address, document.Buyer?.VatIdentifier, document.Buyer?.LegalRegistrationIdentifier,
            document.Buyer?.ElectronicAddress, document.Buyer?.Contact, document.Buyer?.TradingName, ("BG-7", "BT-44", "BT-55", "BT-48"), problems);

        if (document.Lines.Count == 0)
        {
            problems.Add("BG-25 (invoice line): the e-invoice has no lines");
        }

        var hasCurrency = currency != default;
        var lines = new List<InvoiceLine>();
        for (var i = 0; i < document.Lines.Count; i++)
        {
            if (ImportLine(document, document.Lines[i], i, currency, hasCurrency, problems) is { } line)
            {
                lines.Add(line);
            }
        }

        var documentAllowanceCharges = new List<DocumentAllowanceCharge>();
        ImportDocumentAllowanceCharges(document, document.Allowances, isCharge: false, currency, hasCurrency, documentAllowanceCharges, problems);
        ImportDocumentAllowanceCharges(document, document.Charges, isCharge: true, currency, hasCurrency, documentAllowanceCharges, problems);

        InvoiceHeader? header = null;
        if (hasCurrency && seller is not null && buyer is not null)
        {
            header = Attempt(() => BuildHeader(document, invoices.NewHeader(currency, seller), buyer, currency), "the document header", problems);
        }

        if (problems.Count > 0 || header is null)
        {
            throw new EInvoiceMappingException(problems);
        }

        var changes = new List<InvoiceChange> { invoices.CreateDraft(tenant, header, lines, id) };
        foreach (var ac in documentAllowanceCharges)
        {
            changes.Add(invoices.AddAllowanceCharge(changes[^1].Invoice, ac));
        }

        return new ImportedDraft(changes[^1].Invoice, changes.AsReadOnly());
    }

    private static InvoiceHeader BuildHeader(EInvoice document, InvoiceHeader header, Party buyer, Currency currency)
    {
        PaymentTerms? terms = null;
        if (document.IssueDate is LocalDate issued && document.PaymentDueDate is LocalDate due && due >= issued)
        {
            terms = PaymentTerms.Net(NodaTime.Period.Between(issued, due, PeriodUnits.Days).Days);
        }

        var notes = document.Notes.Select(n => n.Text).Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        var period = document.InvoicingPeriod is { StartDate: LocalDate start, EndDate: LocalDate end } ? new BillingPeriod(start, end) : null;
        var prepaid = document.Totals?.PaidAmount is decimal paid && paid != 0m ? Money.Of(paid, currency) : (Money?)null;
        return header with
        {
            Buyer = buyer,
            CustomerKind = CustomerKind.Business,
            Pricing = PricingMode.Net,
            PaymentTerms = terms,
            PrepaidAmount = prepaid,
            BuyerReference = document.BuyerReference,
            OrderReference = document.PurchaseOrderReference,
            ContractReference = document.ContractReference,
            Note = notes.Length == 0 ? null : string.Join("\n", notes),
            DeliveryDate = document.Delivery?.ActualDeliveryDate,
            Period = period,
        };
    }

    private static Party? ImportParty(string? name, EInvoiceAddress? address, string? vatId, SchemeIdentifier? legal, SchemeIdentifier? electronic,
        EInvoiceContact? contact, string? tradingName, (string Group, string Name, string Country, string Vat) terms, List<string> problems)
    {
        var count = problems.Count;
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add($"{terms.Name} ({terms.Group} name) is missing");
        }

        var country = default(CountryCode);
        if (address?.CountryCode is null)
        {
            problems.Add($"{terms.Country} ({terms.Group} country code) is missing");
        }
        else if (!CountryCode.TryFromCode(address.CountryCode, out country))
        {
            problems.Add($"{terms.Country} ({terms.Group} country code) '{address.CountryCode}' is not an ISO 3166-1 alpha-2 code");
        }

        var vat = default(VatIdentifier);
        if (vatId is not null && !VatIdentifier.TryFrom(vatId, out vat))
        {
            problems.Add($"{terms.Vat} ({terms.Group} VAT identifier) '{vatId}' is not a VAT identifier");
        }

        if (problems.Count > count)
        {
            return null;
        }

        return Attempt(
            () => new Party(name!, new PostalAddress(country)
            {
                Street = address!.Line1,
                AdditionalStreet = address.Line2,
                AddressLine3 = address.Line3,
                City = address.City,
                PostCode = address.PostCode,
                CountrySubdivision = address.CountrySubdivision,
            })
            {
                TradingName = tradingName,
                VatId = vat,
                LegalRegistration = legal?.Value is { } value ? new PartyIdentifier(value, legal.SchemeId) : null,
                ElectronicAddress = electronic is { Value: { } address1, SchemeId: { } scheme } ? new ElectronicAddress(scheme, address1) : null,
                Contact = contact is null ? null : new Contact { Name = contact.Point, Phone = contact.TelephoneNumber, Email = contact.EmailAddress },
            },
            terms.Group,
            problems);
    }

    private static InvoiceLine? ImportLine(EInvoice document, EInvoiceLine line, int index, Currency currency, bool hasCurrency, List<string> problems)
    {
        var where = string.Create(CultureInfo.InvariantCulture, $"line {index + 1}{(line.Identifier is { } lineId ? $" ('{lineId}')" : string.Empty)}");
        var count = problems.Count;
        var unit = default(UnitCode);
        if (line.Quantity is null)
        {
            problems.Add($"BT-129 (invoiced quantity) of {where} is missing");
        }

        if (line.UnitCode is null)
        {
            problems.Add($"BT-130 (unit of measure) of {where} is missing");
        }
        else if (!UnitCode.TryFromCode(line.UnitCode, out unit))
        {
            problems.Add($"BT-130 (unit of measure) of {where} '{line.UnitCode}' is not a UN/ECE Rec 20 code");
        }

        if (line.Price?.NetPrice is null)
        {
            problems.Add($"BT-146 (item net price) of {where} is missing");
        }

        if (string.IsNullOrWhiteSpace(line.Item?.Name))
        {
            problems.Add($"BT-153 (item name) of {where} is missing");
        }

        var tax = ImportTax(document, line.Vat?.CategoryCode, line.Vat?.Rate, $"BT-151 (invoiced item VAT category code) of {where}", $"BT-152 (invoiced item VAT rate) of {where}", problems);
        if (problems.Count > count || !hasCurrency || tax is null)
        {
            return null;
        }

        return Attempt(
            () =>
            {
                var item = line.Item!;
                return new InvoiceLine(
                    InvoiceLineId.From(line.Identifier ?? (index + 1).ToString(CultureInfo.InvariantCulture)),
                    new Documents.Item(item.Name!)
                    {
                        Description = item.Description,
                        SellerItemId = item.SellersIdentifier,
                        BuyerItemId = item.BuyersIdentifier,
                        Gtin = item.StandardIdentifier is { SchemeId: GtinScheme, Value: { } gtin } ? Gtin.From(gtin) : default,
                    },
                    new Quantity(line.Quantity!.Value, unit),
                    Money.Of(line.Price!.NetPrice!.Value, currency),
                    tax)
                {
                    BaseQuantity = line.Price.BaseQuantity ?? 1m,
                    AllowanceCharges =
                    [
                        .. line.Allowances.Select(a => LineAllowanceCharge(a, isCharge: false, currency, where)),
                        .. line.Charges.Select(c => LineAllowanceCharge(c, isCharge: true, currency, where)),
                    ],
                    Period = line.Period is { StartDate: LocalDate start, EndDate: LocalDate end } ? new BillingPeriod(start, end) : null,
                    OrderLineReference = line.PurchaseOrderLineReference,
                    Note = line.Note,
                };
            },
            where,
            problems);
    }

    private static AllowanceCharge LineAllowanceCharge(LineAllowanceCharge ac, bool isCharge, Currency currency, string where)
    {
        if (ac.Amount is not decimal amount)
        {
            throw new ArgumentException(isCharge ? $"BT-141 (line charge amount) of {where} is missing" : $"BT-136 (line allowance amount) of {where} is missing");
        }

        return isCharge
            ? AllowanceCharge.Charge(Money.Of(amount, currency), ac.Reason, ac.ReasonCode)
            : AllowanceCharge.Allowance(Money.Of(amount, currency), ac.Reason, ac.ReasonCode);
    }

    private static void ImportDocumentAllowanceCharges(EInvoice document, IReadOnlyList<DocumentLevelAllowanceCharge> items, bool isCharge,
        Currency currency, bool hasCurrency, List<DocumentAllowanceCharge> result, List<string> problems)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var ac = items[i];
            var where = string.Create(CultureInfo.InvariantCulture, $"document-level {(isCharge ? "charge" : "allowance")} {i + 1}");
            var count = problems.Count;
            if (ac.Amount is null)
            {
                problems.Add($"{(isCharge ? "BT-99" : "BT-92")} (amount) of {where} is missing");
            }

            var tax = ImportTax(document, ac.VatCategoryCode, ac.VatRate, $"{(isCharge ? "BT-102" : "BT-95")} (VAT category code) of {where}",
                $"{(isCharge ? "BT-103" : "BT-96")} (VAT rate) of {where}", problems);
            if (problems.Count > count || !hasCurrency || tax is null)
            {
                continue;
            }

            var id = InvoiceLineId.From(string.Create(CultureInfo.InvariantCulture, $"{(isCharge ? "charge" : "allowance")}-{i + 1}"));
            var added = Attempt(
                () => new DocumentAllowanceCharge(
                    id,
                    isCharge
                        ? AllowanceCharge.Charge(Money.Of(ac.Amount!.Value, currency), ac.Reason, ac.ReasonCode)
                        : AllowanceCharge.Allowance(Money.Of(ac.Amount!.Value, currency), ac.Reason, ac.ReasonCode),
                    tax),
                where,
                problems);
            if (added is not null)
            {
                result.Add(added);
            }
        }
    }

    private static TaxTreatment? ImportTax(EInvoice document, string? categoryCode, decimal? rate, string categoryTerm, string rateTerm, List<string> problems)
    {
        if (categoryCode is null)
        {
            problems.Add($"{categoryTerm} is missing");
            return null;
        }

        if (!TaxCategory.TryFromCode(categoryCode, out var category))
        {
            problems.Add($"{categoryTerm} '{categoryCode}' is not a UNCL 5305 category of EN 16931");
            return null;
        }

        if (rate is null && category != TaxCategory.OutsideScope)
        {
            problems.Add($"{rateTerm} is missing");
            return null;
        }

        string? reasonCode = null;
        string? reason = null;
        if (category.RequiresExemptionReason)
        {
            var breakdown = document.VatBreakdown.FirstOrDefault(b => b.CategoryCode == category.Code && b.Rate == rate);
            reasonCode = breakdown?.ExemptionReasonCode;
            reason = breakdown?.ExemptionReasonText;
            if (reasonCode is null && reason is null)
            {
                problems.Add($"BT-120/BT-121 (VAT exemption reason) of the VAT breakdown for category {category.Code} is missing ({categoryTerm})");
                return null;
            }
        }

        return Attempt(() => TaxTreatment.Of(category, category == TaxCategory.OutsideScope ? null : rate, reasonCode, reason), rateTerm, problems);
    }

    private static T? Attempt<T>(Func<T> build, string where, List<string> problems)
        where T : class
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            problems.Add($"{where}: {e.Message}");
            return null;
        }
    }
}
