"""Writes of the programme app. Each service checks its rules, changes rows in one
transaction and writes its audit event in the same transaction."""

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import PartnerOrganisation, Role, User
from kohtaanto.audit.services import access_log_record_many, audit_event_record, diff
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import budget as money
from kohtaanto.programme import selectors
from kohtaanto.programme.models import (
    ActivityAttachment,
    ActivityEntry,
    ActivityParticipant,
    CostReport,
    FinancingPlan,
    Implementer,
    Operation,
    OperationCompany,
    ParticipantCost,
    PaymentDecision,
    PaymentPeriod,
    SalaryModel,
    SalaryPayment,
    StaffMember,
    StaffPosition,
    StaffRateBasis,
    TimeRecord,
    TimeRecording,
    TimeSheet,
)


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _area_id(actor: User) -> int:
    if actor.employment_area_id is None:
        raise DomainError(_("Käyttäjällä ei ole työllisyysaluetta."), code="no_area")
    return actor.employment_area_id


def _require_administered(operation: Operation) -> None:
    if not operation.administered_here:
        raise DomainError(
            _("Hankkeen hallinnointia ei hoideta Kohtaannossa."), code="not_administered"
        )


# --- Programme, operations, companies -----------------------------------------------------


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
    _require_administered(operation)
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


# --- Budget -------------------------------------------------------------------------------


@transaction.atomic
def staff_member_create(*, actor: User, name: str, user: User | None = None) -> StaffMember:
    """Add a person of the actor's area whose work is charged to projects (optionally tied
    to their user account)."""
    name = name.strip()
    if not name:
        raise DomainError(_("Nimi puuttuu."), code="invalid")
    if user is not None and user.employment_area_id != actor.employment_area_id:
        raise DomainError(_("Käyttäjä ei kuulu työllisyysalueelle."), code="invalid")
    member = StaffMember.objects.create(employment_area_id=_area_id(actor), name=name, user=user)
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
    if start.day != 1 or end != _month_end(end):
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
    _require_administered(operation)
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


# --- Time records and salaries ------------------------------------------------------------


def _refuse_month_not_ended(day: date, today: date | None) -> None:
    """No costs for a month that has not ended: hours, percentages and salaries are recorded
    once the month is over: before that the cost is neither incurred nor paid (CPR (EU)
    2021/1060 Art. 63(2): eligible expenditure is incurred and paid)."""
    today = today or timezone.localdate()
    if _month_end(day) >= today:
        raise DomainError(
            _(
                "Kuukausi %(month)s ei ole vielä päättynyt; sen työaikaa, palkkoja ja kuluja "
                "ei voi vielä kirjata."
            )
            % {"month": f"{day.month}/{day.year}"},
            code="month_not_ended",
        )


def _refuse_if_locked(operation_id: int, day: date) -> None:
    period = selectors.locked_period_for(operation_id=operation_id, day=day)
    if period is not None:
        raise ConflictError(
            _(
                "Maksatuskauden %(period)s maksatushakemus on lähetetty, joten sen tietoja ei voi "
                "muuttaa. Avaa ensin korjausversio."
            )
            % {"period": period}
        )


