"""Pages of the programme hub, the operations' companies and the budget."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import button_pressed
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import selectors, services
from kohtaanto.programme.forms import (
    ConfirmForm,
    FinancingPlanForm,
    ImplementerBudgetForm,
    OperationCompanyForm,
    PaymentPeriodForm,
    StaffMemberForm,
    StaffPositionForm,
)
from kohtaanto.programme.models import StaffPosition
from kohtaanto.programme.views.common import accepted

# --- Hub ----------------------------------------------------------------------------------


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_programme")
    programmes = selectors.programme_overview(actor=request.user)
    operations = []
    book = selectors.rules_book()
    for programme in programmes:
        for operation in programme.operations.all():
            budget = (
                selectors.budget_for_operation(operation=operation, book=book)
                if operation.administered_here
                else None
            )
            operations.append(
                {
                    "operation": operation,
                    "shares": selectors.implementer_shares(operation),
                    "budget": budget,
                }
            )
    return render(
        request,
        "programme/home.html",
        {
            "programmes": programmes,
            "operations": operations,
            "company_form": OperationCompanyForm(actor=request.user),
            "cost_reports": selectors.cost_report_list(actor=request.user)[:10],
        },
    )


@login_required
@require_POST
def operation_company_save(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    request.user.permissions.require("manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    form = OperationCompanyForm(request.POST, actor=request.user)
    return button_pressed(
        request,
        lambda: services.operation_company_save(
            actor=request.user, operation=operation, **form.cleaned_data
        ),
        form=form,
        success=_("Yrityksen tiedot tallennettiin."),
        then=redirect("programme:home"),
    )


@login_required
@require_POST
def operation_company_remove(request: AuthenticatedHttpRequest, link_id: int) -> HttpResponse:
    request.user.permissions.require("manage_programme")
    link = selectors.operation_company_get_for_actor(actor=request.user, id=link_id)
    form = ConfirmForm(request.POST)
    return button_pressed(
        request,
        lambda: services.operation_company_remove(actor=request.user, link=link),
        form=form,
        success=_("Yritys poistettiin hankkeesta."),
        then=redirect("programme:home"),
    )


@login_required
@require_POST
def implementer_budget(request: AuthenticatedHttpRequest, implementer_id: int) -> HttpResponse:
    request.user.permissions.require("manage_programme")
    implementer = selectors.implementer_get_for_actor(actor=request.user, id=implementer_id)
    form = ImplementerBudgetForm(request.POST)
    return button_pressed(
        request,
        lambda: services.implementer_budget_set(
            actor=request.user, implementer=implementer, budget_eur=form.cleaned_data["budget_eur"]
        ),
        form=form,
        success=_("Toteuttajan budjetti tallennettiin."),
        then=redirect("programme:home"),
    )


# --- Budget -------------------------------------------------------------------------------


@login_required
def budget(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    request.user.permissions.require("view_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    book = selectors.rules_book()
    by_year = selectors.budget_for_operation(operation=operation, book=book)
    by_period = selectors.budget_for_operation(operation=operation, by="period", book=book)
    rules = book.on(operation.start_date)
    positions = list(selectors.staff_position_list(operation=operation))
    for position in positions:
        # CPR Art. 55(2)(a): a part-time post divides by the pro-rata of the annual hours.
        divisor = rules.annual_hours * position.working_time_share
        position.hourly_rate = position.annual_gross_cost / divisor  # type: ignore[attr-defined]
    can_manage = request.user.permissions.can_manage_programme() and operation.administered_here
    position_form = staff_form = period_form = None
    if can_manage:
        position_form = StaffPositionForm(
            actor=request.user,
            initial={"start_date": operation.start_date, "end_date": operation.end_date},
        )
        staff_form = StaffMemberForm(actor=request.user)
        period_form = PaymentPeriodForm()
    return render(
        request,
        "programme/budget.html",
        {
            "operation": operation,
            "by_year": by_year,
            "by_period": by_period,
            "rules": rules,
            "positions": positions,
            "periods": selectors.payment_period_list(operation=operation),
            "position_form": position_form,
            "staff_form": staff_form,
            "period_form": period_form,
            "financing": selectors.financing_summary(operation=operation),
            "financing_form": FinancingPlanForm(
                initial={
                    "support_rate_percent": operation.financing_plan.support_rate_percent,
                    "municipal_share_eur": operation.financing_plan.municipal_share_eur,
                    "other_public_eur": operation.financing_plan.other_public_eur,
                }
                if hasattr(operation, "financing_plan")
                else None
            )
            if can_manage
            else None,
        },
    )


@login_required
def position_save(
    request: AuthenticatedHttpRequest, operation_id: int, position_id: int | None = None
) -> HttpResponse:
    request.user.permissions.require("manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    position: StaffPosition | None = None
    initial: dict[str, Any] = {"start_date": operation.start_date, "end_date": operation.end_date}
    if position_id is not None:
        position = selectors.staff_position_get_for_actor(actor=request.user, id=position_id)
        if position.operation_id != operation.pk:
            raise NotFoundError("position not found")
        initial = {name: getattr(position, name) for name in services.POSITION_FIELDS}
    form = StaffPositionForm(request.POST or None, actor=request.user, initial=initial)
    if request.method == "POST" and accepted(
        form,
        lambda data: services.staff_position_save(
            actor=request.user, operation=operation, position=position, **data
        ),
    ):
        messages.success(request, _("Budjettirivi tallennettiin."))
        return redirect("programme:budget", operation_id=operation.pk)
    return render(
        request,
        "programme/position_form.html",
        {"operation": operation, "position": position, "form": form},
    )


@login_required
@require_POST
def staff_member_create(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    request.user.permissions.require("manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    form = StaffMemberForm(request.POST, actor=request.user)
    return button_pressed(
        request,
        lambda: services.staff_member_create(actor=request.user, **form.cleaned_data),
        form=form,
        success=_("Henkilö lisättiin."),
        then=redirect("programme:budget", operation.pk),
    )


@login_required
@require_POST
def payment_period_create(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    request.user.permissions.require("manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    form = PaymentPeriodForm(request.POST)
    return button_pressed(
        request,
        lambda: services.payment_period_create(
            actor=request.user, operation=operation, **form.cleaned_data
        ),
        form=form,
        success=_("Maksatuskausi lisättiin."),
        then=redirect("programme:budget", operation.pk),
    )


@login_required
@require_POST
def financing_plan_save(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    request.user.permissions.require("manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    form = FinancingPlanForm(request.POST)
    return button_pressed(
        request,
        lambda: services.financing_plan_save(
            actor=request.user,
            operation=operation,
            support_rate_percent=form.cleaned_data["support_rate_percent"],
            municipal_share_eur=form.cleaned_data["municipal_share_eur"] or Decimal("0"),
            other_public_eur=form.cleaned_data["other_public_eur"] or Decimal("0"),
        ),
        form=form,
        success=_("Rahoitussuunnitelma tallennettiin."),
        then=redirect("programme:budget", operation.pk),
    )
