using System.Collections;
using System.Reflection;
using System.Text;
using Invoicing.Core.EInvoicing;
using Invoicing.Core.EInvoicing.Cii;
using Invoicing.Core.EInvoicing.Ubl;
using Invoicing.Core.Tests.EInvoicing.Cii;
using Invoicing.Core.Tests.EInvoicing.Ubl;
using Xunit.Abstractions;

namespace Invoicing.Core.Tests.EInvoicing;

/// <summary>
/// Cross-syntax round trips over the official EN 16931 examples: a UBL instance read, written as CII and
/// read back keeps every term CII can carry, and a CII instance written as UBL keeps every term UBL can
/// carry. The two models are compared after <see cref="Normalize"/>, which removes only what one of the
/// two syntaxes cannot carry (each case documented there and in the writers' XML docs). The tc434
/// example pairs (UBL and CII of the same invoice) are compared the same way, less the terms in which
/// the two source documents themselves differ (<see cref="PairSourceDifferences"/>).
/// </summary>
public sealed class CrossSyntaxTests(ITestOutputHelper output)
{
    public static TheoryData<string> UblFiles => UblTestFiles.All();

    public static TheoryData<string> CiiFiles => CiiTestFiles.Examples();

    [Theory]
    [MemberData(nameof(UblFiles))]
    public void UblExample_WrittenAsCii_ReadsBackToTheSameModel(string file)
    {
        var ubl = UblTestFiles.Read(file).Document;

        var cii = CiiReader.Read(new MemoryStream(CiiTestFiles.Write(ubl))).Document;

        AssertSameTerms(ubl, cii);
    }

    [Theory]
    [MemberData(nameof(CiiFiles))]
    public void CiiExample_WrittenAsUbl_ReadsBackToTheSameModel(string file)
    {
        var cii = CiiTestFiles.ReadExample(file).Document;

        var ubl = UblReader.Read(new MemoryStream(WriteUbl(cii))).Document;

        AssertSameTerms(cii, ubl);
    }

