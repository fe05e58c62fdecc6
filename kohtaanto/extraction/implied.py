"""Skills a text implies without naming them: a job title's own work, a tool's operation.

Two kinds of rule; what they find is reported as implied (offered for confirmation, like the
skill a card evidences), with the words that implied it as its span:

- **Titles** (`data/implied_skills.csv`, written for the project): an occupation label of the
  shipped vocabulary, in Finnish or Swedish, and the one or two skills the title itself names —
  "trukinkuljettaja" → operating a forklift, "putkimies" → plumbing, "svetsare" → welding.
  Only titles that name their work: "sähköasentaja" or "koneistaja" do many things, and a careful
  reader tags none of them from the title alone. The title counts where the text is about the
  person's own work: "olen hitsaaja", "trukinkuljettajana", "hitsaajaksi", "haemme ahtaajia",
  "som svetsare"; not "15 hitsaajan työnjohtaja" (genitive), "koulutus koneistajille" (allative),
  or a sentence about leading or training others ("johdat prosessinhoitajia", "kursen passar
  underhållsmontörer"). A compound ending in a title is that title ("levysepänhitsaaja").
- **Instruments**: a compound label of the vocabulary made of an instrument and an action
  ("CNC-sorvaus", "plasmaleikkaus", "CNC-svarvning") is implied where the text does the action
  with the instrument: "sorvaan CNC:llä", "levyjen leikkaus plasmalla", "jag svarvar med CNC".
  The instrument is written in the adessive (Finnish) or after "med" (Swedish), the action as
  the label's noun or its verb, within a few words in the same sentence. Derived from the
  vocabulary's labels: no table.

Negation and requirement marks come from the clause the cue is in (`matching.mark`), as for
named concepts: "en ole hitsaaja" reports welding as negated.
"""

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kohtaanto.extraction.cues import CONJUNCTIONS, PRIOR, Clause
from kohtaanto.extraction.index import RANKED_TYPES, LabelIndex
from kohtaanto.extraction.matching import Occurrence
from kohtaanto.extraction.text import Token, common_prefix, is_abbreviation, known_word, tokenize
from kohtaanto.extraction.word_forms import DERIVATIONS, label_lemmas

TABLE = Path(__file__).resolve().parent / "data" / "implied_skills.csv"
TITLE_MATCH = 0.7  # an implied skill is weaker evidence than a named one
INSTRUMENT_MATCH = 0.8
INSTRUMENT_WINDOW = 8  # words between the action and its instrument (or tool), at most
# Verbs of using a tool: "SolidWorksiä käytän", "SolidWorks använder jag".
USE_VERBS = {
    "fi": frozenset({"käyttää"}),
    "sv": frozenset({"använda"}),
    "en": frozenset({"use", "operate"}),
}
MIN_TITLE_HEAD = 5  # shortest title matched as the head of a compound ("hioja")
MIN_MODIFIER = 3
CACHE_LIMIT = 100_000
# English names of skills that are operating a machine or tool ("operate plasma cutting torch",
# "tend CNC milling machine", "use CAD software").
OPERATING = ("operate ", "tend ", "use ")
# Words saying the title is somebody else, not the person written about or sought.
OTHERS = {
    "fi": frozenset(
        {
            "johtaa",
            "esimies",
            "esihenkilö",
            "työnjohtaja",
            "tarkoittaa",
            "soveltua",
            "sopia",
            "kouluttaa",
            "perehdyttää",
        }
    ),
    "sv": frozenset(
        {"leda", "arbetsledare", "förman", "passa", "avse", "lämpa", "utbilda", "handleda"}
    ),
}
# Swedish words before a title that make it someone else's: "utbildning för truckförare",
# "handsignaler mellan anslagare och kranförare", "anhuggit lyften åt kranförarn" (not "till",
# the aim of a training, nor "med", which is as often a tool: "med batteritestare").
_SV_PREPOSITIONS = frozenset({"för", "åt", "mellan", "hos", "från", "av", "om"})
# The definite form of a Swedish title: the person or people the text speaks of, not the writer
# ("montören", "kranförarn", "truckförarna"); the writer's own title is indefinite ("jag är
# kranförare").
_SV_DEFINITE = ("en", "n", "na")
# Finnish case endings that make a title someone else's (genitive, illative, allative,
# adessive, ablative, inessive): "hitsaajan", "koneistajille", "hitsaajalla".
_OTHER_CASES = ("lle", "lla", "llä", "lta", "ltä", "ssa", "ssä")
_ADESSIVE = ("lla", "llä")
# "yhden": with a title after it the object sought, not a genitive ("yhden särmääjän").
_ONE = frozenset({"yhden"})


