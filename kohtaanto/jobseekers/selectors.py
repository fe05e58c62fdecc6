"""Reads of job seekers' data, always scoped to the actor (see permissions.py)."""

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea, PartnerOrganisation, Role, User
from kohtaanto.common.dates import add_months
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.sorting import sort_ordering
from kohtaanto.common.validators import control_character_error
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.identity import (
    InvalidIdentityCodeError,
    identity_code_clean,
    identity_code_digest,
)
from kohtaanto.jobseekers.models import (
    Answer,
    Consent,
    ConsentPurpose,
    CvDocument,
    JobSeeker,
    LanguageSkill,
    Participation,
    ParticipationReEntry,
    ParticipationSpecialCategory,
    PlanAction,
    PlanGoal,
    ProfileSkill,
    Reminder,
    RequirementCard,
    ServiceEvent,
    TargetOccupation,
    operation_model,
)
from kohtaanto.jobseekers.rules import FOLLOW_UP_MONTHS
from kohtaanto.taxonomy.models import Concept

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation

# Worklist horizons: how far ahead a due follow-up or an expiring consent is shown.
FOLLOW_UP_LOOKAHEAD_DAYS = 14
CONSENT_EXPIRY_LOOKAHEAD_DAYS = 30
DEFAULT_IDLE_DAYS = 60
# The longest search term: a longer one is no name, and an unbounded one costs CPU per word.
SEARCH_MAX_LENGTH = 100


def _today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


# --- consent -------------------------------------------------------------------------------


def valid_consents(*, on: datetime.date | None = None) -> QuerySet[Consent]:
    """Consents in force on `on`: given by then, not expired, not withdrawn by then."""
    day = _today(on)
    return Consent.objects.filter(given_on__lte=day).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=day),
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
    )


def consent_is_valid(
    *,
    job_seeker: JobSeeker,
    purpose: str,
    partner_organisation: PartnerOrganisation | None = None,
    company: Company | None = None,
    on: datetime.date | None = None,
) -> bool:
    """Whether the person's consent for `purpose` (to this recipient) is in force on `on`.

    Every path that shares a person's data with a partner or an employer asks this first.
    """
    if purpose == ConsentPurpose.SHARE_WITH_PARTNER and partner_organisation is None:
        return False
    if purpose == ConsentPurpose.SEND_TO_EMPLOYER and company is None:
        return False
    qs = valid_consents(on=on).filter(job_seeker=job_seeker, purpose=purpose)
    if partner_organisation is not None:
        qs = qs.filter(partner_organisation=partner_organisation)
    if company is not None:
        qs = qs.filter(company=company)
    return qs.exists()


def employer_consent_exists(*, job_seeker: JobSeeker, on: datetime.date | None = None) -> bool:
    """A valid consent to send the profile to some company of the person's area."""
    return (
        valid_consents(on=on)
        .filter(
            job_seeker=job_seeker,
            purpose=ConsentPurpose.SEND_TO_EMPLOYER,
            company__employment_area_id=job_seeker.employment_area_id,
        )
        .exists()
    )


def consent_list(*, actor: User, job_seeker: JobSeeker) -> QuerySet[Consent]:
    _require(actor, "view_job_seeker_record", job_seeker)
    return job_seeker.consents.select_related(
        "partner_organisation", "company", "recorded_by", "withdrawn_by"
    )


# --- the register --------------------------------------------------------------------------


def _require(actor: User, permission: str, *objects: Any) -> None:
    actor.permissions.require(permission, *objects)


def _counselled_by(actor: User) -> Exists:
    through = JobSeeker.counsellors.through.objects.filter(
        jobseeker_id=OuterRef("pk"), user_id=actor.pk
    )
    return Exists(through)


