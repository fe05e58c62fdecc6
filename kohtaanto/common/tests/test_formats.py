"""Dates, numbers, amounts, language and municipality names in the reader's language, and the
same page rendered in Finnish, Swedish and English."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import Client
from django.utils import timezone, translation

from kohtaanto.accounts.models import Municipality
from kohtaanto.common.dates import expiry_state
from kohtaanto.common.formats import format_date, format_datetime, format_integer, language_name
from kohtaanto.common.validators import validate_not_in_future

DAY = datetime.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("lang", "day", "moment", "number"),
    [
        ("fi", "2.12.2026", "2.12.2026 14.05", "20 000"),
        ("sv", "2.12.2026", "2.12.2026 14.05", "20 000"),
        ("en", "2 Dec 2026", "2 Dec 2026 14:05", "20,000"),
    ],
)
def test_dates_and_numbers_follow_the_reader_language(lang, day, moment, number):
    at = timezone.make_aware(datetime.datetime(2026, 12, 2, 14, 5))
    assert format_date(DAY, lang=lang) == day
    assert format_datetime(at, lang=lang) == moment
    assert format_integer(20000, lang=lang) == number
    # The template filter uses the same formats as the helpers.
    with translation.override(lang):
        rendered = Template('{{ d|date:"SHORT_DATE_FORMAT" }}|{{ d }}').render(Context({"d": DAY}))
    assert rendered == f"{day}|{day}"


def test_a_datetime_is_shown_as_its_day_in_helsinki():
    late = datetime.datetime(2026, 12, 1, 23, 30, tzinfo=datetime.UTC)  # 1.30 on 2.12. in Helsinki
    assert format_date(late, lang="fi") == "2.12.2026"
    assert format_date(None) == ""


def test_negative_integers_keep_their_sign():
    assert format_integer(-1234567, lang="fi") == "-1 234 567"
    assert format_integer(Decimal("-1234"), lang="en") == "-1,234"


@pytest.mark.parametrize(
    ("code", "fi", "sv", "en"),
    [
        ("sv", "ruotsi", "svenska", "Swedish"),
        ("fi", "suomi", "finska", "Finnish"),
        ("aa", "afar", "afar", "Afar"),
        ("so", "somali", "somaliska", "Somali"),
    ],
)
def test_language_names_come_from_cldr_in_three_languages(code, fi, sv, en):
    assert (language_name(code, lang="fi"), language_name(code, lang="sv")) == (fi, sv)
    assert language_name(code, lang="en") == en


def test_every_iso_639_1_code_has_a_name_in_every_language():
    from kohtaanto.jobseekers.languages import ISO_639_1, language_choices

    for lang in ("fi", "sv", "en"):
        unnamed = [c for c in ISO_639_1 if language_name(c, lang=lang) == c]
        assert unnamed == [], lang
        # No "aa (aa)" rows: the name is a word, the code only follows it in brackets.
        assert not [label for code, label in language_choices(lang) if label.startswith(code + " ")]


@pytest.mark.django_db
def test_municipality_is_named_in_the_reader_language(area):
    kokkola = Municipality.objects.get(code="272")
    lestijarvi = Municipality.objects.get(code="421")
    with translation.override("sv"):
        assert str(kokkola) == "Karleby"
        assert str(lestijarvi) == "Lestijärvi"  # no Swedish name of its own
    with translation.override("fi"):
        assert str(kokkola) == "Kokkola"
    with translation.override("en"):
        assert str(kokkola) == "Kokkola"
    assert Municipality.objects.get(code="236").name("sv") == "Kaustby"
    assert Municipality.objects.get(code="924").name("sv") == "Vetil"


@pytest.mark.parametrize(
    ("expires_on", "state"),
    [
        (None, ""),
        (datetime.date(2026, 12, 1), "expired"),
        (datetime.date(2026, 12, 2), "expiring"),  # valid through its last day
        (datetime.date(2027, 3, 2), "expiring"),  # 90 days ahead
        (datetime.date(2027, 3, 3), ""),
    ],
)
def test_expiry_state_edges(expires_on, state):
    assert expiry_state(expires_on, today=DAY) == state


def test_a_day_in_the_future_is_refused_and_today_is_accepted():
    today = timezone.localdate()
    validate_not_in_future(today)
    with pytest.raises(ValidationError) as refused:
        validate_not_in_future(today + datetime.timedelta(days=1))
    assert refused.value.code == "future_date"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "day", "wage", "place"),
    [
        ("fi", "2.12.2026", "2 800,00 € – 3 400,50 €", "Kokkola"),
        ("sv", "2.12.2026", "2 800,00 € – 3 400,50 €", "Karleby"),
        ("en", "2 Dec 2026", "€2,800.00 – €3,400.50", "Kokkola"),
    ],
)
def test_vacancy_page_in_three_languages_shows_dates_amounts_and_municipality(
    client_as, area, lang, day, wage, place
):
    from kohtaanto.employers.models import Vacancy
    from kohtaanto.employers.tests.factories import CompanyFactory

    client: Client = client_as("business_advisor")
    company = CompanyFactory(employment_area=area)
    vacancy = Vacancy.objects.create(
        employment_area=area,
        company=company,
        title="CNC-koneistaja",
        municipality=Municipality.objects.get(code="272"),
        start_date=DAY,
        wage_min=Decimal("2800"),
        wage_max=Decimal("3400.50"),
    )
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    response = client.get(f"/companies/vacancies/{vacancy.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<dd>{day}</dd>" in html
    assert wage in html
    assert f"<dd>{place}</dd>" in html
    assert "2026-12-02" not in html
