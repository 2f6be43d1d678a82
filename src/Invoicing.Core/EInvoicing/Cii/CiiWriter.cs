using System.Globalization;
using System.Xml;
using NodaTime;
using static Invoicing.Core.EInvoicing.Cii.CiiNames;

namespace Invoicing.Core.EInvoicing.Cii;

/// <summary>
/// Writes the EN 16931 model as a UN/CEFACT Cross Industry Invoice D16B document
/// (<c>rsm:CrossIndustryInvoice</c>), following the EN 16931-3-3 CII binding, with elements in the
/// order the D16B schema requires.
/// </summary>
/// <remarks>
/// <para>Thread-safe: the class holds no state.</para>
/// <para>Dates are written as <c>udt:DateTimeString format="102"</c> (<c>yyyyMMdd</c>), decimals as held
/// (invariant culture, their scale kept), absent terms are left out. The schema's mandatory elements are
/// always written (the document ID and issue date, a line's document and settlement, the three header
/// trade groups), empty when the model lacks their term.</para>
/// <para>What CII D16B cannot carry, and so is lost or normalized on a write:
/// only one preceding invoice reference (BG-3; the first is written);
/// BT-7 and BT-8 are given per VAT breakdown, so they are written on every BG-23 and lost when there is none;
/// the payment means code and text (BT-81, BT-82) are repeated on each credit transfer account;
/// BT-84 is written as <c>IBANID</c> when it looks like an IBAN, else as <c>ProprietaryID</c>;
/// the seller identifiers (BT-29) are written as <c>ID</c> (no scheme) then <c>GlobalID</c> (with scheme), so their order may change;
/// BT-147 (item price discount) and BT-148 are written only together with the gross price, and BT-149/BT-150 only with a net or gross price;
/// identifiers' scheme versions are written only for item classifications (BT-158-2).
/// </para>
/// </remarks>
public static class CiiWriter
{
    /// <summary>Writes a document as CII D16B (UTF-8, indented): built in memory, then copied to the stream and flushed.</summary>
    /// <param name="document">The document to write.</param>
    /// <param name="stream">Where to write; written from its current position and left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="stream"/> cannot be written, or a text of <paramref name="document"/> holds a character XML 1.0
    /// cannot carry (a control character other than tab, line feed and carriage return, U+FFFE, U+FFFF, or an unpaired surrogate):
    /// the message names the element and the character, and nothing is written to the stream.
    /// </exception>
    public static void Write(EInvoice document, Stream stream)
    {
        Preconditions.CheckNotNull(document);
        EInvoiceXmlOutput.CheckWritable(stream);
        EInvoiceXmlOutput.Write(stream, writer => new CiiDocumentWriter(writer).Document(document));
    }

    /// <summary>Writes a document as CII D16B (UTF-8, indented) to a stream that may block: built in memory, then copied asynchronously and flushed.</summary>
    /// <param name="document">The document to write.</param>
    /// <param name="stream">Where to write; written from its current position and left open.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="stream"/> cannot be written, or a text of <paramref name="document"/> holds a character XML 1.0
    /// cannot carry (a control character other than tab, line feed and carriage return, U+FFFE, U+FFFF, or an unpaired surrogate):
    /// the message names the element and the character, and nothing is written to the stream.
    /// </exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static ValueTask WriteAsync(EInvoice document, Stream stream, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(document);
        EInvoiceXmlOutput.CheckWritable(stream);
        return EInvoiceXmlOutput.WriteAsync(stream, writer => new CiiDocumentWriter(writer).Document(document), cancellationToken);
    }
}

/// <summary>Writes one document's elements in D16B schema order. One instance per write; not thread-safe.</summary>
internal sealed class CiiDocumentWriter(XmlWriter writer)
{
    private readonly XmlWriter _w = writer;

