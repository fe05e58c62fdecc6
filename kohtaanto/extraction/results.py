"""What extraction returns, and how a text's matches become it.

`assemble` turns the matches of a text (`matching.Occurrence`, by concept) into an
`ExtractionResult`: one `Mention` per concept, found or negated; the most specific of a general
skill and its kinds; the skills the cards found imply; experience attached to its skill.
"""

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from kohtaanto.extraction import cues
from kohtaanto.extraction.ads import AdFields
from kohtaanto.extraction.details import Experience, Language
from kohtaanto.extraction.index import LabelIndex
from kohtaanto.extraction.matching import Occurrence
from kohtaanto.extraction.sources import ConceptRecord
from kohtaanto.extraction.text import FULL_STOP, same_sentence, word_alternatives
from kohtaanto.taxonomy.text import known_word

REPEAT_BONUS = 0.05  # per extra occurrence, up to +0.1
IMPLIED_FACTOR = 0.9
# Mention types experience can belong to ("5 vuotta hitsaajana", "kokemusta hitsauksesta").
EXPERIENCE_TYPES = ("skill", "knowledge", "occupation")


# The spans of a ranked concept, which the text does not name (one tuple shared by them all).
NO_SPANS: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class Mention:
    concept_id: int
    uri: str
    label: str
    type: str  # "skill" | "knowledge" | "occupation" | "requirement"
    score: float  # 0..1
    spans: Sequence[tuple[int, int]]  # where the text names it; none for a ranked concept
    required: bool = False  # the text marks it as a requirement
    implied: bool = False  # not named: evidenced by a card, a job title or a tool the text names
    confirm: bool = False  # outside the shipped vocabulary: offered for confirmation

    def as_dict(self) -> dict[str, object]:
        """The JSON form used by the command and the API."""
        return {
            "uri": self.uri,
            "label": self.label,
            "type": self.type,
            "score": self.score,
            "spans": [list(span) for span in self.spans],
            "required": self.required,
            "implied": self.implied,
            "confirm": self.confirm,
        }


@dataclass(slots=True)
class ExtractionResult:
    lang: str
    concepts: list[Mention] = field(default_factory=list)
    negated: list[Mention] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    experience: list[Experience] = field(default_factory=list)
    ad: AdFields = field(default_factory=AdFields)  # mode "match" only

    def as_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "concepts": [m.as_dict() for m in self.concepts],
            "negated": [m.as_dict() for m in self.negated],
            "languages": [entry.as_dict() for entry in self.languages],
            "experience": [entry.as_dict() for entry in self.experience],
            "ad": self.ad.as_dict(),
        }


@dataclass(slots=True)
class Stated:
    """Languages and experience found while matching, with each experience's sentence."""

    languages: list[Language] = field(default_factory=list)
    experience: list[tuple[Experience, tuple[int, int]]] = field(default_factory=list)


def _order(mention: Mention) -> tuple[float, int]:
    return (-mention.score, mention.spans[0][0] if mention.spans else 1 << 30)


