"""Training API: providers, agreements, programmes, orders, invoices, enrolments, the purchase
plan and the report — with the permissions of the pages (permissions.py).

Amounts are decimal strings ("10000.00") both ways. What the actor may not see answers 404
like a missing object; a refusal by a rule answers 400 or 409 with the rule and the figures in
`detail`. Enrolled persons are shown by name only, never with an identity code.
"""

from datetime import date
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import StrictFloat, StrictInt, StrictStr

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor
from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import selectors, services
from kohtaanto.training.models import Agreement, Enrolment, Order, Programme, Provider

PREFIX = "training"

router = Router(tags=["training"])

Amount = StrictStr | StrictInt | StrictFloat


def _money(value: Any) -> str:
    return f"{value:.2f}"


class ProviderOut(Schema):
    id: int
    name: str
    business_id: str
    in_house: bool
    contact_name: str
    contact_email: str


class AgreementIn(Schema):
    title: str
    legal_basis: str
    starts_on: date
    ends_on: date
    ceiling: Amount
    contract_type: str = "specific"
    direct_award_ground: str = ""
    reference: str = ""
    price_per_student_day: Amount | None = None
    price_per_group: Amount | None = None
    price_per_service_hour: Amount | None = None
    options: str = ""


class AgreementOut(Schema):
    id: int
    provider: int
    title: str
    legal_basis: str
    direct_award_ground: str
    starts_on: date
    ends_on: date
    status: str
    ceiling: str
    ordered: str
    invoiced: str
    remaining: str


class SkillIn(Schema):
    concept: int
    level: int = 2


class ProgrammeIn(Schema):
    name_fi: str
    type: str
    days: int
    seats: int
    starts_on: date
    ends_on: date
    price: Amount
    name_sv: str = ""
    name_en: str = ""
    min_group: int = 1
    place: str = ""
    mode: str = "contact"
    leads_to_degree: bool = False
    company: int | None = None
    skills: list[SkillIn] = []


class ProgrammeOut(Schema):
    id: int
    provider: int
    name_fi: str
    name_sv: str
    name_en: str
    type: str
    days: int
    seats: int
    min_group: int
    place: str
    mode: str
    starts_on: date
    ends_on: date
    price: str
    company: int | None
    size_class: str
    employer_share_percent: str
    employer_share: str
    share_source: str
    skills: list[SkillIn]


class OrderIn(Schema):
    agreement: int
    seats: int | None = None
    ordered_on: date | None = None
    confirm: bool = True


class OrderOut(Schema):
    id: int
    agreement: int
    programme: int
    seats: int
    amount: str
    invoiced: str
    ordered_on: date
    status: str
    commitments: dict[int, int]


class InvoiceIn(Schema):
    number: str
    amount: Amount
    invoiced_on: date


class EnrolmentIn(Schema):
    job_seeker: int | None = None
    employee_name: str = ""


class EnrolmentOut(Schema):
    id: int
    programme: int
    name: str
    status: str
    attended_days: int
    completed_on: date | None
    certificate: str
    interrupted_on: date | None
    interruption_reason: str
    outcome: str


class ProgressIn(Schema):
    days: int | None = None
    on: date | None = None
    certificate: str = ""
    reason: str = ""
    outcome: str = ""


class WarningOut(Schema):
    provider: str
    legal_basis: str
    total: str
    threshold: str
    message: str


class PlanPurchaseOut(Schema):
    programme: str
    programme_id: int
    seats: int
    cost: str
    expected_placements: float
    gaps: dict[int, float]


class PlanOut(Schema):
    budget: str
    status: str
    message: str
    cost: str
    expected_placements: float
    purchases: list[PlanPurchaseOut]


def _agreement_out(a: Agreement) -> dict[str, Any]:
    return {
        "id": a.pk,
        "provider": a.provider_id,
        "title": a.title,
        "legal_basis": a.legal_basis,
        "direct_award_ground": a.direct_award_ground,
        "starts_on": a.starts_on,
        "ends_on": a.ends_on,
        "status": a.status,
        "ceiling": _money(a.ceiling),
        "ordered": _money(a.ordered),
        "invoiced": _money(a.invoiced),
        "remaining": _money(a.remaining),
    }


