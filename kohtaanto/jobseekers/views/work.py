"""The counsellor's worklist and the participation totals."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.forms import WorklistForm


@login_required
def worklist(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_worklist")
    form = WorklistForm(request.GET or None)
    idle_days = selectors.DEFAULT_IDLE_DAYS
    if form.is_valid() and form.cleaned_data.get("idle_days"):
        idle_days = form.cleaned_data["idle_days"]
    work = selectors.worklist(actor=request.user, idle_days=idle_days)
    return render(
        request,
        "jobseekers/worklist.html",
        {"form": form, "work": work},
        status=200 if form.is_bound is False or form.is_valid() else 400,
    )


@login_required
def participation_summary(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Entry data totals per operation: how auditors see the Art. 9 items (never per person)."""
    request.user.permissions.require("view_participation_summary")
    operations = list(selectors.operation_choices(actor=request.user))
    chosen = next((o for o in operations if str(o.pk) == request.GET.get("operation")), None)
    operation = chosen or (operations[0] if operations else None)
    summary = (
        selectors.participation_summary(actor=request.user, operation=operation)
        if operation
        else None
    )
    return render(
        request,
        "jobseekers/summary.html",
        {"operations": operations, "operation": operation, "summary": summary},
    )
