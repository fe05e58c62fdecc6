"""Languages, experience, implied skills, concepts to confirm and the fields of a job ad."""

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from kohtaanto.extraction import bridge
from kohtaanto.extraction.ads import read_ad
from kohtaanto.extraction.engine import Engine, ExtractionResult, extract
from kohtaanto.extraction.sources import ConceptRecord, RelationRecord
from kohtaanto.extraction.vocabulary_csv import VocabularySource
from kohtaanto.taxonomy.tests.factories import ConceptFactory, RequirementFactory

TODAY = date(2026, 1, 10)


@pytest.fixture(scope="module")
def engine() -> Engine:
    """The engine over the shipped vocabulary's files (no database)."""
    return Engine(VocabularySource())


def run(engine: Engine, text: str) -> ExtractionResult:
    return engine.extract(text, today=TODAY)


def languages(result: ExtractionResult) -> dict[str, str]:
    return {entry.code: entry.level for entry in result.languages}


def test_languages_with_levels_are_entries_not_skills(engine: Engine) -> None:
    result = run(engine, "Puhun sujuvaa suomea ja ruotsia, englannin kielen perustaidot.")

    assert languages(result) == {"fi": "C1", "sv": "C1", "en": "A2"}
    # the language concepts the words also match are not reported as skills
    assert not [m for m in result.concepts if "kieli" in m.label]


def test_the_english_of_a_trade_is_a_skill_beside_the_languages(engine: Engine) -> None:
    """Maritime and aviation English are skills of their trades, not the spoken language:
    they stay skills where the text also states languages."""
    finnish = run(engine, "Hallitsen merenkulun englannin ja puhun sujuvaa ruotsia.")
    swedish = run(engine, "Jag kan maritim engelska och talar flytande finska.")

    assert "merenkulun englanti" in {m.label for m in finnish.concepts}
    assert "sjöfartsengelska" in {m.label for m in swedish.concepts}
    assert languages(finnish)["sv"] == "C1"
    assert languages(swedish)["fi"] == "C1"


def test_language_list_with_levels_in_brackets(engine: Engine) -> None:
    result = run(engine, "Kielitaito: suomi (äidinkieli), englanti (hyvä), ruotsi (tyydyttävä).")

    assert languages(result) == {"fi": "native", "en": "B2", "sv": "B1"}


def test_a_level_word_at_the_start_of_a_compound_gives_the_level(engine: Engine) -> None:
    finnish = run(engine, "Kielitaito: englanti (perustasoinen), ruotsi (sujuvatasoinen).")
    swedish = run(engine, "Språkkunskaper: engelska (grundläggande), finska (flytande nivå).")

    assert languages(finnish) == {"en": "A2", "sv": "C1"}
    assert languages(swedish) == {"en": "A2", "fi": "C1"}


def test_swedish_languages_share_a_level_across_coordination(engine: Engine) -> None:
    result = run(engine, "Goda kunskaper i svenska och engelska.")

    assert languages(result) == {"sv": "B2", "en": "B2"}


def test_weak_and_fair_levels(engine: Engine) -> None:
    assert languages(run(engine, "Puhun ruotsia heikosti, englanti on huono.")) == {
        "sv": "A2",
        "en": "A2",
    }
    assert languages(run(engine, "Svenska modersmål, finska hyfsat, engelska svag.")) == {
        "sv": "native",
        "fi": "B1",
        "en": "A2",
    }


def test_a_little_is_a_weak_level(engine: Engine) -> None:
    """ "vähän", "hieman", "lite": the test set's readers (and the CVs' writers) mean A2."""
    assert languages(run(engine, "Ruotsia osaan vähän, englanti on hyvä.")) == {
        "sv": "A2",
        "en": "B2",
    }
    assert languages(run(engine, "Suomen kieli A2, ukraina äidinkieli, puolaa hieman.")) == {
        "fi": "A2",
        "uk": "native",
        "pl": "A2",
    }
    assert languages(run(engine, "Språk: tigrinja modersmål, svenska bra, finska lite.")) == {
        "ti": "native",
        "sv": "B2",
        "fi": "A2",
    }


def test_a_level_said_not_to_hold_is_weak(engine: Engine) -> None:
    assert languages(run(engine, "Ruotsi ei juuri suju, englanti on hyvä.")) == {
        "sv": "A2",
        "en": "B2",
    }
    assert languages(run(engine, "Min finska är inte så bra.")) == {"fi": "A2"}


def test_a_level_right_after_an_uninflected_name_in_a_list(engine: Engine) -> None:
    result = run(engine, "Kielitaito\nRuotsi hyvä, englanti tyydyttävä.")

    assert languages(result) == {"sv": "B2", "en": "B1"}
    # a level word further off does not make the country a language
    assert languages(run(engine, "Suomi on hyvä maa asua.")) == {}


def test_how_a_language_goes_is_its_level(engine: Engine) -> None:
    assert languages(run(engine, "Ruotsi menee hyvin ja englanti tosi hyvin.")) == {
        "sv": "B2",
        "en": "B2",
    }
    # a level across "but" is the other language's, where that one has its own
    assert languages(run(engine, "Ruotsia puhun huonosti mutta englanti menee hyvin.")) == {
        "sv": "A2",
        "en": "B2",
    }
    # ... and the language's own where it is the only one
    assert languages(run(engine, "Jag pratar svenska, finska förstår jag men pratar dåligt.")) == {
        "sv": "",
        "fi": "A2",
    }
    assert languages(run(engine, "Suomi menee eteenpäin.")) == {}