KINDS = ("title", "licence")
MIN_ACTION_WORD = 5  # shortest word of a negated clause read as an implied skill's action
# Words of using that a label shares with hundreds of others ("trukin käyttö", "hiomakoneen
# käyttö"): no action of its own. "Piikkauskoneen käytöstä minulla ei ole kokemusta" is about
# the breaker, not about the forklift a title before it implies.
_GENERIC_ACTIONS = frozenset(
    {"käyttö", "användning", "usage", "operation"}.union(*USE_VERBS.values())
)


@dataclass(frozen=True, slots=True)
class NegatedClause:
    """A clause with a negation that names nothing (`negated_clauses`): its words without the
    cue."""

    lang: str
    tokens: tuple[Token, ...]


def negated_clauses(
    tokens: Sequence[Token],
    clauses: Sequence[Clause],
    occurrences: Sequence[tuple[int, Occurrence]],
    lang: str,
) -> list[NegatedClause]:
    """A sentence's clauses whose negation may be about an implied skill's action: those that
    name nothing. Where a clause names something (a kind of the skill, a card, an object), its
    negation is about that; "Tidigare erfarenhet av tunga fordon förutsätts inte" says no
    previous experience is needed, not that the work is."""
    named = {occurrence.clause for _, occurrence in occurrences if not occurrence.implied}
    return [
        NegatedClause(
            lang,
            tuple(tokens[k] for k in range(clause.start, clause.end) if k != clause.negation_at),
        )
        for number, clause in enumerate(clauses)
        if clause.negation_at is not None
        and number not in named
        and not any(t.lemma in PRIOR or t.norm in PRIOR for t in tokens[clause.start : clause.end])
    ]


# What may follow a word's stem in a compound that still says the action: "ohjelmointitaito",
# "svetserfarenhet" (after a linking "s").
SKILL_HEADS = ("taito", "kokemus", "osaaminen", "erfarenhet", "kunskap", "kunnande", "vana")


def _same_stem(a: str, b: str) -> bool:
    """ "programmera" / "programmering", "hitsata" / "hitsaus", "ohjelmointitaito" /
    "ohjelmointi": they share all but their last three letters (at least five), or the longer
    one goes on with a word for the skill itself (`SKILL_HEADS`); "fordonslinjen" is no
    "fordon" (vehicle) of a negated action."""
    if len(a) < MIN_ACTION_WORD or len(b) < MIN_ACTION_WORD:
        return False
    shared = common_prefix(a, b)
    if shared < MIN_ACTION_WORD:
        return False
    rest = max(a, b, key=len)[shared:]
    return len(rest) <= 3 or rest.removeprefix("s").startswith(SKILL_HEADS)


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "title" (an occupation label) or "licence" (a licence word without its class)
    lang: str
    cue: str
    skill_uri: str


