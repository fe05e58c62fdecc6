"""The region's skill gaps, as the optimiser sees them: a registry the matching app fills.

Matching (a higher app) computes the gaps from vacancies, surveyed needs and job seekers'
profiles; training cannot import it, so matching registers a source in its AppConfig.ready():

    from kohtaanto.training.gaps import gap_source_register

    gap_source_register(regional_gaps)   # fn(area) -> [(concept_id, demand, supply), ...]

`demand` is the number of people the region needs with the skill, `supply` the number of job
seekers who have it. With no source registered the plan says that no gap data is available.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

GapSource = Callable[[Any], list[tuple[int, float, float]]]

_SOURCE: list[GapSource] = []


@dataclass(frozen=True)
class Gap:
    concept_id: int
    demand: float
    supply: float

    @property
    def shortfall(self) -> float:
        """The people the region lacks with this skill (never negative)."""
        return max(self.demand - self.supply, 0.0)


def gap_source_register(fn: GapSource) -> None:
    """Register the function that gives an area's gaps; a later call replaces the earlier."""
    _SOURCE[:] = [fn]


def gap_source_unregister() -> None:
    _SOURCE.clear()


def gap_source_available() -> bool:
    return bool(_SOURCE)


def area_gaps(area: Any) -> list[Gap] | None:
    """The area's gaps with a shortfall, largest first; None when no source is registered."""
    if not _SOURCE:
        return None
    gaps = [Gap(int(c), float(d), float(s)) for c, d, s in _SOURCE[0](area)]
    return sorted((g for g in gaps if g.shortfall > 0), key=lambda g: (-g.shortfall, g.concept_id))
