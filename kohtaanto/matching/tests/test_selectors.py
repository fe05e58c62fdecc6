"""Rankings through the selectors, on the small world of conftest.py."""

import datetime
import json

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.common.errors import NotFoundError
from kohtaanto.employers.models import VacancySkill
from kohtaanto.jobseekers.models import Consent, ConsentPurpose, ProfileSkill, SkillSource
from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.selectors import (
    job_seekers_for_vacancy,
    match_explain,
    occupations_for_job_seeker,
    vacancies_for_job_seeker,
)


def test_welder_gets_the_cnc_vacancy_first_with_its_explanation(world, coordinator) -> None:
    results = vacancies_for_job_seeker(actor=coordinator, job_seeker=world.people["welder"])
    top = results[0]
    assert top.vacancy_id == world.vacancies["cnc"].pk
    assert {s.uri for s in top.matched} == {
        world.c["cnc"].uri,
        world.c["drawings"].uri,
    }
    (partial,) = top.partial
    assert partial.uri == world.c["welding"].uri
    assert partial.via == "narrower" and partial.via_label == "MIG/MAG-hitsaus"
    assert top.missing == []
    assert sum(top.components.values()) == pytest.approx(top.score, abs=1e-3)
    # The bakery shares no skill with the welder and is not offered at all.
    assert world.vacancies["bakery"].pk not in [r.vacancy_id for r in results]


def test_card_expiring_before_start_warns_but_does_not_exclude(world, coordinator) -> None:
    results = vacancies_for_job_seeker(actor=coordinator, job_seeker=world.people["welder"])
    (check,) = results[0].requirements
    assert check.status == "expires_before_start" and not results[0].excluded


def test_missing_card_excludes_from_the_vacancy_ranking(world, coordinator) -> None:
    ProfileSkill.objects.create(
        job_seeker=world.people["baker"],
        concept=world.c["cnc"],
        level=3,
        source=SkillSource.COUNSELLOR,
        assessed_on=datetime.date(2026, 3, 1),
    )
    people = job_seekers_for_vacancy(actor=coordinator, vacancy=world.vacancies["cnc"])
    assert [r.job_seeker_id for r in people] == [world.people["welder"].pk]
    explained = match_explain(
        actor=coordinator, job_seeker=world.people["baker"], vacancy=world.vacancies["cnc"]
    )
    assert explained.excluded and explained.score == 0
    assert explained.requirements[0].status == "missing"


def test_expired_card_excludes(world, coordinator) -> None:
    card = world.people["welder"].requirement_cards.get()
    card.expires_on = datetime.date(2026, 1, 1)
    card.save(update_fields=["expires_on"])
    explained = match_explain(
        actor=coordinator, job_seeker=world.people["welder"], vacancy=world.vacancies["cnc"]
    )
    assert explained.excluded and explained.requirements[0].status == "expired"


def test_profile_change_is_seen_by_the_next_ranking(world, coordinator) -> None:
    welder = world.people["welder"]
    first = vacancies_for_job_seeker(actor=coordinator, job_seeker=welder)
    assert world.vacancies["far_welder"].pk in [r.vacancy_id for r in first]
    ProfileSkill.objects.create(
        job_seeker=welder,
        concept=world.c["tig"],
        level=3,
        source=SkillSource.COUNSELLOR,
        assessed_on=datetime.date(2026, 3, 1),
    )
    again = {
        r.vacancy_id: r for r in vacancies_for_job_seeker(actor=coordinator, job_seeker=welder)
    }
    far = again[world.vacancies["far_welder"].pk]
    assert world.c["tig"].uri in {s.uri for s in far.matched}


def test_vacancy_ranking_lists_only_consenting_people(world, coordinator) -> None:
    people = job_seekers_for_vacancy(actor=coordinator, vacancy=world.vacancies["far_welder"])
    ids = [r.job_seeker_id for r in people]
    assert world.people["welder"].pk in ids
    assert world.people["no_consent"].pk not in ids  # has MIG welding, but no consent
    Consent.objects.filter(
        job_seeker=world.people["welder"], purpose=ConsentPurpose.PROCESSING
    ).update(withdrawn_on=datetime.date(2026, 2, 1))
    people = job_seekers_for_vacancy(actor=coordinator, vacancy=world.vacancies["far_welder"])
    assert world.people["welder"].pk not in [r.job_seeker_id for r in people]


def test_counsellor_sees_only_own_clients_in_the_vacancy_ranking(
    world, make_user, coordinator
) -> None:
    other = make_user(Role.COUNSELLOR)
    assert job_seekers_for_vacancy(actor=other, vacancy=world.vacancies["cnc"]) == []


