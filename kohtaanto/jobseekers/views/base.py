"""What every page about one person shares: fetching them for the actor, the access log,
the tab navigation, and showing service errors on the form that caused them."""

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from kohtaanto.audit.services import access_log_record
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.permissions import job_seeker_capabilities
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor

# (tab, url name, label, permission needed to see it)
TABS = (
    ("basic", "jobseekers:detail", _("Perustiedot"), "view_job_seeker"),
    ("consents", "jobseekers:consents", _("Suostumukset"), "view_job_seeker_record"),
    (
        "participation",
        "jobseekers:participation",
        _("ESR+-osallistuminen"),
        "view_job_seeker_record",
    ),
    ("profile", "jobseekers:profile", _("Osaamisprofiili"), "view_job_seeker"),
    ("plan", "jobseekers:plan", _("Suunnitelma ja tapahtumat"), "view_job_seeker_record"),
    ("timeline", "jobseekers:timeline", _("Aikajana"), "view_job_seeker_record"),
)


def person_for(
    request: AuthenticatedHttpRequest, pk: int, permission: str = "view_job_seeker"
) -> JobSeeker:
    """The person, or the same 404 for "missing" and "not yours"."""
    return job_seeker_get_for_actor(actor=request.user, id=pk, permission=permission)


def log_read(request: AuthenticatedHttpRequest, job_seeker: JobSeeker, what: str) -> None:
    access_log_record(
        actor=request.user,
        subject=job_seeker,
        what=what,
        reason=f"role: {request.user.role}",
        path=request.path,
        subject_repr=str(job_seeker),
    )


def render_person(
    request: AuthenticatedHttpRequest,
    template: str,
    job_seeker: JobSeeker,
    tab: str,
    context: dict[str, Any],
    *,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    tabs = [
        {"key": key, "url_name": url_name, "label": label}
        for key, url_name, label, permission in TABS
        if user.permissions.check(permission, job_seeker)
    ]
    return render(
        request,
        template,
        {
            "person": job_seeker,
            "tab": tab,
            "tabs": tabs,
            "can": job_seeker_capabilities(user, job_seeker),
            **context,
        },
        status=status,
    )
