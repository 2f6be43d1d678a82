using Invoicing.Core.Parties;
using Invoicing.Core.Tax;

namespace Invoicing.Core.Tests.Tax;

public sealed class EuVatNumberTests
{
    // Sample numbers published in the documentation and examples of national authorities, VIES
    // guides and open-source validators (python-stdnum's doctests); the few marked "constructed" were
    // computed by hand from the published algorithm.
    [Theory]
    [InlineData("ATU13585627")]
    [InlineData("BE0403019261")]
    [InlineData("BE0776091951")]
    [InlineData("BG175074752")]      // legal entity
    [InlineData("BG7523169263")]     // EGN (personal number); constructed: weights 2,4,8,5,10,9,7,3,6 give 3
    [InlineData("CY10259033P")]
    [InlineData("CZ25123891")]       // legal entity
    [InlineData("CZ7103192745")]     // birth number
    [InlineData("CZ640903926")]      // special 9-digit number
    [InlineData("DE136695976")]
    [InlineData("DK13585628")]
    [InlineData("EE100931558")]
    [InlineData("EL094259216")]
    [InlineData("ES54362315K")]      // DNI
    [InlineData("ESX2482300W")]      // NIE
    [InlineData("ESJ99216582")]      // CIF with a digit
    [InlineData("ESA13585625")]      // CIF, A must end in a digit
    [InlineData("ESP1234567D")]      // CIF, P must end in a letter; constructed
    [InlineData("FI20774740")]
    [InlineData("FR40303265045")]
    [InlineData("FRK7399859412")]    // alphanumeric key: format only
    [InlineData("HR33392005961")]
    [InlineData("HU12892312")]
    [InlineData("IE6433435F")]
    [InlineData("IE8D79739I")]       // old format
    [InlineData("IE6433435OA")]      // 2013 format; constructed
    [InlineData("IT00743110157")]
    [InlineData("LT119511515")]
    [InlineData("LT100001919017")]
    [InlineData("LT100004801610")]   // second pass of the check digit
    [InlineData("LU15027442")]
    [InlineData("LV40003521600")]
    [InlineData("MT11679112")]
    [InlineData("NL004495445B01")]   // RSIN, mod 11
    [InlineData("NL000099998B57")]   // sole trader since 2020, mod 97
    [InlineData("PL8567346215")]
    [InlineData("PT501964843")]
    [InlineData("RO18547290")]
    [InlineData("SE123456789701")]
    [InlineData("SI50223054")]
    [InlineData("SK2022749619")]
    public void IsValid_PublishedNumber_ReturnsTrue(string number)
    {
        Assert.True(EuVatNumber.IsValid(VatIdentifier.From(number), out var problem), problem);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("ATU13585628", "check digit is 8, expected 7")]
    [InlineData("BE0403019262", "expected 61")]
    [InlineData("BG175074751", "check digit is 1, expected 2")]
    [InlineData("CY10259033Q", "check letter is Q, expected P")]
    [InlineData("CZ25123890", "check digit is 0, expected 1")]
    [InlineData("CZ7103192746", "check digit is 6, expected 5")]
    [InlineData("DE123456789", "check digit is 9, expected 8")]
    [InlineData("DK13585627", "mod-11")]
    [InlineData("EE100931559", "check digit is 9, expected 8")]
    [InlineData("EL094259217", "check digit is 7, expected 6")]
    [InlineData("ES54362315T", "check letter is T, expected K")]
    [InlineData("ESA1358562E", "expected 5")]
    [InlineData("FI20774741", "check digit is 1, expected 0")]
    [InlineData("FR41303265045", "key 41 wrong, expected 40")]
    [InlineData("HR33392005962", "check digit is 2, expected 1")]
    [InlineData("HU12892313", "check digit is 3, expected 2")]
    [InlineData("IE6433435E", "check letter is E, expected F")]
    [InlineData("IT00743110158", "check digit is 8, expected 7")]
    [InlineData("LT100001919018", "check digit is 8, expected 7")]
    [InlineData("LU15027443", "expected 42")]
    [InlineData("LV40003521601", "mod-11")]
    [InlineData("MT11679113", "expected 12")]
    [InlineData("NL123456789B90", "mod-97")]
    [InlineData("PL8567346216", "check digit is 6, expected 5")]
    [InlineData("PT501964842", "check digit is 2, expected 3")]
    [InlineData("RO18547291", "check digit is 1, expected 0")]
    [InlineData("SE123456789801", "check digit is 8, expected 7")]
    [InlineData("SI50223055", "check digit is 5, expected 4")]
    [InlineData("SK2022749618", "divisible by 11")]
    public void IsValid_WrongCheckDigit_ReturnsFalseNamingIt(string number, string expected)
    {
        Assert.False(EuVatNumber.IsValid(VatIdentifier.From(number), out var problem));
        Assert.StartsWith(number + ": ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValid_ShortGermanNumber_NamesTheRule()
    {
        Assert.False(EuVatNumber.IsValid(VatIdentifier.From("DE12345678"), out var problem));
        Assert.Equal("DE12345678: a German VAT number has 9 digits after DE", problem);
    }

    [Fact]
    public void IsValid_WrongGermanCheckDigit_NamesBothDigits()
    {
        // DE123456788 is itself valid (ISO 7064 MOD 11,10 gives 8), so the wrong digit here is 9.
        Assert.True(EuVatNumber.IsValid(VatIdentifier.From("DE123456788"), out _));
        Assert.False(EuVatNumber.IsValid(VatIdentifier.From("DE123456789"), out var problem));
        Assert.Equal("DE123456789: check digit is 9, expected 8", problem);
    }

    [Theory]
    [InlineData("AT13585627")]       // no U
    [InlineData("BE403019261")]      // old 9-digit form
    [InlineData("BE2403019261")]     // must start with 0 or 1
    [InlineData("BG17507475")]
    [InlineData("CY102590331")]
    [InlineData("CZ1234567")]
    [InlineData("CZ95123891")]       // 8 digits starting with 9
    [InlineData("DE1366959761")]
    [InlineData("DE036695976")]      // leading 0
    [InlineData("DK1358562")]
    [InlineData("EE200931558")]      // must start with 10
    [InlineData("EL09425921")]
    [InlineData("ES5436231K")]
    [InlineData("ESO1234567L")]      // O starts nothing
    [InlineData("FI2077474")]
    [InlineData("FR4030326504")]
    [InlineData("FRIO303265045")]    // I and O are not key characters
    [InlineData("HR3339200596")]
    [InlineData("HU1289231")]
    [InlineData("IE643343F")]
    [InlineData("IE6433435FZ")]      // second letter must be A-I or W
    [InlineData("IT0074311015")]
    [InlineData("IT00000000000")]    // first seven digits all zero
    [InlineData("LT119511525")]      // eighth digit must be 1
    [InlineData("LT1195115155")]
    [InlineData("LU1502744")]
    [InlineData("LV4000352160")]
    [InlineData("MT01679112")]
    [InlineData("NL004495445B00")]   // B00 is not a sub-number
    [InlineData("NL004495445C01")]
    [InlineData("PL856734621")]
    [InlineData("PT001964843")]
    [InlineData("RO01")]       // leading 0
    [InlineData("RO12345678901")]
    [InlineData("SE123456789702")]   // must end in 01
    [InlineData("SI5022305")]
    [InlineData("SK2012749619")]     // third digit 1
    public void IsValid_WrongShape_ReturnsFalseNamingTheNumber(string number)
    {
        Assert.False(EuVatNumber.IsValid(VatIdentifier.From(number), out var problem));
        Assert.StartsWith(number + ": ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("US123456789", "US is not the VAT prefix of an EU member state")]
    [InlineData("CHE123456789", "CH is not the VAT prefix of an EU member state")]
    [InlineData("GB123456789", "GB is not an EU member state")]
    [InlineData("GR094259216", "use the prefix EL")]
    [InlineData("XI123456789", "Northern Ireland")]
    [InlineData("EU372000041", "non-Union OSS")]
    public void IsValid_NonEuPrefix_ReturnsFalseWithAClearProblem(string number, string expected)
    {
        Assert.False(EuVatNumber.IsValid(VatIdentifier.From(number), out var problem));
        Assert.StartsWith(number + ": ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValid_Default_ReturnsFalse()
    {
        Assert.False(EuVatNumber.IsValid(default, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void IsValid_NormalisedInput_IsChecked()
    {
        Assert.True(EuVatNumber.IsValid(VatIdentifier.From("de 136.695.976"), out _));
        Assert.True(EuVatNumber.IsValid(VatIdentifier.From("nl 0044.95.445.b01"), out _));
    }

    [Fact]
    public void IsValid_ValidNumber_DoesNotAllocate()
    {
        var ids = new[] { "DE136695976", "NL000099998B57", "ESX2482300W", "FR40303265045", "IE6433435OA", "CZ640903926" }
            .Select(VatIdentifier.From).ToArray();
        foreach (var id in ids)
        {
            Assert.True(EuVatNumber.IsValid(id, out _));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            foreach (var id in ids)
            {
                _ = EuVatNumber.IsValid(id, out _);
            }
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
