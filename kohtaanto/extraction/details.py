"""What a CV or an ad says besides skills: languages with a level, years of experience.

    languages("Puhun sujuvaa ruotsia ja englannin kielen perustaidot.", "fi")
    # [Language(code="sv", level="C1", ...), Language(code="en", level="A2", ...)]
    experience("5 vuoden kokemus hitsauksesta", "fi", today=date(2026, 1, 1))
    # [Experience(years=5, since=None, span=(0, 16))]

Languages are entries of their own (a language code and a CEFR-like level), not ESCO skills:
the engine drops the language concepts whose words a language entry covers. The level words
map to CEFR levels as Finnish and Swedish job ads and CVs use them (our reading, documented in
`LEVELS`): "äidinkieli"/"modersmål" native, "erinomainen"/"utmärkt" C2, "sujuva"/"flytande" C1,
"hyvä"/"goda" B2, "tyydyttävä"/"nöjaktig"/"hyfsad" B1, "perustaidot"/"grundläggande" and
"heikko"/"svag" A2, "alkeet" A1.
Experience is a number of years, written out ("5 vuoden kokemus", "viisi vuotta", "5 års
erfarenhet") or counted from a year ("vuodesta 2019", "sedan 2019"); the engine attaches it to
the nearest skill or occupation in the same sentence.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_
from typing import cast

from kohtaanto.extraction import cues
from kohtaanto.extraction.text import Token, word_alternatives
from kohtaanto.taxonomy.text import fold
from kohtaanto.taxonomy.text import words as folded_words

# Language names by lemma (and the folded forms simplemma leaves alone) → ISO 639-1 code.
LANGUAGE_NAMES = {
    "fi": {
        "suomi": "fi",
        "ruotsi": "sv",
        "englanti": "en",
        "saksa": "de",
        "ranska": "fr",
        "espanja": "es",
        "venäjä": "ru",
        "viro": "et",
        "norja": "no",
        "puola": "pl",
        "arabia": "ar",
        "ukraina": "uk",
        "tanska": "da",
        "italia": "it",
        "somali": "so",
        "persia": "fa",
        "kurdi": "ku",
        "turkki": "tr",
        "vietnam": "vi",
        "thai": "th",
        "kiina": "zh",
        "tagalog": "tl",
        "romania": "ro",
        "unkari": "hu",
        "latvia": "lv",
        "liettua": "lt",
        "tigrinja": "ti",
        "urdu": "ur",
    },
    "sv": {
        "finska": "fi",
        "svenska": "sv",
        "engelska": "en",
        "tyska": "de",
        "franska": "fr",
        "spanska": "es",
        "ryska": "ru",
        "estniska": "et",
        "norska": "no",
        "polska": "pl",
        "arabiska": "ar",
        "ukrainska": "uk",
        "danska": "da",
        "italienska": "it",
        "somaliska": "so",
        "persiska": "fa",
        "kurdiska": "ku",
        "turkiska": "tr",
        "vietnamesiska": "vi",
        "thailändska": "th",
        "kinesiska": "zh",
        "tagalog": "tl",
        "rumänska": "ro",
        "ungerska": "hu",
        "lettiska": "lv",
        "litauiska": "lt",
        "tigrinja": "ti",
        "tigrinska": "ti",
        "urdu": "ur",
    },
    "en": {
        "finnish": "fi",
        "swedish": "sv",
        "english": "en",
        "german": "de",
        "french": "fr",
        "spanish": "es",
        "russian": "ru",
        "estonian": "et",
        "norwegian": "no",
        "polish": "pl",
        "arabic": "ar",
        "ukrainian": "uk",
        "danish": "da",
        "italian": "it",
        "somali": "so",
        "persian": "fa",
        "kurdish": "ku",
        "turkish": "tr",
        "vietnamese": "vi",
        "thai": "th",
        "chinese": "zh",
        "tagalog": "tl",
        "romanian": "ro",
        "hungarian": "hu",
        "latvian": "lv",
        "lithuanian": "lt",
        "tigrinya": "ti",
        "urdu": "ur",
    },
}
# Finnish forms simplemma does not take back to the name (partitive, genitive, translative).
FINNISH_FORMS = {
    "suomea": "fi",
    "suomen": "fi",
    "suomeksi": "fi",
    "ruotsia": "sv",
    "ruotsin": "sv",
    "ruotsiksi": "sv",
    "englantia": "en",
    "englannin": "en",
    "englanniksi": "en",
    "saksaa": "de",
    "saksan": "de",
    "venäjää": "ru",
    "venäjän": "ru",
    "viroa": "et",
    "viron": "et",
    # read as the verb "puolata" otherwise
    "puolaa": "pl",
    "puolan": "pl",
    "ranskaa": "fr",
    "ranskan": "fr",
    "espanjaa": "es",
    "espanjan": "es",
    "norjaa": "no",
    "norjan": "no",
}
# Written forms that name the country or a place, not the language: "Suomessa", "Ruotsista".
_PLACE_ENDINGS = ("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä")
# ... except the adessive before "pärjätä": "englannilla pärjää", "suomella pärjää alkuun".
_GETTING_BY = "pärjätä"
# "Ruotsi menee hyvin", "englanti menee tosi hyvin": how a language goes is its level.
_GOES = frozenset({"mennä"})
_INTENSIFIERS = frozenset({"tosi", "ihan", "aika", "melko", "todella", "erittäin"})
# Verbs of needing and using that make a sentence with a language in the partitive about the
# language ("Ruotsia ja englantia tarvitaan", "Englantia käytetään päivittäin"); a genitive
# ("Ruotsin tehtaalle tarvitaan") names the country.
_NEED_OR_USE = frozenset({"tarvita", "käyttää", "vaatia", "edellyttää"})
# Level words by lemma or folded form → CEFR-like level ("native" for a mother tongue).
LEVELS = {
    "fi": {
        "äidinkieli": "native",
        "äidinkielinen": "native",
        "kotikieli": "native",
        # "Asiakas on kaksikielinen (ruotsi–suomi)": both languages are spoken as a native
        "kaksikielinen": "native",
        "natiivi": "native",
        "erinomainen": "C2",
        "erinomaisesti": "C2",
        "kiitettävä": "C1",
        "sujuva": "C1",
        "sujuvasti": "C1",
        "sujua": "C1",  # "Englanti sujuu"
        "vahva": "C1",
        "hyvä": "B2",
        "hyvin": "B2",
        "tyydyttävä": "B1",
        "kohtalainen": "B1",
        "kohtalaisesti": "B1",
        "perustaito": "A2",
        "perustaidot": "A2",
        "perus": "A2",
        "välttävä": "A2",
        "heikko": "A2",
        "heikompi": "A2",  # "Ruotsi on heikompi"
        "heikosti": "A2",
        "huono": "A2",
        "huonosti": "A2",
        "auttava": "A2",
        "auttavasti": "A2",
        # "englantia osaan vähän", "ruotsia ymmärrän hieman": a little is a weak A2
        "vähän": "A2",
        "hieman": "A2",
        "alkeet": "A1",
        "alkeis": "A1",
        # "Työkieli on ruotsi": a working language is spoken fluently
        "työkieli": "C1",
        "työkielenä": "C1",
        "työkieleni": "C1",
    },
    "sv": {
        "modersmål": "native",
        "hemspråk": "native",
        "tvåspråkig": "native",
        "utmärkt": "C2",
        "utmärkta": "C2",
        "flytande": "C1",
        "god": "B2",
        "goda": "B2",
        "bra": "B2",
        "nöjaktig": "B1",
        "nöjaktiga": "B1",
        "hyfsad": "B1",
        "hyfsat": "B1",
        "hyfsade": "B1",
        "svag": "A2",
        "svaga": "A2",
        "svagt": "A2",
        "svagare": "A2",
        "dålig": "A2",
        "dåligt": "A2",
        "dåliga": "A2",
        "grundläggande": "A2",
        "grundkunskap": "A2",
        "grundkunskaper": "A2",
        "hjälplig": "A2",
        "hjälpliga": "A2",
        "lite": "A2",
        "nybörjare": "A1",
        "nybörjarnivå": "A1",
        # "Arbetsspråket är svenska": a working language is spoken fluently
        "arbetsspråk": "C1",
    },
    "en": {
        "native": "native",
        "mother": "native",
        "bilingual": "native",
        "excellent": "C2",
        "fluent": "C1",
        "fluently": "C1",
        "good": "B2",
        "satisfactory": "B1",
        "basic": "A2",
        "elementary": "A1",
        "beginner": "A1",
    },
}
# The level words long enough to begin a compound ("perus" of "perustaidot"), in the table's
# order: the first that a word begins with gives its level.
_LEVEL_BEGINNINGS = {
    lang: tuple(word for word in levels if len(word) >= 5) for lang, levels in LEVELS.items()
}
_CEFR = re.compile(r"^[abc][12]$")
# Words that make a sentence about languages, so that "Suomi" alone (the country) does not count.
LANGUAGE_CONTEXT = {
    "fi": {
        "kieli",
        "kielitaito",
        "kielinen",
        "puhua",
        "kirjoittaa",
        "ymmärtää",
        "hallita",
        "osata",
        "sujua",
        "pärjätä",
    },
    "sv": {
        "språk",
        "språkkunskap",
        "språkkunskaper",
        "tala",
        "prata",
        "skriva",
        "förstå",
        "behärska",
    },
    "en": {"language", "languages", "speak", "write", "understand", "fluent", "proficiency"},
}

NUMBER_WORDS = {
    "fi": {
        "yksi": 1,
        "yhden": 1,
        "vuoden": 1,
        "kaksi": 2,
        "kahden": 2,
        "kolme": 3,
        "kolmen": 3,
        "neljä": 4,
        "neljän": 4,
        "viisi": 5,
        "viiden": 5,
        "kuusi": 6,
        "kuuden": 6,
        "seitsemän": 7,
        "kahdeksan": 8,
        "yhdeksän": 9,
        "kymmenen": 10,
        "parin": 2,
        "pari": 2,
        "useamman": 3,
        "usean": 3,
    },
    "sv": {
        "ett": 1,
        "två": 2,
        "tre": 3,
        "fyra": 4,
        "fem": 5,
        "sex": 6,
        "sju": 7,
        "åtta": 8,
        "nio": 9,
        "tio": 10,
        "par": 2,
    },
    "en": {
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
    },
}
YEAR_WORDS = {
    "fi": {"vuosi", "vuoden", "vuotta", "v"},
    "sv": {"år", "års", "åren"},
    "en": {"year", "years"},
}
EXPERIENCE_WORDS = {
    "fi": {
        "kokemus",
        "työkokemus",
        "kokemusta",
        "työkokemusta",
        "kokenut",
        "toimia",
        "työskennellä",
        "tehdä",  # "olen tehnyt hitsausta 5 vuotta"
    },
    "sv": {"erfarenhet", "arbetslivserfarenhet", "erfaren", "arbeta", "jobba", "göra"},
    "en": {"experience", "experienced", "work", "worked", "working"},
}
# "sen 2018" is spoken Swedish for "sedan 2018" (a year must follow)
SINCE_WORDS = {"fi": {"vuodesta", "alkaen", "lähtien"}, "sv": {"sedan", "sen"}, "en": {"since"}}
# A period of years in a CV line ("2021–2024 varastossa", "2012–2019 jobbade jag i köket"):
# its years are years of the work the line names, unless it names studies.
_DASHES = ("-", "–", "—")
STUDY_WORDS = frozenset(
    {"opiskella", "opiskelu", "koulutus", "tutkinto", "koulu", "opinto", "opinnot"}
    | {"studera", "studier", "utbildning", "examen", "skola"}
    | {"study", "studies", "education", "degree", "school"}
)


# Verbs of living somewhere: a year counted from a few words after one ("Asun Kokkolassa
# vuodesta 2019", "Jag bor i Jakobstad sedan 2018") is not a start of work.
RESIDENCE_REACH = 4
RESIDENCE_VERBS = {
    "fi": frozenset({"asua", "muuttaa"}),
    "sv": frozenset({"bo", "flytta"}),
    "en": frozenset({"live", "move"}),
}
_YEAR = re.compile(r"^(19[6-9]\d|20\d\d)$")
MAX_YEARS = 50
LEVEL_WINDOW = 6  # words between a language and its level ("goda kunskaper i svenska och …")
EXPERIENCE_WINDOW = 4  # words between the number and "kokemus"/"erfarenhet"


# A quick look whether a text may state a language or years of experience at all: a language
# name or an experience word where a word begins, or a number (in digits, or written out:
# "kymmenen vuotta", "fem år") before a word for years.
_YEARS_AFTER = r"(?:vuo|v\b|år|year)"
# The words a stating word begins with, and the number words (one list for both looks).
_STATING_BEGINNINGS = frozenset(
    {name for names in LANGUAGE_NAMES.values() for name in names}
    | set(FINNISH_FORMS)
    | {"kokemu", "työkokemu", "erfarenhet", "experience", "vuodesta", "sedan", "since"}
    | {"sen"}
)
_ALL_NUMBER_WORDS = frozenset(word for words in NUMBER_WORDS.values() for word in words)
_STATING_WORD = (
    "(?:"
    + word_alternatives(set(_STATING_BEGINNINGS))
    + "|"
    + word_alternatives(set(_ALL_NUMBER_WORDS))
    + r"\s+"
    + _YEARS_AFTER
    + ")"
)
# Every such word begins a text or follows a character that is not part of a word, and every
# number ends in a digit: searches that begin with those characters let `re` skip to them,
# where one that began with `\b` and a choice of words would try every position.
_STATING_AT_START = re.compile(_STATING_WORD)
_STATING_AFTER_BREAK = re.compile(r"\W" + _STATING_WORD)
_STATING_NUMBER = re.compile(r"\d\s*" + _YEARS_AFTER)
_PERIOD = re.compile(
    r"(?:19[6-9]\d|20\d\d)\s*[" + re.escape("".join(_DASHES)) + r"]\s*(?:19[6-9]\d|20\d\d)"
)


def names_language(text: str, lang: str) -> bool:
    """Whether a Finnish or Swedish text names a language at all, spoken or not ("Ruotsin kielen
    taito ei ole välttämätön"): what it says of it is the language reader's, not a ranked
    language skill's."""
    names = LANGUAGE_NAMES.get(lang, {})
    forms = FINNISH_FORMS if lang == "fi" else {}
    return any(word in names or word in forms for word in folded_words(fold(text)))


def may_state(text: str) -> bool:
    """False when the text cannot hold a language entry or experience (nothing to look for)."""
    folded = text.casefold()
    return (
        _STATING_AFTER_BREAK.search(folded) is not None
        or _STATING_NUMBER.search(folded) is not None
        or _PERIOD.search(folded) is not None
        or _STATING_AT_START.match(folded) is not None
    )


# The same look from the text's words (`ranking.folded_words`, which rank mode has anyway):
# whether each word begins with a stating word, is a number word or holds a digit, remembered
# word by word; only a number word or a digit sends the text to the expressions above.
_STATES, _NUMBER, _DIGIT = 1, 2, 4
_STATING_PREFIXES = tuple(sorted(_STATING_BEGINNINGS))  # for str.startswith
_WORD_FLAGS: dict[str, int] = {}
WORD_FLAGS_LIMIT = 200_000


def _word_flags(word: str) -> int:
    flags = _STATES if word.startswith(_STATING_PREFIXES) else 0
    if word in _ALL_NUMBER_WORDS:
        flags |= _NUMBER
    if any(map(str.isdecimal, word)):
        flags |= _DIGIT
    if len(_WORD_FLAGS) >= WORD_FLAGS_LIMIT:
        _WORD_FLAGS.clear()  # a long-running server sees ever new words
    _WORD_FLAGS[word] = flags
    return flags


def may_state_in_words(text: str, words: Sequence[str]) -> bool:
    """`may_state` from the text's folded words: True where a word begins with a language name
    or an experience word (after any character that is no letter or digit, so also after "_",
    where `may_state` wants one that is not part of a word), else `may_state` itself where a
    word is a number word or holds a digit, else False."""
    flags = list(map(_WORD_FLAGS.get, words))
    if None in flags:
        flags = [
            known if (known := _WORD_FLAGS.get(word)) is not None else _word_flags(word)
            for word in words
        ]
    combined = reduce(or_, cast("list[int]", flags), 0)
    if combined & _STATES:
        return True
    return bool(combined & (_NUMBER | _DIGIT)) and may_state(text)


@dataclass(slots=True)
class Language:
    code: str  # ISO 639-1
    level: str  # "A1" … "C2", "native", or "" when the text gives none
    span: tuple[int, int]

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code, "level": self.level, "span": list(self.span)}


