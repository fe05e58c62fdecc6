"""Training pages: thin views over the selectors and services."""

from collections.abc import Callable
from typing import Any

from django import forms as django_forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import DateInput, show_refusal
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.common.validators import CleanTextFormMixin
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import ConsentPurpose, JobSeeker
from kohtaanto.jobseekers.selectors import job_seeker_list, valid_consents
from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import forms, selectors, services
from kohtaanto.training.exports import report_workbook
from kohtaanto.training.models import Agreement, Enrolment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attempt(form: django_forms.BaseForm, action: Callable[[], Any]) -> Any:
    """Run a service; its refusal is shown on the form (the service changed nothing)."""
    try:
        return action()
    except NotFoundError:
        raise
    except DomainError as exc:
        show_refusal(form, exc)
        return None


def _posted(request: AuthenticatedHttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _can(request: AuthenticatedHttpRequest) -> dict[str, bool]:
    p = request.user.permissions
    return {
        "can_manage": p.can_manage_training(),
        "can_order": p.can_order_training(),
        "can_plan": p.can_plan_training(),
        "can_report": p.can_view_training_reports(),
    }


@login_required
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_training")
    actor = request.user
    return render(
        request,
        "training/home.html",
        {
            **_can(request),
            "providers": selectors.provider_list(actor=actor),
            "agreements": selectors.agreement_list(actor=actor),
            "programmes": selectors.programme_list(actor=actor),
            "orders": selectors.order_list(actor=actor)[:50],
            "warnings": selectors.threshold_warnings(actor=actor),
        },
    )


@login_required
def agreement_create(request: AuthenticatedHttpRequest, provider_id: int) -> HttpResponse:
    request.user.permissions.require("manage_training")
    provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    form = forms.AgreementForm(_posted(request))
    if form.is_valid():
        agreement = _attempt(
            form,
            lambda: services.agreement_create(
                actor=request.user, provider=provider, **form.cleaned_data
            ),
        )
        if agreement is not None:
            messages.success(request, _("Sopimus tallennettu."))
            return redirect("training:agreement_detail", id=agreement.pk)
    return render(
        request,
        "training/form.html",
        {"form": form, "title": _("Uusi sopimus"), "subject": provider},
    )


@login_required
def agreement_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    agreement = selectors.agreement_get_for_actor(actor=request.user, id=id)
    orders = selectors.order_list(actor=request.user).filter(agreement=agreement)
    return render(
        request,
        "training/agreement_detail.html",
        {**_can(request), "agreement": agreement, "orders": orders},
    )


def _programme_form_data(form: forms.ProgrammeForm, actor: Any) -> services.ProgrammeData:
    data = form.cleaned_data
    company = None
    if data.get("company"):
        company = Company.objects.filter(
            pk=data["company"], employment_area_id=actor.employment_area_id
        ).first()
        if company is None:
            raise DomainError(_("Yritystä %(id)s ei löytynyt.") % {"id": data["company"]})
    ids = form.skill_id_list()
    concepts = Concept.objects.in_bulk(ids)
    missing = [str(i) for i in ids if i not in concepts]
    if missing:
        raise DomainError(_("Taitoja ei löytynyt: %(ids)s.") % {"ids": ", ".join(missing)})
    skills = [(concepts[i], data["skill_level"]) for i in ids]
    if data.get("extra_skill") is not None and data["extra_skill"].pk not in concepts:
        skills.append((data["extra_skill"], data["skill_level"]))
    return services.ProgrammeData(
        name_fi=data["name_fi"],
        name_sv=data["name_sv"],
        name_en=data["name_en"],
        type=data["type"],
        days=data["days"],
        seats=data["seats"],
        min_group=data["min_group"],
        place=data["place"],
        mode=data["mode"],
        starts_on=data["starts_on"],
        ends_on=data["ends_on"],
        price=data["price"],
        company=company,
        description=data["description"],
        skills=skills,
    )


@login_required
def programme_create(request: AuthenticatedHttpRequest, provider_id: int) -> HttpResponse:
    """A programme, optionally prefilled from a pasted course description that the user
    then checks and confirms (nothing is saved until the programme form is sent)."""
    request.user.permissions.require("manage_training")
    provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    description_form = forms.DescriptionForm()
    suggestion = None
    form = forms.ProgrammeForm(initial={"skill_level": 2, "mode": "contact"})
    if request.method == "POST" and "parse" in request.POST:
        description_form = forms.DescriptionForm(request.POST)
        if description_form.is_valid():
            suggestion = _attempt(
                description_form,
                lambda: services.programme_description_parse(
                    actor=request.user, text=description_form.cleaned_data["text"]
                ),
            )
        if suggestion is not None:
            form = forms.ProgrammeForm(
                initial={
                    "skill_level": 2,
                    "days": suggestion.days,
                    "seats": suggestion.seats,
                    "place": suggestion.place,
                    "mode": suggestion.mode or "contact",
                    "starts_on": suggestion.starts_on,
                    "ends_on": suggestion.ends_on,
                    "price": suggestion.price,
                    "skill_ids": ", ".join(str(s["concept_id"]) for s in suggestion.skills),
                    "description": description_form.cleaned_data["text"],
                }
            )
    elif request.method == "POST":
        form = forms.ProgrammeForm(request.POST)
        if form.is_valid():
            programme = _attempt(
                form,
                lambda: services.programme_create(
                    actor=request.user,
                    provider=provider,
                    data=_programme_form_data(form, request.user),
                ),
            )
            if programme is not None:
                messages.success(request, _("Koulutus tallennettu."))
                return redirect("training:programme_detail", id=programme.pk)
    return render(
        request,
        "training/programme_form.html",
        {
            "form": form,
            "description_form": description_form,
            "suggestion": suggestion,
            "provider": provider,
        },
    )


class EnrolForm(CleanTextFormMixin, django_forms.Form):
    job_seeker = django_forms.ModelChoiceField(
        label=_("Työnhakija"), queryset=JobSeeker.objects.none(), required=False
    )
    employee_name = django_forms.CharField(
        label=_("tai yrityksen työntekijä"), max_length=200, required=False
    )


def _enrol_form(request: AuthenticatedHttpRequest, data: Any = None) -> EnrolForm:
    form = EnrolForm(data)
    if request.user.permissions.can_view_job_seeker_list():
        people = job_seeker_list(actor=request.user).filter(
            pk__in=valid_consents().filter(purpose=ConsentPurpose.PROCESSING).values("job_seeker")
        )
        form.fields["job_seeker"].queryset = people.order_by("last_name", "first_name")  # type: ignore[attr-defined]
    return form


@login_required
def programme_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    actor = request.user
    programme = selectors.programme_get_for_actor(actor=actor, id=id)
    agreements = selectors.agreement_list(actor=actor).filter(
        provider=programme.provider, status=Agreement.Status.ACTIVE
    )
    order_form = forms.OrderForm(
        initial={"seats": programme.seats}, agreements=agreements, prefix="order"
    )
    enrol_form = _enrol_form(request)
    if request.method == "POST" and "order-agreement" in request.POST:
        actor.permissions.require("order_training")
        order_form = forms.OrderForm(request.POST, agreements=agreements, prefix="order")
        if order_form.is_valid():
            data = order_form.cleaned_data
            order = _attempt(
                order_form,
                lambda: services.order_create(
                    actor=actor,
                    agreement=data["agreement"],
                    programme=programme,
                    seats=data["seats"],
                    ordered_on=data["ordered_on"],
                ),
            )
            if order is not None:
                messages.success(request, _("Tilaus vahvistettu ja sitoumus kirjattu."))
                return redirect("training:order_detail", id=order.pk)
    elif request.method == "POST":
        actor.permissions.require("enrol_training", programme)
        enrol_form = _enrol_form(request, request.POST)
        if enrol_form.is_valid():
            data = enrol_form.cleaned_data
            enrolment = _attempt(
                enrol_form,
                lambda: services.enrolment_create(
                    actor=actor,
                    programme=programme,
                    job_seeker=data["job_seeker"],
                    employee_name=data["employee_name"],
                ),
            )
            if enrolment is not None:
                messages.success(request, _("Osallistuja lisätty."))
                return redirect("training:programme_detail", id=programme.pk)
    return render(
        request,
        "training/programme_detail.html",
        {
            **_can(request),
            "programme": programme,
            "enrolments": selectors.enrolment_list(actor=actor, programme=programme),
            "orders": selectors.order_list(actor=actor).filter(programme=programme),
            "order_form": order_form,
            "enrol_form": enrol_form,
            "can_enrol": actor.permissions.can_enrol_training(programme),
        },
    )


@login_required
def order_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    form = forms.InvoiceForm(_posted(request))
    if request.method == "POST":
        request.user.permissions.require("order_training")
        if form.is_valid():
            invoice = _attempt(
                form,
                lambda: services.invoice_record(
                    actor=request.user, order=order, **form.cleaned_data
                ),
            )
            if invoice is not None:
                messages.success(request, _("Lasku kirjattu ja maksettu sitoumukselta."))
                return redirect("training:order_detail", id=order.pk)
    return render(
        request,
        "training/order_detail.html",
        {
            **_can(request),
            "order": order,
            "links": order.commitments.select_related("commitment__appropriation"),
            "invoices": order.invoices.all(),
            "form": form,
        },
    )


@login_required
@require_POST
def order_confirm(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("order_training")
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    try:
        services.order_confirm(actor=request.user, order=order)
        messages.success(request, _("Tilaus vahvistettu ja sitoumus kirjattu."))
    except NotFoundError:
        raise
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("training:order_detail", id=order.pk)


@login_required
def plan(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The purchase plan for a budget; "draft orders" turns it into draft orders at once."""
    request.user.permissions.require("plan_training")
    form = forms.PlanForm(request.POST if request.method == "POST" else request.GET or None)
    result = None
    if form.is_valid():
        result = _attempt(
            form,
            lambda: selectors.training_plan(actor=request.user, budget=form.cleaned_data["budget"]),
        )
        if result is not None and request.method == "POST" and result.purchases:
            orders = _attempt(
                form, lambda: services.plan_orders_draft(actor=request.user, plan=result)
            )
            if orders is not None:
                messages.success(
                    request,
                    _("Luotiin %(count)s tilausluonnosta.") % {"count": len(orders)},
                )
                return redirect("training:home")
    return render(request, "training/plan.html", {"form": form, "plan": result})


@login_required
def report(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = selectors.training_report(actor=request.user)
    return render(request, "training/report.html", {"report": data})


@login_required
def report_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = selectors.training_report(actor=request.user)
    response = HttpResponse(report_workbook(data), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="koulutukset.xlsx"'
    return response


class ProgressForm(CleanTextFormMixin, django_forms.Form):
    action = django_forms.ChoiceField(
        choices=[
            ("attendance", _("Läsnäolo")),
            ("complete", _("Suoritettu")),
            ("interrupt", _("Keskeytetty")),
            ("outcome", _("Tilanne 6 kk jälkeen")),
        ]
    )
    days = django_forms.IntegerField(label=_("Läsnäolopäivät"), required=False, min_value=0)
    on = django_forms.DateField(label=_("Päivä"), required=False, widget=DateInput())
    certificate = django_forms.CharField(label=_("Todistus"), max_length=300, required=False)
    reason = django_forms.CharField(label=_("Keskeytyksen syy"), max_length=300, required=False)
    outcome = django_forms.ChoiceField(
        label=_("Tilanne"), choices=[("", "–"), *Enrolment.Outcome.choices], required=False
    )


@login_required
@require_POST
def enrolment_progress(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Attendance, completion, interruption or the outcome, from the programme page."""
    enrolment = selectors.enrolment_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("record_training_progress", enrolment)
    form = ProgressForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tarkista lomakkeen tiedot."))
        return redirect("training:programme_detail", id=enrolment.programme_id)
    data = form.cleaned_data
    actor = request.user
    actions: dict[str, Callable[[], Any]] = {
        "attendance": lambda: services.attendance_record(
            actor=actor, enrolment=enrolment, days=data["days"] or 0
        ),
        "complete": lambda: services.enrolment_complete(
            actor=actor,
            enrolment=enrolment,
            completed_on=data["on"] or timezone.localdate(),
            certificate=data["certificate"],
        ),
        "interrupt": lambda: services.enrolment_interrupt(
            actor=actor,
            enrolment=enrolment,
            interrupted_on=data["on"] or timezone.localdate(),
            reason=data["reason"],
        ),
        "outcome": lambda: services.enrolment_outcome_record(
            actor=actor,
            enrolment=enrolment,
            outcome=data["outcome"],
            recorded_on=data["on"] or timezone.localdate(),
        ),
    }
    try:
        actions[data["action"]]()
        messages.success(request, _("Tallennettu."))
    except NotFoundError:
        raise
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("training:programme_detail", id=enrolment.programme_id)