@transaction.atomic
def time_record_create(
    *,
    actor: User,
    position: StaffPosition,
    span: str,
    day: date,
    hours: Decimal | None = None,
    percentage: Decimal | None = None,
    description: str = "",
    today: date | None = None,
) -> TimeRecord:
    """Record work on a project.

    Invariants: hours for an hours-recording post (a day at most 24 h), a monthly percentage
    for a fixed-percentage post; inside the post's period; a post's month is recorded either
    by day or as a month, not both; not in a payment period whose cost report is submitted;
    and the person's hours in the calendar year, over all their projects, stay within the
    hours the rate is computed on (CPR (EU) 2021/1060 Art. 55(2)(a) and 55(3)): 1 720 h for
    a full-time post, its pro-rata for a part-time one (860 h at 50 %). The person's row is
    locked for the check, so concurrent records cannot pass the cap together.
    """
    if span == TimeRecord.Span.MONTH:
        day = day.replace(day=1)
    elif span != TimeRecord.Span.DAY:
        raise DomainError(_("Tuntematon jakso."), code="invalid")
    _refuse_month_not_ended(day, today)
    if position.time_recording == TimeRecording.FIXED_PERCENTAGE:
        if percentage is None or hours is not None or span != TimeRecord.Span.MONTH:
            raise DomainError(
                _("Tälle tehtävälle kirjataan kuukausittain kiinteä prosenttiosuus."),
                code="invalid",
            )
        if not (0 < percentage <= 100):
            raise DomainError(_("Prosenttiosuuden on oltava 0–100."), code="invalid")
        # CPR (EU) 2021/1060 Art. 55: part-time work on the operation at a fixed percentage
        # of time worked per month, set in a document the employer issues — the same
        # percentage every month, without separate time registration.
        if percentage != position.fixed_percentage:
            raise DomainError(
                _(
                    "Tehtävän kiinteä osuus on työnantajan asiakirjan mukaan %(fixed)s %%; "
                    "kuukaudelle ei voi kirjata eri osuutta (%(given)s %%). Muuta tarvittaessa "
                    "tehtävän kiinteää osuutta."
                )
                % {
                    "fixed": money.format_amount(position.fixed_percentage or money.ZERO),
                    "given": money.format_amount(percentage),
                },
                code="fixed_percentage_mismatch",
            )
    else:
        if hours is None or percentage is not None:
            raise DomainError(_("Tälle tehtävälle kirjataan tunnit."), code="invalid")
        if hours <= 0:
            raise DomainError(_("Tuntien on oltava positiivinen luku."), code="invalid")
        if span == TimeRecord.Span.DAY and hours > 24:
            raise DomainError(_("Päivään voi kirjata enintään 24 tuntia."), code="invalid")
    last_day = day if span == TimeRecord.Span.DAY else _month_end(day)
    if (
        day < position.start_date.replace(day=1)
        or last_day > _month_end(position.end_date)
        or (span == TimeRecord.Span.DAY and not (position.start_date <= day <= position.end_date))
    ):
        raise DomainError(_("Päivä ei ole tehtävän voimassaoloaikana."), code="invalid")
    _refuse_if_locked(position.operation_id, day)
    _refuse_if_signed(position.staff_member_id, day)

    StaffMember.objects.select_for_update().get(pk=position.staff_member_id)
    same_month = TimeRecord.objects.filter(
        position=position, date__year=day.year, date__month=day.month
    )
    if position.salary_model == SalaryModel.MONTHLY_RATE and hours is not None:
        # Art. 55(2)(b): the month's hours on the project cannot exceed the contract's
        # monthly working time that the rate divides by.
        month_hours = sum((r.hours or money.ZERO for r in same_month), money.ZERO) + hours
        limit = position.monthly_working_hours or money.ZERO
        if month_hours > limit:
            raise DomainError(
                _(
                    "Kuukauden tunnit (%(hours)s h) ylittäisivät työsopimuksen mukaisen "
                    "kuukausityöajan %(limit)s h."
                )
                % {"hours": money.format_amount(month_hours), "limit": money.format_amount(limit)},
                code="monthly_hours_exceeded",
            )
    other_span = TimeRecord.Span.MONTH if span == TimeRecord.Span.DAY else TimeRecord.Span.DAY
    if same_month.filter(span=other_span).exists():
        raise ConflictError(
            _("Kuukaudelle on jo kirjauksia toisella tavalla (päivittäin tai kuukausittain).")
        )
    if same_month.filter(span=span, date=day).exists():
        raise ConflictError(_("Tälle päivälle tai kuukaudelle on jo kirjaus."))

    book = selectors.rules_book()
    cap = money.annual_hours_of(book.rates(day), position.working_time_share)
    entries = selectors.staff_year_entries(staff_member_id=position.staff_member_id, year=day.year)
    recorded = money.counted_hours(entries, book.rates)
    new_entry = money.TimeEntry(day, hours, percentage, position.working_time_share)
    total = money.counted_hours([*entries, new_entry], book.rates)
    new_hours = total - recorded
    if total > cap:
        raise DomainError(
            _(
                "Vuoden %(year)s tunnit ylittäisivät enimmäismäärän %(cap)s h (CPR (EU) "
                "2021/1060 55 artiklan 2 kohta): kirjattu %(recorded)s h, uusi kirjaus "
                "%(new)s h, kirjattavissa enintään %(left)s h."
            )
            % {
                "year": day.year,
                "cap": money.format_amount(cap),
                "recorded": money.format_amount(recorded),
                "new": money.format_amount(new_hours),
                "left": money.format_amount(max(cap - recorded, money.ZERO)),
            },
            code="annual_hours_exceeded",
        )
    record = TimeRecord.objects.create(
        position=position,
        span=span,
        date=day,
        hours=hours,
        percentage=percentage,
        description=description,
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="programme.time_record.create",
        target=record,
        changes={"date": [None, day], "hours": [None, hours], "percentage": [None, percentage]},
    )
    return record


