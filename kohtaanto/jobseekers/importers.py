"""Bulk imports: ESF+ participants from CSV and job seekers with profiles from JSON Lines.

Both are all-or-nothing: the whole file is checked first and any problem rejects it with
every error listed as (line, column, reason); nothing is written then. People are matched on
`external_id` within the employment area, and only what differs is written, so importing the
same file twice changes nothing the second time.
"""

import datetime
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea, Municipality, User
from kohtaanto.audit.services import audit_event_record, audit_events_record_many
from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.common.imports import (
    ErrorCollector,
    ImportResult,
    MunicipalityIndex,
    RowReader,
    csv_rows,
    decode_bytes,
    jsonl_objects,
    rows_insert,
    text_lines,
)
from kohtaanto.jobseekers.identity import (
    InvalidIdentityCodeError,
    identity_code_birth_date,
    identity_code_clean,
    identity_code_digest,
    identity_code_encrypt,
)
from kohtaanto.jobseekers.models import (
    Answer,
    Gender,
    JobSeeker,
    LabourMarketStatus,
    Participation,
    ParticipationSpecialCategory,
    ProfileSkill,
    RequirementCard,
    SkillSource,
    TargetOccupation,
)
from kohtaanto.jobseekers.rules import follow_up_due_on
from kohtaanto.jobseekers.services.register import HIDDEN
from kohtaanto.jobseekers.validation import (
    FOLLOW_UP_FIELDS,
    RESULT_FIELDS,
    EntryData,
    ExitData,
    entry_errors,
    exit_errors,
)
from kohtaanto.taxonomy.lookup import concepts_by_uri
from kohtaanto.taxonomy.models import Concept, ConceptType

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation

T = TypeVar("T")
Progress = Callable[[Iterable[T]], Iterable[T]]

__all__ = ["ImportResult", "decode_file", "job_seekers_import", "participants_import"]

PARTICIPANT_COLUMNS = (
    "external_id",
    "first_name",
    "last_name",
    "personal_identity_code",
    "gender",
    "birth_date",
    "municipality",
    "entry_date",
    "exit_date",
    "labour_market_status",
    "unemployed_since",
    "isced_level",
    "disability",
    "third_country_national",
    "foreign_background",
    "minority",
    "homeless",
    "rural",
    *RESULT_FIELDS,
    "exit_results_on",
    *FOLLOW_UP_FIELDS,
)
REQUIRED_PARTICIPANT_COLUMNS = (
    "external_id",
    "first_name",
    "last_name",
    "gender",
    "birth_date",
    "municipality",
    "entry_date",
    "labour_market_status",
)
# Field names of the shared validation rules → CSV column names.
COLUMN_OF = {"identity_code": "personal_identity_code"}


def decode_file(data: bytes, *, filename: str = "", encoding: str | None = None) -> str:
    """The file's text (see common.imports.decode), or a rejection naming the line."""
    return decode_bytes(data, filename=filename, encoding=encoding)


def _identity_in_use(area_id: int, digests: Iterable[str]) -> dict[str, str]:
    """digest → external id of the person already registered with that code."""
    return dict(
        JobSeeker.objects.filter(
            employment_area_id=area_id, identity_code_digest__in=list(digests)
        ).values_list("identity_code_digest", "external_id")
    )


# --- participants (CSV) ----------------------------------------------------------------------


@dataclass
class ParticipantRow:
    line: int
    external_id: str
    first_name: str
    last_name: str
    identity_code: str
    gender: str
    birth_date: datetime.date
    municipality: Municipality
    entry: EntryData
    exit_values: dict[str, Any]
    follow_up: dict[str, bool | None]


def _read_participant_rows(
    text: str, *, filename: str, operation: "Operation", today: datetime.date
) -> tuple[list[ParticipantRow], list[RowError]]:
    errors = ErrorCollector(filename)
    header, rows = csv_rows(text_lines(text), errors=errors, short_rows=True)
    if errors:
        if not header:
            errors.errors = [
                RowError(None, "", _("Tiedostossa ei ole yhtään osallistujaa."), filename)
            ]
        return [], errors.errors
    for column in header:
        if column not in PARTICIPANT_COLUMNS:
            errors.add(1, column, _("Tuntematon sarake."))
    for column in REQUIRED_PARTICIPANT_COLUMNS:
        if column not in header:
            errors.add(1, column, _("Pakollinen sarake puuttuu."))
    if errors:
        return [], errors.errors
    municipalities = MunicipalityIndex()
    parsed_rows: list[ParticipantRow] = []
    found = False
    for line, raw in rows:
        found = True
        r = RowReader(raw, line, filename)
        parsed = _parse_participant(r, municipalities, operation, today)
        errors.extend(r.errors)
        if parsed is not None and not r.errors:
            parsed_rows.append(parsed)
    if not found and not errors:
        errors.add(None, "", _("Tiedostossa ei ole yhtään osallistujaa."))
    return parsed_rows, errors.errors


