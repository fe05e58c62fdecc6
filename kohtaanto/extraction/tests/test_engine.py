"""The lexical engine on the Finnish cases that matter, and on Swedish and English."""

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from kohtaanto.extraction.engine import Engine, ExtractionResult, Mention, extract
from kohtaanto.extraction.sources import ConceptRecord, RelationRecord
from kohtaanto.extraction.vocabulary_csv import VocabularySource
from kohtaanto.taxonomy.tests.factories import ConceptFactory

pytestmark = pytest.mark.usefixtures("concepts")


def found(result: ExtractionResult, text: str) -> dict[str, list[str]]:
    """Label → the text of its spans, for what the text says the person has."""
    return {m.label: [text[s:e] for s, e in m.spans] for m in result.concepts}


def labels(mentions: list[Mention]) -> set[str]:
    return {m.label for m in mentions}


def occupations(result: ExtractionResult) -> set[str]:
    return {m.label for m in result.concepts if m.type == "occupation"}


def negated_only(result: ExtractionResult) -> set[str]:
    """The labels a result reports as negated and not also as found."""
    return labels(result.negated) - labels(result.concepts)


def test_inflected_finnish_word_matches_its_lemma() -> None:
    text = "Minulla on viiden vuoden kokemus hitsauksesta ja koneistuksesta."
    result = extract(text)

    assert result.lang == "fi"
    assert found(result, text)["hitsaus"] == ["hitsauksesta"]
    assert found(result, text)["koneistus"] == ["koneistuksesta"]


def test_compound_word_gives_its_head_and_modifier() -> None:
    text = "Olen tehnyt robottihitsauksia kolme vuotta."
    result = extract(text)

    assert found(result, text)["hitsaus"] == ["hitsauksia"]
    assert found(result, text)["robotti"] == ["robotti"]
    # a part of a word is weaker evidence than the word itself
    assert all(m.score < 0.9 for m in result.concepts)


def test_hyphenated_form_matches_the_longest_label_only() -> None:
    text = "Hallitsen CNC-koneistuksen."
    result = extract(text)

    assert found(result, text) == {"CNC-koneistus": ["CNC-koneistuksen"]}


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("CNC-ohjelmointitaitoa ei edellytetä.", "fi", "CNC-ohjelmointi"),
        ("Minulla on MIG-hitsauskokemusta.", "fi", "MIG-hitsaus"),
        ("MIG-svetsningserfarenhet krävs inte.", "sv", "MIG-svetsning"),
        ("Du har CNC-programmeringskunskaper.", "sv", "CNC-programmering"),
    ],
)
def test_a_hyphenated_label_before_a_word_for_having_the_skill(
    text: str, lang: str, label: str
) -> None:
    engine = Engine(VocabularySource())

    result = engine.extract(text, lang)

    # the label, not its second word alone ("ohjelmointi", "programmering")
    assert label in labels(result.concepts) | labels(result.negated)
    assert len(result.concepts) + len(result.negated) == 1


def test_abbreviation_matches_only_in_upper_case() -> None:
    text = "PLC:n ohjelmointi ja CAD-suunnittelu."
    result = extract(text)
    assert labels(result.concepts) == {"PLC-ohjelmointi", "CAD"}

    lower = extract("plc ja cad mainittu pienillä kirjaimilla")
    assert labels(lower.concepts) == set()


def test_standard_number_and_first_aid_code_are_found() -> None:
    text = "Sinulla on voimassa oleva SFS 6002 -kortti ja EA1."
    result = extract(text)

    assert labels(result.concepts) == {"sähköturvallisuus SFS 6002", "ensiapukortti EA1"}


def test_negated_experience_is_reported_apart() -> None:
    text = "Ei kokemusta hitsauksesta."
    result = extract(text)

    assert labels(result.concepts) == set()
    assert labels(result.negated) == {"hitsaus"}


def test_negation_before_the_cue_and_contrast_ends_its_scope() -> None:
    text = "Hitsauksesta minulla ei ole kokemusta, mutta koneistus sujuu."
    result = extract(text)

    assert labels(result.negated) == {"hitsaus"}
    assert labels(result.concepts) == {"koneistus"}


def test_missing_card_is_negated_but_the_other_card_is_not() -> None:
    text = "Minulla on trukkikortti mutta ei tulityökorttia."
    result = extract(text)

    assert labels(result.concepts) == {"trukkikortti"}
    assert labels(result.negated) == {"tulityökortti"}


def test_requirement_cue_marks_mentions_as_required() -> None:
    text = "Vaatimuksena tulityökortti ja EA1-kortti. Tarjoamme koneistuskoulutusta."
    result = extract(text)

    required = {m.label: m.required for m in result.concepts}
    assert required == {"tulityökortti": True, "ensiapukortti EA1": True, "koneistus": False}


def test_heading_carries_requirement_to_its_list_until_an_empty_line() -> None:
    text = "Edellytämme:\n- trukkikorttia\n- tulityökorttia\n\nEduksi katsomme CNC-koneistuksen."
    result = extract(text)

    required = {m.label: m.required for m in result.concepts}
    assert required == {"trukkikortti": True, "tulityökortti": True, "CNC-koneistus": False}


def test_what_is_not_required_is_reported_as_not_needed() -> None:
    """ "ei vaadita", "krävs inte": the text says the skill is not needed (negated), and
    nothing after it is a requirement."""
    result = extract("Trukkikorttia ei vaadita.")

    assert result.concepts == []
    assert "trukkikortti" in labels(result.negated)
    result = extract("Tidigare erfarenhet av svetsning krävs inte.")
    assert result.concepts == []
    assert labels(result.negated) == {"svetsning"}


def test_not_required_but_taught_elsewhere_in_the_text_stays_found() -> None:
    text = "Kurssilla opit hitsauksen perusteet. Aiempaa hitsauskokemusta ei vaadita."

    result = extract(text)

    assert "hitsaus" in labels(result.concepts)
    assert "hitsaus" not in labels(result.negated)


@pytest.mark.parametrize(
    ("text", "lang", "skill"),
    [
        (
            "Du lär dig montera paneler. Ingen tidigare erfarenhet av svetsning krävs.",
            "sv",
            "svetsning",
        ),
        ("Opit asentamaan paneeleja. Aiempaa hitsauskokemusta ei tarvita.", "fi", "hitsaus"),
    ],
)
def test_no_previous_experience_needed_in_a_text_that_teaches_says_neither(
    text: str, lang: str, skill: str
) -> None:
    """A prerequisite waived in a course is neither a skill the text claims nor one it says
    is absent (without teaching, "Aiempaa hitsauskokemusta ei vaadita" negates welding)."""
    result = extract(text, lang)

    assert skill not in labels(result.concepts) | labels(result.negated)


