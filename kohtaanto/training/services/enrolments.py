"""Enrolments: who takes part, attendance, completion (the taught skills reach the job
seeker's profile), interruption and the outcome six months on.

A programme's enrolments (not interrupted) never exceed its seats; the programme row is locked
while counting.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.dates import add_months
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.common.validators import service_text
from kohtaanto.jobseekers.models import ConsentPurpose, JobSeeker, ProfileSkill, SkillSource
from kohtaanto.jobseekers.selectors import consent_is_valid
from kohtaanto.jobseekers.services.profile import profile_skill_set
from kohtaanto.training.models import Enrolment, Programme
from kohtaanto.training.services.common import day_text


@transaction.atomic
def enrolment_create(
    *,
    actor: User,
    programme: Programme,
    job_seeker: JobSeeker | None = None,
    employee_name: str = "",
) -> Enrolment:
    """Enrol a job seeker (with a valid consent to processing) or a company's employee.

    Refuses: both or neither person; a person of another area; a person without consent; an
    employee in a programme without a company; a person already enrolled; a full programme.
    """
    actor.permissions.require("enrol_training", programme)
    employee_name = employee_name.strip()
    if (job_seeker is None) == (not employee_name):
        raise DomainError(_("Valitse joko työnhakija tai yrityksen työntekijä."))
    locked = Programme.objects.select_for_update().get(pk=programme.pk)
    if job_seeker is not None:
        if job_seeker.employment_area_id != locked.provider.employment_area_id:
            raise NotFoundError(_("Ei löytynyt."))
        if not consent_is_valid(job_seeker=job_seeker, purpose=ConsentPurpose.PROCESSING):
            raise ConflictError(
                _("Työnhakijalla ei ole voimassa olevaa suostumusta tietojen käsittelyyn."),
                code="no_consent",
            )
        if Enrolment.objects.filter(programme=locked, job_seeker=job_seeker).exists():
            raise ConflictError(_("Henkilö on jo ilmoittautunut tähän koulutukseen."))
    elif locked.company_id is None:
        raise DomainError(_("Yrityksen työntekijän voi ilmoittaa vain yhteishankintakoulutukseen."))
    taken = locked.enrolments.exclude(status=Enrolment.Status.INTERRUPTED).count()
    if taken >= locked.seats:
        raise ConflictError(
            _("Koulutus on täynnä: paikkoja %(seats)s, ilmoittautuneita %(taken)s.")
            % {"seats": locked.seats, "taken": taken},
            code="full",
        )
    enrolment = Enrolment.objects.create(
        programme=locked, job_seeker=job_seeker, employee_name=employee_name[:200]
    )
    audit_event_record(
        actor=actor,
        action="training_enrolment.create",
        target=enrolment,
        target_repr=f"{locked.pk}: {enrolment.pk}",
        changes={"programme": [None, locked.pk]},
    )
    return enrolment


def _lock_enrolment(actor: User, enrolment: Enrolment) -> Enrolment:
    actor.permissions.require("record_training_progress", enrolment)
    return (
        Enrolment.objects.select_for_update()
        .select_related("programme__provider")
        .get(pk=enrolment.pk)
    )


def _record(actor: User, enrolment: Enrolment, action: str, changes: dict[str, Any]) -> None:
    audit_event_record(
        actor=actor,
        action=action,
        target=enrolment,
        target_repr=f"{enrolment.programme_id}: {enrolment.pk}",
        changes=changes,
    )


@transaction.atomic
def attendance_record(*, actor: User, enrolment: Enrolment, days: int) -> Enrolment:
    """Set the days the person has attended (0 … the programme's days)."""
    locked = _lock_enrolment(actor, enrolment)
    if not 0 <= int(days) <= locked.programme.days:
        raise DomainError(
            _("Läsnäolopäiviä voi olla 0–%(max)s (koulutuksen pituus); annettu %(days)s.")
            % {"max": locked.programme.days, "days": days}
        )
    old = locked.attended_days
    locked.attended_days = int(days)
    locked.save(update_fields=["attended_days", "updated_at"])
    _record(actor, locked, "training_enrolment.attendance", {"attended_days": [old, int(days)]})
    return locked


def _require_open(enrolment: Enrolment) -> None:
    if enrolment.status != Enrolment.Status.ENROLLED:
        raise ConflictError(
            _("Osallistuminen on jo päättynyt (%(status)s).")
            % {"status": enrolment.get_status_display()}
        )


def _taught_skills_add(
    actor: User, job_seeker: JobSeeker, programme: Programme, completed_on: date
) -> None:
    """The programme's taught skills into the person's profile with source "training
    completed", unless the person already holds a skill at a higher level."""
    held = dict(
        ProfileSkill.objects.filter(job_seeker=job_seeker).values_list("concept_id", "level")
    )
    for skill in programme.skills.select_related("concept"):
        if held.get(skill.concept_id, 0) > skill.level:
            continue
        profile_skill_set(
            actor=actor,
            job_seeker=job_seeker,
            concept=skill.concept,
            level=skill.level,
            source=SkillSource.TRAINING_COMPLETED,
            evidence=programme.name_fi,
            assessed_on=completed_on,
        )


@transaction.atomic
def enrolment_complete(
    *, actor: User, enrolment: Enrolment, completed_on: date, certificate: str = ""
) -> Enrolment:
    """Mark the training completed; a job seeker's profile gains the taught skills.

    Each taught skill is set with source "training completed" at the programme's level, or
    kept at the person's higher level (through the jobseekers profile service).
    """
    locked = _lock_enrolment(actor, enrolment)
    _require_open(locked)
    programme = locked.programme
    if completed_on < programme.starts_on:
        raise DomainError(
            _("Suorituspäivä %(day)s on ennen koulutuksen alkua %(start)s.")
            % {"day": day_text(completed_on), "start": day_text(programme.starts_on)}
        )
    locked.status = Enrolment.Status.COMPLETED
    locked.completed_on = completed_on
    locked.certificate = service_text(
        certificate, field=_("Todistus"), max_length=300, required=False
    )
    locked.save(update_fields=["status", "completed_on", "certificate", "updated_at"])
    if locked.job_seeker is not None:
        _taught_skills_add(actor, locked.job_seeker, programme, completed_on)
    _record(
        actor,
        locked,
        "training_enrolment.complete",
        {
            "status": [Enrolment.Status.ENROLLED, locked.status],
            "completed_on": [None, completed_on],
        },
    )
    return locked


@transaction.atomic
def enrolment_interrupt(
    *, actor: User, enrolment: Enrolment, interrupted_on: date, reason: str
) -> Enrolment:
    """Record an interruption with its reason; the seat is free again."""
    locked = _lock_enrolment(actor, enrolment)
    _require_open(locked)
    locked.interruption_reason = service_text(reason, field=_("Keskeytyksen syy"), max_length=300)
    locked.status = Enrolment.Status.INTERRUPTED
    locked.interrupted_on = interrupted_on
    locked.save(update_fields=["status", "interrupted_on", "interruption_reason", "updated_at"])
    _record(
        actor,
        locked,
        "training_enrolment.interrupt",
        {"status": [Enrolment.Status.ENROLLED, locked.status], "reason": [None, reason]},
    )
    return locked


@transaction.atomic
def enrolment_outcome_record(
    *, actor: User, enrolment: Enrolment, outcome: str, recorded_on: date
) -> Enrolment:
    """Record the person's situation six months after the training ended (ESF+ longer-term
    results are counted six months after leaving, Regulation (EU) 2021/1057 Annex I)."""
    locked = _lock_enrolment(actor, enrolment)
    if outcome not in Enrolment.Outcome.values:
        raise DomainError(_("Tuntematon tilanne %(outcome)s.") % {"outcome": outcome})
    ended = locked.completed_on or locked.interrupted_on
    if ended is None:
        raise ConflictError(_("Tilanteen voi kirjata vasta koulutuksen päätyttyä."))
    due = add_months(ended, 6)
    if recorded_on < due:
        raise ConflictError(
            _(
                "Tilanne kirjataan kuusi kuukautta koulutuksen päättymisen jälkeen: päättyi "
                "%(ended)s, aikaisintaan %(due)s."
            )
            % {"ended": day_text(ended), "due": day_text(due)},
            code="too_early",
        )
    old = locked.outcome
    locked.outcome = outcome
    locked.outcome_on = recorded_on
    locked.save(update_fields=["outcome", "outcome_on", "updated_at"])
    _record(actor, locked, "training_enrolment.outcome", {"outcome": [old or None, outcome]})
    return locked


def enrolment_progress_record(
    *,
    actor: User,
    enrolment: Enrolment,
    action: str,
    days: int | None = None,
    on: date | None = None,
    certificate: str = "",
    reason: str = "",
    outcome: str = "",
) -> Enrolment:
    """One step of the enrolment's progress by its name, as the programme page and the API
    send it: "attendance" (days), "complete" (on, certificate), "interrupt" (on, reason) or
    "outcome" (outcome, on). The day defaults to today; an unknown step is not found."""
    on = on or timezone.localdate()
    if action == "attendance":
        return attendance_record(actor=actor, enrolment=enrolment, days=days or 0)
    if action == "complete":
        return enrolment_complete(
            actor=actor, enrolment=enrolment, completed_on=on, certificate=certificate
        )
    if action == "interrupt":
        return enrolment_interrupt(
            actor=actor, enrolment=enrolment, interrupted_on=on, reason=reason
        )
    if action == "outcome":
        return enrolment_outcome_record(
            actor=actor, enrolment=enrolment, outcome=outcome, recorded_on=on
        )
    raise NotFoundError(_("Ei löytynyt."))