def assemble(
    index: LabelIndex,
    found: dict[int, list[Occurrence]],
    lang: str,
    stated: Stated,
    text: str = "",
) -> ExtractionResult:
    result = ExtractionResult(lang=lang, languages=unique_languages(stated.languages))
    # A language is an entry in `languages` when the text says one is spoken; where it does,
    # the language skills ("Puhun englantia" → speaking English) are that entry too, as in
    # rank mode.
    languages = index.language_skills if result.languages else index.language_concepts
    unsuggested = _not_suggested(index, found, lang, text)
    # most texts say no interest: the clause of interest is looked for only where one is said
    interested = bool(text) and _INTEREST.search(text) is not None
    for concept_id, occurrences in found.items():
        if concept_id in languages or concept_id in unsuggested:
            continue
        record = index.concepts[concept_id]
        if interested and record.type != "occupation":
            # "Kiinnostunut louhoksen dumpperin tai pyöräkuormaajan kuljettajan työstä": what
            # the person is interested in is no skill held (the job itself stays an occupation)
            occurrences = [o for o in occurrences if o.negated or not _in_interest(text, o.span)]
            if not occurrences:
                continue
        # A skill the text names is reported as named; what only a title or an instrument
        # implies (`implied.py`) is reported as implied, negated where its cue is.
        named = [o for o in occurrences if not o.implied]
        pool = named or occurrences
        positive = [o for o in pool if not o.negated]
        negated = [o for o in pool if o.negated]
        if positive and negated and all(_outweighed(o, negated, text) for o in positive):
            # "Manuell svarvning är inget krav längre, eftersom de konventionella svarvarna …": a
            # weaker mention beside a negated one in the same sentence (a full stop ends it, a
            # list dash does not) is the same thing said to be absent; so is one in a plan for
            # what is to come ("Tulityökorttia ei vielä ole. Suunnitelma: tulityökortti")
            positive = []
        chosen = positive or negated or pool
        spans = sorted({o.span for o in chosen})
        score = max(o.score for o in chosen) + REPEAT_BONUS * min(2, len(spans) - 1)
        mention = Mention(
            concept_id=concept_id,
            uri=record.uri,
            label=record.label(lang),
            type=record.type,
            score=round(min(1.0, score), 3),
            spans=spans,
            required=any(o.required for o in positive),
            implied=not named,
            confirm=_to_confirm(index, record),
        )
        (result.concepts if positive else result.negated).append(mention)
    # A card's skill is implied like a title's: it gives way to the kinds the text names too
    # (a welder's qualification beside "MIG/MAG- och TIG-svetsning").
    _add_implied(index, result, lang, text)
    replaced = _keep_most_specific(index, result, text)
    for mentions in (result.concepts, result.negated):
        mentions.sort(key=_order)
    result.experience = _attach_experience(stated.experience, result.concepts, replaced, text)
    return result


def _outweighed(occurrence: Occurrence, negated: Sequence[Occurrence], text: str) -> bool:
    """Whether a stronger negated occurrence stands in the occurrence's sentence, not across a
    contrast ("Kaksvuorotyö käy hyvin, mut yövuoroja en pysty tekemään"), or one the
    occurrence's clause gives the reason for ("Hitsauskokemusta ei vaadita, koska hitsaustyöt
    ostetaan alihankintana") — or whether the occurrence stands in a plan after a negated one
    anywhere before it."""
    if text and _in_plan(text, occurrence.span) and any(n.span < occurrence.span for n in negated):
        return True
    return bool(text) and any(
        same_sentence(text, n.span, occurrence.span, list_items=False)
        and (
            (n.score > occurrence.score and not _contrast_between(text, n.span, occurrence.span))
            or _reason_for(text, n.span, occurrence.span)
            or _consequence_of(text, occurrence.span, n.span)
        )
        for n in negated
    )


def _in_plan(text: str, span: tuple[int, int]) -> bool:
    """Whether the span stands after a plan heading, or after a referral, recommendation or
    agreement ("Ohjataan …", "hänvisas till …", `cues.PLAN_VERBS`), in its own sentence or
    line."""
    start = _sentence_start(text, span[0])
    return (
        _PLAN.search(text, start, span[0]) is not None
        or _PLAN_VERB.search(text, start, span[0]) is not None
    )


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence or line that `position` stands in begins."""
    stops = list(FULL_STOP.finditer(text, 0, position))
    return stops[-1].end() if stops else 0


def _consequence_of(text: str, occurrence: tuple[int, int], negated: tuple[int, int]) -> bool:
    """Whether the negated occurrence stands in a consequence clause right after the
    occurrence's ("Keskusten koestus tehdään erillisessä testausyksikössä, joten
    koestuskokemusta ei edellytetä"): the work is done by others, so it is not needed."""
    if occurrence[1] > negated[0]:
        return False
    return _CONSEQUENCE.search(text, occurrence[1], negated[0]) is not None