    /// <summary>The pairs the corpus README gives as the same invoice in both syntaxes (N = 3 and 7 differ in lines and issue date).</summary>
    public static TheoryData<int> Pairs => new(1, 2, 4, 5, 6, 8, 9);

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Tc434ExamplePair_ReadsToTheSameModel_ButWhereTheSourcesDiffer(int n)
    {
        EInvoice ubl;
        using (var stream = UblTestFiles.Open(Path.Combine("ubl", "examples", $"ubl-tc434-example{n}.xml")))
        {
            ubl = UblReader.Read(stream).Document;
        }

        var cii = CiiTestFiles.ReadExample($"CII_example{n}.xml").Document;

        var differences = Differences(Normalize(ubl), Normalize(cii)).ToList();
        foreach (var difference in differences)
        {
            output.WriteLine(difference.ToString());
        }

        var expected = PairSourceDifferences.TryGetValue(n, out var known) ? known : [];
        Assert.Equal(expected.Order(StringComparer.Ordinal), differences.Select(d => d.Path).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The CII reader trims texts as the UBL reader does (found by these round trips: an indented <c>ram:Content</c> or a name with a trailing space read differently from the two syntaxes).</summary>
    [Fact]
    public void CiiReader_TrimsTexts_AsTheUblReaderDoes()
    {
        var document = new EInvoice
        {
            Number = "INV-1",
            Notes = [new InvoiceNote { Text = "Line one\n\n        line two" }],
            Seller = new Seller { Name = "Seller", Contact = new EInvoiceContact { TelephoneNumber = "033-4549055" } },
            Lines = [new EInvoiceLine { Identifier = "1", Item = new ItemInformation { Name = "zzgl." } }],
        };
        var xml = Encoding.UTF8.GetString(CiiTestFiles.Write(document))
            .Replace("<ram:Content>Line one", "<ram:Content>\n      Line one", StringComparison.Ordinal)
            .Replace("line two</ram:Content>", "line two\n    </ram:Content>", StringComparison.Ordinal)
            .Replace(">033-4549055<", "> 033-4549055<", StringComparison.Ordinal)
            .Replace(">zzgl.<", ">zzgl. <", StringComparison.Ordinal)
            .Replace(">INV-1<", ">  <", StringComparison.Ordinal);
        Assert.Contains("> 033-4549055<", xml, StringComparison.Ordinal);

        var read = CiiTestFiles.ReadText(xml).Document;

        Assert.Equal(document with { Number = null }, read);
        Assert.Equal(read, UblReader.Read(new MemoryStream(WriteUbl(read))).Document);
    }

    [Fact]
    public void Normalize_RemovesOnlyWhatOneSyntaxCannotCarry()
    {
        var document = new EInvoice
        {
            PurchaseOrderReference = null,
            SalesOrderReference = "SO-1",
            VatPointDateCode = "3",
            PrecedingInvoiceReferences = [new PrecedingInvoiceReference { Reference = "A" }, new PrecedingInvoiceReference { Reference = "B" }],
            Seller = new Seller { Name = "", Identifiers = [new SchemeIdentifier("G", "0088", "1"), new SchemeIdentifier("L")] },
            Lines = [new EInvoiceLine { Price = new PriceDetails { Discount = 1m, BaseQuantity = 2m, BaseQuantityUnitCode = "C62" }, Item = new ItemInformation { ClassificationIdentifiers = [new SchemeIdentifier("C", "STI", "2")] } }],
        };

        var normalized = Normalize(document);

        Assert.Equal(
            new EInvoice
            {
                PurchaseOrderReference = "NA",
                SalesOrderReference = "SO-1",
                PrecedingInvoiceReferences = [new PrecedingInvoiceReference { Reference = "A" }],
                Seller = new Seller { Identifiers = [new SchemeIdentifier("L"), new SchemeIdentifier("G", "0088")] },
                Lines = [new EInvoiceLine { Price = new PriceDetails(), Item = new ItemInformation { ClassificationIdentifiers = [new SchemeIdentifier("C", "STI", "2")] } }],
            },
            normalized);
        Assert.Equal(normalized, Normalize(normalized));
    }

    /// <summary>
    /// Removes from a model what UBL 2.1 or CII D16B cannot carry as the model holds it, so that a model and
    /// its image through the other syntax compare equal. Applied to both sides; idempotent. Every case is a
    /// limit of a syntax (or of the EN 16931 bindings), documented on <see cref="UblWriter"/> and <see cref="CiiWriter"/>:
    /// nothing here hides a term both syntaxes can carry.
    /// </summary>
    internal static EInvoice Normalize(EInvoice document)
    {
        // Texts: an empty text element is an absent term. The UBL reader keeps an empty element as ""
        // (the rules see that the element is there), the CII reader reads it as absent, and neither syntax
        // writes an empty optional element, so "" and null are the same term once written.
        // Scheme versions: CII D16B has no schemeVersionID on IDType; only the item classification
        // (BT-158-2, ram:ClassCode/@listVersionID) carries a version in both syntaxes.
        var d = (EInvoice)Clean(document, keepSchemeVersion: false)!;

        return d with
        {
            // BG-3: CII D16B has at most one ram:InvoiceReferencedDocument in the header settlement; the CII writer keeps the first.
            PrecedingInvoiceReferences = d.PrecedingInvoiceReferences.Take(1).ToList(),

            // BT-7, BT-8: CII carries them only on each ram:ApplicableTradeTax (BG-23); without a VAT breakdown they cannot be written.
            VatPointDate = d.VatBreakdown.Count == 0 ? null : d.VatPointDate,
            VatPointDateCode = d.VatBreakdown.Count == 0 ? null : d.VatPointDateCode,

            // BT-14 without BT-13: UBL requires cac:OrderReference/cbc:ID, which the UBL writer fills with "NA" (as Peppol BIS does).
            PurchaseOrderReference = d.PurchaseOrderReference ?? (d.SalesOrderReference is null ? null : "NA"),

            // BT-29: CII writes the identifiers without a scheme as ram:ID before those with a scheme as ram:GlobalID
            // (the D16B element order); the order among the two kinds is kept.
            Seller = d.Seller is null ? null : d.Seller with
            {
                Identifiers = d.Seller.Identifiers.Where(i => i.SchemeId is null).Concat(d.Seller.Identifiers.Where(i => i.SchemeId is not null)).ToList(),
            },

            Lines = d.Lines.Select(line => line.Price is not { } price ? line : line with
            {
                Price = price with
                {
                    // BT-147: CII carries the price discount only inside ram:GrossPriceProductTradePrice, whose
                    // ram:ChargeAmount (BT-148) is mandatory: a discount without a gross price cannot be written.
                    Discount = price.GrossPrice is null ? null : price.Discount,

                    // BT-149, BT-150: CII carries the base quantity only inside a price element (net or gross).
                    BaseQuantity = price.NetPrice is null && price.GrossPrice is null ? null : price.BaseQuantity,
                    BaseQuantityUnitCode = price.NetPrice is null && price.GrossPrice is null ? null : price.BaseQuantityUnitCode,
                },
            }).ToList(),

            // Not normalized, because the model holds them once and both syntaxes carry that: the order of
            // allowances among charges (two lists in the model), BT-81/BT-82/BT-83 repeated per UBL
            // cac:PaymentMeans or CII credit transfer account (read back from the first), BT-84 as CII
            // ram:IBANID or ram:ProprietaryID (both read into BT-84), a single BT-20 or BT-127 text.
        };
    }

    /// <summary>A copy of a model record with "" as null and, outside BT-158, no scheme version; see <see cref="Normalize"/>.</summary>
    private static object? Clean(object? value, bool keepSchemeVersion)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Length == 0 ? null : text;
            case SchemeIdentifier identifier:
                var cleaned = new SchemeIdentifier(
                    (string?)Clean(identifier.Value, false),
                    (string?)Clean(identifier.SchemeId, false),
                    keepSchemeVersion ? (string?)Clean(identifier.SchemeVersion, false) : null);
                return cleaned == new SchemeIdentifier(null) ? null : cleaned;
        }

        var type = value.GetType();
        if (type.IsValueType || type.Namespace != typeof(EInvoice).Namespace)
        {
            return value;
        }

        var copy = CloneMethod.Invoke(value, null)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var current = property.GetValue(value);
            if (current is IEnumerable items and not string)
            {
                var elementType = property.PropertyType.GetGenericArguments()[0];
                var cleanedItems = items.Cast<object?>().Select(i => Clean(i, property.Name == nameof(ItemInformation.ClassificationIdentifiers))).ToArray();
                var array = Array.CreateInstance(elementType, cleanedItems.Length);
                Array.Copy(cleanedItems, array, cleanedItems.Length);
                property.SetValue(copy, array);
            }
            else
            {
                property.SetValue(copy, Clean(current, keepSchemeVersion));
            }
        }

