"""Word forms a label is also written in, worker nouns, and the most specific concept."""

import pytest

from kohtaanto.extraction.engine import Engine
from kohtaanto.extraction.tests.sources import DictSource, names
from kohtaanto.extraction.text import lemmatize, tokenize
from kohtaanto.extraction.word_forms import label_lemmas, starts_with_verb

SKILLS = {
    "weld": ("skill", {"fi": ["hitsaus"], "sv": ["svetsning"]}),
    "mag": ("skill", {"fi": ["MAG-hitsaus"], "sv": ["MAG-svetsning"]}),
    "mig": ("skill", {"fi": ["MIG-hitsaus"], "sv": ["MIG-svetsning"]}),
    "machines": (
        "skill",
        {"fi": ["koneiden asennus"], "sv": ["installation av maskiner"]},
    ),
    "truck": ("skill", {"sv": ["truckkörning"]}),
    "formwork": ("skill", {"fi": ["muottien kasaus"]}),
    "manuals": ("skill", {"fi": ["käyttöohjeiden kirjoittaminen"]}),
    "reports": ("skill", {"fi": ["raporttien kirjoittaminen"]}),
    "tyres": ("skill", {"fi": ["vaihtaa renkaita"]}),
    "polishing": ("skill", {"fi": ["hionta"]}),
    "csharp": ("knowledge", {"fi": ["C#"], "sv": ["C#"]}),
    "devices": ("skill", {"fi": ["laiteasennus"]}),
    "valves": ("skill", {"sv": ["underhåll av ventiler"]}),
    "chemistry": ("knowledge", {"fi": ["kemia"]}),
    "analytical": ("knowledge", {"fi": ["analyyttinen kemia"]}),
    "welder": ("occupation", {"fi": ["hitsaaja"], "sv": ["svetsare"]}),
    "electrical": ("skill", {"fi": ["sähköasennus"]}),
    "automation": ("skill", {"fi": ["automaatioasennus"]}),
    "assembly": ("skill", {"sv": ["maskinmontering"]}),
    "pneumatic": ("skill", {"sv": ["montera pneumatik"]}),
    "drawings": ("skill", {"fi": ["lukea piirustuksia"]}),
    "ovens": ("skill", {"fi": ["uunien valvonta"]}),
    "process": ("skill", {"fi": ["prosessin valvonta"]}),
    "ships": ("skill", {"fi": ["lastata laivoja"]}),
    "valve repair": ("skill", {"sv": ["reparation av ventiler"]}),
    "demolition": ("skill", {"sv": ["rivning"]}),
    "loading": ("skill", {"sv": ["lastning"]}),
    "sensors": ("knowledge", {"sv": ["givare"]}),
    "el": ("skill", {"sv": ["elinstallation"]}),
    "hvac": ("skill", {"sv": ["VVS-installation"]}),
    "faults": ("skill", {"fi": ["etsiä vikoja"]}),
    "electrical devices": ("skill", {"fi": ["sähkölaitteiden asennus"]}),
    "automation devices": ("skill", {"fi": ["automaatiolaitteiden asennus"]}),
    # Swedish words simplemma does not know
    "extruder": ("skill", {"sv": ["extruder"]}),
    "helpdesk": ("skill", {"sv": ["helpdesk"]}),
    "pellet press": ("skill", {"sv": ["pelletspress"]}),
    # and Finnish ones
    "counterbalance truck": ("skill", {"fi": ["vastapainotrukki"]}),
    "rigging": ("skill", {"fi": ["nostoapuväline"]}),
    # a one-word label of a compound that also begins a two-word label
    "electrical equipment": ("knowledge", {"fi": ["sähkölaitteet"]}),
}


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(DictSource(SKILLS))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an "<object> <action>" label written as one compound word
        ("Teen koneasennuksia tehtailla.", "fi", {"machines"}),
        ("Erfarenhet av maskininstallationer och ventilunderhåll.", "sv", {"machines", "valves"}),
        # an action noun label said with the verb's "-minen" noun
        ("Vastaan koneiden asentamisesta.", "fi", {"machines"}),
        # a compound label written as words
        ("Teen laitteiden asennuksia.", "fi", {"devices"}),
        ("Vi behöver installation av maskiner.", "sv", {"machines"}),
        # a Swedish "<action> av <object>" label said with its verb
        ("Jag installerar maskiner.", "sv", {"machines"}),
        ("Jag har installerat maskiner och underhållit ventiler.", "sv", {"machines", "valves"}),
        # a compound label ending in an action noun, said with its verb and object
        ("Jag kör truck varje dag.", "sv", {"truck"}),
        # "kasaus" is said with its verb "kasata", in the third infinitive too
        ("Opit kasaamaan muotit ja valamaan betonin.", "fi", {"formwork"}),
        ("Kasasin muotteja kolme vuotta.", "fi", {"formwork"}),
        # a first-person past simplemma reads as a noun ("kirjoitin" a printer, "vaihdoin" →
        # "vaihto", "hioin" as it is) is its verb where a label's verb is that verb
        ("Kirjoitin raportteja.", "fi", {"reports"}),
        ("Vaihdoin renkaita.", "fi", {"tyres"}),
        ("Hioin pintoja.", "fi", {"polishing"}),
        # a two-character label with a sign in it names something ("C#"; "C" alone does not)
        ("Koodaan Pythonilla ja C#:lla.", "fi", {"csharp"}),
        ("Jag kan C# och lite C.", "sv", {"csharp"}),
    ],
)
def test_a_label_is_found_in_its_other_written_forms(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Teen sähkö- ja automaatioasennuksia.", "fi", {"electrical", "automation"}),
        ("Vi söker montörer till maskin- och utrustningsmonteringar.", "sv", {"assembly"}),
        # MIG/MAG names both kinds, in Swedish too (where "mig" is a pronoun)
        ("Jag kan MIG/MAG-svetsning.", "sv", {"mig", "mag"}),
        ("Osaan MIG/MAG-hitsauksen.", "fi", {"mig", "mag"}),
        # the partner is itself hyphenated and the label is one word
        ("Montörerna gör el- och VVS-installationer i båtarna.", "sv", {"el", "hvac"}),
        # the compound is the first word of a two-word label
        (
            "Teet sähkö- ja automaatiolaitteiden asennuksia.",
            "fi",
            {"electrical devices", "automation devices"},
        ),
        # the front of a compound before the conjunction is shared with a head after it
        ("Hoidamme laitekaupan ja -asennuksen.", "fi", {"devices"}),
        # three first parts: each takes the head of the last word, not of the next first part
        (
            "Teen sähkö-, automaatio- ja koneasennuksia.",
            "fi",
            {"electrical", "automation", "machines"},
        ),
        (
            "Teet automaatio-, kone- ja sähkölaitteiden asennuksia.",
            "fi",
            {"electrical devices", "automation devices"},
        ),
        # the object of a verb and object label, its head written once after it
        ("Kirjoitat ja päivität käyttö- ja huolto-ohjeita.", "fi", {"manuals"}),
    ],
)
def test_a_coordinated_compound_lends_its_head_to_the_part_before_it(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Du monterar hydraulik, pneumatik och mekaniska helheter.", "sv", {"pneumatic"}),
        ("Luen sujuvasti piirustuksia.", "fi", {"drawings"}),
        ("Lastaan usein laivoja.", "fi", {"ships"}),  # a verb in -ta
        # a duration between them does not count in the reach
        ("Olen lastannut 14 vuotta isoja laivoja.", "fi", {"ships"}),
        # present tenses simplemma reads as nouns ("etsin" a search engine, "etsivät" detectives)
        ("Etsin vikoja.", "fi", {"faults"}),
        ("Asentajat etsivät vikoja.", "fi", {"faults"}),
    ],
)
def test_a_verb_and_object_label_is_found_with_words_between_them(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


def test_a_verb_and_object_pair_is_in_the_clause_of_its_object(engine: Engine) -> None:
    """ "Lastasin rekkoja, joten laivoja en ole lastannut": the verb of the first clause reaches
    the object of the second; the pair is negated with the object's clause, not read as done."""
    result = engine.extract("Lastasin rekkoja, joten laivoja en ole lastannut.", "fi")

    assert names(result) == set()
    assert {m.uri.rsplit(":", 1)[1] for m in result.negated} == {"ships"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Tehtäviin kuuluu uunien ja jäähdytyslinjan valvonta.", "fi", {"ovens"}),
        # a comma before them joins a word in another form, which is not coordinated with them
        ("Tehtäviin kuuluu kaapelointi, uunien ja jäähdytyslinjan valvonta.", "fi", {"ovens"}),
        # two nominatives end differently but are in the same form
        ("Vastaat prosessin ajo ja valvonta -tehtävistä.", "fi", {"process"}),
        ("Lastaan ja puran laivoja.", "fi", {"ships"}),
        ("Jag gör reparation av pumpar och ventiler.", "sv", {"valve repair"}),
    ],
)
def test_coordinated_words_share_a_head_object_or_front(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hallitsen uunit ja jäähdytyslinjan valvonnan.",  # not the genitive of "valvonta"
        "Tunnen uunit. Jäähdytyslinjan valvonta on minulle tuttua.",
    ],
)
def test_words_not_coordinated_with_the_head_do_not_share_it(engine: Engine, text: str) -> None:
    assert "ovens" not in names(engine.extract(text, "fi"))