    public void Document(EInvoice d)
    {
        _w.WriteStartDocument();
        _w.WriteStartElement("rsm", "CrossIndustryInvoice", Rsm);
        _w.WriteAttributeString("xmlns", "qdt", null, Qdt);
        _w.WriteAttributeString("xmlns", "udt", null, Udt);
        _w.WriteAttributeString("xmlns", "ram", null, Ram);

        _w.WriteStartElement("rsm", "ExchangedDocumentContext", Rsm);
        if (d.ProcessControl?.BusinessProcessType is { } process)
        {
            Start("BusinessProcessSpecifiedDocumentContextParameter");
            Text("ID", process);
            End();
        }

        Start("GuidelineSpecifiedDocumentContextParameter");
        Text("ID", d.ProcessControl?.SpecificationIdentifier ?? string.Empty);
        End();
        _w.WriteEndElement();

        _w.WriteStartElement("rsm", "ExchangedDocument", Rsm);
        Text("ID", d.Number ?? string.Empty);
        Text("TypeCode", d.TypeCode);
        DateTime("IssueDateTime", d.IssueDate, required: true);
        foreach (var note in d.Notes)
        {
            Start("IncludedNote");
            Text("Content", note.Text);
            Text("SubjectCode", note.SubjectCode);
            End();
        }

        _w.WriteEndElement();

        _w.WriteStartElement("rsm", "SupplyChainTradeTransaction", Rsm);
        foreach (var line in d.Lines)
        {
            Line(line);
        }

        Agreement(d);
        Delivery(d);
        Settlement(d);
        _w.WriteEndElement();

        _w.WriteEndElement();
        _w.WriteEndDocument();
    }

    private void Line(EInvoiceLine line)
    {
        Start("IncludedSupplyChainTradeLineItem");
        Start("AssociatedDocumentLineDocument");
        Text("LineID", line.Identifier);
        if (line.Note is { } note)
        {
            Start("IncludedNote");
            Text("Content", note);
            End();
        }

        End();

        if (line.Item is { } item)
        {
            Start("SpecifiedTradeProduct");
            Identifier("GlobalID", item.StandardIdentifier);
            Text("SellerAssignedID", item.SellersIdentifier);
            Text("BuyerAssignedID", item.BuyersIdentifier);
            Text("Name", item.Name);
            Text("Description", item.Description);
            foreach (var attribute in item.Attributes)
            {
                Start("ApplicableProductCharacteristic");
                Text("Description", attribute.Name);
                Text("Value", attribute.Value);
                End();
            }

            foreach (var classification in item.ClassificationIdentifiers)
            {
                Start("DesignatedProductClassification");
                Start("ClassCode");
                Attribute("listID", classification.SchemeId);
                Attribute("listVersionID", classification.SchemeVersion);
                _w.WriteString(classification.Value ?? string.Empty);
                End();
                End();
            }

            if (item.CountryOfOrigin is { } origin)
            {
                Start("OriginTradeCountry");
                Text("ID", origin);
                End();
            }

            End();
        }

        Start("SpecifiedLineTradeAgreement");
        if (line.PurchaseOrderLineReference is { } orderLine)
        {
            Start("BuyerOrderReferencedDocument");
            Text("LineID", orderLine);
            End();
        }

        var price = line.Price;
        if (price?.GrossPrice is { } gross)
        {
            Start("GrossPriceProductTradePrice");
            Decimal("ChargeAmount", gross);
            Quantity("BasisQuantity", price.BaseQuantity, price.BaseQuantityUnitCode);
            if (price.Discount is { } discount)
            {
                Start("AppliedTradeAllowanceCharge");
                Indicator(false);
                Decimal("ActualAmount", discount);
                End();
            }

            End();
        }

        if (price?.NetPrice is { } net)
        {
            Start("NetPriceProductTradePrice");
            Decimal("ChargeAmount", net);
            Quantity("BasisQuantity", price.BaseQuantity, price.BaseQuantityUnitCode);
            End();
        }

        End();

        Start("SpecifiedLineTradeDelivery");
        Quantity("BilledQuantity", line.Quantity, line.UnitCode);
        End();

        Start("SpecifiedLineTradeSettlement");
        if (line.Vat is { } vat)
        {
            Start("ApplicableTradeTax");
            Text("TypeCode", "VAT");
            Text("CategoryCode", vat.CategoryCode);
            Decimal("RateApplicablePercent", vat.Rate);
            End();
        }

        Period(line.Period);
        foreach (var allowance in line.Allowances)
        {
            LineAllowanceCharge(allowance, isCharge: false);
        }

        foreach (var charge in line.Charges)
        {
            LineAllowanceCharge(charge, isCharge: true);
        }

        if (line.NetAmount is { } netAmount)
        {
            Start("SpecifiedTradeSettlementLineMonetarySummation");
            Decimal("LineTotalAmount", netAmount);
            End();
        }

        if (line.ObjectIdentifier is { } objectIdentifier)
        {
            Start("AdditionalReferencedDocument");
            Text("IssuerAssignedID", objectIdentifier.Value ?? string.Empty);
            Text("TypeCode", "130");
            Text("ReferenceTypeCode", objectIdentifier.SchemeId);
            End();
        }

        Account(line.BuyerAccountingReference);
        End();

        End();
    }

