"""POST /api/v1/extraction/extract: permissions, behaviour and bad input."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from kohtaanto.accounts.models import Role

URL = "/api/v1/extraction/extract"


@pytest.mark.parametrize("role", [role.value for role in Role])
def test_every_staff_role_may_extract(
    api_client_for: Callable[..., Client],
    make_user: Callable[..., Any],
    role: str,
    concepts: dict[str, Any],
    request: pytest.FixtureRequest,
) -> None:
    user = request.getfixturevalue("partner_user") if role == Role.PARTNER else make_user(role)

    response = api_client_for(user).post(
        URL, {"text": "Vaatimuksena tulityökortti."}, content_type="application/json"
    )

    assert response.status_code == 200
    body = response.json()
    assert body["lang"] == "fi"
    assert [(c["label"], c["type"], c["required"]) for c in body["concepts"]] == [
        ("tulityökortti", "requirement", True)
    ]
    assert body["concepts"][0]["spans"] == [[13, 26]]


def test_without_a_token_the_answer_is_401(client: Client, db: None) -> None:
    response = client.post(URL, {"text": "hitsaus"}, content_type="application/json")

    assert response.status_code == 401
    assert response.json()["error"] == "unauthorised"


def test_negated_concepts_are_returned_apart(
    api_client_for: Callable[..., Client], counsellor: Any, concepts: dict[str, Any]
) -> None:
    response = api_client_for(counsellor).post(
        URL, {"text": "No experience in welding.", "lang": "en"}, content_type="application/json"
    )

    body = response.json()
    assert body["concepts"] == []
    assert [c["label"] for c in body["negated"]] == ["welding"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": "hitsaus", "lang": "de"}, "lang"),
        ({"text": "hitsaus", "mode": "guess"}, "mode"),
        ({"text": "x" * 20_001}, "text"),
        ({}, "text"),
    ],
)
def test_bad_input_names_the_field(
    api_client_for: Callable[..., Client], counsellor: Any, payload: dict, field: str
) -> None:
    response = api_client_for(counsellor).post(URL, payload, content_type="application/json")

    assert response.status_code == 400
    assert field in [error["field"] for error in response.json()["errors"]]