@dataclass(slots=True)
class Experience:
    years: int
    span: tuple[int, int]
    since: int | None = None  # the year it is counted from ("vuodesta 2019")
    until: int | None = None  # the year a period ended ("2021–2024")
    uri: str = ""  # the skill or occupation it belongs to, set by the engine
    label: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "years": self.years,
            "since": self.since,
            "until": self.until,
            "uri": self.uri,
            "label": self.label,
            "span": list(self.span),
        }


def languages(
    tokens: Sequence[Token],
    lang: str,
    breaks: Sequence[int] = (),
    marks: Sequence[cues.Cue | None] | None = None,
) -> list[Language]:
    """Language entries in one sentence's tokens; each takes the nearest level word of its
    clause (`breaks`: offsets of the clause punctuation, from `text.clause_breaks`; `marks`:
    the tokens' `cues.token_cues`, worked out here if not given)."""
    names = LANGUAGE_NAMES.get(lang, {})
    found: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        code = names.get(token.lemma) or names.get(token.norm)
        if code is None and lang == "fi":
            code = FINNISH_FORMS.get(token.norm)
        if code is None or (lang == "fi" and _place_form(token) and not _getting_by(tokens, i)):
            continue
        found.append((i, code))
    if not found:
        return []
    context = LANGUAGE_CONTEXT.get(lang, set())
    levels = LEVELS.get(lang, {})
    beginnings = _LEVEL_BEGINNINGS.get(lang, ())
    level_at = {}
    for i, token in enumerate(tokens):
        level = _level(token, levels, beginnings)
        if level:
            level_at[i] = level
    # A level word counts only next to an inflected name ("sujuvaa ruotsia"): "Suomi on hyvä
    # maa" is about the country.
    inflected = any(
        tokens[i].norm != tokens[i].lemma or tokens[i].norm in FINNISH_FORMS for i, _ in found
    )
    # A CEFR level ("englanti B2") is about a language whatever the name's form, and so is a
    # level word right after the name ("Ruotsi hyvä, englanti tyydyttävä" in a CV's list).
    cefr = any(_CEFR.match(tokens[k].norm) for k in level_at)
    listed = any(
        i + 1 in level_at
        or (i + 2 in level_at and tokens[i + 1].lemma in _GOES)
        or (
            i + 3 in level_at
            and tokens[i + 1].lemma in _GOES
            and tokens[i + 2].norm in _INTENSIFIERS
        )
        for i, _ in found
    )
    about_languages = (
        (bool(level_at) and (inflected or cefr or listed or lang != "fi"))
        or any(_names_the_language(tokens, i, lang, breaks) for i, _ in found)
        or any(
            t.lemma in context or t.norm in context or _is_language_compound(t.norm, lang)
            for t in tokens
        )
        or (
            lang == "fi"
            and any(_partitive(tokens[i]) for i, _ in found)
            and any(t.lemma in _NEED_OR_USE for t in tokens)
        )
        or (lang == "fi" and any(_getting_by(tokens, i) for i, _ in found))
    )
    if not about_languages:
        return []
    if marks is None:
        marks = cues.token_cues(tokens, lang)
    not_needed = _not_needed(tokens, lang, breaks, marks)
    result = []
    seen: set[str] = set()
    for i, code in found:
        if code in seen or i in not_needed:
            continue
        seen.add(code)
        level = ""
        same_clause = [k for k in level_at if not _broken(tokens, i, k, breaks)]
        if same_clause:
            # the nearest level word, one across a contrast only where there is no other
            # ("Ruotsia puhun huonosti mutta englanti menee hyvin"; "finska förstår jag men
            # pratar dåligt")
            nearest = min(
                same_clause,
                key=lambda k: (_contrast_between(tokens, i, k, lang), abs(k - i), k > i),
            )
            if abs(nearest - i) <= LEVEL_WINDOW:
                level = level_at[nearest]
                if _negated_level(marks, nearest) and level in _ABOVE_WEAK:
                    # "Ruotsi ei juuri suju", "finskan är inte så bra": a weak A2
                    level = "A2"
        token = tokens[i]
        result.append(Language(code, level, (token.start, token.end)))
    return result