@pytest.mark.parametrize(
    ("text", "lang", "card"),
    [
        (
            "Truckkort eller tidigare erfarenhet av transporter krävs inte, vi skolar in dig.",
            "sv",
            "Truckkort",
        ),
        ("Trukkikorttia tai aiempaa kokemusta ei edellytetä, perehdytämme.", "fi", "Trukkikortti"),
        # in a text that teaches elsewhere too
        (
            "Kurssilla opit varastotyöt. Trukkikorttia tai aiempaa kokemusta ei edellytetä.",
            "fi",
            "Trukkikortti",
        ),
    ],
)
def test_a_card_joined_to_previous_experience_not_needed_stays_not_needed(
    text: str, lang: str, card: str
) -> None:
    """Only the previous experience is learnt on the job or waived; the card named with it is
    said not to be needed."""
    result = Engine(VocabularySource()).extract(text, lang)

    assert card in negated_only(result)


def test_swedish_negation_and_requirement() -> None:
    text = "Jag har ingen erfarenhet av svetsning, men truckkort krävs."
    result = extract(text)

    assert result.lang == "sv"
    assert labels(result.negated) == {"svetsning"}
    assert [(m.label, m.required) for m in result.concepts] == [("truckkort", True)]


@pytest.mark.parametrize(
    ("text", "lang", "found", "negated"),
    [
        # a company lacking people or know-how states a need; a person lacking it does not
        ("Dessutom saknar vi folk som kan svetsning.", "sv", {"svetsning"}, set()),
        ("Meiltä puuttuu osaajia, joilla on hitsaus hallussa.", "fi", {"hitsaus"}, set()),
        ("Kun kuski puuttui hitsaustöistä, tein ne itse.", "fi", {"hitsaus"}, set()),
        ("Jag saknar erfarenhet av svetsning.", "sv", set(), {"svetsning"}),
        # the company word must stand in the clause of the verb: here "vi" arranges a course
        ("Hon saknar svetsning, som vi lär ut på en kurs.", "sv", set(), {"svetsning"}),
        ("Häneltä puuttuu hitsauskokemus, joten me järjestämme kurssin.", "fi", set(), {"hitsaus"}),
        # a part of the company or a number of its people lacking it is a need too
        ("Tuotannosta puuttuu hitsausosaaminen.", "fi", {"hitsaus"}, set()),
        ("Hitsauskokemus puuttuu vielä kolmelta.", "fi", {"hitsaus"}, set()),
        ("Asiakkaalta puuttuu hitsauskokemus.", "fi", set(), {"hitsaus"}),
        # nobody in the team can do it
        ("Rensningen: ingen kan svetsning.", "sv", {"svetsning"}, set()),
        ("Vuorossa kukaan ei osaa hitsausta.", "fi", {"hitsaus"}, set()),
        ("Jag har ingen erfarenhet av svetsning.", "sv", set(), {"svetsning"}),
        ("Ingen av våra egna kan svetsning.", "sv", {"svetsning"}, set()),
        ("Ingen annan kan svetsning.", "sv", {"svetsning"}, set()),
        ("Kukaan muu ei osaa hitsausta.", "fi", {"hitsaus"}, set()),
        ("Ingen erfarenhet av svetsning har jag.", "sv", set(), {"svetsning"}),
        # spoken "et" for "että" after a verb of knowing is no negation; "et tarvitse" is
        ("Tiedän et hitsaus on tarkkaa.", "fi", {"hitsaus"}, set()),
        ("Hitsausta et tarvitse.", "fi", set(), {"hitsaus"}),
        # the company lacks drivers or welders, or its production lacks the know-how
        ("De saknar svetsare med erfarenhet av svetsning.", "sv", {"svetsning"}, set()),
        ("I produktionen saknas kunskap om svetsning.", "sv", {"svetsning"}, set()),
        # familiar: "ei ole vieras", "int nå nytt"
        ("Hitsaus ei ole minulle vieras.", "fi", {"hitsaus"}, set()),
        ("Svetsning, de e int nå nytt fö mej.", "sv", {"svetsning"}, set()),
        # fear said absent: the work is fine
        ("Hitsaus korkealla ei saa pelottaa.", "fi", {"hitsaus"}, set()),
        ("Svetsning och att du inte är höjdrädd.", "sv", {"svetsning"}, set()),
        # "utan att blinka": with ease
        ("Du sköter svetsning utan att blinka.", "sv", {"svetsning"}, set()),
        # "kan … utan och innan": by heart
        ("Svetsning kan jag utan och innan.", "sv", {"svetsning"}, set()),
        # no previous experience needed and then taught: learnt on the job, not absent
        ("Aiempaa hitsauskokemusta ei vaadita, koulutamme sinut.", "fi", {"hitsaus"}, set()),
        (
            "Tidigare erfarenhet av svetsning krävs inte, vi skolar in dig.",
            "sv",
            {"svetsning"},
            set(),
        ),
        ("Aiempaa hitsauskokemusta ei vaadita.", "fi", set(), {"hitsaus"}),
        # no experience before, but learnt since
        (
            "Svetsning hade hon ingen erfarenhet av tidigare, men grunderna lärde hon sig.",
            "sv",
            {"svetsning"},
            set(),
        ),
        (
            "Svetsning har jag ingen erfarenhet av, men jag lär mig snabbt.",
            "sv",
            set(),
            {"svetsning"},
        ),
        # next to nothing is a negation; "knappt två år" is not
        ("Jag har knappt någon erfarenhet av svetsning.", "sv", set(), {"svetsning"}),
        ("Hitsauksesta minulla on tuskin lainkaan kokemusta.", "fi", set(), {"hitsaus"}),
        ("Jag har jobbat knappt två år med svetsning.", "sv", {"svetsning"}, set()),
        # "no problem" is no negation
        ("Svetsning är inget problem för mig.", "sv", {"svetsning"}, set()),
        ("Hitsaus ei ole ongelma.", "fi", {"hitsaus"}, set()),
        # "is no harm" is a plus
        ("Hitsauskokemus ei ole pahitteeksi.", "fi", {"hitsaus"}, set()),
        ("Svetsning skadar int, truck är ett måste.", "sv", {"svetsning"}, set()),
        ("Svetsning skadar ju inte.", "sv", {"svetsning"}, set()),
        # ... only the verb right before the negation: here the welding is not there
        ("Svetsning kan jag inte, det skadar mig.", "sv", set(), {"svetsning"}),
    ],
)
def test_a_negation_word_that_says_no_absence(
    text: str, lang: str, found: set[str], negated: set[str]
) -> None:
    result = extract(text, lang)

    assert found <= labels(result.concepts)
    assert labels(result.negated) == negated


