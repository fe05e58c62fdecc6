"""The bare demo shows career moves: the shipped occupation→skill links reach demo clients.

Demo clients' profiles come from the occupations they worked in (jobseekers/demo/skills.py).
About half have at least as many confirmed skills as the thresholds were calibrated on
(matching/mobility.py) and get real verdicts, hard moves included; the others are flagged thin
and get no "hard move" verdict. Everyone's target occupations are listed with the gap."""

import csv
import random

from django.conf import settings

from kohtaanto.accounts.demo_users import demo_users_ensure
from kohtaanto.accounts.models import Role
from kohtaanto.jobseekers import demo as jobseekers_demo
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching import demo as matching_demo
from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.selectors import (
    HIGHLY_VIABLE,
    NOT_ASSESSED,
    NOT_VIABLE,
    VIABLE,
    career_moves_for_job_seeker,
)
from kohtaanto.taxonomy import demo as taxonomy_demo
from kohtaanto.taxonomy.models import ConceptRelation, RelationKind
from kohtaanto.taxonomy.services import occupation_skills_load
from kohtaanto.taxonomy.vocabulary_files import OCCUPATION_SKILLS, VOCABULARY_DIR

SEED = 2026  # the demo command's seed


def test_shipped_links_join_only_vocabulary_concepts() -> None:
    with (VOCABULARY_DIR / "occupations.csv").open(encoding="utf-8", newline="") as f:
        occupations = {row["uri"] for row in csv.DictReader(f)}
    with (VOCABULARY_DIR / "skills.csv").open(encoding="utf-8", newline="") as f:
        skills = {row["uri"] for row in csv.DictReader(f)}
    with (VOCABULARY_DIR / OCCUPATION_SKILLS).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["relation"] for r in rows} == {"essential", "optional"}
    assert {r["occupation_uri"] for r in rows} <= occupations
    assert {r["skill_uri"] for r in rows} <= skills
    assert len({r["occupation_uri"] for r in rows}) >= 30


def test_demo_clients_get_career_moves(area) -> None:
    users, _logins = demo_users_ensure(area)
    taxonomy_demo.generate(rng=random.Random(SEED), area=area, users=users)
    matching_demo.generate(rng=random.Random(SEED), area=area, users=users)
    links = ConceptRelation.objects.filter(kind=RelationKind.OCCUPATION_ESSENTIAL).count()
    assert links > 1000
    # Idempotent: a second run adds nothing.
    assert occupation_skills_load() == 0
    jobseekers_demo.generate(rng=random.Random(SEED), area=area, users=users)

    counsellor = users[Role.COUNSELLOR]
    people = JobSeeker.objects.filter(employment_area=area, external_id__startswith="DEMO-JS-")
    with_moves = with_target = compared = 0
    thin: list[int] = []
    verdicts: set[str] = set()
    for person in people:
        if not counsellor.permissions.check("view_job_seeker_matches", person):
            continue
        try:
            career = career_moves_for_job_seeker(actor=counsellor, job_seeker=person)
        except MatchingError:
            continue  # not active or no consent: not compared, by rule
        moves = career.moves
        compared += 1
        with_moves += bool(moves)
        assert career.profile_skills == person.skills.count() <= 20
        assert career.thin_profile == (
            career.profile_skills < settings.MATCHING_MOBILITY_MIN_PROFILE_SKILLS
        )
        if career.thin_profile:
            thin.append(career.profile_skills)
            assert all(m.viability != NOT_VIABLE for m in moves)
        else:
            assert all(m.viability != NOT_ASSESSED for m in moves)
            verdicts.update(m.viability for m in moves)
        targets = set(person.target_occupations.values_list("concept_id", flat=True))
        listed = {m.occupation.pk for m in moves if m.is_target}
        assert listed | {c.pk for c in career.targets_without_profile} == targets
        with_target += bool(listed)
        for move in moves:
            # The gap lists exactly the occupation's essential skills the person lacks.
            essential = set(
                ConceptRelation.objects.filter(
                    source=move.occupation, kind=RelationKind.OCCUPATION_ESSENTIAL
                ).values_list("target_id", flat=True)
            )
            own = set(person.skills.values_list("concept_id", flat=True))
            assert {m.concept_id for m in move.missing_essential} == essential - own
            assert move.similarity == round(len(essential & own) / len(essential), 4)
    assert with_moves >= 1, "no demo client of the counsellor gets a career move"
    assert with_target >= 1, "no demo client's target occupation is compared"
    # A third to a half of the profiles are large enough for verdicts, of every kind; the
    # others are still thin, a few of them new clients with only the first meeting's skills.
    assert compared / 3 <= compared - len(thin) <= compared * 0.6, (compared, len(thin))
    assert verdicts == {HIGHLY_VIABLE, VIABLE, NOT_VIABLE}
    assert 1 <= sum(size < 8 for size in thin) <= compared // 6, thin
