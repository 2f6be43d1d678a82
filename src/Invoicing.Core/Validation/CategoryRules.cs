using System.Globalization;
using Invoicing.Core.EInvoicing;

namespace Invoicing.Core.Validation;

/// <summary>
/// The building blocks of the per-category VAT rules (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF,
/// BR-AG): the same ten checks, parameterised by the category code and the conditions each category sets.
/// Stateless and thread-safe; the checks loop over the model without allocating unless they report.
/// </summary>
internal static class CategoryRules
{
    /// <summary>Who must (or must not) be identified for VAT when a category is used.</summary>
    internal enum PartyRequirement
    {
        /// <summary>Seller VAT id (BT-31) or tax registration id (BT-32), or tax representative VAT id (BT-63).</summary>
        SellerTaxId,

        /// <summary>Seller VAT id (BT-31) or tax representative VAT id (BT-63).</summary>
        SellerVatId,

        /// <summary><see cref="SellerTaxId"/>, and the buyer VAT id (BT-48) or legal registration id (BT-47).</summary>
        SellerTaxIdAndBuyerId,

        /// <summary><see cref="SellerVatId"/>, and the buyer VAT id (BT-48).</summary>
        SellerVatIdAndBuyerVatId,

        /// <summary>None of BT-31, BT-63 and BT-48.</summary>
        NoVatIds,
    }

    /// <summary>What the VAT rate (BT-152, BT-96, BT-103) of an item in the category must be.</summary>
    internal enum RateRequirement
    {
        /// <summary>Greater than zero.</summary>
        Positive,

        /// <summary>Zero or greater.</summary>
        NotNegative,

        /// <summary>Exactly zero.</summary>
        Zero,

        /// <summary>Absent.</summary>
        Absent,
    }

    /// <summary>How the taxable amount (BT-116) of a breakdown is checked against the items (the -08 rules).</summary>
    internal enum TaxableCheck
    {
        /// <summary>BR-S-08: per rate; UBL: a line or allowance/charge of that rate exists and the difference is below 1; CII: exact.</summary>
        PerRateWithItem,

        /// <summary>BR-AF/AG-08: per rate; UBL: the document has lines and the difference is below 1; CII: exact.</summary>
        PerRate,

        /// <summary>BR-Z/E/AE/IC/G-08: whole category; the document has lines; UBL exact, CII difference below 1.</summary>
        Category,

        /// <summary>BR-O-08: whole category; the document has lines; exact in both syntaxes.</summary>
        CategoryExact,
    }

    /// <summary>True when <paramref name="code"/>, without surrounding white space, is <paramref name="category"/>.</summary>
    internal static bool Is(string? code, string category) => code is not null && code.AsSpan().Trim().SequenceEqual(category);

    /// <summary>True when a code is given and, without surrounding white space, is not <paramref name="category"/>.</summary>
    internal static bool IsOther(string? code, string category) => code is not null && !code.AsSpan().Trim().SequenceEqual(category);

    internal static int FirstLine(EInvoice document, string category)
    {
        for (var i = 0; i < document.Lines.Count; i++)
        {
            if (Is(document.Lines[i].Vat?.CategoryCode, category))
            {
                return i;
            }
        }

        return -1;
    }

