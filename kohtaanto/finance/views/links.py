"""Staff pages for public application links: the list with revocation, and checking an
application that came through a link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.finance import selectors, services
from kohtaanto.finance.views.base import context


@login_required
def link_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every application link of the area, newest first, with how it has been used."""
    request.user.permissions.require("enter_grant_application")
    return render(
        request,
        "finance/link_list.html",
        context(
            request,
            links=selectors.application_link_list(actor=request.user),
            now=timezone.now(),
        ),
    )


@login_required
@require_POST
def link_revoke(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("enter_grant_application")
    link = selectors.application_link_get_for_actor(actor=request.user, id=id)
    try:
        services.application_link_revoke(actor=request.user, link=link)
        messages.success(request, _("Linkki on peruttu; sillä ei voi enää hakea."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("finance:link_list")


@login_required
@require_POST
def application_check(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Confirm that an application from a link is genuine: it then claims its envelope share."""
    request.user.permissions.require("enter_grant_application")
    application = selectors.grant_application_get_for_actor(actor=request.user, id=id)
    try:
        services.grant_application_check(actor=request.user, application=application)
        messages.success(request, _("Hakemus on tarkastettu; se on nyt etusijajonossa."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("finance:application_detail", id=application.pk)
