"""The payment claim's participant list annex (PDF and Excel): who the period's indicator
table counts and in which indicators, under the table's period rules; identity codes only
for a role allowed to export participants; special-category items never per person; text
cells never formulas; every file logged."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.jobseekers.identity import identity_code_digest, identity_code_encrypt
from kohtaanto.jobseekers.models import ParticipationSpecialCategory
from kohtaanto.jobseekers.tests.factories import (
    JobSeekerFactory,
    ParticipationFactory,
    identity_code_for,
)
from kohtaanto.programme import exports, selectors, services


@pytest.fixture
def claim(coordinator, operation):
    """The second half of 2026 with one participant for each rule at its edge."""
    code = identity_code_for(date(1990, 5, 17))
    person = JobSeekerFactory(
        birth_date=date(1990, 5, 17),
        identity_code_encrypted=identity_code_encrypt(code),
        identity_code_digest=identity_code_digest(code),
    )
    people = {
        # Entered in period 1, left in period 2 employed: an immediate result only.
        "left": ParticipationFactory(
            job_seeker=person,
            operation=operation,
            entry_date=date(2026, 3, 1),
            exit_date=date(2026, 8, 31),
            exit_employed=True,
        ),
        # Entered on the period's first day, with a disability (GDPR Art. 9).
        "first_day": ParticipationFactory(operation=operation, entry_date=date(2026, 7, 1)),
        # Left 15.2.: the six-month situation (15.8.) falls in period 2.
        "six_months": ParticipationFactory(
            operation=operation,
            entry_date=date(2026, 1, 10),
            exit_date=date(2026, 2, 15),
            six_month_employed=True,
        ),
        # Entered on the period's last day.
        "last_day": ParticipationFactory(operation=operation, entry_date=date(2026, 12, 31)),
        # Still taking part, entered in period 1: nothing to count in period 2.
        "ongoing": ParticipationFactory(operation=operation, entry_date=date(2026, 2, 1)),
    }
    ParticipationSpecialCategory.objects.create(
        participation=people["first_day"], disability="yes", minority="yes"
    )
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=2)
    )
    services.cost_report_update(actor=coordinator, report=report, narrative="=1+1 edistyi")
    return report, people, code


def _codes(annex, participation):
    return next(r["counted"] for r in annex.rows if r["participation_id"] == participation.pk)


def test_the_annex_lists_who_the_period_counts_and_in_what(coordinator, claim):
    report, people, _code = claim
    annex = selectors.claim_participant_annex(actor=coordinator, report=report)
    ids = {r["participation_id"] for r in annex.rows}
    assert ids == {people[k].pk for k in ("left", "first_day", "six_months", "last_day")}
    assert _codes(annex, people["left"]) == "EECR04"  # exit date rules, not the entry
    assert _codes(annex, people["six_months"]) == "EECR05"  # exit + 6 months
    first_day = _codes(annex, people["first_day"]).split(", ")
    assert "EECO01" in first_day and "EECO02" in first_day
    assert "EECO12" not in first_day and "EECO15" not in first_day  # Art. 9 never per person
    assert "EECO01" in _codes(annex, people["last_day"])
    # Every participant counted in the period's table is in the list.
    table = {r["code"]: r["total"] for r in selectors.cost_report_figures(report)["indicators"]}
    assert table["EECO01"] == sum("EECO01" in r["counted"] for r in annex.rows)
    assert table["EECR04"] == sum("EECR04" in r["counted"] for r in annex.rows)


def test_excel_annex_with_identity_codes_for_the_coordinator_and_logged(client_as, claim):
    report, people, code = claim
    client = client_as(Role.COORDINATOR)
    response = client.get(f"/programme/cost-reports/{report.pk}/export.xlsx?identity_code=1")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook["Osallistujaluettelo"].iter_rows(values_only=True))
    headers = rows[0]
    assert headers[:2] == ("Osallistumisen tunniste", "Henkilötunnus")
    by_id = {r[0]: dict(zip(headers, r, strict=True)) for r in rows[1:]}
    left = by_id[people["left"].pk]
    assert left["Henkilötunnus"] == code
    assert left["Päättymispäivä"].date() == date(2026, 8, 31)
    assert left["Sukupuoli"] in ("Nainen", "Mies", "Muu")  # a label, never a raw code
    # A narrative typed as a formula stays text.
    narrative = list(workbook["Edistyminen"].iter_rows(values_only=True))
    assert narrative[1][0] == "'=1+1 edistyi"
    logged = AccessLogEntry.objects.filter(what="esf_participant_export+identity_code")
    assert {int(s) for s in logged.values_list("subject_id", flat=True)} == {
        people[k].job_seeker_id for k in ("left", "first_day", "six_months", "last_day")
    }
    event = AuditEvent.objects.get(action="programme.participants.export")
    assert event.changes["format"][1] == "claim-xlsx" and event.changes["rows"][1] == 4


@pytest.mark.parametrize("role", [Role.FINANCE, Role.AUDITOR])
def test_other_claim_readers_get_the_list_without_identity_codes(client_as, claim, role):
    report, _people, code = claim
    response = client_as(role).get(
        f"/programme/cost-reports/{report.pk}/export.xlsx?identity_code=1"
    )
    assert response.status_code == 200
    rows = list(
        load_workbook(io.BytesIO(response.content))["Osallistujaluettelo"].iter_rows(
            values_only=True
        )
    )
    assert "Henkilötunnus" not in rows[0] and len(rows) == 5
    assert not any(code in str(v) for row in rows for v in row)
    assert AccessLogEntry.objects.filter(what="esf_participant_export").count() == 4
    assert not AccessLogEntry.objects.filter(what__endswith="+identity_code").exists()


def test_pdf_has_both_annexes(client_as, claim):
    report, people, code = claim
    response = client_as(Role.COORDINATOR).get(f"/programme/cost-reports/{report.pk}/export.pdf")
    assert response.status_code == 200
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.replace("\xa0", " ").split())
    assert "Liite: tuntikirjanpidot" in text and "Liite: osallistujaluettelo" in text
    assert str(people["six_months"].pk) in text and "EECR05" in text
    assert code not in text  # not asked for
    assert "EECO12" not in text.split("Liite: osallistujaluettelo")[1].split("ovat vain")[1]


def test_claim_export_is_404_for_roles_that_do_not_see_claims(client_as, claim):
    report, _people, _code = claim
    response = client_as(Role.COUNSELLOR).get(f"/programme/cost-reports/{report.pk}/export.xlsx")
    assert response.status_code == 404
    assert not AccessLogEntry.objects.exists()


def test_excel_annex_names_are_formula_safe(coordinator, claim, monkeypatch):
    report, _people, _code = claim
    figures = selectors.cost_report_figures(report)
    figures["time_sheets"] = [
        {
            "name": '=HYPERLINK("http://x")',
            "month": "2026-07-01",
            "project_hours": "10.00",
            "other_hours": "5.00",
            "employee_signed": True,
            "supervisor_signed": False,
        }
    ]
    annex = selectors.claim_participant_annex(actor=coordinator, report=report)
    workbook = load_workbook(io.BytesIO(exports.cost_report_xlsx(report, figures, annex)))
    sheet_rows = list(workbook["Tuntikirjanpidot"].iter_rows(values_only=True))
    assert sheet_rows[1][0] == '\'=HYPERLINK("http://x")'
    assert sheet_rows[1][4:] == ("Kyllä", "Ei")