def _in_interest(text: str, span: tuple[int, int]) -> bool:
    """Whether the span stands in a clause of interest ("kiinnostunut …", "intresserad av …"):
    after the word of interest and before the clause ends (punctuation, or a conjunction that
    goes on to something else: "kiinnostunut autoista ja olen auttanut autojen huolloissa")."""
    start = _sentence_start(text, span[0])
    interests = list(_INTEREST.finditer(text, start, span[0]))
    return bool(interests) and _INTEREST_END.search(text, interests[-1].end(), span[0]) is None


def _contrast_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a contrast conjunction ("mutta", "men", "but") stands between two spans."""
    left, right = sorted((a, b))
    return _CONTRAST.search(text, left[1], right[0]) is not None


def _any_word(table: dict[str, set[str]]) -> str:
    """One pattern for the words of every language in a cue table."""
    return word_alternatives({word for words in table.values() for word in words})


_REASON = re.compile(
    r"(?:,\s*(?:"
    + _any_word(cues.REASON)
    + r")|\s(?:"
    + _any_word(cues.REASON_UNPUNCTUATED)
    + r"))\b",
    re.IGNORECASE,
)
_CONTRAST = re.compile(r"\b(?:" + _any_word(cues.CONTRAST) + r")\b", re.IGNORECASE)
_PLAN = re.compile(r"\b(?:" + _any_word(cues.PLAN_HEADINGS) + r")\s*:", re.IGNORECASE)
_PLAN_VERB = re.compile(r"\b(?:" + _any_word(cues.PLAN_VERBS) + r")\b", re.IGNORECASE)
_CONSEQUENCE = re.compile(r",\s*(?:" + _any_word(cues.CONSEQUENCE) + r")\b", re.IGNORECASE)
_INTEREST = re.compile(r"\b(?:" + _any_word(cues.INTEREST) + r")\b", re.IGNORECASE)
_INTEREST_END = re.compile(
    r"[,;:()\n]|\s(?:" + _any_word(cues.INTEREST_ENDS) + r")\s", re.IGNORECASE
)
_TEACHING = re.compile(r"\b(?:" + word_alternatives(set(cues.TEACHING)) + ")", re.IGNORECASE)


def _reason_for(text: str, negated: tuple[int, int], occurrence: tuple[int, int]) -> bool:
    """Whether the occurrence stands in a reason clause right after the negated one."""
    if negated[1] > occurrence[0]:
        return False
    reason = _REASON.search(text, negated[1], occurrence[0])
    if reason is None:
        return False
    end = FULL_STOP.search(text, occurrence[1])
    return _TEACHING.search(text, reason.end(), end.start() if end else len(text)) is None


# A general skill left out for its kinds: its mention, and the kinds' mentions that replace it.
Replaced = dict[int, tuple[Mention, list[Mention]]]


def _keep_most_specific(index: LabelIndex, result: ExtractionResult, text: str = "") -> Replaced:
    """A general skill is left out where the text also names a kind of it ("hitsaus" beside
    "MAG-hitsaus"): the most specific concept the text supports (`LabelIndex.narrower`). A
    general skill said to be absent or not needed is dropped where the text names a kind of it.

    Returns what was left out and the kept kinds that replace each, so that what the text
    says of the general skill ("5 vuoden kokemus hitsauksesta") can go to its kinds."""
    if not index.narrower:
        return {}
    found = {m.concept_id: m for m in result.concepts}
    # A skill the text names gives way only to a kind it also names, not to an implied one.
    named = {m.concept_id for m in result.concepts if not m.implied}
    kinds = {
        m.concept_id: frozenset(
            kind
            for kind in index.narrower.get(m.concept_id, frozenset())
            & (found.keys() if m.implied else named)
            if found[kind].implied
            or _writes_kind(text, found[kind].spans, index.general_words.get(m.concept_id, ()))
        )
        for m in result.concepts
    }
    result.concepts = [m for m in result.concepts if not kinds[m.concept_id]]
    # "Opit MIG/MAG-hitsauksen perusteet. Aiempaa hitsauskokemusta ei edellytetä": what is
    # absent or not needed is the general experience, and the text names a kind of it as
    # present; neither is reported absent.
    result.negated = [
        m for m in result.negated if not index.narrower.get(m.concept_id, frozenset()) & named
    ]

    def most_specific(concept_id: int, seen: frozenset[int]) -> list[int]:
        if not kinds[concept_id]:
            return [concept_id]
        return [
            kept
            for kind in sorted(kinds[concept_id] - seen)
            for kept in most_specific(kind, seen | {kind})
        ]

    replaced: Replaced = {}
    for concept_id, narrower in kinds.items():
        if narrower:
            kept = dict.fromkeys(most_specific(concept_id, frozenset({concept_id})))
            replaced[concept_id] = (
                found[concept_id],
                sorted((found[k] for k in kept), key=lambda m: m.spans[0] if m.spans else (0, 0)),
            )
    return replaced


_ABBREVIATED = re.compile(r"^[A-ZÅÄÖ0-9]{2,}")


def _writes_kind(text: str, spans: Sequence[tuple[int, int]], words: tuple[str, ...]) -> bool:
    """Whether the text writes a kind as a kind of the general skill: a span holds the general
    word, inflected (its stem without the last three letters: "vianetsintä" → "vianetsinnän"),
    or the kind by its short name ("MAG", "TIG-"). A kind found by another of its names says
    the other thing ("ääniohjausta" is voice picking, not a kind of picking one did instead).
    Without the text (or the words) every span counts."""
    if not text or not words:
        return True
    stems = [word[: max(4, len(word) - 3)] for word in words]
    for start, end in spans:
        written = text[start:end]
        if _ABBREVIATED.match(written) or any(stem in written.casefold() for stem in stems):
            return True
    return False


def _not_suggested(
    index: LabelIndex, found: dict[int, list[Occurrence]], lang: str, text: str
) -> set[int]:
    """The concepts outside the vocabulary (English labels only) that a Finnish or Swedish
    text names only with single English words that name no skill there: an everyday English
    word, mostly from a job title or a name ("Reliability Engineer", "language", "fuel"); a
    two-letter abbreviation ("IT"); or an abbreviation that names several such concepts at once
    ("ICT": the in-circuit test, hardware and circuit-board testing methods and computer
    technology; "CSS": style sheet languages and CSS). Product names and other abbreviations
    ("TypeScript", "Gitillä", "BIM") stay suggestions. Nor is there a suggestion from words a
    vocabulary concept was found by: "GPS" is the vocabulary's GPS skill, not also ESCO's
    geographic information systems, whose English labels include "GPS"."""
    if lang not in ("fi", "sv") or not index.beyond_vocabulary:
        return set()
    beyond = {
        concept_id: {o.span for o in occurrences}
        for concept_id, occurrences in found.items()
        if _to_confirm(index, index.concepts[concept_id])
    }
    named_by = Counter(span for spans in beyond.values() for span in spans)
    in_vocabulary = {
        o.span
        for concept_id, occurrences in found.items()
        if concept_id not in beyond
        for o in occurrences
    }

    def stray(span: tuple[int, int]) -> bool:
        if span in in_vocabulary:
            return True
        written = text[span[0] : span[1]]
        if not written.isalpha():
            return False
        if written.isupper():
            return len(written) <= 2 or named_by[span] >= 2
        return written[1:].islower() and known_word(written.casefold(), "en")

    return {concept_id for concept_id, spans in beyond.items() if all(map(stray, spans))}


def _to_confirm(index: LabelIndex, record: ConceptRecord) -> bool:
    """An ESCO concept outside the shipped vocabulary, where both are loaded: a suggestion.
    Requirements are the project's own and never need it."""
    return index.beyond_vocabulary and not record.in_vocabulary and record.type != "requirement"


