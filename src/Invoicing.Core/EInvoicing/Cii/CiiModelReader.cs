using System.Globalization;
using Invoicing.Core.Monetary;
using NodaTime;
using NodaTime.Text;
using static Invoicing.Core.EInvoicing.Cii.CiiNames;

namespace Invoicing.Core.EInvoicing.Cii;

/// <summary>
/// Maps a <see cref="CiiNode"/> tree to the EN 16931 model (EN 16931-3-3), remembering which element
/// gave each term so that findings can point at it. One instance per read; not thread-safe.
/// </summary>
internal sealed class CiiModelReader
{
    private static readonly LocalDatePattern Format102 = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");

    /// <summary>The element each model path was read from, marked while mapping (for <see cref="EInvoiceReadResult.ElementPath"/>).</summary>
    private readonly Dictionary<string, CiiNode> _paths;
    private readonly CiiNode _root;
    private readonly bool _tolerate;
    private readonly List<UnreadableValue> _unreadable = [];

    /// <param name="root">The document's root element.</param>
    /// <param name="tolerate">Whether an unparsable value is kept as an <see cref="UnreadableValue"/> rather than thrown.</param>
    /// <param name="elements">How many elements the tree has: about twice the terms marked, so the dictionary is sized once.</param>
    private CiiModelReader(CiiNode root, bool tolerate, int elements)
    {
        _root = root;
        _tolerate = tolerate;
        _paths = new Dictionary<string, CiiNode>(elements / 2, StringComparer.Ordinal);
    }

    public static EInvoiceReadResult Map(CiiTreeBuilder builder, EInvoiceReaderOptions? options)
    {
        var root = builder.Root ?? throw new EInvoiceFormatException("the document has no root element.", 0, 0);
        var mapper = new CiiModelReader(root, (options ?? EInvoiceReaderOptions.Default).TolerateUnreadableValues, builder.Elements);
        var document = mapper.Document();

        // The paths are marked while mapping, for every document. (Marking them lazily, by a second pass on the first
        // ElementPath question, saved a quarter of the allocations of a clean read but cost a whole second mapping,
        // about 40 % more time, for any document with a finding: too dear for a validation desk.)
        var paths = mapper._paths;
        return new EInvoiceReadResult(document, EInvoiceSyntax.Cii, builder.Currencies.ToArray(), modelPath => ElementPath(paths, root, modelPath), unreadableValues: InDocumentOrder(mapper._unreadable));
    }

    /// <summary>The unreadable values in document order, as UBL gives them (the mapping visits terms in the model's order); null when none.</summary>
    private static List<UnreadableValue>? InDocumentOrder(List<UnreadableValue> unreadable)
    {
        if (unreadable.Count == 0)
        {
            return null;
        }

        unreadable.Sort((a, b) => a.LineNumber != b.LineNumber ? a.LineNumber.CompareTo(b.LineNumber) : a.LinePosition.CompareTo(b.LinePosition));
        return unreadable;
    }

    /// <summary>The element that gave the term, else that of the nearest enclosing group read, else the root.</summary>
    private static string? ElementPath(Dictionary<string, CiiNode> paths, CiiNode root, string modelPath)
    {
        var path = modelPath;
        while (true)
        {
            if (paths.TryGetValue(path, out var node))
            {
                return node.Path;
            }

            var cut = path.LastIndexOf('/');
            if (cut < 0)
            {
                return root.Path;
            }

            path = path[..cut];
        }
    }

