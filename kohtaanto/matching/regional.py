"""Regional supply and demand of skills and occupations: where the area's gap is largest.

Rule (what each number counts; the training purchases are decided on these):
- demand of a skill = the positions of the area's open vacancies (state "open") that list the
  skill, essential or optional, + the headcount of the skill needs in each company's latest
  answered competence-needs survey (status submitted or completed; all horizons, 0–36 months).
  A company's older surveys are not added on top of its latest one.
- demand of an occupation = the positions of open vacancies of that occupation + the counts of
  the recruitment needs in each company's latest answered survey.
- supply of a skill = the area's active, not pseudonymised job seekers who have the skill in
  their profile; of an occupation = those who name it as a target occupation.
- gap = demand − supply (negative: more people than asked for). Only concepts someone asks
  for are listed; largest gap first, then largest demand, then the URI.
Sources: employers.Vacancy/VacancySkill, employers.SurveySkillNeed/SurveyRecruitmentNeed,
jobseekers.ProfileSkill/TargetOccupation.
"""

import io
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.employers.models import (
    CompetenceSurvey,
    SurveyRecruitmentNeed,
    SurveySkillNeed,
    SurveyStatus,
    Vacancy,
    VacancySkill,
    VacancyState,
)
from kohtaanto.jobseekers.models import JobSeeker, ProfileSkill, TargetOccupation
from kohtaanto.taxonomy.models import Concept

ANSWERED = (SurveyStatus.SUBMITTED, SurveyStatus.COMPLETED)


@dataclass(frozen=True)
class SkillGap:
    """Demand for one concept (skill or occupation) against the people who have it."""

    concept: Concept
    demand: int
    supply: int
    gap: int
    vacancy_positions: int
    survey_count: int


def _check(actor: Any, area: EmploymentArea) -> None:
    """With an actor, only their own area and only with the permission; None is the system."""
    if actor is None:
        return
    if actor.employment_area_id != area.pk:
        raise NotFoundError("not found")
    actor.permissions.require("view_regional_gaps")


def _latest_answered_surveys(area: EmploymentArea) -> list[int]:
    latest: dict[int, int] = {}
    # The survey's own answer time, else when the advisor completed it, else its creation;
    # one expression so that NULLs sort the same on every database.
    answered_at = Coalesce("submitted_at", "completed_at", "created_at")
    rows = (
        CompetenceSurvey.objects.filter(company__employment_area=area, status__in=ANSWERED)
        .order_by("company_id", answered_at.desc(), "-id")
        .values_list("company_id", "id")
    )
    for company_id, survey_id in rows:
        latest.setdefault(company_id, survey_id)
    return list(latest.values())


def _people(area: EmploymentArea) -> Q:
    return Q(
        job_seeker__employment_area=area,
        job_seeker__status=JobSeeker.Status.ACTIVE,
        job_seeker__pseudonymised_at__isnull=True,
    )


def _gaps(vacancy: Counter[int], survey: Counter[int], supply: Counter[int]) -> list[SkillGap]:
    ids = set(vacancy) | set(survey)
    concepts = Concept.objects.in_bulk(ids)
    gaps = []
    for pk in ids:
        demand = vacancy[pk] + survey[pk]
        gaps.append(
            SkillGap(
                concept=concepts[pk],
                demand=demand,
                supply=supply[pk],
                gap=demand - supply[pk],
                vacancy_positions=vacancy[pk],
                survey_count=survey[pk],
            )
        )
    gaps.sort(key=lambda g: (-g.gap, -g.demand, g.concept.uri))
    return gaps


def _counts(qs: Any, key: str, aggregate: Any) -> Counter[int]:
    """`aggregate` per value of `key` in `qs`, as a Counter (a missing key counts 0)."""
    return Counter(dict(qs.values(key).annotate(n=aggregate).values_list(key, "n")))


def _open_vacancies(area: EmploymentArea) -> Any:
    return Vacancy.objects.filter(employment_area=area, state=VacancyState.OPEN)


def regional_skill_gaps(*, actor: Any = None, area: EmploymentArea) -> list[SkillGap]:
    """Per skill: demand (open positions + surveyed headcount) against job seekers who have it,
    the largest gap first (rule in the module docstring)."""
    _check(actor, area)
    surveys = _latest_answered_surveys(area)
    vacancy = _counts(
        VacancySkill.objects.filter(vacancy__in=_open_vacancies(area)),
        "concept_id",
        Sum("vacancy__positions"),
    )
    survey = _counts(
        SurveySkillNeed.objects.filter(survey_id__in=surveys), "concept_id", Sum("headcount")
    )
    supply = _counts(
        ProfileSkill.objects.filter(_people(area), concept_id__in=set(vacancy) | set(survey)),
        "concept_id",
        Count("job_seeker_id", distinct=True),
    )
    return _gaps(vacancy, survey, supply)


