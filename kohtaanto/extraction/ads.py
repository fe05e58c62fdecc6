"""A pasted job ad read as an ad: title, municipality, employment type, pay, start, deadline.

    fields = read_ad(text, result, today=date(2026, 1, 10))
    fields.title            # "CNC-koneistaja" (the occupation phrase, not the first sentence)
    fields.employment_type  # "permanent" | "fixed_term" | "summer" | ""
    fields.pay_min, fields.pay_max, fields.pay_period   # Decimal("16.50"), …, "hour"

Requirements phrased "edellytämme", "vaaditaan", "krävs" are already marked `required` on the
mentions by the engine (`cues.py`); "eduksi katsotaan", "meriterande" leave them optional.
Dates are written d.m.yyyy or d.m. (the year of the range they begin, else the next such day
from `today`), after a cue ("aloitus", "arbetet inleds", "ajalle", "viimeistään") within its
sentence or before "mennessä"; "heti"/"omgående" starts today; a sentence about applying gives
no start. Pay is a euro figure or range with a period, after it (€/h, €/kk, €/v, "euro i
timmen") or before it ("tuntipalkka", "månadslön"); a bare range without a period is not
guessed.
"""

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kohtaanto.common.errors import DomainError
from kohtaanto.common.money import parse_decimal
from kohtaanto.extraction.text import sentences
from kohtaanto.extraction.word_forms import AGENT_THINGS
from kohtaanto.taxonomy.text import Token, normalize, tokenize

if TYPE_CHECKING:
    from kohtaanto.extraction.results import ExtractionResult