    private EInvoice Document()
    {
        var context = _root.Child("ExchangedDocumentContext", Rsm);
        var header = _root.Child("ExchangedDocument", Rsm);
        var transaction = _root.Child("SupplyChainTradeTransaction", Rsm);
        var agreement = transaction?.Child("ApplicableHeaderTradeAgreement");
        var delivery = transaction?.Child("ApplicableHeaderTradeDelivery");
        var settlement = transaction?.Child("ApplicableHeaderTradeSettlement");

        var currency = Text(settlement?.Child("InvoiceCurrencyCode"), "BT-5");
        var taxCurrency = Text(settlement?.Child("TaxCurrencyCode"), "BT-6");

        var taxes = settlement?.All("ApplicableTradeTax").ToList() ?? [];
        LocalDate? vatPointDate = null;
        string? vatPointCode = null;
        foreach (var tax in taxes)
        {
            vatPointDate ??= Date(tax.Child("TaxPointDate"), "BT-7");
            vatPointCode ??= Text(tax.Child("DueDateTypeCode"), "BT-8");
        }

        var terms = settlement?.All("SpecifiedTradePaymentTerms").ToList() ?? [];
        LocalDate? dueDate = null;
        string? paymentTerms = null;
        string? mandate = null;
        foreach (var term in terms)
        {
            dueDate ??= Date(term.Child("DueDateDateTime"), "BT-9");
            paymentTerms = Joined(paymentTerms, Text(term.Child("Description"), "BT-20"));
            mandate ??= Text(term.Child("DirectDebitMandateID"), "BG-16/BG-19/BT-89");
        }

        string? tender = null, objectId = null;
        SchemeIdentifier? invoicedObject = null;
        var supporting = new List<SupportingDocument>();
        foreach (var referenced in agreement?.All("AdditionalReferencedDocument") ?? [])
        {
            switch (referenced.Child("TypeCode")?.Text)
            {
                case "50":
                    tender ??= Text(referenced.Child("IssuerAssignedID"), "BT-17");
                    break;
                case "130":
                    if (objectId is null)
                    {
                        objectId = Text(referenced.Child("IssuerAssignedID"), "BT-18");
                        invoicedObject = new SchemeIdentifier(objectId, Text(referenced.Child("ReferenceTypeCode"), "BT-18-1"));
                    }

                    break;
                default:
                    supporting.Add(SupportingDocument(referenced, $"BG-24[{supporting.Count + 1}]"));
                    break;
            }
        }

        var project = agreement?.Child("SpecifiedProcuringProject");
        Mark("BG-13", delivery?.Child("ShipToTradeParty"));

        var notes = new List<InvoiceNote>();
        foreach (var note in header?.All("IncludedNote") ?? [])
        {
            var path = $"BG-1[{notes.Count + 1}]";
            Mark(path, note);
            notes.Add(new InvoiceNote { SubjectCode = Text(note.Child("SubjectCode"), path + "/BT-21"), Text = Text(note.Child("Content"), path + "/BT-22") });
        }

        var preceding = new List<PrecedingInvoiceReference>();
        foreach (var invoice in settlement?.All("InvoiceReferencedDocument") ?? [])
        {
            var path = $"BG-3[{preceding.Count + 1}]";
            Mark(path, invoice);
            preceding.Add(new PrecedingInvoiceReference
            {
                Reference = Text(invoice.Child("IssuerAssignedID"), path + "/BT-25"),
                IssueDate = Date(invoice.Child("FormattedIssueDateTime"), path + "/BT-26"),
            });
        }

        var allowances = new List<DocumentLevelAllowanceCharge>();
        var charges = new List<DocumentLevelAllowanceCharge>();
        foreach (var allowanceCharge in settlement?.All("SpecifiedTradeAllowanceCharge") ?? [])
        {
            var isCharge = Indicator(allowanceCharge.Child("ChargeIndicator"));
            var list = isCharge ? charges : allowances;
            list.Add(DocumentAllowanceCharge(allowanceCharge, isCharge ? $"BG-21[{list.Count + 1}]" : $"BG-20[{list.Count + 1}]", isCharge));
        }

        var breakdown = new List<VatBreakdown>();
        foreach (var tax in taxes)
        {
            var path = $"BG-23[{breakdown.Count + 1}]";
            Mark(path, tax);
            breakdown.Add(new VatBreakdown
            {
                TaxableAmount = Decimal(tax.Child("BasisAmount"), path + "/BT-116"),
                TaxAmount = Decimal(tax.Child("CalculatedAmount"), path + "/BT-117"),
                CategoryCode = Text(tax.Child("CategoryCode"), path + "/BT-118"),
                Rate = Decimal(tax.Child("RateApplicablePercent"), path + "/BT-119"),
                ExemptionReasonText = Text(tax.Child("ExemptionReason"), path + "/BT-120"),
                ExemptionReasonCode = Text(tax.Child("ExemptionReasonCode"), path + "/BT-121"),
            });
        }

        var lines = new List<EInvoiceLine>();
        foreach (var item in transaction?.All("IncludedSupplyChainTradeLineItem") ?? [])
        {
            lines.Add(Line(item, $"BG-25[{lines.Count + 1}]"));
        }

        return new EInvoice
        {
            Number = Text(header?.Child("ID"), "BT-1"),
            IssueDate = Date(header?.Child("IssueDateTime"), "BT-2"),
            TypeCode = Text(header?.Child("TypeCode"), "BT-3"),
            CurrencyCode = currency,
            VatAccountingCurrencyCode = taxCurrency,
            VatPointDate = vatPointDate,
            VatPointDateCode = vatPointCode,
            PaymentDueDate = dueDate,
            BuyerReference = Text(agreement?.Child("BuyerReference"), "BT-10"),
            ProjectReference = Text(project?.Child("ID"), "BT-11"),
            ContractReference = Text(agreement?.Find("ContractReferencedDocument", "IssuerAssignedID"), "BT-12"),
            PurchaseOrderReference = Text(agreement?.Find("BuyerOrderReferencedDocument", "IssuerAssignedID"), "BT-13"),
            SalesOrderReference = Text(agreement?.Find("SellerOrderReferencedDocument", "IssuerAssignedID"), "BT-14"),
            ReceivingAdviceReference = Text(delivery?.Find("ReceivingAdviceReferencedDocument", "IssuerAssignedID"), "BT-15"),
            DespatchAdviceReference = Text(delivery?.Find("DespatchAdviceReferencedDocument", "IssuerAssignedID"), "BT-16"),
            TenderOrLotReference = tender,
            InvoicedObjectIdentifier = objectId is null && invoicedObject?.SchemeId is null ? null : invoicedObject,
            BuyerAccountingReference = Text(settlement?.Find("ReceivableSpecifiedTradeAccountingAccount", "ID"), "BT-19"),
            PaymentTerms = paymentTerms,
            Notes = notes,
            ProcessControl = Nullify(new ProcessControl
            {
                BusinessProcessType = Text(context?.Find("BusinessProcessSpecifiedDocumentContextParameter", "ID"), "BG-2/BT-23"),
                SpecificationIdentifier = Text(context?.Find("GuidelineSpecifiedDocumentContextParameter", "ID"), "BG-2/BT-24"),
            }),
            PrecedingInvoiceReferences = preceding,
            Seller = Seller(agreement?.Child("SellerTradeParty")),
            Buyer = Buyer(agreement?.Child("BuyerTradeParty")),
            Payee = Payee(settlement?.Child("PayeeTradeParty")),
            SellerTaxRepresentative = TaxRepresentative(agreement?.Child("SellerTaxRepresentativeTradeParty")),
            Delivery = Delivery(delivery),
            InvoicingPeriod = Period(settlement?.Child("BillingSpecifiedPeriod"), "BG-14", "BT-73", "BT-74"),
            PaymentInstructions = PaymentInstructions(settlement, mandate),
            Allowances = allowances,
            Charges = charges,
            Totals = Totals(settlement?.Child("SpecifiedTradeSettlementHeaderMonetarySummation"), currency),
            VatBreakdown = breakdown,
            SupportingDocuments = supporting,
            Lines = lines,
        };
    }

