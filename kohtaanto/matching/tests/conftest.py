"""A small world for rankings: a welding/machining taxonomy, two people and three vacancies.

Made here (no ESCO files): welding ⊃ MIG/MAG welding, TIG welding; MIG/MAG welding is related
to reading engineering drawings; CNC machinist and welder are in the same ISCO group.
"""

import datetime
from dataclasses import dataclass
from typing import Any

import pytest

from kohtaanto.accounts.models import EmploymentArea, Municipality
from kohtaanto.employers.models import Vacancy, VacancyRequirement, VacancySkill, VacancyState
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import (
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory
from kohtaanto.matching.engine import loader
from kohtaanto.taxonomy.models import (
    Concept,
    ConceptRelation,
    ConceptType,
    RelationKind,
    RequirementKind,
)


def concept(key: str, type_: str, fi: str, en: str, **kwargs: Any) -> Concept:
    return Concept.objects.create(
        uri=f"http://example.test/{key}", type=type_, preferred={"fi": fi, "en": en}, **kwargs
    )


@dataclass
class World:
    area: EmploymentArea
    c: dict[str, Concept]
    people: dict[str, Any]
    vacancies: dict[str, Vacancy]


@pytest.fixture
def world(area: EmploymentArea, counsellor: Any) -> World:
    loader._CACHE.clear()
    skill, knowledge = ConceptType.SKILL, ConceptType.KNOWLEDGE
    c = {
        "welding": concept("welding", skill, "hitsaus", "welding"),
        "mig": concept("mig", skill, "MIG/MAG-hitsaus", "MIG/MAG welding"),
        "tig": concept("tig", skill, "TIG-hitsaus", "TIG welding"),
        "drawings": concept("drawings", knowledge, "piirustusten lukeminen", "reading drawings"),
        "cnc": concept("cnc", skill, "CNC-koneistus", "CNC machining"),
        "bake": concept("bake", skill, "leipominen", "baking"),
        "dough": concept("dough", skill, "taikinan valmistus", "dough making"),
        "isco": concept("isco7", ConceptType.ISCO_GROUP, "metallityöntekijät", "metal workers"),
        "forklift": concept(
            "forklift",
            ConceptType.REQUIREMENT,
            "trukkikortti",
            "forklift card",
            requirement_kind=RequirementKind.CARD,
        ),
    }
    c["cnc_occ"] = concept(
        "cnc-occ", ConceptType.OCCUPATION, "CNC-koneistaja", "CNC machinist", isco_group=c["isco"]
    )
    c["welder_occ"] = concept(
        "welder-occ", ConceptType.OCCUPATION, "hitsaaja", "welder", isco_group=c["isco"]
    )
    c["baker_occ"] = concept("baker-occ", ConceptType.OCCUPATION, "leipuri", "baker")
    rel = ConceptRelation.objects.create
    rel(source=c["mig"], target=c["welding"], kind=RelationKind.BROADER)
    rel(source=c["tig"], target=c["welding"], kind=RelationKind.BROADER)
    rel(source=c["mig"], target=c["drawings"], kind=RelationKind.SKILL_OPTIONAL)
    for occ, skills in (
        ("cnc_occ", ["cnc", "drawings", "mig"]),
        ("welder_occ", ["welding", "mig", "tig", "drawings"]),
        ("baker_occ", ["bake", "dough"]),
    ):
        for s in skills:
            rel(source=c[occ], target=c[s], kind=RelationKind.OCCUPATION_ESSENTIAL)

    kokkola = Municipality.objects.get(code="272")
    perho = Municipality.objects.get(code="584")

    def person(name: str, skills: dict[str, int], **kwargs: Any) -> Any:
        js = JobSeekerFactory(first_name=name, municipality=kokkola, **kwargs)
        js.counsellors.add(counsellor)
        for key, level in skills.items():
            ProfileSkill.objects.create(
                job_seeker=js,
                concept=c[key],
                level=level,
                source=SkillSource.COUNSELLOR,
                assessed_on=datetime.date(2026, 3, 1),
            )
        return js

    welder = person("Hitsaaja", {"mig": 3, "drawings": 2, "cnc": 2})
    ConsentFactory(job_seeker=welder)
    RequirementCard.objects.create(
        job_seeker=welder, concept=c["forklift"], expires_on=datetime.date(2027, 6, 30)
    )
    TargetOccupation.objects.create(job_seeker=welder, concept=c["cnc_occ"])
    baker = person("Leipuri", {"bake": 3, "dough": 2})
    ConsentFactory(job_seeker=baker)
    no_consent = person("Eisuostumusta", {"mig": 3})

    company = CompanyFactory(municipality=kokkola)

    def vacancy(title: str, skills: dict[str, bool], occ: str, **kwargs: Any) -> Vacancy:
        v = Vacancy.objects.create(
            employment_area=company.employment_area,
            company=company,
            title=title,
            occupation=c[occ],
            state=kwargs.pop("state", VacancyState.OPEN),
            municipality=kwargs.pop("municipality", kokkola),
            **kwargs,
        )
        for key, essential in skills.items():
            VacancySkill.objects.create(vacancy=v, concept=c[key], essential=essential)
        return v

    cnc = vacancy(
        "CNC-koneistaja",
        {"cnc": True, "welding": True, "drawings": False},
        "cnc_occ",
        external_id="V-CNC",
        start_date=datetime.date(2027, 8, 1),
    )
    VacancyRequirement.objects.create(vacancy=cnc, concept=c["forklift"])
    bakery = vacancy("Leipuri", {"bake": True, "dough": True}, "baker_occ", external_id="V-BAKE")
    far_welder = vacancy(
        "Hitsaaja Perhossa", {"tig": True, "mig": False}, "welder_occ", municipality=perho
    )
    closed = vacancy("Suljettu", {"cnc": True}, "cnc_occ", state=VacancyState.CLOSED)
    return World(
        area=area,
        c=c,
        people={"welder": welder, "baker": baker, "no_consent": no_consent},
        vacancies={"cnc": cnc, "bakery": bakery, "far_welder": far_welder, "closed": closed},
    )