    internal static int First(IReadOnlyList<DocumentLevelAllowanceCharge> items, string category)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (Is(items[i].VatCategoryCode, category))
            {
                return i;
            }
        }

        return -1;
    }

    internal static int CountBreakdowns(EInvoice document, string category)
    {
        var count = 0;
        for (var i = 0; i < document.VatBreakdown.Count; i++)
        {
            if (Is(document.VatBreakdown[i].CategoryCode, category))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The -01 rules of S, L and M: items of the category and a breakdown of it come together (at least one). The CII
    /// artefacts check one direction only (items need a breakdown), the UBL ones both.
    /// </summary>
    internal static ValidationRule AtLeastOneBreakdown(string id, string category, string name) => new(id, FindingSeverity.Fatal,
        $"An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"{name}\" shall contain in the VAT breakdown (BG-23) at least one VAT category code (BT-118) equal with \"{name}\".",
        context =>
        {
            var document = context.Document;
            var items = FirstLine(document, category) >= 0 || First(document.Allowances, category) >= 0 || First(document.Charges, category) >= 0;
            var breakdowns = CountBreakdowns(document, category);
            if (items && breakdowns == 0)
            {
                context.Report(Text($"Lines, allowances or charges have VAT category '{category}' ({name}), but no VAT breakdown (BG-23) has category code (BT-118) '{category}'."), "BG-23", "BG-23");
            }
            else if (!items && breakdowns > 0 && !context.IsCii)
            {
                context.Report(Text($"A VAT breakdown (BG-23) has category code (BT-118) '{category}' ({name}), but no line, allowance or charge has that category (BT-151, BT-95, BT-102)."), "BG-23", "BG-23");
            }
        });

    /// <summary>
    /// The -01 rules of Z, E, AE, K, G and O: where the category is used, exactly one breakdown has it. UBL: a breakdown
    /// alone counts as a use; CII: the breakdown also needs a line, allowance or charge of the category, and for O
    /// (<paramref name="breakdownOnly"/>) only a breakdown makes the rule apply.
    /// </summary>
    internal static ValidationRule ExactlyOneBreakdown(string id, string category, string name, bool breakdownOnly = false) => new(id, FindingSeverity.Fatal,
        $"An Invoice that contains an Invoice line (BG-25), a Document level allowance (BG-20) or a Document level charge (BG-21) where the VAT category code (BT-151, BT-95 or BT-102) is \"{name}\" shall contain in the VAT breakdown (BG-23) exactly one VAT category code (BT-118) equal with \"{name}\".",
        context =>
        {
            var document = context.Document;
            var breakdowns = CountBreakdowns(document, category);
            var items = FirstLine(document, category) >= 0 || First(document.Allowances, category) >= 0 || First(document.Charges, category) >= 0;
            var used = breakdowns > 0 || (items && !(context.IsCii && breakdownOnly));
            if (!used)
            {
                return;
            }

            if (breakdowns != 1)
            {
                context.Report(Text($"VAT category '{category}' ({name}) is used, and {breakdowns} VAT breakdowns (BG-23) have category code (BT-118) '{category}'; exactly one must."), "BG-23", "BG-23");
            }
            else if (context.IsCii && !items)
            {
                context.Report(Text($"A VAT breakdown (BG-23) has category code (BT-118) '{category}' ({name}), but no line, allowance or charge has that category (BT-151, BT-95, BT-102)."), "BG-23", "BG-23");
            }
        });

    /// <summary>The -02 (lines), -03 (allowances) and -04 (charges) rules: the parties' VAT identification.</summary>
    internal static ValidationRule Parties(string id, string category, string name, ItemKind kind, PartyRequirement requirement)
    {
        var (items, group) = kind switch
        {
            ItemKind.Line => ("an Invoice line (BG-25) where the Invoiced item VAT category code (BT-151)", "line"),
            ItemKind.Allowance => ("a Document level allowance (BG-20) where the Document level allowance VAT category code (BT-95)", "document level allowance"),
            _ => ("a Document level charge (BG-21) where the Document level charge VAT category code (BT-102)", "document level charge"),
        };
        var who = requirement switch
        {
            PartyRequirement.SellerTaxId => "shall contain the Seller VAT Identifier (BT-31), the Seller tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63).",
            PartyRequirement.SellerVatId => "shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63).",
            PartyRequirement.SellerTaxIdAndBuyerId => "shall contain the Seller VAT Identifier (BT-31), the Seller Tax registration identifier (BT-32) and/or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48) and/or the Buyer legal registration identifier (BT-47).",
            PartyRequirement.SellerVatIdAndBuyerVatId => "shall contain the Seller VAT Identifier (BT-31) or the Seller tax representative VAT identifier (BT-63) and the Buyer VAT identifier (BT-48).",
            _ => "shall not contain the Seller VAT identifier (BT-31), the Seller tax representative VAT identifier (BT-63) or the Buyer VAT identifier (BT-48).",
        };
        return new(id, FindingSeverity.Fatal, $"An Invoice that contains {items} is \"{name}\" {who}", context =>
        {
            var document = context.Document;
            var index = kind switch
            {
                ItemKind.Line => FirstLine(document, category),
                ItemKind.Allowance => First(document.Allowances, category),
                _ => First(document.Charges, category),
            };
            if (index < 0)
            {
                return;
            }

            var at = Text($"{group} {index + 1} has VAT category '{category}' ({name})");
            var sellerVat = document.Seller?.VatIdentifier;
            var sellerTax = document.Seller?.TaxRegistrationIdentifier;
            var representativeVat = document.SellerTaxRepresentative?.VatIdentifier;
            var buyerVat = document.Buyer?.VatIdentifier;
            switch (requirement)
            {
                case PartyRequirement.NoVatIds:
                    if (sellerVat is not null)
                    {
                        context.Report(Text($"The {at}, and the seller VAT identifier (BT-31) '{sellerVat}' is given."), "BT-31", "BG-4/BT-31");
                    }

                    if (representativeVat is not null)
                    {
                        context.Report(Text($"The {at}, and the seller tax representative VAT identifier (BT-63) '{representativeVat}' is given."), "BT-63", "BG-11/BT-63");
                    }

                    if (buyerVat is not null)
                    {
                        context.Report(Text($"The {at}, and the buyer VAT identifier (BT-48) '{buyerVat}' is given."), "BT-48", "BG-7/BT-48");
                    }

                    return;
                case PartyRequirement.SellerTaxId or PartyRequirement.SellerTaxIdAndBuyerId:
                    if (sellerVat is null && sellerTax is null && representativeVat is null)
                    {
                        context.Report(Text($"The {at}, but neither the seller VAT identifier (BT-31), the seller tax registration identifier (BT-32) nor the seller tax representative VAT identifier (BT-63) is given."), "BT-31", "BG-4/BT-31");
                    }

                    if (requirement == PartyRequirement.SellerTaxIdAndBuyerId && buyerVat is null && document.Buyer?.LegalRegistrationIdentifier?.Value is null)
                    {
                        context.Report(Text($"The {at}, but neither the buyer VAT identifier (BT-48) nor the buyer legal registration identifier (BT-47) is given."), "BT-48", "BG-7/BT-48");
                    }

                    return;
                default:
                    if (sellerVat is null && representativeVat is null)
                    {
                        context.Report(Text($"The {at}, but neither the seller VAT identifier (BT-31) nor the seller tax representative VAT identifier (BT-63) is given."), "BT-31", "BG-4/BT-31");
                    }

                    if (requirement == PartyRequirement.SellerVatIdAndBuyerVatId && buyerVat is null)
                    {
                        context.Report(Text($"The {at}, but the buyer VAT identifier (BT-48) is not given."), "BT-48", "BG-7/BT-48");
                    }

                    return;
            }
        });
    }

    /// <summary>The kind of item a -02/-03/-04 or -05/-06/-07 rule looks at.</summary>
    internal enum ItemKind
    {
        /// <summary>Invoice lines (BG-25), their BT-151/BT-152.</summary>
        Line,

        /// <summary>Document level allowances (BG-20), their BT-95/BT-96.</summary>
        Allowance,

        /// <summary>Document level charges (BG-21), their BT-102/BT-103.</summary>
        Charge,
    }

    /// <summary>The -05 (lines), -06 (allowances) and -07 (charges) rules: the VAT rate of each item in the category.</summary>
    internal static ValidationRule Rate(string id, string category, string name, ItemKind kind, RateRequirement requirement, RateRequirement? ciiRequirement = null)
    {
        var (subject, rateTerm, codeTerm) = kind switch
        {
            ItemKind.Line => ("an Invoice line where the VAT category code (BT-151)", "BT-152", "BT-151"),
            ItemKind.Allowance => ("a Document level allowance (BG-20) where the VAT category code (BT-95)", "BT-96", "BT-95"),
            _ => ("a Document level charge (BG-21) where the VAT category code (BT-102)", "BT-103", "BT-102"),
        };
        var must = Must(requirement, rateTerm);
        return new(id, FindingSeverity.Fatal, $"In {subject} is \"{name}\" {must}", context =>
        {
            var document = context.Document;
            var count = kind switch
            {
                ItemKind.Line => document.Lines.Count,
                ItemKind.Allowance => document.Allowances.Count,
                _ => document.Charges.Count,
            };
            for (var i = 0; i < count; i++)
            {
                var (code, rate) = kind switch
                {
                    ItemKind.Line => (document.Lines[i].Vat?.CategoryCode, document.Lines[i].Vat?.Rate),
                    ItemKind.Allowance => (document.Allowances[i].VatCategoryCode, document.Allowances[i].VatRate),
                    _ => (document.Charges[i].VatCategoryCode, document.Charges[i].VatRate),
                };
                if (!Is(code, category))
                {
                    continue;
                }

                var ok = (context.IsCii ? ciiRequirement ?? requirement : requirement) switch
                {
                    RateRequirement.Positive => rate > 0m,
                    RateRequirement.NotNegative => rate >= 0m,
                    RateRequirement.Zero => rate == 0m,
                    _ => rate is null,
                };
                if (!ok)
                {
                    var found = rate is { } r ? Text($"'{r}'") : "absent";
                    var required = context.IsCii && ciiRequirement is { } cii ? Must(cii, rateTerm) : must;
                    var path = kind switch
                    {
                        ItemKind.Line => Text($"BG-25[{i + 1}]/BG-30/{rateTerm}"),
                        ItemKind.Allowance => Text($"BG-20[{i + 1}]/{rateTerm}"),
                        _ => Text($"BG-21[{i + 1}]/{rateTerm}"),
                    };
                    context.Report(Text($"{codeTerm} is '{category}' ({name}) and the VAT rate ({rateTerm}) is {found}: {required}"), rateTerm, path);
                }
            }
        });
    }

    private static string Must(RateRequirement requirement, string rateTerm) => requirement switch
    {
        RateRequirement.Positive => $"the VAT rate ({rateTerm}) shall be greater than zero.",
        RateRequirement.NotNegative => $"the VAT rate ({rateTerm}) shall be 0 (zero) or greater than zero.",
        RateRequirement.Zero => $"the VAT rate ({rateTerm}) shall be 0 (zero).",
        _ => $"it shall not contain a VAT rate ({rateTerm}).",
    };

    /// <summary>The -08 rules: the taxable amount of each breakdown of the category equals its items' net sum.</summary>
    internal static ValidationRule TaxableAmount(string id, string category, string name, TaxableCheck check)
    {
        var perRate = check is TaxableCheck.PerRateWithItem or TaxableCheck.PerRate;
        var description = perRate
            ? $"For each different value of VAT category rate (BT-119) where the VAT category code (BT-118) is \"{name}\", the VAT category taxable amount (BT-116) in a VAT breakdown (BG-23) shall equal the sum of Invoice line net amounts (BT-131) plus the sum of document level charge amounts (BT-99) minus the sum of document level allowance amounts (BT-92) where the VAT category code (BT-151, BT-102, BT-95) is \"{name}\" and the VAT rate (BT-152, BT-103, BT-96) equals the VAT category rate (BT-119)."
            : $"In a VAT breakdown (BG-23) where the VAT category code (BT-118) is \"{name}\" the VAT category taxable amount (BT-116) shall equal the sum of Invoice line net amounts (BT-131) minus the sum of Document level allowance amounts (BT-92) plus the sum of Document level charge amounts (BT-99) where the VAT category codes (BT-151, BT-95, BT-102) are \"{name}\".";
        return new(id, FindingSeverity.Fatal, description, context =>
        {
            var document = context.Document;
            for (var b = 0; b < document.VatBreakdown.Count; b++)
            {
                var breakdown = document.VatBreakdown[b];
                if (!Is(breakdown.CategoryCode, category))
                {
                    continue;
                }

                var rate = breakdown.Rate;
                if (perRate && rate is null)
                {
                    continue; // "every $rate in BT-119": nothing to check without a rate
                }

                var (sum, items) = Sum(document, category, perRate ? rate : null, roundParts: context.IsCii);
                var taxable = breakdown.TaxableAmount;
                bool ok;
                if (taxable is not { } t)
                {
                    ok = false;
                }
                else if (context.IsCii)
                {
                    // CII: each of the three sums rounded to 2 decimals; only Z, E, AE, K and G accept a difference below 1.
                    ok = check == TaxableCheck.Category ? Math.Abs(t - sum) < 1m : t == sum;
                }
                else if (perRate)
                {
                    ok = (check == TaxableCheck.PerRateWithItem ? items > 0 : document.Lines.Count > 0) && Math.Abs(t - sum) < 1m;
                }
                else
                {
                    ok = document.Lines.Count > 0 && t == sum;
                }

                if (!ok)
                {
                    var scope = perRate ? Text($"'{category}' at rate {rate}") : Text($"'{category}'");
                    var why = context.IsCii ? string.Empty : document.Lines.Count == 0 && check != TaxableCheck.PerRateWithItem
                        ? " (the invoice has no lines)"
                        : check == TaxableCheck.PerRateWithItem && items == 0 && !context.IsCii ? " (no line, allowance or charge has that category and rate)" : string.Empty;
                    var found = taxable is { } f ? Text($"{f}") : "absent";
                    context.Report(Text($"The taxable amount (BT-116) of VAT category {scope} is {found}, but its lines, allowances and charges sum to {sum}{why}."),
                        "BT-116", Text($"BG-23[{b + 1}]/BT-116"));
                }
            }
        });
    }

    /// <summary>
    /// Σ line net amounts + Σ charges − Σ allowances of the category (and rate, when given), each sum rounded to 2
    /// decimals first when <paramref name="roundParts"/> (as the CII artefacts compute it), and how many items matched.
    /// </summary>
    private static (decimal Sum, int Items) Sum(EInvoice document, string category, decimal? rate, bool roundParts)
    {
        var sum = 0m;
        var items = 0;
        for (var i = 0; i < document.Lines.Count; i++)
        {
            var line = document.Lines[i];
            if (Is(line.Vat?.CategoryCode, category) && (rate is null || line.Vat!.Rate == rate))
            {
                items++;
                sum += line.NetAmount ?? 0m;
            }
        }

        var charges = 0m;
        for (var i = 0; i < document.Charges.Count; i++)
        {
            var charge = document.Charges[i];
            if (Is(charge.VatCategoryCode, category) && (rate is null || charge.VatRate == rate))
            {
                items++;
                charges += charge.Amount ?? 0m;
            }
        }

        var allowances = 0m;
        for (var i = 0; i < document.Allowances.Count; i++)
        {
            var allowance = document.Allowances[i];
            if (Is(allowance.VatCategoryCode, category) && (rate is null || allowance.VatRate == rate))
            {
                items++;
                allowances += allowance.Amount ?? 0m;
            }
        }

        return roundParts ? (CoreChecks.Round2(sum) + CoreChecks.Round2(charges) - CoreChecks.Round2(allowances), items) : (sum + charges - allowances, items);
    }

    /// <summary>The -09 rules of categories without VAT: the breakdown's tax amount (BT-117) is zero.</summary>
    internal static ValidationRule ZeroTax(string id, string category, string name) => new(id, FindingSeverity.Fatal,
        $"The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where the VAT category code (BT-118) equals \"{name}\" shall equal 0 (zero).",
        context =>
        {
            var breakdowns = context.Document.VatBreakdown;
            for (var b = 0; b < breakdowns.Count; b++)
            {
                if (Is(breakdowns[b].CategoryCode, category) && breakdowns[b].TaxAmount != 0m)
                {
                    var found = breakdowns[b].TaxAmount is { } f ? Text($"{f}") : "absent";
                    context.Report(Text($"The tax amount (BT-117) of VAT category '{category}' ({name}) is {found}; it must be 0."), "BT-117", Text($"BG-23[{b + 1}]/BT-117"));
                }
            }
        });

    /// <summary>The -09 rules of S, L and M: tax amount = taxable amount × rate ÷ 100, rounded to two decimals, within 1.</summary>
    internal static ValidationRule CalculatedTax(string id, string category, string name, bool checkedInCii = true) => new(id, FindingSeverity.Fatal,
        $"The VAT category tax amount (BT-117) in a VAT breakdown (BG-23) where VAT category code (BT-118) is \"{name}\" shall equal the VAT category taxable amount (BT-116) multiplied by the VAT category rate (BT-119).",
        context =>
        {
            if (context.IsCii && !checkedInCii)
            {
                return; // the CII artefacts leave it to BR-CO-17
            }

            var breakdowns = context.Document.VatBreakdown;
            for (var b = 0; b < breakdowns.Count; b++)
            {
                var breakdown = breakdowns[b];
                if (!Is(breakdown.CategoryCode, category))
                {
                    continue;
                }

                // As the artefacts compute it: on absolute values, the expected tax rounded to 2 decimals, a difference below 1 accepted.
                if (breakdown.TaxAmount is { } tax && breakdown.TaxableAmount is { } taxable && breakdown.Rate is { } rate)
                {
                    var expected = CoreChecks.Round2(Math.Abs(taxable) * rate / 100m);
                    if (Math.Abs(Math.Abs(tax) - expected) < 1m)
                    {
                        continue;
                    }

                    context.Report(Text($"The tax amount (BT-117) of VAT category '{category}' at rate {rate} is {tax}, but {taxable} x {rate} % is {expected}."), "BT-117", Text($"BG-23[{b + 1}]/BT-117"));
                }
                else
                {
                    context.Report(Text($"The tax amount (BT-117) of VAT category '{category}' ({name}) cannot be checked: the tax amount (BT-117), taxable amount (BT-116) or rate (BT-119) is absent."), "BT-117", Text($"BG-23[{b + 1}]/BT-117"));
                }
            }
        });

    /// <summary>The -10 rules: whether a breakdown of the category has an exemption reason (BT-120 or BT-121).</summary>
    internal static ValidationRule ExemptionReason(string id, string category, string name, bool required) => new(id, FindingSeverity.Fatal,
        required
            ? $"A VAT breakdown (BG-23) with VAT Category code (BT-118) \"{name}\" shall have a VAT exemption reason code (BT-121) or a VAT exemption reason text (BT-120)."
            : $"A VAT breakdown (BG-23) with VAT Category code (BT-118) \"{name}\" shall not have a VAT exemption reason code (BT-121) or VAT exemption reason text (BT-120).",
        context =>
        {
            var breakdowns = context.Document.VatBreakdown;
            for (var b = 0; b < breakdowns.Count; b++)
            {
                var breakdown = breakdowns[b];
                if (!Is(breakdown.CategoryCode, category))
                {
                    continue;
                }

                var has = breakdown.ExemptionReasonText is not null || breakdown.ExemptionReasonCode is not null;
                if (required && !has)
                {
                    context.Report(Text($"The VAT breakdown of category '{category}' ({name}) has neither an exemption reason text (BT-120) nor a code (BT-121)."), "BT-120", Text($"BG-23[{b + 1}]/BT-120"));
                }
                else if (!required && has)
                {
                    var (term, value) = breakdown.ExemptionReasonCode is { } code ? ("BT-121", code) : ("BT-120", breakdown.ExemptionReasonText!);
                    context.Report(Text($"The VAT breakdown of category '{category}' ({name}) has an exemption reason ({term}) '{value}'; it must have none."), term, Text($"BG-23[{b + 1}]/{term}"));
                }
            }
        });

    internal static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