    private SupportingDocument SupportingDocument(CiiNode node, string path)
    {
        Mark(path, node);
        var binary = node.Child("AttachmentBinaryObject");
        return new SupportingDocument
        {
            Reference = Text(node.Child("IssuerAssignedID"), path + "/BT-122"),
            Description = Text(node.Child("Name"), path + "/BT-123"),
            ExternalLocation = Text(node.Child("URIID"), path + "/BT-124"),
            Attachment = binary is null ? null : Nullify(new AttachedDocument
            {
                ContentBase64 = Text(binary, path + "/BT-125"),
                MimeCode = binary.Attribute("mimeCode"),
                FileName = binary.Attribute("filename"),
            }),
        };
    }

    private DocumentLevelAllowanceCharge DocumentAllowanceCharge(CiiNode node, string path, bool isCharge)
    {
        Mark(path, node);
        var tax = node.Child("CategoryTradeTax");
        string Term(int allowanceId) => $"{path}/BT-{(isCharge ? allowanceId + 7 : allowanceId)}";
        return new DocumentLevelAllowanceCharge
        {
            Amount = Decimal(node.Child("ActualAmount"), Term(92)),
            BaseAmount = Decimal(node.Child("BasisAmount"), Term(93)),
            Percentage = Decimal(node.Child("CalculationPercent"), Term(94)),
            VatCategoryCode = Text(tax?.Child("CategoryCode"), Term(95)),
            VatRate = Decimal(tax?.Child("RateApplicablePercent"), Term(96)),
            Reason = Text(node.Child("Reason"), Term(97)),
            ReasonCode = Text(node.Child("ReasonCode"), Term(98)),
        };
    }

