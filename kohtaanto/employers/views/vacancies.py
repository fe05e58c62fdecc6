"""Vacancies: list, page, structured form, from a pasted job ad, state changes."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.accounts.models import Municipality
from kohtaanto.common.forms import button_pressed, form_saved
from kohtaanto.common.paging import page_of
from kohtaanto.common.sorting import sort_links, sort_param
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.forms import (
    DATALIST_OCCUPATIONS,
    DATALIST_REQUIREMENTS,
    DATALIST_SKILLS,
    VacancyAdForm,
    VacancyFilterForm,
    VacancyForm,
    VacancyRequirementFormSet,
    VacancySkillFormSet,
    VacancyTransitionForm,
    first_line_title,
    vacancy_data,
)
from kohtaanto.employers.models import Company, Vacancy, VacancyState
from kohtaanto.employers.services import vacancies
from kohtaanto.employers.suggestions import text_suggestions
from kohtaanto.extraction.ads import MUNICIPALITIES as AD_MUNICIPALITIES
from kohtaanto.extraction.ads import AdFields
from kohtaanto.extraction.selectors import extraction_suggest
from kohtaanto.taxonomy.lookup import concept_label_choices


def _datalists() -> list[tuple[str, list[str]]]:
    lang = (translation.get_language() or "fi")[:2]
    return [
        (DATALIST_SKILLS, concept_label_choices(types=selectors.SKILL_TYPES, lang=lang)),
        (
            DATALIST_OCCUPATIONS,
            concept_label_choices(types=selectors.OCCUPATION_TYPES, lang=lang),
        ),
        (
            DATALIST_REQUIREMENTS,
            concept_label_choices(types=selectors.REQUIREMENT_TYPES, lang=lang),
        ),
    ]


@login_required
def vacancy_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    actor = request.user
    form = VacancyFilterForm(
        request.GET or None, municipalities=selectors.area_municipalities(actor=actor)
    )
    filters = form.cleaned_data if form.is_valid() else {}
    municipality = filters.get("municipality")
    sort = sort_param(request, selectors.VACANCY_SORTS)
    rows = selectors.vacancy_list(
        actor=actor,
        q=filters.get("q", ""),
        state=filters.get("state", ""),
        municipality_id=municipality.pk if municipality else None,
        sort=sort,
    )
    page, query = page_of(request, rows)
    return render(
        request,
        "employers/vacancy_list.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "can_create": actor.permissions.can_create_vacancy(),
            "sort": sort,
            "sort_links": sort_links(request, selectors.VACANCY_SORTS, sort),
        },
    )


@login_required
def vacancy_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    vacancy = selectors.vacancy_get_for_actor(actor=actor, id=pk)
    can_change = actor.permissions.can_change_vacancy(vacancy)
    next_states = (
        [VacancyState(s) for s in sorted(vacancies.TRANSITIONS[vacancy.state])]
        if can_change
        else []
    )
    return render(
        request,
        "employers/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "can_change": can_change and vacancy.state in (VacancyState.DRAFT, VacancyState.OPEN),
            "next_states": next_states,
        },
    )


class VacancyForms:
    def __init__(
        self,
        actor: Any,
        data: Any = None,
        *,
        initial: dict[str, Any] | None = None,
        skills: list[dict[str, Any]] | None = None,
        requirements: list[dict[str, Any]] | None = None,
        municipality_notice: str = "",
    ) -> None:
        self.form = VacancyForm(
            data,
            municipalities=selectors.area_municipalities(actor=actor),
            initial=initial or {},
            municipality_notice=municipality_notice,
        )
        self.skills = VacancySkillFormSet(data, prefix="skills", initial=skills or [])
        self.requirements = VacancyRequirementFormSet(
            data, prefix="requirements", initial=requirements or []
        )

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), self.skills.is_valid(), self.requirements.is_valid()])

    def data(self) -> vacancies.VacancyData:
        return vacancy_data(self.form, self.skills, self.requirements)

    def context(self) -> dict[str, Any]:
        return {
            "form": self.form,
            "skills": self.skills,
            "requirements": self.requirements,
            "datalists": _datalists(),
        }


def _company_for_vacancy(actor: Any, company_id: Any) -> Company:
    company = selectors.company_get_for_actor(actor=actor, id=company_id)
    actor.permissions.require("change_company", company)
    return company


@login_required
def vacancy_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A structured vacancy for one company, typed in."""
    actor = request.user
    company = _company_for_vacancy(actor, pk)
    forms = VacancyForms(
        actor,
        request.POST or None,
        initial={"municipality": company.municipality, "positions": 1},
    )
    if request.method == "POST" and forms.is_valid():
        saved = _save_new(request, company, forms)
        if saved is not None:
            return saved
    return render(request, "employers/vacancy_form.html", {"company": company, **forms.context()})