def _programme_out(p: Programme) -> dict[str, Any]:
    return {
        **{
            f: getattr(p, f)
            for f in (
                "name_fi",
                "name_sv",
                "name_en",
                "type",
                "days",
                "seats",
                "min_group",
                "place",
                "mode",
                "starts_on",
                "ends_on",
                "size_class",
                "share_source",
            )
        },
        "id": p.pk,
        "provider": p.provider_id,
        "price": _money(p.price),
        "company": p.company_id,
        "employer_share_percent": _money(p.employer_share_percent),
        "employer_share": _money(p.employer_share),
        "skills": [{"concept": s.concept_id, "level": s.level} for s in p.skills.all()],
    }


def _order_out(o: Order) -> dict[str, Any]:
    return {
        "id": o.pk,
        "agreement": o.agreement_id,
        "programme": o.programme_id,
        "seats": o.seats,
        "amount": _money(o.amount),
        "invoiced": _money(o.invoiced),
        "ordered_on": o.ordered_on,
        "status": o.status,
        "commitments": {c.year: c.commitment_id for c in o.commitments.all()},
    }


def _enrolment_out(e: Enrolment) -> dict[str, Any]:
    person = e.job_seeker
    return {
        "id": e.pk,
        "programme": e.programme_id,
        "name": f"{person.first_name} {person.last_name}" if person else e.employee_name,
        "status": e.status,
        "attended_days": e.attended_days,
        "completed_on": e.completed_on,
        "certificate": e.certificate,
        "interrupted_on": e.interrupted_on,
        "interruption_reason": e.interruption_reason,
        "outcome": e.outcome,
    }


