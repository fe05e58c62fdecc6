"""Pages of the programme administration. Thin: permission → form → one service or selector
→ page or file."""

from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kohtaanto.audit.services import access_log_record_many
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.forms import (
    ActivityEntryForm,
    ActivityParticipantFormSet,
    AttachmentForm,
    CostReportCreateForm,
    ImplementerBudgetForm,
    NarrativeForm,
    OperationCompanyForm,
    PartnerReportForm,
    PaymentPeriodForm,
    PeriodFilterForm,
    SalaryPaymentForm,
    StaffMemberForm,
    StaffPositionForm,
    TimeFilterForm,
    TimeRecordForm,
    organisation_choices,
    organisation_from_choice,
)
from kohtaanto.programme.indicators import BY_CODE
from kohtaanto.programme.models import ActivityEntry, Operation, StaffPosition

PAGE_SIZE = 50


def _require(request: AuthenticatedHttpRequest, permission: str, *objects: Any) -> None:
    if not request.user.permissions.check(permission, *objects):
        raise PermissionDenied


def _error_to_form(form: Any, error: DomainError) -> None:
    form.add_error(None, error.message)


def _default_period(operation: Operation) -> tuple[date, date]:
    today = timezone.localdate()
    end = max(operation.start_date, min(today, operation.end_date))
    return operation.start_date, end


def _log_people(
    request: AuthenticatedHttpRequest, job_seeker_ids: list[int], what: str, reason: str
) -> None:
    """One access-log row per person whose (pseudonymised) data the page shows, written in
    one INSERT whatever the number of people."""
    access_log_record_many(
        actor=request.user,
        subject_type=JobSeeker,
        subject_ids=set(job_seeker_ids),
        what=what,
        reason=reason,
        path=request.get_full_path(),
    )


def fix_url(user: Any, job_seeker_id: int) -> str:
    """Where a participant's data are corrected: the job seeker's page."""
    return reverse("jobseekers:detail", args=[job_seeker_id])


# --- Hub ----------------------------------------------------------------------------------


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_programme")
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
    _require(request, "manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    form = OperationCompanyForm(request.POST, actor=request.user)
    if form.is_valid():
        try:
            services.operation_company_save(
                actor=request.user, operation=operation, **form.cleaned_data
            )
            messages.success(request, _("Yrityksen tiedot tallennettiin."))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("programme:home")


@login_required
@require_POST
def operation_company_remove(request: AuthenticatedHttpRequest, link_id: int) -> HttpResponse:
    _require(request, "manage_programme")
    link = selectors.operation_company_get_for_actor(actor=request.user, id=link_id)
    services.operation_company_remove(actor=request.user, link=link)
    messages.success(request, _("Yritys poistettiin hankkeesta."))
    return redirect("programme:home")


@login_required
@require_POST
def implementer_budget(request: AuthenticatedHttpRequest, implementer_id: int) -> HttpResponse:
    _require(request, "manage_programme")
    implementer = selectors.implementer_get_for_actor(actor=request.user, id=implementer_id)
    form = ImplementerBudgetForm(request.POST)
    if form.is_valid():
        services.implementer_budget_set(
            actor=request.user, implementer=implementer, budget_eur=form.cleaned_data["budget_eur"]
        )
        messages.success(request, _("Toteuttajan budjetti tallennettiin."))
    else:
        messages.error(request, _("Tarkista budjetti."))
    return redirect("programme:home")


# --- Budget -------------------------------------------------------------------------------


@login_required
def budget(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    _require(request, "view_programme")
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
        },
    )