def test_a_working_language_is_spoken_fluently(engine: Engine) -> None:
    assert languages(run(engine, "Työkieli on ruotsi.")) == {"sv": "C1"}
    assert languages(run(engine, "Arbetsspråket är svenska eller engelska.")) == {
        "sv": "C1",
        "en": "C1",
    }
    # the language of a course is named without a level
    assert languages(run(engine, "Kursspråk svenska.")) == {"sv": ""}


def test_more_mother_tongues_and_a_beginner_level(engine: Engine) -> None:
    result = run(engine, "Svenska modersmål, vietnamesiska modersmål, finska på nybörjarnivå.")
    fi = run(engine, "Suomen kieli hyvä, somali äidinkieli, englanti hyvä.")

    assert languages(result) == {"sv": "native", "vi": "native", "fi": "A1"}
    assert languages(fi) == {"fi": "B2", "so": "native", "en": "B2"}


def test_the_country_is_not_a_language(engine: Engine) -> None:
    assert run(engine, "Olen asunut Suomessa ja Ruotsissa, puhun viroa.").languages[0].code == "et"
    assert run(engine, "Suomi on hyvä maa hitsaajalle.").languages == []


def test_a_language_needed_used_or_got_by_with_is_a_language(engine: Engine) -> None:
    assert languages(run(engine, "Ruotsia ja englantia tarvitaan silloin tällöin.")) == {
        "sv": "",
        "en": "",
    }
    assert languages(run(engine, "Englantia käytetään päivittäin.")) == {"en": ""}
    assert languages(run(engine, "Työkieli on suomi, englannilla pärjää alkuun.")) == {
        "fi": "C1",
        "en": "",
    }
    # the country in the genitive or a place case, with the same verbs
    assert run(engine, "Ruotsin työmaalle tarvitaan asentajia.").languages == []
    assert run(engine, "Ruotsissa käytetään samoja koneita.").languages == []


def test_years_of_experience_belong_to_the_skill_or_occupation(engine: Engine) -> None:
    text = "Minulla on 5 vuoden kokemus hitsauksesta. Olen toiminut hitsaajana vuodesta 2019."
    result = run(engine, text)

    first, second = result.experience
    assert (first.years, first.label) == (5, "hitsaus")
    assert (second.years, second.since, second.label) == (7, 2019, "hitsaaja")
    assert text[slice(*second.span)] == "vuodesta 2019"


def test_years_of_a_general_skill_go_to_the_kinds_that_replace_it(engine: Engine) -> None:
    """ "hitsaus" gives way to the MIG and MAG welding the CV names elsewhere (the most specific
    concept): its 5 years go to them, not nowhere."""
    text = (
        "Mikko Björk\n\nMinulla on 5 vuoden kokemus hitsauksesta. Hallitsen MIG- ja MAG-hitsauksen."
    )
    result = run(engine, text)

    labels = {m.label for m in result.concepts}
    assert {"MIG-hitsaus", "MAG-hitsaus"} <= labels and "hitsaus" not in labels
    assert sorted((e.years, e.label) for e in result.experience) == [
        (5, "MAG-hitsaus"),
        (5, "MIG-hitsaus"),
    ]
    assert {text[slice(*e.span)] for e in result.experience} == {"5 vuoden"}


def test_years_stay_on_a_general_skill_nothing_replaces(engine: Engine) -> None:
    result = run(engine, "Mikko Björk. Minulla on 5 vuoden kokemus hitsauksesta. Ajan trukkia.")

    assert [(e.years, e.label) for e in result.experience] == [(5, "hitsaus")]


def test_decimal_years_count_their_whole_years(engine: Engine) -> None:
    fi = "Minulla on 2,5 vuoden kokemus hitsauksesta."
    sv = run(engine, "Jag har 1.5 års erfarenhet av svetsning.")

    result = run(engine, fi)
    assert [(e.years, e.label) for e in result.experience] == [(2, "hitsaus")]
    assert fi[slice(*result.experience[0].span)] == "2,5 vuoden"
    assert [(e.years, e.label) for e in sv.experience] == [(1, "svetsning")]
    # half a year is no year of experience
    assert run(engine, "Minulla on 0,5 vuoden kokemus hitsauksesta.").experience == []


def test_years_of_a_role_need_no_word_for_experience(engine: Engine) -> None:
    sv = run(engine, "Jöns Östergård, Närpes. Jag har 1,5 år som truckförare.")
    fi = run(engine, "Olin 5 vuotta hitsaajana Kokkolassa.")
    fi_before = run(engine, "Trukinkuljettajana 3 vuotta.")

    assert [(e.years, e.label) for e in sv.experience] == [(1, "truckförare")]
    both = run(
        engine, "Jag har 1,5 år som truckförare och 2,5 års erfarenhet av MIG/MAG-svetsning."
    )
    assert sorted((e.years, e.label) for e in both.experience) == [
        (1, "truckförare"),
        (2, "MAG-svetsning"),
        (2, "MIG-svetsning"),
    ]
    assert [(e.years, e.label) for e in fi.experience] == [(5, "hitsaaja")]
    assert [(e.years, e.label) for e in fi_before.experience] == [(3, "trukinkuljettaja")]
    # years in a place are not years of work
    assert run(engine, "Asuin 5 vuotta Kokkolassa ja opin hitsaamaan.").experience == []
    assert run(engine, "Jag bodde 5 år i Karleby och kan svetsa.").experience == []


