"""The label index: every concept label in its normal form, ready for matching.

Built once from a `ConceptSource` and never changed afterwards, so any number of threads can
read it. Three lookups:
- `phrases[lang]`: a label's lemmas in its own language → concepts (inflected text matches);
- `surface`: a label's folded words in any language → concepts (an English term in Finnish
  text, written as in the label);
- `abbreviations`: short upper-case labels ("PLC", "CAD", "EA1") → concepts, matched only when
  the text writes them in upper case too, so that "cam" or "plc" in running text do not count.
Compound words (Finnish and Swedish) are split against the one-word labels: "robottihitsaus"
→ "robotti" + "hitsaus".
"""

import gc
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kohtaanto.extraction.details import LANGUAGE_NAMES
from kohtaanto.extraction.ranking import SkillRanker
from kohtaanto.extraction.semantic import SemanticStage
from kohtaanto.extraction.sources import ConceptRecord
from kohtaanto.extraction.text import (
    LANGS,
    is_abbreviation,
    known_word,
    lemmatize,
    tokenize,
    written_as_name,
)
from kohtaanto.extraction.word_forms import (
    AGENT_THINGS,
    DERIVATIONS,
    KNOWING_VERBS,
    MIN_AGENT,
    MIN_OTHER_PART,
    MIN_PART,
    OTHER_FORM,
    SV_OBJECT_PREPOSITIONS,
    SV_PASSIVE_PARTICLES,
    action_verb,
    agent_verb,
    derived_verbs,
    label_lemmas,
    minen_noun,
    other_form,
    particle_verb_object,
    starts_with_verb,
    verb_object,
)

if TYPE_CHECKING:
    from kohtaanto.extraction.implied import ImpliedRules

# How much a label kind says: preferred labels are the concept's own name, hidden labels are
# misspellings and old names.
KIND_WEIGHT = {"pref": 1.0, "alt": 0.9, "hidden": 0.75}
COMPOUND_LANGS = ("fi", "sv")
# What the ranking mode ranks: what a person can do or know.
RANKED_TYPES = ("skill", "knowledge")
CACHE_LIMIT = 200_000  # remembered compound splits
# A compound's first part shorter than this may have taken a few letters of the next word for
# a label's start ("dies|elmotor" in "dieselmotor"); see `LabelIndex._splits_later`.
LONG_FIRST_PART = 5
BORROWED_LETTERS = 3
# Words whose last part is a label but which mean something else: an employer or an adviser
# is no "givare" (sensor).
NOT_COMPOUNDS = {
    # one shift is no shift work: "Työ on yksivuorotyötä", "Arbetet sker i dagskift"
    "fi": frozenset({"yksivuorotyö", "yksivuoro", "päivävuoro", "päivävuorotyö"}),
    "sv": frozenset(
        {
            "arbetsgivare",
            "rådgivare",
            "uppdragsgivare",
            "hyresgivare",
            "långivare",
            "bidragsgivare",
            "försäkringsgivare",
            "dagskift",
            # "be" + "skrivning" ("besk" is a word too, "rivning" a label)
            "beskrivning",
        }
    ),
}
# Heads that make a compound about its first part: "hitsauskokemus", "svetsarbete".
SKILL_HEADS = {
    "fi": frozenset(
        {
            "kokemus",
            "osaaminen",
            "taito",
            "tausta",
            "työ",
            "tehtävä",
            "koulutus",
            "kurssi",
            "tutkinto",
            "pätevyys",
            "tuntemus",
            "asiantuntemus",
            "osaaja",
            "ammattilainen",
            "asiantuntija",
            "valmius",
            "taitoinen",
        }
    ),
    "sv": frozenset(
        {
            "erfarenhet",
            "kunskap",
            "kompetens",
            "arbete",
            "utbildning",
            "kurs",
            "behörighet",
            "beredskap",
            "vana",
        }
    ),
}


