"""Skills implied by a job title, a licence word or a tool the work is done with (`implied.py`)."""

import csv
import re

import pytest

from kohtaanto.extraction.engine import Engine, ExtractionResult
from kohtaanto.extraction.implied import KINDS, TABLE, read_table
from kohtaanto.extraction.vocabulary_csv import VocabularySource
from kohtaanto.taxonomy.vocabulary_files import VOCABULARY_DIR


@pytest.fixture(scope="module")
def engine() -> Engine:
    """The engine over the shipped vocabulary's files (no database)."""
    return Engine(VocabularySource())


def implied(result: ExtractionResult, text: str) -> dict[str, str]:
    """Implied skill → the words that implied it, for what the text says the person has."""
    return {m.label: text[slice(*m.spans[0])] for m in result.concepts if m.implied}


def labels(result: ExtractionResult) -> set[str]:
    return {m.label for m in result.concepts}


@pytest.mark.parametrize(
    ("text", "skill", "cue"),
    [
        ("Työskentelin trukinkuljettajana viisi vuotta.", "trukinajo", "trukinkuljettajana"),
        ("Haluan kouluttautua hitsaajaksi.", "hitsaus", "hitsaajaksi"),
        ("Tarvitsemme lisää trukinkuljettajia.", "trukinajo", "trukinkuljettajia"),
        ("Haemme putkimiehiä ja putkimiestä.", "LVI-asennus", "putkimiehiä"),
        ("Olen levysepänhitsaaja.", "hitsaus", "levysepänhitsaaja"),  # a compound's head
        ("Työskentelin sorvarina Kannuksessa.", "sorvaus", "sorvarina"),
        ("Jag har jobbat som truckförare i tio år.", "truckkörning", "truckförare"),
        ("Vi söker kranförare till hamnen.", "krankörning", "kranförare"),
        ("Olen putkimies Kokkolasta.", "LVI-asennus", "putkimies"),
        ("Jag är VVS-montör.", "VVS-installation", "VVS-montör"),
        (
            "Haemme laboratorioassistenttia.",
            "laboratoriotestien tekeminen",
            "laboratorioassistenttia",
        ),
        (
            "Laboratorieassistent till vårt laboratorium.",
            "laboratorietester",
            "Laboratorieassistent",
        ),
        ("Hamnen söker stuvare.", "lossa", "stuvare"),
        # a worker noun the lemmatiser does not know ("särmääjää" → "särmä" before)
        ("Haemme särmääjää Kannukseen.", "särmäys", "särmääjää"),
        # the object after "yhden" is the person sought, not a genitive
        ("Tarvitsemme yhden särmääjän kaksivuorotyöhön.", "särmäys", "särmääjän"),
    ],
)
def test_a_job_title_implies_the_work_it_names(
    engine: Engine, text: str, skill: str, cue: str
) -> None:
    result = engine.extract(text)

    assert implied(result, text)[skill] == cue


def test_a_title_may_imply_more_than_one_skill(engine: Engine) -> None:
    text = "Hamnoperatören söker stuvare."

    assert implied(engine.extract(text, "sv"), text) == {"lasta": "stuvare", "lossa": "stuvare"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Haemme prosessinhoitajaa kolmivuorotyöhön.", "fi"),
        ("Vi söker processoperatörer till fabriken.", "sv"),
        ("Olen ollut rekkakuski kymmenen vuotta.", "fi"),
        ("Kirvesmies, Kokkola.", "fi"),
        ("Haemme laatutarkastajaa.", "fi"),
    ],
)
def test_a_title_whose_work_readers_do_not_tag_implies_nothing(
    engine: Engine, text: str, lang: str
) -> None:
    """On the independent test set's tune texts readers tagged the skill these titles were
    taken to imply in under a third of the texts that name them (process operators 9 of 48,
    lorry drivers 2 of 15): a title of many tasks."""
    assert implied(engine.extract(text, lang), text) == {}