@transaction.atomic
def time_record_delete(*, actor: User, record: TimeRecord) -> None:
    """Remove a time record, unless its payment period's cost report is submitted."""
    record = TimeRecord.objects.select_for_update().select_related("position").get(pk=record.pk)
    _refuse_if_locked(record.position.operation_id, record.date)
    _refuse_if_signed(record.position.staff_member_id, record.date)
    audit_event_record(
        actor=actor,
        action="programme.time_record.delete",
        target=record,
        changes={
            "date": [record.date, None],
            "hours": [record.hours, None],
            "percentage": [record.percentage, None],
        },
    )
    record.delete()


@transaction.atomic
def salary_payment_record(
    *,
    actor: User,
    position: StaffPosition,
    month: date,
    gross_salary: Decimal,
    today: date | None = None,
) -> SalaryPayment:
    """Record (or correct) the gross salary paid for a month on a salary + side-cost post or
    a monthly-rate post (Art. 55(2)(b)); refused for a month not yet ended."""
    _refuse_month_not_ended(month, today)
    if position.salary_model not in (
        SalaryModel.SALARY_PLUS_SIDE_COSTS,
        SalaryModel.MONTHLY_RATE,
    ):
        raise DomainError(
            _(
                "Palkat kirjataan vain tehtäville, joiden palkkamalli on palkka + sivukulut "
                "tai kuukausihinta."
            ),
            code="invalid",
        )
    if gross_salary < 0:
        raise DomainError(_("Palkka ei voi olla negatiivinen."), code="invalid")
    month = month.replace(day=1)
    _refuse_if_locked(position.operation_id, month)
    payment = (
        SalaryPayment.objects.select_for_update().filter(position=position, month=month).first()
    )
    old = payment.gross_salary if payment else None
    if payment is None:
        payment = SalaryPayment.objects.create(
            position=position, month=month, gross_salary=gross_salary, created_by=actor
        )
    else:
        payment.gross_salary = gross_salary
        payment.save(update_fields=["gross_salary"])
    audit_event_record(
        actor=actor,
        action="programme.salary_payment.record",
        target=payment,
        changes={"gross_salary": [old, gross_salary]},
    )
    return payment


@transaction.atomic
def participant_cost_record(
    *,
    actor: User,
    operation: Operation,
    month: date,
    kind: str,
    amount: Decimal,
    description: str = "",
    today: date | None = None,
) -> ParticipantCost:
    """Record (or correct) participants' wages or allowances of a month: CPR (EU) 2021/1060
    Art. 56(2), eligible on top of the 40 % flat rate. Refused unless the funding decision
    allows them (`Operation.participant_costs_allowed`, off by default), for a month not yet
    ended and in a period whose claim is submitted."""
    _require_administered(operation)
    if not operation.participant_costs_allowed:
        raise DomainError(
            _(
                "Rahoituspäätös ei salli osallistujien palkkoja ja korvauksia tämän hankkeen "
                "kustannuksina."
            ),
            code="participant_costs_not_allowed",
        )
    if kind not in ParticipantCost.Kind.values:
        raise DomainError(_("Tuntematon kululaji."), code="invalid")
    if amount < 0:
        raise DomainError(_("Summa ei voi olla negatiivinen."), code="invalid")
    month = month.replace(day=1)
    _refuse_month_not_ended(month, today)
    if not (operation.start_date.replace(day=1) <= month <= operation.end_date):
        raise DomainError(_("Kuukauden on oltava hankkeen toteutusaikana."), code="invalid")
    _refuse_if_locked(operation.pk, month)
    cost = (
        ParticipantCost.objects.select_for_update()
        .filter(operation=operation, month=month, kind=kind)
        .first()
    )
    old = cost.amount if cost else None
    if cost is None:
        cost = ParticipantCost.objects.create(
            operation=operation,
            month=month,
            kind=kind,
            amount=amount,
            description=description,
            created_by=actor,
        )
    else:
        cost.amount, cost.description = amount, description
        cost.save(update_fields=["amount", "description"])
    audit_event_record(
        actor=actor,
        action="programme.participant_cost.record",
        target=cost,
        changes={"amount": [old, amount]},
    )
    return cost


