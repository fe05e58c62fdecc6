"""Agreements and their status, the procurement thresholds and the threshold warnings."""

from datetime import date
from typing import Any

from ninja import Schema, Status

from kohtaanto.common.money import api_amount
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import selectors, services
from kohtaanto.training.api.common import Amount, router
from kohtaanto.training.models import Agreement, Provider


class StatusIn(Schema):
    status: str


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


class WarningOut(Schema):
    provider: str
    legal_basis: str
    total: str
    threshold: str
    message: str


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
        "ceiling": api_amount(a.ceiling),
        "ordered": api_amount(a.ordered),
        "invoiced": api_amount(a.invoiced),
        "remaining": api_amount(a.remaining),
    }


@router.get("/thresholds", response=list[ThresholdOut])
def thresholds(request: AuthenticatedHttpRequest) -> Any:
    """Procurement thresholds as dated data with the section of the law (VAT-free euros)."""
    request.user.permissions.require("view_training")
    return [
        {
            "level": t.level,
            "contract_type": t.contract_type,
            "amount": api_amount(t.amount),
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


@router.get("/warnings", response=list[WarningOut])
def warnings(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    return [
        {
            "provider": w.provider,
            "legal_basis": w.legal_basis,
            "total": api_amount(w.total),
            "threshold": api_amount(w.threshold),
            "message": w.message,
        }
        for w in selectors.threshold_warnings(actor=request.user)
    ]