@lru_cache(maxsize=4)
def read_table(path: Path = TABLE) -> tuple[Row, ...]:
    """The table's rows: kind, lang, cue, skill_uri (the `skill` column is for the reader)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Row(row["kind"], row["lang"], row["cue"].strip(), row["skill_uri"].strip())
            for row in csv.DictReader(handle)
        )


class ImpliedRules:
    """The rules resolved against one label index: built once with it, read-only after."""

    def __init__(
        self,
        by_uri: dict[str, int],
        phrases: Mapping[str, Mapping[tuple[str, ...], object]],
        labels: Iterable[tuple[int, str, str, bool]],
        rows: Sequence[Row] = (),
        tools: Mapping[int, tuple[int, ...]] | None = None,
    ) -> None:
        titles: dict[str, dict[tuple[str, ...], set[int]]] = defaultdict(lambda: defaultdict(set))
        licences: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        for row in rows:
            skill_id = by_uri.get(row.skill_uri)
            tokens = tokenize(row.cue, row.lang)
            if skill_id is None or not tokens:
                continue  # a skill this taxonomy does not have
            if row.kind == "licence":
                licences[row.lang][tokens[-1].lemma].add(skill_id)
            else:
                titles[row.lang][label_lemmas(tokens)].add(skill_id)
        # "Ajokortti tarvitaan": a licence word without its class, matched as the word itself
        self.licences = {
            lang: {lemma: tuple(sorted(ids)) for lemma, ids in table.items()}
            for lang, table in licences.items()
        }
        self.titles = {
            lang: {key: tuple(sorted(ids)) for key, ids in table.items()}
            for lang, table in titles.items()
        }
        self.longest_title = max((len(k) for t in self.titles.values() for k in t), default=0)
        # one-word titles by their lemma; the first words of longer ones
        self.single = {
            lang: {key[0]: ids for key, ids in table.items() if len(key) == 1}
            for lang, table in self.titles.items()
        }
        self.starts = {
            lang: frozenset(key[0] for key in table if len(key) > 1)
            for lang, table in self.titles.items()
        }
        self.instruments = _instruments(phrases, labels)
        # knowledge of a tool → the skills of using it
        self.tools = dict(tools or {})
        self._heads: dict[str, dict[str, tuple[int, ...]]] = defaultdict(dict)
        self._words: dict[tuple[int, str], frozenset[str]] = {}

    @classmethod
    def for_index(cls, index: "LabelIndex", rows: Sequence[Row] | None = None) -> "ImpliedRules":
        """The rules over an index's concepts: the title table (`rows`, default the shipped one)
        and the instruments of its Finnish and Swedish skill labels."""
        labels = (
            (record.id, lang, text, record.preferred.get("en", "").startswith(OPERATING))
            for record in index.concepts.values()
            if record.type in RANKED_TYPES
            for lang, _, text in record.labels
            if lang in DERIVATIONS
        )
        rows = read_table() if rows is None else rows
        return cls(index.by_uri, index.phrases, labels, rows, _tools(index))

    def negate_by_action(
        self,
        index: "LabelIndex",
        found: Mapping[int, Sequence[Occurrence]],
        negated_clauses: Sequence[NegatedClause],
    ) -> None:
        """A skill only a title implies is negated where a negated clause that names nothing
        (`negated_clauses`) says its action is not needed or not done: "Vi söker en
        CNC-operatör. Du behöver inte kunna programmera", "Olen CNC-koneistaja, mutta en ole
        ohjelmoinut"."""
        for concept_id, occurrences in found.items():
            implied = [o for o in occurrences if not o.negated]
            if not implied or not all(o.implied for o in occurrences):
                continue
            for clause in negated_clauses:
                words = self._label_words(index, concept_id, clause.lang)
                if any(_same_stem(t.lemma, word) for t in clause.tokens for word in words):
                    for occurrence in implied:
                        occurrence.negated = True
                        occurrence.required = False
                    break

    def _label_words(self, index: "LabelIndex", concept_id: int, lang: str) -> frozenset[str]:
        """The longer words of a concept's labels in one language, as lemmas."""
        key = (concept_id, lang)
        words = self._words.get(key)
        if words is None:
            words = frozenset(
                token.lemma
                for label_lang, _, text in index.concepts[concept_id].labels
                if label_lang == lang
                for token in tokenize(text, lang)
                if len(token.lemma) >= MIN_ACTION_WORD
                and token.lemma.isalpha()
                and token.lemma not in _GENERIC_ACTIONS
            )
            self._words[key] = words
        return words

    def __bool__(self) -> bool:
        return bool(self.titles or self.licences or self.instruments or self.tools)

    def in_sentence(
        self,
        text: str,
        tokens: Sequence[Token],
        lang: str,
        named: Sequence[tuple[int, Occurrence]] = (),
    ) -> list[tuple[int, Occurrence]]:
        """The skills the titles, licence words, instruments and used tools of one sentence
        imply, as occurrences; `named` are the sentence's label matches."""
        found: list[tuple[int, Occurrence]] = []
        verbs = USE_VERBS.get(lang)
        if verbs and self.tools and named:
            self._tools(tokens, verbs, named, found)
        if lang in self.titles or lang in self.licences:
            self._titles(tokens, lang, found)
        if lang in self.instruments and _may_name_instrument(text, tokens, lang):
            self._instruments(text, tokens, lang, found)
        return found

    def _tools(
        self,
        tokens: Sequence[Token],
        verbs: frozenset[str],
        named: Sequence[tuple[int, Occurrence]],
        found: list,
    ) -> None:
        """ "SolidWorks och AutoCAD använder jag": knowledge of a tool, used → the skill of
        using it (CAD software → use CAD software)."""
        for concept_id, occurrence in named:
            skills = self.tools.get(concept_id)
            if not skills:
                continue
            k = occurrence.token
            window = range(
                max(0, k - INSTRUMENT_WINDOW), min(len(tokens), k + INSTRUMENT_WINDOW + 1)
            )
            m = next((m for m in window if tokens[m].lemma in verbs), None)
            if m is None:
                continue
            first, last = min(k, m), max(m, k)
            span = (
                min(tokens[first].start, occurrence.span[0]),
                max(tokens[last].end, occurrence.span[1]),
            )
            for skill_id in skills:
                found.append((skill_id, _occurrence(span, INSTRUMENT_MATCH, first)))

    def _titles(self, tokens: Sequence[Token], lang: str, found: list) -> None:
        table = self.titles.get(lang, {})
        starts = self.starts.get(lang, frozenset())
        licences = self.licences.get(lang, {})
        heads = self._heads[lang]
        hits: list[tuple[int, int, tuple[int, ...]]] = []
        i = 0
        while i < len(tokens):
            lemma = tokens[i].lemma
            for skill_id in licences.get(lemma, ()):
                span = (tokens[i].start, tokens[i].end)
                found.append((skill_id, _occurrence(span, TITLE_MATCH, i)))
            length = 1
            skills: tuple[int, ...] | None = ()
            if lemma in starts:  # the longest title from here: "kemian laborantti"
                for n in range(min(self.longest_title, len(tokens) - i), 1, -1):
                    longer = table.get(tuple(t.lemma for t in tokens[i : i + n]))
                    if longer:
                        length, skills = n, longer
                        break
            if not skills:
                skills = heads.get(lemma)
                if skills is None:
                    skills = self._title_word(lemma, lang)
            if skills:
                hits.append((i, length, skills))
            i += length
        if not hits:
            return
        others = OTHERS.get(lang, frozenset())
        if any(t.lemma in others or t.norm in others for t in tokens):
            return
        others_end = -1  # where the last title that is somebody else's ended
        for i, length, skills in hits:
            last = tokens[i + length - 1]
            if _someone_else(tokens, i, last, lang) or (
                # ... and a title coordinated with it: "för svetsare, montörer och kranförare"
                i == others_end or (i == others_end + 1 and tokens[i - 1].norm in CONJUNCTIONS)
            ):
                others_end = i + length
                continue
            span = (tokens[i].start, last.end)
            for skill_id in skills:
                found.append((skill_id, _occurrence(span, TITLE_MATCH, i)))

    def _title_word(self, lemma: str, lang: str) -> tuple[int, ...]:
        """What a one-word title implies, the title also at the end of a compound:
        "levysepän|hitsaaja", "vastapaino|trukinkuljettaja"; remembered per word."""
        heads = self._heads[lang]
        single = self.single.get(lang, {})
        found: tuple[int, ...] = single.get(lemma, ())
        for k in range(MIN_MODIFIER, len(lemma) - MIN_TITLE_HEAD + 1):
            if found:
                break
            found = single.get(lemma[k:].lstrip("-"), ())
        if len(heads) >= CACHE_LIMIT:
            heads.clear()
        heads[lemma] = found
        return found

    def _instruments(self, text: str, tokens: Sequence[Token], lang: str, found: list) -> None:
        table = self.instruments[lang]
        for k, token in enumerate(tokens):
            actions = table.get(token.lemma) or table.get(token.norm)
            if not actions or not _instrumental(text, tokens, k, lang):
                continue
            window = range(
                max(0, k - INSTRUMENT_WINDOW), min(len(tokens), k + INSTRUMENT_WINDOW + 1)
            )
            for action in actions:
                m = next((m for m in window if m != k and action.done_by(tokens[m])), None)
                if m is None:
                    continue
                first, last = sorted((k, m))
                span = (tokens[first].start, tokens[last].end)
                for skill_id in action.skills:
                    found.append((skill_id, _occurrence(span, INSTRUMENT_MATCH, first)))


