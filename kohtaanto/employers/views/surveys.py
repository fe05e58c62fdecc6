"""Competence-needs surveys: the advisor's page and the company's page behind a signed link."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import attempt, button_pressed, form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.forms import (
    DATALIST_OCCUPATIONS,
    DATALIST_SKILLS,
    RecruitmentFormSet,
    SkillNeedFormSet,
    SurveyForm,
    SurveyLinkForm,
    UpskillingFormSet,
    survey_answers,
)
from kohtaanto.employers.models import CompetenceSurvey, SurveyStatus
from kohtaanto.employers.services import surveys
from kohtaanto.employers.suggestions import text_suggestions
from kohtaanto.employers.survey_links import (
    LANGUAGES,
    LinkExpiredError,
    LinkInvalidError,
    link_expires_at,
    survey_from_link,
)
from kohtaanto.taxonomy.lookup import concept_label_choices

LINK_SESSION_KEY = "employers.survey_link.{pk}"


class SurveyForms:
    """The survey form and its three answer lists, bound to a POST or filled from a survey."""

    def __init__(self, survey: CompetenceSurvey, data: Any = None) -> None:
        free_text = data.get("free_text", "") if data is not None else survey.free_text
        found = text_suggestions(free_text)
        chosen = {n.concept_id for n in survey.skill_needs.all()} if data is None else set()
        suggestions = [s.concept for s in found.skills if s.concept.pk not in chosen]
        self.segments = found.segments if any(s.mark for s in found.segments) else []
        self.form = SurveyForm(
            data,
            suggestions=suggestions,
            initial={
                "respondent_name": survey.respondent_name,
                "free_text": survey.free_text,
                "interest_rekrykoulutus": survey.interest_rekrykoulutus,
                "interest_tasmakoulutus": survey.interest_tasmakoulutus,
                "interest_muutoskoulutus": survey.interest_muutoskoulutus,
                "joint_training_notes": survey.joint_training_notes,
            },
        )
        self.skills = SkillNeedFormSet(
            data,
            prefix="skills",
            initial=[
                {
                    "concept": n.concept,
                    "headcount": n.headcount,
                    "horizon": n.horizon,
                    "priority": n.priority,
                    "source": n.source,
                }
                for n in survey.skill_needs.all()
            ],
        )
        self.recruitment = RecruitmentFormSet(
            data,
            prefix="recruitment",
            initial=[
                {"occupation": r.occupation, "count": r.count, "horizon": r.horizon}
                for r in survey.recruitment_needs.all()
            ],
        )
        self.upskilling = UpskillingFormSet(
            data,
            prefix="upskilling",
            initial=[
                {"concept": u.concept, "staff_count": u.staff_count}
                for u in survey.upskilling_needs.all()
            ],
        )

    def is_valid(self) -> bool:
        return all(
            [
                self.form.is_valid(),
                self.skills.is_valid(),
                self.recruitment.is_valid(),
                self.upskilling.is_valid(),
            ]
        )

    def answers(self) -> surveys.SurveyAnswers:
        return survey_answers(self.form, self.skills, self.recruitment, self.upskilling)

    def context(self) -> dict[str, Any]:
        lang = (translation.get_language() or "fi")[:2]
        return {
            "form": self.form,
            "skills": self.skills,
            "recruitment": self.recruitment,
            "upskilling": self.upskilling,
            "segments": self.segments,
            "datalists": [
                (
                    DATALIST_SKILLS,
                    concept_label_choices(types=selectors.SKILL_TYPES, lang=lang),
                ),
                (
                    DATALIST_OCCUPATIONS,
                    concept_label_choices(types=selectors.OCCUPATION_TYPES, lang=lang),
                ),
            ],
        }


def _can_edit(actor: Any, survey: CompetenceSurvey) -> bool:
    return bool(
        actor.permissions.can_change_company(survey.company)
        and survey.status != SurveyStatus.COMPLETED
    )


@login_required
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The survey's answers; the advisor fills them in here too (during a visit)."""
    actor = request.user
    survey = selectors.survey_get_for_actor(actor=actor, id=pk)
    editable = _can_edit(actor, survey)
    if request.method == "POST":
        if not editable:
            raise NotFoundError("not found")
        forms = SurveyForms(survey, request.POST)
        action = request.POST.get("action", "save")
        if action != "suggest" and forms.is_valid():
            done = form_saved(
                request,
                forms.form,
                lambda: surveys.survey_answers_save(
                    actor=actor,
                    survey=survey,
                    answers=forms.answers(),
                    submit=action == "complete",
                ),
                success=_("Kartoitus merkittiin valmiiksi.")
                if action == "complete"
                else _("Vastaukset tallennettiin."),
                then=lambda _saved: redirect("employers:survey_detail", pk=survey.pk),
            )
            if done:
                return done
    else:
        forms = SurveyForms(survey)
    link_url = request.session.pop(LINK_SESSION_KEY.format(pk=survey.pk), None)
    contacts = survey.company.contacts.filter(consent_to_contact=True, is_active=True).exclude(
        email=""
    )
    return render(
        request,
        "employers/survey_detail.html",
        {
            "survey": survey,
            "company": survey.company,
            "editable": editable,
            "can_change": actor.permissions.can_change_company(survey.company),
            "link_url": link_url,
            "link_expires_at": link_expires_at(survey),
            "link_form": SurveyLinkForm(contacts=contacts, initial={"language": survey.language}),
            **forms.context(),
        },
    )


