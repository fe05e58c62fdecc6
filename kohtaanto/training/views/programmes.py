"""Programmes: a new one (optionally from a pasted description), its page with orders and
enrolments, the employer's share invoice and the enrolments' progress."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import DomainError
from kohtaanto.common.forms import attempt, button_pressed, form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import ConsentPurpose
from kohtaanto.jobseekers.selectors import job_seeker_list, valid_consents
from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import forms, selectors, services
from kohtaanto.training.models import Agreement, Enrolment, Programme
from kohtaanto.training.views.common import can, warned


def _programme_form_data(form: forms.ProgrammeForm) -> services.ProgrammeData:
    data = form.cleaned_data
    company = data.get("company")
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
        leads_to_degree=data["leads_to_degree"],
        company=company,
        description=data["description"],
        skills=skills,
    )


def _suggested_form(
    suggestion: services.DescriptionSuggestion, text: str, companies: Any
) -> forms.ProgrammeForm:
    """The programme form prefilled from a pasted description, for the user to check."""
    return forms.ProgrammeForm(
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
            "description": text,
        },
        companies=companies,
    )


@login_required
def programme_create(request: AuthenticatedHttpRequest, provider_id: int) -> HttpResponse:
    """A programme, optionally prefilled from a pasted course description that the user
    then checks and confirms (nothing is saved until the programme form is sent)."""
    request.user.permissions.require("manage_training")
    provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    description_form = forms.DescriptionForm()
    suggestion = None
    companies = Company.objects.filter(employment_area_id=provider.employment_area_id).order_by(
        "name"
    )
    form = forms.ProgrammeForm(initial={"skill_level": 2, "mode": "contact"}, companies=companies)
    if request.method == "POST" and "parse" in request.POST:
        description_form = forms.DescriptionForm(request.POST)
        if description_form.is_valid():
            suggestion = attempt(
                description_form,
                lambda: services.programme_description_parse(
                    actor=request.user, text=description_form.cleaned_data["text"]
                ),
            )
        if suggestion is not None:
            form = _suggested_form(suggestion, description_form.cleaned_data["text"], companies)
    elif request.method == "POST":
        form = forms.ProgrammeForm(request.POST, companies=companies)
        if form.is_valid():
            done = form_saved(
                request,
                form,
                lambda: services.programme_create(
                    actor=request.user,
                    provider=provider,
                    data=_programme_form_data(form),
                ),
                success=_("Koulutus tallennettu."),
                then=lambda programme: redirect("training:programme_detail", id=programme.pk),
            )
            if done:
                return done
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


def _enrol_form(request: AuthenticatedHttpRequest, data: Any = None) -> forms.EnrolForm:
    form = forms.EnrolForm(data)
    if request.user.permissions.can_view_job_seeker_list():
        people = job_seeker_list(actor=request.user).filter(
            pk__in=valid_consents().filter(purpose=ConsentPurpose.PROCESSING).values("job_seeker")
        )
        form.fields["job_seeker"].queryset = people.order_by("last_name", "first_name")  # type: ignore[attr-defined]
    return form


def _order_posted(
    request: AuthenticatedHttpRequest, programme: Programme, agreements: Any
) -> tuple[forms.OrderForm, HttpResponse | None]:
    """The order form sent from the programme page: the order page after the order is made
    (with the threshold warnings), or None and the form with its errors."""
    request.user.permissions.require("order_training")
    form = forms.OrderForm(request.POST, agreements=agreements, prefix="order")
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    done = form_saved(
        request,
        form,
        lambda: services.order_create(
            actor=request.user,
            agreement=data["agreement"],
            programme=programme,
            seats=data["seats"],
            ordered_on=data["ordered_on"],
        ),
        success=_("Tilaus vahvistettu ja sitoumus kirjattu."),
        then=lambda order: warned(request, order),
    )
    return form, done


def _enrolment_posted(
    request: AuthenticatedHttpRequest, programme: Programme
) -> tuple[forms.EnrolForm, HttpResponse | None]:
    """The enrolment form sent from the programme page: the page again after the person is
    enrolled, or None and the form with its errors."""
    request.user.permissions.require("enrol_training", programme)
    form = _enrol_form(request, request.POST)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    done = form_saved(
        request,
        form,
        lambda: services.enrolment_create(
            actor=request.user,
            programme=programme,
            job_seeker=data["job_seeker"],
            employee_name=data["employee_name"],
        ),
        success=_("Osallistuja lisätty."),
        then=lambda _enrolment: redirect("training:programme_detail", id=programme.pk),
    )
    return form, done


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
    done: HttpResponse | None = None
    if request.method == "POST" and "order-agreement" in request.POST:
        order_form, done = _order_posted(request, programme, agreements)
    elif request.method == "POST":
        enrol_form, done = _enrolment_posted(request, programme)
    if done:
        return done
    return render(
        request,
        "training/programme_detail.html",
        {
            **can(request),
            "programme": programme,
            "enrolments": selectors.enrolment_list(actor=actor, programme=programme),
            "orders": selectors.order_list(actor=actor).filter(programme=programme),
            "order_form": order_form,
            "enrol_form": enrol_form,
            "can_enrol": actor.permissions.can_enrol_training(programme),
            "can_progress": actor.permissions.can_record_training_progress(
                Enrolment(programme=programme)
            ),
            "progress_actions": forms.ProgressForm.base_fields["action"].choices,  # type: ignore[attr-defined]
            "outcomes": Enrolment.Outcome.choices,
            "employer_invoice": selectors.employer_invoice_for(actor=actor, programme=programme),
            "employer_form": forms.EmployerInvoiceForm(prefix="employer"),
        },
    )


@login_required
@require_POST
def employer_invoice(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Record that the employer's share was invoiced to the company (programme page)."""
    request.user.permissions.require("order_training")
    programme = selectors.programme_get_for_actor(actor=request.user, id=id)
    form = forms.EmployerInvoiceForm(request.POST, prefix="employer")
    if not form.is_valid():
        messages.error(request, _("Tarkista laskun viite ja päivä."))
        return redirect("training:programme_detail", id=programme.pk)
    return button_pressed(
        request,
        lambda: services.employer_invoice_record(
            actor=request.user, programme=programme, **form.cleaned_data
        ),
        success=_("Työnantajan osuuden lasku kirjattu."),
        then=redirect("training:programme_detail", id=programme.pk),
    )


@login_required
@require_POST
def enrolment_progress(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """Attendance, completion, interruption or the outcome, from the programme page."""
    enrolment = selectors.enrolment_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("record_training_progress", enrolment)
    form = forms.ProgressForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tarkista lomakkeen tiedot."))
        return redirect("training:programme_detail", id=enrolment.programme_id)
    data = form.cleaned_data
    return button_pressed(
        request,
        lambda: services.enrolment_progress_record(actor=request.user, enrolment=enrolment, **data),
        success=_("Tallennettu."),
        then=redirect("training:programme_detail", id=enrolment.programme_id),
    )
