"""Regional supply and demand: what is counted, the order, the chart, the Excel export."""

import datetime
import io
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from kohtaanto.accounts.models import EmploymentArea, Role
from kohtaanto.common.errors import NotFoundError
from kohtaanto.employers.models import (
    CompetenceSurvey,
    Horizon,
    SurveyRecruitmentNeed,
    SurveySkillNeed,
    SurveyStatus,
    VacancySkill,
    VacancyState,
)
from kohtaanto.jobseekers.models import JobSeeker, TargetOccupation
from kohtaanto.jobseekers.tests.factories import JobSeekerFactory
from kohtaanto.matching.regional import (
    gap_chart,
    regional_occupation_gaps,
    regional_skill_gaps,
)
from kohtaanto.matching.tests.workflow.conftest import give_skill, make_vacancy


def _survey(company: Any, status: str, **times: Any) -> CompetenceSurvey:
    return CompetenceSurvey.objects.create(
        company=company, status=status, **(times or {"submitted_at": timezone.now()})
    )


@pytest.fixture
def region(area: Any, company: Any, vacancy: Any, skills: SimpleNamespace) -> SimpleNamespace:
    """Demand: welding 2 open positions + 3 surveyed; drawings 2 positions; CNC 1 surveyed
    in an older survey only (not counted). Supply: two welders, one of them inactive."""
    closed = make_vacancy(company, state=VacancyState.CLOSED, positions=5)
    VacancySkill.objects.create(vacancy=closed, concept=skills.cnc)
    # Filled in by the advisor a month ago: no company answer time (NULL sorts differently
    # on SQLite and PostgreSQL), so the completion time decides.
    old = _survey(
        company,
        SurveyStatus.COMPLETED,
        submitted_at=None,
        completed_at=timezone.now() - datetime.timedelta(days=30),
    )
    SurveySkillNeed.objects.create(
        survey=old, concept=skills.cnc, headcount=4, horizon=Horizon.SHORT
    )
    latest = _survey(company, SurveyStatus.SUBMITTED)
    SurveySkillNeed.objects.create(
        survey=latest, concept=skills.welding, headcount=3, horizon=Horizon.MEDIUM
    )
    SurveyRecruitmentNeed.objects.create(
        survey=latest, occupation=skills.welder, count=1, horizon=Horizon.SHORT
    )
    draft = _survey(company, SurveyStatus.DRAFT)
    SurveySkillNeed.objects.create(
        survey=draft, concept=skills.drawings, headcount=9, horizon=Horizon.SHORT
    )
    active = JobSeekerFactory()
    inactive = JobSeekerFactory(status=JobSeeker.Status.INACTIVE)
    for person in (active, inactive):
        give_skill(person, skills.welding)
    TargetOccupation.objects.create(job_seeker=active, concept=skills.welder)
    return SimpleNamespace(area=area, **vars(skills))


def test_skill_gaps_count_open_positions_latest_surveys_and_active_people(
    region: Any,
) -> None:
    gaps = {g.concept.pk: g for g in regional_skill_gaps(area=region.area)}
    welding = gaps[region.welding.pk]
    assert (welding.vacancy_positions, welding.survey_count) == (2, 3)
    assert (welding.demand, welding.supply, welding.gap) == (5, 1, 4)
    drawings = gaps[region.drawings.pk]
    assert (drawings.demand, drawings.supply, drawings.gap) == (2, 0, 2)
    assert region.cnc.pk not in gaps  # only a closed vacancy and an older survey ask for it


def test_largest_gap_comes_first(region: Any) -> None:
    gaps = regional_skill_gaps(area=region.area)
    assert [g.concept.pk for g in gaps] == [region.welding.pk, region.drawings.pk]


def test_occupation_gaps_count_positions_and_recruitment_needs(region: Any) -> None:
    (welder,) = regional_occupation_gaps(area=region.area)
    assert welder.concept == region.welder
    assert (welder.demand, welder.supply, welder.gap) == (3, 1, 2)


def test_other_areas_actor_is_refused(region: Any, make_user: Any) -> None:
    other = EmploymentArea.objects.create(code="muu", name="Muu alue")
    with pytest.raises(NotFoundError):
        regional_skill_gaps(
            actor=make_user(Role.COORDINATOR, employment_area=other), area=region.area
        )


def test_chart_bars_scale_to_the_largest_value(region: Any) -> None:
    chart = gap_chart(regional_skill_gaps(area=region.area))
    welding, drawings = chart.bars
    assert welding.demand_w == "364.0"  # the widest bar fills the plot (400 − 36 for its figure)
    assert drawings.demand_w == f"{364 * 2 / 5:.1f}"
    assert welding.demand_text_x == "368.0"  # the figure just after the bar
    assert "," not in welding.demand_y


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.BUSINESS_ADVISOR, Role.FINANCE])
def test_page_shows_chart_and_table(region: Any, client_as: Any, role: str) -> None:
    page = client_as(role).get(reverse("matching:regional_gaps"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "<svg" in text and "hitsaus" in text and "hitsaaja" in text
    assert "<script" not in text.split("<main", 1)[1]


def test_excel_export_has_both_tables(region: Any, client_as: Any) -> None:
    response = client_as(Role.COORDINATOR).get(reverse("matching:regional_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    skills_sheet, occupations_sheet = book.worksheets[0], book.worksheets[1]
    rows = list(skills_sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == "hitsaus" and rows[0][2:] == (5, 2, 3, 1, 4)
    first = next(occupations_sheet.iter_rows(min_row=2, values_only=True))
    assert first[0] == "hitsaaja"


def test_anonymous_and_api_permissions(
    region: Any, client: Any, api_client_for: Any, make_user: Any
) -> None:
    assert client.get(reverse("matching:regional_gaps")).status_code == 302
    api = api_client_for(make_user(Role.AUDITOR))
    body = api.get("/api/v1/matching/regional/skills").json()
    assert body[0]["uri"] == region.welding.uri and body[0]["gap"] == 4
    occupations = api.get("/api/v1/matching/regional/occupations").json()
    assert occupations[0]["demand"] == 3


def test_excel_export_never_writes_a_label_as_a_formula(region: Any, client_as: Any) -> None:
    region.welding.preferred = {"fi": '=HYPERLINK("http://x")'}
    region.welding.save(update_fields=["preferred"])
    response = client_as(Role.COORDINATOR).get(reverse("matching:regional_export"))
    first = next(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(min_row=2))
    assert first[0].value == '\'=HYPERLINK("http://x")'
    assert first[0].data_type == "s"


def test_training_purchase_plan_reads_the_regional_skill_gaps(region: Any) -> None:
    from kohtaanto.training.gaps import area_gaps

    gaps = area_gaps(region.area)
    expected = {
        (g.concept.pk, float(g.demand), float(g.supply))
        for g in regional_skill_gaps(area=region.area)
        if g.demand > g.supply
    }
    assert gaps is not None and expected
    assert {(g.concept_id, g.demand, g.supply) for g in gaps} == expected
