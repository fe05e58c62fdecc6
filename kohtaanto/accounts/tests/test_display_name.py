"""One naming rule for staff users: `user_display_name` on plain values is `User.display_name`."""

import pytest

from kohtaanto.accounts.models import User
from kohtaanto.common.formats import user_display_name


@pytest.mark.parametrize(
    ("first_name", "last_name", "username", "expected"),
    [
        ("Ulla", "Ohjaaja", "ulla", "Ulla Ohjaaja"),
        ("Ulla", "", "ulla", "Ulla"),
        ("", "Ohjaaja", "ulla", "Ohjaaja"),
        ("", "", "ohjaaja9", "ohjaaja9"),
        (" ", " ", "ohjaaja9", "ohjaaja9"),
    ],
)
def test_display_name_of_a_user_and_of_plain_values_agree(
    first_name, last_name, username, expected
):
    user = User(first_name=first_name, last_name=last_name, username=username)
    plain = user_display_name(first_name=first_name, last_name=last_name, username=username)
    assert user.display_name == plain == expected
