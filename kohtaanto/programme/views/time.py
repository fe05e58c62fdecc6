"""Pages of time records, salaries and the signed monthly time sheets."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import button_pressed
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import selectors, services
from kohtaanto.programme.forms import (
    ConfirmForm,
    SalaryPaymentForm,
    TimeFilterForm,
    TimeRecordForm,
    TimeSheetSignForm,
)
from kohtaanto.programme.views.common import accepted

# --- Time records -------------------------------------------------------------------------


@login_required
def time_records(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_programme")
    today = timezone.localdate()
    filters = TimeFilterForm(request.GET or {"year": today.year}, actor=request.user)
    year, staff_member = today.year, None
    if filters.is_valid():
        year = filters.cleaned_data["year"]
        staff_member = filters.cleaned_data["staff_member"]
    can_record = request.user.permissions.can_record_time()
    form = salary_form = None
    if can_record:
        form = TimeRecordForm(request.POST or None, actor=request.user)
        salary_form = SalaryPaymentForm(actor=request.user)
        if request.method == "POST" and accepted(
            form, lambda data: services.time_record_create(actor=request.user, **data)
        ):
            messages.success(request, _("Työaika kirjattiin."))
            return redirect(f"{reverse('programme:time')}?year={form.cleaned_data['day'].year}")
    elif request.method == "POST":
        raise NotFoundError("not allowed")
    records = Paginator(
        selectors.time_record_list(
            actor=request.user, year=year, staff_member_id=staff_member.pk if staff_member else None
        ),
        100,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "programme/time_records.html",
        {
            "filters": filters,
            "year": year,
            "records": records,
            "summaries": selectors.staff_year_summaries(actor=request.user, year=year),
            "form": form,
            "salary_form": salary_form,
        },
    )


@login_required
@require_POST
def time_record_delete(request: AuthenticatedHttpRequest, record_id: int) -> HttpResponse:
    request.user.permissions.require("record_time")
    record = selectors.time_record_get_for_actor(actor=request.user, id=record_id)
    form = ConfirmForm(request.POST)
    return button_pressed(
        request,
        lambda: services.time_record_delete(actor=request.user, record=record),
        form=form,
        success=_("Kirjaus poistettiin."),
        then=redirect(f"{reverse('programme:time')}?year={record.date.year}"),
    )


@login_required
@require_POST
def salary_record(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("record_time")
    form = SalaryPaymentForm(request.POST, actor=request.user)
    return button_pressed(
        request,
        lambda: services.salary_payment_record(actor=request.user, **form.cleaned_data),
        form=form,
        success=_("Palkka kirjattiin."),
        then=redirect("programme:time"),
    )


# --- Signed monthly time sheets -----------------------------------------------------------


@login_required
def time_sheets(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The employee's own sheets and the form to sign a month; for the coordinator and
    finance, the area's sheets waiting for the supervisor's signature."""
    permissions = request.user.permissions
    can_sign, can_countersign = (
        permissions.can_sign_own_time_sheet(),
        permissions.can_countersign_time_sheet(),
    )
    if not (can_sign or can_countersign):
        raise NotFoundError("no time sheets")
    form = None
    if can_sign:
        form = TimeSheetSignForm(request.POST or None, actor=request.user)
        if request.method == "POST":

            def sign(data: dict[str, Any]) -> None:
                request.user.permissions.require("sign_own_time_sheet", data["staff_member"])
                services.time_sheet_sign_as_employee(actor=request.user, **data)

            if accepted(form, sign):
                messages.success(
                    request, _("Tuntikirjanpito allekirjoitettiin. Se odottaa esihenkilöä.")
                )
                return redirect("programme:time_sheets")
    elif request.method == "POST":
        raise NotFoundError("not a staff member")
    status = 400 if form is not None and form.errors else 200
    return render(
        request,
        "programme/time_sheets.html",
        {
            "form": form,
            "own": selectors.time_sheet_own_list(actor=request.user) if can_sign else [],
            "waiting": selectors.time_sheet_countersign_list(actor=request.user)
            if can_countersign
            else [],
            "locked": selectors.time_sheet_locked_list(actor=request.user)
            if can_countersign
            else [],
            "can_countersign": can_countersign,
        },
        status=status,
    )


@login_required
@require_POST
def time_sheet_countersign(request: AuthenticatedHttpRequest, sheet_id: int) -> HttpResponse:
    """The supervisor's signature, which locks the sheet."""
    request.user.permissions.require("countersign_time_sheet")
    sheet = selectors.time_sheet_get_for_actor(actor=request.user, id=sheet_id)
    request.user.permissions.require("countersign_time_sheet", sheet)
    form = ConfirmForm(request.POST)
    return button_pressed(
        request,
        lambda: services.time_sheet_sign_as_supervisor(actor=request.user, sheet=sheet),
        form=form,
        success=_("Tuntikirjanpito %(sheet)s hyväksyttiin ja lukittiin.") % {"sheet": sheet},
        then=redirect("programme:time_sheets"),
    )