def test_a_reason_clause_after_a_negation_says_the_same_thing_is_absent() -> None:
    engine = Engine(VocabularySource())

    result = engine.extract(
        "Hitsauskokemusta ei vaadita, koska hitsaustyöt ostetaan alihankintana.", "fi"
    )
    swedish = engine.extract(
        "Svetsning krävs inte, eftersom svetsarbetena köps av en underleverantör.", "sv"
    )

    # Swedish sets no comma before "eftersom", nor does a hasty writer before "koska"
    unpunctuated = engine.extract(
        "Svetskunskaper krävs inte av montörerna eftersom svetsarbetena köps in.", "sv"
    )
    hasty = engine.extract("Hitsaustaitoa ei vaadita koska hitsaustyöt ostetaan.", "fi")

    assert "hitsaus" in negated_only(result)
    assert "svetsning" in negated_only(swedish)
    assert "svetsning" in negated_only(unpunctuated)
    assert "hitsaus" in negated_only(hasty)
    # a reason that teaches the skill says it is learnt at work, not absent
    taught = engine.extract("Hitsauskokemusta ei vaadita, koska opetamme hitsauksen työssä.", "fi")
    assert "hitsaus" in labels(taught.concepts)
    # in a sentence of its own, the mention stands
    other = engine.extract("Hitsauskokemusta ei vaadita. Opetamme hitsauksen työssä.", "fi")
    assert "hitsaus" in labels(other.concepts)


def test_a_partitive_of_a_label_s_nen_word_is_that_word() -> None:
    engine = Engine(VocabularySource())

    result = engine.extract("Edellytämme piirustusten lukemista ja kokemusta.", "fi")

    assert "työpiirustusten lukeminen" in labels(result.concepts)


@pytest.mark.parametrize(
    ("text", "lang", "negated"),
    [
        ("Sähköasennuksia (S2-pätevyys) emme edellytä.", "fi", "sähköasennus"),
        ("Svetsning (MIG) eller slipning har jag inte gjort.", "sv", "svetsning"),
    ],
)
def test_a_short_gloss_in_brackets_does_not_end_the_clause(
    text: str, lang: str, negated: str
) -> None:
    result = Engine(VocabularySource()).extract(text, lang)

    assert negated in labels(result.negated)
    assert negated not in labels(result.concepts)


def test_finnish_x_eika_y_at_the_start_of_a_clause_negates_both() -> None:
    result = extract("Hitsausta eikä koneistusta ole tehnyt.", "fi")

    assert result.concepts == []
    assert {"hitsaus", "koneistus"} <= labels(result.negated)


def test_swedish_neither_nor_negates_both() -> None:
    engine = Engine(VocabularySource())
    result = engine.extract("Hon har varken truckkort eller körkort.", "sv")
    skills = engine.extract("Jag kan varken svetsa eller svarva.", "sv")

    assert {"Truckkort", "truckkörning", "framföra fordon"} <= labels(result.negated)
    assert result.concepts == []
    assert {"svetsning", "svarvning"} <= labels(skills.negated)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Jag svetsar utan problem.", "sv"),
        ("Svetsning klarar jag utan större problem.", "sv"),
        ("Hitsaan ilman ongelmia.", "fi"),
        ("I can do welding without help.", "en"),
        ("Svetsning och slipning utan anmärkningar vid senaste revisionen.", "sv"),
        ("Hitsaustyöt tehtiin ilman poikkeamia.", "fi"),
        ("Welding done without deviations.", "en"),
    ],
)
def test_without_difficulty_is_no_negation(text: str, lang: str) -> None:
    result = extract(text, lang)

    assert labels(result.negated) == set()
    assert labels(result.concepts) & {"hitsaus", "svetsning", "welding"}


def test_a_second_negation_in_the_clause_negates_what_came_before_the_first() -> None:
    result = extract("Truckkort har jag inte och svetsning har jag aldrig gjort.", "sv")

    assert labels(result.negated) == {"truckkort", "svetsning"}
    assert labels(result.concepts) == set()


def test_without_a_thing_still_negates_it() -> None:
    result = extract("Jag har jobbat utan truckkort.", "sv")

    assert "truckkort" in labels(result.negated)


def test_english_negation_and_requirement() -> None:
    text = "No experience in welding. A forklift licence is required."
    result = extract(text)

    assert result.lang == "en"
    assert labels(result.negated) == {"welding"}
    assert [(m.label, m.required) for m in result.concepts] == [("forklift licence", True)]


def test_mixed_language_text_is_read_sentence_by_sentence() -> None:
    text = (
        "Haemme kokenutta työntekijää hitsaustöihin Kokkolan tehtaallemme, jossa valmistetaan "
        "kaivosteollisuuden laitteita. "
        "The candidate should also have experience with CNC machining and robots."
    )
    result = extract(text)

    # the Finnish part is the longer one; labels come in that language
    assert result.lang == "fi"
    assert {"hitsaus", "CNC-koneistus", "robotti"} <= labels(result.concepts)


def test_a_weaker_mention_beside_a_negated_one_in_its_sentence_is_negated() -> None:
    engine = Engine(VocabularySource())
    text = (
        "Manuell svarvning är däremot inget krav längre, eftersom de konventionella svarvarna "
        "håller på att fasas ut. Vi söker CNC-operatörer."
    )

    result = engine.extract(text, "sv")

    assert "svarvning" in {m.label for m in result.negated}
    assert "svarvning" not in {m.label for m in result.concepts}
    # in a sentence of its own, the weaker mention stands
    other = engine.extract("Svarvning krävs inte. Jag har jobbat som svarvare i fem år.", "sv")
    assert "svarvning" in {m.label for m in other.concepts}
    # " – " joins the two halves of one sentence: the weaker mention is still negated
    dashed = engine.extract(
        "Manuell svarvning är inget krav längre – de konventionella svarvarna fasas ut.", "sv"
    )
    assert "svarvning" in {m.label for m in dashed.negated}
    assert "svarvning" not in {m.label for m in dashed.concepts}
    # across a contrast, the two mentions are two things: two shifts yes, night shifts no
    for but in ("mutta", "mut"):
        shifts = engine.extract(f"Kaksvuorotyö käy hyvin, {but} yövuoroja en pysty tekemään.", "fi")
        assert "vuorotyö" in {m.label for m in shifts.concepts}
        assert shifts.negated == []


