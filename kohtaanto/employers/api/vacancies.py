"""Vacancies, their state changes and suggestions from an ad's text."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ninja import Field, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from kohtaanto.accounts.models import User
from kohtaanto.common.imports import municipality_by_code
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.common.validators import CleanLine, PlainDecimal
from kohtaanto.employers import selectors
from kohtaanto.employers.api.common import (
    concept_or_none,
    concept_required,
    field_refusals,
    router,
    writable_company,
)
from kohtaanto.employers.forms import first_line_title
from kohtaanto.employers.models import (
    Vacancy,
    VacancyState,
    WagePeriod,
)
from kohtaanto.employers.services import vacancies
from kohtaanto.employers.suggestions import text_suggestions

# Vacancies


class VacancySkillIO(Schema):
    uri: str
    essential: bool = True
    level: int | None = Field(None, ge=1, le=4)


class VacancyOut(Schema):
    id: int
    company_id: int
    external_id: str
    title: str
    occupation: str | None = Field(None, alias="occupation.uri")
    description: str
    municipality: str | None = Field(None, alias="municipality.code")
    remote_possible: bool
    commuting_possible: bool
    positions: int
    start_date: date | None
    contract_type: str
    wage_min: Decimal | None
    wage_max: Decimal | None
    wage_period: str
    closing_date: date | None
    state: str
    published_at: datetime | None
    ended_at: datetime | None
    skills: list[VacancySkillIO]
    requirements: list[str]

    @staticmethod
    def resolve_skills(obj: Vacancy) -> list[dict[str, Any]]:
        return [
            {"uri": s.concept.uri, "essential": s.essential, "level": s.level}
            for s in obj.skills.all()
        ]

    @staticmethod
    def resolve_requirements(obj: Vacancy) -> list[str]:
        return [r.concept.uri for r in obj.requirements.all()]


class VacancyFields(Schema):
    title: str
    occupation: str | None = None
    description: str = ""
    municipality: str | None = None
    remote_possible: bool = False
    commuting_possible: bool = False
    positions: int = Field(1, ge=1, le=1000)
    start_date: date | None = None
    contract_type: str = ""
    wage_min: PlainDecimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    wage_max: PlainDecimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    wage_period: WagePeriod = WagePeriod.MONTH
    closing_date: date | None = None
    skills: list[VacancySkillIO] = []
    requirements: list[str] = []


class VacancyIn(VacancyFields):
    company_id: int
    external_id: str = ""


class VacancyFilters(Schema):
    q: CleanLine = Field("", max_length=100)
    state: str = ""
    company: int | None = None
    municipality: str | None = None


class TransitionIn(Schema):
    state: VacancyState


class AdIn(Schema):
    text: str = Field(..., max_length=20000)


class SuggestionOut(Schema):
    uri: str
    label: str
    type: str
    score: float
    required: bool


class AdSuggestionsOut(Schema):
    lang: str
    title: str
    occupations: list[SuggestionOut]
    skills: list[SuggestionOut]
    requirements: list[SuggestionOut]


def _vacancy_data(payload: dict[str, Any]) -> vacancies.VacancyData:
    return vacancies.VacancyData(
        title=payload["title"],
        occupation=concept_or_none(
            payload.get("occupation"), selectors.OCCUPATION_TYPES, "occupation"
        ),
        description=payload.get("description") or "",
        municipality=municipality_by_code(payload.get("municipality")),
        remote_possible=bool(payload.get("remote_possible")),
        commuting_possible=bool(payload.get("commuting_possible")),
        positions=payload.get("positions") or 1,
        start_date=payload.get("start_date"),
        contract_type=payload.get("contract_type") or "",
        wage_min=payload.get("wage_min"),
        wage_max=payload.get("wage_max"),
        wage_period=payload.get("wage_period") or WagePeriod.MONTH,
        closing_date=payload.get("closing_date"),
        skills=[
            vacancies.SkillInput(
                concept=concept_required(s["uri"], selectors.SKILL_TYPES, f"skills.{i}.uri"),
                essential=s.get("essential", True),
                level=s.get("level"),
            )
            for i, s in enumerate(payload.get("skills") or [])
        ],
        requirements=[
            concept_required(uri, selectors.REQUIREMENT_TYPES, f"requirements.{i}")
            for i, uri in enumerate(payload.get("requirements") or [])
        ],
    )


@router.get("/vacancies", response=list[VacancyOut])
@paginate(LimitOffsetPagination)
def vacancy_list(request: AuthenticatedHttpRequest, filters: Query[VacancyFilters]) -> Any:
    municipality = municipality_by_code(filters.municipality) if filters.municipality else None
    return selectors.vacancy_list(
        actor=request.user,
        q=filters.q,
        state=filters.state,
        company_id=filters.company,
        municipality_id=municipality.pk if municipality else None,
    ).prefetch_related("skills__concept", "requirements__concept")


@router.post("/vacancies", response={201: VacancyOut})
def vacancy_create(request: AuthenticatedHttpRequest, payload: VacancyIn) -> Any:
    actor = request.user
    actor.permissions.require("create_vacancy")
    company = writable_company(actor, payload.company_id)
    with field_refusals():
        vacancy = vacancies.vacancy_create(
            actor=actor,
            company=company,
            data=_vacancy_data(payload.dict()),
            external_id=payload.external_id.strip(),
        )
    return Status(201, selectors.vacancy_get_for_actor(actor=actor, id=vacancy.pk))


@router.post("/vacancies/from-ad", response=AdSuggestionsOut)
def vacancy_ad_suggestions(request: AuthenticatedHttpRequest, payload: AdIn) -> Any:
    """What a pasted job ad suggests (nothing is saved): a title, occupations, skills and
    hard requirements; `required` marks what the ad demands."""
    request.user.permissions.require("create_vacancy")
    found = text_suggestions(payload.text)

    def out(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {
                "uri": s.concept.uri,
                "label": s.concept.label(),
                "type": s.concept.type,
                "score": s.score,
                "required": s.required,
            }
            for s in items
        ]

    return {
        "lang": found.lang,
        "title": first_line_title(payload.text),
        "occupations": out(found.occupations),
        "skills": out(found.skills),
        "requirements": out(found.requirements),
    }


@router.get("/vacancies/{id}", response=VacancyOut)
def vacancy_detail(request: AuthenticatedHttpRequest, id: int) -> Any:
    return selectors.vacancy_get_for_actor(actor=request.user, id=id)


def _writable_vacancy(actor: User, vacancy_id: int) -> Vacancy:
    vacancy = selectors.vacancy_get_for_actor(actor=actor, id=vacancy_id)
    actor.permissions.require("change_vacancy", vacancy)
    return vacancy


@router.put("/vacancies/{id}", response=VacancyOut)
def vacancy_update(request: AuthenticatedHttpRequest, id: int, payload: VacancyFields) -> Any:
    vacancy = _writable_vacancy(request.user, id)
    with field_refusals():
        vacancies.vacancy_update(
            actor=request.user, vacancy=vacancy, data=_vacancy_data(payload.dict())
        )
    return selectors.vacancy_get_for_actor(actor=request.user, id=id)


@router.post("/vacancies/{id}/transition", response=VacancyOut)
def vacancy_transition(request: AuthenticatedHttpRequest, id: int, payload: TransitionIn) -> Any:
    vacancy = _writable_vacancy(request.user, id)
    vacancies.vacancy_transition(actor=request.user, vacancy=vacancy, to_state=payload.state)
    return selectors.vacancy_get_for_actor(actor=request.user, id=id)