def test_years_of_a_verb_in_the_perfect_need_no_word_for_experience(engine: Engine) -> None:
    fi = run(engine, "Olen hitsannut 12 vuotta konepajassa.")
    spoken = run(engine, "Oon hitsannu jo 7 vuotta.")
    sv = run(engine, "Jag har svetsat i 12 år.")

    assert [(e.years, e.label) for e in fi.experience] == [(12, "hitsaus")]
    assert [(e.years, e.label) for e in spoken.experience] == [(7, "hitsaus")]
    assert [(e.years, e.label) for e in sv.experience] == [(12, "svetsning")]
    # years of living, studying or being somewhere are no years of work
    assert run(engine, "Olen asunut 5 vuotta Kokkolassa ja osaan hitsata.").experience == []
    assert run(engine, "Olen opiskellut 3 vuotta ja osaan hitsata.").experience == []
    assert run(engine, "Jag har bott i 5 år i Karleby och kan svetsa.").experience == []


def test_a_role_in_the_essive_a_few_words_off_takes_the_years(engine: Engine) -> None:
    first = run(engine, "Hitsaajana olen ollut kymmenen vuotta.")
    after = run(engine, "Toimin 8 vuotta Kokkolassa prosessinhoitajana.")

    assert [(e.years, e.label) for e in first.experience] == [(10, "hitsaaja")]
    assert [(e.years, e.label) for e in after.experience] == [(8, "prosessinhoitaja")]
    # an essive of age or time is no role
    assert run(engine, "Nuorena olin 2 vuotta ulkomailla.").experience == []
    assert run(engine, "Kesänä 2019 olin 3 vuotta kotona ja opin hitsaamaan.").experience == []


def test_years_of_coordinated_skills_go_to_each(engine: Engine) -> None:
    slash = run(engine, "Jag har 2,5 års erfarenhet av MIG/MAG-svetsning.")
    listed = run(
        engine, "Minulla on 4 vuoden kokemus hitsauksesta, särmäyksestä ja koneistuksesta."
    )

    assert sorted((e.years, e.label) for e in slash.experience) == [
        (2, "MAG-svetsning"),
        (2, "MIG-svetsning"),
    ]
    assert {(e.years, e.label) for e in listed.experience} >= {(4, "hitsaus"), (4, "särmäys")}
    # a second skill after more words than a conjunction is not coordinated
    other = run(engine, "Olen tehnyt hitsausta 5 vuotta ja nyt opettelen särmäystä.")
    assert [(e.years, e.label) for e in other.experience] == [(5, "hitsaus")]


def test_a_year_of_living_somewhere_is_no_start_of_work(engine: Engine) -> None:
    assert run(engine, "Asun Kokkolassa vuodesta 2019. Osaan hitsata.").experience == []
    assert engine.extract("Jag bor i Jakobstad sedan 2018.", "sv", today=TODAY).experience == []
    # work started after the words of living still counts
    both = run(engine, "Asun Kokkolassa ja olen toiminut hitsaajana vuodesta 2019.")
    assert [(e.years, e.since, e.label) for e in both.experience] == [(7, 2019, "hitsaaja")]


def test_a_period_of_years_is_years_of_the_work_its_line_names(engine: Engine) -> None:
    fi = run(engine, "Olin hitsaajana 2016–2024 Kokkolassa.")
    sv = engine.extract("2012–2019 jobbade jag som svetsare.", "sv", today=TODAY)

    assert [(e.years, e.since, e.until, e.label) for e in fi.experience] == [
        (8, 2016, 2024, "hitsaaja")
    ]
    assert [(e.years, e.until, e.label) for e in sv.experience] == [(7, 2019, "svetsare")]
    # studies, a period not over by this year, and living somewhere are no work
    assert run(engine, "Opiskelin 2015–2018 hitsausta Centriassa.").experience == []
    assert run(engine, "Hitsaajan työ 2026–2027.").experience == []
    assert run(engine, "Asuin Ruotsissa 2010–2015 ja hitsasin.").experience == []


def test_swedish_experience(engine: Engine) -> None:
    result = run(engine, "Du har minst 3 års erfarenhet av svetsning.")

    assert [(e.years, e.label) for e in result.experience] == [(3, "svetsning")]


def test_spoken_swedish_sen_before_a_year_is_since(engine: Engine) -> None:
    spoken = engine.extract("Ja ha jobba som svetsare sen 2018.", "sv", today=TODAY)
    # "sen" without a year is "late" or "then"
    late = engine.extract("Svetsaren kom sen till jobbet.", "sv", today=TODAY)

    assert [(e.years, e.since) for e in spoken.experience] == [(8, 2018)]
    assert late.experience == []


def test_years_of_work_done_count_as_experience_of_that_work(engine: Engine) -> None:
    fi = run(engine, "Olen tehnyt hitsausta 5 vuotta.")
    sv = run(engine, "Jag har gjort svetsning i 4 år.")

    assert [(e.years, e.label) for e in fi.experience] == [(5, "hitsaus")]
    assert [(e.years, e.label) for e in sv.experience] == [(4, "svetsning")]


