"""Rules that keep the engine from reporting what a careful reader does not: another
language's label of the same words, language skills beside language entries, the field of a
degree, a verb read alone beside its object, participles, card skills beside their kinds."""

import pytest

from kohtaanto.extraction.context import _workplace
from kohtaanto.extraction.engine import Engine
from kohtaanto.extraction.matching import Occurrence
from kohtaanto.extraction.tests.sources import DictSource, names
from kohtaanto.extraction.text import tokenize

# name: (type, labels by language, domain, evidenced skill)
CONCEPTS: dict[str, tuple[str, dict[str, list[str]], str, str]] = {
    "cad_use": ("skill", {"fi": ["CAD-suunnittelu", "SolidWorks"]}, "", ""),
    "cmms": ("skill", {"fi": ["kunnossapitojärjestelmän käyttö", "Maximo"]}, "", ""),
    "cad_software": (
        "knowledge",
        {"fi": ["CAD-ohjelmistot"], "en": ["CAD software", "SolidWorks", "Inventor"]},
        "",
        "",
    ),
    "process": ("skill", {"fi": ["prosessinohjaus", "DCS"], "sv": ["processtyrning"]}, "", ""),
    "control": ("knowledge", {"fi": ["ohjausjärjestelmät"], "sv": ["styrsystem", "DCS"]}, "", ""),
    "spoken": (
        "skill",
        {"fi": ["suullinen englannin kielen taito", "puhua englantia", "tulkkaus"]},
        "languages",
        "",
    ),
    "mech": ("knowledge", {"fi": ["konetekniikka"], "sv": ["maskinteknik"]}, "", ""),
    "electric_motors": ("knowledge", {"sv": ["elmotorer"]}, "", ""),
    "weld": ("skill", {"fi": ["hitsaus"], "sv": ["svetsning"]}, "", ""),
    "mag": ("skill", {"fi": ["MAG-hitsaus"], "sv": ["MAG-svetsning"]}, "", ""),
    "maintenance": (
        "skill",
        {"fi": ["koneiden huolto", "huoltaa"], "sv": ["maskinunderhåll", "serva"]},
        "",
        "",
    ),
    "blades": ("skill", {"fi": ["terien huolto"], "sv": ["serva sågblad"]}, "", ""),
    "qualification": ("requirement", {"sv": ["svetsarprov"]}, "", "urn:x:weld"),
    "read_drawings": ("skill", {"fi": ["työpiirustusten lukeminen", "lukea piirustuksia"]}, "", ""),
    "drafting": ("skill", {"fi": ["teknisten piirustusten laatiminen", "piirustus"]}, "", ""),
    "read_wiring": ("skill", {"fi": ["sähköpiirustusten lukeminen"]}, "", ""),
    "adapt": ("skill", {"sv": ["anpassa"]}, "", ""),
    "springs": ("knowledge", {"sv": ["tryckfjädrar"]}, "", ""),
    "pumps": ("knowledge", {"sv": ["pumpar"]}, "", ""),
    "training": (
        "skill",
        {
            "fi": ["työntekijöiden kouluttaminen", "perehdyttää"],
            "sv": ["utbilda anställda", "utbilda"],
        },
        "",
        "",
    ),
    "steel_structures": ("knowledge", {"fi": ["teräsrakenteet"]}, "", ""),
    "subassembly": ("skill", {"fi": ["osakokoonpano"]}, "", ""),
    "milling_machines": ("knowledge", {"sv": ["fräsmaskiner", "fräsa"]}, "", ""),
    "chemistry": ("knowledge", {"fi": ["kemia"], "sv": ["kemi"]}, "", ""),
    "logistics": ("knowledge", {"fi": ["logistiikka"], "sv": ["logistik"]}, "", ""),
    "troubleshoot": ("skill", {"fi": ["vianetsintä", "troubleshooting"]}, "", ""),
    "picking": ("skill", {"fi": ["keräily"]}, "", ""),
    "voice_picking": ("skill", {"fi": ["äänikeräily", "ääniohjaus"]}, "", ""),
    "recruit": (
        "skill",
        {
            "fi": ["henkilöstön rekrytointi", "rekrytointi"],
            "sv": ["rekrytera personal", "rekrytering"],
        },
        "",
        "",
    ),
    # an alternative label that names a kind of troubleshooting, though the concept is not one
    "hydraulics": (
        "skill",
        {"fi": ["hydrauliikan kunnossapito", "hydrauliikan vianetsintä"]},
        "",
        "",
    ),
    "product_design": (
        "skill",
        {"fi": ["tuotesuunnittelu", "tuotekehitys"], "sv": ["produktdesign", "produktutveckling"]},
        "",
        "",
    ),
    "shifts": ("skill", {"fi": ["vuorotyö"], "sv": ["skiftarbete", "tvåskift", "skift"]}, "", ""),
    "materials_management": ("skill", {"fi": ["materiaalien hallinta"]}, "", ""),
    "composites": ("knowledge", {"fi": ["komposiittimateriaalit"]}, "", ""),
    "python": (
        "knowledge",
        {"fi": ["Python-ohjelmointi", "Python"], "sv": ["Python-programmering"]},
        "data",
        "",
    ),
    "winding": ("skill", {"sv": ["linda spolar", "lindning"]}, "", ""),
    "ms_access": ("knowledge", {"en": ["Microsoft Access", "Access"]}, "", ""),
    "game_engine": ("knowledge", {"en": ["RAGE (game engine)", "Rage"]}, "", ""),
    "anger": ("skill", {"en": ["manage anger", "rage"]}, "", ""),
    "welding_en": ("skill", {"en": ["weld metal", "welding"]}, "", ""),
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(DictSource(CONCEPTS))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a Finnish label: not also the English label's concept
        ("Teen 3D-malleja SolidWorksilla.", "fi", {"cad_use"}),
        ("SolidWorks on päivittäinen työkalu.", "fi", {"cad_use"}),
        # an abbreviation that is a Finnish label and a Swedish one
        ("Ajoin prosessia DCS:llä.", "fi", {"process"}),
        # ... and under a Finnish case ending written without a colon; a word in capitals
        # with no ending is no abbreviation of it
        ("Ajoin prosessia DCSillä.", "fi", {"process"}),
        ("Kirjaan tiedot DCSiin.", "fi", {"process"}),
        ("Prosessia ajettiin DCSxyz-paneelista.", "fi", set()),
        ("Erfarenhet av DCS krävs.", "sv", {"control"}),
        # only another language has the word: its concept is found
        ("Piirrän Inventorilla.", "fi", {"cad_software"}),
        # the illative lengthens a name's last vowel
        ("Kirjaan työtilaukset Maximoon.", "fi", {"cmms"}),
        # a loan word in lower case with a Finnish ending, where it is no Finnish word
        ("Tein troubleshootingia linjalla.", "fi", {"troubleshoot"}),
    ],
)
def test_a_label_of_the_texts_language_wins_over_another_languages_label(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


def test_a_language_skill_is_the_language_entry_where_the_text_states_the_language(
    engine: Engine,
) -> None:
    result = engine.extract("Puhun englantia työkielenä.", "fi")

    assert "spoken" not in names(result)
    assert [entry.code for entry in result.languages] == ["en"]
    # no language stated: the skill of the languages domain is reported
    assert names(engine.extract("Teen tulkkausta.", "fi")) == {"spoken"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Valmistuin konetekniikan perustutkinnosta 2023.", "fi", set()),
        ("Edellytämme konetekniikan insinöörin tutkintoa.", "fi", set()),
        ("Opiskelen konetekniikkaa kolmatta vuotta.", "fi", set()),
        ("Ingenjörsexamen inom maskinteknik förutsätts.", "sv", set()),
        # the field is one of a list of first parts before the degree
        ("Edellytämme kone-, sähkö-, automaatio- tai energiatekniikan tutkintoa.", "fi", set()),
        ("Hallitset kone-, sähkö- ja energiatekniikan perusteet.", "fi", {"mech"}),
        # the field asked for by itself
        ("Tarvitsemme konetekniikan osaamista.", "fi", {"mech"}),
        ("Goda kunskaper i maskinteknik.", "sv", {"mech"}),
        # a skill a degree is in stays: the qualification certifies it
        ("Minulla on hitsauksen ammattitutkinto.", "fi", {"weld"}),
        # a tool or programming language studied is learnt for use, no field of studies
        ("Olen opiskellut Python-ohjelmointia kansalaisopistossa.", "fi", {"python"}),
        ("Opiskelen Pythonia iltaisin.", "fi", {"python"}),
        ("Jag har studerat Python-programmering på distans.", "sv", {"python"}),
    ],
)
def test_knowledge_named_as_the_field_of_a_degree_is_not_reported(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Asentajana huollat teriä.", "fi", {"blades"}),
        ("Som montör servar du sågblad.", "sv", {"blades"}),
        # without the object, the verb alone names the general skill
        ("Asentajana huollat koneita.", "fi", {"maintenance"}),
        ("Som montör servar du maskiner.", "sv", {"maintenance"}),
    ],
)
def test_a_verb_that_makes_a_label_with_its_object_is_not_also_read_alone(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Eduksi katsotaan hitsattujen rakenteiden suunnittelukokemus.", "fi", set()),
        ("Erfarenhet av PDM-system och svetsade konstruktioner.", "sv", set()),
        # the person does it
        ("Olen hitsannut rakenteita viisi vuotta.", "fi", {"weld"}),
        ("Jag svetsade rör på varvet.", "sv", {"weld"}),
        # the verb of an inverted clause, its subject after it
        ("Tidigare svetsade jag rör på varvet.", "sv", {"weld"}),
        ("På varvet svetsade vi rör.", "sv", {"weld"}),
    ],
)
def test_a_participle_before_a_noun_is_not_the_skill(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


def test_a_cards_skill_gives_way_to_the_kind_the_text_names(engine: Engine) -> None:
    assert names(engine.extract("Kursen i MAG-svetsning slutar med svetsarprov.", "sv")) == {
        "mag",
        "qualification",
    }
    # alone, the card implies the general skill
    result = engine.extract("Svetsarprov krävs.", "sv")
    assert names(result) == {"qualification", "weld"}
    assert next(m for m in result.concepts if m.uri == "urn:x:weld").implied


def test_a_general_skill_gives_way_only_to_a_kind_by_the_kinds_own_name(engine: Engine) -> None:
    # "hydrauliikan vianetsintä" is only an alternative label of hydraulic maintenance: found
    # as "kunnossapitoa", it does not hide troubleshooting
    text = "Teen hydrauliikan kunnossapitoa. Myös vianetsintä on tuttua."
    assert names(engine.extract(text, "fi")) == {"hydraulics", "troubleshoot"}
    # a kind by its own name still does
    assert names(engine.extract("Hitsaus on tuttua, teen MAG-hitsausta.", "fi")) == {"mag"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a training that recruits its participants does not teach recruiting
        ("Rekrytointikoulutus alkaa syksyllä.", "fi", set()),
        ("Rekryteringsutbildningen börjar i höst.", "sv", set()),
        # what a training teaches is its first part
        ("Hitsauskoulutus alkaa syksyllä.", "fi", {"weld"}),
        ("Svetsningsutbildningen börjar i höst.", "sv", {"weld"}),
        # the same said with a present participle
        ("Rekrytoiva koulutus alkaa syksyllä.", "fi", set()),
        ("Rekrytoivassa koulutuksessa opit hitsausta.", "fi", {"weld"}),
        # (the welder it trains names the welding)
        ("Rekryterande utbildning till svetsare.", "sv", {"weld"}),
        # recruiting named by itself
        ("Hoidan rekrytointia.", "fi", {"recruit"}),
    ],
)
def test_a_training_named_for_what_it_does_to_its_participants_is_not_that_skill(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


def test_a_general_skill_gives_way_only_to_a_kind_written_with_its_word(engine: Engine) -> None:
    # voice picking found as "ääniohjauksella" does not say which picking the text means
    assert names(engine.extract("Teen keräilyä ääniohjauksella.", "fi")) == {
        "picking",
        "voice_picking",
    }
    # written as a kind of picking, it is the kind
    assert names(engine.extract("Teen keräilyä, nykyään äänikeräilyä.", "fi")) == {"voice_picking"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the object a compound with the label's noun as head: reading, not drafting
        ("Edellytämme kykyä lukea konepajapiirustuksia.", {"read_drawings"}),
        ("Laadin konepajapiirustuksia.", {"drafting"}),
        # a compound that is a label's object itself keeps its own label
        ("Osaan lukea sähköpiirustuksia.", {"read_wiring"}),
    ],
)
def test_a_verb_with_a_compound_object_is_read_by_the_compounds_head(
    engine: Engine, text: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, "fi")) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Kemian tehtaallamme tarvitaan lisää väkeä.", "fi", set()),
        ("Haemme suunnittelijaa konepajamme tuotekehitykseen.", "fi", set()),
        ("Vi söker en konstruktör till produktutvecklingen.", "sv", set()),
        # the same words as what the work is
        ("Tarvitsemme kemian osaamista.", "fi", {"chemistry"}),
        ("Erfarenhet av logistik krävs.", "sv", {"logistics"}),
        ("Tehtaallamme tuotekehitys on tärkeää.", "fi", {"product_design"}),
        ("Du har arbetat med produktutveckling.", "sv", {"product_design"}),
    ],
)
def test_a_workplace_industry_or_department_is_not_the_skill(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "department"),
    [
        ("Vi söker en konstruktör till produktutvecklingen.", True),
        # the machine an operator is sought for is what the work is
        ("Vi söker en operatör till längdskärmaskinen.", False),
        ("Vi söker en maskinskötare till wellpappmaskinen.", False),
        ("Vi söker en operatör till kantpressen.", False),
    ],
)
def test_what_follows_till_is_a_department_unless_it_is_a_machine(
    text: str, department: bool
) -> None:
    tokens = tokenize(text, "sv")
    word = tokens[5]

    assert _workplace(tokens, Occurrence((word.start, word.end), 0.9, 5), "sv") is department


