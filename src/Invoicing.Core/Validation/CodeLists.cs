// The code lists the EN 16931 BR-CL-* rules check, as the CEN/TC 434 validation artefacts carry them
// (github.com/ConnectingEurope/eInvoicing-EN16931, ubl/schematron/codelist/EN16931-UBL-codes.sch at
// commit 1e80828331ada02c669d8c3b1c8927ffb62be47c, the spring 2025 code lists: UNTDID 1001 471-503,
// ICD 0239/0240, VATEX-FR-*; BR-CL-08's UNTDID 4451 list from the UBL model Schematron of the same
// release). The unit list (BR-CL-23) is Documents.Rec20, built from the same file. Each list is kept
// as the artefacts write it, one space-separated string, so a new release is a copy and paste; the
// tests in CodeListTests guard a few entries of each and the counts.
using System.Collections.Frozen;

namespace Invoicing.Core.Validation;

/// <summary>The EN 16931 code lists as ordinal frozen sets; immutable and thread-safe.</summary>
internal static class CodeLists
{
    /// <summary>BR-CL-01, UBL Invoice: the invoice type codes of UNTDID 1001 (BT-3).</summary>
    internal static readonly FrozenSet<string> InvoiceTypeCodes = EInvoicing.DocumentTypeCodes.Invoice;

    /// <summary>BR-CL-01, UBL CreditNote: the credit note type codes of UNTDID 1001 (BT-3).</summary>
    internal static readonly FrozenSet<string> CreditNoteTypeCodes = EInvoicing.DocumentTypeCodes.CreditNote;

    /// <summary>BR-CL-01, CII and documents built in memory: both lists (CII has one document type element).</summary>
    internal static readonly FrozenSet<string> DocumentTypeCodes = InvoiceTypeCodes.Concat(CreditNoteTypeCodes).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// BR-CL-03/04/05: ISO 4217 alpha-3 as the library's own table has it (<see cref="Monetary.Iso4217"/>), and the
    /// codes withdrawn lately that the artefacts' list still accepts.
    /// </summary>
    internal static readonly FrozenSet<string> Currencies = Monetary.Iso4217.All.Select(c => c.Code)
        .Concat(["ANG", "BGN", "CUC", "MRO", "STD"])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>BR-CL-06, UBL: the VAT point date codes, a restriction of UNTDID 2005 (BT-8).</summary>
    internal static readonly FrozenSet<string> VatPointDateCodes = Set("3 35 432");

    /// <summary>BR-CL-06, CII: the same three meanings as UNTDID 2475 codes (BT-8).</summary>
    internal static readonly FrozenSet<string> CiiVatPointDateCodes = Set("5 29 72");