@dataclass(frozen=True, slots=True)
class Action:
    """The action half of an instrument label: its noun and the stem of its verb."""

    noun: str  # "sorvaus", "svarvning"
    stem: str  # "sorva" (sorvata), "svarv" (svarva); "" if none
    skills: tuple[int, ...]

    def done_by(self, token: Token) -> bool:
        if token.lemma == self.noun or token.norm == self.noun:
            return True
        return bool(self.stem) and token.norm.startswith(self.stem)


def _instruments(
    phrases: Mapping[str, Mapping[tuple[str, ...], object]],
    labels: Iterable[tuple[int, str, str, bool]],
) -> dict[str, dict[str, tuple[Action, ...]]]:
    """Instrument word → the actions done with it, from the vocabulary's compound labels of
    (`labels`: id, language, label, whether the skill is operating a machine or tool):

    - "<abbreviation>-<action noun>" ("CNC-sorvaus", "CNC-ohjelmointi", "MAG-svetsning"), and
      "<word>-<action noun>" where the skill is operating a machine or tool;
    - one word whose first part is a word of its own and whose head an action noun, where the
      skill is operating a machine or tool ("plasma|leikkaus": operate plasma cutting torch,
      "laser|skärning"); "asiakas|viestintä" is no instrument.
    """
    table: dict[str, dict[str, dict[str, set[int]]]] = {
        lang: defaultdict(lambda: defaultdict(set)) for lang in DERIVATIONS
    }
    for concept_id, lang, written, operates in labels:
        if lang not in DERIVATIONS or not (operates or "-" in written):
            continue
        tokens = tokenize(written, lang)
        if len(tokens) == 2 and written[tokens[0].end : tokens[1].start] == "-":
            noun = tokens[1].lemma
            if _verb_stem(noun, lang) and (operates or is_abbreviation(tokens[0].text)):
                table[lang][tokens[0].norm][noun].add(concept_id)
        elif operates and len(tokens) == 1 and (tokens[0].lemma,) in phrases[lang]:
            word = tokens[0].lemma
            for k in range(MIN_MODIFIER + 1, len(word) - MIN_TITLE_HEAD + 1):
                noun = word[k:]
                if _verb_stem(noun, lang) and known_word(noun, lang) and known_word(word[:k], lang):
                    table[lang][word[:k]][noun].add(concept_id)
                    break
    return {
        lang: {
            instrument: tuple(
                Action(noun, _verb_stem(noun, lang), tuple(sorted(ids)))
                for noun, ids in sorted(actions.items())
            )
            for instrument, actions in by_instrument.items()
        }
        for lang, by_instrument in table.items()
    }


