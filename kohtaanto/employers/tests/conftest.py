"""Fixtures of the employers tests: a small taxonomy and companies in and out of the area."""

from types import SimpleNamespace

import pytest

from kohtaanto.accounts.models import EmploymentArea, Municipality
from kohtaanto.employers.models import CompanyProgrammeRole, ProgrammeRole
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.taxonomy.tests.factories import (
    ConceptFactory,
    OccupationFactory,
    RequirementFactory,
)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every client_as() makes a user; a real password hash costs ~0.2 s each on 2 cores.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def vocab(db):
    """A few concepts with Finnish, Swedish and English labels."""
    return SimpleNamespace(
        welding=ConceptFactory(
            uri="http://data.europa.eu/esco/skill/2ee57de4-bffd-4194-b009-0060edec77cc",
            fi="hitsaus",
            sv="svetsning",
            en="use welding equipment",
            labels=[("fi", "alt", "MIG-hitsaus")],
        ),
        cnc=ConceptFactory(
            uri="http://data.europa.eu/esco/skill/bf942c60-8539-4951-83ee-63f770da1cb8",
            fi="CNC-ohjelmointi",
            en="program a CNC controller",
        ),
        plc=ConceptFactory(
            uri="http://data.europa.eu/esco/skill/6468e5fb-f3be-4025-87be-4b6556755c61",
            fi="logiikkaohjelmointi",
            en="programmable logic controller",
        ),
        welder=OccupationFactory(
            uri="http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b",
            fi="hitsaaja",
            sv="svetsare",
            en="welder",
        ),
        hot_work=RequirementFactory(
            uri="urn:kohtaanto:requirement:tulityokortti", fi="tulityökortti", en="hot work licence"
        ),
        clearance=RequirementFactory(
            uri="urn:kohtaanto:requirement:turvallisuusselvitys",
            fi="turvallisuusselvitys",
            en="security clearance",
            requirement_kind="clearance",
        ),
    )


@pytest.fixture
def other_area(db):
    area = EmploymentArea.objects.create(code="muu-alue", name="Muu työllisyysalue")
    Municipality.objects.create(code="999", name_fi="Muukunta", area=area)
    return area


@pytest.fixture
def company(area):
    return CompanyFactory(
        name="Testikonepaja Oy", municipality=Municipality.objects.get(code="272")
    )


@pytest.fixture
def foreign_company(other_area):
    return CompanyFactory(employment_area=other_area, name="Vieraan alueen Oy")


@pytest.fixture
def pilot_company(area):
    company = CompanyFactory(name="Pilotti Oy")
    CompanyProgrammeRole.objects.create(company=company, role=ProgrammeRole.PILOT_COMPANY)
    return company
