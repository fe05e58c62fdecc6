"""Training pages: thin views over the selectors and services."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import attempt, button_pressed, form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import ConsentPurpose
from kohtaanto.jobseekers.selectors import job_seeker_list, valid_consents
from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import forms, selectors, services
from kohtaanto.training.exports import report_workbook
from kohtaanto.training.models import Agreement, Enrolment

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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


def _warn_thresholds(request: AuthenticatedHttpRequest, order: Any) -> None:
    """After an order: say so when the provider's orders under one basis pass a threshold."""
    provider = order.agreement.provider
    for warning in selectors.threshold_warnings(actor=request.user, provider=provider):
        messages.warning(request, warning.message)


def _warned(request: AuthenticatedHttpRequest, order: Any) -> HttpResponse:
    """The order page, after the threshold warnings of the order just made."""
    _warn_thresholds(request, order)
    return redirect("training:order_detail", id=order.pk)


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
def provider_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("manage_training")
    form = forms.ProviderForm(_posted(request))
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: services.provider_create(actor=request.user, **form.cleaned_data),
            success=_("Järjestäjä tallennettu."),
            then=lambda provider: redirect("training:provider_detail", id=provider.pk),
        )
        if done:
            return done
    return render(
        request,
        "training/form.html",
        {"form": form, "title": _("Uusi koulutuksen järjestäjä"), "subject": ""},
    )


@login_required
def provider_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """The provider with its agreements and programmes; the coordinator adds and removes the
    partner users who work for it."""
    actor = request.user
    provider = selectors.provider_get_for_actor(actor=actor, id=id)
    candidates = selectors.provider_member_candidates(actor=actor, provider=provider)
    form = forms.MemberForm(_posted(request), users=candidates)
    if request.method == "POST":
        actor.permissions.require("manage_training")
        if form.is_valid():
            done = form_saved(
                request,
                form,
                lambda: services.provider_member_add(
                    actor=actor, provider=provider, user=form.cleaned_data["user"]
                ),
                success=_("Käyttäjä lisätty järjestäjään."),
                then=lambda _membership: redirect("training:provider_detail", id=provider.pk),
            )
            if done:
                return done
    return render(
        request,
        "training/provider_detail.html",
        {
            **_can(request),
            "provider": provider,
            "members": selectors.provider_members(actor=actor, provider=provider),
            "member_form": form,
            "agreements": selectors.agreement_list(actor=actor).filter(provider=provider),
            "programmes": selectors.programme_list(actor=actor).filter(provider=provider),
        },
    )


@login_required
@require_POST
def provider_member_remove(
    request: AuthenticatedHttpRequest, id: int, user_id: int
) -> HttpResponse:
    request.user.permissions.require("manage_training")
    provider = selectors.provider_get_for_actor(actor=request.user, id=id)
    member = selectors.provider_members(actor=request.user, provider=provider).filter(
        user_id=user_id
    )
    user = User.objects.filter(pk__in=member.values("user_id")).first()
    if user is None:
        raise NotFoundError(_("Ei löytynyt."))
    services.provider_member_remove(actor=request.user, provider=provider, user=user)
    messages.success(request, _("Käyttäjä poistettu järjestäjästä."))
    return redirect("training:provider_detail", id=provider.pk)


