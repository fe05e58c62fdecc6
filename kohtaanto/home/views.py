from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Role
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.home import search as search_module
from kohtaanto.home import selectors


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The role's home page: live figures, each chart with its table, and the day's lists."""
    user = request.user
    role = user.role
    context: dict[str, object] = {}
    if user.employment_area_id is not None:
        if role == Role.COUNSELLOR:
            context["counsellor"] = selectors.counsellor_home(actor=user)
        elif role == Role.BUSINESS_ADVISOR:
            context["advisor"] = selectors.advisor_home(actor=user)
        elif role == Role.PARTNER:
            context["partner"] = selectors.partner_home(actor=user)
        if role in (Role.COORDINATOR, Role.AUDITOR):
            context["programme"] = selectors.programme_home(actor=user)
        if role in (Role.FINANCE, Role.AUDITOR):
            context["finance"] = selectors.finance_home(actor=user)
    return render(request, "home/home.html", context)


@login_required
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    term = request.GET.get("q", "").strip()
    error = ""
    results = None
    if len(term) > search_module.MAX_TERM_LENGTH:
        error = _("Hakusana on liian pitkä: enintään %(max)d merkkiä, nyt %(length)d.") % {
            "max": search_module.MAX_TERM_LENGTH,
            "length": len(term),
        }
    elif len(term) < search_module.MIN_TERM_LENGTH:
        if term:
            error = _("Kirjoita vähintään %(min)d merkkiä.") % {
                "min": search_module.MIN_TERM_LENGTH
            }
    else:
        results = search_module.header_search(actor=request.user, term=term)
        people = next((g for g in results.groups if g.key == "people"), None)
        if people and people.items:
            # Names of people were shown: one read-log entry with the ids and the term.
            access_log_record(
                actor=request.user,
                subject=request.user.employment_area,  # type: ignore[arg-type]
                what="job_seeker_search",
                reason="ids: " + ",".join(str(p.pk) for p in people.items),
                path=request.get_full_path(),
                subject_repr=str(request.user.employment_area),
            )
    return render(
        request,
        "home/search.html",
        {"term": term, "results": results, "error": error},
        status=400 if error else 200,
    )