def _visible(actor: User, *, on: datetime.date | None = None) -> QuerySet[JobSeeker]:
    """The people `actor` may see at all (the rule view_job_seeker as a query)."""
    qs = JobSeeker.objects.filter(employment_area_id=actor.employment_area_id)
    if actor.employment_area_id is None:
        return qs.none()
    if actor.role in (Role.COORDINATOR, Role.AUDITOR):
        return qs
    if actor.role == Role.COUNSELLOR:
        return qs.filter(_counselled_by(actor))
    consents = valid_consents(on=on).filter(job_seeker=OuterRef("pk"))
    if actor.role == Role.PARTNER and actor.partner_organisation_id:
        return qs.filter(
            Exists(
                consents.filter(
                    purpose=ConsentPurpose.SHARE_WITH_PARTNER,
                    partner_organisation_id=actor.partner_organisation_id,
                )
            ),
            pseudonymised_at__isnull=True,
        )
    if actor.role == Role.BUSINESS_ADVISOR:
        return qs.filter(
            Exists(
                consents.filter(
                    purpose=ConsentPurpose.SEND_TO_EMPLOYER,
                    company__employment_area_id=actor.employment_area_id,
                )
            ),
            pseudonymised_at__isnull=True,
        )
    return qs.none()


def job_seeker_list(
    *,
    actor: User,
    q: str = "",
    municipality: Any = None,
    status: str = "",
    participation: str = "",
    mine: bool = False,
    sort: str = "",
) -> QuerySet[JobSeeker]:
    """The register as the actor may see it; search by name, external id or identity code.

    `participation`: "active" (entered, not left), "exited", "none". An identity code as the
    search term finds the person through the digest, for roles that may see identity codes.
    `sort` is one of JOB_SEEKER_SORTS, "-" in front for descending; anything else sorts by
    name (the index job_seeker_area_name_idx). `job_seeker_list_details` adds the last
    contact and next action of the rows shown.
    """
    _require(actor, "view_job_seeker_list")
    if participation and not actor.permissions.can_filter_by_participation():
        raise DomainError(
            _("Rajaus ESR+-osallistumisen mukaan ei ole käytettävissä."), field="participation"
        )
    q = q.strip()
    if reason := control_character_error(q):
        raise DomainError(reason, field="q")
    if len(q) > SEARCH_MAX_LENGTH:
        raise DomainError(
            _("Hakusana on liian pitkä (enintään %(limit)s merkkiä).")
            % {"limit": SEARCH_MAX_LENGTH},
            field="q",
        )
    qs = _visible(actor)
    if q:
        digest = ""
        if actor.role in (Role.COORDINATOR, Role.COUNSELLOR):
            try:
                digest = identity_code_digest(identity_code_clean(q))
            except InvalidIdentityCodeError:
                digest = ""
        if digest:
            qs = qs.filter(identity_code_digest=digest)
        else:
            for word in q.split():
                qs = qs.filter(
                    Q(first_name__icontains=word)
                    | Q(last_name__icontains=word)
                    | Q(external_id__iexact=word)
                )
    if municipality:
        qs = qs.filter(municipality=municipality)
    if status:
        qs = qs.filter(status=status)
    if participation in ("active", "exited", "none"):
        entered = Participation.objects.filter(job_seeker=OuterRef("pk"))
        ongoing = Exists(entered.filter(exit_date__isnull=True))
        if participation == "active":
            qs = qs.filter(ongoing)
        elif participation == "exited":
            qs = qs.filter(Exists(entered), ~ongoing)
        else:
            qs = qs.filter(~Exists(entered))
    if mine:
        qs = qs.filter(_counselled_by(actor))
    # Only the column sorted by is computed for every row; `job_seeker_list_details` fills in
    # the columns of the rows on the page (a deep page would otherwise compute them for every
    # row skipped by OFFSET).
    key = sort.removeprefix("-")
    if key == "last_contact":
        qs = qs.annotate(last_contact=_LAST_CONTACT)
    elif key == "next_action":
        qs = qs.annotate(next_action_on=_NEXT_ACTION_ON)
    # No prefetching here: the API, the header search and choice fields use this queryset too
    # and need none of the list page's columns (a choice field would prefetch for every row).
    return qs.select_related("municipality").order_by(
        *sort_ordering(sort, JOB_SEEKER_SORTS, nullable=JOB_SEEKER_NULLABLE)
    )


_EVENTS = ServiceEvent.objects.filter(job_seeker=OuterRef("pk")).order_by("-occurred_on")
_OPEN_ACTIONS = PlanAction.objects.filter(
    job_seeker=OuterRef("pk"), status=PlanAction.Status.OPEN
).order_by("due_on", "id")
_LAST_CONTACT = Subquery(_EVENTS.values("occurred_on")[:1])
_NEXT_ACTION_ON = Subquery(_OPEN_ACTIONS.values("due_on")[:1])


