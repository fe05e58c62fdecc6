"""Consents and ESF+ participation (entry, rectification, exit, follow-up, re-entry)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.dates import add_months
from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.forms import (
    ConsentForm,
    EntryForm,
    ExitForm,
    FollowUpForm,
    ReEntryForm,
    tri_state_initial,
)
from kohtaanto.jobseekers.models import JobSeeker, Participation
from kohtaanto.jobseekers.services.consents import consent_give, consent_withdraw
from kohtaanto.jobseekers.services.participation import (
    participation_enter,
    participation_exit,
    participation_re_enter,
    participation_record_follow_up,
    participation_update_entry,
)
from kohtaanto.jobseekers.validation import RESULT_FIELDS, EntryData, ExitData
from kohtaanto.jobseekers.views.base import log_read, person_for, render_person, show_errors

# Suggested validity of a new consent; the counsellor may change or clear it.
CONSENT_DEFAULT_MONTHS = 24

# --- consents --------------------------------------------------------------------------------


def _consents_page(
    request: AuthenticatedHttpRequest, person: JobSeeker, form: ConsentForm | None, status: int
) -> HttpResponse:
    today = timezone.localdate()
    consents = list(selectors.consent_list(actor=request.user, job_seeker=person))
    valid_ids = set(
        selectors.valid_consents(on=today).filter(job_seeker=person).values_list("pk", flat=True)
    )
    return render_person(
        request,
        "jobseekers/consents.html",
        person,
        "consents",
        {"consents": consents, "valid_ids": valid_ids, "form": form},
        status=status,
    )


@login_required
def consents(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "view_job_seeker_record")
    can_change = request.user.permissions.can_change_job_seeker(person)
    companies = selectors.company_choices(actor=request.user)
    if request.method == "POST":
        person = person_for(request, pk, "change_job_seeker")
        bound = ConsentForm(request.POST, companies=companies)
        if bound.is_valid():
            try:
                consent_give(actor=request.user, job_seeker=person, **bound.cleaned_data)
            except DomainError as exc:
                show_errors(bound, exc)
            else:
                messages.success(request, _("Suostumus on kirjattu."))
                return redirect("jobseekers:consents", pk=person.pk)
        return _consents_page(request, person, bound, 400)
    today = timezone.localdate()
    form: ConsentForm | None = (
        ConsentForm(
            initial={"given_on": today, "expires_on": add_months(today, CONSENT_DEFAULT_MONTHS)},
            companies=companies,
        )
        if can_change
        else None
    )
    log_read(request, person, "consents")
    return _consents_page(request, person, form, 200)


@login_required
@require_POST
def consent_withdraw_view(request: AuthenticatedHttpRequest, pk: int, cid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    consent = selectors.consent_get_for_actor(actor=request.user, job_seeker=person, id=cid)
    try:
        consent_withdraw(actor=request.user, consent=consent)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Suostumus on peruttu."))
    return redirect("jobseekers:consents", pk=person.pk)


# --- participation ---------------------------------------------------------------------------


@login_required
def participation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "view_job_seeker_record")
    rows = selectors.participation_list(actor=request.user, job_seeker=person)
    log_read(request, person, "participation")
    if rows and request.user.permissions.can_view_special_category(person):
        log_read(request, person, "special_category")
    return render_person(
        request,
        "jobseekers/participation.html",
        person,
        "participation",
        {"rows": rows, "today": timezone.localdate()},
    )


def _entry_data(data: dict[str, Any], *, previous: Participation | None = None) -> EntryData:
    values = {name: data.get(name) for name in EntryData.PARTICIPATION_FIELDS}
    for name in EntryData.ANSWER_FIELDS:
        values[name] = data.get(name) or ""
    if previous is not None and "disability" not in data:
        special = getattr(previous, "special_category", None)
        values["disability"] = special.disability if special else ""
        values["minority"] = special.minority if special else ""
    else:
        values["disability"] = data.get("disability") or ""
        values["minority"] = data.get("minority") or ""
    return EntryData(**values)  # type: ignore[arg-type]


def _form_page(
    request: AuthenticatedHttpRequest,
    person: JobSeeker,
    form: Any,
    *,
    title: str,
    submit: str,
    intro: str = "",
    status: int = 200,
) -> HttpResponse:
    return render_person(
        request,
        "jobseekers/participation_form.html",
        person,
        "participation",
        {"form": form, "title": title, "submit": submit, "intro": intro},
        status=status,
    )


@login_required
def participation_enter_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    with_special = request.user.permissions.can_change_special_category(person)
    operations = selectors.operation_choices(actor=request.user)
    initial = {
        "entry_date": timezone.localdate(),
        "gender": person.gender,
        "birth_date": person.birth_date,
        "rural": (
            ("yes" if person.municipality.rural_default else "no") if person.municipality else ""
        ),
    }
    form = EntryForm(
        request.POST or None, initial=initial, operations=operations, with_special=with_special
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                participation_enter(
                    actor=request.user,
                    job_seeker=person,
                    operation=form.cleaned_data["operation"],
                    data=_entry_data(form.cleaned_data),
                )
            except DomainError as exc:
                show_errors(form, exc)
            else:
                messages.success(request, _("Asiakas on kirjattu mukaan hankkeeseen."))
                return redirect("jobseekers:participation", pk=person.pk)
        return _form_page(
            request, person, form, title=_("ESR+-aloitus"), submit=_("Kirjaa aloitus"), status=400
        )
    return _form_page(
        request,
        person,
        form,
        title=_("ESR+-aloitus"),
        submit=_("Kirjaa aloitus"),
        intro=_("Tiedot kirjataan sellaisina kuin ne ovat aloituspäivänä."),
    )


@login_required
def participation_edit(request: AuthenticatedHttpRequest, pk: int, pid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    p = selectors.participation_get_for_actor(
        actor=request.user, job_seeker=person, id=pid, permission="change_job_seeker"
    )
    with_special = request.user.permissions.can_change_special_category(person)
    special = getattr(p, "special_category", None)
    initial = {name: getattr(p, name) for name in EntryData.PARTICIPATION_FIELDS}
    initial["disability"] = special.disability if special else ""
    initial["minority"] = special.minority if special else ""
    form = EntryForm(
        request.POST or None,
        initial=initial,
        operations=None,
        with_special=with_special,
        with_operation=False,
    )
    title = _("Korjaa aloitustiedot: %(operation)s") % {"operation": p.operation.name}
    if request.method == "POST":
        if form.is_valid():
            try:
                participation_update_entry(
                    actor=request.user,
                    participation=p,
                    data=_entry_data(form.cleaned_data, previous=p),
                    with_special=with_special,
                )
            except DomainError as exc:
                show_errors(form, exc)
            else:
                messages.success(request, _("Aloitustiedot on korjattu."))
                return redirect("jobseekers:participation", pk=person.pk)
        return _form_page(request, person, form, title=title, submit=_("Tallenna"), status=400)
    log_read(request, person, "participation")
    if with_special:
        log_read(request, person, "special_category")
    return _form_page(request, person, form, title=title, submit=_("Tallenna"))


@login_required
def participation_exit_view(request: AuthenticatedHttpRequest, pk: int, pid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    p = selectors.participation_get_for_actor(
        actor=request.user, job_seeker=person, id=pid, permission="change_job_seeker"
    )
    initial: dict[str, Any] = {"exit_date": p.exit_date or timezone.localdate()}
    initial.update({name: tri_state_initial(getattr(p, name)) for name in RESULT_FIELDS})
    form = ExitForm(request.POST or None, initial=initial)
    title = _("ESR+-päättyminen: %(operation)s") % {"operation": p.operation.name}
    intro = _("Tilanne neljän viikon kuluessa päättymisestä.")
    if request.method == "POST":
        if form.is_valid():
            try:
                participation_exit(
                    actor=request.user, participation=p, data=ExitData(**form.cleaned_data)
                )
            except DomainError as exc:
                show_errors(form, exc)
            else:
                messages.success(request, _("Päättyminen on kirjattu."))
                return redirect("jobseekers:participation", pk=person.pk)
        return _form_page(
            request,
            person,
            form,
            title=title,
            submit=_("Kirjaa päättyminen"),
            intro=intro,
            status=400,
        )
    return _form_page(
        request, person, form, title=title, submit=_("Kirjaa päättyminen"), intro=intro
    )


@login_required
def participation_follow_up(request: AuthenticatedHttpRequest, pk: int, pid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    p = selectors.participation_get_for_actor(
        actor=request.user, job_seeker=person, id=pid, permission="change_job_seeker"
    )
    form = FollowUpForm(
        request.POST or None,
        initial={
            "six_month_employed": tri_state_initial(p.six_month_employed),
            "six_month_improved": tri_state_initial(p.six_month_improved),
        },
    )
    title = _("Kuuden kuukauden seuranta: %(operation)s") % {"operation": p.operation.name}
    if request.method == "POST":
        if form.is_valid():
            try:
                participation_record_follow_up(
                    actor=request.user, participation=p, **form.cleaned_data
                )
            except DomainError as exc:
                show_errors(form, exc)
            else:
                messages.success(request, _("Seuranta on kirjattu."))
                return redirect("jobseekers:participation", pk=person.pk)
        return _form_page(request, person, form, title=title, submit=_("Tallenna"), status=400)
    return _form_page(request, person, form, title=title, submit=_("Tallenna"))


@login_required
def participation_re_entry(request: AuthenticatedHttpRequest, pk: int, pid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    p = selectors.participation_get_for_actor(
        actor=request.user, job_seeker=person, id=pid, permission="change_job_seeker"
    )
    form = ReEntryForm(request.POST or None, initial={"re_entry_date": timezone.localdate()})
    title = _("Paluu hankkeeseen: %(operation)s") % {"operation": p.operation.name}
    intro = _(
        "Ensimmäisen aloituksen tiedot säilyvät. Aiempi päättyminen tuloksineen tallennetaan "
        "historiaan, ja tulokset kirjataan lopullisen päättymisen yhteydessä."
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                participation_re_enter(actor=request.user, participation=p, **form.cleaned_data)
            except DomainError as exc:
                show_errors(form, exc)
            else:
                messages.success(request, _("Paluu hankkeeseen on kirjattu."))
                return redirect("jobseekers:participation", pk=person.pk)
        return _form_page(
            request, person, form, title=title, submit=_("Kirjaa paluu"), intro=intro, status=400
        )
    return _form_page(request, person, form, title=title, submit=_("Kirjaa paluu"), intro=intro)
