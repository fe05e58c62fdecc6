"""Shortlist pages: staff pages behind login, and the company's page behind a signed link."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import button_pressed, form_saved
from kohtaanto.common.links import LinkExpiredError, LinkInvalidError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.selectors import vacancy_get_for_actor
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching import shortlists
from kohtaanto.matching.forms_workflow import (
    CompanyAnswerForm,
    ConsentForm,
    LinkForm,
    ProposeForm,
    StatisticsForm,
)
from kohtaanto.matching.models import Shortlist

LINK_SESSION_KEY = "shortlist-link-{pk}"


def _contacts(shortlist: Shortlist):  # type: ignore[no-untyped-def]
    return shortlist.vacancy.company.contacts.filter(is_active=True).order_by(
        "last_name", "first_name"
    )


@login_required
def shortlist_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "matching/shortlist_list.html",
        {"shortlists": shortlists.shortlist_list(actor=request.user)},
    )


@login_required
def shortlist_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    shortlist = shortlists.shortlist_get_for_actor(actor=actor, id=pk)
    can_manage = actor.permissions.can_manage_shortlist(shortlist)
    return render(
        request,
        "matching/shortlist_detail.html",
        {
            "shortlist": shortlist,
            "vacancy": shortlist.vacancy,
            "rows": shortlists.shortlist_candidates(actor=actor, shortlist=shortlist),
            "can_manage": can_manage,
            "link_form": LinkForm(
                contacts=_contacts(shortlist),
                initial={"contact": shortlist.contact_id, "language": shortlist.link_language},
            )
            if can_manage
            else None,
            "link_url": request.session.pop(LINK_SESSION_KEY.format(pk=shortlist.pk), None),
            "link_expires_at": shortlists.link_expires_at(shortlist),
        },
    )


@login_required
@require_POST
def shortlist_propose(request: AuthenticatedHttpRequest, vacancy_pk: int) -> HttpResponse:
    """Put a person on the vacancy's shortlist (from a ranking or a person's page)."""
    actor = request.user
    vacancy = vacancy_get_for_actor(actor=actor, id=vacancy_pk)
    form = ProposeForm(request.POST)
    if not form.is_valid():
        raise NotFoundError("not found")
    job_seeker = JobSeeker.objects.filter(
        pk=form.cleaned_data["job_seeker"], employment_area_id=actor.employment_area_id
    ).first()
    if job_seeker is None:
        raise NotFoundError("not found")
    try:
        candidate = shortlists.candidate_propose(
            actor=actor, vacancy=vacancy, job_seeker=job_seeker, note=form.cleaned_data["note"]
        )
    except NotFoundError:
        raise
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("employers:vacancy_detail", pk=vacancy.pk)
    messages.success(
        request,
        _("Henkilö lisättiin lyhytlistalle. Vastuuohjaaja kysyy häneltä suostumuksen."),
    )
    if actor.permissions.can_view_shortlist(candidate.shortlist):
        return redirect("matching:shortlist_detail", pk=candidate.shortlist_id)
    return redirect("employers:vacancy_detail", pk=vacancy.pk)


@login_required
def candidate_consent(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The counsellor records the person's answer: consent (with its validity) or refusal."""
    actor = request.user
    candidate = shortlists.candidate_get_for_actor(
        actor=actor, id=pk, permission="decide_candidate"
    )
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: shortlists.candidate_consent_record(
                actor=actor,
                candidate=candidate,
                given_on=form.cleaned_data["given_on"],
                expires_on=form.cleaned_data["expires_on"],
                share_contact=form.cleaned_data["share_contact"],
            ),
            success=_("Suostumus kirjattiin."),
            then=lambda _result: redirect("matching:shortlist_detail", pk=candidate.shortlist_id),
        )
        if done:
            return done
    return render(
        request,
        "matching/shortlist_consent.html",
        {"candidate": candidate, "vacancy": candidate.shortlist.vacancy, "form": form},
    )


def _candidate_button(
    request: AuthenticatedHttpRequest, pk: int, action: Any, success: str
) -> HttpResponse:
    """A candidate's button for whoever decides on candidates: `action(actor=…, candidate=…)`,
    its success or refusal as a message, back to the shortlist."""
    actor = request.user
    candidate = shortlists.candidate_get_for_actor(
        actor=actor, id=pk, permission="decide_candidate"
    )
    return button_pressed(
        request,
        lambda: action(actor=actor, candidate=candidate),
        success=success,
        then=redirect("matching:shortlist_detail", pk=candidate.shortlist_id),
    )


