"""Tokens and lemmas: what the matcher sees of a word."""

from collections.abc import Iterator

import pytest
import simplemma

from kohtaanto.extraction.engine import Engine
from kohtaanto.extraction.text import VOIKKO, known_word, lemmas, lemmatize, sentences, use_voikko
from kohtaanto.extraction.vocabulary_csv import VocabularySource


def test_inflected_finnish_words_get_their_base_form() -> None:
    assert lemmas("hitsauksesta trukkikorttia koneistajaksi", "fi") == (
        "hitsaus",
        "trukkikortti",
        "koneistaja",
    )


def test_compound_whose_head_simplemma_drops_keeps_it() -> None:
    # simplemma alone answers "trukki" and "vastapaino"
    assert lemmatize("trukkilupa", "fi") == "trukkilupa"
    assert lemmatize("vastapainotrukki", "fi") == "vastapainotrukki"


def test_colon_suffix_of_an_abbreviation_is_dropped() -> None:
    assert lemmas("PLC:n CAD:llä", "fi") == ("plc", "cad")


def test_sentences_keep_offsets_and_split_list_items() -> None:
    text = "Edellytämme:\n- trukkikorttia\n- EA1-korttia. Tervetuloa!"

    pieces = sentences(text)

    assert [p.text for p in pieces] == [
        "Edellytämme:",
        "- trukkikorttia",
        "- EA1-korttia.",
        "Tervetuloa!",
    ]
    assert all(text[p.start : p.end] == p.text for p in pieces)


@pytest.fixture
def voikko() -> Iterator[None]:
    if VOIKKO._handle is None:
        pytest.skip("libvoikko or its Finnish dictionary is not installed (optional)")
    use_voikko(True)
    yield
    use_voikko(True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CAM-program (t.ex. Mastercam) har jag inte använt. Svetsning kan jag.",
            ["CAM-program (t.ex. Mastercam) har jag inte använt.", "Svetsning kan jag."],
        ),
        (
            "Esim. Excel on tuttu. Puhun n. 5 kieltä.",
            ["Esim. Excel on tuttu.", "Puhun n. 5 kieltä."],
        ),
        # a word that only ends like an abbreviation still ends its sentence
        ("Olen kuin. Sitten hitsaan.", ["Olen kuin.", "Sitten hitsaan."]),
    ],
)
def test_an_abbreviation_with_a_full_stop_does_not_end_a_sentence(
    text: str, expected: list[str]
) -> None:
    assert [sentence.text for sentence in sentences(text)] == expected


@pytest.mark.usefixtures("voikko")
def test_voikko_reads_a_finnish_word_simplemma_does_not_know() -> None:
    word = "koordinaattimittakoneella"
    use_voikko(False)
    without = lemmatize(word, "fi")
    use_voikko(True)

    assert without == word
    assert lemmatize(word, "fi") == "koordinaattimittakone"


def test_every_dictionary_look_up_uses_the_one_low_memory_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """simplemma keeps two dictionary backends; a call without `low_memory=True` loads the
    other one too, about 400 MiB more in every worker."""
    calls: list[tuple[str, bool]] = []
    for name in ("lemmatize", "is_known", "langdetect"):
        original = getattr(simplemma, name)

        def spy(*args: object, _name: str = name, _original: object = original, **kwargs: object):
            calls.append((_name, bool(kwargs.get("low_memory"))))
            return _original(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(simplemma, name, spy)
    lemmatize.cache_clear()
    known_word.cache_clear()
    engine = Engine(VocabularySource())

    engine.extract("Olen hitsannut kuusi vuotta ja ajanut trukkia. Jag svetsar och kör truck.")
    engine.extract("Haemme särmääjää kolmivuorotyöhön; kantpressen sköter du.", "fi")
    engine.extract("Hitsaus, särmäys, koneistus, trukkikortti")  # a bare list: the dictionary

    assert {name for name, _ in calls} >= {"lemmatize", "is_known", "langdetect"}
    assert [call for call in calls if not call[1]] == []