def regional_occupation_gaps(*, actor: Any = None, area: EmploymentArea) -> list[SkillGap]:
    """Per occupation: open positions + surveyed recruitment needs against job seekers who
    target it, the largest gap first."""
    _check(actor, area)
    surveys = _latest_answered_surveys(area)
    vacancy = _counts(
        _open_vacancies(area).filter(occupation__isnull=False), "occupation_id", Sum("positions")
    )
    survey = _counts(
        SurveyRecruitmentNeed.objects.filter(survey_id__in=surveys), "occupation_id", Sum("count")
    )
    supply = _counts(
        TargetOccupation.objects.filter(_people(area), concept_id__in=set(vacancy) | set(survey)),
        "concept_id",
        Count("job_seeker_id", distinct=True),
    )
    return _gaps(vacancy, survey, supply)


# --- the chart (inline SVG, no script, no library: the approach of finance/charts.py) --------

# Narrow enough to be drawn at about nine tenths of its size on a 390 px phone (13 px labels
# stay readable there) and scaled up a little on a desktop (CSS caps it at 30rem). Each row's
# label stands on its own line above its two bars, which then have the whole width.
WIDTH = 400
TOP = 28  # the legend
LABEL_H, BAR_H, BAR_GAP, ROW_GAP = 16, 11, 2, 10
ROW = LABEL_H + 2 * BAR_H + BAR_GAP + ROW_GAP
VALUE_ROOM = 36  # the figure after the longest bar
CHART_ROWS = 15


@dataclass(frozen=True)
class Bar:
    label: str
    label_y: str
    demand_y: str
    supply_y: str
    demand_w: str
    supply_w: str
    demand_text_x: str
    supply_text_x: str
    demand_text_y: str
    supply_text_y: str
    demand: int
    supply: int
    gap: int


@dataclass(frozen=True)
class GapChart:
    width: int
    height: int
    bars: list[Bar]
    bar_h: int


def gap_chart(gaps: list[SkillGap]) -> GapChart:
    """Demand and supply bars of the largest gaps. Coordinates are strings with a decimal
    point, formatted here: a template would localise a float ("12,5"), which SVG misreads."""
    shown = gaps[:CHART_ROWS]
    top_value = max([1, *(g.demand for g in shown), *(g.supply for g in shown)])
    plot_w = WIDTH - VALUE_ROOM

    def width(value: int) -> float:
        return plot_w * max(value, 0) / top_value

    def f(number: float) -> str:
        return f"{number:.1f}"

    bars = []
    for i, g in enumerate(shown):
        y = TOP + i * ROW
        demand_y, supply_y = y + LABEL_H, y + LABEL_H + BAR_H + BAR_GAP
        bars.append(
            Bar(
                label=g.concept.label(),
                label_y=f(y + LABEL_H - 4),
                demand_y=f(demand_y),
                supply_y=f(supply_y),
                demand_w=f(width(g.demand)),
                supply_w=f(width(g.supply)),
                demand_text_x=f(width(g.demand) + 4),
                supply_text_x=f(width(g.supply) + 4),
                demand_text_y=f(demand_y + BAR_H - 1),
                supply_text_y=f(supply_y + BAR_H - 1),
                demand=g.demand,
                supply=g.supply,
                gap=g.gap,
            )
        )
    return GapChart(
        width=WIDTH,
        height=TOP + ROW * len(shown),
        bars=bars,
        bar_h=BAR_H,
    )


def gaps_workbook(*, skills: list[SkillGap], occupations: list[SkillGap]) -> bytes:
    """Both tables as an Excel workbook, one sheet each, with the rule on a third sheet."""
    book = Workbook()
    headers = [
        _("Käsite"),
        _("URI"),
        _("Kysyntä"),
        _("Avoimet paikat"),
        _("Kartoitetut tarpeet"),
        _("Tarjonta"),
        _("Vaje"),
    ]
    sheets = ((_("Osaamiset"), skills), (_("Ammatit"), occupations))
    for index, (title, rows) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = title
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for g in rows:
            row = [
                g.concept.label(),
                g.concept.uri,
                g.demand,
                g.vacancy_positions,
                g.survey_count,
                g.supply,
                g.gap,
            ]
            sheet.append([safe_cell(value) for value in row])
        sheet.column_dimensions["A"].width = 48
        sheet.column_dimensions["B"].width = 40
    notes = book.create_sheet(_("Laskentasääntö"))
    for line in (
        _("Kysyntä = avoimien työpaikkojen paikat + yritysten viimeisimpien kartoitusten tarpeet."),
        _("Tarjonta = aktiiviset työnhakijat, joiden profiilissa osaaminen tai tavoiteammatti on."),
        _("Vaje = kysyntä − tarjonta; suurin vaje ensin."),
    ):
        notes.append([line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def regional_gaps_for_training(area: EmploymentArea) -> list[tuple[int, float, float]]:
    """The area's skill gaps in the shape the training purchase optimiser reads
    (`training.gaps`): (concept id, demand, supply) per skill."""
    return [
        (g.concept.pk, float(g.demand), float(g.supply)) for g in regional_skill_gaps(area=area)
    ]
