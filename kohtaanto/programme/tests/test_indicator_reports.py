"""The indicator table as a command, a page with a pseudonymised drill-down, CSV/JSON, and the
data-quality report."""

import csv
import io
import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry
from kohtaanto.common.errors import DomainError
from kohtaanto.jobseekers.models import ParticipationSpecialCategory
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory, ParticipationFactory
from kohtaanto.programme import selectors
from kohtaanto.programme.indicators import (
    INDICATORS,
    LongTermUnemploymentRule,
    ParticipantFacts,
    compute_table,
)
from kohtaanto.programme.quality import participant_problems, table_problems
from kohtaanto.programme.tests.factories import OperationFactory
from kohtaanto.programme.views import fix_url

CODES = [i.code for i in INDICATORS]


def run(*args: str) -> str:
    out = StringIO()
    call_command("esf_indicators", *args, stdout=out)
    return out.getvalue()


# --- Command ------------------------------------------------------------------------------


def test_command_prints_csv_rows_in_order_with_gender_columns(operation):
    ParticipationFactory(
        operation=operation,
        gender="man",
        entry_date=date(2026, 4, 1),
        exit_date=date(2026, 5, 1),
        exit_employed=True,
    )
    ParticipationFactory(operation=operation, gender="woman", entry_date=date(2026, 4, 2))
    ParticipationFactory(operation=operation, entry_date=date(2027, 4, 2))
    rows = list(csv.reader(io.StringIO(run("--from", "2026-01-01", "--to", "2026-12-31"))))
    assert rows[0] == ["code", "name", "women", "men", "non_binary", "total"]
    assert [r[0] for r in rows[1:]] == CODES
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["EECO01"] == ["EECO01", "total number of participants", "1", "1", "0", "2"]
    assert by_code["EECR04"][2:] == ["0", "1", "0", "1"]
    assert by_code["EECO19"][2:] == ["", "", "", "0"]
    assert by_code["EECO02"][1] == "unemployed, including long-term unemployed"


def test_command_prints_json_and_takes_an_operation_code(operation):
    other = OperationFactory(code="toinen-hanke")
    ParticipationFactory(operation=other, entry_date=date(2026, 2, 2))
    body = json.loads(
        run(
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--operation",
            "toinen-hanke",
            "--format",
            "json",
        )
    )
    assert body["operation"] == "toinen-hanke" and body["from"] == "2026-01-01"
    assert body["indicators"][0] == {
        "code": "EECO01",
        "name": "total number of participants",
        "women": 1,
        "men": 0,
        "non_binary": 0,
        "total": 1,
    }


def test_command_refuses_bad_input_clearly(operation):
    with pytest.raises(CommandError, match="not a date"):
        run("--from", "2026-13-01", "--to", "2026-12-31")
    with pytest.raises(CommandError, match="no operation with code"):
        run("--from", "2026-01-01", "--to", "2026-12-31", "--operation", "ei-ole")
    with pytest.raises(CommandError, match="Kausi päättyy ennen kuin se alkaa"):
        run("--from", "2026-12-31", "--to", "2026-01-01")


# --- Page and drill-down ------------------------------------------------------------------


def test_indicator_page_shows_the_table_in_finnish_and_links_totals_for_coordinator(
    client_as, operation
):
    ParticipationFactory(operation=operation, entry_date=date(2026, 3, 2))
    html = client_as(Role.COORDINATOR).get("/programme/indicators/").content.decode()
    assert "Osallistujien kokonaismäärä" in html
    assert "/programme/indicators/EECO01/participants/" in html
    assert "/programme/indicators/EECO12/participants/" not in html


def test_indicator_page_is_in_swedish_and_english_too(client_as, operation):
    client = client_as(Role.AUDITOR)
    client.cookies["django_language"] = "sv"
    assert "Totalt antal deltagare" in client.get("/programme/indicators/").content.decode()
    client.cookies["django_language"] = "en"
    assert "total number of participants" in client.get("/programme/indicators/").content.decode()


