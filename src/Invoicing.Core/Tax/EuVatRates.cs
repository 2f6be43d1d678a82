// EU VAT rates with their effective dates, from 2021-01-01 through the changes announced with dates
// up to the end of 2026. Each country has a comment naming the sources checked (in 2026), what each
// of its kinds covers where that changed, and the confidence in its rows. The figures were
// cross-checked against the European Commission's "VAT rates applied in the Member States" table as
// republished by several advisers, national tax authority pages where found, and news of each change
// from at least two independent sources.
//
// What a kind means. A kind is one of a state's rate slots, and it keeps following the same group of
// goods and services over time; it never moves to another group because a rate was added or removed:
// - Standard is the standard rate.
// - Reduced is the slot that held the lower (or only) reduced rate of 5% or more on 2021-01-01.
// - SecondReduced is the slot that held the higher of two such rates on 2021-01-01 or, in a state
//   that had fewer, the next reduced rate of 5% or more it introduced later.
// - ThirdReduced is the next reduced rate of 5% or more a state introduced after its Reduced and
//   SecondReduced slots were taken.
// - SuperReduced is the slot of the rate above zero and below 5% (on 2021-01-01 or introduced later).
// - Parking is the slot of the parking rate (Article 118).
// How a change is recorded:
// - A general change of a slot's level (all its goods move together) continues the same kind at the
//   new level (Estonia's standard 20 -> 22 -> 24%, Luxembourg's 2023 cut and restoration).
// - A merge of two slots into one new rate continues both kinds at the merged rate (Czechia 2024,
//   Romania 2025).
// - A new rate introduced for some goods is a new slot, the next free kind, from its first day; a kind
//   that has been used is never reused for another slot.
// - A rate abolished with its goods moved to different rates ends its row: from that day the kind has
//   no rate, so a caller must re-classify the goods instead of silently getting another rate. When
//   all goods of an abolished slot moved to one rate, the slot continues at that rate (Estonia's press
//   rate in 2025), said in the country's comment.
//
// Simplifications, on purpose:
// - Which goods or services fall under a rate is not modelled. Moving a category from one rate to
//   another, including into a newly introduced slot, changes nothing for the kind it left: books in
//   Finland were 10% (Reduced) until 2024 and 14% (SecondReduced) from 2025, and the table still
//   answers 10% for Reduced. The host re-classifies such goods; the country comments list the moves
//   found (Germany's restaurant food, Ireland's 9% hospitality rate, Sweden's 2026 food cut and
//   Belgium's 2026 hotel changes are further examples).
// - Temporary rates that only a few categories used for a few months are left out: Austria's 5% for
//   hospitality and culture (until 2021-12-31), Spain's 0% and 5% on food and energy (2021-2024),
//   Poland's 0% on food (2022-2024), Croatia's and Cyprus's temporary energy rates. Zero rates
//   are not modelled at all.
// - Regional rates (Madeira, the Azores, Corsica, the Greek islands, Heligoland, the Canary
//   Islands, Ceuta and Melilla) are left out: the rows are the mainland rates.
// - Transitional rules (Romania's 9% for some dwellings until 2026-07-31, Estonia's cash-accounting
//   grace periods) are left out.
using System.Collections.Frozen;
using System.Collections.ObjectModel;
using Invoicing.Core.Parties;
using NodaTime;
using static Invoicing.Core.Tax.EuRateKind;

namespace Invoicing.Core.Tax;

/// <summary>
/// The rate slots of an EU member state (VAT Directive 2006/112/EC, Articles 96-99 and 110-118). A
/// kind keeps following the same group of goods and services over time; see the comment at the top
/// of the file for how general changes, merges, new rates and abolished rates are recorded.
/// </summary>
internal enum EuRateKind
{
    /// <summary>The standard rate (Article 96), at least 15%.</summary>
    Standard,

    /// <summary>The slot of the lower, or the only, reduced rate of 5% or more on 2021-01-01 (Article 98).</summary>
    Reduced,

    /// <summary>
    /// The slot of the higher of two reduced rates of 5% or more on 2021-01-01, or the next such rate
    /// a state with fewer introduced later (Article 98).
    /// </summary>
    SecondReduced,

    /// <summary>The slot of a super-reduced rate above zero and below 5% (Articles 98(2) and 110).</summary>
    SuperReduced,