def test_a_swedish_present_tense_is_the_work_not_the_worker(engine: Engine) -> None:
    # "svetsar" is the verb svetsa, not the plural of "svetsare"
    assert labels(engine.extract("Jag svetsar och svarvar.")) == {"svetsning", "svarvning"}


def test_welding_of_a_swedish_welder_is_reported_once(engine: Engine) -> None:
    result = engine.extract("Jag har jobbat som svetsare.")

    assert [m.label for m in result.concepts if m.type == "skill"] == ["svetsning"]


def test_an_epoxy_hardener_is_no_heat_treater(engine: Engine) -> None:
    # Swedish "härdare" is the hardener of epoxy resin more often than the worker
    result = engine.extract("Jag är van vid epoxi och härdare.", "sv")

    assert "drift av värmebehandlingsugn" not in labels(result)
    assert not [m for m in result.concepts if m.type == "occupation"]


def test_a_maintenance_title_implies_no_one_skill(engine: Engine) -> None:
    # readers of the test set tag no machine maintenance from "kunnossapitoasentaja" alone
    result = engine.extract("Kunnossapitoasentaja, Pietarsaari.")

    assert not [m for m in result.concepts if m.implied]


@pytest.mark.parametrize(
    "text",
    [
        "Vastaat 15 hitsaajan työn organisoinnista.",  # genitive: their work, not yours
        "Koulutus on tarkoitettu trukinkuljettajille.",  # allative: who the course is for
        "Johdat vuorosi trukinkuljettajia.",  # someone you lead
        "Kursen passar truckförare och kranförare.",
        "Utbildning för truckförare.",
        "Du dirigerar kranföraren via radio.",  # the definite form: the one person spoken of
        "Handsignaler mellan anslagare och kranförare.",
        "Jag har anhuggit lyften åt kranförarn.",
        "Truckförarna lastar bilarna.",
        "Kursen är för truckförare, kranförare och traversförare.",
    ],
)
def test_a_title_that_is_somebody_else_implies_nothing(engine: Engine, text: str) -> None:
    result = engine.extract(text)

    assert not [m for m in result.concepts + result.negated if m.implied]


@pytest.mark.parametrize(
    "text",
    ["Jag har jobbat som kranförare i tio år.", "Läroavtalsutbildning till kranförare."],
)
def test_a_swedish_title_of_ones_own_implies_its_skill(engine: Engine, text: str) -> None:
    result = engine.extract(text, "sv")

    assert [m.label for m in result.concepts if m.implied] == ["krankörning"]


GRAIN_MILL = "http://data.europa.eu/esco/skill/4dc5f83e-22ca-4c3b-b7d6-aeea3ef4a1a9"


@pytest.mark.parametrize(
    ("text", "lang"),
    [("Olen toiminut hiojana konepajassa.", "fi"), ("Jag har jobbat som slipare i tolv år.", "sv")],
)
def test_a_grinder_s_title_implies_no_grain_mill(engine: Engine, text: str, lang: str) -> None:
    """ESCO's *operate grinding machine* mills grain; a machine shop's grinder grinds metal
    on a surface, cylindrical or CNC grinder, which the title does not say."""
    result = engine.extract(text, lang)

    assert GRAIN_MILL not in {m.uri for m in result.concepts}


def test_a_negated_title_negates_what_it_implies(engine: Engine) -> None:
    result = engine.extract("En ole koskaan työskennellyt trukinkuljettajana.")

    assert "trukinajo" not in labels(result)
    assert [(m.label, m.implied) for m in result.negated if m.type == "skill"] == [
        ("trukinajo", True)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Vi söker en CNC-operatör. Du behöver inte kunna programmera.",
        "Jag är CNC-operatör men har inte programmerat.",
    ],
)
def test_a_title_s_work_the_text_says_is_not_needed_is_negated(engine: Engine, text: str) -> None:
    result = engine.extract(text)

    assert "CNC-programmering" not in labels(result)
    assert ("CNC-programmering", True) in [(m.label, m.implied) for m in result.negated]


