"""Schema fuzzing: every operation of the live OpenAPI schema, called with a valid token and
with inputs that schemathesis generates from the schema, never answers 5xx, and what it
answers conforms to the schema (body and content type).

Runs through the WSGI application in the test's transaction, so it runs on SQLite and on
PostgreSQL alike. `KOHTAANTO_FUZZ_EXAMPLES` sets the examples per operation (default 3).
"""

import os
from typing import Any

import pytest
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
)

from kohtaanto.accounts.models import Role  # noqa: E402
from kohtaanto.accounts.services import api_token_create  # noqa: E402

EXAMPLES = int(os.environ.get("KOHTAANTO_FUZZ_EXAMPLES", "3"))
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture
def world(make_user: Any) -> dict[str, Any]:
    """A coordinator (who reaches every endpoint of the area) and a little data to find."""
    from kohtaanto.jobseekers.tests.factories import JobSeekerFactory

    coordinator = make_user(Role.COORDINATOR)
    JobSeekerFactory.create_batch(3)
    return {"token": api_token_create(actor=None, user=coordinator)}


def _fuzzer(operation: Any, headers: dict[str, str]) -> Any:
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def fuzz(data: Any) -> None:
        case = data.draw(operation.as_strategy())
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    return fuzz


@pytest.fixture
def connections_kept() -> Any:
    """As Django's test client does: a request's end must not close the test's connection
    (on PostgreSQL that would end the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_every_api_operation_survives_schema_fuzzing(
    world: dict[str, Any], connections_kept: None
) -> None:
    # The bare handler: the deployed module would also warm the search indexes up.
    application = WSGIHandler()
    headers = {"Authorization": f"Bearer {world['token']}"}
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application, headers=headers)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20, "the schema lists the API's operations"
    failures: list[str] = []
    for operation in operations:
        try:
            _fuzzer(operation, headers)()
        except (Exception, BaseExceptionGroup) as exc:
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}"[:3000])
    assert failures == [], f"{len(failures)} of {len(operations)} operations:\n\n" + "\n\n".join(
        failures
    )