def _save_new(
    request: AuthenticatedHttpRequest, company: Company, forms: VacancyForms
) -> HttpResponse | None:
    return form_saved(
        request,
        forms.form,
        lambda: vacancies.vacancy_create(actor=request.user, company=company, data=forms.data()),
        success=_("Työpaikka tallennettiin luonnokseksi."),
        then=lambda vacancy: redirect("employers:vacancy_detail", pk=vacancy.pk),
    )


# The ad reader's employment types and pay periods as a vacancy's: a summer job is fixed-term;
# a yearly salary has no vacancy period and is left for the user.
AD_CONTRACT_TYPES = {"permanent": "permanent", "fixed_term": "fixed_term", "summer": "fixed_term"}
AD_WAGE_PERIODS = {"hour": "hour", "month": "month"}


def _ad_municipality(ad: AdFields, company: Company) -> Municipality | None:
    """The municipality the ad names, when it is one of the company's employment area."""
    if not ad.municipality:
        return None
    return Municipality.objects.filter(
        code=ad.municipality, area_id=company.employment_area_id
    ).first()


def _ad_initial(ad: AdFields, text: str, company: Company) -> dict[str, Any]:
    """A vacancy's fields as the pasted ad states them; the company's own where it does not."""
    initial: dict[str, Any] = {
        "title": ad.title or first_line_title(text),
        "municipality": _ad_municipality(ad, company) or company.municipality,
        "contract_type": AD_CONTRACT_TYPES.get(ad.employment_type, ""),
        "start_date": ad.start_date,
        "closing_date": ad.deadline,
    }
    if ad.pay_min is not None and ad.pay_period in AD_WAGE_PERIODS:
        initial.update(
            wage_min=ad.pay_min, wage_max=ad.pay_max, wage_period=AD_WAGE_PERIODS[ad.pay_period]
        )
    return initial


# The ad reader's place names, Finnish → Swedish (Pietarsaari → Jakobstad).
_SWEDISH_NAMES = {fi: sv for _code, fi, sv in AD_MUNICIPALITIES}


def _ad_municipality_notice(ad: AdFields, company: Company) -> str:
    """What the form says next to the municipality when the ad names one outside the
    employment area (a neighbour such as Pietarsaari): the form cannot take it, so the
    company's own municipality stands in, and the user should see that it did."""
    if not ad.municipality_name or _ad_municipality(ad, company) is not None:
        return ""
    name = ad.municipality_name
    if (translation.get_language() or "fi")[:2] == "sv":
        name = _SWEDISH_NAMES.get(name, name)
    if company.municipality is None:
        return _(
            "Ilmoituksessa mainittu kunta {name} on työllisyysalueen ulkopuolella, joten "
            "kuntaa ei valittu. Valitse alueen kunta."
        ).format(name=name)
    return _(
        "Ilmoituksessa mainittu kunta {name} on työllisyysalueen ulkopuolella, joten "
        "kunnaksi valittiin yrityksen kunta {company_municipality}. Tarkista kunta."
    ).format(name=name, company_municipality=company.municipality.name())


