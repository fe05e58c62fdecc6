"""The training home page and the results report (page and workbook)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import selectors
from kohtaanto.training.exports import report_workbook
from kohtaanto.training.views.common import can

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_training")
    actor = request.user
    return render(
        request,
        "training/home.html",
        {
            **can(request),
            "providers": selectors.provider_list(actor=actor),
            "agreements": selectors.agreement_list(actor=actor),
            "programmes": selectors.programme_list(actor=actor),
            "orders": selectors.order_list(actor=actor)[:50],
            "warnings": selectors.threshold_warnings(actor=actor),
        },
    )


@login_required
def report(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = selectors.training_report(actor=request.user)
    return render(request, "training/report.html", {**can(request), "report": data})


@login_required
def report_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = selectors.training_report(actor=request.user)
    response = HttpResponse(report_workbook(data), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="koulutukset.xlsx"'
    return response
