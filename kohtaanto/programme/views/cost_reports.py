"""Pages of the payment claims (cost reports)."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import button_pressed, error_messages
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.forms import (
    ConfirmForm,
    CostReportCreateForm,
    NarrativeForm,
    PaymentDecisionForm,
)
from kohtaanto.programme.indicators import BY_CODE
from kohtaanto.programme.views.common import (
    accepted,
)

# --- Cost reports -------------------------------------------------------------------------


@login_required
def cost_report_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_programme")
    form = None
    if request.user.permissions.can_manage_cost_reports():
        form = CostReportCreateForm(request.POST or None, actor=request.user)
        created = []
        if request.method == "POST" and accepted(
            form,
            lambda data: created.append(
                services.cost_report_create(actor=request.user, period=data["period"])
            ),
        ):
            return redirect("programme:cost_report", report_id=created[0].pk)
    elif request.method == "POST":
        raise NotFoundError("not allowed")
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
    request.user.permissions.require("view_programme")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    can_manage = request.user.permissions.can_manage_cost_reports()
    form = None
    if can_manage and not report.is_locked:
        form = NarrativeForm(request.POST or None, initial={"narrative": report.narrative})
        if request.method == "POST" and accepted(
            form,
            lambda data: services.cost_report_update(
                actor=request.user, report=report, narrative=data["narrative"]
            ),
        ):
            messages.success(request, _("Edistymisen kuvaus tallennettiin."))
            return redirect("programme:cost_report", report_id=report.pk)
    elif request.method == "POST":
        raise NotFoundError("not allowed")
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
            "decision": getattr(report, "decision", None),
            "decision_form": PaymentDecisionForm()
            if can_manage and report.is_locked and not hasattr(report, "decision")
            else None,
        },
    )


@login_required
@require_POST
def cost_report_submit(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    request.user.permissions.require("manage_cost_reports")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    form = ConfirmForm(request.POST)
    return button_pressed(
        request,
        lambda: services.cost_report_submit(actor=request.user, report=report),
        form=form,
        success=_("Maksatushakemus lähetettiin ja lukittiin."),
        then=redirect("programme:cost_report", report.pk),
    )


@login_required
@require_POST
def cost_report_correct(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    request.user.permissions.require("manage_cost_reports")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    form = ConfirmForm(request.POST)
    corrections = []
    if accepted(
        form,
        lambda _data: corrections.append(
            services.cost_report_correct(actor=request.user, report=report)
        ),
    ):
        messages.success(request, _("Korjausversio avattiin."))
        return redirect("programme:cost_report", report_id=corrections[0].pk)
    error_messages(request, form)
    return redirect("programme:cost_report", report_id=report.pk)


@login_required
@require_GET
def cost_report_export(request: AuthenticatedHttpRequest, report_id: int, fmt: str) -> HttpResponse:
    request.user.permissions.require("view_programme")
    if fmt not in ("pdf", "xlsx"):
        raise NotFoundError("no such format")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    figures = selectors.cost_report_figures(report)
    # The participant list annex: identity codes only when asked for and allowed; every
    # file that names participants is logged like the participant export.
    annex = selectors.claim_participant_annex(
        actor=request.user,
        report=report,
        with_identity_code=request.GET.get("identity_code") == "1",
    )
    services.participant_export_log(
        actor=request.user, export=annex, fmt=f"claim-{fmt}", path=request.get_full_path()
    )
    stem = (
        f"maksatushakemus-{report.period.operation.code}-{report.period.number}-v{report.version}"
    )
    if fmt == "pdf":
        content, content_type = exports.cost_report_pdf(report, figures, annex), "application/pdf"
    else:
        content = exports.cost_report_xlsx(report, figures, annex)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    return response


@login_required
@require_POST
def cost_report_decision(request: AuthenticatedHttpRequest, report_id: int) -> HttpResponse:
    """Record the funder's payment decision on a submitted claim."""
    request.user.permissions.require("manage_cost_reports")
    report = selectors.cost_report_get_for_actor(actor=request.user, id=report_id)
    form = PaymentDecisionForm(request.POST)
    return button_pressed(
        request,
        lambda: services.payment_decision_record(
            actor=request.user,
            report=report,
            decided_on=form.cleaned_data["decided_on"],
            accepted_staff_eur=form.cleaned_data["accepted_staff_eur"],
            deduction_reason=form.cleaned_data["deduction_reason"],
            paid_eur=form.cleaned_data["paid_eur"] or Decimal("0"),
            paid_on=form.cleaned_data["paid_on"],
        ),
        form=form,
        success=_("Maksatuspäätös kirjattiin."),
        then=redirect("programme:cost_report", report.pk),
    )