def test_partner_never_gets_a_ranking_of_people(world, partner_user) -> None:
    with pytest.raises(NotFoundError):
        job_seekers_for_vacancy(actor=partner_user, vacancy=world.vacancies["cnc"])
    with pytest.raises(NotFoundError):
        vacancies_for_job_seeker(actor=partner_user, job_seeker=world.people["welder"])


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("no_consent", "no_consent"),
        ("closed", "vacancy_not_open"),
        ("no_skills_vacancy", "vacancy_without_skills"),
        ("no_skills_person", "no_skills"),
    ],
)
def test_input_that_cannot_be_ranked_says_why(world, coordinator, case, code) -> None:
    with pytest.raises(MatchingError) as err:
        if case == "no_consent":
            vacancies_for_job_seeker(actor=coordinator, job_seeker=world.people["no_consent"])
        elif case == "closed":
            job_seekers_for_vacancy(actor=coordinator, vacancy=world.vacancies["closed"])
        elif case == "no_skills_vacancy":
            VacancySkill.objects.filter(vacancy=world.vacancies["bakery"]).delete()
            job_seekers_for_vacancy(actor=coordinator, vacancy=world.vacancies["bakery"])
        else:
            world.people["baker"].skills.all().delete()
            vacancies_for_job_seeker(actor=coordinator, job_seeker=world.people["baker"])
    assert err.value.code == code
    assert err.value.message


def test_mobility_names_viability_and_the_gap(world, coordinator, settings) -> None:
    moves = occupations_for_job_seeker(actor=coordinator, job_seeker=world.people["welder"])
    by_occ = {m.occupation.pk: m for m in moves}
    cnc = by_occ[world.c["cnc_occ"].pk]
    assert cnc.similarity == 1.0 and cnc.viability == "highly viable"
    welder = by_occ[world.c["welder_occ"].pk]
    assert welder.similarity == 0.5  # MIG and drawings of four
    assert {s.uri for s in welder.missing_essential} == {world.c["welding"].uri, world.c["tig"].uri}
    settings.MATCHING_MOBILITY_HIGHLY_VIABLE = 0.6
    moves = occupations_for_job_seeker(actor=coordinator, job_seeker=world.people["welder"])
    assert {m.occupation.pk: m for m in moves}[world.c["welder_occ"].pk].viability == "viable"
    assert world.c["baker_occ"].pk not in by_occ


def test_near_tied_occupation_gets_a_first_page_place_in_every_path(
    world, coordinator, settings, tmp_path
) -> None:
    """The page rule gives the welder vacancy a place on a page of two full of CNC vacancies,
    the same way through the selector, `match` and `match-all`."""
    from kohtaanto.employers.models import Vacancy, VacancyState
    from kohtaanto.matching.services import match_all_export

    cnc = world.vacancies["cnc"]
    second = Vacancy.objects.create(
        employment_area=cnc.employment_area,
        company=cnc.company,
        title="CNC-koneistaja 2",
        occupation=world.c["cnc_occ"],
        state=VacancyState.OPEN,
        municipality=cnc.municipality,
    )
    VacancySkill.objects.create(vacancy=second, concept=world.c["cnc"], essential=True)
    VacancySkill.objects.create(vacancy=second, concept=world.c["drawings"], essential=True)
    welder = world.people["welder"]

    def listed(**weights: float) -> tuple[list[int], list[int]]:
        settings.MATCHING_WEIGHTS = weights
        one = [
            r.vacancy_id
            for r in vacancies_for_job_seeker(actor=coordinator, job_seeker=welder, top=3)
        ]
        out = tmp_path / "all.jsonl"
        match_all_export(area=world.area, top=3, out=out)
        ext = {e or str(pk): pk for pk, e in Vacancy.objects.values_list("pk", "external_id")}
        for line in out.read_text().splitlines():
            row = json.loads(line)
            if row["job_seeker"] in (welder.external_id, str(welder.pk)):
                return one, [ext[v["external_id"]] for v in row["vacancies"]]
        raise AssertionError("the welder is missing from match-all")

    far = world.vacancies["far_welder"].pk
    plain, plain_all = listed(page_size=2, page_labels=0)
    assert plain == plain_all and sorted(plain[:2]) == sorted([cnc.pk, second.pk])
    assert plain[2] == far
    page, page_all = listed(page_size=2, page_labels=1, page_margin=1.0)
    assert page == page_all == [plain[0], far, plain[1]]


def test_rankings_run_a_constant_number_of_queries(
    world, coordinator, django_assert_max_num_queries
) -> None:
    """Once the area's index is built, a ranking checks it is current with one summary query
    and explains the top with a few more, however many vacancies or people are listed."""
    welder = world.people["welder"]
    vacancies_for_job_seeker(actor=coordinator, job_seeker=welder)  # builds the index
    with django_assert_max_num_queries(12):
        assert vacancies_for_job_seeker(actor=coordinator, job_seeker=welder)
    with django_assert_max_num_queries(14):
        assert job_seekers_for_vacancy(actor=coordinator, vacancy=world.vacancies["cnc"])