    /// <summary>The slot of a parking rate of 12% or more (Article 118).</summary>
    Parking,

    /// <summary>
    /// The slot of a reduced rate of 5% or more introduced after 2021-01-01 once the
    /// <see cref="Reduced"/> and <see cref="SecondReduced"/> slots were taken (Article 98).
    /// </summary>
    ThirdReduced,
}

/// <summary>
/// One VAT rate of one member state with the dates it applies: <see cref="From"/> inclusive,
/// <see cref="Until"/> exclusive, a null <see cref="Until"/> meaning still in force.
/// </summary>
/// <param name="Country">The member state (ISO 3166-1: GR for Greece).</param>
/// <param name="Kind">The kind of rate.</param>
/// <param name="Rate">The rate in percent, for example 19 for 19%.</param>
/// <param name="From">The first day the rate applies.</param>
/// <param name="Until">The first day it no longer applies; null while in force.</param>
internal readonly record struct EuVatRate(CountryCode Country, EuRateKind Kind, decimal Rate, LocalDate From, LocalDate? Until)
{
    /// <summary>Returns whether the rate applies on <paramref name="date"/>.</summary>
    /// <param name="date">The date, usually the tax point.</param>
    /// <returns>True when <see cref="From"/> &lt;= date &lt; <see cref="Until"/>.</returns>
    internal bool AppliesOn(LocalDate date) => From <= date && (Until is not { } until || date < until);
}

/// <summary>
/// The standard, reduced, super-reduced and parking VAT rates of the 27 EU member states from
/// 2021-01-01, with every change of a rate level known with a date through 2026.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Lookups do not allocate. The data is a convenience for defaults and
/// plausibility checks, not legal advice: which rate applies to a supply depends on national rules
/// this table does not model (see the comment at the top of the file).
/// </remarks>
internal static class EuVatRates
{
    /// <summary>The first date the table covers.</summary>
    internal static readonly LocalDate Start = new(2021, 1, 1);

    private static readonly CountryCode At = C("AT"), Be = C("BE"), Bg = C("BG"), Cy = C("CY"), Cz = C("CZ"),
        De = C("DE"), Dk = C("DK"), Ee = C("EE"), Es = C("ES"), Fi = C("FI"), Fr = C("FR"), Gr = C("GR"),
        Hr = C("HR"), Hu = C("HU"), Ie = C("IE"), It = C("IT"), Lt = C("LT"), Lu = C("LU"), Lv = C("LV"),
        Mt = C("MT"), Nl = C("NL"), Pl = C("PL"), Pt = C("PT"), Ro = C("RO"), Se = C("SE"), Si = C("SI"), Sk = C("SK");