def _parse_participant(
    r: RowReader,
    municipalities: MunicipalityIndex,
    operation: "Operation",
    today: datetime.date,
) -> ParticipantRow | None:
    external_id = r.text("external_id", required=True)
    first_name = r.text("first_name", required=True)
    last_name = r.text("last_name", required=True)
    raw_code = r.text("personal_identity_code", max_length=20)
    gender = r.choice("gender", Gender.values, required=True)
    birth_date = r.date("birth_date", required=True)
    municipality_text = r.text("municipality", required=True)
    municipality = municipalities.find(municipality_text)
    if municipality_text and municipality is None:
        r.error(
            "municipality",
            _("Tuntematon kunta: %(value)s (anna kuntakoodi tai nimi).")
            % {"value": municipality_text},
        )
    entry_date = r.date("entry_date", required=True)
    exit_date = r.date("exit_date")
    status = r.choice("labour_market_status", LabourMarketStatus.values, required=True)
    unemployed_since = r.date("unemployed_since")
    isced_text = r.text("isced_level")
    isced: int | None = None
    if isced_text:
        if isced_text.isascii() and isced_text.isdigit() and 0 <= int(isced_text) <= 8:
            isced = int(isced_text)
        else:
            r.error("isced_level", _("ISCED-tason on oltava 0–8 tai tyhjä."))
    answers = {name: r.choice(name, Answer.values) for name in EntryData.ANSWER_FIELDS}
    exit_values: dict[str, Any] = {name: r.yes_no(name) for name in RESULT_FIELDS}
    results_on = r.date("exit_results_on")
    exit_values["exit_results_on"] = None
    follow_up = {name: r.yes_no(name) for name in FOLLOW_UP_FIELDS}
    code = ""
    if raw_code:
        try:
            code = identity_code_clean(raw_code)
        except InvalidIdentityCodeError as exc:
            r.error("personal_identity_code", exc.message)
        else:
            if birth_date and identity_code_birth_date(code) != birth_date:
                r.error(
                    "personal_identity_code",
                    _("Henkilötunnus ei vastaa syntymäaikaa %(date)s.")
                    % {"date": birth_date.isoformat()},
                )
    if exit_date is None:
        for name in (*RESULT_FIELDS, *FOLLOW_UP_FIELDS):
            if (exit_values | follow_up)[name] is not None:
                r.error(name, _("Tulos on annettu, mutta päättymispäivä (exit_date) puuttuu."))
        if results_on is not None:
            r.error(
                "exit_results_on", _("Tulos on annettu, mutta päättymispäivä (exit_date) puuttuu.")
            )
    if r.errors or birth_date is None or entry_date is None or municipality is None:
        return None
    entry = EntryData(
        entry_date=entry_date,
        gender=gender,
        birth_date=birth_date,
        labour_market_status=status,
        unemployed_since=unemployed_since,
        isced_level=isced,
        **answers,
    )
    for name, reason in entry_errors(entry, operation=operation, today=today):
        r.error(COLUMN_OF.get(name, name), reason)
    if exit_date is not None:
        answers_given = {name: exit_values[name] for name in RESULT_FIELDS}
        exit_data = ExitData(exit_date=exit_date, exit_results_on=results_on, **answers_given)
        for name, reason in exit_errors(exit_data, entry_date=entry_date, today=today):
            r.error(name, reason)
        # Results without the day they were reached are the situation on the exit day.
        if exit_data.has_results():
            exit_values["exit_results_on"] = results_on or exit_date
        if any(v is not None for v in follow_up.values()) and follow_up_due_on(exit_date) > today:
            r.error(
                "six_month_employed",
                _("Kuuden kuukauden seuranta ei ole vielä ajankohtainen (%(date)s).")
                % {"date": follow_up_due_on(exit_date).isoformat()},
            )
    exit_values["exit_date"] = exit_date
    return ParticipantRow(
        line=r.line,
        external_id=external_id,
        first_name=first_name,
        last_name=last_name,
        identity_code=code,
        gender=gender,
        birth_date=birth_date,
        municipality=municipality,
        entry=entry,
        exit_values=exit_values,
        follow_up=follow_up,
    )