def skill_head_fronts(lemma: str, lang: str) -> tuple[str, ...]:
    """The front of a compound whose head is a word for having the skill ("ohjelmointi" of
    "ohjelmointitaito"; "svetsning" and "svetsnings" of "svetsningserfarenhet", where the s may
    link the parts or belong to the front), the longest head first."""
    heads = SKILL_HEADS.get(lang, ())
    for k in range(MIN_PART, len(lemma) - MIN_PART + 1):
        head = lemma[k:]
        if head in heads or lemmatize(head, lang) in heads:
            front = lemma[:k]
            if lang == "sv" and front.endswith("s"):
                return (front[:-1], front)
            return (front,)
    return ()


# Heads that make a compound a training: its first part is what is taught ("hitsauskoulutus"),
# unless it is something done to the participants as staff (`LabelIndex._done_to_staff`).
TRAINING_HEADS = {
    "fi": frozenset({"koulutus", "kurssi"}),
    "sv": frozenset({"utbildning", "kurs"}),
}
# An employer's staff as the object of a skill's label.
STAFF_WORDS = frozenset({"henkilöstö", "työntekijä", "personal", "anställd", "medarbetare"})


@dataclass(frozen=True, slots=True)
class Hit:
    concept_id: int
    weight: float


@dataclass(frozen=True, slots=True)
class CompoundPart:
    start: int  # character offset inside the word's lemma
    end: int
    hits: tuple[Hit, ...]
    head: bool  # the last part of the compound (what the word is), not a modifier


LANGUAGE_DOMAIN = "languages"  # the shipped vocabulary's subject area of languages