def participant_export_log(*, actor: User, export: Any, fmt: str, path: str = "") -> None:
    """Log a participant-level export: one access-log row per person in it (one INSERT; the
    identity code named when it was included) and one audit event with the period, the
    format and the number of rows."""
    what = "esf_participant_export"
    if export.with_identity_code:
        what += "+identity_code"
    from kohtaanto.jobseekers.models import JobSeeker

    access_log_record_many(
        actor=actor,
        subject_type=JobSeeker,
        subject_ids=set(export.job_seeker_ids),
        what=what,
        reason=f"{export.operation.code} {export.start}–{export.end} {fmt}",
        path=path,
    )
    audit_event_record(
        actor=actor,
        action="programme.participants.export",
        target=export.operation,
        changes={
            "period": [None, f"{export.start.isoformat()}–{export.end.isoformat()}"],
            "format": [None, fmt],
            "rows": [None, len(export.rows)],
            "identity_code": [None, export.with_identity_code],
        },
    )


# --- Cost reports -------------------------------------------------------------------------


@transaction.atomic
def cost_report_create(*, actor: User, period: PaymentPeriod) -> CostReport:
    """Open the first version of a period's cost report (maksatushakemus) as a draft.

    Invariants: one report chain per period; a later version only through a correction."""
    _require_administered(period.operation)
    period = PaymentPeriod.objects.select_for_update().get(pk=period.pk)
    if period.cost_reports.exists():
        raise ConflictError(
            _("Kaudelle on jo maksatushakemus. Muokkaa luonnosta tai tee korjausversio.")
        )
    report = CostReport.objects.create(period=period, version=1, created_by=actor)
    audit_event_record(
        actor=actor,
        action="programme.cost_report.create",
        target=report,
        changes={"version": [None, 1]},
    )
    return report


def _lock_draft(report: CostReport) -> CostReport:
    report = (
        CostReport.objects.select_for_update().select_related("period__operation").get(pk=report.pk)
    )
    if report.is_locked:
        raise ConflictError(_("Lähetettyä maksatushakemusta ei voi muuttaa. Tee korjausversio."))
    return report


@transaction.atomic
def cost_report_update(*, actor: User, report: CostReport, narrative: str) -> CostReport:
    """Change a draft's progress narrative; a submitted report is locked."""
    report = _lock_draft(report)
    old = report.narrative
    report.narrative = narrative
    report.save(update_fields=["narrative"])
    audit_event_record(
        actor=actor,
        action="programme.cost_report.update",
        target=report,
        changes=diff({"narrative": old}, {"narrative": narrative}),
    )
    return report


@transaction.atomic
def cost_report_submit(*, actor: User, report: CostReport) -> CostReport:
    """Submit a draft: its figures are frozen and the report is locked.

    Refused while the data-quality report of the operation's participants (entered by the
    period's end) lists any problem, and when the progress narrative is empty."""
    report = _lock_draft(report)
    if not report.narrative.strip():
        raise DomainError(_("Kirjoita edistymisen kuvaus ennen lähettämistä."), code="invalid")
    quality = selectors.data_quality_report(
        operation=report.period.operation, until=report.period.end_date
    )
    if not quality.is_empty:
        raise DomainError(
            _(
                "Maksatushakemusta ei voi lähettää: osallistujatiedoissa on %(count)s puutetta "
                "tai ristiriitaa. Korjaa ne ensin: %(problems)s"
            )
            % {"count": quality.problem_count, "problems": "; ".join(quality.summary_lines())},
            code="data_quality",
        )
    figures = selectors.cost_report_figures(report)
    # The rate bases this claim used are frozen: a later change makes a new version.
    used = Q(pk__in=[])
    for line in figures["staff"]:
        if line.get("rate_basis_version"):
            used |= Q(position_id=line["position_id"], version=line["rate_basis_version"])
    StaffRateBasis.objects.filter(used, frozen_at__isnull=True).update(frozen_at=timezone.now())
    report.figures = figures
    report.status = CostReport.Status.SUBMITTED
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    report.save(update_fields=["figures", "status", "submitted_by", "submitted_at"])
    audit_event_record(
        actor=actor,
        action="programme.cost_report.submit",
        target=report,
        changes={
            "status": [CostReport.Status.DRAFT, CostReport.Status.SUBMITTED],
            "total": [None, figures["total"]],
        },
    )
    return report