# Swedish words next to a language name that make it the language, not the adjective ("finska
# kunder"): "kunskaper i finska", "på svenska", "finska och svenska krävs", "svenska är ett plus".
_SV_BEFORE_NAME = frozenset({"i", "på", "både", "kan", "talar", "pratar"})
_SV_AFTER_NAME = frozenset({"i", "är", "krävs", "behövs", "räcker", "underlättar", "går", "som"})


def _names_the_language(tokens: Sequence[Token], i: int, lang: str, breaks: Sequence[int]) -> bool:
    """Whether the name at `i` can only be the language: a Finnish name in the translative
    ("suomeksi", "ruotsiksi": in that language), or a Swedish name used as a noun — after a
    preposition or a verb of speaking, before a verb, or ending its clause; names joined by
    "och"/"eller" are read as one ("svenska och finska krävs", not "svenska och norska kunder")."""
    token = tokens[i]
    if lang == "fi":
        return token.norm.endswith("ksi") and token.norm in FINNISH_FORMS
    if lang != "sv":
        return False
    names = LANGUAGE_NAMES["sv"]
    last = i
    while (
        last + 2 < len(tokens)
        and tokens[last + 1].norm in cues.CONJUNCTIONS
        and tokens[last + 2].norm in names
        and not _broken(tokens, last, last + 2, breaks)
    ):
        last += 2
    if i > 0 and not _broken(tokens, i - 1, i, breaks) and tokens[i - 1].norm in _SV_BEFORE_NAME:
        return True
    if last + 1 == len(tokens) or _broken(tokens, last, last + 1, breaks):
        return True
    return tokens[last + 1].norm in _SV_AFTER_NAME


