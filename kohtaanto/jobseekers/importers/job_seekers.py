"""Job seekers with profiles from JSON Lines: read, check and write in chunks, all or nothing."""

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea, User
from kohtaanto.audit.models import AuditEvent
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.imports import (
    ErrorCollector,
    ImportResult,
    MunicipalityIndex,
    jsonl_objects,
    text_lines,
)
from kohtaanto.common.imports.background import copies_in_background
from kohtaanto.jobseekers.importers.job_seeker_rows import (
    CHUNK,
    ConceptCache,
    concept_uris,
    parse_job_seeker,
)
from kohtaanto.jobseekers.importers.job_seeker_writer import apply_job_seekers
from kohtaanto.jobseekers.importers.shared import Progress, T
from kohtaanto.jobseekers.models import JobSeeker, ProfileSkill, RequirementCard, TargetOccupation


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def job_seekers_import(
    *,
    area: EmploymentArea,
    text: str | None = None,
    path: Path | None = None,
    encoding: str | None = None,
    filename: str = "",
    actor: User | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import job seekers and their profiles (one JSON object a line) into `area`.

    Skills are added or updated (level, source); requirement cards and target occupations
    are added. What the file does not mention is left as it is.

    The file (`text`, or `path` read line by line) is read in chunks of CHUNK people inside
    one transaction: each chunk is checked, and written with bulk inserts while the file has
    no error so far. Any error anywhere refuses the whole file with every error found and the
    transaction is rolled back, so nothing is changed. Audit: one event per person created
    (their fields and profile), one per person changed (old → new), one for the import.
    """
    errors = ErrorCollector(filename)
    source: Any = text if path is None else path
    objects: Iterable[tuple[int, dict[str, Any]]] = jsonl_objects(
        text_lines(source, filename=filename, encoding=encoding), errors=errors
    )
    if progress:
        objects = progress(objects)
    municipalities = MunicipalityIndex()
    concepts = ConceptCache()
    seen_ids: dict[str, int] = {}
    result = ImportResult()
    any_line = False
    # The server stores a chunk while the next is read and checked (PostgreSQL; nothing is
    # read back that the import wrote: a repeated external id is an error before any write).
    written = (JobSeeker, ProfileSkill, RequirementCard, TargetOccupation, AuditEvent)
    with transaction.atomic(), copies_in_background(checked=written):
        for chunk in _chunks(objects, CHUNK):
            any_line = True
            known = concepts.load(uri for _n, obj in chunk for uri in concept_uris(obj))
            records = []
            for number, obj in chunk:
                record, row_errors = parse_job_seeker(number, obj, known, municipalities, filename)
                errors.extend(row_errors)
                external_id = obj.get("external_id")
                if isinstance(external_id, str) and external_id.strip():
                    key = external_id.strip()
                    if key in seen_ids:
                        errors.add(
                            number,
                            "external_id",
                            _("Sama external_id on jo rivillä %(line)s.") % {"line": seen_ids[key]},
                        )
                        record = None
                    seen_ids.setdefault(key, number)
                if record is not None:
                    records.append(record)
            if not errors:
                apply_job_seekers(records, area=area, actor=actor, result=result)
        if not any_line and not errors:
            errors.add(None, "", _("Tiedostossa ei ole yhtään riviä."))
        errors.raise_if_any()
        if result.created or result.updated:
            audit_event_record(
                actor=actor,
                action="job_seeker.import",
                target=area,
                target_repr=filename or area.code,
                changes={
                    "file": [None, filename],
                    "created": [None, result.created],
                    "updated": [None, result.updated],
                    "unchanged": [None, result.unchanged],
                },
            )
    return result