def test_a_plan_for_what_is_to_come_does_not_outweigh_a_negation() -> None:
    """A plan heading, or a counsellor's referral, recommendation or agreement ("Ohjataan …",
    "hänvisas till …"), after a skill said missing is what is to come: the skill stays absent."""
    engine = Engine(VocabularySource())

    card = engine.extract(
        "Tulityökorttia ei vielä ole. Jatkosuunnitelma: pätevyyskoe ja tulityökortti.", "fi"
    )
    planning = engine.extract(
        "Planerat underhåll har han inte gjort. Förslag: kursen i underhållsplanering.", "sv"
    )
    # without a negation, or with the plan before it, the mention stands
    held = engine.extract("Tulityökortti on voimassa. Jatkosuunnitelma: hitsauskoulutus.", "fi")
    before = engine.extract("Suunnitelma: tulityökortti. Nyt tulityökorttia ei ole.", "fi")

    # a counsellor's referral, recommendation or agreement is a plan too
    referred = engine.extract(
        "Tulityökorttia asiakkaalla ei vielä ole. Ohjataan tulityökorttikoulutukseen.", "fi"
    )
    recommended = engine.extract(
        "Truckkort saknas ännu. Kunden hänvisas till en kurs för truckkort.", "sv"
    )
    # ... said in the past tense or as a participle by the counsellor who made it
    referred_past = engine.extract(
        "Strålskyddsutbildning har han inte, så jag hänvisade honom till grundkursen i strålskydd.",
        "sv",
    )
    assigned = engine.extract("Truckkort saknas. Anvisad till kurs för truckkort i mars.", "sv")
    referral_only = engine.extract("Asiakas ohjataan tulityökorttikoulutukseen.", "fi")
    referred_on = engine.extract("Tulityökortti on voimassa. Ohjataan hitsauskoulutukseen.", "fi")

    assert "Tulityökortti" in negated_only(card)
    assert "underhållsplanering" in negated_only(planning)
    assert {"Tulityökortti", "hitsaus"} <= labels(held.concepts)
    assert "Tulityökortti" in labels(before.concepts)
    assert "Tulityökortti" in negated_only(referred)
    assert "Truckkort" in negated_only(recommended)
    assert "strålskydd" in negated_only(referred_past)
    assert "Truckkort" in negated_only(assigned)
    # the skill of a missing card, named only in the plan after it, is to come too
    card_skill = engine.extract(
        "Hen saknar giltigt heta arbeten-kort; anvisad till kurs i heta arbeten i mars.", "sv"
    )
    assert "brandförebyggande åtgärder" in negated_only(card_skill)
    assert "Tulityökortti" in labels(referral_only.concepts)
    assert "Tulityökortti" in labels(referred_on.concepts)


def test_a_consequence_clause_says_what_others_do_is_not_needed() -> None:
    """ "X is done elsewhere, so X is not needed": the first mention is the reason for the
    negation, not a requirement beside it."""
    engine = Engine(VocabularySource())

    finnish = engine.extract(
        "Hitsaus tehdään omassa hallissamme, joten hitsauskokemusta ei edellytetä.", "fi"
    )
    swedish = engine.extract(
        "Svetsningen görs i vår egen verkstad, så montörerna behöver inte kunna svetsa.", "sv"
    )
    # the consequence may name the work in a word no label has: what is not needed is then
    # the work of the clause before it
    unnamed = engine.extract(
        "Hiekkapuhallus tehdään erillisessä puhaltamossa, joten puhalluskokemusta ei edellytetä.",
        "fi",
    )
    unnamed_sv = engine.extract(
        "Blästringen sköts av en egen avdelning, så blästringsvana krävs inte.", "sv"
    )
    # in a CV, the consequence names the work again in a compound of its own
    named_again = engine.extract(
        "Blästringen sköttes av en egen avdelning, så blästringsvana har jag inte.", "sv"
    )
    # a consequence that is no negation leaves the mention as it is, and so does one that
    # negates something other than a need
    kept = engine.extract("Hitsaus on tärkeää, joten hitsauskokemus on eduksi.", "fi")
    other = engine.extract("Hiekkapuhallus on minulle tuttua, joten kurssi ei kiinnosta.", "fi")

    assert "hitsaus" in negated_only(finnish)
    assert "svetsning" in negated_only(swedish)
    assert "hiekkapuhallus" in negated_only(unnamed)
    assert "blästring" in negated_only(unnamed_sv)
    assert "blästring" in negated_only(named_again)
    assert "hitsaus" in labels(kept.concepts)
    assert "hiekkapuhallus" in labels(other.concepts)


def test_what_a_person_is_interested_in_is_no_skill_held() -> None:
    """The job a person is interested in stays an occupation; neither it nor the work named in
    the clause of interest is a skill the person has. The clause ends where the sentence goes
    on to something else."""
    engine = Engine(VocabularySource())

    job = engine.extract("Asiakas on kiinnostunut hitsaajan työstä.", "fi")
    swedish = engine.extract("Han är intresserad av svetsning.", "sv")
    english = engine.extract("I am interested in welding.", "en")
    went_on = engine.extract("Hän on kiinnostunut koneistuksesta ja on tehnyt hitsausta.", "fi")
    reason = engine.extract(
        "Hän on kiinnostunut hitsauksesta, koska on tehnyt TIG-hitsausta.", "fi"
    )

    assert [(m.label, m.type) for m in job.concepts] == [("hitsaaja", "occupation")]
    assert swedish.concepts == [] and swedish.negated == []
    assert english.concepts == []
    assert labels(went_on.concepts) == {"hitsaus"}
    assert labels(reason.concepts) == {"TIG-hitsaus"}


def test_a_fronted_object_is_negated_with_the_verb_after_the_cue() -> None:
    engine = Engine(VocabularySource())

    tig = engine.extract("MIG-svetsning kan jag. TIG har jag inte svetsat.", "sv")
    python = engine.extract("Linuxin peruskomennot osaan, Pythonilla en oo koskaan koodannu.", "fi")

    assert "TIG-svetsning" in labels(tig.negated)
    assert "MIG-svetsning" in labels(tig.concepts)
    assert "TIG-svetsning" not in labels(tig.concepts)
    assert "Python-ohjelmointi" in negated_only(python)
    # who lacks it is no object: the welders stand, the robotics is negated
    welders = engine.extract("Nykyisillä hitsaajilla ei ole kokemusta robotiikasta.", "fi")
    assert "hitsaaja" in labels(welders.concepts)
    assert "robotiikka" in labels(welders.negated)


@pytest.mark.parametrize(
    ("text", "lang", "title"),
    [
        ("Työnjohtaja perehdytti minut trukin käyttöön.", "fi", "tuotannon työnjohtaja"),
        ("Kokenut hitsaaja opetti minulle MIG-hitsauksen.", "fi", "hitsaaja"),
        ("Minut perehdytti työnjohtaja.", "fi", "tuotannon työnjohtaja"),
        ("En erfaren svetsare lärde mig MIG-svetsning.", "sv", "svetsare"),
    ],
)
def test_the_title_of_who_taught_the_writer_is_not_the_writers_occupation(
    text: str, lang: str, title: str
) -> None:
    engine = Engine(VocabularySource())
    own_title = f"Olen {title}." if lang == "fi" else f"Jag är {title}."

    assert title not in occupations(engine.extract(text, lang))
    assert title in occupations(engine.extract(own_title, lang))


def test_the_writers_own_teaching_keeps_the_writers_title() -> None:
    engine = Engine(VocabularySource())

    assert "hitsaaja" in occupations(engine.extract("Olen hitsaaja ja perehdytän uusia.", "fi"))
    assert "svetsare" in occupations(engine.extract("Jag är svetsare och lär upp nya.", "sv"))


