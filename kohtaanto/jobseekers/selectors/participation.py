"""ESF+ participation: operations to choose from, a person's participations, and totals."""

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea, User
from kohtaanto.common.dates import add_months
from kohtaanto.common.errors import NotFoundError
from kohtaanto.jobseekers.models import (
    Answer,
    JobSeeker,
    Participation,
    ParticipationReEntry,
    ParticipationSpecialCategory,
    operation_model,
)
from kohtaanto.jobseekers.rules import FOLLOW_UP_MONTHS

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


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
    actor.permissions.require("view_job_seeker_record", job_seeker)
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
    actor.permissions.require(permission, job_seeker)
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
    actor.permissions.require("view_participation_summary")
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
