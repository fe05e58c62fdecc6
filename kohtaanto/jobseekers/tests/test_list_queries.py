"""The register list under load: a fixed, small number of queries per page whatever the page
holds, the columns filled from plain values, and the name search served by an index on
PostgreSQL. A query-count bound fails as soon as a per-row query (N+1) comes back."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory, ParticipationFactory
from kohtaanto.programme.tests.factories import OperationFactory

pytestmark = pytest.mark.django_db

# Ten today: session, user, page count, page rows, last contact and next action, counsellors,
# participations, the area for the read log, the read-log insert, municipality choices. The
# bound leaves room for two more, not for one per row.
LIST_PAGE_QUERIES = 12


@pytest.fixture
def full_page(counsellor, make_user, kokkola):
    """60 people (more than a page), each with two counsellors and a participation."""
    other = make_user(Role.COUNSELLOR, first_name="Börje", last_name="Ahlberg")
    counsellor.first_name, counsellor.last_name = "Ulla", "Ohjaaja"
    counsellor.save()
    people = []
    for i in range(60):
        person = JobSeekerFactory(last_name=f"Henkilö{i:02d}", municipality=kokkola)
        person.counsellors.add(counsellor, other)
        ParticipationFactory(job_seeker=person)
        people.append(person)
    return people


def test_list_page_stays_under_a_fixed_number_of_queries(
    client_as, coordinator, full_page, django_assert_max_num_queries
):
    client = client_as(coordinator)
    client.get("/jobseekers/")  # the session's first request
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        response = client.get("/jobseekers/")
    assert response.status_code == 200
    assert response.content.decode().count('class="badge badge-ok"') == 50
    with django_assert_max_num_queries(LIST_PAGE_QUERIES):
        assert client.get("/jobseekers/", {"q": "Henkilö", "page": 2}).status_code == 200


def test_list_page_read_log_is_still_written_for_every_page(client_as, coordinator, full_page):
    client = client_as(coordinator)
    client.get("/jobseekers/")
    client.get("/jobseekers/", {"page": 2})
    entries = list(AccessLogEntry.objects.filter(what="job_seeker_list").order_by("id"))
    assert len(entries) == 2
    assert entries[1].reason == "ids: " + ",".join(str(p.pk) for p in full_page[50:])


def test_rows_show_counsellors_by_name_and_each_participation(
    client_as, coordinator, counsellor, make_user, kokkola
):
    person = JobSeekerFactory(last_name="Aaltonen", municipality=kokkola)
    nameless = make_user(Role.COUNSELLOR, username="ohjaaja9", first_name="", last_name="")
    person.counsellors.add(counsellor, nameless)
    counsellor.first_name, counsellor.last_name = "Ulla", "Ohjaaja"
    counsellor.save()
    ParticipationFactory(
        job_seeker=person,
        entry_date=datetime.date(2026, 1, 2),
        exit_date=datetime.date(2026, 1, 30),
    )
    ParticipationFactory(
        job_seeker=person, operation=OperationFactory(), entry_date=datetime.date(2026, 3, 2)
    )
    JobSeekerFactory(last_name="Bäck", municipality=kokkola)  # no counsellor, no participation

    rows = list(selectors.job_seeker_list(actor=coordinator))
    selectors.job_seeker_list_details(rows)
    by_name = {p.last_name: p for p in rows}
    # A user without a name shows as the username; names sort by surname ("" first).
    assert by_name["Aaltonen"].counsellor_names == ["ohjaaja9", "Ulla Ohjaaja"]
    assert by_name["Aaltonen"].participation_exits == [datetime.date(2026, 1, 30), None]
    assert by_name["Bäck"].counsellor_names == []
    assert by_name["Bäck"].participation_exits == []

    html = client_as(coordinator).get("/jobseekers/").content.decode()
    # The row is found by its link: the signed-in user's random surname may be "Aaltonen" too.
    detail = reverse("jobseekers:detail", args=[person.pk])
    start = html.index(f'href="{detail}"')
    row = html[start : html.index("</tr>", start)]
    assert "Aaltonen" in row
    assert "ohjaaja9, Ulla Ohjaaja" in row
    assert row.index('class="badge"') < row.index('class="badge badge-ok"')


def test_the_selector_itself_prefetches_nothing(coordinator, full_page, django_assert_num_queries):
    """The API, the header search and choice fields use the same queryset: one query for a
    slice, nothing per row and nothing for columns only the list page shows."""
    with django_assert_num_queries(1):
        rows = list(selectors.job_seeker_list(actor=coordinator)[:20])
    assert len(rows) == 20


def test_api_list_stays_under_a_fixed_number_of_queries(
    api_client_for, coordinator, full_page, django_assert_max_num_queries
):
    client = api_client_for(coordinator)
    # token, user, page, the area for the read log, the read-log insert, count, token last use
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/job-seekers", {"limit": 50})
    assert response.status_code == 200
    assert len(response.json()["items"]) == 50


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes: PostgreSQL")
def test_name_search_can_use_the_trigram_and_external_id_indexes(coordinator, kokkola):
    """The migration's index expressions match the SQL the ORM writes for the search, so
    every branch of the OR can be read from an index (forced here: on a test table that small
    the planner prefers the area index)."""
    JobSeekerFactory(last_name="Virtanen", municipality=kokkola)
    qs = selectors.job_seeker_list(actor=coordinator, q="virtan")
    # The rows the search matches, as the page count reads them.
    sql, params = qs.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        # Inside the test's transaction, rolled back afterwards: without the indexes on the
        # area and sequential scans, the planner can only answer from the search indexes.
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'jobseekers_jobseeker' "
            "AND indexdef LIKE '%%employment_area_id%%'"
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "job_seeker_first_name_trgm" in plan
    assert "job_seeker_last_name_trgm" in plan
    assert "job_seeker_external_id_upper" in plan
    assert [p.last_name for p in qs] == ["Virtanen"]


def test_counsellor_names_on_the_list_are_the_users_display_names(coordinator, make_user):
    person = JobSeekerFactory(last_name="Aaltonen")
    counsellors = [
        make_user(Role.COUNSELLOR, username="ohjaaja1", first_name="Ulla", last_name="Ohjaaja"),
        make_user(Role.COUNSELLOR, username="ohjaaja2", first_name="Börje", last_name=""),
        make_user(Role.COUNSELLOR, username="ohjaaja3", first_name="", last_name="Ahlberg"),
        make_user(Role.COUNSELLOR, username="ohjaaja4", first_name="", last_name=""),
    ]
    person.counsellors.add(*counsellors)

    rows = list(selectors.job_seeker_list(actor=coordinator))
    selectors.job_seeker_list_details(rows)
    (row,) = rows
    by_name = sorted(counsellors, key=lambda u: (u.last_name, u.first_name, u.username))
    assert row.counsellor_names == [u.display_name for u in by_name]