@pytest.mark.parametrize(
    "title", ["Solpanelsmontör", "Underhållsmontör", "Värmepumpsmontör", "elnätsmontörer"]
)
def test_a_swedish_fitters_trade_is_no_machine_assembler(title: str) -> None:
    engine = Engine(VocabularySource())

    # "montör" heads every trade's fitter: it names no occupation by itself
    assert "maskinmontör" not in occupations(engine.extract(f"{title} sökes till Karleby.", "sv"))
    assert "maskinmontör" in occupations(engine.extract("Maskinmontör sökes till Karleby.", "sv"))


@pytest.mark.parametrize(
    ("text", "lang", "label"),
    [
        ("Du kontrollerar att det inte finns läckage och svetsar rören.", "sv", "svetsning"),
        ("Varmistat, että koneissa ei ole vikoja ja ajat trukkia.", "fi", "trukinajo"),
    ],
)
def test_what_a_check_makes_sure_is_absent_negates_no_skill(
    text: str, lang: str, label: str
) -> None:
    engine = Engine(VocabularySource())

    result = engine.extract(text, lang)

    assert label in labels(result.concepts)
    assert label not in labels(result.negated)
    # a check the writer has not done is still negated
    undone = "Jag har inte svetsat rören." if lang == "sv" else "En ole ajanut trukkia."
    assert label in negated_only(engine.extract(undone, lang))


def test_a_hyphenated_word_counts_once_in_the_reach_of_a_negation_before_it() -> None:
    engine = Engine(VocabularySource())
    text = "Jag skriver manualer. CAD-program eller 3D-modellering har jag inte använt."

    result = engine.extract(text, "sv")

    # six words back from "inte" reach "CAD-program" whole: "CAD" "program" are one word
    assert {"CAD-konstruktion", "3D-modellering"} <= negated_only(result)
    assert "CAD-konstruktion" not in labels(result.concepts)


@pytest.mark.parametrize(
    ("text", "lang", "negated"),
    [
        ("Svetsningen sköter min kollega, inte jag.", "sv", "svetsning"),
        ("Hitsaukset tekee työkaveri, en minä.", "fi", "hitsaus"),
        ("The welding is done by a colleague, not me.", "en", "join metals"),
    ],
)
def test_someone_else_not_me_negates_the_clause_before(text: str, lang: str, negated: str) -> None:
    engine = Engine(VocabularySource())

    assert negated in negated_only(engine.extract(text, lang))
    # the writer's own work beside what another does stays found
    assert negated in labels(engine.extract(text.split(",")[0] + ".", lang).concepts)


def test_a_likewise_clause_is_negated_with_the_clause_before_it() -> None:
    engine = Engine(VocabularySource())

    swedish = engine.extract("Truckkort och arbetarskyddskort saknas, likaså körkort.", "sv")
    finnish = engine.extract("Tulityökortti ei ole voimassa, EA1 samoin.", "fi")
    # after a clause that is not negated, "likewise" adds what is held or required
    held = engine.extract("Truckkort har jag, likaså körkort.", "sv")
    required = engine.extract("Trukkikortti vaaditaan, samoin työturvallisuuskortti.", "fi")

    assert {"Truckkort", "framföra fordon"} <= labels(swedish.negated)
    assert "framföra fordon" not in labels(swedish.concepts)
    assert {"Tulityökortti", "Ensiapukortti EA 1"} <= labels(finnish.negated)
    assert "Ensiapukortti EA 1" not in labels(finnish.concepts)
    assert {"Truckkort", "framföra fordon"} <= labels(held.concepts)
    assert not held.negated
    assert [m.required for m in required.concepts if m.type == "requirement"] == [True, True]


def test_a_negation_word_joined_by_a_hyphen_is_a_prefix() -> None:
    engine = Engine(VocabularySource())

    prefix = engine.extract("Teen ei-kiireellisiä potilassiirtoja ja hitsaustöitä.", "fi")
    negation = engine.extract("Teen potilassiirtoja, en hitsaustöitä.", "fi")

    assert {"potilassiirrot", "hitsaus"} <= labels(prefix.concepts)
    assert not prefix.negated
    assert "hitsaus" in labels(negation.negated)


def test_without_negates_only_what_follows_it() -> None:
    engine = Engine(VocabularySource())

    before = engine.extract(
        "Vi behöver en elektriker som kan felsöka i PLC-styrningen utan att vänta på "
        "leverantörens servicetekniker.",
        "sv",
    )
    after = engine.extract("Jag har jobbat utan truckkort.", "sv")
    finnish = engine.extract("Olen ajanut ilman trukkikorttia.", "fi")

    assert {"felsökning", "programmerbara styrsystem"} <= labels(before.concepts)
    assert not before.negated
    assert "Truckkort" in labels(after.negated)
    assert "Trukkikortti" in labels(finnish.negated)


def test_ostrobothnian_aldri_is_never() -> None:
    result = Engine(VocabularySource()).extract("Grävmaskin ha ja aldri kört.", "sv")

    assert "köra grävmaskin" in negated_only(result)


def test_an_english_sentence_in_a_finnish_or_swedish_text_negates_in_english() -> None:
    engine = Engine(VocabularySource())

    finnish = engine.extract(
        "Haemme kaivokselle valvojaa. A C licence is not required for this role.", "fi"
    )
    swedish = engine.extract(
        "Kandidaten svetsar MIG/MAG. TIG welding has not been part of his work.", "sv"
    )

    assert "Ajokortti C" in negated_only(finnish)
    assert "TIG-svetsning" in labels(swedish.negated)
    assert "MIG-svetsning" in labels(swedish.concepts)


def test_explicit_language_overrides_detection() -> None:
    result = extract("svetsning", lang="sv")

    assert result.lang == "sv"
    assert [m.label for m in result.concepts] == ["svetsning"]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        extract("hitsaus", "de")


def test_mentions_are_best_first_with_the_concept_identity() -> None:
    text = "Robottihitsaus ja hitsaus, hitsaaja."
    result = extract(text)

    scores = [m.score for m in result.concepts]
    assert scores == sorted(scores, reverse=True)
    top = result.concepts[0]
    assert top.uri.startswith("http://data.europa.eu/esco/")
    assert {m.type for m in result.concepts} == {"skill", "occupation"}


def test_index_is_rebuilt_when_the_taxonomy_changes() -> None:
    assert extract("Osaan pneumatiikan.").concepts == []

    ConceptFactory(fi="pneumatiikka", en="pneumatics")

    assert labels(extract("Osaan pneumatiikan.").concepts) == {"pneumatiikka"}


class CountingSource:
    """An in-memory source that counts how often the index is built."""

    def __init__(self) -> None:
        self.builds = 0

    def fingerprint(self) -> int:
        return 1

    def concepts(self) -> Iterator[ConceptRecord]:
        self.builds += 1
        yield ConceptRecord(1, "urn:x:1", "skill", {"fi": "hitsaus"}, [("fi", "pref", "hitsaus")])

    def relations(self) -> Iterator[RelationRecord]:
        return iter(())