@transaction.atomic
def cost_report_correct(*, actor: User, report: CostReport) -> CostReport:
    """Open a correction: a new draft version that references the submitted one, which
    stays as it was sent."""
    report = CostReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_locked:
        raise ConflictError(_("Vain lähetetyn maksatushakemuksen voi korjata."))
    if CostReport.objects.filter(previous=report).exists():
        raise ConflictError(_("Tästä versiosta on jo korjausversio."))
    correction = CostReport.objects.create(
        period_id=report.period_id,
        version=report.version + 1,
        previous=report,
        narrative=report.narrative,
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="programme.cost_report.correct",
        target=correction,
        changes={"version": [report.version, correction.version]},
    )
    return correction


# --- Activity log -------------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantInput:
    organisation: PartnerOrganisation | None  # None: the employment area itself
    name: str


ACTIVITY_FIELDS = (
    "operation",
    "kind",
    "date",
    "title",
    "description",
    "referral_from",
    "referral_to",
    "referred_count",
)


def _validate_activity(
    actor: User,
    data: dict[str, Any],
    companies: Sequence[Any],
    participants: Sequence[ParticipantInput],
) -> None:
    if not data["title"].strip():
        raise DomainError(_("Otsikko puuttuu."), code="invalid")
    operation = data.get("operation")
    if operation is not None and operation.employment_area_id != actor.employment_area_id:
        raise DomainError(_("Hanke ei kuulu työllisyysalueelle."), code="invalid")
    if any(c.employment_area_id != actor.employment_area_id for c in companies):
        raise DomainError(_("Yritys ei kuulu työllisyysalueelle."), code="invalid")
    if not participants or any(not p.name.strip() for p in participants):
        raise DomainError(_("Lisää osallistujat nimineen."), code="invalid")
    if data["kind"] == ActivityEntry.Kind.REFERRAL:
        if data.get("referral_from") == data.get("referral_to"):
            raise DomainError(
                _("Ohjaavan ja vastaanottavan organisaation on oltava eri."), code="invalid"
            )
        if not data.get("referred_count"):
            raise DomainError(_("Anna ohjattujen henkilöiden määrä."), code="invalid")
    else:
        data["referral_from"] = data["referral_to"] = None
        data["referred_count"] = 0
    if data["kind"] == ActivityEntry.Kind.COMPANY_VISIT and not companies:
        raise DomainError(_("Valitse yrityskäynnin yritys."), code="invalid")
    if actor.role == Role.PARTNER:
        org = actor.partner_organisation_id
        involved = {p.organisation.pk if p.organisation else None for p in participants}
        involved |= {
            o.pk for o in (data.get("referral_from"), data.get("referral_to")) if o is not None
        }
        if org not in involved:
            raise DomainError(
                _("Oman organisaatiosi on oltava mukana merkinnässä."), code="invalid"
            )


def _set_activity_relations(
    entry: ActivityEntry, companies: Iterable[Any], participants: Iterable[ParticipantInput]
) -> None:
    entry.companies.set(companies)
    entry.participants.all().delete()
    ActivityParticipant.objects.bulk_create(
        ActivityParticipant(entry=entry, organisation=p.organisation, name=p.name.strip())
        for p in participants
    )