@pytest.mark.parametrize(
    ("label", "expected"),
    [("lastata laivoja", True), ("palvella asiakkaita", True), ("neuvonta konevioissa", False)],
)
def test_a_finnish_label_starts_with_a_verb(label: str, expected: bool) -> None:
    assert starts_with_verb(tokenize(label, "fi"), "fi") is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi söker en rivare.", {"demolition"}),
        ("Du läser av färdskrivaren.", set()),  # a "skrivare", not a "rivare"
        ("Du kör hjulrivare.", {"demolition"}),
        ("Du kör hjullastare.", set()),  # a machine, not who loads
    ],
)
def test_a_worker_noun_is_the_longest_end_made_from_a_verb(
    engine: Engine, text: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, "sv")) == expected


def test_a_prefixed_word_is_no_compound_of_the_label_at_its_end(engine: Engine) -> None:
    # "be" + "skrivning", not "besk" (a word too) + "rivning"
    text = "En ritning förstår jag bättre än en skriftlig beskrivning."

    assert names(engine.extract(text, "sv")) == set()
    assert names(engine.extract("Rivning av gamla hallar.", "sv")) == {"demolition"}


def test_a_swedish_worker_noun_names_the_work(engine: Engine) -> None:
    result = engine.extract("Vi söker en erfaren svetsare.", "sv")

    assert names(result) == {"welder", "weld"}
    weld = next(m for m in result.concepts if m.uri == "urn:x:weld")
    # weaker than the word written out
    assert weld.score < next(m for m in result.concepts if m.uri == "urn:x:welder").score