def test_engine_builds_its_index_once_under_concurrent_calls() -> None:
    source = CountingSource()
    engine = Engine(source)
    results: list[list[str]] = []

    def work() -> None:
        for _ in range(20):
            results.append([m.label for m in engine.extract("hitsauksesta", "fi").concepts])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert source.builds == 1
    assert results == [["hitsaus"]] * 160


def test_hyphen_ellipsis_completes_the_compound_both_ways() -> None:
    text = "Työ on MIG- ja CNC-koneistusta sekä CNC-jyrsintää ja -koneistusta."
    result = extract(text)

    found_spans = found(result, text)
    # "MIG-" borrows "koneistus" from the next word; no such label, so nothing is invented
    assert "MIG" not in " ".join(found_spans)
    assert found_spans["CNC-koneistus"] == ["CNC-koneistusta", "koneistusta"]


def test_slash_and_comma_ellipsis(concepts: dict[str, Any]) -> None:
    ConceptFactory(fi="MIG-hitsaus", en="MIG welding")
    ConceptFactory(fi="MAG-hitsaus", en="MAG welding")

    assert {"MIG-hitsaus", "MAG-hitsaus"} <= labels(extract("MIG/MAG-hitsaus").concepts)
    assert {"MIG-hitsaus", "MAG-hitsaus"} <= labels(
        extract("Hallitsen MIG-, MAG- ja puikkohitsauksen.").concepts
    )


@pytest.mark.parametrize(
    ("text", "lang", "label", "meant"),
    [
        # a compound of a skill and a word for work is about the skill ...
        ("Jag har gjort svets- och monteringsarbeten.", "sv", "svetsning", True),
        ("Teen hitsaus- ja hiontatöitä.", "fi", "hitsaus", True),
        # ... a compound of it and another thing is not: shift premiums are no shift work
        ("Jag kontrollerar skift- och övertidstilläggen.", "sv", "skiftarbete", False),
        ("Jag kontrollerar skifttilläggen.", "sv", "skiftarbete", False),
    ],
)
def test_a_hyphenated_first_part_means_what_its_compound_means(
    text: str, lang: str, label: str, meant: bool
) -> None:
    engine = Engine(VocabularySource())

    assert (label in labels(engine.extract(text, lang).concepts)) is meant


def test_hyphen_ellipsis_makes_a_hyphenated_label_with_the_partner_s_head(
    concepts: dict[str, Any],
) -> None:
    """ "pH- och densitetsmätningar": the first part and the head of the word it is
    coordinated with make the label "pH-mätning", a label of two words."""
    ConceptFactory(fi="pH-mittaus", sv="pH-mätning", en="measure pH")

    assert "pH-mätning" in labels(extract("Jag gör pH- och densitetsmätningar.", "sv").concepts)


def test_hyphen_ellipsis_takes_the_noun_after_an_adjective_partner(
    concepts: dict[str, Any],
) -> None:
    """ "ICT- ja toiminnallisia testejä": the ICT tests; only the noun right after the
    adjective is the shared head."""
    ConceptFactory(fi="ICT-testit", en="in-circuit test")

    assert "ICT-testit" in labels(extract("Ajoin ICT- ja toiminnallisia testejä.").concepts)
    assert "ICT-testit" not in labels(
        extract("Huollan ICT- ja toiminnallisia laitteita sekä testejä.").concepts
    )


def test_swedish_label_read_past_the_subject_of_an_inverted_verb(
    concepts: dict[str, Any],
) -> None:
    """ "Sedan lödde jag komponenter på kretskort": the verb comes before its subject where the
    sentence starts with something else; the label reads on past the subject."""
    ConceptFactory(fi="komponenttien juottaminen", sv="löda komponenter på kretskort", en="solder")
    text = "Sedan lödde jag komponenter på kretskort."

    result = extract(text, "sv")

    assert found(result, text)["löda komponenter på kretskort"] == [
        "lödde jag komponenter på kretskort"
    ]
    assert "löda komponenter på kretskort" not in labels(
        extract("Sedan lödde jag, och komponenter på kretskort fanns.", "sv").concepts
    )
    # ... and past an adverb after the subject
    also = "Sedan lödde jag också komponenter på kretskort."
    assert found(extract(also, "sv"), also)["löda komponenter på kretskort"] == [
        "lödde jag också komponenter på kretskort"
    ]


def test_a_label_read_past_an_adverb_after_its_first_word(concepts: dict[str, Any]) -> None:
    """ "Jag injusterar också värmesystem", "Huollan myös lypsyrobotteja": a sentence adverb
    inside the phrase does not hide the label; another word there does."""
    ConceptFactory(
        fi="lämmitysverkoston linjasäätö", sv="injustera värmesystem", en="balance hydraulics"
    )
    ConceptFactory(fi="huoltaa lypsyrobotteja", sv="underhålla mjölkrobotar", en="maintain robots")
    swedish = "Jag injusterar också värmesystem."
    finnish = "Huollan myös lypsyrobotteja."

    assert found(extract(swedish, "sv"), swedish)["injustera värmesystem"] == [
        "injusterar också värmesystem"
    ]
    assert found(extract(finnish, "fi"), finnish)["huoltaa lypsyrobotteja"] == [
        "Huollan myös lypsyrobotteja"
    ]
    assert "injustera värmesystem" not in labels(
        extract("Jag injusterar gamla värmesystem.", "sv").concepts
    )


def test_a_swedish_label_with_a_bare_noun_meets_the_noun_inflected(
    concepts: dict[str, Any],
) -> None:
    """ "byta sågband och blad" / "byter bladen": the bare "blad" is the noun, not "blada"."""
    ConceptFactory(fi="sahanterän vaihto", sv="byta blad", en="replace sawing blade on machine")
    text = "Jag byter bladen själv."

    assert found(extract(text, "sv"), text)["byta blad"] == ["byter bladen"]


@pytest.mark.parametrize(
    "text", ["Työ tehdään kylmässä työympäristössä.", "Olen tottunut kylmään työympäristöön."]
)
def test_the_cold_of_a_finnish_workplace_is_cold_in_any_case(text: str) -> None:
    """ "kylmässä", "kylmään": the adjective "kylmä", not "kylä" (a village) or a verb."""
    result = Engine(VocabularySource()).extract(text, "fi")

    assert "työskentely kylmissä olosuhteissa" in labels(result.concepts)


def test_swedish_label_read_past_an_article_or_adjectives_before_its_object(
    concepts: dict[str, Any],
) -> None:
    """ "montering av de nya maskinerna": at most two words between the preposition and the
    object are passed."""
    ConceptFactory(fi="koneiden kokoonpano", sv="montering av maskiner", en="assemble machines")
    text = "Jag sköter montering av de nya maskinerna."

    assert found(extract(text, "sv"), text)["montering av maskiner"] == [
        "montering av de nya maskinerna"
    ]
    assert "montering av maskiner" not in labels(
        extract("Jag sköter montering av tre nya stora maskiner.", "sv").concepts
    )


