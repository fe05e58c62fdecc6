"""Pages of time records and salaries."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import selectors, services
from kohtaanto.programme.forms import (
    SalaryPaymentForm,
    TimeFilterForm,
    TimeRecordForm,
)
from kohtaanto.programme.views.common import error_to_form, require

# --- Time records -------------------------------------------------------------------------


@login_required
def time_records(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(request, "view_programme")
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
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                services.time_record_create(actor=request.user, **data)
                messages.success(request, _("Työaika kirjattiin."))
                return redirect(f"{reverse('programme:time')}?year={data['day'].year}")
            except DomainError as error:
                error_to_form(form, error)
    elif request.method == "POST":
        raise PermissionDenied
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
    require(request, "record_time")
    record = selectors.time_record_get_for_actor(actor=request.user, id=record_id)
    try:
        services.time_record_delete(actor=request.user, record=record)
        messages.success(request, _("Kirjaus poistettiin."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(f"{reverse('programme:time')}?year={record.date.year}")


@login_required
@require_POST
def salary_record(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(request, "record_time")
    form = SalaryPaymentForm(request.POST, actor=request.user)
    if form.is_valid():
        try:
            services.salary_payment_record(actor=request.user, **form.cleaned_data)
            messages.success(request, _("Palkka kirjattiin."))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Tarkista palkan tiedot."))
    return redirect("programme:time")
