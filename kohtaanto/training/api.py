"""Training API: providers and their partner members, companies' partner and linked enterprises
(size class), agreements, programmes, orders (with their later years' shares), invoices, the
employer's share invoice, enrolments, thresholds, the purchase plan and the report — with the
permissions of the pages (permissions.py).

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

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor
from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import selectors, services
from kohtaanto.training.models import (
    Agreement,
    EmployerInvoice,
    Enrolment,
    EnterpriseLink,
    Order,
    Programme,
    Provider,
)

PREFIX = "training"

router = Router(tags=["training"])

Amount = StrictStr | StrictInt | StrictFloat


def _money(value: Any) -> str:
    return f"{value:.2f}"


class ProviderIn(Schema):
    name: str
    business_id: str
    partner_organisation: int | None = None
    in_house: bool = False
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""


class ProviderOut(Schema):
    id: int
    name: str
    business_id: str
    in_house: bool
    contact_name: str
    contact_email: str
    contact_phone: str
    partner_organisation: int | None = None


class MemberIn(Schema):
    user: int


class MemberOut(Schema):
    user: int
    username: str
    name: str


class EnterpriseLinkIn(Schema):
    name: str
    relation: str
    holding_percent: Amount
    employees: int
    turnover_eur: Amount | None = None
    balance_sheet_eur: Amount | None = None


class EnterpriseLinkOut(Schema):
    id: int
    company: int
    name: str
    relation: str
    holding_percent: str
    employees: int
    turnover_eur: str | None
    balance_sheet_eur: str | None


class CompanySizeOut(Schema):
    company: int
    declared_size_class: str
    size_class: str | None
    message: str
    links: list[EnterpriseLinkOut]


class StatusIn(Schema):
    status: str


class EmployerInvoiceIn(Schema):
    reference: str
    invoiced_on: date


class EmployerInvoiceOut(Schema):
    programme: int
    company: int
    amount: str
    reference: str
    invoiced_on: date


class ThresholdOut(Schema):
    level: str
    contract_type: str
    amount: str
    valid_from: date
    valid_to: date | None
    source: str


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
    employer_invoice: EmployerInvoiceOut | None


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
    waiting_years: dict[int, str]
    # After a create or confirm: the provider's threshold warnings (see /warnings).
    threshold_warnings: list[str] = []


class InvoiceIn(Schema):
    number: str
    amount: Amount
    invoiced_on: date
    carry_over_reason: str = ""


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
        "employer_invoice": _employer_invoice_out(getattr(p, "employer_invoice", None)),
    }


def _employer_invoice_out(invoice: EmployerInvoice | None) -> dict[str, Any] | None:
    if invoice is None:
        return None
    return {
        "programme": invoice.programme_id,
        "company": invoice.company_id,
        "amount": _money(invoice.amount),
        "reference": invoice.reference,
        "invoiced_on": invoice.invoiced_on,
    }


def _order_out(o: Order, waiting: dict[int, dict[int, str]] | None = None) -> dict[str, Any]:
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
        "waiting_years": (
            waiting.get(o.pk, {})
            if waiting is not None
            else {p.year: _money(p.amount) for p in services.order_waiting_parts(o)}
        ),
    }


def _with_warnings(
    request: AuthenticatedHttpRequest, body: dict[str, Any], order: Order
) -> dict[str, Any]:
    provider = Provider.objects.get(pk=order.agreement.provider_id)
    body["threshold_warnings"] = [
        w.message for w in selectors.threshold_warnings(actor=request.user, provider=provider)
    ]
    return body


def _link_out(link: EnterpriseLink) -> dict[str, Any]:
    return {
        "id": link.pk,
        "company": link.company_id,
        "name": link.name,
        "relation": link.relation,
        "holding_percent": f"{link.holding_percent:.2f}",
        "employees": link.employees,
        "turnover_eur": None if link.turnover_eur is None else _money(link.turnover_eur),
        "balance_sheet_eur": (
            None if link.balance_sheet_eur is None else _money(link.balance_sheet_eur)
        ),
    }


def _provider_out(p: Provider) -> dict[str, Any]:
    return {
        "id": p.pk,
        "name": p.name,
        "business_id": p.business_id,
        "in_house": p.in_house,
        "contact_name": p.contact_name,
        "contact_email": p.contact_email,
        "contact_phone": p.contact_phone,
        "partner_organisation": p.partner_organisation_id,
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
    return [_provider_out(p) for p in selectors.provider_list(actor=request.user)]


@router.post("/providers", response={201: ProviderOut})
def provider_create(request: AuthenticatedHttpRequest, data: ProviderIn) -> Any:
    request.user.permissions.require("manage_training")
    values = data.dict()
    organisation_id = values.pop("partner_organisation")
    organisation = (
        get_object_or_404(PartnerOrganisation, pk=organisation_id) if organisation_id else None
    )
    created = services.provider_create(
        actor=request.user, partner_organisation=organisation, **values
    )
    return Status(201, _provider_out(created))


@router.get("/providers/{id}", response=ProviderOut)
def provider(request: AuthenticatedHttpRequest, id: int) -> Any:
    return _provider_out(selectors.provider_get_for_actor(actor=request.user, id=id))


def _member_out(user: User) -> dict[str, Any]:
    return {"user": user.pk, "username": user.get_username(), "name": user.get_full_name()}


@router.get("/providers/{id}/members", response=list[MemberOut])
def provider_members(request: AuthenticatedHttpRequest, id: int) -> Any:
    request.user.permissions.require("manage_training")
    provider_ = selectors.provider_get_for_actor(actor=request.user, id=id)
    return [
        _member_out(m.user)
        for m in selectors.provider_members(actor=request.user, provider=provider_)
    ]


@router.post("/providers/{id}/members", response={201: MemberOut})
def provider_member_add(request: AuthenticatedHttpRequest, id: int, data: MemberIn) -> Any:
    request.user.permissions.require("manage_training")
    provider_ = selectors.provider_get_for_actor(actor=request.user, id=id)
    user = User.objects.filter(
        pk=data.user, employment_area_id=request.user.employment_area_id
    ).first()
    if user is None:
        raise NotFoundError(_("Ei löytynyt."))
    membership = services.provider_member_add(actor=request.user, provider=provider_, user=user)
    return Status(201, _member_out(membership.user))


@router.delete("/providers/{id}/members/{user_id}", response={204: None})
def provider_member_remove(request: AuthenticatedHttpRequest, id: int, user_id: int) -> Any:
    request.user.permissions.require("manage_training")
    provider_ = selectors.provider_get_for_actor(actor=request.user, id=id)
    membership = (
        selectors.provider_members(actor=request.user, provider=provider_)
        .filter(user_id=user_id)
        .first()
    )
    if membership is None:
        raise NotFoundError(_("Ei löytynyt."))
    services.provider_member_remove(actor=request.user, provider=provider_, user=membership.user)
    return Status(204, None)


@router.get("/companies/{id}/size", response=CompanySizeOut)
def company_size(request: AuthenticatedHttpRequest, id: int) -> Any:
    """The company's size class for joint-purchase training, with its partner and linked
    enterprises (Recommendation 2003/361/EC); `size_class` null and `message` say why not."""
    company = selectors.joint_purchase_company_get(actor=request.user, id=id)
    size = selectors.company_size_class(actor=request.user, company=company)
    return {
        "company": company.pk,
        "declared_size_class": company.size_class,
        "size_class": size.code or None,
        "message": size.error,
        "links": [_link_out(link) for link in company.enterprise_links.order_by("name")],
    }


@router.post("/companies/{id}/enterprise-links", response={201: EnterpriseLinkOut})
def enterprise_link_create(
    request: AuthenticatedHttpRequest, id: int, data: EnterpriseLinkIn
) -> Any:
    company = selectors.joint_purchase_company_get(actor=request.user, id=id)
    link = services.enterprise_link_add(actor=request.user, company=company, **data.dict())
    return Status(201, _link_out(link))


@router.delete("/enterprise-links/{id}", response={204: None})
def enterprise_link_delete(request: AuthenticatedHttpRequest, id: int) -> Any:
    link = selectors.enterprise_link_get_for_actor(actor=request.user, id=id)
    services.enterprise_link_remove(actor=request.user, link=link)
    return Status(204, None)


@router.get("/thresholds", response=list[ThresholdOut])
def thresholds(request: AuthenticatedHttpRequest) -> Any:
    """Procurement thresholds as dated data with the section of the law (VAT-free euros)."""
    request.user.permissions.require("view_training")
    return [
        {
            "level": t.level,
            "contract_type": t.contract_type,
            "amount": _money(t.amount),
            "valid_from": t.valid_from,
            "valid_to": t.valid_to,
            "source": t.source,
        }
        for t in selectors.threshold_list()
    ]


@router.get("/agreements", response=list[AgreementOut])
def agreements(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    return [_agreement_out(a) for a in selectors.agreement_list(actor=request.user)]


@router.post("/providers/{provider_id}/agreements", response={201: AgreementOut})
def agreement_create(request: AuthenticatedHttpRequest, provider_id: int, data: AgreementIn) -> Any:
    provider: Provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    agreement = services.agreement_create(actor=request.user, provider=provider, **data.dict())
    return Status(201, _agreement_out(agreement))


@router.post("/agreements/{id}/status", response=AgreementOut)
def agreement_status(request: AuthenticatedHttpRequest, id: int, data: StatusIn) -> Any:
    agreement = selectors.agreement_get_for_actor(actor=request.user, id=id)
    return _agreement_out(
        services.agreement_status_set(actor=request.user, agreement=agreement, status=data.status)
    )


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
    waiting: dict[int, dict[int, str]] = {}
    for order_id, year, amount in selectors.waiting_year_parts(orders=qs):
        waiting.setdefault(order_id, {})[year] = _money(amount)
    return [_order_out(o, waiting) for o in qs]


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
    return Status(201, _with_warnings(request, _order_out(order), order))


@router.get("/orders/{id}", response=OrderOut)
def order(request: AuthenticatedHttpRequest, id: int) -> Any:
    return _order_out(selectors.order_get_for_actor(actor=request.user, id=id))


@router.post("/orders/{id}/cancel", response=OrderOut)
def order_cancel(request: AuthenticatedHttpRequest, id: int) -> Any:
    """Cancel a draft, or a confirmed order nothing has been invoiced on (frees its money)."""
    order_ = selectors.order_get_for_actor(actor=request.user, id=id)
    return _order_out(services.order_cancel(actor=request.user, order=order_))


@router.post("/orders/{id}/years/{year}/book", response=OrderOut)
def order_year_part_book(request: AuthenticatedHttpRequest, id: int, year: int) -> Any:
    """Book the order's waiting share of `year` on that year's appropriation."""
    order_ = selectors.order_get_for_actor(actor=request.user, id=id)
    services.order_year_part_book(actor=request.user, order=order_, year=year)
    return _order_out(selectors.order_get_for_actor(actor=request.user, id=id))


@router.post("/programmes/{id}/employer-invoice", response={201: EmployerInvoiceOut})
def employer_invoice_create(
    request: AuthenticatedHttpRequest, id: int, data: EmployerInvoiceIn
) -> Any:
    """Record that the employer's share was invoiced to the joint-purchase company."""
    programme_ = selectors.programme_get_for_actor(actor=request.user, id=id)
    invoice = services.employer_invoice_record(
        actor=request.user, programme=programme_, **data.dict()
    )
    return Status(201, _employer_invoice_out(invoice))


