"""Cost reports (maksatushakemus): figures, the data-quality gate, locking and versions,
and the Excel and PDF files."""

import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.jobseekers.tests.factories import ParticipationFactory
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.models import CostReport, TimeRecord, TimeRecording
from kohtaanto.programme.tests.factories import StaffMemberFactory, StaffPositionFactory


@pytest.fixture
def full_time_post(operation):
    return StaffPositionFactory(
        operation=operation,
        staff_member=StaffMemberFactory(name="Äijälä Öhman"),
        time_recording=TimeRecording.FIXED_PERCENTAGE,
        fixed_percentage=Decimal("100"),
    )


@pytest.fixture
def first_half_recorded(coordinator, full_time_post):
    for month in range(1, 7):
        services.time_record_create(
            actor=coordinator,
            position=full_time_post,
            span=TimeRecord.Span.MONTH,
            day=date(2026, month, 1),
            percentage=Decimal("100"),
        )
    return full_time_post


@pytest.fixture
def draft(coordinator, operation, first_half_recorded):
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    return services.cost_report_update(
        actor=coordinator, report=report, narrative="Hanke käynnistyi ja yrityskäynnit alkoivat."
    )


def test_figures_are_staff_costs_the_flat_rate_and_the_budget(draft):
    ParticipationFactory(operation=draft.period.operation, entry_date=date(2026, 3, 2))
    figures = selectors.cost_report_figures(draft)
    assert figures["staff"][0]["name"] == "Äijälä Öhman"
    assert figures["staff"][0]["hours"] == "860.00"  # six months at 100 % of 1 720 h / 12
    assert (figures["staff_total"], figures["flat_rate"], figures["total"]) == (
        "26000.00",
        "10400.00",
        "36400.00",
    )
    assert figures["flat_rate_percent"] == "40.00"
    assert figures["budget_period"] == {
        "staff": "26000.00",
        "flat_rate": "10400.00",
        "total": "36400.00",
    }
    assert figures["budget_operation"]["total"] == "218400.00"
    assert figures["claimed_before"]["total"] == "0.00"
    assert figures["remaining"]["total"] == "182000.00"
    eeco01 = next(r for r in figures["indicators"] if r["code"] == "EECO01")
    assert eeco01["total"] == 1 and eeco01["women"] == 1


def test_hourly_records_cost_hours_times_the_hourly_rate(coordinator, operation):
    position = StaffPositionFactory(operation=operation)
    for day in (2, 3, 4, 5):
        services.time_record_create(
            actor=coordinator,
            position=position,
            span="day",
            day=date(2026, 3, day),
            hours=Decimal("7.5"),
        )
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    figures = selectors.cost_report_figures(report)
    assert figures["staff_total"] == "906.98"  # 30 h × 52 000 / 1 720
    assert figures["flat_rate"] == "362.79"  # 40 % of 906.98 = 362.792
    assert figures["total"] == "1269.77"


def test_submitting_freezes_the_figures_and_locks_the_report(coordinator, draft):
    submitted = services.cost_report_submit(actor=coordinator, report=draft)
    assert submitted.status == CostReport.Status.SUBMITTED
    assert submitted.submitted_by == coordinator and submitted.submitted_at is not None
    frozen = submitted.figures
    assert frozen["total"] == "36400.00"
    # Later changes to the budget do not change what was sent.
    position = draft.period.operation.staff_positions.get()
    position.annual_gross_cost = Decimal("60000")
    position.save(update_fields=["annual_gross_cost"])
    assert selectors.cost_report_figures(submitted)["total"] == "36400.00"
    with pytest.raises(ConflictError, match="korjausversio"):
        services.cost_report_update(actor=coordinator, report=submitted, narrative="muutos")
    with pytest.raises(ConflictError):
        services.cost_report_submit(actor=coordinator, report=submitted)
    submitted.refresh_from_db()
    assert submitted.narrative == "Hanke käynnistyi ja yrityskäynnit alkoivat."


