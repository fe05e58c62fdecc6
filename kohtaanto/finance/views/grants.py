"""Pages of grant schemes, applications, decisions and payment claims."""

from typing import Any

from django.conf import settings
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
from kohtaanto.employers.models import Company
from kohtaanto.finance import forms, selectors, services
from kohtaanto.finance.eligibility import reason_message
from kohtaanto.finance.models import GrantApplication, GrantScheme
from kohtaanto.finance.views.base import context, posted, require


def _reasons(evaluation: dict[str, Any]) -> list[str]:
    return [reason_message(r) for r in evaluation.get("reasons", [])]


# --- schemes --------------------------------------------------------------------------------


@login_required
def scheme_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(request, "view_finance")
    return render(
        request,
        "finance/scheme_list.html",
        context(request, schemes=selectors.grant_scheme_list(actor=request.user)),
    )


@login_required
def scheme_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(request, "manage_finance")
    form = forms.GrantSchemeForm(posted(request), actor=request.user)
    if request.method == "POST" and form.is_valid():
        scheme = attempt(
            form, lambda: services.grant_scheme_create(actor=request.user, **form.cleaned_data)
        )
        if scheme:
            messages.success(request, _("Avustusohjelma lisättiin. Lisää sille säännöt."))
            return redirect("finance:scheme_detail", id=scheme.pk)
    return render(
        request,
        "finance/form.html",
        context(
            request,
            form=form,
            title=_("Uusi avustusohjelma"),
            submit=_("Tallenna"),
            back=reverse("finance:scheme_list"),
        ),
    )


@login_required
def scheme_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "view_finance")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    return render(
        request,
        "finance/scheme_detail.html",
        context(
            request,
            scheme=scheme,
            rules=selectors.scheme_rule_list(scheme=scheme),
            applications=selectors.grant_application_list(actor=request.user, scheme=scheme),
        ),
    )


@login_required
def scheme_update(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "manage_finance")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    initial = {name: getattr(scheme, name) for name in services.GRANT_SCHEME_FIELDS}
    form = forms.GrantSchemeForm(posted(request), actor=request.user, editing=True, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.grant_scheme_update(
                actor=request.user, scheme=scheme, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Avustusohjelma päivitettiin."))
        return redirect("finance:scheme_detail", id=scheme.pk)
    return render(
        request,
        "finance/form.html",
        context(
            request,
            form=form,
            title=_("Muokkaa avustusohjelmaa: %(name)s") % {"name": scheme.name},
            submit=_("Tallenna"),
            back=reverse("finance:scheme_detail", kwargs={"id": scheme.pk}),
        ),
    )


@login_required
def rule_create(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "manage_finance")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    form = forms.SchemeRuleForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.scheme_rule_create(
                actor=request.user, scheme=scheme, **form.cleaned_data
            ),
        )
    ):
        messages.success(request, _("Sääntö lisättiin."))
        return redirect("finance:scheme_detail", id=scheme.pk)
    return render(
        request,
        "finance/form.html",
        context(
            request,
            form=form,
            title=_("Uusi sääntö: %(name)s") % {"name": scheme.name},
            intro=_(
                "Säännöt ovat päivättyjä: uusi sääntö koskee työsuhteita, jotka alkavat sen "
                "voimassaoloaikana. Saman tukiperusteen avoin sääntö päättyy edellisenä päivänä."
            ),
            submit=_("Lisää sääntö"),
            back=reverse("finance:scheme_detail", kwargs={"id": scheme.pk}),
        ),
    )


@login_required
def application_link(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Make the signed link that an employer uses to apply without an account."""
    require(request, "enter_grant_application")
    scheme = selectors.grant_scheme_get_for_actor(actor=request.user, id=id)
    form = forms.LinkForm(posted(request), actor=request.user)
    link = None
    if request.method == "POST" and form.is_valid():
        made = attempt(
            form,
            lambda: services.application_link_create(
                actor=request.user,
                scheme=scheme,
                company=form.cleaned_data["company"],
                max_uses=form.cleaned_data["max_uses"],
            ),
        )
        if made:
            link = request.build_absolute_uri(reverse("finance:public_apply", args=[made[1]]))
    return render(
        request,
        "finance/link.html",
        context(
            request,
            form=form,
            scheme=scheme,
            link=link,
            link_days=settings.SIGNED_LINK_MAX_AGE_DAYS,
        ),
    )


# --- applications -----------------------------------------------------------------------------


@login_required
def application_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(request, "view_grant_applications")
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
    require(request, "enter_grant_application")
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
    require(request, "enter_grant_application")
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
    require(request, "view_grant_applications")
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
    can_decide = waiting and request.user.permissions.can_decide_grant()
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
            can_check=can_check,
        ),
    )


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
def company_de_minimis(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """A company's de minimis aid over the rolling period, as of today."""
    require(request, "view_grant_applications")
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


# --- decisions and claims ------------------------------------------------------------------


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
def claim_create(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "manage_finance")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    form = forms.ClaimForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.grant_claim_submit(
                actor=request.user,
                decision=decision,
                channel=GrantApplication.Channel.ADVISOR,
                **form.cleaned_data,
            ),
        )
    ):
        messages.success(request, _("Maksatushakemus kirjattiin."))
        return redirect("finance:decision_detail", id=decision.pk)
    return render(
        request,
        "finance/form.html",
        context(
            request,
            form=form,
            title=_("Maksatushakemus: %(company)s") % {"company": decision.application.company},
            submit=_("Kirjaa maksatushakemus"),
            back=reverse("finance:decision_detail", kwargs={"id": decision.pk}),
        ),
    )


@login_required
@require_POST
def claim_link(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "enter_grant_application")
    decision = selectors.grant_decision_get_for_actor(actor=request.user, id=id)
    try:
        token = services.grant_claim_link_make(actor=request.user, decision=decision)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        request.session[f"claim-link-{decision.pk}"] = request.build_absolute_uri(
            reverse("finance:public_claim", args=[token])
        )
    return redirect("finance:decision_detail", id=decision.pk)


@login_required
def claim_pay(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "decide_grant")
    claim = selectors.grant_claim_get_for_actor(actor=request.user, id=id)
    form = forms.ClaimPayForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.grant_claim_pay(actor=request.user, claim=claim, **form.cleaned_data),
        )
    ):
        messages.success(request, _("Maksu kirjattiin."))
        return redirect("finance:decision_detail", id=claim.decision_id)
    return render(
        request,
        "finance/form.html",
        context(
            request,
            form=form,
            title=_("Maksa maksatushakemus"),
            intro=_("Enintään maksetaan haettu tai laskennallinen määrä, kumpi on pienempi."),
            claim=claim,
            submit=_("Kirjaa maksu"),
            back=reverse("finance:decision_detail", kwargs={"id": claim.decision_id}),
        ),
    )


@login_required
def claim_reject(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    require(request, "decide_grant")
    claim = selectors.grant_claim_get_for_actor(actor=request.user, id=id)
    form = forms.ClaimRejectForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            form,
            lambda: services.grant_claim_reject(
                actor=request.user, claim=claim, reason=form.cleaned_data["reason"]
            ),
        )
    ):
        messages.success(request, _("Maksatushakemus hylättiin."))
        return redirect("finance:decision_detail", id=claim.decision_id)
    return render(
        request,
        "finance/form.html",
        context(
            request,
            form=form,
            title=_("Hylkää maksatushakemus"),
            claim=claim,
            submit=_("Hylkää"),
            back=reverse("finance:decision_detail", kwargs={"id": claim.decision_id}),
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
