"""Search of job seekers by skill, widened through the taxonomy, and a person's skill gap to an
occupation. Both read only what the actor may see (the job seeker register's own scope)."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from kohtaanto.accounts.models import User
from kohtaanto.jobseekers.models import JobSeeker, ProfileSkill
from kohtaanto.jobseekers.selectors import job_seeker_list
from kohtaanto.taxonomy.models import Concept, ConceptRelation, RelationKind

SEARCH_LIMIT = 200

# How a profile skill relates to the searched one, best first (the order of the results).
EXACT, NARROWER, BROADER, RELATED = "exact", "narrower", "broader", "related"
RELATION_LABELS = {
    EXACT: _("sama osaaminen"),
    NARROWER: _("suppeampi osaaminen"),
    BROADER: _("laajempi osaaminen"),
    RELATED: _("läheinen osaaminen"),
}
_RANK = {EXACT: 0, NARROWER: 1, BROADER: 2, RELATED: 3}
_SKILL_LINKS = (RelationKind.SKILL_ESSENTIAL, RelationKind.SKILL_OPTIONAL)


def concept_neighbours(concept: Concept) -> dict[int, str]:
    """The concept and its taxonomy neighbours: concept id → relation to `concept`.

    ConceptRelation "broader" runs child → broader, so the concept's narrower skills are the
    sources of relations into it; skill–skill relations count in either direction.
    """
    found: dict[int, str] = {concept.pk: EXACT}
    rows = ConceptRelation.objects.filter(
        Q(source=concept) | Q(target=concept),
        kind__in=[RelationKind.BROADER, *_SKILL_LINKS],
    ).values_list("source_id", "target_id", "kind")
    for source_id, target_id, kind in rows:
        if kind == RelationKind.BROADER:
            other, relation = (
                (target_id, BROADER) if source_id == concept.pk else (source_id, NARROWER)
            )
        else:
            other, relation = (target_id if source_id == concept.pk else source_id), RELATED
        if other not in found or _RANK[relation] < _RANK[found[other]]:
            found[other] = relation
    return found


@dataclass
class SearchMatch:
    skill: ProfileSkill
    relation: str

    @property
    def relation_label(self) -> str:
        return str(RELATION_LABELS[self.relation])


@dataclass
class SearchHit:
    job_seeker: JobSeeker
    matches: list[SearchMatch] = field(default_factory=list)

    @property
    def best(self) -> tuple[int, int]:
        return min((_RANK[m.relation], -m.skill.level) for m in self.matches)


def job_seeker_skill_search(
    *, actor: User, concept: Concept, neighbours: bool = True
) -> list[SearchHit]:
    """People the actor may see who have the skill (or a neighbour of it): those with the
    skill itself first, then by their level; at most SEARCH_LIMIT people."""
    relations = concept_neighbours(concept) if neighbours else {concept.pk: EXACT}
    people = (
        job_seeker_list(actor=actor)
        .filter(skills__concept_id__in=relations)
        .distinct()
        .select_related("municipality")
        .prefetch_related(
            Prefetch(
                "skills",
                queryset=ProfileSkill.objects.filter(concept_id__in=relations).select_related(
                    "concept"
                ),
                to_attr="matched_skills",
            )
        )
    )
    hits = [
        SearchHit(
            job_seeker=person,
            matches=sorted(
                (SearchMatch(s, relations[s.concept_id]) for s in person.matched_skills),
                key=lambda m: (_RANK[m.relation], -m.skill.level),
            ),
        )
        for person in people
    ]
    hits.sort(key=lambda h: (h.best, h.job_seeker.last_name, h.job_seeker.first_name))
    return hits[:SEARCH_LIMIT]


@dataclass
class OccupationGap:
    occupation: Concept
    essential: list[Concept]
    have: list[Concept]
    missing: list[Concept]

    @property
    def coverage(self) -> float:
        return len(self.have) / len(self.essential) if self.essential else 1.0


def occupation_gap(*, actor: Any, job_seeker: JobSeeker, occupation: Concept) -> OccupationGap:
    """The occupation's essential skills (taxonomy) the person's profile does not have.

    Rule: essential = targets of the occupation's "occ_essential" relations; have = those in
    the person's profile skills (exact concept); missing = essential − have, sorted by label.
    """
    actor.permissions.require("view_job_seeker", job_seeker)
    essential = list(
        Concept.objects.filter(
            relations_in__source=occupation,
            relations_in__kind=RelationKind.OCCUPATION_ESSENTIAL,
        ).distinct()
    )
    own = set(job_seeker.skills.values_list("concept_id", flat=True))
    essential.sort(key=lambda c: c.label().casefold())
    return OccupationGap(
        occupation=occupation,
        essential=essential,
        have=[c for c in essential if c.pk in own],
        missing=[c for c in essential if c.pk not in own],
    )
