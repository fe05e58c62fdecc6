"""Where a concept is used: a registry that other apps extend.

The taxonomy cannot know the apps built on it (profiles, vacancies, trainings…), so each of them
registers a counter in its AppConfig.ready():

    from django.utils.translation import gettext_lazy as _
    from kohtaanto.taxonomy.usage import usage_source_register

    usage_source_register(
        key="jobseekers.skills",
        label=_("Työnhakijoiden osaamisprofiilit"),
        count=lambda actor, concept: profile_skill_count(actor=actor, concept=concept),
        url=lambda concept: reverse("jobseekers:list") + f"?concept={concept.pk}",  # optional
    )

`count(actor, concept)` must count only what the actor may see (use the app's own scoped
selector) and return None when the actor may see none of it: the concept page then leaves
that source out rather than showing a misleading zero. `selectors.concept_usage_list` calls
the counters in registration order.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

if TYPE_CHECKING:
    from kohtaanto.taxonomy.models import Concept

UsageCounter = Callable[[Any, "Concept"], int | None]


@dataclass(frozen=True)
class UsageSource:
    key: str
    label: str | Promise
    count: UsageCounter
    url: Callable[["Concept"], str] | None = None


_SOURCES: dict[str, UsageSource] = {}


def usage_source_register(
    *,
    key: str,
    label: str | Promise,
    count: UsageCounter,
    url: Callable[["Concept"], str] | None = None,
) -> None:
    """Register (or, with the same key, replace) a counter of a concept's uses."""
    _SOURCES[key] = UsageSource(key=key, label=label, count=count, url=url)


def usage_source_unregister(key: str) -> None:
    _SOURCES.pop(key, None)


def usage_sources() -> list[UsageSource]:
    return list(_SOURCES.values())
