"""The "propose for the shortlist" action on ranking pages (one row per person)."""

from typing import Any

from django import template

from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching.models import ShortlistCandidate

register = template.Library()


@register.inclusion_tag("matching/shortlist_propose_button.html", takes_context=True)
def shortlist_propose_button(context: Any, vacancy: Any, job_seeker: JobSeeker | int) -> dict:
    """A button that puts the person on the vacancy's shortlist, shown only to those who may
    propose them; "on the shortlist" once they are there."""
    user = context["request"].user
    if not isinstance(job_seeker, JobSeeker):
        job_seeker = JobSeeker.objects.get(pk=job_seeker)
    on_list = ShortlistCandidate.objects.filter(
        shortlist__vacancy=vacancy, job_seeker=job_seeker
    ).exists()
    return {
        "vacancy": vacancy,
        "job_seeker": job_seeker,
        "on_list": on_list,
        "allowed": user.permissions.can_propose_candidate(vacancy, job_seeker),
        "csrf_token": context.get("csrf_token"),
    }