@pytest.mark.parametrize(
    "text",
    [
        # the negation is about a kind of the work, a card or what it is done to
        "Olen hitsaaja, TIG-hitsausta en ole tehnyt.",
        "Vi söker truckförare. Truckkort behövs inte, vi utbildar.",
        # no previous experience is needed: the course teaches the work
        "Utbildningen ger körkort C och yrkeskompetensbevis för lastbilsförare. Tidigare "
        "erfarenhet av tunga fordon förutsätts inte.",
        # a compound that begins with the work's word is another thing ("fordonslinjen")
        "Han avbröt studierna på fordonslinjen och har ingen examen. Han har B-körkort.",
        # using another machine is not the title's work, though its labels say "käyttö" too
        "Olen työskennellyt trukinkuljettajana. Piikkauskoneen käytöstä minulla ei ole kokemusta.",
        "Jag har jobbat som truckförare. Jag har inte använt bilningsmaskin.",
    ],
)
def test_a_negation_about_something_else_leaves_the_title_s_work(engine: Engine, text: str) -> None:
    result = engine.extract(text)

    assert [m for m in result.concepts if m.implied]
    assert not [m for m in result.negated if m.implied]


def test_a_named_skill_is_reported_as_named(engine: Engine) -> None:
    result = engine.extract("Haemme trukinkuljettajaa. Trukinajo on hallussa.")

    assert [(m.label, m.implied) for m in result.concepts if m.type == "skill"] == [
        ("trukinajo", False)
    ]


def test_an_implied_general_skill_gives_way_to_the_kind_named(engine: Engine) -> None:
    result = engine.extract("Haemme hitsaajaa MIG/MAG-hitsaukseen.")

    assert {"MIG-hitsaus", "MAG-hitsaus"} <= labels(result) and "hitsaus" not in labels(result)


def test_a_named_skill_does_not_give_way_to_an_implied_kind(engine: Engine) -> None:
    # (a verb with its instrument, "sorvaan CNC:llä", is the label said with its verb: named)
    text = "Sorvaus on tuttua. Teen sorvausta myös CNC:llä."
    result = engine.extract(text)

    assert implied(result, text) == {"CNC-sorvaus": "sorvausta myös CNC:llä"}
    assert "sorvaus" in labels(result)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Teen sorvausta ja jyrsintää CNC:llä.", {"CNC-sorvaus", "CNC-jyrsintä"}),
        ("Levyjen leikkaus plasmalla hoituu.", {"plasmaleikkaus"}),
        ("Jag svarvar och fräser med CNC.", {"CNC-svarvning", "CNC-fräsning"}),
    ],
)
def test_work_done_with_an_instrument_implies_operating_it(
    engine: Engine, text: str, expected: set[str]
) -> None:
    result = engine.extract(text)

    assert expected <= set(implied(result, text))


def test_first_person_verbs_with_and_without_an_instrument(engine: Engine) -> None:
    # "sorvaan" is the verb "sorvata" (not the illative of a noun "sorva"): with CNC it says
    # CNC turning (the verb and its object), without, turning
    assert {"CNC-sorvaus", "CNC-jyrsintä"} <= labels(engine.extract("Sorvaan ja jyrsin CNC:llä."))
    assert "sorvaus" in labels(engine.extract("Sorvaan ja jyrsin manuaalikoneilla."))


def test_an_instrument_needs_its_case_or_preposition(engine: Engine) -> None:
    assert not implied(engine.extract("Sorvaan ja jyrsin. CNC on tuttu."), "")
    assert not implied(engine.extract("Jag svarvar och fräser. CNC kan jag."), "")


def test_work_not_done_with_an_instrument_is_negated(engine: Engine) -> None:
    result = engine.extract("Levyjä en leikkaa plasmalla.")

    assert "plasmaleikkaus" not in labels(result)
    assert "plasmaleikkaus" in {m.label for m in result.negated if m.implied}