def job_seeker_list_details(people: list[JobSeeker]) -> None:
    """Fill in the list page's columns for the rows of one page, in three queries whatever
    the page size: `last_contact` (the latest service event's date), `next_action_on` and
    `next_action` (the open agreed action due first), `counsellor_names` (full name, else
    username, sorted by name) and `participation_exits` (one exit date or None per ESF+
    participation, in entry order). Plain values rather than prefetched model instances: a
    page of 50 people would otherwise build a related manager and model objects per cell."""
    ids = [p.pk for p in people]
    if not ids:
        return
    rows: dict[int, dict[str, Any]] = {
        row["pk"]: dict(row)
        for row in JobSeeker.objects.filter(pk__in=ids)
        .annotate(
            last_contact=_LAST_CONTACT,
            next_action_on=_NEXT_ACTION_ON,
            next_action=Subquery(_OPEN_ACTIONS.values("description")[:1]),
        )
        .values("pk", "last_contact", "next_action_on", "next_action")
    }
    counsellors: dict[int, list[str]] = {pk: [] for pk in ids}
    for person_id, first, last, username in (
        JobSeeker.counsellors.through.objects.filter(jobseeker_id__in=ids)
        .order_by("user__last_name", "user__first_name", "user__username")
        .values_list("jobseeker_id", "user__first_name", "user__last_name", "user__username")
    ):
        counsellors[person_id].append(f"{first} {last}".strip() or username)
    exits: dict[int, list[datetime.date | None]] = {pk: [] for pk in ids}
    for person_id, exit_date in (
        Participation.objects.filter(job_seeker_id__in=ids)
        .order_by("entry_date", "id")
        .values_list("job_seeker_id", "exit_date")
    ):
        exits[person_id].append(exit_date)
    for person in people:
        row = rows.get(person.pk, {})
        for name in ("last_contact", "next_action_on", "next_action"):
            setattr(person, name, row.get(name))
        person.counsellor_names = counsellors[person.pk]  # type: ignore[attr-defined]
        person.participation_exits = exits[person.pk]  # type: ignore[attr-defined]


JOB_SEEKER_SORTS = {
    "name": ("last_name", "first_name"),
    "municipality": ("municipality__name_fi", "last_name", "first_name"),
    "last_contact": ("last_contact", "last_name", "first_name"),
    "next_action": ("next_action_on", "last_name", "first_name"),
}
JOB_SEEKER_NULLABLE = {"municipality__name_fi", "last_contact", "next_action_on"}


