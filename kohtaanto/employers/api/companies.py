"""Companies, and the area's staff to choose from."""

from decimal import Decimal
from typing import Any

from ninja import Field, Query, Schema
from ninja.pagination import LimitOffsetPagination, paginate
from ninja.responses import Status

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.imports import municipality_by_code
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.common.validators import CleanLine, PlainDecimal
from kohtaanto.employers import selectors
from kohtaanto.employers.api.common import (
    field_refusals,
    router,
    user_in_area,
    writable_company,
)
from kohtaanto.employers.models import (
    Company,
)
from kohtaanto.employers.permissions import WRITERS
from kohtaanto.employers.services import companies

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
        municipality=municipality_by_code(payload.get("municipality")),
        is_public_administration=bool(payload.get("is_public_administration")),
        responsible_advisor=user_in_area(
            actor, payload.get("responsible_advisor_id"), "responsible_advisor_id"
        ),
        programme_roles=list(payload.get("programme_roles") or []),
    )


@router.get("/companies", response=list[CompanyOut])
@paginate(LimitOffsetPagination)
def company_list(request: AuthenticatedHttpRequest, filters: Query[CompanyFilters]) -> Any:
    municipality = municipality_by_code(filters.municipality) if filters.municipality else None
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
    with field_refusals():
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
    company = writable_company(actor, id)
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
    with field_refusals():
        companies.company_update(
            actor=actor,
            company=company,
            data=_company_data(actor, current | payload.dict(exclude_unset=True)),
        )
    return selectors.company_get_for_actor(actor=actor, id=id)


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
