"""Shared test fixtures: users of every role, clients logged in as them, and settings.

Tasks run immediately in tests (the database worker is exercised in its own test).
"""

import os
from collections.abc import Callable, Iterator
from typing import Any, cast

import pytest
from django.test import Client

from kohtaanto.accounts.models import EmploymentArea, Role, User
from kohtaanto.accounts.tests.factories import UserFactory

ROLES = [r.value for r in Role]


@pytest.fixture(autouse=True)
def _test_settings(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language_after_each_test() -> Iterator[None]:
    """A request with a language cookie leaves that language active in the test's thread;
    every test starts again from the default (Finnish)."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def area(db: None) -> EmploymentArea:
    """The employment area of the data migration (Keski-Pohjanmaa), with its municipalities,
    partners and default operation. Loaded again here because transactional tests flush the
    rows that data migrations created; the loaders are idempotent."""
    from django.apps import apps

    from kohtaanto.accounts.regions import load_areas
    from kohtaanto.programme.operations import load_operations

    if not EmploymentArea.objects.filter(code="keski-pohjanmaa").exists():
        load_areas(apps)
        load_operations(apps)
    return EmploymentArea.objects.get(code="keski-pohjanmaa")


@pytest.fixture
def make_user(area: EmploymentArea) -> Callable[..., User]:
    def make(role: str = Role.COORDINATOR, **kwargs: Any) -> User:
        area_ = kwargs.pop("employment_area", area)
        return cast(User, UserFactory(role=role, employment_area=area_, **kwargs))

    return make


@pytest.fixture
def client_as(make_user: Callable[..., User]) -> Callable[..., Client]:
    """`client_as("counsellor")` → a test client logged in as a fresh user of that role."""

    def login(role: str | User = Role.COORDINATOR, **kwargs: Any) -> Client:
        user = role if isinstance(role, User) else make_user(role, **kwargs)
        client = Client()
        client.force_login(user)
        client.user = user  # type: ignore[attr-defined]
        return client

    return login


@pytest.fixture
def coordinator(make_user: Callable[..., User]) -> User:
    return make_user(Role.COORDINATOR)


@pytest.fixture
def counsellor(make_user: Callable[..., User]) -> User:
    return make_user(Role.COUNSELLOR)


@pytest.fixture
def business_advisor(make_user: Callable[..., User]) -> User:
    return make_user(Role.BUSINESS_ADVISOR)


@pytest.fixture
def finance_user(make_user: Callable[..., User]) -> User:
    return make_user(Role.FINANCE)


@pytest.fixture
def auditor(make_user: Callable[..., User]) -> User:
    return make_user(Role.AUDITOR)


@pytest.fixture
def partner_user(make_user: Callable[..., User]) -> User:
    from kohtaanto.accounts.models import PartnerOrganisation

    return make_user(
        Role.PARTNER, partner_organisation=PartnerOrganisation.objects.get(short_name="KPEDU")
    )


@pytest.fixture
def api_client_for() -> Callable[[User], Client]:
    """A client that sends `Authorization: Bearer <token>` for the given user."""
    from kohtaanto.accounts.services import api_token_create

    def make(user: User) -> Client:
        token = api_token_create(actor=None, user=user)
        return Client(headers={"Authorization": f"Bearer {token}"})

    return make


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the whole run (see tests/browser/support.py)."""
    from tests.browser.support import CHROMIUM, CHROMIUM_ARGS, skip_reason

    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the tests' own ORM calls are
    # synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()
