using System.Globalization;
using Invoicing.Core.Documents;
using Invoicing.Core.Monetary;
using Invoicing.Core.Parties;
using Invoicing.Core.Tax;
using static Invoicing.Core.Persistence.Snapshots.PartiesSnapshotMapper;
using static Invoicing.Core.Persistence.Snapshots.SnapshotReader;

namespace Invoicing.Core.Persistence.Snapshots;

/// <summary>
/// Turns an <see cref="Invoice"/> into its snapshot and back.
/// </summary>
/// <remarks>
/// <para>Rebuilding goes through the public constructors and factories, so every domain rule
/// applies. The totals are restored as stored, never recomputed: an issued invoice keeps the amounts
/// it was issued with. What is checked instead is that the stored parts agree with each other and
/// with the document (ids, counts, currencies, the EN 16931 identities of BG-22, the tax calculator
/// contract), and that status, number, schedule and payments fit together.</para>
/// <para>Every refusal is a <see cref="System.Text.Json.JsonException"/> naming the JSON path.</para>
/// </remarks>
internal static class InvoiceSnapshotMapper
{
    internal static InvoiceSnapshot ToSnapshot(Invoice invoice) => new()
    {
        Schema = InvoiceSchema,
        SchemaVersion = SchemaVersion,
        Id = invoice.Id,
        TenantId = invoice.TenantId,
        Version = invoice.Version,
        Status = invoice.Status,
        Number = invoice.Number,
        IssueDate = invoice.IssueDate,
        Header = ToSnapshot(invoice.Header),
        Lines = [.. invoice.Lines.Select(ToSnapshot)],
        AllowanceCharges = [.. invoice.AllowanceCharges.Select(a => new DocumentAllowanceChargeSnapshot { Id = a.Id, Terms = ToSnapshot(a.Terms), Tax = TreatmentSnapshot(a.Tax) })],
        Totals = ToSnapshot(invoice.Totals),
        Schedule = invoice.Schedule is { } schedule
            ? new PaymentScheduleSnapshot
            {
                Instalments = [.. schedule.Instalments.Select(i => new InstalmentSnapshot { DueDate = i.DueDate, Amount = i.Amount })],
                DiscountDeadline = schedule.DiscountDeadline,
                DiscountAmount = schedule.DiscountAmount,
            }
            : null,
        Payments = [.. invoice.Payments.Select(p => new RecordedPaymentSnapshot
        {
            Amount = p.Amount, Date = p.Date, Reference = p.Reference,
            Kind = p.Kind == RecordedPaymentKind.Payment ? null : p.Kind, Reason = p.Reason, Reverses = p.Reverses,
        })],
        Type = invoice.Type == InvoiceType.Invoice ? null : invoice.Type,
        Preceding = invoice.Preceding is { } preceding
            ? new InvoiceReferenceSnapshot { Id = preceding.Id, Number = preceding.Number, IssueDate = preceding.IssueDate }
            : null,
        Disputes = invoice.Disputes.Count == 0
            ? null
            : [.. invoice.Disputes.Select(d => new DisputeSnapshot
            {
                Number = d.Number, Reason = d.Reason, Lines = d.Lines.Count == 0 ? null : d.Lines, Amount = d.Amount, RaisedOn = d.RaisedOn,
                Status = d.Status, ResolvedOn = d.ResolvedOn, Resolution = d.Resolution, CreditNoteId = d.CreditNoteId.IsEmpty ? null : d.CreditNoteId,
            })],
        Credits = invoice.Credits.Count == 0
            ? null
            : [.. invoice.Credits.Select(c => new AppliedCreditSnapshot
            {
                CreditNoteId = c.CreditNoteId, Number = c.Number, Total = c.Total, Applied = c.Applied, Date = c.Date,
                FromCustomerCredit = c.FromCustomerCredit ? true : null,
            })],
        WriteOffReason = invoice.WriteOffReason,
    };