class LabelIndex:
    def __init__(self, concepts: Iterable[ConceptRecord]) -> None:
        self.concepts: dict[int, ConceptRecord] = {}
        self.by_uri: dict[str, int] = {}
        # Concepts that are a language ("ruotsin kieli", "Swedish"): reported as language
        # entries with a level (`details.py`), never as skills.
        languages: set[int] = set()
        phrases: dict[str, dict[tuple[str, ...], dict[int, float]]] = {
            lang: defaultdict(dict) for lang in LANGS
        }
        surface: dict[tuple[str, ...], dict[int, float]] = defaultdict(dict)
        abbreviations: dict[str, dict[int, float]] = defaultdict(dict)
        verb_objects: dict[str, dict[tuple[str, str], dict[int, float]]] = {
            lang: defaultdict(dict) for lang in LANGS
        }
        own: dict[str, dict[tuple[str, ...], set[int]]] = {
            lang: defaultdict(set) for lang in COMPOUND_LANGS
        }
        particle_objects: dict[tuple[str, str, tuple[str, ...]], dict[int, float]] = defaultdict(
            dict
        )
        # English one-word labels by case: a capitalised one ("Access", "Maven", "Rage") is a
        # name, which English text writes capitalised too.
        capitalised: dict[str, set[int]] = defaultdict(set)
        lower_case: dict[str, set[int]] = defaultdict(set)
        for record in concepts:
            self.concepts[record.id] = record
            self.by_uri[record.uri] = record.id
            for lang, kind, text in record.labels:
                if text.casefold() in LANGUAGE_NAMES.get(lang, ()):
                    languages.add(record.id)
                weight = KIND_WEIGHT.get(kind, 0.75)
                stripped = text.strip()
                if is_abbreviation(stripped):
                    _keep_best(abbreviations[stripped], record.id, weight)
                    if lang in own:
                        own[lang][(stripped,)].add(record.id)
                    continue
                tokens = tokenize(stripped, lang if lang in LANGS else "en")
                if not tokens or (
                    # one or two letters name nothing alone; "C#" does
                    len(tokens) == 1 and len(tokens[0].norm) < 3 and tokens[0].norm.isalnum()
                ):
                    continue
                if lang == "en" and len(tokens) == 1:
                    by_case = capitalised if written_as_name(stripped) else lower_case
                    for word in {tokens[0].norm, tokens[0].lemma}:
                        by_case[word].add(record.id)
                if lang in LANGS:
                    key = label_lemmas(tokens)
                    _keep_best(phrases[lang][key], record.id, weight)
                    verb = action_verb(key, tokens[-1].norm, lang)
                    if verb:
                        if verb not in KNOWING_VERBS.get(lang, ()):
                            _keep_best(
                                verb_objects[lang][(verb, verb_object(key, lang))],
                                record.id,
                                weight,
                            )
                        noun = minen_noun(verb) if lang == "fi" else ""
                        if noun and noun != key[-1] and (key[0], noun) not in phrases[lang]:
                            # "hydrauliikan huolto" also as "hydrauliikan huoltaminen"
                            _keep_best(
                                phrases[lang][(key[0], noun)], record.id, weight * OTHER_FORM
                            )
                    elif starts_with_verb(tokens, lang) and key[1] not in SV_PASSIVE_PARTICLES:
                        # "montera pneumatik" in "du monterar hydraulik, pneumatik och …"; a
                        # particle is no object: it follows its verb ("skruvas ihop" is the
                        # label's own words), not "ihop, karmarna skruvas" three words away
                        _keep_best(verb_objects[lang][(key[0], key[1])], record.id, weight)
                    compound, pair = other_form(key, [t.norm for t in tokens], lang)
                    if compound and compound not in phrases[lang]:
                        _keep_best(phrases[lang][compound], record.id, weight * OTHER_FORM)
                    if pair:
                        _keep_best(verb_objects[lang][pair], record.id, weight * OTHER_FORM)
                    if lang == "sv" and (obj := particle_verb_object(tokens, key)):
                        _keep_best(particle_objects[(key[0], key[1], obj)], record.id, weight)
                written = tuple(t.norm for t in tokens)
                _keep_best(surface[written], record.id, weight)
                if lang in own:
                    own[lang][written].add(record.id)
        self.language_concepts = frozenset(languages)
        # A word that is only a name's label (no concept has it in lower case; languages read
        # apart): in English text, it names the concept only where it is capitalised, so
        # "access to the grid" and "without rage" name no software.
        self.english_names: dict[str, frozenset[int]] = {}
        for word, ids in capitalised.items():
            names = ids - lower_case.get(word, set()) - languages
            if names:
                self.english_names[word] = frozenset(names)
        # Every skill of a language ("kirjallinen ruotsin kielen taito", "Swedish"): rank mode
        # leaves them out when the text states languages, which are entries of their own.
        self.language_skills = self.language_concepts | frozenset(
            record.id for record in self.concepts.values() if record.domain == LANGUAGE_DOMAIN
        )
        # ESCO imported beside the vocabulary: its other concepts are offered for confirmation
        # and rank mode bridges fi/sv text to their English labels. With only one of the two
        # loaded, every concept counts as found.
        self.beyond_vocabulary = any(r.in_vocabulary for r in self.concepts.values()) and any(
            not r.in_vocabulary for r in self.concepts.values()
        )
        self.phrases = {lang: _freeze(table) for lang, table in phrases.items()}
        self.surface = _freeze(surface)
        # Finnish and Swedish labels as written (abbreviations by their letters): a word that
        # is a label in the text's own language is read as that label, not also as another
        # language's label of other concepts ("SolidWorks", "DCS").
        self.own_written = {
            lang: {key: frozenset(ids) for key, ids in table.items()} for lang, table in own.items()
        }
        self.abbreviations = {key: _hits(value) for key, value in abbreviations.items()}
        # "sähköpiirustusten lukeminen" is written "luen sähköpiirustuksia" in a CV:
        # verb lemma → [(object lemma, concepts)].
        self.verb_objects: dict[str, dict[str, list[tuple[str, tuple[Hit, ...]]]]] = {}
        for lang, table in verb_objects.items():
            by_verb: dict[str, list[tuple[str, tuple[Hit, ...]]]] = defaultdict(list)
            for (verb, noun), hits in table.items():
                by_verb[verb].append((noun, _hits(hits)))
            self.verb_objects[lang] = dict(by_verb)
        # "sätta ihop godståg" is written "godstågen sätts ihop" in the passive: (verb lemma,
        # particle) → [(object lemmas, concepts)], Swedish only.
        by_particle: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[Hit, ...]]]]
        by_particle = defaultdict(list)
        for (verb, particle, obj), hits in particle_objects.items():
            by_particle[(verb, particle)].append((obj, _hits(hits)))
        self.particle_objects = dict(by_particle)
        # Every proper prefix of a label, so that matching extends a phrase only while some
        # label still starts that way.
        self.prefixes = {lang: _prefixes(table) for lang, table in self.phrases.items()}
        # "osaan hitsata", "jag svetsar": the verb a one-word action noun label derives from.
        self.verbs = {lang: derived_verbs(self.phrases[lang], lang) for lang in DERIVATIONS}
        self.surface_prefixes = _prefixes(self.surface)
        # Each general skill's kinds, and its own one-word names (lemmas, fi and sv): how a kind
        # of it is written.
        self.narrower, self.general_words = _narrower_by_label(self.concepts)
        self._compounds: dict[tuple[str, str], tuple[CompoundPart, ...]] = {}
        self._compound_lock = threading.Lock()
        self._agents: dict[tuple[str, str], tuple[Hit, ...]] = {}
        self._rankers: dict[str, SkillRanker] = {}
        self._labels: dict[str, dict[int, str]] = {}
        self._mention_fields: dict[str, dict[int, tuple[str, str, str]]] = {}
        # Set by the engine before the index is published when a model is configured.
        self.semantic: SemanticStage | None = None
        # Set by the engine before the index is published: the implied-skill rules.
        self.implied: ImpliedRules | None = None
        self._ranker_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.concepts)

    def labels(self, lang: str) -> dict[int, str]:
        """Each concept's display label in `lang` (falling back to fi, en, sv), built once."""
        labels = self._labels.get(lang)
        if labels is None:
            labels = {id_: record.label(lang) for id_, record in self.concepts.items()}
            self._labels[lang] = labels
        return labels

    def mention_fields(self, lang: str) -> dict[int, tuple[str, str, str]]:
        """Each concept's URI, display label in `lang` and type, built once."""
        fields = self._mention_fields.get(lang)
        if fields is None:
            labels = self.labels(lang)
            fields = {id_: (r.uri, labels[id_], r.type) for id_, r in self.concepts.items()}
            self._mention_fields[lang] = fields
        return fields

    def ranker(self, lang: str) -> SkillRanker:
        """The TF-IDF ranker over the skills and knowledge of one language, built on first use."""
        ranker = self._rankers.get(lang)
        if ranker is None:
            with self._ranker_lock:
                ranker = self._rankers.get(lang)
                if ranker is None:
                    records = [c for c in self.concepts.values() if c.type in RANKED_TYPES]
                    ranker = SkillRanker(records, lang)
                    self.mention_fields(lang)  # what the ranked mentions are made of
                    freeze_heap()
                    self._rankers[lang] = ranker
        return ranker

    def agent_skills(self, lemma: str, lang: str) -> tuple[Hit, ...]:
        """The skill a worker noun names by its verb: "svetsare" (who welds) → "svetsning",
        "plåtsvetsare" → "svetsning", "montör" → "montering".

        Only skills whose one-word label is that verb or derives from it (`verbs`); "Vi söker
        en svetsare" says the work is welding, as a careful reader reads it. The worker noun is
        the longest end of the word made from a known verb: "färdskrivare" is a "skrivare",
        not a "rivare" (who demolishes) though "skriva" names no skill.
        """
        verbs = self.verbs.get(lang)
        if not verbs or len(lemma) < MIN_AGENT:
            return ()
        key = (lemma, lang)
        cached = self._agents.get(key)
        if cached is not None:
            return cached
        found: tuple[Hit, ...] = ()
        things = AGENT_THINGS.get(lang, frozenset())
        for k in range(len(lemma) - MIN_AGENT + 1):
            if lemma[k:] in things:
                break
            verb = agent_verb(lemma[k:], lang)
            hits = (verbs.get(verb) or self.phrases[lang].get((verb,))) if verb else None
            if hits:
                found = hits
                break
            if verb and known_word(verb, lang):
                break
        if len(self._agents) >= CACHE_LIMIT:
            self._agents.clear()
        self._agents[key] = found
        return found

    def compound_parts(self, lemma: str, lang: str) -> tuple[CompoundPart, ...]:
        """Labels that are the head or a modifier of a compound word's lemma.

        The head is the longest known label at the end of the word; a modifier is the longest
        known label at its start. Each split must leave a real word on the other side (known to
        simplemma or a label itself), which keeps "kuvaus" from splitting into "kuva" + "us".
        """
        if lang not in COMPOUND_LANGS or len(lemma) < MIN_PART + MIN_OTHER_PART:
            return ()
        key = (lemma, lang)
        cached = self._compounds.get(key)
        if cached is not None:
            return cached
        parts = self._split(lemma, lang)
        with self._compound_lock:
            if len(self._compounds) >= CACHE_LIMIT:
                self._compounds.clear()  # a long-running server sees ever new words
            self._compounds[key] = parts
        return parts

    def _split(self, lemma: str, lang: str) -> tuple[CompoundPart, ...]:
        if lemma in NOT_COMPOUNDS.get(lang, ()):
            return ()
        table = self.phrases[lang]
        parts: list[CompoundPart] = []
        for k in range(MIN_OTHER_PART, len(lemma) - MIN_PART + 1):
            head = lemma[k:]
            hits = table.get((head,))
            if hits and self._is_word(lemma[:k], lang) and not self._splits_later(lemma, k, lang):
                parts.append(CompoundPart(k, len(lemma), hits, head=True))
                break
        # A modifier counts only when the word is about it: its head is a label too
        # ("robotti|hitsaus") or a word for having or learning a skill ("hitsaus|kokemus"),
        # not a place or a thing made ("teräs|tehdas", "konepaja|työntekijä").
        if parts:
            candidates = [parts[0].start]
        else:
            candidates = [
                k
                for k in range(len(lemma) - MIN_OTHER_PART, MIN_PART - 1, -1)
                if lemma[k:] in SKILL_HEADS.get(lang, ())
                or lemmatize(lemma[k:], lang) in SKILL_HEADS.get(lang, ())
            ]
        for k in candidates:
            hits = self._modifier_hits(lemma[:k], lang)
            if hits and not parts and self._is_training(lemma[k:], lang):
                hits = tuple(hit for hit in hits if not self._done_to_staff(hit.concept_id, lang))
            if hits:
                parts.insert(0, CompoundPart(0, k, hits, head=False))
                break
        return tuple(parts)

    @staticmethod
    def _splits_later(lemma: str, k: int, lang: str) -> bool:
        """Whether a short first part borrows the start of the label after it, where a longer
        first part leaves a whole word: "dieselmotor" is "diesel" + "motor", not "dies" +
        "elmotor". A first part of five letters or more is taken as it is."""
        if k >= LONG_FIRST_PART:
            return False
        return any(
            known_word(lemma[:j], lang) and known_word(lemma[j:], lang)
            for j in range(LONG_FIRST_PART, min(k + BORROWED_LETTERS, len(lemma) - MIN_PART) + 1)
        )

    @staticmethod
    def _is_training(head: str, lang: str) -> bool:
        heads = TRAINING_HEADS.get(lang, ())
        return head in heads or lemmatize(head, lang) in heads

    def _done_to_staff(self, concept_id: int, lang: str) -> bool:
        """Whether a skill is something done to an employer's staff ("henkilöstön rekrytointi",
        "rekrytera personal"). Before a training word it says what the training does for its
        participants, who are recruited or inducted, not what it teaches: a
        "rekrytointikoulutus" trains future employees in the trade."""
        name = self.concepts[concept_id].preferred.get(lang, "").casefold().split()
        return len(name) > 1 and any(lemmatize(word, lang) in STAFF_WORDS for word in name)

    def _modifier_hits(self, modifier: str, lang: str) -> tuple[Hit, ...] | None:
        table = self.phrases[lang]
        candidates = [modifier, lemmatize(modifier, lang)]
        if lang == "sv" and modifier.endswith("s"):
            candidates.append(modifier[:-1])  # linking s: "svetsnings|arbete"
        for candidate in candidates:
            hits = table.get((candidate,))
            if hits:
                return hits
        return None

    def _is_word(self, part: str, lang: str) -> bool:
        if len(part) < MIN_OTHER_PART:
            return False
        if (part,) in self.phrases[lang]:
            return True
        if lang == "sv" and part.endswith("s") and known_word(part[:-1], lang):
            return True
        return known_word(part, lang)


