import pytest

from kohtaanto.employers.identifiers import InvalidBusinessIdError, business_id_normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0737546-2", "0737546-2"),
        (" 0737546-2 ", "0737546-2"),
        ("07375462", "0737546-2"),
        ("737546-2", "0737546-2"),  # the old six-digit form is padded with a leading zero
    ],
)
def test_business_id_is_stored_in_its_formatted_nine_character_form(raw, expected):
    assert business_id_normalise(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("0737546-3", "tarkistusnumero"),
        ("123456-7", "tarkistusnumero"),
        ("12345", "määrä numeroita"),
        ("abc", "muotoa"),
        ("", "muotoa"),
    ],
)
def test_invalid_business_id_is_refused_with_the_reason(raw, reason):
    with pytest.raises(InvalidBusinessIdError, match=reason):
        business_id_normalise(raw)
