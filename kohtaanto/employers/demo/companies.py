"""The demo's companies made through the employers services: contacts, activities, surveys,
readiness assessments and vacancies, from the catalogue."""

import random
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kohtaanto.accounts.models import EmploymentArea, Role, User
from kohtaanto.employers.demo.catalogue import (
    ACTIVITY_SUBJECTS,
    BUSINESSES,
    COMPANIES,
    FIRST_NAMES,
    JOB_TITLES,
    LAST_NAMES,
    NAME_WORDS,
    OCCUPATION,
    REQUIREMENT,
    ROLE_CYCLE,
    SKILL,
    VACANCIES,
    WORK,
    ascii_name,
    demo_business_id,
)
from kohtaanto.employers.models import (
    READINESS_DIMENSIONS,
    Company,
    CompanyContact,
    Horizon,
    Priority,
    Vacancy,
    VacancyState,
)
from kohtaanto.employers.services.activities import ActivityData, TaskData, activity_log
from kohtaanto.employers.services.companies import (
    CompanyData,
    ContactData,
    company_create,
    contact_create,
)
from kohtaanto.employers.services.readiness import readiness_assessment_record
from kohtaanto.employers.services.surveys import (
    RecruitmentInput,
    SkillNeedInput,
    SurveyAnswers,
    survey_answers_save,
    survey_create,
    survey_link_issue,
)
from kohtaanto.employers.services.vacancies import (
    SkillInput,
    VacancyData,
    vacancy_create,
    vacancy_transition,
)
from kohtaanto.employers.sizes import size_class_from
from kohtaanto.taxonomy.models import Concept


class _Concepts:
    """Concepts of the demo looked up once; missing URIs are simply absent."""

    def __init__(self) -> None:
        uris = set()
        for work in WORK.values():
            uris.add(OCCUPATION + work["occupation"])
            uris.update(SKILL + uuid for uuid, _e, _l in work["skills"])
            uris.update(REQUIREMENT + slug for slug in work["requirements"])
            uris.update(REQUIREMENT + slug for slug in work.get("sometimes", []))
        self.by_uri = {c.uri: c for c in Concept.objects.filter(uri__in=uris)}

    def occupation(self, work: dict[str, Any]) -> Concept | None:
        return self.by_uri.get(OCCUPATION + work["occupation"])

    def skills(self, work: dict[str, Any]) -> list[SkillInput]:
        return [
            SkillInput(concept=self.by_uri[SKILL + uuid], essential=essential, level=level)
            for uuid, essential, level in work["skills"]
            if SKILL + uuid in self.by_uri
        ]

    def requirements(self, work: dict[str, Any], n: int) -> list[Concept]:
        """The cards the n-th vacancy asks: always the work's own, "sometimes" on every other."""
        slugs = list(work["requirements"])
        if n % 2 == 0:
            slugs += work.get("sometimes", [])
        return [
            self.by_uri[REQUIREMENT + slug] for slug in slugs if REQUIREMENT + slug in self.by_uri
        ]


def _company(
    n: int, rng: random.Random, area: EmploymentArea, advisor: User, municipalities: list[Any]
) -> tuple[Company, list[str]] | None:
    business_id = demo_business_id(n)
    line, tol, works = BUSINESSES[n % len(BUSINESSES)]
    if Company.objects.filter(employment_area=area, business_id=business_id).exists():
        return None
    employees = rng.choice([4, 8, 12, 18, 25, 35, 48, 60, 90, 140, 260])
    turnover = Decimal(employees * rng.randint(90, 220) * 1000)
    balance = (turnover * Decimal("0.6")).quantize(Decimal("1"))
    company = company_create(
        actor=advisor,
        area=area,
        data=CompanyData(
            business_id=business_id,
            name=f"{NAME_WORDS[n % len(NAME_WORDS)]} {line} Oy",
            industry_code=tol,
            size_class=size_class_from(employees, turnover, balance) or "",
            employees=employees,
            turnover_eur=turnover,
            balance_sheet_eur=balance,
            municipality=municipalities[n % len(municipalities)],
            responsible_advisor=advisor,
            programme_roles=[str(r) for r in ROLE_CYCLE[n % len(ROLE_CYCLE)]] if n < 12 else [],
        ),
    )
    return company, works


def _contacts(company: Company, rng: random.Random, advisor: User) -> list[CompanyContact]:
    contacts = []
    for _ in range(rng.randint(1, 3)):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        contacts.append(
            contact_create(
                actor=advisor,
                company=company,
                data=ContactData(
                    first_name=first,
                    last_name=last,
                    job_title=rng.choice(JOB_TITLES),
                    email=f"{ascii_name(first)}.{ascii_name(last)}@example.invalid",
                    phone=f"040 000 {rng.randint(1000, 9999)}",
                    preferred_language=rng.choice(["fi", "fi", "fi", "sv"]),
                    consent_to_contact=rng.random() < 0.8,
                    share_with_partners=rng.random() < 0.4,
                ),
            )
        )
    return contacts


def _activities(
    company: Company, rng: random.Random, advisor: User, contacts: list[CompanyContact]
) -> None:
    now = timezone.now()
    for i in range(rng.randint(1, 3)):
        kind, subject, agreed = rng.choice(ACTIVITY_SUBJECTS)
        follow_up = None
        if i == 0 and rng.random() < 0.6:
            follow_up = TaskData(
                title="Soita ja sovi jatkosta",
                due_date=timezone.localdate() + timedelta(days=rng.randint(-10, 20)),
                assignee=advisor,
            )
        activity_log(
            actor=advisor,
            company=company,
            data=ActivityData(
                kind=kind,
                occurred_at=now - timedelta(days=rng.randint(5, 330), hours=rng.randint(0, 6)),
                subject=subject,
                agreed=agreed,
                contacts=contacts[:1],
            ),
            follow_up=follow_up,
        )