    private EInvoiceLine Line(CiiNode item, string path)
    {
        Mark(path, item);
        var document = item.Child("AssociatedDocumentLineDocument");
        var product = item.Child("SpecifiedTradeProduct");
        var agreement = item.Child("SpecifiedLineTradeAgreement");
        var delivery = item.Child("SpecifiedLineTradeDelivery");
        var settlement = item.Child("SpecifiedLineTradeSettlement");

        SchemeIdentifier? objectIdentifier = null;
        foreach (var referenced in settlement?.All("AdditionalReferencedDocument") ?? [])
        {
            if (referenced.Child("TypeCode")?.Text is "130" or null)
            {
                objectIdentifier = Nullify(new SchemeIdentifier(
                    Text(referenced.Child("IssuerAssignedID"), path + "/BT-128"),
                    Text(referenced.Child("ReferenceTypeCode"), path + "/BT-128-1")));
                break;
            }
        }

        var allowances = new List<LineAllowanceCharge>();
        var charges = new List<LineAllowanceCharge>();
        foreach (var allowanceCharge in settlement?.All("SpecifiedTradeAllowanceCharge") ?? [])
        {
            var isCharge = Indicator(allowanceCharge.Child("ChargeIndicator"));
            var list = isCharge ? charges : allowances;
            var groupPath = isCharge ? $"{path}/BG-28[{list.Count + 1}]" : $"{path}/BG-27[{list.Count + 1}]";
            Mark(groupPath, allowanceCharge);
            string Term(int allowanceId) => $"{groupPath}/BT-{(isCharge ? allowanceId + 5 : allowanceId)}";
            list.Add(new LineAllowanceCharge
            {
                Amount = Decimal(allowanceCharge.Child("ActualAmount"), Term(136)),
                BaseAmount = Decimal(allowanceCharge.Child("BasisAmount"), Term(137)),
                Percentage = Decimal(allowanceCharge.Child("CalculationPercent"), Term(138)),
                Reason = Text(allowanceCharge.Child("Reason"), Term(139)),
                ReasonCode = Text(allowanceCharge.Child("ReasonCode"), Term(140)),
            });
        }

        var quantity = delivery?.Child("BilledQuantity");
        var lineTax = settlement?.Child("ApplicableTradeTax");
        Mark(path + "/BG-30", lineTax);
        return new EInvoiceLine
        {
            Identifier = Text(document?.Child("LineID"), path + "/BT-126"),
            Note = LineNote(document, path + "/BT-127"),
            ObjectIdentifier = objectIdentifier,
            Quantity = Decimal(quantity, path + "/BT-129"),
            UnitCode = Attribute(quantity, "unitCode", path + "/BT-130"),
            NetAmount = Decimal(settlement?.Find("SpecifiedTradeSettlementLineMonetarySummation", "LineTotalAmount"), path + "/BT-131"),
            PurchaseOrderLineReference = Text(agreement?.Find("BuyerOrderReferencedDocument", "LineID"), path + "/BT-132"),
            BuyerAccountingReference = Text(settlement?.Find("ReceivableSpecifiedTradeAccountingAccount", "ID"), path + "/BT-133"),
            Period = Period(settlement?.Child("BillingSpecifiedPeriod"), path + "/BG-26", "BT-134", "BT-135"),
            Allowances = allowances,
            Charges = charges,
            Price = Price(agreement, path + "/BG-29"),
            Vat = Nullify(new LineVatInformation
            {
                CategoryCode = Text(lineTax?.Child("CategoryCode"), path + "/BG-30/BT-151"),
                Rate = Decimal(lineTax?.Child("RateApplicablePercent"), path + "/BG-30/BT-152"),
            }),
            Item = Item(product, path + "/BG-31"),
        };
    }

    private PriceDetails? Price(CiiNode? agreement, string path)
    {
        var net = agreement?.Child("NetPriceProductTradePrice");
        var gross = agreement?.Child("GrossPriceProductTradePrice");
        Mark(path, net ?? gross);
        var basis = net?.Child("BasisQuantity") ?? gross?.Child("BasisQuantity");
        decimal? discount = null;
        foreach (var applied in gross?.All("AppliedTradeAllowanceCharge") ?? [])
        {
            discount ??= Decimal(applied.Child("ActualAmount"), path + "/BT-147");
        }

        return Nullify(new PriceDetails
        {
            NetPrice = Decimal(net?.Child("ChargeAmount"), path + "/BT-146"),
            Discount = discount,
            GrossPrice = Decimal(gross?.Child("ChargeAmount"), path + "/BT-148"),
            BaseQuantity = Decimal(basis, path + "/BT-149"),
            BaseQuantityUnitCode = Attribute(basis, "unitCode", path + "/BT-150"),
        });
    }