def _not_needed(
    tokens: Sequence[Token], lang: str, breaks: Sequence[int], marks: Sequence[cues.Cue | None]
) -> set[int]:
    """The tokens of clauses that say a language is not needed ("Ruotsin kielen taitoa ei
    edellytetä", "finska behöver du inte kunna", "Swedish is not required"): the clauses
    `cues.clauses` marks as not needed. A later clause that calls it an advantage ("Finska
    krävs inte på linjen men är en fördel") keeps it."""
    if cues.Cue.NEGATION not in marks:
        return set()
    found = cues.clauses(tokens, marks, breaks, cues.Mode.NEUTRAL, lang)
    result: set[int] = set()
    for number, clause in enumerate(found):
        if not clause.not_needed or any(
            cues.Cue.NICE in marks[later.start : later.end] for later in found[number + 1 :]
        ):
            continue
        result.update(range(clause.start, clause.end))
    return result


# Levels a negation before their word turns into a weak one ("native" is never said so).
_ABOVE_WEAK = frozenset({"C2", "C1", "B2", "B1"})
NEGATED_LEVEL_REACH = 3  # words between the negation and the level word ("ei juuri suju")


def _negated_level(marks: Sequence[cues.Cue | None], k: int) -> bool:
    """Whether a negation stands right before the level word at `k`."""
    return cues.Cue.NEGATION in marks[max(0, k - NEGATED_LEVEL_REACH) : k]


