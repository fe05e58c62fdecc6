from collections.abc import Iterator
from io import BytesIO
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from kohtaanto.audit import selectors
from kohtaanto.audit.forms import AuditSearchForm
from kohtaanto.audit.presentation import (
    describe_accesses,
    describe_events,
    format_moment,
)
from kohtaanto.audit.references import model_for
from kohtaanto.audit.services import access_log_record_many
from kohtaanto.common.paging import query_without
from kohtaanto.common.spreadsheets import safe_cell
from kohtaanto.common.types import AuthenticatedHttpRequest

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_audit")
    form = AuditSearchForm(
        request.GET or None,
        people=selectors.audit_people(actor=request.user),
        object_types=selectors.audit_object_types(actor=request.user),
    )
    rows = None
    page = None
    log = "events"
    if form.is_valid() or not request.GET:
        data = form.cleaned_data if request.GET else {}
        log = data.get("log") or "events"
        select = selectors.access_log_list if log == "access" else selectors.audit_event_list
        search = selectors.LogSearch(
            q=data.get("q", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            person=data.get("person"),
            object_type=data.get("object_type", ""),
            object_id=data.get("object_id", ""),
        )
        qs = select(actor=request.user, search=search)
        if request.GET.get("export") == "xlsx":
            return _export(request, qs, log)
        page = Paginator(qs, 50).get_page(request.GET.get("page"))
        describe = describe_accesses if log == "access" else describe_events
        shown: set[tuple[str, str]] = set()
        rows = describe(page, actor=request.user, people_shown=shown)  # type: ignore[arg-type]
        _log_people_shown(request, shown, reason="page")
    return render(
        request,
        "audit/search.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "log": log,
            "query": query_without(request, "page", "export"),
        },
    )


def _chunks(qs: Any, size: int = 2000) -> Iterator[list[Any]]:
    """The rows in lists of `size`, so that each list's objects are looked up at once."""
    chunk: list[Any] = []
    for row in qs.iterator(chunk_size=size):
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _log_people_shown(
    request: AuthenticatedHttpRequest, shown: set[tuple[str, str]], *, reason: str
) -> None:
    """One access-log row per person whose name the log page or its export read out, one
    INSERT per kind of person."""
    by_type: dict[str, set[int]] = {}
    for label, pk in shown:
        if pk.isdigit():
            by_type.setdefault(label, set()).add(int(pk))
    for label, ids in sorted(by_type.items()):
        model = model_for(label)
        if model is not None:
            access_log_record_many(
                actor=request.user,
                subject_type=model,
                subject_ids=ids,
                what="audit_log",
                reason=reason,
                path=request.get_full_path(),
            )


def _export(request: AuthenticatedHttpRequest, qs: object, log: str) -> HttpResponse:
    """The filtered log as an Excel workbook for the auditor, in the reader's language, every
    text cell through safe_cell so that nothing typed by a user opens as a formula."""
    actor = request.user
    shown: set[tuple[str, str]] = set()
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Tapahtumat") if log == "events" else _("Katselut"))
    if log == "access":
        sheet.append(
            [
                _("Aika"),
                _("Katsoja"),
                _("Käyttäjätunnus"),
                _("Mitä nähtiin"),
                _("Henkilön tyyppi"),
                _("Henkilön tunniste"),
                _("Henkilö"),
                _("Peruste"),
            ]
        )
        for a in (
            a
            for chunk in _chunks(qs)
            for a in describe_accesses(chunk, actor=actor, people_shown=shown)
        ):
            sheet.append(
                [
                    safe_cell(v)
                    for v in (
                        format_moment(a.occurred_at),
                        a.actor_name,
                        a.actor_username,
                        a.what,
                        a.subject_type,
                        a.subject_id,
                        a.subject_repr,
                        a.reason,
                    )
                ]
            )
    else:
        sheet.append(
            [
                _("Aika"),
                _("Tekijä"),
                _("Käyttäjätunnus"),
                _("Tapahtuma"),
                _("Kuvaus"),
                _("Kohteen tyyppi"),
                _("Kohteen tunniste"),
                _("Kohde"),
                _("Muutokset"),
                _("Koodi"),
            ]
        )
        for e in (
            e
            for chunk in _chunks(qs)
            for e in describe_events(chunk, actor=actor, people_shown=shown)
        ):
            changes = "\n".join(f"{c.field}: {c.old} → {c.new}" for c in e.changes)
            sheet.append(
                [
                    safe_cell(v)
                    for v in (
                        format_moment(e.occurred_at),
                        e.actor_name,
                        e.actor_username,
                        e.name,
                        e.sentence,
                        e.target_type,
                        e.target_id,
                        e.target_repr,
                        changes,
                        e.action,
                    )
                ]
            )
    _log_people_shown(request, shown, reason="export")
    buffer = BytesIO()
    workbook.save(buffer)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(buffer.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="kohtaanto-{log}-{stamp}.xlsx"'
    return response
