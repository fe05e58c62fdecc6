"""Regional supply and demand: the chart, the tables behind it and the Excel export."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.matching.regional import (
    gap_chart,
    gaps_workbook,
    regional_occupation_gaps,
    regional_skill_gaps,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _area(request: AuthenticatedHttpRequest):  # type: ignore[no-untyped-def]
    area = request.user.employment_area
    if area is None:
        raise NotFoundError("not found")
    return area


@login_required
def regional_gaps(request: AuthenticatedHttpRequest) -> HttpResponse:
    area = _area(request)
    skills = regional_skill_gaps(actor=request.user, area=area)
    occupations = regional_occupation_gaps(actor=request.user, area=area)
    return render(
        request,
        "matching/regional_gaps.html",
        {
            "area": area,
            "skills": skills,
            "occupations": occupations,
            "skill_chart": gap_chart(skills),
            "occupation_chart": gap_chart(occupations),
        },
    )


@login_required
def regional_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    area = _area(request)
    content = gaps_workbook(
        skills=regional_skill_gaps(actor=request.user, area=area),
        occupations=regional_occupation_gaps(actor=request.user, area=area),
    )
    response = HttpResponse(content, content_type=XLSX)
    name = f"kohtaanto-{area.code}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