AREAS_FILE = Path(__file__).resolve().parent.parent / "accounts" / "data" / "areas.json"
# Municipalities next to the employment area that its ads often name (Finnish, Swedish name).
NEIGHBOURS = (
    ("Pietarsaari", "Jakobstad"),
    ("Kruunupyy", "Kronoby"),
    ("Pedersöre", "Pedersöre"),
    ("Luoto", "Larsmo"),
    ("Uusikaarlepyy", "Nykarleby"),
    ("Vaasa", "Vasa"),
    ("Oulu", "Uleåborg"),
    ("Ylivieska", "Ylivieska"),
    ("Seinäjoki", "Seinäjoki"),
    ("Kalajoki", "Kalajoki"),
    ("Helsinki", "Helsingfors"),
    ("Tampere", "Tammerfors"),
)
EMPLOYMENT_TYPES = (
    # (type, folded word stems), first match wins: a summer job is also fixed-term.
    ("summer", ("kesätyö", "kesätyöntek", "sommarjobb", "sommarjobb", "summer job")),
    (
        "fixed_term",
        (
            # "määräaikaise…", not the periodic service of "määräaikaishuolto"
            *("määräaikainen", "määräaikaise", "määräaikaista", "määräaikaisuu", "sijaisuu"),
            *("visstidsanställ", "tidsbegräns", "vikariat", "fixed-term"),
        ),
    ),
    (
        "permanent",
        ("vakitui", "vakinai", "toistaiseksi voimassa", "tillsvidare", "fast anställ"),
    ),
)
WORKING_TIMES = (
    ("part_time", ("osa-aikai", "deltid", "part-time", "part time")),
    ("full_time", ("kokoaikai", "heltid", "full-time", "full time")),
)
_NUMBER = r"\d{1,3}(?:[ \u00a0]?\d{3})*(?:[.,]\d{1,2})?"
# The euro as ads write it: "€", "e", "eur", "euro", "euroa".
_EURO = r"(?:€|(?:euroa|euro|eur|e)\b)"
_RANGE_DASH = r"(?:[-–—]|…|\.\.)"
_PERIOD_WORD = r"h\b|t\b|tunti|tunnissa|timme|kk\b|kuukau|mån|month|v\b|vuodessa|år|year"
_PAY = re.compile(
    rf"(?P<low>{_NUMBER})\s*{_EURO}?\s*{_RANGE_DASH}\s*(?P<high>{_NUMBER})"
    rf"\s*{_EURO}\s*(?:/|per|i|a|\s)?\s*(?P<period>{_PERIOD_WORD})"
    rf"|(?P<single>{_NUMBER})\s*{_EURO}\s*(?:/|per|i|a|\s)\s*(?P<period1>{_PERIOD_WORD})"
    # the period named before the figure: "Tuntipalkka 14,50 e", "Månadslön 2 800–3 100 euro"
    rf"|(?P<lead>tuntipalk|kuukausipalk|kk-palk|timlön|timpenning|månadslön|hourly|monthly)\w*"
    rf"[^\d.!?\n]{{0,20}}?(?P<low2>{_NUMBER})(?:\s*{_EURO}?\s*{_RANGE_DASH}\s*"
    rf"(?P<high2>{_NUMBER}))?\s*{_EURO}",
    re.IGNORECASE,
)
# The period a word names, after the figure ("€/h", "euro i timmen") or before it
# ("tuntipalkka", "timlön", "kk-palkka", "monthly"), by its start; a start of one or two letters
# only as the whole word.
PERIODS = {
    "h": "hour",
    "t": "hour",
    "tunti": "hour",
    "tunnissa": "hour",
    "timme": "hour",
    "tim": "hour",
    "hour": "hour",
    "kk-": "month",
    "kk": "month",
    "kuukau": "month",
    "mån": "month",
    "month": "month",
    "v": "year",
    "vuodessa": "year",
    "år": "year",
    "year": "year",
}
# d.m.yyyy or d.m.; the first date of a range may leave out its last dot ("1.6–31.8.2027").
_DATE = r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})(?:\.(?P<year>\d{4}|\d{2})?|(?=\s?[–—-]))"
# Between a cue word and its date: no digit, and not across a sentence or line that goes on in
# words ("Työ alkaa tammikuussa. Haku 31.12. mennessä": the 31st is no start).
_GAP = r"(?:(?!(?:[.!?]\s+|\s*\n\s*)[^\W\d_])\D){0,25}?"
# A range's first date, passed over to reach the last one ("Hakuaika 1.–15.1.2027").
_RANGE_START = r"(?:\d{1,2}\.(?:\d{1,2}\.?)?\s?[–—-]\s?)?"
_DEADLINE = re.compile(
    r"(?:viimeistään|haku\s+päättyy|hakuaika\s+päättyy|hakuaika|sista\s+ansökningsdag(?:en)?|"
    r"ansökningstiden\s+(?:går\s+ut|utgår)|ansökan\s+senast|senast|deadline|apply\s+by|"
    r"closing\s+date)"
    + _GAP
    + _RANGE_START
    + _DATE
    # ... or the date first: "Haku 31.12. mennessä", "Hakemukset 15.1.2027 klo 16 mennessä"
    + r"|"
    + _DATE.replace("?P<", "?P<b_")
    + r"(?:\s*klo\s*\d{1,2}(?:[.:]\d{2})?)?\s+mennessä",
    re.IGNORECASE,
)
_START = re.compile(
    r"(?:aloitus\w*|alkamispäivä|työ(?:t|suhde)?\s+alka(?:a|vat)|alkaen|aloitat|tillträde|"
    r"arbetet\s+börjar|start(?:ing)?|fr\.\s?o\.\s?m\.|från\s+och\s+med|"
    r"(?:anställning(?:en)?|arbetet|jobbet|sommarjobb(?:et)?|vikariat(?:et)?)\s+"
    r"(?:(?:börjar\s+)?från|börjar|inleds|påbörjas)|"
    # the period a job lasts: "ajalle 1.6.–31.8.2027", "under tiden 1.6–31.8.2027"
    r"\bajal(?:le|la)|(?:under|för)\s+(?:tiden|perioden))" + _GAP + _DATE,
    re.IGNORECASE,
)
_START_NOW = re.compile(
    r"(?:aloitus|työ\s+alkaa|tillträde|start)\s*:?\s*(?:heti|välittömästi|omgående|"
    r"genast|immediately|asap)",
    re.IGNORECASE,
)
_DATE_FIRST = re.compile(_DATE + r"\s*(?:alkaen|lähtien)", re.IGNORECASE)
_ANY_DATE = re.compile(r"\d\.\d|\d\.\s?[–—-]")  # where a date may be written
_MONEY = re.compile(r"€|\beur|\d\s?e\b", re.IGNORECASE)  # where a pay figure may be written
# A sentence about applying names the application period, not the job's ("Haku on auki
# ajalla 1.–15.12.", "Ansökningstiden är från 1.1.2027").
_APPLYING = re.compile(r"\bhaku|hakemu|\bhaettav|\bhakea\b|ansök|\bappl", re.IGNORECASE)
# The year a range's end gives its first date: "1.6.–31.8.2027".
_RANGE_END_YEAR = re.compile(r"\s?[–—-]\s?\d{1,2}\.\d{1,2}\.(?P<year>\d{4})")
TITLE_WORDS = 10  # a first line this short that names an occupation is the ad's title
# ... when the occupation comes within its first words ("Kokenut hitsaaja, Kannus"); a first line
# that is a sentence ("Vi söker en svetsare till vår verkstad.") gives the occupation's label
TITLE_LEAD_WORDS = 1