def _tools(index: "LabelIndex") -> dict[int, tuple[int, ...]]:
    """Knowledge of a tool or method and the skill of using it, paired by their English names:
    "CAD software" and "use CAD software", "machine tools" and "operate machine tools"."""
    knowledge: dict[str, list[int]] = defaultdict(list)
    for record in index.concepts.values():
        if record.type == "knowledge" and record.preferred.get("en"):
            knowledge[record.preferred["en"].casefold()].append(record.id)
    pairs: dict[int, set[int]] = defaultdict(set)
    for record in index.concepts.values():
        name = record.preferred.get("en", "").casefold()
        for verb in ("use ", "operate "):
            if record.type == "skill" and name.startswith(verb):
                for knowledge_id in knowledge.get(name[len(verb) :], ()):
                    pairs[knowledge_id].add(record.id)
    return {knowledge_id: tuple(sorted(ids)) for knowledge_id, ids in pairs.items()}


def _verb_stem(noun: str, lang: str) -> str:
    """The stem of the verb an action noun derives from ("sorvaus" → "sorva", "svetsning" →
    "svets"), long enough to tell the verb's forms apart; "" for no action noun."""
    for ending, verb_ending in DERIVATIONS.get(lang, ()):
        if noun.endswith(ending) and len(noun) > len(ending) + 2:
            verb = noun[: -len(ending)] + verb_ending
            stem = verb[:-2] if lang == "fi" else verb[:-1]
            return stem if len(stem) >= 4 else ""
    return ""