        return copy;
    }

    private static readonly MethodInfo CloneMethod = typeof(object).GetMethod("MemberwiseClone", BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>
    /// Terms in which the tc434 example pairs differ in the source documents themselves (checked in the XML:
    /// the UBL and CII examples were not generated from one another), by pair, as model property paths.
    /// Every other term must be equal after <see cref="Normalize"/>.
    /// </summary>
    private static readonly Dictionary<int, string[]> PairSourceDifferences = new()
    {
        // Example 1: the CII note has subject code AAR (the UBL one none and a longer text), the second credit transfer account differs, units EA (UBL) / H87 (CII), two item names differ by a letter.
        [1] =
        [
            "EInvoice.Notes[1].SubjectCode",
            "EInvoice.Notes[1].Text",
            "EInvoice.PaymentInstructions.CreditTransfers[2].PaymentAccountIdentifier",
            "EInvoice.Lines[1].UnitCode",
            "EInvoice.Lines[2].UnitCode",
            "EInvoice.Lines[2].Item.Name",
            "EInvoice.Lines[3].UnitCode",
            "EInvoice.Lines[4].UnitCode",
            "EInvoice.Lines[5].UnitCode",
            "EInvoice.Lines[6].UnitCode",
            "EInvoice.Lines[7].UnitCode",
            "EInvoice.Lines[8].UnitCode",
            "EInvoice.Lines[9].UnitCode",
            "EInvoice.Lines[10].UnitCode",
            "EInvoice.Lines[11].UnitCode",
            "EInvoice.Lines[12].UnitCode",
            "EInvoice.Lines[13].UnitCode",
            "EInvoice.Lines[13].Item.Name",
            "EInvoice.Lines[14].UnitCode",
            "EInvoice.Lines[15].UnitCode",
            "EInvoice.Lines[16].UnitCode",
            "EInvoice.Lines[17].UnitCode",
            "EInvoice.Lines[18].UnitCode",
            "EInvoice.Lines[19].UnitCode",
            "EInvoice.Lines[20].UnitCode",
        ],
        // Example 2: BT-7 (CII) vs BT-8 (UBL), BT-20 indentation, BT-23 only in UBL, BT-60 scheme only in UBL, the CII repeats the account in a second payment means, allowance reason code 88/95, a second BG-24 document only in UBL, line quantities, units EA/NAR, line period, gross prices and base quantities, classifications, the standard id of line 3 and a PO line reference.
        [2] =
        [
            "EInvoice.VatPointDate",
            "EInvoice.VatPointDateCode",
            "EInvoice.PaymentTerms",
            "EInvoice.ProcessControl.BusinessProcessType",
            "EInvoice.Payee.Identifier.SchemeId",
            "EInvoice.PaymentInstructions.CreditTransfers",
            "EInvoice.Allowances[1].ReasonCode",
            "EInvoice.SupportingDocuments",
            "EInvoice.Lines[1].Quantity",
            "EInvoice.Lines[1].UnitCode",
            "EInvoice.Lines[1].Period.EndDate",
            "EInvoice.Lines[1].Price.Discount",
            "EInvoice.Lines[1].Price.GrossPrice",
            "EInvoice.Lines[1].Price.BaseQuantity",
            "EInvoice.Lines[1].Price.BaseQuantityUnitCode",
            "EInvoice.Lines[1].Item.ClassificationIdentifiers",
            "EInvoice.Lines[2].UnitCode",
            "EInvoice.Lines[2].Price.BaseQuantity",
            "EInvoice.Lines[2].Price.BaseQuantityUnitCode",
            "EInvoice.Lines[2].Item.ClassificationIdentifiers",
            "EInvoice.Lines[3].UnitCode",
            "EInvoice.Lines[3].Price.Discount",
            "EInvoice.Lines[3].Price.GrossPrice",
            "EInvoice.Lines[3].Price.BaseQuantity",
            "EInvoice.Lines[3].Price.BaseQuantityUnitCode",
            "EInvoice.Lines[3].Item.StandardIdentifier.Value",
            "EInvoice.Lines[3].Item.ClassificationIdentifiers",
            "EInvoice.Lines[4].UnitCode",
            "EInvoice.Lines[4].Price.BaseQuantity",
            "EInvoice.Lines[4].Price.BaseQuantityUnitCode",
            "EInvoice.Lines[4].Item.ClassificationIdentifiers",
            "EInvoice.Lines[5].PurchaseOrderLineReference",
            "EInvoice.Lines[5].Price.BaseQuantity",
            "EInvoice.Lines[5].Item.ClassificationIdentifiers",
        ],
        // Example 4: the seller contact email, the CII repeats the account in a second payment means, units EA/C62.
        [4] =
        [
            "EInvoice.Seller.Contact.EmailAddress",
            "EInvoice.PaymentInstructions.CreditTransfers",
            "EInvoice.Lines[1].UnitCode",
            "EInvoice.Lines[2].UnitCode",
            "EInvoice.Lines[3].UnitCode",
        ],
        // Example 5: BT-7 only in CII, BT-17 (UBL; a plain supporting document in CII), note subject code and text, BT-23 only in UBL, BT-71 scheme only in CII, payment means 49 (UBL: direct debit with debited account) vs 58 (CII: credit transfers, creditor id), reason codes 100/95, supporting documents, line object ids only in CII, units EA/C62, line periods, price discount 0.10/10, a classification only in UBL, a line note's case.
        [5] =
        [
            "EInvoice.VatPointDate",
            "EInvoice.TenderOrLotReference",
            "EInvoice.Notes[1].SubjectCode",
            "EInvoice.Notes[1].Text",
            "EInvoice.ProcessControl.BusinessProcessType",
            "EInvoice.Delivery.LocationIdentifier.SchemeId",
            "EInvoice.PaymentInstructions.PaymentMeansTypeCode",
            "EInvoice.PaymentInstructions.PaymentMeansText",
            "EInvoice.PaymentInstructions.CreditTransfers",
            "EInvoice.PaymentInstructions.DirectDebit.BankAssignedCreditorIdentifier",
            "EInvoice.PaymentInstructions.DirectDebit.DebitedAccountIdentifier",
            "EInvoice.Allowances[1].ReasonCode",
            "EInvoice.SupportingDocuments",
            "EInvoice.Lines[1].ObjectIdentifier",
            "EInvoice.Lines[1].UnitCode",
            "EInvoice.Lines[1].Period.EndDate",
            "EInvoice.Lines[1].Allowances[1].ReasonCode",
            "EInvoice.Lines[1].Price.Discount",
            "EInvoice.Lines[1].Price.BaseQuantityUnitCode",
            "EInvoice.Lines[1].Item.ClassificationIdentifiers",
            "EInvoice.Lines[2].Note",
            "EInvoice.Lines[2].ObjectIdentifier",
            "EInvoice.Lines[2].UnitCode",
            "EInvoice.Lines[2].Period.EndDate",
            "EInvoice.Lines[3].UnitCode",
        ],
        // Example 6: units EA/C62.
        [6] =
        [
            "EInvoice.Lines[1].UnitCode",
            "EInvoice.Lines[2].UnitCode",
            "EInvoice.Lines[3].UnitCode",
        ],
        // Example 8: BT-7 only in UBL, BT-18 only in CII (a supporting document in UBL), BT-20 and BG-1 indentation, the CII repeats the account in a second payment means, base quantities, units KW/KWT.
        [8] =
        [
            "EInvoice.VatPointDate",
            "EInvoice.InvoicedObjectIdentifier",
            "EInvoice.PaymentTerms",
            "EInvoice.Notes[1].Text",
            "EInvoice.PaymentInstructions.CreditTransfers",
            "EInvoice.SupportingDocuments",
            "EInvoice.Lines[1].Price.BaseQuantity",
            "EInvoice.Lines[2].Price.BaseQuantity",
            "EInvoice.Lines[3].UnitCode",
            "EInvoice.Lines[3].Price.BaseQuantity",
            "EInvoice.Lines[3].Price.BaseQuantityUnitCode",
            "EInvoice.Lines[4].UnitCode",
            "EInvoice.Lines[4].Price.BaseQuantity",
            "EInvoice.Lines[4].Price.BaseQuantityUnitCode",
            "EInvoice.Lines[5].Price.BaseQuantity",
            "EInvoice.Lines[6].Price.BaseQuantity",
            "EInvoice.Lines[7].Price.BaseQuantity",
            "EInvoice.Lines[8].Price.BaseQuantity",
            "EInvoice.Lines[9].Price.BaseQuantity",
            "EInvoice.Lines[10].Price.BaseQuantity",
        ],
        // Example 9: BT-9 14/15 April, the note's indentation, BG-14 only in UBL and BG-26 only in CII, the CII repeats the account in a second payment means, a base quantity.
        [9] =
        [
            "EInvoice.PaymentDueDate",
            "EInvoice.Notes[1].Text",
            "EInvoice.InvoicingPeriod",
            "EInvoice.PaymentInstructions.CreditTransfers",
            "EInvoice.Lines[1].Period",
            "EInvoice.Lines[1].Price.BaseQuantity",
        ],
    };

    private void AssertSameTerms(EInvoice original, EInvoice again)
    {
        var expected = Normalize(original);
        var actual = Normalize(again);
        if (expected != actual)
        {
            foreach (var difference in Differences(expected, actual))
            {
                output.WriteLine(difference.ToString());
            }
        }

        Assert.True(expected == actual, Differences(expected, actual).FirstOrDefault()?.ToString());
    }

    private static byte[] WriteUbl(EInvoice document)
    {
        using var stream = new MemoryStream();
        UblWriter.Write(document, stream);
        return stream.ToArray();
    }

    internal sealed record Difference(string Path, string Expected, string Actual)
    {
        public override string ToString() => $"{Path}: '{Expected}' vs '{Actual}'";
    }

    /// <summary>Every differing term, walking the records' properties; a list whose length differs is one difference.</summary>
    internal static IEnumerable<Difference> Differences(object? expected, object? actual, string path = "EInvoice")
    {
        if (Equals(expected, actual))
        {
            yield break;
        }

        if (expected is null || actual is null || expected.GetType() != actual.GetType() || expected is string || expected.GetType().IsValueType)
        {
            yield return new Difference(path, Show(expected), Show(actual));
            yield break;
        }

        if (expected is IEnumerable expectedItems)
        {
            var left = expectedItems.Cast<object?>().ToList();
            var right = ((IEnumerable)actual).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                yield return new Difference(path, $"{left.Count} items {Show(expected)}", $"{right.Count} items {Show(actual)}");
                yield break;
            }

            for (var i = 0; i < left.Count; i++)
            {
                foreach (var difference in Differences(left[i], right[i], $"{path}[{i + 1}]"))
                {
                    yield return difference;
                }
            }

            yield break;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                foreach (var difference in Differences(property.GetValue(expected), property.GetValue(actual), path + "." + property.Name))
                {
                    yield return difference;
                }
            }
        }
    }

    private static string Show(object? value)
    {
        var text = (value is IFormattable formattable ? formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString() ?? "null")
            .Replace("\n", "\\n", StringComparison.Ordinal);
        return text.Length > 200 ? text[..200] + "..." : text;
    }
}
