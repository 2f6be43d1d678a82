using System.Globalization;
using System.Xml;
using NodaTime;

namespace Invoicing.Core.EInvoicing.Ubl;

/// <summary>
/// Writes the EN 16931 model as an OASIS UBL 2.1 Invoice, or as a CreditNote when BT-3 is a credit
/// note type code (81, 83, 261, 262, 296, 308, 381, 396, 420, 458, 532), following the EN 16931-3-2
/// binding and the element order of the UBL 2.1 schemas.
/// </summary>
/// <remarks>
/// <para>Thread-safe: the class holds no state.</para>
/// <para>Output is UTF-8 without a byte order mark. Amounts carry <c>currencyID</c> = BT-5 (BT-111
/// carries BT-6); decimals are written as held, with their scale (invariant culture). A term that is
/// absent is not written. Where UBL needs one element per repetition the model holds once, the value
/// is repeated: several credit transfer accounts (BG-17) give one <c>cac:PaymentMeans</c> each, all
/// with BT-81 and BT-83, and the first with BT-82 (UBL-SR-46 allows it once). A credit note carries BT-9 in <c>cac:PaymentMeans/cbc:PaymentDueDate</c>
/// and BT-11 as an <c>cac:AdditionalDocumentReference</c> with type code 50, as UBL 2.1 CreditNote has
/// no <c>cbc:DueDate</c> nor <c>cac:ProjectReference</c>.</para>
/// <para>What UBL cannot carry as the model holds it: the order of allowances among charges (written
/// allowances first); several line notes, payment terms or line objects beyond the first (joined
/// texts read back as one); a payment card network (UBL requires <c>cbc:NetworkID</c>: written as
/// "NA"); BT-14 without BT-13 (UBL requires <c>cac:OrderReference/cbc:ID</c>: written as "NA", as
/// Peppol BIS does). A document without the terms UBL makes mandatory (BT-1, BT-2, the parties, the
/// totals, a line item) is written without them and is then not schema-valid.</para>
/// </remarks>
public static class UblWriter
{

