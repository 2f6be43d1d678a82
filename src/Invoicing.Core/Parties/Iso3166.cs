// The ISO 3166-1 alpha-2 table: ISO 3166-1:2020 as maintained on the ISO Online Browsing Platform,
// with every change through 2023 (the last ones: TR "Türkiye" in 2022, NL "Netherlands (Kingdom of
// the)" in 2023), cross-checked in 2026 against published copies of the list. Keep it in code order;
// the test CountryCodeTests.All_Iso3166Table_IsWellFormed guards its shape (249 entries, unique
// upper-case two-letter codes, order).
using System.Collections.Frozen;

namespace Invoicing.Core.Parties;

/// <summary>
/// The 249 officially assigned ISO 3166-1 alpha-2 codes with their English short names, as the ISO
/// Online Browsing Platform publishes them after the changes of 2022-2023 (TR "Türkiye",
/// NL "Netherlands (Kingdom of the)"); no code has been added or deleted since SS (South Sudan)
/// in 2011. The article ISO appends for sorting, "(the)", is left out: ISO's "United States of
/// America (the)" reads "United States of America" here; every other part of a name is kept as ISO
/// writes it. Reserved codes are not here: neither the exceptionally reserved ones (EU, UK, ...),
/// the transitionally reserved ones (AN, CS, ...) nor the user-assigned ones (AA, QM-QZ, XA-XZ, ZZ,
/// among them XK, used by some organisations for Kosovo).
/// </summary>
internal static class Iso3166
{
    /// <summary>Every officially assigned code, ordered by code.</summary>
    internal static readonly Entry[] All =
    [
        new("AD", "Andorra"),
        new("AE", "United Arab Emirates"),
        new("AF", "Afghanistan"),
        new("AG", "Antigua and Barbuda"),
        new("AI", "Anguilla"),
        new("AL", "Albania"),
        new("AM", "Armenia"),
        new("AO", "Angola"),
        new("AQ", "Antarctica"),
        new("AR", "Argentina"),
        new("AS", "American Samoa"),
        new("AT", "Austria"),
        new("AU", "Australia"),
        new("AW", "Aruba"),
        new("AX", "Åland Islands"),
        new("AZ", "Azerbaijan"),
        new("BA", "Bosnia and Herzegovina"),
        new("BB", "Barbados"),
        new("BD", "Bangladesh"),
        new("BE", "Belgium"),
        new("BF", "Burkina Faso"),
        new("BG", "Bulgaria"),
        new("BH", "Bahrain"),
        new("BI", "Burundi"),
        new("BJ", "Benin"),
        new("BL", "Saint Barthélemy"),
        new("BM", "Bermuda"),
        new("BN", "Brunei Darussalam"),
        new("BO", "Bolivia (Plurinational State of)"),
        new("BQ", "Bonaire, Sint Eustatius and Saba"),
        new("BR", "Brazil"),
        new("BS", "Bahamas"),
        new("BT", "Bhutan"),
        new("BV", "Bouvet Island"),
        new("BW", "Botswana"),
        new("BY", "Belarus"),
        new("BZ", "Belize"),
        new("CA", "Canada"),
        new("CC", "Cocos (Keeling) Islands"),
        new("CD", "Congo (the Democratic Republic of the)"),
        new("CF", "Central African Republic"),
        new("CG", "Congo"),
        new("CH", "Switzerland"),
        new("CI", "Côte d'Ivoire"),
        new("CK", "Cook Islands"),
        new("CL", "Chile"),
        new("CM", "Cameroon"),
        new("CN", "China"),
        new("CO", "Colombia"),
        new("CR", "Costa Rica"),
        new("CU", "Cuba"),
        new("CV", "Cabo Verde"),
        new("CW", "Curaçao"),
        new("CX", "Christmas Island"),
        new("CY", "Cyprus"),
        new("CZ", "Czechia"),
        new("DE", "Germany"),
        new("DJ", "Djibouti"),
        new("DK", "Denmark"),
        new("DM", "Dominica"),
        new("DO", "Dominican Republic"),
        new("DZ", "Algeria"),
        new("EC", "Ecuador"),
        new("EE", "Estonia"),
        new("EG", "Egypt"),
        new("EH", "Western Sahara"),
        new("ER", "Eritrea"),
        new("ES", "Spain"),
        new("ET", "Ethiopia"),
        new("FI", "Finland"),
        new("FJ", "Fiji"),
        new("FK", "Falkland Islands [Malvinas]"),
        new("FM", "Micronesia (Federated States of)"),
        new("FO", "Faroe Islands"),
        new("FR", "France"),
        new("GA", "Gabon"),
        new("GB", "United Kingdom of Great Britain and Northern Ireland"),
        new("GD", "Grenada"),
        new("GE", "Georgia"),
        new("GF", "French Guiana"),
        new("GG", "Guernsey"),
        new("GH", "Ghana"),
        new("GI", "Gibraltar"),
        new("GL", "Greenland"),
        new("GM", "Gambia"),
        new("GN", "Guinea"),
        new("GP", "Guadeloupe"),
        new("GQ", "Equatorial Guinea"),
        new("GR", "Greece"),
        new("GS", "South Georgia and the South Sandwich Islands"),
        new("GT", "Guatemala"),
        new("GU", "Guam"),
        new("GW", "Guinea-Bissau"),
        new("GY", "Guyana"),
        new("HK", "Hong Kong"),
        new("HM", "Heard Island and McDonald Islands"),
        new("HN", "Honduras"),
        new("HR", "Croatia"),
        new("HT", "Haiti"),
        new("HU", "Hungary"),
        new("ID", "Indonesia"),
        new("IE", "Ireland"),
        new("IL", "Israel"),
        new("IM", "Isle of Man"),
        new("IN", "India"),
        new("IO", "British Indian Ocean Territory"),
        new("IQ", "Iraq"),
        new("IR", "Iran (Islamic Republic of)"),
        new("IS", "Iceland"),
        new("IT", "Italy"),
        new("JE", "Jersey"),
        new("JM", "Jamaica"),
        new("JO", "Jordan"),
        new("JP", "Japan"),
        new("KE", "Kenya"),
        new("KG", "Kyrgyzstan"),
        new("KH", "Cambodia"),
        new("KI", "Kiribati"),
        new("KM", "Comoros"),
        new("KN", "Saint Kitts and Nevis"),
        new("KP", "Korea (the Democratic People's Republic of)"),
        new("KR", "Korea (the Republic of)"),
        new("KW", "Kuwait"),
        new("KY", "Cayman Islands"),
        new("KZ", "Kazakhstan"),
        new("LA", "Lao People's Democratic Republic"),
        new("LB", "Lebanon"),
        new("LC", "Saint Lucia"),
        new("LI", "Liechtenstein"),
        new("LK", "Sri Lanka"),
        new("LR", "Liberia"),
        new("LS", "Lesotho"),
        new("LT", "Lithuania"),
        new("LU", "Luxembourg"),
        new("LV", "Latvia"),
        new("LY", "Libya"),
        new("MA", "Morocco"),
        new("MC", "Monaco"),
        new("MD", "Moldova (the Republic of)"),
        new("ME", "Montenegro"),
        new("MF", "Saint Martin (French part)"),
        new("MG", "Madagascar"),
        new("MH", "Marshall Islands"),
        new("MK", "North Macedonia"),
        new("ML", "Mali"),
        new("MM", "Myanmar"),
        new("MN", "Mongolia"),
        new("MO", "Macao"),
        new("MP", "Northern Mariana Islands"),
        new("MQ", "Martinique"),
        new("MR", "Mauritania"),
        new("MS", "Montserrat"),
        new("MT", "Malta"),
        new("MU", "Mauritius"),
        new("MV", "Maldives"),
        new("MW", "Malawi"),
        new("MX", "Mexico"),
        new("MY", "Malaysia"),
        new("MZ", "Mozambique"),
        new("NA", "Namibia"),
        new("NC", "New Caledonia"),
        new("NE", "Niger"),
        new("NF", "Norfolk Island"),
        new("NG", "Nigeria"),
        new("NI", "Nicaragua"),
        new("NL", "Netherlands (Kingdom of the)"),
        new("NO", "Norway"),
        new("NP", "Nepal"),
        new("NR", "Nauru"),
        new("NU", "Niue"),
        new("NZ", "New Zealand"),
        new("OM", "Oman"),
        new("PA", "Panama"),
        new("PE", "Peru"),
        new("PF", "French Polynesia"),
        new("PG", "Papua New Guinea"),
        new("PH", "Philippines"),
        new("PK", "Pakistan"),
        new("PL", "Poland"),
        new("PM", "Saint Pierre and Miquelon"),
        new("PN", "Pitcairn"),
        new("PR", "Puerto Rico"),
        new("PS", "Palestine, State of"),
        new("PT", "Portugal"),
        new("PW", "Palau"),
        new("PY", "Paraguay"),
        new("QA", "Qatar"),
        new("RE", "Réunion"),
        new("RO", "Romania"),
        new("RS", "Serbia"),
        new("RU", "Russian Federation"),
        new("RW", "Rwanda"),
        new("SA", "Saudi Arabia"),
        new("SB", "Solomon Islands"),
        new("SC", "Seychelles"),
        new("SD", "Sudan"),
        new("SE", "Sweden"),
        new("SG", "Singapore"),
        new("SH", "Saint Helena, Ascension and Tristan da Cunha"),
        new("SI", "Slovenia"),
        new("SJ", "Svalbard and Jan Mayen"),
        new("SK", "Slovakia"),
        new("SL", "Sierra Leone"),
        new("SM", "San Marino"),
        new("SN", "Senegal"),
        new("SO", "Somalia"),
        new("SR", "Suriname"),
        new("SS", "South Sudan"),
        new("ST", "Sao Tome and Principe"),
        new("SV", "El Salvador"),
        new("SX", "Sint Maarten (Dutch part)"),
        new("SY", "Syrian Arab Republic"),
        new("SZ", "Eswatini"),
        new("TC", "Turks and Caicos Islands"),
        new("TD", "Chad"),
        new("TF", "French Southern Territories"),
        new("TG", "Togo"),
        new("TH", "Thailand"),
        new("TJ", "Tajikistan"),
        new("TK", "Tokelau"),
        new("TL", "Timor-Leste"),
        new("TM", "Turkmenistan"),
        new("TN", "Tunisia"),
        new("TO", "Tonga"),
        new("TR", "Türkiye"),
        new("TT", "Trinidad and Tobago"),
        new("TV", "Tuvalu"),
        new("TW", "Taiwan (Province of China)"),
        new("TZ", "Tanzania, the United Republic of"),
        new("UA", "Ukraine"),
        new("UG", "Uganda"),
        new("UM", "United States Minor Outlying Islands"),
        new("US", "United States of America"),
        new("UY", "Uruguay"),
        new("UZ", "Uzbekistan"),
        new("VA", "Holy See"),
        new("VC", "Saint Vincent and the Grenadines"),
        new("VE", "Venezuela (Bolivarian Republic of)"),
        new("VG", "Virgin Islands (British)"),
        new("VI", "Virgin Islands (U.S.)"),
        new("VN", "Viet Nam"),
        new("VU", "Vanuatu"),
        new("WF", "Wallis and Futuna"),
        new("WS", "Samoa"),
        new("YE", "Yemen"),
        new("YT", "Mayotte"),
        new("ZA", "South Africa"),
        new("ZM", "Zambia"),
        new("ZW", "Zimbabwe"),
    ];

