"""Company and vacancy lists: sortable columns that survive filters and paging."""

import pytest

from kohtaanto.accounts.models import Municipality
from kohtaanto.employers.tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def companies(area):
    kokkola = Municipality.objects.get(area=area, name_fi="Kokkola")
    kannus = Municipality.objects.get(area=area, name_fi="Kannus")
    return [
        CompanyFactory(name="Alfa Oy", municipality=kokkola, employees=120),
        CompanyFactory(name="Beta Oy", municipality=kannus, employees=None),
        CompanyFactory(name="Gamma Oy", municipality=kannus, employees=8),
    ]


def _names(response):
    return [c.name for c in response.context["page"]]


def test_companies_sort_by_name_municipality_and_size_both_ways(client_as, companies):
    client = client_as("business_advisor")
    assert _names(client.get("/companies/")) == ["Alfa Oy", "Beta Oy", "Gamma Oy"]
    assert _names(client.get("/companies/", {"sort": "-name"})) == [
        "Gamma Oy",
        "Beta Oy",
        "Alfa Oy",
    ]
    assert _names(client.get("/companies/", {"sort": "municipality"})) == [
        "Beta Oy",
        "Gamma Oy",
        "Alfa Oy",
    ]
    # Unknown size last either way.
    assert _names(client.get("/companies/", {"sort": "size"})) == ["Gamma Oy", "Alfa Oy", "Beta Oy"]
    assert _names(client.get("/companies/", {"sort": "-size"})) == [
        "Alfa Oy",
        "Gamma Oy",
        "Beta Oy",
    ]


def test_company_sort_links_keep_the_filter_and_mark_the_current_column(client_as, companies):
    response = client_as("business_advisor").get("/companies/", {"sort": "name", "q": "Oy"})
    links = response.context["sort_links"]
    assert links["name"]["aria"] == "ascending" and "sort=-name" in links["name"]["url"]
    assert "q=Oy" in links["municipality"]["url"]
    assert 'aria-sort="ascending"' in response.content.decode()


def test_unknown_sort_is_the_default_order_not_an_error(client_as, companies):
    response = client_as("business_advisor").get("/companies/vacancies/", {"sort": "secret"})
    assert response.status_code == 200
    assert response.context["sort"] == "closing"
