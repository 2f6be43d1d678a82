using System.Globalization;
using System.Xml;
using Invoicing.Core.Monetary;
using NodaTime;

namespace Invoicing.Core.EInvoicing.Ubl;

/// <summary>One forward pass over a UBL 2.1 Invoice or CreditNote, building the EN 16931 model (EN 16931-3-2 binding).</summary>
internal sealed class UblParser
{
    private readonly XmlReader _r;
    private readonly List<string> _currencies = [];
    private readonly UblSyntaxTreeBuilder _tree = new();
    private readonly bool _tolerate;
    private readonly List<(UblNode Node, string Path, string Value, string Problem, int Line, int Position)> _unreadable = [];

    /// <summary>The line being read (BG-25, 1-based), or 0 outside the lines: an unreadable value in a line is placed in it.</summary>
    private int _line;

    public UblParser(XmlReader reader, EInvoiceReaderOptions? options)
    {
        _r = reader;
        _tolerate = (options ?? EInvoiceReaderOptions.Default).TolerateUnreadableValues;
    }

    public EInvoiceReadResult Parse()
    {
        _r.MoveToContent();
        if (_r.NodeType != XmlNodeType.Element)
        {
            throw EInvoiceXml.Error(_r, "the document has no root element");
        }

        EInvoiceSyntax syntax;
        if (_r.LocalName == "Invoice" && _r.NamespaceURI == UblReader.InvoiceNamespace)
        {
            syntax = EInvoiceSyntax.UblInvoice;
        }
        else if (_r.LocalName == "CreditNote" && _r.NamespaceURI == UblReader.CreditNoteNamespace)
        {
            syntax = EInvoiceSyntax.UblCreditNote;
        }
        else
        {
            throw EInvoiceXml.Error(_r, FormattableString.Invariant(
                $"the root element is '{_r.LocalName}' in namespace '{_r.NamespaceURI}'; a UBL 2.1 document has the root 'Invoice' ({UblReader.InvoiceNamespace}) or 'CreditNote' ({UblReader.CreditNoteNamespace})"));
        }

        _tree.Enter(_r);
        var document = ReadDocument(syntax == EInvoiceSyntax.UblCreditNote);
        _tree.Leave();
        while (_r.Read())
        {
            // Reads to the end so that trailing garbage is a format error.
        }

        var paths = UblElementPaths.For(syntax == EInvoiceSyntax.UblCreditNote);
        var unreadable = _unreadable.Count == 0 ? null : _unreadable.ConvertAll(u => new UnreadableValue(u.Path, u.Node.ElementPath(), u.Value, u.Problem, u.Line, u.Position));
        return new EInvoiceReadResult(document, syntax, _currencies.ToArray(), paths.Resolve, _tree.Tree, unreadable);
    }

