"""Company register pages: list, company page, forms for companies, contacts and the log."""

from dataclasses import fields

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import button_pressed, form_saved
from kohtaanto.common.paging import page_of
from kohtaanto.common.sorting import sort_links, sort_param
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.forms import (
    ActivityForm,
    CompanyFilterForm,
    CompanyForm,
    ContactForm,
)
from kohtaanto.employers.models import Company, Language
from kohtaanto.employers.permissions import WRITERS
from kohtaanto.employers.readiness import DIMENSIONS, radar_chart
from kohtaanto.employers.services import activities, companies, surveys
from kohtaanto.employers.services.companies import CompanyData, ContactData


@login_required
def company_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    actor = request.user
    municipalities = selectors.area_municipalities(actor=actor)
    form = CompanyFilterForm(request.GET or None, municipalities=municipalities)
    filters = form.cleaned_data if form.is_valid() else {}
    municipality = filters.get("municipality")
    sort = sort_param(request, selectors.COMPANY_SORTS)
    rows = selectors.company_list(
        actor=actor,
        q=filters.get("q", ""),
        municipality_id=municipality.pk if municipality else None,
        size_class=filters.get("size_class", ""),
        programme_role=filters.get("programme_role", ""),
        sort=sort,
    )
    page, query = page_of(request, rows)
    return render(
        request,
        "employers/company_list.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "sort": sort,
            "sort_links": sort_links(request, selectors.COMPANY_SORTS, sort),
        },
    )


def _change_or_404(actor: User, company: Company) -> None:
    actor.permissions.require("change_company", company)


def _company_form(request: AuthenticatedHttpRequest, **kwargs: object) -> CompanyForm:
    return CompanyForm(
        request.POST or None,
        municipalities=selectors.area_municipalities(actor=request.user),
        advisors=selectors.area_staff(actor=request.user, roles=WRITERS),
        **kwargs,
    )


@login_required
def company_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    actor = request.user
    if not actor.permissions.can_create_company() or actor.employment_area is None:
        raise NotFoundError("not found")
    form = _company_form(request, initial={"responsible_advisor": actor if actor.role else None})
    if request.method == "POST" and form.is_valid():
        area = actor.employment_area
        done = form_saved(
            request,
            form,
            lambda: companies.company_create(actor=actor, area=area, data=form.to_data()),
            success=_("Yritys lisättiin rekisteriin."),
            then=lambda company: redirect("employers:company_detail", pk=company.pk),
        )
        if done:
            return done
    return render(request, "employers/company_form.html", {"form": form, "company": None})


@login_required
def company_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    company = selectors.company_get_for_actor(actor=actor, id=pk)
    _change_or_404(actor, company)
    initial = {
        "business_id": company.business_id,
        "name": company.name,
        "industry_code": company.industry_code,
        "size_class": company.size_class,
        "employees": company.employees,
        "turnover_eur": company.turnover_eur,
        "balance_sheet_eur": company.balance_sheet_eur,
        "municipality": company.municipality,
        "is_public_administration": company.is_public_administration,
        "responsible_advisor": company.responsible_advisor,
        "programme_roles": [r.role for r in company.programme_roles.all()],
    }
    form = _company_form(request, initial=initial)
    if request.method == "POST" and form.is_valid():
        data: CompanyData = form.to_data()
        done = form_saved(
            request,
            form,
            lambda: companies.company_update(actor=actor, company=company, data=data),
            success=_("Yrityksen tiedot tallennettiin."),
            then=lambda saved: redirect("employers:company_detail", pk=saved.pk),
        )
        if done:
            return done
    return render(request, "employers/company_form.html", {"form": form, "company": company})


