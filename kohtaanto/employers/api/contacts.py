"""Company contacts."""

from dataclasses import fields
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from ninja import Schema
from ninja.responses import Status

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.api.common import field_refusals, router, writable_company
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import (
    Language,
)
from kohtaanto.employers.services import companies

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
    contacts = selectors.company_contacts_shown(
        actor=actor, company=company, reason="api", path=request.path
    )
    return contacts


@router.post("/companies/{id}/contacts", response={201: ContactOut})
def contact_create(request: AuthenticatedHttpRequest, id: int, payload: ContactIn) -> Any:
    company = writable_company(request.user, id)
    with field_refusals():
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
    with field_refusals():
        _check_email(merged["email"])
        return companies.contact_update(
            actor=request.user, contact=contact, data=companies.ContactData(**merged)
        )