def test_counsellor_sees_totals_but_not_who_is_counted(client_as, operation):
    p = ParticipationFactory(operation=operation, entry_date=date(2026, 3, 2))
    client = client_as(Role.COUNSELLOR)
    html = client.get("/programme/indicators/").content.decode()
    assert "Osallistujien kokonaismäärä" in html and "/participants/" not in html
    assert client.get("/programme/indicators/EECO01/participants/").status_code == 404
    assert f"#{p.pk}" not in html


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.AUDITOR])
def test_drill_down_lists_pseudonyms_and_logs_each_read(client_as, operation, role):
    js = JobSeekerFactory(first_name="Salainen", last_name="Henkilö", birth_date=date(2000, 1, 1))
    p = ParticipationFactory(job_seeker=js, operation=operation, entry_date=date(2026, 3, 2))
    client = client_as(role)
    query = f"operation={operation.pk}&start=2026-01-01&end=2026-12-31"
    html = client.get(f"/programme/indicators/EECO07/participants/?{query}").content.decode()
    assert f"#{p.pk}" in html and "18–29" in html
    assert "Salainen" not in html and "Henkilö" not in html
    entry = AccessLogEntry.objects.get()
    assert entry.actor == client.user and entry.subject_id == str(js.pk)
    assert entry.what == "esf_indicator" and "EECO07" in entry.reason


def test_special_category_indicators_have_no_drill_down(client_as, operation):
    p = ParticipationFactory(operation=operation, entry_date=date(2026, 3, 2))
    ParticipationSpecialCategory.objects.create(participation=p, disability="yes")
    response = client_as(Role.AUDITOR).get(
        f"/programme/indicators/EECO12/participants/?operation={operation.pk}"
        "&start=2026-01-01&end=2026-12-31",
        follow=True,
    )
    assert "vain yhteismääränä" in response.content.decode()
    assert not AccessLogEntry.objects.exists()
    with pytest.raises(DomainError, match="vain yhteismääränä"):
        selectors.indicator_participants(
            operation=operation, code="EECO12", start=date(2026, 1, 1), end=date(2026, 12, 31)
        )


def test_indicator_page_downloads_csv_and_json(client_as, operation):
    ParticipationFactory(operation=operation, entry_date=date(2026, 3, 2))
    client = client_as(Role.FINANCE)
    query = f"operation={operation.pk}&start=2026-01-01&end=2026-06-30"
    response = client.get(f"/programme/indicators/?{query}&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["code", "name", "women", "men", "non_binary", "total"]
    assert rows[1][-1] == "< 5"  # finance sees small counts suppressed
    body = client.get(f"/programme/indicators/?{query}&format=json").json()
    assert body["indicators"][0]["total"] == "< 5" and body["to"] == "2026-06-30"
    exact = client_as(Role.COORDINATOR).get(f"/programme/indicators/?{query}&format=json")
    assert exact.json()["indicators"][0]["total"] == 1


def test_indicator_page_reports_a_bad_period(client_as, operation):
    response = client_as(Role.COORDINATOR).get(
        f"/programme/indicators/?operation={operation.pk}&start=2026-12-31&end=2026-01-01"
    )
    assert response.status_code == 200
    assert "Kausi päättyy ennen kuin se alkaa." in response.content.decode()


def test_indicators_of_another_areas_operation_are_not_offered(client_as, other_area):
    foreign = OperationFactory(employment_area=other_area)
    response = client_as(Role.COORDINATOR).get(
        f"/programme/indicators/?operation={foreign.pk}&start=2026-01-01&end=2026-12-31"
    )
    html = response.content.decode()
    assert "Valintasi ei löydy vaihtoehtojen joukosta." in html
    assert foreign.name not in html and 'id="indicator-table"' not in html


# --- Data quality -------------------------------------------------------------------------


def facts(**kw) -> ParticipantFacts:
    base = {
        "id": 1,
        "job_seeker_id": 1,
        "entry_date": date(2026, 3, 2),
        "birth_date": date(1990, 1, 1),
        "gender": "man",
        "labour_market_status": "unemployed",
        "unemployed_since": date(2025, 1, 1),
        "isced_level": 3,
    }
    return ParticipantFacts(**{**base, **kw})


TODAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"gender": ""}, "missing_gender"),
        ({"birth_date": None}, "missing_birth_date"),
        ({"birth_date": date(2026, 4, 1)}, "birth_after_entry"),
        ({"isced_level": None}, "missing_isced"),
        ({"unemployed_since": None}, "unemployed_without_start"),
        ({"unemployed_since": date(2026, 3, 3)}, "unemployed_since_after_entry"),
        ({"labour_market_status": "employed"}, "start_date_but_not_unemployed"),
        ({"exit_date": date(2026, 3, 1)}, "exit_before_entry"),
        ({"exit_employed": True}, "result_without_exit"),
        ({"six_month_employed": False}, "result_without_exit"),
        (
            {"exit_date": date(2026, 5, 28), "six_month_employed": True},
            "six_month_result_too_early",
        ),
    ],
)
def test_each_data_quality_rule(changes, code):
    assert [p.code for p in participant_problems(facts(**changes), today=TODAY)] == [code]