def test_finnish_worker_nouns_are_the_occupation_only(engine: Engine) -> None:
    assert names(engine.extract("Haemme kokenutta hitsaajaa.", "fi")) == {"welder"}


def test_the_general_skill_gives_way_to_the_kind_the_text_names(engine: Engine) -> None:
    assert names(engine.extract("Hitsaus ja erityisesti MAG-hitsaus.", "fi")) == {"mag"}
    assert names(engine.extract("Jag kan svetsning, mest MAG-svetsning.", "sv")) == {"mag"}
    assert names(engine.extract("Analyyttinen kemia ja kemia.", "fi")) == {"analytical"}
    # alone, the general skill stays
    assert names(engine.extract("Osaan hitsauksen.", "fi")) == {"weld"}


def test_a_negated_kind_does_not_remove_the_general_skill(engine: Engine) -> None:
    result = engine.extract("Osaan hitsauksen, mutta MAG-hitsausta en ole tehnyt.", "fi")

    assert names(result) == {"weld"}
    assert {m.uri for m in result.negated} == {"urn:x:mag"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vi monterar givare.", {"sensors"}),
        ("Vi monterar trycksgivare.", {"sensors"}),
        ("Arbetsgivaren betalar kursen.", set()),  # an employer is no sensor
        ("Rådgivaren ringer dig.", set()),
    ],
)
def test_a_word_that_means_something_else_is_not_read_by_its_last_part(
    engine: Engine, text: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, "sv")) == expected


NEGATION_CONCEPTS = {
    "cnc": ("skill", {"fi": ["koneiden ohjelmointi"]}),
    "upholstery": ("skill", {"fi": ["verhoilu", "verhoilla"]}),
    "cad": ("skill", {"fi": ["CAD-suunnittelu"]}),
    "electrical_design": ("skill", {"fi": ["sähkösuunnittelu"]}),
    "weld": ("skill", {"fi": ["hitsaus"]}),
    "turn": ("skill", {"fi": ["sorvaus"]}),
}


