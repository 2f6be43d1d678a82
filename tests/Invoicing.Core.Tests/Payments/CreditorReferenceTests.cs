using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Invoicing.Core.Payments;

namespace Invoicing.Core.Tests.Payments;

// Sources of the published examples (see docs/creditor-references.md):
//  [stdnum]     python-stdnum docs, stdnum.iso11649 and stdnum.be.ogm_vcs
//  [mobilefish] mobilefish.com RF creditor reference generator page
//  [xmldation]  XMLdation knowledge base: Finnish reference number; ABBL (Belgian) reference
//  [walder]     johannwalder.com, "How to generate a reference number for the Finnish banking system"
//  [juston]     JustOn docs, Finnish reference number example (as quoted in the search corpus)
//  [nn]         norwegian-numbers package README (npm / PyPI)
//  [norsk]      norsk-validator package README (npm)
//  [unimicro]   Unimicro support, "Kid typer factoring"
//  [six]        Swiss QR-bill example reference as published on swissdigin.com ("How the QR-Referenz check digit works")
//  [computed]   not found published; computed with an independent script and cross-checked by hand
public sealed class CreditorReferenceTests
{
    public static TheoryData<string, CreditorReferenceScheme, string, string> Valid => new()
    {
        { "RF18539007547034", CreditorReferenceScheme.Iso11649, "RF18539007547034", "RF18 5390 0754 7034" },      // [stdnum]
        { "RF18 5390 0754 7034", CreditorReferenceScheme.Iso11649, "RF18539007547034", "RF18 5390 0754 7034" },   // [stdnum]
        { "rf18 5390 0754 7034", CreditorReferenceScheme.Iso11649, "RF18539007547034", "RF18 5390 0754 7034" },   // [stdnum], lower case
        { "RF18 5390 0754 70Y", CreditorReferenceScheme.Iso11649, "RF185390075470Y", "RF18 5390 0754 70Y" },      // [stdnum]
        { "RF45G72UUR", CreditorReferenceScheme.Iso11649, "RF45G72UUR", "RF45 G72U UR" },                          // [mobilefish]
        { "RF6518K5", CreditorReferenceScheme.Iso11649, "RF6518K5", "RF65 18K5" },                                 // [mobilefish]
        { "RF 48 5000056789012345", CreditorReferenceScheme.Iso11649, "RF485000056789012345", "RF48 5000 0567 8901 2345" }, // [mobilefish]
        { "12 34561", CreditorReferenceScheme.Finnish, "1234561", "12 34561" },                                    // [xmldation]
        { "00000000000001234561", CreditorReferenceScheme.Finnish, "1234561", "12 34561" },                        // [xmldation] machine form
        { "123453", CreditorReferenceScheme.Finnish, "123453", "1 23453" },                                        // [walder]
        { "1 23456 71234 56784", CreditorReferenceScheme.Finnish, "1234567123456784", "1 23456 71234 56784" },     // [juston]
        { "1232", CreditorReferenceScheme.Finnish, "1232", "1232" },                                               // [computed] 123 -> 1232
        { "12344", CreditorReferenceScheme.NorwegianKid, "12344", "12344" },                                       // [nn] mod 10
        { "12343", CreditorReferenceScheme.NorwegianKid, "12343", "12343" },                                       // [nn] mod 11
        { "100001928231", CreditorReferenceScheme.NorwegianKid, "100001928231", "100001928231" },                  // [norsk] mod 10
        { "000506701000172", CreditorReferenceScheme.NorwegianKid, "000506701000172", "000506701000172" },         // [unimicro] mod 10
        { "51234000506701000176", CreditorReferenceScheme.NorwegianKid, "51234000506701000176", "51234000506701000176" }, // [unimicro] mod 11
        { "1009-", CreditorReferenceScheme.NorwegianKid, "1009-", "1009-" },                                       // [computed] mod 11, check value 10
        { "+++090/9337/55493+++", CreditorReferenceScheme.BelgianStructured, "090933755493", "+++090/9337/55493+++" }, // issue 6; 0909337554 mod 97 = 93
        { "+++010/8068/17183+++", CreditorReferenceScheme.BelgianStructured, "010806817183", "+++010/8068/17183+++" }, // [stdnum]
        { "***010/8068/17183***", CreditorReferenceScheme.BelgianStructured, "010806817183", "+++010/8068/17183+++" }, // [stdnum], *** delimiters
        { "+++312401398067+++", CreditorReferenceScheme.BelgianStructured, "312401398067", "+++312/4013/98067+++" },   // [xmldation]
        { "010/8068/17183", CreditorReferenceScheme.BelgianStructured, "010806817183", "+++010/8068/17183+++" },       // [stdnum]
        { "210000000003139471430009017", CreditorReferenceScheme.SwissQr, "210000000003139471430009017", "21 00000 00003 13947 14300 09017" }, // [six]
        { "21 00000 00003 13947 14300 09017", CreditorReferenceScheme.SwissQr, "210000000003139471430009017", "21 00000 00003 13947 14300 09017" }, // [six]
    };

