from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.audit import selectors
from kohtaanto.audit.forms import AuditSearchForm
from kohtaanto.common.types import AuthenticatedHttpRequest


@login_required
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_audit")
    form = AuditSearchForm(request.GET or None)
    rows = None
    log = "events"
    if form.is_valid() or not request.GET:
        data = form.cleaned_data if request.GET else {}
        log = data.get("log") or "events"
        select = selectors.access_log_list if log == "access" else selectors.audit_event_list
        qs = select(
            actor=request.user,
            q=data.get("q", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
        rows = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/search.html", {"form": form, "rows": rows, "log": log})
