"""Pages that decide an application and act on a decision: approve, reject, view, recover
an overpayment, close."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import attempt
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.finance import forms, selectors, services
from kohtaanto.finance.models import GrantApplication
from kohtaanto.finance.views.base import context, form_page, posted
from kohtaanto.finance.views.grants.applications import _reasons


def _decide(
    request: AuthenticatedHttpRequest,
    id: int,
    *,
    form: Callable[[GrantApplication], Any],
    action: Callable[..., Any],
    done: str,
    title: str,
    submit: str,
    danger: bool,
) -> HttpResponse:
    """Decide a waiting application (any other is not found): on a valid post
    `action(actor=…, application=…, **cleaned_data)`, the message `done` (with the decision's
    %(number)s) and the decision's page; otherwise the page again, with the assessment and the
    refusal on the form."""
    request.user.permissions.require("decide_grant")
    application = selectors.grant_application_get_for_actor(actor=request.user, id=id)
    if application.status != GrantApplication.Status.RECEIVED:
        raise NotFoundError(_("Ei löytynyt."))
    if request.method != "POST" and not selectors.may_decide_grants(
        actor=request.user, area_id=application.employment_area_id, on=timezone.localdate()
    ):
        # No delegation in force: no decision form to fill in for nothing. The application's
        # page says why (a post is refused by the service with the same reason).
        return redirect("finance:application_detail", id=application.pk)
    bound = form(application)
    if request.method == "POST" and bound.is_valid():
        decision = attempt(
            bound,
            lambda: action(actor=request.user, application=application, **bound.cleaned_data),
        )
        if decision:
            messages.success(request, done % {"number": decision.number})
            return redirect("finance:decision_detail", id=decision.pk)
    assessment = services.grant_application_assess(application)
    return render(
        request,
        "finance/decision_form.html",
        context(
            request,
            application=application,
            assessment=assessment,
            reasons=_reasons(assessment.evaluation.to_json()),
            form=bound,
            title=title,
            submit=submit,
            danger=danger,
        ),
    )


@login_required
def application_approve(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Grant the application: its own page, heading and field-level errors."""
    return _decide(
        request,
        id,
        form=lambda application: forms.ApproveForm(
            posted(request), actor=request.user, scheme=application.scheme
        ),
        action=services.grant_application_approve,
        done=_("Avustus myönnettiin (päätös %(number)s) ja määräraha sidottiin."),
        title=_("Myönnä avustus"),
        submit=_("Myönnä"),
        danger=False,
    )


@login_required
def application_reject(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Refuse the application: a decision of its own, on its own page."""
    return _decide(
        request,
        id,
        form=lambda _application: forms.RejectForm(posted(request)),
        action=services.grant_application_reject,
        done=_("Hakemus hylättiin (päätös %(number)s)."),
        title=_("Hylkää hakemus"),
        submit=_("Hylkää"),
        danger=True,
    )


@login_required
def decision_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("view_grant_applications")
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
    request.user.permissions.require("decide_grant")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    form = forms.RecoveryForm(posted(request))
    return form_page(
        request,
        form,
        lambda: services.grant_overpayment_recover(
            actor=request.user,
            decision=decision,
            amount=form.cleaned_data["amount"],
            description=form.cleaned_data["description"],
        ),
        done=_("Takaisinperintä kirjattiin."),
        then=lambda _result: redirect("finance:decision_detail", id=decision.pk),
        title=_("Liikaa maksetun tuen takaisinperintä"),
        submit=_("Kirjaa takaisinperintä"),
        back=reverse("finance:decision_detail", kwargs={"id": decision.pk}),
    )


@login_required
@require_POST
def decision_close(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("decide_grant")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    try:
        services.grant_decision_close(actor=request.user, decision=decision)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Päätöksen käyttämätön osa vapautettiin."))
    return redirect("finance:decision_detail", id=decision.pk)
