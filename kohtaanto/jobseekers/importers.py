"""Bulk imports: ESF+ participants from CSV and job seekers with profiles from JSON Lines.

Both are all-or-nothing: the whole file is checked first and any problem rejects it with
every error listed as (line, column, reason); nothing is written then. People are matched on
`external_id` within the employment area, and only what differs is written, so importing the
same file twice changes nothing the second time.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import EmploymentArea, Municipality, User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ImportRejectedError, RowError
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
from kohtaanto.jobseekers.services.profile import (
    profile_skill_set,
    requirement_card_set,
    target_occupation_add,
)
from kohtaanto.jobseekers.services.register import HIDDEN
from kohtaanto.jobseekers.validation import (
    FOLLOW_UP_FIELDS,
    RESULT_FIELDS,
    EntryData,
    ExitData,
    entry_errors,
    exit_errors,
)
from kohtaanto.programme.models import Operation
from kohtaanto.taxonomy.lookup import concepts_by_uri
from kohtaanto.taxonomy.models import Concept, ConceptType

T = TypeVar("T")
Progress = Callable[[Iterable[T]], Iterable[T]]

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


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def decode_file(data: bytes, *, filename: str = "") -> str:
    """UTF-8 text (a byte-order mark is allowed), or a rejection naming the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRejectedError(
            [RowError(line, "", _("Tiedosto ei ole UTF-8-muodossa."), filename)]
        ) from exc


def _municipalities() -> dict[str, Municipality]:
    index: dict[str, Municipality] = {}
    for m in Municipality.objects.all():
        index[m.code] = m
        index[m.name_fi.casefold()] = m
        if m.name_sv:
            index[m.name_sv.casefold()] = m
    return index


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


class _RowReader:
    """Parses one CSV row's cells, collecting every error instead of stopping at the first."""

    def __init__(self, row: dict[str, str], line: int, filename: str) -> None:
        self.row = row
        self.line = line
        self.filename = filename
        self.errors: list[RowError] = []

    def error(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self.line, column, reason, self.filename))

    def text(self, column: str, *, required: bool = False, max_length: int = 100) -> str:
        value = (self.row.get(column) or "").strip()
        if required and not value:
            self.error(column, _("Pakollinen tieto puuttuu."))
        elif len(value) > max_length:
            self.error(column, _("Liian pitkä (enintään %(max)s merkkiä).") % {"max": max_length})
        return value

    def date(self, column: str, *, required: bool = False) -> datetime.date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.error(
                column, _("Päivämäärä ei ole muotoa VVVV-KK-PP: %(value)s") % {"value": value}
            )
            return None

    def choice(self, column: str, choices: Iterable[str], *, required: bool = False) -> str:
        value = self.text(column, required=required)
        allowed = list(choices)
        if value and value not in allowed:
            self.error(
                column,
                _("Arvo %(value)s ei kelpaa; sallitut: %(allowed)s.")
                % {"value": value, "allowed": "|".join(allowed)},
            )
            return ""
        return value

    def yes_no(self, column: str) -> bool | None:
        value = self.choice(column, ("yes", "no"))
        return {"yes": True, "no": False}.get(value)


def _read_participant_rows(
    text: str, *, filename: str, operation: Operation, today: datetime.date
) -> tuple[list[ParticipantRow], list[RowError]]:
    text = text.removeprefix("\ufeff")
    try:
        dialect: Any = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    errors: list[RowError] = []
    for column in header:
        if column not in PARTICIPANT_COLUMNS:
            errors.append(RowError(1, column, _("Tuntematon sarake."), filename))
    for column in REQUIRED_PARTICIPANT_COLUMNS:
        if column not in header:
            errors.append(RowError(1, column, _("Pakollinen sarake puuttuu."), filename))
    if errors:
        return [], errors
    municipalities = _municipalities()
    rows: list[ParticipantRow] = []
    line = 1
    for raw in reader:
        line = reader.line_num
        if None in raw:
            errors.append(
                RowError(line, "", _("Rivillä on enemmän kenttiä kuin otsikossa."), filename)
            )
            continue
        if not any((v or "").strip() for v in raw.values()):
            continue
        r = _RowReader(raw, line, filename)
        parsed = _parse_participant(r, municipalities, operation, today)
        errors += r.errors
        if parsed is not None and not r.errors:
            rows.append(parsed)
    if line == 1 and not errors:
        errors.append(RowError(None, "", _("Tiedostossa ei ole yhtään osallistujaa."), filename))
    return rows, errors