def _narrower_by_label(
    concepts: dict[int, ConceptRecord],
) -> tuple[dict[int, frozenset[int]], dict[int, tuple[str, ...]]]:
    """Skills whose label names a kind of another skill's one-word label, by that skill:
    "MAG-hitsaus" and "robottihitsaus" are kinds of "hitsaus", "koneiden asennus" of
    "asennus", "installation av maskiner" of "installation".

    A text that names the kind is about the kind: the engine then leaves the general skill out
    when it was found too ("hitsaan MAG:lla" is MAG welding, not welding in general), as a
    careful reader tags the most specific concept the text supports.

    The kind is read from the specific skill's own name (preferred label) too: an alternative
    label is often a related task rather than the concept itself, and a kind built from it
    would hide the general skill wherever the specific one is found by any other label
    ("hydrauliikan vianetsintä" is an alternative label of hydraulic maintenance, which is
    not a kind of troubleshooting: "hydrauliikan huoltoa" must not hide "vianetsintää").

    Returns the kinds of each general skill and the general skill's own one-word names.
    """
    narrower: dict[int, set[int]] = defaultdict(set)
    words: dict[int, set[str]] = defaultdict(set)  # a general skill's one-word names
    for lang in COMPOUND_LANGS:
        # The general skill by its own name (preferred label) only: an alternative label of
        # one word is often a looser synonym.
        general: dict[str, list[int]] = defaultdict(list)
        names: dict[tuple[str, ...], list[Hit]] = defaultdict(list)
        for record in concepts.values():
            name = record.preferred.get(lang, "").strip()
            if not name or is_abbreviation(name):
                continue
            tokens = tokenize(name, lang)
            if not tokens:
                continue
            names[label_lemmas(tokens)].append(Hit(record.id, 1.0))
            if record.type in RANKED_TYPES and " " not in name and len(tokens) == 1:
                general[label_lemmas(tokens)[0]].append(record.id)
                words[record.id].add(label_lemmas(tokens)[0].lstrip("-"))
        for key, hits in names.items():
            heads: list[str] = []
            last = key[-1]
            if len(key) == 1:
                heads = [last[k:] for k in range(MIN_OTHER_PART, len(last) - MIN_PART + 1)]
            elif lang == "sv" and len(key) >= 3 and key[1] in SV_OBJECT_PREPOSITIONS:
                heads = [key[0]]  # "installation av maskiner"
            else:
                heads = [last]  # "koneiden asennus", "MAG-hitsaus" read as two words
            for head in heads:
                wider = general.get(head.lstrip("-"))
                if not wider:
                    continue
                for specific in hits:
                    for broad in wider:
                        if (
                            broad != specific.concept_id
                            and concepts[specific.concept_id].type == concepts[broad].type
                        ):
                            narrower[broad].add(specific.concept_id)
                break
    return (
        {broad: frozenset(ids) for broad, ids in narrower.items()},
        {broad: tuple(sorted(words[broad])) for broad in narrower},
    )