    private ItemInformation? Item(CiiNode? product, string path)
    {
        if (product is null)
        {
            return null;
        }

        Mark(path, product);
        var classifications = new List<SchemeIdentifier>();
        foreach (var classification in product.All("DesignatedProductClassification"))
        {
            var code = classification.Child("ClassCode");
            if (code is null)
            {
                continue;
            }

            var termPath = $"{path}/BT-158[{classifications.Count + 1}]";
            Mark(termPath, code);
            Mark(termPath + "-1", code);
            Mark(termPath + "-2", code);
            classifications.Add(new SchemeIdentifier(code.Text, code.Attribute("listID"), code.Attribute("listVersionID")));
        }

        var attributes = new List<ItemProperty>();
        foreach (var characteristic in product.All("ApplicableProductCharacteristic"))
        {
            var groupPath = $"{path}/BG-32[{attributes.Count + 1}]";
            Mark(groupPath, characteristic);
            attributes.Add(new ItemProperty
            {
                Name = Text(characteristic.Child("Description"), groupPath + "/BT-160"),
                Value = Text(characteristic.Child("Value"), groupPath + "/BT-161"),
            });
        }

        return Nullify(new ItemInformation
        {
            Name = Text(product.Child("Name"), path + "/BT-153"),
            Description = Text(product.Child("Description"), path + "/BT-154"),
            SellersIdentifier = Text(product.Child("SellerAssignedID"), path + "/BT-155"),
            BuyersIdentifier = Text(product.Child("BuyerAssignedID"), path + "/BT-156"),
            StandardIdentifier = Identifier(product.Child("GlobalID"), path + "/BT-157"),
            ClassificationIdentifiers = classifications,
            CountryOfOrigin = Text(product.Find("OriginTradeCountry", "ID"), path + "/BT-159"),
            Attributes = attributes,
        });
    }

    private Seller? Seller(CiiNode? party)
    {
        if (party is null)
        {
            return null;
        }

        const string path = "BG-4";
        Mark(path, party);
        var identifiers = new List<SchemeIdentifier>();
        foreach (var id in party.All("ID").Concat(party.All("GlobalID")))
        {
            var identifier = Identifier(id, $"{path}/BT-29[{identifiers.Count + 1}]");
            if (identifier is not null)
            {
                identifiers.Add(identifier);
            }
        }

        var legal = party.Child("SpecifiedLegalOrganization");
        return Nullify(new Seller
        {
            Name = Text(party.Child("Name"), path + "/BT-27"),
            TradingName = Text(legal?.Child("TradingBusinessName"), path + "/BT-28"),
            Identifiers = identifiers,
            LegalRegistrationIdentifier = Identifier(legal?.Child("ID"), path + "/BT-30"),
            VatIdentifier = TaxRegistration(party, "VA", path + "/BT-31"),
            TaxRegistrationIdentifier = TaxRegistration(party, "FC", path + "/BT-32"),
            AdditionalLegalInformation = Text(party.Child("Description"), path + "/BT-33"),
            ElectronicAddress = Identifier(party.Find("URIUniversalCommunication", "URIID"), path + "/BT-34"),
            Address = Address(party.Child("PostalTradeAddress"), path + "/BG-5", 35),
            Contact = Contact(party.Child("DefinedTradeContact"), path + "/BG-6", 41),
        });
    }

    private Buyer? Buyer(CiiNode? party)
    {
        if (party is null)
        {
            return null;
        }

        const string path = "BG-7";
        Mark(path, party);
        var legal = party.Child("SpecifiedLegalOrganization");
        return Nullify(new Buyer
        {
            Name = Text(party.Child("Name"), path + "/BT-44"),
            TradingName = Text(legal?.Child("TradingBusinessName"), path + "/BT-45"),
            Identifier = Identifier(party.Child("ID") ?? party.Child("GlobalID"), path + "/BT-46"),
            LegalRegistrationIdentifier = Identifier(legal?.Child("ID"), path + "/BT-47"),
            VatIdentifier = TaxRegistration(party, "VA", path + "/BT-48"),
            ElectronicAddress = Identifier(party.Find("URIUniversalCommunication", "URIID"), path + "/BT-49"),
            Address = Address(party.Child("PostalTradeAddress"), path + "/BG-8", 50),
            Contact = Contact(party.Child("DefinedTradeContact"), path + "/BG-9", 56),
        });
    }