def _broken(tokens: Sequence[Token], i: int, k: int, breaks: Sequence[int]) -> bool:
    """Whether clause punctuation stands between tokens i and k."""
    left, right = sorted((i, k))
    start, end = tokens[left].end, tokens[right].start
    return any(start <= offset < end for offset in breaks)


def _contrast_between(tokens: Sequence[Token], i: int, k: int, lang: str) -> bool:
    """Whether a contrast word stands between tokens i and k ("Ruotsia puhun huonosti mutta
    englanti menee hyvin")."""
    left, right = sorted((i, k))
    words = cues.CONTRAST.get(lang, set())
    return any(tokens[j].norm in words for j in range(left + 1, right))


def _getting_by(tokens: Sequence[Token], i: int) -> bool:
    """ "englannilla pärjää": a language name in the adessive before "pärjätä"."""
    return (
        tokens[i].norm.endswith(("lla", "llä"))
        and i + 1 < len(tokens)
        and tokens[i + 1].lemma == _GETTING_BY
    )


def _partitive(token: Token) -> bool:
    """ "ruotsia", "englantia", "suomea": a Finnish language name in the partitive."""
    return token.norm in FINNISH_FORMS and token.norm.endswith(("a", "ä"))


def _place_form(token: Token) -> bool:
    """ "Suomessa", "Ruotsista": the country in a locative case, not the language."""
    return token.norm != token.lemma and token.norm.endswith(_PLACE_ENDINGS)


