"""The demo data: plausible, obviously synthetic, and the same after a second run."""

import random

from stdnum.fi import ytunnus

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AuditEvent
from kohtaanto.employers import demo
from kohtaanto.employers.models import (
    Activity,
    Company,
    CompanyContact,
    CompetenceSurvey,
    ReadinessAssessment,
    SurveyStatus,
    Vacancy,
    VacancyRequirement,
    VacancySkill,
)
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory, RequirementFactory

MODELS = [
    Company,
    CompanyContact,
    Activity,
    CompetenceSurvey,
    ReadinessAssessment,
    Vacancy,
    VacancySkill,
]


def _users(make_user):
    return {role: make_user(role) for role in (Role.COORDINATOR, Role.BUSINESS_ADVISOR)}


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_generate_twice_keeps_the_same_data(area, make_user):
    welding = ConceptFactory(uri=demo.SKILL + "29d762da-1711-4a3c-b424-f0a404f4bf2d", fi="hitsaus")
    OccupationFactory(uri=demo.OCCUPATION + "7aedaa07-3884-4c5b-88f9-80997b2aa54b", fi="hitsaaja")
    clearance = RequirementFactory(
        uri=demo.REQUIREMENT + "turvallisuusselvitys-perusmuotoinen", fi="turvallisuusselvitys"
    )
    users = _users(make_user)
    demo.generate(rng=random.Random(2026), area=area, users=users)
    first = _counts()
    events = AuditEvent.objects.count()
    demo.generate(rng=random.Random(2026), area=area, users=users)
    assert _counts() == first
    assert AuditEvent.objects.count() == events

    assert first["Company"] == demo.COMPANIES
    assert first["Vacancy"] == demo.VACANCIES
    assert all(
        ytunnus.is_valid(b) and b.startswith("29")
        for b in Company.objects.values_list("business_id", flat=True)
    )
    assert Company.objects.filter(municipality__isnull=True).count() == 0
    assert Company.objects.values("municipality").distinct().count() == area.municipalities.count()
    assert Company.objects.filter(programme_roles__isnull=False).distinct().count() == 12
    assert VacancySkill.objects.filter(concept=welding).exists()
    assert VacancyRequirement.objects.filter(concept=clearance).exists()  # the defence vacancy
    assert CompetenceSurvey.objects.filter(status=SurveyStatus.SUBMITTED).exists()
    assert set(Vacancy.objects.values_list("state", flat=True)) == {
        "open",
        "draft",
        "filled",
        "closed",
    }
    assert all(
        "example.invalid" in e for e in CompanyContact.objects.values_list("email", flat=True)
    )


def test_generate_without_a_taxonomy_makes_vacancies_without_skills(area, make_user):
    demo.generate(rng=random.Random(1), area=area, users=_users(make_user))
    assert Vacancy.objects.count() == demo.VACANCIES
    assert not VacancySkill.objects.exists()
