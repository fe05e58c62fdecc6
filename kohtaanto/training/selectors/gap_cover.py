"""Skill gaps → programmes that teach them (used by matching)."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from kohtaanto.training.models import Programme
from kohtaanto.training.selectors.purchases import programme_list


@dataclass(frozen=True)
class GapCover:
    programme: Programme
    covered: tuple[int, ...]
    share: float  # of the gap's concepts that the programme teaches, 0..1


def programmes_for_gap(
    *, actor: Any, concept_ids: list[int], on: date | None = None
) -> list[GapCover]:
    """Programmes starting on or after `on` that teach any of the concepts, ranked by the share
    of the gap they close (then the earliest start, then the name)."""
    wanted = set(concept_ids)
    if not wanted:
        return []
    on = on or timezone.localdate()
    programmes = (
        programme_list(actor=actor)
        .filter(starts_on__gte=on, skills__concept_id__in=wanted)
        .distinct()
    )
    covers = []
    for programme in programmes:
        covered = tuple(sorted({s.concept_id for s in programme.skills.all()} & wanted))
        covers.append(GapCover(programme, covered, len(covered) / len(wanted)))
    covers.sort(key=lambda c: (-c.share, c.programme.starts_on, c.programme.name_fi))
    return covers