    /// <summary>BR-CL-07: UNTDID 1153 reference code qualifiers (BT-18-1, BT-128-1).</summary>
    internal static readonly FrozenSet<string> ReferenceQualifiers = Set(
        "AAA AAB AAC AAD AAE AAF AAG AAH AAI AAJ AAK AAL AAM AAN AAO AAP AAQ AAR AAS AAT AAU AAV AAW AAX AAY AAZ ABA ABB ABC ABD ABE ABF ABG ABH ABI ABJ ABK ABL ABM ABN ABO ABP ABQ ABR ABS ABT ABU ABV ABW ABX ABY ABZ AC ACA ACB ACC ACD ACE ACF ACG ACH ACI ACJ ACK ACL ACN ACO ACP ACQ ACR ACT ACU ACV ACW ACX ACY ACZ ADA ADB ADC ADD ADE ADF ADG ADI ADJ ADK ADL ADM ADN ADO ADP ADQ ADT ADU ADV ADW ADX ADY ADZ AE AEA AEB AEC AED AEE AEF AEG AEH AEI AEJ AEK AEL AEM AEN AEO AEP AEQ AER AES AET AEU AEV AEW AEX AEY AEZ AF AFA AFB AFC AFD AFE AFF AFG AFH AFI AFJ AFK AFL AFM AFN AFO AFP AFQ AFR AFS AFT AFU AFV AFW AFX AFY AFZ AGA AGB AGC AGD AGE AGF AGG AGH AGI AGJ AGK AGL AGM AGN AGO AGP AGQ AGR AGS AGT AGU AGV AGW AGX AGY AGZ AHA AHB AHC AHD AHE AHF AHG AHH AHI AHJ AHK AHL AHM AHN AHO AHP AHQ AHR AHS AHT AHU AHV AHX AHY AHZ AIA AIB AIC AID AIE AIF AIG AIH AII AIJ AIK AIL AIM AIN AIO AIP AIQ AIR AIS AIT AIU AIV AIW AIX AIY AIZ AJA AJB AJC AJD AJE AJF AJG AJH AJI AJJ AJK AJL AJM AJN AJO AJP AJQ AJR AJS AJT AJU AJV AJW AJX AJY AJZ AKA AKB AKC AKD AKE AKF AKG AKH AKI AKJ AKK AKL AKM AKN AKO AKP AKQ AKR AKS AKT AKU AKV AKW AKX AKY AKZ ALA ALB ALC ALD ALE ALF ALG ALH ALI ALJ ALK ALL ALM ALN ALO ALP ALQ ALR ALS ALT ALU ALV ALW ALX ALY ALZ AMA AMB AMC AMD AME AMF AMG AMH AMI AMJ AMK AML AMM AMN AMO AMP AMQ AMR AMS AMT AMU AMV AMW AMX AMY AMZ ANA ANB ANC AND ANE ANF ANG ANH ANI ANJ ANK ANL ANM ANN ANO ANP ANQ ANR ANS ANT ANU ANV ANW ANX ANY AOA AOD AOE AOF AOG AOH AOI AOJ AOK AOL AOM AON AOO AOP AOQ AOR AOS AOT AOU AOV AOW AOX AOY AOZ AP APA APB APC APD APE APF APG APH API APJ APK APL APM APN APO APP APQ APR APS APT APU APV APW APX APY APZ AQA AQB AQC AQD AQE AQF AQG AQH AQI AQJ AQK AQL AQM AQN AQO AQP AQQ AQR AQS AQT AQU AQV AQW AQX AQY AQZ ARA ARB ARC ARD ARE ARF ARG ARH ARI ARJ ARK ARL ARM ARN ARO ARP ARQ ARR ARS ART ARU ARV ARW ARX ARY ARZ ASA ASB ASC ASD ASE ASF ASG ASH ASI ASJ ASK ASL ASM ASN ASO ASP ASQ ASR ASS AST ASU ASV ASW ASX ASY ASZ ATA ATB ATC ATD ATE ATF ATG ATH ATI ATJ ATK ATL ATM ATN ATO ATP ATQ ATR ATS ATT ATU ATV ATW ATX ATY ATZ AU AUA AUB AUC AUD AUE AUF AUG AUH AUI AUJ AUK AUL AUM AUN AUO AUP AUQ AUR AUS AUT AUU AUV AUW AUX AUY AUZ AV AVA AVB AVC AVD AVE AVF AVG AVH AVI AVJ AVK AVL AVM AVN AVO AVP AVQ AVR AVS AVT AVU AVV AVW AVX AVY AVZ AWA AWB AWC AWD AWE AWF AWG AWH AWI AWJ AWK AWL AWM AWN AWO AWP AWQ AWR AWS AWT AWU AWV AWW AWX AWY AWZ AXA AXB AXC AXD AXE AXF AXG AXH AXI AXJ AXK AXL AXM AXN AXO AXP AXQ AXR AXS AXU BA BC BD BE BH BM BN BO BR BT BTP BW CAS CAT CAU CAV CAW CAX CAY CAZ CBA CBB CD CEC CED CFE CFF CFO CG CH CK CKN CM CMR CN CNO COF CP CR CRN CS CST CT CU CV CW CZ DA DAN DB DI DL DM DQ DR EA EB ED EE EEP EI EN EQ ER ERN ET EX FC FF FI FLW FN FO FS FT FV FX GA GC GD GDN GN HS HWB IA IB ICA ICE ICO II IL INB INN INO IP IS IT IV JB JE LA LAN LAR LB LC LI LO LRC LS MA MB MF MG MH MR MRN MS MSS MWB NA NF OH OI ON OP OR PB PC PD PE PF PI PK PL POR PP PQ PR PS PW PY RA RC RCN RE REN RF RR RT SA SB SD SE SEA SF SH SI SM SN SP SQ SRN SS STA SW SZ TB TCR TE TF TI TIN TL TN TP UAR UC UCN UN UO URI VA VC VGR VM VN VON VOR VP VR VS VT VV WE WM WN WR WS WY XA XC XP ZZZ");