def test_years_do_not_cross_a_conjunction_to_a_nearer_skill(engine: Engine) -> None:
    fi = run(engine, "Oon siivonnu toimistoja 5 vuotta ja tehny troubleshootingia linjalla.")
    sv = run(engine, "Jag har gjort svetsning i 4 år och kört truck.")

    assert [(e.years, e.label) for e in fi.experience] == [(5, "siivoustyöt")]
    assert [(e.years, e.label) for e in sv.experience] == [(4, "svetsning")]


def test_years_after_a_colon_are_the_skill_s_on_their_side_of_it(engine: Engine) -> None:
    fi = run(engine, "Olin hitsaajana konepajassa: hitsauskokemusta on viisi vuotta.")
    sv = run(engine, "Jag var svetsare på verkstaden; erfarenhet av svetsning i fyra år.")

    # the occupation goes first only where nothing stands between (see above)
    assert [(e.years, e.label) for e in fi.experience] == [(5, "hitsaus")]
    assert [(e.years, e.label) for e in sv.experience] == [(4, "svetsning")]


def test_years_written_out_are_found_in_a_text_without_digits(engine: Engine) -> None:
    fi = run(engine, "Olen tehnyt hitsausta kymmenen vuotta.")
    sv = run(engine, "Jag har arbetat med svetsning i fem år.")

    assert [(e.years, e.label) for e in fi.experience] == [(10, "hitsaus")]
    assert [(e.years, e.label) for e in sv.experience] == [(5, "svetsning")]


def test_a_language_with_a_cefr_level_needs_no_inflected_name(engine: Engine) -> None:
    result = run(engine, "Puhun suomea ja ruotsia. Englanti B2.")

    assert languages(result) == {"fi": "", "sv": "", "en": "B2"}


def test_a_number_without_experience_is_not_experience(engine: Engine) -> None:
    assert run(engine, "Työ kestää 2 vuotta, hitsaus.").experience == []


def test_a_card_implies_the_skill_it_evidences(engine: Engine) -> None:
    result = run(engine, "Edellytämme trukkikorttia.")

    card = next(m for m in result.concepts if m.type == "requirement")
    implied = [m for m in result.concepts if m.implied]
    assert card.required and not card.implied
    assert len(implied) == 1 and implied[0].type == "skill"
    assert implied[0].required and implied[0].spans == card.spans


def test_a_required_card_makes_its_skill_required_when_a_title_implied_it_first(
    engine: Engine,
) -> None:
    result = run(engine, "Truckförare till vårt lager\nDu har giltigt truckkort.")

    implied = [m for m in result.concepts if m.implied and m.type == "skill"]
    assert [m.label for m in implied] == ["truckkörning"]
    assert implied[0].required
    optional = run(engine, "Truckförare till vårt lager\nTruckkort är meriterande.")
    assert [m.required for m in optional.concepts if m.implied] == [False]


def test_a_named_skill_is_not_also_implied(engine: Engine) -> None:
    result = run(engine, "Trukkikortti ja trukinajo ovat hallussa.")

    assert [m.implied for m in result.concepts if m.type == "skill"] == [False]


def test_shift_work_and_inflected_loan_words(engine: Engine) -> None:
    assert {m.label for m in run(engine, "Työ on kaksivuorotyötä.").concepts} == {"vuorotyö"}
    # the Finnish label's concept (using CAD software), not also the English label's knowledge
    labels = {m.label for m in run(engine, "Hallitset SolidWorksin.").concepts}
    assert "CAD-suunnittelu" in labels and "CAD-ohjelmistot" not in labels


def test_coordinated_swedish_compound(engine: Engine) -> None:
    assert "svetsning" in {m.label for m in run(engine, "Svets- och monteringsarbeten.").concepts}


def test_job_ad_fields(engine: Engine) -> None:
    text = (
        "CNC-koneistaja, Kokkola\n"
        "Haemme vakituiseen työsuhteeseen kokoaikaista CNC-koneistajaa tehtaallemme. "
        "Palkka 16,50–19 €/h. Aloitus 1.3.2026. Hae viimeistään 31.1.\n"
        "Edellytämme tulityökorttia. Eduksi katsotaan hitsaustaidot."
    )
    result = run(engine, text)
    ad = result.ad

    assert ad.title == "CNC-koneistaja"
    assert (ad.municipality, ad.municipality_name) == ("272", "Kokkola")
    assert (ad.employment_type, ad.working_time) == ("permanent", "full_time")
    assert (ad.pay_min, ad.pay_max, ad.pay_period) == (Decimal("16.50"), Decimal("19"), "hour")
    assert ad.start_date == date(2026, 3, 1)
    assert ad.deadline == date(2026, 1, 31)  # no year: the next 31 January
    required = {m.label: m.required for m in result.concepts}
    assert required["Tulityökortti"] is True
    assert required["hitsaus"] is False


@pytest.mark.parametrize(
    ("first_line", "title"),
    [
        ("Kokenut hitsaaja, Kannus", "Kokenut hitsaaja"),
        ("Hitsaaja | Kannus", "Hitsaaja"),
        ("Svetsare till vår verkstad i Jakobstad", "Svetsare"),
        ("Kunnossapitoasentaja, Kokkola", "Kunnossapitoasentaja"),
        ("Hitsaaja Kannuksen konepajalle", "Hitsaaja"),
        ("Haemme hitsaajaa Kannukseen", "hitsaaja"),
        ("Vi söker en svetsare till vår verkstad i Jakobstad.", "svetsare"),
        ("Etsimme kokenutta hitsaajaa.", "hitsaaja"),
        # the ad's own word for the occupation, not its concept's preferred label
        ("Etsimme Kokkolan tehtaallemme KUNNOSSAPITOASENTAJAA", "kunnossapitoasentaja"),
        ("Haemme CNC-koneistajaa Kannukseen.", "CNC-koneistaja"),
    ],
)
def test_the_title_is_the_occupation_phrase_not_a_sentence(
    engine: Engine, first_line: str, title: str
) -> None:
    ad = run(engine, f"{first_line}\nTyö on kaksivuorotyötä.").ad

    assert ad.title == title