def _is_language_compound(norm: str, lang: str) -> bool:
    """ "ruotsinkielinen", "kielitaito"; "svenskspråkig", "undervisningsspråk", "kursspråket"."""
    return (lang == "fi" and "kiel" in norm) or (
        lang == "sv" and norm.endswith(("språkig", "språkiga", "språk", "språket"))
    )


def _level(token: Token, levels: dict[str, str], beginnings: tuple[str, ...]) -> str:
    """The level a word gives; `beginnings`: the level words that may begin a compound."""
    if _CEFR.match(token.norm):
        return token.norm.upper()
    for key in (token.lemma, token.norm):
        if key in levels:
            return levels[key]
        # "perustaidot", "äidinkielenä", "grundkunskaper": the level word inside a compound
        if key.startswith(beginnings):
            return next(levels[word] for word in beginnings if key.startswith(word))
    return ""


# A number with a decimal point, which the tokeniser keeps as one word ("1.5").
_DECIMAL = re.compile(r"^\d+\.\d+$")


def experience(tokens: Sequence[Token], lang: str, text: str, *, today: date) -> list[Experience]:
    """Years of experience in one sentence's tokens: "5 vuoden kokemus", "vuodesta 2019".

    `text` is what the tokens' offsets point into. A decimal ("2,5 vuoden", "1.5 years")
    counts its whole years; less than one year is no entry."""
    result: list[Experience] = []
    year_words = YEAR_WORDS.get(lang, set())
    experience_words = EXPERIENCE_WORDS.get(lang, set())
    since_words = SINCE_WORDS.get(lang, set())
    numbers = NUMBER_WORDS.get(lang, {})
    about_experience = any(
        t.norm in experience_words or t.lemma in experience_words or "kokemu" in t.norm
        for t in tokens
    )
    residence = RESIDENCE_VERBS.get(lang, frozenset())
    for i, token in enumerate(tokens):
        # "vuodesta 2019", "sedan 2019", "since 2019", "2019 alkaen"
        if _YEAR.match(token.norm):
            if any(t.lemma in residence for t in tokens[max(0, i - RESIDENCE_REACH) : i]):
                continue  # "Asun Kokkolassa vuodesta 2019": years of living somewhere
            year = int(token.norm)
            period = _period(tokens, i, text, today)
            if period is not None:
                if period.years and not any(t.lemma in STUDY_WORDS for t in tokens):
                    result.append(period)
                continue
            before = tokens[i - 1].norm if i else ""
            after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            if (before in since_words or after in since_words) and year <= today.year:
                start = tokens[i - 1].start if before in since_words else token.start
                end = tokens[i + 1].end if after in since_words else token.end
                years = max(today.year - year, 1 if year < today.year else 0)
                result.append(Experience(years, (start, end), since=year))
            continue
        # "5 vuoden kokemus", "viisi vuotta", "5 års erfarenhet", "5+ years of experience"
        if i + 1 >= len(tokens) or tokens[i + 1].norm not in year_words:
            continue
        start = token.start
        if token.norm.isdigit():
            years = int(token.norm)
            previous = tokens[i - 1] if i else None
            if (
                previous is not None
                and previous.norm.isdigit()
                and text[previous.end : token.start] in (",", ".")
            ):
                # the decimals of "2,5 vuotta": the whole years are before the comma
                years, start = int(previous.norm), previous.start
        elif _DECIMAL.match(token.norm):
            years = int(token.norm.split(".")[0])  # "1.5 years", one word
        elif token.norm in numbers and token.norm not in year_words:
            years = numbers[token.norm]
        else:
            continue
        if not 0 < years <= MAX_YEARS:
            continue
        if _as_role(tokens, i, lang):
            # "1,5 år som truckförare", "5 vuotta hitsaajana": the years of a role need no
            # word for experience
            result.append(Experience(years, (start, tokens[i + 1].end)))
            continue
        if _perfect_of_work(tokens, i, lang):
            # "Olen hitsannut 12 vuotta", "ajanut trukkia 5 vuotta", "har svetsat i 12 år":
            # the years of work a verb in the perfect names need no word for experience
            result.append(Experience(years, (start, tokens[i + 1].end)))
            continue
        if not about_experience:
            continue
        window = tokens[i : i + 2 + EXPERIENCE_WINDOW]
        if not any(
            t.norm in experience_words or t.lemma in experience_words or "kokemu" in t.norm
            for t in window
        ) and not _experience_before(tokens, i, experience_words):
            continue
        result.append(Experience(years, (start, tokens[i + 1].end)))
    return result


