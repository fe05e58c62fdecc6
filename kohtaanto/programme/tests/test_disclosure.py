"""Small counts never name a person: counts 1–4 are "< 5" with secondary suppression, and
periods under a month are refused, for every role but the coordinator (programme.disclosure).
"""

import csv
import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from kohtaanto.accounts.models import Role
from kohtaanto.common.errors import DomainError
from kohtaanto.jobseekers.models import ParticipationSpecialCategory
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.programme.disclosure import SUPPRESSED, check_period, protect_records
from kohtaanto.programme.models import ProgrammeRules

TOTALS_ONLY = [Role.AUDITOR, Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.FINANCE]


def rec(code, women, men, non_binary, total):
    return {
        "code": code,
        "name": code,
        "women": women,
        "men": men,
        "non_binary": non_binary,
        "total": total,
    }


def test_counts_one_to_four_are_suppressed_and_zero_and_five_are_shown():
    out = protect_records([rec("EECO12", 0, 5, 0, 5), rec("EECO13", 1, 4, 0, 5)])
    assert out[0] == rec("EECO12", 0, 5, 0, 5)
    assert out[1]["women"] == SUPPRESSED and out[1]["men"] == SUPPRESSED
    assert out[1]["total"] == 5


def test_a_single_suppressed_gender_cell_hides_a_second_so_the_total_does_not_reveal_it():
    (out,) = protect_records([rec("EECO14", 3, 10, 0, 13)])
    # women 3 alone hidden would be 13 − 10 − 0: the smallest other non-zero cell goes too.
    assert out["women"] == SUPPRESSED and out["men"] == SUPPRESSED
    assert out["total"] == 13 and out["non_binary"] == 0


def test_column_groups_that_add_up_to_eeco01_get_secondary_suppression():
    out = {
        r["code"]: r
        for r in protect_records(
            [
                rec("EECO01", 10, 10, 0, 20),
                rec("EECO02", 8, 7, 0, 15),
                rec("EECO04", 2, 0, 0, 2),
                rec("EECO05", 0, 3, 0, 3),
            ]
        )
    }
    # EECO04 total 2 and EECO05 total 3 are both hidden; EECO02's 15 = 20 − 2 − 3 is not
    # recoverable since two cells of the group are hidden.
    assert out["EECO04"]["total"] == SUPPRESSED and out["EECO05"]["total"] == SUPPRESSED
    hidden_women = [c for c in ("EECO02", "EECO04", "EECO01") if out[c]["women"] == SUPPRESSED]
    assert len(hidden_women) >= 2


def test_period_shorter_than_a_month_is_refused_and_a_month_is_accepted():
    with pytest.raises(DomainError) as info:
        check_period(date(2026, 2, 14), date(2026, 2, 14))
    assert info.value.code == "period_too_short"
    with pytest.raises(DomainError):
        check_period(date(2026, 1, 15), date(2026, 2, 13))
    check_period(date(2026, 1, 15), date(2026, 2, 14))
    check_period(date(2026, 2, 1), date(2026, 2, 28))


@pytest.fixture
def one_disabled(operation):
    p = ParticipationFactory(operation=operation, entry_date=date(2026, 2, 14), gender="woman")
    ParticipationSpecialCategory.objects.create(participation=p, disability="yes")
    return p


@pytest.mark.parametrize("role", TOTALS_ONLY)
def test_one_day_query_with_one_disabled_participant_is_refused_in_the_api(
    role, make_user, api_client_for, one_disabled
):
    client = api_client_for(make_user(role))
    response = client.get("/api/v1/programme/indicators?from=2026-02-14&to=2026-02-14")
    assert response.status_code == 400
    assert "EECO12" not in response.content.decode()


@pytest.mark.parametrize("role", TOTALS_ONLY)
def test_month_query_shows_the_disabled_participant_only_as_less_than_five(
    role, make_user, api_client_for, one_disabled
):
    client = api_client_for(make_user(role))
    response = client.get("/api/v1/programme/indicators?from=2026-02-01&to=2026-02-28")
    assert response.status_code == 200
    rows = {r["code"]: r for r in response.json()["indicators"]}
    assert rows["EECO12"]["total"] == SUPPRESSED
    assert rows["EECO12"]["women"] == SUPPRESSED
    assert rows["EECO01"]["total"] == SUPPRESSED
    assert all(r["total"] != 1 for r in rows.values())


@pytest.mark.parametrize("role", TOTALS_ONLY)
def test_indicator_page_csv_and_json_do_not_reveal_a_count_of_one(role, client_as, one_disabled):
    client = client_as(role)
    query = f"?operation={one_disabled.operation_id}&start=2026-02-14&end=2026-02-14"
    page = client.get("/programme/indicators/" + query)
    assert page.status_code == 200
    assert "indicator-table" not in page.content.decode()
    month = f"?operation={one_disabled.operation_id}&start=2026-02-01&end=2026-02-28"
    body = client.get("/programme/indicators/" + month + "&format=csv").content.decode()
    rows = {r[0]: r for r in csv.reader(io.StringIO(body))}
    assert rows["EECO12"][2:] == [SUPPRESSED, "0", "0", SUPPRESSED]
    data = json.loads(client.get("/programme/indicators/" + month + "&format=json").content)
    assert {r["code"]: r for r in data["indicators"]}["EECO12"]["total"] == SUPPRESSED


def test_coordinator_sees_the_exact_count_for_a_one_day_period(client_as, one_disabled):
    client = client_as(Role.COORDINATOR)
    query = f"?operation={one_disabled.operation_id}&start=2026-02-14&end=2026-02-14&format=json"
    data = json.loads(client.get("/programme/indicators/" + query).content)
    assert {r["code"]: r for r in data["indicators"]}["EECO12"]["total"] == 1


def test_steering_report_pdf_shows_small_counts_as_less_than_five(client_as, one_disabled):
    client = client_as(Role.COORDINATOR)
    response = client.get(
        f"/programme/steering-report/?operation={one_disabled.operation_id}&start=2026-02-01&end=2026-02-28"
    )
    assert response.status_code == 200
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert SUPPRESSED in text


@pytest.mark.parametrize("query", ["", "?operation={op}&start=2026-01-01&end=2026-12-31"])
def test_indicator_page_without_rules_in_force_says_so_and_does_not_fail(client_as, query):
    """A participant whose entry day no programme rules cover: the page tells what to add,
    whether the period is the default one (no form sent) or one the coordinator chose."""
    participation = ParticipationFactory(entry_date=date(2026, 3, 2))
    ProgrammeRules.objects.all().delete()
    client = client_as(Role.COORDINATOR)
    page = client.get("/programme/indicators/" + query.format(op=participation.operation_id))
    assert page.status_code == 200
    assert "ei ole voimassa hankkeen laskentasääntöjä" in page.content.decode()