@dataclass(slots=True)
class AdFields:
    title: str = ""
    municipality: str = ""  # Statistics Finland code
    municipality_name: str = ""
    employment_type: str = ""
    working_time: str = ""
    pay_min: Decimal | None = None
    pay_max: Decimal | None = None
    pay_period: str = ""  # "hour" | "month" | "year"
    start_date: date | None = None
    deadline: date | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "municipality": self.municipality,
            "municipality_name": self.municipality_name,
            "employment_type": self.employment_type,
            "working_time": self.working_time,
            "pay_min": str(self.pay_min) if self.pay_min is not None else None,
            "pay_max": str(self.pay_max) if self.pay_max is not None else None,
            "pay_period": self.pay_period,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
        }


# Words of a text written by or about a job seeker: the first person, a counsellor's "client".
# ("ja" is the spoken Swedish "jag": "Vakuuminjektion har ja int gjort".)
_SEEKER = {
    "fi": """minä mä minulla mulla minulle mulle minua mua minulta multa olen oon olin
        asiakas asiakkaalla asiakkaalle asiakasta hän hänellä häntä""",
    "sv": "jag ja mig mej kunden klienten hen hon han",
}
# Words of an employer recruiting, or speaking to the reader: "haemme", "vi söker", "du".
_RECRUITING = {
    "fi": """haemme etsimme etsitään haetaan rekrytoimme tarjoamme edellytämme odotamme
        toivomme hakuaika hakemuksesi hae palkkaus sinulla sinulta sinua olet""",
    "sv": """söker sökes söks erbjuder förutsätter ansökan ansök ansökningstid du dig din dina
        ditt""",
}
_SEEKER_WORDS = {lang: frozenset(words.split()) for lang, words in _SEEKER.items()}
_RECRUITING_WORDS = {lang: frozenset(words.split()) for lang, words in _RECRUITING.items()}
_WORD = re.compile(r"\w+")


def reads_as_cv(text: str, lang: str) -> bool:
    """Whether a text is a CV or a counsellor's note rather than a job ad: it speaks in the
    first person or of the client, and no word of it recruits or speaks to the reader
    ("Olen hitsaaja", "Asiakas on työskennellyt", "har ja jobbat"; not "Haemme hitsaajaa",
    "Du svetsar MIG/MAG")."""
    words = set(_WORD.findall(text.casefold()))
    seeker = _SEEKER_WORDS.get(lang, frozenset())
    recruiting = _RECRUITING_WORDS.get(lang, frozenset())
    return bool(words & seeker) and not words & recruiting


def read_ad(text: str, result: "ExtractionResult", *, today: date) -> AdFields:
    """The structured fields of a job ad; a field the text does not state stays empty."""
    fields = AdFields()
    fields.title = _title(text, result)
    fields.municipality, fields.municipality_name = _municipality(text)
    folded = text.casefold()
    fields.employment_type = _first(folded, EMPLOYMENT_TYPES)
    fields.working_time = _first(folded, WORKING_TIMES)
    if _MONEY.search(text):
        fields.pay_min, fields.pay_max, fields.pay_period = _pay(text)
    # most texts write no date: the date patterns are only run where one may be
    dated = _ANY_DATE.search(text) is not None
    deadline = _DEADLINE.search(text) if dated else None
    fields.deadline = _date(deadline, today) if deadline else None
    start = _start(text, deadline) if dated else None
    if start:
        fields.start_date = _date(start, today, text)
    elif _START_NOW.search(text):
        fields.start_date = today
    return fields