@login_required
def company_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    company = selectors.company_get_for_actor(actor=actor, id=pk)
    contacts = selectors.company_contacts_shown(
        actor=actor, company=company, reason="company page", path=request.path
    )
    assessments = selectors.assessment_list(actor=actor, company=company)
    latest = assessments[-1] if assessments else None
    previous = assessments[-2] if len(assessments) > 1 else None
    chart = None
    if latest is not None:
        series = []
        if previous is not None:
            series.append(
                (
                    _("Edellinen arvio {date}").format(date=date_format(previous.assessed_on)),
                    "radar-previous",
                    previous.scores(),
                )
            )
        series.append(
            (
                _("Viimeisin arvio {date}").format(date=date_format(latest.assessed_on)),
                "radar-latest",
                latest.scores(),
            )
        )
        chart = radar_chart(series)
    rows = [
        {
            "name": d.name,
            "previous": previous.scores()[d.key] if previous else None,
            "latest": latest.scores()[d.key] if latest else None,
        }
        for d in DIMENSIONS
    ]
    return render(
        request,
        "employers/company_detail.html",
        {
            "company": company,
            "can_change": actor.permissions.can_change_company(company),
            "can_see_contacts": actor.permissions.can_view_company_contacts(company),
            "can_see_log": actor.permissions.can_view_company_activities(company),
            "can_see_needs": actor.permissions.can_view_company_needs(company),
            "contacts": contacts,
            "timeline": selectors.company_timeline(actor=actor, company=company),
            "open_tasks": [
                t for t in selectors.task_list(actor=actor, company=company) if t.done_at is None
            ],
            "surveys": selectors.survey_list(actor=actor, company=company),
            "assessments": assessments,
            "latest": latest,
            "previous": previous,
            "chart": chart,
            "readiness_rows": rows,
            "implied": selectors.readiness_implied_needs(latest) if latest else [],
            "vacancies": selectors.company_vacancies(actor=actor, company=company),
            "languages": Language.choices,
        },
    )


@login_required
def contact_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    company = selectors.company_get_for_actor(actor=actor, id=pk)
    _change_or_404(actor, company)
    form = ContactForm(request.POST or None, initial={"is_active": True})
    if request.method == "POST" and form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: companies.contact_create(actor=actor, company=company, data=form.to_data()),
            success=_("Yhteyshenkilö lisättiin."),
            then=lambda _contact: redirect("employers:company_detail", pk=company.pk),
        )
        if done:
            return done
    return render(
        request, "employers/contact_form.html", {"form": form, "company": company, "contact": None}
    )


@login_required
def contact_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    contact = selectors.contact_get_for_actor(actor=actor, id=pk)
    initial = {f.name: getattr(contact, f.name) for f in fields(ContactData)}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: companies.contact_update(actor=actor, contact=contact, data=form.to_data()),
            success=_("Yhteyshenkilön tiedot tallennettiin."),
            then=lambda saved: redirect("employers:company_detail", pk=saved.company_id),
        )
        if done:
            return done
    return render(
        request,
        "employers/contact_form.html",
        {"form": form, "company": contact.company, "contact": contact},
    )


@login_required
def activity_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    company = selectors.company_get_for_actor(actor=actor, id=pk)
    _change_or_404(actor, company)
    form = ActivityForm(
        request.POST or None,
        staff=selectors.area_staff(actor=actor, roles=WRITERS).exclude(pk=actor.pk),
        advisors=selectors.area_staff(actor=actor, roles=WRITERS),
        contacts=company.contacts.filter(is_active=True),
        initial={"kind": "visit", "task_assignee": actor},
    )
    if request.method == "POST" and form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: activities.activity_log(
                actor=actor,
                company=company,
                data=form.to_data(),
                follow_up=form.task_data(default_assignee=actor),
            ),
            success=_("Yhteydenotto kirjattiin."),
            then=lambda _activity: redirect("employers:company_detail", pk=company.pk),
        )
        if done:
            return done
    return render(request, "employers/activity_form.html", {"form": form, "company": company})


@login_required
@require_POST
def task_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    task = selectors.task_get_for_actor(actor=actor, id=pk)
    back = (
        redirect("employers:worklist")
        if request.POST.get("next") == "worklist"
        else redirect("employers:company_detail", pk=task.company_id)
    )
    return button_pressed(
        request,
        lambda: activities.task_complete(actor=actor, task=task),
        success=_("Tehtävä merkittiin tehdyksi."),
        then=back,
    )


@login_required
@require_POST
def survey_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    company = selectors.company_get_for_actor(actor=actor, id=pk)
    _change_or_404(actor, company)
    if request.POST.get("from_readiness"):
        latest = selectors.assessment_list(actor=actor, company=company)[-1:]
        concepts = (
            [c for need in selectors.readiness_implied_needs(latest[0]) for c in need.concepts]
            if latest
            else []
        )
        survey = surveys.survey_create_from_readiness(
            actor=actor, company=company, concepts=concepts
        )
    else:
        survey = surveys.survey_create(actor=actor, company=company)
    return redirect("employers:survey_detail", pk=survey.pk)
