"""Role home pages: live figures from the database, charts with their tables."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.translation import pgettext

from kohtaanto.accounts.models import Role
from kohtaanto.employers.models import (
    Activity,
    ActivityKind,
    CompanyProgrammeRole,
    ProgrammeRole,
    ReadinessAssessment,
    Vacancy,
    VacancyState,
)
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.home import selectors
from kohtaanto.home.charts import bar_chart
from kohtaanto.home.models import IndicatorTarget
from kohtaanto.jobseekers.tests.factories import (
    ConsentFactory,
    JobSeekerFactory,
    ParticipationFactory,
)
from kohtaanto.matching.models import CandidateStatus, Shortlist, ShortlistCandidate
from kohtaanto.programme.models import Operation

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 2)


def _client_of(counsellor, **kwargs):
    person = JobSeekerFactory(**kwargs)
    person.counsellors.add(counsellor)
    return person


def test_chart_bars_scale_to_the_largest_value_and_coordinates_use_a_point():
    chart = bar_chart(
        key="k", title="t", row_header="r", series=["a", "b"], rows=[("x", [10, 5]), ("y", [0, 2])]
    )
    widths = [[float(b.width) for b in row.bars] for row in chart.rows]
    assert widths[0][0] == pytest.approx(2 * widths[0][1])
    assert widths[1][0] == 0
    assert all("," not in b.x + b.y + b.width for row in chart.rows for b in row.bars)
    assert chart.rows[0].cells == ["10", "5"]


def test_chart_of_nothing_is_empty_and_long_labels_are_shortened_only_in_the_picture():
    assert bar_chart(key="k", title="t", row_header="r", series=["a"], rows=[]).is_empty
    long = "EECO19 Tuetut mikro-, pienet ja keskisuuret yritykset (myös osuuskunnat)"
    chart = bar_chart(key="k", title="t", row_header="r", series=["a"], rows=[(long, [1])])
    assert chart.rows[0].label == long
    assert chart.rows[0].short_label.endswith("…") and len(chart.rows[0].short_label) < len(long)


def test_result_checks_list_unrecorded_exits_of_own_clients_with_the_four_week_day(
    counsellor, make_user
):
    mine = _client_of(counsellor, last_name="Oma")
    ParticipationFactory(job_seeker=mine, exit_date=datetime.date(2026, 11, 20))
    recorded = _client_of(counsellor, last_name="Kirjattu")
    ParticipationFactory(
        job_seeker=recorded, exit_date=datetime.date(2026, 11, 20), exit_employed=True
    )
    still_in = _client_of(counsellor, last_name="Mukana")
    ParticipationFactory(job_seeker=still_in)
    other = _client_of(make_user(Role.COUNSELLOR), last_name="Toisen")
    ParticipationFactory(job_seeker=other, exit_date=datetime.date(2026, 11, 20))

    checks = selectors.result_checks_due(actor=counsellor, today=TODAY)

    assert [(p.job_seeker.last_name, due) for p, due in checks] == [
        ("Oma", datetime.date(2026, 12, 18))
    ]


def test_counsellor_home_shows_own_figures_and_lists_but_no_one_elses(
    client_as, counsellor, make_user
):
    mine = _client_of(counsellor, first_name="Aino", last_name="Asiakas")
    ConsentFactory(job_seeker=mine, expires_on=timezone.localdate() + datetime.timedelta(days=10))
    ParticipationFactory(
        job_seeker=mine, exit_date=timezone.localdate() - datetime.timedelta(days=3)
    )
    _client_of(make_user(Role.COUNSELLOR), first_name="Veera", last_name="Vieras")

    response = client_as(counsellor).get("/")

    html = response.content.decode()
    assert response.status_code == 200
    home = response.context["counsellor"]
    assert home.clients == 1
    assert [p.job_seeker_id for p, _ in home.result_checks] == [mine.pk]
    assert len(home.worklist.expiring_consents) == 1
    assert "Aino Asiakas" in html and "Vieras" not in html
    assert 'class="chart-table"' in html and "<svg" in html


def test_participant_flow_counts_entries_by_entry_month_and_exits_by_exit_month(area):
    operation = Operation.objects.get(is_default=True)
    ParticipationFactory(entry_date=datetime.date(2026, 10, 5))
    ParticipationFactory(
        entry_date=datetime.date(2026, 10, 31), exit_date=datetime.date(2026, 12, 1)
    )
    ParticipationFactory(entry_date=datetime.date(2025, 1, 5))  # before the window

    flow = selectors.participant_flow(operation=operation, today=TODAY, months=3)

    assert flow == [
        (datetime.date(2026, 10, 1), 2, 0),
        (datetime.date(2026, 11, 1), 0, 0),
        (datetime.date(2026, 12, 1), 0, 1),
    ]


def test_coordinator_home_sets_indicators_against_the_operations_targets(client_as, coordinator):
    operation = Operation.objects.get(is_default=True)
    IndicatorTarget.objects.create(operation=operation, code="EECO01", target=4)
    ParticipationFactory(entry_date=max(operation.start_date, datetime.date(2026, 3, 2)))

    response = client_as(coordinator).get("/")

    home = response.context["programme"]
    assert [(p.code, p.achieved, p.target, p.percent) for p in home.indicators] == [
        ("EECO01", 1, 4, 25)
    ]
    assert home.indicator_chart.series == ["Toteutunut", "Tavoite"]


def test_readiness_pairs_show_each_pilot_companys_first_and_latest_assessment(coordinator):
    pilot = CompanyFactory(name="Pilotti Oy")
    CompanyProgrammeRole.objects.create(company=pilot, role=ProgrammeRole.PILOT_COMPANY)
    other = CompanyFactory(name="Muu Oy")
    scores = dict(
        smart_factory=1, smart_operations=1, smart_products=1, data_driven_services=1, employees=1
    )
    for day, strategy in [
        (datetime.date(2026, 2, 1), 1),
        (datetime.date(2026, 6, 1), 3),
        (datetime.date(2026, 10, 1), 5),
    ]:
        ReadinessAssessment.objects.create(
            company=pilot, assessed_on=day, strategy=strategy, **scores
        )
    ReadinessAssessment.objects.create(company=other, assessed_on=TODAY, strategy=5, **scores)

    pairs = selectors.readiness_pairs(actor=coordinator)

    assert [(p.company.name, p.first_total, p.latest_total) for p in pairs] == [
        ("Pilotti Oy", 6, 10)
    ]


def test_advisor_home_lists_companies_without_contact_in_90_days(client_as, business_advisor):
    quiet = CompanyFactory(name="Hiljainen Oy")
    active = CompanyFactory(name="Aktiivinen Oy")
    never = CompanyFactory(name="Uusi Oy")
    now = timezone.now()
    Activity.objects.create(
        company=quiet,
        kind=ActivityKind.VISIT,
        occurred_at=now - datetime.timedelta(days=120),
        subject="Käynti",
    )
    Activity.objects.create(
        company=active,
        kind=ActivityKind.VISIT,
        occurred_at=now - datetime.timedelta(days=10),
        subject="Käynti",
    )

    response = client_as(business_advisor).get("/")

    home = response.context["advisor"]
    assert {c.name for c in home.idle_companies} == {quiet.name, never.name}
    assert home.idle_company_count == 2
    assert sum(int(c) for row in home.chart.rows for c in row.cells) == 2  # both in 6 months


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_gets_a_home_page_with_figures(client_as, partner_user, role):
    response = client_as(partner_user if role == Role.PARTNER else role).get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="figures"' in html
    assert html.count("<figure") >= 1


def test_finance_home_shows_the_years_appropriations(client_as, finance_user):
    response = client_as(finance_user).get("/")
    home = response.context["finance"]
    assert home.summary.year == timezone.localdate().year
    assert "Määrärahatilanne" in response.content.decode()


def test_home_requires_login(client):
    response = client.get("/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "linked"),
    [(Role.COORDINATOR, True), (Role.AUDITOR, True), (Role.COUNSELLOR, False)],
)
def test_esf_participant_summary_is_in_the_navigation_of_roles_that_may_see_it(
    client_as, role, linked
):
    html = client_as(role).get("/").content.decode()
    assert ('href="/jobseekers/summary/"' in html) is linked


def test_tab_title_names_the_page_then_kohtaanto(client_as):
    html = client_as(Role.COORDINATOR).get("/jobseekers/").content.decode()
    assert "<title>Työnhakijat – Kohtaanto</title>" in html


def test_dashboard_without_calculation_rules_says_so_instead_of_failing(client_as):
    from kohtaanto.programme.models import ProgrammeRules

    ProgrammeRules.objects.all().delete()
    response = client_as(Role.COORDINATOR).get("/")
    assert response.status_code == 200
    home = response.context["programme"]
    assert home.notes and home.money_chart.is_empty
    assert home.flow_chart.rows  # the participants still show


@pytest.mark.parametrize(
    ("language", "header", "wrong"),
    [("en", "Task", "Job title"), ("sv", "Uppgift", "Befattning"), ("fi", "Tehtävä", "")],
)
def test_counsellor_worklist_chart_heads_its_rows_as_tasks_not_job_titles(
    client_as, counsellor, language, header, wrong
):
    # "Tehtävä" is also a job title in finance and programme; the home page means a to-do.
    client = client_as(counsellor)
    client.cookies["django_language"] = language
    html = client.get("/").content.decode()
    chart = html[html.index('id="counsellor-work-title"') :]
    chart = chart[: chart.index("</figure>")]
    assert f'<th scope="col">{header}</th>' in chart
    if wrong:
        assert f'<th scope="col">{wrong}</th>' not in chart


@pytest.mark.parametrize(
    ("language", "task", "job_title"),
    [("en", "Task", "Job title"), ("sv", "Uppgift", "Befattning"), ("fi", "Tehtävä", "Tehtävä")],
)
def test_tehtava_is_translated_by_its_meaning_in_every_catalogue(language, task, job_title):
    # Finance and programme (cost reports, budget) mean a person's job title.
    with translation.override(language):
        assert pgettext("to-do item", "Tehtävä") == task
        assert pgettext("job title", "Tehtävä") == job_title


def test_counsellor_home_lists_consent_questions_for_own_clients_only(
    client_as, counsellor, make_user
):
    company = CompanyFactory(name="Esimerkki Konepaja Oy")
    vacancy = Vacancy.objects.create(
        employment_area=company.employment_area,
        company=company,
        title="Hitsaaja",
        state=VacancyState.OPEN,
    )
    shortlist = Shortlist.objects.create(vacancy=vacancy)
    mine = _client_of(counsellor, first_name="Aino", last_name="Asiakas")
    theirs = _client_of(make_user(Role.COUNSELLOR), first_name="Veera", last_name="Vieras")
    answered = _client_of(counsellor, first_name="Vastannut", last_name="Asiakas")
    waiting = ShortlistCandidate.objects.create(shortlist=shortlist, job_seeker=mine)
    ShortlistCandidate.objects.create(shortlist=shortlist, job_seeker=theirs)
    ShortlistCandidate.objects.create(
        shortlist=shortlist, job_seeker=answered, status=CandidateStatus.DECLINED
    )

    response = client_as(counsellor).get("/")

    html = response.content.decode()
    assert [c.pk for c in response.context["counsellor"].consent_requests] == [waiting.pk]
    assert "Kysy suostumus lyhytlistalle" in html
    assert f'href="/matching/candidates/{waiting.pk}/consent/"' in html
    assert "Hitsaaja (Esimerkki Konepaja Oy)" in html
    assert "Vieras" not in html and "Vastannut" not in html
    assert 'href="/matching/shortlists/requests/"' in html