    private Payee? Payee(CiiNode? party)
    {
        if (party is null)
        {
            return null;
        }

        const string path = "BG-10";
        Mark(path, party);
        return Nullify(new Payee
        {
            Name = Text(party.Child("Name"), path + "/BT-59"),
            Identifier = Identifier(party.Child("ID") ?? party.Child("GlobalID"), path + "/BT-60"),
            LegalRegistrationIdentifier = Identifier(party.Find("SpecifiedLegalOrganization", "ID"), path + "/BT-61"),
        });
    }

    private SellerTaxRepresentative? TaxRepresentative(CiiNode? party)
    {
        if (party is null)
        {
            return null;
        }

        const string path = "BG-11";
        Mark(path, party);
        return Nullify(new SellerTaxRepresentative
        {
            Name = Text(party.Child("Name"), path + "/BT-62"),
            VatIdentifier = TaxRegistration(party, "VA", path + "/BT-63"),
            Address = Address(party.Child("PostalTradeAddress"), path + "/BG-12", 64),
        });
    }

    private DeliveryInformation? Delivery(CiiNode? delivery)
    {
        if (delivery is null)
        {
            return null;
        }

        var party = delivery.Child("ShipToTradeParty");
        return Nullify(new DeliveryInformation
        {
            PartyName = Text(party?.Child("Name"), "BG-13/BT-70"),
            LocationIdentifier = Identifier(party?.Child("ID") ?? party?.Child("GlobalID"), "BG-13/BT-71"),
            ActualDeliveryDate = Date(delivery.Find("ActualDeliverySupplyChainEvent", "OccurrenceDateTime"), "BG-13/BT-72"),
            Address = Address(party?.Child("PostalTradeAddress"), "BG-13/BG-15", 75),
        });
    }

    private PaymentInstructions? PaymentInstructions(CiiNode? settlement, string? mandate)
    {
        if (settlement is null)
        {
            return null;
        }

        const string path = "BG-16";
        string? typeCode = null, text = null, debited = null;
        PaymentCard? card = null;
        var transfers = new List<CreditTransfer>();
        foreach (var means in settlement.All("SpecifiedTradeSettlementPaymentMeans"))
        {
            Mark(path, means);
            typeCode ??= Text(means.Child("TypeCode"), path + "/BT-81");
            text ??= Text(means.Child("Information"), path + "/BT-82");
            var cardNode = means.Child("ApplicableTradeSettlementFinancialCard");
            if (card is null && cardNode is not null)
            {
                Mark(path + "/BG-18", cardNode);
                card = Nullify(new PaymentCard
                {
                    PrimaryAccountNumber = Text(cardNode.Child("ID"), path + "/BG-18/BT-87"),
                    HolderName = Text(cardNode.Child("CardholderName"), path + "/BG-18/BT-88"),
                });
            }

            debited ??= Text(means.Find("PayerPartyDebtorFinancialAccount", "IBANID") ?? means.Find("PayerPartyDebtorFinancialAccount", "ProprietaryID"), path + "/BG-19/BT-91");
            var account = means.Child("PayeePartyCreditorFinancialAccount");
            var institution = means.Child("PayeeSpecifiedCreditorFinancialInstitution");
            if (account is not null || institution is not null)
            {
                var transferPath = $"{path}/BG-17[{transfers.Count + 1}]";
                Mark(transferPath, account ?? institution);
                transfers.Add(new CreditTransfer
                {
                    PaymentAccountIdentifier = Text(account?.Child("IBANID") ?? account?.Child("ProprietaryID"), transferPath + "/BT-84"),
                    PaymentAccountName = Text(account?.Child("AccountName"), transferPath + "/BT-85"),
                    PaymentServiceProviderIdentifier = Text(institution?.Child("BICID"), transferPath + "/BT-86"),
                });
            }
        }

        return Nullify(new PaymentInstructions
        {
            PaymentMeansTypeCode = typeCode,
            PaymentMeansText = text,
            RemittanceInformation = Text(settlement.Child("PaymentReference"), path + "/BT-83"),
            CreditTransfers = transfers,
            PaymentCard = card,
            DirectDebit = Nullify(new DirectDebit
            {
                MandateReference = mandate,
                BankAssignedCreditorIdentifier = Text(settlement.Child("CreditorReferenceID"), path + "/BG-19/BT-90"),
                DebitedAccountIdentifier = debited,
            }),
        });
    }

