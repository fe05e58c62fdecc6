"""Company register: companies, their programme roles and contacts."""

import re
from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea, Municipality, User
from kohtaanto.audit.services import audit_event_record, diff
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.identifiers import InvalidBusinessIdError, business_id_normalise
from kohtaanto.employers.models import (
    Company,
    CompanyContact,
    CompanyProgrammeRole,
    ProgrammeRole,
    SizeClass,
)
from kohtaanto.employers.permissions import WRITERS
from kohtaanto.employers.sizes import SizeClassConflictError, size_class_resolve

# TOL 2008 (Statistics Finland's NACE Rev. 2): a section letter or a 2–5 digit code.
INDUSTRY_CODE = re.compile(r"^(?:[A-U]|\d{2,5})$")


@dataclass
class CompanyData:
    business_id: str
    name: str
    industry_code: str = ""
    size_class: str = ""
    employees: int | None = None
    turnover_eur: Decimal | None = None
    balance_sheet_eur: Decimal | None = None
    municipality: Municipality | None = None
    is_public_administration: bool = False
    responsible_advisor: User | None = None
    programme_roles: list[str] = field(default_factory=list)


def size_class_message(declared: str, computed: str) -> str:
    def name(code: str) -> str:
        return f"{SizeClass(code).label} ({code})"

    return _(
        "Kokoluokka {declared} ei vastaa lukuja: EU:n pk-yritysmääritelmän (2003/361/EY) "
        "mukaan henkilöstön ja liikevaihdon tai taseen perusteella kokoluokka on {computed}."
    ).format(declared=name(declared), computed=name(computed))


def company_values(
    data: CompanyData, *, area: EmploymentArea, current: Company | None = None
) -> dict[str, Any]:
    """The stored values for `data`, or FieldError naming the first refused field.

    Invariants: the business id is a valid formatted Y-tunnus; the size class agrees with
    the headcount and money figures (EU SME definition); figures are not negative; the
    responsible advisor works in the same area (checked when the advisor is newly chosen, so
    that a company keeps its advisor through an import after the advisor changed role).
    """
    try:
        business_id = business_id_normalise(data.business_id)
    except InvalidBusinessIdError as exc:
        raise FieldError("business_id", str(exc)) from exc
    name = (data.name or "").strip()
    if not name:
        raise FieldError("name", _("Nimi puuttuu."))
    industry_code = (data.industry_code or "").strip().upper()
    if industry_code and not INDUSTRY_CODE.match(industry_code):
        raise FieldError(
            "industry_code",
            _("Toimialakoodi on TOL 2008 -koodi: kirjain A–U tai 2–5 numeroa."),
        )
    if data.size_class and data.size_class not in SizeClass.values:
        raise FieldError("size_class", _("Tuntematon kokoluokka."))
    for name_, value in (
        ("employees", data.employees),
        ("turnover_eur", data.turnover_eur),
        ("balance_sheet_eur", data.balance_sheet_eur),
    ):
        if value is not None and value < 0:
            raise FieldError(name_, _("Luku ei voi olla negatiivinen."))
    try:
        size_class = size_class_resolve(
            data.size_class, data.employees, data.turnover_eur, data.balance_sheet_eur
        )
    except SizeClassConflictError as exc:
        raise FieldError("size_class", size_class_message(exc.declared, exc.computed)) from exc
    advisor = data.responsible_advisor
    unchanged = (
        current is not None
        and advisor is not None
        and (advisor.pk == current.responsible_advisor_id)
    )
    if (
        advisor is not None
        and not unchanged
        and (advisor.employment_area_id != area.pk or advisor.role not in WRITERS)
    ):
        raise FieldError("responsible_advisor", _("Vastuuhenkilön on oltava alueen yritysneuvoja."))
    unknown_roles = set(data.programme_roles) - set(ProgrammeRole.values)
    if unknown_roles:
        raise FieldError("programme_roles", _("Tuntematon rooli hankkeessa."))
    return {
        "business_id": business_id,
        "name": name,
        "industry_code": industry_code,
        "size_class": size_class,
        "employees": data.employees,
        "turnover_eur": data.turnover_eur,
        "balance_sheet_eur": data.balance_sheet_eur,
        "municipality": data.municipality,
        "is_public_administration": data.is_public_administration,
        "responsible_advisor": data.responsible_advisor,
    }


def _snapshot(company: Company) -> dict[str, Any]:
    return {
        "business_id": company.business_id,
        "name": company.name,
        "industry_code": company.industry_code,
        "size_class": company.size_class,
        "employees": company.employees,
        "turnover_eur": company.turnover_eur,
        "balance_sheet_eur": company.balance_sheet_eur,
        # The audit log names a municipality by its code, as the job seeker's record does.
        "municipality": company.municipality.code if company.municipality else None,
        "is_public_administration": company.is_public_administration,
        "responsible_advisor": company.responsible_advisor_id,
        # .all() so that an import's prefetch of the roles is used
        "programme_roles": sorted(r.role for r in company.programme_roles.all())
        if company.pk
        else [],
    }


def _comparable(values: dict[str, Any], roles: list[str]) -> dict[str, Any]:
    out = dict(values)
    out["municipality"] = out["municipality"].code if out["municipality"] is not None else None
    advisor = out["responsible_advisor"]
    out["responsible_advisor"] = advisor.pk if advisor is not None else None
    out["programme_roles"] = sorted(set(roles))
    return out


