from typing import Any

import pytest
from django.apps import apps as django_apps

from kohtaanto.accounts.models import EmploymentArea, PartnerOrganisation, Role
from kohtaanto.programme.models import Operation, ProgrammeRules
from kohtaanto.programme.operations import load_programmes


@pytest.fixture(autouse=True)
def _programme_data(request: Any) -> None:
    """The rules, programme, implementers and payment periods of the data migration.

    A transactional test elsewhere in the suite flushes the rows that data migrations made;
    the root `area` fixture reloads the areas and operations, and this reloads the rest
    (the loaders are idempotent)."""
    if "db" not in request.fixturenames:
        return
    request.getfixturevalue("area")
    if not ProgrammeRules.objects.exists():
        load_programmes(django_apps)


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    # Users are made in nearly every test here; the real hasher would dominate the run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


@pytest.fixture
def operation(db: None) -> Operation:
    """The default ESF+ operation of Keski-Pohjanmaa (from the data migration)."""
    return Operation.objects.get(is_default=True)


@pytest.fixture
def kpedu(db: None) -> PartnerOrganisation:
    return PartnerOrganisation.objects.get(short_name="KPEDU")


@pytest.fixture
def centria(db: None) -> PartnerOrganisation:
    return PartnerOrganisation.objects.get(short_name="Centria")


@pytest.fixture
def other_area(db: None) -> EmploymentArea:
    return EmploymentArea.objects.create(code="muu-alue", name="Muu työllisyysalue")


@pytest.fixture
def centria_user(make_user: Any, centria: PartnerOrganisation) -> Any:
    return make_user(Role.PARTNER, partner_organisation=centria)
