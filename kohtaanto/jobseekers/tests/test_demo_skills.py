"""Demo profiles come from the occupations people worked in (jobseekers/demo/skills.py)."""

import csv
import random
from collections import Counter

from kohtaanto.accounts.models import Role
from kohtaanto.jobseekers import demo
from kohtaanto.jobseekers.demo.population import ARCHETYPES
from kohtaanto.jobseekers.demo.skills import OccupationProfile, profile_size, skills_pick
from kohtaanto.jobseekers.models import JobSeeker, ProfileSkill
from kohtaanto.taxonomy.models import ConceptRelation, RelationKind
from kohtaanto.taxonomy.tests.factories import ConceptFactory, OccupationFactory
from kohtaanto.taxonomy.vocabulary_files import VOCABULARY_DIR


def _profile(label: str, essential: int, optional: int) -> tuple[OccupationProfile, object]:
    occupation = OccupationFactory(fi=label)
    skills = {True: ConceptFactory.create_batch(essential), False: []}
    skills[False] = ConceptFactory.create_batch(optional)
    for is_essential, concepts in skills.items():
        kind = (
            RelationKind.OCCUPATION_ESSENTIAL if is_essential else RelationKind.OCCUPATION_OPTIONAL
        )
        for concept in concepts:
            ConceptRelation.objects.create(source=occupation, target=concept, kind=kind)
    return (
        OccupationProfile(
            label=label, essential=tuple(skills[True]), optional=tuple(skills[False])
        ),
        occupation,
    )


def test_profile_sizes_leave_a_few_new_clients_and_about_half_large_enough() -> None:
    rng = random.Random(1)
    sizes = [profile_size(rng) for _ in range(1000)]
    assert set(sizes) <= {0, *range(8, 21)}
    assert 30 <= sizes.count(0) <= 150  # a few new clients keep the first meeting's skills
    assert 330 <= sum(s >= 12 for s in sizes) <= 500


def test_picks_are_mostly_the_essential_skills_of_the_occupation_worked_in(db) -> None:
    worked, _ = _profile("levyseppä-hitsaaja", 16, 20)
    earlier, _ = _profile("hiekkapuhaltaja", 4, 2)
    have = {worked.essential[0].pk, 10**9}
    for seed in range(30):
        picked = skills_pick(
            random.Random(seed), size=16, have=have, worked=worked, earlier=earlier
        )
        concepts = [c.pk for c, _, _ in picked]
        assert len(concepts) == len(set(concepts)) == 14  # reaches the size, nothing twice
        assert not set(concepts) & have
        kinds = Counter((o.label, essential) for _, o, essential in picked)
        assert kinds[("levyseppä-hitsaaja", True)] >= 7
        assert 1 <= kinds[("hiekkapuhaltaja", True)] <= 3
        for concept, occupation, essential in picked:
            assert concept in (occupation.essential if essential else occupation.optional)
    # A pool that runs out leaves its share to the next: no skill lost, none invented.
    small, _ = _profile("keräilijä", 3, 2)
    picked = skills_pick(random.Random(0), size=12, have=set(), worked=small, earlier=earlier)
    assert len(picked) == 3 + 2 + 4 + 2
    assert (
        skills_pick(random.Random(0), size=8, have=set(range(9)), worked=small, earlier=None) == []
    )


def test_demo_welders_get_the_skills_of_their_trade(area, make_user) -> None:
    profile, occupation = _profile("levyseppä-hitsaaja", 16, 20)
    users = {"coordinator": make_user(Role.COORDINATOR), "counsellor": make_user(Role.COUNSELLOR)}
    demo.generate(rng=random.Random(2026), area=area, users=users)
    welders = JobSeeker.objects.filter(
        external_id__startswith="DEMO-JS-", target_occupations__concept=occupation
    )
    trade = {c.pk for c in (*profile.essential, *profile.optional)}
    sizes = []
    for person in welders:
        skills = list(ProfileSkill.objects.filter(job_seeker=person))
        sizes.append(len(skills))
        assert all(1 <= s.level <= 4 for s in skills)
        if skills:
            assert {s.concept_id for s in skills} <= trade
    assert welders.count() >= 5
    assert max(sizes) >= 12 and min(sizes) <= 11, sizes
    sources = set(ProfileSkill.objects.values_list("source", flat=True))
    assert {"self_assessed", "counsellor", "certificate"} <= sources
    # Seeded: the same seed gives the same profiles.
    before = sorted(
        ProfileSkill.objects.values_list("job_seeker__external_id", "concept_id", "level")
    )
    ProfileSkill.objects.all().delete()
    JobSeeker.objects.filter(external_id__startswith="DEMO-JS-").delete()
    demo.generate(rng=random.Random(2026), area=area, users=users)
    after = sorted(
        ProfileSkill.objects.values_list("job_seeker__external_id", "concept_id", "level")
    )
    assert after == before


def test_every_archetype_label_is_a_preferred_label_of_the_shipped_vocabulary() -> None:
    """The demo looks its skills and occupations up by Finnish preferred label and skips what
    it does not find: a label renamed in the vocabulary must be renamed here too."""
    preferred = set()
    for name in ("skills.csv", "occupations.csv"):
        with (VOCABULARY_DIR / name).open(encoding="utf-8") as handle:
            preferred |= {row["fi"].casefold() for row in csv.DictReader(handle)}
    missing = [
        (archetype.key, label)
        for archetype in ARCHETYPES
        for label in (*archetype.skills, *archetype.targets, *archetype.worked, *archetype.earlier)
        if label.casefold() not in preferred
    ]

    assert missing == []
