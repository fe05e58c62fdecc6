"""The register: list, new client, basic data, rectification, identity code, GDPR tools."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import DomainError
from kohtaanto.common.forms import show_refusal
from kohtaanto.common.sorting import sort_links, sort_param
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.forms import (
    CounsellorsForm,
    JobSeekerForm,
    JobSeekerListForm,
    PseudonymiseForm,
)
from kohtaanto.jobseekers.identity import (
    InvalidIdentityCodeError,
    identity_code_birth_date,
    identity_code_clean,
)
from kohtaanto.jobseekers.services.gdpr import job_seeker_data_export, job_seeker_pseudonymise
from kohtaanto.jobseekers.services.register import (
    identity_code_reveal,
    job_seeker_create,
    job_seeker_set_counsellors,
    job_seeker_update,
)
from kohtaanto.jobseekers.views.base import log_read, person_for, render_person

PAGE_SIZE = 50


@login_required
def job_seeker_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    user.permissions.require("view_job_seeker_list")
    form = JobSeekerListForm(request.GET or None, area_id=user.employment_area_id)
    if not user.permissions.can_filter_by_participation():
        del form.fields["participation"]
    filters = form.cleaned_data if form.is_valid() else {}
    sort = sort_param(request, selectors.JOB_SEEKER_SORTS)
    people = selectors.job_seeker_list(
        actor=user,
        q=filters.get("q", ""),
        municipality=filters.get("municipality"),
        status=filters.get("status", ""),
        participation=filters.get("participation", ""),
        mine=bool(filters.get("mine")),
        sort=sort,
    )
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = list(page.object_list)
    selectors.job_seeker_list_details(page.object_list)
    if page.object_list:
        # One entry for the page: who saw which people's names, with the search used.
        ids = ",".join(str(p.pk) for p in page.object_list)
        access_log_record(
            actor=user,
            subject=user.employment_area,  # type: ignore[arg-type]
            what="job_seeker_list",
            reason=f"ids: {ids}",
            path=request.get_full_path(),
            subject_repr=str(user.employment_area),
        )
    return render(
        request,
        "jobseekers/list.html",
        {
            "form": form,
            "page": page,
            "can_create": user.permissions.can_create_job_seeker(),
            "show_record": user.role in ("coordinator", "counsellor", "auditor"),
            "sort": sort,
            "sort_links": sort_links(request, selectors.JOB_SEEKER_SORTS, sort),
        },
    )


def _birth_date_suggestion(code: str) -> str:
    try:
        return identity_code_birth_date(identity_code_clean(code)).isoformat()
    except InvalidIdentityCodeError:
        return ""


@login_required
def job_seeker_create_view(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    user.permissions.require("create_job_seeker")
    counsellors = selectors.counsellor_choices(actor=user) if user.role == "coordinator" else None
    form = JobSeekerForm(
        request.POST or None, area_id=user.employment_area_id, counsellors=counsellors
    )
    status = 200
    suggested = False
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            suggestion = ""
            if data["identity_code"] and not data["birth_date"] and "checked" not in request.POST:
                suggestion = _birth_date_suggestion(data["identity_code"])
            if suggestion:
                # The code only suggests the birth date: the counsellor confirms it.
                post = request.POST.copy()
                post["birth_date"] = suggestion
                form = JobSeekerForm(post, area_id=user.employment_area_id, counsellors=counsellors)
                form.is_valid()
                suggested = True
                status = 200
            else:
                try:
                    person = job_seeker_create(
                        actor=user,
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                        email=data["email"],
                        phone=data["phone"],
                        municipality=data["municipality"],
                        identity_code=data["identity_code"],
                        birth_date=data["birth_date"],
                        gender=data["gender"],
                        preferred_language=data["preferred_language"],
                        external_id=data["external_id"],
                        counsellors=data.get("counsellors") or [],
                    )
                except DomainError as exc:
                    show_refusal(form, exc)
                else:
                    messages.success(request, _("Asiakas on rekisteröity."))
                    return redirect("jobseekers:detail", pk=person.pk)
    return render(
        request,
        "jobseekers/job_seeker_form.html",
        {"form": form, "suggested": suggested, "title": _("Uusi asiakas")},
        status=status,
    )


@login_required
def job_seeker_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk)
    log_read(request, person, "basic_data")
    counsellors_form = None
    if request.user.permissions.can_change_job_seeker(person):
        counsellors_form = CounsellorsForm(
            initial={"counsellors": list(person.counsellors.all())},
            counsellors=selectors.counsellor_choices(actor=request.user),
        )
    return render_person(
        request, "jobseekers/detail.html", person, "basic", {"counsellors_form": counsellors_form}
    )


@login_required
def job_seeker_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    initial = {
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "phone": person.phone,
        "municipality": person.municipality,
        "birth_date": person.birth_date,
        "gender": person.gender,
        "preferred_language": person.preferred_language,
        "external_id": person.external_id,
        "status": person.status,
    }
    form = JobSeekerForm(
        request.POST or None, initial=initial, area_id=request.user.employment_area_id, editing=True
    )
    if request.method == "POST":
        if form.is_valid():
            data = dict(form.cleaned_data)
            code = data.pop("identity_code") or None
            if data.pop("remove_identity_code"):
                code = ""
            try:
                job_seeker_update(actor=request.user, job_seeker=person, identity_code=code, **data)
            except DomainError as exc:
                show_refusal(form, exc)
            else:
                messages.success(request, _("Tiedot on tallennettu."))
                return redirect("jobseekers:detail", pk=person.pk)
        return render_person(
            request, "jobseekers/edit.html", person, "basic", {"form": form}, status=400
        )
    log_read(request, person, "basic_data")
    return render_person(request, "jobseekers/edit.html", person, "basic", {"form": form})


@login_required
@require_POST
def job_seeker_counsellors(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    form = CounsellorsForm(
        request.POST, counsellors=selectors.counsellor_choices(actor=request.user)
    )
    if form.is_valid():
        job_seeker_set_counsellors(
            actor=request.user, job_seeker=person, counsellors=form.cleaned_data["counsellors"]
        )
        messages.success(request, _("Vastuuohjaajat on päivitetty."))
        if not request.user.permissions.can_view_job_seeker(person):
            return redirect("jobseekers:list")
        return redirect("jobseekers:detail", pk=person.pk)
    return render_person(
        request,
        "jobseekers/detail.html",
        person,
        "basic",
        {"counsellors_form": form},
        status=400,
    )


@login_required
@require_POST
def identity_code_show(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The explicit "show identity code" action; every showing is logged by the service."""
    person = person_for(request, pk, "view_identity_code")
    code = identity_code_reveal(actor=request.user, job_seeker=person, path=request.path)
    context = {"person": person, "code": code}
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "jobseekers/partials/identity_code.html", context)
    return render_person(request, "jobseekers/identity_code.html", person, "basic", context)


@login_required
def job_seeker_export(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The person's data as a JSON file (right of access); the download is logged."""
    person = person_for(request, pk, "export_job_seeker_data")
    data = job_seeker_data_export(actor=request.user, job_seeker=person, path=request.path)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="henkilotiedot-{person.pk}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def job_seeker_pseudonymise_view(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "pseudonymise_job_seeker")
    form = PseudonymiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job_seeker_pseudonymise(
            actor=request.user, job_seeker=person, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Henkilön tunnistetiedot on poistettu."))
        return redirect("jobseekers:detail", pk=person.pk)
    return render_person(
        request,
        "jobseekers/pseudonymise.html",
        person,
        "basic",
        {"form": form},
        status=400 if request.method == "POST" else 200,
    )
