"""Vacancies a hard requirement keeps from a person: counted per requirement, with the reason."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from kohtaanto.common.errors import NotFoundError
from kohtaanto.jobseekers.models import ProfileSkill, SkillSource
from kohtaanto.matching.explanations import blocked_text
from kohtaanto.matching.selectors import (
    vacancies_blocked_for_job_seeker,
    vacancies_for_job_seeker,
)


def _give_cnc(world, person) -> None:
    ProfileSkill.objects.create(
        job_seeker=person,
        concept=world.c["cnc"],
        level=3,
        source=SkillSource.COUNSELLOR,
        assessed_on=datetime.date(2026, 3, 1),
    )


def test_person_with_every_card_has_nothing_blocked(world, coordinator) -> None:
    blocked = vacancies_blocked_for_job_seeker(actor=coordinator, job_seeker=world.people["welder"])
    assert blocked == []


def test_missing_card_blocks_the_fitting_vacancy_and_names_the_card(world, coordinator) -> None:
    baker = world.people["baker"]
    _give_cnc(world, baker)
    ranked = [r.vacancy_id for r in vacancies_for_job_seeker(actor=coordinator, job_seeker=baker)]
    assert world.vacancies["cnc"].pk not in ranked
    (block,) = vacancies_blocked_for_job_seeker(actor=coordinator, job_seeker=baker)
    assert block.status == "missing" and block.concept_id == world.c["forklift"].pk
    assert block.vacancy_ids == [world.vacancies["cnc"].pk]
    with translation.override("fi"):
        assert blocked_text(block) == "1 työpaikka vaatii: trukkikortti (työnhakijalta puuttuu)."


def test_expired_card_is_told_apart_from_a_missing_one(world, coordinator) -> None:
    welder = world.people["welder"]
    card = welder.requirement_cards.get()
    card.expires_on = datetime.date(2026, 1, 1)
    card.save(update_fields=["expires_on"])
    (block,) = vacancies_blocked_for_job_seeker(actor=coordinator, job_seeker=welder)
    assert block.status == "expired" and block.vacancy_ids == [world.vacancies["cnc"].pk]
    with translation.override("en"):
        assert "expired" in blocked_text(block)


def test_vacancies_without_a_common_skill_are_not_counted(world, coordinator) -> None:
    # The baker lacks the forklift card too, but shares no skill with the CNC vacancy.
    assert (
        vacancies_blocked_for_job_seeker(actor=coordinator, job_seeker=world.people["baker"]) == []
    )


def test_person_page_shows_the_blocked_vacancies_with_the_reason(
    world, client_as, counsellor
) -> None:
    baker = world.people["baker"]
    baker.counsellors.add(counsellor)
    _give_cnc(world, baker)
    client = client_as(counsellor)
    html = client.get(reverse("matching:job-seeker-matches", args=[baker.pk])).content.decode()
    assert "Ehdottomien vaatimusten vuoksi pois jääneet työpaikat" in html
    assert "1 työpaikka vaatii: trukkikortti (työnhakijalta puuttuu)." in html
    assert "CNC-koneistaja – " in html


@pytest.mark.parametrize("user", ["partner_user", "business_advisor"])
def test_blocked_list_is_refused_to_who_may_not_see_the_persons_matches(
    world, request, user
) -> None:
    with pytest.raises(NotFoundError):
        vacancies_blocked_for_job_seeker(
            actor=request.getfixturevalue(user), job_seeker=world.people["welder"]
        )
