"""Labels in the words of one sentence: the matches the engine's other stages build on.

Each match is an `Occurrence`: where in the text, how sure (by how it was found), in which
clause, and whether that clause negates it or marks it as a requirement (`mark`).
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kohtaanto.extraction import context, cues
from kohtaanto.extraction.details import YEAR_WORDS
from kohtaanto.extraction.index import Hit, LabelIndex, fold_abbreviation, skill_head_fronts
from kohtaanto.extraction.text import Token, known_word, lemmatize, written_as_name
from kohtaanto.extraction.word_forms import (
    MIN_OTHER_PART,
    MIN_PART,
    SV_OBJECT_PREPOSITIONS,
    SV_PARTICLES,
)

# How sure a match is, by how it was found. A label written out in the text's language is the
# strongest evidence; a part of a compound word the weakest ("robottihitsaus" is about welding,
# "hitsauslaite" only touches it).
LEMMA_MATCH = 0.9
SURFACE_MATCH = 0.8  # a label of another language written as is
ABBREVIATION_MATCH = 0.85
COMPOUND_HEAD = 0.65
COMPOUND_MODIFIER = 0.5
LONGER_LABEL_BONUS = 0.05  # per extra word in the label, up to +0.1
VERB_MATCH = 0.85  # a label said with a verb ("luen piirustuksia")
VERB_WINDOW = 3
# Units of a duration, which do not count in the verb's reach: the year words the experience
# reader knows, and shorter units.
DURATION_WORDS = frozenset(
    {
        *(word for words in YEAR_WORDS.values() for word in words),
        *("kuukausi", "viikko", "månad", "vecka", "month", "week"),
    }
)
AGENT_MATCH = 0.75  # the work a worker noun names ("hitsaaja" → welding)


@dataclass(slots=True)
class Occurrence:
    span: tuple[int, int]
    score: float
    token: int  # the token whose clause it is in: the first, or a verb pair's object
    clause: int = 0
    negated: bool = False
    required: bool = False
    implied: bool = False  # not named: implied by a title, licence word or tool (`implied.py`)


def match_sentence(
    index: LabelIndex, text: str, tokens: Sequence[Token], lang: str
) -> list[tuple[int, Occurrence]]:
    """Longest label match at each token; compound parts for words no label covers."""
    result: list[tuple[int, Occurrence]] = []
    phrases = index.phrases[lang]
    lemmas = [token.lemma for token in tokens]
    norms = [token.norm for token in tokens]
    own = index.own_written.get(lang)
    ends = _phrase_ends(text, tokens)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        elided = _elided(index, text, tokens, i, lang)
        if elided:
            for hit in elided:
                result.append(
                    (
                        hit.concept_id,
                        Occurrence((token.start, token.end), hit.weight * LEMMA_MATCH, i),
                    )
                )
            i += 1
            continue
        compound = _elided_compound(index, text, tokens, i, lang)
        if compound and _longest(phrases, index.prefixes[lang], lemmas, i, ends[i])[0] <= 1:
            # The part stands for the compound it makes with its partner's head and means
            # what the compound means: "svets- och monteringsarbete" is welding work, but
            # "skift- och övertidstillägg" (shift premiums) is no shift work. A label of more
            # words that starts with it is read as usual ("ajo- ja lepoajat").
            for part in index.compound_parts(compound, lang):
                if not part.head:
                    span = (token.start, token.end)
                    for hit in part.hits:
                        occurrence = Occurrence(span, hit.weight * COMPOUND_MODIFIER, i)
                        result.append((hit.concept_id, occurrence))
            i += 1
            continue
        factor = 0.0
        length, hits = _longest(phrases, index.prefixes[lang], lemmas, i, ends[i])
        if length:
            factor = LEMMA_MATCH
        gap = 0  # words of the text inside the label that are not its words
        skipped = (
            _inverted_subject(index, lemmas, tokens, i, ends[i], lang)
            or _modified_object(index, lemmas, i, ends[i], lang)
            or _adverb_between(index, lemmas, tokens, i, ends[i], lang)
        )
        if skipped and skipped[0] > length:
            # "lödde jag komponenter på kretskort", "kontroll av den färdiga lackytan": the
            # label read past the subject, or past the words before its object
            length, hits, gap = skipped
            factor = LEMMA_MATCH
        surface_length, surface_hits = _longest(
            index.surface, index.surface_prefixes, norms, i, ends[i]
        )
        if (
            not gap
            and surface_length > length
            and not (surface_length == 1 and _own_word(token, lang))
        ):
            length, hits, factor = surface_length, surface_hits, SURFACE_MATCH
        if (
            length == 0
            and token.lemma in index.verbs.get(lang, {})
            and not _proper_name(text, tokens, i)
        ):
            # "osaan hitsata" for the label "hitsaus", "jag svetsar" for "svetsning"
            length, hits, factor = 1, index.verbs[lang][token.lemma], VERB_MATCH
        elif length == 0 and lang == "fi" and token.lemma == token.norm:
            # ... and a past simplemma keeps as a noun: "kiillotin" (a polisher) for "kiillotus"
            derived = index.verbs.get(lang, {})
            verb = _past_form_verb(token.norm, derived)
            if verb:
                length, hits, factor = 1, derived[verb], VERB_MATCH
        written: tuple[str, ...] = tuple(norms[i : i + length]) if factor == SURFACE_MATCH else ()
        if (
            length == 0
            and lang == "fi"
            and (token.text[:1].isupper() or (token.lemma == token.norm and len(token.norm) > 8))
        ):
            # a loan word inflected without a colon: "SolidWorksin", "Excelillä"; in lower case
            # where the word is no Finnish word the lemmatiser knows ("troubleshootingia")
            stem, hits = _loan_word(index, token.norm)
            if hits:
                length, factor, written = 1, SURFACE_MATCH, (stem,)
        if length == 0 and lang in INFLECTED_ENDINGS and not known_word(token.norm, lang):
            # a word the lemmatiser does not know, in an inflected form of a one-word label:
            # "extrudern", "helpdesken", "pelletspressar"; "vastapainotrukkia",
            # "nostoapuvälineisiin", "maakaapelointiin"
            inflected = _inflected(phrases, token.norm, lang)
            if inflected:
                length, hits, factor = 1, inflected, LEMMA_MATCH
        if length == 0 and i + 1 < len(tokens) and hyphenated(text, token, tokens[i + 1]):
            # "robotti-hitsaus" written for the label "robottihitsaus"
            joined = token.norm + lemmatize(tokens[i + 1].norm, lang)
            found = phrases.get((joined,))
            for front in () if found else skill_head_fronts(tokens[i + 1].lemma, lang):
                # ... before a word for having the skill: "CNC-ohjelmointitaitoa",
                # "MIG-svetsningserfarenhet" for the label "CNC-ohjelmointi", "MIG-svetsning"
                found = phrases.get((token.norm, front)) or phrases.get((token.norm + front,))
                if found:
                    break
            if found:
                length, hits, factor = 2, found, LEMMA_MATCH
        if written and own:
            hits = _own_language(hits, own.get(written))
        folded = fold_abbreviation(token.text)
        abbreviation = index.abbreviations.get(folded)
        if abbreviation is None and lang == "fi":
            # an abbreviation under a Finnish case ending without a colon: "SAPiin", "ERPiä"
            folded = _inflected_abbreviation(token.text)
            abbreviation = index.abbreviations.get(folded) if folded else None
        if abbreviation and own:
            abbreviation = _own_language(abbreviation, own.get((folded,)))
        if length <= 1 and abbreviation:
            length = 1
            hits = _merge(hits, factor, abbreviation, ABBREVIATION_MATCH)
            factor = 1.0
        if length == 1 and lang == "en" and token.text[:1].islower():
            # "access to", "rage": a name's label names it only capitalised
            names = index.english_names.get(token.norm) or index.english_names.get(token.lemma)
            if names:
                hits = tuple(hit for hit in hits if hit.concept_id not in names)
                length = 1 if hits else 0
        if length:
            bonus = _longer_label_bonus(length)
            span = (token.start, tokens[i + length + gap - 1].end)
            for hit in hits:
                score = min(1.0, hit.weight * factor + bonus)
                result.append((hit.concept_id, Occurrence(span, score, i)))
            i += length + gap
            continue
        for part in index.compound_parts(token.lemma, lang):
            span = _part_span(token, part.start, part.end, part.head)
            factor = COMPOUND_HEAD if part.head else COMPOUND_MODIFIER
            for hit in part.hits:
                result.append((hit.concept_id, Occurrence(span, hit.weight * factor, i)))
        i += 1
    _match_coordinated(index, text, tokens, result, lang)
    _match_licence_classes(index, text, tokens, result, lang)
    verb_objects = index.verb_objects.get(lang)
    if verb_objects:
        _match_verb_objects(verb_objects, text, tokens, result, lang)
    if lang == "sv" and index.particle_objects:
        _match_passive_particle_verbs(index.particle_objects, text, tokens, result)
    for i, token in enumerate(tokens):
        # "Vi söker en svetsare": the worker noun names the work
        for hit in index.agent_skills(token.lemma, lang):
            result.append(
                (hit.concept_id, Occurrence((token.start, token.end), hit.weight * AGENT_MATCH, i))
            )
    if result:
        context.leave_out(index, text, tokens, result, lang)
    return result


# A label read past words that stand inside it: its length in label words, its hits and how
# many words of the text were passed.
Skipped = tuple[int, tuple[Hit, ...], int]


def _inverted_subject(
    index: LabelIndex, lemmas: list[str], tokens: Sequence[Token], i: int, limit: int, lang: str
) -> Skipped | None:
    """A Swedish label that starts with a verb, read past the subject pronoun that follows the
    verb where a sentence starts with something else ("Sedan lödde jag komponenter på
    kretskort", "Varje morgon tar vi emot leveranser"): its length in label words, its hits and
    the words passed. Only a label of two words or more that goes on after the subject
    counts."""
    if lang != "sv" or i + 2 >= limit or tokens[i + 1].norm not in cues.SUBJECTS:
        return None
    # ... and past an adverb after the subject ("nu lär jag själv upp nya", "tar vi också emot")
    passed = 2 if i + 3 < limit and tokens[i + 2].norm in SV_SUBJECT_ADVERBS else 1
    return _read_past(index, lemmas, i, limit, lang, passed)


def _read_past(
    index: LabelIndex, lemmas: list[str], i: int, limit: int, lang: str, passed: int
) -> Skipped | None:
    """The label of two words or more that starts with the word at `i` and goes on after the
    `passed` words that follow it: its length in label words, its hits and the words passed."""
    prefixes = index.prefixes[lang]
    if (lemmas[i],) not in prefixes:
        return None
    words = [lemmas[i], *lemmas[i + 1 + passed : limit]]
    length, hits = _longest(index.phrases[lang], prefixes, words, 0, len(words))
    return (length, hits, passed) if length >= 2 else None


# Adverbs that stand between an inverted subject and the rest of the verb phrase.
SV_SUBJECT_ADVERBS = frozenset(
    {"själv", "själva", "också", "även", "alltid", "ofta", "oftast", "mest", "bara", "ibland"}
)


# Adverbs that may stand inside a label's phrase, after its first word: "Jag injusterar också
# värmesystem", "Huollan myös lypsyrobotteja", "kör ofta truck".
PHRASE_ADVERBS = {
    "fi": frozenset(
        {"myös", "myöskin", "lisäksi", "aina", "usein", "yleensä", "itse", "ite", "jo", "vielä"}
        | {"päivittäin", "säännöllisesti", "tarvittaessa", "enimmäkseen", "pääasiassa"}
    ),
    "sv": SV_SUBJECT_ADVERBS | {"dessutom", "dagligen", "regelbundet", "främst", "gärna"},
}


def _adverb_between(
    index: LabelIndex, lemmas: list[str], tokens: Sequence[Token], i: int, limit: int, lang: str
) -> Skipped | None:
    """A label of two words or more read past an adverb after its first word ("injusterar
    också värmesystem" for "injustera värmesystem"): its length in label words, its hits and
    the one word passed."""
    adverbs = PHRASE_ADVERBS.get(lang)
    if adverbs is None or i + 2 >= limit or tokens[i + 1].norm not in adverbs:
        return None
    return _read_past(index, lemmas, i, limit, lang, 1)


# How many words may stand between a Swedish label's preposition and its object.
OBJECT_MODIFIERS = 2


def _modified_object(
    index: LabelIndex, lemmas: list[str], i: int, limit: int, lang: str
) -> Skipped | None:
    """A Swedish "<action> av <object>" or "<verb> <particle> <object>" label read past an
    article or adjectives before its object ("kontroll av den färdiga lackytan", "montering av
    nya maskiner", "tar bort gamla vindrutor"): its length in label words, its hits and how
    many words were passed."""
    if lang != "sv" or i + 3 >= limit:
        return None
    if lemmas[i + 1] not in SV_OBJECT_PREPOSITIONS and lemmas[i + 1] not in SV_PARTICLES:
        return None
    prefixes = index.prefixes[lang]
    if (lemmas[i], lemmas[i + 1]) not in prefixes:
        return None
    # a particle verb's object takes one word before it ("tar bort gamla vindrutor"), not a
    # phrase ("följer upp affärerna efter leverans")
    most = 1 if lemmas[i + 1] in SV_PARTICLES else OBJECT_MODIFIERS
    for gap in range(1, most + 1):
        if lemmas[i + 1 + gap] in cues.CONJUNCTIONS:
            break  # coordinated objects are `_match_coordinated`'s: "av uttag och strömbrytare"
        words = [lemmas[i], lemmas[i + 1], *lemmas[i + 2 + gap : limit]]
        if len(words) < 3:
            break
        length, hits = _longest(index.phrases[lang], prefixes, words, 0, len(words))
        if length >= 3:
            return length, hits, gap
    return None


def _longer_label_bonus(words: int) -> float:
    """A label of more words is the surer match: +0.05 a word after the first, up to +0.1."""
    return min(2 * LONGER_LABEL_BONUS, LONGER_LABEL_BONUS * (words - 1))


COORDINATED_REACH = 3  # words a shared head, object or front may have


def _match_coordinated(
    index: LabelIndex,
    text: str,
    tokens: Sequence[Token],
    result: list[tuple[int, Occurrence]],
    lang: str,
) -> None:
    """Words coordinated before a shared head or object, or after a shared front: each with it
    where that makes a label. "uunien ja jäähdytyslinjan valvonta" → "uunien valvonta";
    "lastaan ja puran laivoja" → "lastata laivoja"; "pumppujen huolto ja korjaus" →
    "pumppujen korjaus"; "reparation av pumpar och ventiler" → "reparation av ventiler".

    The conjuncts are one word each, joined by commas and one conjunction ("pumppujen,
    venttiilien ja sekoittimien huolto"); in Finnish they are in the same form (`_alike`), so
    "hitsaan ja luen piirustuksia" does not lend "piirustuksia" to "hitsata". The word next
    to the shared part is matched as it stands; a hyphenated part ("kone- ja laiteasennus") is
    `_elided`'s."""
    phrases = index.phrases[lang]
    lemmas = [token.lemma for token in tokens]
    for c, conjunction in enumerate(tokens):
        if conjunction.norm not in cues.CONJUNCTIONS or c == 0 or c + 1 >= len(tokens):
            continue
        right = c + 1
        if not _separated_by(text, tokens[c - 1], conjunction, " ") or not _separated_by(
            text, conjunction, tokens[right], " "
        ):
            continue
        first = c - 1
        if lang == "fi" and not _alike(tokens[first], tokens[right]):
            continue
        # back over the commas, as far as the words end alike: "kaapelointia, kytkimien ja
        # pistorasioiden asennusta" coordinates only the two genitives
        while (
            first > 0
            and _separated_by(text, tokens[first - 1], tokens[first], ", ")
            and (lang != "fi" or _alike(tokens[first - 1], tokens[right]))
        ):
            first -= 1
        conjuncts = [*range(first, c), right]
        if any(tokens[j].norm in cues.CONJUNCTIONS for j in conjuncts):
            continue
        # a shared head or object after the last conjunct
        tail = lemmas[right + 1 : right + 1 + COORDINATED_REACH]
        if tail and _separated_by(text, tokens[right], tokens[right + 1], " "):
            for j in conjuncts[:-1]:
                _add_coordinated(phrases, (lemmas[j], *tail), tokens, j, right + len(tail), result)
        # a shared front before the first conjunct
        if first > 0 and _separated_by(text, tokens[first - 1], tokens[first], " "):
            start = max(0, first - COORDINATED_REACH)
            for j in conjuncts[1:]:
                for s in range(start, first):
                    key = (*lemmas[s:first], lemmas[j])
                    if _add_coordinated(phrases, key, tokens, s, j, result, whole=True):
                        break


# Driving licence classes, and the words a list of them follows ("Kortit: C, CE",
# "Körkort: B och C"); the class is looked up as the label "<licence word> <class>".
LICENCE_CLASSES = frozenset({"a", "am", "b", "be", "c1", "c1e", "c", "ce", "d1", "d", "de"})
LICENCE_WORDS = {
    "fi": ("ajokortti", frozenset({"ajokortti", "kortti"})),
    "sv": ("körkort", frozenset({"körkort", "kort"})),
}


def _match_licence_classes(
    index: LabelIndex,
    text: str,
    tokens: Sequence[Token],
    result: list[tuple[int, Occurrence]],
    lang: str,
) -> None:
    """The classes listed after a licence word, each the licence of its class: "Kortit: C, CE ja
    ammattipätevyys" (Ajokortti C, Ajokortti CE), "Körkort: B och C". Only upper-case class
    letters joined by commas and conjunctions right after the word, so "C-kielellä" or a
    sentence's "a" are no licence."""
    licence, words = LICENCE_WORDS.get(lang, ("", frozenset()))
    phrases = index.phrases[lang]
    for i, token in enumerate(tokens):
        if token.lemma not in words:
            continue
        for j in range(i + 1, len(tokens)):
            following = tokens[j]
            if following.norm in cues.CONJUNCTIONS:
                continue
            if following.norm not in LICENCE_CLASSES or not following.text.isupper():
                break
            if text[tokens[j - 1].end : following.start].strip() not in ("", ":", ","):
                break
            for hit in phrases.get((licence, following.norm), ()):
                occurrence = Occurrence(
                    (following.start, following.end), hit.weight * LEMMA_MATCH, j
                )
                result.append((hit.concept_id, occurrence))


def _alike(a: Token, b: Token) -> bool:
    """Whether two Finnish conjuncts are in the same form: the same last letter (case or person
    ending), or both in their base form ("prosessin ajo ja valvonta")."""
    return a.norm[-1:] == b.norm[-1:] or (a.norm == a.lemma and b.norm == b.lemma)


def _add_coordinated(
    phrases: dict[tuple[str, ...], tuple[Hit, ...]],
    key: tuple[str, ...],
    tokens: Sequence[Token],
    first: int,
    last: int,
    result: list[tuple[int, Occurrence]],
    whole: bool = False,
) -> bool:
    """The longest label `key` starts with (at least two words; all of it if `whole`), as an
    occurrence from token `first` to the end of what it covers (at most token `last`)."""
    for length in range(len(key), 1, -1):
        hits = phrases.get(key[:length])
        if hits:
            end = last if whole else last - (len(key) - length)
            span = (tokens[first].start, tokens[end].end)
            bonus = _longer_label_bonus(length)
            for hit in hits:
                score = min(1.0, hit.weight * LEMMA_MATCH + bonus)
                result.append((hit.concept_id, Occurrence(span, score, first)))
            return True
        if whole:
            return False
    return False


def _separated_by(text: str, left: Token, right: Token, between: str) -> bool:
    return text[left.end : right.start] == between


def _match_verb_objects(
    verb_objects: dict[str, list[tuple[str, tuple[Hit, ...]]]],
    text: str,
    tokens: Sequence[Token],
    result: list[tuple[int, Occurrence]],
    lang: str,
) -> None:
    """ "luen sähköpiirustuksia" for the label "sähköpiirustusten lukeminen": a verb and its
    object within three words. The pair replaces a match of the object word alone, and of the
    verb alone ("huollat teriä" is blade maintenance, not also machine maintenance). An object
    may be a first part whose head is written once after it ("kirjoitat käyttö- ja
    huolto-ohjeita": "käyttöohje")."""
    for k, token in enumerate(tokens):
        pairs = verb_objects.get(token.lemma, ())
        if not pairs and lang == "fi":
            pairs = verb_objects.get(_personal_form_verb(token.norm, verb_objects), ())
        if not pairs:
            continue
        window = range(_reach(tokens, k, -1), _reach(tokens, k, 1) + 1)
        heads: dict[str, int] = {}
        if lang == "fi":
            # the object a compound with the label's noun as its head: "lukea
            # konepajapiirustuksia" is "lukea piirustuksia", not drafting by the head alone
            nouns = {noun for noun, _ in pairs}
            for j in window:
                head = _object_head(tokens[j].lemma, nouns) if j != k else ""
                if head:
                    heads.setdefault(head, j)
        elided = _elided_objects(text, tokens, window, k) if lang == "fi" else {}
        pronoun = _object_pronoun(text, tokens, k, lang)
        for noun, hits in pairs:
            m = next((m for m in window if m != k and tokens[m].lemma == noun), None)
            if m is None:
                m = heads.get(noun, elided.get(noun))
            if m is None and pronoun and _antecedent(tokens, k, noun, lang):
                # "luen kytkentäkaavioita ja piirrän ne itse", "lagar pumpar och testar dem":
                # the pronoun after the verb stands for an object named before it
                m = pronoun
            if m is None:
                continue
            words = (tokens[m], token)
            result[:] = [
                (c, o)
                for c, o in result
                if not any(w.start <= o.span[0] and o.span[1] <= w.end for w in words)
            ]
            first, last = sorted((k, m))
            span = (tokens[first].start, tokens[last].end)
            for hit in hits:
                result.append((hit.concept_id, Occurrence(span, hit.weight * VERB_MATCH, m)))


# Object pronouns that stand for a thing named before them ("piirrän ne", "testar dem"); the
# Finnish singular ones not before a postposition ("sen jälkeen" is "after that").
OBJECT_PRONOUNS = {
    "fi": frozenset({"ne", "niitä", "sen", "sitä"}),
    "sv": frozenset({"dem", "dom", "den", "det"}),
}
_FI_POSTPOSITIONS = frozenset(
    {"jälkeen", "ennen", "aikana", "takia", "vuoksi", "kanssa", "mukaan", "varten", "lisäksi"}
    | {"sijaan", "kautta", "avulla", "jälkeenkin", "myötä"}
)
# Words a Swedish "den" or "det" used as a pronoun may stand before; before another word it
# is an article ("kör den nya maskinen") or the subject of what follows ("det är").
_SV_AFTER_PRONOUN = frozenset(
    {"i", "på", "med", "till", "och", "själv", "också", "sedan", "efter", "för", "vid", "av"}
    | {"ut", "in", "upp", "om", "enligt", "direkt", "noggrant", "varje", "dagligen"}
)
# How far back, in words, the thing a pronoun stands for may be named.
ANTECEDENT_REACH = 8


def _object_pronoun(text: str, tokens: Sequence[Token], k: int, lang: str) -> int | None:
    """Where the object pronoun right after the verb at `k` stands, if one does."""
    j = k + 1
    if j >= len(tokens) or tokens[j].norm not in OBJECT_PRONOUNS.get(lang, ()):
        return None
    if cues.CLAUSE_END.search(text, tokens[k].end, tokens[j].start):
        return None
    following = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    ends = not following or bool(cues.CLAUSE_END.search(text, tokens[j].end, tokens[j + 1].start))
    if lang == "fi" and following in _FI_POSTPOSITIONS:
        return None
    article = lang == "sv" and tokens[j].norm in {"den", "det"}
    if article and not ends and following not in _SV_AFTER_PRONOUN:
        return None
    return j


def _antecedent(tokens: Sequence[Token], k: int, noun: str, lang: str) -> bool:
    """Whether the noun is named in the words before the verb at `k` (as itself, or as the head
    of a compound in Finnish: "kytkentäkaavioita" for "kaavio")."""
    for j in range(k - 1, max(-1, k - 1 - ANTECEDENT_REACH), -1):
        lemma = tokens[j].lemma
        if lemma == noun or (lang == "fi" and _object_head(lemma, {noun}) == noun):
            return True
    return False


# How many words (an adjective, a place) may stand between a passive's object and its verb:
# "fönstren i huset sätts in".
PASSIVE_REACH = 3


def _match_passive_particle_verbs(
    particle_objects: Mapping[tuple[str, str], list[tuple[tuple[str, ...], tuple[Hit, ...]]]],
    text: str,
    tokens: Sequence[Token],
    result: list[tuple[int, Occurrence]],
) -> None:
    """ "Godstågen sätts ihop", "Lasten spänns fast", "Gamla fönster tas bort" for the labels
    "sätta ihop godståg", "spänna fast lasten", "ta bort gamla fönster": a Swedish s-passive of
    a particle verb, its particle right after it and its object before it in the same clause.
    The active ("vi sätter ihop godståg") is the label's own word order."""
    lemmas = [token.lemma for token in tokens]
    for k in range(1, len(tokens) - 1):
        verb = tokens[k]
        if not verb.norm.endswith("s") or verb.norm == verb.lemma:
            continue
        objects = particle_objects.get((verb.lemma, tokens[k + 1].norm), ())
        for obj, hits in objects:
            n = len(obj)
            start = next(
                (
                    j
                    for j in range(k - n, max(-1, k - n - PASSIVE_REACH - 1), -1)
                    if tuple(lemmas[j : j + n]) == obj
                    and not cues.CLAUSE_END.search(text, tokens[j + n - 1].end, verb.start)
                ),
                None,
            )
            if start is None:
                continue
            span = (tokens[start].start, tokens[k + 1].end)
            for hit in hits:
                result.append((hit.concept_id, Occurrence(span, hit.weight * VERB_MATCH, start)))


def _elided_objects(text: str, tokens: Sequence[Token], window: range, k: int) -> dict[str, int]:
    """The compound each first part in the window makes with the head of the hyphenated word
    after it ("käyttö- ja huolto-ohjeita" → "käyttöohje"), and where the first part stands;
    the same reading `_elided` gives a one-word label, here for a verb's object."""
    found: dict[str, int] = {}
    for j in window:
        if j == k or text[tokens[j].end : tokens[j].end + 2] not in ELIDED_MARKS:
            continue
        for x in range(j + 1, min(j + 5, len(tokens) - 1)):
            if hyphenated(text, tokens[x], tokens[x + 1]):
                found.setdefault(tokens[j].norm + tokens[x + 1].lemma, j)
                break
    return found


def _reach(tokens: Sequence[Token], k: int, step: int) -> int:
    """The last token a verb at `k` reaches for its object in one direction: three words, not
    counting a duration said between them ("ajanut 14 vuotta kansainvälistä rekkaa")."""
    j, counted = k, 0
    while 0 <= j + step < len(tokens) and counted < VERB_WINDOW:
        j += step
        if not (tokens[j].norm.isdigit() or tokens[j].lemma in DURATION_WORDS):
            counted += 1
    return j


# Personal endings of a Finnish present tense ("etsin", "etsivät"), longest first.
_PERSONAL_ENDINGS = ("mme", "tte", "vat", "vät", "n", "t")


def _personal_form_verb(norm: str, verbs: Mapping[str, object]) -> str:
    """The label verb a Finnish present tense or first-person past that simplemma reads as a
    noun is a form of: "etsin" (a search engine) and "etsivät" (detectives) are "etsiä",
    "kuljetin" (a conveyor) "kuljettaa", "vaihdoin" (→ "vaihto") "vaihtaa", where a label's
    verb is that verb; "" where no label verb fits."""
    for ending in _PERSONAL_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 3:
            stem = norm[: -len(ending)]
            for verb in (stem + "a", stem + "ä"):
                if verb in verbs:
                    return verb
            break
    return _past_form_verb(norm, verbs)


# First-person past endings and the infinitive endings their stems take ("kannoin" → "kantaa",
# "leivoin" → "leipoa", "laskin" → "laskea", "palvelin" → "palvella", "pesin" → "pestä").
_PAST_ENDINGS = (
    ("oin", ("aa", "oa")),
    ("öin", ("ää", "öä")),
    ("in", ("aa", "ää", "ea", "eä", "la", "lä", "ta", "tä", "a", "ä")),
)
# The weak grade a past stem may have and the strong grade of its infinitive ("johdin" →
# "johtaa", "annoin" → "antaa", "kuljetin" → "kuljettaa"), the stem as it is last.
_GRADATION = (("d", "t"), ("nn", "nt"), ("v", "p"), ("t", "tt"), ("k", "kk"), ("p", "pp"), ("", ""))


def _past_form_verb(norm: str, verbs: Mapping[str, object]) -> str:
    """The label verb a Finnish first-person past ("kirjoitin", "vaihdoin") is a form of."""
    for ending, infinitives in _PAST_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 3:
            stem = norm[: -len(ending)]
            for weak, strong in _GRADATION:
                if stem.endswith(weak):
                    base = stem[: len(stem) - len(weak)] + strong
                    for infinitive in infinitives:
                        if base + infinitive in verbs:
                            return base + infinitive
            return ""
    return ""


def _object_head(lemma: str, nouns: set[str]) -> str:
    """The longest end of a compound that is a label's object, where the compound is not one
    itself ("konepajapiirustus" → "piirustus"; "sähköpiirustus" has a label of its own)."""
    if lemma in nouns or "-" in lemma:
        return ""
    for start in range(MIN_OTHER_PART, len(lemma)):
        if lemma[start:] in nouns:
            return lemma[start:]
    return ""


# Punctuation that no label is written across: "HACCP, omavalvonta" is two things, not the
# label "HACCP-omavalvonta".
_PHRASE_BREAK = frozenset(",;:.!?()[]")


def _proper_name(text: str, tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at `i` reads as a name rather than a verb: capitalised (not all in
    capitals) after a word of the same line ("Jag heter Linda och …"), or uninflected before
    another such word ("Linda Holm har …", where "Hitsasin Kokkolassa" is a verb and a place).
    A verb starts a sentence, a line or a list item, not a name's place."""

    def spaced(left: Token, right: Token) -> bool:
        gap = text[left.end : right.start]
        return gap != "" and gap.strip(" ") == ""

    if not written_as_name(tokens[i].text):
        return False
    if i > 0:
        return spaced(tokens[i - 1], tokens[i])
    first = tokens[0]
    return (
        first.lemma == first.norm
        and len(tokens) > 1
        and written_as_name(tokens[1].text)
        and spaced(first, tokens[1])
    )


def _phrase_ends(text: str, tokens: Sequence[Token]) -> list[int]:
    """For each token, the index after the last token a label starting there may reach: the
    words up to the next punctuation between words."""
    ends = [len(tokens)] * len(tokens)
    for i in range(len(tokens) - 2, -1, -1):
        gap = text[tokens[i].end : tokens[i + 1].start]
        ends[i] = i + 1 if any(c in _PHRASE_BREAK for c in gap) else ends[i + 1]
    return ends


def _longest(
    table: dict[tuple[str, ...], tuple[Hit, ...]],
    prefixes: frozenset[tuple[str, ...]],
    words: list[str],
    start: int,
    limit: int,
) -> tuple[int, tuple[Hit, ...]]:
    """The longest label in `table` that the words from `start` up to `limit` spell out."""
    best: tuple[int, tuple[Hit, ...]] = (0, ())
    key: tuple[str, ...] = (words[start],)
    if key not in prefixes and key not in table:
        return best
    end = start + 1
    while True:
        hits = table.get(key)
        if hits:
            best = (end - start, hits)
        if end >= limit or key not in prefixes:
            return best
        key = (*key, words[end])
        end += 1


# A first part written with its head left out: "sähkö- ja", "sähkö-, automaatio- ja"
ELIDED_MARKS = ("- ", "-\n", "-,")


def _elided(
    index: LabelIndex, text: str, tokens: Sequence[Token], i: int, lang: str
) -> tuple[Hit, ...]:
    """A compound written with a shared part left out: "MIG- ja MAG-hitsaus" (MIG-hitsaus),
    "CNC-sorvaus ja -jyrsintä" (CNC-jyrsintä), "käsi- ja ruiskulaminointi" (käsilaminointi).

    Only where the full compound is a label; the part is taken from the nearest hyphenated word
    (or compound head) after or before it, at most four words away.
    """
    token = tokens[i]
    phrases = index.phrases[lang]
    after = text[token.end : token.end + 2]
    if after in ELIDED_MARKS or (after[:1] == "/" and i + 1 < len(tokens)):
        # the head comes later: "MIG- ja MAG-hitsausta", "käsi- ja ruiskulaminointia"
        partner = True
        partner_at = i
        for j in range(i + 1, min(i + 5, len(tokens))):
            if j + 1 < len(tokens) and hyphenated(text, tokens[j], tokens[j + 1]):
                # "MIG- ja MAG-hitsausta"; the label may be one word: "el- och VVS-installationer"
                head = tokens[j + 1].lemma
                return phrases.get((token.norm, head), ()) or phrases.get((token.norm + head,), ())
            if text[tokens[j].end : tokens[j].end + 2] in ELIDED_MARKS:
                continue  # another first part of the list: "sähkö-, automaatio- ja hydrauliikka…"
            heads = [p for p in index.compound_parts(tokens[j].lemma, lang) if p.head]
            if heads:
                head = tokens[j].lemma[heads[0].start :]
                return phrases.get((token.norm + head,), ()) or phrases.get((token.norm, head), ())
            if not partner and j == partner_at + 1 and tokens[partner_at].lemma.endswith("inen"):
                # the noun right after a partner that is an adjective: "ICT- ja toiminnallisia
                # testejä" (ICT-testit)
                head = tokens[j].lemma
                shared = phrases.get((token.norm, head), ()) or phrases.get(
                    (token.norm + head,), ()
                )
                if shared:
                    return shared
            if partner and tokens[j].norm not in cues.CONJUNCTIONS:
                # the word it is coordinated with: "sähkö- ja automaatioasennuksiin"
                partner = False
                partner_at = j
                following = tokens[j + 1] if j + 1 < len(tokens) else None
                shared = _shared_head(phrases, token.norm, tokens[j], lang, following)
                if shared:
                    return shared
        return ()
    if token.start >= 2 and text[token.start - 1] == "-" and text[token.start - 2].isspace():
        # the first part came earlier: "CNC-sorvaus ja -jyrsintä"
        for j in range(i - 1, max(i - 5, 0), -1):
            if hyphenated(text, tokens[j - 1], tokens[j]):
                return phrases.get((tokens[j - 1].norm, token.lemma), ())
        if i >= 2 and tokens[i - 1].norm in cues.CONJUNCTIONS:
            # ... as the front of a compound: "maatalouskonekauppa ja -huolto"
            return _shared_front(index, tokens[i - 2].lemma, token.lemma, lang)
    return ()


def _elided_compound(
    index: LabelIndex, text: str, tokens: Sequence[Token], i: int, lang: str
) -> str | None:
    """The compound a first part written with a hyphen makes with the head of the compound it
    is coordinated with ("skift-" and "övertidstillägg" make "skifttillägg"), where that head is
    a part of the partner word; None where the part is not so written or the partner is not a
    compound."""
    token = tokens[i]
    if text[token.end : token.end + 2] not in ELIDED_MARKS:
        return None
    for j in range(i + 1, min(i + 5, len(tokens))):
        partner = tokens[j]
        if partner.norm in cues.CONJUNCTIONS or text[partner.end : partner.end + 2] in ELIDED_MARKS:
            continue
        if j + 1 < len(tokens) and hyphenated(text, partner, tokens[j + 1]):
            return None  # "MIG- ja MAG-hitsaus": the whole label or nothing (`_elided`)
        heads = [p for p in index.compound_parts(partner.lemma, lang) if p.head]
        if heads:
            return token.norm + partner.lemma[heads[0].start :]
        for k in range(MIN_OTHER_PART, len(partner.lemma) - MIN_PART + 1):
            # a head that is no label: "övertids|tillägg", "hionta|työ"
            if known_word(partner.lemma[:k], lang) and known_word(partner.lemma[k:], lang):
                return token.norm + partner.lemma[k:]
        return None
    return None


def _shared_front(index: LabelIndex, compound: str, head: str, lang: str) -> tuple[Hit, ...]:
    """The one-word label a compound's front makes with a head written after it with a hyphen,
    the longest front first, where the compound's own last part is a word."""
    phrases = index.phrases[lang]
    for k in range(len(compound) - MIN_OTHER_PART, MIN_PART - 1, -1):
        hits = phrases.get((compound[:k] + head,))
        if hits and known_word(compound[k:], lang):
            return hits
    return ()


def _shared_head(
    phrases: dict[tuple[str, ...], tuple[Hit, ...]],
    first: str,
    partner: Token,
    lang: str,
    following: Token | None = None,
) -> tuple[Hit, ...]:
    """The label a left-out head makes with the first part, the head taken from the end of the
    word it is coordinated with: "sähkö- ja automaatioasennuksiin" → "sähköasennus",
    "maskin- och utrustningsmonteringar" → "maskinmontering" — or, with the word after the
    partner, a two-word label: "sähkö- ja automaatiolaitteiden asennus" → "sähkölaitteiden
    asennus", preferred to a one-word label of the compound alone — or a hyphenated two-word
    label: "pH- och densitetsmätningar" → "pH-mätning". Longest head first; the head is tried
    as written in the lemma and lemmatised on its own (the whole word's lemma may keep its
    ending)."""
    for form in dict.fromkeys((partner.lemma, partner.norm)):
        for k in range(MIN_OTHER_PART, len(form) - MIN_PART + 1):
            head = form[k:]
            for candidate in dict.fromkeys((head, lemmatize(head, lang))):
                # the two-word label first, as the longest match is taken elsewhere
                hits = phrases.get((first + candidate, following.lemma)) if following else None
                # ... or one word, or the first part and the head as a hyphenated label is
                # keyed ("pH- och densitetsmätningar" → "pH-mätning")
                hits = hits or phrases.get((first + candidate,)) or phrases.get((first, candidate))
                if hits:
                    return hits
    return ()


# Finnish case endings written straight onto a foreign name, longest first.
LOAN_WORD_ENDINGS = (
    "illa",
    "illä",
    "ista",
    "istä",
    "issa",
    "issä",
    "ille",
    "iksi",
    "lla",
    "llä",
    "sta",
    "stä",
    "ssa",
    "ssä",
    "lle",
    "iin",
    "ia",
    "iä",
    "in",
    "ii",
    "n",
    "a",
    "ä",
)


# Endings that leave a word's base form when taken off, longest first: Swedish plural and
# definite endings; Finnish case endings after a base form that keeps its stem ("trukki|a",
# "kaapelointi|in", "väline|isiin"; not "keskus" → "keskukse|n").
INFLECTED_ENDINGS = {
    "sv": ("arna", "erna", "orna", "na", "en", "et", "ar", "er", "or", "n"),
    "fi": (
        *("isiin", "issa", "issä", "ista", "istä", "illa", "illä", "ille", "ihin"),
        *("ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "lle", "ksi", "iin"),
        *("ta", "tä", "na", "nä", "a", "ä", "n", "t"),
    ),
}
# The shortest base form read this way ("sorvi" is left to the lemmatiser).
MIN_INFLECTED_BASE = {"sv": MIN_PART, "fi": 6}


def _inflected(
    phrases: dict[tuple[str, ...], tuple[Hit, ...]], norm: str, lang: str
) -> tuple[Hit, ...]:
    """The one-word label an unknown word is an inflected form of: the word without the ending
    as written (in Swedish also lemmatised, as a label is)."""
    for ending in INFLECTED_ENDINGS[lang]:
        if norm.endswith(ending) and len(norm) - len(ending) >= MIN_INFLECTED_BASE[lang]:
            stem = norm[: -len(ending)]
            candidates = (stem, lemmatize(stem, lang)) if lang == "sv" else (stem,)
            for candidate in dict.fromkeys(candidates):
                hits = phrases.get((candidate,))
                if hits:
                    return hits
    return ()


def _loan_word(index: LabelIndex, norm: str) -> tuple[str, tuple[Hit, ...]]:
    """A foreign label under a Finnish case ending: "solidworksin" → "solidworks" (the label
    as written and its concepts)."""
    for ending in LOAN_WORD_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 3:
            stem = norm[: -len(ending)]
            hits = index.surface.get((stem,))
            if hits:
                return stem, hits
    if len(norm) >= 6 and norm[-1] == "n" and norm[-2] == norm[-3] and norm[-2] in "aeiouyäö":
        # the illative lengthens the name's last vowel: "Maximoon" → "maximo"
        stem = norm[:-2]
        hits = index.surface.get((stem,))
        if hits:
            return stem, hits
    return "", ()


# An abbreviation in capitals and a Finnish case ending in small letters after it: "SAPin".
_INFLECTED_ABBREVIATION = re.compile(r"([A-ZÅÄÖ][A-ZÅÄÖ0-9]+)([a-zäö]{1,4})")


def _inflected_abbreviation(text: str) -> str:
    """The abbreviation a word in capitals with a Finnish case ending is ("SAPiin" → "SAP"), or
    "" where the word is not one."""
    found = _INFLECTED_ABBREVIATION.fullmatch(text)
    return found.group(1) if found and found.group(2) in LOAN_WORD_ENDINGS else ""


def _own_word(token: Token, lang: str) -> bool:
    """A word of the text's own language, which another language's one-word label is not read
    in: Swedish "band", "form", "transport" — and "Plan:" at the start of a line — are not the
    English labels they look like. Names the language does not have ("Excel"), words it does
    not have ("troubleshooting") and abbreviations in capitals ("PLC") are read as the foreign
    label."""
    return lang in ("fi", "sv") and not token.text.isupper() and known_word(token.norm, lang)


def _own_language(hits: Sequence[Hit], own: frozenset[int] | None) -> tuple[Hit, ...]:
    """The hits of words written as a label of any language, kept to the concepts whose label
    they are in the text's language where there are such: "SolidWorks" in Finnish is the
    Finnish label's CAD skill, not also the English label's CAD software."""
    if not own:
        return tuple(hits)
    kept = tuple(hit for hit in hits if hit.concept_id in own)
    return kept or tuple(hits)


def hyphenated(text: str, left: Token, right: Token) -> bool:
    """Whether two tokens are the parts of one hyphenated word ("kone-" "ja", "CAD-program")."""
    return right.start == left.end + 1 and text[left.end] == "-"


def _merge(
    first: Sequence[Hit], first_factor: float, second: Sequence[Hit], second_factor: float
) -> tuple[Hit, ...]:
    best: dict[int, float] = {}
    for hits, factor in ((first, first_factor), (second, second_factor)):
        for hit in hits:
            best[hit.concept_id] = max(best.get(hit.concept_id, 0.0), hit.weight * factor)
    return tuple(Hit(concept_id, weight) for concept_id, weight in best.items())


def _part_span(token: Token, start: int, end: int, head: bool) -> tuple[int, int]:
    """The characters of a compound part in the written word; the whole word if unsure.

    The lemma and the written word share the modifier's letters ("robotti|hitsauksesta"); the
    head runs to the end of the word, inflection included.
    """
    written = token.text.casefold()
    if not written.startswith(token.lemma[:start]):
        return (token.start, token.end)
    if head:
        return (token.start + start, token.end)
    return (token.start, token.start + end)


def mark(occurrences: list[tuple[int, Occurrence]], clauses: Sequence[cues.Clause]) -> None:
    """Negation and requirement marks from the clause each occurrence is in."""
    for _, occurrence in occurrences:
        for number, clause in enumerate(clauses):
            if clause.start <= occurrence.token < clause.end:
                occurrence.clause = number
                occurrence.required = clause.mode is cues.Mode.REQUIRED
                break
    for number, clause in enumerate(clauses):
        cue = clause.negation_at
        if cue is None:
            continue
        if clause.learnt or clause.waived:
            # what the clause names before its "previous experience", joined to it ("Truckkort
            # eller tidigare erfarenhet … krävs inte, vi skolar in dig"), is still not needed
            if clause.prior_at is not None:
                for _, o in occurrences:
                    if o.clause == number and o.token < clause.prior_at:
                        o.negated = True
                        o.required = False
            continue
        inside = [o for _, o in occurrences if o.clause == number]
        offset = clause.negation_offset
        after = [o for o in inside if o.token > cue]
        # a mention matched from an object before the cue to the verb after it ("CNC-koneita
        # en oo ohjelmoinu") says the object comes first: all the clause names is negated, as
        # it is where a second negation adds another object ("… en oo tehny enkä …")
        if clause.and_not or any(
            o.token < cue and offset is not None and o.span[1] > offset for o in inside
        ):
            # back to a few words before the cue: a clause with no punctuation runs on
            # ("…taksamittari ja maksupääte hoituu trukkia en oo ajanu enkä …")
            after = [o for o in inside if o.token >= clause.reach_from]
        elif after and clause.fronted:
            # the clause's first words a few before the cue are its fronted object: negated with
            # what the verb after the cue names ("TIG har jag inte svetsat", "Pythonilla en oo
            # koskaan koodannu")
            after += [o for o in inside if o.token in clause.fronted]
        if clause.without:
            negated = after  # "utan", "ilman": only what follows
        else:
            negated = after or inside or _named_before(occurrences, clauses, number)
        # the clauses after it that add "likewise" to it ("Truckkort saknas, likaså körkort")
        following = number + 1
        while following < len(clauses) and clauses[following].likewise:
            negated += [o for _, o in occurrences if o.clause == following]
            following += 1
        for occurrence in negated:
            occurrence.negated = True
            occurrence.required = False


def _named_before(
    occurrences: list[tuple[int, Occurrence]], clauses: Sequence[cues.Clause], number: int
) -> list[Occurrence]:
    """What a negation that names nothing in its own clause says is absent: when it refers back
    (a pronoun, or an auxiliary after the cue), the mentions of the clauses before it that
    punctuation alone joins to it ("Javaa tai C#:ia, en ole tehnyt"; "PLC-programmeringen
    sköter leverantören, så den behöver vi inte"), back to a clause with a negation of its own
    or one that starts with a contrast ("…, mutta se ei ole pakollista")."""
    if not clauses[number].refers_back:
        return []
    first = number
    while clauses[first].joined and clauses[first - 1].negation_at is None:
        first -= 1
    return [o for _, o in occurrences if first <= o.clause < number]
