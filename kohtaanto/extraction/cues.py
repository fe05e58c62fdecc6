"""Negation and requirement cues in Finnish, Swedish and English, and their scopes.

A cue is recognised by its lemma or its folded form. Scopes follow the way ads and CVs are
written:
- negation lives in its clause (between commas and contrast words like "mutta", "but", "men");
  it covers the mentions after the cue, or the mentions before it when none follows
  ("hitsauksesta minulla ei ole kokemusta");
- a requirement cue covers its clause and the clauses after it in the sentence, until a
  nice-to-have cue ("eduksi", "meriterande", "an advantage") takes over; a heading that ends with
  a colon ("Edellytämme:", "Krav:") carries its mode to the list items below it, until the next
  heading or an empty line;
- "ei vaadita", "not required", "krävs inte" negate the requirement, not the skill.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from kohtaanto.extraction.text import Token

NEGATION = {
    "fi": {"ei", "ilman", "vailla", "puuttua"},
    "sv": {"inte", "ingen", "inget", "inga", "ej", "utan", "sakna", "aldrig", "icke"},
    "en": {"no", "not", "without", "never", "lack", "none", "neither", "nor", "cannot"},
}
REQUIRED = {
    "fi": {
        "vaatimus",
        "vaatia",
        "vaaditaan",
        "vaadittava",
        "edellyttää",
        "edellytämme",
        "edellytetään",
        "edellytys",
        "välttämätön",
        "pakollinen",
        "ehdoton",
        "ehdottomasti",
        "oltava",
    },
    "sv": {
        "krav",
        "kräva",
        "krävs",
        "förutsätta",
        "förutsättning",
        "obligatorisk",
        "måste",
        "nödvändig",
    },
    "en": {
        "require",
        "required",
        "requirement",
        "must",
        "mandatory",
        "essential",
        "prerequisite",
        "necessary",
    },
}
# "tulee olla", "pitää olla", "täytyy olla": required in Finnish only as a pair.
REQUIRED_PAIRS = {"fi": {("tulee", "olla"), ("pitää", "olla"), ("täytyy", "olla")}}
NICE_TO_HAVE = {
    "fi": {"etu", "eduksi", "plussa", "plussaa", "toivoa", "arvostaa", "hyödyllinen"},
    "sv": {"meritera", "meriterande", "önskvärd", "önskvärt", "fördel", "plus"},
    "en": {"advantage", "plus", "preferred", "preferr", "desirable", "nice", "bonus", "asset"},
}
CONTRAST = {
    "fi": {"mutta", "vaan", "kuitenkin", "kuitenkaan"},
    "sv": {"men", "däremot", "dock"},
    "en": {"but", "however", "although", "though", "whereas", "while"},
}


class Mode(Enum):
    NEUTRAL = "neutral"
    REQUIRED = "required"
    NICE = "nice"


@dataclass(frozen=True, slots=True)
class Clause:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    negation_at: int | None  # token index of the first negation cue
    mode: Mode


def _is(token: Token, words: set[str]) -> bool:
    return token.lemma in words or token.norm in words


def is_negation(token: Token, lang: str) -> bool:
    # "EN" in "SFS-EN ISO 9606-1" is a standard, not the Finnish "I don't".
    if token.text.isupper() and len(token.text) > 1:
        return False
    return _is(token, NEGATION.get(lang, set())) or (lang == "en" and token.norm.endswith("n't"))


def token_mode(tokens: Sequence[Token], i: int, lang: str) -> Mode:
    token = tokens[i]
    if _is(token, REQUIRED.get(lang, set())):
        return Mode.REQUIRED
    if i + 1 < len(tokens) and (token.norm, tokens[i + 1].lemma) in REQUIRED_PAIRS.get(lang, set()):
        return Mode.REQUIRED
    if _is(token, NICE_TO_HAVE.get(lang, set())):
        return Mode.NICE
    return Mode.NEUTRAL


def clauses(
    tokens: Sequence[Token], breaks: Sequence[int], lang: str, inherited: Mode
) -> list[Clause]:
    """Split a sentence's tokens into clauses and give each its negation cue and mode.

    `breaks` are character offsets of clause punctuation; `inherited` is the mode of the
    heading above the sentence.
    """
    bounds = []
    start = 0
    break_iter = iter(sorted(breaks))
    next_break = next(break_iter, None)
    for i, token in enumerate(tokens):
        boundary = False
        while next_break is not None and next_break < token.start:
            boundary = True
            next_break = next(break_iter, None)
        if _is(token, CONTRAST.get(lang, set())):
            boundary = True
        if boundary and i > start:
            bounds.append((start, i))
            start = i
    bounds.append((start, len(tokens)))

    result = []
    mode = inherited
    for start, end in bounds:
        negation_at = None
        clause_mode = None
        for i in range(start, end):
            token_mode_ = token_mode(tokens, i, lang)
            if token_mode_ is not Mode.NEUTRAL:
                clause_mode = token_mode_
            if negation_at is None and is_negation(tokens[i], lang):
                negation_at = i
        if clause_mode is Mode.REQUIRED and negation_at is not None:
            # "ei vaadita", "not required": the requirement is negated, the skill stays.
            clause_mode, negation_at = Mode.NICE, None
        if clause_mode is not None:
            mode = clause_mode
        result.append(Clause(start, end, negation_at, mode))
    return result


def is_heading(tokens: Sequence[Token], sentence_text: str) -> bool:
    """A line like "Edellytämme:" or "Krav" that introduces a list."""
    return sentence_text.rstrip().endswith(":") or len(tokens) <= 2


def heading_mode(tokens: Sequence[Token], lang: str) -> Mode:
    mode = Mode.NEUTRAL
    for i in range(len(tokens)):
        found = token_mode(tokens, i, lang)
        if found is not Mode.NEUTRAL:
            mode = found
    return mode