@pytest.mark.parametrize(
    ("lang", "text", "title"),
    [
        # a heading that starts with a worker's word, in its base form and case
        ("fi", "Kansimies hinaajalle – Kokkolan satama", "Kansimies"),
        ("fi", "Ompelijoita työvaateompelimoon – Kaustinen", "Ompelija"),
        ("sv", "Vindkraftstekniker, Karleby och Kronoby. Vi sköter service.", "Vindkraftstekniker"),
        ("sv", "IT-stödperson till fabriksmiljö i Jakobstad", "IT-stödperson"),
        ("sv", "SÅGVERKSOPERATÖR – TRESKIFT", "Sågverksoperatör"),
        # ... after one word, or last in a short heading
        (
            "sv",
            "Digital marknadsförare med ansvar för webbutiken, Jakobstad.",
            "Digital marknadsförare",
        ),
        (
            "fi",
            "Raskaan kaluston jarru- ja piirturiasentaja, Kokkola",
            "Raskaan kaluston jarru- ja piirturiasentaja",
        ),
        (
            "fi",
            "Imuauton kuljettaja / imukaivu, Kalajoki. Tehtävänä on imukaivut.",
            "Imuauton kuljettaja",
        ),
        # the worker a recruiting verb seeks
        ("fi", "Kaustislainen mainosyritys hakee digipainajaa. Työ on vuorotyötä.", "digipainaja"),
        ("fi", "Kaustislainen LVI-liike palkkaa IV-asentajan kohteisiin.", "IV-asentaja"),
        (
            "fi",
            "Luotolainen kuomuyritys hakee asentaja-ompelijaa kesäkaudelle.",
            "asentaja-ompelija",
        ),
        ("sv", "Elmontör sökes till Kronoby, installationer i nybyggen.", "Elmontör"),
        ("sv", "Lillby Spannmål i Kronoby söker en torkskötare för hösten.", "torkskötare"),
        ("sv", "Pedersöre kommuns centralkök i Bennäs söker en kock.", "kock"),
        # no worker: a question, a sentence with a verb, a workshop, a date word
        ("fi", "Oletko kokenut hitsaaja? Tule meille!", ""),
        ("fi", "Olen hitsaaja. Asun Kokkolassa.", ""),
        ("fi", "Olemme kasvava konepaja Kokkolassa.", ""),
        ("sv", "Vi söker inför sommaren en flitig person.", ""),
    ],
)
def test_a_title_the_vocabulary_has_no_occupation_for(lang: str, text: str, title: str) -> None:
    assert read_ad(text, ExtractionResult(lang=lang), today=date(2026, 12, 6)).title == title


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Etsimme automekaanikkoa vakituiseen työsuhteeseen. Teet määräaikaishuollot.",
            "permanent",
        ),
        ("Haemme määräaikaiseen työsuhteeseen asentajaa.", "fixed_term"),
        ("Sijaisuus 1.1.–30.6.2027.", "fixed_term"),
    ],
)
def test_periodic_service_is_no_fixed_term_job(text: str, kind: str) -> None:
    ad = read_ad(text, ExtractionResult(lang="fi"), today=date(2026, 12, 6))

    assert ad.employment_type == kind


def test_an_inflected_occupation_word_that_lemmatises_as_a_verb_gives_the_label(
    engine: Engine,
) -> None:
    # "laminoijia" is lemmatised as the verb "laminoida": the title is the occupation's label
    ad = run(engine, "Veneveistämö Kruunupyyssä hakee laminoijia. Työ on kaksivuorotyötä.").ad

    assert ad.title == "laminoija"


def test_ad_fields_in_swedish_and_absent_ones(engine: Engine) -> None:
    ad = run(engine, "Sommarjobb som svetsare i Karleby. Lön 2 800 € / mån.").ad

    assert (ad.employment_type, ad.municipality_name) == ("summer", "Kokkola")
    assert (ad.pay_min, ad.pay_period) == (Decimal("2800"), "month")
    empty = run(engine, "Osaan hitsata.").ad
    assert (empty.title, empty.municipality, empty.pay_min, empty.deadline) == ("", "", None, None)


@pytest.mark.parametrize(
    ("text", "municipality"),
    [
        ("Asentaja, Kokkola. Asiakkaamme ovat Kannuksessa ja Halsualla.", ("272", "Kokkola")),
        ("Göran Åkerlund, Jakobstad. Har jobbat i Karleby och Kannus.", ("", "Pietarsaari")),
        ("Työ on Kokkolassa, koulutus Kannuksessa.", ("272", "Kokkola")),
        # the stem changes of inflected place names
        ("Työ on Toholammilla, koulutus Kokkolassa.", ("849", "Toholampi")),
        ("Asun Kaustisella.", ("236", "Kaustinen")),
        ("Varasto sijaitsee Luodossa.", ("", "Luoto")),
        ("Aurinkosähkö Oy Uudestakaarlepyystä asentaa paneeleja.", ("", "Uusikaarlepyy")),
        ("Työmaat ovat Uudessakaarlepyyssä.", ("", "Uusikaarlepyy")),
        ("Konepaja sijaitsee Kalajoella.", ("", "Kalajoki")),
    ],
)
def test_the_municipality_is_the_place_named_first(
    engine: Engine, text: str, municipality: tuple[str, str]
) -> None:
    ad = run(engine, text).ad

    assert (ad.municipality, ad.municipality_name) == municipality