    private DocumentTotals? Totals(CiiNode? summation, string? currency)
    {
        if (summation is null)
        {
            return null;
        }

        const string path = "BG-22";
        Mark(path, summation);
        decimal? totalVat = null, totalVatAccounting = null;
        bool vatGiven = false, accountingGiven = false; // a total whose value could not be parsed was still given
        foreach (var tax in summation.All("TaxTotalAmount"))
        {
            var code = tax.Attribute("currencyID");
            var unreadableBefore = _unreadable.Count;
            // The one in the invoice currency (BT-5) is BT-110, the one in the VAT accounting currency (BT-6) BT-111.
            var isAccounting = vatGiven || (code is not null && currency is not null && code != currency);
            if (isAccounting && !accountingGiven)
            {
                totalVatAccounting = Decimal(tax, path + "/BT-111");
                accountingGiven = totalVatAccounting is not null || _unreadable.Count > unreadableBefore;
            }
            else if (!vatGiven)
            {
                totalVat = Decimal(tax, path + "/BT-110");
                vatGiven = totalVat is not null || _unreadable.Count > unreadableBefore;
            }
        }

        return Nullify(new DocumentTotals
        {
            SumOfLineNetAmounts = Decimal(summation.Child("LineTotalAmount"), path + "/BT-106"),
            SumOfAllowances = Decimal(summation.Child("AllowanceTotalAmount"), path + "/BT-107"),
            SumOfCharges = Decimal(summation.Child("ChargeTotalAmount"), path + "/BT-108"),
            TotalWithoutVat = Decimal(summation.Child("TaxBasisTotalAmount"), path + "/BT-109"),
            TotalVat = totalVat,
            TotalVatInAccountingCurrency = totalVatAccounting,
            TotalWithVat = Decimal(summation.Child("GrandTotalAmount"), path + "/BT-112"),
            PaidAmount = Decimal(summation.Child("TotalPrepaidAmount"), path + "/BT-113"),
            RoundingAmount = Decimal(summation.Child("RoundingAmount"), path + "/BT-114"),
            AmountDueForPayment = Decimal(summation.Child("DuePayableAmount"), path + "/BT-115"),
        });
    }

    private InvoicingPeriod? Period(CiiNode? period, string path, string start, string end)
    {
        if (period is null)
        {
            return null;
        }

        Mark(path, period);
        return Nullify(new InvoicingPeriod
        {
            StartDate = Date(period.Child("StartDateTime"), path + "/" + start),
            EndDate = Date(period.Child("EndDateTime"), path + "/" + end),
        });
    }

    /// <summary>An address; <paramref name="firstTerm"/> is the BT number of line one (BT-35, BT-50, BT-64, BT-75).</summary>
    private EInvoiceAddress? Address(CiiNode? address, string path, int firstTerm)
    {
        if (address is null)
        {
            return null;
        }

        Mark(path, address);
        var line3 = firstTerm switch { 35 => 162, 50 => 163, 64 => 164, _ => 165 };
        string Term(int offset) => string.Create(CultureInfo.InvariantCulture, $"{path}/BT-{firstTerm + offset}");
        return Nullify(new EInvoiceAddress
        {
            Line1 = Text(address.Child("LineOne"), Term(0)),
            Line2 = Text(address.Child("LineTwo"), Term(1)),
            Line3 = Text(address.Child("LineThree"), string.Create(CultureInfo.InvariantCulture, $"{path}/BT-{line3}")),
            City = Text(address.Child("CityName"), Term(2)),
            PostCode = Text(address.Child("PostcodeCode"), Term(3)),
            CountrySubdivision = Text(address.Child("CountrySubDivisionName"), Term(4)),
            CountryCode = Text(address.Child("CountryID"), Term(5)),
        });
    }

    private EInvoiceContact? Contact(CiiNode? contact, string path, int firstTerm)
    {
        if (contact is null)
        {
            return null;
        }

        Mark(path, contact);
        string Term(int offset) => string.Create(CultureInfo.InvariantCulture, $"{path}/BT-{firstTerm + offset}");
        return Nullify(new EInvoiceContact
        {
            Point = Text(contact.Child("PersonName") ?? contact.Child("DepartmentName"), Term(0)),
            TelephoneNumber = Text(contact.Find("TelephoneUniversalCommunication", "CompleteNumber"), Term(1)),
            EmailAddress = Text(contact.Find("EmailURIUniversalCommunication", "URIID"), Term(2)),
        });
    }

    private string? TaxRegistration(CiiNode party, string scheme, string path)
    {
        foreach (var registration in party.All("SpecifiedTaxRegistration"))
        {
            var id = registration.Child("ID");
            if (id?.Attribute("schemeID") == scheme)
            {
                return Text(id, path);
            }
        }

        return null;
    }