@login_required
@require_POST
def candidate_decline(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _candidate_button(
        request,
        pk,
        shortlists.candidate_decline,
        _("Kirjattiin, ettei henkilö halua profiiliaan lähetettävän."),
    )


@login_required
@require_POST
def candidate_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _candidate_button(
        request,
        pk,
        shortlists.candidate_consent_withdraw,
        _("Suostumus peruttiin. Yritys ei enää näe henkilön tietoja."),
    )


@login_required
@require_POST
def shortlist_link(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Issue a new link for the company contact (older links stop working)."""
    actor = request.user
    shortlist = shortlists.shortlist_get_for_actor(actor=actor, id=pk)
    actor.permissions.require("manage_shortlist", shortlist)
    form = LinkForm(request.POST, contacts=_contacts(shortlist))
    if not form.is_valid():
        messages.error(request, _("Valitse yrityksen yhteyshenkilö ja linkin kieli."))
        return redirect("matching:shortlist_detail", pk=shortlist.pk)
    try:
        shortlist, token = shortlists.shortlist_link_issue(
            actor=actor,
            shortlist=shortlist,
            contact=form.cleaned_data["contact"],
            language=form.cleaned_data["language"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("matching:shortlist_detail", pk=shortlist.pk)
    url = request.build_absolute_uri(reverse("matching:shortlist_public", args=[token]))
    request.session[LINK_SESSION_KEY.format(pk=shortlist.pk)] = url
    messages.success(
        request,
        _("Uusi linkki luotiin. Lähetä se yhteyshenkilölle; aiemmat linkit eivät enää toimi."),
    )
    if form.cleaned_data["send_email"]:
        try:
            shortlists.shortlist_link_send(actor=actor, shortlist=shortlist, url=url)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("Linkki lähetettiin osoitteeseen %(email)s.")
                % {"email": form.cleaned_data["contact"].email},
            )
    return redirect("matching:shortlist_detail", pk=shortlist.pk)


@login_required
@require_POST
def shortlist_link_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    shortlist = shortlists.shortlist_get_for_actor(actor=actor, id=pk)
    shortlists.shortlist_link_revoke(actor=actor, shortlist=shortlist)
    messages.success(request, _("Lyhytlistan linkit poistettiin käytöstä."))
    return redirect("matching:shortlist_detail", pk=shortlist.pk)


@login_required
def consent_requests(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "matching/shortlist_requests.html",
        {"candidates": shortlists.consent_requests(actor=request.user)},
    )


@login_required
def shortlist_statistics(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = StatisticsForm(request.GET or None)
    dates = form.cleaned_data if form.is_bound and form.is_valid() else {}
    stats = shortlists.shortlist_statistics(
        actor=request.user, date_from=dates.get("date_from"), date_to=dates.get("date_to")
    )
    return render(request, "matching/shortlist_statistics.html", {"form": form, "stats": stats})


# --- the company's page ----------------------------------------------------------------------


def _closed(request: HttpRequest, lang: str, reason: str, status: int) -> HttpResponse:
    with translation.override(lang):
        response = render(
            request,
            "matching/shortlist_public_closed.html",
            {"reason": reason, "lang": lang},
            status=status,
        )
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def shortlist_public(request: HttpRequest, token: str) -> HttpResponse:
    """The company's view of the shortlist: only consenting candidates, only what they agreed
    to show; the company answers per candidate. Expired or replaced link: 410; forged: 404."""
    asked = request.GET.get("lang", "")
    fallback = asked if asked in shortlists.LANGUAGES else "fi"
    try:
        shortlist, link_lang = shortlists.shortlist_from_link(token)
    except LinkInvalidError:
        return _closed(request, fallback, "invalid", 404)
    except LinkExpiredError:
        return _closed(request, fallback, "expired", 410)
    lang = asked if asked in shortlists.LANGUAGES else link_lang
    with translation.override(lang):
        error = ""
        answered_form = None
        if request.method == "POST":
            answered_form = CompanyAnswerForm(request.POST)
            if answered_form.is_valid():
                data = answered_form.cleaned_data
                try:
                    shortlists.company_answer_record(
                        shortlist=shortlist,
                        candidate_id=data["candidate"],
                        answer=data["answer"],
                        outcome=data["outcome"],
                        outcome_on=data["outcome_on"],
                        comment=data["comment"],
                    )
                except DomainError as exc:
                    error = exc.message
                else:
                    target = reverse("matching:shortlist_public", args=[token])
                    return redirect(f"{target}?lang={lang}&saved=1")
            else:
                error = _("Tarkista vastaus: valitse, kiinnostaako ehdokas.")
        profiles = shortlists.company_view(shortlist=shortlist, path=request.path)
        posted_id = str(answered_form.data.get("candidate")) if answered_form else ""
        forms = []
        for profile in profiles:
            candidate = profile.candidate
            auto_id = f"id_c{candidate.pk}_%s"
            if posted_id == str(candidate.pk):
                form = CompanyAnswerForm(request.POST, auto_id=auto_id)
                form.is_valid()
            else:
                form = CompanyAnswerForm(
                    initial={
                        "candidate": candidate.pk,
                        "answer": candidate.company_answer or None,
                        "outcome": candidate.outcome,
                        "outcome_on": candidate.outcome_on,
                        "comment": candidate.company_comment,
                    },
                    auto_id=auto_id,
                )
            forms.append((profile, form))
        response = render(
            request,
            "matching/shortlist_public.html",
            {
                "shortlist": shortlist,
                "vacancy": shortlist.vacancy,
                "company": shortlist.vacancy.company,
                "profiles": forms,
                "lang": lang,
                "error": error,
                "saved": request.GET.get("saved") == "1" and not error,
                "expires_at": shortlists.link_expires_at(shortlist),
            },
            status=400 if error else 200,
        )
    response["X-Robots-Tag"] = "noindex"
    return response