    /// <summary>BR-CL-08: UNTDID 4451 text subject qualifiers (BT-21).</summary>
    internal static readonly FrozenSet<string> SubjectCodes = Set(
        "AAA AAB AAC AAD AAE AAF AAG AAI AAJ AAK AAL AAM AAN AAO AAP AAQ AAR AAS AAT AAU AAV AAW AAX AAY AAZ ABA ABB ABC ABD ABE ABF ABG ABH ABI ABJ ABK ABL ABM ABN ABO ABP ABQ ABR ABS ABT ABU ABV ABW ABX ABZ ACA ACB ACC ACD ACE ACF ACG ACH ACI ACJ ACK ACL ACM ACN ACO ACP ACQ ACR ACS ACT ACU ACV ACW ACX ACY ACZ ADA ADB ADC ADD ADE ADF ADG ADH ADI ADJ ADK ADL ADM ADN ADO ADP ADQ ADR ADS ADT ADU ADV ADW ADX ADY ADZ AEA AEB AEC AED AEE AEF AEG AEH AEI AEJ AEK AEL AEM AEN AEO AEP AEQ AER AES AET AEU AEV AEW AEX AEY AEZ AFA AFB AFC AFD AFE AFF AFG AFH AFI AFJ AFK AFL AFM AFN AFO AFP AFQ AFR AFS AFT AFU AFV AFW AFX AFY AFZ AGA AGB AGC AGD AGE AGF AGG AGH AGI AGJ AGK AGL AGM AGN AGO AGP AGQ AGR AGS AGT AGU AGV AGW AGX AGY AGZ AHA AHB AHC AHD AHE AHF AHG AHH AHI AHJ AHK AHL AHM AHN AHO AHP AHQ AHR AHS AHT AHU AHV AHW AHX AHY AHZ AIA AIB AIC AID AIE AIF AIG AIH AII AIJ AIK AIL AIM AIN AIO AIP AIQ AIR AIS AIT AIU AIV AIW AIX AIY AIZ AJA AJB ALC ALD ALE ALF ALG ALH ALI ALJ ALK ALL ALM ALN ALO ALP ALQ ARR ARS AUT AUU AUV AUW AUX AUY AUZ AVA AVB AVC AVD AVE AVF BAG BAH BAI BAJ BAK BAL BAM BAN BAO BAP BAQ BAR BAS BLC BLD BLE BLF BLG BLH BLI BLJ BLK BLL BLM BLN BLO BLP BLQ BLR BLS BLT BLU BLV BLW BLX BLY BLZ BMA BMB BMC BMD BME CCI CEX CHG CIP CLP CLR COI CUR CUS DAR DCL DEL DIN DOC DUT EUR FBC GBL GEN GS7 HAN HAZ ICN IIN IMI IND INS INV IRP ITR ITS LAN LIN LOI MCO MDH MKS ORI OSI PAC PAI PAY PKG PKT PMD PMT PRD PRF PRI PUR QIN QQD QUT RAH REG RET REV RQR SAF SIC SIN SLR SPA SPG SPH SPP SPT SRN SSR SUR TCA TDT TRA TRR TXD WHI ZZZ");

