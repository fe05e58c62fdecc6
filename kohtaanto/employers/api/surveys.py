"""Competence-needs surveys and their links."""

from datetime import datetime
from typing import Any

from django.urls import reverse
from ninja import Field, Schema
from ninja.responses import Status

from kohtaanto.accounts.models import User
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.api.common import (
    concept_required,
    field_refusals,
    router,
    writable_company,
)
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import (
    CompetenceSurvey,
    Horizon,
    Language,
    NeedSource,
    Priority,
)
from kohtaanto.employers.services import surveys
from kohtaanto.employers.survey_links import link_expires_at

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
    company = writable_company(request.user, id)
    survey = surveys.survey_create(actor=request.user, company=company, language=payload.language)
    return Status(201, selectors.survey_get_for_actor(actor=request.user, id=survey.pk))


@router.get("/surveys/{id}", response=SurveyOut)
def survey_detail(request: AuthenticatedHttpRequest, id: int) -> Any:
    return selectors.survey_get_for_actor(actor=request.user, id=id)


@router.put("/surveys/{id}/answers", response=SurveyOut)
def survey_answers(request: AuthenticatedHttpRequest, id: int, payload: SurveyAnswersIn) -> Any:
    """Replace the answers (as the advisor); `complete` marks the survey done."""
    survey = _writable_survey(request.user, id)
    with field_refusals():
        answers = surveys.SurveyAnswers(
            respondent_name=payload.respondent_name,
            free_text=payload.free_text,
            interest_rekrykoulutus=payload.interest_rekrykoulutus,
            interest_tasmakoulutus=payload.interest_tasmakoulutus,
            interest_muutoskoulutus=payload.interest_muutoskoulutus,
            joint_training_notes=payload.joint_training_notes,
            skill_needs=[
                surveys.SkillNeedInput(
                    concept=concept_required(n.uri, selectors.SKILL_TYPES, f"skill_needs.{i}.uri"),
                    headcount=n.headcount,
                    horizon=n.horizon,
                    priority=n.priority,
                    source=n.source,
                )
                for i, n in enumerate(payload.skill_needs)
            ],
            recruitment_needs=[
                surveys.RecruitmentInput(
                    occupation=concept_required(
                        r.uri, selectors.OCCUPATION_TYPES, f"recruitment_needs.{i}.uri"
                    ),
                    count=r.count,
                    horizon=r.horizon,
                )
                for i, r in enumerate(payload.recruitment_needs)
            ],
            upskilling_needs=[
                surveys.UpskillingInput(
                    concept=concept_required(
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
    with field_refusals():
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
