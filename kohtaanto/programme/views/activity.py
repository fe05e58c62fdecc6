"""Pages of the shared activity log."""

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.forms import form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.programme import exports, selectors, services
from kohtaanto.programme.forms import (
    ActivityEntryForm,
    ActivityParticipantFormSet,
    AttachmentForm,
    PartnerReportForm,
    organisation_choices,
    organisation_from_choice,
)
from kohtaanto.programme.models import ActivityEntry
from kohtaanto.programme.views.common import PAGE_SIZE

# --- Activity log -------------------------------------------------------------------------


@login_required
def activity_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_activity_log")
    kind = request.GET.get("kind", "")
    if kind not in ActivityEntry.Kind.values:
        kind = ""
    entries = Paginator(selectors.activity_list(actor=request.user, kind=kind), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "programme/activity_list.html",
        {
            "entries": entries,
            "kind": kind,
            "kinds": ActivityEntry.Kind.choices,
            "can_add": request.user.permissions.can_add_activity_entry(),
        },
    )


def _participants_from(formset: Any) -> list[services.ParticipantInput]:
    return [
        services.ParticipantInput(
            organisation_from_choice(f.cleaned_data["organisation"]), f.cleaned_data["name"]
        )
        for f in formset.forms
        if f.cleaned_data.get("name", "").strip()
    ]


@login_required
def activity_save(request: AuthenticatedHttpRequest, entry_id: int | None = None) -> HttpResponse:
    entry = None
    if entry_id is None:
        request.user.permissions.require("add_activity_entry")
        own = str(request.user.partner_organisation_id or "area")
        initial_participants = [{"organisation": own, "name": request.user.get_full_name()}]
        form = ActivityEntryForm(request.POST or None, actor=request.user)
    else:
        entry = selectors.activity_get_for_actor(actor=request.user, id=entry_id)
        request.user.permissions.require("change_activity_entry", entry)
        initial_participants = [
            {"organisation": str(p.organisation_id or "area"), "name": p.name}
            for p in entry.participants.all()
        ]
        form = ActivityEntryForm(
            request.POST or None,
            actor=request.user,
            initial={
                "operation": entry.operation,
                "kind": entry.kind,
                "date": entry.date,
                "title": entry.title,
                "description": entry.description,
                "companies": list(entry.companies.all()),
                "referral_from": str(entry.referral_from_id or "area"),
                "referral_to": str(entry.referral_to_id or "area"),
                "referred_count": entry.referred_count,
            },
        )
    formset = ActivityParticipantFormSet(
        request.POST or None,
        initial=initial_participants,
        prefix="participants",
        form_kwargs={"actor": request.user},
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        data = form.service_data()
        participants = _participants_from(formset)
        editing = entry

        def save() -> ActivityEntry:
            if editing is None:
                return services.activity_entry_create(
                    actor=request.user, participants=participants, **data
                )
            return services.activity_entry_update(
                actor=request.user, entry=editing, participants=participants, **data
            )

        done = form_saved(
            request,
            form,
            save,
            success=_("Merkintä tallennettiin."),
            then=lambda saved: redirect("programme:activity_detail", entry_id=saved.pk),
        )
        if done:
            return done
    return render(
        request,
        "programme/activity_form.html",
        {"form": form, "formset": formset, "entry": entry},
    )


@login_required
def activity_detail(request: AuthenticatedHttpRequest, entry_id: int) -> HttpResponse:
    request.user.permissions.require("view_activity_log")
    entry = selectors.activity_get_for_actor(actor=request.user, id=entry_id)
    can_change = request.user.permissions.can_change_activity_entry(entry)
    form = AttachmentForm() if can_change else None
    if request.method == "POST":
        if not can_change:
            raise NotFoundError("not allowed")
        form = AttachmentForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.activity_attachment_add(
                    actor=request.user, entry=entry, upload=form.cleaned_data["file"]
                )
                messages.success(request, _("Liite lisättiin."))
                return redirect("programme:activity_detail", entry_id=entry.pk)
            except DomainError as error:
                form.add_error("file", error.message)
    return render(
        request,
        "programme/activity_detail.html",
        {"entry": entry, "can_change": can_change, "form": form},
    )


@login_required
@require_GET
def attachment_download(
    request: AuthenticatedHttpRequest, entry_id: int, attachment_id: int
) -> FileResponse:
    request.user.permissions.require("view_activity_log")
    attachment = selectors.attachment_get_for_actor(
        actor=request.user, entry_id=entry_id, id=attachment_id
    )
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )


@login_required
@require_POST
def attachment_delete(
    request: AuthenticatedHttpRequest, entry_id: int, attachment_id: int
) -> HttpResponse:
    attachment = selectors.attachment_get_for_actor(
        actor=request.user, entry_id=entry_id, id=attachment_id
    )
    request.user.permissions.require("change_activity_entry", attachment.entry)
    services.activity_attachment_delete(actor=request.user, attachment=attachment)
    messages.success(request, _("Liite poistettiin."))
    return redirect("programme:activity_detail", entry_id=entry_id)


@login_required
def partner_report(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_activity_log")
    today = timezone.localdate()
    own = str(request.user.partner_organisation_id or "area")
    form = PartnerReportForm(
        request.GET if "start" in request.GET else None,
        actor=request.user,
        initial={"organisation": own, "start": date(today.year, 1, 1), "end": today},
    )
    if form.is_bound and form.is_valid():
        organisation, start, end = (
            form.cleaned_data["organisation"],
            form.cleaned_data["start"],
            form.cleaned_data["end"],
        )
    else:
        organisation, start, end = own, date(today.year, 1, 1), today
    organisation_id = organisation_from_choice(organisation)
    summary = selectors.partner_activity_summary(
        actor=request.user,
        organisation_id=organisation_id.pk if organisation_id else None,
        start=start,
        end=end,
    )
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            exports.partner_activity_xlsx(summary, start, end),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="yhteistyo-{start}-{end}.xlsx"'
        return response
    kind_labels = dict(ActivityEntry.Kind.choices)
    return render(
        request,
        "programme/partner_report.html",
        {
            "form": form,
            "summary": summary,
            "by_kind": [(kind_labels[k], n) for k, n in summary.by_kind.items()],
            "query": request.GET.urlencode(),
            "is_partner": request.user.partner_organisation_id is not None,
            "organisations": organisation_choices(request.user),
        },
    )