# A verb in the perfect: the Finnish past participle ("hitsannut", "ajanut", spoken "ajanu") and
# the Swedish supine after "har"/"hade" ("har svetsat", "har kört"). Verbs of being, living,
# moving, looking for work, waiting and studying name no years of work.
PERFECT_REACH = 4  # words between the verb and the number
_FI_PARTICIPLE = ("nut", "nyt", "nu", "ny")
_SV_SUPINE = ("at", "it", "tt", "t")
_SV_PERFECT_AUXILIARIES = frozenset({"har", "hade", "ha"})
_NOT_WORK_VERBS = (
    frozenset({"olla", "etsiä", "odottaa", "käydä", "elää", "vara", "söka", "vänta", "läsa"})
    | frozenset({"leva", "gå"})
    | STUDY_WORDS
    | frozenset(verb for verbs in RESIDENCE_VERBS.values() for verb in verbs)
)


def _perfect_of_work(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Whether a verb in the perfect stands a few words before the years at token i."""
    for j in range(max(0, i - PERFECT_REACH), i):
        verb = tokens[j]
        if verb.norm == verb.lemma or verb.lemma in _NOT_WORK_VERBS or not verb.norm.isalpha():
            continue
        if lang == "fi" and verb.norm.endswith(_FI_PARTICIPLE) and verb.lemma.endswith(("a", "ä")):
            return True
        if (
            lang == "sv"
            and verb.norm.endswith(_SV_SUPINE)
            and verb.lemma.endswith("a")
            and any(t.norm in _SV_PERFECT_AUXILIARIES for t in tokens[max(0, j - 2) : j])
        ):
            return True
    return False


def _period(tokens: Sequence[Token], i: int, text: str, today: date) -> Experience | None:
    """The years between the year at token i and a year right after it across a dash
    ("2021–2024"); None where no such year follows, or it is after this year."""
    if i + 1 >= len(tokens) or not _YEAR.match(tokens[i + 1].norm):
        return None
    if text[tokens[i].end : tokens[i + 1].start].strip() not in _DASHES:
        return None
    start, end = int(tokens[i].norm), int(tokens[i + 1].norm)
    if not start <= end <= today.year:
        return None
    return Experience(end - start, (tokens[i].start, tokens[i + 1].end), since=start, until=end)


# The word after "N år" that names the role the years were spent in: "5 år som svetsare".
ROLE_WORDS = {"sv": frozenset({"som"}), "en": frozenset({"as"})}
_ESSIVE = ("na", "nä")


def _as_role(tokens: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the years at token i (the number; i + 1 is the word for years) are said of a
    role: "5 år som svetsare", "5 years as a welder", and in Finnish a word in the essive
    right after the years or right before the number ("5 vuotta hitsaajana", "hitsaajana
    5 vuotta"); the engine gives them to the occupation or skill the sentence names."""
    after = tokens[i + 2] if i + 2 < len(tokens) else None
    if lang != "fi":
        return after is not None and after.norm in ROLE_WORDS.get(lang, ())
    before = tokens[i - 1] if i else None
    if any(_essive(t) for t in (after, before)):
        return True
    # "Hitsaajana olen ollut kymmenen vuotta", "olin 18 vuotta jälleen kuljetusyrittäjänä": a
    # role noun in the essive a few words off
    near = [*tokens[max(0, i - ROLE_REACH) : max(0, i - 1)], *tokens[i + 3 : i + 2 + ROLE_REACH]]
    return any(_essive(t) and t.lemma.endswith(_ROLE_ENDINGS) for t in near)


ROLE_REACH = 3  # words between the years and a role noun in the essive
# How Finnish names for a person at work end: hitsaaja, yrittäjä, operaattori, insinööri,
# talonmies, mekaanikko, kokki, kuski, assistentti, sotilas.
_ROLE_ENDINGS = ("ja", "jä", "ri", "mies", "kko", "kki", "ski", "tti", "las")


def _essive(token: Token | None) -> bool:
    return (
        token is not None
        and token.norm != token.lemma
        and token.norm.endswith(_ESSIVE)
        and token.norm.isalpha()
        and token.lemma not in _NOT_ROLES
    )


# Essives of age and time that end like a role: "nuorena".
_NOT_ROLES = frozenset({"nuori"})


def _experience_before(tokens: Sequence[Token], i: int, words: set[str]) -> bool:
    """ "Kokemusta hitsauksesta 5 vuotta": the experience word came first."""
    return any(
        t.norm in words or t.lemma in words or "kokemu" in t.norm
        for t in tokens[max(0, i - EXPERIENCE_WINDOW - 2) : i]
    )
