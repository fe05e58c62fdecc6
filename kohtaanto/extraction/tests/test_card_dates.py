"""The dates a CV gives a card after naming it (no database: spans given by hand)."""

from datetime import date

import pytest

from kohtaanto.extraction.card_dates import FoundDates, card_dates


def _after(text: str, name: str, starts: tuple[int, ...] = ()) -> FoundDates:
    start = text.index(name)
    return card_dates(text, (start, start + len(name)), starts)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Tulityökortti, voimassa 31.12.2027.", "Tulityökortti", (None, date(2027, 12, 31))),
        ("Trukkikortti (voimassa asti 1.6.2028)", "Trukkikortti", (None, date(2028, 6, 1))),
        ("Trukkikortti suoritettu 5.3.2021.", "Trukkikortti", (date(2021, 3, 5), None)),
        ("Truckkort giltigt t.o.m. 31.12.2027.", "Truckkort", (None, date(2027, 12, 31))),
        ("Heta arbeten-kort avlagt 1.2.2024.", "Heta arbeten-kort", (date(2024, 2, 1), None)),
        (
            "Tulityökortti 1.6.2023–1.6.2028",
            "Tulityökortti",
            (date(2023, 6, 1), date(2028, 6, 1)),
        ),
        ("Forklift licence, valid until 30.4.2029", "Forklift licence", (None, date(2029, 4, 30))),
    ],
)
def test_a_cards_dates_in_finnish_swedish_and_english(text, name, expected):
    assert _after(text, name) == FoundDates(*expected)


def test_a_day_that_does_not_exist_is_no_date():
    assert _after("Trukkikortti voimassa 31.2.2027.", "Trukkikortti") == FoundDates()


def test_a_date_on_the_next_line_or_after_the_next_card_is_not_this_cards():
    text = "Tulityökortti\nTrukkikortti voimassa 31.12.2027"
    assert _after(text, "Tulityökortti") == FoundDates()
    text = "Tulityökortti, trukkikortti voimassa 31.12.2027"
    assert _after(text, "Tulityökortti", (text.index("trukkikortti"),)) == FoundDates()
    assert _after(text, "trukkikortti") == FoundDates(None, date(2027, 12, 31))