def company_changes(company: Company, values: dict[str, Any], roles: list[str]) -> dict[str, Any]:
    """Field → [stored, new] for what `values` (from company_values) and `roles` would change."""
    return diff(_snapshot(company), _comparable(values, roles))


def _set_roles(company: Company, roles: list[str]) -> None:
    wanted = set(roles)
    company.programme_roles.exclude(role__in=wanted).delete()
    existing = set(company.programme_roles.values_list("role", flat=True))
    CompanyProgrammeRole.objects.bulk_create(
        CompanyProgrammeRole(company=company, role=role) for role in sorted(wanted - existing)
    )


@transaction.atomic
def company_create(*, actor: User | None, area: EmploymentArea, data: CompanyData) -> Company:
    """Register a company in `area`. The business id is unique within the area."""
    values = company_values(data, area=area)
    if Company.objects.filter(employment_area=area, business_id=values["business_id"]).exists():
        raise ConflictError(
            _("Y-tunnus {business_id} on jo rekisterissä.").format(
                business_id=values["business_id"]
            )
        )
    company = Company.objects.create(employment_area=area, **values)
    _set_roles(company, data.programme_roles)
    audit_event_record(
        actor=actor,
        action="company.create",
        target=company,
        changes=diff({}, _comparable(values, data.programme_roles)),
    )
    return company


@transaction.atomic
def company_update(*, actor: User | None, company: Company, data: CompanyData) -> Company:
    """Change a company's basics and roles; writes an audit event only when something changed.

    Returns the company; nothing is written when the data equals what is stored.
    """
    company = Company.objects.select_for_update().get(pk=company.pk)
    values = company_values(data, area=company.employment_area, current=company)
    if (
        values["business_id"] != company.business_id
        and Company.objects.filter(
            employment_area_id=company.employment_area_id, business_id=values["business_id"]
        ).exists()
    ):
        raise ConflictError(
            _("Y-tunnus {business_id} on jo rekisterissä.").format(
                business_id=values["business_id"]
            )
        )
    changes = company_changes(company, values, data.programme_roles)
    if not changes:
        return company
    for key, value in values.items():
        setattr(company, key, value)
    company.save(update_fields=[*values.keys(), "updated_at"])
    if "programme_roles" in changes:
        _set_roles(company, data.programme_roles)
    audit_event_record(actor=actor, action="company.update", target=company, changes=changes)
    return company


@dataclass
class ContactData:
    first_name: str
    last_name: str
    job_title: str = ""
    email: str = ""
    phone: str = ""
    preferred_language: str = "fi"
    consent_to_contact: bool = False
    share_with_partners: bool = False
    is_active: bool = True


_CONTACT_FIELDS = tuple(f.name for f in fields(ContactData))


def _contact_values(data: ContactData) -> dict[str, Any]:
    if not data.first_name.strip():
        raise FieldError("first_name", _("Etunimi puuttuu."))
    if not data.last_name.strip():
        raise FieldError("last_name", _("Sukunimi puuttuu."))
    if data.preferred_language not in ("fi", "sv", "en"):
        raise FieldError("preferred_language", _("Tuntematon kieli."))
    return {name: getattr(data, name) for name in _CONTACT_FIELDS} | {
        "first_name": data.first_name.strip(),
        "last_name": data.last_name.strip(),
        "email": data.email.strip().lower(),
    }


def _stamp_consents(contact: CompanyContact, values: dict[str, Any]) -> list[str]:
    """Record when each consent was given; a withdrawn consent loses its time."""
    now = timezone.now()
    stamped = []
    for flag, stamp in (
        ("consent_to_contact", "consent_to_contact_at"),
        ("share_with_partners", "share_with_partners_at"),
    ):
        if values[flag] and not getattr(contact, flag):
            setattr(contact, stamp, now)
            stamped.append(stamp)
        elif not values[flag] and getattr(contact, flag):
            setattr(contact, stamp, None)
            stamped.append(stamp)
    return stamped


@transaction.atomic
def contact_create(*, actor: User, company: Company, data: ContactData) -> CompanyContact:
    """Add a contact person; consents given now are time-stamped."""
    values = _contact_values(data)
    contact = CompanyContact(company=company)
    _stamp_consents(contact, values)
    for key, value in values.items():
        setattr(contact, key, value)
    contact.save()
    audit_event_record(
        actor=actor,
        action="company_contact.create",
        target=contact,
        changes=diff({}, values) | {"company": [None, company.pk]},
    )
    return contact


@transaction.atomic
def contact_update(*, actor: User, contact: CompanyContact, data: ContactData) -> CompanyContact:
    """Change a contact; consent times follow their flags (given → now, withdrawn → none)."""
    contact = CompanyContact.objects.select_for_update().get(pk=contact.pk)
    values = _contact_values(data)
    changes = diff({name: getattr(contact, name) for name in _CONTACT_FIELDS}, values)
    if not changes:
        return contact
    stamped = _stamp_consents(contact, values)
    for key, value in values.items():
        setattr(contact, key, value)
    contact.save(update_fields=[*values.keys(), *stamped, "updated_at"])
    audit_event_record(
        actor=actor, action="company_contact.update", target=contact, changes=changes
    )
    return contact