    public static TheoryData<string, CreditorReferenceScheme, string> Invalid => new()
    {
        { "RF17 5390 0754 7034", CreditorReferenceScheme.Iso11649, "check digits are 17 but the reference 539007547034 needs 18" }, // [stdnum]
        { "RF18 5390 0754 7035", CreditorReferenceScheme.Iso11649, "check digits are 18" },
        { "XX18539007547034", CreditorReferenceScheme.Iso11649, "must start with \"RF\"" },
        { "RF1X539007547034", CreditorReferenceScheme.Iso11649, "two check digits" },
        { "RF18", CreditorReferenceScheme.Iso11649, "1 to 21" },
        { "RF18 1234 5678 9012 3456 7890 12", CreditorReferenceScheme.Iso11649, "found 22" },
        { "RF18 5390-0754", CreditorReferenceScheme.Iso11649, "'-' is not a letter or digit" },
        { "RF18 5390 0754 703ı", CreditorReferenceScheme.Iso11649, "'ı' is not a letter or digit" }, // Turkish dotless i is not upper-cased to I
        { "1234562", CreditorReferenceScheme.Finnish, "check digit is 2 but 123456 needs 1" },
        { "123", CreditorReferenceScheme.Finnish, "found 3" },
        { "12A4561", CreditorReferenceScheme.Finnish, "'A' is not a digit" },
        { "12345", CreditorReferenceScheme.NorwegianKid, "check digit is 5 but 1234 needs 4 (modulus 10) or 3 (modulus 11)" },
        { "1", CreditorReferenceScheme.NorwegianKid, "found 1" },
        { "12-4", CreditorReferenceScheme.NorwegianKid, "'-' is not a digit" },
        { "+++090/9337/55494+++", CreditorReferenceScheme.BelgianStructured, "check digits are 94 but 0909337554 needs 93" },
        { "+++090/9337/55493***", CreditorReferenceScheme.BelgianStructured, "does not close" },
        { "+++0909/337/55493+++", CreditorReferenceScheme.BelgianStructured, "3/4/5" },
        { "+++090/9337/5549+++", CreditorReferenceScheme.BelgianStructured, "found 11" },
        { "210000000003139471430009018", CreditorReferenceScheme.SwissQr, "check digit is 8 but the first 26 digits need 7" },
        { "21000000000313947143000901", CreditorReferenceScheme.SwissQr, "found 26" },
        { "", CreditorReferenceScheme.SwissQr, "empty" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_PublishedExamples_NormalisesAndPrints(string text, CreditorReferenceScheme scheme, string value, string print)
    {
        var reference = CreditorReference.Parse(text, scheme);

        Assert.Equal(scheme, reference.Scheme);
        Assert.Equal(value, reference.Value);
        Assert.Equal(print, reference.ToString());
        Assert.Equal(value, reference.ToString("E", null));
        Assert.True(CreditorReference.TryParse(text, scheme, out var again));
        Assert.Equal(reference, again);
        Assert.Equal(reference, CreditorReference.Parse(print, scheme));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_Invalid_ThrowsNamingTextAndProblem(string text, CreditorReferenceScheme scheme, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => CreditorReference.Parse(text, scheme));

        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.False(CreditorReference.TryParse(text, scheme, out var reference));
        Assert.True(reference.IsEmpty);
    }

    [Fact]
    public void Parse_NullOrUnknownScheme_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CreditorReference.Parse(null!, CreditorReferenceScheme.Iso11649));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditorReference.Parse("RF18539007547034", (CreditorReferenceScheme)42));
        Assert.False(CreditorReference.TryParse(null, CreditorReferenceScheme.Iso11649, out _));
        Assert.False(CreditorReference.TryParse("RF18539007547034", (CreditorReferenceScheme)42, out _));
    }

    [Theory]
    [InlineData("539007547034", "RF18539007547034")]  // [stdnum]
    [InlineData("5000056789012345", "RF485000056789012345")] // [mobilefish]
    [InlineData("G72UUR", "RF45G72UUR")]               // [mobilefish]
    [InlineData("18k5", "RF6518K5")]                   // [mobilefish], lower case
    [InlineData("INV-2026-000123", "RF98INV2026000123")] // [computed]
    [InlineData("5390 0754 7034", "RF18539007547034")] // [stdnum], spaces removed
    public void CreateIso11649_ComputesCheckDigits(string reference, string expected)
        => Assert.Equal(expected, CreditorReference.CreateIso11649(reference).Value);

    [Theory]
    [InlineData("", "no letters or digits")]
    [InlineData(" - ", "no letters or digits")]
    [InlineData("INV/2026/1", "'/' is not a letter or digit")]
    [InlineData("1234567890123456789012", "more than 21")]
    [InlineData("ÄBC", "'Ä' is not a letter or digit")]
    public void CreateIso11649_Invalid_ThrowsNamingValue(string reference, string problem)
    {
        var ex = Assert.Throws<ArgumentException>(() => CreditorReference.CreateIso11649(reference));

        Assert.Equal("reference", ex.ParamName);
        Assert.Contains($"'{reference}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateNational_ComputesCheckDigits()
    {
        Assert.Equal("1232", CreditorReference.CreateFinnish("123").Value);                      // [computed]
        Assert.Equal("1234561", CreditorReference.CreateFinnish("123456").Value);                // [xmldation]
        Assert.Equal("123453", CreditorReference.CreateFinnish("00012345").Value);               // [walder], leading zeros dropped
        Assert.Equal("12344", CreditorReference.CreateNorwegianKidMod10("1234").Value);          // [nn]
        Assert.Equal("12343", CreditorReference.CreateNorwegianKidMod11("1234").Value);          // [nn]
        Assert.Equal("1009-", CreditorReference.CreateNorwegianKidMod11("1009").Value);          // [computed]
        Assert.Equal("000506701000172", CreditorReference.CreateNorwegianKidMod10("00050670100017").Value); // [unimicro]
        Assert.Equal("+++090/9337/55493+++", CreditorReference.CreateBelgian(909337554).ToString()); // issue 6
        Assert.Equal("+++010/8068/17183+++", CreditorReference.CreateBelgian("0108068171").ToString()); // [stdnum]
        Assert.Equal("000000000097", CreditorReference.CreateBelgian(0).Value);                  // [computed] mod 97 = 0 gives 97
        Assert.Equal("210000000003139471430009017", CreditorReference.CreateSwissQr("21000000000313947143000901").Value); // [six]
        Assert.Equal("21 00000 00003 13947 14300 09017", CreditorReference.CreateSwissQr("21000000000313947143000901").ToString());
    }

    [Fact]
    public void CreateNational_Invalid_Throws()
    {
        Assert.Contains("found 2", Assert.Throws<ArgumentException>(() => CreditorReference.CreateFinnish("012")).Message, StringComparison.Ordinal);
        Assert.Contains("'x' is not a digit", Assert.Throws<ArgumentException>(() => CreditorReference.CreateFinnish("12x")).Message, StringComparison.Ordinal);
        Assert.Equal("digits", Assert.Throws<ArgumentException>(() => CreditorReference.CreateNorwegianKidMod10("")).ParamName);
        Assert.Equal("digits", Assert.Throws<ArgumentException>(() => CreditorReference.CreateNorwegianKidMod11(new string('1', 25))).ParamName);
        Assert.Throws<ArgumentNullException>(() => CreditorReference.CreateNorwegianKidMod11(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditorReference.CreateBelgian(10_000_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditorReference.CreateBelgian(-1));
        Assert.Contains("expected 10 digits", Assert.Throws<ArgumentException>(() => CreditorReference.CreateBelgian("123")).Message, StringComparison.Ordinal);
        Assert.Contains("1 to 26", Assert.Throws<ArgumentException>(() => CreditorReference.CreateSwissQr(new string('1', 27))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_CreatePrintParse_GivesTheSameReference()
    {
        CreditorReference[] references =
        [
            CreditorReference.CreateIso11649("INV-2026-000123"),
            CreditorReference.CreateFinnish("1234567890123456789"),
            CreditorReference.CreateNorwegianKidMod10("0123456789"),
            CreditorReference.CreateNorwegianKidMod11("1009"),
            CreditorReference.CreateBelgian(1),
            CreditorReference.CreateSwissQr("1"),
        ];

        foreach (var reference in references)
        {
            Assert.Equal(reference, CreditorReference.Parse(reference.ToString(), reference.Scheme));
            Assert.Equal(reference, CreditorReference.Parse(reference.Value, reference.Scheme));
        }
    }

    [Theory]
    [InlineData("RF18 5390 0754 7034", CreditorReferenceScheme.Iso11649)]
    [InlineData(" rf18539007547034 ", CreditorReferenceScheme.Iso11649)]
    [InlineData("+++090/9337/55493+++", CreditorReferenceScheme.BelgianStructured)]
    [InlineData("***090/9337/55493***", CreditorReferenceScheme.BelgianStructured)]
    [InlineData("090/9337/55493", CreditorReferenceScheme.BelgianStructured)]
    [InlineData("21 00000 00003 13947 14300 09017", CreditorReferenceScheme.SwissQr)]
    public void TryParseAny_RecognisesDistinctForms(string text, CreditorReferenceScheme scheme)
    {
        Assert.True(CreditorReference.TryParseAny(text, out var reference));
        Assert.Equal(scheme, reference.Scheme);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RF17 5390 0754 7034")]  // wrong check digits: not retried as another scheme
    [InlineData("1234561")]              // Finnish: ambiguous, never guessed
    [InlineData("12344")]                // KID: ambiguous, never guessed
    [InlineData("090933755493")]         // bare Belgian digits: ambiguous, never guessed
    [InlineData("210000000003139471430009018")]
    public void TryParseAny_AmbiguousOrInvalid_ReturnsFalse(string? text)
        => Assert.False(CreditorReference.TryParseAny(text, out _));

    [Theory]
    [InlineData("Payment for invoice INV-2026-000123 ref RF18 5390 0754 7034 thanks", "RF18539007547034")]
    [InlineData("RF18539007547034", "RF18539007547034")]
    [InlineData("ref:rf18539007547034.", "RF18539007547034")]
    [InlineData("/RFB/RF18 5390 0754 7034/", "RF18539007547034")]
    [InlineData("RF18 5390 0754 7034 ABC paid 2026-01-15", "RF18539007547034")]
    [InlineData("RF18 5390 0754 70Y", "RF185390075470Y")]
    [InlineData("Inv 2026-17 RF45 G72U UR EUR 120,00", "RF45G72UUR")]
    [InlineData("FACTUUR 2026/17 +++090/9337/55493+++ BEDANKT", "090933755493")]
    [InlineData("communication ***010/8068/17183*** merci", "010806817183")]
    [InlineData("OGM +++ 312 4013 98067 +++", "312401398067")]
    public void FindAll_RealisticRemittance_FindsTheReference(string text, string value)
    {
        var found = Assert.Single(CreditorReference.FindAll(text));
        Assert.Equal(value, found.Value);
    }

    [Theory]
    [InlineData("Payment RF17 5390 0754 7034")]              // wrong check digits
    [InlineData("SURF18539007547034")]                       // RF inside a word
    [InlineData("RF18539007547034X")]                        // the run goes on
    [InlineData("RF185390075470341234567890123")]            // run longer than 25
    [InlineData("+++090/9337/55494+++")]                     // wrong check digits
    [InlineData("+++090/9337/55493***")]                     // mismatched delimiters
    [InlineData("210000000003139471430009017 1234561 12344")] // not searched for
    [InlineData("Ref RF18 5390 0754 7034 AAU")]               // RF18539007547034 and RF18539007547034AAU both check: ambiguous, so neither
    [InlineData("")]
    public void FindAll_NothingValid_ReturnsEmpty(string text)
        => Assert.Empty(CreditorReference.FindAll(text));

    [Fact]
    public void FindAll_SeveralReferences_InOrder()
    {
        var found = CreditorReference.FindAll(
            "Invoices RF18 5390 0754 7034, RF45G72UUR and +++090/9337/55493+++; old ref RF17539007547034.");

        Assert.Equal(["RF18539007547034", "RF45G72UUR", "090933755493"], found.Select(r => r.Value));
    }

    [Fact]
    public void FindAll_LongHostileText_IsLinear()
    {
        // Many almost-references: each start looks only a bounded distance ahead.
        var text = string.Concat(Enumerable.Repeat("RF18 5390 0754 7035 +++090/9337/5549 ", 20_000)) + "RF18539007547034";

        var found = CreditorReference.FindAll(text);

        Assert.Equal("RF18539007547034", Assert.Single(found).Value);
        Assert.Throws<ArgumentNullException>(() => CreditorReference.FindAll(null!));
    }

    [Fact]
    public void Default_IsEmpty()
    {
        var reference = default(CreditorReference);

        Assert.True(reference.IsEmpty);
        Assert.Equal(string.Empty, reference.Value);
        Assert.Equal(string.Empty, reference.ToString());
        Assert.NotEqual(reference, CreditorReference.CreateIso11649("1"));
    }

    [Fact]
    public void Equality_DependsOnSchemeAndValue()
    {
        // [computed] 116 has the same check digit in both schemes: 1164.
        var kid = CreditorReference.CreateNorwegianKidMod10("116");
        var finnish = CreditorReference.Parse("1164", CreditorReferenceScheme.Finnish);

        Assert.NotEqual(kid, finnish);
        Assert.True(kid != finnish);
        Assert.Equal(kid.Value, finnish.Value);
        Assert.True(finnish == CreditorReference.CreateFinnish("116"));
        Assert.Equal(finnish.GetHashCode(), CreditorReference.CreateFinnish("116").GetHashCode());
        Assert.Throws<FormatException>(() => finnish.ToString("X", null));
    }

    // MOD 97-10 detects every single substitution within a class: a digit for another digit changes the number by
    // d * 10^k with 0 < |d| < 10, a letter for another letter by d * 10^k with 0 < |d| < 26 (letters count as two
    // digits), and 97 is a prime that divides neither. A digit replaced by a letter (or the reverse) changes the
    // length of the digit string, so it is NOT always detected: see the next test. The property therefore covers
    // digit-for-digit and letter-for-letter substitutions over random alphanumeric references.
    private static readonly char[] Digits = [.. "0123456789"];
    private static readonly char[] Letters = [.. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"];

    private static Gen<string> AlphanumericReference { get; } =
        from length in Gen.Choose(1, 21)
        from chars in Gen.ArrayOf(Gen.Elements([.. Digits, .. Letters]), length)
        select new string(chars);

    [Property(MaxTest = 300)]
    public Property CreateIso11649_ParsesBackAndEverySameClassSubstitutionFails()
        => Prop.ForAll(AlphanumericReference.ToArbitrary(), body =>
        {
            var reference = CreditorReference.CreateIso11649(body);
            Assert.Equal(reference, CreditorReference.Parse(reference.Value, CreditorReferenceScheme.Iso11649));
            Assert.Equal(reference, CreditorReference.Parse(reference.ToString(), CreditorReferenceScheme.Iso11649));

            var value = reference.Value.ToCharArray();
            for (var i = 2; i < value.Length; i++)
            {
                var original = value[i];
                foreach (var replacement in char.IsAsciiDigit(original) ? Digits : Letters)
                {
                    if (replacement == original)
                    {
                        continue;
                    }

                    value[i] = replacement;
                    Assert.False(CreditorReference.TryParse(new string(value), CreditorReferenceScheme.Iso11649, out _), new string(value));
                }

                value[i] = original;
            }
        });

    [Fact]
    public void Iso11649_DigitReplacedByLetter_IsNotAlwaysDetected()
    {
        // [computed] The documented limit of MOD 97-10 over mixed digits and letters.
        Assert.Equal("RF2012345678", CreditorReference.CreateIso11649("12345678").Value);
        Assert.True(CreditorReference.TryParse("RF201234A678", CreditorReferenceScheme.Iso11649, out _));
    }
}