    private SchemeIdentifier? Identifier(CiiNode? node, string path)
    {
        if (node is null)
        {
            return null;
        }

        Mark(path, node);
        Mark(path + "-1", node);
        return Nullify(new SchemeIdentifier(node.Text, node.Attribute("schemeID")));
    }

    private void Mark(string path, CiiNode? node)
    {
        if (node is not null)
        {
            _paths.TryAdd(path, node);
        }
    }

    /// <summary>Texts CII repeats where the model holds one (BT-20, BT-127) are joined with a line feed, as the UBL reader joins them.</summary>
    private static string? Joined(string? first, string? next) => first is null ? next : next is null ? first : first + "\n" + next;

    private string? LineNote(CiiNode? document, string path)
    {
        string? note = null;
        foreach (var included in document?.All("IncludedNote") ?? [])
        {
            note = Joined(note, Text(included.Child("Content"), path));
        }

        return note;
    }

    private string? Text(CiiNode? node, string path)
    {
        Mark(path, node);
        return node?.Text;
    }

    private string? Attribute(CiiNode? node, string name, string path)
    {
        Mark(path, node);
        return node?.Attribute(name);
    }

    private decimal? Decimal(CiiNode? node, string path)
    {
        Mark(path, node);
        var text = node?.Text;
        if (text is null)
        {
            return null;
        }

        // Exact: a number with more digits than decimal holds is refused, never silently rounded.
        return DecimalParts.TryParseExact(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : Unreadable<decimal>(node!, text, "a decimal number held exactly (invariant, no exponent)", path);
    }

    /// <summary>A date element: its udt/qdt DateTimeString or DateString child (format 102), or udt:DateTime/udt:Date.</summary>
    private LocalDate? Date(CiiNode? node, string path)
    {
        Mark(path, node);
        if (node is null)
        {
            return null;
        }

        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            var text = child.Text?.Trim();
            if (text is null)
            {
                continue;
            }

            switch (child.LocalName)
            {
                case "DateTimeString" or "DateString":
                    var format = child.Attribute("format");
                    if (format is not null && format != "102")
                    {
                        return Unreadable<LocalDate>(child, text, $"a date in format 102 (format '{format}' is not supported)", path);
                    }

                    var parsed = Format102.Parse(text);
                    return parsed.Success && parsed.Value.Year >= 1 ? parsed.Value : Unreadable<LocalDate>(child, text, "a date in format 102 (yyyyMMdd, year 0001 to 9999)", path);
                case "DateTime" or "Date":
                    return EInvoiceXml.TryParseDate(text, allowTime: child.LocalName == "DateTime", out var iso)
                        ? iso
                        : Unreadable<LocalDate>(child, text, child.LocalName == "DateTime" ? "an xsd:dateTime (yyyy-MM-ddThh:mm:ss)" : "an xsd:date (yyyy-MM-dd)", path);
            }
        }

        return null;
    }

    /// <summary>udt:Indicator true means a charge; anything else (false, absent) an allowance.</summary>
    private static bool Indicator(CiiNode? node)
    {
        var text = node?.Child("Indicator", Udt)?.Text?.Trim() ?? node?.Text?.Trim();
        return text switch
        {
            null or "false" or "0" => false,
            "true" or "1" => true,
            _ => throw Invalid(node!, text, "an indicator (true or false)"),
        };
    }

    /// <summary>A value its element cannot take: a format error, or, when tolerated, an absent term and an <see cref="UnreadableValue"/>.</summary>
    private T? Unreadable<T>(CiiNode node, string value, string expected, string path)
        where T : struct
    {
        if (!_tolerate)
        {
            throw Invalid(node, value, expected);
        }

        _unreadable.Add(new UnreadableValue(
            path,
            node.Path,
            EInvoiceXml.Shorten(value),
            string.Create(CultureInfo.InvariantCulture, $"{node.QualifiedName} holds '{EInvoiceXml.Shorten(value)}', which is not {expected}."),
            node.Line,
            node.Position));
        return null;
    }

    private static EInvoiceFormatException Invalid(CiiNode node, string value, string expected)
        => new(string.Create(CultureInfo.InvariantCulture, $"{node.QualifiedName} ({node.Path}) holds '{EInvoiceXml.Shorten(value)}', which is not {expected}."), node.Line, node.Position);

    private static T? Nullify<T>(T value)
        where T : class, new()
        => value.Equals(new T()) ? null : value;

    private static SchemeIdentifier? Nullify(SchemeIdentifier value)
        => value.Value is null && value.SchemeId is null && value.SchemeVersion is null ? null : value;
}