    private void LineAllowanceCharge(LineAllowanceCharge allowanceCharge, bool isCharge)
    {
        Start("SpecifiedTradeAllowanceCharge");
        Indicator(isCharge);
        Decimal("CalculationPercent", allowanceCharge.Percentage);
        Decimal("BasisAmount", allowanceCharge.BaseAmount);
        Decimal("ActualAmount", allowanceCharge.Amount);
        Text("ReasonCode", allowanceCharge.ReasonCode);
        Text("Reason", allowanceCharge.Reason);
        End();
    }

    private void Agreement(EInvoice d)
    {
        Start("ApplicableHeaderTradeAgreement");
        Text("BuyerReference", d.BuyerReference);

        var seller = d.Seller ?? new Seller();
        Start("SellerTradeParty");
        foreach (var id in seller.Identifiers)
        {
            if (id.SchemeId is null)
            {
                Identifier("ID", id);
            }
        }

        foreach (var id in seller.Identifiers)
        {
            if (id.SchemeId is not null)
            {
                Identifier("GlobalID", id);
            }
        }

        Text("Name", seller.Name);
        Text("Description", seller.AdditionalLegalInformation);
        LegalOrganization(seller.LegalRegistrationIdentifier, seller.TradingName);
        Contact(seller.Contact);
        Address(seller.Address);
        Electronic(seller.ElectronicAddress);
        TaxRegistration(seller.VatIdentifier, "VA");
        TaxRegistration(seller.TaxRegistrationIdentifier, "FC");
        End();

        var buyer = d.Buyer ?? new Buyer();
        Start("BuyerTradeParty");
        PartyIdentifier(buyer.Identifier);
        Text("Name", buyer.Name);
        LegalOrganization(buyer.LegalRegistrationIdentifier, buyer.TradingName);
        Contact(buyer.Contact);
        Address(buyer.Address);
        Electronic(buyer.ElectronicAddress);
        TaxRegistration(buyer.VatIdentifier, "VA");
        End();

        if (d.SellerTaxRepresentative is { } representative)
        {
            Start("SellerTaxRepresentativeTradeParty");
            Text("Name", representative.Name);
            Address(representative.Address);
            TaxRegistration(representative.VatIdentifier, "VA");
            End();
        }

        Reference("SellerOrderReferencedDocument", d.SalesOrderReference);
        Reference("BuyerOrderReferencedDocument", d.PurchaseOrderReference);
        Reference("ContractReferencedDocument", d.ContractReference);

        foreach (var supporting in d.SupportingDocuments)
        {
            Start("AdditionalReferencedDocument");
            Text("IssuerAssignedID", supporting.Reference ?? string.Empty);
            Text("URIID", supporting.ExternalLocation);
            Text("TypeCode", "916");
            Text("Name", supporting.Description);
            if (supporting.Attachment is { } attachment)
            {
                Start("AttachmentBinaryObject");
                Attribute("mimeCode", attachment.MimeCode);
                Attribute("filename", attachment.FileName);
                _w.WriteString(attachment.ContentBase64 ?? string.Empty);
                End();
            }

            End();
        }

        if (d.TenderOrLotReference is { } tender)
        {
            Start("AdditionalReferencedDocument");
            Text("IssuerAssignedID", tender);
            Text("TypeCode", "50");
            End();
        }

        if (d.InvoicedObjectIdentifier is { } invoicedObject)
        {
            Start("AdditionalReferencedDocument");
            Text("IssuerAssignedID", invoicedObject.Value ?? string.Empty);
            Text("TypeCode", "130");
            Text("ReferenceTypeCode", invoicedObject.SchemeId);
            End();
        }

        if (d.ProjectReference is { } project)
        {
            Start("SpecifiedProcuringProject");
            Text("ID", project);
            Text("Name", "Project reference");
            End();
        }

        End();
    }

