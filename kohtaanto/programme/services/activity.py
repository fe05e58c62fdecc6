"""Writes of the implementers' shared activity log and its attachments."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import PartnerOrganisation, Role, User
from kohtaanto.audit.services import audit_event_record, diff
from kohtaanto.common.errors import DomainError
from kohtaanto.programme.models import (
    ActivityAttachment,
    ActivityEntry,
    ActivityParticipant,
)
from kohtaanto.programme.services.common import (
    area_id,
)


@dataclass(frozen=True)
class ParticipantInput:
    organisation: PartnerOrganisation | None  # None: the employment area itself
    name: str


ACTIVITY_FIELDS = (
    "operation",
    "kind",
    "date",
    "title",
    "description",
    "referral_from",
    "referral_to",
    "referred_count",
)


def _validate_activity(
    actor: User,
    data: dict[str, Any],
    companies: Sequence[Any],
    participants: Sequence[ParticipantInput],
) -> None:
    if not data["title"].strip():
        raise DomainError(_("Otsikko puuttuu."), code="invalid")
    operation = data.get("operation")
    if operation is not None and operation.employment_area_id != actor.employment_area_id:
        raise DomainError(_("Hanke ei kuulu työllisyysalueelle."), code="invalid")
    if any(c.employment_area_id != actor.employment_area_id for c in companies):
        raise DomainError(_("Yritys ei kuulu työllisyysalueelle."), code="invalid")
    if not participants or any(not p.name.strip() for p in participants):
        raise DomainError(_("Lisää osallistujat nimineen."), code="invalid")
    if data["kind"] == ActivityEntry.Kind.REFERRAL:
        if data.get("referral_from") == data.get("referral_to"):
            raise DomainError(
                _("Ohjaavan ja vastaanottavan organisaation on oltava eri."), code="invalid"
            )
        if not data.get("referred_count"):
            raise DomainError(_("Anna ohjattujen henkilöiden määrä."), code="invalid")
    else:
        data["referral_from"] = data["referral_to"] = None
        data["referred_count"] = 0
    if data["kind"] == ActivityEntry.Kind.COMPANY_VISIT and not companies:
        raise DomainError(_("Valitse yrityskäynnin yritys."), code="invalid")
    if actor.role == Role.PARTNER:
        org = actor.partner_organisation_id
        involved = {p.organisation.pk if p.organisation else None for p in participants}
        involved |= {
            o.pk for o in (data.get("referral_from"), data.get("referral_to")) if o is not None
        }
        if org not in involved:
            raise DomainError(
                _("Oman organisaatiosi on oltava mukana merkinnässä."), code="invalid"
            )


def _set_activity_relations(
    entry: ActivityEntry, companies: Iterable[Any], participants: Iterable[ParticipantInput]
) -> None:
    entry.companies.set(companies)
    entry.participants.all().delete()
    ActivityParticipant.objects.bulk_create(
        ActivityParticipant(entry=entry, organisation=p.organisation, name=p.name.strip())
        for p in participants
    )


def _activity_snapshot(entry: ActivityEntry) -> dict[str, Any]:
    return {
        **{k: getattr(entry, k) for k in ACTIVITY_FIELDS},
        "companies": sorted(c.pk for c in entry.companies.all()),
        "participants": sorted(
            f"{p.organisation_id or '-'}:{p.name}" for p in entry.participants.all()
        ),
    }


@transaction.atomic
def activity_entry_create(
    *,
    actor: User,
    companies: Sequence[Any] = (),
    participants: Sequence[ParticipantInput],
    **data: Any,
) -> ActivityEntry:
    """Add a shared activity. Invariants: everything in the actor's area; at least one named
    participant; a referral names two different organisations and a count (no persons); a
    partner user's own organisation takes part."""
    data = {k: data.get(k) for k in ACTIVITY_FIELDS}
    data["description"] = data["description"] or ""
    data["referred_count"] = data["referred_count"] or 0
    _validate_activity(actor, data, companies, participants)
    entry = ActivityEntry.objects.create(
        employment_area_id=area_id(actor), created_by=actor, **data
    )
    _set_activity_relations(entry, companies, participants)
    audit_event_record(
        actor=actor,
        action="programme.activity.create",
        target=entry,
        changes={k: [None, v] for k, v in _activity_snapshot(entry).items()},
    )
    return entry