def test_label_said_with_a_verb_matches_the_action_noun_label() -> None:
    ConceptFactory(fi="sähköpiirustusten lukeminen", en="read electrical drawings")
    ConceptFactory(fi="trukin käyttö", en="operate forklift")
    text = "Osaan lukea sähköpiirustuksia ja käytän trukkia päivittäin."

    result = extract(text)

    assert found(result, text)["sähköpiirustusten lukeminen"] == ["lukea sähköpiirustuksia"]
    assert found(result, text)["trukin käyttö"] == ["käytän trukkia"]


def test_compound_modifier_needs_a_head_about_it() -> None:
    ConceptFactory(fi="teräs", en="steel")

    assert extract("Työpaikka on terästehtaalla.").concepts == []
    assert labels(extract("Minulla on teräskokemusta.").concepts) == {"teräs"}


def test_a_wrong_lemma_of_a_label_does_not_match_common_words() -> None:
    # simplemma reads "meistäjä" as a form of "me" (we); the label must not match "minulla"
    ConceptFactory(fi="meistäjä", en="punch press operator")

    assert extract("Minulla ei ole ajokorttia.").negated == []


def test_index_is_rebuilt_for_a_same_sized_taxonomy_with_other_concepts() -> None:
    """As between two tests: rows rolled back, ids reused, counts equal, other concepts."""
    from kohtaanto.taxonomy.models import Concept

    Concept.objects.all().delete()
    ConceptFactory(fi="pneumatiikka", en="pneumatics")
    assert labels(extract("Osaan pneumatiikan.").concepts) == {"pneumatiikka"}
    Concept.objects.all().delete()
    ConceptFactory(fi="hydrauliikka", en="hydraulics")

    assert labels(extract("Osaan hydrauliikan, en pneumatiikkaa.").concepts) == {"hydrauliikka"}


def test_no_need_for_a_skill_negates_it_and_a_need_is_no_requirement() -> None:
    result = extract("Hitsauksesta ei tarvitse olla kokemusta. Tarvitsemme trukkikortin.")

    assert {(m.label, m.required) for m in result.concepts} == {("trukkikortti", False)}
    assert labels(result.negated) == {"hitsaus"}


def test_swedish_compounds_give_their_head_and_a_modifier_with_a_skill_head() -> None:
    text = "Jag har arbetat med robotsvetsning och har svetsningserfarenhet."

    result = extract(text)

    assert result.lang == "sv"
    assert found(result, text)["svetsning"] == ["svetsning", "svetsnings"]


def test_concepts_obsolete_in_the_taxonomy_are_not_extracted(db) -> None:
    from kohtaanto.extraction.engine import Engine
    from kohtaanto.extraction.sources import DatabaseSource
    from kohtaanto.taxonomy.models import ConceptStatus
    from kohtaanto.taxonomy.tests.factories import ConceptFactory

    kept = ConceptFactory(fi="pulverimaalaus", en="powder coating")
    gone = ConceptFactory(fi="juottaminen", en="soldering", status=ConceptStatus.OBSOLETE)
    result = Engine(DatabaseSource()).extract("Osaan pulverimaalauksen ja juottamisen.", "fi")
    found = [m.uri for m in result.concepts]
    assert kept.uri in found
    assert gone.uri not in found


def test_an_ad_describing_its_applicant_requires_what_it_names() -> None:
    """ "Sinulla on …", "Du har …" in an ad is a requirement, unless it is said nice-to-have
    (in the clause, earlier in the sentence or by the heading) or negated."""
    result = extract("Sinulla on voimassa oleva trukkikortti.")
    assert {(m.label, m.required) for m in result.concepts if not m.implied} == {
        ("trukkikortti", True)
    }
    result = extract("Du har truckkort.")
    assert {(m.label, m.required) for m in result.concepts if not m.implied} == {
        ("truckkort", True)
    }
    for text in (
        "Eduksi katsotaan, jos sinulla on trukkikortti.",
        "Eduksi katsomme:\n- Sinulla on trukkikortti",
        "Tarjoamme trukkikortin koulutuksen.",
    ):
        result = extract(text)
        assert {(m.label, m.required) for m in result.concepts if not m.implied} == {
            ("trukkikortti", False)
        }, text
    assert extract("Sinulla ei ole trukkikorttia.").concepts == []


def test_colon_inside_an_inflected_abbreviation_does_not_end_the_negated_clause() -> None:
    """ "PLC:tä en ole ohjelmoinut": the colon belongs to the word, the negation reaches it."""
    result = extract("PLC:tä en ole ohjelmoinut.", "fi")

    assert labels(result.negated) == {"PLC-ohjelmointi"}
    assert result.concepts == []


def test_colon_before_a_space_still_ends_the_clause_of_a_negation() -> None:
    result = extract("Koneistus sujuu: hitsausta en ole tehnyt.", "fi")

    assert labels(result.concepts) == {"koneistus"}
    assert labels(result.negated) == {"hitsaus"}


def test_contrast_adverb_inside_a_clause_does_not_cut_off_its_negation() -> None:
    """ "däremot", "kuitenkaan" qualify the verb; the skill before them is still negated."""
    result = extract("Svetsning har jag däremot inte gjort.", "sv")

    assert labels(result.negated) == {"svetsning"}
    assert result.concepts == []
    result = extract("Hitsausta en ole kuitenkaan tehnyt.", "fi")
    assert labels(result.negated) == {"hitsaus"}


def test_contrast_adverb_after_a_comma_still_starts_a_clause_of_its_own() -> None:
    result = extract("Svetsning kan jag inte, däremot bearbetning.", "sv")

    assert labels(result.negated) == {"svetsning"}
    assert labels(result.concepts) == {"bearbetning"}


def test_reason_clause_ends_the_reach_of_a_negation() -> None:
    """ "…kan jag inte eftersom …": the skill before the negation is negated, not the one the
    reason names."""
    result = extract("Svetsning kan jag inte eftersom bearbetning tar all tid.", "sv")

    assert labels(result.negated) == {"svetsning"}
    assert labels(result.concepts) == {"bearbetning"}
    result = extract("Hitsausta en ole tehnyt koska koneistus vie kaiken ajan.", "fi")
    assert labels(result.negated) == {"hitsaus"}
    assert labels(result.concepts) == {"koneistus"}


def test_work_the_company_has_others_do_or_gave_up_is_not_reported() -> None:
    """ "Korjaushitsauksesta on luovuttu, joten hitsausosaamista emme tarvitse": the welding is
    not needed, not asked for; "koneistukset teetämme alihankkijalla" names nothing asked."""
    result = extract("Korjaushitsauksesta on luovuttu, joten hitsausosaamista emme tarvitse.", "fi")

    assert result.concepts == []
    assert labels(result.negated) == {"hitsaus"}
    result = extract("Koneistukset teetämme alihankkijalla. Haemme hitsaajaa.", "fi")
    assert "koneistus" not in labels(result.concepts)