def _activity_snapshot(entry: ActivityEntry) -> dict[str, Any]:
    return {
        **{k: getattr(entry, k) for k in ACTIVITY_FIELDS},
        "companies": sorted(c.pk for c in entry.companies.all()),
        "participants": sorted(
            f"{p.organisation_id or '-'}:{p.name}" for p in entry.participants.all()
        ),
    }


@transaction.atomic
def activity_entry_create(
    *,
    actor: User,
    companies: Sequence[Any] = (),
    participants: Sequence[ParticipantInput],
    **data: Any,
) -> ActivityEntry:
    """Add a shared activity. Invariants: everything in the actor's area; at least one named
    participant; a referral names two different organisations and a count (no persons); a
    partner user's own organisation takes part."""
    data = {k: data.get(k) for k in ACTIVITY_FIELDS}
    data["description"] = data["description"] or ""
    data["referred_count"] = data["referred_count"] or 0
    _validate_activity(actor, data, companies, participants)
    entry = ActivityEntry.objects.create(
        employment_area_id=_area_id(actor), created_by=actor, **data
    )
    _set_activity_relations(entry, companies, participants)
    audit_event_record(
        actor=actor,
        action="programme.activity.create",
        target=entry,
        changes={k: [None, v] for k, v in _activity_snapshot(entry).items()},
    )
    return entry


@transaction.atomic
def activity_entry_update(
    *,
    actor: User,
    entry: ActivityEntry,
    companies: Sequence[Any] = (),
    participants: Sequence[ParticipantInput],
    **data: Any,
) -> ActivityEntry:
    """Change a shared activity; the same invariants as `activity_entry_create`."""
    entry = ActivityEntry.objects.select_for_update().get(pk=entry.pk)
    old = _activity_snapshot(entry)
    data = {k: data.get(k) for k in ACTIVITY_FIELDS}
    data["description"] = data["description"] or ""
    data["referred_count"] = data["referred_count"] or 0
    _validate_activity(actor, data, companies, participants)
    for key, value in data.items():
        setattr(entry, key, value)
    entry.save(update_fields=[*ACTIVITY_FIELDS, "updated_at"])
    _set_activity_relations(entry, companies, participants)
    audit_event_record(
        actor=actor,
        action="programme.activity.update",
        target=entry,
        changes=diff(old, _activity_snapshot(entry)),
    )
    return entry


# Attachments: office documents, PDF, images and plain text, at most 10 MB. The first bytes
# must match the extension so that a renamed executable is not stored as a "PDF".
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
ATTACHMENT_TYPES: dict[str, tuple[str, bytes | None]] = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP_MAGIC,
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP_MAGIC),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ZIP_MAGIC,
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP_MAGIC),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP_MAGIC),
    ".txt": ("text/plain", None),
    ".csv": ("text/csv", None),
}