    /// <summary>BR-CL-10/11/21/26: the ISO 6523 ICD identification scheme codes (0002 ... 0240).</summary>
    internal static readonly FrozenSet<string> Icd = IcdCodes();

    /// <summary>BR-CL-13: UNTDID 7143 item type identification codes (BT-158-1).</summary>
    internal static readonly FrozenSet<string> ItemClassificationSchemes = Set(
        "AA AB AC AD AE AF AG AH AI AJ AK AL AM AN AO AP AQ AR AS AT AU AV AW AX AY AZ BA BB BC BD BE BF BG BH BI BJ BK BL BM BN BO BP BQ BR BS BT BU BV BW BX BY BZ CC CG CL CR CV DR DW EC EF EMD EN FS GB GN GMN GS HS IB IN IS IT IZ MA MF MN MP NB ON PD PL PO PPI PV QS RC RN RU RY SA SG SK SN SRS SRT SRU SRV SRW SRX SRY SRZ SS SSA SSB SSC SSD SSE SSF SSG SSH SSI SSJ SSK SSL SSM SSN SSO SSP SSQ SSR SSS SST SSU SSV SSW SSX SSY SSZ ST STA STB STC STD STE STF STG STH STI STJ STK STL STM STN STO STP STQ STR STS STT STU STV STW STX STY STZ SUA SUB SUC SUD SUE SUF SUG SUH SUI SUJ SUK SUL SUM TG TSN TSO TSP TSQ TSR TSS TST TSU UA UP VN VP VS VX ZZZ");

    /// <summary>BR-CL-14/15: ISO 3166-1 alpha-2, plus 1A (Kosovo) and XI (Northern Ireland) as the artefacts accept them.</summary>
    internal static readonly FrozenSet<string> Countries = Parties.Iso3166.All.Select(c => c.Code).Append("1A").Append("XI").ToFrozenSet(StringComparer.Ordinal);