@pytest.mark.parametrize(
    ("text", "lang", "found"),
    [
        ("Koneistukset ostetaan alihankintana. Haemme hitsaajaa.", "fi", {"hitsaaja"}),
        (
            "Svetsningen har vi lagt ut på underleverantör. Vi söker CNC-bearbetning.",
            "sv",
            {"CNC-bearbetning"},
        ),
        # either word alone says nothing of the kind
        ("Teemme koneistukset alihankintana.", "fi", {"koneistus"}),
        ("Koneistukseen ostetaan uusi kone.", "fi", {"koneistus"}),
    ],
)
def test_work_bought_from_outside_is_not_reported(text: str, lang: str, found: set[str]) -> None:
    """ "Hitsaustyöt ostetaan alihankintana", "Kantpressningen har vi lagt ut på
    underleverantör": a verb of buying or handing out and where from, in one clause."""
    result = extract(text, lang)

    assert labels(result.concepts) == found
    assert result.negated == []


def test_negation_of_what_comes_before_it_reaches_a_few_words_back() -> None:
    """A clause with no punctuation (speech to text): "…koneistan paljon ja … hitsausta en oo
    tehny enkä …" negates the welding, not the machining said long before it."""
    result = extract(
        "mä koneistan tosi paljon ja päivät menee siinä ja illat on vapaat ja viikonloput "
        "myös hitsausta en oo tehny enkä oo ollu varastossa",
        "fi",
    )

    assert labels(result.concepts) == {"koneistus"}
    assert labels(result.negated) == {"hitsaus"}


@pytest.mark.parametrize(
    ("text", "lang", "found", "negated"),
    [
        # a reason clause
        (
            "Jag valde svetsning eftersom bearbetning inte intresserar mig.",
            "sv",
            {"svetsning"},
            {"bearbetning"},
        ),
        # a "when" clause: "…korjaan koneita kun joku ei käynnisty"
        ("Hitsaan ja koneistan osia kun joku ei käynnisty.", "fi", {"hitsaus", "koneistus"}, set()),
        (
            "Jag sköter svetsning och felsökning när något inte fungerar.",
            "sv",
            {"svetsning"},
            set(),
        ),
        # a "that" clause; "att" before a verb is the infinitive mark and starts none
        ("Jag svetsade detaljer och kollade att de inte hade fel.", "sv", {"svetsning"}, set()),
        ("Hitsasin osia ja tarkistin, että ne eivät olleet vinossa.", "fi", {"hitsaus"}, set()),
        ("Jag har inte lärt mig att svetsa.", "sv", set(), {"svetsning"}),
    ],
)
def test_negation_inside_a_clause_a_conjunction_starts_stays_there(
    text: str, lang: str, found: set[str], negated: set[str]
) -> None:
    result = extract(text, lang)

    assert labels(result.concepts) == found
    assert labels(result.negated) == negated


def test_negation_naming_nothing_reaches_the_clauses_before_it() -> None:
    """ "X ja Y, niitä en ole tehnyt", "X sköter leverantören, så den behöver vi inte": the
    negation's own clause names nothing, so it negates what the sentence named before it."""
    result = extract("Hitsausta ja CNC-koneistusta, niitä en ole tehnyt.", "fi")

    assert labels(result.negated) == {"hitsaus", "CNC-koneistus"}
    assert result.concepts == []
    result = extract("Svetsningen sköter leverantören, så den behöver vi inte.", "sv")
    assert labels(result.negated) == {"svetsning"}
    assert result.concepts == []


@pytest.mark.parametrize(
    ("text", "lang", "found", "negated"),
    [
        ("OSAAMISENI\n• koneistus 15 v\n• hitsaus: ei kokemusta", "fi", {"koneistus"}, {"hitsaus"}),
        (
            "- CNC-bearbetning: bra\n- Svetsning: ingen erfarenhet",
            "sv",
            {"CNC-bearbetning"},
            {"svetsning"},
        ),
        # a longer clause after the colon is no answer to the item: it names its own object
        ("Hitsaus: ei ole ongelma.", "fi", {"hitsaus"}, set()),
    ],
)
def test_negation_answering_a_list_item_after_a_colon_negates_the_item(
    text: str, lang: str, found: set[str], negated: set[str]
) -> None:
    """ "hitsaus: ei kokemusta", "Svetsning: ingen erfarenhet": a short negation after a colon
    says the item before it is absent."""
    result = extract(text, lang)

    assert labels(result.concepts) == found
    assert labels(result.negated) == negated


def test_negation_after_a_contrast_does_not_reach_back() -> None:
    """ "X arvostetaan, mutta se ei ole pakollista": X is a plus, not absent."""
    result = extract("Hitsaustaitoa arvostetaan, mutta se ei ole pakollista.", "fi")

    assert labels(result.concepts) == {"hitsaus"}
    assert result.negated == []


def test_negation_with_an_object_of_its_own_does_not_reach_back() -> None:
    """ "Osaan X:n, en Y:tä": the negation is about Y, even where Y is no known skill."""
    result = extract("Osaan koneistuksen, en pneumatiikkaa.", "fi")

    assert labels(result.concepts) == {"koneistus"}
    assert result.negated == []


def test_general_skill_said_absent_beside_a_named_kind_of_it_is_not_reported_absent() -> None:
    """A course teaches MAG welding and asks no welding experience: welding is not absent."""
    ConceptFactory(fi="MAG-hitsaus", en="MAG welding")
    text = "Kurssilla opit MAG-hitsauksen perusteet. Aiempaa hitsauskokemusta ei vaadita."

    result = extract(text, "fi")

    assert labels(result.concepts) == {"MAG-hitsaus"}
    assert result.negated == []


def test_kind_said_absent_beside_the_general_skill_stays_negated() -> None:
    ConceptFactory(fi="MAG-hitsaus", en="MAG welding")

    result = extract("Osaan hitsauksen, mutta MAG-hitsausta en ole tehnyt.", "fi")

    assert labels(result.concepts) == {"hitsaus"}
    assert labels(result.negated) == {"MAG-hitsaus"}


def test_a_surface_named_in_a_cv_is_no_electroplater() -> None:
    """simplemma reads "pinnoittaja" (the electroplater's label) as "pinna", which "pinnan"
    (a surface's) also is: the worker noun keeps its own lemma, so polishing a surface names
    polishing and no occupation."""
    result = Engine(VocabularySource()).extract("Kiillotan maalipinnan ja pinnan.", "fi")

    assert {m.type for m in result.concepts} == {"skill"}
    assert "maalipinnan kiillotus" in labels(result.concepts)