    internal static Invoice ToInvoice(InvoiceSnapshot snapshot)
    {
        var header = ToHeader(snapshot.Header, "$.header");
        var lines = Map(snapshot.Lines, "$.lines", ToLine);
        var allowanceCharges = Map(snapshot.AllowanceCharges, "$.allowanceCharges", ToDocumentAllowanceCharge);
        CheckIdsAndCurrencies(header.Currency, lines, allowanceCharges);
        var totals = ToTotals(snapshot.Totals, header, lines, allowanceCharges, "$.totals");
        if (snapshot.Version < 1)
        {
            throw Invalid("$.version", $"is {snapshot.Version}; an invoice starts at version 1.");
        }

        var status = snapshot.Status;
        var isIssued = status is InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid or InvoiceStatus.Paid or InvoiceStatus.WrittenOff or InvoiceStatus.Cancelled;
        RequirePresence(isIssued, status, "$.number", snapshot.Number is not null, "a number (BT-1)");
        RequirePresence(isIssued, status, "$.issueDate", snapshot.IssueDate is not null, "an issue date (BT-2)");
        RequirePresence(isIssued, status, "$.schedule", snapshot.Schedule is not null, "a payment schedule");
        RequirePresence(status == InvoiceStatus.WrittenOff, status, "$.writeOffReason", snapshot.WriteOffReason is not null, "a write-off reason");
        var schedule = snapshot.Schedule is { } s ? ToSchedule(s, header, totals, "$.schedule") : null;
        var payments = Map(snapshot.Payments, "$.payments", (p, path) => ToPayment(p, header.Currency, path));
        CheckReversals(payments, snapshot.IssueDate);
        var credits = Map(snapshot.Credits ?? [], "$.credits", (c, path) => c.Total.Currency != header.Currency || c.Applied.Currency != header.Currency
            ? throw Invalid(path, $"is in {c.Total.Currency.Code}, but the invoice currency is {header.Currency.Code}.")
            : Build(path, () => new AppliedCredit(c.CreditNoteId, c.Number, c.Total, c.Applied, c.Date, c.FromCustomerCredit ?? false)));
        CheckPayments(status, payments, credits, totals.AmountDue);
        CheckCredits(status, credits, snapshot.IssueDate);
        var type = snapshot.Type ?? InvoiceType.Invoice;
        if (type == InvoiceType.DebitNote && snapshot.Preceding is null)
        {
            throw Invalid("$.preceding", "is missing; a debit note refers to its invoice.");
        }

        var preceding = snapshot.Preceding is { } p ? Build("$.preceding", () => new InvoiceReference(p.Id, p.Number, p.IssueDate)) : null;
        if (preceding is not null && (preceding.Id == snapshot.Id || (snapshot.IssueDate is NodaTime.LocalDate issued && preceding.IssueDate > issued)))
        {
            throw Invalid("$.preceding", $"is {preceding}, but a document refers to another invoice issued no later than itself.");
        }
        var disputes = Map(snapshot.Disputes ?? [], "$.disputes", (d, path) => ToDispute(d, path, header.Currency, lines, status));
        string? writeOffReason = null;
        if (snapshot.WriteOffReason is not null)
        {
            try
            {
                writeOffReason = TextField.Required(snapshot.WriteOffReason, "writeOffReason", 1000);
            }
            catch (Exception e) when (IsDomainError(e))
            {
                throw Invalid("$.writeOffReason", e);
            }
        }

        return new Invoice(snapshot.Id, snapshot.TenantId, snapshot.Version, status, header, Array.AsReadOnly(lines), Array.AsReadOnly(allowanceCharges),
            totals, snapshot.Number, snapshot.IssueDate, schedule, Array.AsReadOnly(payments), writeOffReason, Array.AsReadOnly(credits), type, preceding, Array.AsReadOnly(disputes));
    }

    private static InvoiceHeaderSnapshot ToSnapshot(InvoiceHeader header) => new()
    {
        Currency = header.Currency,
        Seller = PartiesSnapshotMapper.ToSnapshot(header.Seller),
        Buyer = header.Buyer is { } buyer ? PartiesSnapshotMapper.ToSnapshot(buyer) : null,
        CustomerId = header.CustomerId.IsEmpty ? null : header.CustomerId,
        CustomerKind = header.CustomerKind,
        Pricing = header.Pricing,
        Rounding = new RoundingPolicySnapshot { Amounts = header.Rounding.Amounts, TaxLevel = header.Rounding.TaxLevel, Payable = header.Rounding.Payable },
        PaymentTerms = header.PaymentTerms is { } terms ? PartiesSnapshotMapper.ToSnapshot(terms) : null,
        PrepaidAmount = header.PrepaidAmount,
        BuyerReference = header.BuyerReference,
        OrderReference = header.OrderReference,
        ContractReference = header.ContractReference,
        Note = header.Note,
        DeliveryDate = header.DeliveryDate,
        Period = ToSnapshot(header.Period),
    };

    private static InvoiceHeader ToHeader(InvoiceHeaderSnapshot snapshot, string path)
    {
        var seller = ToParty(snapshot.Seller, path + ".seller");
        var buyer = snapshot.Buyer is { } b ? ToParty(b, path + ".buyer") : null;
        var terms = snapshot.PaymentTerms is { } t ? ToPaymentTerms(t, path + ".paymentTerms") : null;
        var period = ToPeriod(snapshot.Period, path + ".period");
        RoundingPolicy rounding;
        try
        {
            rounding = new RoundingPolicy(snapshot.Rounding.Amounts, snapshot.Rounding.TaxLevel, snapshot.Rounding.Payable);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path + ".rounding", e);
        }

        if (snapshot.PrepaidAmount is { } prepaid && prepaid.Currency != snapshot.Currency)
        {
            throw Invalid(path + ".prepaidAmount", CurrencyProblem(prepaid, snapshot.Currency));
        }