def job_seeker_get_for_actor(
    *, actor: User, id: Any, permission: str = "view_job_seeker"
) -> JobSeeker:
    """One person, if `actor` has `permission` on them; otherwise NotFoundError (404)."""
    try:
        job_seeker = (
            JobSeeker.objects.select_related("municipality", "employment_area")
            .prefetch_related("counsellors")
            .get(pk=int(id), employment_area_id=actor.employment_area_id)
        )
    except (JobSeeker.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc
    _require(actor, permission, job_seeker)
    return job_seeker


def counsellor_choices(*, actor: User) -> QuerySet[User]:
    return User.objects.filter(
        role=Role.COUNSELLOR, employment_area_id=actor.employment_area_id, is_active=True
    ).order_by("last_name", "first_name", "username")


def company_choices(*, actor: User) -> QuerySet[Company]:
    return Company.objects.filter(employment_area_id=actor.employment_area_id).order_by("name")


# --- ESF+ participation --------------------------------------------------------------------


def operation_choices(*, actor: User) -> "QuerySet[Operation]":
    return (
        operation_model()
        .objects.filter(employment_area_id=actor.employment_area_id)
        .order_by("-is_default", "start_date", "code")
    )


def operation_default(*, area: EmploymentArea | int) -> "Operation | None":
    area_id = area if isinstance(area, int) else area.pk
    return operation_model().objects.filter(employment_area_id=area_id, is_default=True).first()


@dataclass
class ParticipationView:
    participation: Participation
    special: ParticipationSpecialCategory | None
    re_entries: list[ParticipationReEntry]
    follow_up_due_on: datetime.date | None


def participation_list(*, actor: User, job_seeker: JobSeeker) -> list[ParticipationView]:
    """The person's participations; the Art. 9 items only for those who may see them."""
    _require(actor, "view_job_seeker_record", job_seeker)
    with_special = actor.permissions.can_view_special_category(job_seeker)
    qs = job_seeker.participations.select_related("operation").prefetch_related("re_entries")
    if with_special:
        qs = qs.select_related("special_category")
    result = []
    for p in qs.order_by("entry_date", "id"):
        special = None
        if with_special:
            special = getattr(p, "special_category", None)
        result.append(
            ParticipationView(
                participation=p,
                special=special,
                re_entries=list(p.re_entries.all()),
                follow_up_due_on=add_months(p.exit_date, FOLLOW_UP_MONTHS) if p.exit_date else None,
            )
        )
    return result


def participation_get_for_actor(
    *, actor: User, job_seeker: JobSeeker, id: Any, permission: str = "view_job_seeker_record"
) -> Participation:
    _require(actor, permission, job_seeker)
    try:
        return job_seeker.participations.select_related("operation").get(pk=int(id))
    except (Participation.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


@dataclass
class AnswerTotals:
    label: str
    yes: int = 0
    no: int = 0
    refused: int = 0
    unrecorded: int = 0


def participation_summary(*, actor: User, operation: "Operation") -> dict[str, Any]:
    """Totals of the entry items of an operation, including the Art. 9 items as totals only.

    This is how an auditor sees disability and minority: never per person.
    """
    _require(actor, "view_participation_summary")
    if operation.employment_area_id != actor.employment_area_id:
        raise NotFoundError("not found")
    participations = Participation.objects.filter(operation=operation)
    total = participations.count()
    items: list[AnswerTotals] = []
    for name, label in (
        ("third_country_national", _("Kolmannen maan kansalainen")),
        ("foreign_background", _("Ulkomaalaistaustainen")),
        ("homeless", _("Asunnoton tai asuntomarkkinoilta syrjäytynyt")),
        ("rural", _("Maaseudulla asuva")),
    ):
        counts = dict(
            participations.values_list(name).annotate(n=Count("id")).values_list(name, "n")
        )
        items.append(_answer_totals(label, counts, total))
    # The Art. 9 answers are encrypted at rest: read and counted here, not grouped in SQL.
    special = ParticipationSpecialCategory.objects.filter(
        participation__operation=operation
    ).values_list("disability", "minority")
    disability: Counter[str] = Counter()
    minority: Counter[str] = Counter()
    for d, m in special.iterator(chunk_size=2000):
        disability[d] += 1
        minority[m] += 1
    items.append(_answer_totals(_("Vamma tai pitkäaikaissairaus"), disability, total))
    items.append(_answer_totals(_("Vähemmistöön kuuluva"), minority, total))
    return {
        "operation": operation,
        "total": total,
        "exited": participations.filter(exit_date__isnull=False).count(),
        "items": items,
    }


def _answer_totals(label: str, counts: Mapping[str, int], total: int) -> AnswerTotals:
    yes, no, refused = (counts.get(a, 0) for a in (Answer.YES, Answer.NO, Answer.REFUSED))
    return AnswerTotals(label, yes, no, refused, total - yes - no - refused)


# --- profile -------------------------------------------------------------------------------


@dataclass
class Profile:
    skills: list[ProfileSkill]
    cards: list[RequirementCard]
    targets: list[TargetOccupation]
    languages: list[LanguageSkill]
    cv_documents: list[CvDocument] = field(default_factory=list)


def profile_get(*, actor: User, job_seeker: JobSeeker) -> Profile:
    _require(actor, "view_job_seeker", job_seeker)
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
    _require(actor, "change_job_seeker", job_seeker)
    try:
        return job_seeker.cv_documents.get(pk=int(id))
    except (CvDocument.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


# --- plan, events, timeline ----------------------------------------------------------------


@dataclass
class Plan:
    goals: list[PlanGoal]
    actions: list[PlanAction]
    events: list[ServiceEvent]


def plan_get(*, actor: User, job_seeker: JobSeeker) -> Plan:
    _require(actor, "view_job_seeker_record", job_seeker)
    return Plan(
        goals=list(job_seeker.goals.all()),
        actions=list(job_seeker.actions.select_related("goal")),
        events=list(
            job_seeker.events.select_related("partner_organisation", "company", "created_by")
        ),
    )


def plan_action_get_for_actor(*, actor: User, job_seeker: JobSeeker, id: Any) -> PlanAction:
    _require(actor, "change_job_seeker", job_seeker)
    try:
        return job_seeker.actions.get(pk=int(id))
    except (PlanAction.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


def service_event_get_for_actor(*, actor: User, job_seeker: JobSeeker, id: Any) -> ServiceEvent:
    _require(actor, "change_job_seeker", job_seeker)
    try:
        return job_seeker.events.get(pk=int(id))
    except (ServiceEvent.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


def consent_get_for_actor(*, actor: User, job_seeker: JobSeeker, id: Any) -> Consent:
    _require(actor, "change_job_seeker", job_seeker)
    try:
        return job_seeker.consents.get(pk=int(id))
    except (Consent.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc


@dataclass(frozen=True)
class TimelineItem:
    on: datetime.date
    kind: str
    title: str
    detail: str = ""


def timeline(*, actor: User, job_seeker: JobSeeker) -> list[TimelineItem]:
    """Everything that happened to the person, newest first: participation, consents,
    plan and service events."""
    _require(actor, "view_job_seeker_record", job_seeker)
    items: list[TimelineItem] = [
        TimelineItem(timezone.localdate(job_seeker.created_at), "registered", _("Asiakkuus alkoi"))
    ]
    for p in job_seeker.participations.select_related("operation").prefetch_related("re_entries"):
        items.append(TimelineItem(p.entry_date, "entry", _("ESR+-aloitus"), p.operation.name))
        for r in p.re_entries.all():
            items.append(
                TimelineItem(r.re_entry_date, "re_entry", _("Paluu hankkeeseen"), p.operation.name)
            )
        if p.exit_date:
            items.append(TimelineItem(p.exit_date, "exit", _("ESR+-päättyminen"), p.operation.name))
    for c in job_seeker.consents.select_related("partner_organisation", "company"):
        recipient = str(c.recipient) if c.recipient else ""
        items.append(
            TimelineItem(c.given_on, "consent", _("Suostumus annettu"), _consent_text(c, recipient))
        )
        if c.withdrawn_on:
            items.append(
                TimelineItem(
                    c.withdrawn_on,
                    "consent_withdrawn",
                    _("Suostumus peruttu"),
                    _consent_text(c, recipient),
                )
            )
    for g in job_seeker.goals.all():
        items.append(
            TimelineItem(timezone.localdate(g.created_at), "goal", _("Tavoite"), g.description)
        )
    for a in job_seeker.actions.all():
        items.append(TimelineItem(a.due_on, "action", a.get_status_display(), a.description))
    for e in job_seeker.events.select_related("partner_organisation", "company"):
        detail = e.training_name or str(e.partner_organisation or e.company or "")
        if e.outcome:
            detail = e.get_outcome_display()
        text = " – ".join(x for x in (detail, e.description) if x)
        items.append(TimelineItem(e.occurred_on, e.kind, e.get_kind_display(), text))
    return sorted(items, key=lambda i: i.on, reverse=True)


def _consent_text(consent: Consent, recipient: str) -> str:
    label = str(consent.get_purpose_display())
    return f"{label}: {recipient}" if recipient else label


# --- worklist ------------------------------------------------------------------------------


@dataclass
class Worklist:
    today: datetime.date
    idle_days: int
    reminders: list[Reminder]
    follow_ups: list[Participation]
    expiring_consents: list[Consent]
    overdue_actions: list[PlanAction]
    idle_clients: list[JobSeeker]

    @property
    def is_empty(self) -> bool:
        return not (
            self.reminders
            or self.follow_ups
            or self.expiring_consents
            or self.overdue_actions
            or self.idle_clients
        )


def _worklist_people(actor: User) -> QuerySet[JobSeeker]:
    qs = JobSeeker.objects.filter(
        employment_area_id=actor.employment_area_id, pseudonymised_at__isnull=True
    )
    if actor.role == Role.COUNSELLOR:
        qs = qs.filter(_counselled_by(actor))
    return qs


def worklist(
    *, actor: User, today: datetime.date | None = None, idle_days: int = DEFAULT_IDLE_DAYS
) -> Worklist:
    """A counsellor's own worklist (the coordinator's covers the whole area).

    - reminders the daily task created and that are not resolved;
    - six-month follow-ups due within FOLLOW_UP_LOOKAHEAD_DAYS or overdue and unanswered;
    - valid consents that expire within CONSENT_EXPIRY_LOOKAHEAD_DAYS;
    - agreed actions past their due date and still open;
    - active clients with no service event in `idle_days` days (registration counts).
    """
    _require(actor, "view_worklist")
    day = _today(today)
    people = _worklist_people(actor)
    # Exit on or before this date → follow-up due within the lookahead.
    latest_exit = add_months(
        day + datetime.timedelta(days=FOLLOW_UP_LOOKAHEAD_DAYS), -FOLLOW_UP_MONTHS
    )
    follow_ups = (
        Participation.objects.filter(job_seeker__in=people, exit_date__lte=latest_exit)
        .filter(Q(six_month_employed__isnull=True) | Q(six_month_improved__isnull=True))
        .select_related("job_seeker", "operation")
        .order_by("exit_date", "id")
    )
    expiring = (
        valid_consents(on=day)
        .filter(
            job_seeker__in=people,
            expires_on__lte=day + datetime.timedelta(days=CONSENT_EXPIRY_LOOKAHEAD_DAYS),
        )
        .select_related("job_seeker", "partner_organisation", "company")
        .order_by("expires_on", "id")
    )
    overdue = (
        PlanAction.objects.filter(
            job_seeker__in=people, status=PlanAction.Status.OPEN, due_on__lt=day
        )
        .select_related("job_seeker")
        .order_by("due_on", "id")
    )
    reminders = (
        Reminder.objects.filter(job_seeker__in=people, resolved_at__isnull=True)
        .select_related("job_seeker", "participation__operation")
        .order_by("due_on", "id")
    )
    idle_since = day - datetime.timedelta(days=idle_days)
    idle = (
        people.filter(status=JobSeeker.Status.ACTIVE)
        .annotate(
            last_event_on=Max("events__occurred_on"),
            registered_on=TruncDate("created_at"),
        )
        .annotate(
            last_contact_on=Greatest(
                Coalesce(F("last_event_on"), F("registered_on")), F("registered_on")
            )
        )
        .filter(last_contact_on__lt=idle_since)
        .order_by("last_contact_on", "id")
    )
    return Worklist(
        today=day,
        idle_days=idle_days,
        reminders=list(reminders),
        follow_ups=list(follow_ups),
        expiring_consents=list(expiring),
        overdue_actions=list(overdue),
        idle_clients=list(idle),
    )


# --- retention -----------------------------------------------------------------------------


def job_seekers_past_retention(
    *, today: datetime.date, years: int, area: EmploymentArea | None = None
) -> QuerySet[JobSeeker]:
    """People whose last exit or contact is more than `years` years before `today`.

    Last contact: the latest of registration, ESF+ entry and exit dates and service events.
    People already pseudonymised are not returned again.
    """
    far_past = Value(datetime.date(1900, 1, 1))
    cutoff = add_months(today, -12 * years)
    qs = JobSeeker.objects.filter(pseudonymised_at__isnull=True)
    if area is not None:
        qs = qs.filter(employment_area=area)
    return (
        qs.annotate(
            last_exit=Coalesce(Max("participations__exit_date"), far_past),
            last_entry=Coalesce(Max("participations__entry_date"), far_past),
            last_event=Coalesce(Max("events__occurred_on"), far_past),
            registered_on=TruncDate("created_at"),
        )
        .annotate(
            last_contact_on=Greatest(
                F("last_exit"), F("last_entry"), F("last_event"), F("registered_on")
            )
        )
        .filter(last_contact_on__lt=cutoff)
        .order_by("id")
    )


def concept_usage_count(*, actor: User, concept: Concept) -> int | None:
    """How many of the people the actor may see have `concept` in their profile (skill, card
    or target occupation); None when the actor may see no one (the concept page then leaves
    the row out)."""
    if not actor.permissions.can_view_job_seeker_list():
        return None

    # Exists per kind rather than joins + DISTINCT: the count reads each person once and
    # probes the (job_seeker, concept) indexes, instead of scanning every profile row.
    def uses(model: Any) -> Exists:
        return Exists(model.objects.filter(job_seeker=OuterRef("pk"), concept=concept))

    return (
        _visible(actor)
        .filter(uses(ProfileSkill) | uses(RequirementCard) | uses(TargetOccupation))
        .count()
    )