def test_swedish_start_dates(engine: Engine) -> None:
    for text in (
        "Fast anställning från 1.2.2027.",
        "Arbetet börjar från 1.2.2027.",
        "Vikariat fr.o.m. 1.2.2027.",
    ):
        assert run(engine, text).ad.start_date == date(2027, 2, 1), text
    assert run(engine, "Ansökningstiden är från 1.1.2027 till 15.1.2027.").ad.start_date is None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Työt alkavat 7.1.2027.", date(2027, 1, 7)),
        ("Työsuhde alkaa 1.2.2027.", date(2027, 2, 1)),
        ("Aloituspäivä 2.1.2027.", date(2027, 1, 2)),
        ("Arbetet inleds 1.2.2027.", date(2027, 2, 1)),
        ("Anställningen börjar 1.3.2027.", date(2027, 3, 1)),
        # the period a job lasts begins on its first date, in the year the range ends
        ("Kesätyö ajalle 1.6.–31.8.2028.", date(2028, 6, 1)),
        ("Yritys hakee asentajaa ajalle 1.6.–31.8.2027.", date(2027, 6, 1)),
        ("Sommarjobb under tiden 1.6–31.8.2027.", date(2027, 6, 1)),
        # no date in the start's sentence: the deadline's date in the next is no start
        ("Työ alkaa tammikuussa. Haku 31.12. mennessä.", None),
        ("Työ alkaa tammikuussa\nHaku 31.12. mennessä", None),
        # the application period is not the job's
        ("Haku on auki ajalla 1.–15.12.", None),
        ("Hakuaika 1.12.–15.12.2026. Työ alkaa 7.1.2027.", date(2027, 1, 7)),
    ],
)
def test_start_dates_as_ads_write_them(text: str, start: date | None) -> None:
    assert read_ad(text, ExtractionResult(lang="fi"), today=date(2026, 12, 6)).start_date == start


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("Haku 31.12. mennessä.", date(2026, 12, 31)),
        ("Hakemukset 15.1.2027 klo 16 mennessä.", date(2027, 1, 15)),
        ("Hae 10.1. mennessä!", date(2027, 1, 10)),
        ("Ansökningstiden går ut 15.1.2027.", date(2027, 1, 15)),
        # a range: the application period ends on its last date
        ("Hakuaika 1.–15.1.2027.", date(2027, 1, 15)),
        ("Hakuaika 1.12.–15.12.2026. Työ alkaa 7.1.2027.", date(2026, 12, 15)),
        ("Ansök senast 31.1 och börja 1.3.2027.", None),  # "31.1" without its dot is no date
    ],
)
def test_deadlines_as_ads_write_them(text: str, deadline: date | None) -> None:
    assert read_ad(text, ExtractionResult(lang="fi"), today=date(2026, 12, 6)).deadline == deadline


@pytest.mark.parametrize(
    ("text", "pay"),
    [
        ("Tuntipalkka 14,50 e.", ("14.50", "14.50", "hour")),
        ("Tuntipalkka 14,50–16,20 €.", ("14.50", "16.20", "hour")),
        ("Kuukausipalkka 2 900 €.", ("2900", "2900", "month")),
        ("Timlön 16,80 €.", ("16.80", "16.80", "hour")),
        ("Månadslön 2 800–3 100 euro.", ("2800", "3100", "month")),
        ("Lönen är 16–18 euro i timmen.", ("16", "18", "hour")),
        ("Palkka 16,50–19 €/h.", ("16.50", "19", "hour")),
        # a pay word with no figure, and figures that are no pay
        ("Tuntipalkka ei ole tiedossa. Meillä on 3 000 m2 ja 15 työntekijää.", (None, None, "")),
    ],
)
def test_pay_as_ads_write_it(text: str, pay: tuple[str | None, str | None, str]) -> None:
    ad = read_ad(text, ExtractionResult(lang="fi"), today=date(2026, 12, 6))

    low, high, period = pay
    expected = (Decimal(low) if low else None, Decimal(high) if high else None, period)
    assert (ad.pay_min, ad.pay_max, ad.pay_period) == expected


@pytest.mark.parametrize(
    ("lang", "text", "label"),
    [
        ("fi", "Tuotteet siirretään nopeasti, jotta kylmäketju ei katkea.", "kylmäketju"),
        ("fi", "Työturvallisuus ei saa unohtua.", "työterveys ja -turvallisuus"),
        ("fi", "Työturvallisuus ei petä.", "työterveys ja -turvallisuus"),  # "petä": "pettää"
        ("sv", "Du ser till att kylkedjan inte bryts.", "kylkedjelogistik"),
        ("sv", "Arbetarskyddet får inte glömmas.", "hälsa och säkerhet på arbetsplatsen"),
        ("sv", "Kylkedjan bryts inte under transporten.", "kylkedjelogistik"),
    ],
)
def test_what_must_not_fail_is_kept_up_not_absent(
    engine: Engine, lang: str, text: str, label: str
) -> None:
    result = engine.extract(text, lang)

    assert label in {m.label for m in result.concepts}
    assert result.negated == []


