"""ESF+ participation: entry, re-entry, rectification, exit, six-month follow-up, reminders.

The programme app computes the common indicators (Regulation (EU) 2021/1057, Annex I) from
the Participation fields exactly as stored here: entry data as on the day of first entry, the
exit date with the situation within four weeks of leaving, and the situation six months after
leaving. Disability and minority (GDPR Art. 9) are in ParticipationSpecialCategory.
"""

import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.jobseekers.models import (
    JobSeeker,
    Participation,
    ParticipationReEntry,
    ParticipationSpecialCategory,
    Reminder,
)
from kohtaanto.jobseekers.rules import IMMEDIATE_RESULT_WINDOW, follow_up_due_on
from kohtaanto.jobseekers.services.events import person_row_event
from kohtaanto.jobseekers.validation import (
    FOLLOW_UP_FIELDS,
    RESULT_FIELDS,
    EntryData,
    ExitData,
    InvalidFieldsError,
    entry_errors,
    exit_errors,
    follow_up_errors,
    raise_if,
)

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def _record(actor: User | None, action: str, participation: Participation, changes: Any) -> None:
    """The audit event of a change to a participation, named by the person and operation code."""
    person_row_event(actor, action, participation, changes, what=participation.operation.code)


@transaction.atomic
def participation_enter(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    operation: "Operation",
    data: EntryData,
    today: datetime.date | None = None,
) -> Participation:
    """Enter the person into an ESF+ operation with the Annex I data as on the day of entry.

    Invariants: one participation per person and operation — a person who has left and comes
    back re-enters (participation_re_enter), keeping the first entry's data; the operation
    belongs to the person's employment area; refusing a sensitive item never blocks entry.
    """
    if operation.employment_area_id != job_seeker.employment_area_id:
        raise DomainError(_("Hanke ei kuulu asiakkaan työllisyysalueelle."))
    # Annex I participant data belong to ESF+ operations only (Regulation (EU) 2021/1057).
    if operation.fund != type(operation).Fund.ESF_PLUS:
        raise DomainError(
            _("Hanke ei ole ESR+-hanke, eikä siihen kirjata osallistujia."), field="operation"
        )
    existing = (
        Participation.objects.select_for_update()
        .filter(job_seeker=job_seeker, operation=operation)
        .first()
    )
    if existing is not None:
        if existing.exit_date is None:
            raise ConflictError(_("Asiakas on jo mukana tässä hankkeessa."), code="already_entered")
        raise ConflictError(
            _(
                "Asiakas on jo ollut mukana tässä hankkeessa. Kirjaa paluu: ensimmäisen "
                "aloituksen tiedot säilyvät."
            ),
            code="re_entry_required",
        )
    raise_if(entry_errors(data, operation=operation, today=_today(today)))
    participation = Participation.objects.create(
        job_seeker=job_seeker,
        operation=operation,
        **{name: getattr(data, name) for name in EntryData.PARTICIPATION_FIELDS},
    )
    ParticipationSpecialCategory.objects.create(
        participation=participation, disability=data.disability, minority=data.minority
    )
    changes: dict[str, Any] = {
        name: [None, getattr(data, name)] for name in EntryData.PARTICIPATION_FIELDS
    }
    # Art. 9 answers are not copied into the audit trail: only that they were recorded.
    changes["special_category"] = [None, "recorded"]
    _record(actor, "participation.enter", participation, changes)
    return participation


