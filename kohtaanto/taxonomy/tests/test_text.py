import pytest

from kohtaanto.taxonomy.text import fold, normalize


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("hitsausta", "fi", "hitsaus"),
        ("Hitsaajana", "fi", "hitsaaja"),
        ("koneistajaksi", "fi", "koneistaja"),
        ("CNC-koneistajaksi", "fi", "cnc koneistaja"),
        ("työturvallisuuskortin", "fi", "työturvallisuuskortti"),
        ("svetsaren", "sv", "svetsare"),
        ("Welders", "en", "welder"),
        ("SFS 6002", "fi", "sfs 6002"),
    ],
)
def test_normalize_reduces_inflected_forms_to_base_form(text, lang, expected):
    assert normalize(text, lang) == expected


def test_normalize_only_folds_case_in_languages_without_lemmatiser():
    assert normalize("Schweißen Arbeiten", "de") == "schweißen arbeiten".casefold()


def test_fold_ignores_case_unicode_form_and_spacing():
    assert fold("  TIG\u00a0 Hitsaus ") == "tig hitsaus"