def _may_name_instrument(text: str, tokens: Sequence[Token], lang: str) -> bool:
    """A quick look at the sentence's text: an adessive ending or "med" somewhere in it."""
    if not tokens:
        return False
    sentence = text[tokens[0].start : tokens[-1].end].casefold()
    if lang == "sv":
        return "med " in sentence
    return "ll" in sentence


def _instrumental(text: str, tokens: Sequence[Token], k: int, lang: str) -> bool:
    """Whether the word is written as what the work is done with: "CNC:llä", "plasmalla",
    "CNC-koneella"; "med CNC", "med plasma"."""
    token = tokens[k]
    if lang == "sv":
        return any(tokens[j].norm == "med" for j in range(max(0, k - 2), k))
    written = token.text.casefold()
    if written.endswith(_ADESSIVE) and written != token.lemma:
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        nxt is not None
        and nxt.start == token.end + 1
        and text[token.end] == "-"
        and nxt.norm.endswith(_ADESSIVE)
    )


def _someone_else(tokens: Sequence[Token], i: int, last: Token, lang: str) -> bool:
    """A title written as somebody else's: a Finnish genitive or local case ("hitsaajan",
    "koneistajille"), a Swedish title after a preposition ("för svetsare", "handsignaler mellan
    anslagare och kranförare") or in its definite form ("dirigerar kranföraren", "åt
    kranförarn"); "utbildning till CNC-operatör" is the reader's own aim."""
    if lang == "sv":
        if i > 0 and tokens[i - 1].norm in _SV_PREPOSITIONS:
            return True
        if i > 2 and tokens[i - 1].norm in CONJUNCTIONS and tokens[i - 3].norm in _SV_PREPOSITIONS:
            return True  # "mellan anslagare och kranförare"
        return last.norm != last.lemma and last.norm.endswith(_SV_DEFINITE)
    norm, lemma = last.norm, last.lemma
    if norm == lemma or lang != "fi":
        return False
    if norm.endswith("n") and i > 0 and tokens[i - 1].norm in _ONE:
        return False  # the object of "tarvitsemme yhden särmääjän" is the one sought
    if norm.endswith("n") or norm.endswith(_OTHER_CASES):
        return True  # essive "-na" and translative "-ksi" are the person's own work
    # elative "hitsaajista" — but the partitive "putkimiestä" is the base form + "tä"
    return norm.endswith(("sta", "stä")) and norm not in (lemma + "ta", lemma + "tä")


def _occurrence(span: tuple[int, int], score: float, token: int) -> Occurrence:
    return Occurrence(span, score, token, implied=True)
