"""ESF+ participants from CSV: the import and its writes, a person and a participation at a time.

People are matched on `external_id` within the operation's area and only what differs is
written, each change with its audit event.
"""

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ImportRejectedError
from kohtaanto.common.imports import ImportResult
from kohtaanto.jobseekers.identity import identity_code_digest, identity_code_encrypt
from kohtaanto.jobseekers.importers.participant_rows import (
    ParticipantRow,
    cross_row_errors,
    read_participant_rows,
)
from kohtaanto.jobseekers.importers.shared import Progress, T
from kohtaanto.jobseekers.models import JobSeeker, Participation, ParticipationSpecialCategory
from kohtaanto.jobseekers.services.register import HIDDEN
from kohtaanto.jobseekers.validation import EntryData

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


def _identity(progress: Progress | None, items: list[T]) -> Iterable[T]:
    return progress(items) if progress else items


def participants_import(
    *,
    text: str,
    operation: "Operation",
    filename: str = "",
    actor: User | None = None,
    today: datetime.date | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ESF+ participants into `operation` (columns: PARTICIPANT_COLUMNS).

    Creates or updates the person (matched on external_id in the operation's area) and their
    participation in the operation with the entry, exit and follow-up data of the row.
    """
    day = today or timezone.localdate()
    area_id = operation.employment_area_id
    rows, errors = read_participant_rows(text, filename=filename, operation=operation, today=day)
    errors += cross_row_errors(
        rows, area_id=area_id, filename=filename, code_column="personal_identity_code"
    )
    if errors:
        raise ImportRejectedError(sorted(errors, key=lambda e: (e.line or 0, e.field)))
    return _apply_participants(rows, operation=operation, actor=actor, progress=progress)


@transaction.atomic
def _apply_participants(
    rows: list[ParticipantRow],
    *,
    operation: "Operation",
    actor: User | None,
    progress: Progress | None,
) -> ImportResult:
    area_id = operation.employment_area_id
    people = {
        p.external_id: p
        for p in JobSeeker.objects.select_for_update().filter(
            employment_area_id=area_id, external_id__in=[r.external_id for r in rows]
        )
    }
    participations = {
        p.job_seeker_id: p
        for p in Participation.objects.select_for_update(of=("self",))
        .filter(operation=operation, job_seeker__in=people.values())
        .select_related("special_category")
    }
    result = ImportResult()
    for row in _identity(progress, rows):
        person, person_changes = _upsert_person(
            people.get(row.external_id),
            area_id=area_id,
            values={
                "external_id": row.external_id,
                "first_name": row.first_name,
                "last_name": row.last_name,
                "gender": row.gender,
                "birth_date": row.birth_date,
                "municipality": row.municipality,
            },
            identity_code=row.identity_code,
            actor=actor,
        )
        participation = participations.get(person.pk)
        participation_changes = _upsert_participation(
            participation, person=person, operation=operation, row=row, actor=actor
        )
        if person_changes == "created":
            result.created += 1
        elif person_changes or participation_changes:
            result.updated += 1
        else:
            result.unchanged += 1
    return result


def _upsert_person(
    person: JobSeeker | None,
    *,
    area_id: int,
    values: dict[str, Any],
    identity_code: str,
    actor: User | None,
) -> tuple[JobSeeker, str | dict[str, Any]]:
    """Create the person or write only the fields that differ; returns "created" or the
    changes made."""
    digest = identity_code_digest(identity_code) if identity_code else ""
    if person is None:
        person = JobSeeker.objects.create(
            employment_area_id=area_id,
            identity_code_encrypted=identity_code_encrypt(identity_code) if identity_code else "",
            identity_code_digest=digest,
            **values,
        )
        changes = {k: [None, v] for k, v in values.items()}
        if identity_code:
            changes["identity_code"] = [None, HIDDEN]
        audit_event_record(
            actor=actor, action="job_seeker.import_create", target=person, changes=changes
        )
        return person, "created"
    changes = {}
    update_fields = []
    for name, value in values.items():
        if getattr(person, name) != value:
            changes[name] = [getattr(person, name), value]
            setattr(person, name, value)
            update_fields.append(name)
    # An empty code in the file keeps the one already registered.
    if digest and digest != person.identity_code_digest:
        changes["identity_code"] = [HIDDEN if person.identity_code_digest else None, HIDDEN]
        person.identity_code_digest = digest
        person.identity_code_encrypted = identity_code_encrypt(identity_code)
        update_fields += ["identity_code_digest", "identity_code_encrypted"]
    if update_fields:
        person.save(update_fields=[*update_fields, "updated_at"])
        audit_event_record(
            actor=actor, action="job_seeker.import_update", target=person, changes=changes
        )
    return person, changes


def _upsert_participation(
    participation: Participation | None,
    *,
    person: JobSeeker,
    operation: "Operation",
    row: ParticipantRow,
    actor: User | None,
) -> dict[str, Any]:
    values: dict[str, Any] = {
        name: getattr(row.entry, name) for name in EntryData.PARTICIPATION_FIELDS
    }
    values.update(row.exit_values)
    values.update(row.follow_up)
    special = {name: getattr(row.entry, name) for name in EntryData.SPECIAL_FIELDS}
    target_repr = f"{person.pk}: {operation.code}"
    if participation is None:
        participation = Participation.objects.create(
            job_seeker=person, operation=operation, **values
        )
        ParticipationSpecialCategory.objects.create(participation=participation, **special)
        changes: dict[str, Any] = {k: [None, v] for k, v in values.items() if v is not None}
        changes["special_category"] = [None, "recorded"]
        audit_event_record(
            actor=actor,
            action="participation.import_create",
            target=participation,
            target_repr=target_repr,
            changes=changes,
        )
        return changes
    changes = {}
    update_fields = []
    for name, value in values.items():
        if getattr(participation, name) != value:
            changes[name] = [getattr(participation, name), value]
            setattr(participation, name, value)
            update_fields.append(name)
    if update_fields:
        participation.save(update_fields=[*update_fields, "updated_at"])
    current = getattr(participation, "special_category", None)
    if current is None:
        ParticipationSpecialCategory.objects.create(participation=participation, **special)
        changes["special_category"] = [None, "recorded"]
    else:
        changed = [k for k, v in special.items() if getattr(current, k) != v]
        for k in changed:
            setattr(current, k, special[k])
        if changed:
            current.save(update_fields=changed)
            changes["special_category"] = ["recorded", "changed"]
    if changes:
        audit_event_record(
            actor=actor,
            action="participation.import_update",
            target=participation,
            target_repr=target_repr,
            changes=changes,
        )
    return changes