def unique_languages(found: Sequence[Language]) -> list[Language]:
    """One entry per language; a level given anywhere wins over none, the higher over the lower."""
    best: dict[str, Language] = {}
    for entry in found:
        known = best.get(entry.code)
        if known is None or _level_rank(entry.level) > _level_rank(known.level):
            best[entry.code] = entry
    return list(best.values())


_LEVEL_ORDER = ("", "A1", "A2", "B1", "B2", "C1", "C2", "native")


def _level_rank(level: str) -> int:
    return _LEVEL_ORDER.index(level) if level in _LEVEL_ORDER else 0


def _by_licence_word(index: LabelIndex, text: str, mention: Mention, lang: str) -> bool:
    """Whether a licence word implied the mention ("Ajokortti on B, mutta C-korttia ei oo":
    the licence held is not the one said to be missing)."""
    words = tuple(index.implied.licences.get(lang, {})) if index.implied else ()
    return any(text[start:end].casefold().startswith(words) for start, end in mention.spans)


def _add_implied(index: LabelIndex, result: ExtractionResult, lang: str, text: str = "") -> None:
    """The skill a found card evidences ("trukkikortti" → operating a forklift), marked implied.

    Added only when the text does not name the skill itself; a negated card's skill is
    negated too.
    """
    present = {m.concept_id for m in result.concepts} | {m.concept_id for m in result.negated}
    implied_found = {m.concept_id: m for m in result.concepts if m.implied}
    for mention, mentions in [(m, result.concepts) for m in list(result.concepts)] + [
        (m, result.negated) for m in list(result.negated)
    ]:
        # "Trukkikorttia minulla ei ole": the card's skill is negated with it
        evidenced = index.concepts[mention.concept_id].evidences
        skill_id = index.by_uri.get(evidenced) if evidenced else None
        if skill_id is None:
            continue
        if skill_id in present:
            # Implied by the title too ("Truckförare … Du har truckkort"): a required card
            # makes its skill required, whichever found it first.
            other = implied_found.get(skill_id)
            if other is not None and mention.required and mentions is result.concepts:
                other.required = True
            if (
                other is not None
                and mentions is result.negated
                and bool(text)
                and all(
                    same_sentence(text, a, b, list_items=False)
                    for a in other.spans
                    for b in mention.spans
                )
                and not _by_licence_word(index, text, other, lang)
            ):
                # "Truckkort krävs inte, vi har egna truckförare": what the sentence says is
                # not needed is the card's skill, whoever else the title is
                _to_negated(result, other)
            named = next((m for m in result.concepts if m.concept_id == skill_id), None)
            if (
                named is not None
                and mentions is result.negated
                and bool(text)
                and all(
                    _in_plan(text, span) and any(card < span for card in mention.spans)
                    for span in named.spans
                )
            ):
                # "Heta arbeten-kort saknas; anvisad till kurs i heta arbeten": the skill
                # named only in a plan after its missing card is what is to come
                _to_negated(result, named)
            continue
        present.add(skill_id)
        record = index.concepts[skill_id]
        mentions.append(
            Mention(
                concept_id=skill_id,
                uri=record.uri,
                label=record.label(lang),
                type=record.type,
                score=round(mention.score * IMPLIED_FACTOR, 3),
                spans=list(mention.spans),
                required=mention.required,
                implied=True,
                confirm=_to_confirm(index, record),
            )
        )


