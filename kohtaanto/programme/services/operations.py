"""Writes of operations, implementers, companies, payment periods, staff posts with their
rate bases, and the financing plan."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record, diff
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import budget as money
from kohtaanto.programme.models import (
    FinancingPlan,
    Implementer,
    Operation,
    OperationCompany,
    PaymentPeriod,
    SalaryModel,
    StaffMember,
    StaffPosition,
    StaffRateBasis,
    TimeRecording,
)
from kohtaanto.programme.services.common import (
    area_id,
    month_end,
    require_administered,
)


@transaction.atomic
def implementer_budget_set(
    *, actor: User, implementer: Implementer, budget_eur: Decimal | None
) -> Implementer:
    """Record an implementer's budget from the funding decision (its share follows)."""
    if budget_eur is not None and budget_eur < 0:
        raise DomainError(_("Budjetti ei voi olla negatiivinen."), code="invalid")
    implementer = Implementer.objects.select_for_update().get(pk=implementer.pk)
    old = implementer.budget_eur
    implementer.budget_eur = budget_eur
    implementer.save(update_fields=["budget_eur"])
    audit_event_record(
        actor=actor,
        action="programme.implementer.budget_set",
        target=implementer,
        changes={"budget_eur": [old, budget_eur]},
    )
    return implementer


@transaction.atomic
def operation_company_save(
    *,
    actor: User,
    operation: Operation,
    company: Any,
    is_development_partner: bool,
    is_pilot_company: bool,
    supported_from: date | None,
) -> OperationCompany:
    """Link a company of the register to an operation, or change its roles there.

    Invariants: the company belongs to the operation's area; one link per company and
    operation, so a supported entity is counted once for EECO18/EECO19."""
    if company.employment_area_id != operation.employment_area_id:
        raise DomainError(_("Yritys ei kuulu hankkeen työllisyysalueelle."), code="invalid")
    if not (is_development_partner or is_pilot_company or supported_from):
        raise DomainError(_("Valitse vähintään yksi rooli tai tuen alkamispäivä."), code="invalid")
    if supported_from and not (operation.start_date <= supported_from <= operation.end_date):
        raise DomainError(
            _("Tuen alkamispäivän on oltava hankkeen toteutusaikana."), code="invalid"
        )
    link = (
        OperationCompany.objects.select_for_update()
        .filter(operation=operation, company=company)
        .first()
    )
    new = {
        "is_development_partner": is_development_partner,
        "is_pilot_company": is_pilot_company,
        "supported_from": supported_from,
    }
    if link is None:
        link = OperationCompany.objects.create(operation=operation, company=company, **new)
        audit_event_record(
            actor=actor,
            action="programme.operation_company.create",
            target=link,
            changes={k: [None, v] for k, v in new.items()},
        )
        return link
    old = {k: getattr(link, k) for k in new}
    for key, value in new.items():
        setattr(link, key, value)
    link.save(update_fields=list(new))
    audit_event_record(
        actor=actor,
        action="programme.operation_company.update",
        target=link,
        changes=diff(old, new),
    )
    return link


@transaction.atomic
def operation_company_remove(*, actor: User, link: OperationCompany) -> None:
    """Unlink a company from an operation; the company itself stays in the register."""
    audit_event_record(actor=actor, action="programme.operation_company.delete", target=link)
    link.delete()


