"""A demo person's confirmed skills beyond the first few: those of the jobs they have done.

Counsellors confirm a client's skills over the first meetings, job by job. So the demo profile
is drawn from the vocabulary's occupation profiles (the occupation→skill relations career
moves rank by, `matching/mobility.py`): mostly the essential skills, and some optional ones,
of an occupation the person worked in, plus a few of an earlier job's. How far the counsellor
has come differs: a new client has only the three to five skills of the first meeting; the
rest have 8–11 or 12–20, so about half the region's profiles are large enough for a verdict
on career moves (`MATCHING_MOBILITY_MIN_PROFILE_SKILLS`) and the others are still thin.

The draws use their own random generator, so that everything else about the person (consents,
plan, participation) stays what the seed made it before profiles grew.
"""

import datetime
import random
from dataclasses import dataclass
from typing import Any

from kohtaanto.jobseekers.demo.population import Archetype
from kohtaanto.jobseekers.models import JobSeeker, SkillSource
from kohtaanto.jobseekers.services.profile import profile_skill_set
from kohtaanto.taxonomy.models import Concept, ConceptRelation, ConceptType, RelationKind

# How far the profile has come: (stage, weight, smallest and largest number of skills).
STAGES = (("new", 8, 0, 0), ("partial", 50, 8, 11), ("full", 42, 12, 20))
SKILL_TYPES = (ConceptType.SKILL, ConceptType.KNOWLEDGE)


@dataclass(frozen=True)
class OccupationProfile:
    label: str
    essential: tuple[Concept, ...]
    optional: tuple[Concept, ...]


def occupation_profiles(labels: set[str]) -> dict[str, OccupationProfile]:
    """The occupations of `labels` (Finnish preferred labels, any case) that have a profile in
    the vocabulary, keyed by the casefolded label; skills in a fixed order (by URI)."""
    wanted = {label.casefold() for label in labels}
    occupations = {
        str(c.preferred.get("fi", "")).casefold(): c
        for c in Concept.objects.filter(type=ConceptType.OCCUPATION).order_by("pk")
        if str(c.preferred.get("fi", "")).casefold() in wanted
    }
    by_source: dict[int, dict[str, list[Concept]]] = {}
    relations = (
        ConceptRelation.objects.filter(
            source__in=occupations.values(),
            kind__in=(RelationKind.OCCUPATION_ESSENTIAL, RelationKind.OCCUPATION_OPTIONAL),
            target__type__in=SKILL_TYPES,
        )
        .select_related("target")
        .order_by("target__uri")
    )
    for relation in relations:
        by_source.setdefault(relation.source_id, {}).setdefault(relation.kind, []).append(
            relation.target
        )
    profiles = {}
    for key, occupation in occupations.items():
        skills = by_source.get(occupation.pk, {})
        essential = tuple(skills.get(RelationKind.OCCUPATION_ESSENTIAL, ()))
        if essential:
            profiles[key] = OccupationProfile(
                label=str(occupation.preferred.get("fi", "")),
                essential=essential,
                optional=tuple(skills.get(RelationKind.OCCUPATION_OPTIONAL, ())),
            )
    return profiles


def profile_size(rng: random.Random) -> int:
    """How many confirmed skills the person will have (0: a new client keeps the first few)."""
    weights = [weight for _, weight, _, _ in STAGES]
    _, _, low, high = rng.choices(STAGES, weights=weights)[0]
    return rng.randint(low, high) if high else 0


def skills_pick(
    rng: random.Random,
    *,
    size: int,
    have: set[int],
    worked: OccupationProfile,
    earlier: OccupationProfile | None,
) -> list[tuple[Concept, OccupationProfile, bool]]:
    """Skills to add so that the profile reaches `size`: (concept, occupation, is essential).

    Mostly the essential skills of the occupation worked in, a fifth or so of its optional
    ones, and one to three of an earlier job's essential skills; a pool that runs out leaves
    its share to the next."""
    room = size - len(have)
    if room <= 0:
        return []
    n_earlier = min(rng.randint(1, 3), room // 4) if earlier is not None else 0
    n_optional = round((room - n_earlier) * rng.uniform(0.1, 0.35))
    pools = [
        (worked, True, list(worked.essential), room - n_earlier - n_optional),
        (worked, False, list(worked.optional), n_optional),
    ]
    if earlier is not None:
        pools.append((earlier, True, list(earlier.essential), n_earlier))
        pools.append((earlier, False, list(earlier.optional), 0))
    picked: list[tuple[Concept, OccupationProfile, bool]] = []
    taken = set(have)
    carry = 0
    for occupation, essential, pool, share in pools:
        candidates = [c for c in pool if c.pk not in taken]
        chosen = rng.sample(candidates, k=min(len(candidates), share + carry))
        carry = share + carry - len(chosen)
        picked.extend((c, occupation, essential) for c in chosen)
        taken.update(c.pk for c in chosen)
    return picked


def skills_add(
    rng: random.Random,
    person: JobSeeker,
    archetype: Archetype,
    ctx: Any,
) -> None:
    """Grow the person's profile to the size drawn for them (nothing for a new client)."""
    size = profile_size(rng)
    profiles: dict[str, OccupationProfile] = ctx["occupation_profiles"]
    worked_in = [profiles[k.casefold()] for k in archetype.worked if k.casefold() in profiles]
    earlier_jobs = [profiles[k.casefold()] for k in archetype.earlier if k.casefold() in profiles]
    if not size or not worked_in:
        return
    worked = rng.choice(worked_in)
    earlier = rng.choice(earlier_jobs) if earlier_jobs else None
    have = set(person.skills.values_list("concept_id", flat=True))
    today: datetime.date = ctx["today"]
    for concept, occupation, essential in skills_pick(
        rng, size=size, have=have, worked=worked, earlier=earlier
    ):
        current = occupation is worked
        level = rng.choice([2, 3, 3, 4] if current and essential else [1, 2, 2, 3])
        source = rng.choices(
            [SkillSource.SELF_ASSESSED, SkillSource.COUNSELLOR, SkillSource.CERTIFICATE],
            weights=[4, 4, 2 if current else 1],
        )[0]
        evidence = {
            SkillSource.SELF_ASSESSED: "",
            SkillSource.COUNSELLOR: f"Työkokemus: {occupation.label}",
            SkillSource.CERTIFICATE: rng.choice(["Ammattitutkinto", "Työtodistus"]),
        }[source]
        profile_skill_set(
            actor=ctx["counsellor"],
            job_seeker=person,
            concept=concept,
            level=level,
            source=source,
            evidence=evidence,
            assessed_on=today - datetime.timedelta(days=rng.randrange(1, 200)),
        )
