"""Name searches find Å, Ä and Ö whatever case was typed, on SQLite as on PostgreSQL."""

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.employers.models import Company
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory

pytestmark = pytest.mark.django_db


def test_uicontains_folds_every_letter_not_only_ascii():
    JobSeekerFactory(first_name="Åsa", last_name="Öhman")
    JobSeekerFactory(first_name="Mikko", last_name="Björk")
    JobSeekerFactory(first_name="Eero", last_name="Sillanpää")
    found = {
        typed: sorted(
            JobSeeker.objects.filter(last_name__uicontains=typed).values_list(
                "last_name", flat=True
            )
        )
        for typed in ("öhman", "ÖHMAN", "BJÖRK", "björk", "SILLANPÄÄ", "lanpä", "Ö")
    }
    assert found == {
        "öhman": ["Öhman"],
        "ÖHMAN": ["Öhman"],
        "BJÖRK": ["Björk"],
        "björk": ["Björk"],
        "SILLANPÄÄ": ["Sillanpää"],
        "lanpä": ["Sillanpää"],
        "Ö": ["Björk", "Öhman"],
    }
    assert JobSeeker.objects.filter(first_name__uicontains="åSA").count() == 1
    # LIKE's wildcards in what was typed are plain characters.
    assert not JobSeeker.objects.filter(last_name__uicontains="%").exists()
    assert not JobSeeker.objects.filter(last_name__uicontains="_").exists()


def test_the_register_and_the_company_list_find_names_typed_in_the_other_case(client_as):
    JobSeekerFactory(first_name="Åsa", last_name="Sjöström")
    CompanyFactory(name="Leikkilän Metalli Oy")
    client = client_as(Role.COORDINATOR)
    for typed in ("SJÖSTRÖM", "åsa sjöström", "ÅSA"):
        page = client.get("/jobseekers/", {"q": typed}).content.decode()
        assert "Sjöström" in page, typed
    assert Company.objects.filter(name__uicontains="LEIKKILÄN").count() == 1
    page = client.get("/companies/", {"q": "LEIKKILÄN"}).content.decode()
    assert "Leikkilän Metalli Oy" in page
