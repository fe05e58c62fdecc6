"""Pages that decide an application and act on a decision: approve, reject, view, recover
an overpayment, close."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import attempt
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.finance import forms, selectors, services
from kohtaanto.finance.models import GrantApplication
from kohtaanto.finance.views.base import context, posted, require
from kohtaanto.finance.views.grants.applications import _reasons


def _decision_page(
    request: AuthenticatedHttpRequest,
    *,
    application: GrantApplication,
    form: Any,
    title: str,
    submit: str,
    danger: bool,
) -> HttpResponse:
    assessment = services.grant_application_assess(application)
    return render(
        request,
        "finance/decision_form.html",
        context(
            request,
            application=application,
            assessment=assessment,
            reasons=_reasons(assessment.evaluation.to_json()),
            form=form,
            title=title,
            submit=submit,
            danger=danger,
        ),
    )


def _waiting_application(request: AuthenticatedHttpRequest, id: int) -> GrantApplication:
    application = selectors.grant_application_get_for_actor(actor=request.user, id=id)
    if application.status != GrantApplication.Status.RECEIVED:
        raise NotFoundError(_("Ei löytynyt."))
    return application


@login_required
def application_approve(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Grant the application: its own page, heading and field-level errors."""
    require(request, "decide_grant")
    application = _waiting_application(request, id)
    form = forms.ApproveForm(posted(request), actor=request.user, scheme=application.scheme)
    if request.method == "POST" and form.is_valid():
        decision = attempt(
            form,
            lambda: services.grant_application_approve(
                actor=request.user, application=application, **form.cleaned_data
            ),
        )
        if decision:
            messages.success(
                request,
                _("Avustus myönnettiin (päätös %(number)s) ja määräraha sidottiin.")
                % {"number": decision.number},
            )
            return redirect("finance:decision_detail", id=decision.pk)
    return _decision_page(
        request,
        application=application,
        form=form,
        title=_("Myönnä avustus"),
        submit=_("Myönnä"),
        danger=False,
    )


@login_required
def application_reject(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Refuse the application: a decision of its own, on its own page."""
    require(request, "decide_grant")
    application = _waiting_application(request, id)
    form = forms.RejectForm(posted(request))
    if request.method == "POST" and form.is_valid():
        decision = attempt(
            form,
            lambda: services.grant_application_reject(
                actor=request.user, application=application, **form.cleaned_data
            ),
        )
        if decision:
            messages.success(
                request, _("Hakemus hylättiin (päätös %(number)s).") % {"number": decision.number}
            )
            return redirect("finance:decision_detail", id=decision.pk)
    return _decision_page(
        request,
        application=application,
        form=form,
        title=_("Hylkää hakemus"),
        submit=_("Hylkää"),
        danger=True,
    )


@login_required
def decision_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "view_grant_applications")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    application = decision.application
    access_log_record(
        actor=request.user,
        subject=application,
        what="grant_decision",
        reason="grant_processing",
        path=request.path,
        subject_repr=application.employee_name,
    )
    evaluation = decision.snapshot.get("evaluation", {})
    return render(
        request,
        "finance/decision_detail.html",
        context(
            request,
            decision=decision,
            application=application,
            snapshot=decision.snapshot,
            reasons=_reasons(evaluation),
            claims=selectors.grant_claim_list(decision=decision),
            commitment=decision.commitment,
            claim_link=request.session.pop(f"claim-link-{decision.pk}", None),
        ),
    )


@login_required
def decision_recover(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "decide_grant")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    form = forms.RecoveryForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.grant_overpayment_recover(
                actor=request.user,
                decision=decision,
                amount=form.cleaned_data["amount"],
                description=form.cleaned_data["description"],
            ),
        )
    ):
        messages.success(request, _("Takaisinperintä kirjattiin."))
        return redirect("finance:decision_detail", id=decision.pk)
    return render(
        request,
        "finance/form.html",
        context(
            request,
            form=form,
            title=_("Liikaa maksetun tuen takaisinperintä"),
            submit=_("Kirjaa takaisinperintä"),
            back=reverse("finance:decision_detail", kwargs={"id": decision.pk}),
        ),
    )


@login_required
@require_POST
def decision_close(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "decide_grant")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    try:
        services.grant_decision_close(actor=request.user, decision=decision)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Päätöksen käyttämätön osa vapautettiin."))
    return redirect("finance:decision_detail", id=decision.pk)