    /// <summary>Writes <paramref name="document"/> as UBL 2.1 (UTF-8, indented): built in memory, then copied to the stream and flushed.</summary>
    /// <param name="document">The document.</param>
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
        EInvoiceXmlOutput.Write(stream, writer => new UblDocumentWriter(writer, document, IsCreditNote(document)).Write());
    }

    /// <summary>Writes <paramref name="document"/> as UBL 2.1 to a stream that may block: built in memory, then copied asynchronously and flushed.</summary>
    /// <param name="document">The document.</param>
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
        return EInvoiceXmlOutput.WriteAsync(stream, writer => new UblDocumentWriter(writer, document, IsCreditNote(document)).Write(), cancellationToken);
    }

    private static bool IsCreditNote(EInvoice document) => document.TypeCode is { } code && DocumentTypeCodes.CreditNote.Contains(code.Trim());

    private sealed class UblDocumentWriter(XmlWriter w, EInvoice d, bool creditNote)
    {
        private const string Cbc = UblReader.CbcNamespace;
        private const string Cac = UblReader.CacNamespace;

        public void Write()
        {
            w.WriteStartDocument();
            if (creditNote)
            {
                w.WriteStartElement(string.Empty, "CreditNote", UblReader.CreditNoteNamespace);
            }
            else
            {
                w.WriteStartElement(string.Empty, "Invoice", UblReader.InvoiceNamespace);
            }

            w.WriteAttributeString("xmlns", "cac", null, Cac);
            w.WriteAttributeString("xmlns", "cbc", null, Cbc);

            Basic("CustomizationID", d.ProcessControl?.SpecificationIdentifier);
            Basic("ProfileID", d.ProcessControl?.BusinessProcessType);
            Basic("ID", d.Number);
            Date("IssueDate", d.IssueDate);
            if (creditNote)
            {
                Date("TaxPointDate", d.VatPointDate);
                Basic("CreditNoteTypeCode", d.TypeCode);
            }
            else
            {
                Date("DueDate", d.PaymentDueDate);
                Basic("InvoiceTypeCode", d.TypeCode);
            }

            foreach (var note in d.Notes)
            {
                Basic("Note", note.SubjectCode is null ? note.Text ?? string.Empty : "#" + note.SubjectCode + "#" + note.Text);
            }

            if (!creditNote)
            {
                Date("TaxPointDate", d.VatPointDate);
            }

            Basic("DocumentCurrencyCode", d.CurrencyCode);
            Basic("TaxCurrencyCode", d.VatAccountingCurrencyCode);
            Basic("AccountingCost", d.BuyerAccountingReference);
            Basic("BuyerReference", d.BuyerReference);
            if (d.InvoicingPeriod is not null || d.VatPointDateCode is not null)
            {
                Period("InvoicePeriod", d.InvoicingPeriod, d.VatPointDateCode);
            }

            if (d.PurchaseOrderReference is not null || d.SalesOrderReference is not null)
            {
                Start("OrderReference");
                Basic("ID", d.PurchaseOrderReference ?? "NA");
                Basic("SalesOrderID", d.SalesOrderReference);
                End();
            }

            foreach (var preceding in d.PrecedingInvoiceReferences)
            {
                Start("BillingReference");
                Start("InvoiceDocumentReference");
                Basic("ID", preceding.Reference ?? string.Empty);
                Date("IssueDate", preceding.IssueDate);
                End();
                End();
            }

            Reference("DespatchDocumentReference", d.DespatchAdviceReference);
            Reference("ReceiptDocumentReference", d.ReceivingAdviceReference);
            if (creditNote)
            {
                Reference("ContractDocumentReference", d.ContractReference);
                AdditionalDocuments();
                Reference("OriginatorDocumentReference", d.TenderOrLotReference);
            }
            else
            {
                Reference("OriginatorDocumentReference", d.TenderOrLotReference);
                Reference("ContractDocumentReference", d.ContractReference);
                AdditionalDocuments();
                Reference("ProjectReference", d.ProjectReference);
            }

            var creditorId = d.PaymentInstructions?.DirectDebit?.BankAssignedCreditorIdentifier;
            if (d.Seller is { } seller)
            {
                Start("AccountingSupplierParty");
                Start("Party");
                Identifier("EndpointID", seller.ElectronicAddress);
                foreach (var id in seller.Identifiers)
                {
                    PartyIdentification(id);
                }

                if (creditorId is not null && d.Payee is null)
                {
                    PartyIdentification(new SchemeIdentifier(creditorId, "SEPA"));
                }

                PartyName(seller.TradingName);
                Address("PostalAddress", seller.Address);
                PartyTaxScheme(seller.VatIdentifier, "VAT");
                PartyTaxScheme(seller.TaxRegistrationIdentifier, "TAX");
                if (seller.Name is not null || seller.LegalRegistrationIdentifier is not null || seller.AdditionalLegalInformation is not null)
                {
                    Start("PartyLegalEntity");
                    Basic("RegistrationName", seller.Name);
                    Identifier("CompanyID", seller.LegalRegistrationIdentifier);
                    Basic("CompanyLegalForm", seller.AdditionalLegalInformation);
                    End();
                }

                Contact(seller.Contact);
                End();
                End();
            }

            if (d.Buyer is { } buyer)
            {
                Start("AccountingCustomerParty");
                Start("Party");
                Identifier("EndpointID", buyer.ElectronicAddress);
                if (buyer.Identifier is not null)
                {
                    PartyIdentification(buyer.Identifier);
                }

                PartyName(buyer.TradingName);
                Address("PostalAddress", buyer.Address);
                PartyTaxScheme(buyer.VatIdentifier, "VAT");
                if (buyer.Name is not null || buyer.LegalRegistrationIdentifier is not null)
                {
                    Start("PartyLegalEntity");
                    Basic("RegistrationName", buyer.Name);
                    Identifier("CompanyID", buyer.LegalRegistrationIdentifier);
                    End();
                }

                Contact(buyer.Contact);
                End();
                End();
            }

            if (d.Payee is { } payee)
            {
                Start("PayeeParty");
                if (payee.Identifier is not null)
                {
                    PartyIdentification(payee.Identifier);
                }

                if (creditorId is not null)
                {
                    PartyIdentification(new SchemeIdentifier(creditorId, "SEPA"));
                }

                PartyName(payee.Name);
                if (payee.LegalRegistrationIdentifier is not null)
                {
                    Start("PartyLegalEntity");
                    Identifier("CompanyID", payee.LegalRegistrationIdentifier);
                    End();
                }

                End();
            }

            if (d.SellerTaxRepresentative is { } representative)
            {
                Start("TaxRepresentativeParty");
                PartyName(representative.Name);
                Address("PostalAddress", representative.Address);
                PartyTaxScheme(representative.VatIdentifier, "VAT");
                End();
            }

            if (d.Delivery is { } delivery)
            {
                Start("Delivery");
                Date("ActualDeliveryDate", delivery.ActualDeliveryDate);
                if (delivery.LocationIdentifier is not null || delivery.Address is not null)
                {
                    Start("DeliveryLocation");
                    Identifier("ID", delivery.LocationIdentifier);
                    Address("Address", delivery.Address);
                    End();
                }

                if (delivery.PartyName is not null)
                {
                    Start("DeliveryParty");
                    PartyName(delivery.PartyName);
                    End();
                }

                End();
            }

            PaymentMeans();
            if (d.PaymentTerms is not null)
            {
                Start("PaymentTerms");
                Basic("Note", d.PaymentTerms);
                End();
            }

            foreach (var allowance in d.Allowances)
            {
                DocumentAllowanceCharge(allowance, false);
            }

            foreach (var charge in d.Charges)
            {
                DocumentAllowanceCharge(charge, true);
            }

            if (d.Totals?.TotalVat is not null || d.VatBreakdown.Count > 0)
            {
                Start("TaxTotal");
                Amount("TaxAmount", d.Totals?.TotalVat);
                foreach (var vat in d.VatBreakdown)
                {
                    Start("TaxSubtotal");
                    Amount("TaxableAmount", vat.TaxableAmount);
                    Amount("TaxAmount", vat.TaxAmount);
                    TaxCategory("TaxCategory", vat.CategoryCode, vat.Rate, vat.ExemptionReasonCode, vat.ExemptionReasonText);
                    End();
                }

                End();
            }

            if (d.Totals?.TotalVatInAccountingCurrency is { } accountingVat)
            {
                Start("TaxTotal");
                Amount("TaxAmount", accountingVat, d.VatAccountingCurrencyCode ?? d.CurrencyCode);
                End();
            }

            if (d.Totals is { } totals)
            {
                Start("LegalMonetaryTotal");
                Amount("LineExtensionAmount", totals.SumOfLineNetAmounts);
                Amount("TaxExclusiveAmount", totals.TotalWithoutVat);
                Amount("TaxInclusiveAmount", totals.TotalWithVat);
                Amount("AllowanceTotalAmount", totals.SumOfAllowances);
                Amount("ChargeTotalAmount", totals.SumOfCharges);
                Amount("PrepaidAmount", totals.PaidAmount);
                Amount("PayableRoundingAmount", totals.RoundingAmount);
                Amount("PayableAmount", totals.AmountDueForPayment);
                End();
            }

            foreach (var line in d.Lines)
            {
                Line(line);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        private void AdditionalDocuments()
        {
            if (d.InvoicedObjectIdentifier is { } invoicedObject)
            {
                Start("AdditionalDocumentReference");
                Identifier("ID", invoicedObject with { Value = invoicedObject.Value ?? string.Empty });
                Basic("DocumentTypeCode", "130");
                End();
            }

            if (creditNote && d.ProjectReference is not null)
            {
                Start("AdditionalDocumentReference");
                Basic("ID", d.ProjectReference);
                Basic("DocumentTypeCode", "50");
                End();
            }

            foreach (var document in d.SupportingDocuments)
            {
                Start("AdditionalDocumentReference");
                Basic("ID", document.Reference ?? string.Empty);
                Basic("DocumentDescription", document.Description);
                if (document.Attachment is not null || document.ExternalLocation is not null)
                {
                    Start("Attachment");
                    if (document.Attachment is { } attachment)
                    {
                        w.WriteStartElement("cbc", "EmbeddedDocumentBinaryObject", Cbc);
                        w.WriteAttributeString("mimeCode", attachment.MimeCode ?? string.Empty);
                        if (attachment.FileName is not null)
                        {
                            w.WriteAttributeString("filename", attachment.FileName);
                        }

                        w.WriteString(attachment.ContentBase64 ?? string.Empty);
                        w.WriteEndElement();
                    }

                    if (document.ExternalLocation is not null)
                    {
                        Start("ExternalReference");
                        Basic("URI", document.ExternalLocation);
                        End();
                    }

                    End();
                }

                End();
            }
        }

        private void PaymentMeans()
        {
            var payment = d.PaymentInstructions;
            var dueDate = creditNote ? d.PaymentDueDate : null;
            var mandate = payment?.DirectDebit is { } debit && (debit.MandateReference is not null || debit.DebitedAccountIdentifier is not null) ? debit : null;
            if (payment is null && dueDate is null)
            {
                return;
            }

            if (payment is not null && payment.PaymentMeansTypeCode is null && payment.PaymentMeansText is null && payment.RemittanceInformation is null
                && payment.CreditTransfers.Count == 0 && payment.PaymentCard is null && mandate is null && dueDate is null)
            {
                return; // only BT-90, written with the seller or payee
            }

            var count = Math.Max(1, payment?.CreditTransfers.Count ?? 0);
            for (var i = 0; i < count; i++)
            {
                Start("PaymentMeans");
                w.WriteStartElement("cbc", "PaymentMeansCode", Cbc);
                if (i == 0 && payment?.PaymentMeansText is { } text)
                {
                    w.WriteAttributeString("name", text); // once: UBL-SR-46
                }

                w.WriteString(payment?.PaymentMeansTypeCode ?? string.Empty);
                w.WriteEndElement();
                if (i == 0)
                {
                    Date("PaymentDueDate", dueDate);
                }

                Basic("PaymentID", payment?.RemittanceInformation);
                if (i == 0 && payment?.PaymentCard is { } card)
                {
                    Start("CardAccount");
                    Basic("PrimaryAccountNumberID", card.PrimaryAccountNumber ?? string.Empty);
                    Basic("NetworkID", "NA");
                    Basic("HolderName", card.HolderName);
                    End();
                }

                if (payment is not null && i < payment.CreditTransfers.Count)
                {
                    var transfer = payment.CreditTransfers[i];
                    Start("PayeeFinancialAccount");
                    Basic("ID", transfer.PaymentAccountIdentifier);
                    Basic("Name", transfer.PaymentAccountName);
                    if (transfer.PaymentServiceProviderIdentifier is not null)
                    {
                        Start("FinancialInstitutionBranch");
                        Basic("ID", transfer.PaymentServiceProviderIdentifier);
                        End();
                    }

                    End();
                }

                if (i == 0 && mandate is not null)
                {
                    Start("PaymentMandate");
                    Basic("ID", mandate.MandateReference);
                    if (mandate.DebitedAccountIdentifier is not null)
                    {
                        Start("PayerFinancialAccount");
                        Basic("ID", mandate.DebitedAccountIdentifier);
                        End();
                    }

                    End();
                }

                End();
            }
        }

        private void DocumentAllowanceCharge(DocumentLevelAllowanceCharge item, bool charge)
        {
            Start("AllowanceCharge");
            Basic("ChargeIndicator", charge ? "true" : "false");
            Basic("AllowanceChargeReasonCode", item.ReasonCode);
            Basic("AllowanceChargeReason", item.Reason);
            Decimal("MultiplierFactorNumeric", item.Percentage);
            Amount("Amount", item.Amount);
            Amount("BaseAmount", item.BaseAmount);
            if (item.VatCategoryCode is not null || item.VatRate is not null)
            {
                TaxCategory("TaxCategory", item.VatCategoryCode, item.VatRate, null, null);
            }

            End();
        }

        private void Line(EInvoiceLine line)
        {
            Start(creditNote ? "CreditNoteLine" : "InvoiceLine");
            Basic("ID", line.Identifier);
            Basic("Note", line.Note);
            if (line.Quantity is not null || line.UnitCode is not null)
            {
                w.WriteStartElement("cbc", creditNote ? "CreditedQuantity" : "InvoicedQuantity", Cbc);
                if (line.UnitCode is not null)
                {
                    w.WriteAttributeString("unitCode", line.UnitCode);
                }

                w.WriteString(Text(line.Quantity));
                w.WriteEndElement();
            }

            Amount("LineExtensionAmount", line.NetAmount);
            Basic("AccountingCost", line.BuyerAccountingReference);
            if (line.Period is not null)
            {
                Period("InvoicePeriod", line.Period, null);
            }

            if (line.PurchaseOrderLineReference is not null)
            {
                Start("OrderLineReference");
                Basic("LineID", line.PurchaseOrderLineReference);
                End();
            }

            if (line.ObjectIdentifier is { } objectId)
            {
                Start("DocumentReference");
                Identifier("ID", objectId with { Value = objectId.Value ?? string.Empty });
                Basic("DocumentTypeCode", "130");
                End();
            }

            foreach (var allowance in line.Allowances)
            {
                LineAllowanceCharge(allowance, false);
            }

            foreach (var charge in line.Charges)
            {
                LineAllowanceCharge(charge, true);
            }

            // UBL requires cac:Item on an invoice line: a line without BG-31 reads back with an empty one.
            var item = line.Item;
            if (item is null && line.Vat is null && creditNote)
            {
                WritePrice(line.Price);
                End();
                return;
            }

            Start("Item");
            Basic("Description", item?.Description);
            Basic("Name", item?.Name);
            ItemIdentification("BuyersItemIdentification", item?.BuyersIdentifier);
            ItemIdentification("SellersItemIdentification", item?.SellersIdentifier);
            if (item?.StandardIdentifier is { } standard)
            {
                Start("StandardItemIdentification");
                Identifier("ID", standard);
                End();
            }

            if (item?.CountryOfOrigin is not null)
            {
                Start("OriginCountry");
                Basic("IdentificationCode", item.CountryOfOrigin);
                End();
            }

            foreach (var classification in item?.ClassificationIdentifiers ?? [])
            {
                Start("CommodityClassification");
                w.WriteStartElement("cbc", "ItemClassificationCode", Cbc);
                if (classification.SchemeId is not null)
                {
                    w.WriteAttributeString("listID", classification.SchemeId);
                }

                if (classification.SchemeVersion is not null)
                {
                    w.WriteAttributeString("listVersionID", classification.SchemeVersion);
                }

                w.WriteString(classification.Value ?? string.Empty);
                w.WriteEndElement();
                End();
            }

            if (line.Vat is { } vat)
            {
                TaxCategory("ClassifiedTaxCategory", vat.CategoryCode, vat.Rate, null, null);
            }

            foreach (var attribute in item?.Attributes ?? [])
            {
                Start("AdditionalItemProperty");
                Basic("Name", attribute.Name ?? string.Empty);
                Basic("Value", attribute.Value ?? string.Empty);
                End();
            }

            End();
            WritePrice(line.Price);
            End();
        }

        private void WritePrice(PriceDetails? details)
        {
            if (details is { } price)
            {
                Start("Price");
                Amount("PriceAmount", price.NetPrice);
                if (price.BaseQuantity is not null || price.BaseQuantityUnitCode is not null)
                {
                    w.WriteStartElement("cbc", "BaseQuantity", Cbc);
                    if (price.BaseQuantityUnitCode is not null)
                    {
                        w.WriteAttributeString("unitCode", price.BaseQuantityUnitCode);
                    }

                    w.WriteString(Text(price.BaseQuantity));
                    w.WriteEndElement();
                }

                if (price.Discount is not null || price.GrossPrice is not null)
                {
                    Start("AllowanceCharge");
                    Basic("ChargeIndicator", "false");
                    Amount("Amount", price.Discount);
                    Amount("BaseAmount", price.GrossPrice);
                    End();
                }

                End();
            }
        }

        private void LineAllowanceCharge(LineAllowanceCharge item, bool charge)
        {
            Start("AllowanceCharge");
            Basic("ChargeIndicator", charge ? "true" : "false");
            Basic("AllowanceChargeReasonCode", item.ReasonCode);
            Basic("AllowanceChargeReason", item.Reason);
            Decimal("MultiplierFactorNumeric", item.Percentage);
            Amount("Amount", item.Amount);
            Amount("BaseAmount", item.BaseAmount);
            End();
        }

        private void ItemIdentification(string name, string? id)
        {
            if (id is null)
            {
                return;
            }

            Start(name);
            Basic("ID", id);
            End();
        }

        private void TaxCategory(string name, string? category, decimal? rate, string? exemptionCode, string? exemptionText)
        {
            Start(name);
            Basic("ID", category);
            Decimal("Percent", rate);
            Basic("TaxExemptionReasonCode", exemptionCode);
            Basic("TaxExemptionReason", exemptionText);
            Start("TaxScheme");
            Basic("ID", "VAT");
            End();
            End();
        }

        private void Period(string name, InvoicingPeriod? period, string? descriptionCode)
        {
            Start(name);
            Date("StartDate", period?.StartDate);
            Date("EndDate", period?.EndDate);
            Basic("DescriptionCode", descriptionCode);
            End();
        }

        private void Reference(string name, string? id)
        {
            if (id is null)
            {
                return;
            }

            Start(name);
            Basic("ID", id);
            End();
        }

        private void PartyIdentification(SchemeIdentifier id)
        {
            Start("PartyIdentification");
            Identifier("ID", id with { Value = id.Value ?? string.Empty });
            End();
        }

        private void PartyName(string? name)
        {
            if (name is null)
            {
                return;
            }

            Start("PartyName");
            Basic("Name", name);
            End();
        }

        private void PartyTaxScheme(string? companyId, string scheme)
        {
            if (companyId is null)
            {
                return;
            }

            Start("PartyTaxScheme");
            Basic("CompanyID", companyId);
            Start("TaxScheme");
            Basic("ID", scheme);
            End();
            End();
        }

        private void Address(string name, EInvoiceAddress? address)
        {
            if (address is null)
            {
                return;
            }

            Start(name);
            Basic("StreetName", address.Line1);
            Basic("AdditionalStreetName", address.Line2);
            Basic("CityName", address.City);
            Basic("PostalZone", address.PostCode);
            Basic("CountrySubentity", address.CountrySubdivision);
            if (address.Line3 is not null)
            {
                Start("AddressLine");
                Basic("Line", address.Line3);
                End();
            }

            if (address.CountryCode is not null)
            {
                Start("Country");
                Basic("IdentificationCode", address.CountryCode);
                End();
            }

            End();
        }

        private void Contact(EInvoiceContact? contact)
        {
            if (contact is null)
            {
                return;
            }

            Start("Contact");
            Basic("Name", contact.Point);
            Basic("Telephone", contact.TelephoneNumber);
            Basic("ElectronicMail", contact.EmailAddress);
            End();
        }

        private void Start(string name) => w.WriteStartElement("cac", name, Cac);

        private void End() => w.WriteEndElement();

        private void Basic(string name, string? value)
        {
            if (value is not null)
            {
                w.WriteElementString("cbc", name, Cbc, value);
            }
        }

        private void Identifier(string name, SchemeIdentifier? id)
        {
            if (id is null)
            {
                return;
            }

            w.WriteStartElement("cbc", name, Cbc);
            if (id.SchemeId is not null)
            {
                w.WriteAttributeString("schemeID", id.SchemeId);
            }

            if (id.SchemeVersion is not null)
            {
                w.WriteAttributeString("schemeVersionID", id.SchemeVersion);
            }

            w.WriteString(id.Value ?? string.Empty);
            w.WriteEndElement();
        }

        private void Date(string name, LocalDate? date)
        {
            if (date is { } value)
            {
                Basic(name, value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
            }
        }

        private void Decimal(string name, decimal? value)
        {
            if (value is not null)
            {
                Basic(name, Text(value));
            }
        }

        private void Amount(string name, decimal? value, string? currency = null)
        {
            if (value is null)
            {
                return;
            }

            w.WriteStartElement("cbc", name, Cbc);
            if ((currency ?? d.CurrencyCode) is { } code)
            {
                w.WriteAttributeString("currencyID", code);
            }

            w.WriteString(Text(value));
            w.WriteEndElement();
        }

        private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
