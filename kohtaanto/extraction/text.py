"""Tokens, lemmas and sentences with character offsets into the original text.

Labels and texts go through the same functions, so that a label and a text meet on the same
normal form: case-folded, hyphens and slashes split, an inflection suffix after a colon
("PLC:n", "CAD:llä") dropped, each word lemmatised in its language by simplemma. A Finnish
word simplemma does not know (typically a compound) goes to Voikko where the libvoikko package
and a Finnish dictionary are installed (`pip install 'kohtaanto[voikko]'` and Debian's
voikko-fi). Voikko is never required, and it is not asked first: on the Finnish benchmark its
first readings ("käytöstä" → "käytös", behaviour, rather than "käyttö") lost more than its
compound analysis gained.
"""

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import simplemma

LANGS = ("fi", "sv", "en")

# A word: letters and digits; "PLC:n" keeps its colon suffix so that the offset covers it,
# the suffix is dropped when the word is normalised.
_WORD = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*(?::[^\W_]{1,4}\b)?")
# Sentence ends: . ! ? followed by space, a line break, or a bullet/semicolon list item.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+|(?<=;)\s+|\s+[•·▪–—-]\s+(?=\w)")
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]]")


class Token(NamedTuple):
    text: str  # as written
    start: int
    end: int
    norm: str  # case-folded, colon suffix dropped
    lemma: str  # lemma in the sentence's language


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@lru_cache(maxsize=262_144)
def fold(word: str) -> str:
    """Case-fold and drop a colon inflection suffix; keep å, ä and ö (they carry meaning)."""
    word = unicodedata.normalize("NFC", word).casefold().replace("’", "'")
    colon = word.find(":")
    return word[:colon] if colon > 0 else word


class _Voikko:
    """Finnish base forms from libvoikko, if it and a dictionary are installed."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # a Voikko handle is not thread-safe
        self._handle: Any = None
        self.enabled = False
        try:
            import libvoikko  # type: ignore[import-not-found]

            self._handle = libvoikko.Voikko("fi")
            self.enabled = True
        except (ImportError, OSError):
            self._handle = None

    def baseform(self, word: str) -> str | None:
        """The word itself if it is a base form, else a noun reading, else the first one."""
        if not self.enabled:
            return None
        with self._lock:
            analyses = self._handle.analyze(word)
        bases = [(str(a.get("BASEFORM", "")).casefold(), a.get("CLASS", "")) for a in analyses]
        bases = [(base, kind) for base, kind in bases if base]
        if not bases:
            return None
        if any(base == word for base, _ in bases):
            return word
        nouns = [base for base, kind in bases if kind == "nimisana"]
        return nouns[0] if nouns else bases[0][0]


VOIKKO = _Voikko()


def use_voikko(enabled: bool) -> None:
    """Switch Voikko off (or back on, if installed), e.g. to compare; clears the lemma cache."""
    VOIKKO.enabled = enabled and VOIKKO._handle is not None
    lemmatize.cache_clear()


@lru_cache(maxsize=262_144)
def lemmatize(norm: str, lang: str) -> str:
    """The lemma of a folded word; numbers and words simplemma does not know stay as they are."""
    if lang not in LANGS or not norm.isalpha():
        return norm
    lemma = _simplemma_lemma(norm, lang)
    if lemma == norm and lang == "fi" and VOIKKO.enabled and not simplemma.is_known(norm, lang):
        # A word simplemma does not know at all: Voikko's reading, if installed.
        return VOIKKO.baseform(norm) or norm
    return lemma


def _simplemma_lemma(norm: str, lang: str) -> str:
    lemma = simplemma.lemmatize(norm, lang=lang).casefold()
    if lemma == norm:
        return lemma
    # simplemma sometimes answers with a word that only shares a letter or two ("meistäjä" →
    # "minä", "machining" in Finnish → "mach"): such a lemma is not trusted.
    if len(norm) >= 6 and _common_prefix(lemma, norm) < 3:
        return norm
    # For a compound it may answer with the first part only ("trukkilupa" → "trukki",
    # "vastapainotrukki" → "vastapaino"): the head it dropped is a word of its own. The lemma
    # is then the first part + the head's lemma.
    if norm.startswith(lemma) and len(norm) - len(lemma) >= 3:
        rest = norm[len(lemma) :]
        if simplemma.is_known(rest, lang=lang):
            return lemma + simplemma.lemmatize(rest, lang=lang).casefold()
    return lemma


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def tokenize(text: str, lang: str, offset: int = 0) -> list[Token]:
    tokens = []
    for match in _WORD.finditer(text):
        word = match.group()
        norm = fold(word)
        start = offset + match.start()
        tokens.append(Token(word, start, start + len(word), norm, lemmatize(norm, lang)))
    return tokens


def lemmas(text: str, lang: str) -> tuple[str, ...]:
    """The normal form of a label or query: its lemmas in order."""
    return tuple(token.lemma for token in tokenize(text, lang))


def sentences(text: str) -> list[Sentence]:
    """Sentences and list items with their offsets; empty pieces are skipped."""
    result: list[Sentence] = []
    position = 0
    for match in _SENTENCE_BREAK.finditer(text):
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


def clause_breaks(text: str) -> list[int]:
    """Offsets of clause punctuation (commas, semicolons, colons, brackets)."""
    return [match.start() for match in _CLAUSE_PUNCT.finditer(text)]