def test_a_licence_word_without_its_class_implies_driving(engine: Engine) -> None:
    fi = engine.extract("Ajokortti tarvitaan.")
    sv = engine.extract("Jag har inget körkort.")

    assert implied(fi, "Ajokortti tarvitaan.") == {"ajoneuvon kuljettaminen": "Ajokortti"}
    assert [(m.label, m.implied) for m in sv.negated] == [("framföra fordon", True)]


def test_a_card_said_not_needed_negates_the_title_s_work_in_its_sentence(engine: Engine) -> None:
    own_staff = engine.extract("Truckkort krävs inte, vi har egna truckförare.", "sv")
    trained = engine.extract("Vi söker truckförare. Truckkort behövs inte, vi utbildar.", "sv")
    other_class = engine.extract("Ajokortti on B, mutta C-korttia ei oo.", "fi")

    assert "truckkörning" not in labels(own_staff)
    assert "truckkörning" in {m.label for m in own_staff.negated}
    # the title in a sentence of its own is the work sought
    assert "truckkörning" in labels(trained)
    # the licence held is not the one said to be missing
    assert "ajoneuvon kuljettaminen" in labels(other_class)


def test_licence_classes_listed_after_a_card_word(engine: Engine) -> None:
    fi = engine.extract("Kortit: C, CE ja ammattipätevyys.", "fi")
    sv = engine.extract("Körkort: B och C.", "sv")

    assert {"Ajokortti C", "Ajokortti CE"} <= labels(fi)
    assert "ajoneuvon kuljettaminen" in labels(fi)
    assert {"Körkort B", "Körkort C"} <= labels(sv)
    # a class letter needs the card word and its capital
    assert not {m.label for m in engine.extract("Kortit: c ja ce.", "fi").concepts} & {
        "Ajokortti C",
        "Ajokortti CE",
    }
    assert "Ajokortti C" not in labels(engine.extract("Opiskelin C:tä ja sain kortin.", "fi"))


def test_implied_skills_in_the_json_form(engine: Engine) -> None:
    data = engine.extract("Olen trukinkuljettaja.").as_dict()

    skill = next(c for c in data["concepts"] if c["type"] == "skill")  # type: ignore[union-attr]
    assert skill["implied"] is True and skill["spans"] == [[5, 21]]  # type: ignore[index]


def _vocabulary(name: str) -> list[dict[str, str]]:
    with (VOCABULARY_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _labels(row: dict[str, str], lang: str) -> set[str]:
    return {row[lang].casefold(), *(alt.casefold() for alt in row[f"{lang}_alt"].split("|") if alt)}


def test_the_table_refers_to_the_vocabulary() -> None:
    """Every title is an occupation label of the vocabulary in its language; every skill a
    vocabulary skill, named in the `skill` column by its label in that language; a licence word
    implies only what every licence of the vocabulary written with it evidences."""
    skills = {row["uri"]: row for row in _vocabulary("skills.csv")}
    titles = {
        (lang, label)
        for row in _vocabulary("occupations.csv")
        for lang in ("fi", "sv")
        for label in _labels(row, lang)
    }
    requirements = _vocabulary("requirements.csv")
    with TABLE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))

    assert len(rows) == len(read_table()) > 100
    for row in rows:
        assert row["kind"] in KINDS and row["lang"] in ("fi", "sv"), row
        assert row["skill"] == skills[row["skill_uri"]][row["lang"]], row
        if row["kind"] == "title":
            assert (row["lang"], row["cue"].casefold()) in titles, row
        else:
            evidenced = {
                r["esco_uri"]
                for r in requirements
                if any(
                    row["cue"] in re.split(r"[\s-]+", label) for label in _labels(r, row["lang"])
                )
            }
            assert evidenced == {row["skill_uri"]}, row
