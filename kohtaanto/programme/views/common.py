"""What every programme page shares: permission checks, the access log, the period filter."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from kohtaanto.audit.services import access_log_record_many
from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.programme import selectors
from kohtaanto.programme.forms import (
    PeriodFilterForm,
)
from kohtaanto.programme.models import Operation

PAGE_SIZE = 50


def require(request: AuthenticatedHttpRequest, permission: str, *objects: Any) -> None:
    if not request.user.permissions.check(permission, *objects):
        raise PermissionDenied


def error_to_form(form: Any, error: DomainError) -> None:
    form.add_error(None, error.message)


def default_period(operation: Operation) -> tuple[date, date]:
    today = timezone.localdate()
    end = max(operation.start_date, min(today, operation.end_date))
    return operation.start_date, end


def log_people(
    request: AuthenticatedHttpRequest, job_seeker_ids: list[int], what: str, reason: str
) -> None:
    """One access-log row per person whose (pseudonymised) data the page shows, written in
    one INSERT whatever the number of people."""
    access_log_record_many(
        actor=request.user,
        subject_type=JobSeeker,
        subject_ids=set(job_seeker_ids),
        what=what,
        reason=reason,
        path=request.get_full_path(),
    )


def fix_url(user: Any, job_seeker_id: int) -> str:
    """Where a participant's data are corrected: the job seeker's page."""
    return reverse("jobseekers:detail", args=[job_seeker_id])


def period_from_request(request: AuthenticatedHttpRequest) -> tuple[PeriodFilterForm, Any]:
    """The filter form and (operation, start, end), defaulting to the default operation
    from its start until today."""
    operation = selectors.operation_default_for_actor(actor=request.user)
    start, end = default_period(operation)
    data = request.GET if "operation" in request.GET else None
    form = PeriodFilterForm(
        data,
        actor=request.user,
        initial={"operation": operation, "start": start, "end": end},
    )
    if data is not None and form.is_valid():
        return form, (
            form.cleaned_data["operation"],
            form.cleaned_data["start"],
            form.cleaned_data["end"],
        )
    if data is not None:
        return form, None
    return form, (operation, start, end)