def _start(text: str, deadline: re.Match[str] | None) -> re.Match[str] | None:
    """The first start date cue whose sentence is not about applying and whose date is not the
    deadline's."""
    for pattern in (_START, _DATE_FIRST):
        for match in pattern.finditer(text):
            if deadline is not None and match.span("day")[0] in (
                deadline.span("day")[0],
                deadline.span("b_day")[0],
            ):
                continue
            sentence = max(text.rfind(mark, 0, match.start()) for mark in (".", "!", "?", "\n"))
            before = text[sentence + 1 : match.start("day")]
            if pattern is _START and _APPLYING.search(before):
                continue
            return match
    return None


def _title(text: str, result: "ExtractionResult") -> str:
    """The ad's title, first found of:
    - its first line if that is a short heading that begins with an occupation of the
      vocabulary ("CNC-koneistaja, Kokkola");
    - a short first line or sentence that starts or ends with a worker's word, for a title the
      vocabulary has no occupation for ("Kansimies hinaajalle – Kokkolan satama");
    - the worker a recruiting verb seeks ("hakee digipainajaa", "Elmontör sökes"), where it
      comes before the first occupation of the vocabulary;
    - the first occupation's word in its base form, or its label."""
    occupations = sorted(
        (m for m in result.concepts if m.type == "occupation" and m.spans),
        key=lambda m: m.spans[0][0],
    )
    stripped = text.lstrip()
    first_start = len(text) - len(stripped)
    first_line = stripped.split("\n", 1)[0]
    first_end = first_start + len(first_line)
    first = occupations[0] if occupations else None
    if first is not None:
        before = text[first_start : first.spans[0][0]].split()
        heading = (
            first.spans[0][0] < first_end
            and len(first_line.split()) <= TITLE_WORDS
            and len(before) <= TITLE_LEAD_WORDS
            # in its base form: "Haemme hitsaajaa Kannukseen" is a sentence, not a heading (a
            # title written with another label of the occupation, "Kunnossapitoasentaja", is one)
            and _in_base_form(text[first.spans[0][0] : first.spans[0][1]], first.label, result.lang)
            and not first_line.rstrip().endswith((".", "!", "?"))
        )
        if heading:
            # "CNC-koneistaja, Kokkola" / "Hitsaaja | Kannus" / "Truckförare till vårt lager i
            # Jakobstad": the words up to the occupation's, not the place or workplace after it
            word_end = re.compile(r"[^\s,|/(]*").match(text, first.spans[0][1])
            end = min(first_end, word_end.end() if word_end else first.spans[0][1])
            return _as_written(text[first_start:end].strip().rstrip(".:!"))
    lang = result.lang
    if lang in WORKER_ENDINGS:
        worker = _heading_worker(text, first_start, first_line, lang)
        if worker:
            return worker
    recruited, at = _recruited_worker(text, lang) if lang in WORKER_ENDINGS else ("", -1)
    if first is not None and not (recruited and at < first.spans[0][0]):
        # a sentence: the occupation word as the ad writes it, in its base form ("Etsimme
        # KUNNOSSAPITOASENTAJAA" → "kunnossapitoasentaja", not the preferred label of its
        # concept, "teollisuusmekaanikko"), where that is a worker's word ("laminoijia" is
        # lemmatised as the verb "laminoida"); a phrase or a hyphenated word gives the label
        words = tokenize(text[first.spans[0][0] : first.spans[0][1]], lang)
        base = _worker_form(words[0], lang) if len(words) == 1 and lang in WORKER_ENDINGS else ""
        return base or first.label
    return recruited