def test_a_skill_said_to_be_missing_is_still_negated(engine: Engine) -> None:
    assert [
        m.label for m in engine.extract("Kylmäketjusta minulla ei ole kokemusta.", "fi").negated
    ] == ["kylmäketju"]


def test_json_form_has_the_new_fields(engine: Engine) -> None:
    data = run(engine, "Edellytämme trukkikorttia ja sujuvaa ruotsia.").as_dict()

    assert data["languages"] == [{"code": "sv", "level": "C1", "span": [37, 44]}]
    assert any(c["implied"] for c in data["concepts"])  # type: ignore[union-attr]
    assert data["ad"]["deadline"] is None  # type: ignore[index]


@pytest.mark.django_db
def test_concepts_outside_the_vocabulary_are_marked_for_confirmation() -> None:
    ConceptFactory(fi="hitsaus", en="welding", sv="svetsning", in_vocabulary=True)
    ConceptFactory(en="soldering", in_vocabulary=False)
    skill = ConceptFactory(fi="trukinajo", en="forklift driving", in_vocabulary=True)
    RequirementFactory(fi="Trukkikortti", en="Forklift card", esco_uri=skill.uri)

    result = extract("Welding and soldering, forklift card.", lang="en")
    confirm = {m.label: m.confirm for m in result.concepts}

    assert confirm["welding"] is False and confirm["soldering"] is True
    assert [m.label for m in result.concepts if m.implied] == ["forklift driving"]


class _Source:
    """A vocabulary concept with a Finnish label and an ESCO-only one with English labels."""

    def fingerprint(self) -> object:
        return 1

    def concepts(self) -> Iterator[ConceptRecord]:
        yield ConceptRecord(
            1, "urn:welding", "skill", {"fi": "hitsaus"}, [("fi", "pref", "hitsaus")]
        )
        yield ConceptRecord(
            2,
            "urn:robot",
            "skill",
            {"en": "maintain robotic welding equipment"},
            [("en", "pref", "maintain robotic welding equipment")],
            {"en": "Service welding robots."},
            in_vocabulary=False,
        )
        yield ConceptRecord(
            3,
            "urn:bake",
            "skill",
            {"en": "bake bread"},
            [("en", "pref", "bake bread")],
            {"en": "Bake bread in ovens."},
            in_vocabulary=False,
        )

    def relations(self) -> Iterator[RelationRecord]:
        return iter(())


def test_rank_mode_bridges_finnish_to_english_only_concepts_for_confirmation() -> None:
    bridged = Engine(_Source()).extract(
        "Vastaan hitsausrobottien huollosta.", "fi", mode="rank", today=TODAY
    )

    suggestions = [m for m in bridged.concepts if m.confirm]
    assert [m.uri for m in suggestions] == ["urn:robot"]
    assert bridge.english("hitsausrobottien huollosta", "fi") == "welding robot maintenance service"


def test_rank_mode_reports_stated_languages_as_entries_not_language_skills(engine: Engine) -> None:
    text = (
        "Kielitaito: puhun suomea äidinkielenä ja sujuvaa ruotsia, englannin kielen "
        "perustaidot. Kirjoitan ja puhun ruotsia työssäni päivittäin."
    )
    ranked = engine.extract(text, mode="rank", today=TODAY)
    index = engine.index()

    assert languages(ranked) == {"fi": "native", "sv": "C1", "en": "A2"}
    assert index.language_skills, "the vocabulary has language skills"
    assert not [m.label for m in ranked.concepts if m.concept_id in index.language_skills]
    # the ranker itself does rank language skills for this text: they are left out, not absent
    (top,) = index.ranker("fi").top([text])
    assert [concept_id for concept_id, _ in top if concept_id in index.language_skills]


def test_rank_mode_ranks_no_language_skill_for_a_language_said_not_to_be_needed(
    engine: Engine,
) -> None:
    text = (
        "Haemme nuohoojaa vakituiseen työsuhteeseen. Työhön kuuluvat tulisijojen ja hormien "
        "nuohous, hormien kuntotarkastukset ja painekokeet sekä tarkastusraporttien laatiminen. "
        "Edellytämme B-ajokorttia ja työturvallisuuskorttia. Ruotsin kielen taito ei ole "
        "välttämätön."
    )
    ranked = engine.extract(text, mode="rank", today=TODAY)
    index = engine.index()

    assert not [m.label for m in ranked.concepts if m.concept_id in index.language_skills]
    # the ranker itself does rank them for this text: they are left out, not absent
    (top,) = index.ranker("fi").top([text])
    assert [concept_id for concept_id, _ in top if concept_id in index.language_skills]


class _MachinerySource(_Source):
    """ESCO-only concepts the Swedish word "maskin" (machine, machinery) reaches."""

    def concepts(self) -> Iterator[ConceptRecord]:
        yield ConceptRecord(
            1, "urn:svets", "skill", {"sv": "svetsning"}, [("sv", "pref", "svetsning")]
        )
        for number, label, description in (
            (2, "machinery products", "Machines and machinery offered."),
            (3, "weld machinery parts", "Weld the parts of machines."),
        ):
            yield ConceptRecord(
                number,
                f"urn:{number}",
                "skill",
                {"en": label},
                [("en", "pref", label)],
                {"en": description},
                in_vocabulary=False,
            )