    private EInvoice ReadDocument(bool creditNote)
    {
        string? number = null, typeCode = null, currency = null, vatCurrency = null, vatPointCode = null, buyerReference = null;
        string? project = null, contract = null, purchaseOrder = null, salesOrder = null, receiving = null, despatch = null, tender = null;
        string? accounting = null, paymentTerms = null, businessProcess = null, specification = null;
        LocalDate? issueDate = null, vatPointDate = null, dueDate = null;
        SchemeIdentifier? invoicedObject = null;
        InvoicingPeriod? period = null;
        var notes = new List<InvoiceNote>();
        var preceding = new List<PrecedingInvoiceReference>();
        var supporting = new List<SupportingDocument>();
        var allowances = new List<DocumentLevelAllowanceCharge>();
        var charges = new List<DocumentLevelAllowanceCharge>();
        var breakdown = new List<VatBreakdown>();
        var lines = new List<EInvoiceLine>();
        PartyData? seller = null, buyer = null, payee = null, taxRepresentative = null;
        DeliveryInformation? delivery = null;
        var payment = new PaymentData();
        decimal? totalVat = null, totalVatAccounting = null;
        bool vatTotalGiven = false, accountingTotalGiven = false;
        DocumentTotals? totals = null;

        Children(name =>
        {
            switch (name)
            {
                case "CustomizationID": specification = Text(); return true;
                case "ProfileID": businessProcess = Text(); return true;
                case "ID": number = Text(); return true;
                case "IssueDate": issueDate = Date("BT-2"); return true;
                case "DueDate": dueDate = Date("BT-9"); return true;
                case "InvoiceTypeCode" or "CreditNoteTypeCode": typeCode = Text(); return true;
                case "Note": notes.Add(Note(Text())); return true;
                case "TaxPointDate": vatPointDate = Date("BT-7"); return true;
                case "DocumentCurrencyCode": currency = Text(); return true;
                case "TaxCurrencyCode": vatCurrency = Text(); return true;
                case "AccountingCost": accounting = Text(); return true;
                case "BuyerReference": buyerReference = Text(); return true;
                case "InvoicePeriod":
                    period = Period("BG-14/BT-73", "BG-14/BT-74", out var code);
                    vatPointCode = code ?? vatPointCode;
                    return true;
                case "OrderReference":
                    Children(n =>
                    {
                        switch (n)
                        {
                            case "ID": purchaseOrder = Text(); return true;
                            case "SalesOrderID": salesOrder = Text(); return true;
                            default: return false;
                        }
                    });
                    return true;
                case "BillingReference":
                    // One BG-3 per BillingReference, even an empty one: BR-55 asks each to carry BT-25.
                    var before = preceding.Count;
                    Children(n =>
                    {
                        if (n != "InvoiceDocumentReference")
                        {
                            return false;
                        }

                        string? reference = null;
                        LocalDate? date = null;
                        var index = preceding.Count + 1;
                        Children(m =>
                        {
                            switch (m)
                            {
                                case "ID": reference = Text(); return true;
                                case "IssueDate": date = Date(new Term("BG-3", index, "BT-26")); return true;
                                default: return false;
                            }
                        });
                        preceding.Add(new PrecedingInvoiceReference { Reference = reference, IssueDate = date });
                        return true;
                    });
                    if (preceding.Count == before)
                    {
                        preceding.Add(new PrecedingInvoiceReference());
                    }

                    return true;
                case "DespatchDocumentReference": despatch = ChildId() ?? despatch; return true;
                case "ReceiptDocumentReference": receiving = ChildId() ?? receiving; return true;
                case "OriginatorDocumentReference": tender = ChildId() ?? tender; return true;
                case "ContractDocumentReference": contract = ChildId() ?? contract; return true;
                case "ProjectReference": project = ChildId() ?? project; return true;
                case "AdditionalDocumentReference":
                    var additional = AdditionalDocument();
                    if (additional.TypeCode == "130")
                    {
                        invoicedObject = additional.Id;
                    }
                    else if (additional.TypeCode == "50" && creditNote)
                    {
                        project = additional.Id?.Value;
                    }
                    else
                    {
                        supporting.Add(additional.Document);
                    }

                    return true;
                case "AccountingSupplierParty": seller = PartyWrapper(); return true;
                case "AccountingCustomerParty": buyer = PartyWrapper(); return true;
                case "PayeeParty": payee = Party(); return true;
                case "TaxRepresentativeParty": taxRepresentative = Party(); return true;
                case "Delivery": delivery = Delivery(); return true;
                case "PaymentMeans": PaymentMeans(payment); return true;
                case "PaymentTerms":
                    Children(n =>
                    {
                        if (n != "Note")
                        {
                            return false;
                        }

                        var text = Text();
                        paymentTerms = paymentTerms is null ? text : paymentTerms + "\n" + text;
                        return true;
                    });
                    return true;
                case "AllowanceCharge":
                    var (isCharge, item) = DocumentAllowanceCharge(allowances.Count, charges.Count);
                    (isCharge ? charges : allowances).Add(item);
                    return true;
                case "TaxTotal":
                    var unreadableBefore = _unreadable.Count;
                    var (amount, amountCurrency, subtotals) = TaxTotal(breakdown.Count);
                    breakdown.AddRange(subtotals);

                    // A total given as a value the reader could not parse was still given: it decides how the next one reads.
                    var given = amount is not null || _unreadable.Count > unreadableBefore;
                    if (subtotals.Count == 0 && vatCurrency is not null && amountCurrency == vatCurrency && vatCurrency != currency)
                    {
                        totalVatAccounting = amount;
                        accountingTotalGiven |= given;
                        Replace(unreadableBefore, "BG-22/BT-110", "BG-22/BT-111");
                    }
                    else if (subtotals.Count == 0 && vatTotalGiven && !accountingTotalGiven)
                    {
                        totalVatAccounting = amount;
                        accountingTotalGiven |= given;
                        Replace(unreadableBefore, "BG-22/BT-110", "BG-22/BT-111");
                    }
                    else
                    {
                        totalVat = amount;
                        vatTotalGiven |= given;
                    }

                    return true;
                case "LegalMonetaryTotal": totals = MonetaryTotal(); return true;
                case "InvoiceLine" or "CreditNoteLine":
                    _line = lines.Count + 1;
                    lines.Add(Line());
                    _line = 0;
                    return true;
                default: return false;
            }
        });

        dueDate ??= payment.DueDate;
        if (totalVat is not null || totalVatAccounting is not null)
        {
            totals = (totals ?? new DocumentTotals()) with { TotalVat = totalVat, TotalVatInAccountingCurrency = totalVatAccounting };
        }

        var creditorId = payee?.SepaId ?? seller?.SepaId;
        return new EInvoice
        {
            Number = number,
            IssueDate = issueDate,
            TypeCode = typeCode,
            CurrencyCode = currency,
            VatAccountingCurrencyCode = vatCurrency,
            VatPointDate = vatPointDate,
            VatPointDateCode = vatPointCode,
            PaymentDueDate = dueDate,
            BuyerReference = buyerReference,
            ProjectReference = project,
            ContractReference = contract,
            PurchaseOrderReference = purchaseOrder,
            SalesOrderReference = salesOrder,
            ReceivingAdviceReference = receiving,
            DespatchAdviceReference = despatch,
            TenderOrLotReference = tender,
            InvoicedObjectIdentifier = invoicedObject,
            BuyerAccountingReference = accounting,
            PaymentTerms = paymentTerms,
            Notes = notes,
            ProcessControl = businessProcess is null && specification is null ? null : new ProcessControl { BusinessProcessType = businessProcess, SpecificationIdentifier = specification },
            PrecedingInvoiceReferences = preceding,
            Seller = seller is null ? null : new Seller
            {
                Name = seller.RegistrationName,
                TradingName = seller.Name,
                Identifiers = seller.Identifiers,
                LegalRegistrationIdentifier = seller.LegalId,
                VatIdentifier = seller.VatId,
                TaxRegistrationIdentifier = seller.OtherTaxId,
                AdditionalLegalInformation = seller.LegalForm,
                ElectronicAddress = seller.Endpoint,
                Address = seller.Address,
                Contact = seller.Contact,
            },
            Buyer = buyer is null ? null : new Buyer
            {
                Name = buyer.RegistrationName,
                TradingName = buyer.Name,
                Identifier = buyer.Identifiers.Count > 0 ? buyer.Identifiers[0] : null,
                LegalRegistrationIdentifier = buyer.LegalId,
                VatIdentifier = buyer.VatId ?? buyer.OtherTaxId,
                ElectronicAddress = buyer.Endpoint,
                Address = buyer.Address,
                Contact = buyer.Contact,
            },
            Payee = payee is null ? null : new Payee
            {
                Name = payee.Name,
                Identifier = payee.Identifiers.Count > 0 ? payee.Identifiers[0] : null,
                LegalRegistrationIdentifier = payee.LegalId,
            },
            SellerTaxRepresentative = taxRepresentative is null ? null : new SellerTaxRepresentative
            {
                Name = taxRepresentative.Name,
                VatIdentifier = taxRepresentative.VatId,
                Address = taxRepresentative.Address,
            },
            Delivery = delivery,
            InvoicingPeriod = period,
            PaymentInstructions = payment.Build(creditorId),
            Allowances = allowances,
            Charges = charges,
            Totals = totals,
            VatBreakdown = breakdown,
            SupportingDocuments = supporting,
            Lines = lines,
        };
    }