def _survey_for_change(request: AuthenticatedHttpRequest, pk: int) -> CompetenceSurvey:
    survey = selectors.survey_get_for_actor(actor=request.user, id=pk)
    request.user.permissions.require("change_company", survey.company)
    return survey


@login_required
@require_POST
def survey_link(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Issue a new link (older ones stop working) and optionally e-mail it to a contact."""
    actor = request.user
    survey = _survey_for_change(request, pk)
    contacts = survey.company.contacts.filter(consent_to_contact=True, is_active=True)
    form = SurveyLinkForm(request.POST, contacts=contacts)
    if not form.is_valid():
        messages.error(request, _("Tarkista linkin kieli ja vastaanottaja."))
        return redirect("employers:survey_detail", pk=survey.pk)
    language = form.cleaned_data["language"]
    contact = form.cleaned_data.get("contact")

    def issue_and_send() -> None:
        linked, token = surveys.survey_link_issue(actor=actor, survey=survey, language=language)
        url = request.build_absolute_uri(reverse("employers:public_survey", args=[token]))
        if contact is not None:
            surveys.survey_link_send(actor=actor, survey=linked, contact=contact, url=url)
        # Shown once on the survey's page, only when the link was made (and sent).
        request.session[LINK_SESSION_KEY.format(pk=survey.pk)] = url

    return button_pressed(
        request,
        issue_and_send,
        success=_("Linkki lähetettiin osoitteeseen {email}.").format(email=contact.email)
        if contact is not None
        else _("Uusi linkki luotiin. Aiemmat linkit eivät enää toimi."),
        then=redirect("employers:survey_detail", pk=survey.pk),
    )


@login_required
@require_POST
def survey_link_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for_change(request, pk)
    surveys.survey_link_revoke(actor=request.user, survey=survey)
    messages.success(request, _("Kartoituksen linkit poistettiin käytöstä."))
    return redirect("employers:survey_detail", pk=survey.pk)


@login_required
@require_POST
def survey_complete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    survey = _survey_for_change(request, pk)
    return button_pressed(
        request,
        lambda: surveys.survey_complete(actor=request.user, survey=survey),
        success=_("Kartoitus merkittiin käsitellyksi."),
        then=redirect("employers:survey_detail", pk=survey.pk),
    )


def _closed(request: HttpRequest, lang: str, reason: str, status: int) -> HttpResponse:
    with translation.override(lang):
        response = render(
            request,
            "employers/public_survey_closed.html",
            {"reason": reason, "lang": lang, "languages": LANGUAGES},
            status=status,
        )
    response["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def public_survey(request: HttpRequest, token: str) -> HttpResponse:
    """The company's own survey form: no account, a signed link, fi/sv/en, save and
    continue, submit. An expired or replaced link answers 410, a forged one 404; neither
    shows anything of the survey."""
    asked = request.GET.get("lang", "")
    try:
        survey, link_lang = survey_from_link(token)
    except LinkInvalidError:
        return _closed(request, asked if asked in LANGUAGES else "fi", "invalid", 404)
    except LinkExpiredError:
        return _closed(request, asked if asked in LANGUAGES else "fi", "expired", 410)
    lang = asked if asked in LANGUAGES else link_lang
    if survey.status not in (SurveyStatus.SENT, SurveyStatus.IN_PROGRESS):
        return _closed(request, lang, "answered", 200)
    with translation.override(lang):
        saved = False
        if request.method == "POST":
            forms = SurveyForms(survey, request.POST)
            action = request.POST.get("action", "save")
            if action != "suggest" and forms.is_valid():
                answered = attempt(
                    forms.form,
                    lambda: surveys.survey_answers_save(
                        actor=None,
                        survey=survey,
                        answers=forms.answers(),
                        submit=action == "submit",
                    ),
                )
                if answered is not None:
                    target = reverse("employers:public_survey", args=[token])
                    return redirect(f"{target}?lang={lang}&saved=1")
        else:
            forms = SurveyForms(survey)
            saved = request.GET.get("saved") == "1"
        response = render(
            request,
            "employers/public_survey.html",
            {
                "survey": survey,
                "company": survey.company,
                "token": token,
                "lang": lang,
                "languages": LANGUAGES,
                "saved": saved,
                "expires_at": link_expires_at(survey),
                **forms.context(),
            },
        )
    response["X-Robots-Tag"] = "noindex"
    return response