def _survey(n: int, company: Company, works: list[str], concepts: _Concepts, advisor: User) -> None:
    work = WORK[works[0]]
    skills = concepts.skills(work)
    occupation = concepts.occupation(work)
    answers = SurveyAnswers(
        respondent_name="",
        free_text=f"Tarvitsemme lisää osaajia: {work['title'].lower()}.",
        interest_tasmakoulutus=n % 3 == 0,
        interest_rekrykoulutus=n % 4 == 0,
        skill_needs=[
            SkillNeedInput(
                concept=s.concept,
                headcount=1 + n % 3,
                horizon=[Horizon.SHORT, Horizon.MEDIUM, Horizon.LONG][i % 3],
                priority=Priority.HIGH if s.essential else Priority.MEDIUM,
            )
            for i, s in enumerate(skills)
        ],
        recruitment_needs=[RecruitmentInput(occupation=occupation, horizon=Horizon.SHORT, count=2)]
        if occupation
        else [],
    )
    survey = survey_create(actor=advisor, company=company)
    if n % 5 == 4:
        # Sent to the company: some answered, some half-way, some not yet.
        survey, _token = survey_link_issue(actor=advisor, survey=survey, language="fi")
        if n % 10 == 4:
            survey_answers_save(actor=None, survey=survey, answers=answers, submit=True)
        elif n % 15 == 9:
            survey_answers_save(actor=None, survey=survey, answers=answers)
        return
    survey_answers_save(actor=advisor, survey=survey, answers=answers, submit=True)


def _readiness(n: int, company: Company, rng: random.Random, advisor: User) -> None:
    today = timezone.localdate()
    before = {key: rng.randint(0, 3) for key in READINESS_DIMENSIONS}
    readiness_assessment_record(
        actor=advisor, company=company, assessed_on=today - timedelta(days=330), scores=before
    )
    if n % 2 == 0:
        after = {key: min(5, value + rng.randint(0, 2)) for key, value in before.items()}
        readiness_assessment_record(
            actor=advisor, company=company, assessed_on=today - timedelta(days=20), scores=after
        )


def _vacancies(
    area: EmploymentArea, rng: random.Random, advisor: User, concepts: _Concepts
) -> None:
    by_business_id = {demo_business_id(n): n for n in range(COMPANIES)}
    companies = {
        by_business_id[c.business_id]: c
        for c in Company.objects.filter(employment_area=area, business_id__in=by_business_id)
    }
    today = timezone.localdate()
    for n in range(VACANCIES):
        external_id = f"demo-{n + 1:03d}"
        company = companies.get(n % COMPANIES)
        if (
            company is None
            or Vacancy.objects.filter(employment_area=area, external_id=external_id).exists()
        ):
            continue
        works = BUSINESSES[(n % COMPANIES) % len(BUSINESSES)][2]
        work = WORK[works[(n // len(BUSINESSES)) % len(works)]]
        state = VacancyState.DRAFT if n % 10 == 9 else VacancyState.OPEN
        vacancy = vacancy_create(
            actor=advisor,
            company=company,
            external_id=external_id,
            state=state,
            data=VacancyData(
                title=work["title"],
                occupation=concepts.occupation(work),
                description=f"{work['title']} – {company.name}.",
                municipality=company.municipality,
                commuting_possible=rng.random() < 0.5,
                positions=rng.choice([1, 1, 2, 3]),
                start_date=today + timedelta(days=rng.randint(14, 60)),
                contract_type=rng.choice(["permanent", "permanent", "fixed_term"]),
                wage_min=Decimal(rng.choice([2500, 2700, 2900, 3100])),
                wage_max=Decimal(rng.choice([3300, 3600, 3900])),
                closing_date=today + timedelta(days=rng.randint(3, 45)),
                skills=concepts.skills(work),
                requirements=concepts.requirements(work, n),
            ),
        )
        if n % 10 == 7:
            vacancy_transition(actor=advisor, vacancy=vacancy, to_state=VacancyState.FILLED)
        elif n % 10 == 8:
            vacancy_transition(actor=advisor, vacancy=vacancy, to_state=VacancyState.CLOSED)


@transaction.atomic
def generate(*, rng: random.Random, area: EmploymentArea, users: dict[str, User]) -> None:
    """Create the demo companies and everything about them that is not there yet."""
    advisor = users.get(Role.BUSINESS_ADVISOR) or users[Role.COORDINATOR]
    municipalities = list(area.municipalities.order_by("code"))
    # Kokkola, the host municipality, has most of the region's industry.
    host = [m for m in municipalities if m.code == area.host_municipality_code]
    weighted = municipalities + host * 4
    concepts = _Concepts()
    for n in range(COMPANIES):
        created = _company(n, rng, area, advisor, weighted)
        if created is None:
            continue
        company, works = created
        contacts = _contacts(company, rng, advisor)
        if n % 8 != 7:
            _activities(company, rng, advisor, contacts)
        if n % 5 != 3:
            _survey(n, company, works, concepts, advisor)
        if n % 3 == 0:
            _readiness(n, company, rng, advisor)
    _vacancies(area, rng, advisor, concepts)