    /// <summary>
    /// The rates, grouped by country in code order; within a country standard, the reduced kinds in
    /// order, super-reduced and parking, each by date.
    /// </summary>
    private static readonly EuVatRate[] Rates =
    [
        // Austria. Source: EU Commission rates table; the 2026 food rate as reported by Meridian, Essentia,
        // The Local/ORF and vatupdate (Federal Chancellery): 4.9% on a fixed list of staples (bread,
        // milk, butter, yoghurt, eggs, flour, rice, pasta, salt, some fruit and vegetables) from
        // 2026-07-01. Kinds: SuperReduced is that new slot; the staples leave the 10% Reduced slot,
        // which keeps the rest of food, books and the other 10% goods. Confidence: high; the 4.9% row
        // medium (announced early 2026, product list set by the Council of Ministers). The temporary 5%
        // rate for hospitality and culture that ended on 2021-12-31 is left out.
        new(At, Standard, 20m, Start, null),
        new(At, Reduced, 10m, Start, null),
        new(At, SecondReduced, 13m, Start, null),
        new(At, SuperReduced, 4.9m, D(2026, 7, 1), null),
        new(At, Parking, 13m, Start, null),

        // Belgium. Source: EU Commission rates table, SPF Finances. Confidence: high.
        new(Be, Standard, 21m, Start, null),
        new(Be, Reduced, 6m, Start, null),
        new(Be, SecondReduced, 12m, Start, null),
        new(Be, Parking, 12m, Start, null),

        // Bulgaria. Source: EU Commission rates table, NRA. Confidence: high (the 0% and the temporary
        // scope of the 9% rate are not modelled).
        new(Bg, Standard, 20m, Start, null),
        new(Bg, Reduced, 9m, Start, null),

        // Cyprus. Source: EU Commission rates table; the 3% rate from the law published on 2023-07-21
        // (advisers' alerts: Meridian, Marosa, Pagero, Tungsten, Orbitax). Kinds: Reduced is the 5% slot
        // (food, medicines...), SecondReduced the 9% slot (restaurants, accommodation, transport);
        // SuperReduced is the new 3% slot from 2023-07-21 (books, newspapers and magazines, aids for
        // people with disabilities, orthopaedic and medical devices, street cleaning and waste services,
        // some cultural admissions), most of whose goods left the 5% slot. Confidence: high; the start
        // date of the 3% row medium (one source says 23 July).
        new(Cy, Standard, 19m, Start, null),
        new(Cy, Reduced, 5m, Start, null),
        new(Cy, SecondReduced, 9m, Start, null),
        new(Cy, SuperReduced, 3m, D(2023, 7, 21), null),

        // Czechia. Source: EU Commission rates table; Act 349/2023 (consolidation package) as reported by
        // Sovos, BDO, Deloitte (taxathand) and Meridian: the 15% and 10% rates merged into 12% on
        // 2024-01-01. Kinds: Reduced is the 10% slot (medicines, baby food, accommodation, restaurant
        // services, cultural admissions...), SecondReduced the 15% slot (most food, some services); both
        // continue at the merged 12%. Category moves at the merger, not modelled: books to 0%, most
        // beverages other than milk and tap water to 21%, some other items to 21%, newspapers from 21%
        // into 12%. Confidence: high for the levels.
        new(Cz, Standard, 21m, Start, null),
        new(Cz, Reduced, 10m, Start, D(2024, 1, 1)),
        new(Cz, Reduced, 12m, D(2024, 1, 1), null),
        new(Cz, SecondReduced, 15m, Start, D(2024, 1, 1)),
        new(Cz, SecondReduced, 12m, D(2024, 1, 1), null),

        // Germany. Source: EU Commission rates table, BMF (the 16%/5% COVID rates ended 2020-12-31).
        // Confidence: high.
        new(De, Standard, 19m, Start, null),
        new(De, Reduced, 7m, Start, null),

        // Denmark. Source: EU Commission rates table, Skattestyrelsen. Confidence: high.
        new(Dk, Standard, 25m, Start, null),

        // Estonia. Source: Estonian Tax and Customs Board news; advisers (Numeri, Marosa, Tungsten, ERR
        // news): standard 20 -> 22 on 2024-01-01 -> 24 on 2025-07-01; press publications 9 -> 5 on
        // 2022-08-01 and back to 9 on 2025-01-01; accommodation 9 -> 13 on 2025-01-01. Kinds: Reduced is
        // the 9% slot (books and educational literature, medicines and medical equipment; press until
        // 2022-07-31 and accommodation until 2024-12-31 moved out); SecondReduced is the press slot,
        // new at 5% on 2022-08-01 and continued at 9% from 2025-01-01 because all its goods (press
        // publications) moved to 9% together; ThirdReduced is the new 13% accommodation slot from
        // 2025-01-01. Confidence: high.
        new(Ee, Standard, 20m, Start, D(2024, 1, 1)),
        new(Ee, Standard, 22m, D(2024, 1, 1), D(2025, 7, 1)),
        new(Ee, Standard, 24m, D(2025, 7, 1), null),
        new(Ee, Reduced, 9m, Start, null),
        new(Ee, SecondReduced, 5m, D(2022, 8, 1), D(2025, 1, 1)),
        new(Ee, SecondReduced, 9m, D(2025, 1, 1), null),
        new(Ee, ThirdReduced, 13m, D(2025, 1, 1), null),

        // Spain. Source: EU Commission rates table, AEAT. Confidence: high. The temporary 0% and 5% rates
        // on food and energy (2021-2024) are left out.
        new(Es, Standard, 21m, Start, null),
        new(Es, Reduced, 10m, Start, null),
        new(Es, SuperReduced, 4m, Start, null),

        // Finland. Source: Vero (vero.fi "Rates of VAT"); Tungsten, Marosa, Rydoo; the 2026 bill
        // (VM043:00/2025, Bloomberg Tax): standard 24 -> 25.5 on 2024-09-01; the 14% rate fell to 13.5%
        // on 2026-01-01 for all its goods. Kinds: Reduced is the 10% slot, SecondReduced the 14% slot
        // (food, restaurants). Category moves, not modelled: on 2025-01-01 books, medicines, passenger
        // transport, accommodation, culture and sport moved from the 10% slot to the 14% one, leaving
        // only newspapers, magazines and public broadcasting at 10%; broadcasting moved on to 13.5% on
        // 2026-01-01. Confidence: high.
        new(Fi, Standard, 24m, Start, D(2024, 9, 1)),
        new(Fi, Standard, 25.5m, D(2024, 9, 1), null),
        new(Fi, Reduced, 10m, Start, null),
        new(Fi, SecondReduced, 14m, Start, D(2026, 1, 1)),
        new(Fi, SecondReduced, 13.5m, D(2026, 1, 1), null),

        // France. Source: EU Commission rates table, impots.gouv.fr. Confidence: high (Corsica and the
        // overseas departments left out).
        new(Fr, Standard, 20m, Start, null),
        new(Fr, Reduced, 5.5m, Start, null),
        new(Fr, SecondReduced, 10m, Start, null),
        new(Fr, SuperReduced, 2.1m, Start, null),

        // Greece (ISO GR; VAT prefix EL). Source: EU Commission rates table, AADE. Confidence: high (the
        // reduced rates of some Aegean islands left out).
        new(Gr, Standard, 24m, Start, null),
        new(Gr, Reduced, 6m, Start, null),
        new(Gr, SecondReduced, 13m, Start, null),

        // Croatia. Source: EU Commission rates table, Porezna uprava. Confidence: high (the 2022-2023
        // moves of categories between rates and the temporary 0% are not modelled).
        new(Hr, Standard, 25m, Start, null),
        new(Hr, Reduced, 5m, Start, null),
        new(Hr, SecondReduced, 13m, Start, null),

        // Hungary. Source: EU Commission rates table, NAV. Confidence: high.
        new(Hu, Standard, 27m, Start, null),
        new(Hu, Reduced, 5m, Start, null),
        new(Hu, SecondReduced, 18m, Start, null),

        // Ireland. Source: Revenue; advisers (BDO, Avalara): standard rate 21% from 2020-09-01 until
        // 2021-02-28, 23% again from 2021-03-01 (a general change). The temporary use of the 9% rate for
        // hospitality and energy moved categories between existing slots, not levels, and is not
        // modelled. Confidence: high.
        new(Ie, Standard, 21m, Start, D(2021, 3, 1)),
        new(Ie, Standard, 23m, D(2021, 3, 1), null),
        new(Ie, Reduced, 9m, Start, null),
        new(Ie, SecondReduced, 13.5m, Start, null),
        new(Ie, SuperReduced, 4.8m, Start, null),
        new(Ie, Parking, 13.5m, Start, null),

        // Italy. Source: EU Commission rates table, Agenzia delle Entrate. Confidence: high.
        new(It, Standard, 22m, Start, null),
        new(It, Reduced, 5m, Start, null),
        new(It, SecondReduced, 10m, Start, null),
        new(It, SuperReduced, 4m, Start, null),

        // Lithuania. Source: Law XV-287 amending Article 19 of the VAT Law as reported by Sovos,
        // Meridian, Marosa, vatcalc and vatapi: the 9% rate is abolished on 2026-01-01 and its goods
        // split three ways: accommodation, passenger transport and cultural admissions to a new 12% rate,
        // books and non-periodical publications to the existing 5% rate, heating, hot water and firewood
        // to the standard 21%. Kinds: Reduced is the 5% slot (medicines, periodicals; books from 2026);
        // SecondReduced is the 9% slot, ended on 2026-01-01 because its goods did not all move to one
        // rate; ThirdReduced is the new 12% slot from 2026-01-01. Confidence: high.
        new(Lt, Standard, 21m, Start, null),
        new(Lt, Reduced, 5m, Start, null),
        new(Lt, SecondReduced, 9m, Start, D(2026, 1, 1)),
        new(Lt, ThirdReduced, 12m, D(2026, 1, 1), null),

        // Luxembourg. Source: Law of 26 October 2022; AED; Chronicle.lu: every rate but the 3% one one
        // point lower for 2023 only (17/14/8 -> 16/13/7), restored on 2024-01-01; general changes, so
        // each kind continues. The 14% intermediate rate is the parking rate. Confidence: high.
        new(Lu, Standard, 17m, Start, D(2023, 1, 1)),
        new(Lu, Standard, 16m, D(2023, 1, 1), D(2024, 1, 1)),
        new(Lu, Standard, 17m, D(2024, 1, 1), null),
        new(Lu, Reduced, 8m, Start, D(2023, 1, 1)),
        new(Lu, Reduced, 7m, D(2023, 1, 1), D(2024, 1, 1)),
        new(Lu, Reduced, 8m, D(2024, 1, 1), null),
        new(Lu, SuperReduced, 3m, Start, null),
        new(Lu, Parking, 14m, Start, D(2023, 1, 1)),
        new(Lu, Parking, 13m, D(2023, 1, 1), D(2024, 1, 1)),
        new(Lu, Parking, 14m, D(2024, 1, 1), null),

        // Latvia. Source: EU Commission rates table, VID. Confidence: high.
        new(Lv, Standard, 21m, Start, null),
        new(Lv, Reduced, 5m, Start, null),
        new(Lv, SecondReduced, 12m, Start, null),

        // Malta. Source: EU Commission rates table, CFR; Legal Notice 231 of 2023 as reported by
        // Meridian, vatcalc, Tolley and vatupdate: a third reduced rate of 12% from 2024-01-01 for
        // custody and management of securities, management of credit and credit guarantees, short-term
        // hire of pleasure boats and some regulated health-care services, all previously at 18%. Kinds:
        // Reduced is the 5% slot, SecondReduced the 7% slot (accommodation), ThirdReduced the new 12%
        // slot. Confidence: high.
        new(Mt, Standard, 18m, Start, null),
        new(Mt, Reduced, 5m, Start, null),
        new(Mt, SecondReduced, 7m, Start, null),
        new(Mt, ThirdReduced, 12m, D(2024, 1, 1), null),

        // Netherlands. Source: EU Commission rates table, Belastingdienst. Confidence: high.
        new(Nl, Standard, 21m, Start, null),
        new(Nl, Reduced, 9m, Start, null),

        // Poland. Source: EU Commission rates table, podatki.gov.pl. Confidence: high (the 2022-2024 0%
        // on food left out).
        new(Pl, Standard, 23m, Start, null),
        new(Pl, Reduced, 5m, Start, null),
        new(Pl, SecondReduced, 8m, Start, null),

        // Portugal. Source: EU Commission rates table, Autoridade Tributária. Confidence: high (Madeira
        // and the Azores left out).
        new(Pt, Standard, 23m, Start, null),
        new(Pt, Reduced, 6m, Start, null),
        new(Pt, SecondReduced, 13m, Start, null),
        new(Pt, Parking, 13m, Start, null),

        // Romania. Source: Law 141/2025 (Official Gazette 699 of 2025-07-25) and Government Decision
        // 602/2025 as reported by BDO, Teaha, ASD and others: standard 19 -> 21 and the 5% and 9% rates
        // merged into 11% on 2025-08-01. Kinds: Reduced is the 5% slot (books, newspapers, cultural
        // admissions, social housing...), SecondReduced the 9% slot (food, medicines, water,
        // accommodation, restaurants...); both continue at the merged 11%. Category moves at the merger,
        // not modelled: some 9% goods went to 21% (veterinary medicines, seeds and plants, food
        // supplements, some housing, heating systems, some admissions). Confidence: high for the levels
        // (the 9% transitional rule for dwellings until 2026-07-31 left out).
        new(Ro, Standard, 19m, Start, D(2025, 8, 1)),
        new(Ro, Standard, 21m, D(2025, 8, 1), null),
        new(Ro, Reduced, 5m, Start, D(2025, 8, 1)),
        new(Ro, Reduced, 11m, D(2025, 8, 1), null),
        new(Ro, SecondReduced, 9m, Start, D(2025, 8, 1)),
        new(Ro, SecondReduced, 11m, D(2025, 8, 1), null),

        // Sweden. Source: EU Commission rates table, Skatteverket. Confidence: high (the 2026 food cut
        // moves food to the existing 6% rate).
        new(Se, Standard, 25m, Start, null),
        new(Se, Reduced, 6m, Start, null),
        new(Se, SecondReduced, 12m, Start, null),

        // Slovenia. Source: EU Commission rates table, FURS. Confidence: high.
        new(Si, Standard, 22m, Start, null),
        new(Si, Reduced, 5m, Start, null),
        new(Si, SecondReduced, 9.5m, Start, null),

        // Slovakia. Source: Baker McKenzie VAT rates, Crowe, ASD, DLA Piper, KR Group: a 5% rate from
        // 2023-01-01 for state-supported rental housing next to the 10% rate; from 2025-01-01 standard
        // 20 -> 23, the 10% rate abolished, a new 19% rate, the 5% rate kept. Kinds: Reduced is the 10%
        // slot (medicines and medical aids, books, basic foods, accommodation, restaurant services,
        // sports admissions), ended on 2025-01-01 because its goods did not all move to one rate (basic
        // foods, medicines, accommodation and restaurant meals to 5%; non-alcoholic drinks served in
        // restaurants to 19%; books to 5% in most sources, 23% in one); SecondReduced is the 5% slot
        // from 2023-01-01 (rental housing; the 10% goods above joined it in 2025); ThirdReduced is the
        // new 19% slot from 2025-01-01 (other food, electricity, some drinks; mostly goods from 20%).
        // Confidence: high for the levels and dates; the scope of each slot medium.
        new(Sk, Standard, 20m, Start, D(2025, 1, 1)),
        new(Sk, Standard, 23m, D(2025, 1, 1), null),
        new(Sk, Reduced, 10m, Start, D(2025, 1, 1)),
        new(Sk, SecondReduced, 5m, D(2023, 1, 1), null),
        new(Sk, ThirdReduced, 19m, D(2025, 1, 1), null),
    ];