@router.post("/orders/{id}/confirm", response=OrderOut)
def order_confirm(request: AuthenticatedHttpRequest, id: int) -> Any:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    confirmed = services.order_confirm(actor=request.user, order=order)
    return _with_warnings(request, _order_out(confirmed), confirmed)


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


class ReportRowOut(Schema):
    name: str
    provider: str
    enrolled: int
    completed: int
    interrupted: int
    outcomes: int
    employed: int
    cost: str
    completion_rate: float | None
    placement_rate: float | None
    cost_per_placement: str | None


class ReportOut(Schema):
    programmes: list[ReportRowOut]
    providers: list[ReportRowOut]
    total: ReportRowOut


def _row_out(row: selectors.ReportRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "provider": row.provider,
        "enrolled": row.enrolled,
        "completed": row.completed,
        "interrupted": row.interrupted,
        "outcomes": row.outcomes,
        "employed": row.employed,
        "cost": _money(row.cost),
        "completion_rate": row.completion_rate,
        "placement_rate": row.placement_rate,
        "cost_per_placement": (
            None if row.cost_per_placement is None else _money(row.cost_per_placement)
        ),
    }


@router.get("/report", response=ReportOut)
def report(request: AuthenticatedHttpRequest) -> Any:
    """Volume, completion and placement rates per programme and provider, cost per placement."""
    data = selectors.training_report(actor=request.user)
    return {
        "programmes": [_row_out(r) for r in data.programmes],
        "providers": [_row_out(r) for r in data.providers],
        "total": _row_out(data.total),
    }
