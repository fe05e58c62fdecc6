"""Career moves within the calibrated range of their thresholds, and the target occupation
always shown with its gap.

The world's welder has three confirmed skills (MIG/MAG welding, drawings, CNC machining) and
the CNC machinist as target occupation.
"""

import pytest
from django.urls import reverse

from kohtaanto.jobseekers.models import TargetOccupation
from kohtaanto.matching.selectors import (
    HIGHLY_VIABLE,
    NOT_ASSESSED,
    NOT_VIABLE,
    VIABLE,
    career_moves_for_job_seeker,
)
from kohtaanto.matching.tests.conftest import concept
from kohtaanto.taxonomy.models import ConceptRelation, ConceptType, RelationKind


def _occupation(key: str, fi: str, skills: list) -> object:
    occ = concept(key, ConceptType.OCCUPATION, fi, key)
    for skill in skills:
        ConceptRelation.objects.create(
            source=occ, target=skill, kind=RelationKind.OCCUPATION_ESSENTIAL
        )
    return occ


def _others(prefix: str, n: int) -> list:
    return [
        concept(f"{prefix}{i}", ConceptType.SKILL, f"{prefix} {i}", f"{prefix} {i}")
        for i in range(n)
    ]


@pytest.fixture
def far(world):
    """CNC machining and five skills the welder lacks: 1 of 6 in common."""
    return _occupation("assembler", "kokoonpanija", [world.c["cnc"], *_others("asm", 5)])


@pytest.fixture
def tiny(world):
    """An occupation that keeps three essential skills: one in common is 33 %."""
    return _occupation("setter", "koneenasettaja", [world.c["cnc"], *_others("set", 2)])


@pytest.fixture
def wide(world):
    """CNC machining, drawings and six skills the welder lacks: 2 of 8 in common (25 %)."""
    return _occupation(
        "fitter", "asentaja", [world.c["cnc"], world.c["drawings"], *_others("fit", 6)]
    )


def _moves(world, actor, **kwargs):
    career = career_moves_for_job_seeker(actor=actor, job_seeker=world.people["welder"], **kwargs)
    return career, {m.occupation.pk: m for m in career.moves}


def test_thin_profile_gets_no_hard_move_verdict(world, coordinator, far, wide, settings) -> None:
    career, moves = _moves(world, coordinator)
    assert career.thin_profile and career.profile_skills == 3
    assert moves[far.pk].similarity == round(1 / 6, 4) and moves[far.pk].viability == NOT_ASSESSED
    assert moves[wide.pk].viability == NOT_ASSESSED
    # A close occupation is still named: a thin profile's share is a lower bound.
    assert moves[world.c["cnc_occ"].pk].viability == HIGHLY_VIABLE
    settings.MATCHING_MOBILITY_MIN_PROFILE_SKILLS = 3
    career, moves = _moves(world, coordinator)
    assert not career.thin_profile and moves[wide.pk].viability == NOT_VIABLE
    # One skill in common out of six is no nearby occupation for a full profile: not listed.
    assert far.pk not in moves


def test_one_shared_skill_is_no_viable_move(world, coordinator, tiny, settings) -> None:
    _career, moves = _moves(world, coordinator)
    assert moves[tiny.pk].similarity == round(1 / 3, 4)  # above the viable threshold
    assert moves[tiny.pk].shared == 1 and moves[tiny.pk].essential == 3
    assert moves[tiny.pk].viability == NOT_ASSESSED
    settings.MATCHING_MOBILITY_MIN_PROFILE_SKILLS = 3
    assert tiny.pk not in _moves(world, coordinator)[1]
    settings.MATCHING_MOBILITY_MIN_SHARED = 1
    assert _moves(world, coordinator)[1][tiny.pk].viability == VIABLE


def test_target_occupations_are_listed_first_with_their_gap(world, coordinator, far) -> None:
    person = world.people["welder"]
    TargetOccupation.objects.create(job_seeker=person, concept=world.c["baker_occ"])
    TargetOccupation.objects.create(job_seeker=person, concept=far)
    career, moves = _moves(world, coordinator, top=1)
    assert [m.occupation.pk for m in career.moves[:3]] == [
        world.c["cnc_occ"].pk,
        world.c["baker_occ"].pk,
        far.pk,
    ]
    assert all(m.is_target for m in career.moves[:3]) and len(career.moves) == 4
    baker = moves[world.c["baker_occ"].pk]  # nothing in common, still shown
    assert baker.similarity == 0 and baker.shared == 0 and baker.essential == 2
    assert {s.concept_id for s in baker.missing_essential} == {
        world.c["bake"].pk,
        world.c["dough"].pk,
    }
    assert len(moves[far.pk].missing_essential) == 5


def test_page_explains_a_thin_profile_and_marks_the_target(
    world, client_as, counsellor, far
) -> None:
    person = world.people["welder"]
    TargetOccupation.objects.create(job_seeker=person, concept=far)
    no_profile = concept("nobody", ConceptType.OCCUPATION, "tuntematon ammatti", "unknown")
    TargetOccupation.objects.create(job_seeker=person, concept=no_profile)
    client = client_as(counsellor)
    url = reverse("matching:job-seeker-matches", args=[person.pk])
    html = client.get(url).content.decode()
    assert "Henkilön profiilissa on vain 3 vahvistettua osaamista." in html
    assert "Vahvista henkilön osaamiset profiiliin" in html
    assert reverse("jobseekers:profile", args=[person.pk]) in html
    assert "Ei arvioitu: profiilissa vähän vahvistettuja osaamisia" in html
    assert "Vaatii paljon lisäosaamista" not in html
    assert "Tavoiteammatti" in html and "1 / 6 (17 %)" in html
    assert f"{reverse('matching:gap', args=[person.pk])}?occupation={far.pk}" in html
    assert "Tavoiteammatille tuntematon ammatti ei ole taksonomiassa" in html
    client.cookies["django_language"] = "en"
    html = client.get(url).content.decode()
    assert "profile has only 3 confirmed skills." in html
    assert "Not assessed: few confirmed skills in the profile" in html


def test_api_tells_a_thin_profile_and_the_target(world, coordinator, api_client_for) -> None:
    body = (
        api_client_for(coordinator)
        .get(f"/api/v1/matching/job-seekers/{world.people['welder'].pk}/occupations")
        .json()
    )
    assert body["thin_profile"] is True and body["profile_skills"] == 3
    first = body["results"][0]
    assert first["is_target"] is True and first["shared_essential"] == first["essential"] == 3
