"""Programmes with their taught skills, and the invoice of the employer's share."""

from datetime import date
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Schema, Status

from kohtaanto.common.money import api_amount
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import selectors, services
from kohtaanto.training.api.common import Amount, router
from kohtaanto.training.models import EmployerInvoice, Programme


class EmployerInvoiceIn(Schema):
    reference: str
    invoiced_on: date


class EmployerInvoiceOut(Schema):
    programme: int
    company: int
    amount: str
    reference: str
    invoiced_on: date


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


def _employer_invoice_out(invoice: EmployerInvoice | None) -> dict[str, Any] | None:
    if invoice is None:
        return None
    return {
        "programme": invoice.programme_id,
        "company": invoice.company_id,
        "amount": api_amount(invoice.amount),
        "reference": invoice.reference,
        "invoiced_on": invoice.invoiced_on,
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
        "price": api_amount(p.price),
        "company": p.company_id,
        "employer_share_percent": api_amount(p.employer_share_percent),
        "employer_share": api_amount(p.employer_share),
        "skills": [{"concept": s.concept_id, "level": s.level} for s in p.skills.all()],
        "employer_invoice": _employer_invoice_out(getattr(p, "employer_invoice", None)),
    }


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