@pytest.mark.parametrize(
    ("text", "found", "negated"),
    [
        # the object before the cue, the negated verb after it, spoken forms
        ("CNC-koneita en oo ohjelmoinu.", set(), {"cnc"}),
        # a second negation adds another object: the one before the first cue is negated too
        ("CNC-koneita en oo ohjelmoinu enkä oo verhoillu.", set(), {"cnc", "upholstery"}),
        (
            "CAD-suunnittelua en oo tehny enkä sähkösuunnittelua.",
            set(),
            {"cad", "electrical_design"},
        ),
        # "enkä" as the first cue negates only what follows it
        ("Hitsaan paljon enkä ole koskaan sorvannut.", {"weld"}, {"turn"}),
    ],
)
def test_a_negated_verb_after_its_object_and_a_second_negation(
    text: str, found: set[str], negated: set[str]
) -> None:
    result = Engine(DictSource(NEGATION_CONCEPTS)).extract(text, "fi")

    assert names(result) == found
    assert {m.uri.rsplit(":", 1)[1] for m in result.negated} == negated


LIST_CONCEPTS = {
    "haccp": ("skill", {"fi": ["HACCP"]}),
    "self_monitoring": ("skill", {"fi": ["omavalvonta", "HACCP-omavalvonta"]}),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of two things is not the label their words make together
        ("Osaaminen: HACCP, omavalvonta, trukki.", {"haccp", "self_monitoring"}),
        ("Osaan HACCP-omavalvonnan.", {"self_monitoring"}),
    ],
)
def test_a_label_is_not_read_across_a_comma(text: str, expected: set[str]) -> None:
    assert names(Engine(DictSource(LIST_CONCEPTS)).extract(text, "fi")) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Du sköter krossen och extrudern.", "sv", {"extruder"}),
        ("Jag har jobbat på helpdesken i fem år.", "sv", {"helpdesk"}),
        ("Linjen har två pelletspressar.", "sv", {"pellet press"}),
        ("Vastapainotrukkia olen ajanut paljon.", "fi", {"counterbalance truck"}),
        ("Perehdytämme nostoapuvälineisiin.", "fi", {"rigging"}),
    ],
)
def test_a_word_the_lemmatiser_does_not_know_is_read_in_its_inflected_forms(
    engine: Engine, text: str, lang: str, expected: set[str]
) -> None:
    assert names(engine.extract(text, lang)) == expected


PARTICLE_CONCEPTS = {
    "remove_windshields": ("skill", {"sv": ["ta bort vindrutor"]}),
    "follow_up_deliveries": ("skill", {"sv": ["följa upp leveranser"]}),
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jag tar bort vindrutor.", {"remove_windshields"}),
        # an adjective between the particle verb and its object
        ("Jag tar bort gamla vindrutor.", {"remove_windshields"}),
        # ... but not a phrase
        ("Hon följer upp affärerna efter leveranser.", set()),
    ],
)
def test_a_swedish_particle_verb_is_read_past_an_adjective_before_its_object(
    text: str, expected: set[str]
) -> None:
    assert names(Engine(DictSource(PARTICLE_CONCEPTS)).extract(text, "sv")) == expected


PASSIVE_CONCEPTS = {
    **PARTICLE_CONCEPTS,
    "assemble_freight_trains": ("skill", {"sv": ["sätta ihop godståg"]}),
    "secure_cargo": ("skill", {"sv": ["spänna fast lasten"]}),
    "cordon_off": ("skill", {"sv": ["spärra av området"]}),
    "screw_together": ("skill", {"sv": ["skruva ihop"]}),
}


