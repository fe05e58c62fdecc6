"""Fixtures of the shortlist, regional, search and gap tests: a small region with one open
vacancy, a company contact, counsellors' clients and a few related skills."""

import datetime
from types import SimpleNamespace
from typing import Any

import pytest

from kohtaanto.accounts.models import Municipality, Role
from kohtaanto.employers.models import CompanyContact, Vacancy, VacancySkill, VacancyState
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import ProfileSkill, SkillSource
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
from kohtaanto.taxonomy.models import ConceptRelation, RelationKind
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory


@pytest.fixture(autouse=True)
def _workflow_settings(settings: Any) -> None:
    # Every client_as() makes a user; a real password hash costs ~0.2 s each on 2 cores.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def skills(db: None) -> SimpleNamespace:
    """welding ← MIG welding (narrower); welding ~ reading drawings (related); CNC apart."""
    welding = ConceptFactory(fi="hitsaus", sv="svetsning", en="welding")
    mig = ConceptFactory(fi="MIG-hitsaus", en="MIG welding")
    metalwork = ConceptFactory(fi="metallityöt", en="metal working")
    drawings = ConceptFactory(fi="piirustusten lukeminen", en="read engineering drawings")
    cnc = ConceptFactory(fi="CNC-ohjelmointi", en="program a CNC controller")
    welder = OccupationFactory(fi="hitsaaja", sv="svetsare", en="welder")
    ConceptRelation.objects.create(source=mig, target=welding, kind=RelationKind.BROADER)
    ConceptRelation.objects.create(source=welding, target=metalwork, kind=RelationKind.BROADER)
    ConceptRelation.objects.create(
        source=welding, target=drawings, kind=RelationKind.SKILL_OPTIONAL
    )
    for skill in (welding, drawings):
        ConceptRelation.objects.create(
            source=welder, target=skill, kind=RelationKind.OCCUPATION_ESSENTIAL
        )
    ConceptRelation.objects.create(source=welder, target=cnc, kind=RelationKind.OCCUPATION_OPTIONAL)
    return SimpleNamespace(
        welding=welding, mig=mig, metalwork=metalwork, drawings=drawings, cnc=cnc, welder=welder
    )


@pytest.fixture
def company(area: Any) -> Any:
    return CompanyFactory(
        name="Testikonepaja Oy", municipality=Municipality.objects.get(code="272")
    )


@pytest.fixture
def contact(company: Any) -> CompanyContact:
    return CompanyContact.objects.create(
        company=company,
        first_name="Riitta",
        last_name="Rekrytoija",
        email="riitta@example.com",
        consent_to_contact=True,
    )


def make_vacancy(company: Any, *, state: str = VacancyState.OPEN, **kwargs: Any) -> Vacancy:
    return Vacancy.objects.create(
        employment_area=company.employment_area,
        company=company,
        title=kwargs.pop("title", "Hitsaaja"),
        state=state,
        **kwargs,
    )


@pytest.fixture
def vacancy(company: Any, skills: SimpleNamespace) -> Vacancy:
    vacancy = make_vacancy(company, occupation=skills.welder, positions=2)
    VacancySkill.objects.create(vacancy=vacancy, concept=skills.welding, essential=True)
    VacancySkill.objects.create(vacancy=vacancy, concept=skills.drawings, essential=False)
    return vacancy


def give_skill(person: Any, concept: Any, level: int = 2) -> ProfileSkill:
    return ProfileSkill.objects.create(
        job_seeker=person,
        concept=concept,
        level=level,
        source=SkillSource.COUNSELLOR,
        assessed_on=datetime.date(2026, 1, 10),
    )


@pytest.fixture
def people(make_user: Any, area: Any) -> SimpleNamespace:
    """Two counsellors; Aino is the first one's client, Bertil the second one's."""
    counsellor = make_user(Role.COUNSELLOR)
    other_counsellor = make_user(Role.COUNSELLOR)
    aino = JobSeekerFactory(first_name="Aino", last_name="Asiakas", email="aino@example.com")
    aino.counsellors.add(counsellor)
    bertil = JobSeekerFactory(first_name="Bertil", last_name="Berg")
    bertil.counsellors.add(other_counsellor)
    return SimpleNamespace(
        counsellor=counsellor, other_counsellor=other_counsellor, aino=aino, bertil=bertil
    )
