// The ISO 4217 table. Keep it in code order; the test CurrencyTests.All_Iso4217Table_IsWellFormed
// guards its shape (unique codes and numbers, order, minor units).
namespace Invoicing.Core.Monetary;

/// <summary>
/// The active ISO 4217 currencies ("List One"): alphabetic code, numeric code, minor units and the
/// English name as ISO publishes them, currencies and funds alike (178 entries). The table follows
/// List One as published on 2026-01-01: XCG replaced ANG on 2025-03-31, XAD (Arab Accounting Dinar)
/// was added by amendment 179 in 2025, and BGN (Bulgaria adopted the euro on 2026-01-01), CUC, SLL
/// and ZWL are withdrawn. Withdrawn codes are not here; a host that must read old documents in them
/// creates them with <see cref="Currency.CreateCustom"/>.
/// </summary>
internal static class Iso4217
{
    /// <summary>Every active definition, ordered by alphabetic code.</summary>
    internal static readonly CurrencyDefinition[] All =
    [
        new("AED", 784, 2, "UAE Dirham", isCustom: false),
        new("AFN", 971, 2, "Afghani", isCustom: false),
        new("ALL", 8, 2, "Lek", isCustom: false),
        new("AMD", 51, 2, "Armenian Dram", isCustom: false),
        new("AOA", 973, 2, "Kwanza", isCustom: false),
        new("ARS", 32, 2, "Argentine Peso", isCustom: false),
        new("AUD", 36, 2, "Australian Dollar", isCustom: false),
        new("AWG", 533, 2, "Aruban Florin", isCustom: false),
        new("AZN", 944, 2, "Azerbaijan Manat", isCustom: false),
        new("BAM", 977, 2, "Convertible Mark", isCustom: false),
        new("BBD", 52, 2, "Barbados Dollar", isCustom: false),
        new("BDT", 50, 2, "Taka", isCustom: false),
        new("BHD", 48, 3, "Bahraini Dinar", isCustom: false),
        new("BIF", 108, 0, "Burundi Franc", isCustom: false),
        new("BMD", 60, 2, "Bermudian Dollar", isCustom: false),
        new("BND", 96, 2, "Brunei Dollar", isCustom: false),
        new("BOB", 68, 2, "Boliviano", isCustom: false),
        new("BOV", 984, 2, "Mvdol", isCustom: false),
        new("BRL", 986, 2, "Brazilian Real", isCustom: false),
        new("BSD", 44, 2, "Bahamian Dollar", isCustom: false),
        new("BTN", 64, 2, "Ngultrum", isCustom: false),
        new("BWP", 72, 2, "Pula", isCustom: false),
        new("BYN", 933, 2, "Belarusian Ruble", isCustom: false),
        new("BZD", 84, 2, "Belize Dollar", isCustom: false),
        new("CAD", 124, 2, "Canadian Dollar", isCustom: false),
        new("CDF", 976, 2, "Congolese Franc", isCustom: false),
        new("CHE", 947, 2, "WIR Euro", isCustom: false),
        new("CHF", 756, 2, "Swiss Franc", isCustom: false),
        new("CHW", 948, 2, "WIR Franc", isCustom: false),
        new("CLF", 990, 4, "Unidad de Fomento", isCustom: false),
        new("CLP", 152, 0, "Chilean Peso", isCustom: false),
        new("CNY", 156, 2, "Yuan Renminbi", isCustom: false),
        new("COP", 170, 2, "Colombian Peso", isCustom: false),
        new("COU", 970, 2, "Unidad de Valor Real", isCustom: false),
        new("CRC", 188, 2, "Costa Rican Colon", isCustom: false),
        new("CUP", 192, 2, "Cuban Peso", isCustom: false),
        new("CVE", 132, 2, "Cabo Verde Escudo", isCustom: false),
        new("CZK", 203, 2, "Czech Koruna", isCustom: false),
        new("DJF", 262, 0, "Djibouti Franc", isCustom: false),
        new("DKK", 208, 2, "Danish Krone", isCustom: false),
        new("DOP", 214, 2, "Dominican Peso", isCustom: false),
        new("DZD", 12, 2, "Algerian Dinar", isCustom: false),
        new("EGP", 818, 2, "Egyptian Pound", isCustom: false),
        new("ERN", 232, 2, "Nakfa", isCustom: false),
        new("ETB", 230, 2, "Ethiopian Birr", isCustom: false),
        new("EUR", 978, 2, "Euro", isCustom: false),
        new("FJD", 242, 2, "Fiji Dollar", isCustom: false),
        new("FKP", 238, 2, "Falkland Islands Pound", isCustom: false),
        new("GBP", 826, 2, "Pound Sterling", isCustom: false),
        new("GEL", 981, 2, "Lari", isCustom: false),
        new("GHS", 936, 2, "Ghana Cedi", isCustom: false),
        new("GIP", 292, 2, "Gibraltar Pound", isCustom: false),
        new("GMD", 270, 2, "Dalasi", isCustom: false),
        new("GNF", 324, 0, "Guinean Franc", isCustom: false),
        new("GTQ", 320, 2, "Quetzal", isCustom: false),
        new("GYD", 328, 2, "Guyana Dollar", isCustom: false),
        new("HKD", 344, 2, "Hong Kong Dollar", isCustom: false),
        new("HNL", 340, 2, "Lempira", isCustom: false),
        new("HTG", 332, 2, "Gourde", isCustom: false),
        new("HUF", 348, 2, "Forint", isCustom: false),
        new("IDR", 360, 2, "Rupiah", isCustom: false),
        new("ILS", 376, 2, "New Israeli Sheqel", isCustom: false),
        new("INR", 356, 2, "Indian Rupee", isCustom: false),
        new("IQD", 368, 3, "Iraqi Dinar", isCustom: false),
        new("IRR", 364, 2, "Iranian Rial", isCustom: false),
        new("ISK", 352, 0, "Iceland Krona", isCustom: false),
        new("JMD", 388, 2, "Jamaican Dollar", isCustom: false),
        new("JOD", 400, 3, "Jordanian Dinar", isCustom: false),
        new("JPY", 392, 0, "Yen", isCustom: false),
        new("KES", 404, 2, "Kenyan Shilling", isCustom: false),
        new("KGS", 417, 2, "Som", isCustom: false),
        new("KHR", 116, 2, "Riel", isCustom: false),
        new("KMF", 174, 0, "Comorian Franc", isCustom: false),
        new("KPW", 408, 2, "North Korean Won", isCustom: false),
        new("KRW", 410, 0, "Won", isCustom: false),
        new("KWD", 414, 3, "Kuwaiti Dinar", isCustom: false),
        new("KYD", 136, 2, "Cayman Islands Dollar", isCustom: false),
        new("KZT", 398, 2, "Tenge", isCustom: false),
        new("LAK", 418, 2, "Lao Kip", isCustom: false),
        new("LBP", 422, 2, "Lebanese Pound", isCustom: false),
        new("LKR", 144, 2, "Sri Lanka Rupee", isCustom: false),
        new("LRD", 430, 2, "Liberian Dollar", isCustom: false),
        new("LSL", 426, 2, "Loti", isCustom: false),
        new("LYD", 434, 3, "Libyan Dinar", isCustom: false),
        new("MAD", 504, 2, "Moroccan Dirham", isCustom: false),
        new("MDL", 498, 2, "Moldovan Leu", isCustom: false),
        new("MGA", 969, 2, "Malagasy Ariary", isCustom: false),
        new("MKD", 807, 2, "Denar", isCustom: false),
        new("MMK", 104, 2, "Kyat", isCustom: false),
        new("MNT", 496, 2, "Tugrik", isCustom: false),
        new("MOP", 446, 2, "Pataca", isCustom: false),
        new("MRU", 929, 2, "Ouguiya", isCustom: false),
        new("MUR", 480, 2, "Mauritius Rupee", isCustom: false),
        new("MVR", 462, 2, "Rufiyaa", isCustom: false),
        new("MWK", 454, 2, "Malawi Kwacha", isCustom: false),
        new("MXN", 484, 2, "Mexican Peso", isCustom: false),
        new("MXV", 979, 2, "Mexican Unidad de Inversion (UDI)", isCustom: false),
        new("MYR", 458, 2, "Malaysian Ringgit", isCustom: false),
        new("MZN", 943, 2, "Mozambique Metical", isCustom: false),
        new("NAD", 516, 2, "Namibia Dollar", isCustom: false),
        new("NGN", 566, 2, "Naira", isCustom: false),
        new("NIO", 558, 2, "Cordoba Oro", isCustom: false),
        new("NOK", 578, 2, "Norwegian Krone", isCustom: false),
        new("NPR", 524, 2, "Nepalese Rupee", isCustom: false),
        new("NZD", 554, 2, "New Zealand Dollar", isCustom: false),
        new("OMR", 512, 3, "Rial Omani", isCustom: false),
        new("PAB", 590, 2, "Balboa", isCustom: false),
        new("PEN", 604, 2, "Sol", isCustom: false),
        new("PGK", 598, 2, "Kina", isCustom: false),
        new("PHP", 608, 2, "Philippine Peso", isCustom: false),
        new("PKR", 586, 2, "Pakistan Rupee", isCustom: false),
        new("PLN", 985, 2, "Zloty", isCustom: false),
        new("PYG", 600, 0, "Guarani", isCustom: false),
        new("QAR", 634, 2, "Qatari Rial", isCustom: false),
        new("RON", 946, 2, "Romanian Leu", isCustom: false),
        new("RSD", 941, 2, "Serbian Dinar", isCustom: false),
        new("RUB", 643, 2, "Russian Ruble", isCustom: false),
        new("RWF", 646, 0, "Rwanda Franc", isCustom: false),
        new("SAR", 682, 2, "Saudi Riyal", isCustom: false),
        new("SBD", 90, 2, "Solomon Islands Dollar", isCustom: false),
        new("SCR", 690, 2, "Seychelles Rupee", isCustom: false),
        new("SDG", 938, 2, "Sudanese Pound", isCustom: false),
        new("SEK", 752, 2, "Swedish Krona", isCustom: false),
        new("SGD", 702, 2, "Singapore Dollar", isCustom: false),
        new("SHP", 654, 2, "Saint Helena Pound", isCustom: false),
        new("SLE", 925, 2, "Leone", isCustom: false),
        new("SOS", 706, 2, "Somali Shilling", isCustom: false),
        new("SRD", 968, 2, "Surinam Dollar", isCustom: false),
        new("SSP", 728, 2, "South Sudanese Pound", isCustom: false),
        new("STN", 930, 2, "Dobra", isCustom: false),
        new("SVC", 222, 2, "El Salvador Colon", isCustom: false),
        new("SYP", 760, 2, "Syrian Pound", isCustom: false),
        new("SZL", 748, 2, "Lilangeni", isCustom: false),
        new("THB", 764, 2, "Baht", isCustom: false),
        new("TJS", 972, 2, "Somoni", isCustom: false),
        new("TMT", 934, 2, "Turkmenistan New Manat", isCustom: false),
        new("TND", 788, 3, "Tunisian Dinar", isCustom: false),
        new("TOP", 776, 2, "Pa'anga", isCustom: false),
        new("TRY", 949, 2, "Turkish Lira", isCustom: false),
        new("TTD", 780, 2, "Trinidad and Tobago Dollar", isCustom: false),
        new("TWD", 901, 2, "New Taiwan Dollar", isCustom: false),
        new("TZS", 834, 2, "Tanzanian Shilling", isCustom: false),
        new("UAH", 980, 2, "Hryvnia", isCustom: false),
        new("UGX", 800, 0, "Uganda Shilling", isCustom: false),
        new("USD", 840, 2, "US Dollar", isCustom: false),
        new("USN", 997, 2, "US Dollar (Next day)", isCustom: false),
        new("UYI", 940, 0, "Uruguay Peso en Unidades Indexadas (UI)", isCustom: false),
        new("UYU", 858, 2, "Peso Uruguayo", isCustom: false),
        new("UYW", 927, 4, "Unidad Previsional", isCustom: false),
        new("UZS", 860, 2, "Uzbekistan Sum", isCustom: false),
        new("VED", 926, 2, "Bolívar Soberano", isCustom: false),
        new("VES", 928, 2, "Bolívar Soberano", isCustom: false),
        new("VND", 704, 0, "Dong", isCustom: false),
        new("VUV", 548, 0, "Vatu", isCustom: false),
        new("WST", 882, 2, "Tala", isCustom: false),
        new("XAD", 396, 2, "Arab Accounting Dinar", isCustom: false),
        new("XAF", 950, 0, "CFA Franc BEAC", isCustom: false),
        new("XAG", 961, null, "Silver", isCustom: false),
        new("XAU", 959, null, "Gold", isCustom: false),
        new("XBA", 955, null, "Bond Markets Unit European Composite Unit (EURCO)", isCustom: false),
        new("XBB", 956, null, "Bond Markets Unit European Monetary Unit (E.M.U.-6)", isCustom: false),
        new("XBC", 957, null, "Bond Markets Unit European Unit of Account 9 (E.U.A.-9)", isCustom: false),
        new("XBD", 958, null, "Bond Markets Unit European Unit of Account 17 (E.U.A.-17)", isCustom: false),
        new("XCD", 951, 2, "East Caribbean Dollar", isCustom: false),
        new("XCG", 532, 2, "Caribbean Guilder", isCustom: false),
        new("XDR", 960, null, "SDR (Special Drawing Right)", isCustom: false),
        new("XOF", 952, 0, "CFA Franc BCEAO", isCustom: false),
        new("XPD", 964, null, "Palladium", isCustom: false),
        new("XPF", 953, 0, "CFP Franc", isCustom: false),
        new("XPT", 962, null, "Platinum", isCustom: false),
        new("XSU", 994, null, "Sucre", isCustom: false),
        new("XTS", 963, null, "Codes specifically reserved for testing purposes", isCustom: false),
        new("XUA", 965, null, "ADB Unit of Account", isCustom: false),
        new("XXX", 999, null, "The codes assigned for transactions where no currency is involved", isCustom: false),
        new("YER", 886, 2, "Yemeni Rial", isCustom: false),
        new("ZAR", 710, 2, "Rand", isCustom: false),
        new("ZMW", 967, 2, "Zambian Kwacha", isCustom: false),
        new("ZWG", 924, 2, "Zimbabwe Gold", isCustom: false),
    ];