        try
        {
            return new InvoiceHeader(snapshot.Currency, seller)
            {
                Buyer = buyer,
                CustomerId = snapshot.CustomerId ?? default,
                CustomerKind = snapshot.CustomerKind,
                Pricing = snapshot.Pricing,
                Rounding = rounding,
                PaymentTerms = terms,
                PrepaidAmount = snapshot.PrepaidAmount,
                BuyerReference = snapshot.BuyerReference,
                OrderReference = snapshot.OrderReference,
                ContractReference = snapshot.ContractReference,
                Note = snapshot.Note,
                DeliveryDate = snapshot.DeliveryDate,
                Period = period,
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static BillingPeriodSnapshot? ToSnapshot(BillingPeriod? period)
        => period is null ? null : new BillingPeriodSnapshot { Start = period.Start, End = period.End };

    private static BillingPeriod? ToPeriod(BillingPeriodSnapshot? snapshot, string path)
    {
        try
        {
            return snapshot is null ? null : new BillingPeriod(snapshot.Start, snapshot.End);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static InvoiceLineSnapshot ToSnapshot(InvoiceLine line) => new()
    {
        Id = line.Id,
        Item = new ItemSnapshot
        {
            Name = line.Item.Name,
            Description = line.Item.Description,
            SellerItemId = line.Item.SellerItemId,
            BuyerItemId = line.Item.BuyerItemId,
            Gtin = line.Item.Gtin.IsEmpty ? null : line.Item.Gtin,
            TaxClass = line.Item.TaxClass,
        },
        Quantity = new QuantitySnapshot { Value = line.Quantity.Value, Unit = line.Quantity.Unit },
        UnitPrice = line.UnitPrice,
        BaseQuantity = line.BaseQuantity,
        Tax = TreatmentSnapshot(line.Tax),
        TaxDecision = line.TaxDecision is { } decision
            ? new TaxDecisionSnapshot
            {
                Components = [.. decision.Components.Select(c => new TaxComponentSnapshot { Name = c.Name, Jurisdiction = c.Jurisdiction, Rate = c.Rate, Compound = c.IsCompound })],
                RuleId = decision.RuleId,
                LegalBasis = decision.LegalBasis,
                Provider = decision.Provider.Length == 0 ? null : decision.Provider,
            }
            : null,
        AllowanceCharges = [.. line.AllowanceCharges.Select(ToSnapshot)],
        Period = ToSnapshot(line.Period),
        OrderLineReference = line.OrderLineReference,
        Note = line.Note,
    };

    private static InvoiceLine ToLine(InvoiceLineSnapshot snapshot, string path)
    {
        var item = ToItem(snapshot.Item, path + ".item");
        var tax = ToTaxTreatment(snapshot.Tax, path + ".tax");
        var decision = ToTaxDecision(snapshot.TaxDecision, tax, path + ".taxDecision");
        var allowanceCharges = Map(snapshot.AllowanceCharges, path + ".allowanceCharges", ToAllowanceCharge);
        var period = ToPeriod(snapshot.Period, path + ".period");
        Quantity quantity;
        try
        {
            quantity = new Quantity(snapshot.Quantity.Value, snapshot.Quantity.Unit);
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path + ".quantity", e);
        }

        try
        {
            return new InvoiceLine(snapshot.Id, item, quantity, snapshot.UnitPrice, tax)
            {
                TaxDecision = decision,
                BaseQuantity = snapshot.BaseQuantity,
                AllowanceCharges = allowanceCharges,
                Period = period,
                OrderLineReference = snapshot.OrderLineReference,
                Note = snapshot.Note,
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    /// <summary>The decision behind a line's treatment: its combined rate must give the stored treatment.</summary>
    private static TaxDecision? ToTaxDecision(TaxDecisionSnapshot? snapshot, TaxTreatment tax, string path)
    {
        if (snapshot is null)
        {
            return null;
        }

        var components = Map(snapshot.Components, path + ".components",
            (c, componentPath) => Build(componentPath, () => new TaxComponent(c.Name, c.Jurisdiction, c.Rate, c.Compound)));
        var decision = Build(path, () => TaxDecision.Restore(tax.Category, components, snapshot.RuleId, snapshot.LegalBasis,
            tax.ExemptionReasonCode, tax.ExemptionReason, snapshot.Provider));
        return decision.Treatment == tax
            ? decision
            : throw Invalid(path + ".components", $"give the treatment {decision.Treatment}, but the line is taxed {tax}.");
    }

    private static Item ToItem(ItemSnapshot snapshot, string path)
    {
        try
        {
            return new Item(snapshot.Name)
            {
                Description = snapshot.Description,
                SellerItemId = snapshot.SellerItemId,
                BuyerItemId = snapshot.BuyerItemId,
                Gtin = snapshot.Gtin ?? default,
                TaxClass = snapshot.TaxClass,
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static AllowanceChargeSnapshot ToSnapshot(AllowanceCharge terms) => new()
    {
        IsCharge = terms.IsCharge,
        Amount = terms.Amount,
        Percent = terms.Percent,
        BaseAmount = terms.BaseAmount,
        Reason = terms.Reason,
        ReasonCode = terms.ReasonCode,
    };

    private static AllowanceCharge ToAllowanceCharge(AllowanceChargeSnapshot snapshot, string path)
    {
        var (isCharge, reason, code) = (snapshot.IsCharge, snapshot.Reason, snapshot.ReasonCode);
        try
        {
            return (snapshot.Amount, snapshot.Percent, snapshot.BaseAmount) switch
            {
                ({ } amount, null, null) => isCharge ? AllowanceCharge.Charge(amount, reason, code) : AllowanceCharge.Allowance(amount, reason, code),
                (null, decimal percent, var baseAmount) => isCharge
                    ? AllowanceCharge.ChargePercent(percent, reason, code, baseAmount)
                    : AllowanceCharge.AllowancePercent(percent, reason, code, baseAmount),
                _ => throw Invalid(path, "an allowance or charge has either an 'amount', or a 'percent' with an optional 'baseAmount'."),
            };
        }
        catch (Exception e) when (IsDomainError(e))
        {
            throw Invalid(path, e);
        }
    }

    private static DocumentAllowanceCharge ToDocumentAllowanceCharge(DocumentAllowanceChargeSnapshot snapshot, string path)
    {
        var terms = ToAllowanceCharge(snapshot.Terms, path + ".terms");
        var tax = ToTaxTreatment(snapshot.Tax, path + ".tax");
        return new DocumentAllowanceCharge(snapshot.Id, terms, tax);
    }

    /// <summary>Ids are unique across lines and document allowances and charges; every amount is in the invoice currency.</summary>
    private static void CheckIdsAndCurrencies(Currency currency, InvoiceLine[] lines, DocumentAllowanceCharge[] allowanceCharges)
    {
        var ids = new HashSet<InvoiceLineId>();
        for (var i = 0; i < lines.Length; i++)
        {
            var path = Indexed("$.lines", i);
            if (!ids.Add(lines[i].Id))
            {
                throw Invalid(path + ".id", $"'{lines[i].Id}' is used twice; line and allowance/charge ids are unique within an invoice.");
            }

            if (lines[i].UnitPrice.Currency != currency)
            {
                throw Invalid(path + ".unitPrice", CurrencyProblem(lines[i].UnitPrice, currency));
            }

            for (var j = 0; j < lines[i].AllowanceCharges.Count; j++)
            {
                CheckCurrency(lines[i].AllowanceCharges[j], currency, Indexed(path + ".allowanceCharges", j));
            }
        }

        for (var i = 0; i < allowanceCharges.Length; i++)
        {
            var path = Indexed("$.allowanceCharges", i);
            if (!ids.Add(allowanceCharges[i].Id))
            {
                throw Invalid(path + ".id", $"'{allowanceCharges[i].Id}' is used twice; line and allowance/charge ids are unique within an invoice.");
            }

            CheckCurrency(allowanceCharges[i].Terms, currency, path + ".terms");
        }
    }

    private static void CheckCurrency(AllowanceCharge terms, Currency currency, string path)
    {
        if (terms.Amount is { } amount && amount.Currency != currency)
        {
            throw Invalid(path + ".amount", CurrencyProblem(amount, currency));
        }

        if (terms.BaseAmount is { } baseAmount && baseAmount.Currency != currency)
        {
            throw Invalid(path + ".baseAmount", CurrencyProblem(baseAmount, currency));
        }
    }

    private static InvoiceTotalsSnapshot ToSnapshot(InvoiceTotals totals) => new()
    {
        Lines = [.. totals.Lines.Select(l => new LineTotalSnapshot { LineId = l.LineId, Amount = l.Amount, NetAmount = l.NetAmount, TaxAmount = l.TaxAmount })],
        Allowances = [.. totals.Allowances.Select(ToSnapshot)],
        Charges = [.. totals.Charges.Select(ToSnapshot)],
        TaxBreakdown = new TaxBreakdownSnapshot
        {
            Subtotals = [.. totals.TaxBreakdown.Subtotals.Select(s => new TaxSubtotalSnapshot { Treatment = TreatmentSnapshot(s.Treatment), TaxableAmount = s.TaxableAmount, TaxAmount = s.TaxAmount })],
            Items = [.. totals.TaxBreakdown.Items.Select(i => new ItemTaxSnapshot { Net = i.Net, Tax = i.Tax })],
        },
        LineNetTotal = totals.LineNetTotal,
        AllowanceTotal = totals.AllowanceTotal,
        ChargeTotal = totals.ChargeTotal,
        TaxExclusiveTotal = totals.TaxExclusiveTotal,
        TaxTotal = totals.TaxTotal,
        TaxInclusiveTotal = totals.TaxInclusiveTotal,
        PrepaidAmount = totals.PrepaidAmount,
        RoundingAmount = totals.RoundingAmount,
        AmountDue = totals.AmountDue,
    };

    private static AllowanceChargeTotalSnapshot ToSnapshot(AllowanceChargeTotal total) => new() { Id = total.Id, Amount = total.Amount, NetAmount = total.NetAmount };

    /// <summary>
    /// Restores the totals as stored, after checking that they belong to this document and agree
    /// with each other; nothing is recomputed from prices or rates.
    /// </summary>
    private static InvoiceTotals ToTotals(
        InvoiceTotalsSnapshot snapshot, InvoiceHeader header, InvoiceLine[] lines, DocumentAllowanceCharge[] allowanceCharges, string path)
    {
        var currency = header.Currency;
        var lineTotals = Map(snapshot.Lines, path + ".lines", (t, _) => new LineTotal(t.LineId, t.Amount, t.NetAmount, t.TaxAmount));
        RequireIds(lineTotals.Select(t => t.LineId), lines.Select(l => l.Id), path + ".lines", "lineId", "lines");
        var allowances = Map(snapshot.Allowances, path + ".allowances", ToAllowanceChargeTotal);
        RequireIds(allowances.Select(a => a.Id), allowanceCharges.Where(a => !a.Terms.IsCharge).Select(a => a.Id), path + ".allowances", "id", "document allowances");
        var charges = Map(snapshot.Charges, path + ".charges", ToAllowanceChargeTotal);
        RequireIds(charges.Select(c => c.Id), allowanceCharges.Where(a => a.Terms.IsCharge).Select(a => a.Id), path + ".charges", "id", "document charges");

        var breakdownPath = path + ".taxBreakdown";
        var subtotals = Map(snapshot.TaxBreakdown.Subtotals, breakdownPath + ".subtotals", ToSubtotal);
        var items = Map(snapshot.TaxBreakdown.Items, breakdownPath + ".items", (i, itemPath) => Build(itemPath, () => new ItemTax(i.Net, i.Tax)));
        var breakdown = Build(breakdownPath, () => new TaxBreakdown(currency, subtotals, items));
        if (items.Length != lines.Length + allowanceCharges.Length)
        {
            throw Invalid(breakdownPath + ".items", string.Create(CultureInfo.InvariantCulture,
                $"has {items.Length} entries; the invoice has {lines.Length} lines and {allowanceCharges.Length} document allowances and charges, one item each."));
        }

        // The items are the tax calculator's answer for the lines, then the allowances and charges: the
        // line and allowance/charge totals are taken from them, and the calculator contract holds for each.
        for (var i = 0; i < lines.Length; i++)
        {
            var total = lineTotals[i];
            var linePath = Indexed(path + ".lines", i);
            if (total.NetAmount != items[i].Net || total.TaxAmount != items[i].Tax)
            {
                throw Invalid(linePath, $"has net {total.NetAmount} and tax {total.TaxAmount}, but its tax breakdown item is {items[i]}.");
            }

            RequireContract(header.Pricing, total.Amount, items[i], linePath + ".amount");
        }

        int allowanceIndex = 0, chargeIndex = 0;
        for (var j = 0; j < allowanceCharges.Length; j++)
        {
            var isCharge = allowanceCharges[j].Terms.IsCharge;
            var total = isCharge ? charges[chargeIndex] : allowances[allowanceIndex];
            var totalPath = isCharge ? Indexed(path + ".charges", chargeIndex++) : Indexed(path + ".allowances", allowanceIndex++);
            var item = items[lines.Length + j];
            var signedNet = isCharge ? total.NetAmount : -total.NetAmount;
            if (signedNet != item.Net)
            {
                throw Invalid(totalPath + ".netAmount", $"is {total.NetAmount}, but its tax breakdown item is {item}.");
            }

            RequireContract(header.Pricing, isCharge ? total.Amount : -total.Amount, item, totalPath + ".amount");
        }

        RequireGroups(subtotals, items, lines, allowanceCharges, breakdownPath);

        var prepaid = header.PrepaidAmount ?? Money.Zero(currency);
        if (snapshot.PrepaidAmount != prepaid)
        {
            throw Invalid(path + ".prepaidAmount", $"is {snapshot.PrepaidAmount}, but the header's prepaid amount (BT-113) is {prepaid}.");
        }

        // The totals derive from the stored breakdown; the stored line, allowance and charge totals were checked against it above.
        var totals = Build(path, () => new InvoiceTotals(
            Array.AsReadOnly(lines), Array.AsReadOnly(allowanceCharges), breakdown, header.Pricing, snapshot.PrepaidAmount, snapshot.RoundingAmount));
        RequireStored(path + ".lineNetTotal", snapshot.LineNetTotal, totals.LineNetTotal, "BT-106, the sum of the line net amounts");
        RequireStored(path + ".allowanceTotal", snapshot.AllowanceTotal, totals.AllowanceTotal, "BT-107, the sum of the document allowances");
        RequireStored(path + ".chargeTotal", snapshot.ChargeTotal, totals.ChargeTotal, "BT-108, the sum of the document charges");
        RequireStored(path + ".taxExclusiveTotal", snapshot.TaxExclusiveTotal, totals.TaxExclusiveTotal, "BT-109 = BT-106 − BT-107 + BT-108");
        RequireStored(path + ".taxTotal", snapshot.TaxTotal, totals.TaxTotal, "BT-110, the sum of the tax subtotals");
        RequireStored(path + ".taxInclusiveTotal", snapshot.TaxInclusiveTotal, totals.TaxInclusiveTotal, "BT-112 = BT-109 + BT-110");
        RequireStored(path + ".amountDue", snapshot.AmountDue, totals.AmountDue, "BT-115 = BT-112 − BT-113 + BT-114");
        var unroundedDue = totals.TaxInclusiveTotal - prepaid;
        var rounding = header.Rounding.Payable is MoneyRounding payable ? unroundedDue.Round(payable) - unroundedDue : Money.Zero(currency);
        RequireStored(path + ".roundingAmount", snapshot.RoundingAmount, rounding, header.Rounding.Payable is null
            ? "BT-114; the rounding policy does not round the amount due"
            : "BT-114; the rounding policy's rounding of the amount due");
        return totals;
    }

    /// <summary>Each subtotal (BG-23) is the sum of the items taxed in its category and rate, and every item has its subtotal.</summary>
    private static void RequireGroups(
        TaxSubtotal[] subtotals, ItemTax[] items, InvoiceLine[] lines, DocumentAllowanceCharge[] allowanceCharges, string path)
    {
        var covered = new bool[items.Length];
        for (var s = 0; s < subtotals.Length; s++)
        {
            var subtotal = subtotals[s];
            var net = Money.Zero(subtotal.TaxableAmount.Currency);
            var tax = net;
            for (var i = 0; i < items.Length; i++)
            {
                var treatment = i < lines.Length ? lines[i].Tax : allowanceCharges[i - lines.Length].Tax;
                if (treatment.SameGroupAs(subtotal.Treatment))
                {
                    covered[i] = true;
                    net = Build(path, () => net + items[i].Net);
                    tax = Build(path, () => tax + items[i].Tax);
                }
            }

            if (net != subtotal.TaxableAmount || tax != subtotal.TaxAmount)
            {
                throw Invalid(Indexed(path + ".subtotals", s), $"is {subtotal}, but the items taxed {subtotal.Treatment} sum to {net} net and {tax} tax.");
            }
        }

        var uncovered = Array.IndexOf(covered, false);
        if (uncovered >= 0)
        {
            throw Invalid(Indexed(path + ".items", uncovered), "has no tax subtotal for its category and rate.");
        }
    }

    private static AllowanceChargeTotal ToAllowanceChargeTotal(AllowanceChargeTotalSnapshot snapshot, string path)
        => new(snapshot.Id, snapshot.Amount, snapshot.NetAmount);

    private static TaxSubtotal ToSubtotal(TaxSubtotalSnapshot snapshot, string path)
    {
        var treatment = ToTaxTreatment(snapshot.Treatment, path + ".treatment");
        return Build(path, () => new TaxSubtotal(treatment, snapshot.TaxableAmount, snapshot.TaxAmount));
    }

    private static void RequireIds(IEnumerable<InvoiceLineId> stored, IEnumerable<InvoiceLineId> expected, string path, string property, string what)
    {
        var have = stored.ToArray();
        var want = expected.ToArray();
        if (have.Length != want.Length)
        {
            throw Invalid(path, string.Create(CultureInfo.InvariantCulture, $"has {have.Length} entries for {want.Length} {what}."));
        }

        for (var i = 0; i < have.Length; i++)
        {
            if (have[i] != want[i])
            {
                throw Invalid($"{Indexed(path, i)}.{property}", $"is '{have[i]}', but entry {i} of the {what} is '{want[i]}'.");
            }
        }
    }

    /// <summary>The tax calculator contract: in net pricing an item's net is its amount, in gross pricing net plus tax is.</summary>
    private static void RequireContract(PricingMode pricing, Money amount, ItemTax item, string path)
    {
        var expected = pricing == PricingMode.Gross ? Build(path, () => item.Net + item.Tax) : item.Net;
        if (amount != expected)
        {
            throw Invalid(path, pricing == PricingMode.Gross
                ? $"is {amount}, but with gross pricing it equals net plus tax of its tax breakdown item ({item})."
                : $"is {amount}, but with net pricing it equals the net of its tax breakdown item ({item}).");
        }
    }

    private static void RequireStored(string path, Money stored, Money fromParts, string rule)
    {
        if (stored != fromParts)
        {
            throw Invalid(path, $"is {stored}, but the stored parts give {fromParts} ({rule}).");
        }
    }

    private static PaymentSchedule ToSchedule(PaymentScheduleSnapshot snapshot, InvoiceHeader header, InvoiceTotals totals, string path)
    {
        var instalments = Map(snapshot.Instalments, path + ".instalments", (i, _) => new Instalment(i.DueDate, i.Amount));
        var schedule = Build(path, () => PaymentSchedule.Restore(instalments, snapshot.DiscountDeadline, snapshot.DiscountAmount));
        var currency = header.Currency;
        if (instalments[0].Amount.Currency != currency)
        {
            throw Invalid(path + ".instalments", CurrencyProblem(instalments[0].Amount, currency));
        }

        var sum = Money.Zero(currency);
        foreach (var instalment in instalments)
        {
            sum = Build(path + ".instalments", () => sum + instalment.Amount);
        }

        if (sum != totals.AmountDue)
        {
            throw Invalid(path + ".instalments", $"sum to {sum}, but the amount due (BT-115) is {totals.AmountDue}.");
        }

        var terms = header.PaymentTerms ?? PaymentTerms.DueOnIssue;
        var expected = Math.Max(1, terms.Instalments.Count);
        if (instalments.Length != expected)
        {
            throw Invalid(path + ".instalments", string.Create(CultureInfo.InvariantCulture,
                $"has {instalments.Length} entries, but the payment terms ('{terms}') give {expected}."));
        }

        if ((terms.Discount is null) != (snapshot.DiscountAmount is null))
        {
            throw Invalid(path, terms.Discount is null
                ? $"has an early-payment discount, but the payment terms ('{terms}') have none."
                : $"has no early-payment discount, but the payment terms ('{terms}') have one.");
        }

        return schedule;
    }

    private static RecordedPayment ToPayment(RecordedPaymentSnapshot snapshot, Currency currency, string path)
    {
        if (snapshot.Amount.Currency != currency)
        {
            throw Invalid(path + ".amount", CurrencyProblem(snapshot.Amount, currency));
        }

        if (!snapshot.Amount.IsPositive || !snapshot.Amount.IsRoundedToMinorUnits)
        {
            throw Invalid(path + ".amount", $"is {snapshot.Amount}; a payment is positive and in whole minor units.");
        }

        var kind = snapshot.Kind ?? RecordedPaymentKind.Payment;
        if (kind == RecordedPaymentKind.Payment && snapshot.Kind is not null)
        {
            throw Invalid(path + ".kind", "is \"payment\"; a payment is written without a kind.");
        }

        try
        {
            return new RecordedPayment(snapshot.Amount, snapshot.Date, snapshot.Reference, kind, snapshot.Reason, snapshot.Reverses);
        }
        catch (ArgumentException e) when (e.ParamName is "reference" or "reason" or "reverses")
        {
            throw Invalid($"{path}.{e.ParamName}", e.Message, e);
        }
    }

    /// <summary>
    /// Entries as the invoice service records them: none before the issue date, and a reversal names
    /// an earlier payment or write-off, is not dated before it, and never takes back more than it recorded.
    /// </summary>
    private static void CheckReversals(RecordedPayment[] payments, NodaTime.LocalDate? issueDate)
    {
        var left = payments.Select(p => p.Amount).ToArray();
        for (var i = 0; i < payments.Length; i++)
        {
            var path = Indexed("$.payments", i);
            var entry = payments[i];
            if (entry.Kind != RecordedPaymentKind.Payment && issueDate is NodaTime.LocalDate issued && entry.Date < issued)
            {
                throw Invalid(path + ".date", $"is {entry.Date:uuuu-MM-dd}, before the issue date {issued:uuuu-MM-dd}; only a payment (a prepayment) can be earlier.");
            }

            if (entry.Reverses is not int target)
            {
                continue;
            }

            if (target > i || payments[target - 1].Kind == RecordedPaymentKind.Reversal)
            {
                throw Invalid(path + ".reverses", string.Create(CultureInfo.InvariantCulture,
                    $"is {target}; a reversal names an earlier payment or write-off by its position (from 1), and this is entry {i + 1}."));
            }

            var reversed = payments[target - 1];
            if (entry.Date < reversed.Date)
            {
                throw Invalid(path + ".date", $"is {entry.Date:uuuu-MM-dd}, before the entry it reverses ({reversed.Date:uuuu-MM-dd}).");
            }

            if (entry.Amount > left[target - 1])
            {
                throw Invalid(path + ".amount", string.Create(CultureInfo.InvariantCulture,
                    $"is {entry.Amount}, but only {left[target - 1]} of entry {target} ({reversed.Amount}) is left to reverse."));
            }

            left[target - 1] -= entry.Amount;
        }
    }

    /// <summary>
    /// Payments and credits fit the status: none before issue; nothing paid or written off while
    /// issued (a reversed payment may stand with its reversal); payments, write-offs and credits that
    /// settle some but not all when partially paid, all when paid; never more than due.
    /// </summary>
    private static void CheckPayments(InvoiceStatus status, RecordedPayment[] payments, AppliedCredit[] credits, Money amountDue)
    {
        var net = Money.Zero(amountDue.Currency);
        foreach (var payment in payments)
        {
            net = Build("$.payments", () => payment.Kind == RecordedPaymentKind.Reversal ? net - payment.Amount : net + payment.Amount);
        }

        var settled = net;

        foreach (var credit in credits)
        {
            settled = Build("$.credits", () => settled + credit.Applied);
        }

        if (status is InvoiceStatus.Draft or InvoiceStatus.Discarded && credits.Length > 0)
        {
            throw Invalid("$.credits", string.Create(CultureInfo.InvariantCulture, $"has {credits.Length} credit(s), but {Described(status)} invoice has none."));
        }

        var problem = status switch
        {
            InvoiceStatus.Draft or InvoiceStatus.Discarded when payments.Length > 0
                => string.Create(CultureInfo.InvariantCulture, $"has {payments.Length} payment(s), but {Described(status)} invoice has none."),
            InvoiceStatus.Issued when net.IsPositive
                => string.Create(CultureInfo.InvariantCulture, $"has {payments.Length} payment(s) that settle {net}, but an issued invoice has none (or only reversed ones)."),
            InvoiceStatus.PartiallyPaid when !net.IsPositive || settled >= amountDue
                => $"with the credits applied settle {settled}, but a partially paid invoice has payments that settle less than the amount due of {amountDue}.",
            InvoiceStatus.Paid when settled != amountDue
                => $"with the credits applied settle {settled}, but a paid invoice is settled by payments and credits to the amount due of {amountDue}.",
            _ when (payments.Length > 0 || credits.Length > 0) && settled > amountDue => $"with the credits applied settle {settled}, more than the amount due of {amountDue}.",
            _ => null,
        };
        if (problem is not null)
        {
            throw Invalid("$.payments", problem);
        }
    }

    /// <summary>A dispute as recorded: numbered in order, on the invoice's lines, resolved consistently with its status.</summary>
    private static Dispute ToDispute(DisputeSnapshot snapshot, string path, Currency currency, InvoiceLine[] lines, InvoiceStatus status)
    {
        if (status is InvoiceStatus.Draft or InvoiceStatus.Discarded)
        {
            throw Invalid(path, $"is a dispute, but {Described(status)} invoice has none.");
        }

        var number = int.Parse(path[(path.LastIndexOf('[') + 1)..^1], CultureInfo.InvariantCulture) + 1;
        if (snapshot.Number != number)
        {
            throw Invalid(path + ".number", string.Create(CultureInfo.InvariantCulture, $"is {snapshot.Number}; disputes are numbered 1, 2, ... in order, so this one is {number}."));
        }

        var disputed = snapshot.Lines ?? [];
        var unknown = disputed.FirstOrDefault(id => !lines.Any(l => l.Id == id));
        if (!unknown.IsEmpty)
        {
            throw Invalid(path + ".lines", $"names line '{unknown}', which the invoice does not have.");
        }

        if (snapshot.Amount is Money amount && (amount.Currency != currency || !amount.IsPositive || !amount.IsRoundedToMinorUnits))
        {
            throw Invalid(path + ".amount", $"is {amount}; a disputed amount is positive, in whole minor units of the invoice currency {currency.Code}.");
        }

        if (snapshot.ResolvedOn is NodaTime.LocalDate resolvedOn && resolvedOn < snapshot.RaisedOn)
        {
            throw Invalid(path + ".resolvedOn", $"is {resolvedOn:uuuu-MM-dd}, before the dispute was raised on {snapshot.RaisedOn:uuuu-MM-dd}.");
        }

        if (disputed.Distinct().Count() != disputed.Count)
        {
            throw Invalid(path + ".lines", "names a line twice.");
        }

        var open = snapshot.Status == DisputeStatus.Open;
        if (open != (snapshot.ResolvedOn is null) || open != (snapshot.Resolution is null) || (snapshot.Status == DisputeStatus.Accepted) != (snapshot.CreditNoteId is not null))
        {
            throw Invalid(path, $"is {snapshot.Status}: an open dispute has no resolution, a resolved one has its date and resolution, and only an accepted one a credit note.");
        }

        var reason = Build(path + ".reason", () => TextField.Required(snapshot.Reason, "reason", 1000));
        var resolution = Build(path + ".resolution", () => TextField.Optional(snapshot.Resolution, "resolution", 1000));
        return new Dispute(number, reason, Array.AsReadOnly(disputed.ToArray()), snapshot.Amount, snapshot.RaisedOn, snapshot.Status, snapshot.ResolvedOn,
            resolution, snapshot.CreditNoteId ?? default);
    }

    /// <summary>Credits as <c>ApplyCredit</c> records them: each note once, never before the issue date, leftovers only once nothing is open, and a cancelled invoice has its cancelling note.</summary>
    private static void CheckCredits(InvoiceStatus status, AppliedCredit[] credits, NodaTime.LocalDate? issueDate)
    {
        for (var i = 0; i < credits.Length; i++)
        {
            var path = Indexed("$.credits", i);
            if (credits.Take(i).Any(c => c.CreditNoteId == credits[i].CreditNoteId))
            {
                throw Invalid(path + ".creditNoteId", $"is '{credits[i].CreditNoteId}' again; a credit note is applied once.");
            }

            if (issueDate is NodaTime.LocalDate issued && credits[i].Date < issued)
            {
                throw Invalid(path + ".date", $"is {credits[i].Date:uuuu-MM-dd}, before the issue date {issued:uuuu-MM-dd}.");
            }
        }

        var settled = credits.Any(c => c.Unapplied.IsPositive);
        if (settled && status is not (InvoiceStatus.Paid or InvoiceStatus.Cancelled))
        {
            throw Invalid("$.credits", $"left customer credit over, which happens only once nothing is open; {Described(status)} invoice still has an open amount.");
        }

        if (status == InvoiceStatus.Cancelled && credits.Length == 0)
        {
            throw Invalid("$.credits", "is missing; a cancelled invoice was cancelled by a credit note.");
        }
    }

    private static void RequirePresence(bool required, InvoiceStatus status, string path, bool present, string what)
    {
        if (required && !present)
        {
            throw Invalid(path, $"is missing; {Described(status)} invoice has {what}.");
        }

        if (!required && present)
        {
            throw Invalid(path, $"is set, but {Described(status)} invoice has no {what[(what.IndexOf(' ', StringComparison.Ordinal) + 1)..]}.");
        }
    }

    private static string Described(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Draft => "a draft",
        InvoiceStatus.Issued => "an issued",
        InvoiceStatus.PartiallyPaid => "a partially paid",
        InvoiceStatus.Paid => "a paid",
        InvoiceStatus.Cancelled => "a cancelled",
        InvoiceStatus.WrittenOff => "a written-off",
        _ => "a discarded",
    };

    private static string CurrencyProblem(Money amount, Currency currency) => $"is {amount}, but the invoice currency is {currency.Code}.";
}