def test_a_correction_is_a_new_version_that_references_the_submitted_one(coordinator, draft):
    services.cost_report_submit(actor=coordinator, report=draft)
    correction = services.cost_report_correct(actor=coordinator, report=draft)
    assert (correction.version, correction.previous, correction.status) == (2, draft, "draft")
    assert correction.narrative == draft.narrative
    with pytest.raises(ConflictError):
        services.cost_report_correct(actor=coordinator, report=draft)
    with pytest.raises(ConflictError):
        services.cost_report_correct(actor=coordinator, report=correction)  # not submitted
    with pytest.raises(ConflictError):
        services.cost_report_create(actor=coordinator, period=draft.period)
    services.cost_report_update(actor=coordinator, report=correction, narrative="Korjattu.")
    services.cost_report_submit(actor=coordinator, report=correction)
    draft.refresh_from_db()
    assert draft.status == "submitted" and draft.narrative != "Korjattu."
    assert [
        (e.action, e.target_id)
        for e in AuditEvent.objects.filter(action__startswith="programme.cost_report").order_by(
            "id"
        )
    ] == [
        ("programme.cost_report.create", str(draft.pk)),
        ("programme.cost_report.update", str(draft.pk)),
        ("programme.cost_report.submit", str(draft.pk)),
        ("programme.cost_report.correct", str(correction.pk)),
        ("programme.cost_report.update", str(correction.pk)),
        ("programme.cost_report.submit", str(correction.pk)),
    ]


def test_later_periods_count_the_latest_submitted_version_of_earlier_ones(coordinator, draft):
    services.cost_report_submit(actor=coordinator, report=draft)
    correction = services.cost_report_correct(actor=coordinator, report=draft)
    services.time_record_delete(
        actor=coordinator,
        record=TimeRecord.objects.get(date=date(2026, 6, 1)),
    )
    correction = services.cost_report_submit(actor=coordinator, report=correction)
    assert correction.figures["total"] == "30333.34"  # five months: 21 666.67 + 8 666.67
    second = services.cost_report_create(
        actor=coordinator, period=draft.period.operation.payment_periods.get(number=2)
    )
    figures = selectors.cost_report_figures(second)
    assert figures["claimed_before"]["total"] == "30333.34"
    assert figures["claimed_before"]["staff"] == "21666.67"


def test_data_quality_problems_block_submission_with_a_list(coordinator, draft):
    bad = ParticipationFactory(
        operation=draft.period.operation, labour_market_status="unemployed", unemployed_since=None
    )
    later = ParticipationFactory(  # entered after the period: not in this report's check
        operation=draft.period.operation, entry_date=date(2026, 8, 1), isced_level=None
    )
    with pytest.raises(DomainError) as refused:
        services.cost_report_submit(actor=coordinator, report=draft)
    assert refused.value.code == "data_quality"
    assert f"#{bad.pk}" in refused.value.message
    assert "työttömyyden alkupäivä puuttuu" in refused.value.message.lower()
    assert f"#{later.pk}" not in refused.value.message
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.figures == {}
    bad.unemployed_since = date(2025, 1, 1)
    bad.save(update_fields=["unemployed_since"])
    services.cost_report_submit(actor=coordinator, report=draft)


def test_a_report_needs_a_progress_narrative(coordinator, operation, first_half_recorded):
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    with pytest.raises(DomainError, match="edistymisen kuvaus"):
        services.cost_report_submit(actor=coordinator, report=report)


def test_excel_export_holds_the_figures(coordinator, draft):
    services.cost_report_submit(actor=coordinator, report=draft)
    content = exports.cost_report_xlsx(draft, selectors.cost_report_figures(draft))
    wb = load_workbook(io.BytesIO(content))
    summary = {row[0]: row[1:] for row in wb.worksheets[0].iter_rows(values_only=True) if row[0]}
    assert Decimal(str(summary["Henkilöstökulut yhteensä"][0])) == Decimal("26000")
    assert Decimal(str(summary["Muut kulut (kiinteä osuus)"][0])) == Decimal("10400")
    assert Decimal(str(summary["Kustannukset yhteensä"][0])) == Decimal("36400")
    assert Decimal(str(summary["Kauden budjetti"][2])) == Decimal("36400")
    staff = list(wb.worksheets[1].iter_rows(values_only=True))
    assert staff[1][0] == "Äijälä Öhman" and Decimal(str(staff[1][4])) == Decimal("26000")
    indicators = list(wb.worksheets[2].iter_rows(values_only=True))
    # Headers and names in the reader's language, no raw codes such as "non_binary".
    assert indicators[0] == ("Koodi", "Indikaattori", "Naiset", "Miehet", "Muu", "Yhteensä")
    assert indicators[1][:2] == ("EECO01", "Osallistujien kokonaismäärä")
    assert len(indicators) == 26
    cumulative = list(wb.worksheets[3].iter_rows(values_only=True))
    assert wb.worksheets[3].title == "Indikaattorit kumulatiivisesti" and len(cumulative) == 26
    assert staff[1][2] == "Tuntihinta (vuoden työnantajakulut / 1 720 h)"
    assert wb["Edistyminen"]["A2"].value == "Hanke käynnistyi ja yrityskäynnit alkoivat."


