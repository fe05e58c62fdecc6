"""Pages of payment claims on a decision: enter one, send the claim link, pay, reject."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.finance import forms, selectors, services
from kohtaanto.finance.models import GrantApplication
from kohtaanto.finance.views.base import form_page, posted


@login_required
def claim_create(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_finance")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    form = forms.ClaimForm(posted(request))
    return form_page(
        request,
        form,
        lambda: services.grant_claim_submit(
            actor=request.user,
            decision=decision,
            channel=GrantApplication.Channel.ADVISOR,
            **form.cleaned_data,
        ),
        done=_("Maksatushakemus kirjattiin."),
        then=lambda _result: redirect("finance:decision_detail", id=decision.pk),
        title=_("Maksatushakemus: %(company)s") % {"company": decision.application.company},
        submit=_("Kirjaa maksatushakemus"),
        back=reverse("finance:decision_detail", kwargs={"id": decision.pk}),
    )


@login_required
@require_POST
def claim_link(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("enter_grant_application")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    try:
        token = services.grant_claim_link_make(actor=request.user, decision=decision)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        request.session[f"claim-link-{decision.pk}"] = request.build_absolute_uri(
            reverse("finance:public_claim", args=[token])
        )
    return redirect("finance:decision_detail", id=decision.pk)


@login_required
def claim_pay(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("decide_grant")
    claim = selectors.grant_claim_get_for_actor(actor=request.user, id=id)
    form = forms.ClaimPayForm(posted(request))
    return form_page(
        request,
        form,
        lambda: services.grant_claim_pay(actor=request.user, claim=claim, **form.cleaned_data),
        done=_("Maksu kirjattiin."),
        then=lambda _result: redirect("finance:decision_detail", id=claim.decision_id),
        title=_("Maksa maksatushakemus"),
        intro=_("Enintään maksetaan haettu tai laskennallinen määrä, kumpi on pienempi."),
        claim=claim,
        submit=_("Kirjaa maksu"),
        back=reverse("finance:decision_detail", kwargs={"id": claim.decision_id}),
    )


@login_required
def claim_reject(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("decide_grant")
    claim = selectors.grant_claim_get_for_actor(actor=request.user, id=id)
    form = forms.ClaimRejectForm(posted(request))
    return form_page(
        request,
        form,
        lambda: services.grant_claim_reject(
            actor=request.user, claim=claim, reason=form.cleaned_data["reason"]
        ),
        done=_("Maksatushakemus hylättiin."),
        then=lambda _result: redirect("finance:decision_detail", id=claim.decision_id),
        title=_("Hylkää maksatushakemus"),
        claim=claim,
        submit=_("Hylkää"),
        back=reverse("finance:decision_detail", kwargs={"id": claim.decision_id}),
    )
