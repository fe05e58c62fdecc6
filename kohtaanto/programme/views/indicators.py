"""Pages of the ESF+ indicators, their drill-down and data quality."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import show_refusal
from kohtaanto.common.paging import query_without
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import exports, selectors
from kohtaanto.programme.indicators import BY_CODE
from kohtaanto.programme.views.common import (
    PAGE_SIZE,
    fix_url,
    log_people,
    period_from_request,
)

# --- Indicators ---------------------------------------------------------------------------


@login_required
def indicators(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_indicators")
    form, chosen = period_from_request(request)
    table = None
    records: list[dict[str, Any]] | None = None
    rows: list[dict[str, Any]] = []
    can_drill = request.user.permissions.can_view_indicator_participants()
    if chosen is not None:
        operation, start, end = chosen
        try:
            records = selectors.indicator_records_for_actor(
                actor=request.user, operation=operation, start=start, end=end
            )
        except DomainError as error:
            # The refusal on the form when it was sent; above the default period's form,
            # which has nothing bound to carry an error, as a message.
            if form.is_bound:
                show_refusal(form, error)
            else:
                messages.error(request, error.message)
            records = None
    if chosen is not None and records is not None:
        table = records
        drill_query = urlencode(
            {"operation": operation.pk, "start": start.isoformat(), "end": end.isoformat()}
        )
        rows = [
            {
                **record,
                "label": BY_CODE[record["code"]].label,
                "drill_url": (
                    reverse("programme:indicator_participants", args=[record["code"]])
                    + "?"
                    + drill_query
                )
                if can_drill
                and record["total"] != 0
                and BY_CODE[record["code"]].kind != "entity"
                and not BY_CODE[record["code"]].special_category
                else None,
            }
            for record in records
        ]
        fmt = request.GET.get("format")
        if fmt == "csv":
            response = HttpResponse(
                exports.indicator_records_csv(records), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = (
                f'attachment; filename="esr-indikaattorit-{operation.code}-{start}-{end}.csv"'
            )
            return response
        if fmt == "json":
            return JsonResponse(
                {
                    "operation": operation.code,
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "indicators": records,
                }
            )
    return render(
        request,
        "programme/indicators.html",
        {
            "form": form,
            "table": table,
            "rows": rows,
            "chosen": chosen,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def indicator_participants(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    request.user.permissions.require("view_indicator_participants")
    if code not in BY_CODE:
        raise NotFoundError("indicator not found")
    form, chosen = period_from_request(request)
    if chosen is None:
        return render(
            request,
            "programme/indicator_participants.html",
            {"form": form, "indicator": BY_CODE[code], "page": None},
        )
    operation, start, end = chosen
    try:
        people = selectors.indicator_participants(
            operation=operation, code=code, start=start, end=end
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(f"{reverse('programme:indicators')}?{request.GET.urlencode()}")
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    log_people(
        request,
        [p.job_seeker_id for p in page.object_list],
        what="esf_indicator",
        reason=f"{code} {operation.code} {start}–{end}",
    )
    return render(
        request,
        "programme/indicator_participants.html",
        {
            "form": form,
            "indicator": BY_CODE[code],
            "operation": operation,
            "start": start,
            "end": end,
            "page": page,
            "query": query_without(request, "page"),
        },
    )


@login_required
def data_quality(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_data_quality")
    operation = selectors.operation_default_for_actor(actor=request.user)
    if "operation" in request.GET:
        operation = selectors.operation_get_for_actor(
            actor=request.user, id=request.GET["operation"]
        )
    report = selectors.data_quality_report(operation=operation)
    page = Paginator(report.participants, PAGE_SIZE).get_page(request.GET.get("page"))
    log_people(
        request,
        [i.job_seeker_id for i in page.object_list],
        what="esf_data_quality",
        reason=operation.code,
    )
    rows = [
        {"issue": i, "fix_url": fix_url(request.user, i.job_seeker_id)} for i in page.object_list
    ]
    return render(
        request,
        "programme/data_quality.html",
        {
            "operation": operation,
            "operations": selectors.operation_list(actor=request.user),
            "report": report,
            "page": page,
            "rows": rows,
        },
    )