    private static InvoiceNote Note(string text)
    {
        // EN 16931-3-2: the subject code (BT-21) prefixes the note as "#CODE#text".
        if (text.Length > 2 && text[0] == '#')
        {
            var end = text.IndexOf('#', 1);
            if (end > 1)
            {
                return new InvoiceNote { SubjectCode = text[1..end], Text = text[(end + 1)..] };
            }
        }

        return new InvoiceNote { Text = text };
    }

    private InvoicingPeriod Period(Term startTerm, Term endTerm, out string? descriptionCode)
    {
        LocalDate? start = null, end = null;
        string? code = null;
        Children(n =>
        {
            switch (n)
            {
                case "StartDate": start = Date(startTerm); return true;
                case "EndDate": end = Date(endTerm); return true;
                case "DescriptionCode": code = Text(); return true;
                default: return false;
            }
        });
        descriptionCode = code;
        return new InvoicingPeriod { StartDate = start, EndDate = end };
    }

    private string? ChildId() => Only("ID", Text);

    /// <summary>Reads the children of the current element, keeping the last <paramref name="name"/> child read with <paramref name="read"/>.</summary>
    private T? Only<T>(string name, Func<T?> read)
    {
        T? value = default;
        Children(n =>
        {
            if (n != name)
            {
                return false;
            }

            value = read();
            return true;
        });
        return value;
    }

