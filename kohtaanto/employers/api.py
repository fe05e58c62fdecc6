"""JSON API of the employers app: companies, contacts, activation log, surveys, readiness
assessments and vacancies, with the same permissions as the pages.

Concepts are given and shown by URI. A refused field answers 400 with
{"error": "invalid", "errors": [{"field", "reason"}]}; a refused state change 409; anything
missing or not the caller's 404.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import fields
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from kohtaanto.accounts.models import Municipality, User
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.common.validators import CleanLine, PlainDecimal
from kohtaanto.employers import selectors
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.forms import first_line_title
from kohtaanto.employers.models import (
    Activity,
    Company,
    CompanyContact,
    CompetenceSurvey,
    FollowUpTask,
    Horizon,
    Language,
    NeedSource,
    Priority,
    ReadinessAssessment,
    Vacancy,
    VacancyState,
    WagePeriod,
)
from kohtaanto.employers.permissions import WRITERS
from kohtaanto.employers.services import activities, companies, surveys, vacancies
from kohtaanto.employers.services.readiness import readiness_assessment_record
from kohtaanto.employers.suggestions import text_suggestions
from kohtaanto.employers.survey_links import link_expires_at
from kohtaanto.taxonomy.lookup import concept_by_uri
from kohtaanto.taxonomy.models import Concept

router = Router(tags=["employers"])


@contextmanager
def _fields() -> Iterator[None]:
    """A service's FieldError becomes the API's 400 with the field named."""
    try:
        yield
    except DomainError as exc:
        if exc.field is None:
            raise
        raise NinjaValidationError([{"loc": ["body", exc.field], "msg": exc.message}]) from exc


def _concept(uri: str | None, types: tuple[str, ...], field: str) -> Concept | None:
    return concept_by_uri(uri, types=types, field=field) if uri else None


def _required_concept(uri: str, types: tuple[str, ...], field: str) -> Concept:
    if not uri:
        raise FieldError(field, "A concept URI is required.")
    return concept_by_uri(uri, types=types, field=field)


def _municipality(code: str | None) -> Municipality | None:
    if not code:
        return None
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise FieldError("municipality", f"Unknown municipality code {code}.")
    return municipality


def _user_in_area(actor: User, user_id: int | None, field: str) -> User | None:
    if user_id is None:
        return None
    user = User.objects.filter(pk=user_id, employment_area_id=actor.employment_area_id).first()
    if user is None:
        raise FieldError(field, f"Unknown user {user_id}.")
    return user


def _writable_company(actor: User, company_id: int) -> Company:
    company = selectors.company_get_for_actor(actor=actor, id=company_id)
    actor.permissions.require("change_company", company)
    return company


# Companies


class CompanyOut(Schema):
    id: int
    business_id: str
    name: str
    industry_code: str
    size_class: str
    employees: int | None
    turnover_eur: Decimal | None
    balance_sheet_eur: Decimal | None
    municipality: str | None = Field(None, alias="municipality.code")
    is_public_administration: bool
    responsible_advisor_id: int | None
    programme_roles: list[str]

    @staticmethod
    def resolve_programme_roles(obj: Company) -> list[str]:
        return sorted(r.role for r in obj.programme_roles.all())


class CompanyIn(Schema):
    business_id: str
    name: str
    industry_code: str = ""
    size_class: str = ""
    employees: int | None = Field(None, ge=0)
    turnover_eur: PlainDecimal | None = Field(None, ge=0, max_digits=15, decimal_places=2)
    balance_sheet_eur: PlainDecimal | None = Field(None, ge=0, max_digits=15, decimal_places=2)
    municipality: str | None = Field(None, description="Statistics Finland code, e.g. 272")
    is_public_administration: bool = False
    responsible_advisor_id: int | None = None
    programme_roles: list[str] = []


class CompanyPatch(Schema):
    business_id: str | None = None
    name: str | None = None
    industry_code: str | None = None
    size_class: str | None = None
    employees: int | None = Field(None, ge=0)
    turnover_eur: PlainDecimal | None = Field(None, ge=0, max_digits=15, decimal_places=2)
    balance_sheet_eur: PlainDecimal | None = Field(None, ge=0, max_digits=15, decimal_places=2)
    municipality: str | None = None
    is_public_administration: bool | None = None
    responsible_advisor_id: int | None = None
    programme_roles: list[str] | None = None


class CompanyFilters(Schema):
    q: CleanLine = Field("", max_length=100)
    municipality: str | None = None
    size_class: str = ""
    programme_role: str = ""


def _company_data(actor: User, payload: dict[str, Any]) -> companies.CompanyData:
    return companies.CompanyData(
        business_id=payload["business_id"],
        name=payload["name"],
        industry_code=payload.get("industry_code") or "",
        size_class=payload.get("size_class") or "",
        employees=payload.get("employees"),
        turnover_eur=payload.get("turnover_eur"),
        balance_sheet_eur=payload.get("balance_sheet_eur"),
        municipality=_municipality(payload.get("municipality")),
        is_public_administration=bool(payload.get("is_public_administration")),
        responsible_advisor=_user_in_area(
            actor, payload.get("responsible_advisor_id"), "responsible_advisor_id"
        ),
        programme_roles=list(payload.get("programme_roles") or []),
    )


@router.get("/companies", response=list[CompanyOut])
@paginate(LimitOffsetPagination)
def company_list(request: AuthenticatedHttpRequest, filters: Query[CompanyFilters]) -> Any:
    municipality = _municipality(filters.municipality) if filters.municipality else None
    return selectors.company_list(
        actor=request.user,
        q=filters.q,
        municipality_id=municipality.pk if municipality else None,
        size_class=filters.size_class,
        programme_role=filters.programme_role,
    )


@router.post("/companies", response={201: CompanyOut})
def company_create(request: AuthenticatedHttpRequest, payload: CompanyIn) -> Any:
    actor = request.user
    if not actor.permissions.can_create_company() or actor.employment_area is None:
        raise NotFoundError("not found")
    with _fields():
        company = companies.company_create(
            actor=actor, area=actor.employment_area, data=_company_data(actor, payload.dict())
        )
    return Status(201, selectors.company_get_for_actor(actor=actor, id=company.pk))


@router.get("/companies/{id}", response=CompanyOut)
def company_detail(request: AuthenticatedHttpRequest, id: int) -> Any:
    return selectors.company_get_for_actor(actor=request.user, id=id)


@router.patch("/companies/{id}", response=CompanyOut)
def company_update(request: AuthenticatedHttpRequest, id: int, payload: CompanyPatch) -> Any:
    actor = request.user
    company = _writable_company(actor, id)
    current = {
        "business_id": company.business_id,
        "name": company.name,
        "industry_code": company.industry_code,
        "size_class": company.size_class,
        "employees": company.employees,
        "turnover_eur": company.turnover_eur,
        "balance_sheet_eur": company.balance_sheet_eur,
        "municipality": company.municipality.code if company.municipality else None,
        "is_public_administration": company.is_public_administration,
        "responsible_advisor_id": company.responsible_advisor_id,
        "programme_roles": sorted(r.role for r in company.programme_roles.all()),
    }
    with _fields():
        companies.company_update(
            actor=actor,
            company=company,
            data=_company_data(actor, current | payload.dict(exclude_unset=True)),
        )
    return selectors.company_get_for_actor(actor=actor, id=id)


# Contacts


class ContactOut(Schema):
    id: int
    first_name: str
    last_name: str
    job_title: str
    email: str
    phone: str
    preferred_language: str
    consent_to_contact: bool
    consent_to_contact_at: datetime | None
    share_with_partners: bool
    share_with_partners_at: datetime | None
    is_active: bool


class ContactIn(Schema):
    first_name: str
    last_name: str
    job_title: str = ""
    email: str = ""
    phone: str = ""
    preferred_language: str = Language.FI
    consent_to_contact: bool = False
    share_with_partners: bool = False
    is_active: bool = True


class ContactPatch(Schema):
    first_name: str | None = None
    last_name: str | None = None
    job_title: str | None = None
    email: str | None = None
    phone: str | None = None
    preferred_language: str | None = None
    consent_to_contact: bool | None = None
    share_with_partners: bool | None = None
    is_active: bool | None = None


def _check_email(email: str) -> None:
    if email:
        try:
            validate_email(email)
        except ValidationError as exc:
            raise FieldError("email", "Not a valid e-mail address.") from exc


@router.get("/companies/{id}/contacts", response=list[ContactOut])
def contact_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    actor = request.user
    company = selectors.company_get_for_actor(actor=actor, id=id)
    contacts = selectors.company_contacts(actor=actor, company=company)
    for contact in contacts:
        access_log_record(
            actor=actor,
            subject=contact,
            what="company_contact",
            reason="api",
            path=request.path,
            subject_repr=str(contact),
        )
    return contacts


@router.post("/companies/{id}/contacts", response={201: ContactOut})
def contact_create(request: AuthenticatedHttpRequest, id: int, payload: ContactIn) -> Any:
    company = _writable_company(request.user, id)
    with _fields():
        _check_email(payload.email)
        contact = companies.contact_create(
            actor=request.user, company=company, data=companies.ContactData(**payload.dict())
        )
    return Status(201, contact)


@router.patch("/company-contacts/{id}", response=ContactOut)
def contact_update(request: AuthenticatedHttpRequest, id: int, payload: ContactPatch) -> Any:
    contact = selectors.contact_get_for_actor(actor=request.user, id=id)
    current = {f.name: getattr(contact, f.name) for f in fields(companies.ContactData)}
    merged = current | payload.dict(exclude_unset=True)
    with _fields():
        _check_email(merged["email"])
        return companies.contact_update(
            actor=request.user, contact=contact, data=companies.ContactData(**merged)
        )


# Activation log and tasks


class TaskOut(Schema):
    id: int
    company_id: int
    activity_id: int | None
    title: str
    due_date: date
    assignee_id: int
    done_at: datetime | None


class ActivityOut(Schema):
    id: int
    kind: str
    occurred_at: datetime
    subject: str
    notes: str
    agreed: str
    participant_ids: list[int]
    contact_ids: list[int]
    created_by_id: int | None

    @staticmethod
    def resolve_participant_ids(obj: Activity) -> list[int]:
        return sorted(u.pk for u in obj.participants.all())

    @staticmethod
    def resolve_contact_ids(obj: Activity) -> list[int]:
        return sorted(c.pk for c in obj.contacts.all())


class TaskIn(Schema):
    title: str
    due_date: date
    assignee_id: int | None = None


class ActivityIn(Schema):
    kind: str
    occurred_at: datetime
    subject: str
    notes: str = ""
    agreed: str = ""
    participant_ids: list[int] = []
    contact_ids: list[int] = []
    follow_up: TaskIn | None = None


def _task_data(actor: User, payload: TaskIn) -> activities.TaskData:
    assignee = _user_in_area(actor, payload.assignee_id, "assignee_id") or actor
    return activities.TaskData(title=payload.title, due_date=payload.due_date, assignee=assignee)


@router.get("/companies/{id}/activities", response=list[ActivityOut])
def activity_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("view_company_activities", company)
    return selectors.activity_list(actor=request.user, company=company)


@router.post("/companies/{id}/activities", response={201: ActivityOut})
def activity_create(request: AuthenticatedHttpRequest, id: int, payload: ActivityIn) -> Any:
    actor = request.user
    company = _writable_company(actor, id)
    with _fields():
        participants = list(
            User.objects.filter(
                pk__in=payload.participant_ids, employment_area_id=actor.employment_area_id
            )
        )
        if len(participants) != len(set(payload.participant_ids)):
            raise FieldError("participant_ids", "Unknown participant.")
        contacts = list(CompanyContact.objects.filter(pk__in=payload.contact_ids))
        if len(contacts) != len(set(payload.contact_ids)):
            raise FieldError("contact_ids", "Unknown contact.")
        activity = activities.activity_log(
            actor=actor,
            company=company,
            data=activities.ActivityData(
                kind=payload.kind,
                occurred_at=payload.occurred_at,
                subject=payload.subject,
                notes=payload.notes,
                agreed=payload.agreed,
                participants=participants,
                contacts=contacts,
            ),
            follow_up=_task_data(actor, payload.follow_up) if payload.follow_up else None,
        )
    return Status(201, activity)


@router.get("/companies/{id}/tasks", response=list[TaskOut])
def task_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("view_company_activities", company)
    return selectors.task_list(actor=request.user, company=company)


@router.post("/companies/{id}/tasks", response={201: TaskOut})
def task_create(request: AuthenticatedHttpRequest, id: int, payload: TaskIn) -> Any:
    company = _writable_company(request.user, id)
    with _fields():
        task = activities.task_create(
            actor=request.user, company=company, data=_task_data(request.user, payload)
        )
    return Status(201, task)


@router.post("/company-tasks/{id}/complete", response=TaskOut)
def task_complete(request: AuthenticatedHttpRequest, id: int) -> FollowUpTask:
    task = selectors.task_get_for_actor(actor=request.user, id=id)
    return activities.task_complete(actor=request.user, task=task)


class TimelineOut(Schema):
    at: datetime
    kind: str
    title: str
    detail: str
    url: str


@router.get("/companies/{id}/timeline", response=list[TimelineOut])
def company_timeline(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    return selectors.company_timeline(actor=request.user, company=company)


class WorklistSurveyOut(Schema):
    id: int
    company_id: int
    status: str
    link_sent_at: datetime | None
    last_saved_at: datetime | None
    submitted_at: datetime | None


class WorklistVacancyOut(Schema):
    id: int
    company_id: int
    title: str
    closing_date: date | None


class EmployerWorklistOut(Schema):
    overdue_tasks: list[TaskOut]
    upcoming_tasks: list[TaskOut]
    answered_surveys: list[WorklistSurveyOut]
    pending_surveys: list[WorklistSurveyOut]
    closing_vacancies: list[WorklistVacancyOut]


@router.get("/company-worklist", response=EmployerWorklistOut)
def worklist(request: AuthenticatedHttpRequest) -> Any:
    return selectors.worklist(actor=request.user)


# Competence-needs surveys


class SkillNeedIO(Schema):
    uri: str
    headcount: int = Field(1, ge=1, le=1000)
    horizon: Horizon
    priority: Priority = Priority.MEDIUM
    source: NeedSource = NeedSource.MANUAL


class RecruitmentNeedIO(Schema):
    uri: str
    count: int = Field(1, ge=1, le=1000)
    horizon: Horizon


class UpskillingNeedIO(Schema):
    uri: str
    staff_count: int = Field(1, ge=1, le=1000)


class SurveyOut(Schema):
    id: int
    company_id: int
    status: str
    channel: str
    language: str
    link_sent_at: datetime | None
    link_expires_at: datetime | None
    last_saved_at: datetime | None
    submitted_at: datetime | None
    completed_at: datetime | None
    respondent_name: str
    free_text: str
    interest_rekrykoulutus: bool
    interest_tasmakoulutus: bool
    interest_muutoskoulutus: bool
    joint_training_notes: str
    skill_needs: list[SkillNeedIO]
    recruitment_needs: list[RecruitmentNeedIO]
    upskilling_needs: list[UpskillingNeedIO]

    @staticmethod
    def resolve_link_expires_at(obj: CompetenceSurvey) -> datetime | None:
        return link_expires_at(obj)

    @staticmethod
    def resolve_skill_needs(obj: CompetenceSurvey) -> list[dict[str, Any]]:
        return [
            {
                "uri": n.concept.uri,
                "headcount": n.headcount,
                "horizon": n.horizon,
                "priority": n.priority,
                "source": n.source,
            }
            for n in obj.skill_needs.all()
        ]

    @staticmethod
    def resolve_recruitment_needs(obj: CompetenceSurvey) -> list[dict[str, Any]]:
        return [
            {"uri": r.occupation.uri, "count": r.count, "horizon": r.horizon}
            for r in obj.recruitment_needs.all()
        ]

    @staticmethod
    def resolve_upskilling_needs(obj: CompetenceSurvey) -> list[dict[str, Any]]:
        return [
            {"uri": u.concept.uri, "staff_count": u.staff_count} for u in obj.upskilling_needs.all()
        ]


class SurveyIn(Schema):
    language: Language = Language.FI


class SurveyAnswersIn(Schema):
    respondent_name: str = ""
    free_text: str = ""
    interest_rekrykoulutus: bool = False
    interest_tasmakoulutus: bool = False
    interest_muutoskoulutus: bool = False
    joint_training_notes: str = ""
    skill_needs: list[SkillNeedIO] = []
    recruitment_needs: list[RecruitmentNeedIO] = []
    upskilling_needs: list[UpskillingNeedIO] = []
    complete: bool = False


class SurveyLinkIn(Schema):
    language: Language = Language.FI
    contact_id: int | None = None


class SurveyLinkOut(Schema):
    url: str
    expires_at: datetime | None


def _writable_survey(actor: User, survey_id: int) -> CompetenceSurvey:
    survey = selectors.survey_get_for_actor(actor=actor, id=survey_id)
    actor.permissions.require("change_company", survey.company)
    return survey


@router.get("/companies/{id}/surveys", response=list[SurveyOut])
def survey_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("view_company_needs", company)
    return selectors.survey_list(actor=request.user, company=company)


@router.post("/companies/{id}/surveys", response={201: SurveyOut})
def survey_create(request: AuthenticatedHttpRequest, id: int, payload: SurveyIn) -> Any:
    company = _writable_company(request.user, id)
    survey = surveys.survey_create(actor=request.user, company=company, language=payload.language)
    return Status(201, selectors.survey_get_for_actor(actor=request.user, id=survey.pk))


@router.get("/surveys/{id}", response=SurveyOut)
def survey_detail(request: AuthenticatedHttpRequest, id: int) -> Any:
    return selectors.survey_get_for_actor(actor=request.user, id=id)


@router.put("/surveys/{id}/answers", response=SurveyOut)
def survey_answers(request: AuthenticatedHttpRequest, id: int, payload: SurveyAnswersIn) -> Any:
    """Replace the answers (as the advisor); `complete` marks the survey done."""
    survey = _writable_survey(request.user, id)
    with _fields():
        answers = surveys.SurveyAnswers(
            respondent_name=payload.respondent_name,
            free_text=payload.free_text,
            interest_rekrykoulutus=payload.interest_rekrykoulutus,
            interest_tasmakoulutus=payload.interest_tasmakoulutus,
            interest_muutoskoulutus=payload.interest_muutoskoulutus,
            joint_training_notes=payload.joint_training_notes,
            skill_needs=[
                surveys.SkillNeedInput(
                    concept=_required_concept(n.uri, selectors.SKILL_TYPES, f"skill_needs.{i}.uri"),
                    headcount=n.headcount,
                    horizon=n.horizon,
                    priority=n.priority,
                    source=n.source,
                )
                for i, n in enumerate(payload.skill_needs)
            ],
            recruitment_needs=[
                surveys.RecruitmentInput(
                    occupation=_required_concept(
                        r.uri, selectors.OCCUPATION_TYPES, f"recruitment_needs.{i}.uri"
                    ),
                    count=r.count,
                    horizon=r.horizon,
                )
                for i, r in enumerate(payload.recruitment_needs)
            ],
            upskilling_needs=[
                surveys.UpskillingInput(
                    concept=_required_concept(
                        u.uri, selectors.SKILL_TYPES, f"upskilling_needs.{i}.uri"
                    ),
                    staff_count=u.staff_count,
                )
                for i, u in enumerate(payload.upskilling_needs)
            ],
        )
        surveys.survey_answers_save(
            actor=request.user, survey=survey, answers=answers, submit=payload.complete
        )
    return selectors.survey_get_for_actor(actor=request.user, id=id)


@router.post("/surveys/{id}/link", response={201: SurveyLinkOut})
def survey_link(request: AuthenticatedHttpRequest, id: int, payload: SurveyLinkIn) -> Any:
    """A new signed link for the company (older ones stop working); with `contact_id` it is
    also e-mailed to that contact, who must have agreed to be contacted."""
    survey = _writable_survey(request.user, id)
    with _fields():
        contact = None
        if payload.contact_id is not None:
            contact = survey.company.contacts.filter(pk=payload.contact_id).first()
            if contact is None:
                raise FieldError("contact_id", "Unknown contact of this company.")
        survey, token = surveys.survey_link_issue(
            actor=request.user, survey=survey, language=payload.language
        )
        url = request.build_absolute_uri(reverse("employers:public_survey", args=[token]))
        if contact is not None:
            surveys.survey_link_send(actor=request.user, survey=survey, contact=contact, url=url)
    return Status(201, {"url": url, "expires_at": link_expires_at(survey)})


@router.post("/surveys/{id}/link/revoke", response=SurveyOut)
def survey_link_revoke(request: AuthenticatedHttpRequest, id: int) -> Any:
    surveys.survey_link_revoke(actor=request.user, survey=_writable_survey(request.user, id))
    return selectors.survey_get_for_actor(actor=request.user, id=id)


@router.post("/surveys/{id}/complete", response=SurveyOut)
def survey_complete(request: AuthenticatedHttpRequest, id: int) -> Any:
    surveys.survey_complete(actor=request.user, survey=_writable_survey(request.user, id))
    return selectors.survey_get_for_actor(actor=request.user, id=id)


# Readiness assessments


class ImpliedNeedOut(Schema):
    dimension: str
    score: int
    skills: list[str]


class AssessmentOut(Schema):
    id: int
    company_id: int
    assessed_on: date
    assessed_by_id: int | None
    strategy: int
    smart_factory: int
    smart_operations: int
    smart_products: int
    data_driven_services: int
    employees: int
    notes: str
    implied_skills: list[ImpliedNeedOut]

    @staticmethod
    def resolve_implied_skills(obj: ReadinessAssessment) -> list[dict[str, Any]]:
        return [
            {
                "dimension": need.dimension.key,
                "score": need.score,
                "skills": [c.uri for c in need.concepts],
            }
            for need in selectors.readiness_implied_needs(obj)
        ]


class AssessmentIn(Schema):
    assessed_on: date
    strategy: int
    smart_factory: int
    smart_operations: int
    smart_products: int
    data_driven_services: int
    employees: int
    notes: str = ""


@router.get("/companies/{id}/assessments", response=list[AssessmentOut])
def assessment_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("view_company_needs", company)
    return selectors.assessment_list(actor=request.user, company=company)


@router.post("/companies/{id}/assessments", response={201: AssessmentOut})
def assessment_create(request: AuthenticatedHttpRequest, id: int, payload: AssessmentIn) -> Any:
    company = _writable_company(request.user, id)
    scores = payload.dict(exclude={"assessed_on", "notes"})
    with _fields():
        assessment = readiness_assessment_record(
            actor=request.user,
            company=company,
            assessed_on=payload.assessed_on,
            scores=scores,
            notes=payload.notes,
        )
    return Status(201, assessment)


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
        occupation=_concept(payload.get("occupation"), selectors.OCCUPATION_TYPES, "occupation"),
        description=payload.get("description") or "",
        municipality=_municipality(payload.get("municipality")),
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
                concept=_required_concept(s["uri"], selectors.SKILL_TYPES, f"skills.{i}.uri"),
                essential=s.get("essential", True),
                level=s.get("level"),
            )
            for i, s in enumerate(payload.get("skills") or [])
        ],
        requirements=[
            _required_concept(uri, selectors.REQUIREMENT_TYPES, f"requirements.{i}")
            for i, uri in enumerate(payload.get("requirements") or [])
        ],
    )


@router.get("/vacancies", response=list[VacancyOut])
@paginate(LimitOffsetPagination)
def vacancy_list(request: AuthenticatedHttpRequest, filters: Query[VacancyFilters]) -> Any:
    municipality = _municipality(filters.municipality) if filters.municipality else None
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
    company = _writable_company(actor, payload.company_id)
    with _fields():
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
    with _fields():
        vacancies.vacancy_update(
            actor=request.user, vacancy=vacancy, data=_vacancy_data(payload.dict())
        )
    return selectors.vacancy_get_for_actor(actor=request.user, id=id)


@router.post("/vacancies/{id}/transition", response=VacancyOut)
def vacancy_transition(request: AuthenticatedHttpRequest, id: int, payload: TransitionIn) -> Any:
    vacancy = _writable_vacancy(request.user, id)
    vacancies.vacancy_transition(actor=request.user, vacancy=vacancy, to_state=payload.state)
    return selectors.vacancy_get_for_actor(actor=request.user, id=id)


# The advisors and coordinators of the area, for choosing participants and assignees.


class StaffOut(Schema):
    id: int
    username: str
    first_name: str
    last_name: str
    role: str


@router.get("/company-staff", response=list[StaffOut])
def company_staff(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("create_company")
    return selectors.area_staff(actor=request.user, roles=WRITERS)