def test_the_first_part_of_a_workplace_compound_is_not_the_skill() -> None:
    tokens = tokenize("Vi söker lagerarbetare till vår logistikcentral.", "sv")
    word = tokens[5]
    # "logistik" in "logistikcentral"; the whole word would be a label of its own
    assert _workplace(tokens, Occurrence((word.start, word.start + 8), 0.5, 5), "sv")
    assert not _workplace(tokens, Occurrence((word.start, word.end), 0.9, 5), "sv")


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Kokemusta ei tarvita, perehdytämme.", "fi", set()),
        ("Ingen erfarenhet? Vi utbildar dig på plats.", "sv", set()),
        # the person's own action, and a noun with our possessive ending
        ("Osaan perehdyttää uusia työntekijöitä.", "fi", {"training"}),
        ("Jag utbildar nya medarbetare.", "sv", {"training"}),
        ("Tuotekehityksemme on Kokkolassa.", "fi", {"product_design"}),
        # the object after an inverted "vi" is no verb of ours
        ("Här kör vi tvåskift.", "sv", {"shifts"}),
    ],
)
def test_the_employers_own_action_is_not_a_skill(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Förmannen som utbildade mig var noggrann.", "sv", set()),
        ("Minut perehdytti työnjohtaja.", "fi", set()),
        ("Työnjohtaja perehdytti minut ja kaksi muuta.", "fi", set()),
        # the writer's own action, and a Swedish "mig" after "jag" (reflexive)
        ("Perehdytin itse kaksi kesätyöntekijää.", "fi", {"training"}),
        ("Jag anpassar mig snabbt.", "sv", {"adapt"}),
        # a Finnish passive of teaching: the employer trains its staff
        ("Uudet työntekijät perehdytetään huolellisesti.", "fi", set()),
        # ... and a Swedish one
        ("Nya medarbetare utbildas på plats.", "sv", set()),
        ("Alla nya medarbetare lärs upp av förmannen.", "sv", set()),
        # ... but one the writer does is the writer's
        ("Nya medarbetare utbildas av mig.", "sv", {"training"}),
        ("Perehdytän uudet työntekijät.", "fi", {"training"}),
        ("Nu utbildar jag nya, men Kalle utbildade mig.", "sv", {"training"}),
    ],
)
def test_what_was_done_to_the_writer_is_not_the_writers_skill(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Työ painottuu teräsrakenteiden osakokoonpanoon.", {"subassembly"}),
        # the knowledge named by itself, and not right before the skill
        ("Tunnen teräsrakenteet hyvin.", {"steel_structures"}),
        (
            "Teräsrakenteiden tuntemus ja osakokoonpano ovat tuttuja.",
            {"steel_structures", "subassembly"},
        ),
    ],
)
def test_knowledge_named_only_as_what_a_skill_works_on_is_not_reported(
    engine: Engine, text: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, "fi")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jag fräser både manuellt och med CNC.", set()),
        ("Som maskinarbetare fräser du detaljer.", set()),
        # the knowledge named as a noun
        ("Kunskap om fräsmaskiner är ett krav.", {"milling_machines"}),
        ("Han pumpar vatten ur gropen.", set()),
        # plural nouns the lemmatiser reads as verbs: a compound, a word after a preposition
        ("Vi tillverkar tryckfjädrar.", {"springs"}),
        ("Kunskap om pumpar behövs.", {"pumps"}),
    ],
)
def test_a_swedish_verb_is_not_a_knowledge_concept(
    engine: Engine, text: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, "sv")) == expected


