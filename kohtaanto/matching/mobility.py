"""Career moves: occupations whose essential skills a person mostly has, with the gap.

Similarity of a person to an occupation = the share of the occupation's essential skills
(ESCO occupation profiles, exact concepts) among the person's confirmed profile skills. The
verdict thresholds (`MATCHING_MOBILITY_VIABLE`, `…_HIGHLY_VIABLE`) were calibrated on ESCO
by bench/matching_mobility_calibration.py with the same share, but from a whole occupation's
profile (essential and optional skills: median 36, 99 % of them at least 12) to another
occupation's essential skills. Two limits follow, both from that calibration:

- A verdict needs at least `MATCHING_MOBILITY_MIN_SHARED` essential skills in common: above
  the viable threshold only 6 of 25 570 calibrated pairs rest on one shared skill, while an
  occupation that keeps three essential skills in the shipped vocabulary reaches 33 % with one.
- A profile with fewer confirmed skills than `MATCHING_MOBILITY_MIN_PROFILE_SKILLS` is smaller
  than almost every profile the thresholds were calibrated on. Its shares are lower bounds
  (skills not yet confirmed count as missing): a high share is still evidence of a close
  occupation, a low one is not evidence of a hard move, so it gets no verdict ("not assessed")
  and the page asks for the profile to be completed.

The person's target occupations are always listed, with their real gap, whatever their share.
"""

import numpy as np
import scipy.sparse as sp
from django.conf import settings

from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching.results import (
    HIGHLY_VIABLE,
    NOT_ASSESSED,
    NOT_VIABLE,
    VIABLE,
    CareerMoves,
    MobilityResult,
    SkillMatch,
)
from kohtaanto.taxonomy.models import Concept, ConceptRelation, ConceptType, RelationKind


def _occupation_profiles() -> tuple[list[int], sp.csr_matrix, dict[int, int]]:
    """Occupations × skills (essential) as a binary matrix, and the skill column of a concept."""
    rows = ConceptRelation.objects.filter(
        kind=RelationKind.OCCUPATION_ESSENTIAL, source__type=ConceptType.OCCUPATION
    ).values_list("source_id", "target_id")
    occ_index: dict[int, int] = {}
    skill_index: dict[int, int] = {}
    r, c = [], []
    for occ, skill in rows:
        r.append(occ_index.setdefault(occ, len(occ_index)))
        c.append(skill_index.setdefault(skill, len(skill_index)))
    m = sp.csr_matrix(
        (np.ones(len(r), dtype=np.float32), (r, c)), shape=(len(occ_index), len(skill_index))
    )
    return list(occ_index), m, skill_index


def mobility_similarity(person_skills: set[int], essential: set[int]) -> float:
    """Share of an occupation's essential skills the person has (exact concepts).

    The same measure is calibrated on ESCO by bench/matching_mobility_calibration.py.
    """
    return len(person_skills & essential) / len(essential) if essential else 0.0


def profile_is_thin(profile_skills: int) -> bool:
    """Fewer confirmed skills than the calibrated range of the thresholds (module docstring)."""
    return profile_skills < settings.MATCHING_MOBILITY_MIN_PROFILE_SKILLS


def viability(similarity: float, *, shared: int, thin_profile: bool = False) -> str:
    """The verdict on a move (module docstring: why two limits come before the thresholds)."""
    if shared >= settings.MATCHING_MOBILITY_MIN_SHARED:
        if similarity > settings.MATCHING_MOBILITY_HIGHLY_VIABLE:
            return HIGHLY_VIABLE
        if similarity > settings.MATCHING_MOBILITY_VIABLE:
            return VIABLE
    return NOT_ASSESSED if thin_profile else NOT_VIABLE


def career_moves(*, job_seeker: JobSeeker, top: int = 10) -> CareerMoves:
    """The `top` occupations by similarity after the person's target occupations, which are
    always listed first: those with at least `MATCHING_MOBILITY_MIN_SHARED` essential skills in
    common, or one for a thin profile. Checks no permission: the caller does."""
    own = set(job_seeker.skills.values_list("concept_id", flat=True))
    targets = list(
        job_seeker.target_occupations.order_by("pk").values_list("concept_id", flat=True)
    )
    thin = profile_is_thin(len(own))
    occ_ids, m, skill_index = _occupation_profiles()
    position = {occ: i for i, occ in enumerate(occ_ids)}
    x = np.zeros(m.shape[1], dtype=np.float32)
    for concept in own:
        if concept in skill_index:
            x[skill_index[concept]] = 1.0
    have = m @ x if occ_ids else np.zeros(0, dtype=np.float32)
    size = np.asarray(m.sum(axis=1)).ravel()
    similarity = np.divide(have, size, out=np.zeros_like(have), where=size > 0)
    target_rows = [position[t] for t in targets if t in position]
    # A full profile's move needs the skills in common a verdict needs (one shared skill out
    # of many is no nearby occupation); a thin profile's moves, not assessed, need one.
    least = 1 if thin else settings.MATCHING_MOBILITY_MIN_SHARED
    ranked = [int(i) for i in np.argsort(-similarity, kind="stable") if have[i] >= least]
    order = target_rows + [i for i in ranked if i not in target_rows][: max(top, 0)]
    skill_ids = [k for k, _ in sorted(skill_index.items(), key=lambda kv: kv[1])]

    def missing(i: int) -> list[int]:
        columns = m.indices[m.indptr[i] : m.indptr[i + 1]]
        return [skill_ids[c] for c in columns if skill_ids[c] not in own]

    gaps = {occ_ids[i]: missing(i) for i in order}
    concepts = Concept.objects.in_bulk(
        {*targets, *gaps, *(c for gap in gaps.values() for c in gap)}
    )
    moves = []
    for i in order:
        occ = occ_ids[i]
        sim = round(float(similarity[i]), 4)
        shared = int(have[i])
        moves.append(
            MobilityResult(
                occupation=concepts[occ],
                similarity=sim,
                viability=viability(sim, shared=shared, thin_profile=thin),
                missing_essential=[_missing(concepts[c]) for c in gaps[occ]],
                shared=shared,
                essential=int(size[i]),
                is_target=occ in targets,
            )
        )
    return CareerMoves(
        moves=moves,
        profile_skills=len(own),
        thin_profile=thin,
        targets_without_profile=[concepts[t] for t in targets if t not in position],
    )


def _missing(concept: Concept) -> SkillMatch:
    return SkillMatch(
        concept_id=concept.pk,
        uri=concept.uri,
        label=concept.label(),
        essential=True,
        via=None,
        credit=0.0,
    )