@router.get("/providers", response=list[ProviderOut])
def providers(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    return list(selectors.provider_list(actor=request.user))


@router.get("/agreements", response=list[AgreementOut])
def agreements(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    return [_agreement_out(a) for a in selectors.agreement_list(actor=request.user)]


@router.post("/providers/{provider_id}/agreements", response={201: AgreementOut})
def agreement_create(request: AuthenticatedHttpRequest, provider_id: int, data: AgreementIn) -> Any:
    provider: Provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    agreement = services.agreement_create(actor=request.user, provider=provider, **data.dict())
    return Status(201, _agreement_out(agreement))


@router.get("/programmes", response=list[ProgrammeOut])
def programmes(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    return [_programme_out(p) for p in selectors.programme_list(actor=request.user)]


@router.get("/programmes/{id}", response=ProgrammeOut)
def programme(request: AuthenticatedHttpRequest, id: int) -> Any:
    return _programme_out(selectors.programme_get_for_actor(actor=request.user, id=id))


@router.post("/providers/{provider_id}/programmes", response={201: ProgrammeOut})
def programme_create(request: AuthenticatedHttpRequest, provider_id: int, data: ProgrammeIn) -> Any:
    provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    values = data.dict()
    skills = values.pop("skills")
    company_id = values.pop("company")
    company = (
        get_object_or_404(Company, pk=company_id, employment_area_id=provider.employment_area_id)
        if company_id
        else None
    )
    concepts = Concept.objects.in_bulk([s["concept"] for s in skills])
    for s in skills:
        if s["concept"] not in concepts:
            get_object_or_404(Concept, pk=s["concept"])
    created = services.programme_create(
        actor=request.user,
        provider=provider,
        data=services.ProgrammeData(
            **values,
            company=company,
            skills=[(concepts[s["concept"]], s["level"]) for s in skills],
        ),
    )
    return Status(201, _programme_out(created))


@router.get("/orders", response=list[OrderOut])
def orders(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    qs = selectors.order_list(actor=request.user).prefetch_related("commitments")
    return [_order_out(o) for o in qs]


@router.post("/programmes/{id}/orders", response={201: OrderOut})
def order_create(request: AuthenticatedHttpRequest, id: int, data: OrderIn) -> Any:
    programme_ = selectors.programme_get_for_actor(actor=request.user, id=id)
    agreement = selectors.agreement_get_for_actor(actor=request.user, id=data.agreement)
    order = services.order_create(
        actor=request.user,
        agreement=agreement,
        programme=programme_,
        seats=data.seats,
        ordered_on=data.ordered_on,
        confirm=data.confirm,
    )
    return Status(201, _order_out(order))


@router.post("/orders/{id}/confirm", response=OrderOut)
def order_confirm(request: AuthenticatedHttpRequest, id: int) -> Any:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    return _order_out(services.order_confirm(actor=request.user, order=order))


@router.post("/orders/{id}/invoices", response={201: OrderOut})
def invoice_create(request: AuthenticatedHttpRequest, id: int, data: InvoiceIn) -> Any:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    services.invoice_record(actor=request.user, order=order, **data.dict())
    return Status(201, _order_out(selectors.order_get_for_actor(actor=request.user, id=id)))


@router.get("/programmes/{id}/enrolments", response=list[EnrolmentOut])
def enrolments(request: AuthenticatedHttpRequest, id: int) -> Any:
    programme_ = selectors.programme_get_for_actor(actor=request.user, id=id)
    return [
        _enrolment_out(e)
        for e in selectors.enrolment_list(actor=request.user, programme=programme_)
    ]


@router.post("/programmes/{id}/enrolments", response={201: EnrolmentOut})
def enrolment_create(request: AuthenticatedHttpRequest, id: int, data: EnrolmentIn) -> Any:
    programme_ = selectors.programme_get_for_actor(actor=request.user, id=id)
    person = (
        job_seeker_get_for_actor(actor=request.user, id=data.job_seeker)
        if data.job_seeker
        else None
    )
    enrolment = services.enrolment_create(
        actor=request.user,
        programme=programme_,
        job_seeker=person,
        employee_name=data.employee_name,
    )
    return Status(201, _enrolment_out(enrolment))


@router.post("/enrolments/{id}/{action}", response=EnrolmentOut)
def enrolment_progress(
    request: AuthenticatedHttpRequest, id: int, action: str, data: ProgressIn
) -> Any:
    """action: attendance (days), complete (on, certificate), interrupt (on, reason),
    outcome (outcome, on)."""
    enrolment = selectors.enrolment_get_for_actor(actor=request.user, id=id)
    actor = request.user
    on = data.on or timezone.localdate()
    if action == "attendance":
        result = services.attendance_record(actor=actor, enrolment=enrolment, days=data.days or 0)
    elif action == "complete":
        result = services.enrolment_complete(
            actor=actor, enrolment=enrolment, completed_on=on, certificate=data.certificate
        )
    elif action == "interrupt":
        result = services.enrolment_interrupt(
            actor=actor, enrolment=enrolment, interrupted_on=on, reason=data.reason
        )
    elif action == "outcome":
        result = services.enrolment_outcome_record(
            actor=actor, enrolment=enrolment, outcome=data.outcome, recorded_on=on
        )
    else:
        raise NotFoundError(_("Ei löytynyt."))
    return _enrolment_out(result)


@router.get("/warnings", response=list[WarningOut])
def warnings(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    return [
        {
            "provider": w.provider,
            "legal_basis": w.legal_basis,
            "total": _money(w.total),
            "threshold": _money(w.threshold),
            "message": w.message,
        }
        for w in selectors.threshold_warnings(actor=request.user)
    ]


def _plan_out(plan: selectors.Plan) -> dict[str, Any]:
    return {
        "budget": _money(plan.budget),
        "status": plan.status,
        "message": plan.message,
        "cost": _money(plan.cost),
        "expected_placements": plan.expected_placements,
        "purchases": [
            {
                "programme": p.programme.name_fi,
                "programme_id": p.programme.pk,
                "seats": p.seats,
                "cost": _money(p.cost),
                "expected_placements": p.expected_placements,
                "gaps": {c.pk: placed for c, placed in p.gaps},
            }
            for p in plan.purchases
        ],
    }


@router.get("/plan", response=PlanOut)
def plan(request: AuthenticatedHttpRequest, budget: str) -> Any:
    return _plan_out(selectors.training_plan(actor=request.user, budget=budget))


@router.post("/plan/orders", response={201: list[OrderOut]})
def plan_orders(request: AuthenticatedHttpRequest, budget: str) -> Any:
    result = selectors.training_plan(actor=request.user, budget=budget)
    created = services.plan_orders_draft(actor=request.user, plan=result)
    return Status(201, [_order_out(o) for o in created])