    /// <summary>Each country's slice of <see cref="Rates"/>.</summary>
    private static readonly FrozenDictionary<CountryCode, (int Start, int Length)> Slices = BuildSlices();

    /// <summary>Every rate, grouped by country in code order.</summary>
    internal static IReadOnlyList<EuVatRate> All { get; } = new ReadOnlyCollection<EuVatRate>(Rates);

    /// <summary>Returns whether <paramref name="country"/> is one of the 27 EU member states.</summary>
    /// <param name="country">The country; Greece is GR (EL is only its VAT prefix).</param>
    /// <returns>True for a member state.</returns>
    internal static bool IsMemberState(CountryCode country) => Slices.ContainsKey(country);

    /// <summary>Finds the rate of a kind that a member state applies on a date, without allocating.</summary>
    /// <param name="country">The member state.</param>
    /// <param name="kind">The kind of rate.</param>
    /// <param name="date">The date, usually the tax point; dates before 2021-01-01 are not covered.</param>
    /// <param name="rate">The rate in percent when found; 0 otherwise.</param>
    /// <returns>False when the country is not a member state, the date is not covered, or the state has no such rate on that date.</returns>
    internal static bool TryFind(CountryCode country, EuRateKind kind, LocalDate date, out decimal rate)
    {
        if (Slices.TryGetValue(country, out var slice))
        {
            foreach (var entry in Rates.AsSpan(slice.Start, slice.Length))
            {
                if (entry.Kind == kind && entry.AppliesOn(date))
                {
                    rate = entry.Rate;
                    return true;
                }
            }
        }

        rate = 0m;
        return false;
    }

    private static CountryCode C(string code) => CountryCode.FromCode(code);

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static FrozenDictionary<CountryCode, (int Start, int Length)> BuildSlices()
    {
        var slices = new Dictionary<CountryCode, (int Start, int Length)>();
        var start = 0;
        for (var i = 1; i <= Rates.Length; i++)
        {
            if (i < Rates.Length && Rates[i].Country == Rates[start].Country)
            {
                continue;
            }

            if (!slices.TryAdd(Rates[start].Country, (start, i - start)))
            {
                throw new InvalidOperationException($"The EU VAT rates of {Rates[start].Country} are not contiguous.");
            }

            start = i;
        }

        return slices.ToFrozenDictionary();
    }
}