# Endings of a word for a worker ("digipainaja", "nuohooja", "kansimies", "torkskötare",
# "dörrmontör", "IT-stödperson"), for a title the vocabulary has no occupation for; and words
# with such an ending that name no worker ("konepaja", "suoja").
WORKER_ENDINGS = {
    "fi": (
        *("aja", "äjä", "ija", "ijä", "oja", "öjä", "yjä", "mies", "mekaanikko", "teknikko"),
        *("insinööri", "päällikkö", "operaattori", "koordinaattori", "sihteeri", "seppä"),
        *("kuski", "sorvari", "hitsari", "muurari", "maalari", "timpuri", "leipuri", "kokki"),
        *("assistentti", "kondiittori"),
    ),
    "sv": (
        *("are", "ör", "tekniker", "mekaniker", "elektriker", "ingenjör", "chef", "biträde"),
        *("assistent", "man", "person", "kock", "koordinator", "erska"),
    ),
}
NOT_WORKERS = {"fi": ("paja", "raja", "suoja", "kuja", "ohja"), "sv": ("inför",)}
# Verbs of recruiting, by lemma or as written ("haemme" keeps its form).
RECRUITING_VERBS = frozenset(
    {
        *("hakea", "haemme", "etsiä", "palkata", "palkkaamme", "tarvita", "rekrytoida"),
        *("söka", "anställa", "rekrytera", "behöva"),
    }
)
RECRUITING_REACH = 4  # words from the verb to the worker it seeks
RECRUITING_SPAN = 120  # characters after a recruiting verb that hold those words
# The written forms the recruiting verbs may take (a cheap look before lemmatising).
_RECRUITING_WORD = re.compile(
    r"\b(?:ha[ek]|hae|etsi|palk|tarvi|rekry|sök|anstäl|rekryter|behöv)\w*", re.IGNORECASE
)
# Verbs of being that make a first sentence a sentence, not a heading.
STATING_VERBS = frozenset({"olla", "vara", "ha", "bli"})
HEADING_WORDS = 5  # a heading this short may name its worker last
# Where a heading's title ends: the place or workplace after it ("Kiinteistöhuoltaja, Kokkola").
_HEADING_END = re.compile(r"\s[–—-]\s|[,|/(:]")


def _heading_worker(text: str, first_start: int, first_line: str, lang: str) -> str:
    """The title a short first line or first sentence gives that starts with a worker's word
    ("Kansimies hinaajalle – Kokkolan satama", "IT-stödperson till fabriksmiljö") or, in a
    heading, ends with one ("Raskaan kaluston jarru- ja piirturiasentaja, Kokkola")."""
    pieces = sentences(first_line)
    if not pieces or len(pieces[0].text.split()) > TITLE_WORDS:
        return ""
    sentence = pieces[0].text
    mark = sentence[-1:]  # what ends the sentence
    segment = _HEADING_END.split(sentence.rstrip(".!?"), maxsplit=1)[0]
    words = tokenize(segment, lang, first_start + pieces[0].start)
    if not words:
        return ""
    # the first word, also behind a hyphenated front ("IT-stödperson")
    k = 1 if len(words) > 1 and text[words[0].end : words[1].start] == "-" else 0
    if _is_worker(words[k], lang):
        return _as_written(_title_word(text, words, k, lang))
    # ... or after one word ("Digital marknadsförare, Jakobstad"), or last in a short heading
    # ("Raskaan kaluston jarru- ja piirturiasentaja, Kokkola", "Imuauton kuljettaja /
    # imukaivu"), where the worker's word is in its base form; a question or a sentence with a
    # verb names no title after its first word ("Oletko kokenut hitsaaja?", "Olen hitsaaja.")
    heading = mark not in ("?", "!") and not any(
        w.lemma in STATING_VERBS or w.lemma in RECRUITING_VERBS or w.norm in RECRUITING_VERBS
        for w in words
    )
    if not heading:
        return ""
    for worker in words[k + 1 : k + 1 + TITLE_LEAD_WORDS] + (
        [words[-1]] if len(words) <= HEADING_WORDS else []
    ):
        if _is_worker(worker, lang) and worker.norm in (worker.lemma, _worker_form(worker, lang)):
            return _as_written(text[words[0].start : worker.end])
    return ""


