"""The skills profile tab, its edits, and the CV → extraction → confirmation flow."""

from functools import partial
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import form_saved, show_refusal
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.extraction.card_dates import card_dates_of
from kohtaanto.extraction.selectors import extraction_suggest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.documents import cv_text_from_upload
from kohtaanto.jobseekers.forms import (
    CardForm,
    CvConfirmForm,
    CvForm,
    LanguageForm,
    SkillForm,
    TargetForm,
)
from kohtaanto.jobseekers.languages import language_name
from kohtaanto.jobseekers.models import (
    JobSeeker,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
    SkillLevel,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.services import cv as cv_services
from kohtaanto.jobseekers.services import profile as services
from kohtaanto.jobseekers.views.base import log_read, person_for, render_person

FORMS = {"skill": SkillForm, "card": CardForm, "target": TargetForm, "language": LanguageForm}


def _profile_page(
    request: AuthenticatedHttpRequest,
    person: JobSeeker,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    profile = selectors.profile_get(actor=request.user, job_seeker=person)
    can_change = request.user.permissions.can_change_job_seeker(person)
    context: dict[str, Any] = {
        "profile": profile,
        "language_rows": [(ls, language_name(ls.language)) for ls in profile.languages],
        "skill_levels": SkillLevel.choices,
    }
    if can_change:
        context["forms"] = {
            key: (bound or {}).get(key) or form_class(prefix=key)
            for key, form_class in FORMS.items()
        }
    return render_person(
        request, "jobseekers/profile.html", person, "profile", context, status=status
    )


def profile_added_message(counts: dict[str, int]) -> str:
    """ "Profiiliin lisättiin tai päivitettiin 3 taitoa, 1 kortti ja 2 kieltä. 1 valituista oli
    jo profiilissa." with each count in its plural form (ngettext); only the kinds something was
    actually added to or changed in are named, what the profile already had is told apart."""
    skills, cards = counts.get("skills", 0), counts.get("cards", 0)
    targets, languages = counts.get("targets", 0), counts.get("languages", 0)
    parts = [
        text
        for n, text in (
            (skills, ngettext("%(n)s taito", "%(n)s taitoa", skills) % {"n": skills}),
            (cards, ngettext("%(n)s kortti", "%(n)s korttia", cards) % {"n": cards}),
            (
                targets,
                ngettext("%(n)s tavoiteammatti", "%(n)s tavoiteammattia", targets) % {"n": targets},
            ),
            (languages, ngettext("%(n)s kieli", "%(n)s kieltä", languages) % {"n": languages}),
        )
        if n
    ]
    if not parts:
        message = _("Profiiliin ei lisätty eikä siinä päivitetty mitään.")
    else:
        items = parts[0]
        if len(parts) > 1:
            items = _("%(items)s ja %(last)s") % {"items": ", ".join(parts[:-1]), "last": parts[-1]}
        message = _("Profiiliin lisättiin tai päivitettiin %(items)s.") % {"items": items}
    if unchanged := counts.get("unchanged", 0):
        already = ngettext(
            "%(n)s valituista oli jo profiilissa, eikä sitä muutettu.",
            "%(n)s valituista oli jo profiilissa, eikä niitä muutettu.",
            unchanged,
        ) % {"n": unchanged}
        message = f"{message} {already}"
    return message


@login_required
def profile(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk)
    log_read(request, person, "profile")
    return _profile_page(request, person)


def _add(request: AuthenticatedHttpRequest, pk: int, key: str, save: Any) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    form = FORMS[key](request.POST, prefix=key)
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: save(actor=request.user, job_seeker=person, **form.cleaned_data),
            success=_("Osaamisprofiili on päivitetty."),
            then=lambda _result: redirect("jobseekers:profile", pk=person.pk),
        )
        if done:
            return done
    return _profile_page(request, person, {key: form}, status=400)


def _add_view(key: str, save: Any) -> Any:
    """The post of one of the profile's add forms (`FORMS[key]`): `save(actor=…, job_seeker=…,
    **cleaned_data)`, then the profile, or the profile again with the refusal on the form."""

    @login_required
    @require_POST
    def view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
        return _add(request, pk, key, save)

    view.__name__ = view.__qualname__ = f"{key}_add"
    return view


skill_add = _add_view("skill", services.profile_skill_set)
card_add = _add_view("card", partial(services.requirement_card_set, source=SkillSource.CERTIFICATE))
target_add = _add_view("target", services.target_occupation_add)
language_add = _add_view("language", services.language_skill_set)


REMOVABLE: dict[str, tuple[Any, Any]] = {
    "skill": (ProfileSkill, services.profile_skill_remove),
    "card": (RequirementCard, services.requirement_card_remove),
    "target": (TargetOccupation, services.target_occupation_remove),
    "language": (LanguageSkill, services.language_skill_remove),
}
REMOVE_ARGUMENT = {"skill": "skill", "card": "card", "target": "target", "language": "skill"}


@login_required
@require_POST
def item_remove(request: AuthenticatedHttpRequest, pk: int, kind: str, item: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    if kind not in REMOVABLE:
        raise NotFoundError("not found")
    model, remove = REMOVABLE[kind]
    obj = model.objects.filter(job_seeker=person, pk=item).first()
    if obj is None:
        raise NotFoundError("not found")
    remove(actor=request.user, **{REMOVE_ARGUMENT[kind]: obj})
    messages.success(request, _("Osaamisprofiili on päivitetty."))
    return redirect("jobseekers:profile", pk=person.pk)


# --- CV → extraction → confirmation ----------------------------------------------------------


@login_required
def cv_upload(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    form = CvForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data.get("file")
            try:
                if upload:
                    text = cv_text_from_upload(name=upload.name, size=upload.size, stream=upload)
                    filename = upload.name
                else:
                    text, filename = form.cleaned_data["text"], ""
                document = cv_services.profile_import_from_cv(
                    actor=request.user, job_seeker=person, text=text, filename=filename
                )
            except DomainError as exc:
                show_refusal(form, exc)
            else:
                return redirect("jobseekers:cv-confirm", pk=person.pk, did=document.pk)
        return render_person(
            request, "jobseekers/cv_upload.html", person, "profile", {"form": form}, status=400
        )
    return render_person(request, "jobseekers/cv_upload.html", person, "profile", {"form": form})


@login_required
def cv_confirm(request: AuthenticatedHttpRequest, pk: int, did: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    document = selectors.cv_document_get_for_actor(actor=request.user, job_seeker=person, id=did)
    details = extraction_suggest(text=document.text, ad=False)
    form = CvConfirmForm(
        request.POST or None,
        suggestions=document.suggestions,
        languages=details.result.languages,
        experience=details.result.experience,
        card_dates=card_dates_of(document.text, details.result),
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                counts = cv_services.profile_import_confirm(
                    actor=request.user,
                    document=document,
                    accepted=form.accepted(),
                    added=[(c, cv_services.CV_DEFAULT_LEVEL) for c in form.cleaned_data["add"]],
                    cards=form.card_dates(),
                    languages=form.languages(),
                )
            except DomainError as exc:
                show_refusal(form, exc)
            else:
                messages.success(request, profile_added_message(counts))
                return redirect("jobseekers:profile", pk=person.pk)
    log_read(request, person, "cv")
    return render_person(
        request,
        "jobseekers/cv_confirm.html",
        person,
        "profile",
        {"form": form, "document": document, "details": details},
        status=status,
    )