def _cross_row_errors(
    rows: list[Any], *, area_id: int, filename: str, code_column: str
) -> list[RowError]:
    """The same person twice in the file, or an identity code that belongs to someone else."""
    errors: list[RowError] = []
    seen_ids: dict[str, int] = {}
    seen_codes: dict[str, int] = {}
    digests: dict[int, str] = {}
    for row in rows:
        if row.external_id in seen_ids:
            errors.append(
                RowError(
                    row.line,
                    "external_id",
                    _("Sama external_id on jo rivillä %(line)s.")
                    % {"line": seen_ids[row.external_id]},
                    filename,
                )
            )
        seen_ids.setdefault(row.external_id, row.line)
        code = getattr(row, "identity_code", "")
        if code:
            digest = identity_code_digest(code)
            digests[row.line] = digest
            if digest in seen_codes:
                errors.append(
                    RowError(
                        row.line,
                        code_column,
                        _("Sama henkilötunnus on jo rivillä %(line)s.")
                        % {"line": seen_codes[digest]},
                        filename,
                    )
                )
            seen_codes.setdefault(digest, row.line)
    in_use = _identity_in_use(area_id, digests.values())
    for row in rows:
        known = digests.get(row.line, "")
        if known in in_use and in_use[known] != row.external_id:
            errors.append(
                RowError(
                    row.line,
                    code_column,
                    _("Henkilötunnus on jo toisen rekisteröidyn asiakkaan käytössä."),
                    filename,
                )
            )
    return errors


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
    rows, errors = _read_participant_rows(text, filename=filename, operation=operation, today=day)
    errors += _cross_row_errors(
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


# --- job seekers with profiles (JSON Lines) ----------------------------------------------------

JOB_SEEKER_KEYS = {
    "external_id",
    "first_name",
    "last_name",
    "municipality",
    "skills",
    "requirements",
    "target_occupations",
}
SKILL_KEYS = {"uri", "level", "source"}
DEFAULT_IMPORTED_SKILL_SOURCE = SkillSource.SELF_ASSESSED
# People are read, checked and written this many at a time: memory stays flat in the file size
# and each chunk costs a constant number of queries (look-ups and bulk inserts).
CHUNK = 500


@dataclass
class JobSeekerRecord:
    line: int
    external_id: str
    first_name: str
    last_name: str
    municipality: Municipality | None
    skills: list[tuple[Concept, int, str]] = field(default_factory=list)
    requirements: list[Concept] = field(default_factory=list)
    targets: list[Concept] = field(default_factory=list)


def _uris(obj: dict[str, Any]) -> Iterator[str]:
    skills = obj.get("skills")
    if isinstance(skills, list):
        for item in skills:
            if isinstance(item, dict) and isinstance(item.get("uri"), str):
                yield item["uri"]
    for key in ("requirements", "target_occupations"):
        items = obj.get(key)
        if isinstance(items, list):
            yield from (item for item in items if isinstance(item, str))


class _ConceptCache:
    """Concepts by URI, fetched once a file (a chunk's new URIs in one query)."""

    def __init__(self) -> None:
        self.known: dict[str, Concept | None] = {}

    def load(self, uris: Iterable[str]) -> dict[str, Concept | None]:
        missing = {uri for uri in uris if uri not in self.known}
        if missing:
            found = concepts_by_uri(missing)
            for uri in missing:
                self.known[uri] = found.get(uri)
        return self.known


# Plain values compared a skill at a time (an enum's `.values` builds a new list per call).
_SKILL_TYPES = frozenset({ConceptType.SKILL.value, ConceptType.KNOWLEDGE.value})
_REQUIREMENT_TYPES = frozenset({ConceptType.REQUIREMENT.value})
_OCCUPATION_TYPES = frozenset({ConceptType.OCCUPATION.value})
_SKILL_SOURCES = frozenset(SkillSource.values)
_DEFAULT_SOURCE = str(DEFAULT_IMPORTED_SKILL_SOURCE.value)


def _parse_job_seeker(
    number: int,
    obj: dict[str, Any],
    concepts: dict[str, Concept | None],
    municipalities: MunicipalityIndex,
    filename: str,
) -> tuple[JobSeekerRecord | None, list[RowError]]:
    r = RowReader(obj, number, filename)
    if not obj.keys() <= JOB_SEEKER_KEYS:
        r.unknown(JOB_SEEKER_KEYS)
    missing = _("Pakollinen tieto puuttuu tai ei ole tekstiä.")
    external_id = r.text("external_id", required=True, message=missing)
    first_name = r.text("first_name", required=True, message=missing)
    last_name = r.text("last_name", required=True, message=missing)
    municipality = None
    raw_municipality = obj.get("municipality")
    if raw_municipality not in (None, ""):
        if not isinstance(raw_municipality, str):
            r.error("municipality", _("Kunnan on oltava tekstiä (koodi tai nimi)."))
        else:
            municipality = municipalities.find(raw_municipality)
            if municipality is None:
                r.error(
                    "municipality", _("Tuntematon kunta: %(value)s") % {"value": raw_municipality}
                )

    def concept(path: str, uri: Any, types: frozenset[str]) -> Concept | None:
        if not isinstance(uri, str) or not uri:
            r.error(path, _("URI puuttuu tai ei ole tekstiä."))
            return None
        found = concepts.get(uri)
        if found is None:
            r.error(path, _("Tuntematon käsite: %(uri)s") % {"uri": uri})
            return None
        if found.type not in types:
            r.error(
                path, _("Käsite %(uri)s on tyyppiä %(type)s.") % {"uri": uri, "type": found.type}
            )
            return None
        return found

    record = JobSeekerRecord(
        line=number,
        external_id=external_id,
        first_name=first_name,
        last_name=last_name,
        municipality=municipality,
    )
    seen: set[str] = set()
    for index, item in enumerate(r.items("skills")):
        # A well-formed skill is taken at once; anything else goes through every check below,
        # which name each problem.
        if type(item) is dict and item.keys() <= SKILL_KEYS:
            uri, level = item.get("uri"), item.get("level")
            source = item.get("source", _DEFAULT_SOURCE)
            found = concepts.get(uri) if type(uri) is str else None
            if (
                found is not None
                and found.type in _SKILL_TYPES
                and type(level) is int
                and 1 <= level <= 4
                and type(source) is str
                and source in _SKILL_SOURCES
                and uri not in seen
            ):
                seen.add(found.uri)
                record.skills.append((found, level, source))
                continue
        path = f"skills[{index}]"
        if not isinstance(item, dict):
            r.error(path, _("Taidon on oltava olio, jossa uri ja level."))
            continue
        for key in sorted(set(item) - SKILL_KEYS):
            r.error(f"{path}.{key}", _("Tuntematon kenttä."))
        skill = concept(f"{path}.uri", item.get("uri"), _SKILL_TYPES)
        level = item.get("level")
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
            r.error(f"{path}.level", _("Tason on oltava kokonaisluku 1–4."))
            level = None
        source = item.get("source", DEFAULT_IMPORTED_SKILL_SOURCE)
        if not isinstance(source, str) or source not in _SKILL_SOURCES:
            r.error(f"{path}.source", _("Tuntematon lähde: %(value)s") % {"value": source})
        if skill is not None and skill.uri in seen:
            r.error(f"{path}.uri", _("Sama taito on listassa kahdesti."))
        elif skill is not None and level is not None:
            seen.add(skill.uri)
            record.skills.append((skill, level, source))
    for key, types, target in (
        ("requirements", _REQUIREMENT_TYPES, record.requirements),
        ("target_occupations", _OCCUPATION_TYPES, record.targets),
    ):
        for index, uri in enumerate(r.items(key)):
            found = concept(f"{key}[{index}]", uri, types)
            if found is not None and found not in target:
                target.append(found)
    return (None if r.errors else record), r.errors


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
    concepts = _ConceptCache()
    seen_ids: dict[str, int] = {}
    result = ImportResult()
    any_line = False
    with transaction.atomic():
        for chunk in _chunks(objects, CHUNK):
            any_line = True
            known = concepts.load(uri for _n, obj in chunk for uri in _uris(obj))
            records = []
            for number, obj in chunk:
                record, row_errors = _parse_job_seeker(number, obj, known, municipalities, filename)
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
                _apply_job_seekers(records, area=area, actor=actor, result=result)
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


def _apply_job_seekers(
    records: list[JobSeekerRecord],
    *,
    area: EmploymentArea,
    actor: User | None,
    result: ImportResult,
) -> None:
    """Write one checked chunk: new people and their profiles in bulk inserts, changed people
    field by field, changed skill levels and sources in one bulk update."""
    now = timezone.now()
    today = timezone.localdate(now)
    recorded_by = actor if actor is not None and actor.is_authenticated else None
    # Only what is compared, written back or named in the audit event (str() reads the
    # pseudonymisation time).
    people = {
        p.external_id: p
        for p in JobSeeker.objects.select_for_update()
        .filter(employment_area=area, external_id__in=[r.external_id for r in records])
        .only(
            "external_id",
            "first_name",
            "last_name",
            "municipality",
            "pseudonymised_at",
            "updated_at",
        )
    }
    ids = [p.pk for p in people.values()]
    # Existing skills as plain values: a re-import reads every one and changes few.
    skills = {
        (person_id, concept_id): (pk, level, source)
        for pk, person_id, concept_id, level, source in ProfileSkill.objects.filter(
            job_seeker_id__in=ids
        ).values_list("pk", "job_seeker_id", "concept_id", "level", "source")
    }
    cards = set(
        RequirementCard.objects.filter(job_seeker_id__in=ids).values_list(
            "job_seeker_id", "concept_id"
        )
    )
    targets = set(
        TargetOccupation.objects.filter(job_seeker_id__in=ids).values_list(
            "job_seeker_id", "concept_id"
        )
    )
    fields = ("external_id", "first_name", "last_name", "municipality")
    new_people = [
        JobSeeker(
            employment_area=area,
            external_id=r.external_id,
            first_name=r.first_name,
            last_name=r.last_name,
            municipality=r.municipality,
        )
        for r in records
        if r.external_id not in people
    ]
    JobSeeker.objects.bulk_create(new_people, batch_size=CHUNK)
    created = {p.external_id: p for p in new_people}
    # Profile rows go in as plain values (common.imports.rows_insert): 20 skills a person made
    # building model instances the larger part of an import's time.
    recorded_by_id = recorded_by.pk if recorded_by is not None else None
    new_skills: list[dict[str, Any]] = []
    changed_skills: list[ProfileSkill] = []
    new_cards: list[dict[str, Any]] = []
    new_targets: list[dict[str, Any]] = []
    events: list[tuple[str, Any, dict[str, Any]]] = []
    changed_people: list[JobSeeker] = []
    for record in records:
        person = people.get(record.external_id) or created[record.external_id]
        is_new = record.external_id in created
        changes: dict[str, Any] = {}
        if not is_new:
            for name in fields:
                value = getattr(record, name)
                # The municipality is compared by id: reading it would cost a query a person.
                if name == "municipality":
                    if person.municipality_id == (value.pk if value else None):
                        continue
                    old = person.municipality
                elif getattr(person, name) == value:
                    continue
                else:
                    old = getattr(person, name)
                changes[name] = [old, value]
                setattr(person, name, value)
            if changes:
                person.updated_at = now
                changed_people.append(person)
        person_id = person.pk
        skill_changes = []
        for concept, level, source in record.skills:
            current = skills.get((person_id, concept.id))
            if current is None:
                new_skills.append(
                    {
                        "job_seeker_id": person_id,
                        "concept_id": concept.id,
                        "level": level,
                        "source": source,
                        "assessed_on": today,
                        "recorded_by_id": recorded_by_id,
                    }
                )
                skill_changes.append([concept.uri, None, [level, source]])
            elif current[1:] != (level, source):
                skill_changes.append([concept.uri, [current[1], current[2]], [level, source]])
                changed_skills.append(
                    ProfileSkill(
                        pk=current[0],
                        level=level,
                        source=source,
                        recorded_by=recorded_by,
                        updated_at=now,
                    )
                )
        card_uris = []
        for concept in record.requirements:
            if (person_id, concept.id) not in cards:
                new_cards.append(
                    {
                        "job_seeker_id": person_id,
                        "concept_id": concept.id,
                        "source": SkillSource.SELF_ASSESSED,
                        "recorded_by_id": recorded_by_id,
                    }
                )
                card_uris.append(concept.uri)
        target_uris = []
        for concept in record.targets:
            if (person_id, concept.id) not in targets:
                new_targets.append(
                    {
                        "job_seeker_id": person_id,
                        "concept_id": concept.id,
                        "recorded_by_id": recorded_by_id,
                    }
                )
                target_uris.append(concept.uri)
        if skill_changes:
            changes["skills"] = skill_changes
        if card_uris:
            changes["requirements"] = [None, card_uris]
        if target_uris:
            changes["target_occupations"] = [None, target_uris]
        if is_new:
            values = {name: [None, getattr(record, name)] for name in fields}
            events.append(("job_seeker.import_create", person, values | changes))
            result.created += 1
        elif changes:
            events.append(("job_seeker.import_update", person, changes))
            result.updated += 1
        else:
            result.unchanged += 1
    if changed_people:
        JobSeeker.objects.bulk_update(changed_people, [*fields, "updated_at"], batch_size=CHUNK)
    rows_insert(ProfileSkill, new_skills)
    if changed_skills:
        ProfileSkill.objects.bulk_update(
            changed_skills, ["level", "source", "recorded_by", "updated_at"], batch_size=CHUNK
        )
    rows_insert(RequirementCard, new_cards)
    rows_insert(TargetOccupation, new_targets)
    audit_events_record_many(actor=actor, events=events)