def _as_written(title: str) -> str:
    """A title in capitals written as a word ("SÅGVERKSOPERATÖR" → "Sågverksoperatör");
    abbreviations stay ("CNC-OPERAATTORI")."""
    return title.capitalize() if title.isupper() and title.isalpha() else title


def _recruited_worker(text: str, lang: str) -> tuple[str, int]:
    """The worker a recruiting verb seeks ("hakee digipainajaa", "söker en torkskötare",
    "Elmontör sökes") and where its word starts; ("", -1) where none is. Only the words around
    a verb the text may write are read (lemmatising the whole text would cost more than the rest
    of reading an ad)."""
    for match in _RECRUITING_WORD.finditer(text):
        start = max(0, text.rfind(" ", 0, max(0, match.start() - 1)))
        tokens = tokenize(text[start : match.end() + RECRUITING_SPAN], lang, start)
        for i, token in enumerate(tokens):
            if token.lemma not in RECRUITING_VERBS and token.norm not in RECRUITING_VERBS:
                continue
            if token.norm == "sökes" and i > 0 and _is_worker(tokens[i - 1], lang):
                return _title_word(text, tokens, i - 1, lang), tokens[i - 1].start
            for j in range(i + 1, min(len(tokens), i + 1 + RECRUITING_REACH)):
                if _is_worker(tokens[j], lang):
                    return _title_word(text, tokens, j, lang), tokens[j].start
    return "", -1


def _is_worker(token: Token, lang: str) -> bool:
    """Whether a word names a worker, by its lemma or as written ("vindkraftstekniker", which
    the lemmatiser reads as the plural of "teknik")."""
    return _worker_form(token, lang) != ""


def _worker_form(token: Token, lang: str) -> str:
    """The base form of a worker's word, or "" where the word names no worker."""
    for form in (token.lemma, token.norm):
        if (
            len(form) >= 4
            and form.isalpha()
            and form.endswith(WORKER_ENDINGS[lang])
            and not form.endswith(NOT_WORKERS[lang])
            # a machine the worker-noun reading of the extraction knows ("skrivare", "lastare"),
            # as a whole word: "löneräknare" and "kundrådgivare" are people
            and form not in AGENT_THINGS.get(lang, ())
        ):
            return form
    return ""


def _title_word(text: str, tokens: Sequence[Token], k: int, lang: str) -> str:
    """A worker's word in its base form, with its hyphenated front ("IV-asentajan" →
    "IV-asentaja") and its first letter as written ("Ompelijoita" → "Ompelija")."""
    worker = tokens[k]
    word = _worker_form(worker, lang) or worker.lemma
    if worker.text[:1].isupper():
        word = word[:1].upper() + word[1:]
    if k + 1 < len(tokens) and text[worker.end : tokens[k + 1].start] == "-":
        # a worker of two trades: "asentaja-ompelijaa" → "asentaja-ompelija"
        second = _worker_form(tokens[k + 1], lang)
        if second:
            return f"{word}-{second}"
    if k > 0 and text[tokens[k - 1].end : worker.start] == "-":
        return f"{tokens[k - 1].text}-{word.lower() if word[:1].isupper() else word}"
    return word


def _in_base_form(written: str, label: str, lang: str) -> bool:
    folded = written.casefold()
    return folded == label.casefold() or normalize(written, lang) == " ".join(folded.split())


def _municipalities() -> list[tuple[str, str, str]]:
    """(code, Finnish name, Swedish name) of the area's municipalities, then the neighbours."""
    areas = json.loads(AREAS_FILE.read_text(encoding="utf-8"))["areas"]
    rows = [
        (m["code"], m["name_fi"], m.get("name_sv") or m["name_fi"])
        for area in areas
        for m in area["municipalities"]
    ]
    return rows + [("", fi, sv) for fi, sv in NEIGHBOURS]


# Finnish stem changes in place names' inflected forms: "Toholampi" → "Toholammilla",
# "Luoto" → "Luodossa", "Kaustinen" → "Kaustisella", "Kalajoki" → "Kalajoella", "Helsinki" →
# "Helsingissä".
_GRADATION = (("mpi", "mm"), ("to", "d"), ("nen", "s"), ("oki", "oe"), ("nki", "ng"))
# A name that begins with "Uusi" inflects it too: "Uudessakaarlepyyssä", "Uudestakaarlepyystä".
_NEW = "uusi"
_NEW_FORMS = ("uuden", "uudessa", "uudesta", "uuteen", "uudella", "uudelta", "uudelle")


