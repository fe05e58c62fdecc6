"""Pages for employers without an account, reached through a signed, expiring link.

An application link is also limited in uses, revocable and rate-limited
(finance.services.links)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kohtaanto.common.client_address import client_address
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.forms import attempt, show_refusal
from kohtaanto.finance import forms, links, services
from kohtaanto.finance.models import GrantApplication, GrantDecision
from kohtaanto.finance.views.base import posted


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "finance/public_refused.html", {"message": message}, status=status)


def _read(request: HttpRequest, token: str, kind: str) -> dict | HttpResponse:
    try:
        return links.read_link(token, kind=kind)
    except ConflictError as exc:
        return _refused(request, exc.message, 410)
    except DomainError as exc:
        return _refused(request, exc.message, 404)


def public_apply(request: HttpRequest, token: str) -> HttpResponse:
    """The employer's application form (fi/sv/en through the language menu).

    The link must still accept applications (not used up, revoked or expired); posts are
    rate-limited per link and per client address before the form is even read.
    """
    try:
        link = services.application_link_open(token)
    except ConflictError as exc:
        return _refused(request, exc.message, 410)
    except DomainError:
        return _refused(request, _("Linkki ei kelpaa."), 404)
    scheme, company = link.scheme, link.company
    if not scheme.is_active:
        return _refused(request, _("Avustusohjelma ei ota vastaan hakemuksia."), 410)
    if request.method == "POST":
        try:
            services.public_attempt_allow(link=link, address=client_address(request))
        except services.RateLimitedError as exc:
            return _refused(request, exc.message, 429)
    data = request.POST if request.method == "POST" else None
    form = forms.ApplicationForm(data, scheme=scheme, public=True)
    de_minimis = forms.DeMinimisFormSet(data, prefix="deminimis")
    if request.method == "POST" and form.is_valid() and de_minimis.is_valid():
        try:
            application = services.grant_application_submit_through_link(
                link=link, data=form.application_data(de_minimis=de_minimis)
            )
        except ConflictError as exc:
            if exc.code in ("used", "revoked", "expired"):
                return _refused(request, exc.message, 410)
            show_refusal(form, exc)
            application = None
        except DomainError as exc:
            show_refusal(form, exc)
            application = None
        if application:
            return redirect("finance:public_received")
    return render(
        request,
        "finance/public_apply.html",
        {"form": form, "de_minimis": de_minimis, "scheme": scheme, "company": company},
    )


def public_claim(request: HttpRequest, token: str) -> HttpResponse:
    """The employer's payment claim for a granted subsidy."""
    payload = _read(request, token, links.CLAIM)
    if isinstance(payload, HttpResponse):
        return payload
    decision = (
        GrantDecision.objects.filter(pk=payload["d"], outcome=GrantDecision.Outcome.APPROVED)
        .select_related("application__scheme", "application__company")
        .first()
    )
    if decision is None:
        return _refused(request, _("Linkki ei kelpaa."), 404)
    form = forms.ClaimForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.grant_claim_submit(
                actor=None,
                decision=decision,
                channel=GrantApplication.Channel.LINK,
                **form.cleaned_data,
            ),
        )
    ):
        return redirect("finance:public_received")
    return render(request, "finance/public_claim.html", {"form": form, "decision": decision})


def public_received(request: HttpRequest) -> HttpResponse:
    return render(request, "finance/public_received.html")
