"""Which of Finnish, Swedish and English a text or sentence is written in.

Function words decide first (they are frequent and unambiguous between these three languages);
simplemma's dictionary-based detector decides when there are none, e.g. in a bare list of
skills. Within a text, a sentence whose function words do not decide takes the text's
language (`engine._languages`).
"""

import re

import simplemma

from kohtaanto.extraction.text import LANGS, fold

# Frequent function words and ad/CV words of each language. "en" is left out: Swedish "a" and
# Finnish "I don't" are equally common.
_FINNISH = """
ja on ei että se oli ovat olen olet kanssa sekä tai myös kuin jos mutta tämä joka jotka ole ollut
sinulla meillä minulla haemme etsimme työ työhön työssä tehtävä tehtävään tehtävässä osaat
osaamista kokemusta hallitset edellytämme vaatimuksena eduksi olisi olemme hän he me te sinä minä
vuotta vuoden osaan osaa hallitsen teen tein työskentelen työskennellyt kokemus
"""
_SWEDISH = """
och är att det som ett för med på av till har inte jag du vi ni de hos om men eller också samt
från ska kan vill söker erfarenhet arbete arbetet tjänsten krav meriterande inom din ditt dina våra
vår vårt år hade där när vid hon han den blev sina sitt
int ha å o e sku mej dej sej nå mycke finns bara van jobba jobbat
"""
# (the last line: spoken and Ostrobothnian Swedish — "TIG ha ja int provat", "ja e van me
# treskift" — where "ja" and "me" look like Finnish words)
_ENGLISH = """
and the of to in is are a an for with on by from that this have has you we our your be will or as
at not no experience work job required skills years
"""
STOP_WORDS = {
    "fi": frozenset(_FINNISH.split()),
    "sv": frozenset(_SWEDISH.split()),
    "en": frozenset(_ENGLISH.split()),
}
# Words, not the letter of a CEFR level ("A2" is no English "a").
_WORD = re.compile(r"(?<!\w)[^\W\d_]+(?!\w)")


def detect(text: str, default: str = "fi") -> str:
    return by_function_words(text) or _by_dictionary(text, default)


def by_function_words(text: str) -> str | None:
    """The language whose function words the text has most of; None on a tie or none."""
    words = [fold(word) for word in _WORD.findall(text)]
    counts = {lang: sum(word in STOP_WORDS[lang] for word in words) for lang in LANGS}
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    (best, best_count), (_, second_count) = ranked[0], ranked[1]
    if best_count >= 1 and best_count > second_count:
        return best
    return None


def _by_dictionary(text: str, default: str) -> str:
    if not _WORD.search(text):
        return default
    guesses = simplemma.langdetect(text, lang=LANGS, low_memory=True)
    lang, score = guesses[0]
    if lang in LANGS and score > 0:
        return str(lang)
    return default
