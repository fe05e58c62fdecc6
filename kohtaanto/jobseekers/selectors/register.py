"""The register: the list and search of job seekers, one person, and the choices of its forms."""

import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.formats import user_display_name
from kohtaanto.common.sorting import sort_ordering
from kohtaanto.common.validators import control_character_error
from kohtaanto.jobseekers.identity import (
    InvalidIdentityCodeError,
    identity_code_clean,
    identity_code_digest,
)
from kohtaanto.jobseekers.models import (
    JobSeeker,
    Participation,
    PlanAction,
    ProfileSkill,
    RequirementCard,
    ServiceEvent,
    TargetOccupation,
)
from kohtaanto.jobseekers.selectors.access import counselled_by, visible_job_seekers
from kohtaanto.taxonomy.models import Concept

# The longest search term: a longer one is no name, and an unbounded one costs CPU per word.
SEARCH_MAX_LENGTH = 100


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
    actor.permissions.require("view_job_seeker_list")
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
    qs = visible_job_seekers(actor)
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
                    Q(first_name__uicontains=word)
                    | Q(last_name__uicontains=word)
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
        qs = qs.filter(counselled_by(actor))
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
    `next_action` (the open agreed action due first), `counsellor_names` (as
    `User.display_name` names them, sorted by name) and `participation_exits` (one exit date
    or None per ESF+ participation, in entry order). Plain values rather than prefetched model
    instances: a page of 50 people would otherwise build a related manager and model objects
    per cell."""
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
        counsellors[person_id].append(
            user_display_name(first_name=first, last_name=last, username=username)
        )
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
    actor.permissions.require(permission, job_seeker)
    return job_seeker


def counsellor_choices(*, actor: User) -> QuerySet[User]:
    return User.objects.filter(
        role=Role.COUNSELLOR, employment_area_id=actor.employment_area_id, is_active=True
    ).order_by("last_name", "first_name", "username")


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
        visible_job_seekers(actor)
        .filter(uses(ProfileSkill) | uses(RequirementCard) | uses(TargetOccupation))
        .count()
    )