    /// <summary>BR-CL-16: UNTDID 4461 payment means codes (BT-81).</summary>
    internal static readonly FrozenSet<string> PaymentMeans = Set(
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63 64 65 66 67 68 69 70 74 75 76 77 78 91 92 93 94 95 96 97 98 ZZZ");

    /// <summary>BR-CL-17/18: the UNTDID 5305 VAT category codes EN 16931 uses.</summary>
    internal static readonly FrozenSet<string> VatCategories = Set("AE L M E S Z G O K B");

    /// <summary>BR-CL-19: the UNTDID 5189 allowance reason codes EN 16931 allows (BT-98, BT-140).</summary>
    internal static readonly FrozenSet<string> AllowanceReasons = Documents.Uncl5189.All.Select(e => e.Code).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>BR-CL-20: UNTDID 7161 charge reason codes (BT-105, BT-145).</summary>
    internal static readonly FrozenSet<string> ChargeReasons = Documents.Uncl7161.All.Select(e => e.Code).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>BR-CL-22: the CEF VATEX exemption reason codes (BT-121), compared upper-cased.</summary>
    internal static readonly FrozenSet<string> Vatex = Set(
        "VATEX-EU-79-C VATEX-EU-132 VATEX-EU-132-1A VATEX-EU-132-1B VATEX-EU-132-1C VATEX-EU-132-1D VATEX-EU-132-1E VATEX-EU-132-1F VATEX-EU-132-1G VATEX-EU-132-1H VATEX-EU-132-1I VATEX-EU-132-1J VATEX-EU-132-1K VATEX-EU-132-1L VATEX-EU-132-1M VATEX-EU-132-1N VATEX-EU-132-1O VATEX-EU-132-1P VATEX-EU-132-1Q VATEX-EU-143 VATEX-EU-143-1A VATEX-EU-143-1B VATEX-EU-143-1C VATEX-EU-143-1D VATEX-EU-143-1E VATEX-EU-143-1F VATEX-EU-143-1FA VATEX-EU-143-1G VATEX-EU-143-1H VATEX-EU-143-1I VATEX-EU-143-1J VATEX-EU-143-1K VATEX-EU-143-1L VATEX-EU-144 VATEX-EU-146-1E VATEX-EU-159 VATEX-EU-309 VATEX-EU-148 VATEX-EU-148-A VATEX-EU-148-B VATEX-EU-148-C VATEX-EU-148-D VATEX-EU-148-E VATEX-EU-148-F VATEX-EU-148-G VATEX-EU-151 VATEX-EU-151-1A VATEX-EU-151-1AA VATEX-EU-151-1B VATEX-EU-151-1C VATEX-EU-151-1D VATEX-EU-151-1E VATEX-EU-G VATEX-EU-O VATEX-EU-IC VATEX-EU-AE VATEX-EU-D VATEX-EU-F VATEX-EU-I VATEX-EU-J VATEX-FR-FRANCHISE VATEX-FR-CNWVAT VATEX-EU-153 VATEX-FR-CGI261-1 VATEX-FR-CGI261-2 VATEX-FR-CGI261-3 VATEX-FR-CGI261-4 VATEX-FR-CGI261-5 VATEX-FR-CGI261-7 VATEX-FR-CGI261-8 VATEX-FR-CGI261A VATEX-FR-CGI261B VATEX-FR-CGI261C-1 VATEX-FR-CGI261C-2 VATEX-FR-CGI261C-3 VATEX-FR-CGI261D-1 VATEX-FR-CGI261D-1BIS VATEX-FR-CGI261D-2 VATEX-FR-CGI261D-3 VATEX-FR-CGI261D-4 VATEX-FR-CGI261E-1 VATEX-FR-CGI261E-2 VATEX-FR-CGI277A VATEX-FR-CGI275 VATEX-FR-298SEXDECIESA VATEX-FR-CGI295 VATEX-FR-AE");

    /// <summary>BR-CL-24: the MIME types an attached document may have (BT-125-1).</summary>
    internal static readonly FrozenSet<string> MimeCodes = Set(
        "application/pdf image/png image/jpeg text/csv application/vnd.openxmlformats-officedocument.spreadsheetml.sheet application/vnd.oasis.opendocument.spreadsheet");

    /// <summary>BR-CL-25: the CEF electronic address scheme (EAS) codes (BT-34-1, BT-49-1).</summary>
    internal static readonly FrozenSet<string> ElectronicAddressSchemes = Set(
        "0002 0007 0009 0037 0060 0088 0096 0097 0106 0130 0135 0142 0147 0151 0154 0158 0170 0177 0183 0184 0188 0190 0191 0192 0193 0194 0195 0196 0198 0199 0200 0201 0202 0203 0204 0205 0208 0209 0210 0211 0212 0213 0215 0216 0217 0218 0219 0220 0221 0225 0230 0235 0240 9910 9913 9914 9915 9918 9919 9920 9922 9923 9924 9925 9926 9927 9928 9929 9930 9931 9932 9933 9934 9935 9936 9937 9938 9939 9940 9941 9942 9943 9944 9945 9946 9947 9948 9949 9950 9951 9952 9953 9957 9959 AN AQ AS AU EM");

    /// <summary>True when <paramref name="value"/>, without surrounding white space, is in <paramref name="set"/> (no allocation).</summary>
    internal static bool Contains(FrozenSet<string> set, string value)
        => set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value.AsSpan().Trim());

    private static FrozenSet<string> Set(string codes)
        => codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    private static FrozenSet<string> IcdCodes()
    {
        // 0002 ... 0240 without the four numbers ISO never assigned or withdrew (0092, 0103, 0181, 0182).
        var codes = new List<string>(240);
        for (var n = 2; n <= 240; n++)
        {
            if (n is not (92 or 103 or 181 or 182))
            {
                codes.Add(n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return codes.ToFrozenSet(StringComparer.Ordinal);
    }
}
