"""Writes of time records, salaries, participants' wages and allowances, and signed time sheets."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.programme import budget as money
from kohtaanto.programme import selectors
from kohtaanto.programme.models import (
    Operation,
    ParticipantCost,
    SalaryModel,
    SalaryPayment,
    StaffMember,
    StaffPosition,
    TimeRecord,
    TimeRecording,
    TimeSheet,
)
from kohtaanto.programme.services.common import (
    month_end,
    refuse_if_locked,
    refuse_if_signed,
    refuse_month_not_ended,
    require_administered,
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
    refuse_month_not_ended(day, today)
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
    last_day = day if span == TimeRecord.Span.DAY else month_end(day)
    if (
        day < position.start_date.replace(day=1)
        or last_day > month_end(position.end_date)
        or (span == TimeRecord.Span.DAY and not (position.start_date <= day <= position.end_date))
    ):
        raise DomainError(_("Päivä ei ole tehtävän voimassaoloaikana."), code="invalid")
    refuse_if_locked(position.operation_id, day)
    refuse_if_signed(position.staff_member_id, day)

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
    refuse_if_locked(record.position.operation_id, record.date)
    refuse_if_signed(record.position.staff_member_id, record.date)
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
    refuse_month_not_ended(month, today)
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
    refuse_if_locked(position.operation_id, month)
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
    require_administered(operation)
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
    refuse_month_not_ended(month, today)
    if not (operation.start_date.replace(day=1) <= month <= operation.end_date):
        raise DomainError(_("Kuukauden on oltava hankkeen toteutusaikana."), code="invalid")
    refuse_if_locked(operation.pk, month)
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
    refuse_month_not_ended(month, today)
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