@transaction.atomic
def participation_re_enter(
    *,
    actor: User | None,
    participation: Participation,
    re_entry_date: datetime.date,
    today: datetime.date | None = None,
) -> Participation:
    """Record a return into the same operation after an exit.

    The first entry's data stay as they are (Annex I). The cancelled exit (date and results)
    is kept on the ParticipationReEntry row and the participation is open again, so that the
    results are recorded at the final exit. Open follow-up reminders of that exit are resolved.
    """
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    if participation.exit_date is None:
        raise ConflictError(_("Asiakas on jo mukana tässä hankkeessa."), code="already_entered")
    errors = []
    if re_entry_date < participation.exit_date:
        errors.append(("re_entry_date", _("Paluupäivä ei voi olla ennen päättymispäivää.")))
    if re_entry_date > _today(today):
        errors.append(("re_entry_date", _("Paluupäivä ei voi olla tulevaisuudessa.")))
    if re_entry_date > participation.operation.end_date:
        errors.append(("re_entry_date", _("Hanke on päättynyt ennen paluupäivää.")))
    raise_if(errors)
    cancelled_fields = ("exit_date", "exit_results_on", *RESULT_FIELDS, *FOLLOW_UP_FIELDS)
    previous = {name: getattr(participation, name) for name in cancelled_fields}
    ParticipationReEntry.objects.create(
        participation=participation,
        re_entry_date=re_entry_date,
        previous_exit_date=participation.exit_date,
        previous_exit={
            k: (v.isoformat() if isinstance(v, datetime.date) else v) for k, v in previous.items()
        },
        recorded_by=actor,
    )
    for name in cancelled_fields:
        setattr(participation, name, None)
    participation.save(update_fields=[*cancelled_fields, "updated_at"])
    Reminder.objects.filter(participation=participation, resolved_at__isnull=True).update(
        resolved_at=timezone.now()
    )
    _record(
        actor,
        "participation.re_enter",
        participation,
        {
            "re_entry_date": [None, re_entry_date],
            **{name: [value, None] for name, value in previous.items() if value is not None},
        },
    )
    return participation


@transaction.atomic
def participation_update_entry(
    *,
    actor: User | None,
    participation: Participation,
    data: EntryData,
    with_special: bool,
    today: datetime.date | None = None,
) -> Participation:
    """Rectify the entry data of a participation (they stay the data of the day of entry).

    `with_special`: whether to write the Art. 9 items too (only for those allowed to).
    """
    participation = (
        Participation.objects.select_for_update()
        .select_related("operation")
        .get(pk=participation.pk)
    )
    errors = entry_errors(data, operation=participation.operation, today=_today(today))
    if participation.exit_date and participation.exit_date < data.entry_date:
        errors.append(("entry_date", _("Aloituspäivä ei voi olla päättymispäivän jälkeen.")))
    raise_if(errors)
    changes: dict[str, Any] = {}
    update_fields = []
    for name in EntryData.PARTICIPATION_FIELDS:
        old, new = getattr(participation, name), getattr(data, name)
        if old != new:
            changes[name] = [old, new]
            setattr(participation, name, new)
            update_fields.append(name)
    if update_fields:
        participation.save(update_fields=[*update_fields, "updated_at"])
    if with_special:
        special, _created = ParticipationSpecialCategory.objects.get_or_create(
            participation=participation
        )
        special_changed = [
            name
            for name in EntryData.SPECIAL_FIELDS
            if getattr(special, name) != getattr(data, name)
        ]
        for name in special_changed:
            setattr(special, name, getattr(data, name))
        if special_changed:
            special.save(update_fields=special_changed)
            changes["special_category"] = ["recorded", "changed"]
    if changes:
        _record(actor, "participation.update_entry", participation, changes)
    return participation


@transaction.atomic
def participation_exit(
    *,
    actor: User | None,
    participation: Participation,
    data: ExitData,
    today: datetime.date | None = None,
) -> Participation:
    """Record the exit date and the situation within four weeks of leaving (EECR01–04).

    Also corrects an exit already recorded. `data.exit_results_on` is the day the situation
    was reached (Annex I: a result counts as immediate only when reached within four weeks of
    leaving); results given without it are the situation on the exit day, and no results
    means no date. Recording results resolves the open four-week reminder. The six-month
    follow-up falls due six months after the exit date; the daily reminder task tells the
    counsellor.
    """
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    raise_if(exit_errors(data, entry_date=participation.entry_date, today=_today(today)))
    results_on = (data.exit_results_on or data.exit_date) if data.has_results() else None
    new_values = {name: getattr(data, name) for name in ("exit_date", *RESULT_FIELDS)}
    new_values["exit_results_on"] = results_on
    changes: dict[str, Any] = {}
    for name, new in new_values.items():
        old = getattr(participation, name)
        if old != new:
            changes[name] = [old, new]
            setattr(participation, name, new)
    if changes:
        participation.save(update_fields=[*new_values, "updated_at"])
        _record(actor, "participation.exit", participation, changes)
    if results_on is not None:
        Reminder.objects.filter(
            participation=participation,
            kind=Reminder.Kind.FOUR_WEEK_FOLLOW_UP,
            resolved_at__isnull=True,
        ).update(resolved_at=timezone.now())
    return participation