    private void Delivery(EInvoice d)
    {
        Start("ApplicableHeaderTradeDelivery");
        var delivery = d.Delivery;
        if (delivery is not null && (delivery.PartyName is not null || delivery.LocationIdentifier is not null || delivery.Address is not null))
        {
            Start("ShipToTradeParty");
            PartyIdentifier(delivery.LocationIdentifier);
            Text("Name", delivery.PartyName);
            Address(delivery.Address);
            End();
        }

        if (delivery?.ActualDeliveryDate is { } date)
        {
            Start("ActualDeliverySupplyChainEvent");
            DateTime("OccurrenceDateTime", date);
            End();
        }

        Reference("DespatchAdviceReferencedDocument", d.DespatchAdviceReference);
        Reference("ReceivingAdviceReferencedDocument", d.ReceivingAdviceReference);
        End();
    }

    private void Settlement(EInvoice d)
    {
        Start("ApplicableHeaderTradeSettlement");
        var payment = d.PaymentInstructions;
        Text("CreditorReferenceID", payment?.DirectDebit?.BankAssignedCreditorIdentifier);
        Text("PaymentReference", payment?.RemittanceInformation);
        Text("TaxCurrencyCode", d.VatAccountingCurrencyCode);
        Text("InvoiceCurrencyCode", d.CurrencyCode);

        if (d.Payee is { } payee)
        {
            Start("PayeeTradeParty");
            PartyIdentifier(payee.Identifier);
            Text("Name", payee.Name);
            LegalOrganization(payee.LegalRegistrationIdentifier, null);
            End();
        }

        if (payment is not null && (payment.PaymentMeansTypeCode is not null || payment.PaymentMeansText is not null
            || payment.PaymentCard is not null || payment.DirectDebit?.DebitedAccountIdentifier is not null || payment.CreditTransfers.Count > 0))
        {
            var count = Math.Max(1, payment.CreditTransfers.Count);
            for (var i = 0; i < count; i++)
            {
                Start("SpecifiedTradeSettlementPaymentMeans");
                Text("TypeCode", payment.PaymentMeansTypeCode);
                Text("Information", payment.PaymentMeansText);
                if (i == 0 && payment.PaymentCard is { } card)
                {
                    Start("ApplicableTradeSettlementFinancialCard");
                    Text("ID", card.PrimaryAccountNumber);
                    Text("CardholderName", card.HolderName);
                    End();
                }

                if (i == 0 && payment.DirectDebit?.DebitedAccountIdentifier is { } debited)
                {
                    Start("PayerPartyDebtorFinancialAccount");
                    Text("IBANID", debited);
                    End();
                }

                if (i < payment.CreditTransfers.Count)
                {
                    var transfer = payment.CreditTransfers[i];
                    if (transfer.PaymentAccountIdentifier is not null || transfer.PaymentAccountName is not null)
                    {
                        Start("PayeePartyCreditorFinancialAccount");
                        var account = transfer.PaymentAccountIdentifier;
                        var isIban = account is not null && LooksLikeIban(account);
                        Text("IBANID", isIban ? account : null);
                        Text("AccountName", transfer.PaymentAccountName);
                        Text("ProprietaryID", isIban ? null : account);
                        End();
                    }

                    if (transfer.PaymentServiceProviderIdentifier is { } bic)
                    {
                        Start("PayeeSpecifiedCreditorFinancialInstitution");
                        Text("BICID", bic);
                        End();
                    }
                }

                End();
            }
        }

        foreach (var vat in d.VatBreakdown)
        {
            Start("ApplicableTradeTax");
            Decimal("CalculatedAmount", vat.TaxAmount);
            Text("TypeCode", "VAT");
            Text("ExemptionReason", vat.ExemptionReasonText);
            Decimal("BasisAmount", vat.TaxableAmount);
            Text("CategoryCode", vat.CategoryCode);
            Text("ExemptionReasonCode", vat.ExemptionReasonCode);
            if (d.VatPointDate is { } taxPoint)
            {
                Start("TaxPointDate");
                _w.WriteStartElement("udt", "DateString", Udt);
                _w.WriteAttributeString("format", "102");
                _w.WriteString(Format102(taxPoint));
                _w.WriteEndElement();
                End();
            }

            Text("DueDateTypeCode", d.VatPointDateCode);
            Decimal("RateApplicablePercent", vat.Rate);
            End();
        }

        Period(d.InvoicingPeriod);

        foreach (var allowance in d.Allowances)
        {
            DocumentAllowanceCharge(allowance, isCharge: false);
        }

        foreach (var charge in d.Charges)
        {
            DocumentAllowanceCharge(charge, isCharge: true);
        }

        if (d.PaymentTerms is not null || d.PaymentDueDate is not null || payment?.DirectDebit?.MandateReference is not null)
        {
            Start("SpecifiedTradePaymentTerms");
            Text("Description", d.PaymentTerms);
            DateTime("DueDateDateTime", d.PaymentDueDate);
            Text("DirectDebitMandateID", payment?.DirectDebit?.MandateReference);
            End();
        }

        var totals = d.Totals ?? new DocumentTotals();
        Start("SpecifiedTradeSettlementHeaderMonetarySummation");
        Decimal("LineTotalAmount", totals.SumOfLineNetAmounts);
        Decimal("ChargeTotalAmount", totals.SumOfCharges);
        Decimal("AllowanceTotalAmount", totals.SumOfAllowances);
        Decimal("TaxBasisTotalAmount", totals.TotalWithoutVat);
        Amount("TaxTotalAmount", totals.TotalVat, d.CurrencyCode);
        Amount("TaxTotalAmount", totals.TotalVatInAccountingCurrency, d.VatAccountingCurrencyCode);
        Decimal("RoundingAmount", totals.RoundingAmount);
        Decimal("GrandTotalAmount", totals.TotalWithVat);
        Decimal("TotalPrepaidAmount", totals.PaidAmount);
        Decimal("DuePayableAmount", totals.AmountDueForPayment);
        End();

        if (d.PrecedingInvoiceReferences.Count > 0)
        {
            var preceding = d.PrecedingInvoiceReferences[0];
            Start("InvoiceReferencedDocument");
            Text("IssuerAssignedID", preceding.Reference ?? string.Empty);
            if (preceding.IssueDate is { } issued)
            {
                Start("FormattedIssueDateTime");
                _w.WriteStartElement("qdt", "DateTimeString", Qdt);
                _w.WriteAttributeString("format", "102");
                _w.WriteString(Format102(issued));
                _w.WriteEndElement();
                End();
            }

            End();
        }

        Account(d.BuyerAccountingReference);
        End();
    }

