"""ESF+ participants from CSV, read and checked: every row, then the file as a whole.

Nothing here writes; the rows that pass go to `participants.participants_import`.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Municipality
from kohtaanto.common.errors import RowError
from kohtaanto.common.imports import (
    ErrorCollector,
    MunicipalityIndex,
    RowReader,
    csv_rows,
    text_lines,
)
from kohtaanto.jobseekers.identity import (
    InvalidIdentityCodeError,
    identity_code_birth_date,
    identity_code_clean,
    identity_code_digest,
)
from kohtaanto.jobseekers.models import Answer, Gender, JobSeeker, LabourMarketStatus
from kohtaanto.jobseekers.rules import follow_up_due_on
from kohtaanto.jobseekers.validation import (
    FOLLOW_UP_FIELDS,
    RESULT_FIELDS,
    EntryData,
    ExitData,
    entry_errors,
    exit_errors,
)

if TYPE_CHECKING:
    from kohtaanto.programme.models import Operation


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


def _identity_in_use(area_id: int, digests: Iterable[str]) -> dict[str, str]:
    """digest → external id of the person already registered with that code."""
    return dict(
        JobSeeker.objects.filter(
            employment_area_id=area_id, identity_code_digest__in=list(digests)
        ).values_list("identity_code_digest", "external_id")
    )


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


def read_participant_rows(
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


def cross_row_errors(
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
