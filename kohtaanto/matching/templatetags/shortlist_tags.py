"""Shortlist actions on other pages: "propose" on ranking rows, the way from a vacancy (and its
candidates page) to its shortlist."""

from typing import Any

from django import template

from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching.models import ShortlistCandidate
from kohtaanto.matching.shortlists import shortlist_for_vacancy

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


@register.inclusion_tag("matching/shortlist_vacancy_link.html", takes_context=True)
def vacancy_shortlist_link(context: Any, vacancy: Any) -> dict:
    """A link to the vacancy's shortlist, when it has one the user may see."""
    return {"shortlist": shortlist_for_vacancy(actor=context["request"].user, vacancy=vacancy)}
