"""Orders: the order page with its invoices, confirm, cancel, booking a later year's share, and
the purchase plan that drafts orders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.forms import attempt, button_pressed, form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import forms, selectors, services
from kohtaanto.training.views.common import can, posted, warn_thresholds


@login_required
def order_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    form = forms.InvoiceForm(posted(request))
    if request.method == "POST":
        request.user.permissions.require("order_training")
        if form.is_valid():
            done = form_saved(
                request,
                form,
                lambda: services.invoice_record(
                    actor=request.user, order=order, **form.cleaned_data
                ),
                success=_("Lasku kirjattu ja maksettu sitoumukselta."),
                then=lambda _invoice: redirect("training:order_detail", id=order.pk),
            )
            if done:
                return done
    return render(
        request,
        "training/order_detail.html",
        {
            **can(request),
            "order": order,
            "links": order.commitments.select_related("commitment__appropriation"),
            "waiting": services.order_waiting_parts(order),
            "invoices": order.invoices.all(),
            "form": form,
        },
    )


@login_required
@require_POST
def order_confirm(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("order_training")
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.order_confirm(actor=request.user, order=order),
        success=_("Tilaus vahvistettu ja sitoumus kirjattu."),
        then=redirect("training:order_detail", id=order.pk),
        after=lambda: warn_thresholds(request, order),
    )


@login_required
@require_POST
def order_cancel(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("order_training")
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.order_cancel(actor=request.user, order=order),
        success=_("Tilaus peruttu."),
        then=redirect("training:order_detail", id=order.pk),
    )


@login_required
@require_POST
def order_year_part_book(request: AuthenticatedHttpRequest, id: int, year: int) -> HttpResponse:
    request.user.permissions.require("order_training")
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.order_year_part_book(actor=request.user, order=order, year=year),
        success=_("Vuoden %(year)s osuus kirjattu määrärahalle.") % {"year": year},
        then=redirect("training:order_detail", id=order.pk),
    )


@login_required
def plan(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The purchase plan for a budget; "draft orders" turns it into draft orders at once."""
    request.user.permissions.require("plan_training")
    form = forms.PlanForm(request.POST if request.method == "POST" else request.GET or None)
    result = None
    if form.is_valid():
        result = attempt(
            form,
            lambda: selectors.training_plan(actor=request.user, budget=form.cleaned_data["budget"]),
        )
        if result is not None and request.method == "POST" and result.purchases:
            orders = attempt(
                form, lambda: services.plan_orders_draft(actor=request.user, plan=result)
            )
            if orders is not None:
                messages.success(
                    request,
                    _("Luotiin %(count)s tilausluonnosta.") % {"count": len(orders)},
                )
                return redirect("training:home")
    return render(request, "training/plan.html", {**can(request), "form": form, "plan": result})