    private void DocumentAllowanceCharge(DocumentLevelAllowanceCharge allowanceCharge, bool isCharge)
    {
        Start("SpecifiedTradeAllowanceCharge");
        Indicator(isCharge);
        Decimal("CalculationPercent", allowanceCharge.Percentage);
        Decimal("BasisAmount", allowanceCharge.BaseAmount);
        Decimal("ActualAmount", allowanceCharge.Amount);
        Text("ReasonCode", allowanceCharge.ReasonCode);
        Text("Reason", allowanceCharge.Reason);
        if (allowanceCharge.VatCategoryCode is not null || allowanceCharge.VatRate is not null)
        {
            Start("CategoryTradeTax");
            Text("TypeCode", "VAT");
            Text("CategoryCode", allowanceCharge.VatCategoryCode);
            Decimal("RateApplicablePercent", allowanceCharge.VatRate);
            End();
        }

        End();
    }

    private void PartyIdentifier(SchemeIdentifier? id)
    {
        if (id is not null)
        {
            Identifier(id.SchemeId is null ? "ID" : "GlobalID", id);
        }
    }

    private void LegalOrganization(SchemeIdentifier? id, string? tradingName)
    {
        if (id is null && tradingName is null)
        {
            return;
        }

        Start("SpecifiedLegalOrganization");
        Identifier("ID", id);
        Text("TradingBusinessName", tradingName);
        End();
    }

