"""Pages of grant applications and of a company's de minimis aid."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import attempt
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.finance import forms, selectors, services
from kohtaanto.finance.eligibility import reason_message
from kohtaanto.finance.models import GrantApplication, GrantScheme
from kohtaanto.finance.views.base import context


def _reasons(evaluation: dict[str, Any]) -> list[str]:
    return [reason_message(r) for r in evaluation.get("reasons", [])]


@login_required
def application_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_grant_applications")
    status = request.GET.get("status", "")
    if status not in GrantApplication.Status.values:
        status = ""
    return render(
        request,
        "finance/application_list.html",
        context(
            request,
            applications=selectors.grant_application_list(actor=request.user, status=status),
            statuses=GrantApplication.Status.choices,
            status=status,
            schemes=selectors.grant_scheme_list(actor=request.user, active_only=True),
        ),
    )


def _application_forms(
    request: AuthenticatedHttpRequest,
    scheme: GrantScheme,
    *,
    initial: Any = None,
    periods: Any = None,
    aid: Any = None,
    with_company: bool = True,
) -> tuple[forms.ApplicationForm, Any, Any]:
    data = request.POST if request.method == "POST" else None
    return (
        forms.ApplicationForm(
            data, scheme=scheme, actor=request.user, with_company=with_company, initial=initial
        ),
        forms.UnemploymentFormSet(data, prefix="unemployment", initial=periods),
        forms.DeMinimisFormSet(data, prefix="deminimis", initial=aid),
    )


@login_required
def application_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The advisor enters an application received by mail or phone."""
    request.user.permissions.require("enter_grant_application")
    scheme = selectors.grant_scheme_get_for_actor(
        actor=request.user, id=request.GET.get("scheme") or request.POST.get("scheme")
    )
    form, unemployment, de_minimis = _application_forms(request, scheme)
    if request.method == "POST" and all(f.is_valid() for f in (form, unemployment, de_minimis)):
        application = attempt(
            form,
            lambda: services.grant_application_submit(
                actor=request.user,
                scheme=scheme,
                company=form.cleaned_data["company"],
                data=form.application_data(unemployment=unemployment, de_minimis=de_minimis),
                channel=GrantApplication.Channel.ADVISOR,
            ),
        )
        if application:
            messages.success(request, _("Hakemus kirjattiin."))
            return redirect("finance:application_detail", id=application.pk)
    return render(
        request,
        "finance/application_form.html",
        context(
            request,
            form=form,
            unemployment=unemployment,
            de_minimis=de_minimis,
            scheme=scheme,
            title=_("Uusi hakemus: %(scheme)s") % {"scheme": scheme.name},
            back=reverse("finance:application_list"),
        ),
    )


@login_required
def application_update(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("enter_grant_application")
    application = selectors.grant_application_get_for_actor(actor=request.user, id=id)
    initial, periods, aid = forms.application_initial(application)
    form, unemployment, de_minimis = _application_forms(
        request, application.scheme, initial=initial, periods=periods, aid=aid, with_company=False
    )
    if (
        request.method == "POST"
        and all(f.is_valid() for f in (form, unemployment, de_minimis))
        and attempt(
            form,
            lambda: services.grant_application_update(
                actor=request.user,
                application=application,
                data=form.application_data(unemployment=unemployment, de_minimis=de_minimis),
            ),
        )
    ):
        messages.success(request, _("Hakemus päivitettiin ja tarkistettiin uudelleen."))
        return redirect("finance:application_detail", id=application.pk)
    access_log_record(
        actor=request.user,
        subject=application,
        what="grant_application",
        reason="grant_processing",
        path=request.path,
        subject_repr=application.employee_name,
    )
    return render(
        request,
        "finance/application_form.html",
        context(
            request,
            form=form,
            unemployment=unemployment,
            de_minimis=de_minimis,
            scheme=application.scheme,
            application=application,
            title=_("Täydennä hakemusta"),
            back=reverse("finance:application_detail", kwargs={"id": application.pk}),
        ),
    )


@login_required
def application_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """The application, its check today, its place in the queue, and the decision forms."""
    request.user.permissions.require("view_grant_applications")
    application = selectors.grant_application_get_for_actor(actor=request.user, id=id)
    access_log_record(
        actor=request.user,
        subject=application,
        what="grant_application",
        reason="grant_processing",
        path=request.path,
        subject_repr=application.employee_name,
    )
    waiting = application.status == GrantApplication.Status.RECEIVED
    assessment = services.grant_application_assess(application) if waiting else None
    decision = getattr(application, "decision", None) if not waiting else None
    can_decide = waiting and selectors.may_decide_grants(
        actor=request.user, area_id=application.employment_area_id, on=timezone.localdate()
    )
    # The role decides grants but no delegation is in force: the page says why it offers no
    # decision (the service would refuse it).
    no_delegation = waiting and not can_decide and request.user.permissions.can_decide_grant()
    can_check = (
        waiting
        and application.checked_at is None
        and request.user.permissions.can_enter_grant_application()
    )
    return render(
        request,
        "finance/application_detail.html",
        context(
            request,
            application=application,
            assessment=assessment,
            reasons=_reasons(assessment.evaluation.to_json()) if assessment else [],
            priority=selectors.first_come_priority(application) if waiting else None,
            position=selectors.queue_position(application) if waiting else None,
            decision=decision,
            can_decide_this=can_decide,
            no_delegation=no_delegation,
            can_check=can_check,
        ),
    )


@login_required
def company_de_minimis(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """A company's de minimis aid over the rolling period, as of today."""
    request.user.permissions.require("view_grant_applications")
    company = Company.objects.filter(pk=id).first()
    if company is None:
        raise NotFoundError(_("Ei löytynyt."))
    return render(
        request,
        "finance/company_de_minimis.html",
        context(
            request,
            company=company,
            tracking=selectors.company_de_minimis(actor=request.user, company=company),
        ),
    )
