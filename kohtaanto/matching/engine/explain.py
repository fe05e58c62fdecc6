"""Explanations: which of a vacancy's skills a person has, partly has or lacks, and the cards.

Uses the same taxonomy routes and credits as the index (`SkillGraph.route` equals one cell of
`SkillGraph.expand`), so what the page says is what the score counted.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

from kohtaanto.employers.models import VacancyRequirement, VacancySkill
from kohtaanto.jobseekers.models import ProfileSkill, RequirementCard
from kohtaanto.matching.engine.loader import AreaIndex, level_credit
from kohtaanto.matching.results import (
    REQ_EXPIRED,
    REQ_EXPIRES_BEFORE_START,
    REQ_MISSING,
    REQ_OK,
    MatchResult,
    RequirementCheck,
    SkillMatch,
)
from kohtaanto.taxonomy.models import Concept


def person_skills(area: AreaIndex, person_ids: Iterable[int]) -> dict[int, dict[int, float]]:
    """{person: {skill index: level credit}} in one query."""
    w = area.index.weights
    out: dict[int, dict[int, float]] = defaultdict(dict)
    for pid, concept, level in ProfileSkill.objects.filter(
        job_seeker_id__in=list(person_ids)
    ).values_list("job_seeker_id", "concept_id", "level"):
        if concept in area.vocab.skill_index:
            out[pid][area.vocab.skill_index[concept]] = level_credit(level, w)
    return out


def person_cards(person_ids: Iterable[int]) -> dict[int, dict[int, datetime.date | None]]:
    out: dict[int, dict[int, datetime.date | None]] = defaultdict(dict)
    for pid, concept, expires in RequirementCard.objects.filter(
        job_seeker_id__in=list(person_ids)
    ).values_list("job_seeker_id", "concept_id", "expires_on"):
        out[pid][concept] = expires
    return out


def named_concepts(area: AreaIndex, ids: Iterable[int]) -> dict[int, Concept]:
    """Concepts by id with what an explanation names them by (URI, labels), kept with the area
    index: a page names mostly the same few hundred skills, and a taxonomy change (the only
    thing that renames them) builds a new area index."""
    cache = area.concepts
    missing = {i for i in ids if i not in cache}
    if missing:
        for concept in Concept.objects.filter(pk__in=missing).only("uri", "preferred"):
            cache[concept.pk] = concept
    return cache


def vacancy_skills(
    area: AreaIndex, vacancy_ids: Iterable[int]
) -> dict[int, list[tuple[Concept, bool]]]:
    rows = list(
        VacancySkill.objects.filter(vacancy_id__in=list(vacancy_ids)).values_list(
            "vacancy_id", "concept_id", "essential"
        )
    )
    concepts = named_concepts(area, {c for _, c, _ in rows})
    out: dict[int, list[tuple[Concept, bool]]] = defaultdict(list)
    for vacancy, concept, essential in rows:
        out[vacancy].append((concepts[concept], essential))
    return out


def vacancy_requirements(area: AreaIndex, vacancy_ids: Iterable[int]) -> dict[int, list[Concept]]:
    rows = list(
        VacancyRequirement.objects.filter(vacancy_id__in=list(vacancy_ids)).values_list(
            "vacancy_id", "concept_id"
        )
    )
    concepts = named_concepts(area, {c for _, c in rows})
    out: dict[int, list[Concept]] = defaultdict(list)
    for vacancy, concept in rows:
        out[vacancy].append(concepts[concept])
    return out


def requirement_checks(
    requirements: list[Concept],
    cards: dict[int, datetime.date | None],
    *,
    today: datetime.date,
    start: datetime.date | None,
) -> list[RequirementCheck]:
    """Missing or expired (before today) excludes; valid today but not on the start date warns."""
    checks = []
    for concept in requirements:
        if concept.pk not in cards:
            status = REQ_MISSING
        else:
            expires = cards[concept.pk]
            if expires is not None and expires < today:
                status = REQ_EXPIRED
            elif expires is not None and start is not None and expires < start:
                status = REQ_EXPIRES_BEFORE_START
            else:
                status = REQ_OK
        checks.append(
            RequirementCheck(
                label=concept.label(),
                status=status,
                concept_id=concept.pk,
                expires_on=cards.get(concept.pk),
            )
        )
    return checks


def explain(
    area: AreaIndex,
    *,
    job_seeker_id: int,
    vacancy_id: int,
    score: float,
    components: dict[str, float],
    excluded: bool,
    have: dict[int, float],
    wanted: list[tuple[Concept, bool]],
    requirements: list[RequirementCheck],
    labels: dict[int, Concept],
) -> MatchResult:
    """A MatchResult with every asked skill sorted into matched, partial or missing."""
    index, vocab = area.index, area.vocab
    matched, partial, missing = [], [], []
    for concept, essential in wanted:
        idx = vocab.skill_index.get(concept.pk)
        credit, source, via = (
            (0.0, -1, None) if idx is None else index.graph.route(have, idx, index.weights)
        )
        via_label = ""
        if via is not None and source >= 0:
            source_concept = labels.get(vocab.skill_ids[source])
            via_label = source_concept.label() if source_concept else ""
        item = SkillMatch(
            concept_id=concept.pk,
            uri=concept.uri,
            label=concept.label(),
            essential=essential,
            via=via,
            credit=round(credit, 3),
            via_label=via_label,
        )
        if credit <= 0:
            missing.append(item)
        elif via is None:
            matched.append(item)
        else:
            partial.append(item)
    weights = {c: index.component_weights[c] / index.weight_sum for c in index.active_components}
    return MatchResult(
        job_seeker_id=job_seeker_id,
        vacancy_id=vacancy_id,
        score=round(float(score), 4),
        components={c: round(weights[c] * components.get(c, 0.0), 4) for c in weights},
        matched=matched,
        partial=partial,
        missing=missing,
        requirements=requirements,
        excluded=excluded,
    )


def source_concepts(area: AreaIndex, have: Iterable[dict[int, float]]) -> dict[int, Concept]:
    """The person's own skill concepts, for naming the route of a partial match."""
    ids = {area.vocab.skill_ids[i] for h in have for i in h}
    concepts = named_concepts(area, ids)
    return {i: concepts[i] for i in ids if i in concepts}
