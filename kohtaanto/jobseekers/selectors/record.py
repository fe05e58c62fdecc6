"""A person's record: profile, CVs, activation plan, service events and timeline."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.jobseekers.models import (
    Consent,
    CvDocument,
    JobSeeker,
    LanguageSkill,
    PlanAction,
    PlanGoal,
    ProfileSkill,
    RequirementCard,
    ServiceEvent,
    TargetOccupation,
)


@dataclass
class Profile:
    skills: list[ProfileSkill]
    cards: list[RequirementCard]
    targets: list[TargetOccupation]
    languages: list[LanguageSkill]
    cv_documents: list[CvDocument] = field(default_factory=list)


def profile_get(*, actor: User, job_seeker: JobSeeker) -> Profile:
    actor.permissions.require("view_job_seeker", job_seeker)
    return Profile(
        skills=list(job_seeker.skills.select_related("concept").order_by("-level", "concept__uri")),
        cards=list(job_seeker.requirement_cards.select_related("concept").order_by("expires_on")),
        targets=list(job_seeker.target_occupations.select_related("concept").order_by("id")),
        languages=list(job_seeker.languages.order_by("-is_native", "language")),
        cv_documents=list(job_seeker.cv_documents.all()[:5])
        if actor.permissions.can_view_job_seeker_record(job_seeker)
        else [],
    )


def cv_document_get_for_actor(*, actor: User, job_seeker: JobSeeker, id: Any) -> CvDocument:
    actor.permissions.require("change_job_seeker", job_seeker)
    try:
        return job_seeker.cv_documents.get(pk=int(id))
    except (CvDocument.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


@dataclass
class Plan:
    goals: list[PlanGoal]
    actions: list[PlanAction]
    events: list[ServiceEvent]


def plan_get(*, actor: User, job_seeker: JobSeeker) -> Plan:
    actor.permissions.require("view_job_seeker_record", job_seeker)
    return Plan(
        goals=list(job_seeker.goals.all()),
        actions=list(job_seeker.actions.select_related("goal")),
        events=list(
            job_seeker.events.select_related("partner_organisation", "company", "created_by")
        ),
    )


def plan_action_get_for_actor(*, actor: User, job_seeker: JobSeeker, id: Any) -> PlanAction:
    actor.permissions.require("change_job_seeker", job_seeker)
    try:
        return job_seeker.actions.get(pk=int(id))
    except (PlanAction.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


def service_event_get_for_actor(*, actor: User, job_seeker: JobSeeker, id: Any) -> ServiceEvent:
    actor.permissions.require("change_job_seeker", job_seeker)
    try:
        return job_seeker.events.get(pk=int(id))
    except (ServiceEvent.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


@dataclass(frozen=True)
class TimelineItem:
    on: datetime.date
    kind: str
    title: str
    detail: str = ""
    # Ties on one day: what happens first in a client's day comes first (see `_DAY_ORDER`),
    # then the older record. Not part of the item as shown.
    tie: tuple[int, int] = field(default=(0, 0), compare=False, repr=False)


# The order of things within one day, earliest first: the client relationship starts before
# the consent, the ESF+ entry and the plan of that day, and the exit comes last.
_DAY_ORDER = {
    "registered": 0,
    "consent": 1,
    "entry": 2,
    "re_entry": 3,
    "goal": 4,
    "action": 5,
    "consent_withdrawn": 7,
    "exit": 8,
}
_SERVICE_EVENT = 6


def timeline(*, actor: User, job_seeker: JobSeeker) -> list[TimelineItem]:
    """Everything that happened to the person, newest first: participation, consents,
    plan and service events. Within a day the later step comes first (a day's ESF+ entry above
    the start of the client relationship on that day).

    A done action stands on the day it was done; an open or cancelled one on its due date,
    titled as a due date. The client relationship starts on the earliest day the record
    knows of: the day the record was made, or an earlier consent, ESF+ entry, goal, done action
    or service event (a person brought over from another system has history before that)."""
    actor.permissions.require("view_job_seeker_record", job_seeker)
    items: list[TimelineItem] = []
    happened: list[datetime.date] = []  # every day above except open actions' due dates

    def add(
        on: datetime.date, kind: str, title: str, detail: str = "", pk: int = 0, done: bool = True
    ) -> None:
        rank = _DAY_ORDER.get(kind, _SERVICE_EVENT)
        items.append(TimelineItem(on, kind, title, detail, tie=(rank, pk)))
        if done:
            happened.append(on)

    for p in job_seeker.participations.select_related("operation").prefetch_related("re_entries"):
        add(p.entry_date, "entry", _("ESR+-aloitus"), p.operation.name, p.pk)
        for r in p.re_entries.all():
            add(r.re_entry_date, "re_entry", _("Paluu hankkeeseen"), p.operation.name, r.pk)
        if p.exit_date:
            add(p.exit_date, "exit", _("ESR+-päättyminen"), p.operation.name, p.pk)
    for c in job_seeker.consents.select_related("partner_organisation", "company"):
        recipient = str(c.recipient) if c.recipient else ""
        add(c.given_on, "consent", _("Suostumus annettu"), _consent_text(c, recipient), c.pk)
        if c.withdrawn_on:
            text = _consent_text(c, recipient)
            add(c.withdrawn_on, "consent_withdrawn", _("Suostumus peruttu"), text, c.pk)
    for g in job_seeker.goals.all():
        add(timezone.localdate(g.created_at), "goal", _("Tavoite"), g.description, g.pk)
    for a in job_seeker.actions.all():
        if a.status == PlanAction.Status.DONE and a.completed_on:
            add(a.completed_on, "action", _("Toimenpide tehty"), a.description, a.pk)
        else:
            detail = f"{a.get_status_display()}: {a.description}"
            add(a.due_on, "action", _("Toimenpiteen määräpäivä"), detail, a.pk, done=False)
    for e in job_seeker.events.select_related("partner_organisation", "company"):
        detail = e.training_name or str(e.partner_organisation or e.company or "")
        if e.outcome:
            detail = e.get_outcome_display()
        text = " – ".join(x for x in (detail, e.description) if x)
        add(e.occurred_on, e.kind, e.get_kind_display(), text, e.pk)
    registered = timezone.localdate(job_seeker.created_at)
    add(min([registered, *happened]), "registered", _("Asiakkuus alkoi"))
    return sorted(items, key=lambda i: (i.on, i.tie), reverse=True)


def _consent_text(consent: Consent, recipient: str) -> str:
    label = str(consent.get_purpose_display())
    return f"{label}: {recipient}" if recipient else label