@login_required
def companies(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Companies of joint-purchase training: size class and partner and linked enterprises."""
    request.user.permissions.require("manage_training")
    q = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "training/companies.html",
        {
            **_can(request),
            "q": q,
            "companies": selectors.joint_purchase_companies(actor=request.user, q=q)[:100],
        },
    )


@login_required
def company_enterprises(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    """A company's partner and linked enterprises, whose figures count towards its size class
    (Recommendation 2003/361/EC, Annex Art. 3 and 6), and the size class they give."""
    request.user.permissions.require("manage_training")
    company = selectors.joint_purchase_company_get(actor=request.user, id=id)
    form = forms.EnterpriseLinkForm(_posted(request))
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: services.enterprise_link_add(
                actor=request.user, company=company, **form.cleaned_data
            ),
            success=_("Yritys lisätty."),
            then=lambda _link: redirect("training:company_enterprises", id=company.pk),
        )
        if done:
            return done
    size = selectors.company_size_class(actor=request.user, company=company)
    return render(
        request,
        "training/company_enterprises.html",
        {
            **_can(request),
            "company": company,
            "links": company.enterprise_links.order_by("name"),
            "form": form,
            "size_class": size.label,
            "size_error": size.error,
        },
    )


@login_required
@require_POST
def enterprise_link_remove(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_training")
    link = selectors.enterprise_link_get_for_actor(actor=request.user, id=id)
    company_id = link.company_id
    services.enterprise_link_remove(actor=request.user, link=link)
    messages.success(request, _("Yritys poistettu."))
    return redirect("training:company_enterprises", id=company_id)


@login_required
def agreement_create(request: AuthenticatedHttpRequest, provider_id: int) -> HttpResponse:
    request.user.permissions.require("manage_training")
    provider = selectors.provider_get_for_actor(actor=request.user, id=provider_id)
    form = forms.AgreementForm(_posted(request))
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: services.agreement_create(
                actor=request.user, provider=provider, **form.cleaned_data
            ),
            success=_("Sopimus tallennettu."),
            then=lambda agreement: redirect("training:agreement_detail", id=agreement.pk),
        )
        if done:
            return done
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
        {
            **_can(request),
            "agreement": agreement,
            "orders": orders,
            "statuses": Agreement.Status.choices,
            "warnings": selectors.threshold_warnings(
                actor=request.user, provider=agreement.provider
            ),
        },
    )


@login_required
@require_POST
def agreement_status(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("manage_training")
    agreement = selectors.agreement_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.agreement_status_set(
            actor=request.user, agreement=agreement, status=request.POST.get("status", "")
        ),
        success=_("Sopimuksen tila muutettu."),
        then=redirect("training:agreement_detail", id=agreement.pk),
    )


def _programme_form_data(form: forms.ProgrammeForm, actor: Any) -> services.ProgrammeData:
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
                },
                companies=companies,
            )
    elif request.method == "POST":
        form = forms.ProgrammeForm(request.POST, companies=companies)
        if form.is_valid():
            done = form_saved(
                request,
                form,
                lambda: services.programme_create(
                    actor=request.user,
                    provider=provider,
                    data=_programme_form_data(form, request.user),
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
            done = form_saved(
                request,
                order_form,
                lambda: services.order_create(
                    actor=actor,
                    agreement=data["agreement"],
                    programme=programme,
                    seats=data["seats"],
                    ordered_on=data["ordered_on"],
                ),
                success=_("Tilaus vahvistettu ja sitoumus kirjattu."),
                then=lambda order: _warned(request, order),
            )
            if done:
                return done
    elif request.method == "POST":
        actor.permissions.require("enrol_training", programme)
        enrol_form = _enrol_form(request, request.POST)
        if enrol_form.is_valid():
            data = enrol_form.cleaned_data
            done = form_saved(
                request,
                enrol_form,
                lambda: services.enrolment_create(
                    actor=actor,
                    programme=programme,
                    job_seeker=data["job_seeker"],
                    employee_name=data["employee_name"],
                ),
                success=_("Osallistuja lisätty."),
                then=lambda _enrolment: redirect("training:programme_detail", id=programme.pk),
            )
            if done:
                return done
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
def order_detail(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    form = forms.InvoiceForm(_posted(request))
    if request.method == "POST":
        request.user.permissions.require("order_training")
        if form.is_valid():
            done = form_saved(
                request,
                form,
                lambda: services.invoice_record(
                    actor=request.user, order=order, **form.cleaned_data
                ),
                success=_("Lasku kirjattu ja maksettu sitoumukselta."),
                then=lambda _invoice: redirect("training:order_detail", id=order.pk),
            )
            if done:
                return done
    return render(
        request,
        "training/order_detail.html",
        {
            **_can(request),
            "order": order,
            "links": order.commitments.select_related("commitment__appropriation"),
            "waiting": services.order_waiting_parts(order),
            "invoices": order.invoices.all(),
            "form": form,
        },
    )


@login_required
@require_POST
def order_confirm(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("order_training")
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.order_confirm(actor=request.user, order=order),
        success=_("Tilaus vahvistettu ja sitoumus kirjattu."),
        then=redirect("training:order_detail", id=order.pk),
        after=lambda: _warn_thresholds(request, order),
    )


@login_required
@require_POST
def order_cancel(request: AuthenticatedHttpRequest, id: int) -> HttpResponse:
    request.user.permissions.require("order_training")
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.order_cancel(actor=request.user, order=order),
        success=_("Tilaus peruttu."),
        then=redirect("training:order_detail", id=order.pk),
    )


@login_required
@require_POST
def order_year_part_book(request: AuthenticatedHttpRequest, id: int, year: int) -> HttpResponse:
    request.user.permissions.require("order_training")
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    return button_pressed(
        request,
        lambda: services.order_year_part_book(actor=request.user, order=order, year=year),
        success=_("Vuoden %(year)s osuus kirjattu määrärahalle.") % {"year": year},
        then=redirect("training:order_detail", id=order.pk),
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
def plan(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The purchase plan for a budget; "draft orders" turns it into draft orders at once."""
    request.user.permissions.require("plan_training")
    form = forms.PlanForm(request.POST if request.method == "POST" else request.GET or None)
    result = None
    if form.is_valid():
        result = attempt(
            form,
            lambda: selectors.training_plan(actor=request.user, budget=form.cleaned_data["budget"]),
        )
        if result is not None and request.method == "POST" and result.purchases:
            orders = attempt(
                form, lambda: services.plan_orders_draft(actor=request.user, plan=result)
            )
            if orders is not None:
                messages.success(
                    request,
                    _("Luotiin %(count)s tilausluonnosta.") % {"count": len(orders)},
                )
                return redirect("training:home")
    return render(request, "training/plan.html", {**_can(request), "form": form, "plan": result})


@login_required
def report(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = selectors.training_report(actor=request.user)
    return render(request, "training/report.html", {**_can(request), "report": data})


@login_required
def report_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = selectors.training_report(actor=request.user)
    response = HttpResponse(report_workbook(data), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="koulutukset.xlsx"'
    return response


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
    return button_pressed(
        request,
        actions[data["action"]],
        success=_("Tallennettu."),
        then=redirect("training:programme_detail", id=enrolment.programme_id),
    )