@login_required
def position_save(
    request: AuthenticatedHttpRequest, operation_id: int, position_id: int | None = None
) -> HttpResponse:
    _require(request, "manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    position: StaffPosition | None = None
    initial: dict[str, Any] = {"start_date": operation.start_date, "end_date": operation.end_date}
    if position_id is not None:
        position = selectors.staff_position_get_for_actor(actor=request.user, id=position_id)
        if position.operation_id != operation.pk:
            raise NotFoundError("position not found")
        initial = {name: getattr(position, name) for name in services.POSITION_FIELDS}
    form = StaffPositionForm(request.POST or None, actor=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.staff_position_save(
                actor=request.user, operation=operation, position=position, **form.cleaned_data
            )
            messages.success(request, _("Budjettirivi tallennettiin."))
            return redirect("programme:budget", operation_id=operation.pk)
        except DomainError as error:
            _error_to_form(form, error)
    return render(
        request,
        "programme/position_form.html",
        {"operation": operation, "position": position, "form": form},
    )


@login_required
@require_POST
def staff_member_create(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    _require(request, "manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    form = StaffMemberForm(request.POST, actor=request.user)
    if form.is_valid():
        try:
            services.staff_member_create(actor=request.user, **form.cleaned_data)
            messages.success(request, _("Henkilö lisättiin."))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Tarkista henkilön tiedot."))
    return redirect("programme:budget", operation_id=operation.pk)


@login_required
@require_POST
def payment_period_create(request: AuthenticatedHttpRequest, operation_id: int) -> HttpResponse:
    _require(request, "manage_programme")
    operation = selectors.operation_get_for_actor(actor=request.user, id=operation_id)
    form = PaymentPeriodForm(request.POST)
    if form.is_valid():
        try:
            services.payment_period_create(
                actor=request.user, operation=operation, **form.cleaned_data
            )
            messages.success(request, _("Maksatuskausi lisättiin."))
        except DomainError as error:
            messages.error(request, error.message)
    else:
        messages.error(request, _("Tarkista kauden päivät."))
    return redirect("programme:budget", operation_id=operation.pk)


# --- Time records -------------------------------------------------------------------------


@login_required
def time_records(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_programme")
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
                _error_to_form(form, error)
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
    _require(request, "record_time")
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
    _require(request, "record_time")
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


# --- Cost reports -------------------------------------------------------------------------


@login_required
def cost_report_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_programme")
    form = None
    if request.user.permissions.can_manage_cost_reports():
        form = CostReportCreateForm(request.POST or None, actor=request.user)
        if request.method == "POST" and form.is_valid():
            try:
                report = services.cost_report_create(
                    actor=request.user, period=form.cleaned_data["period"]
                )
                return redirect("programme:cost_report", report_id=report.pk)
            except DomainError as error:
                _error_to_form(form, error)
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "programme/cost_report_list.html",
        {"reports": selectors.cost_report_list(actor=request.user), "form": form},
    )


def _decimalise(figures: dict[str, Any]) -> dict[str, Any]:
    """Figures with money as Decimal for the page (they are stored as strings)."""
    money_keys = ("staff_total", "flat_rate", "total", "flat_rate_percent")
    out = {**figures, **{k: Decimal(figures[k]) for k in money_keys}}
    for key in ("budget_period", "budget_operation", "claimed_before", "cumulative", "remaining"):
        out[key] = {k: Decimal(v) for k, v in figures[key].items()}
    out["staff"] = [
        {**s, "hours": Decimal(s["hours"]), "cost": Decimal(s["cost"])} for s in figures["staff"]
    ]
    return out


@login_required
def cost_report_detail(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    _require(request, "view_programme")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    can_manage = request.user.permissions.can_manage_cost_reports()
    form = None
    if can_manage and not report.is_locked:
        form = NarrativeForm(request.POST or None, initial={"narrative": report.narrative})
        if request.method == "POST" and form.is_valid():
            services.cost_report_update(
                actor=request.user, report=report, narrative=form.cleaned_data["narrative"]
            )
            messages.success(request, _("Edistymisen kuvaus tallennettiin."))
            return redirect("programme:cost_report", report_id=report.pk)
    elif request.method == "POST":
        raise PermissionDenied
    quality = None
    if not report.is_locked:
        quality = selectors.data_quality_report(
            operation=report.period.operation, until=report.period.end_date
        )
    return render(
        request,
        "programme/cost_report_detail.html",
        {
            "report": report,
            "figures": _decimalise(selectors.cost_report_figures(report)),
            "indicator_labels": {code: i.label for code, i in BY_CODE.items()},
            "form": form,
            "can_manage": can_manage,
            "quality": quality,
            "has_correction": hasattr(report, "correction"),
        },
    )


@login_required
@require_POST
def cost_report_submit(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    _require(request, "manage_cost_reports")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    try:
        services.cost_report_submit(actor=request.user, report=report)
        messages.success(request, _("Maksatushakemus lähetettiin ja lukittiin."))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("programme:cost_report", report_id=report.pk)


@login_required
@require_POST
def cost_report_correct(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    _require(request, "manage_cost_reports")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    try:
        correction = services.cost_report_correct(actor=request.user, report=report)
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("programme:cost_report", report_id=report.pk)
    messages.success(request, _("Korjausversio avattiin."))
    return redirect("programme:cost_report", report_id=correction.pk)


@login_required
@require_GET
def cost_report_export(request: AuthenticatedHttpRequest, report_id: int, fmt: str) -> HttpResponse:
    _require(request, "view_programme")
    if fmt not in ("pdf", "xlsx"):
        raise NotFoundError("no such format")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    figures = selectors.cost_report_figures(report)
    stem = (
        f"maksatushakemus-{report.period.operation.code}-{report.period.number}-v{report.version}"
    )
    if fmt == "pdf":
        content, content_type = exports.cost_report_pdf(report, figures), "application/pdf"
    else:
        content = exports.cost_report_xlsx(report, figures)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


# --- Indicators ---------------------------------------------------------------------------


def _period_from_request(request: AuthenticatedHttpRequest) -> tuple[PeriodFilterForm, Any]:
    """The filter form and (operation, start, end), defaulting to the default operation
    from its start until today."""
    operation = selectors.operation_default_for_actor(actor=request.user)
    start, end = _default_period(operation)
    data = request.GET if "operation" in request.GET else None
    form = PeriodFilterForm(
        data,
        actor=request.user,
        initial={"operation": operation, "start": start, "end": end},
    )
    if data is not None and form.is_valid():
        return form, (
            form.cleaned_data["operation"],
            form.cleaned_data["start"],
            form.cleaned_data["end"],
        )
    if data is not None:
        return form, None
    return form, (operation, start, end)


@login_required
def indicators(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_indicators")
    form, chosen = _period_from_request(request)
    table = None
    rows = []
    can_drill = request.user.permissions.can_view_indicator_participants()
    if chosen is not None:
        operation, start, end = chosen
        table = selectors.indicator_table(operation=operation, start=start, end=end)
        drill_query = urlencode(
            {"operation": operation.pk, "start": start.isoformat(), "end": end.isoformat()}
        )
        rows = [
            {
                "code": row.code,
                "label": row.indicator.label,
                "women": row.women,
                "men": row.men,
                "non_binary": row.non_binary,
                "total": row.total,
                "drill_url": (
                    reverse("programme:indicator_participants", args=[row.code]) + "?" + drill_query
                )
                if can_drill
                and row.total
                and row.indicator.kind != "entity"
                and not row.indicator.special_category
                else None,
            }
            for row in table
        ]
        fmt = request.GET.get("format")
        if fmt == "csv":
            response = HttpResponse(
                exports.indicators_csv(table), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = (
                f'attachment; filename="esr-indikaattorit-{operation.code}-{start}-{end}.csv"'
            )
            return response
        if fmt == "json":
            return JsonResponse(
                {
                    "operation": operation.code,
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "indicators": exports.indicator_records(table),
                }
            )
    return render(
        request,
        "programme/indicators.html",
        {
            "form": form,
            "table": table,
            "rows": rows,
            "chosen": chosen,
            "query": request.GET.urlencode(),
        },
    )


@login_required
def indicator_participants(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    _require(request, "view_indicator_participants")
    if code not in BY_CODE:
        raise NotFoundError("indicator not found")
    form, chosen = _period_from_request(request)
    if chosen is None:
        return render(
            request,
            "programme/indicator_participants.html",
            {"form": form, "indicator": BY_CODE[code], "page": None},
        )
    operation, start, end = chosen
    try:
        people = selectors.indicator_participants(
            operation=operation, code=code, start=start, end=end
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect(f"{reverse('programme:indicators')}?{request.GET.urlencode()}")
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    _log_people(
        request,
        [p.job_seeker_id for p in page.object_list],
        what="esf_indicator",
        reason=f"{code} {operation.code} {start}–{end}",
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "programme/indicator_participants.html",
        {
            "form": form,
            "indicator": BY_CODE[code],
            "operation": operation,
            "start": start,
            "end": end,
            "page": page,
            "query": query.urlencode(),
        },
    )


@login_required
def data_quality(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_data_quality")
    operation = selectors.operation_default_for_actor(actor=request.user)
    if "operation" in request.GET:
        operation = selectors.operation_get_for_actor(
            actor=request.user, id=request.GET["operation"]
        )
    report = selectors.data_quality_report(operation=operation)
    page = Paginator(report.participants, PAGE_SIZE).get_page(request.GET.get("page"))
    _log_people(
        request,
        [i.job_seeker_id for i in page.object_list],
        what="esf_data_quality",
        reason=operation.code,
    )
    rows = [
        {"issue": i, "fix_url": fix_url(request.user, i.job_seeker_id)} for i in page.object_list
    ]
    return render(
        request,
        "programme/data_quality.html",
        {
            "operation": operation,
            "operations": selectors.operation_list(actor=request.user),
            "report": report,
            "page": page,
            "rows": rows,
        },
    )


# --- Activity log -------------------------------------------------------------------------


@login_required
def activity_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_activity_log")
    kind = request.GET.get("kind", "")
    if kind not in ActivityEntry.Kind.values:
        kind = ""
    entries = Paginator(selectors.activity_list(actor=request.user, kind=kind), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "programme/activity_list.html",
        {
            "entries": entries,
            "kind": kind,
            "kinds": ActivityEntry.Kind.choices,
            "can_add": request.user.permissions.can_add_activity_entry(),
        },
    )


def _participants_from(formset: Any) -> list[services.ParticipantInput]:
    return [
        services.ParticipantInput(
            organisation_from_choice(f.cleaned_data["organisation"]), f.cleaned_data["name"]
        )
        for f in formset.forms
        if f.cleaned_data.get("name", "").strip()
    ]


@login_required
def activity_save(request: AuthenticatedHttpRequest, entry_id: int | None = None) -> HttpResponse:
    entry = None
    if entry_id is None:
        _require(request, "add_activity_entry")
        own = str(request.user.partner_organisation_id or "area")
        initial_participants = [{"organisation": own, "name": request.user.get_full_name()}]
        form = ActivityEntryForm(request.POST or None, actor=request.user)
    else:
        entry = selectors.activity_get_for_actor(actor=request.user, id=entry_id)
        _require(request, "change_activity_entry", entry)
        initial_participants = [
            {"organisation": str(p.organisation_id or "area"), "name": p.name}
            for p in entry.participants.all()
        ]
        form = ActivityEntryForm(
            request.POST or None,
            actor=request.user,
            initial={
                "operation": entry.operation,
                "kind": entry.kind,
                "date": entry.date,
                "title": entry.title,
                "description": entry.description,
                "companies": list(entry.companies.all()),
                "referral_from": str(entry.referral_from_id or "area"),
                "referral_to": str(entry.referral_to_id or "area"),
                "referred_count": entry.referred_count,
            },
        )
    formset = ActivityParticipantFormSet(
        request.POST or None,
        initial=initial_participants,
        prefix="participants",
        form_kwargs={"actor": request.user},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.service_data()
        try:
            if entry is None:
                entry = services.activity_entry_create(
                    actor=request.user, participants=_participants_from(formset), **data
                )
            else:
                entry = services.activity_entry_update(
                    actor=request.user,
                    entry=entry,
                    participants=_participants_from(formset),
                    **data,
                )
            messages.success(request, _("Merkintä tallennettiin."))
            return redirect("programme:activity_detail", entry_id=entry.pk)
        except DomainError as error:
            _error_to_form(form, error)
    return render(
        request,
        "programme/activity_form.html",
        {"form": form, "formset": formset, "entry": entry},
    )


@login_required
def activity_detail(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    _require(request, "view_activity_log")
    entry = selectors.activity_get_for_actor(actor=request.user, id=entry_id)
    can_change = request.user.permissions.can_change_activity_entry(entry)
    form = AttachmentForm() if can_change else None
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.activity_attachment_add(
                    actor=request.user, entry=entry, upload=form.cleaned_data["file"]
                )
                messages.success(request, _("Liite lisättiin."))
                return redirect("programme:activity_detail", entry_id=entry.pk)
            except DomainError as error:
                form.add_error("file", error.message)
    return render(
        request,
        "programme/activity_detail.html",
        {"entry": entry, "can_change": can_change, "form": form},
    )


@login_required
@require_GET
def attachment_download(
    request: AuthenticatedHttpRequest, entry_id: int, attachment_id: int
) -> FileResponse:
    _require(request, "view_activity_log")
    attachment = selectors.attachment_get_for_actor(
        actor=request.user, entry_id=entry_id, id=attachment_id
    )
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def attachment_delete(
    request: AuthenticatedHttpRequest, entry_id: int, attachment_id: int
) -> HttpResponse:
    attachment = selectors.attachment_get_for_actor(
        actor=request.user, entry_id=entry_id, id=attachment_id
    )
    _require(request, "change_activity_entry", attachment.entry)
    services.activity_attachment_delete(actor=request.user, attachment=attachment)
    messages.success(request, _("Liite poistettiin."))
    return redirect("programme:activity_detail", entry_id=entry_id)


@login_required
def partner_report(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_activity_log")
    today = timezone.localdate()
    own = str(request.user.partner_organisation_id or "area")
    form = PartnerReportForm(
        request.GET if "start" in request.GET else None,
        actor=request.user,
        initial={"organisation": own, "start": date(today.year, 1, 1), "end": today},
    )
    if form.is_bound and form.is_valid():
        organisation, start, end = (
            form.cleaned_data["organisation"],
            form.cleaned_data["start"],
            form.cleaned_data["end"],
        )
    else:
        organisation, start, end = own, date(today.year, 1, 1), today
    organisation_id = organisation_from_choice(organisation)
    summary = selectors.partner_activity_summary(
        actor=request.user,
        organisation_id=organisation_id.pk if organisation_id else None,
        start=start,
        end=end,
    )
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            exports.partner_activity_xlsx(summary, start, end),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="yhteistyo-{start}-{end}.xlsx"'
        return response
    kind_labels = dict(ActivityEntry.Kind.choices)
    return render(
        request,
        "programme/partner_report.html",
        {
            "form": form,
            "summary": summary,
            "by_kind": [(kind_labels[k], n) for k, n in summary.by_kind.items()],
            "query": request.GET.urlencode(),
            "is_partner": request.user.partner_organisation_id is not None,
            "organisations": organisation_choices(request.user),
        },
    )


# --- Steering-group report ----------------------------------------------------------------


@login_required
def steering_report(request: AuthenticatedHttpRequest) -> HttpResponse:
    _require(request, "view_programme")
    form, chosen = _period_from_request(request)
    if chosen is not None and "operation" in request.GET:
        operation, start, end = chosen
        summary = selectors.steering_summary(
            actor=request.user, operation=operation, start=start, end=end
        )
        response = HttpResponse(
            exports.steering_report_pdf(summary), content_type="application/pdf"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="ohjausryhma-{operation.code}-{start}-{end}.pdf"'
        )
        return response
    return render(request, "programme/steering_report.html", {"form": form})
