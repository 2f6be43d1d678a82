namespace Invoicing.Core.Payments;

/// <summary>
/// The scheme of a <see cref="CreditorReference"/>: the international ISO 11649 RF reference or one of
/// the national payment references whose check digits the same code verifies.
/// </summary>
public enum CreditorReferenceScheme
{
    /// <summary>ISO 11649 structured creditor reference: "RF", two check digits (ISO 7064 MOD 97-10) and 1 to 21 letters or digits.</summary>
    Iso11649 = 0,

    /// <summary>Finnish reference number (viitenumero): 3 to 19 digits and a check digit with the weights 7, 3, 1 from the right.</summary>
    Finnish = 1,

    /// <summary>Norwegian KID (customer identification): digits and a check digit by modulus 10 (Luhn) or modulus 11, where a modulus 11 check value of 10 is written '-'.</summary>
    NorwegianKid = 2,

    /// <summary>Belgian structured communication (OGM/VCS): 10 digits and two check digits (the number mod 97, 97 when 0), printed +++123/4567/89012+++.</summary>
    BelgianStructured = 3,

    /// <summary>Swiss QR reference (QRR): 27 digits, the last a modulo 10 recursive check digit.</summary>
    SwissQr = 4,
}