def _check_attachment(upload: UploadedFile) -> tuple[str, str]:
    name = PurePath(upload.name or "").name[:200]
    suffix = PurePath(name).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        raise DomainError(
            _("Tiedostotyyppi %(type)s ei ole sallittu. Sallitut: %(allowed)s.")
            % {"type": suffix or "?", "allowed": ", ".join(sorted(ATTACHMENT_TYPES))},
            code="invalid_file",
        )
    if upload.size is None or upload.size > ATTACHMENT_MAX_BYTES:
        raise DomainError(
            _("Tiedosto on liian suuri (enintään %(mb)s Mt).")
            % {"mb": ATTACHMENT_MAX_BYTES // (1024 * 1024)},
            code="invalid_file",
        )
    if upload.size == 0:
        raise DomainError(_("Tiedosto on tyhjä."), code="invalid_file")
    content_type, magic = ATTACHMENT_TYPES[suffix]
    upload.seek(0)
    # Text is read whole (at most the size limit) so that a cut never splits a character.
    head = upload.read(len(magic)) if magic is not None else upload.read()
    upload.seek(0)
    if magic is not None and head != magic:
        raise DomainError(
            _("Tiedoston sisältö ei vastaa tiedostotyyppiä %(type)s.") % {"type": suffix},
            code="invalid_file",
        )
    if magic is None:
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError:
            text = "\x00"
        if "\x00" in text:
            raise DomainError(_("Tekstitiedoston on oltava UTF-8-muodossa."), code="invalid_file")
    return name, content_type


@transaction.atomic
def activity_attachment_add(
    *, actor: User, entry: ActivityEntry, upload: UploadedFile
) -> ActivityAttachment:
    """Attach a file to an activity entry (type and size limits above)."""
    name, content_type = _check_attachment(upload)
    attachment = ActivityAttachment(
        entry=entry,
        original_name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit_event_record(
        actor=actor,
        action="programme.activity.attachment_add",
        target=entry,
        changes={"attachment": [None, name]},
    )
    return attachment


@transaction.atomic
def activity_attachment_delete(*, actor: User, attachment: ActivityAttachment) -> None:
    """Remove an attachment; the stored file is deleted once the transaction commits."""
    entry = attachment.entry
    name = attachment.original_name
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    if path:
        transaction.on_commit(lambda: storage.delete(path))
    audit_event_record(
        actor=actor,
        action="programme.activity.attachment_delete",
        target=entry,
        changes={"attachment": [name, None]},
    )


# --- Financing plan and the funder's payment decisions ------------------------------------


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
    _require_administered(operation)
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


@transaction.atomic
def payment_decision_record(
    *,
    actor: User,
    report: CostReport,
    decided_on: date,
    accepted_staff_eur: Decimal,
    deduction_reason: str = "",
    accepted_participant_costs_eur: Decimal | None = None,
    paid_eur: Decimal = money.ZERO,
    paid_on: date | None = None,
) -> PaymentDecision:
    """Record the funder's decision on a submitted claim.

    Invariants: the claim is submitted and decided once; accepted staff costs are between 0
    and the claimed staff costs, and any deduction names its reason; the flat rate is
    recomputed on the accepted staff costs at the claim's percentage (CPR (EU) 2021/1060
    Art. 56(1)); the funder's share is the accepted total × the financing plan's support
    rate; money paid is at most that share."""
    report = (
        CostReport.objects.select_for_update().select_related("period__operation").get(pk=report.pk)
    )
    if not report.is_locked:
        raise ConflictError(_("Päätöksen voi kirjata vain lähetetylle maksatushakemukselle."))
    if PaymentDecision.objects.filter(cost_report=report).exists():
        raise ConflictError(_("Maksatushakemukselle on jo kirjattu päätös."))
    plan = FinancingPlan.objects.filter(operation=report.period.operation).first()
    if plan is None:
        raise DomainError(
            _("Kirjaa ensin hankkeen rahoitussuunnitelma (tukiprosentti)."), code="no_plan"
        )
    figures = report.figures
    claimed_staff = Decimal(figures["staff_total"])
    claimed_participants = Decimal(figures.get("participant_costs", "0"))
    if not (money.ZERO <= accepted_staff_eur <= claimed_staff):
        raise DomainError(
            _("Hyväksytyt henkilöstökulut voivat olla 0–%(claimed)s €.")
            % {"claimed": money.format_amount(claimed_staff)},
            code="invalid",
        )
    participants = (
        claimed_participants
        if accepted_participant_costs_eur is None
        else accepted_participant_costs_eur
    )
    if not (money.ZERO <= participants <= claimed_participants):
        raise DomainError(_("Hyväksytyt osallistujakulut ylittävät haetun."), code="invalid")
    deducted = accepted_staff_eur < claimed_staff or participants < claimed_participants
    if deducted and not deduction_reason.strip():
        raise DomainError(_("Kerro vähennyksen peruste."), code="invalid")
    flat = money.flat_rate(accepted_staff_eur, Decimal(figures["flat_rate_percent"]))
    share = money.to_cents(
        (accepted_staff_eur + flat + participants) * plan.support_rate_percent / money.HUNDRED
    )
    if paid_eur < 0 or paid_eur > share:
        raise DomainError(
            _("Maksettu summa voi olla 0–%(share)s €.") % {"share": money.format_amount(share)},
            code="invalid",
        )
    decision = PaymentDecision.objects.create(
        cost_report=report,
        decided_on=decided_on,
        accepted_staff_eur=accepted_staff_eur,
        accepted_flat_rate_eur=flat,
        accepted_participant_costs_eur=participants,
        deduction_reason=deduction_reason.strip(),
        funder_share_eur=share,
        paid_eur=paid_eur,
        paid_on=paid_on,
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="programme.payment_decision.record",
        target=decision,
        changes={
            "accepted_staff_eur": [str(claimed_staff), str(accepted_staff_eur)],
            "accepted_flat_rate_eur": [figures["flat_rate"], str(flat)],
            "funder_share_eur": [None, str(share)],
            "paid_eur": [None, str(paid_eur)],
        },
    )
    return decision


# --- Signed monthly time sheets -----------------------------------------------------------


def _refuse_if_signed(staff_member_id: int, day: date) -> None:
    if TimeSheet.objects.filter(
        staff_member_id=staff_member_id,
        month=day.replace(day=1),
        employee_signed_at__isnull=False,
    ).exists():
        raise ConflictError(
            _("Kuukauden tuntikirjanpito on allekirjoitettu, joten sen kirjauksia ei voi muuttaa.")
        )


@transaction.atomic
def time_sheet_sign_as_employee(
    *,
    actor: User,
    staff_member: StaffMember,
    month: date,
    other_hours: Decimal,
    today: date | None = None,
) -> TimeSheet:
    """The employee signs their month: every hour worked, the project's (from the time
    records, percentages as their hour equivalents) and other work's. Invariants: only the
    person themself signs; the month has ended; the sheet is not yet signed."""
    month = month.replace(day=1)
    _refuse_month_not_ended(month, today)
    if staff_member.user_id is None or staff_member.user_id != actor.pk:
        raise DomainError(
            _("Vain henkilö itse voi allekirjoittaa oman tuntikirjanpitonsa."), code="not_own"
        )
    if other_hours < 0:
        raise DomainError(_("Tuntien on oltava vähintään 0."), code="invalid")
    StaffMember.objects.select_for_update().get(pk=staff_member.pk)
    sheet = TimeSheet.objects.filter(staff_member=staff_member, month=month).first()
    if sheet is not None and sheet.employee_signed_at is not None:
        raise ConflictError(_("Tuntikirjanpito on jo allekirjoitettu."))
    book = selectors.rules_book()
    entries = [
        e
        for e in selectors.staff_year_entries(staff_member_id=staff_member.pk, year=month.year)
        if e.date.month == month.month
    ]
    project_hours = money.counted_hours(entries, book.rates)
    now = timezone.now()
    if sheet is None:
        sheet = TimeSheet(staff_member=staff_member, month=month)
    sheet.project_hours, sheet.other_hours = project_hours, other_hours
    sheet.employee_signed_by, sheet.employee_signed_at = actor, now
    sheet.save()
    audit_event_record(
        actor=actor,
        action="programme.time_sheet.employee_sign",
        target=sheet,
        changes={
            "project_hours": [None, str(project_hours)],
            "other_hours": [None, str(other_hours)],
        },
    )
    return sheet


@transaction.atomic
def time_sheet_sign_as_supervisor(*, actor: User, sheet: TimeSheet) -> TimeSheet:
    """The supervisor signs a sheet the employee has signed; the sheet is then locked.
    Invariants: someone other than the employee; the employee has signed; once only."""
    sheet = TimeSheet.objects.select_for_update().select_related("staff_member").get(pk=sheet.pk)
    if sheet.staff_member.employment_area_id != actor.employment_area_id:
        raise DomainError(_("Tuntikirjanpito ei kuulu työllisyysalueelle."), code="invalid")
    if sheet.employee_signed_at is None:
        raise DomainError(_("Työntekijä ei ole vielä allekirjoittanut."), code="not_signed")
    if sheet.staff_member.user_id == actor.pk:
        raise DomainError(
            _("Esihenkilön allekirjoitus ei voi olla työntekijän oma."), code="own_sheet"
        )
    if sheet.supervisor_signed_at is not None:
        raise ConflictError(_("Tuntikirjanpito on jo lukittu."))
    sheet.supervisor_signed_by, sheet.supervisor_signed_at = actor, timezone.now()
    sheet.save(update_fields=["supervisor_signed_by", "supervisor_signed_at"])
    audit_event_record(
        actor=actor,
        action="programme.time_sheet.supervisor_sign",
        target=sheet,
        changes={"locked": [False, True]},
    )
    return sheet