@login_required
def vacancy_from_ad(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Paste a job ad → suggested occupation, skills and hard requirements → confirm."""
    actor = request.user
    actor.permissions.require("create_vacancy")
    companies = selectors.company_list(actor=actor)
    ad_form = VacancyAdForm(
        request.POST or None,
        companies=companies,
        initial={"company": request.GET.get("company")},
    )
    step = request.POST.get("step", "paste")
    if request.method != "POST" or not ad_form.is_valid():
        return render(request, "employers/vacancy_ad.html", {"ad_form": ad_form, "step": "paste"})
    company: Company = ad_form.cleaned_data["company"]
    actor.permissions.require("change_company", company)
    text = ad_form.cleaned_data["text"]
    details = extraction_suggest(text=text)
    found = text_suggestions(text, details.result)
    notice = _ad_municipality_notice(details.result.ad, company)
    if step == "confirm":
        forms = VacancyForms(actor, request.POST, municipality_notice=notice)
        if forms.is_valid():
            response = _save_new(request, company, forms)
            if response is not None:
                return response
    else:
        forms = VacancyForms(
            actor,
            initial={
                "occupation": found.occupations[0].concept if found.occupations else None,
                "description": text,
                "positions": 1,
                **_ad_initial(details.result.ad, text, company),
            },
            skills=[
                {"concept": s.concept, "essential": s.required, "include": True}
                for s in found.skills
            ],
            requirements=[
                {"concept": s.concept, "include": s.required} for s in found.requirements
            ],
            municipality_notice=notice,
        )
    return render(
        request,
        "employers/vacancy_ad.html",
        {
            "ad_form": ad_form,
            "step": "confirm",
            "company": company,
            "occupations": found.occupations,
            "details": details,
            **forms.context(),
        },
    )


@login_required
def vacancy_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    vacancy = selectors.vacancy_get_for_actor(actor=actor, id=pk)
    actor.permissions.require("change_vacancy", vacancy)
    forms = VacancyForms(
        actor,
        request.POST or None,
        initial={
            name: getattr(vacancy, name)
            for name in (
                "title",
                "occupation",
                "description",
                "municipality",
                "remote_possible",
                "commuting_possible",
                "positions",
                "start_date",
                "contract_type",
                "wage_min",
                "wage_max",
                "wage_period",
                "closing_date",
            )
        },
        skills=[
            {"concept": s.concept, "essential": s.essential, "level": s.level, "include": True}
            for s in vacancy.skills.all()
        ],
        requirements=[{"concept": r.concept, "include": True} for r in vacancy.requirements.all()],
    )
    if request.method == "POST" and forms.is_valid():
        done = form_saved(
            request,
            forms.form,
            lambda: vacancies.vacancy_update(actor=actor, vacancy=vacancy, data=forms.data()),
            success=_("Työpaikan tiedot tallennettiin."),
            then=lambda saved: redirect("employers:vacancy_detail", pk=saved.pk),
        )
        if done:
            return done
    return render(
        request,
        "employers/vacancy_form.html",
        {"company": vacancy.company, "vacancy": vacancy, **forms.context()},
    )


@login_required
@require_POST
def vacancy_transition(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    actor = request.user
    vacancy: Vacancy = selectors.vacancy_get_for_actor(actor=actor, id=pk)
    actor.permissions.require("change_vacancy", vacancy)
    form = VacancyTransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuntematon tila."))
        return redirect("employers:vacancy_detail", pk=vacancy.pk)
    to_state = form.cleaned_data["to_state"]
    return button_pressed(
        request,
        lambda: vacancies.vacancy_transition(actor=actor, vacancy=vacancy, to_state=to_state),
        success=_("Työpaikan tila on nyt {state}.").format(state=VacancyState(to_state).label),
        then=redirect("employers:vacancy_detail", pk=vacancy.pk),
    )
