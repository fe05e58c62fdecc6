"""One shape for the programme's form posts (`views.common.accepted`,
`common.forms.button_pressed`): a service's refusal is shown in its words on the page the post
returns to and nothing is changed; a form error names its field; a role without the
permission, and a missing object, get the same 404."""

from datetime import date

import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.programme import services
from kohtaanto.programme.models import CostReport, PaymentPeriod


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_a_service_refusal_returns_to_the_page_in_its_own_words(client_as, operation):
    client = client_as(Role.COORDINATOR)
    before = PaymentPeriod.objects.count()
    response = client.post(
        f"/programme/operations/{operation.pk}/periods/new/",
        {"start_date": "2026-03-01", "end_date": "2026-04-30"},  # overlaps period 1
        follow=True,
    )
    assert response.status_code == 200
    assert "Kausi on päällekkäin aiemman kauden kanssa." in _messages(response)
    assert PaymentPeriod.objects.count() == before


def test_a_form_error_names_its_field(client_as, operation):
    response = client_as(Role.COORDINATOR).post(
        f"/programme/operations/{operation.pk}/periods/new/",
        {"start_date": "maaliskuu", "end_date": "2026-04-30"},
        follow=True,
    )
    assert any(m.startswith("Alkaa: ") for m in _messages(response))


def test_a_refused_submit_keeps_the_draft(client_as, coordinator, operation):
    report = services.cost_report_create(
        actor=coordinator, period=operation.payment_periods.get(number=1)
    )
    response = client_as(coordinator).post(
        f"/programme/cost-reports/{report.pk}/submit/", follow=True
    )
    assert "Kirjoita edistymisen kuvaus ennen lähettämistä." in _messages(response)
    assert CostReport.objects.get(pk=report.pk).submitted_at is None


@pytest.mark.parametrize("role", [Role.FINANCE, Role.COUNSELLOR, Role.AUDITOR])
def test_forbidden_posts_answer_404_like_missing_ones(client_as, operation, role):
    client = client_as(role)
    before = PaymentPeriod.objects.count()
    url = f"/programme/operations/{operation.pk}/periods/new/"
    data = {"start_date": date(2029, 1, 1).isoformat(), "end_date": "2029-06-30"}
    assert client.post(url, data).status_code == 404
    assert client.post("/programme/operations/999999/periods/new/", data).status_code == 404
    assert PaymentPeriod.objects.count() == before


def test_a_missing_operation_is_404_for_the_coordinator_too(client_as):
    response = client_as(Role.COORDINATOR).post(
        "/programme/operations/999999/periods/new/",
        {"start_date": "2029-01-01", "end_date": "2029-06-30"},
    )
    assert response.status_code == 404


def test_pages_refuse_other_roles_with_404(client_as):
    assert client_as(Role.COUNSELLOR).get("/programme/time/").status_code == 404
    assert client_as(Role.AUDITOR).post("/programme/time/", {}).status_code == 404
    assert client_as(Role.AUDITOR).post("/programme/cost-reports/", {}).status_code == 404