    private (SchemeIdentifier? Id, string? TypeCode, SupportingDocument Document) AdditionalDocument()
    {
        SchemeIdentifier? id = null;
        string? typeCode = null, description = null, uri = null;
        AttachedDocument? attachment = null;
        Children(n =>
        {
            switch (n)
            {
                case "ID": id = Identifier(); return true;
                case "DocumentTypeCode": typeCode = Text(); return true;
                case "DocumentDescription": description = Text(); return true;
                case "Attachment":
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "EmbeddedDocumentBinaryObject":
                                var mime = _r.GetAttribute("mimeCode");
                                var file = _r.GetAttribute("filename");
                                attachment = new AttachedDocument { MimeCode = mime, FileName = file, ContentBase64 = LongText() };
                                return true;
                            case "ExternalReference":
                                Children(k =>
                                {
                                    if (k != "URI")
                                    {
                                        return false;
                                    }

                                    uri = Text();
                                    return true;
                                });
                                return true;
                            default: return false;
                        }
                    });
                    return true;
                default: return false;
            }
        });
        return (id, typeCode, new SupportingDocument { Reference = id?.Value, Description = description, ExternalLocation = uri, Attachment = attachment });
    }

    private PartyData? PartyWrapper()
    {
        PartyData? party = null;
        Children(n =>
        {
            if (n != "Party")
            {
                return false;
            }

            party = Party();
            return true;
        });
        return party ?? new PartyData();
    }

    private PartyData Party()
    {
        var party = new PartyData();
        Children(n =>
        {
            switch (n)
            {
                case "EndpointID": party.Endpoint = Identifier(); return true;
                case "PartyIdentification":
                    Children(m =>
                    {
                        if (m != "ID")
                        {
                            return false;
                        }

                        var id = Identifier();
                        if (id.SchemeId == "SEPA")
                        {
                            party.SepaId = id.Value;
                        }
                        else
                        {
                            party.Identifiers.Add(id);
                        }

                        return true;
                    });
                    return true;
                case "PartyName":
                    party.Name = Only("Name", Text) ?? party.Name;
                    return true;
                case "PostalAddress": party.Address = Address(); return true;
                case "PartyTaxScheme":
                    string? companyId = null, scheme = null;
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "CompanyID": companyId = Text(); return true;
                            case "TaxScheme": scheme = ChildId(); return true;
                            default: return false;
                        }
                    });
                    if (companyId is not null)
                    {
                        if (scheme == "VAT")
                        {
                            party.VatId = companyId;
                        }
                        else
                        {
                            party.OtherTaxId = companyId;
                        }
                    }

                    return true;
                case "PartyLegalEntity":
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "RegistrationName": party.RegistrationName = Text(); return true;
                            case "CompanyID": party.LegalId = Identifier(); return true;
                            case "CompanyLegalForm": party.LegalForm = Text(); return true;
                            default: return false;
                        }
                    });
                    return true;
                case "Contact":
                    string? contactName = null, phone = null, mail = null;
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "Name": contactName = Text(); return true;
                            case "Telephone": phone = Text(); return true;
                            case "ElectronicMail": mail = Text(); return true;
                            default: return false;
                        }
                    });
                    party.Contact = new EInvoiceContact { Point = contactName, TelephoneNumber = phone, EmailAddress = mail };
                    return true;
                default: return false;
            }
        });
        return party;
    }

    private EInvoiceAddress Address()
    {
        string? line1 = null, line2 = null, line3 = null, city = null, postCode = null, subdivision = null, country = null;
        Children(n =>
        {
            switch (n)
            {
                case "StreetName": line1 = Text(); return true;
                case "AdditionalStreetName": line2 = Text(); return true;
                case "CityName": city = Text(); return true;
                case "PostalZone": postCode = Text(); return true;
                case "CountrySubentity": subdivision = Text(); return true;
                case "AddressLine":
                    line3 = Only("Line", Text) ?? line3;
                    return true;
                case "Country":
                    country = Only("IdentificationCode", Text) ?? country;
                    return true;
                default: return false;
            }
        });
        return new EInvoiceAddress { Line1 = line1, Line2 = line2, Line3 = line3, City = city, PostCode = postCode, CountrySubdivision = subdivision, CountryCode = country };
    }

    private DeliveryInformation Delivery()
    {
        string? name = null;
        SchemeIdentifier? location = null;
        LocalDate? date = null;
        EInvoiceAddress? address = null;
        Children(n =>
        {
            switch (n)
            {
                case "ActualDeliveryDate": date = Date("BG-13/BT-72"); return true;
                case "DeliveryLocation":
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "ID": location = Identifier(); return true;
                            case "Address": address = Address(); return true;
                            default: return false;
                        }
                    });
                    return true;
                case "DeliveryParty":
                    Children(m =>
                    {
                        if (m != "PartyName")
                        {
                            return false;
                        }

                        Children(k =>
                        {
                            if (k != "Name")
                            {
                                return false;
                            }

                            name = Text();
                            return true;
                        });
                        return true;
                    });
                    return true;
                default: return false;
            }
        });
        return new DeliveryInformation { PartyName = name, LocationIdentifier = location, ActualDeliveryDate = date, Address = address };
    }

    private void PaymentMeans(PaymentData payment)
    {
        payment.Present = true; // an empty PaymentMeans is still BG-16, which BR-49 asks to carry BT-81
        Children(n =>
        {
            switch (n)
            {
                case "PaymentMeansCode":
                    var meansName = _r.GetAttribute("name");
                    var code = Text();
                    payment.Code ??= code;
                    payment.Text ??= meansName;
                    return true;
                case "PaymentDueDate":
                    var due = Date("BT-9");
                    payment.DueDate ??= due;
                    return true;
                case "PaymentID":
                    var id = Text();
                    payment.Remittance ??= id;
                    return true;
                case "CardAccount":
                    string? pan = null, holder = null;
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "PrimaryAccountNumberID": pan = Text(); return true;
                            case "HolderName": holder = Text(); return true;
                            default: return false;
                        }
                    });
                    payment.Card ??= new PaymentCard { PrimaryAccountNumber = pan, HolderName = holder };
                    return true;
                case "PayeeFinancialAccount":
                    string? account = null, accountName = null, provider = null;
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "ID": account = Text(); return true;
                            case "Name": accountName = Text(); return true;
                            case "FinancialInstitutionBranch": provider = ChildId(); return true;
                            default: return false;
                        }
                    });
                    payment.Transfers.Add(new CreditTransfer { PaymentAccountIdentifier = account, PaymentAccountName = accountName, PaymentServiceProviderIdentifier = provider });
                    return true;
                case "PaymentMandate":
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "ID":
                                var mandate = Text();
                                payment.Mandate ??= mandate;
                                return true;
                            case "PayerFinancialAccount":
                                var debited = ChildId();
                                payment.DebitedAccount ??= debited;
                                return true;
                            default: return false;
                        }
                    });
                    payment.HasMandate = true;
                    return true;
                default: return false;
            }
        });
    }

    /// <param name="allowances">The allowances (BG-20) read before this one.</param>
    /// <param name="charges">The charges (BG-21) read before this one.</param>
    private (bool IsCharge, DocumentLevelAllowanceCharge Item) DocumentAllowanceCharge(int allowances, int charges)
    {
        bool isCharge = false;
        decimal? amount = null, baseAmount = null, percentage = null, rate = null;
        string? reason = null, reasonCode = null, category = null;

        // The indicator comes first (UBL's sequence), so the group and its term ids are known when the values come.
        Term Of(string allowanceTerm, string chargeTerm) => isCharge ? new("BG-21", charges + 1, chargeTerm) : new("BG-20", allowances + 1, allowanceTerm);
        Children(n =>
        {
            switch (n)
            {
                case "ChargeIndicator": isCharge = Indicator(); return true;
                case "AllowanceChargeReasonCode": reasonCode = Text(); return true;
                case "AllowanceChargeReason": reason = Text(); return true;
                case "MultiplierFactorNumeric": percentage = Decimal(Of("BT-94", "BT-101")); return true;
                case "Amount": amount = Amount(Of("BT-92", "BT-99")); return true;
                case "BaseAmount": baseAmount = Amount(Of("BT-93", "BT-100")); return true;
                case "TaxCategory":
                    (category, rate, _, _) = TaxCategory(Of("BT-96", "BT-103"));
                    return true;
                default: return false;
            }
        });
        return (isCharge, new DocumentLevelAllowanceCharge
        {
            Amount = amount,
            BaseAmount = baseAmount,
            Percentage = percentage,
            VatCategoryCode = category,
            VatRate = rate,
            Reason = reason,
            ReasonCode = reasonCode,
        });
    }

    /// <param name="allowances">The line's allowances (BG-27) read before this one.</param>
    /// <param name="charges">The line's charges (BG-28) read before this one.</param>
    private (bool IsCharge, LineAllowanceCharge Item) LineAllowanceCharge(int allowances, int charges)
    {
        bool isCharge = false;
        decimal? amount = null, baseAmount = null, percentage = null;
        string? reason = null, reasonCode = null;
        Term Of(string allowanceTerm, string chargeTerm) => isCharge ? new("BG-28", charges + 1, chargeTerm) : new("BG-27", allowances + 1, allowanceTerm);
        Children(n =>
        {
            switch (n)
            {
                case "ChargeIndicator": isCharge = Indicator(); return true;
                case "AllowanceChargeReasonCode": reasonCode = Text(); return true;
                case "AllowanceChargeReason": reason = Text(); return true;
                case "MultiplierFactorNumeric": percentage = Decimal(Of("BT-138", "BT-143")); return true;
                case "Amount": amount = Amount(Of("BT-136", "BT-141")); return true;
                case "BaseAmount": baseAmount = Amount(Of("BT-137", "BT-142")); return true;
                default: return false;
            }
        });
        return (isCharge, new LineAllowanceCharge { Amount = amount, BaseAmount = baseAmount, Percentage = percentage, Reason = reason, ReasonCode = reasonCode });
    }

    /// <param name="rateTerm">The term of the rate in the current group (BT-96, BT-119, BG-30/BT-152).</param>
    private (string? Category, decimal? Rate, string? ExemptionCode, string? ExemptionText) TaxCategory(Term rateTerm)
    {
        string? category = null, exemptionCode = null, exemptionText = null;
        decimal? rate = null;
        Children(n =>
        {
            switch (n)
            {
                case "ID": category = Text(); return true;
                case "Percent": rate = Decimal(rateTerm); return true;
                case "TaxExemptionReasonCode": exemptionCode = Text(); return true;
                case "TaxExemptionReason": exemptionText = Text(); return true;
                default: return false;
            }
        });
        return (category, rate, exemptionCode, exemptionText);
    }

    /// <param name="breakdowns">The VAT breakdowns (BG-23) read before this tax total.</param>
    private (decimal? Amount, string? Currency, List<VatBreakdown> Subtotals) TaxTotal(int breakdowns)
    {
        decimal? amount = null;
        string? currency = null;
        var subtotals = new List<VatBreakdown>();
        Children(n =>
        {
            switch (n)
            {
                case "TaxAmount":
                    currency = _r.GetAttribute("currencyID");
                    amount = Amount("BG-22/BT-110"); // BT-111 when the caller finds it is the total in the accounting currency
                    return true;
                case "TaxSubtotal":
                    decimal? taxable = null, tax = null;
                    (string? Category, decimal? Rate, string? ExemptionCode, string? ExemptionText) category = default;
                    var index = breakdowns + subtotals.Count + 1;
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "TaxableAmount": taxable = Amount(new Term("BG-23", index, "BT-116")); return true;
                            case "TaxAmount": tax = Amount(new Term("BG-23", index, "BT-117")); return true;
                            case "TaxCategory": category = TaxCategory(new Term("BG-23", index, "BT-119")); return true;
                            default: return false;
                        }
                    });
                    subtotals.Add(new VatBreakdown
                    {
                        TaxableAmount = taxable,
                        TaxAmount = tax,
                        CategoryCode = category.Category,
                        Rate = category.Rate,
                        ExemptionReasonCode = category.ExemptionCode,
                        ExemptionReasonText = category.ExemptionText,
                    });
                    return true;
                default: return false;
            }
        });
        return (amount, currency, subtotals);
    }

    private DocumentTotals MonetaryTotal()
    {
        decimal? lineNet = null, withoutVat = null, withVat = null, allowances = null, charges = null, paid = null, rounding = null, due = null;
        Children(n =>
        {
            switch (n)
            {
                case "LineExtensionAmount": lineNet = Amount("BG-22/BT-106"); return true;
                case "TaxExclusiveAmount": withoutVat = Amount("BG-22/BT-109"); return true;
                case "TaxInclusiveAmount": withVat = Amount("BG-22/BT-112"); return true;
                case "AllowanceTotalAmount": allowances = Amount("BG-22/BT-107"); return true;
                case "ChargeTotalAmount": charges = Amount("BG-22/BT-108"); return true;
                case "PrepaidAmount": paid = Amount("BG-22/BT-113"); return true;
                case "PayableRoundingAmount": rounding = Amount("BG-22/BT-114"); return true;
                case "PayableAmount": due = Amount("BG-22/BT-115"); return true;
                default: return false;
            }
        });
        return new DocumentTotals
        {
            SumOfLineNetAmounts = lineNet,
            TotalWithoutVat = withoutVat,
            TotalWithVat = withVat,
            SumOfAllowances = allowances,
            SumOfCharges = charges,
            PaidAmount = paid,
            RoundingAmount = rounding,
            AmountDueForPayment = due,
        };
    }

    private EInvoiceLine Line()
    {
        string? id = null, note = null, unit = null, orderLine = null, accounting = null;
        SchemeIdentifier? objectId = null;
        decimal? quantity = null, net = null;
        InvoicingPeriod? period = null;
        PriceDetails? price = null;
        LineVatInformation? vat = null;
        ItemInformation? item = null;
        var allowances = new List<LineAllowanceCharge>();
        var charges = new List<LineAllowanceCharge>();
        Children(n =>
        {
            switch (n)
            {
                case "ID": id = Text(); return true;
                case "Note":
                    var text = Text();
                    note = note is null ? text : note + "\n" + text;
                    return true;
                case "InvoicedQuantity" or "CreditedQuantity":
                    unit = _r.GetAttribute("unitCode");
                    quantity = Decimal("BT-129");
                    return true;
                case "LineExtensionAmount": net = Amount("BT-131"); return true;
                case "AccountingCost": accounting = Text(); return true;
                case "InvoicePeriod": period = Period("BG-26/BT-134", "BG-26/BT-135", out _); return true;
                case "OrderLineReference":
                    orderLine = Only("LineID", Text) ?? orderLine;
                    return true;
                case "DocumentReference":
                    // BT-128 is the line document reference of type 130 (invoiced object); others are not EN 16931 terms.
                    SchemeIdentifier? referenceId = null;
                    string? referenceType = null;
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "ID": referenceId = Identifier(); return true;
                            case "DocumentTypeCode": referenceType = Text(); return true;
                            default: return false;
                        }
                    });
                    if (referenceType == "130")
                    {
                        objectId = referenceId ?? objectId;
                    }

                    return true;
                case "AllowanceCharge":
                    var (isCharge, allowanceCharge) = LineAllowanceCharge(allowances.Count, charges.Count);
                    (isCharge ? charges : allowances).Add(allowanceCharge);
                    return true;
                case "Item": (item, vat) = Item(); return true;
                case "Price": price = Price(); return true;
                default: return false;
            }
        });
        return new EInvoiceLine
        {
            Identifier = id,
            Note = note,
            ObjectIdentifier = objectId,
            Quantity = quantity,
            UnitCode = unit,
            NetAmount = net,
            PurchaseOrderLineReference = orderLine,
            BuyerAccountingReference = accounting,
            Period = period,
            Allowances = allowances,
            Charges = charges,
            Price = price,
            Vat = vat,
            Item = item,
        };
    }

    private (ItemInformation Item, LineVatInformation? Vat) Item()
    {
        string? name = null, description = null, sellers = null, buyers = null, origin = null;
        SchemeIdentifier? standard = null;
        LineVatInformation? vat = null;
        var classifications = new List<SchemeIdentifier>();
        var attributes = new List<ItemProperty>();
        Children(n =>
        {
            switch (n)
            {
                case "Description": description = Text(); return true;
                case "Name": name = Text(); return true;
                case "BuyersItemIdentification": buyers = ChildId(); return true;
                case "SellersItemIdentification": sellers = ChildId(); return true;
                case "StandardItemIdentification":
                    standard = Only("ID", Identifier) ?? standard;
                    return true;
                case "OriginCountry":
                    origin = Only("IdentificationCode", Text) ?? origin;
                    return true;
                case "CommodityClassification":
                    Children(m =>
                    {
                        if (m != "ItemClassificationCode")
                        {
                            return false;
                        }

                        var listId = _r.GetAttribute("listID");
                        var listVersion = _r.GetAttribute("listVersionID");
                        classifications.Add(new SchemeIdentifier(Text(), listId, listVersion));
                        return true;
                    });
                    return true;
                case "ClassifiedTaxCategory":
                    var (category, rate, _, _) = TaxCategory("BG-30/BT-152");
                    vat = new LineVatInformation { CategoryCode = category, Rate = rate };
                    return true;
                case "AdditionalItemProperty":
                    string? propertyName = null, propertyValue = null;
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "Name": propertyName = Text(); return true;
                            case "Value": propertyValue = Text(); return true;
                            default: return false;
                        }
                    });
                    attributes.Add(new ItemProperty { Name = propertyName, Value = propertyValue });
                    return true;
                default: return false;
            }
        });
        var item = new ItemInformation
        {
            Name = name,
            Description = description,
            SellersIdentifier = sellers,
            BuyersIdentifier = buyers,
            StandardIdentifier = standard,
            ClassificationIdentifiers = classifications,
            CountryOfOrigin = origin,
            Attributes = attributes,
        };
        return (item, vat);
    }

    private PriceDetails Price()
    {
        decimal? net = null, discount = null, gross = null, baseQuantity = null;
        string? baseUnit = null;
        Children(n =>
        {
            switch (n)
            {
                case "PriceAmount": net = Amount("BG-29/BT-146"); return true;
                case "BaseQuantity":
                    baseUnit = _r.GetAttribute("unitCode");
                    baseQuantity = Decimal("BG-29/BT-149");
                    return true;
                case "AllowanceCharge":
                    Children(m =>
                    {
                        switch (m)
                        {
                            case "Amount": discount = Amount("BG-29/BT-147"); return true;
                            case "BaseAmount": gross = Amount("BG-29/BT-148"); return true;
                            default: return false;
                        }
                    });
                    return true;
                default: return false;
            }
        });
        return new PriceDetails { NetPrice = net, Discount = discount, GrossPrice = gross, BaseQuantity = baseQuantity, BaseQuantityUnitCode = baseUnit };
    }

    /// <summary>
    /// Visits the child elements of the current element; <paramref name="handle"/> reads an element fully and
    /// returns true, or returns false to have it skipped. Every element visited or skipped enters the syntax tree.
    /// </summary>
    private void Children(Func<string, bool> handle)
    {
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return;
        }

        var depth = _r.Depth;
        _r.Read();
        while (true)
        {
            if (_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth)
            {
                _r.Read();
                return;
            }

            if (_r.NodeType == XmlNodeType.Element)
            {
                _tree.Enter(_r);
                if (!handle(_r.LocalName))
                {
                    Skip();
                }

                _tree.Leave();
            }
            else if (!_r.Read())
            {
                return;
            }
        }
    }

    /// <summary>Walks past an element the model does not use, entering its descendants in the syntax tree.</summary>
    private void Skip()
    {
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return;
        }

        var depth = _r.Depth;
        while (_r.Read())
        {
            switch (_r.NodeType)
            {
                case XmlNodeType.Element:
                    _tree.Enter(_r);
                    if (_r.IsEmptyElement)
                    {
                        _tree.Leave();
                    }

                    break;
                case XmlNodeType.EndElement when _r.Depth == depth:
                    _r.Read();
                    return;
                case XmlNodeType.EndElement:
                    _tree.Leave();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when _tree.KeepsText:
                    _tree.Text(_r.Value);
                    break;
            }
        }
    }

    private string Text()
    {
        try
        {
            var keep = _tree.KeepsText;
            var text = _r.ReadElementContentAsString();
            if (keep)
            {
                _tree.Text(text); // as written: the syntax rules compare string values, untrimmed
            }

            return text.Trim();
        }
        catch (XmlException e) when (_r.NodeType == XmlNodeType.Element)
        {
            // Well-formed, but an element where text belongs (<cbc:Note><b>x</b></cbc:Note>): say so, not "malformed".
            throw EInvoiceXml.Error(_r, FormattableString.Invariant($"the element '{_r.Name}' stands where text is expected"), e);
        }
    }

    /// <summary>
    /// The text of an element that may hold megabytes (a base64 attachment), trimmed, as <see cref="Text"/> reads it
    /// but with its text nodes read in chunks (<see cref="EInvoiceXml.ReadValueInChunks"/>); not kept in the syntax tree.
    /// </summary>
    private string LongText()
    {
        if (_r.IsEmptyElement)
        {
            _r.Read();
            return string.Empty;
        }

        var depth = _r.Depth;
        string? text = null;
        System.Text.StringBuilder? pieces = null;
        _r.Read();
        while (!(_r.NodeType == XmlNodeType.EndElement && _r.Depth == depth))
        {
            switch (_r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    var piece = _r.NodeType == XmlNodeType.Text ? EInvoiceXml.ReadValueInChunks(_r) : _r.Value;
                    if (text is null && pieces is null)
                    {
                        text = piece;
                    }
                    else
                    {
                        (pieces ??= new System.Text.StringBuilder(text)).Append(piece);
                        text = null;
                    }

                    break;
                case XmlNodeType.Element:
                    throw EInvoiceXml.Error(_r, FormattableString.Invariant($"the element '{_r.Name}' stands where text is expected"));
            }

            if (!_r.Read())
            {
                break;
            }
        }

        _r.Read();
        return (pieces?.ToString() ?? text ?? string.Empty).Trim();
    }

    private SchemeIdentifier Identifier()
    {
        var scheme = _r.GetAttribute("schemeID");
        var version = _r.GetAttribute("schemeVersionID");
        return new SchemeIdentifier(Text(), scheme, version);
    }

    /// <summary>
    /// A date; an empty element is an absent date (the official fragments use <c>&lt;cbc:ActualDeliveryDate/&gt;</c> for "no date").
    /// </summary>
    /// <param name="term">Where the term is, for an unreadable value (BT-2, BG-26/BT-134 in the line being read).</param>
    private LocalDate? Date(Term term)
    {
        var (name, line, position) = Place();
        var node = _tree.Current;
        var text = Text();
        if (text.Length == 0)
        {
            return null;
        }

        // xsd:date may carry a time zone (Z or +hh:mm); EN 16931 dates are calendar dates.
        return EInvoiceXml.TryParseDate(text, allowTime: false, out var date)
            ? date
            : Unreadable<LocalDate>(term, node, name, text, "a date (yyyy-MM-dd)", line, position);
    }

    /// <param name="term">Where the term is, for an unreadable value (BT-131, BG-29/BT-146 in the line being read).</param>
    private decimal? Amount(Term term)
    {
        var currency = _r.GetAttribute("currencyID");
        if (currency is not null && !_currencies.Contains(currency))
        {
            _currencies.Add(currency);
        }

        return Decimal(term);
    }

    /// <summary>A decimal; an empty element is an absent value.</summary>
    /// <param name="term">Where the term is, for an unreadable value (BT-129, BG-29/BT-149 in the line being read).</param>
    private decimal? Decimal(Term term)
    {
        var (name, line, position) = Place();
        var node = _tree.Current;
        var text = Text();
        if (text.Length == 0)
        {
            return null;
        }

        // Exact: a number with more digits than decimal holds is refused, never silently rounded.
        return DecimalParts.TryParseExact(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : Unreadable<decimal>(term, node, name, text, "a decimal number that can be held exactly", line, position);
    }

    /// <summary>A value its element cannot take: a format error, or, when tolerated, an absent term and an <see cref="UnreadableValue"/>.</summary>
    private T? Unreadable<T>(Term term, UblNode? node, string name, string text, string expected, int line, int position)
        where T : struct
    {
        var value = EInvoiceXml.Shorten(text);
        if (!_tolerate || node is null)
        {
            throw new EInvoiceFormatException(FormattableString.Invariant($"{name}: '{value}' is not {expected}"), line, position);
        }

        _unreadable.Add((node, term.PathIn(_line), value, FormattableString.Invariant($"{name} holds '{value}', which is not {expected}."), line, position));
        return null;
    }

    /// <summary>Gives the unreadable values recorded since <paramref name="from"/> at <paramref name="path"/> the path <paramref name="replacement"/>.</summary>
    private void Replace(int from, string path, string replacement)
    {
        for (var i = from; i < _unreadable.Count; i++)
        {
            if (_unreadable[i].Path == path)
            {
                _unreadable[i] = _unreadable[i] with { Path = replacement };
            }
        }
    }

    /// <summary>
    /// Where a term is in the model, built into a path only for a value that cannot be read: a term of the document or of a
    /// fixed group (<c>BT-2</c>, <c>BG-22/BT-110</c>, in a line <c>BG-29/BT-146</c>), or of the <paramref name="Index"/>th
    /// repeated <paramref name="Group"/> (BG-20, BG-23, BG-27 ...). Reading a valid document allocates nothing for it.
    /// </summary>
    private readonly record struct Term(string? Group, int Index, string Name)
    {
        public static implicit operator Term(string name) => new(null, 0, name);

        /// <summary>The model path, inside line <paramref name="line"/> (BG-25, 1-based) when it is not 0.</summary>
        public string PathIn(int line)
        {
            var path = new System.Text.StringBuilder();
            if (line > 0)
            {
                path.Append(CultureInfo.InvariantCulture, $"BG-25[{line}]/");
            }

            if (Group is not null)
            {
                path.Append(CultureInfo.InvariantCulture, $"{Group}[{Index}]/");
            }

            return path.Append(Name).ToString();
        }
    }

    private bool Indicator()
    {
        var (name, line, position) = Place();
        var text = Text();
        return text switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw new EInvoiceFormatException(FormattableString.Invariant($"{name}: '{text}' is not an indicator (true or false)"), line, position),
        };
    }

    private (string Name, int Line, int Position) Place()
    {
        var info = (IXmlLineInfo)_r;
        return (_r.Name, info.LineNumber, info.LinePosition);
    }

    private sealed class PartyData
    {
        public SchemeIdentifier? Endpoint { get; set; }

        public List<SchemeIdentifier> Identifiers { get; } = [];

        public string? SepaId { get; set; }

        public string? Name { get; set; }

        public EInvoiceAddress? Address { get; set; }

        public string? VatId { get; set; }

        public string? OtherTaxId { get; set; }

        public string? RegistrationName { get; set; }

        public SchemeIdentifier? LegalId { get; set; }

        public string? LegalForm { get; set; }

        public EInvoiceContact? Contact { get; set; }
    }

    private sealed class PaymentData
    {
        public string? Code { get; set; }

        public string? Text { get; set; }

        public string? Remittance { get; set; }

        public LocalDate? DueDate { get; set; }

        public List<CreditTransfer> Transfers { get; } = [];

        public PaymentCard? Card { get; set; }

        public bool HasMandate { get; set; }

        public bool Present { get; set; }

        public string? Mandate { get; set; }

        public string? DebitedAccount { get; set; }

        public PaymentInstructions? Build(string? creditorId)
        {
            var debit = HasMandate || creditorId is not null
                ? new DirectDebit { MandateReference = Mandate, BankAssignedCreditorIdentifier = creditorId, DebitedAccountIdentifier = DebitedAccount }
                : null;
            return !Present && Code is null && Text is null && Remittance is null && Transfers.Count == 0 && Card is null && debit is null
                ? null
                : new PaymentInstructions
                {
                    PaymentMeansTypeCode = Code,
                    PaymentMeansText = Text,
                    RemittanceInformation = Remittance,
                    CreditTransfers = Transfers,
                    PaymentCard = Card,
                    DirectDebit = debit,
                };
        }
    }
}
