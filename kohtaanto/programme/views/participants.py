"""The participant-level list for the lead partner and EURA 2021 (Excel, CSV)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.views.common import period_from_request

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


@login_required
@require_GET
def participant_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The form, or with `format` the file; every file is logged (who, whom, why)."""
    request.user.permissions.require("export_participants")
    form, chosen = period_from_request(request)
    fmt = request.GET.get("format", "")
    if chosen is None or fmt not in CONTENT_TYPES:
        return render(request, "programme/participant_export.html", {"form": form})
    operation, start, end = chosen
    export = selectors.participant_export(
        actor=request.user,
        operation=operation,
        start=start,
        end=end,
        with_identity_code=request.GET.get("identity_code") == "1",
    )
    services.participant_export_log(
        actor=request.user, export=export, fmt=fmt, path=request.get_full_path()
    )
    content = (
        exports.participant_export_xlsx(export)
        if fmt == "xlsx"
        else exports.participant_export_csv(export)
    )
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="esr-osallistujat-{operation.code}-{start}-{end}.{fmt}"'
    )
    return response