    private void Contact(EInvoiceContact? contact)
    {
        if (contact is null)
        {
            return;
        }

        Start("DefinedTradeContact");
        Text("PersonName", contact.Point);
        if (contact.TelephoneNumber is { } telephone)
        {
            Start("TelephoneUniversalCommunication");
            Text("CompleteNumber", telephone);
            End();
        }

        if (contact.EmailAddress is { } email)
        {
            Start("EmailURIUniversalCommunication");
            Text("URIID", email);
            End();
        }

        End();
    }

    private void Address(EInvoiceAddress? address)
    {
        if (address is null)
        {
            return;
        }

        Start("PostalTradeAddress");
        Text("PostcodeCode", address.PostCode);
        Text("LineOne", address.Line1);
        Text("LineTwo", address.Line2);
        Text("LineThree", address.Line3);
        Text("CityName", address.City);
        Text("CountryID", address.CountryCode);
        Text("CountrySubDivisionName", address.CountrySubdivision);
        End();
    }

    private void Electronic(SchemeIdentifier? address)
    {
        if (address is null)
        {
            return;
        }

        Start("URIUniversalCommunication");
        Identifier("URIID", address);
        End();
    }

    private void TaxRegistration(string? id, string scheme)
    {
        if (id is null)
        {
            return;
        }

        Start("SpecifiedTaxRegistration");
        Start("ID");
        _w.WriteAttributeString("schemeID", scheme);
        _w.WriteString(id);
        End();
        End();
    }

    private void Reference(string name, string? id)
    {
        if (id is null)
        {
            return;
        }

        Start(name);
        Text("IssuerAssignedID", id);
        End();
    }

    private void Account(string? id)
    {
        if (id is null)
        {
            return;
        }

        Start("ReceivableSpecifiedTradeAccountingAccount");
        Text("ID", id);
        End();
    }

    private void Period(InvoicingPeriod? period)
    {
        if (period is null)
        {
            return;
        }

        Start("BillingSpecifiedPeriod");
        DateTime("StartDateTime", period.StartDate);
        DateTime("EndDateTime", period.EndDate);
        End();
    }

    private void Indicator(bool value)
    {
        Start("ChargeIndicator");
        _w.WriteStartElement("udt", "Indicator", Udt);
        _w.WriteString(value ? "true" : "false");
        _w.WriteEndElement();
        End();
    }

    private void DateTime(string name, LocalDate? date, bool required = false)
    {
        if (date is null && !required)
        {
            return;
        }

        Start(name);
        _w.WriteStartElement("udt", "DateTimeString", Udt);
        _w.WriteAttributeString("format", "102");
        _w.WriteString(date is { } value ? Format102(value) : string.Empty);
        _w.WriteEndElement();
        End();
    }

    private void Identifier(string name, SchemeIdentifier? id)
    {
        if (id is null)
        {
            return;
        }

        Start(name);
        Attribute("schemeID", id.SchemeId);
        _w.WriteString(id.Value ?? string.Empty);
        End();
    }

    private void Quantity(string name, decimal? value, string? unitCode)
    {
        if (value is null)
        {
            return;
        }

        Start(name);
        Attribute("unitCode", unitCode);
        _w.WriteString(value.Value.ToString(CultureInfo.InvariantCulture));
        End();
    }

    private void Amount(string name, decimal? value, string? currency)
    {
        if (value is null)
        {
            return;
        }

        Start(name);
        Attribute("currencyID", currency);
        _w.WriteString(value.Value.ToString(CultureInfo.InvariantCulture));
        End();
    }

    private void Decimal(string name, decimal? value)
    {
        if (value is { } v)
        {
            Text(name, v.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Text(string name, string? value)
    {
        if (value is not null)
        {
            _w.WriteElementString("ram", name, Ram, value);
        }
    }

    private void Attribute(string name, string? value)
    {
        if (value is not null)
        {
            _w.WriteAttributeString(name, value);
        }
    }

    private void Start(string name) => _w.WriteStartElement("ram", name, Ram);

    private void End() => _w.WriteEndElement();

    private static string Format102(LocalDate date) => date.ToString("uuuuMMdd", CultureInfo.InvariantCulture);

    private static bool LooksLikeIban(string account)
    {
        var compact = account.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(compact[0]) || !char.IsAsciiLetterUpper(compact[1])
            || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            return false;
        }

        foreach (var c in compact)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
