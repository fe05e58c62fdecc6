"""The activation plan (goals, agreed actions) and service events (meetings, referrals,
outcomes)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import (
    ConsentPurpose,
    JobSeeker,
    PlanAction,
    PlanGoal,
    ServiceEvent,
)
from kohtaanto.jobseekers.selectors import consent_is_valid
from kohtaanto.jobseekers.services.events import person_row_event
from kohtaanto.jobseekers.validation import raise_if


@transaction.atomic
def plan_goal_add(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    description: str,
    target_date: datetime.date | None = None,
) -> PlanGoal:
    raise_if([("description", _("Kirjoita tavoite."))] if not description.strip() else [])
    goal = PlanGoal.objects.create(
        job_seeker=job_seeker,
        description=description.strip(),
        target_date=target_date,
        created_by=actor,
    )
    person_row_event(
        actor,
        "plan_goal.add",
        goal,
        {"description": [None, goal.description], "target_date": [None, target_date]},
    )
    return goal


@transaction.atomic
def plan_goal_set_status(*, actor: User | None, goal: PlanGoal, status: str) -> PlanGoal:
    goal = PlanGoal.objects.select_for_update().get(pk=goal.pk)
    raise_if([("status", _("Tuntematon tila."))] if status not in PlanGoal.Status.values else [])
    if goal.status != status:
        person_row_event(actor, "plan_goal.set_status", goal, {"status": [goal.status, status]})
        goal.status = status
        goal.save(update_fields=["status", "updated_at"])
    return goal


@transaction.atomic
def plan_action_add(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    description: str,
    due_on: datetime.date,
    goal: PlanGoal | None = None,
) -> PlanAction:
    """Agree an action with a due date; overdue open actions show in the worklist."""
    errors = []
    if not description.strip():
        errors.append(("description", _("Kirjoita sovittu toimenpide.")))
    if goal is not None and goal.job_seeker_id != job_seeker.pk:
        errors.append(("goal", _("Tavoite kuuluu toiselle asiakkaalle.")))
    raise_if(errors)
    action = PlanAction.objects.create(
        job_seeker=job_seeker,
        goal=goal,
        description=description.strip(),
        due_on=due_on,
        created_by=actor,
    )
    person_row_event(
        actor,
        "plan_action.add",
        action,
        {"description": [None, action.description], "due_on": [None, due_on]},
    )
    return action


@transaction.atomic
def plan_action_set_status(
    *,
    actor: User | None,
    action: PlanAction,
    status: str,
    completed_on: datetime.date | None = None,
) -> PlanAction:
    """Mark an agreed action done (with the day it was done) or cancelled, or reopen it."""
    action = PlanAction.objects.select_for_update().get(pk=action.pk)
    raise_if([("status", _("Tuntematon tila."))] if status not in PlanAction.Status.values else [])
    new_completed = (
        (completed_on or timezone.localdate()) if status == PlanAction.Status.DONE else None
    )
    if (action.status, action.completed_on) == (status, new_completed):
        return action
    person_row_event(
        actor,
        "plan_action.set_status",
        action,
        {
            "status": [action.status, status],
            "completed_on": [action.completed_on, new_completed],
        },
    )
    action.status, action.completed_on = status, new_completed
    action.save(update_fields=["status", "completed_on", "updated_at"])
    return action


@transaction.atomic
def service_event_record(
    *,
    actor: User | None,
    job_seeker: JobSeeker,
    kind: str,
    occurred_on: datetime.date,
    description: str = "",
    training_name: str = "",
    partner_organisation: PartnerOrganisation | None = None,
    company: Company | None = None,
    outcome: str = "",
) -> ServiceEvent:
    """Record a meeting, referral or outcome.

    Invariants: a referral names its recipient; a referral to a partner's service needs the
    person's valid consent to share with that partner, a referral to an employer a valid
    consent to send the profile to that company (nothing is shared without consent); an
    outcome says what it was.
    """
    errors = []
    if kind not in ServiceEvent.Kind.values:
        errors.append(("kind", _("Tuntematon tapahtuman laji.")))
    if kind == ServiceEvent.Kind.REFERRAL_TRAINING and not training_name.strip():
        errors.append(("training_name", _("Anna koulutuksen nimi.")))
    if kind == ServiceEvent.Kind.REFERRAL_PARTNER and partner_organisation is None:
        errors.append(("partner_organisation", _("Valitse kumppaniorganisaatio.")))
    if kind == ServiceEvent.Kind.REFERRAL_EMPLOYER:
        if company is None:
            errors.append(("company", _("Valitse työnantaja.")))
        elif company.employment_area_id != job_seeker.employment_area_id:
            errors.append(("company", _("Työnantajan on oltava oman alueen yritys.")))
    if kind == ServiceEvent.Kind.OUTCOME and outcome not in ServiceEvent.Outcome.values:
        errors.append(("outcome", _("Valitse tulos.")))
    raise_if(errors)
    if kind == ServiceEvent.Kind.REFERRAL_PARTNER and not consent_is_valid(
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SHARE_WITH_PARTNER,
        partner_organisation=partner_organisation,
        on=occurred_on,
    ):
        raise ConflictError(
            _(
                "Asiakkaalla ei ole voimassa olevaa suostumusta tietojen luovuttamiseen "
                "organisaatiolle %(name)s."
            )
            % {"name": partner_organisation},
            code="consent_missing",
        )
    if kind == ServiceEvent.Kind.REFERRAL_EMPLOYER and not consent_is_valid(
        job_seeker=job_seeker,
        purpose=ConsentPurpose.SEND_TO_EMPLOYER,
        company=company,
        on=occurred_on,
    ):
        raise ConflictError(
            _(
                "Asiakkaalla ei ole voimassa olevaa suostumusta profiilin lähettämiseen "
                "työnantajalle %(name)s."
            )
            % {"name": company},
            code="consent_missing",
        )
    event = ServiceEvent.objects.create(
        job_seeker=job_seeker,
        kind=kind,
        occurred_on=occurred_on,
        description=description.strip(),
        training_name=training_name.strip() if kind == ServiceEvent.Kind.REFERRAL_TRAINING else "",
        partner_organisation=partner_organisation
        if kind == ServiceEvent.Kind.REFERRAL_PARTNER
        else None,
        company=company if kind == ServiceEvent.Kind.REFERRAL_EMPLOYER else None,
        referral_status=ServiceEvent.ReferralStatus.SENT if kind.startswith("referral_") else "",
        outcome=outcome if kind == ServiceEvent.Kind.OUTCOME else "",
        created_by=actor,
    )
    person_row_event(
        actor,
        "service_event.record",
        event,
        {
            "kind": [None, kind],
            "occurred_on": [None, occurred_on],
            "recipient": [None, str(event.partner_organisation or event.company or "") or None],
            "outcome": [None, event.outcome or None],
        },
        what=event,
    )
    return event


@transaction.atomic
def referral_set_status(*, actor: User | None, event: ServiceEvent, status: str) -> ServiceEvent:
    """Follow a referral: accepted, declined or completed."""
    event = ServiceEvent.objects.select_for_update().get(pk=event.pk)
    if not event.is_referral:
        raise ConflictError(_("Tapahtuma ei ole ohjaus."))
    raise_if(
        [("referral_status", _("Tuntematon tila."))]
        if status not in ServiceEvent.ReferralStatus.values
        else []
    )
    if event.referral_status != status:
        person_row_event(
            actor,
            "service_event.referral_status",
            event,
            {"referral_status": [event.referral_status, status]},
            what=event,
        )
        event.referral_status = status
        event.save(update_fields=["referral_status", "updated_at"])
    return event