def test_pdf_export_holds_the_figures_and_finnish_text(coordinator, draft):
    services.cost_report_submit(actor=coordinator, report=draft)
    content = exports.cost_report_pdf(draft, selectors.cost_report_figures(draft))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    text = text.replace("\xa0", " ")
    assert "Maksatushakemus" in text
    assert "Äijälä Öhman" in text
    for figure in ("26 000,00 €", "10 400,00 €", "36 400,00 €", "218 400,00 €"):
        assert figure in text, figure
    assert "EECO01" in text and "EECR06" in text
    assert "Hanke käynnistyi ja yrityskäynnit alkoivat." in text


def test_coordinator_produces_the_period_report_from_the_ui(
    client_as, coordinator, operation, first_half_recorded
):
    client = client_as(coordinator)
    period = operation.payment_periods.get(number=1)
    response = client.post("/programme/cost-reports/", {"period": period.pk})
    report = CostReport.objects.get(period=period)
    assert response.status_code == 302 and response["Location"].endswith(f"/{report.pk}/")
    page = client.get(f"/programme/cost-reports/{report.pk}/").content.decode()
    assert "26 000,00" in page and "36 400,00" in page
    client.post(
        f"/programme/cost-reports/{report.pk}/", {"narrative": "Kausi eteni suunnitellusti."}
    )
    response = client.post(f"/programme/cost-reports/{report.pk}/submit/", follow=True)
    assert "lähetettiin" in response.content.decode()
    report.refresh_from_db()
    assert report.is_locked
    pdf = client.get(f"/programme/cost-reports/{report.pk}/export.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    xlsx = client.get(f"/programme/cost-reports/{report.pk}/export.xlsx")
    assert load_workbook(io.BytesIO(xlsx.content)).worksheets[0]["B1"].value == operation.name
    assert client.get(f"/programme/cost-reports/{report.pk}/export.doc").status_code == 404
    response = client.post(f"/programme/cost-reports/{report.pk}/correct/")
    correction = CostReport.objects.get(previous=report)
    assert response["Location"].endswith(f"/{correction.pk}/")


def test_the_page_shows_why_submission_is_refused(client_as, coordinator, draft):
    ParticipationFactory(operation=draft.period.operation, gender="")
    client = client_as(coordinator)
    page = client.get(f"/programme/cost-reports/{draft.pk}/").content.decode()
    assert "puute tai ristiriita" in page
    response = client.post(f"/programme/cost-reports/{draft.pk}/submit/", follow=True)
    assert "Sukupuoli puuttuu." in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_locked


def test_salary_model_costs_come_from_salaries_paid_and_the_months_share(
    client_as, finance_user, operation
):
    from kohtaanto.programme.models import SalaryModel

    position = StaffPositionFactory(
        operation=operation,
        salary_model=SalaryModel.SALARY_PLUS_SIDE_COSTS,
        side_cost_percent=Decimal("22.50"),
        time_recording=TimeRecording.FIXED_PERCENTAGE,
        fixed_percentage=Decimal("50"),
    )
    client = client_as(finance_user)
    for month in (1, 2):
        services.time_record_create(
            actor=finance_user,
            position=position,
            span="month",
            day=date(2026, month, 1),
            percentage=Decimal("50"),
        )
    response = client.post(
        "/programme/time/salaries/",
        {"position": position.pk, "month": "2026-01-20", "gross_salary": "3800.00"},
    )
    assert response.status_code == 302
    with pytest.raises(DomainError, match="palkka \\+ sivukulut"):
        services.salary_payment_record(
            actor=finance_user,
            position=StaffPositionFactory(operation=operation),
            month=date(2026, 1, 1),
            gross_salary=Decimal("1"),
        )
    report = services.cost_report_create(
        actor=finance_user, period=operation.payment_periods.get(number=1)
    )
    figures = selectors.cost_report_figures(report)
    # January: 3 800 × 1.225 × 50 % = 2 327.50; February has no salary recorded yet.
    assert figures["staff_total"] == "2327.50"
    salaried = next(s for s in figures["staff"] if s["salary_model"] == "salary_side_costs")
    assert salaried["months_without_salary"] == ["2026-02-01"]
    page = client.get(f"/programme/cost-reports/{report.pk}/").content.decode()
    assert "Palkka puuttuu joiltakin kuukausilta." in page
    services.salary_payment_record(
        actor=finance_user, position=position, month=date(2026, 2, 1), gross_salary=Decimal("3800")
    )
    assert selectors.cost_report_figures(report)["staff_total"] == "4655.00"
    assert AuditEvent.objects.filter(action="programme.salary_payment.record").count() == 2