def freeze_heap() -> None:
    """Move what exists now (the index: millions of small objects) out of the cyclic GC's scans.

    The index lives as long as the process and holds no reference cycles, yet every full
    collection walked it: a third of the time of ranking a batch went to the collector.
    Objects frozen here are still freed by reference counting when an index is replaced.
    """
    gc.collect()
    gc.freeze()


def _keep_best(table: dict[int, float], concept_id: int, weight: float) -> None:
    if weight > table.get(concept_id, 0.0):
        table[concept_id] = weight


def _hits(table: dict[int, float]) -> tuple[Hit, ...]:
    return tuple(Hit(concept_id, weight) for concept_id, weight in table.items())


def _freeze(
    table: dict[tuple[str, ...], dict[int, float]],
) -> dict[tuple[str, ...], tuple[Hit, ...]]:
    return {key: _hits(value) for key, value in table.items()}


def _prefixes(table: dict[tuple[str, ...], tuple[Hit, ...]]) -> frozenset[tuple[str, ...]]:
    return frozenset(key[:n] for key in table for n in range(1, len(key)))


def fold_abbreviation(text: str) -> str:
    """The key of an abbreviation as written in text: "PLC:n" → "PLC"."""
    colon = text.find(":")
    return text[:colon] if colon > 0 else text