def _to_negated(result: ExtractionResult, mention: Mention) -> None:
    """A found mention the text turns out to negate: no longer present, nor required."""
    result.concepts.remove(mention)
    mention.required = False
    result.negated.append(mention)


NEAR = 40  # characters between years and a mention that still count as near


def _attach_experience(
    found: Sequence[tuple[Experience, tuple[int, int]]],
    mentions: Sequence[Mention],
    replaced: Replaced,
    text: str,
) -> list[Experience]:
    """Each experience to the nearest skill or occupation of its sentence: within the near
    ones, a mention on its own side of a conjunction (or colon) before one across it ("siivonnu
    toimistoja 5 vuotta ja tehny troubleshootingia": the years are the cleaning's; "1,5 år
    som truckförare och 2,5 års erfarenhet av MIG/MAG-svetsning": the 2,5 years are the
    welding's), then occupations first ("5 vuotta hitsaajana" is about the work, not one of
    its skills). A general skill left
    out for its kinds passes its years on to each of them ("5 vuoden kokemus hitsauksesta"
    with "MIG- ja MAG-hitsaus" elsewhere: 5 years of MIG and of MAG welding)."""
    result = []
    general = [mention for mention, _ in replaced.values()]
    for entry, (start, end) in found:
        candidates = [
            (
                (
                    (distance := _distance(entry.span, span)) > NEAR,
                    _across_conjunction_or_colon(text, entry.span, span),
                    m.type != "occupation",
                    distance,
                ),
                m,
            )
            for m in [*mentions, *general]
            if m.type in EXPERIENCE_TYPES and not m.implied
            for span in m.spans
            if start <= span[0] < end
        ]
        if not candidates:
            result.append(entry)
            continue
        mention = min(candidates, key=lambda c: c[0])[1]
        chosen = _coordinated(mention, [m for _, m in candidates], text)
        owners = [
            owner
            for m in chosen
            for owner in (replaced[m.concept_id][1] if m.concept_id in replaced else [m])
        ]
        for owner in {owner.concept_id: owner for owner in owners}.values():
            result.append(dataclasses.replace(entry, uri=owner.uri, label=owner.label))
    return result


