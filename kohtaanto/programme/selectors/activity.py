"""The implementers' shared activity log."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.programme.models import (
    ActivityAttachment,
    ActivityEntry,
    ActivityParticipant,
)

# --- Activity log -------------------------------------------------------------------------


def _activity_visible_q(actor: User) -> Q:
    q = Q(employment_area_id=actor.employment_area_id)
    if actor.role == Role.PARTNER:
        org = actor.partner_organisation_id
        q &= (
            Q(Exists(ActivityParticipant.objects.filter(entry=OuterRef("pk"), organisation_id=org)))
            | Q(referral_from_id=org)
            | Q(referral_to_id=org)
        )
    return q


def activity_list(
    *,
    actor: User,
    kind: str = "",
    organisation_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[ActivityEntry]:
    """Entries the actor may see: the area's, and for a partner user only those their
    organisation took part in. `organisation_id` narrows to one partner's entries."""
    qs = ActivityEntry.objects.filter(_activity_visible_q(actor))
    if kind:
        qs = qs.filter(kind=kind)
    if organisation_id is not None:
        qs = qs.filter(
            Q(
                Exists(
                    ActivityParticipant.objects.filter(
                        entry=OuterRef("pk"), organisation_id=organisation_id
                    )
                )
            )
            | Q(referral_from_id=organisation_id)
            | Q(referral_to_id=organisation_id)
        )
    if start is not None:
        qs = qs.filter(date__gte=start)
    if end is not None:
        qs = qs.filter(date__lte=end)
    return (
        qs.select_related("operation", "referral_from", "referral_to", "created_by")
        .prefetch_related(
            Prefetch(
                "participants",
                queryset=ActivityParticipant.objects.select_related("organisation"),
            ),
            "companies",
            "attachments",
        )
        .order_by("-date", "-id")
    )


def activity_get_for_actor(*, actor: User, id: int) -> ActivityEntry:
    try:
        return activity_list(actor=actor).get(pk=id)
    except (ActivityEntry.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("activity entry not found") from None


def attachment_get_for_actor(*, actor: User, entry_id: int, id: int) -> ActivityAttachment:
    entry = activity_get_for_actor(actor=actor, id=entry_id)
    try:
        return entry.attachments.get(pk=id)
    except (ActivityAttachment.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("attachment not found") from None


@dataclass
class PartnerActivitySummary:
    organisation_label: str
    entries: list[ActivityEntry]
    by_kind: dict[str, int]
    participants: int
    referred_out: int
    referred_in: int
    companies: int


def partner_activity_summary(
    *, actor: User, organisation_id: int | None, start: date, end: date
) -> PartnerActivitySummary:
    """One organisation's activity in a period, for its own reporting. A partner user always
    gets their own organisation; `organisation_id=None` means the employment area itself."""
    from kohtaanto.accounts.models import PartnerOrganisation

    if actor.role == Role.PARTNER:
        organisation_id = actor.partner_organisation_id
    if organisation_id is None:
        entries = list(
            activity_list(actor=actor, start=start, end=end).filter(
                Q(
                    Exists(
                        ActivityParticipant.objects.filter(
                            entry=OuterRef("pk"), organisation__isnull=True
                        )
                    )
                )
                | Q(kind=ActivityEntry.Kind.REFERRAL, referral_from__isnull=True)
                | Q(kind=ActivityEntry.Kind.REFERRAL, referral_to__isnull=True)
            )
        )
        label = str(actor.employment_area)
    else:
        organisation = PartnerOrganisation.objects.filter(pk=organisation_id).first()
        if organisation is None:
            raise NotFoundError("organisation not found")
        entries = list(
            activity_list(actor=actor, organisation_id=organisation_id, start=start, end=end)
        )
        label = str(organisation)
    by_kind: dict[str, int] = defaultdict(int)
    participants = referred_out = referred_in = 0
    company_ids: set[int] = set()
    for entry in entries:
        by_kind[entry.kind] += 1
        participants += sum(
            1 for p in entry.participants.all() if p.organisation_id == organisation_id
        )
        company_ids.update(c.pk for c in entry.companies.all())
        if entry.kind == ActivityEntry.Kind.REFERRAL:
            if entry.referral_from_id == organisation_id:
                referred_out += entry.referred_count
            if entry.referral_to_id == organisation_id:
                referred_in += entry.referred_count
    return PartnerActivitySummary(
        label, entries, dict(by_kind), participants, referred_out, referred_in, len(company_ids)
    )