def test_mastering_a_subject_is_not_managing_it(engine: Engine) -> None:
    # "hallita" says a skill is mastered: no materials management from "hallitset … materiaalien"
    result = engine.extract("Hallitset komposiittimateriaalien ominaisuudet.", "fi")
    managed = engine.extract("Vastaat materiaalien hallinnasta.", "fi")

    assert names(result) == {"composites"}
    assert names(managed) == {"materials_management"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Työ on kaksivuorotyötä.", "fi", {"shifts"}),
        ("Työ on yksivuorotyötä.", "fi", set()),
        ("Arbetet sker i tvåskift.", "sv", {"shifts"}),
        ("Arbetet sker i dagskift.", "sv", set()),
    ],
)
def test_one_shift_is_no_shift_work(engine: Engine, text: str, lang: str, expected: set) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "diesel" + "motor", not "dies" + "elmotor"
        ("Jag har gjort service på dieselmotorer.", set()),
        ("Byte av elmotorer och pumpar.", {"electric_motors"}),
        ("Reparation av fläktelmotorer.", {"electric_motors"}),
    ],
)
def test_a_short_first_part_does_not_borrow_the_labels_start(
    engine: Engine, text: str, expected: set
) -> None:
    assert names(engine.extract(text, "sv")) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Nordic Logistik Ab söker chaufförer.", "sv", set()),
        ("Kokkolan Logistiikka & Huolto Oy hakee kuljettajia.", "fi", set()),
        # the same word outside a company's name
        ("Jag har arbetat med logistik i tio år.", "sv", {"logistics"}),
        ("Logistiikka on minulle tuttua, olen ollut Oy:n palveluksessa.", "fi", {"logistics"}),
    ],
)
def test_a_companys_name_is_no_skill(engine: Engine, text: str, lang: str, expected: set) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in running text, or a first name before a surname, is no verb
        ("Jag heter Linda och söker jobb i Jakobstad.", set()),
        ("Linda Holm har arbetat i Jakobstad i fem år.", set()),
        ("CV – Linda Björkqvist, Kronoby.", set()),
        ("Kalmar å Linde maskinerna e bekanta.", set()),
        # the verb itself, in lower case or starting its sentence or line
        ("Jag kan linda om motorer.", {"winding"}),
        ("Linda spolar och montera motorer.", {"winding"}),
        ("Arbetsuppgifter:\nLinda och testa motorer.", {"winding"}),
        ("Lindning av spolar.", {"winding"}),
    ],
)
def test_a_capitalised_name_in_running_text_is_not_read_as_a_verb(
    engine: Engine, text: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, "sv")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label written as a name names its concept in English only capitalised
        ("You will have access to a company car.", set()),
        ("I build the monthly reports in Access.", {"ms_access"}),
        ("Access is the database we use.", {"ms_access"}),
        # ... and where another concept has the word in lower case, that one is meant
        ("I can calm rage in angry customers.", {"anger"}),
        ("Levels were built with Rage.", {"game_engine", "anger"}),
        # a label in lower case is found however the text writes it
        ("Welding and assembly.", {"welding_en"}),
        ("I did welding for years.", {"welding_en"}),
    ],
)
def test_an_english_name_label_names_its_concept_only_capitalised(
    engine: Engine, text: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, "en")) == expected