def _parse_participant(
    r: _RowReader,
    municipalities: dict[str, Municipality],
    operation: Operation,
    today: datetime.date,
) -> ParticipantRow | None:
    external_id = r.text("external_id", required=True)
    first_name = r.text("first_name", required=True)
    last_name = r.text("last_name", required=True)
    raw_code = r.text("personal_identity_code", max_length=20)
    gender = r.choice("gender", Gender.values, required=True)
    birth_date = r.date("birth_date", required=True)
    municipality_text = r.text("municipality", required=True)
    municipality = municipalities.get(municipality_text.casefold())
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
        if isced_text.isdigit() and 0 <= int(isced_text) <= 8:
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
    operation: Operation,
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
    operation: Operation,
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
    operation: Operation,
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


def _json_lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, line


def _read_job_seeker_records(
    text: str, *, filename: str
) -> tuple[list[JobSeekerRecord], list[RowError]]:
    errors: list[RowError] = []
    objects: list[tuple[int, dict[str, Any]]] = []
    uris: set[str] = set()
    for number, line in _json_lines(text):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(
                RowError(
                    number,
                    "",
                    _("Rivi ei ole kelvollista JSONia: %(msg)s") % {"msg": exc.msg},
                    filename,
                )
            )
            continue
        if not isinstance(obj, dict):
            errors.append(RowError(number, "", _("Rivin on oltava JSON-olio."), filename))
            continue
        objects.append((number, obj))
        for key in ("skills",):
            for item in obj.get(key) or []:
                if isinstance(item, dict) and isinstance(item.get("uri"), str):
                    uris.add(item["uri"])
        for key in ("requirements", "target_occupations"):
            for item in obj.get(key) or []:
                if isinstance(item, str):
                    uris.add(item)
    if not objects and not errors:
        errors.append(RowError(None, "", _("Tiedostossa ei ole yhtään riviä."), filename))
    concepts = concepts_by_uri(uris)
    municipalities = _municipalities()
    records = []
    for number, obj in objects:
        record, row_errors = _parse_job_seeker(number, obj, concepts, municipalities, filename)
        errors += row_errors
        if record is not None:
            records.append(record)
    return records, errors


def _parse_job_seeker(
    number: int,
    obj: dict[str, Any],
    concepts: dict[str, Concept],
    municipalities: dict[str, Municipality],
    filename: str,
) -> tuple[JobSeekerRecord | None, list[RowError]]:
    errors: list[RowError] = []

    def err(name: str, reason: str) -> None:
        errors.append(RowError(number, name, reason, filename))

    for key in sorted(set(obj) - JOB_SEEKER_KEYS):
        err(key, _("Tuntematon kenttä."))
    text_values = {}
    for key in ("external_id", "first_name", "last_name"):
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            err(key, _("Pakollinen tieto puuttuu tai ei ole tekstiä."))
        elif len(value.strip()) > 100:
            err(key, _("Liian pitkä (enintään %(max)s merkkiä).") % {"max": 100})
        text_values[key] = value.strip() if isinstance(value, str) else ""
    municipality = None
    raw_municipality = obj.get("municipality")
    if raw_municipality not in (None, ""):
        if not isinstance(raw_municipality, str):
            err("municipality", _("Kunnan on oltava tekstiä (koodi tai nimi)."))
        else:
            municipality = municipalities.get(raw_municipality.strip().casefold())
            if municipality is None:
                err("municipality", _("Tuntematon kunta: %(value)s") % {"value": raw_municipality})

    def concept(path: str, uri: Any, types: tuple[str, ...]) -> Concept | None:
        if not isinstance(uri, str) or not uri:
            err(path, _("URI puuttuu tai ei ole tekstiä."))
            return None
        found = concepts.get(uri)
        if found is None:
            err(path, _("Tuntematon käsite: %(uri)s") % {"uri": uri})
            return None
        if found.type not in types:
            err(path, _("Käsite %(uri)s on tyyppiä %(type)s.") % {"uri": uri, "type": found.type})
            return None
        return found

    def as_list(key: str) -> list[Any]:
        value = obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            err(key, _("Kentän on oltava lista."))
            return []
        return value

    record = JobSeekerRecord(
        line=number,
        external_id=text_values["external_id"],
        first_name=text_values["first_name"],
        last_name=text_values["last_name"],
        municipality=municipality,
    )
    seen: set[str] = set()
    for index, item in enumerate(as_list("skills")):
        path = f"skills[{index}]"
        if not isinstance(item, dict):
            err(path, _("Taidon on oltava olio, jossa uri ja level."))
            continue
        for key in sorted(set(item) - SKILL_KEYS):
            err(f"{path}.{key}", _("Tuntematon kenttä."))
        skill = concept(f"{path}.uri", item.get("uri"), (ConceptType.SKILL, ConceptType.KNOWLEDGE))
        level = item.get("level")
        if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
            err(f"{path}.level", _("Tason on oltava kokonaisluku 1–4."))
            level = None
        source = item.get("source", DEFAULT_IMPORTED_SKILL_SOURCE)
        if source not in SkillSource.values:
            err(f"{path}.source", _("Tuntematon lähde: %(value)s") % {"value": source})
        if skill is not None and skill.uri in seen:
            err(f"{path}.uri", _("Sama taito on listassa kahdesti."))
        elif skill is not None and level is not None:
            seen.add(skill.uri)
            record.skills.append((skill, level, source))
    for key, types, target in (
        ("requirements", (ConceptType.REQUIREMENT,), record.requirements),
        ("target_occupations", (ConceptType.OCCUPATION,), record.targets),
    ):
        for index, uri in enumerate(as_list(key)):
            found = concept(f"{key}[{index}]", uri, types)
            if found is not None and found not in target:
                target.append(found)
    return (None if errors else record), errors


