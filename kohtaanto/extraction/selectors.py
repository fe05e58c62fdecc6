"""Reads for the confirm flow: suggestions for a pasted text and concept search.

Neither reads nor writes personal data records: the text is interpreted in memory and not kept.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.db.models.functions import Length
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kohtaanto.common.formats import format_date
from kohtaanto.common.money import format_decimal
from kohtaanto.extraction.ads import reads_as_cv
from kohtaanto.extraction.engine import ExtractionResult, Mention, default_engine, extract
from kohtaanto.extraction.sources import EXTRACTED_TYPES
from kohtaanto.taxonomy.models import Concept, ConceptLabel, ConceptType

# A text this long is a description rather than a list: the ranker's guesses are offered too.
RANK_FROM_WORDS = 30
RANKED_SUGGESTIONS = 8
# A ranked guess scoring below this was right about 4 times in 100 on the tune split of the
# independent test set (bench/README.md, "What the pages offer"): not worth a reader's look.
RANKED_MIN_SCORE = 0.1
# The word bridge's guesses from the rest of ESCO are right once or twice in a thousand there:
# offered apart from the ranked ones, folded away, at most this many.
WIDER_SUGGESTIONS = 4


@dataclass(frozen=True)
class Segment:
    text: str
    mark: str  # "" | "found" | "negated"


@dataclass(frozen=True)
class Row:
    concept_id: int
    label: str
    type_label: str
    required: bool
    note: str = ""  # why an offered concept is offered: a card, or outside the vocabulary


LANGUAGE_NAMES = {
    "fi": _("suomi"),
    "sv": _("ruotsi"),
    "en": _("englanti"),
    "de": _("saksa"),
    "fr": _("ranska"),
    "es": _("espanja"),
    "ru": _("venäjä"),
    "et": _("viro"),
    "no": _("norja"),
    "pl": _("puola"),
    "ar": _("arabia"),
    "uk": _("ukraina"),
    "da": _("tanska"),
    "it": _("italia"),
    "so": _("somali"),
    "fa": _("persia"),
    "ku": _("kurdi"),
    "tr": _("turkki"),
    "vi": _("vietnam"),
    "th": _("thai"),
    "zh": _("kiina"),
    "tl": _("tagalog"),
    "ro": _("romania"),
    "hu": _("unkari"),
    "lv": _("latvia"),
    "lt": _("liettua"),
}
LEVEL_NAMES = {"native": _("äidinkieli"), "": _("taso ei tiedossa")}
EMPLOYMENT_TYPES = {
    "permanent": _("vakituinen"),
    "fixed_term": _("määräaikainen"),
    "summer": _("kesätyö"),
}
WORKING_TIMES = {"full_time": _("kokoaikainen"), "part_time": _("osa-aikainen")}
PAY_PERIODS = {"hour": _("€/tunti"), "month": _("€/kuukausi"), "year": _("€/vuosi")}


@dataclass(frozen=True)
class LanguageRow:
    name: str
    level: str


@dataclass(frozen=True)
class ExperienceRow:
    years: int
    label: str  # the skill or occupation it belongs to ("" if none)
    since: int | None
    until: int | None = None  # a period's last year ("2021–2024")


@dataclass
class Suggestions:
    result: ExtractionResult
    segments: list[Segment]
    found: list[Row]  # named in the text: accepted unless the user says otherwise
    implied: list[Row]  # the ranker's guesses that the text does not name: offered only
    negated: list[Row]  # the text says they are missing
    languages: list[LanguageRow]
    experience: list[ExperienceRow]
    ad: list[tuple[str, str]]  # a job ad's fields the text states: (name, value)
    is_ad: bool = True  # False for a CV: it states no requirements
    # the word bridge's guesses from the rest of ESCO: offered apart, rarely right
    wider: list[Row] = field(default_factory=list)

    @property
    def required_rows(self) -> list[Row]:
        """Named concepts the text requires ("edellytämme", "krävs")."""
        return [row for row in self.found if row.required] if self.is_ad else []

    @property
    def optional_rows(self) -> list[Row]:
        """Named concepts the text wants without requiring ("eduksi katsotaan")."""
        return [row for row in self.found if not row.required] if self.is_ad else []


def extraction_suggest(
    *, text: str, lang: str = "auto", ad: bool | None = True, ui_lang: str = ""
) -> Suggestions:
    """What the text names, negates, and — for a long text — implies.

    `ad=False` for a text that is not a job ad (a CV): no ad fields and no requirements;
    `ad=None` where the text may be either: a CV or a counsellor's note (`reads_as_cv`) is
    read as `ad=False`.
    Concepts are labelled in `ui_lang` (default: the request's language), not in the text's:
    a Swedish ad on a Finnish page lists Finnish labels; a concept with no label in that
    language shows its Finnish, English or Swedish one."""
    result = extract(text, lang)
    if ad is None:
        ad = not reads_as_cv(text, result.lang)
    shown = _Labels((ui_lang or get_language() or "fi")[:2])
    implied: list[Mention] = []
    wider: list[Mention] = []
    if len(text.split()) >= RANK_FROM_WORDS:
        named = {m.concept_id for m in result.concepts + result.negated}
        ranked = extract(text, result.lang, mode="rank")
        guesses = [m for m in ranked.concepts if m.concept_id not in named]
        implied = [m for m in guesses if not m.confirm and m.score >= RANKED_MIN_SCORE]
        implied = implied[:RANKED_SUGGESTIONS]
        wider = [m for m in guesses if m.confirm][:WIDER_SUGGESTIONS]
    # A skill known only from a card, or one outside the vocabulary, is offered, not ticked.
    named_rows = _rows([m for m in result.concepts if not (m.implied or m.confirm)], shown)
    offered = [m for m in result.concepts if m.implied or m.confirm]
    cues = _Cues(text, result)
    return Suggestions(
        result,
        highlight(text, result),
        named_rows,
        _rows(offered, shown, cues) + _rows(implied, shown),
        _rows(result.negated, shown),
        [
            LanguageRow(
                str(LANGUAGE_NAMES.get(e.code, e.code)), str(LEVEL_NAMES.get(e.level, e.level))
            )
            for e in result.languages
        ],
        [
            ExperienceRow(e.years, shown.of_uri(e.uri, e.label), e.since, e.until)
            for e in result.experience
        ],
        _ad_rows(result) if ad else [],
        ad,
        _rows(wider, shown),
    )


def _pay_amount(value: Decimal) -> str:
    """A pay figure as the reader writes numbers: "2 900", "16,50"."""
    return format_decimal(value, places=0 if value == value.to_integral_value() else 2)


def _ad_rows(result: ExtractionResult) -> list[tuple[str, str]]:
    """The job ad's fields the text states, as (name, value) for display."""
    ad = result.ad
    pay = ""
    if ad.pay_min is not None:
        low = _pay_amount(ad.pay_min)
        amount = low if ad.pay_max in (None, ad.pay_min) else f"{low}–{_pay_amount(ad.pay_max)}"
        pay = f"{amount} {PAY_PERIODS.get(ad.pay_period, '')}".strip()
    rows = [
        (_("Tehtävänimike"), ad.title),
        (_("Kunta"), ad.municipality_name),
        (_("Työsuhde"), str(EMPLOYMENT_TYPES.get(ad.employment_type, ""))),
        (_("Työaika"), str(WORKING_TIMES.get(ad.working_time, ""))),
        (_("Palkka"), pay),
        (_("Aloitus"), format_date(ad.start_date)),
        (_("Hakuaika päättyy"), format_date(ad.deadline)),
    ]
    return [(str(name), value) for name, value in rows if value]


class _Labels:
    """Concept labels in the user's language, from the engine's index (no extra query)."""

    def __init__(self, lang: str) -> None:
        index = default_engine().index()
        self._labels = index.labels(lang)
        self._by_uri = index.by_uri

    def of(self, mention: Mention) -> str:
        return self._labels.get(mention.concept_id, mention.label)

    def of_uri(self, uri: str, default: str) -> str:
        concept_id = self._by_uri.get(uri) if uri else None
        return self._labels.get(concept_id, default) if concept_id is not None else default


class _Cues:
    """What implied a skill: a card the text names, or other words (a job title, a tool)."""

    def __init__(self, text: str, result: ExtractionResult) -> None:
        self.text = text
        self.cards = {
            span
            for m in result.concepts + result.negated
            if m.type == ConceptType.REQUIREMENT
            for span in m.spans
        }

    def note(self, mention: Mention) -> str:
        span = mention.spans[0] if mention.spans else None
        if span is None or span in self.cards:
            return str(_("kortin perusteella"))
        return str(_("päätelty sanoista ”%(cue)s”") % {"cue": self.text[span[0] : span[1]]})


def _rows(mentions: list[Mention], shown: _Labels, cues: _Cues | None = None) -> list[Row]:
    types = dict(ConceptType.choices)
    return [
        Row(
            m.concept_id,
            shown.of(m),
            str(types.get(m.type, m.type)),
            m.required,
            _note(m, cues),
        )
        for m in mentions
    ]


def _note(mention: Mention, cues: "_Cues | None" = None) -> str:
    if mention.implied:
        return cues.note(mention) if cues else str(_("kortin perusteella"))
    if mention.confirm:
        return str(_("sanaston ulkopuolelta, vahvista"))
    return ""


def highlight(text: str, result: ExtractionResult) -> list[Segment]:
    """The text cut into plain and marked pieces; overlapping spans keep the earlier one."""
    spans = sorted(
        [(start, end, "found") for m in result.concepts for start, end in m.spans]
        + [(start, end, "negated") for m in result.negated for start, end in m.spans]
    )
    segments = []
    position = 0
    for start, end, mark in spans:
        if start < position:
            continue
        if start > position:
            segments.append(Segment(text[position:start], ""))
        segments.append(Segment(text[start:end], mark))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:], ""))
    return segments


def concept_search(*, query: str, lang: str, limit: int = 10) -> list[tuple[Concept, str]]:
    """Concepts whose label contains the query, preferred labels and shorter labels first."""
    folded = query.strip().casefold()
    labels = (
        ConceptLabel.objects.filter(concept__type__in=EXTRACTED_TYPES)
        .filter(Q(normalized__contains=folded) | Q(text__icontains=query.strip()))
        .select_related("concept")
        .order_by(Length("text"), "id")[: limit * 5]
    )
    found: dict[int, tuple[Concept, str]] = {}
    for label in sorted(labels, key=lambda row: (row.kind != "pref", len(row.text))):
        if label.concept_id not in found:
            found[label.concept_id] = (label.concept, label.concept.label(lang))
        if len(found) == limit:
            break
    return list(found.values())
