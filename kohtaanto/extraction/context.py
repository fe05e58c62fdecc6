"""What the words around a match say it is not, in Finnish and Swedish.

`leave_out` drops a match from a sentence's matches where its context shows the words name
something else: a participle before a noun ("hitsattujen rakenteiden", "rekrytoiva
koulutus"), a workplace, industry or
department ("Kemian tehtaallamme", "logistikcentral"), the employer's own action
("perehdytämme", "uudet työntekijät koulutetaan"), the writer as the verb's object ("Han som
lärde upp mig"), and — for knowledge concepts — the field of a degree ("kone- ja
tuotantotekniikan perustutkinto"), a Swedish verb ("jag fräser"), or the material a named skill
works on ("teräsrakenteiden osakokoonpano"). Each rule was kept for what it did on the tune
split of the independent test set (bench/README.md, rounds 8 and 9).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from kohtaanto.extraction import cues
from kohtaanto.extraction.index import TRAINING_HEADS, LabelIndex
from kohtaanto.extraction.text import Token, known_word
from kohtaanto.extraction.word_forms import finnish_infinitive

if TYPE_CHECKING:
    from kohtaanto.extraction.matching import Occurrence


def leave_out(
    index: LabelIndex,
    text: str,
    tokens: Sequence[Token],
    result: list[tuple[int, Occurrence]],
    lang: str,
) -> None:
    """Drop from `result`, in place, the matches their context shows to be something else
    (`text` is the whole text the tokens' offsets point into)."""
    if lang not in DEGREE_WORDS:
        return
    worked_on = _worked_on(index, tokens, result, lang)
    result[:] = [
        (concept_id, occurrence)
        for concept_id, occurrence in result
        if not _attributive_participle(tokens, occurrence, lang)
        and not _what_a_training_does(tokens, occurrence, lang)
        and not _company_name(tokens, occurrence)
        and not _workplace(tokens, occurrence, lang)
        and not _employers_action(tokens, occurrence, lang)
        and not _done_to_the_writer(tokens, occurrence, lang)
        and not _trained_here(tokens, occurrence, lang)
        and not (
            index.concepts[concept_id].type == "occupation"
            and _the_writers_teacher(tokens, occurrence)
        )
        and (
            index.concepts[concept_id].type != "knowledge"
            or not (
                _field_of_degree(
                    text,
                    tokens,
                    occurrence.token,
                    lang,
                    studied=index.concepts[concept_id].domain not in TOOLS_LEARNT,
                )
                or _sv_verb(tokens, occurrence, lang)
                or (occurrence.token in worked_on and _one_word(tokens, occurrence))
            )
        )
    ]


def _employers_action(tokens: Sequence[Token], occurrence: Occurrence, lang: str) -> bool:
    """Whether a one-word match is a verb in the first person plural, the writer's own
    action: "perehdytämme", "vi utbildar" is what the employer does, not a skill it asks for
    or a person has ("konepajamme" is a noun)."""
    i = occurrence.token
    token = tokens[i]
    if occurrence.span != (token.start, token.end):
        return False
    if lang == "fi":
        return (
            token.norm.endswith("mme")
            and token.norm != token.lemma
            and finnish_infinitive(token.lemma)
        )
    # ... a verb after "vi", not the object after an inverted subject ("här kör vi tvåskift")
    return (
        i > 0
        and tokens[i - 1].norm == "vi"
        and token.norm != token.lemma
        and token.lemma.endswith("a")
    )


# Finnish passive endings of the present and past ("koulutetaan", "perehdytettiin").
_FI_PASSIVE = ("taan", "tään", "daan", "dään", "ttiin", "tiin", "ttaan", "ttään")


def _trained_here(tokens: Sequence[Token], occurrence: Occurrence, lang: str) -> bool:
    """Whether the match is a passive of teaching (`cues.TEACHING`: "Uudet työntekijät
    koulutetaan tehtävään", "alla nyanställda skolas in", "måste läras upp"): the employer
    trains its new staff, which asks no training skill of them."""
    if lang not in ("fi", "sv"):
        return False
    start, end = occurrence.span
    return any(
        start <= t.start
        and t.end <= end
        and _teaching_passive(t, lang)
        and not _by_the_writer(tokens, number)
        for number, t in enumerate(tokens)
    )


def _by_the_writer(tokens: Sequence[Token], verb: int) -> bool:
    """Whether a Swedish passive names the writer as who does it, right after the verb and its
    particle: "nya medarbetare lärs upp av mig" is the writer's own training of others."""
    after = [t.norm for t in tokens[verb + 1 : verb + 4]]
    return any(
        word == "av" and following in SV_FIRST_PERSON_OBJECTS for word, following in pairwise(after)
    )


# The writer as the object of a preposition ("av mig", "av oss" is the employer).
SV_FIRST_PERSON_OBJECTS = frozenset({"mig", "mej"})


def _teaching_passive(token: Token, lang: str) -> bool:
    if lang == "fi":
        return token.lemma.startswith(cues.TEACHING) and token.norm.endswith(_FI_PASSIVE)
    # a Swedish s-passive ("lärs", "utbildas", "skolas"; "skola" as a verb is only this form)
    return (
        token.norm.endswith("s")
        and token.norm != token.lemma
        and (token.lemma.startswith(cues.TEACHING) or token.lemma == "skola")
    )


# The writer (or the reader addressed) as a verb's object: "opetti minua", "lärde upp mig".
OBJECT_PRONOUNS = {
    "fi": frozenset({"minua", "minut", "meitä", "meidät", "sinua", "sinut"}),
    "sv": frozenset({"mig", "mej"}),
}
SV_FIRST_PERSON = frozenset({"jag", "ja"})


def _done_to_the_writer(tokens: Sequence[Token], occurrence: Occurrence, lang: str) -> bool:
    """Whether a verb's match has the writer as its object, so the skill is someone else's:
    "Han som lärde upp mig", "vanha seppä opetti minua", "minut perehdytti työnjohtaja". A
    Swedish "mig" after a verb whose subject is "jag" is reflexive, the writer's own action
    ("jag anpassar mig snabbt"); Finnish says that with "itseni"."""
    i: int | None = occurrence.token  # or, for a verb and its object, the verb's token
    if tokens[occurrence.token].start != occurrence.span[0]:
        i = next((k for k, t in enumerate(tokens) if t.start == occurrence.span[0]), None)
    if i is None or tokens[i].norm == tokens[i].lemma:
        return False
    token = tokens[i]
    if not (finnish_infinitive(token.lemma) if lang == "fi" else token.lemma.endswith("a")):
        return False
    after = next(
        (k for k in range(i + 1, len(tokens)) if tokens[k].start >= occurrence.span[1]),
        len(tokens),
    )
    pronouns = OBJECT_PRONOUNS[lang]
    if lang == "fi":
        return (after < len(tokens) and tokens[after].norm in pronouns) or (
            i > 0 and tokens[i - 1].norm in pronouns
        )
    return (
        after < len(tokens)
        and tokens[after].norm in pronouns
        and not any(t.norm in SV_FIRST_PERSON for t in tokens[max(0, i - 5) : after])
    )


# Who the writer was taught by: "Työnjohtaja perehdytti minut", "en erfaren svetsare lärde mig",
# "minua opetti vanha seppä" (the teaching verbs of `cues.TEACHING`, not the learning ones).
TAUGHT_WORDS = frozenset(
    OBJECT_PRONOUNS["fi"] | OBJECT_PRONOUNS["sv"] | {"minulle", "meille", "sinulle", "oss"}
)
TEACHER_REACH = 3  # words between the teacher's title and the teaching verb, and the verb and "me"
# The teaching words of `cues.TEACHING` that are learning ("oppia", "learn"): their subject is
# the one who learns.
LEARNING = ("opp", "opi", "learn")


def _the_writers_teacher(tokens: Sequence[Token], occurrence: Occurrence) -> bool:
    """Whether an occupation's title names who taught the writer, not the writer's own job:
    "Työnjohtaja perehdytti minut trukin käyttöön", "Förmannen lärde upp mig", "minut
    perehdytti työnjohtaja"."""
    i = occurrence.token
    teaching = [
        k
        for k in range(max(0, i - TEACHER_REACH), min(len(tokens), i + TEACHER_REACH + 1))
        if k != i
        and tokens[k].lemma.startswith(cues.TEACHING)
        and not tokens[k].lemma.startswith(LEARNING)
    ]
    return any(
        tokens[j].norm in TAUGHT_WORDS
        for k in teaching
        for j in range(max(0, k - TEACHER_REACH), min(len(tokens), k + TEACHER_REACH + 1))
    )


SV_VERB_ENDINGS = ("ar", "er", "ade", "de", "te", "at")


# Words before a noun, never before a verb: "kunskap om pumpar", "olika svarvar".
SV_BEFORE_NOUN = frozenset(
    {"om", "av", "med", "på", "för", "i", "till", "från", "en", "ett", "alla", "olika", "nya"}
)


def _sv_verb(tokens: Sequence[Token], occurrence: Occurrence, lang: str) -> bool:
    """Whether a one-word match is a Swedish verb form ("jag fräser", "jag plockade"): a verb
    names a skill, not knowledge. A plural noun the lemmatiser reads as a verb is none: a
    compound it does not know as a verb ("tryckfjädrar"), or a word after a preposition or
    an article ("kunskap om pumpar")."""
    i = occurrence.token
    token = tokens[i]
    return (
        lang == "sv"
        and occurrence.span == (token.start, token.end)
        and token.lemma.endswith("a")
        and token.norm != token.lemma
        and token.norm.startswith(token.lemma[:-1])
        and token.norm.endswith(SV_VERB_ENDINGS)
        and known_word(token.lemma, lang)
        and not (i > 0 and tokens[i - 1].norm in SV_BEFORE_NOUN)
    )


def _one_word(tokens: Sequence[Token], occurrence: Occurrence) -> bool:
    token = tokens[occurrence.token]
    return token.start <= occurrence.span[0] and occurrence.span[1] <= token.end


def _worked_on(
    index: LabelIndex, tokens: Sequence[Token], result: list[tuple[int, Occurrence]], lang: str
) -> set[int]:
    """The Finnish words that name what a skill the text names works on: the genitive right
    before it ("teräsrakenteiden osakokoonpano", "taajuusmuuttajien vianetsintä"). A knowledge
    concept found only there is the skill's material, not knowledge the text asks for. (The
    Swedish object after its verb, "felsöka elmotorer", was tried: readers tag it.)"""
    if lang != "fi":
        return set()
    starts = {o.token for c, o in result if index.concepts[c].type == "skill"}
    return {
        i
        for i, token in enumerate(tokens)
        if i + 1 in starts and token.norm.endswith("n") and token.norm != token.lemma
    }


# A past participle before a noun says what was done to a thing, not that the person does it:
# "hitsattujen rakenteiden suunnittelu", "erfarenhet av svetsade konstruktioner".
_FI_PASSIVE_PARTICIPLE = re.compile(
    r"t[uy](?:n|t|a|ä|jen|ja|jä|ihin|issa|issä|ista|istä|ille|illa|illä|ksi|ssa|ssä|sta|stä)?$"
)
SV_SUBJECTS = frozenset({"jag", "du", "han", "hon", "vi", "ni", "man", "som", "de"})


def _attributive_participle(tokens: Sequence[Token], occurrence: Occurrence, lang: str) -> bool:
    """Whether a one-word match is a verb's past participle right before the word it
    describes (Swedish: not after its subject or before it, "jag svetsade rör", "sedan
    svetsade jag rör")."""
    i = occurrence.token
    token = tokens[i]
    if token.norm == token.lemma or not token.lemma.endswith(("a", "ä")):
        return False  # not a form of a verb
    if occurrence.span != (token.start, token.end) or i + 1 >= len(tokens):
        return False
    following = tokens[i + 1]
    if following.norm in cues.CONJUNCTIONS or following.start > token.end + 1:
        return False  # "…, hitsattu ja maalattu", or punctuation between
    if lang == "fi":
        return _FI_PASSIVE_PARTICIPLE.search(token.norm) is not None
    # a subject after it makes it the verb of an inverted clause: "Tidigare svetsade jag rören"
    return (
        token.norm.endswith(("ade", "ad"))
        and (i == 0 or tokens[i - 1].norm not in SV_SUBJECTS)
        and following.norm not in cues.SUBJECTS
    )


# The company forms that end a company's name: "Nordtruck Ab", "Kannuksen Sylinteripaja Oy".
COMPANY_FORMS = frozenset({"Oy", "OY", "Oyj", "Ab", "AB", "Abp", "Ky", "Ltd", "Inc", "GmbH"})


def _company_name(tokens: Sequence[Token], occurrence: Occurrence) -> bool:
    """Whether a match lies in a company's name: capitalised words up to a company form
    ("Pedersöre Pack Ab" packs nothing for the person)."""
    i = occurrence.token
    if not tokens[i].text[:1].isupper():
        return False
    j = i + 1
    while j < len(tokens) and tokens[j].start < occurrence.span[1]:
        j += 1  # the match's own words
    while j < len(tokens) and tokens[j].text not in COMPANY_FORMS:
        if not (tokens[j].text[:1].isupper() or tokens[j].text == "&"):
            return False
        j += 1
    return j < len(tokens)


# A Finnish present participle ("rekrytoiva", "rekrytoivassa") and Swedish "-ande".
_FI_PRESENT_PARTICIPLE = re.compile(
    r"v[aä](?:n|t|a|ä|ssa|ssä|sta|stä|lla|llä|lle|ksi|an|än|ien|issa|issä|ille|ista|istä)?$"
)


def _what_a_training_does(tokens: Sequence[Token], occurrence: Occurrence, lang: str) -> bool:
    """Whether a one-word match is a present participle describing a training or course:
    "rekrytoiva koulutus", "rekryterande utbildning" recruits its participants for employers,
    it does not teach recruiting ("hitsaava asentaja" is a fitter who welds, and stays)."""
    i = occurrence.token
    token = tokens[i]
    if occurrence.span != (token.start, token.end) or i + 1 >= len(tokens):
        return False
    heads = TRAINING_HEADS.get(lang, frozenset())
    following = tokens[i + 1].lemma
    if not any(following.endswith(head) for head in heads):
        return False
    if lang == "fi":
        return token.norm != token.lemma and _FI_PRESENT_PARTICIPLE.search(token.norm) is not None
    return token.norm.endswith(("ande", "ende"))


# Where the work is done, not what it is: "Kemian tehtaallamme", "Kemianteollisuuden yritys",
# "vår logistikcentral", "konepajamme tuotekehitykseen", "söker CNC-operatör till
# möbeltillverkningen".
WORKPLACES = {
    "fi": (
        "tehdas",
        "teollisuus",
        "yritys",
        "yhtiö",
        "paja",
        "osasto",
        "laitos",
        "verstas",
        "veistämö",
        "telakka",
        "yksikkö",
        "firma",
        "konserni",
    ),
    "sv": (
        "fabrik",
        "industri",
        "företag",
        "verkstad",
        "central",
        "avdelning",
        "bolag",
        "varv",
        "koncern",
    ),
}
SV_DEFINITE = ("", "en", "n", "et")
SV_WORKPLACE_FORMS = tuple(place + end for place in WORKPLACES["sv"] for end in SV_DEFINITE)
_FI_ILLATIVE = re.compile(r"(?:([aeiouyäö])\1n|seen|h[aeiouyäö]n)$")


def _is_workplace(token: Token, lang: str) -> bool:
    if lang == "fi":
        return token.lemma.endswith(WORKPLACES["fi"])
    return any(
        token.norm.endswith(place + end) for place in WORKPLACES["sv"] for end in SV_DEFINITE
    )


def _workplace(tokens: Sequence[Token], occurrence: Occurrence, lang: str) -> bool:
    """Whether a match in one word names a workplace, an industry or a department: the word
    before a workplace noun in the genitive, the first part of a compound ending in one, or
    (a department) after "till" in the definite form unless it is a machine (`SV_MACHINES`), or
    after our workplace ("konepajamme")."""
    i = occurrence.token
    token = tokens[i]
    if not (token.start <= occurrence.span[0] and occurrence.span[1] <= token.end):
        return False
    if occurrence.span[1] < token.end and _is_workplace(token, lang):
        return True  # "kemianteollisuus", "logistikcentral": the first part
    if i + 1 < len(tokens) and _is_workplace(tokens[i + 1], lang):
        return lang == "fi" and token.norm.endswith("n")
    if i == 0:
        return False
    before = tokens[i - 1]
    if lang == "fi":
        return (
            before.norm.endswith("mme")
            and _is_workplace(before, lang)
            and _FI_ILLATIVE.search(token.norm) is not None
        )
    return (
        before.norm == "till"
        and token.norm != token.lemma
        and token.norm.endswith(("en", "et"))
        and not token.norm.endswith(SV_MACHINES)
    )


# What an operator is sought "till" that is the machine run, not a department: "söker en
# operatör till längdskärmaskinen", "maskinskötare till wellpappmaskinen", "till pressen".
SV_MACHINES = tuple(
    machine + end
    for machine in ("maskin", "linje", "press", "svarv", "ugn", "kran", "truck", "robot", "cell")
    for end in ("en", "erna", "arna")
)


# A field named as what a degree or studies are in ("konetekniikan insinöörin tutkinto",
# "grundexamen inom maskin- och produktionsteknik", "opiskelen automaatiotekniikkaa") says
# what the person studied, not knowledge the text claims or asks for by itself.
DEGREE_WORDS = {"fi": ("tutkinto",), "sv": ("examen",)}
STUDY_VERBS = {"fi": frozenset({"opiskella"}), "sv": frozenset({"studera"})}
DEGREE_REACH = 4  # words between the field and the degree word or study verb


# Vocabulary domains whose knowledge is a tool or language learnt for use, not a field of
# studies: "olen opiskellut Python-ohjelmointia" is a skill the writer has.
TOOLS_LEARNT = frozenset({"data"})


def _field_of_degree(
    text: str, tokens: Sequence[Token], i: int, lang: str, *, studied: bool = True
) -> bool:
    """Whether the word at `i` names the field of a degree or (with `studied`) of studies."""
    degree = DEGREE_WORDS[lang]
    if lang == "fi":
        # the field in the genitive before the degree: "kone- ja tuotantotekniikan perustutkinto",
        # "sähkö-, automaatio- tai energiatekniikan tutkinto"
        words = 0  # genitives passed; conjunctions and other first parts ("kone-") are free
        for token in tokens[i + 1 :]:
            if token.lemma.endswith(degree):
                return True
            if token.norm in cues.CONJUNCTIONS or text[token.end : token.end + 1] == "-":
                continue
            words += 1
            if not token.norm.endswith("n") or words == DEGREE_REACH:
                break
    else:
        # "examen inom maskinteknik"
        for j in range(i - 1, max(0, i - DEGREE_REACH) - 1, -1):
            if tokens[j].norm == "inom" and j > 0 and tokens[j - 1].lemma.endswith(degree):
                return True
    if not studied:
        return False
    start = max(0, i - DEGREE_REACH + 1)
    return any(token.lemma in STUDY_VERBS[lang] for token in tokens[start:i])