    // Declared after All: static initializers run in textual order.
    private static readonly FrozenDictionary<string, CountryCode> ByCode = All
        .Select((entry, index) => (entry.Code, Country: new CountryCode(index)))
        .ToFrozenDictionary(pair => pair.Code, pair => pair.Country, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, CountryCode>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        ByCode.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every country, ordered by code.</summary>
    internal static readonly IReadOnlyList<CountryCode> Countries =
        Array.AsReadOnly(All.Select((_, index) => new CountryCode(index)).ToArray());

    internal static readonly CountryCode De = Find("DE");
    internal static readonly CountryCode Fr = Find("FR");
    internal static readonly CountryCode Nl = Find("NL");
    internal static readonly CountryCode Be = Find("BE");
    internal static readonly CountryCode It = Find("IT");
    internal static readonly CountryCode Es = Find("ES");
    internal static readonly CountryCode At = Find("AT");
    internal static readonly CountryCode Se = Find("SE");
    internal static readonly CountryCode Fi = Find("FI");
    internal static readonly CountryCode Dk = Find("DK");
    internal static readonly CountryCode No = Find("NO");
    internal static readonly CountryCode Ch = Find("CH");
    internal static readonly CountryCode Gb = Find("GB");
    internal static readonly CountryCode Us = Find("US");
    internal static readonly CountryCode Ca = Find("CA");
    internal static readonly CountryCode Au = Find("AU");
    internal static readonly CountryCode In = Find("IN");
    internal static readonly CountryCode Jp = Find("JP");

    /// <summary>Looks up a code in any letter case.</summary>
    internal static bool TryGet(ReadOnlySpan<char> code, out CountryCode country) => BySpan.TryGetValue(code, out country);

    /// <summary>
    /// A hint for codes that are often mistaken for ISO 3166-1 codes, as " (…)" to append to a
    /// message, or an empty string.
    /// </summary>
    internal static string HintFor(ReadOnlySpan<char> code)
    {
        if (code.Equals("UK", StringComparison.OrdinalIgnoreCase))
        {
            return " (the United Kingdom is 'GB'; 'UK' is only exceptionally reserved)";
        }

        if (code.Equals("EL", StringComparison.OrdinalIgnoreCase))
        {
            return " (Greece is 'GR'; 'EL' is its EU VAT prefix)";
        }

        return code.Equals("XK", StringComparison.OrdinalIgnoreCase)
            ? " ('XK' is a user-assigned code, not part of ISO 3166-1)"
            : string.Empty;
    }

    private static CountryCode Find(string code)
        => TryGet(code, out var country) ? country : throw new InvalidOperationException($"ISO 3166-1 table lacks {code}.");

    /// <summary>One row of the table: the alpha-2 code and the English short name.</summary>
    internal readonly record struct Entry(string Code, string Name);
}