@pytest.mark.parametrize(
    ("text", "expected", "negated"),
    [
        # the s-passive writes the object first, the particle stays after the verb
        ("Godstågen sätts ihop på bangården.", {"assemble_freight_trains"}, set()),
        ("Lasten spänns fast med spännband.", {"secure_cargo"}, set()),
        ("Området spärras av före lyftet.", {"cordon_off"}, set()),
        # ... with words between the object and the verb, in the past and with a modal verb
        ("Vindrutor i gamla bussar togs bort.", {"remove_windshields"}, set()),
        ("Godståg sattes ihop varje natt.", {"assemble_freight_trains"}, set()),
        ("Lasten ska alltid spännas fast.", {"secure_cargo"}, set()),
        ("Godståg kan inte sättas ihop här.", set(), {"assemble_freight_trains"}),
        # not across a clause, not without the particle
        ("Lasten är lätt, som spänns fast.", set(), set()),
        ("Godstågen sätts på spåret.", set(), set()),
        # a particle follows its verb: "ihop" of one clause is not the next clause's
        ("Delarna skruvas ihop.", {"screw_together"}, set()),
        ("Fönstren sätts ihop, karmarna skruvas fast.", set(), set()),
    ],
)
def test_a_swedish_passive_particle_verb_is_read_with_its_object_before_it(
    text: str, expected: set[str], negated: set[str]
) -> None:
    result = Engine(DictSource(PASSIVE_CONCEPTS)).extract(text, "sv")
    assert names(result) == expected
    assert {m.uri.rsplit(":", 1)[1] for m in result.negated} == negated


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("skruvades", "skruva"),
        ("kördes", "köra"),
        ("ställdes", "ställa"),
        ("byggdes", "bygga"),
        ("sattes", "sätta"),
        ("spändes", "spänna"),
        ("glömdes", "glömma"),
        ("togs", "ta"),
        # not a word that only ends so
        ("updates", "updates"),
    ],
)
def test_a_swedish_past_passive_is_read_as_its_verb(word: str, lemma: str) -> None:
    assert lemmatize(word, "sv") == lemma


def test_a_labels_inflected_last_word_is_read_by_its_lemma() -> None:
    """ "mittaukset yleismittarilla" is found in "Tein mittauksia yleismittarilla" as the text's
    words are read by their lemmas; a one-word compound simplemma cuts short ("parvekelasitus"
    → "parvekelasi") keeps its written form."""
    engine = Engine(
        DictSource(
            {
                "meter": ("skill", {"fi": ["mittaukset yleismittarilla"]}),
                "wash": ("skill", {"sv": ["tvätta maskinerna"]}),
            }
        )
    )

    assert label_lemmas(tokenize("asentaa koneita", "fi")) == ("asentaa", "kone")
    assert label_lemmas(tokenize("parvekelasitus", "fi")) == ("parvekelasitus",)
    assert names(engine.extract("Tein mittauksia yleismittarilla.", "fi")) == {"meter"}
    assert names(engine.extract("Jag tvättade maskinerna varje dag.", "sv")) == {"wash"}


PRONOUN_CONCEPTS = {
    "draw_diagrams": ("skill", {"fi": ["piirtää kytkentäkaavioita"]}),
    "test_pumps": ("skill", {"sv": ["testa pumpar"]}),
}


@pytest.mark.parametrize(
    ("text", "lang", "expected", "negated"),
    [
        # the pronoun after the verb stands for the object named before it, out of the verb's
        # own reach
        (
            "Luen kytkentäkaavioita työmaalla päivittäin ja piirrän ne itse.",
            "fi",
            {"draw_diagrams"},
            set(),
        ),
        ("Jag reparerar pumpar i fabriken och testar dem efteråt.", "sv", {"test_pumps"}, set()),
        ("Pumpar reparerar vi varje vecka och testar dem sedan.", "sv", {"test_pumps"}, set()),
        # ... negated with the verb's clause
        (
            "Luen kytkentäkaavioita työmaalla päivittäin, mutta en piirrä niitä itse.",
            "fi",
            set(),
            {"draw_diagrams"},
        ),
        # a postposition makes "sen" no object; a Swedish "den" before an adjective is an article
        (
            "Luin kytkentäkaavioita koulussa kolme vuotta ja piirrän sen jälkeen.",
            "fi",
            set(),
            set(),
        ),
        ("Jag reparerar pumpar i fabriken och testar den nya motorn.", "sv", set(), set()),
        # no object named before the pronoun
        ("Saan piirustukset työnjohtajalta ja piirrän ne itse.", "fi", set(), set()),
    ],
)
def test_an_object_pronoun_after_a_verb_stands_for_the_object_named_before_it(
    text: str, lang: str, expected: set[str], negated: set[str]
) -> None:
    result = Engine(DictSource(PRONOUN_CONCEPTS)).extract(text, lang)
    assert names(result) == expected
    assert {m.uri.rsplit(":", 1)[1] for m in result.negated} == negated
