"""The header search: across kinds, only what the role may see, a limited term."""

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.home.search import MAX_TERM_LENGTH
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db


def _groups(response):
    return {
        g.key: [str(getattr(i, "name", i)) for i in g.items]
        for g in response.context["results"].groups
    }


def test_counsellor_finds_own_client_and_companies_but_not_another_counsellors_client(
    client_as, counsellor, make_user
):
    mine = JobSeekerFactory(first_name="Hilkka", last_name="Hakija")
    mine.counsellors.add(counsellor)
    theirs = JobSeekerFactory(first_name="Hilda", last_name="Hakija")
    theirs.counsellors.add(make_user(Role.COUNSELLOR))
    CompanyFactory(name="Hakija Tekniikka Oy")

    response = client_as(counsellor).get("/search/", {"q": "hakija"})

    groups = _groups(response)
    assert response.status_code == 200
    assert groups["people"] == ["Hilkka Hakija"]
    assert groups["companies"] == ["Hakija Tekniikka Oy"]
    assert "Hilda" not in response.content.decode()


def test_search_records_which_people_were_shown(client_as, counsellor):
    person = JobSeekerFactory(last_name="Lokitettava")
    person.counsellors.add(counsellor)
    client_as(counsellor).get("/search/", {"q": "lokitettava"})
    entry = AccessLogEntry.objects.get(what="job_seeker_search")
    assert entry.reason == f"ids: {person.pk}"


def test_finance_search_has_no_people_group(client_as):
    JobSeekerFactory(last_name="Salainen")
    response = client_as(Role.FINANCE).get("/search/", {"q": "salainen"})
    assert response.status_code == 200
    assert "people" not in _groups(response)
    assert "Salainen" not in response.content.decode()


def test_concepts_are_found_by_their_label(client_as, counsellor):
    from kohtaanto.taxonomy.search import invalidate
    from kohtaanto.taxonomy.tests.factories import ConceptFactory

    concept = ConceptFactory(fi="robottihitsaus", en="robot welding")
    invalidate()
    response = client_as(counsellor).get("/search/", {"q": "robottihitsaus"})
    concepts = next(g for g in response.context["results"].groups if g.key == "concepts")
    assert concept.pk in [i.pk for i in concepts.items]
    assert "robottihitsaus" in response.content.decode()


def test_too_long_term_is_refused_with_the_limit_and_nothing_searched(client_as):
    response = client_as(Role.COORDINATOR).get("/search/", {"q": "a" * (MAX_TERM_LENGTH + 1)})
    assert response.status_code == 400
    assert response.context["results"] is None
    assert f"enintään {MAX_TERM_LENGTH} merkkiä" in response.content.decode()


def test_one_letter_asks_for_more(client_as):
    response = client_as(Role.COORDINATOR).get("/search/", {"q": "a"})
    assert response.status_code == 400
    assert "vähintään 2 merkkiä" in response.content.decode()


def test_search_requires_login(client):
    assert client.get("/search/", {"q": "abc"}).status_code == 302


def test_header_has_the_search_box_for_signed_in_users(client_as):
    html = client_as(Role.AUDITOR).get("/").content.decode()
    assert 'role="search"' in html and 'name="q"' in html and 'maxlength="100"' in html