@transaction.atomic
def participation_record_follow_up(
    *,
    actor: User | None,
    participation: Participation,
    six_month_employed: bool | None,
    six_month_improved: bool | None,
    today: datetime.date | None = None,
) -> Participation:
    """Record the situation six months after leaving (EECR05 employed, EECR06 improved).

    Invariants: only after an exit and not before the follow-up falls due; recording it
    resolves the person's open follow-up reminders for this participation.
    """
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    raise_if(follow_up_errors(exit_date=participation.exit_date, today=_today(today)))
    if six_month_employed is None and six_month_improved is None:
        raise InvalidFieldsError([("six_month_employed", _("Anna vähintään yksi vastaus."))])
    changes: dict[str, Any] = {}
    for name, value in (
        ("six_month_employed", six_month_employed),
        ("six_month_improved", six_month_improved),
    ):
        if getattr(participation, name) != value:
            changes[name] = [getattr(participation, name), value]
            setattr(participation, name, value)
    if changes:
        participation.save(update_fields=[*FOLLOW_UP_FIELDS, "updated_at"])
        _record(actor, "participation.follow_up", participation, changes)
    Reminder.objects.filter(
        participation=participation,
        kind=Reminder.Kind.SIX_MONTH_FOLLOW_UP,
        resolved_at__isnull=True,
    ).update(resolved_at=timezone.now())
    return participation


@transaction.atomic
def reminders_create_due(*, today: datetime.date | None = None) -> int:
    """Create the worklist reminders of ESF+ follow-ups (Annex I) for `today`:

    - four weeks: a person who has left without an immediate result recorded, while the
      result can still count (exit day … exit + 28 days); due on the last day that counts;
    - six months: a follow-up due on `today` or earlier (exit + 6 calendar months) and not
      yet answered.

    Idempotent: a reminder exists once per participation, kind and due date. Returns the
    number of reminders created.
    """
    day = _today(today)
    existing = set(Reminder.objects.values_list("participation_id", "kind", "due_on"))
    new = []

    def add(participation: Participation, kind: str, due: datetime.date) -> None:
        if (participation.pk, kind, due) not in existing:
            new.append(
                Reminder(
                    job_seeker_id=participation.job_seeker_id,
                    participation_id=participation.pk,
                    kind=kind,
                    due_on=due,
                )
            )

    four_weeks = Participation.objects.filter(
        exit_date__lte=day,
        exit_date__gte=day - IMMEDIATE_RESULT_WINDOW,
        exit_results_on__isnull=True,
        job_seeker__pseudonymised_at=None,
    ).only("id", "job_seeker_id", "exit_date")
    for participation in four_weeks.iterator():
        exit_date = participation.exit_date
        assert exit_date is not None  # filtered above
        add(participation, Reminder.Kind.FOUR_WEEK_FOLLOW_UP, exit_date + IMMEDIATE_RESULT_WINDOW)
    six_months = (
        # Six calendar months are never shorter than 181 days: a cheap pre-filter.
        Participation.objects.filter(
            exit_date__lte=day - datetime.timedelta(days=180),
            job_seeker__pseudonymised_at=None,
            six_month_employed__isnull=True,
            six_month_improved__isnull=True,
        ).only("id", "job_seeker_id", "exit_date")
    )
    for participation in six_months.iterator():
        due = follow_up_due_on(participation.exit_date)  # type: ignore[arg-type]
        if due <= day:
            add(participation, Reminder.Kind.SIX_MONTH_FOLLOW_UP, due)
    Reminder.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