def test_complete_data_and_a_six_month_result_after_six_months_pass():
    assert participant_problems(facts(), today=TODAY) == []
    ok = facts(exit_date=date(2026, 5, 27), six_month_employed=True, exit_employed=False)
    assert participant_problems(ok, today=TODAY) == []  # 27 May + 6 months = 27 Nov


def test_results_above_outputs_are_listed():
    table = compute_table(
        [facts()], [], start=None, end=TODAY, rule_for=lambda d: LongTermUnemploymentRule()
    )
    assert table_problems(table) == []
    next(r for r in table if r.code == "EECR02").members["man"] = [1, 2]
    assert [code for code, _ in table_problems(table)] == ["EECR02"]


def test_data_quality_page_lists_problems_with_pseudonyms_and_logs_reads(client_as, operation):
    js = JobSeekerFactory(first_name="Näkymätön")
    bad = ParticipationFactory(job_seeker=js, operation=operation, isced_level=None)
    ParticipationFactory(operation=operation)
    client = client_as(Role.AUDITOR)
    html = client.get("/programme/data-quality/").content.decode()
    assert f"#{bad.pk}" in html and "Koulutustaso (ISCED) puuttuu." in html
    assert "Näkymätön" not in html
    assert f'href="/jobseekers/{js.pk}/"' in html
    assert list(AccessLogEntry.objects.values_list("subject_id", "what")) == [
        (str(js.pk), "esf_data_quality")
    ]


def test_data_quality_page_says_when_all_is_well(client_as, operation):
    ParticipationFactory(operation=operation)
    html = client_as(Role.COORDINATOR).get("/programme/data-quality/").content.decode()
    assert "Ei puutteita eikä ristiriitoja." in html


def test_fix_link_goes_to_the_job_seeker_page(coordinator):
    assert fix_url(coordinator, 17) == "/jobseekers/17/"


def test_drill_down_logs_every_person_shown_in_a_constant_number_of_queries(
    client_as, operation, django_assert_max_num_queries
):
    client = client_as(Role.COORDINATOR)
    query = f"operation={operation.pk}&start=2026-01-01&end=2026-12-31"
    url = f"/programme/indicators/EECO01/participants/?{query}"
    ParticipationFactory(operation=operation, entry_date=date(2026, 3, 2))
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    people = [
        ParticipationFactory(operation=operation, entry_date=date(2026, 3, 2)) for _ in range(12)
    ]
    seen = AccessLogEntry.objects.count()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
    rows = AccessLogEntry.objects.order_by("id")[seen:]
    assert {r.subject_id for r in rows} >= {str(p.job_seeker_id) for p in people}
    assert len(rows) == 13 and {r.subject_type for r in rows} == {"jobseekers.jobseeker"}
