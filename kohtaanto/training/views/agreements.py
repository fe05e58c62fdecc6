"""Agreements: a new one, its page and its status."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.forms import button_pressed, form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import forms, selectors, services
from kohtaanto.training.models import Agreement
from kohtaanto.training.views.common import can, posted


@login_required
def agreement_create(request: AuthenticatedHttpRequest, provider_id: int) -> HttpResponse:
    request.user.permissions.require("manage_training")
    provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    form = forms.AgreementForm(posted(request))
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: services.agreement_create(
                actor=request.user, provider=provider, **form.cleaned_data
            ),
            success=_("Sopimus tallennettu."),
            then=lambda agreement: redirect("training:agreement_detail", id=agreement.pk),
        )
        if done:
            return done
    return render(
        request,
        "training/form.html",
        {"form": form, "title": _("Uusi sopimus"), "subject": provider},
    )


@login_required
def agreement_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    agreement = selectors.agreement_get_for_actor(actor=request.user, id=id)
    orders = selectors.order_list(actor=request.user).filter(agreement=agreement)
    return render(
        request,
        "training/agreement_detail.html",
        {
            **can(request),
            "agreement": agreement,
            "orders": orders,
            "statuses": Agreement.Status.choices,
            "warnings": selectors.threshold_warnings(
                actor=request.user, provider=agreement.provider
            ),
        },
    )


@login_required
@require_POST
def agreement_status(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_training")
    agreement = selectors.agreement_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.agreement_status_set(
            actor=request.user, agreement=agreement, status=request.POST.get("status", "")
        ),
        success=_("Sopimuksen tila muutettu."),
        then=redirect("training:agreement_detail", id=agreement.pk),
    )
