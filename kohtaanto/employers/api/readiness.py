"""Industry 4.0 readiness assessments."""

from datetime import date
from typing import Any

from ninja import Schema
from ninja.responses import Status

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.api.common import field_refusals, router, writable_company
from kohtaanto.employers.models import (
    ReadinessAssessment,
)
from kohtaanto.employers.services.readiness import readiness_assessment_record

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
    company = writable_company(request.user, id)
    scores = payload.dict(exclude={"assessed_on", "notes"})
    with field_refusals():
        assessment = readiness_assessment_record(
            actor=request.user,
            company=company,
            assessed_on=payload.assessed_on,
            scores=scores,
            notes=payload.notes,
        )
    return Status(201, assessment)
