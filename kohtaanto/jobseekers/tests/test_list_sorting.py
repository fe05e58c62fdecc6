"""The job seeker list: last contact and next action, sortable columns, paging that keeps them;
the concept page's where-used count."""

import datetime

import pytest

from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.models import PlanAction, ProfileSkill, RequirementCard, SkillSource
from kohtaanto.jobseekers.tests.factories import (
    JobSeekerFactory,
    PlanActionFactory,
    ServiceEventFactory,
)
from kohtaanto.taxonomy.tests.factories import ConceptFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(counsellor):
    made = {}
    for last, contact, action in [
        ("Aalto", datetime.date(2026, 5, 1), datetime.date(2026, 12, 20)),
        ("Berg", None, datetime.date(2026, 12, 5)),
        ("Cederholm", datetime.date(2026, 11, 30), None),
    ]:
        person = JobSeekerFactory(last_name=last, first_name="Testi")
        person.counsellors.add(counsellor)
        if contact:
            ServiceEventFactory(
                job_seeker=person, occurred_on=contact - datetime.timedelta(days=40)
            )
            ServiceEventFactory(job_seeker=person, occurred_on=contact)
        if action:
            PlanActionFactory(job_seeker=person, due_on=action, description=f"Toimi {last}")
            PlanActionFactory(
                job_seeker=person,
                due_on=action - datetime.timedelta(days=30),
                description="Tehty jo",
                status=PlanAction.Status.DONE,
            )
        made[last] = person
    return made


def _order(actor, sort):
    return [p.last_name for p in selectors.job_seeker_list(actor=actor, sort=sort)]


def test_rows_carry_the_latest_contact_and_the_first_open_action(counsellor, people):
    people = list(selectors.job_seeker_list(actor=counsellor))
    selectors.job_seeker_list_details(people)
    rows = {p.last_name: p for p in people}
    assert rows["Aalto"].last_contact == datetime.date(2026, 5, 1)
    assert rows["Berg"].last_contact is None
    assert (rows["Berg"].next_action_on, rows["Berg"].next_action) == (
        datetime.date(2026, 12, 5),
        "Toimi Berg",
    )
    assert rows["Cederholm"].next_action_on is None


def test_sorting_by_each_column_both_ways_with_empty_values_last(counsellor, people):
    assert _order(counsellor, "name") == ["Aalto", "Berg", "Cederholm"]
    assert _order(counsellor, "-name") == ["Cederholm", "Berg", "Aalto"]
    assert _order(counsellor, "last_contact") == ["Aalto", "Cederholm", "Berg"]
    assert _order(counsellor, "-last_contact") == ["Cederholm", "Aalto", "Berg"]
    assert _order(counsellor, "next_action") == ["Berg", "Aalto", "Cederholm"]
    assert _order(counsellor, "-next_action") == ["Aalto", "Berg", "Cederholm"]


def test_unknown_sort_falls_back_to_name(counsellor, people):
    assert _order(counsellor, "identity_code_digest") == ["Aalto", "Berg", "Cederholm"]


def test_list_page_sort_links_keep_filters_and_toggle_direction(client_as, counsellor, people):
    response = client_as(counsellor).get("/jobseekers/", {"sort": "last_contact", "q": "Testi"})
    html = response.content.decode()
    assert response.status_code == 200
    assert [p.last_name for p in response.context["page"]] == ["Aalto", "Cederholm", "Berg"]
    links = response.context["sort_links"]
    assert links["last_contact"]["aria"] == "ascending"
    assert (
        "sort=-last_contact" in links["last_contact"]["url"]
        and "q=Testi" in links["last_contact"]["url"]
    )
    assert links["name"]["aria"] == "none"
    assert "Toimi Berg" in html and "Viimeisin yhteys" in html


def test_bad_sort_in_the_address_is_not_an_error(client_as, counsellor, people):
    response = client_as(counsellor).get("/jobseekers/", {"sort": "'; drop table"})
    assert response.status_code == 200
    assert response.context["sort"] == "name"


def test_where_used_counts_a_person_once_and_only_people_the_actor_sees(counsellor, make_user):
    concept = ConceptFactory()
    mine = JobSeekerFactory()
    mine.counsellors.add(counsellor)
    ProfileSkill.objects.create(
        job_seeker=mine,
        concept=concept,
        level=2,
        source=SkillSource.COUNSELLOR,
        assessed_on=datetime.date(2026, 1, 1),
    )
    RequirementCard.objects.create(job_seeker=mine, concept=concept)
    other = JobSeekerFactory()
    other.counsellors.add(make_user("counsellor"))
    ProfileSkill.objects.create(
        job_seeker=other,
        concept=concept,
        level=2,
        source=SkillSource.COUNSELLOR,
        assessed_on=datetime.date(2026, 1, 1),
    )
    assert selectors.concept_usage_count(actor=counsellor, concept=concept) == 1
    assert selectors.concept_usage_count(actor=make_user("coordinator"), concept=concept) == 2
