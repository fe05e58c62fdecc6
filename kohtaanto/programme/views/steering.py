"""The steering group's report."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import exports, selectors
from kohtaanto.programme.views.common import period_from_request

# --- Steering-group report ----------------------------------------------------------------


@login_required
def steering_report(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_programme")
    form, chosen = period_from_request(request)
    if chosen is not None and "operation" in request.GET:
        operation, start, end = chosen
        summary = selectors.steering_summary(
            actor=request.user, operation=operation, start=start, end=end
        )
        response = HttpResponse(
            exports.steering_report_pdf(summary), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="ohjausryhma-{operation.code}-{start}-{end}.pdf"'
        )
        return response
    return render(request, "programme/steering_report.html", {"form": form})