def job_seekers_import(
    *,
    text: str,
    area: EmploymentArea,
    filename: str = "",
    actor: User | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import job seekers and their profiles (one JSON object a line) into `area`.

    Skills are added or updated (level, source); requirement cards and target occupations
    are added. What the file does not mention is left as it is.
    """
    records, errors = _read_job_seeker_records(text, filename=filename)
    errors += _cross_row_errors(records, area_id=area.pk, filename=filename, code_column="")
    if errors:
        raise ImportRejectedError(sorted(errors, key=lambda e: (e.line or 0, e.field)))
    return _apply_job_seekers(records, area=area, actor=actor, progress=progress)


@transaction.atomic
def _apply_job_seekers(
    records: list[JobSeekerRecord],
    *,
    area: EmploymentArea,
    actor: User | None,
    progress: Progress | None,
) -> ImportResult:
    people = {
        p.external_id: p
        for p in JobSeeker.objects.select_for_update().filter(
            employment_area=area, external_id__in=[r.external_id for r in records]
        )
    }
    ids = [p.pk for p in people.values()]
    skills = {
        (s.job_seeker_id, s.concept_id): s
        for s in ProfileSkill.objects.filter(job_seeker_id__in=ids)
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
    result = ImportResult()
    for record in _identity(progress, records):
        person, person_changes = _upsert_person(
            people.get(record.external_id),
            area_id=area.pk,
            values={
                "external_id": record.external_id,
                "first_name": record.first_name,
                "last_name": record.last_name,
                "municipality": record.municipality,
            },
            identity_code="",
            actor=actor,
        )
        changed = bool(person_changes)
        for concept, level, source in record.skills:
            current = skills.get((person.pk, concept.pk))
            if current is None or (current.level, current.source) != (level, source):
                profile_skill_set(
                    actor=actor,
                    job_seeker=person,
                    concept=concept,
                    level=level,
                    source=source,
                    evidence=current.evidence if current else "",
                    assessed_on=current.assessed_on if current else None,
                )
                changed = True
        for concept in record.requirements:
            if (person.pk, concept.pk) not in cards:
                requirement_card_set(
                    actor=actor,
                    job_seeker=person,
                    concept=concept,
                    source=SkillSource.SELF_ASSESSED,
                )
                changed = True
        for concept in record.targets:
            if (person.pk, concept.pk) not in targets:
                target_occupation_add(actor=actor, job_seeker=person, concept=concept)
                changed = True
        if person_changes == "created":
            result.created += 1
        elif changed:
            result.updated += 1
        else:
            result.unchanged += 1
    return result