@transaction.atomic
def activity_entry_update(
    *,
    actor: User,
    entry: ActivityEntry,
    companies: Sequence[Any] = (),
    participants: Sequence[ParticipantInput],
    **data: Any,
) -> ActivityEntry:
    """Change a shared activity; the same invariants as `activity_entry_create`."""
    entry = ActivityEntry.objects.select_for_update().get(pk=entry.pk)
    old = _activity_snapshot(entry)
    data = {k: data.get(k) for k in ACTIVITY_FIELDS}
    data["description"] = data["description"] or ""
    data["referred_count"] = data["referred_count"] or 0
    _validate_activity(actor, data, companies, participants)
    for key, value in data.items():
        setattr(entry, key, value)
    entry.save(update_fields=[*ACTIVITY_FIELDS, "updated_at"])
    _set_activity_relations(entry, companies, participants)
    audit_event_record(
        actor=actor,
        action="programme.activity.update",
        target=entry,
        changes=diff(old, _activity_snapshot(entry)),
    )
    return entry


# Attachments: office documents, PDF, images and plain text, at most 10 MB. The first bytes
# must match the extension so that a renamed executable is not stored as a "PDF".
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024


ZIP_MAGIC = b"PK\x03\x04"


ATTACHMENT_TYPES: dict[str, tuple[str, bytes | None]] = {
    ".pdf": ("application/pdf", b"%PDF-"),
    ".png": ("image/png", b"\x89PNG\r\n\x1a\n"),
    ".jpg": ("image/jpeg", b"\xff\xd8\xff"),
    ".jpeg": ("image/jpeg", b"\xff\xd8\xff"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP_MAGIC,
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP_MAGIC),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ZIP_MAGIC,
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP_MAGIC),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP_MAGIC),
    ".txt": ("text/plain", None),
    ".csv": ("text/csv", None),
}


def _check_attachment(upload: UploadedFile) -> tuple[str, str]:
    name = PurePath(upload.name or "").name[:200]
    suffix = PurePath(name).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        raise DomainError(
            _("Tiedostotyyppi %(type)s ei ole sallittu. Sallitut: %(allowed)s.")
            % {"type": suffix or "?", "allowed": ", ".join(sorted(ATTACHMENT_TYPES))},
            code="invalid_file",
        )
    if upload.size is None or upload.size > ATTACHMENT_MAX_BYTES:
        raise DomainError(
            _("Tiedosto on liian suuri (enintään %(mb)s Mt).")
            % {"mb": ATTACHMENT_MAX_BYTES // (1024 * 1024)},
            code="invalid_file",
        )
    if upload.size == 0:
        raise DomainError(_("Tiedosto on tyhjä."), code="invalid_file")
    content_type, magic = ATTACHMENT_TYPES[suffix]
    upload.seek(0)
    # Text is read whole (at most the size limit) so that a cut never splits a character.
    head = upload.read(len(magic)) if magic is not None else upload.read()
    upload.seek(0)
    if magic is not None and head != magic:
        raise DomainError(
            _("Tiedoston sisältö ei vastaa tiedostotyyppiä %(type)s.") % {"type": suffix},
            code="invalid_file",
        )
    if magic is None:
        try:
            text = head.decode("utf-8")
        except UnicodeDecodeError:
            text = "\x00"
        if "\x00" in text:
            raise DomainError(_("Tekstitiedoston on oltava UTF-8-muodossa."), code="invalid_file")
    return name, content_type


@transaction.atomic
def activity_attachment_add(
    *, actor: User, entry: ActivityEntry, upload: UploadedFile
) -> ActivityAttachment:
    """Attach a file to an activity entry (type and size limits above)."""
    name, content_type = _check_attachment(upload)
    attachment = ActivityAttachment(
        entry=entry,
        original_name=name,
        content_type=content_type,
        size=upload.size or 0,
        uploaded_by=actor,
    )
    attachment.file.save(name, upload, save=False)
    attachment.save()
    audit_event_record(
        actor=actor,
        action="programme.activity.attachment_add",
        target=entry,
        changes={"attachment": [None, name]},
    )
    return attachment


@transaction.atomic
def activity_attachment_delete(*, actor: User, attachment: ActivityAttachment) -> None:
    """Remove an attachment; the stored file is deleted once the transaction commits."""
    entry = attachment.entry
    name = attachment.original_name
    storage, path = attachment.file.storage, attachment.file.name
    attachment.delete()
    if path:
        transaction.on_commit(lambda: storage.delete(path))
    audit_event_record(
        actor=actor,
        action="programme.activity.attachment_delete",
        target=entry,
        changes={"attachment": [name, None]},
    )
