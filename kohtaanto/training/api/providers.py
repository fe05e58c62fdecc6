"""Providers and their partner members; companies' partner and linked enterprises and the
size class they give (Recommendation 2003/361/EC)."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Schema, Status

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.money import api_amount
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import selectors, services
from kohtaanto.training.api.common import Amount, router
from kohtaanto.training.models import EnterpriseLink, Provider


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


def _link_out(link: EnterpriseLink) -> dict[str, Any]:
    return {
        "id": link.pk,
        "company": link.company_id,
        "name": link.name,
        "relation": link.relation,
        "holding_percent": f"{link.holding_percent:.2f}",
        "employees": link.employees,
        "turnover_eur": None if link.turnover_eur is None else api_amount(link.turnover_eur),
        "balance_sheet_eur": (
            None if link.balance_sheet_eur is None else api_amount(link.balance_sheet_eur)
        ),
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
    return {"user": user.pk, "username": user.get_username(), "name": user.display_name}


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