def _stems(name: str) -> tuple[str, ...]:
    """Where the inflected forms of a place name start: "Kokkola" → "Kokkola" (Kokkolassa),
    "Pietarsaari" → "Pietarsaar" (Pietarsaaressa), "Kannus" → "Kannu" (Kannuksessa),
    "Toholampi" → "Toholamm" (Toholammilla)."""
    folded = name.casefold()
    stems = {folded}
    if folded[-1:] in ("i", "s", "e"):
        stems.add(folded[:-1])
    for ending, changed in _GRADATION:
        if folded.endswith(ending):
            stems.add(folded[: -len(ending)] + changed)
    if folded.startswith(_NEW) and len(folded) > len(_NEW):
        stems.update(form + folded[len(_NEW) :] for form in _NEW_FORMS)
    return tuple(sorted(stems, key=len, reverse=True))


def _municipality(text: str) -> tuple[str, str]:
    """The place the text names first ("Hitsaaja, Kannus. … asiakkaat Kokkolassa" is Kannus;
    a CV's home town before the towns of its earlier jobs): a capitalised word that is a
    municipality's stem and at most five letters of ending."""
    for match in _PLACE.finditer(text):
        if match.group(0)[:1].isupper():
            return _PLACE_BY_STEM[match.group(1).casefold()]
    return "", ""


MUNICIPALITIES = _municipalities()
# stem → (code, Finnish name), the first municipality of the list where two share a stem
_PLACE_BY_STEM: dict[str, tuple[str, str]] = {}
for _code, _fi, _sv in MUNICIPALITIES:
    for _name in (_fi, _sv):
        for _stem in _stems(_name):
            _PLACE_BY_STEM.setdefault(_stem, (_code, _fi))
_PLACE = re.compile(
    r"\b("
    + "|".join(re.escape(stem) for stem in sorted(_PLACE_BY_STEM, key=len, reverse=True))
    + r")[^\W\d_]{0,5}\b",
    re.IGNORECASE,
)


def _first(folded: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    for kind, stems in table:
        if any(stem in folded for stem in stems):
            return kind
    return ""


def _amount(text: str) -> Decimal | None:
    """A pay figure as the ad writes it ("2 800", "16,50"), by the project's one number parser."""
    try:
        return parse_decimal(text)
    except DomainError:
        return None


def _pay(text: str) -> tuple[Decimal | None, Decimal | None, str]:
    match = _PAY.search(text)
    if not match:
        return None, None, ""
    if match.group("lead"):
        period = _period(match.group("lead"))
        return (*_range(match.group("low2"), match.group("high2")), period)
    if match.group("single"):
        return (*_range(match.group("single"), None), _period(match.group("period1")))
    return (*_range(match.group("low"), match.group("high")), _period(match.group("period")))


def _range(low_text: str, high_text: str | None) -> tuple[Decimal | None, Decimal | None]:
    """A pay range lowest first; a single figure is both ends."""
    low = _amount(low_text)
    high = _amount(high_text) if high_text else low
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


def _period(word: str) -> str:
    folded = word.casefold()
    for key, period in PERIODS.items():
        if folded.startswith(key) and (len(key) > 2 or folded == key):
            return period
    return ""


def _date(match: re.Match[str], today: date, text: str = "") -> date | None:
    """The date a match spells; without a year, the year of the range it begins ("1.6.–31.8.2027")
    or else the next such day from `today`."""
    prefix = "" if match.group("day") is not None else "b_"
    day, month = int(match.group(prefix + "day")), int(match.group(prefix + "month"))
    year_text = match.group(prefix + "year")
    if not year_text and text:
        end = _RANGE_END_YEAR.match(text, match.end())
        year_text = end.group("year") if end else None
    try:
        if year_text:
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            return date(year, month, day)
        found = date(today.year, month, day)
        return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None