    // Named definitions: declared after All, because static fields initialise in textual order.
    internal static readonly CurrencyDefinition Eur = Find("EUR");
    internal static readonly CurrencyDefinition Usd = Find("USD");
    internal static readonly CurrencyDefinition Gbp = Find("GBP");
    internal static readonly CurrencyDefinition Chf = Find("CHF");
    internal static readonly CurrencyDefinition Jpy = Find("JPY");
    internal static readonly CurrencyDefinition Sek = Find("SEK");
    internal static readonly CurrencyDefinition Nok = Find("NOK");
    internal static readonly CurrencyDefinition Dkk = Find("DKK");
    internal static readonly CurrencyDefinition Pln = Find("PLN");
    internal static readonly CurrencyDefinition Czk = Find("CZK");
    internal static readonly CurrencyDefinition Huf = Find("HUF");
    internal static readonly CurrencyDefinition Ron = Find("RON");
    internal static readonly CurrencyDefinition Cad = Find("CAD");
    internal static readonly CurrencyDefinition Aud = Find("AUD");
    internal static readonly CurrencyDefinition Nzd = Find("NZD");
    internal static readonly CurrencyDefinition Cny = Find("CNY");
    internal static readonly CurrencyDefinition Inr = Find("INR");
    internal static readonly CurrencyDefinition Bhd = Find("BHD");
    internal static readonly CurrencyDefinition Kwd = Find("KWD");
    internal static readonly CurrencyDefinition Clf = Find("CLF");
    internal static readonly CurrencyDefinition Xxx = Find("XXX");

    private static CurrencyDefinition Find(string code)
        => Array.Find(All, d => d.Code == code)
           ?? throw new InvalidOperationException($"ISO 4217 table lacks {code}.");
}
