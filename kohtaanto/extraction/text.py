"""Sentences and clause breaks with character offsets into the original text.

Words, folding and lemmas come from the one text module that concept look-up also uses
(`kohtaanto.taxonomy.text`), so that a label and a text meet on the same normal form.
"""

import re
from dataclasses import dataclass

from kohtaanto.taxonomy.text import (
    LANGS,
    VOIKKO,
    Token,
    common_prefix,
    is_abbreviation,
    known_word,
    lemmas,
    lemmatize,
    tokenize,
    use_voikko,
    written_as_name,
)
from kohtaanto.taxonomy.text import fold_word as fold

__all__ = [
    "FULL_STOP",
    "LANGS",
    "VOIKKO",
    "Sentence",
    "Token",
    "clause_breaks",
    "common_prefix",
    "fold",
    "is_abbreviation",
    "known_word",
    "lemmas",
    "lemmatize",
    "same_sentence",
    "sentences",
    "tokenize",
    "use_voikko",
    "word_alternatives",
    "written_as_name",
]

# Sentence ends: . ! ? followed by space, a line break, or a bullet/semicolon list item.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+|(?<=;)\s+|\s+[•·▪–—-]\s+(?=\w)")
# A colon between letters is part of a word: Finnish inflects abbreviations and loan words
# after one ("TIG:iä", "SAP:n", "MIG:llä"), and such a word does not end a clause.
_CLAUSE_PUNCT = re.compile(r"[,;()\[\]]|:(?!\w)|(?<!\w):")
# A bracketed gloss: no clause punctuation inside, at most two words.
_GLOSS = re.compile(r"\(([^(),;:\[\]]*)\)")
GLOSS_WORDS = 2


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


# Abbreviations with a full stop that stand before more of the same sentence ("esim. Excel",
# "t.ex. Mastercam", "n. 5 vuotta", "mm. hitsaus", "bl.a. svetsning", "kl. 7"): no sentence
# ends after them.
_ABBREVIATION_STOP = re.compile(
    r"(?:^|[\s(])(?:esim|t\.ex|bl\.a|n|mm|ns|s\.k|ca|inkl|vrt|ks|ts|kl|klo|puh|tel|e\.g|i\.e)\.$",
    re.IGNORECASE,
)
# The longest of them with its stop ("t.ex.") and the character before it.
_ABBREVIATION_LOOKBACK = 6


def sentences(text: str) -> list[Sentence]:
    """Sentences and list items with their offsets; empty pieces are skipped."""
    result: list[Sentence] = []
    position = 0
    for match in _SENTENCE_BREAK.finditer(text):
        before = text[max(position, match.start() - _ABBREVIATION_LOOKBACK) : match.start()]
        if before.endswith(".") and _ABBREVIATION_STOP.search(before):
            continue
        _append_sentence(result, text, position, match.start())
        position = match.end()
    _append_sentence(result, text, position, len(text))
    return result


def _append_sentence(result: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    result.append(Sentence(start, end, stripped))


# A full stop: what ends a sentence as written, without the list items of `_SENTENCE_BREAK`.
FULL_STOP = re.compile(r"[.!?\n]")


def same_sentence(
    text: str, a: tuple[int, int], b: tuple[int, int], *, list_items: bool = True
) -> bool:
    """Whether no sentence break of `sentences` stands between two spans of the text; with
    `list_items=False`, whether no full stop does (" – " and ";" join the two halves of one
    sentence: "svarvning är inget krav längre – de konventionella svarvarna fasas ut")."""
    left, right = sorted((a, b))
    pattern = _SENTENCE_BREAK if list_items else FULL_STOP
    return pattern.search(text, left[1], right[0]) is None


def clause_breaks(text: str) -> list[int]:
    """Offsets of clause punctuation (commas, semicolons, colons, brackets); a colon inside a
    word ("TIG:iä en oo tehny") is not one, nor are the brackets of a short gloss — an
    abbreviation or a word or two that name what came before ("Statistisk processtyrning
    (SPC) eller ISO 9001-revisioner har jag inte…" is one clause)."""
    glosses = {
        offset
        for match in _GLOSS.finditer(text)
        if len(match.group(1).split()) <= GLOSS_WORDS
        for offset in (match.start(), match.end() - 1)
    }
    return [match.start() for match in _CLAUSE_PUNCT.finditer(text) if match.start() not in glosses]


def word_alternatives(words: set[str]) -> str:
    """A regular expression that matches any of `words`, their shared beginnings factored out.

    Python's `re` tries a plain alternation word by word at every position; a prefix tree
    tries each first letter once.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict[str, dict]) -> str:
    options = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not options:
        return ""
    group = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    return f"(?:{group})?" if "" in node else group