# What may stand between coordinated mentions: "MIG/MAG-svetsning", "MIG- och MAG-svetsning",
# "hitsauksesta, särmäyksestä ja koneistuksesta".
_COORDINATION = re.compile(
    r"^[\s/,&+-]*(?:(?:" + word_alternatives(set(cues.CONJUNCTIONS)) + r")[\s-]*)?$",
    re.IGNORECASE,
)


def _coordinated(mention: Mention, candidates: Sequence[Mention], text: str) -> list[Mention]:
    """The mention and those of the same kind (occupation or not) coordinated with it, one
    after another with only commas, slashes or a conjunction between: "2,5 års erfarenhet av
    MIG/MAG-svetsning" is two and a half years of both."""
    group = [mention]
    occupation = mention.type == "occupation"
    others = {id(m): m for m in candidates if (m.type == "occupation") == occupation}
    others.pop(id(mention), None)
    grown = True
    while grown:
        grown = False
        for key, other in list(others.items()):
            if any(_adjacent(text, a, b) for m in group for a in m.spans for b in other.spans):
                group.append(other)
                del others[key]
                grown = True
    return group


def _adjacent(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans touch, overlap or have only coordination between them."""
    left, right = sorted((a, b))
    return right[0] <= left[1] or _COORDINATION.match(text[left[1] : right[0]]) is not None


# A conjunction between two words: "…5 vuotta ja tehny…", "…i fyra år och kört…".
_CONJUNCTION = re.compile(
    r"(?:^|\W)(?:" + word_alternatives(set(cues.CONJUNCTIONS)) + r")(?:\W|$)", re.IGNORECASE
)


def _across_conjunction_or_colon(text: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether a coordinating conjunction, a colon or a semicolon stands between the two spans
    ("hitsaajana konepajassa: MIG-hitsauskokemusta on viisi vuotta": the years are the MIG
    welding's)."""
    between = text[min(a[1], b[1]) : max(a[0], b[0])]
    return _CONJUNCTION.search(between) is not None or ":" in between or ";" in between


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])
