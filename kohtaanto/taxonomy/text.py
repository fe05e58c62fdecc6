"""Label normalisation shared by the importers, search and text extraction.

`normalize("Hitsaajana", "fi") == "hitsaaja"`: case-folded, split into words at anything that is
not a letter or digit (so "CNC-koneistaja" is two words), each word lemmatised with simplemma
for the label's language. Inflected Finnish forms (hitsausta, koneistajaksi) thereby meet their
base forms (hitsaus, koneistaja). Languages simplemma does not know are only case-folded.

simplemma's default dictionaries take about 400 MiB for Finnish; its low-memory backend keeps
the same dictionaries compressed (about 55 MiB) at a small cost per look-up, which the word
cache below pays only once per distinct word.
"""

import re
import threading
import unicodedata
from functools import lru_cache

from simplemma import Lemmatizer
from simplemma.strategies import DefaultStrategy

LEMMATISED_LANGUAGES = frozenset({"fi", "sv", "en"})
_WORD = re.compile(r"[^\W_]+")
_lemmatizer: Lemmatizer | None = None
_lock = threading.Lock()


def fold(text: str) -> str:
    """Case-folded, Unicode-compatible form with single spaces: the key for exact matches."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def words(text: str) -> list[str]:
    """The words of an already folded text."""
    return _WORD.findall(text)


def _get_lemmatizer() -> Lemmatizer:
    global _lemmatizer
    if _lemmatizer is None:
        with _lock:
            if _lemmatizer is None:
                _lemmatizer = Lemmatizer(
                    cache_max_size=0, lemmatization_strategy=DefaultStrategy(low_memory=True)
                )
    return _lemmatizer


def load_dictionaries() -> None:
    """Load every lemmatiser dictionary now (about 2 s) instead of on the first word."""
    for lang in sorted(LEMMATISED_LANGUAGES):
        _get_lemmatizer().lemmatize("a", lang=lang)


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """The base form of one folded word in `lang` (the word itself when unknown)."""
    if lang not in LEMMATISED_LANGUAGES or word.isdigit():
        return word
    return _get_lemmatizer().lemmatize(word, lang=lang).casefold()


def normalize(text: str, lang: str) -> str:
    """Folded, lemmatised words of `text` in `lang`, joined by single spaces."""
    return " ".join(lemma(word, lang) for word in words(fold(text)))