@transaction.atomic
def payment_period_create(
    *, actor: User, operation: Operation, start_date: date, end_date: date
) -> PaymentPeriod:
    """Add the next payment period. Invariants: inside the operation's period, not
    overlapping another period, numbered consecutively."""
    require_administered(operation)
    if end_date < start_date:
        raise DomainError(_("Kausi päättyy ennen kuin se alkaa."), code="invalid")
    if start_date < operation.start_date or end_date > operation.end_date:
        raise DomainError(_("Kauden on oltava hankkeen toteutusaikana."), code="invalid")
    Operation.objects.select_for_update().get(pk=operation.pk)
    periods = PaymentPeriod.objects.filter(operation=operation)
    if periods.filter(start_date__lte=end_date, end_date__gte=start_date).exists():
        raise ConflictError(_("Kausi on päällekkäin aiemman kauden kanssa."))
    number = (periods.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    period = PaymentPeriod.objects.create(
        operation=operation, number=number, start_date=start_date, end_date=end_date
    )
    audit_event_record(
        actor=actor,
        action="programme.payment_period.create",
        target=period,
        changes={"start_date": [None, start_date], "end_date": [None, end_date]},
    )
    return period


@transaction.atomic
def staff_member_create(*, actor: User, name: str, user: User | None = None) -> StaffMember:
    """Add a person of the actor's area whose work is charged to projects (optionally tied
    to their user account)."""
    name = name.strip()
    if not name:
        raise DomainError(_("Nimi puuttuu."), code="invalid")
    if user is not None and user.employment_area_id != actor.employment_area_id:
        raise DomainError(_("Käyttäjä ei kuulu työllisyysalueelle."), code="invalid")
    member = StaffMember.objects.create(employment_area_id=area_id(actor), name=name, user=user)
    audit_event_record(
        actor=actor,
        action="programme.staff_member.create",
        target=member,
        changes={"name": [None, name]},
    )
    return member


POSITION_FIELDS = (
    "staff_member",
    "title",
    "salary_model",
    "annual_gross_cost",
    "side_cost_percent",
    "person_years",
    "working_time_percent",
    "monthly_working_hours",
    "start_date",
    "end_date",
    "time_recording",
    "fixed_percentage",
)


def _validate_position(operation: Operation, data: dict[str, Any]) -> None:
    start, end = data["start_date"], data["end_date"]
    if start.day != 1 or end != month_end(end):
        raise DomainError(
            _(
                "Budjetti suunnitellaan kokonaisina kuukausina: alku kuun 1. päivä, loppu kuun "
                "viimeinen päivä."
            ),
            code="invalid",
        )
    if end < start or start < operation.start_date or end > operation.end_date:
        raise DomainError(_("Jakson on oltava hankkeen toteutusaikana."), code="invalid")
    if data.get("working_time_percent") is None:
        data["working_time_percent"] = Decimal("100")
    if not Decimal("0") < data["working_time_percent"] <= Decimal("100"):
        raise DomainError(_("Työajan on oltava yli 0 ja enintään 100 %."), code="invalid")
    if data["staff_member"].employment_area_id != operation.employment_area_id:
        raise DomainError(_("Henkilö ei kuulu hankkeen työllisyysalueelle."), code="invalid")
    if (
        data["salary_model"] in (SalaryModel.SALARY_PLUS_SIDE_COSTS, SalaryModel.MONTHLY_RATE)
        and data.get("side_cost_percent") is None
    ):
        raise DomainError(_("Anna sivukuluprosentti."), code="invalid")
    if data["salary_model"] == SalaryModel.MONTHLY_RATE:
        # CPR Art. 55(2)(b): the divisor is the contract's monthly working time.
        if not data.get("monthly_working_hours"):
            raise DomainError(
                _("Anna työsopimuksen mukainen kuukausityöaika tunteina."), code="invalid"
            )
    else:
        data["monthly_working_hours"] = None
    if data["time_recording"] == TimeRecording.FIXED_PERCENTAGE and not data.get(
        "fixed_percentage"
    ):
        raise DomainError(_("Anna kiinteä prosenttiosuus."), code="invalid")
    if data["time_recording"] == TimeRecording.HOURS:
        data["fixed_percentage"] = None
    if data["salary_model"] == SalaryModel.HOURLY_RATE:
        data["side_cost_percent"] = None


@transaction.atomic
def staff_position_save(
    *,
    actor: User,
    operation: Operation,
    position: StaffPosition | None = None,
    **data: Any,
) -> StaffPosition:
    """Create or change a staff budget line (post). Invariants: whole months inside the
    operation; the salary model's own parameter given; the person is of the same area."""
    require_administered(operation)
    reason = (data.pop("reason", "") or "").strip()
    data = {k: data.get(k) for k in POSITION_FIELDS}
    _validate_position(operation, data)
    if position is None:
        position = StaffPosition.objects.create(operation=operation, **data)
        _rate_basis_save(actor, position, reason)
        audit_event_record(
            actor=actor,
            action="programme.staff_position.create",
            target=position,
            changes={k: [None, v] for k, v in data.items()},
        )
        return position
    position = StaffPosition.objects.select_for_update().get(pk=position.pk, operation=operation)
    old = {k: getattr(position, k) for k in POSITION_FIELDS}
    for key, value in data.items():
        setattr(position, key, value)
    position.save(update_fields=list(POSITION_FIELDS))
    _rate_basis_save(actor, position, reason)
    audit_event_record(
        actor=actor,
        action="programme.staff_position.update",
        target=position,
        changes=diff(old, data),
    )
    return position


RATE_BASIS_FIELDS = (
    "annual_gross_cost",
    "working_time_percent",
    "side_cost_percent",
    "monthly_working_hours",
)


def _rate_basis_save(actor: User, position: StaffPosition, reason: str) -> StaffRateBasis:
    """Keep the post's rate basis in step with the post (CPR Art. 55(2): the latest documented
    cost). An unfrozen latest version is updated in place; a frozen one — used by a submitted
    payment claim — is never changed: a change makes a new version, which needs a reason."""
    values = {k: getattr(position, k) for k in RATE_BASIS_FIELDS}
    latest = position.rate_bases.select_for_update().order_by("-version").first()
    if latest is not None and all(getattr(latest, k) == v for k, v in values.items()):
        return latest
    if latest is not None and latest.frozen_at is None:
        for key, value in values.items():
            setattr(latest, key, value)
        latest.save(update_fields=list(RATE_BASIS_FIELDS))
        return latest
    if latest is not None and not reason:
        raise DomainError(
            _(
                "Tuntihinnan peruste (versio %(version)s) on käytetty lähetetyssä "
                "maksatushakemuksessa. Kerro muutoksen syy: muutoksesta tehdään uusi versio."
            )
            % {"version": latest.version},
            code="rate_basis_frozen",
        )
    basis = StaffRateBasis.objects.create(
        position=position,
        version=(latest.version + 1) if latest else 1,
        reason=reason,
        created_by=actor,
        **values,
    )
    audit_event_record(
        actor=actor,
        action="programme.rate_basis.create",
        target=basis,
        changes={
            "version": [latest.version if latest else None, basis.version],
            "reason": [None, reason],
        },
    )
    return basis


@transaction.atomic
def financing_plan_save(
    *,
    actor: User,
    operation: Operation,
    support_rate_percent: Decimal,
    municipal_share_eur: Decimal = money.ZERO,
    other_public_eur: Decimal = money.ZERO,
    appropriations: Sequence[Any] = (),
) -> FinancingPlan:
    """Record the operation's financing plan from the funding decision. Invariants: a rate of
    0–100 %, no negative share, appropriations of the operation's own area."""
    require_administered(operation)
    if not (money.ZERO <= support_rate_percent <= money.HUNDRED):
        raise DomainError(_("Tukiprosentin on oltava 0–100."), code="invalid")
    if municipal_share_eur < 0 or other_public_eur < 0:
        raise DomainError(_("Rahoitusosuus ei voi olla negatiivinen."), code="invalid")
    if any(a.employment_area_id != operation.employment_area_id for a in appropriations):
        raise DomainError(_("Määräraha ei kuulu hankkeen työllisyysalueelle."), code="invalid")
    plan = FinancingPlan.objects.select_for_update().filter(operation=operation).first()
    new = {
        "support_rate_percent": support_rate_percent,
        "municipal_share_eur": municipal_share_eur,
        "other_public_eur": other_public_eur,
    }
    old = {k: getattr(plan, k) for k in new} if plan else {}
    if plan is None:
        plan = FinancingPlan.objects.create(operation=operation, **new)
    else:
        for key, value in new.items():
            setattr(plan, key, value)
        plan.save(update_fields=list(new))
    plan.appropriations.set(appropriations)
    audit_event_record(
        actor=actor,
        action="programme.financing_plan.save",
        target=plan,
        changes={
            **diff(old, new),
            "appropriations": [None, sorted(a.pk for a in appropriations)],
        },
    )
    return plan
