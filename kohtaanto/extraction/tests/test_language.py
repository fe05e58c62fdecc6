"""Which language a text or a sentence is written in (`language.py`, `engine._languages`)."""

from kohtaanto.extraction.engine import Engine
from kohtaanto.extraction.language import by_function_words, detect
from kohtaanto.extraction.vocabulary_csv import VocabularySource


def test_a_cefr_level_is_no_english_word() -> None:
    # "A2" was read as the English article "a"
    assert detect("suomen kieli vähintään A2.") == "fi"
    assert detect("Englannin perusteet (A2) riittävät.") == "fi"
    # nor is a card's letter ("EA1")
    assert by_function_words("Kaikilta edellytetään voimassa olevaa ensiapukorttia (EA1).") is None


def test_spoken_finland_swedish_is_swedish() -> None:
    assert detect("TIG ha ja int provat.") == "sv"
    assert detect("Truckkort finns och ja e van me treskift.") == "sv"
    # "ja" twice and "me" look Finnish; "hade" and "där" are Swedish only
    sentence = (
        "Praktiken hade ja på en köksinredningsfabrik i Kronoby, där körd ja kantlistmaskinen "
        "och sågade skivor me formatsågen."
    )
    assert by_function_words(sentence) == "sv"


def test_function_words_that_do_not_decide_give_no_language() -> None:
    # "ha" is Swedish, "ja" Finnish
    assert by_function_words("Minigrävare ha ja kört en hel del.") is None
    assert by_function_words("Hitsaus, särmäys, koneistus.") is None
    assert detect("Hitsaus, särmäys, koneistus.") == "fi"


def test_a_sentence_that_does_not_decide_takes_the_text_s_language() -> None:
    engine = Engine(VocabularySource())
    text = (
        "Jag har jobbat på en verkstad i Jakobstad i tio år och kan svetsa. "
        "Minigrävare ha ja kört en hel del."
    )

    result = engine.extract(text)

    assert result.lang == "sv"
    assert "köra grävmaskin" in {m.label for m in result.concepts}


def test_a_foreign_label_is_not_read_in_a_word_of_the_text_s_own_language() -> None:
    engine = Engine(VocabularySource())

    # Swedish "automation" is the industry here, not the English label of automation technology
    assert engine.extract("Företaget växer inom automation och transport.", "sv").concepts == []
    # names and words Swedish does not have are still read as the foreign label
    found = {
        m.label
        for m in engine.extract("Jag använder Excel och gör troubleshooting.", "sv").concepts
    }
    assert {"kalkylprogram", "felsökning"} <= found
    # a capital at the start of a line does not make a Swedish word English ("plan")
    assert engine.extract("Plan: omskolning till lager.", "sv").concepts == []
    # abbreviations in capitals are still read
    plc = engine.extract("Jag använder Excel och PLC.", "sv").concepts
    assert "programmerbara styrsystem" in {m.label for m in plc}
