"""The one signed-link helper that surveys, shortlists and grant links share."""

import time as real_time
from datetime import timedelta

import pytest
from django.core import signing
from django.test import override_settings

from kohtaanto.common.links import (
    LinkExpiredError,
    LinkInvalidError,
    link_max_age,
    link_payload,
    link_token,
)

SALT = "kohtaanto.tests.link"


def test_a_token_reads_back_its_payload():
    token = link_token({"s": 7, "n": "abc", "l": "sv"}, salt=SALT)
    assert link_payload(token, salt=SALT, ids=("s",)) == {"s": 7, "n": "abc", "l": "sv"}


def test_another_kind_of_link_is_invalid():
    token = link_token({"s": 7}, salt=SALT)
    with pytest.raises(LinkInvalidError):
        link_payload(token, salt="kohtaanto.tests.other", ids=("s",))


def test_a_damaged_token_is_invalid():
    token = link_token({"s": 7}, salt=SALT)
    with pytest.raises(LinkInvalidError):
        link_payload(token[:-2] + ("AA" if not token.endswith("AA") else "BB"), salt=SALT)


def test_an_overlong_token_is_refused_before_it_is_read():
    with pytest.raises(LinkInvalidError):
        link_payload("a" * 401, salt=SALT)


@pytest.mark.parametrize("payload", [[1, 2], {"s": "7"}, {"s": True}, {"t": 7}, {"s": None}])
def test_a_payload_without_a_whole_number_id_is_invalid(payload):
    token = signing.dumps(payload, salt=SALT, compress=True)
    with pytest.raises(LinkInvalidError):
        link_payload(token, salt=SALT, ids=("s",))


def _read_days_later(monkeypatch, days):
    """Read tokens as if the reader's clock were `days` days on."""

    class Later:
        @staticmethod
        def time():
            return real_time.time() + days * 86400

    monkeypatch.setattr(signing, "time", Later)


@override_settings(SIGNED_LINK_MAX_AGE_DAYS=14)
def test_a_token_lives_its_max_age_and_then_expires(monkeypatch):
    assert link_max_age() == timedelta(days=14)
    token = link_token({"s": 1}, salt=SALT)
    _read_days_later(monkeypatch, 13)
    assert link_payload(token, salt=SALT, ids=("s",)) == {"s": 1}
    _read_days_later(monkeypatch, 15)
    with pytest.raises(LinkExpiredError):
        link_payload(token, salt=SALT, ids=("s",))