def test_one_bridged_word_with_two_english_words_is_one_word_of_evidence() -> None:
    engine = Engine(_MachinerySource())
    assert bridge.english_terms("maskiner", "sv") == ["machine machinery"]

    one_word = engine.extract("Vi har många maskiner här.", "sv", mode="rank", today=TODAY)
    two_words = engine.extract(
        "Svetsning av maskiner och maskindelar.", "sv", mode="rank", today=TODAY
    )

    assert [m.uri for m in one_word.concepts if m.confirm] == []
    assert "urn:3" in [m.uri for m in two_words.concepts if m.confirm]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Finska och svenska i tal och skrift krävs.", {"fi": "", "sv": ""}),
        ("Kunskaper i finska är meriterande.", {"fi": ""}),
        ("Du ska klara dig på svenska eller finska.", {"sv": "", "fi": ""}),
        (
            "Svenska och finska behövs av alla, engelska av trafikledaren.",
            {"sv": "", "fi": "", "en": ""},
        ),
    ],
)
def test_a_swedish_language_name_used_as_a_noun_is_a_language(
    engine: Engine, text: str, expected: dict[str, str]
) -> None:
    assert languages(run(engine, text)) == expected


def test_a_swedish_language_name_before_a_noun_is_the_adjective(engine: Engine) -> None:
    result = run(engine, "Vi har svenska och norska kunder och levererar till finska varv.")

    assert languages(result) == {}


def test_a_finnish_name_in_the_translative_is_the_language(engine: Engine) -> None:
    result = run(engine, "Opetus suomeksi ja ruotsiksi.")

    assert languages(result) == {"fi": "", "sv": ""}


def test_a_language_said_not_to_be_needed_is_no_entry(engine: Engine) -> None:
    finnish = run(engine, "Ruotsin kielen taitoa ei edellytetä, mutta englantia pitää osata.")
    swedish = run(engine, "Svenska är arbetsspråk, finska behöver du inte kunna.")
    advantage = run(engine, "Finska krävs inte på linjen men är en fördel.")

    assert languages(finnish) == {"en": ""}
    assert languages(swedish) == {"sv": "C1"}
    assert languages(advantage) == {"fi": ""}


def test_bilingual_and_home_language_are_native(engine: Engine) -> None:
    finnish = run(engine, "Asiakas on kaksikielinen (ruotsi–suomi).")
    home = run(engine, "Englanti sujuu, kotikieli suomi.")
    swedish = run(engine, "Jag är tvåspråkig (svenska och finska).")

    assert languages(finnish) == {"sv": "native", "fi": "native"}
    assert languages(home) == {"en": "C1", "fi": "native"}
    assert languages(swedish) == {"sv": "native", "fi": "native"}


class _EnglishOnlySource(_Source):
    """ESCO-only concepts whose English labels are everyday words or short abbreviations."""

    def concepts(self) -> Iterator[ConceptRecord]:
        yield ConceptRecord(
            1, "urn:hitsaus", "skill", {"fi": "hitsaus"}, [("fi", "pref", "hitsaus")]
        )
        yield ConceptRecord(
            20, "urn:gps", "skill", {"fi": "GPS"}, [("fi", "pref", "GPS"), ("sv", "pref", "GPS")]
        )
        for number, labels in enumerate(
            (
                ["reliability", "dependability"],
                ["computer technology", "IT"],
                ["in-circuit test", "ICT"],
                ["hardware testing methods", "ICT"],
                ["TypeScript"],
                ["geographic information systems", "GIS"],
                ["remote sensing", "GPS", "gps"],
            ),
            start=2,
        ):
            yield ConceptRecord(
                number,
                f"urn:{labels[0].replace(' ', '-')}",
                "skill",
                {"en": labels[0]},
                [("en", "pref" if i == 0 else "alt", label) for i, label in enumerate(labels)],
                in_vocabulary=False,
            )


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_an_everyday_english_word_or_an_ambiguous_abbreviation_is_no_suggestion(
    lang: str,
) -> None:
    engine = Engine(_EnglishOnlySource())
    text = {
        "fi": "Reliability Engineer. Hitsaus, IT ja ICT ovat tuttuja, samoin TypeScript ja GIS.",
        "sv": "Reliability Engineer. Svetsning, IT och ICT kan jag, likaså TypeScript och GIS.",
    }[lang]

    suggested = {m.uri for m in engine.extract(text, lang, today=TODAY).concepts if m.confirm}
    # in English text the same words are read as they are
    english = engine.extract("Reliability and IT matter here.", "en", today=TODAY)

    assert suggested == {"urn:TypeScript", "urn:geographic-information-systems"}
    assert {m.uri for m in english.concepts} >= {"urn:reliability", "urn:computer-technology"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fi", "Käytän GPS:ää ja TypeScriptiä."), ("sv", "Jag använder GPS och TypeScript.")],
)
def test_words_a_vocabulary_concept_names_suggest_no_concept_outside_it(
    lang: str, text: str
) -> None:
    """ "GPS" is the vocabulary's GPS skill; ESCO's English "GPS" (remote sensing) is no
    suggestion beside it. A word only ESCO knows stays one."""
    found = Engine(_EnglishOnlySource()).extract(text, lang, today=TODAY).concepts

    assert {m.uri for m in found if not m.confirm} == {"urn:gps"}
    assert {m.uri for m in found if m.confirm} == {"urn:TypeScript"}
